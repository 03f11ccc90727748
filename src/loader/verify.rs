//! The bytecode verifier: runs on every module between `transform` and
//! installation, so only verified code is interpreted or compiled.
//!
//! `transform` has already checked each operand on its own (register
//! numbers, labels, literals, atoms, imports, lambdas, strings). This pass
//! checks what needs the control flow of a whole function:
//!
//! - every branch, fail label, catch/try handler and receive label stays
//!   inside its function, and no function falls off its end;
//! - local calls and funs target a function entry of the same arity, and a
//!   `make_fun` captures exactly the lambda's free variables;
//! - stack frames: a dataflow over each function's reachable instructions
//!   gives the frame size at every instruction (0 = no frame); every
//!   y register read or written is inside the frame, `allocate` only
//!   happens without a frame, `deallocate`/`trim`/`call_last` pop exactly
//!   what is there (except before a BIF that always raises, which erlc
//!   emits with the largest frame's size), `return` and `*_only` calls
//!   leave no frame behind, and paths that disagree on the frame size
//!   join only in code that reads y registers inside the smallest frame.
//!
//! The tiers still bound-check every y access against the stack (one
//! compare): a hostile file can trim a frame under a live catch tag, which
//! this pass does not track. x registers need no proof here: the collector
//! clears the registers above `live`, so a register the compiler considers
//! dead reads as `[]`, never as a stale pointer. (The boot module built in
//! `boot.rs` has no functions and is trusted.)
//!
//! Violations are [`VerifyError`]s naming the function and the
//! instruction's offset from the function's `func_info` (in internal
//! instructions: `label` and `line` markers are not counted).

use crate::code::instr::{BifRef, Dst, Instr, Label, MatchFail, Src, NO_LABEL};
use crate::code::{Export, FunctionInfo, Module};
use crate::term::atom;
use std::fmt;

/// A rule a function breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifyError {
    /// `module:function/arity`.
    pub function: String,
    /// Instruction index relative to the function's `func_info`.
    pub offset: u32,
    pub what: &'static str,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "verification failed in {} at instruction {}: {}",
            self.function, self.offset, self.what
        )
    }
}

impl std::error::Error for VerifyError {}

/// Frame state at an instruction.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Frame {
    Unreached,
    /// Words of the current frame above the continuation pointer
    /// (0: no frame).
    Size(u32),
    /// Paths disagree on the size (all are at least this big): y
    /// registers below it are usable (erlc shares error-raising code, such
    /// as `badmatch {y,6}`, between frames of different sizes), but
    /// nothing may allocate, deallocate, trim or return.
    Mixed(u32),
}

impl Frame {
    fn join(self, other: Frame) -> Frame {
        match (self, other) {
            (Frame::Unreached, o) | (o, Frame::Unreached) => o,
            (a, b) if a == b => a,
            (Frame::Size(a) | Frame::Mixed(a), Frame::Size(b) | Frame::Mixed(b)) => {
                Frame::Mixed(a.min(b))
            }
        }
    }
}

/// Where control goes after an instruction.
struct Flow {
    targets: Vec<Label>,
    falls_through: bool,
}

/// Verify every function of `m`.
pub fn verify(m: &Module) -> Result<(), VerifyError> {
    for lambda in m.lambdas.iter() {
        match entry_function(m, lambda.ip) {
            Some(f) if f.arity == lambda.arity => {}
            Some(f) => {
                return Err(error(
                    m,
                    f,
                    lambda.ip,
                    "fun arity differs from its function",
                ))
            }
            None => {
                return Err(VerifyError {
                    function: format!("{}:-fun-/{}", atom::name(m.name), lambda.arity),
                    offset: 0,
                    what: "fun does not point at a function entry",
                })
            }
        }
    }
    let code_end = (m.code.len() as u32).saturating_sub(1); // the final int_code_end
    for (i, f) in m.functions.iter().enumerate() {
        let end = m.functions.get(i + 1).map_or(code_end, |n| n.start);
        function(m, f, end)?;
    }
    Ok(())
}

/// The function whose entry point is `ip`.
fn entry_function(m: &Module, ip: u32) -> Option<&FunctionInfo> {
    let i = m.functions.partition_point(|f| f.entry < ip);
    m.functions.get(i).filter(|f| f.entry == ip)
}

#[cold]
fn error(m: &Module, f: &FunctionInfo, ip: u32, what: &'static str) -> VerifyError {
    VerifyError {
        function: format!("{}:{}/{}", atom::name(m.name), atom::name(f.name), f.arity),
        offset: ip.saturating_sub(f.start),
        what,
    }
}

/// One more than the highest x register any instruction of `m` names
/// explicitly (0 when none does).
pub fn x_registers_named(m: &Module) -> usize {
    let mut regs = Vec::new();
    let mut high = 0;
    for ins in m.code.iter() {
        regs.clear();
        registers(ins, &mut regs);
        for r in &regs {
            if let Reg::X(x) = r {
                high = high.max(*x as usize + 1);
            }
        }
    }
    high
}

/// Dataflow over one function's instructions `f.start..end`.
fn function(m: &Module, f: &FunctionInfo, end: u32) -> Result<(), VerifyError> {
    let start = f.start;
    let len = (end - start) as usize;
    let mut state = vec![Frame::Unreached; len];
    let mut work: Vec<u32> = Vec::new();
    let flow = |ip: u32, s: Frame, state: &mut Vec<Frame>, work: &mut Vec<u32>| -> bool {
        if ip < start || ip >= end {
            return false;
        }
        let slot = &mut state[(ip - start) as usize];
        let joined = slot.join(s);
        if joined != *slot {
            *slot = joined;
            work.push(ip);
        }
        true
    };
    // Callers enter at the entry with no frame; `func_info` (which raises
    // function_clause) is reached only through fail labels.
    flow(f.entry, Frame::Size(0), &mut state, &mut work);
    while let Some(ip) = work.pop() {
        let at = |what| error(m, f, ip, what);
        let ins = &m.code[ip as usize];
        let before = state[(ip - start) as usize];
        let after = step(m, ins, before).map_err(at)?;
        let Flow {
            targets,
            falls_through,
        } = flow_of(ins);
        for t in targets {
            if t == NO_LABEL {
                continue;
            }
            if !flow(t, before, &mut state, &mut work) {
                return Err(at("branch to a label outside the function"));
            }
        }
        if falls_through && !flow(ip + 1, after, &mut state, &mut work) {
            return Err(at("falls off the end of the function"));
        }
    }
    Ok(())
}

/// Check `ins` against the frame state before it; the state after it.
fn step(m: &Module, ins: &Instr, before: Frame) -> Result<Frame, &'static str> {
    let frame = || match before {
        Frame::Size(n) => Ok(n),
        _ => Err("paths into this instruction disagree on the stack frame"),
    };
    let usable = match before {
        Frame::Size(n) | Frame::Mixed(n) => n,
        Frame::Unreached => 0,
    };
    let mut regs = Vec::new();
    registers(ins, &mut regs);
    for r in regs {
        let Reg::Y(y) = r else { continue };
        if u32::from(y) >= usable {
            return Err(match before {
                Frame::Size(0) => "y register used without a stack frame",
                Frame::Size(_) => "y register outside the stack frame",
                _ => "paths into this instruction disagree on the stack frame",
            });
        }
    }
    let pop = |n: u32| -> Result<Frame, &'static str> {
        if frame()? == n {
            Ok(Frame::Size(0))
        } else {
            Err("deallocation size differs from the frame size")
        }
    };
    Ok(match ins {
        Instr::Allocate { stack, .. } => {
            if frame()? != 0 {
                return Err("allocate with a stack frame already in place");
            }
            Frame::Size(*stack)
        }
        Instr::Deallocate { n } => pop(*n)?,
        Instr::Trim { n } => {
            let have = frame()?;
            if *n > have {
                return Err("trim of more words than the frame has");
            }
            Frame::Size(have - n)
        }
        Instr::CallLast {
            arity,
            target,
            dealloc,
        } => {
            local_call(m, *arity, *target)?;
            pop(*dealloc)?
        }
        Instr::CallOnly { arity, target } => {
            local_call(m, *arity, *target)?;
            pop(0).map_err(|_| "return or tail call with a stack frame still in place")?
        }
        Instr::CallExtLast {
            export, dealloc, ..
        }
        | Instr::CallBifLast {
            bif: BifRef { export, .. },
            dealloc,
            ..
        } if never_returns(export) => {
            // erlc deallocates the largest frame on every path to
            // `erlang:error/1` and friends: the call raises before the
            // deallocation happens (the tiers deallocate only on return),
            // so only the frame's presence matters.
            frame()?;
            let _ = dealloc;
            Frame::Size(0)
        }
        Instr::CallExtLast { dealloc, .. }
        | Instr::CallBifLast { dealloc, .. }
        | Instr::ApplyLast { dealloc, .. }
        | Instr::ApplyBif {
            tail: Some(dealloc),
            ..
        } => pop(*dealloc)?,
        Instr::Return | Instr::CallExtOnly { .. } | Instr::CallBifOnly { .. } => {
            pop(0).map_err(|_| "return or tail call with a stack frame still in place")?
        }
        Instr::Call { arity, target } => {
            local_call(m, *arity, *target)?;
            before
        }
        Instr::MakeFun { lambda, env, .. } => {
            if env.len() != lambda.num_free as usize {
                return Err("make_fun captures a different number of free variables");
            }
            before
        }
        _ => before,
    })
}

/// BIFs that always raise: `erlang:error/1,2,3`, `exit/1`, `throw/1`,
/// `nif_error/1,2`.
fn never_returns(e: &Export) -> bool {
    e.module == atom::ERLANG
        && match e.arity {
            1 => {
                [atom::ERROR, atom::EXIT, atom::THROW].contains(&e.function)
                    || atom::name(e.function) == "nif_error"
            }
            2 => e.function == atom::ERROR || atom::name(e.function) == "nif_error",
            3 => e.function == atom::ERROR,
            _ => false,
        }
}

/// A local call's target: a function entry of the call's arity.
fn local_call(m: &Module, arity: u32, target: Label) -> Result<(), &'static str> {
    match entry_function(m, target) {
        Some(callee) if callee.arity == arity => Ok(()),
        Some(_) => Err("call arity differs from the callee's"),
        None => Err("local call to a label that is not a function entry"),
    }
}

/// Control flow of one instruction (branch targets, and whether the next
/// instruction follows). Calls return to the next instruction; exceptions
/// reach the handlers `catch`/`try` registered, which are edges of those.
fn flow_of(ins: &Instr) -> Flow {
    let go = |targets: Vec<Label>, falls_through| Flow {
        targets,
        falls_through,
    };
    match ins {
        // Ends of control flow.
        Instr::FuncInfo { .. }
        | Instr::IntCodeEnd
        | Instr::Return
        | Instr::CallLast { .. }
        | Instr::CallOnly { .. }
        | Instr::CallExtLast { .. }
        | Instr::CallExtOnly { .. }
        | Instr::CallBifLast { .. }
        | Instr::CallBifOnly { .. }
        | Instr::ApplyLast { .. }
        | Instr::ApplyBif { tail: Some(_), .. }
        | Instr::Hibernate
        | Instr::Badmatch { .. }
        | Instr::CaseEnd { .. }
        | Instr::IfEnd
        | Instr::TryCaseEnd { .. }
        | Instr::Badrecord { .. }
        | Instr::Raise { .. } => go(vec![], false),
        Instr::Jump { target } | Instr::LoopRecEnd { target } | Instr::Wait { target } => {
            go(vec![*target], false)
        }
        Instr::SelectVal { fail, table, .. } => {
            let mut t: Vec<Label> = table.iter().map(|(_, l)| *l).collect();
            t.push(*fail);
            go(t, false)
        }
        Instr::SelectArity { fail, table, .. } => {
            let mut t: Vec<Label> = table.iter().map(|(_, l)| *l).collect();
            t.push(*fail);
            go(t, false)
        }
        // Conditional branches: fail label or next instruction.
        Instr::Test { fail, .. }
        | Instr::IsFunction2 { fail, .. }
        | Instr::TestArity { fail, .. }
        | Instr::IsTaggedTuple { fail, .. }
        | Instr::Compare { fail, .. }
        | Instr::Arith { fail, .. }
        | Instr::Bif { fail, .. }
        | Instr::LoopRec { fail, .. }
        | Instr::PutMapAssoc { fail, .. }
        | Instr::PutMapExact { fail, .. }
        | Instr::GetMapElements { fail, .. }
        | Instr::HasMapFields { fail, .. }
        | Instr::BsCreateBin { fail, .. }
        | Instr::BsGet { fail, .. }
        | Instr::BsSkipBits { fail, .. }
        | Instr::BsTestTail { fail, .. }
        | Instr::BsTestUnit { fail, .. }
        | Instr::BsMatchString { fail, .. }
        | Instr::BsGetUtf { fail, .. }
        | Instr::BsInit { fail, .. }
        | Instr::BsAdd { fail, .. }
        | Instr::BsAppend { fail, .. }
        | Instr::BsPut { fail, .. }
        | Instr::BsUtfSize { fail, .. }
        | Instr::BsMatch { fail, .. } => go(vec![*fail], true),
        Instr::BsStartMatch { fail, .. } => match fail {
            MatchFail::Jump(l) => go(vec![*l], true),
            MatchFail::Raise => go(vec![], true),
        },
        // The handler runs with the frame of the `catch`/`try`.
        Instr::Catch { handler, .. } | Instr::Try { handler, .. } => go(vec![*handler], true),
        // A message arrives (jump back to the receive loop) or the
        // timeout fires (next instruction).
        Instr::WaitTimeout { target, .. } => go(vec![*target], true),
        Instr::Entry { .. }
        | Instr::Nop
        | Instr::Call { .. }
        | Instr::CallExt { .. }
        | Instr::CallBif { .. }
        | Instr::Apply { .. }
        | Instr::ApplyBif { tail: None, .. }
        | Instr::CallFun { .. }
        | Instr::CallFun2 { .. }
        | Instr::Yield
        | Instr::Allocate { .. }
        | Instr::TestHeap { .. }
        | Instr::Deallocate { .. }
        | Instr::Trim { .. }
        | Instr::InitYregs { .. }
        | Instr::Move { .. }
        | Instr::Swap { .. }
        | Instr::GetList { .. }
        | Instr::GetHd { .. }
        | Instr::GetTl { .. }
        | Instr::GetTupleElement { .. }
        | Instr::SetTupleElement { .. }
        | Instr::PutList { .. }
        | Instr::PutTuple2 { .. }
        | Instr::MakeFun { .. }
        | Instr::CatchEnd { .. }
        | Instr::TryEnd { .. }
        | Instr::TryCase { .. }
        | Instr::BuildStacktrace
        // raw_raise with a bad class sets x0 = badarg and continues.
        | Instr::RawRaise
        | Instr::Send
        | Instr::RemoveMessage
        | Instr::Timeout
        | Instr::RecvMarkerReserve { .. }
        | Instr::RecvMarkerBind { .. }
        | Instr::RecvMarkerClear { .. }
        | Instr::RecvMarkerUse { .. }
        | Instr::FMoveIn { .. }
        | Instr::FMoveOut { .. }
        | Instr::FMoveF { .. }
        | Instr::FConv { .. }
        | Instr::FArith { .. }
        | Instr::FNegate { .. }
        | Instr::BsGetTail { .. }
        | Instr::BsGetPosition { .. }
        | Instr::BsSetPosition { .. }
        | Instr::BsInitWritable
        | Instr::UpdateRecord { .. }
        | Instr::BsPutString { .. } => go(vec![], true),
    }
}

/// A register operand.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Reg {
    X(u16),
    Y(u16),
}

/// Every register operand `ins` names (catch/try slots included; not the
/// implicit argument registers of calls), appended to `out`.
fn registers(ins: &Instr, out: &mut Vec<Reg>) {
    let src = |s: &Src, out: &mut Vec<Reg>| match s {
        Src::X(x) => out.push(Reg::X(*x)),
        Src::Y(y) => out.push(Reg::Y(*y)),
        Src::Lit(_) => {}
    };
    let dst = |d: &Dst, out: &mut Vec<Reg>| match d {
        Dst::X(x) => out.push(Reg::X(*x)),
        Dst::Y(y) => out.push(Reg::Y(*y)),
    };
    match ins {
        Instr::FuncInfo { .. }
        | Instr::Entry { .. }
        | Instr::IntCodeEnd
        | Instr::Nop
        | Instr::Call { .. }
        | Instr::CallLast { .. }
        | Instr::CallOnly { .. }
        | Instr::CallExt { .. }
        | Instr::CallExtLast { .. }
        | Instr::CallExtOnly { .. }
        | Instr::CallBif { .. }
        | Instr::CallBifLast { .. }
        | Instr::CallBifOnly { .. }
        | Instr::Return
        | Instr::Apply { .. }
        | Instr::ApplyLast { .. }
        | Instr::ApplyBif { .. }
        | Instr::CallFun { .. }
        | Instr::Yield
        | Instr::Hibernate
        | Instr::Allocate { .. }
        | Instr::TestHeap { .. }
        | Instr::Deallocate { .. }
        | Instr::Trim { .. }
        | Instr::Jump { .. }
        | Instr::IfEnd
        | Instr::BuildStacktrace
        | Instr::RawRaise
        | Instr::Send
        | Instr::RemoveMessage
        | Instr::Wait { .. }
        | Instr::Timeout
        | Instr::LoopRecEnd { .. }
        | Instr::FMoveF { .. }
        | Instr::FArith { .. }
        | Instr::FNegate { .. }
        | Instr::BsInitWritable
        | Instr::BsPutString { .. } => {}
        Instr::InitYregs { regs } => out.extend(regs.iter().map(|&y| Reg::Y(y))),
        Instr::Catch { y, .. }
        | Instr::CatchEnd { y }
        | Instr::Try { y, .. }
        | Instr::TryEnd { y }
        | Instr::TryCase { y } => out.push(Reg::Y(*y)),
        Instr::CallFun2 { fun: a, .. }
        | Instr::Test { src: a, .. }
        | Instr::TestArity { src: a, .. }
        | Instr::IsTaggedTuple { src: a, .. }
        | Instr::Badmatch { src: a }
        | Instr::CaseEnd { src: a }
        | Instr::TryCaseEnd { src: a }
        | Instr::Badrecord { src: a }
        | Instr::RecvMarkerClear { reference: a }
        | Instr::RecvMarkerUse { reference: a }
        | Instr::SelectVal { src: a, .. }
        | Instr::SelectArity { src: a, .. }
        | Instr::WaitTimeout { timeout: a, .. }
        | Instr::FMoveIn { src: a, .. }
        | Instr::FConv { src: a, .. }
        | Instr::BsTestTail { ctx: a, .. }
        | Instr::BsTestUnit { ctx: a, .. }
        | Instr::BsMatchString { ctx: a, .. } => src(a, out),
        Instr::IsFunction2 {
            src: a, arity: b, ..
        }
        | Instr::Compare { a, b, .. }
        | Instr::SetTupleElement {
            value: a, tuple: b, ..
        }
        | Instr::Raise { trace: a, value: b }
        | Instr::RecvMarkerBind {
            marker: a,
            reference: b,
        }
        | Instr::BsSkipBits {
            ctx: a, size: b, ..
        }
        | Instr::BsSetPosition { ctx: a, pos: b }
        | Instr::BsPut {
            size: a, src: b, ..
        } => {
            src(a, out);
            src(b, out);
        }
        Instr::HasMapFields { src: a, keys, .. } => {
            src(a, out);
            keys.iter().for_each(|k| src(k, out));
        }
        Instr::Move { src: a, dst: d }
        | Instr::GetHd { src: a, dst: d }
        | Instr::GetTl { src: a, dst: d }
        | Instr::GetTupleElement { src: a, dst: d, .. }
        | Instr::BsStartMatch { src: a, dst: d, .. }
        | Instr::BsGetTail { ctx: a, dst: d, .. }
        | Instr::BsGetPosition { ctx: a, dst: d }
        | Instr::BsInit {
            size: a, dst: d, ..
        }
        | Instr::BsUtfSize { src: a, dst: d, .. } => {
            src(a, out);
            dst(d, out);
        }
        Instr::LoopRec { dst: d, .. }
        | Instr::RecvMarkerReserve { dst: d }
        | Instr::FMoveOut { dst: d, .. } => dst(d, out),
        Instr::Swap { a, b } => {
            dst(a, out);
            dst(b, out);
        }
        Instr::GetList {
            src: a, head, tail, ..
        } => {
            src(a, out);
            dst(head, out);
            dst(tail, out);
        }
        Instr::PutList { head, tail, dst: d } => {
            src(head, out);
            src(tail, out);
            dst(d, out);
        }
        Instr::Arith { a, b, dst: d, .. }
        | Instr::BsAdd { a, b, dst: d, .. }
        | Instr::BsAppend {
            size: a,
            bin: b,
            dst: d,
            ..
        } => {
            src(a, out);
            src(b, out);
            dst(d, out);
        }
        Instr::BsGet {
            ctx, size, dst: d, ..
        } => {
            src(ctx, out);
            src(size, out);
            dst(d, out);
        }
        Instr::PutTuple2 { dst: d, elems: xs }
        | Instr::MakeFun {
            dst: d, env: xs, ..
        }
        | Instr::Bif {
            args: xs, dst: d, ..
        } => {
            xs.iter().for_each(|a| src(a, out));
            dst(d, out);
        }
        Instr::PutMapAssoc {
            src: a,
            dst: d,
            pairs,
            ..
        }
        | Instr::PutMapExact {
            src: a,
            dst: d,
            pairs,
            ..
        } => {
            src(a, out);
            for (k, v) in pairs.iter() {
                src(k, out);
                src(v, out);
            }
            dst(d, out);
        }
        Instr::GetMapElements { src: a, pairs, .. } => {
            src(a, out);
            for (k, v) in pairs.iter() {
                src(k, out);
                dst(v, out);
            }
        }
        Instr::BsCreateBin {
            dst: d, segments, ..
        } => {
            for seg in segments.iter() {
                src(&seg.src, out);
                src(&seg.size, out);
            }
            dst(d, out);
        }
        Instr::BsGetUtf { ctx, dst: d, .. } => {
            src(ctx, out);
            if let Some(d) = d {
                dst(d, out);
            }
        }
        Instr::BsMatch { ctx, cmds, .. } => {
            src(ctx, out);
            for d in cmds.iter().filter_map(crate::interp::direct::cmd_dst) {
                dst(&d, out);
            }
        }
        Instr::UpdateRecord {
            src: a,
            dst: d,
            updates,
            ..
        } => {
            src(a, out);
            updates.iter().for_each(|(_, v)| src(v, out));
            dst(d, out);
        }
    }
}
