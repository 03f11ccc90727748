//! Exceptions: building stack traces, finding the catching frame, and the
//! values `catch`/`try` hand to Erlang code.
//!
//! Conventions (shared with `interp`): when a handler is entered,
//! x0 = the non-value, x1 = class, x2 = reason, x3 = the raw stack trace.
//! A raw stack trace is the 3-tuple `{Class, Frames, Rethrown}` (Frames
//! already in OTP's cooked shape `[{M, F, ArityOrArgs, Location}]`;
//! Rethrown the frames a re-raise carries); Erlang code never sees it
//! except through `build_stacktrace`, which returns `Frames`.

use super::{Origin, Outcome, Raise};
use crate::bif::{Class, Exc};
use crate::code::instr::X_REGS;
use crate::code::{self, Module};
use crate::heap::Heap;
use crate::process::Process;
use crate::term::{atom, Term};

/// OTP's default `backtrace_depth`.
pub const TRACE_DEPTH: usize = 8;

fn class_atom(c: Class) -> Term {
    Term::atom(c.atom())
}

fn class_of(t: Term) -> Option<Class> {
    if !t.is_atom() {
        return None;
    }
    match t.atom_value() {
        atom::ERROR => Some(Class::Error),
        atom::EXIT => Some(Class::Exit),
        atom::THROW => Some(Class::Throw),
        _ => None,
    }
}

/// `[{file, F}, {line, L}]` for (module, ip), or `[]`; followed by
/// `{error_info, Info}` if given.
fn location(heap: &mut Heap, m: &Module, ip: u32, info: Option<Term>) -> Term {
    let tail = match info {
        Some(i) => {
            let ei = heap.tuple(&[Term::atom(atom::ERROR_INFO), i]);
            heap.list(&[ei])
        }
        None => Term::NIL,
    };
    match m.location_at(ip) {
        Some((file, line)) => {
            let f = heap.string(file);
            let ft = heap.tuple(&[Term::atom(atom::FILE), f]);
            let lt = heap.tuple(&[Term::atom(atom::LINE), Term::small(line as i64)]);
            let rest = heap.cons(lt, tail);
            heap.cons(ft, rest)
        }
        None => tail,
    }
}

/// The frame for the function containing `ip` in `m`.
fn frame_at(heap: &mut Heap, m: &Module, ip: u32, args: Option<Term>) -> Option<Term> {
    frame_with_info(heap, m, ip, args, None)
}

/// [`frame_at`] with an `error_info` map in the location.
fn frame_with_info(
    heap: &mut Heap,
    m: &Module,
    ip: u32,
    args: Option<Term>,
    info: Option<Term>,
) -> Option<Term> {
    let f = m.function_at(ip)?;
    let loc = location(heap, m, ip, info);
    let third = args.unwrap_or(Term::small(f.arity as i64));
    Some(heap.tuple(&[Term::atom(m.name), Term::atom(f.name), third, loc]))
}

fn error_info_loc(heap: &mut Heap, module: atom::Atom, cause: Option<Term>) -> Term {
    let errmod = if module == atom::ERLANG {
        atom::ERL_ERTS_ERRORS
    } else {
        atom::intern_static("erl_stdlib_errors")
    };
    let m = (Term::atom(atom::MODULE), Term::atom(errmod));
    let map = match cause {
        // Keys in term order: cause < module.
        Some(c) => heap.map_sorted(&[(Term::atom(atom::intern_static("cause")), c), m]),
        None => heap.map_sorted(&[m]),
    };
    let ei = heap.tuple(&[Term::atom(atom::ERROR_INFO), map]);
    heap.list(&[ei])
}

/// Build the cooked stack trace for a raise at (`m`, `ip`).
fn build_trace(p: &mut Process, x: &[Term; X_REGS], m: &Module, ip: u32, r: &Raise) -> Term {
    let mut frames: Vec<Term> = Vec::with_capacity(TRACE_DEPTH);
    match &r.origin {
        Origin::Bif(e, args) => {
            let a = p.heap.list(args);
            let loc = error_info_loc(&mut p.heap, e.module, r.exc.cause);
            frames.push(
                p.heap
                    .tuple(&[Term::atom(e.module), Term::atom(e.function), a, loc]),
            );
            if let Some(f) = frame_at(&mut p.heap, m, ip, None) {
                frames.push(f);
            }
        }
        Origin::Undef(md, f, args, tail) => {
            let a = p.heap.list(args);
            frames.push(
                p.heap
                    .tuple(&[Term::atom(*md), Term::atom(*f), a, Term::NIL]),
            );
            if !*tail {
                if let Some(f) = frame_at(&mut p.heap, m, ip, None) {
                    frames.push(f);
                }
            }
        }
        Origin::Clause(fi_ip) => {
            let arity = m.function_at(*fi_ip).map(|f| f.arity).unwrap_or(0) as usize;
            let a = p.heap.list(&x[..arity.min(X_REGS)]);
            if let Some(f) = frame_at(&mut p.heap, m, *fi_ip, Some(a)) {
                frames.push(f);
            }
        }
        Origin::Here => {
            let args = r.exc.args;
            if let Some(f) = frame_at(&mut p.heap, m, ip, args) {
                frames.push(f);
            }
        }
        Origin::Info(info) => {
            let args = r.exc.args;
            if let Some(f) = frame_with_info(&mut p.heap, m, ip, args, Some(*info)) {
                frames.push(f);
            }
        }
    }
    // Walk continuation pointers from the top of the stack; like OTP,
    // consecutive identical CPs (body recursion at one call site) are
    // recorded once.
    let mut i = p.stack.len();
    let mut prev = Term::NIL;
    while i > 0 && frames.len() < TRACE_DEPTH {
        i -= 1;
        let w = p.stack[i];
        if !w.is_cp() || w == super::EXIT_CP || w == prev {
            continue;
        }
        prev = w;
        let (cm, cip) = w.cp_value();
        if let Some(cmod) = code::module(cm) {
            if let Some(f) = frame_at(&mut p.heap, &cmod, cip.saturating_sub(1), None) {
                frames.push(f);
            }
        }
    }
    frames.truncate(TRACE_DEPTH);
    p.heap.list(&frames)
}

/// Deliver a raise: find the innermost catch and return where to continue,
/// or the process's exit outcome when nothing catches it.
pub(crate) fn handle(
    p: &mut Process,
    x: &mut [Term; X_REGS],
    m: &Module,
    ip: u32,
    r: Raise,
) -> Result<(u16, u32), Outcome> {
    let trace = match r.exc.trace {
        Some(t) => t,
        None => build_trace(p, x, m, ip, &r),
    };
    let class = r.exc.class;
    let reason = r.exc.reason;
    // Find the innermost catch tag.
    let mut i = p.stack.len();
    while i > 0 {
        i -= 1;
        let w = p.stack[i];
        if w.is_catch() {
            let (cm, handler, y) = w.catch_value();
            p.stack.truncate(i + 1 + y as usize);
            // A function_clause frame loses its location when the raw
            // trace is re-raised (raw_raise/raise), as in OTP 25.
            let rethrown = if matches!(r.origin, Origin::Clause(_)) {
                strip_first_location(&mut p.heap, trace)
            } else {
                trace
            };
            let raw = p.heap.tuple(&[class_atom(class), trace, rethrown]);
            x[0] = Term::NONE;
            x[1] = class_atom(class);
            x[2] = reason;
            x[3] = raw;
            return Ok((cm, handler));
        }
    }
    Err(Outcome::Exit {
        class,
        reason,
        trace,
    })
}

fn strip_first_location(heap: &mut Heap, trace: Term) -> Term {
    if !trace.is_cons() {
        return trace;
    }
    let (f, rest) = trace.cons_parts();
    if !f.is_tuple() || f.tuple_arity() != 4 {
        return trace;
    }
    let nf = heap.tuple(&[f.element(0), f.element(1), f.element(2), Term::NIL]);
    heap.cons(nf, rest)
}

/// The trace a re-raise of `raw` carries.
fn rethrown_trace(raw: Term) -> Term {
    if raw.is_tuple() && raw.tuple_arity() == 3 {
        raw.element(2)
    } else {
        cook_raw(raw)
    }
}

/// What `catch Expr` evaluates to for a caught exception.
pub(crate) fn catch_value(p: &mut Process, class: Term, reason: Term, raw: Term) -> Term {
    match class_of(class) {
        Some(Class::Throw) => reason,
        Some(Class::Exit) => p.heap.tuple(&[Term::atom(atom::EXIT_UPPER), reason]),
        _ => {
            let trace = cook_raw(raw);
            let inner = p.heap.tuple(&[reason, trace]);
            p.heap.tuple(&[Term::atom(atom::EXIT_UPPER), inner])
        }
    }
}

/// `build_stacktrace`: the frames of a raw stack trace.
pub(crate) fn cook_raw(raw: Term) -> Term {
    if raw.is_tuple() && raw.tuple_arity() == 3 {
        raw.element(1)
    } else {
        Term::NIL
    }
}

/// Alias used by callers outside the interpreter.
pub fn cook_trace_term(raw: Term) -> Term {
    cook_raw(raw)
}

/// `raise Trace Value`: rethrow with the class recorded in the raw trace.
pub(crate) fn reraise(raw: Term, value: Term) -> Raise {
    let (class, trace) = if raw.is_tuple() && raw.tuple_arity() == 3 {
        (class_of(raw.element(0)), rethrown_trace(raw))
    } else {
        (None, Term::NIL)
    };
    match class {
        Some(c) => Raise {
            exc: Exc {
                class: c,
                reason: value,
                trace: Some(trace),
                args: None,
                bif_frame: false,
                cause: None,
            },
            origin: Origin::Here,
        },
        None => Raise {
            exc: Exc::badarg(),
            origin: Origin::Here,
        },
    }
}

/// `raw_raise`: x0 class, x1 reason, x2 raw trace; `None` if x0 is not a
/// class (the instruction then sets x0 = badarg and continues).
pub(crate) fn raw_raise(class: Term, reason: Term, raw: Term) -> Option<Raise> {
    let c = class_of(class)?;
    Some(Raise {
        exc: Exc {
            class: c,
            reason,
            trace: Some(rethrown_trace(raw)),
            args: None,
            bif_frame: false,
            cause: None,
        },
        origin: Origin::Here,
    })
}

/// `M:F/A` text for diagnostics.
pub fn format_mfa(m: atom::Atom, f: atom::Atom, a: u32) -> String {
    format!("{}:{}/{}", atom::name(m), atom::name(f), a)
}
