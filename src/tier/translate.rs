//! `Instr` → the JIT's IR, one op per instruction of a function.
//!
//! The inline forms cover what hot code runs most (moves, tests, compares,
//! tuple and list access, construction, small-integer and float
//! arithmetic, frames, local and remote calls, returns, BIF calls through
//! direct helpers); everything else becomes `Op::Step`, which the compiled
//! code runs through the interpreter's own implementation.

use crate::code::instr::{self as ins, Instr};
use crate::code::Module;
use crate::interp::direct;
use beamz_cranelift::ir::{self, Op};

fn src(s: ins::Src) -> ir::Src {
    match s {
        ins::Src::X(i) => ir::Src::X(i),
        ins::Src::Y(i) => ir::Src::Y(i),
        ins::Src::Lit(t) => ir::Src::Imm(t.0),
    }
}

fn dst(d: ins::Dst) -> ir::Dst {
    match d {
        ins::Dst::X(i) => ir::Dst::X(i),
        ins::Dst::Y(i) => ir::Dst::Y(i),
    }
}

fn type_test(t: ins::TypeTest) -> Option<ir::TypeTest> {
    use ins::TypeTest as T;
    use ir::TypeTest as J;
    Some(match t {
        T::Integer => J::Integer,
        T::Float => J::Float,
        T::Number => J::Number,
        T::Atom => J::Atom,
        T::Pid => J::Pid,
        T::Reference => J::Reference,
        T::Port => J::Port,
        T::Nil => J::Nil,
        T::List => J::List,
        T::NonemptyList => J::Cons,
        T::Tuple => J::Tuple,
        T::Boolean => J::Boolean,
        T::Function => J::Function,
        T::Map => J::Map,
        T::Binary => J::Binary,
        T::Bitstr => J::Bitstring,
    })
}

fn cmp(c: ins::Cmp) -> ir::Cmp {
    match c {
        ins::Cmp::Lt => ir::Cmp::Lt,
        ins::Cmp::Ge => ir::Cmp::Ge,
        ins::Cmp::Eq => ir::Cmp::Eq,
        ins::Cmp::Ne => ir::Cmp::Ne,
        ins::Cmp::EqExact => ir::Cmp::EqExact,
        ins::Cmp::NeExact => ir::Cmp::NeExact,
    }
}

fn arith(a: ins::ArithOp) -> ir::Arith {
    use ins::ArithOp as A;
    match a {
        A::Add => ir::Arith::Add,
        A::Sub => ir::Arith::Sub,
        A::Mul => ir::Arith::Mul,
        A::IntDiv => ir::Arith::IntDiv,
        A::Rem => ir::Arith::Rem,
        A::Band => ir::Arith::Band,
        A::Bor => ir::Arith::Bor,
        A::Bxor => ir::Arith::Bxor,
        A::Bsl => ir::Arith::Bsl,
        A::Bsr => ir::Arith::Bsr,
    }
}

fn freg(r: u16) -> bool {
    (r as usize) < ins::F_REGS
}

fn real(l: ins::Label) -> bool {
    l != ins::NO_LABEL
}

/// One instruction's op.
pub fn op(i: &Instr) -> Op {
    match i {
        Instr::Entry { .. } | Instr::Nop => Op::Nop,
        Instr::Move { src: s, dst: d } => Op::Move {
            src: src(*s),
            dst: dst(*d),
        },
        Instr::Swap { a, b } => Op::Swap {
            a: dst(*a),
            b: dst(*b),
        },
        Instr::Test { test, fail, src: s } if real(*fail) => match type_test(*test) {
            Some(t) => Op::Test {
                test: t,
                src: src(*s),
                fail: *fail,
            },
            None => Op::Step,
        },
        Instr::Compare { cmp: c, fail, a, b } if real(*fail) => Op::Cmp {
            cmp: cmp(*c),
            a: src(*a),
            b: src(*b),
            fail: *fail,
        },
        Instr::IsTaggedTuple {
            fail,
            src: s,
            arity,
            tag,
        } if real(*fail) && !tag.is_pointer() => Op::IsTaggedTuple {
            src: src(*s),
            arity: *arity,
            tag: tag.0,
            fail: *fail,
        },
        Instr::TestArity {
            fail,
            src: s,
            arity,
        } if real(*fail) => Op::TestArity {
            src: src(*s),
            arity: *arity,
            fail: *fail,
        },
        Instr::SelectVal {
            src: s,
            fail,
            table,
        } if real(*fail) && table.iter().all(|(t, _)| !t.is_pointer()) => {
            let mut t: Vec<(u64, u32)> = table.iter().map(|(t, l)| (t.0, *l)).collect();
            t.sort_unstable();
            Op::SelectVal {
                src: src(*s),
                fail: *fail,
                table: t,
            }
        }
        Instr::SelectArity {
            src: s,
            fail,
            table,
        } if real(*fail) => {
            let mut t: Vec<(u32, u32)> = table.to_vec();
            t.sort_unstable();
            Op::SelectArity {
                src: src(*s),
                fail: *fail,
                table: t,
            }
        }
        Instr::Jump { target } => Op::Jump { target: *target },
        Instr::GetList { src: s, head, tail } => Op::GetList {
            src: src(*s),
            head: dst(*head),
            tail: dst(*tail),
        },
        Instr::GetHd { src: s, dst: d } => Op::GetHd {
            src: src(*s),
            dst: dst(*d),
        },
        Instr::GetTl { src: s, dst: d } => Op::GetTl {
            src: src(*s),
            dst: dst(*d),
        },
        Instr::GetTupleElement {
            src: s,
            index,
            dst: d,
        } => Op::GetTupleElement {
            src: src(*s),
            index: *index,
            dst: dst(*d),
        },
        Instr::PutList { head, tail, dst: d } => Op::PutList {
            head: src(*head),
            tail: src(*tail),
            dst: dst(*d),
        },
        Instr::PutTuple2 { dst: d, elems } if !elems.is_empty() && elems.len() < 256 => {
            Op::PutTuple {
                elems: elems.iter().map(|e| src(*e)).collect(),
                dst: dst(*d),
            }
        }
        Instr::Arith {
            op: o,
            a,
            b,
            dst: d,
            ..
        } => Op::Arith {
            op: arith(*o),
            a: src(*a),
            b: src(*b),
            dst: dst(*d),
        },
        Instr::TestHeap { heap, .. } => Op::TestHeap { need: *heap },
        Instr::FMoveIn { src: s, fr } if freg(*fr) => Op::FMoveIn {
            src: src(*s),
            fr: *fr,
        },
        Instr::FMoveOut { fr, dst: d } if freg(*fr) => Op::FMoveOut {
            fr: *fr,
            dst: dst(*d),
        },
        Instr::FMoveF { from, to } if freg(*from) && freg(*to) => Op::FMove {
            from: *from,
            to: *to,
        },
        Instr::FConv { src: s, fr } if freg(*fr) => Op::FConv {
            src: src(*s),
            fr: *fr,
        },
        Instr::FArith {
            op: o,
            a,
            b,
            dst: d,
        } if freg(*a) && freg(*b) && freg(*d) => Op::FArith {
            op: match o {
                ins::FloatOp::Add => ir::FloatOp::Add,
                ins::FloatOp::Sub => ir::FloatOp::Sub,
                ins::FloatOp::Mul => ir::FloatOp::Mul,
                ins::FloatOp::Div => ir::FloatOp::Div,
            },
            a: *a,
            b: *b,
            dst: *d,
        },
        Instr::FNegate { a, dst: d } if freg(*a) && freg(*d) => Op::FNegate { a: *a, dst: *d },
        Instr::Allocate { stack, heap, .. } if *stack <= 32 => Op::Allocate {
            stack: *stack,
            heap: *heap,
        },
        Instr::Deallocate { n } | Instr::Trim { n } => Op::Deallocate { n: *n },
        Instr::InitYregs { regs } => Op::InitY {
            regs: regs.to_vec(),
        },
        Instr::Call { arity, target } => Op::Call {
            arity: *arity,
            target: *target,
        },
        Instr::CallLast {
            arity,
            target,
            dealloc,
        } => Op::CallLast {
            arity: *arity,
            target: *target,
            dealloc: *dealloc,
        },
        Instr::CallOnly { arity, target } => Op::CallOnly {
            arity: *arity,
            target: *target,
        },
        Instr::Return => Op::Return,
        Instr::Bif {
            bif,
            fail,
            args,
            dst: d,
            ..
        } if args.len() <= 3 => Op::Bif {
            bif: bif as *const ins::BifRef as u64,
            args: args.iter().map(|a| src(*a)).collect(),
            dst: dst(*d),
            fail: real(*fail).then_some(*fail),
        },
        Instr::CallBif { arity, bif } => Op::CallBif {
            arity: *arity,
            bif: bif as *const ins::BifRef as u64,
            tail: None,
        },
        Instr::CallExt { arity, export } if export.bif.is_none() => Op::CallExt {
            arity: *arity,
            export: export.target_word(),
            tail: None,
            direct: direct_callee(export),
        },
        Instr::CallExtLast {
            arity,
            export,
            dealloc,
        } if export.bif.is_none() => Op::CallExt {
            arity: *arity,
            export: export.target_word(),
            tail: Some(*dealloc),
            direct: direct_callee(export),
        },
        Instr::CallExtOnly { arity, export } if export.bif.is_none() => Op::CallExt {
            arity: *arity,
            export: export.target_word(),
            tail: Some(0),
            direct: direct_callee(export),
        },
        Instr::MakeFun {
            lambda,
            dst: d,
            env,
        } if env.len() < 256 => Op::MakeFun {
            lambda: *lambda as *const crate::code::Lambda as u64,
            env: env.iter().map(|e| src(*e)).collect(),
            dst: dst(*d),
        },
        Instr::IsFunction2 {
            fail,
            src: s,
            arity: ins::Src::Lit(a),
        } if a.is_small() && (0..256).contains(&a.small_value()) && real(*fail) => Op::IsFunArity {
            src: src(*s),
            arity: a.small_value() as u32,
            fail: *fail,
        },
        Instr::BsGet {
            what: ins::BsGetKind::Integer,
            fail,
            ctx,
            size: ins::Src::Lit(s),
            unit,
            flags,
            dst: d,
        } if real(*fail)
            && s.is_small()
            && s.small_value() >= 0
            && crate::interp::bits::small_field(
                (s.small_value() as u64).saturating_mul(*unit.max(&1) as u64),
                *flags,
            ) =>
        {
            Op::BsGetSmall {
                ctx: src(*ctx),
                bits: (s.small_value() as u64 * *unit.max(&1) as u64) as u32,
                flags: *flags,
                dst: dst(*d),
                fail: *fail,
            }
        }
        Instr::CallFun { arity } => Op::CallFun {
            arity: *arity,
            fun: ir::Src::X(*arity as u16),
        },
        Instr::CallFun2 { arity, fun } => Op::CallFun {
            arity: *arity,
            fun: src(*fun),
        },
        Instr::BsGetPosition { ctx, dst: d } => Op::BsPosition {
            ctx: src(*ctx),
            dst: dst(*d),
        },
        Instr::BsSetPosition { ctx, pos } => Op::BsSetPosition {
            ctx: src(*ctx),
            pos: src(*pos),
        },
        Instr::BsTestUnit { fail, ctx, unit } if real(*fail) => Op::BsTestRemaining {
            ctx: src(*ctx),
            test: ir::BsRemaining::Unit(*unit),
            fail: *fail,
        },
        Instr::BsTestTail { fail, ctx, bits } if real(*fail) => Op::BsTestRemaining {
            ctx: src(*ctx),
            test: ir::BsRemaining::Exactly(*bits),
            fail: *fail,
        },
        i if direct::is_direct(i) => Op::Exec {
            instr: i as *const Instr as u64,
            dsts: direct::dsts(i).into_iter().map(dst).collect(),
            fail: direct::fail_label(i).filter(|l| real(*l)),
        },
        _ => Op::Step,
    }
}

/// For a remote call: the export word's current value and the code word
/// of the function it points into (`None` while it is not loaded).
fn direct_callee(export: &crate::code::Export) -> Option<(u64, u64)> {
    let (mi, ip) = export.target()?;
    let m = crate::code::module_ref(mi)?;
    let callee = m
        .functions
        .partition_point(|f| f.start <= ip)
        .checked_sub(1)?;
    let word = m.tier.code_word(callee)?;
    Some((((mi as u64) << 32 | ip as u64) + 1, word))
}

/// `call_bif_last`/`_only` as a BIF call and a return (when the module
/// has a `return` for the return's slow path to step).
fn bif_tail(i: &Instr, ret_ip: Option<u32>) -> Option<Op> {
    let (arity, bif, n) = match i {
        Instr::CallBifLast {
            arity,
            bif,
            dealloc,
        } => (*arity, bif, *dealloc),
        Instr::CallBifOnly { arity, bif } => (*arity, bif, 0),
        _ => return None,
    };
    Some(Op::CallBif {
        arity,
        bif: bif as *const ins::BifRef as u64,
        tail: Some((n, ret_ip?)),
    })
}

/// The IR of function `func` of `m`: from its `FuncInfo` up to the next
/// function (or the module's `IntCodeEnd`).
pub fn function(m: &Module, func: usize) -> Option<ir::Function> {
    let fi = m.functions.get(func)?;
    let end = match m.functions.get(func + 1) {
        Some(next) => next.start,
        None => m.code.len().saturating_sub(1) as u32,
    };
    let start = fi.start;
    let code = m.code.get(start as usize..end as usize)?;
    // any `return` of the module: the slow path of a BIF tail call's return
    let ret_ip = m
        .code
        .iter()
        .position(|i| matches!(i, Instr::Return))
        .map(|p| p as u32);
    let mut callees: Vec<(u32, u64)> = Vec::new();
    for i in code {
        let target = match i {
            Instr::Call { target, .. }
            | Instr::CallLast { target, .. }
            | Instr::CallOnly { target, .. } => *target,
            _ => continue,
        };
        if (start..end).contains(&target) || callees.iter().any(|c| c.0 == target) {
            continue;
        }
        let callee = m.functions.partition_point(|f| f.start <= target);
        if let Some(word) = callee.checked_sub(1).and_then(|c| m.tier.code_word(c)) {
            callees.push((target, word));
        }
    }
    Some(ir::Function {
        name: format!(
            "{}:{}/{}",
            crate::term::atom::name(m.name),
            crate::term::atom::name(fi.name),
            fi.arity
        ),
        module: m.index,
        start,
        ops: code
            .iter()
            .map(|i| {
                catch_slot(i, m.index)
                    .or_else(|| bif_tail(i, ret_ip))
                    .unwrap_or_else(|| op(i))
            })
            .collect(),
        callees,
    })
}

/// `catch`/`try`/`try_end`: the catch tag (which names the module) or nil
/// into the slot, and the process's count of active catches.
fn catch_slot(i: &Instr, module: u16) -> Option<Op> {
    Some(match i {
        Instr::Catch { y, handler } | Instr::Try { y, handler } => Op::CatchSlot {
            y: *y,
            value: crate::term::Term::catch_tag(module, *handler, *y).0,
            enter: true,
        },
        Instr::TryEnd { y } => Op::CatchSlot {
            y: *y,
            value: crate::term::Term::NIL.0,
            enter: false,
        },
        _ => return None,
    })
}

/// Does the JIT compile `i` inline? (The interpreter, stepping for
/// compiled code, keeps going through instructions that would come back
/// to it anyway.) Must agree with [`op`] up to performance only.
#[inline]
pub fn is_inline(i: &Instr) -> bool {
    if let Instr::CallExt { export, .. }
    | Instr::CallExtLast { export, .. }
    | Instr::CallExtOnly { export, .. } = i
    {
        return export.bif.is_none();
    }
    direct::is_direct(i)
        || matches!(
            i,
            Instr::Entry { .. }
                | Instr::CallBif { .. }
                | Instr::Bif { .. }
                | Instr::CallBifLast { .. }
                | Instr::CallBifOnly { .. }
                | Instr::Nop
                | Instr::Catch { .. }
                | Instr::Try { .. }
                | Instr::TryEnd { .. }
                | Instr::Move { .. }
                | Instr::Swap { .. }
                | Instr::Test { .. }
                | Instr::Compare { .. }
                | Instr::IsTaggedTuple { .. }
                | Instr::TestArity { .. }
                | Instr::SelectVal { .. }
                | Instr::SelectArity { .. }
                | Instr::Jump { .. }
                | Instr::GetList { .. }
                | Instr::GetHd { .. }
                | Instr::GetTl { .. }
                | Instr::GetTupleElement { .. }
                | Instr::PutList { .. }
                | Instr::PutTuple2 { .. }
                | Instr::Arith { .. }
                | Instr::TestHeap { .. }
                | Instr::Allocate { .. }
                | Instr::Deallocate { .. }
                | Instr::Trim { .. }
                | Instr::InitYregs { .. }
                | Instr::Call { .. }
                | Instr::CallLast { .. }
                | Instr::CallOnly { .. }
                | Instr::CallFun { .. }
                | Instr::CallFun2 { .. }
                | Instr::MakeFun { .. }
                | Instr::IsFunction2 { .. }
                | Instr::Return
                | Instr::FMoveIn { .. }
                | Instr::FMoveOut { .. }
                | Instr::FMoveF { .. }
                | Instr::FConv { .. }
                | Instr::FArith { .. }
                | Instr::FNegate { .. }
        )
}
