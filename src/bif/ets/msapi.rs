//! Compiled match specifications as terms: `match_spec_compile/1` returns
//! a reference to a spec kept in a global registry, `is_compiled_ms/1`
//! recognises one, `match_spec_run_r/3` runs one over a list (behind
//! `ets:match_spec_run/2`).
//!
//! OTP's compiled specs are magic references freed by GC; this VM has no
//! such hook, so compiled specs stay registered for the VM's lifetime.
//! Compiling an identical spec again returns the same reference, which
//! bounds the registry by the number of distinct specs a program builds.

use super::matchspec::{self, Ms, Persisted};
use crate::bif::Exc;
use crate::process::Process;
use crate::term::order::exact_eq;
use crate::term::Term;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

type R = Result<Term, Exc>;

pub type Shared = Arc<Mutex<Persisted>>;

#[derive(Default)]
struct MsReg {
    by_id: HashMap<u64, Shared>,
    by_hash: HashMap<u32, Vec<u64>>,
}

fn reg() -> MutexGuard<'static, MsReg> {
    static R: OnceLock<Mutex<MsReg>> = OnceLock::new();
    R.get_or_init(|| Mutex::new(MsReg::default()))
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

pub fn lock_ms(s: &Shared) -> MutexGuard<'_, Persisted> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

/// The compiled spec a reference denotes.
pub fn lookup(t: Term) -> Option<Shared> {
    if !t.is_ref() {
        return None;
    }
    reg().by_id.get(&t.word(1)).cloned()
}

/// Register (or find) the compiled form of `ms`; its id.
fn register(ms: Term) -> Result<u64, ()> {
    let h = crate::bif::hash::hash2(ms);
    {
        let r = reg();
        if let Some(ids) = r.by_hash.get(&h) {
            for id in ids {
                if let Some(s) = r.by_id.get(id) {
                    if exact_eq(lock_ms(s).source, ms) {
                        return Ok(*id);
                    }
                }
            }
        }
    }
    let compiled = Persisted::new(ms)?;
    let id = crate::vm::new_ref_id();
    let mut r = reg();
    r.by_id.insert(id, Arc::new(Mutex::new(compiled)));
    r.by_hash.entry(h).or_default().push(id);
    Ok(id)
}

/// A spec given either as a compiled reference or as a spec term.
pub enum Spec {
    Local(Ms),
    Shared(Shared),
}

impl Spec {
    pub fn from_term(t: Term) -> Result<Spec, Exc> {
        if let Some(s) = lookup(t) {
            return Ok(Spec::Shared(s));
        }
        matchspec::compile(t)
            .map(Spec::Local)
            .map_err(|_| Exc::badarg())
    }

    /// Run `f` with the compiled spec.
    pub fn with<T>(&self, f: impl FnOnce(&Ms) -> T) -> T {
        match self {
            Spec::Local(m) => f(m),
            Spec::Shared(s) => f(&lock_ms(s).ms),
        }
    }
}

pub fn match_spec_compile_1(p: &mut Process, a: &[Term]) -> R {
    if a[0].is_nil() {
        return Err(Exc::badarg());
    }
    let id = register(a[0]).map_err(|_| Exc::badarg())?;
    Ok(p.heap.reference(id))
}

pub fn is_compiled_ms_1(_p: &mut Process, a: &[Term]) -> R {
    Ok(Term::bool(lookup(a[0]).is_some()))
}

/// `match_spec_run_r(List, CompiledMs, Acc)`: results consed onto Acc.
pub fn match_spec_run_r_3(p: &mut Process, a: &[Term]) -> R {
    let s = lookup(a[1]).ok_or_else(Exc::badarg)?;
    let items = matchspec::proper_list(a[0]).ok_or_else(Exc::badarg)?;
    let g = lock_ms(&s);
    let mut acc = a[2];
    for it in items {
        if let Some(r) = g.ms.run_copy(p, it) {
            acc = p.heap.cons(r, acc);
        }
    }
    Ok(acc)
}
