//! Lazy start of OTP's kernel logging services (`src/otp/beamz_kernel.erl`).
//!
//! erl boots the logger before `main` runs; doing the same here on every
//! run would cost more than the rest of start-up, so it is started the
//! first time a program calls into one of the [`TRIGGERS`] modules while
//! it is not loaded: the call `M:F(Args)` becomes
//! `beamz_kernel:lazy_apply(M, F, Args)`, which starts the services once
//! (every concurrent caller waits for them) and then makes the call.
//! Every path to logging goes through these modules (`proc_lib`,
//! `gen_server`, `supervisor` call `logger:allow/2` first); a process that
//! dies from an error is reported through the group leader, which starts
//! the logger itself.
//!
//! The processes the start itself runs are let through (see
//! `beamz_kernel:lazy_apply/3`); once `logger_server` is up the start
//! loads these modules, which ends the redirection for everyone. Once the
//! start has run (or failed) `beamz_native:kernel_up/0` turns the
//! redirection off, so a failed start never loops.

use crate::bif::{Bif, Exc};
use crate::process::Process;
use crate::term::{atom, Atom, Term};
use std::sync::atomic::{AtomicBool, Ordering};

/// Modules whose first call starts the kernel services (the same list as
/// `beamz_kernel:triggers/0`).
pub const TRIGGERS: &[&str] = &[
    "logger",
    "error_logger",
    "application",
    "application_controller",
    "logger_std_h",
    "file",
    "supervisor",
];

static KERNEL_UP: AtomicBool = AtomicBool::new(false);

/// Arity of `beamz_kernel:lazy_apply/3`.
pub const LAZY_ARITY: u32 = 3;

/// If a call to `module` (not loaded) must start the kernel first, returns
/// `beamz_kernel:lazy_apply/3`'s module and function atoms.
pub fn redirect(module: Atom) -> Option<(Atom, Atom)> {
    if KERNEL_UP.load(Ordering::Acquire) {
        return None;
    }
    if !atom::with_name(module, |n| TRIGGERS.contains(&n)) {
        return None;
    }
    Some((
        atom::intern_static("beamz_kernel"),
        atom::intern_static("lazy_apply"),
    ))
}

/// The argument registers of the redirected call: `x0..x(arity-1)` become
/// `[Module, Function, [Args...]]`.
pub fn lazy_args(p: &mut Process, x: &mut [Term], module: Atom, function: Atom, arity: u32) {
    let n = (arity as usize).min(x.len());
    let args = p.heap.list(&x[..n]);
    x[0] = Term::atom(module);
    x[1] = Term::atom(function);
    x[2] = args;
}

/// `beamz_native:kernel_up/0`: the start has run; stop redirecting.
fn kernel_up0(_p: &mut Process, _a: &[Term]) -> Result<Term, Exc> {
    KERNEL_UP.store(true, Ordering::Release);
    Ok(Term::atom(atom::OK))
}

pub const TABLE: &[Bif] = &[Bif {
    module: "beamz_native",
    name: "kernel_up",
    arity: 0,
    f: kernel_up0,
}];
