//! What compiled code calls back into, and the context block it runs with.
//!
//! `RtCtx` starts with the JIT's `abi::Ctx` (`#[repr(C)]`), so the pointer
//! compiled code passes to a helper is also a pointer to the runtime's
//! view: the process, the registers, the module, the pending outcome.

use crate::code::{Export, Lambda};
use crate::heap::Heap;
use crate::interp::bits;
use crate::interp::direct::{self, Direct};
use crate::interp::{self, Outcome, Regs};
use crate::process::{Process, Stack};
use crate::term::{atom, Term};
use beamz_cranelift::abi::{Ctx, Helpers, Layout};
use beamz_cranelift::ir;

#[repr(C)]
pub struct RtCtx {
    pub abi: Ctx,
    p: *mut Process,
    regs: *mut Regs,
    /// Set by a helper that ended the slice.
    pub outcome: Option<Outcome>,
}

impl RtCtx {
    pub fn new(p: &mut Process, regs: &mut Regs, reds: i64) -> RtCtx {
        let mut abi = Ctx {
            x: regs.x.as_mut_ptr() as *mut u64,
            f: regs.f.as_mut_ptr(),
            stack: std::ptr::null_mut(),
            heap: std::ptr::null_mut(),
            reds,
            stack_max: 0,
            heap_end: 0,
            args: [0; 3],
            next: 0,
            next_live: 0,
            catches: std::ptr::null_mut(),
        };
        RtCtx::set_limits(&mut abi, p);
        abi.stack = &mut p.stack as *mut Stack as *mut u8;
        abi.heap = &mut p.heap as *mut Heap as *mut u8;
        abi.catches = &mut p.catches;
        RtCtx {
            abi,
            p,
            regs,
            outcome: None,
        }
    }

    /// Recompute the limits compiled code checks against (after anything
    /// that may have grown the stack, collected or added a heap chunk).
    #[inline]
    fn set_limits(abi: &mut Ctx, p: &Process) {
        abi.stack_max = p.stack.capacity().min(interp::word_limit(p)) as u64;
        abi.heap_end = p.heap.jit_alloc_end();
    }
}

pub fn layout() -> Layout {
    let s = Stack::ABI;
    let h = Heap::ABI;
    Layout {
        stack_ptr: s.ptr as i32,
        stack_len: s.len as i32,
        stack_low: s.low as i32,
        heap_top: h.top as i32,
        heap_cur: h.cur as i32,
        lambda_arity: std::mem::offset_of!(Lambda, arity) as i32,
        lambda_num_free: std::mem::offset_of!(Lambda, num_free) as i32,
        lambda_module: std::mem::offset_of!(Lambda, module_index) as i32,
        lambda_ip: std::mem::offset_of!(Lambda, ip) as i32,
        export_arity: std::mem::offset_of!(Export, arity) as i32,
        x_regs: crate::code::instr::X_REGS as u32,
        true_word: Term::atom(atom::TRUE).0,
        false_word: Term::atom(atom::FALSE).0,
    }
}

pub fn table() -> Helpers {
    Helpers {
        step,
        call_bif,
        bif,
        resolve,
        yield_at,
        exec,
        bs_int,
        arith,
        compare,
    }
}

/// Run the instruction at `ip` of the current module in the interpreter.
///
/// # Safety
/// `ctx` is the `abi` field of a live `RtCtx` made by the trampoline.
unsafe extern "C" fn step(ctx: *mut Ctx, loc: u64, _: u64) -> i64 {
    // SAFETY: per the contract, `ctx` is the first field of an RtCtx whose
    // process and registers are exclusively ours for this call.
    let rt = unsafe { &mut *(ctx as *mut RtCtx) };
    let (p, regs) = unsafe { (&mut *rt.p, &mut *rt.regs) };
    let mi = (loc >> 32) as u16;
    super::stats::stepping(mi, loc as u32);
    p.resume = (mi, loc as u32);
    let mut reds = rt.abi.reds;
    let o = interp::step(p, regs, &mut reds);
    rt.abi.reds = reds;
    RtCtx::set_limits(&mut rt.abi, p);
    match o {
        Outcome::Stepped => {
            let (m, i) = p.resume;
            if m == mi {
                i as i64
            } else {
                -1
            }
        }
        other => {
            rt.outcome = Some(other);
            -1
        }
    }
}

/// Run the direct instruction at address `instr` (`interp::direct`) of
/// module `loc >> 32`: `EXEC_NEXT`, `EXEC_FAIL`, or `EXEC_STEP` when it
/// needs a collection first or raises (then nothing was done).
///
/// # Safety
/// As for `step`; `instr` is the address of an instruction of an
/// installed module (modules are never freed), taken by `translate`.
unsafe extern "C" fn exec(ctx: *mut Ctx, instr: u64, loc: u64) -> i64 {
    use beamz_cranelift::abi::{EXEC_FAIL, EXEC_NEXT, EXEC_STEP};
    // SAFETY: as in `step`; the instruction outlives the call (above).
    let rt = unsafe { &mut *(ctx as *mut RtCtx) };
    let (p, regs) = unsafe { (&mut *rt.p, &mut *rt.regs) };
    let ins = unsafe { &*(instr as *const crate::code::instr::Instr) };
    if direct::gc_due(p, ins).is_some() {
        return EXEC_STEP;
    }
    let Some(module) = crate::code::module_ref((loc >> 32) as u16) else {
        return EXEC_STEP;
    };
    let r = direct::exec(p, &mut regs.x, module, ins);
    RtCtx::set_limits(&mut rt.abi, p);
    match r {
        Direct::Next => EXEC_NEXT,
        Direct::Jump(_) => EXEC_FAIL,
        Direct::Raise(..) => EXEC_STEP,
    }
}

/// x0 := the BIF at `bif` (a `BifRef` inside a module's code, which lives
/// as long as the VM) applied to x0..arity; 0, or -1 when it failed (the
/// error is left for the interpreter's step of the same instruction).
///
/// # Safety
/// As for `step`; `bif` is the address of a `BifRef`.
unsafe extern "C" fn call_bif(ctx: *mut Ctx, bif: u64, arity: u64) -> i64 {
    // SAFETY: as in `step`; `bif` was taken from a `CallBif` instruction
    // of an installed module (modules are never freed).
    let rt = unsafe { &mut *(ctx as *mut RtCtx) };
    let (p, regs) = unsafe { (&mut *rt.p, &mut *rt.regs) };
    let bif = unsafe { &*(bif as *const crate::code::instr::BifRef) };
    let n = (arity as usize).min(regs.x.len());
    let r = (bif.f)(p, &regs.x[..n]);
    RtCtx::set_limits(&mut rt.abi, p);
    match r {
        Ok(v) => {
            regs.x[0] = v;
            0
        }
        Err(e) => {
            interp::set_pending_bif_error(e);
            -1
        }
    }
}

/// The BIF at `bif` (a `BifRef` in a module's code) applied to
/// `Ctx::args[..n]`: its result, or `NON_VALUE` when it failed.
///
/// # Safety
/// As for `call_bif`.
unsafe extern "C" fn bif(ctx: *mut Ctx, bif: u64, n: u64) -> i64 {
    // SAFETY: as in `call_bif`.
    let rt = unsafe { &mut *(ctx as *mut RtCtx) };
    let p = unsafe { &mut *rt.p };
    let bif = unsafe { &*(bif as *const crate::code::instr::BifRef) };
    let n = (n as usize).min(3);
    let mut a = [Term::NIL; 3];
    for (i, w) in rt.abi.args[..n].iter().enumerate() {
        a[i] = Term(*w);
    }
    let r = (bif.f)(p, &a[..n]);
    RtCtx::set_limits(&mut rt.abi, p);
    match r {
        Ok(v) => v.0 as i64,
        Err(_) => beamz_cranelift::abi::NON_VALUE as i64,
    }
}

/// The compiled code containing `loc` (`module << 32 | ip`), or 0.
///
/// # Safety
/// As for `step` (it only reads the code tables).
unsafe extern "C" fn resolve(_: *mut Ctx, loc: u64, _: u64) -> i64 {
    super::native_at((loc >> 32) as u16, loc as u32).unwrap_or(0) as i64
}

/// The arithmetic an inline `Op::Arith` leaves (see the JIT's
/// `abi::Helpers::arith`).
///
/// # Safety
/// As for `step`.
unsafe extern "C" fn arith(ctx: *mut Ctx, op: u64, _: u64) -> i64 {
    use crate::code::instr::ArithOp as A;
    // SAFETY: as in `step`.
    let rt = unsafe { &mut *(ctx as *mut RtCtx) };
    let p = unsafe { &mut *rt.p };
    let (a, b) = (Term(rt.abi.args[0]), Term(rt.abi.args[1]));
    let op = match op {
        x if x == ir::Arith::Add as u64 => A::Add,
        x if x == ir::Arith::Sub as u64 => A::Sub,
        x if x == ir::Arith::Mul as u64 => A::Mul,
        x if x == ir::Arith::IntDiv as u64 => A::IntDiv,
        x if x == ir::Arith::Rem as u64 => A::Rem,
        x if x == ir::Arith::Band as u64 => A::Band,
        x if x == ir::Arith::Bor as u64 => A::Bor,
        x if x == ir::Arith::Bxor as u64 => A::Bxor,
        x if x == ir::Arith::Bsl as u64 => A::Bsl,
        x if x == ir::Arith::Bsr as u64 => A::Bsr,
        _ => return beamz_cranelift::abi::NON_VALUE as i64,
    };
    let r = interp::arith_slow(p, op, a, b);
    RtCtx::set_limits(&mut rt.abi, p);
    match r {
        Ok(v) => v.0 as i64,
        Err(_) => beamz_cranelift::abi::NON_VALUE as i64,
    }
}

/// Compare two terms for an `Op::Cmp` the inline path leaves (see the
/// JIT's `abi::Helpers::compare`).
///
/// # Safety
/// `a` and `b` are terms of the running process (or literals); nothing is
/// written.
unsafe extern "C" fn compare(_: *mut Ctx, a: u64, b: u64) -> i64 {
    use beamz_cranelift::abi::{CMP_EQUAL, CMP_EXACT, CMP_GREATER, CMP_LESS};
    use std::cmp::Ordering;
    let (a, b) = (Term(a), Term(b));
    match crate::term::order::compare(a, b, false) {
        Ordering::Less => CMP_LESS,
        Ordering::Greater => CMP_GREATER,
        Ordering::Equal if a == b || crate::term::order::exact_eq(a, b) => CMP_EXACT,
        Ordering::Equal => CMP_EQUAL,
    }
}

/// Read a small integer field from a match context (see the JIT's
/// `abi::Helpers::bs_int`).
///
/// # Safety
/// `m` is a match context term of the running process (compiled code
/// checked its header); nothing else is touched.
unsafe extern "C" fn bs_int(_: *mut Ctx, m: u64, spec: u64) -> i64 {
    let (n, flags) = (spec & 0xFFFF_FFFF, (spec >> 32) as u32);
    if !bits::small_field(n, flags) {
        return beamz_cranelift::abi::BS_NO_MATCH;
    }
    bits::get_small(Term(m), n, flags).unwrap_or(beamz_cranelift::abi::BS_NO_MATCH)
}

/// The slice is used up: save `live` registers, resume at `next` later.
///
/// # Safety
/// As for `step`.
unsafe extern "C" fn yield_at(ctx: *mut Ctx, next: u64, live: u64) -> i64 {
    // SAFETY: as in `step`.
    let rt = unsafe { &mut *(ctx as *mut RtCtx) };
    let (p, regs) = unsafe { (&mut *rt.p, &mut *rt.regs) };
    let o = interp::yield_at(p, &regs.x, (next >> 32) as u16, next as u32, live as u32);
    rt.outcome = Some(o);
    0
}

#[cfg(test)]
mod tests {
    #[test]
    fn helper_table_names() {
        assert_eq!(
            beamz_cranelift::abi::HELPER_NAMES,
            &[
                "step", "call_bif", "bif", "resolve", "yield_at", "exec", "bs_int", "arith",
                "compare"
            ]
        );
    }
}
