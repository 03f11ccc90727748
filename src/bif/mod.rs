//! BIFs: Erlang functions implemented natively.
//!
//! Every BIF has the signature [`BifFn`]: it gets the calling process (for
//! its heap and state) and the argument terms, and returns the result or an
//! [`Exc`]eption. Each file in this folder owns one group of BIFs and ends
//! with a `pub const TABLE: &[Bif]` listing them; [`lookup`] indexes all
//! tables once. A BIF must never panic on any argument: wrong arguments
//! are `Exc::badarg()` (or the error OTP raises).
//!
//! Calls that need the scheduler (apply, spawn's first run, receive,
//! yield, halt) are special instructions or `Exc` outcomes, not BIF magic.

pub mod arith;
pub mod atoms;
pub mod binaries;
pub mod binary_mod;
pub mod code_path;
pub mod etf;
pub mod ets;
pub mod float_fmt;
pub mod hash;
pub mod lists;
pub mod maps;
pub mod math;
pub mod native;
pub mod num;
pub mod os;
pub mod persistent;
pub mod prim_file;
pub mod process;
pub mod standin;
pub mod string_num;
pub mod system;
pub mod timers;
pub mod tuples;
pub mod types;
pub mod unicode;

use crate::process::Process;
use crate::term::{atom, Atom, Term};
use std::collections::HashMap;
use std::sync::OnceLock;

pub type BifFn = fn(&mut Process, &[Term]) -> Result<Term, Exc>;

/// One row of a BIF table: module, function, arity, implementation.
pub struct Bif {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: u32,
    pub f: BifFn,
}

/// Exception classes, plus the VM-level outcome `Halt`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Class {
    Error,
    Exit,
    Throw,
    /// `erlang:halt/1`: the reason is the exit status (small integer).
    Halt,
}

impl Class {
    pub fn atom(self) -> Atom {
        match self {
            Class::Error => atom::ERROR,
            Class::Exit => atom::EXIT,
            Class::Throw => atom::THROW,
            Class::Halt => atom::UNDEFINED,
        }
    }
}

/// An exception raised by a BIF (or by the interpreter).
#[derive(Copy, Clone, Debug)]
pub struct Exc {
    pub class: Class,
    pub reason: Term,
    /// A stack trace given explicitly (`erlang:raise/3`); otherwise the
    /// interpreter builds one.
    pub trace: Option<Term>,
    /// `erlang:error/2,3` args: replaces the BIF's own args in the trace.
    pub args: Option<Term>,
    /// Whether the trace gets a frame for the BIF that raised it (with its
    /// arguments and `error_info`), as OTP does for failing BIFs; false for
    /// `error/1,2`, `exit/1`, `throw/1`, `raise/3`.
    pub bif_frame: bool,
    /// The `cause` of the BIF frame's `error_info` (OTP's extended error
    /// information, e.g. `id` for an ETS table that does not exist).
    pub cause: Option<Term>,
}

impl Exc {
    pub fn error(reason: Term) -> Exc {
        Exc {
            class: Class::Error,
            reason,
            trace: None,
            args: None,
            bif_frame: true,
            cause: None,
        }
    }
    pub fn exit(reason: Term) -> Exc {
        Exc {
            class: Class::Exit,
            reason,
            trace: None,
            args: None,
            bif_frame: false,
            cause: None,
        }
    }
    pub fn throw(reason: Term) -> Exc {
        Exc {
            class: Class::Throw,
            reason,
            trace: None,
            args: None,
            bif_frame: false,
            cause: None,
        }
    }
    /// Not an exception: the BIF is waiting for a reply signal. Only
    /// BIFs called as functions return it; the interpreter suspends the
    /// call (`process::BifWait`) and makes it again when the process
    /// next runs (then `Process::bif_wait` is set during the call).
    pub fn wait() -> Exc {
        Exc {
            class: Class::Error,
            reason: Term::NONE,
            trace: None,
            args: None,
            bif_frame: false,
            cause: None,
        }
    }
    pub fn is_wait(&self) -> bool {
        self.reason == Term::NONE
    }
    #[cold]
    pub fn badarg() -> Exc {
        Exc::error(Term::atom(atom::BADARG))
    }
    /// `badarg` whose `error_info` names a cause (`erl_stdlib_errors`
    /// turns it into the "*** argument N: ..." text).
    #[cold]
    pub fn badarg_cause(cause: &'static str) -> Exc {
        Exc {
            cause: Some(Term::atom(atom::intern_static(cause))),
            ..Exc::badarg()
        }
    }
    #[cold]
    pub fn badarith() -> Exc {
        Exc::error(Term::atom(atom::BADARITH))
    }
    #[cold]
    pub fn system_limit() -> Exc {
        Exc::error(Term::atom(atom::SYSTEM_LIMIT))
    }
    pub fn halt(status: i64) -> Exc {
        Exc {
            class: Class::Halt,
            reason: Term::small(status.clamp(0, 255)),
            trace: None,
            args: None,
            bif_frame: false,
            cause: None,
        }
    }
}

pub type BifResult = Result<Term, Exc>;

/// Every BIF table, one per file.
fn tables() -> &'static [&'static [Bif]] {
    &[
        arith::TABLE,
        native::TABLE,
        crate::otp::kernel::TABLE,
        num::TABLE,
        os::TABLE,
        persistent::TABLE,
        process::TABLE,
        standin::TABLE,
        code_path::TABLE,
        prim_file::TABLE,
        atoms::TABLE,
        binaries::TABLE,
        lists::TABLE,
        maps::TABLE,
        system::TABLE,
        timers::TABLE,
        tuples::TABLE,
        types::TABLE,
        unicode::TABLE,
        hash::TABLE,
        binary_mod::TABLE,
        math::TABLE,
        string_num::TABLE,
        etf::TABLE,
        ets::TABLE,
    ]
}

type Key = (Atom, Atom, u32);

fn index() -> &'static HashMap<Key, BifFn> {
    static I: OnceLock<HashMap<Key, BifFn>> = OnceLock::new();
    I.get_or_init(|| {
        let mut m = HashMap::new();
        for t in tables() {
            for b in t.iter() {
                let k = (
                    atom::intern_static(b.module),
                    atom::intern_static(b.name),
                    b.arity,
                );
                m.insert(k, b.f);
            }
        }
        m
    })
}

/// Stands in for a guard/body BIF this VM does not implement: raises
/// `undef` (and says so on stderr when `BEAMZ_DEBUG` is set).
#[cold]
pub fn missing(_p: &mut Process, _args: &[Term]) -> Result<Term, Exc> {
    Err(Exc::error(Term::atom(atom::UNDEF)))
}

/// The native implementation of `M:F/A`, if there is one.
pub fn lookup(module: Atom, function: Atom, arity: u32) -> Option<BifFn> {
    index().get(&(module, function, arity)).copied()
}
