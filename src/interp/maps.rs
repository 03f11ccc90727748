//! Map operations the instructions need: lookup and update of flat maps
//! (keys sorted in exact term order, values after keys; see `term::boxed`).
//!
//! Every map is flat here, whatever its size. OTP switches to a HAMT above
//! 32 keys, which changes iteration order for large maps; that is a known
//! difference (docs/ARCHITECTURE.md).

use crate::process::Process;
use crate::term::{atom, order, Term};
use std::cmp::Ordering;

#[inline]
pub fn size(m: Term) -> usize {
    m.header().size() / 2
}

#[inline]
pub fn key(m: Term, i: usize) -> Term {
    Term(m.word(1 + i))
}

#[inline]
pub fn value(m: Term, i: usize) -> Term {
    Term(m.word(1 + size(m) + i))
}

/// Index of `k` in `m`, or the insertion point.
pub fn find(m: Term, k: Term) -> Result<usize, usize> {
    let n = size(m);
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match order::compare(key(m, mid), k, true) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

pub fn get(m: Term, k: Term) -> Option<Term> {
    find(m, k).ok().map(|i| value(m, i))
}

/// `m#{k => v, ...}` (or `:=` when `exact`). Errors are the reason term:
/// `{badmap, M}` or `{badkey, K}`.
pub fn update(p: &mut Process, m: Term, kv: &[(Term, Term)], exact: bool) -> Result<Term, Term> {
    if !m.is_map() {
        return Err(p.heap.tuple(&[Term::atom(atom::BADMAP), m]));
    }
    let n = size(m);
    let mut pairs: Vec<(Term, Term)> = (0..n).map(|i| (key(m, i), value(m, i))).collect();
    for &(k, v) in kv {
        match pairs.binary_search_by(|(pk, _)| order::compare(*pk, k, true)) {
            Ok(i) => pairs[i].1 = v,
            Err(i) => {
                if exact {
                    return Err(p.heap.tuple(&[Term::atom(atom::BADKEY), k]));
                }
                pairs.insert(i, (k, v));
            }
        }
    }
    Ok(p.heap.map_sorted(&pairs))
}

/// Build a map from unsorted pairs; later duplicates win.
pub fn from_pairs(p: &mut Process, kv: &[(Term, Term)]) -> Term {
    let mut pairs: Vec<(Term, Term)> = Vec::with_capacity(kv.len());
    for &(k, v) in kv {
        match pairs.binary_search_by(|(pk, _)| order::compare(*pk, k, true)) {
            Ok(i) => pairs[i].1 = v,
            Err(i) => pairs.insert(i, (k, v)),
        }
    }
    p.heap.map_sorted(&pairs)
}
