//! The interpreter: runs one process over the internal instruction stream
//! until it yields (reductions used up), waits (receive), exits or halts.
//!
//! Dispatch is a `match` over [`Instr`] in a loop (see `dispatch` notes in
//! docs/ARCHITECTURE.md); the current module's code slice is held for the
//! inner loop and swapped when control crosses modules. Erlang calls never
//! recurse on the Rust stack: call = push a continuation pointer on the
//! process stack and jump.
//!
//! Registers: x registers live in [`Regs`] (one per scheduler), y registers
//! are the top frame's slots on `Process::stack`, float registers are in
//! `Regs` too. Out-of-frame y accesses (only possible with unverified code)
//! read `[]` and write nowhere rather than panicking.

pub(crate) mod bits;
mod bs_create;
pub mod direct;
mod exception;
pub mod maps;

use crate::bif::{Class, Exc};
use crate::code;
use crate::code::instr::*;
use crate::process::Process;
use crate::term::{atom, order, Term};
use direct::Direct;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use exception::{cook_trace_term, format_mfa};

/// Register files of one scheduler.
pub struct Regs {
    pub x: Box<[Term; X_REGS]>,
    pub f: Box<[f64; F_REGS]>,
}

impl Default for Regs {
    fn default() -> Self {
        Regs {
            x: Box::new([Term::NIL; X_REGS]),
            f: Box::new([0.0; F_REGS]),
        }
    }
}

/// Why `run` returned.
#[derive(Debug)]
pub enum Outcome {
    /// Reductions used up; resume later at `p.resume` with `p.saved_x`.
    Yield,
    /// Suspended in a receive; resume at `p.resume` when a signal arrives
    /// or the timer (if armed) fires.
    Wait,
    /// The process finished: normally (`normal`) or by an uncaught
    /// exception (class, reason, stack trace).
    Exit {
        class: Class,
        reason: Term,
        trace: Term,
    },
    /// `erlang:halt/1`.
    Halt(i32),
    /// (Tiers only, never seen by the scheduler.) `step` ran its one
    /// instruction; continue at `p.resume` with the registers as they are.
    Stepped,
    /// (Tiers only.) A function entry with compiled code: continue natively
    /// at `p.resume` with the registers as they are.
    Enter,
}

/// The continuation pointer at the bottom of every process stack: returning
/// to it ends the process normally.
pub const EXIT_CP: Term = Term::cp(u16::MAX, u32::MAX);

/// Reductions per time slice (OTP: 4000).
pub const SLICE: i64 = 4000;

/// Where a raise came from, for the stack trace.
pub(crate) enum Origin {
    /// A failing instruction in the current function.
    Here,
    /// A failing instruction in the current function whose frame carries
    /// this `error_info` map in its location (`bs_create_bin`).
    Info(Term),
    /// A BIF that failed: its export and arguments.
    Bif(&'static code::Export, Vec<Term>),
    /// A call to an undefined function: module, function, arguments, and
    /// whether it was a tail call (the caller's frame is already gone, so
    /// as in OTP the trace goes on with the caller's continuation).
    Undef(atom::Atom, atom::Atom, Vec<Term>, bool),
    /// function_clause: the function's own arguments become the frame.
    Clause(u32),
}

pub(crate) struct Raise {
    pub exc: Exc,
    pub origin: Origin,
}

enum Flow {
    /// Continue at (module, ip) with this many live x registers.
    Goto(u16, u32, u32),
    Raise(Raise),
    /// A BIF call is waiting for a reply (`Process::bif_wait` is set).
    Wait,
}

/// Read a y register (top frame), tolerating bad indices.
#[inline(always)]
fn y_get(p: &Process, i: u16) -> Term {
    let len = p.stack.len();
    match len.checked_sub(1 + i as usize) {
        Some(at) => p.stack[at],
        None => Term::NIL,
    }
}

#[inline(always)]
fn y_set(p: &mut Process, i: u16, t: Term) {
    let len = p.stack.len();
    if let Some(at) = len.checked_sub(1 + i as usize) {
        p.stack[at] = t;
    }
}

#[inline(always)]
fn get(p: &Process, x: &[Term; X_REGS], s: Src) -> Term {
    match s {
        Src::X(i) => x[i as usize],
        Src::Y(i) => y_get(p, i),
        Src::Lit(t) => t,
    }
}

#[inline(always)]
fn put(p: &mut Process, x: &mut [Term; X_REGS], d: Dst, t: Term) {
    match d {
        Dst::X(i) => x[i as usize] = t,
        Dst::Y(i) => y_set(p, i, t),
    }
}

fn type_test(test: TypeTest, t: Term) -> bool {
    match test {
        TypeTest::Integer => t.is_integer(),
        TypeTest::Float => t.is_float(),
        TypeTest::Number => t.is_number(),
        TypeTest::Atom => t.is_atom(),
        TypeTest::Pid => t.is_pid(),
        TypeTest::Reference => t.is_ref(),
        TypeTest::Port => t.is_port(),
        TypeTest::Nil => t.is_nil(),
        TypeTest::Binary => {
            t.is_bitstring() && crate::term::binary::view(t).is_some_and(|b| b.is_binary())
        }
        TypeTest::Bitstr => t.is_bitstring(),
        TypeTest::List => t.is_list(),
        TypeTest::NonemptyList => t.is_cons(),
        TypeTest::Tuple => t.is_tuple(),
        TypeTest::Boolean => t.is_boolean(),
        TypeTest::Function => t.is_fun(),
        TypeTest::Map => t.is_map(),
    }
}

/// Small-integer arithmetic without leaving the interpreter loop; `None`
/// when the result (or the operation) needs the general path.
#[inline(always)]
fn small_arith(op: ArithOp, x: i64, y: i64) -> Option<Term> {
    let r = match op {
        ArithOp::Add => x + y,
        ArithOp::Sub => x - y,
        ArithOp::Mul => x.checked_mul(y)?,
        ArithOp::IntDiv => {
            if y == 0 {
                return None;
            }
            x / y
        }
        ArithOp::Rem => {
            if y == 0 {
                return None;
            }
            x % y
        }
        ArithOp::Band => x & y,
        ArithOp::Bor => x | y,
        ArithOp::Bxor => x ^ y,
        ArithOp::Bsl => {
            if !(0..16).contains(&y) {
                return None;
            }
            x << y
        }
        ArithOp::Bsr => {
            if y < 0 {
                return None;
            }
            x >> y.min(63)
        }
    };
    Term::try_small(r)
}

#[cold]
pub(crate) fn arith_slow(p: &mut Process, op: ArithOp, a: Term, b: Term) -> Result<Term, Exc> {
    use crate::bif::arith;
    match op {
        ArithOp::Add => arith::add(p, a, b),
        ArithOp::Sub => arith::sub(p, a, b),
        ArithOp::Mul => arith::mul(p, a, b),
        ArithOp::IntDiv => arith::idiv(p, a, b),
        ArithOp::Rem => arith::rem(p, a, b),
        ArithOp::Band => arith::band(p, a, b),
        ArithOp::Bor => arith::bor(p, a, b),
        ArithOp::Bxor => arith::bxor(p, a, b),
        ArithOp::Bsl => arith::shift(p, a, b),
        ArithOp::Bsr => {
            if !b.is_integer() {
                return Err(Exc::badarith());
            }
            let nb = arith::sub(p, Term::small(0), b)?;
            arith::shift(p, a, nb)
        }
    }
}

/// `=:=` with the common cases inline: identical words, or two different
/// immediates (which are never exactly equal unless both are floats).
#[inline(always)]
fn exact_eq_fast(a: Term, b: Term) -> bool {
    if a == b {
        return true;
    }
    if !(a.is_pointer() || b.is_pointer() || (a.is_float() && b.is_float())) {
        return false;
    }
    order::exact_eq(a, b)
}

#[inline]
fn compare(cmp: Cmp, a: Term, b: Term) -> bool {
    match cmp {
        Cmp::EqExact => exact_eq_fast(a, b),
        Cmp::NeExact => !exact_eq_fast(a, b),
        Cmp::Eq => order::eq(a, b),
        Cmp::Ne => !order::eq(a, b),
        Cmp::Lt => {
            if a.is_small() && b.is_small() {
                a.small_value() < b.small_value()
            } else {
                order::compare(a, b, false) == std::cmp::Ordering::Less
            }
        }
        Cmp::Ge => {
            if a.is_small() && b.is_small() {
                a.small_value() >= b.small_value()
            } else {
                order::compare(a, b, false) != std::cmp::Ordering::Less
            }
        }
    }
}

fn select_val(table: &[(Term, Label)], v: Term) -> Option<Label> {
    if let Ok(i) = table.binary_search_by_key(&v.0, |(t, _)| t.0) {
        return Some(table[i].1);
    }
    if v.is_pointer() {
        // bignums and other boxed constants: compare by value
        for &(t, l) in table {
            if t.is_pointer() && order::exact_eq(t, v) {
                return Some(l);
            }
        }
    }
    None
}

#[cold]
fn err(reason: Term) -> Flow {
    Flow::Raise(Raise {
        exc: Exc::error(reason),
        origin: Origin::Here,
    })
}

#[cold]
fn err_tuple(p: &mut Process, tag: atom::Atom, v: Term) -> Flow {
    let t = p.heap.tuple(&[Term::atom(tag), v]);
    err(t)
}

/// Run `p` for up to `reductions` reductions, starting at `p.resume` with
/// x registers from `p.saved_x`.
pub fn run(p: &mut Process, regs: &mut Regs, reductions: i64) -> Outcome {
    for (i, t) in p.saved_x.drain(..).enumerate() {
        regs.x[i] = t;
    }
    let mut reds = reductions;
    exec::<false>(p, regs, &mut reds)
}

/// Interpret from `p.resume` with the registers as they are (the tier
/// trampoline's entry); returns `Enter` at a function entry that has
/// compiled code. `reds` is updated.
pub fn run_live(p: &mut Process, regs: &mut Regs, reds: &mut i64) -> Outcome {
    exec::<false>(p, regs, reds)
}

/// Run exactly the one instruction at `p.resume` (compiled code's slow
/// path): `Stepped` with `p.resume` at the next instruction (including
/// after a call, a return, or a raise caught by a handler), or how the
/// process ended its slice.
pub fn step(p: &mut Process, regs: &mut Regs, reds: &mut i64) -> Outcome {
    exec::<true>(p, regs, reds)
}

#[inline(always)]
fn exec<const STEP: bool>(p: &mut Process, regs: &mut Regs, reds_io: &mut i64) -> Outcome {
    let x = &mut *regs.x;
    let fr = &mut *regs.f;
    let mut reds = *reds_io;
    let (mut mi, mut ip) = p.resume;
    // a BIF call suspended waiting for a reply: make it again first
    let mut resumed = p.bif_wait.map(|w| resume_bif(p, x, w));
    let mut stepped = false;
    // Stepping inside a receive's scan of the mailbox (from `loop_rec` to
    // `remove_message` or a wait): keep going, so that skipping a message
    // costs no round trip through compiled code.
    let mut scanning = false;
    'outer: loop {
        let Some(module) = code::module_ref(mi) else {
            return exit_with_error(p, Term::atom(atom::UNDEF));
        };
        let code = &module.code[..];
        let flow: Flow = match resumed.take() {
            Some(f) => f,
            None => 'inner: loop {
                let Some(ins) = code.get(ip as usize) else {
                    break 'inner err(Term::atom(atom::BADARG));
                };
                if STEP {
                    // Hand back to compiled code at the next instruction it
                    // has an inline form for (runs of stepped instructions,
                    // such as a receive loop, stay here).
                    if stepped && !scanning && crate::tier::translate::is_inline(ins) {
                        p.resume = (mi, ip);
                        *reds_io = reds;
                        return Outcome::Stepped;
                    }
                    stepped = true;
                    match ins {
                        Instr::LoopRec { .. } => scanning = true,
                        Instr::RemoveMessage
                        | Instr::Wait { .. }
                        | Instr::WaitTimeout { .. }
                        | Instr::Timeout => scanning = false,
                        _ => {}
                    }
                }
                match ins {
                    Instr::Entry { func } => {
                        if !STEP
                            && crate::tier::mode() != crate::tier::Mode::Off
                            && crate::tier::at_entry(module, *func)
                        {
                            p.resume = (mi, ip);
                            *reds_io = reds;
                            return Outcome::Enter;
                        }
                        ip += 1;
                    }
                    Instr::Move { src, dst } => {
                        let v = get(p, x, *src);
                        put(p, x, *dst, v);
                        ip += 1;
                    }
                    Instr::Test { test, fail, src } => {
                        if type_test(*test, get(p, x, *src)) {
                            ip += 1;
                        } else {
                            ip = *fail;
                        }
                    }
                    Instr::Compare { cmp, fail, a, b } => {
                        if compare(*cmp, get(p, x, *a), get(p, x, *b)) {
                            ip += 1;
                        } else {
                            ip = *fail;
                        }
                    }
                    Instr::IsTaggedTuple {
                        fail,
                        src,
                        arity,
                        tag,
                    } => {
                        let t = get(p, x, *src);
                        if t.is_tuple()
                            && t.tuple_arity() == *arity as usize
                            && t.element(0) == *tag
                        {
                            ip += 1;
                        } else {
                            ip = *fail;
                        }
                    }
                    Instr::TestArity { fail, src, arity } => {
                        let t = get(p, x, *src);
                        if t.is_tuple() && t.tuple_arity() == *arity as usize {
                            ip += 1;
                        } else {
                            ip = *fail;
                        }
                    }
                    Instr::IsFunction2 { fail, src, arity } => {
                        let f = get(p, x, *src);
                        let a = get(p, x, *arity);
                        if !a.is_small() || a.small_value() < 0 {
                            break 'inner err(Term::atom(atom::BADARG));
                        }
                        if f.is_fun() && fun_arity(f) == a.small_value() as u32 {
                            ip += 1;
                        } else {
                            ip = *fail;
                        }
                    }
                    Instr::SelectVal { src, fail, table } => {
                        let v = get(p, x, *src);
                        ip = select_val(table, v).unwrap_or(*fail);
                    }
                    Instr::SelectArity { src, fail, table } => {
                        let v = get(p, x, *src);
                        ip = *fail;
                        if v.is_tuple() {
                            let a = v.tuple_arity() as u32;
                            if let Ok(i) = table.binary_search_by_key(&a, |(a, _)| *a) {
                                ip = table[i].1;
                            }
                        }
                    }
                    Instr::Jump { target } => ip = *target,

                    // ---- data ----
                    Instr::GetList { src, head, tail } => {
                        let l = get(p, x, *src);
                        if !l.is_cons() {
                            // only reachable with unverified code
                            break 'inner err(Term::atom(atom::BADARG));
                        }
                        let (h, t) = l.cons_parts();
                        put(p, x, *head, h);
                        put(p, x, *tail, t);
                        ip += 1;
                    }
                    Instr::GetHd { src, dst } => {
                        let l = get(p, x, *src);
                        if !l.is_cons() {
                            break 'inner err(Term::atom(atom::BADARG));
                        }
                        let h = l.head();
                        put(p, x, *dst, h);
                        ip += 1;
                    }
                    Instr::GetTl { src, dst } => {
                        let l = get(p, x, *src);
                        if !l.is_cons() {
                            break 'inner err(Term::atom(atom::BADARG));
                        }
                        let t = l.tail();
                        put(p, x, *dst, t);
                        ip += 1;
                    }
                    Instr::GetTupleElement { src, index, dst } => {
                        let t = get(p, x, *src);
                        let v = if t.is_tuple() && (*index as usize) < t.tuple_arity() {
                            t.element(*index as usize)
                        } else {
                            break 'inner err(Term::atom(atom::BADARG));
                        };
                        put(p, x, *dst, v);
                        ip += 1;
                    }
                    Instr::SetTupleElement {
                        value,
                        tuple,
                        index,
                    } => {
                        let t = get(p, x, *tuple);
                        let v = get(p, x, *value);
                        if t.is_tuple()
                            && !t.is_literal_ptr()
                            && (*index as usize) < t.tuple_arity()
                        {
                            t.set_word(1 + *index as usize, v.0);
                        }
                        ip += 1;
                    }
                    Instr::PutList { head, tail, dst } => {
                        let h = get(p, x, *head);
                        let t = get(p, x, *tail);
                        let c = p.heap.cons(h, t);
                        put(p, x, *dst, c);
                        ip += 1;
                    }
                    Instr::PutTuple2 { dst, elems } => {
                        let (t, body) = p.heap.boxed(crate::term::Kind::Tuple, elems.len());
                        for (i, e) in elems.iter().enumerate() {
                            let v = get(p, x, *e);
                            // SAFETY: `body` has `elems.len()` words.
                            unsafe { *body.add(i) = v.0 };
                        }
                        put(p, x, *dst, t);
                        ip += 1;
                    }
                    Instr::MakeFun { lambda, dst, env } => {
                        let (t, body) = p.heap.boxed(crate::term::Kind::Closure, 1 + env.len());
                        // SAFETY: `body` has `1 + env.len()` words; lambdas are immortal.
                        unsafe { *body = *lambda as *const code::Lambda as u64 };
                        for (i, e) in env.iter().enumerate() {
                            let v = get(p, x, *e);
                            // SAFETY: as above.
                            unsafe { *body.add(1 + i) = v.0 };
                        }
                        put(p, x, *dst, t);
                        ip += 1;
                    }
                    Instr::Swap { a, b } => {
                        let va = get(p, x, dst_src(*a));
                        let vb = get(p, x, dst_src(*b));
                        put(p, x, *a, vb);
                        put(p, x, *b, va);
                        ip += 1;
                    }

                    // ---- frames ----
                    Instr::Allocate { stack, heap, live } => {
                        if p.heap.wants_gc(*heap as usize) {
                            collect(p, x, *live, *heap as usize);
                            if over_limit(p) {
                                if let Some(o) = limit_reached(p) {
                                    return o;
                                }
                            }
                        }
                        let n = *stack as usize;
                        // The heap is measured after a collection (garbage does
                        // not count); the stack at every frame.
                        if p.stack.len() > word_limit(p) {
                            if let Some(o) = limit_reached(p) {
                                return o;
                            }
                        }
                        p.stack.resize(p.stack.len() + n, Term::NIL);
                        ip += 1;
                    }
                    Instr::TestHeap { heap, live } => {
                        if p.heap.wants_gc(*heap as usize) {
                            collect(p, x, *live, *heap as usize);
                            if over_limit(p) {
                                if let Some(o) = limit_reached(p) {
                                    return o;
                                }
                            }
                        }
                        ip += 1;
                    }
                    Instr::Deallocate { n } => {
                        let len = p.stack.len().saturating_sub(*n as usize);
                        p.stack.truncate(len);
                        ip += 1;
                    }
                    Instr::Trim { n } => {
                        let len = p.stack.len().saturating_sub(*n as usize);
                        p.stack.truncate(len);
                        ip += 1;
                    }
                    Instr::InitYregs { regs } => {
                        for &r in regs.iter() {
                            y_set(p, r, Term::NIL);
                        }
                        ip += 1;
                    }

                    // ---- calls ----
                    Instr::Call { arity, target } => {
                        if p.stack.len() > max_process_words() {
                            return out_of_memory(p);
                        }
                        gc_at_call(p, x, *arity);
                        p.stack.push(Term::cp(mi, ip + 1));
                        ip = *target;
                        reds -= 1;
                        if reds <= 0 {
                            return yield_at(p, x, mi, ip, *arity);
                        }
                    }
                    Instr::CallLast {
                        arity,
                        target,
                        dealloc,
                    } => {
                        let len = p.stack.len().saturating_sub(*dealloc as usize);
                        p.stack.truncate(len);
                        gc_at_call(p, x, *arity);
                        ip = *target;
                        reds -= 1;
                        if reds <= 0 {
                            return yield_at(p, x, mi, ip, *arity);
                        }
                    }
                    Instr::CallOnly { arity, target } => {
                        gc_at_call(p, x, *arity);
                        ip = *target;
                        reds -= 1;
                        if reds <= 0 {
                            return yield_at(p, x, mi, ip, *arity);
                        }
                    }
                    Instr::CallExt { arity, export } => {
                        gc_at_call(p, x, *arity);
                        reds -= 1;
                        break 'inner call_export(p, x, export, *arity, Some(Term::cp(mi, ip + 1)));
                    }
                    Instr::CallExtLast {
                        arity,
                        export,
                        dealloc,
                    } => {
                        let len = p.stack.len().saturating_sub(*dealloc as usize);
                        p.stack.truncate(len);
                        gc_at_call(p, x, *arity);
                        reds -= 1;
                        break 'inner call_export(p, x, export, *arity, None);
                    }
                    Instr::CallExtOnly { arity, export } => {
                        gc_at_call(p, x, *arity);
                        reds -= 1;
                        break 'inner call_export(p, x, export, *arity, None);
                    }
                    Instr::CallBif { arity, bif } => {
                        reds -= 1;
                        if STEP {
                            // compiled code already called the BIF, which failed
                            if let Some(e) = take_pending_bif_error() {
                                break 'inner bif_raise(e, bif.export, &x[..*arity as usize]);
                            }
                        }
                        match (bif.f)(p, &x[..*arity as usize]) {
                            Ok(v) => {
                                x[0] = v;
                                ip += 1;
                            }
                            Err(e) => break 'inner bif_raise(e, bif.export, &x[..*arity as usize]),
                        }
                    }
                    Instr::CallBifLast {
                        arity,
                        bif,
                        dealloc,
                    } => {
                        reds -= 1;
                        if STEP {
                            if let Some(e) = take_pending_bif_error() {
                                break 'inner bif_raise(e, bif.export, &x[..*arity as usize]);
                            }
                        }
                        match (bif.f)(p, &x[..*arity as usize]) {
                            Ok(v) => {
                                x[0] = v;
                                let len = p.stack.len().saturating_sub(*dealloc as usize);
                                p.stack.truncate(len);
                                break 'inner do_return(p);
                            }
                            Err(e) => break 'inner bif_raise(e, bif.export, &x[..*arity as usize]),
                        }
                    }
                    Instr::CallBifOnly { arity, bif } => {
                        reds -= 1;
                        if STEP {
                            if let Some(e) = take_pending_bif_error() {
                                break 'inner bif_raise(e, bif.export, &x[..*arity as usize]);
                            }
                        }
                        match (bif.f)(p, &x[..*arity as usize]) {
                            Ok(v) => {
                                x[0] = v;
                                break 'inner do_return(p);
                            }
                            Err(e) => break 'inner bif_raise(e, bif.export, &x[..*arity as usize]),
                        }
                    }
                    Instr::Arith {
                        op,
                        fail,
                        a,
                        b,
                        dst,
                    } => {
                        let va = get(p, x, *a);
                        let vb = get(p, x, *b);
                        if va.is_small() && vb.is_small() {
                            if let Some(t) = small_arith(*op, va.small_value(), vb.small_value()) {
                                put(p, x, *dst, t);
                                ip += 1;
                                continue;
                            }
                        }
                        match arith_slow(p, *op, va, vb) {
                            Ok(v) => {
                                put(p, x, *dst, v);
                                ip += 1;
                            }
                            Err(mut e) => {
                                if *fail != NO_LABEL {
                                    ip = *fail;
                                } else {
                                    let export = code::export(
                                        atom::ERLANG,
                                        atom::intern_static(op.name()),
                                        2,
                                    );
                                    if inline_operator(export, &[*a, *b]) {
                                        e.bif_frame = false;
                                    }
                                    break 'inner bif_raise(e, export, &[va, vb]);
                                }
                            }
                        }
                    }
                    Instr::Bif {
                        bif,
                        fail,
                        args,
                        dst,
                        live: _,
                    } => {
                        let mut a = [Term::NIL; 3];
                        let n = args.len().min(3);
                        for i in 0..n {
                            a[i] = get(p, x, args[i]);
                        }
                        match (bif.f)(p, &a[..n]) {
                            Ok(v) => {
                                put(p, x, *dst, v);
                                ip += 1;
                            }
                            Err(e) if e.class == Class::Halt => {
                                return Outcome::Halt(e.reason.small_value() as i32)
                            }
                            Err(mut e) => {
                                if *fail != NO_LABEL {
                                    ip = *fail;
                                } else {
                                    if inline_operator(bif.export, args) {
                                        e.bif_frame = false;
                                    }
                                    break 'inner bif_raise(e, bif.export, &a[..n]);
                                }
                            }
                        }
                    }
                    Instr::Return => {
                        break 'inner do_return(p);
                    }
                    Instr::Apply { arity } => {
                        reds -= 1;
                        break 'inner apply_regs(p, x, *arity, Some(Term::cp(mi, ip + 1)));
                    }
                    Instr::ApplyLast { arity, dealloc } => {
                        let len = p.stack.len().saturating_sub(*dealloc as usize);
                        p.stack.truncate(len);
                        reds -= 1;
                        break 'inner apply_regs(p, x, *arity, None);
                    }
                    Instr::ApplyBif { arity, tail } => {
                        let cp = match tail {
                            None => Some(Term::cp(mi, ip + 1)),
                            Some(d) => {
                                let len = p.stack.len().saturating_sub(*d as usize);
                                p.stack.truncate(len);
                                None
                            }
                        };
                        reds -= 1;
                        break 'inner apply_bif(p, x, *arity, cp);
                    }
                    Instr::CallFun { arity } => {
                        reds -= 1;
                        let f = x[*arity as usize];
                        break 'inner call_fun(p, x, f, *arity, Some(Term::cp(mi, ip + 1)));
                    }
                    Instr::CallFun2 { arity, fun } => {
                        let f = get(p, x, *fun);
                        reds -= 1;
                        break 'inner call_fun(p, x, f, *arity, Some(Term::cp(mi, ip + 1)));
                    }
                    Instr::Hibernate => {
                        if !x[0].is_atom() || !x[1].is_atom() || !x[2].is_list() {
                            let e = code::export(atom::ERLANG, atom::intern_static("hibernate"), 3);
                            let args = [x[0], x[1], x[2]];
                            break 'inner bif_raise(Exc::badarg(), e, &args);
                        }
                        // Keep only the exit continuation at the stack bottom.
                        p.stack.truncate(1);
                        p.save = 0;
                        let boot = *crate::vm::vm()
                            .boot_module
                            .lock()
                            .unwrap_or_else(|e| e.into_inner());
                        crate::vm::drain_inbox(p);
                        if !p.mailbox.is_empty() {
                            break 'inner Flow::Goto(boot, 0, 3);
                        }
                        p.saved_x.clear();
                        p.saved_x.extend_from_slice(&x[..3]);
                        p.resume = (boot, 0);
                        p.hibernated = true;
                        p.timer = 0;
                        return Outcome::Wait;
                    }
                    Instr::Yield => {
                        ip += 1;
                        return yield_at(p, x, mi, ip, 0);
                    }
                    Instr::FuncInfo { .. } => {
                        break 'inner Flow::Raise(Raise {
                            exc: Exc::error(Term::atom(atom::FUNCTION_CLAUSE)),
                            origin: Origin::Clause(ip),
                        });
                    }
                    Instr::Nop => ip += 1,
                    Instr::IntCodeEnd => break 'inner err(Term::atom(atom::BADARG)),

                    // ---- errors ----
                    Instr::Badmatch { src } => {
                        let v = get(p, x, *src);
                        break 'inner err_tuple(p, atom::BADMATCH, v);
                    }
                    Instr::CaseEnd { src } => {
                        let v = get(p, x, *src);
                        break 'inner err_tuple(p, atom::CASE_CLAUSE, v);
                    }
                    Instr::TryCaseEnd { src } => {
                        let v = get(p, x, *src);
                        break 'inner err_tuple(p, atom::TRY_CLAUSE, v);
                    }
                    Instr::Badrecord { src } => {
                        let v = get(p, x, *src);
                        break 'inner err_tuple(p, atom::BADRECORD, v);
                    }
                    Instr::IfEnd => break 'inner err(Term::atom(atom::IF_CLAUSE)),

                    // ---- exceptions ----
                    Instr::Catch { y, handler } | Instr::Try { y, handler } => {
                        y_set(p, *y, Term::catch_tag(mi, *handler, *y));
                        p.catches += 1;
                        ip += 1;
                    }
                    Instr::CatchEnd { y } => {
                        y_set(p, *y, Term::NIL);
                        p.catches = p.catches.saturating_sub(1);
                        if x[0].is_none() {
                            x[0] = exception::catch_value(p, x[1], x[2], x[3]);
                        }
                        ip += 1;
                    }
                    Instr::TryEnd { y } => {
                        y_set(p, *y, Term::NIL);
                        p.catches = p.catches.saturating_sub(1);
                        ip += 1;
                    }
                    Instr::TryCase { y } => {
                        y_set(p, *y, Term::NIL);
                        p.catches = p.catches.saturating_sub(1);
                        x[0] = x[1];
                        x[1] = x[2];
                        x[2] = x[3];
                        ip += 1;
                    }
                    Instr::Raise { trace, value } => {
                        let raw = get(p, x, *trace);
                        let v = get(p, x, *value);
                        break 'inner Flow::Raise(exception::reraise(raw, v));
                    }
                    Instr::BuildStacktrace => {
                        x[0] = exception::cook_raw(x[0]);
                        ip += 1;
                    }
                    Instr::RawRaise => match exception::raw_raise(x[0], x[1], x[2]) {
                        Some(r) => break 'inner Flow::Raise(r),
                        None => {
                            x[0] = Term::atom(atom::BADARG);
                            ip += 1;
                        }
                    },

                    // ---- messages ----
                    Instr::Send => {
                        let to = x[0];
                        let msg = x[1];
                        reds -= 1;
                        match crate::vm::send(p, to, msg) {
                            Ok(()) => {
                                x[0] = msg;
                                ip += 1;
                            }
                            Err(e) => {
                                let export =
                                    code::export(atom::ERLANG, atom::intern_static("!"), 2);
                                break 'inner bif_raise(e, export, &[to, msg]);
                            }
                        }
                    }
                    Instr::LoopRec { fail, dst } => {
                        if p.save >= p.mailbox.len() {
                            crate::vm::drain_inbox(p);
                        }
                        match p.mailbox.get(p.save) {
                            Some(m) => {
                                let t = m.term;
                                put(p, x, *dst, t);
                                ip += 1;
                            }
                            None => ip = *fail,
                        }
                    }
                    Instr::LoopRecEnd { target } => {
                        p.save += 1;
                        reds -= 1;
                        ip = *target;
                    }
                    Instr::RemoveMessage => {
                        if p.save < p.mailbox.len() {
                            if let Some(m) = p.remove_message(p.save) {
                                if let Some(frag) = m.frag {
                                    p.heap.adopt(frag);
                                }
                            }
                        }
                        p.save = 0;
                        p.timer = 0;
                        ip += 1;
                    }
                    Instr::Wait { target } => {
                        crate::vm::drain_inbox(p);
                        if p.save < p.mailbox.len() {
                            ip = *target;
                        } else {
                            p.resume = (mi, ip);
                            return Outcome::Wait;
                        }
                    }
                    Instr::WaitTimeout { target, timeout } => {
                        if p.timer != 0
                            && p.handle
                                .fired_timer
                                .load(std::sync::atomic::Ordering::Acquire)
                                == p.timer
                        {
                            p.timer = 0;
                            ip += 1;
                            continue;
                        }
                        let t = get(p, x, *timeout);
                        let ms = if t == Term::atom(atom::INFINITY) {
                            None
                        } else if let Some(v) = crate::term::bignum::to_i64(t).filter(|v| *v >= 0) {
                            Some(v as u64)
                        } else if t.is_bignum() && !crate::term::bignum::is_negative(t) {
                            Some(u64::MAX / 4)
                        } else {
                            break 'inner err(Term::atom(atom::TIMEOUT_VALUE));
                        };
                        crate::vm::drain_inbox(p);
                        // (`receive after T -> ... end` has no clauses: its
                        // target is this instruction, and messages cannot
                        // end the wait -- jumping there would spin)
                        if p.save < p.mailbox.len() && *target != ip {
                            ip = *target;
                            continue;
                        }
                        match ms {
                            Some(0) => {
                                p.timer = 0;
                                ip += 1;
                                continue;
                            }
                            Some(ms) if p.timer == 0 => crate::vm::arm_timer(p, ms),
                            _ => {}
                        }
                        // resumed here, the timeout is read again: keep
                        // it if it is in an x register (as in
                        // `receive after Ms -> ... end`, nothing else is live)
                        if let crate::code::instr::Src::X(r) = *timeout {
                            p.saved_x.clear();
                            p.saved_x.extend_from_slice(&x[..=r as usize]);
                        }
                        p.resume = (mi, ip);
                        return Outcome::Wait;
                    }
                    Instr::Timeout => {
                        p.save = 0;
                        p.timer = 0;
                        ip += 1;
                    }
                    Instr::RecvMarkerReserve { dst } => {
                        let r = crate::vm::make_ref(p);
                        crate::vm::drain_inbox(p);
                        if p.recv_markers.len() >= crate::process::MAX_RECV_MARKERS {
                            p.recv_markers.remove(0);
                        }
                        p.recv_markers.push(crate::process::RecvMarker {
                            marker: r.word(1),
                            bound: None,
                            pos: p.mailbox.len(),
                        });
                        put(p, x, *dst, r);
                        ip += 1;
                    }
                    Instr::RecvMarkerBind { marker, reference } => {
                        let (m, r) = (get(p, x, *marker), get(p, x, *reference));
                        if m.is_ref() && r.is_ref() {
                            let (m, r) = (m.word(1), r.word(1));
                            if let Some(k) = p.recv_markers.iter_mut().find(|k| k.marker == m) {
                                k.bound = Some(r);
                            }
                        }
                        ip += 1;
                    }
                    Instr::RecvMarkerClear { reference } => {
                        let r = get(p, x, *reference);
                        if r.is_ref() {
                            let r = r.word(1);
                            p.recv_markers.retain(|k| k.bound != Some(r));
                        }
                        ip += 1;
                    }
                    Instr::RecvMarkerUse { reference } => {
                        let r = get(p, x, *reference);
                        if r.is_ref() {
                            let r = r.word(1);
                            if let Some(k) = p.recv_markers.iter().find(|k| k.bound == Some(r)) {
                                if k.pos <= p.mailbox.len() {
                                    p.save = p.save.max(k.pos);
                                }
                            }
                        }
                        ip += 1;
                    }

                    // ---- floats ----
                    Instr::FMoveIn { src, fr: r } => {
                        let v = get(p, x, *src);
                        fr[*r as usize] = if v.is_float() { v.float_value() } else { 0.0 };
                        ip += 1;
                    }
                    Instr::FMoveOut { fr: r, dst } => {
                        let t = Term::float(fr[*r as usize]);
                        put(p, x, *dst, t);
                        ip += 1;
                    }
                    Instr::FMoveF { from, to } => {
                        fr[*to as usize] = fr[*from as usize];
                        ip += 1;
                    }
                    Instr::FConv { src, fr: r } => {
                        let v = get(p, x, *src);
                        match crate::bif::arith::to_f64(v) {
                            Some(f) => {
                                fr[*r as usize] = f;
                                ip += 1;
                            }
                            None => break 'inner err(Term::atom(atom::BADARITH)),
                        }
                    }
                    Instr::FArith { op, a, b, dst } => {
                        let (a, b) = (fr[*a as usize], fr[*b as usize]);
                        let v = match op {
                            FloatOp::Add => a + b,
                            FloatOp::Sub => a - b,
                            FloatOp::Mul => a * b,
                            FloatOp::Div => a / b,
                        };
                        if !v.is_finite() {
                            // OTP: compiled float ops fail with no BIF frame
                            break 'inner err(Term::atom(atom::BADARITH));
                        }
                        fr[*dst as usize] = v;
                        ip += 1;
                    }
                    Instr::FNegate { a, dst } => {
                        // OTP 25 negates as `0.0 - X`: -(0.0) is 0.0
                        fr[*dst as usize] = 0.0 - fr[*a as usize];
                        ip += 1;
                    }

                    // ---- maps and the bit syntax: one definition for both tiers ----
                    Instr::PutMapAssoc { .. }
                    | Instr::PutMapExact { .. }
                    | Instr::GetMapElements { .. }
                    | Instr::HasMapFields { .. }
                    | Instr::BsCreateBin { .. }
                    | Instr::BsStartMatch { .. }
                    | Instr::BsGet { .. }
                    | Instr::BsSkipBits { .. }
                    | Instr::BsTestTail { .. }
                    | Instr::BsTestUnit { .. }
                    | Instr::BsMatchString { .. }
                    | Instr::BsGetTail { .. }
                    | Instr::BsGetPosition { .. }
                    | Instr::BsSetPosition { .. }
                    | Instr::BsGetUtf { .. }
                    | Instr::BsMatch { .. }
                    | Instr::UpdateRecord { .. } => {
                        if let Some(live) = direct::gc_due(p, ins) {
                            collect(p, x, live, 0);
                        }
                        match direct::exec(p, x, module, ins) {
                            Direct::Next => ip += 1,
                            Direct::Jump(l) => ip = l,
                            Direct::Raise(exc, info) => {
                                break 'inner Flow::Raise(Raise {
                                    exc,
                                    origin: match info {
                                        Some(i) => Origin::Info(i),
                                        None => Origin::Here,
                                    },
                                })
                            }
                        }
                    }
                    Instr::BsInit {
                        fail,
                        size,
                        bits: in_bits,
                        dst,
                    } => {
                        let s = get(p, x, *size);
                        let n = match crate::term::bignum::to_i64(s) {
                            Some(n) if n >= 0 => n as u64 * if *in_bits { 1 } else { 8 },
                            _ => {
                                if *fail != NO_LABEL {
                                    ip = *fail;
                                    continue;
                                }
                                break 'inner err(Term::atom(atom::BADARG));
                            }
                        };
                        match bits::old_init(p, n) {
                            Ok(t) => {
                                put(p, x, *dst, t);
                                ip += 1;
                            }
                            Err(e) => {
                                break 'inner Flow::Raise(Raise {
                                    exc: e,
                                    origin: Origin::Here,
                                })
                            }
                        }
                    }
                    Instr::BsAdd {
                        fail,
                        a,
                        b,
                        unit,
                        dst,
                    } => {
                        let va = get(p, x, *a);
                        let vb = get(p, x, *b);
                        let r = match (
                            crate::term::bignum::to_i64(va),
                            crate::term::bignum::to_i64(vb),
                        ) {
                            (Some(i), Some(j)) if i >= 0 && j >= 0 => {
                                j.checked_mul(*unit as i64).and_then(|m| m.checked_add(i))
                            }
                            _ => None,
                        };
                        match r {
                            Some(v) => {
                                let t = p.heap.int(v);
                                put(p, x, *dst, t);
                                ip += 1;
                            }
                            None if *fail != NO_LABEL => ip = *fail,
                            None => break 'inner err(Term::atom(atom::BADARG)),
                        }
                    }
                    Instr::BsAppend {
                        fail,
                        size,
                        unit,
                        bin,
                        dst,
                    } => {
                        let s = get(p, x, *size);
                        let b = get(p, x, *bin);
                        // Size is in bits already (from bs_add); Unit is what
                        // the existing binary's size must be a multiple of.
                        let unit_ok = crate::term::binary::view(b)
                            .is_some_and(|v| v.size % (*unit).max(1) as u64 == 0);
                        let extra = crate::term::bignum::to_i64(s)
                            .filter(|n| *n >= 0 && unit_ok)
                            .map(|n| n as u64);
                        match extra.map(|e| bits::old_append(p, b, e)) {
                            Some(Ok(t)) => {
                                put(p, x, *dst, t);
                                ip += 1;
                            }
                            _ if *fail != NO_LABEL => ip = *fail,
                            Some(Err(e)) => {
                                break 'inner Flow::Raise(Raise {
                                    exc: e,
                                    origin: Origin::Here,
                                })
                            }
                            None => break 'inner err(Term::atom(atom::BADARG)),
                        }
                    }
                    Instr::BsPut {
                        fail,
                        kind,
                        size,
                        unit,
                        flags,
                        src,
                    } => {
                        let seg = BinSegment {
                            kind: *kind,
                            seg: 1,
                            unit: *unit,
                            flags: *flags,
                            src: *src,
                            size: *size,
                        };
                        match bits::old_put(p, x, module, &seg) {
                            Ok(()) => ip += 1,
                            Err(_) if *fail != NO_LABEL => ip = *fail,
                            Err(e) => {
                                break 'inner Flow::Raise(Raise {
                                    exc: e,
                                    origin: Origin::Here,
                                })
                            }
                        }
                    }
                    Instr::BsPutString { len, offset } => {
                        match bits::old_put_string(p, module, *len, *offset) {
                            Ok(()) => ip += 1,
                            Err(e) => {
                                break 'inner Flow::Raise(Raise {
                                    exc: e,
                                    origin: Origin::Here,
                                })
                            }
                        }
                    }
                    Instr::BsUtfSize {
                        fail,
                        width,
                        src,
                        dst,
                    } => {
                        let v = get(p, x, *src);
                        match bits::utf_size(v, *width) {
                            Some(n) => {
                                put(p, x, *dst, Term::small(n));
                                ip += 1;
                            }
                            None if *fail != NO_LABEL => ip = *fail,
                            None => break 'inner err(Term::atom(atom::BADARG)),
                        }
                    }
                    Instr::BsInitWritable => {
                        // x0 = size hint in; an empty binary to append to out.
                        // (Appends copy for now: amortised O(n) appends come
                        // with writable refc binaries.)
                        x[0] = p.heap.binary(&[]);
                        ip += 1;
                    }
                }
            },
        };
        match flow {
            Flow::Wait => {
                p.resume = (mi, ip);
                return Outcome::Wait;
            }
            Flow::Goto(m, i, live) => {
                if m == u16::MAX {
                    // returned to EXIT_CP
                    return Outcome::Exit {
                        class: Class::Exit,
                        reason: Term::atom(atom::NORMAL),
                        trace: Term::NIL,
                    };
                }
                if reds <= 0 {
                    return yield_at(p, x, m, i, live);
                }
                mi = m;
                ip = i;
                continue 'outer;
            }
            Flow::Raise(r) => {
                if r.exc.class == Class::Halt {
                    return Outcome::Halt(r.exc.reason.small_value() as i32);
                }
                match exception::handle(p, x, module, ip, r) {
                    Ok((m, i)) => {
                        mi = m;
                        ip = i;
                        continue 'outer;
                    }
                    Err(outcome) => return outcome,
                }
            }
        }
    }
}

fn dst_src(d: Dst) -> Src {
    match d {
        Dst::X(i) => Src::X(i),
        Dst::Y(i) => Src::Y(i),
    }
}

#[cold]
pub(crate) fn yield_at(
    p: &mut Process,
    x: &[Term; X_REGS],
    mi: u16,
    ip: u32,
    live: u32,
) -> Outcome {
    let live = (live as usize).min(X_REGS);
    p.saved_x.clear();
    p.saved_x.extend_from_slice(&x[..live]);
    p.resume = (mi, ip);
    Outcome::Yield
}

/// Collect if the heap outgrew its budget, at a call where exactly the
/// `arity` argument registers are live. Every loop goes through a call, so
/// a process that allocates without `test_heap` (map updates, BIF results)
/// still runs in bounded memory.
#[inline(always)]
fn gc_at_call(p: &mut Process, x: &mut [Term; X_REGS], arity: u32) {
    if p.heap.wants_gc(0) {
        gc_cold(p, x, arity);
    }
}

/// Collect with x0..x(live-1) as the live registers, then clear the
/// registers above them that any loaded code uses: they held pointers
/// into the heap just freed, and code the compiler considers correct never
/// reads them again, so a file that does anyway (the verifier does not
/// track x registers) reads `[]`.
///
/// A process over its size limit after a minor collection gets a major
/// one at once: the limit is about live data, and garbage promoted earlier
/// only leaves the old generation in a major collection.
fn collect(p: &mut Process, x: &mut [Term; X_REGS], live: u32, need: usize) {
    let live = (live as usize).min(X_REGS);
    crate::gc::collect(p, &mut x[..live], need);
    if over_limit(p) {
        crate::gc::collect_major(p, &mut x[..live], need);
    }
    let used = code::x_registers().max(live);
    x[live..used].fill(Term::NIL);
}

#[cold]
fn gc_cold(p: &mut Process, x: &mut [Term; X_REGS], arity: u32) {
    collect(p, x, arity, 0);
}

/// The per-process size limit in words, heap plus stack (erl's `+hmax`
/// with kill semantics). Past it the process is killed with
/// `system_limit` and a message on stderr, instead of the VM running the
/// machine out of memory (OTP would abort the whole node).
static MAX_PROCESS_WORDS: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_PROCESS_WORDS);
/// 4 GiB of terms.
pub const DEFAULT_MAX_PROCESS_WORDS: usize = 1 << 29;

pub fn set_max_process_words(words: usize) {
    MAX_PROCESS_WORDS.store(words.max(1024), Ordering::Relaxed);
}

#[inline]
pub(crate) fn max_process_words() -> usize {
    MAX_PROCESS_WORDS.load(Ordering::Relaxed)
}

/// The most heap plus stack `p` may have before [`out_of_memory`] decides
/// its fate: the VM-wide limit or its `max_heap_size` flag, if lower.
#[inline]
pub(crate) fn word_limit(p: &Process) -> usize {
    let m = p.max_heap.size;
    if m != 0 && !p.max_heap.reported {
        m.min(max_process_words())
    } else {
        max_process_words()
    }
}

#[inline]
fn over_limit(p: &Process) -> bool {
    p.heap.used() + p.stack.len() > word_limit(p)
}

/// `p` grew past [`word_limit`]. Past its own `max_heap_size` (as OTP):
/// an error report if asked, then exit `killed` if asked, otherwise it
/// carries on (`None`). Past the VM-wide limit: killed with
/// `system_limit`.
#[cold]
fn limit_reached(p: &mut Process) -> Option<Outcome> {
    let total = p.heap.used() + p.stack.len();
    let mh = p.max_heap;
    if mh.size != 0 && total > mh.size && !mh.reported {
        p.max_heap.reported = true;
        if mh.log {
            crate::sched::max_heap_report(p, total);
        }
        if mh.kill {
            p.stack.clear();
            return Some(Outcome::Exit {
                class: Class::Exit,
                reason: Term::atom(atom::KILLED),
                trace: Term::NIL,
            });
        }
        if total <= max_process_words() {
            return None;
        }
    }
    if total > max_process_words() {
        return Some(out_of_memory(p));
    }
    None
}

#[cold]
fn out_of_memory(p: &mut Process) -> Outcome {
    eprintln!(
        "beamz-jit: process <0.{}.0> exceeded its size limit ({} words of heap and stack); killed with system_limit",
        p.pid,
        max_process_words()
    );
    p.stack.clear();
    p.stack.shrink_to_fit();
    Outcome::Exit {
        class: Class::Error,
        reason: Term::atom(atom::SYSTEM_LIMIT),
        trace: Term::NIL,
    }
}

#[cold]
fn exit_with_error(_p: &mut Process, reason: Term) -> Outcome {
    Outcome::Exit {
        class: Class::Error,
        reason,
        trace: Term::NIL,
    }
}

#[inline]
fn do_return(p: &mut Process) -> Flow {
    match p.stack.pop() {
        Some(cp) if cp.is_cp() => {
            let (m, i) = cp.cp_value();
            if cp == EXIT_CP {
                Flow::Goto(u16::MAX, 0, 1)
            } else {
                Flow::Goto(m, i, 1)
            }
        }
        _ => Flow::Goto(u16::MAX, 0, 1),
    }
}

/// Whether OTP 25's JIT raises this operator failure without an
/// `erlang:Op` frame: `/` always, `+` with a literal operand, `-` with a
/// literal right operand (its inlined arithmetic; measured with erl, see
/// tests/conform/exc_operators.erl).
fn inline_operator(e: &code::Export, args: &[Src]) -> bool {
    let lit = |s: &Src| matches!(s, Src::Lit(_));
    e.module == atom::ERLANG
        && atom::with_name(e.function, |n| match n {
            "/" => true,
            "+" => args.iter().any(lit),
            "-" => args.len() == 2 && lit(&args[1]),
            _ => false,
        })
}

thread_local! {
    /// The error of a BIF compiled code called directly (`call_bif`): the
    /// interpreter raises it when it steps that `CallBif`.
    static PENDING_BIF_ERROR: std::cell::RefCell<Option<Exc>> =
        const { std::cell::RefCell::new(None) };
}

/// Compiled code called a `CallBif`'s function, which failed with `e`; the
/// next step of that instruction raises `e` instead of calling it again.
#[cold]
pub fn set_pending_bif_error(e: Exc) {
    PENDING_BIF_ERROR.with(|p| *p.borrow_mut() = Some(e));
}

#[cold]
fn take_pending_bif_error() -> Option<Exc> {
    PENDING_BIF_ERROR.with(|p| p.borrow_mut().take())
}

#[cold]
fn bif_raise(mut e: Exc, export: &'static code::Export, args: &[Term]) -> Flow {
    if e.is_wait() {
        // a waiting BIF called where it cannot wait (not as a function)
        e = Exc::badarg();
    }
    let origin = if e.bif_frame {
        Origin::Bif(export, args.to_vec())
    } else {
        Origin::Here
    };
    Flow::Raise(Raise { exc: e, origin })
}

/// Continue at `cp` if given (a body call), else return (a tail call).
#[inline]
fn continue_at(p: &mut Process, cp: Option<Term>) -> Flow {
    match cp {
        Some(cp) => {
            let (m, i) = cp.cp_value();
            Flow::Goto(m, i, 1)
        }
        None => do_return(p),
    }
}

/// Transfer to Erlang code at (m, i), pushing `cp` for a body call.
#[inline]
fn enter(p: &mut Process, cp: Option<Term>, m: u16, i: u32, live: u32) -> Flow {
    if let Some(cp) = cp {
        p.stack.push(cp);
    }
    Flow::Goto(m, i, live)
}

/// Call through an export entry. `cp` is pushed only if control enters
/// Erlang code, so errors raised here see the caller as the current frame.
fn call_export(
    p: &mut Process,
    x: &mut [Term; X_REGS],
    e: &'static code::Export,
    arity: u32,
    cp: Option<Term>,
) -> Flow {
    if let Some(f) = e.bif {
        p.bif_cp = cp.unwrap_or(Term::NIL);
        let r = f(p, &x[..arity as usize]);
        p.bif_cp = Term::NIL;
        return match r {
            Ok(v) => {
                x[0] = v;
                continue_at(p, cp)
            }
            Err(err) if err.is_wait() => wait_in_bif(p, x, e, arity, cp),
            Err(err) => bif_raise(err, e, &x[..arity as usize]),
        };
    }
    if let Some((m, i)) = e.target() {
        return enter(p, cp, m, i, arity);
    }
    if let Some((km, kf)) = crate::otp::kernel::redirect(e.module) {
        // `beamz_kernel:lazy_apply(M, F, Args)` starts the logger first.
        let k = code::export(km, kf, crate::otp::kernel::LAZY_ARITY);
        if crate::vm::ensure_loaded(km) {
            if let Some((m, i)) = k.target() {
                crate::otp::kernel::lazy_args(p, &mut x[..], e.module, e.function, arity);
                return enter(p, cp, m, i, crate::otp::kernel::LAZY_ARITY);
            }
        }
    }
    if crate::vm::ensure_loaded(e.module) {
        if let Some((m, i)) = e.target() {
            return enter(p, cp, m, i, arity);
        }
    }
    Flow::Raise(Raise {
        exc: Exc::error(Term::atom(atom::UNDEF)),
        origin: Origin::Undef(
            e.module,
            e.function,
            x[..arity as usize].to_vec(),
            cp.is_none(),
        ),
    })
}

/// Suspend the call of BIF `e` until a reply signal arrives.
#[cold]
fn wait_in_bif(
    p: &mut Process,
    x: &[Term; X_REGS],
    e: &'static code::Export,
    arity: u32,
    cp: Option<Term>,
) -> Flow {
    p.saved_x.clear();
    p.saved_x.extend_from_slice(&x[..arity as usize]);
    p.bif_wait = Some(crate::process::BifWait {
        export: e,
        arity,
        cp,
    });
    Flow::Wait
}

/// Make a suspended BIF call again (its arguments are in x registers,
/// restored from `saved_x`): it finishes, raises or waits again.
#[cold]
fn resume_bif(p: &mut Process, x: &mut [Term; X_REGS], w: crate::process::BifWait) -> Flow {
    let n = w.arity as usize;
    let r = match w.export.bif {
        Some(f) => {
            p.bif_cp = w.cp.unwrap_or(Term::NIL);
            let r = f(p, &x[..n]);
            p.bif_cp = Term::NIL;
            r
        }
        None => Err(Exc::badarg()),
    };
    p.bif_wait = None;
    match r {
        Ok(v) => {
            x[0] = v;
            continue_at(p, w.cp)
        }
        Err(err) if err.is_wait() => wait_in_bif(p, x, w.export, w.arity, w.cp),
        Err(err) => bif_raise(err, w.export, &x[..n]),
    }
}

/// `apply` instruction: module in x(A), function in x(A+1).
fn apply_regs(p: &mut Process, x: &mut [Term; X_REGS], arity: u32, cp: Option<Term>) -> Flow {
    let m = x[arity as usize];
    let f = x[arity as usize + 1];
    if !m.is_atom() || !f.is_atom() {
        // As erlang:apply/3 failing: its frame, then the caller's.
        let export = code::export(atom::ERLANG, atom::APPLY, 3);
        let args = p.heap.list(&x[..arity as usize]);
        return bif_raise(Exc::badarg(), export, &[m, f, args]);
    }
    let e = code::export(m.atom_value(), f.atom_value(), arity);
    call_export(p, x, e, arity, cp)
}

/// `erlang:apply/2,3` called as a function.
fn apply_bif(p: &mut Process, x: &mut [Term; X_REGS], arity: u32, cp: Option<Term>) -> Flow {
    let args = if arity == 3 { x[2] } else { x[1] };
    let mut tmp: Vec<Term> = Vec::new();
    let mut l = args;
    while l.is_cons() && tmp.len() < X_REGS - 2 {
        let (h, t) = l.cons_parts();
        tmp.push(h);
        l = t;
    }
    let export = code::export(atom::ERLANG, atom::APPLY, arity);
    if !l.is_nil() {
        let a: Vec<Term> = x[..arity as usize].to_vec();
        return bif_raise(Exc::badarg(), export, &a);
    }
    let n = tmp.len();
    if arity == 3 {
        let (m, f) = (x[0], x[1]);
        if !m.is_atom() || !f.is_atom() {
            let a = [x[0], x[1], x[2]];
            return bif_raise(Exc::badarg(), export, &a);
        }
        x[..n].copy_from_slice(&tmp);
        let e = code::export(m.atom_value(), f.atom_value(), n as u32);
        call_export(p, x, e, n as u32, cp)
    } else {
        let f = x[0];
        x[..n].copy_from_slice(&tmp);
        call_fun(p, x, f, n as u32, cp)
    }
}

pub fn fun_arity(f: Term) -> u32 {
    match f.header().kind() {
        crate::term::Kind::ExportFun => code::export_of(f).arity,
        _ => code::lambda_of(f).call_arity(),
    }
}

/// Call fun `f` with x0..A-1.
fn call_fun(
    p: &mut Process,
    x: &mut [Term; X_REGS],
    f: Term,
    arity: u32,
    cp: Option<Term>,
) -> Flow {
    if !f.is_fun() {
        return err_tuple(p, atom::BADFUN, f);
    }
    if fun_arity(f) != arity {
        let args = p.heap.list(&x[..arity as usize]);
        let inner = p.heap.tuple(&[f, args]);
        return err_tuple(p, atom::BADARITY, inner);
    }
    match f.header().kind() {
        crate::term::Kind::ExportFun => {
            let e = code::export_of(f);
            call_export(p, x, e, arity, cp)
        }
        _ => {
            let l = code::lambda_of(f);
            let nfree = l.num_free as usize;
            if arity as usize + nfree > X_REGS {
                return err(Term::atom(atom::SYSTEM_LIMIT));
            }
            for i in 0..nfree {
                x[arity as usize + i] = Term(f.word(2 + i));
            }
            enter(p, cp, l.module_index, l.ip, arity + nfree as u32)
        }
    }
}
