//! `persistent_term`: a global key-value store whose terms are copied once
//! into an immortal literal heap, so `get` returns them without copying.
//! Erased or overwritten values stay allocated (OTP frees them after a
//! global GC; we keep them until exit — bounded by what programs store).

use super::{Bif, Exc};
use crate::heap::Heap;
use crate::process::copy::copy_term;
use crate::process::Process;
use crate::term::{atom, order, Term};
use std::cmp::Ordering;
use std::sync::{Mutex, OnceLock};

type R = Result<Term, Exc>;

struct Store {
    heap: Heap,
    /// Sorted by key in exact term order.
    items: Vec<(Term, Term)>,
}

// SAFETY: the store's terms point only into its own literal heap, which it
// owns; access is serialised by the mutex below.
unsafe impl Send for Store {}

fn store() -> &'static Mutex<Store> {
    static S: OnceLock<Mutex<Store>> = OnceLock::new();
    S.get_or_init(|| {
        Mutex::new(Store {
            heap: Heap::literal(),
            items: Vec::new(),
        })
    })
}

fn lock() -> std::sync::MutexGuard<'static, Store> {
    store().lock().unwrap_or_else(|e| e.into_inner())
}

fn find(s: &Store, k: Term) -> Result<usize, usize> {
    s.items
        .binary_search_by(|(ik, _)| order::compare(*ik, k, true))
}

fn put2(_p: &mut Process, a: &[Term]) -> R {
    let mut s = lock();
    let v = copy_term(a[1], &mut s.heap);
    match find(&s, a[0]) {
        Ok(i) => s.items[i].1 = v,
        Err(i) => {
            let k = copy_term(a[0], &mut s.heap);
            s.items.insert(i, (k, v));
        }
    }
    Ok(Term::atom(atom::OK))
}

fn get1(_p: &mut Process, a: &[Term]) -> R {
    let s = lock();
    match find(&s, a[0]) {
        Ok(i) => Ok(s.items[i].1),
        Err(_) => Err(Exc::badarg()),
    }
}

fn get2(_p: &mut Process, a: &[Term]) -> R {
    let s = lock();
    match find(&s, a[0]) {
        Ok(i) => Ok(s.items[i].1),
        Err(_) => Ok(a[1]),
    }
}

fn get0(p: &mut Process, _a: &[Term]) -> R {
    let items: Vec<(Term, Term)> = lock().items.clone();
    let mut out = Vec::with_capacity(items.len());
    for (k, v) in items {
        out.push(p.heap.tuple(&[k, v]));
    }
    Ok(p.heap.list(&out))
}

fn erase1(_p: &mut Process, a: &[Term]) -> R {
    let mut s = lock();
    match find(&s, a[0]) {
        Ok(i) => {
            s.items.remove(i);
            Ok(Term::bool(true))
        }
        Err(_) => Ok(Term::bool(false)),
    }
}

fn info0(p: &mut Process, _a: &[Term]) -> R {
    let (count, words) = {
        let s = lock();
        (s.items.len(), s.heap.used())
    };
    let c = p.heap.tuple(&[
        Term::atom(atom::intern_static("count")),
        Term::small(count as i64),
    ]);
    let m = p.heap.tuple(&[
        Term::atom(atom::intern_static("memory")),
        Term::small(words as i64 * 8),
    ]);
    let _ = Ordering::Equal;
    Ok(p.heap.list(&[c, m]))
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "persistent_term",
        name: "put",
        arity: 2,
        f: put2,
    },
    Bif {
        module: "persistent_term",
        name: "get",
        arity: 1,
        f: get1,
    },
    Bif {
        module: "persistent_term",
        name: "get",
        arity: 2,
        f: get2,
    },
    Bif {
        module: "persistent_term",
        name: "get",
        arity: 0,
        f: get0,
    },
    Bif {
        module: "persistent_term",
        name: "erase",
        arity: 1,
        f: erase1,
    },
    Bif {
        module: "persistent_term",
        name: "info",
        arity: 0,
        f: info0,
    },
];
