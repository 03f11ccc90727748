//! Running one Erlang function call to completion in the calling thread,
//! without schedulers (the `jit_diff` fuzz target, in-process tests).
//!
//! Owns [`init`] (code path and bootstrap module, once per OS process) and
//! [`call`]. A call runs in a fresh process that is never registered with
//! the VM: nothing can send to it, and it cannot wait for anything. The
//! called code should therefore be sequential and self-contained (no
//! `receive` of messages from others, no `spawn`: a spawned process would
//! stay parked forever). What the call ended with is returned as text
//! (`term::display::format`), so results of two runs compare as strings.
//!
//! The execution tier is the global `tier::mode()`: switching it between
//! two calls of the same function runs the function once interpreted
//! (`Off`: the interpreter never enters native code) and once compiled
//! (`Eager`: functions are compiled at their first entry).

use crate::bif::Class;
use crate::interp::{self, Outcome, Regs};
use crate::process::Process;
use crate::term::{atom, display, Term};
use crate::vm::{self, vm};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The result of the one [`init`] that ran.
static INIT: OnceLock<Result<(), String>> = OnceLock::new();

/// How a [`call`] ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallEnd {
    /// The function returned this value.
    Return(String),
    /// An uncaught exception: class, reason and stack trace.
    Raised {
        class: Class,
        reason: String,
        trace: String,
    },
    /// `erlang:halt/1`.
    Halt(i32),
    /// The process waits in a `receive` that nothing can satisfy.
    Waits,
    /// The reduction budget ran out first.
    OutOfReductions,
}

/// Set up the VM for [`call`]: the OTP root (`find_root` rules), then
/// `pa` and OTP's library directories on the code path, and the bootstrap
/// module. Only the first call has an effect; later calls return its result.
pub fn init(otp_root: Option<&Path>, pa: &[PathBuf]) -> Result<(), String> {
    INIT.get_or_init(|| {
        let root = crate::otp::find_root(otp_root)?;
        let support = crate::otp::support_dir(&root)?;
        {
            let mut path = vm().code_path.lock().unwrap_or_else(|e| e.into_inner());
            path.extend(pa.iter().cloned());
            path.push(support);
            path.extend(crate::otp::library_path(&root));
        }
        *vm().otp_root.lock().unwrap_or_else(|e| e.into_inner()) = Some(root.clone());
        let boot = crate::boot::install_boot_module()?;
        *vm().boot_module.lock().unwrap_or_else(|e| e.into_inner()) = boot;
        Ok(())
    })
    .clone()
}

/// Call `module:function(Args...)` where `args_etf` is the external term
/// format of the argument list, running at most about `max_reductions`
/// reductions. The module is loaded from the code path if needed.
/// Errors: [`init`] was not run, bad argument bytes, or a module that
/// cannot be loaded (the latter ends as `Raised` `undef`, as in erl).
pub fn call(
    module: &str,
    function: &str,
    args_etf: &[u8],
    max_reductions: i64,
) -> Result<CallEnd, String> {
    match INIT.get() {
        Some(Ok(())) => {}
        Some(Err(e)) => return Err(format!("embed::init failed: {e}")),
        None => return Err("embed::init has not run".to_string()),
    }
    let boot = *vm().boot_module.lock().unwrap_or_else(|e| e.into_inner());
    let mut p = Process::new(vm::next_pid(), Term::NIL);
    let args = crate::etf::decode_exact(args_etf, &mut p.heap).map_err(|e| e.to_string())?;
    let mut it = args.iter_list();
    let n = it.by_ref().count();
    if !it.rest().is_nil() {
        return Err("the arguments are not a proper list".to_string());
    }
    let name = |s: &str| atom::intern(s).map_err(|e| format!("{s}: {e:?}"));
    let m = Term::atom(name(module)?);
    let f = Term::atom(name(function)?);
    p.initial_call = (m.atom_value(), f.atom_value(), n as u32);
    p.stack.push(interp::EXIT_CP);
    p.saved_x = vec![m, f, args];
    p.resume = (boot, 0);
    let mut regs = Regs::default();
    let mut left = max_reductions;
    loop {
        if left <= 0 {
            return Ok(CallEnd::OutOfReductions);
        }
        let slice = left.min(interp::SLICE);
        left -= slice;
        match crate::tier::run(&mut p, &mut regs, slice) {
            Outcome::Yield | Outcome::Stepped | Outcome::Enter => {}
            Outcome::Wait => return Ok(CallEnd::Waits),
            Outcome::Halt(n) => return Ok(CallEnd::Halt(n)),
            Outcome::Exit {
                class,
                reason,
                trace,
            } => {
                // Returning to the exit continuation ends the process as
                // exit:normal with no trace and the value in x0.
                if class == Class::Exit && reason == Term::atom(atom::NORMAL) && trace.is_nil() {
                    return Ok(CallEnd::Return(display::format(regs.x[0])));
                }
                return Ok(CallEnd::Raised {
                    class,
                    reason: display::format(reason),
                    trace: display::format(trace),
                });
            }
        }
    }
}
