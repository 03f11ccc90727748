//! `os` BIFs: environment variables and the OS process id.

use super::{Bif, Exc};
use crate::process::Process;
use crate::term::{atom, Term};

type R = Result<Term, Exc>;

/// A flat character list as a Rust string (badarg otherwise).
fn text(t: Term) -> Result<String, Exc> {
    let mut s = String::new();
    let mut it = t.iter_list();
    for c in &mut it {
        if !c.is_small() {
            return Err(Exc::badarg());
        }
        let ch = char::from_u32(c.small_value() as u32).ok_or_else(Exc::badarg)?;
        s.push(ch);
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    Ok(s)
}

fn getenv1(p: &mut Process, a: &[Term]) -> R {
    let k = text(a[0])?;
    match std::env::var_os(&k) {
        Some(v) => Ok(p.heap.string(&v.to_string_lossy())),
        None => Ok(Term::bool(false)),
    }
}

fn getenv0(p: &mut Process, _a: &[Term]) -> R {
    let mut items = Vec::new();
    for (k, v) in std::env::vars_os() {
        let s = format!("{}={}", k.to_string_lossy(), v.to_string_lossy());
        items.push(p.heap.string(&s));
    }
    Ok(p.heap.list(&items))
}

fn putenv2(_p: &mut Process, a: &[Term]) -> R {
    let k = text(a[0])?;
    let v = text(a[1])?;
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(Exc::badarg());
    }
    // SAFETY-free: std::env::set_var is safe in edition 2021; the VM's
    // schedulers do not read the environment concurrently.
    std::env::set_var(k, v);
    Ok(Term::bool(true))
}

fn unsetenv1(_p: &mut Process, a: &[Term]) -> R {
    let k = text(a[0])?;
    if k.is_empty() || k.contains('=') || k.contains('\0') {
        return Err(Exc::badarg());
    }
    std::env::remove_var(k);
    Ok(Term::bool(true))
}

fn getpid0(p: &mut Process, _a: &[Term]) -> R {
    Ok(p.heap.string(&std::process::id().to_string()))
}

fn type0(p: &mut Process, _a: &[Term]) -> R {
    let u = Term::atom(atom::intern_static("unix"));
    let l = Term::atom(atom::intern_static("linux"));
    Ok(p.heap.tuple(&[u, l]))
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "os",
        name: "getenv",
        arity: 1,
        f: getenv1,
    },
    Bif {
        module: "os",
        name: "getenv",
        arity: 0,
        f: getenv0,
    },
    Bif {
        module: "os",
        name: "putenv",
        arity: 2,
        f: putenv2,
    },
    Bif {
        module: "os",
        name: "unsetenv",
        arity: 1,
        f: unsetenv1,
    },
    Bif {
        module: "os",
        name: "getpid",
        arity: 0,
        f: getpid0,
    },
    Bif {
        module: "os",
        name: "type",
        arity: 0,
        f: type0,
    },
];
