//! Map operations shared by the instructions and the BIFs, over both
//! representations OTP 25 uses:
//!
//! - *flat* (`Kind::Map`, at most 32 keys): keys sorted in exact term order,
//!   then their values (see `term::boxed`);
//! - *hashmap* (`Kind::HashMap`, more than 32 keys): OTP's HAMT, see
//!   [`crate::term::hamt`].
//!
//! The switch points are OTP's: a map that grows past 32 keys becomes a
//! hashmap, one that shrinks to 32 keys or fewer (`maps:remove/2`,
//! `maps:take/2`) becomes flat again. A flat map of more than 32 keys can
//! still arrive from code that builds maps with `Heap::map_sorted` (it is
//! valid everywhere; it turns into a hashmap at its first update).

use crate::heap::Heap;
use crate::process::Process;
use crate::term::hamt::{self, SMALL_MAP_LIMIT};
use crate::term::{atom, order, Term};
use std::cmp::Ordering;

/// Number of keys.
#[inline]
pub fn size(m: Term) -> usize {
    if hamt::is_hashmap(m) {
        hamt::size(m)
    } else {
        m.header().size() / 2
    }
}

#[inline]
fn flat_key(m: Term, i: usize) -> Term {
    Term(m.word(1 + i))
}

#[inline]
fn flat_value(m: Term, i: usize) -> Term {
    Term(m.word(1 + m.header().size() / 2 + i))
}

/// Key `i` in [`entries`] order. O(1) for a flat map, O(n) for a hashmap:
/// walk a hashmap with [`entries`] instead.
pub fn key(m: Term, i: usize) -> Term {
    if hamt::is_hashmap(m) {
        entries(m)[i].0
    } else {
        flat_key(m, i)
    }
}

/// Value `i` in [`entries`] order (O(n) for a hashmap, like [`key`]).
pub fn value(m: Term, i: usize) -> Term {
    if hamt::is_hashmap(m) {
        entries(m)[i].1
    } else {
        flat_value(m, i)
    }
}

/// Keys equal to `k` under `=:=` are exactly the word `k` itself: atoms,
/// small integers, nil, local pids and ports (not floats: `0.0 =:= -0.0`
/// in OTP 25; not boxed terms).
#[inline]
fn identity_key(k: Term) -> bool {
    k.is_atom() || k.is_small() || k.is_nil() || k.is_pid() || k.is_port()
}

/// Index of `k` in a flat map, when present: a scan for the identical
/// word when that decides it (OTP's flat-map lookup is a linear scan too),
/// else [`find`].
#[inline]
fn flat_index(m: Term, k: Term) -> Option<usize> {
    if identity_key(k) {
        let n = m.header().size() / 2;
        (0..n).find(|&i| flat_key(m, i) == k)
    } else {
        find(m, k).ok()
    }
}

/// Index of `k` in a flat map, or the insertion point.
pub fn find(m: Term, k: Term) -> Result<usize, usize> {
    let n = m.header().size() / 2;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match order::compare(flat_key(m, mid), k, true) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

pub fn get(m: Term, k: Term) -> Option<Term> {
    if hamt::is_hashmap(m) {
        hamt::get(m, k)
    } else {
        flat_index(m, k).map(|i| flat_value(m, i))
    }
}

/// The pairs in OTP's `maps:to_list/1` order: key order for a flat map;
/// for a hashmap the reverse of the iteration order, which is also the
/// order of `maps:keys/1`, `maps:values/1` and of the pairs OTP's
/// `term_to_binary/1` writes.
pub fn entries(m: Term) -> Vec<(Term, Term)> {
    if hamt::is_hashmap(m) {
        let mut v = hamt::iteration_order(m);
        v.reverse();
        v
    } else {
        flat_pairs(m)
    }
}

/// The pairs in iteration order (`maps:iterator/1`, `maps:fold/3`, and so
/// the order maps print in).
pub fn iteration_order(m: Term) -> Vec<(Term, Term)> {
    if hamt::is_hashmap(m) {
        hamt::iteration_order(m)
    } else {
        flat_pairs(m)
    }
}

/// The pairs with keys in exact term order (map comparison).
pub fn sorted_entries(m: Term) -> Vec<(Term, Term)> {
    if hamt::is_hashmap(m) {
        let mut v = hamt::iteration_order(m);
        v.sort_by(|a, b| order::compare(a.0, b.0, true));
        v
    } else {
        flat_pairs(m)
    }
}

fn flat_pairs(m: Term) -> Vec<(Term, Term)> {
    let n = m.header().size() / 2;
    (0..n).map(|i| (flat_key(m, i), flat_value(m, i))).collect()
}

/// A map of pairs sorted by key in exact term order with no duplicate
/// keys: flat up to 32 pairs, else a hashmap (what `binary_to_term` and
/// literal loading must build for `MAP_EXT`, as OTP does).
pub fn from_sorted_distinct(heap: &mut Heap, pairs: &[(Term, Term)]) -> Term {
    if pairs.len() > SMALL_MAP_LIMIT {
        hamt::from_distinct(heap, pairs)
    } else {
        heap.map_sorted(pairs)
    }
}

/// `m` with `k => v`. `exact`: `k` must exist (`None` if it does not).
pub fn put(heap: &mut Heap, m: Term, k: Term, v: Term, exact: bool) -> Option<Term> {
    if hamt::is_hashmap(m) {
        return hamt::insert(heap, m, k, v, exact);
    }
    // A flat map keeps its old key term (OTP reuses the key tuple).
    if let Some(t) = update_in_place_shape(heap, m, &[(k, v)]) {
        return Some(t);
    }
    match find(m, k) {
        Ok(i) => {
            let mut pairs = flat_pairs(m);
            pairs[i].1 = v;
            Some(from_sorted_distinct(heap, &pairs))
        }
        Err(i) => {
            if exact {
                return None;
            }
            let mut pairs = flat_pairs(m);
            pairs.insert(i, (k, v));
            Some(from_sorted_distinct(heap, &pairs))
        }
    }
}

/// `m` without `k` and the value `k` had, or `None` when `k` is absent.
pub fn remove(heap: &mut Heap, m: Term, k: Term) -> Option<(Term, Term)> {
    if hamt::is_hashmap(m) {
        return hamt::remove(heap, m, k);
    }
    let i = find(m, k).ok()?;
    let v = flat_value(m, i);
    let mut pairs = flat_pairs(m);
    pairs.remove(i);
    Some((from_sorted_distinct(heap, &pairs), v))
}

/// `m#{k => v, ...}` (or `:=` when `exact`). Errors are the reason term:
/// `{badmap, M}` or `{badkey, K}`.
pub fn update(p: &mut Process, m: Term, kv: &[(Term, Term)], exact: bool) -> Result<Term, Term> {
    if !m.is_map() {
        return Err(p.heap.tuple(&[Term::atom(atom::BADMAP), m]));
    }
    if hamt::is_hashmap(m) {
        let mut cur = m;
        for &(k, v) in kv {
            match hamt::insert(&mut p.heap, cur, k, v, exact) {
                Some(t) => cur = t,
                None => return Err(p.heap.tuple(&[Term::atom(atom::BADKEY), k])),
            }
        }
        return Ok(cur);
    }
    if let Some(t) = update_in_place_shape(&mut p.heap, m, kv) {
        return Ok(t);
    }
    let mut pairs = flat_pairs(m);
    let mut changed = false;
    for &(k, v) in kv {
        match pairs.binary_search_by(|(pk, _)| order::compare(*pk, k, true)) {
            Ok(i) => {
                changed |= pairs[i].1 != v;
                pairs[i].1 = v;
            }
            Err(i) => {
                if exact {
                    return Err(p.heap.tuple(&[Term::atom(atom::BADKEY), k]));
                }
                changed = true;
                pairs.insert(i, (k, v));
            }
        }
    }
    if !changed && pairs.len() <= SMALL_MAP_LIMIT {
        return Ok(m);
    }
    Ok(from_sorted_distinct(&mut p.heap, &pairs))
}

/// A flat-map update whose keys all exist already (every `:=` that
/// succeeds, most `=>` on record-like maps): the same keys with new
/// values, written straight into a copy, no sorting. `None` when a key is
/// new (the general path inserts it).
fn update_in_place_shape(heap: &mut Heap, m: Term, kv: &[(Term, Term)]) -> Option<Term> {
    let n = m.header().size() / 2;
    if n > SMALL_MAP_LIMIT {
        return None;
    }
    let mut changed = false;
    for &(k, v) in kv {
        let i = flat_index(m, k)?;
        changed |= flat_value(m, i) != v;
    }
    if !changed {
        return Some(m);
    }
    let (t, body) = heap.boxed(crate::term::Kind::Map, 2 * n);
    for j in 0..2 * n {
        // SAFETY: `body` has `2n` words, the size of `m`'s body.
        unsafe { *body.add(j) = m.word(1 + j) };
    }
    for &(k, v) in kv {
        // (found above; later duplicates win, as in the general path)
        let i = flat_index(m, k)?;
        // SAFETY: `i < n`, so `n + i < 2n`.
        unsafe { *body.add(n + i) = v.0 };
    }
    Some(t)
}

/// Build a map from unsorted pairs; later duplicates win.
pub fn from_pairs(p: &mut Process, kv: &[(Term, Term)]) -> Term {
    build(&mut p.heap, kv)
}

/// [`from_pairs`] on any heap (literal areas, decoders): a flat map for
/// at most 32 distinct keys, else a hashmap, as OTP builds them.
pub fn build(heap: &mut Heap, kv: &[(Term, Term)]) -> Term {
    if kv.len() <= SMALL_MAP_LIMIT {
        let mut pairs: Vec<(Term, Term)> = Vec::with_capacity(kv.len());
        for &(k, v) in kv {
            match pairs.binary_search_by(|(pk, _)| order::compare(*pk, k, true)) {
                Ok(i) => pairs[i].1 = v,
                Err(i) => pairs.insert(i, (k, v)),
            }
        }
        return heap.map_sorted(&pairs);
    }
    let mut pairs = hamt::dedup_last_wins(kv);
    if pairs.len() > SMALL_MAP_LIMIT {
        return hamt::from_distinct(heap, &pairs);
    }
    pairs.sort_by(|a, b| order::compare(a.0, b.0, true));
    heap.map_sorted(&pairs)
}

/// `maps:merge(A, B)`: the keys of both, `B`'s value winning.
pub fn merge(heap: &mut Heap, a: Term, b: Term) -> Term {
    let (na, nb) = (size(a), size(b));
    if nb == 0 {
        return a;
    }
    if na == 0 {
        return b;
    }
    let (ha, hb) = (hamt::is_hashmap(a), hamt::is_hashmap(b));
    if !ha && !hb {
        // Merge the two sorted key lists.
        let (pa, pb) = (flat_pairs(a), flat_pairs(b));
        let mut out = Vec::with_capacity(na + nb);
        let (mut i, mut j) = (0, 0);
        while i < pa.len() && j < pb.len() {
            match order::compare(pa[i].0, pb[j].0, true) {
                Ordering::Less => {
                    out.push(pa[i]);
                    i += 1;
                }
                Ordering::Greater => {
                    out.push(pb[j]);
                    j += 1;
                }
                Ordering::Equal => {
                    out.push(pb[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
        out.extend_from_slice(&pa[i..]);
        out.extend_from_slice(&pb[j..]);
        return from_sorted_distinct(heap, &out);
    }
    // Insert the pairs of the smaller map into the larger hashmap.
    if ha && (!hb || nb <= na) {
        let mut cur = a;
        for (k, v) in iteration_order(b) {
            cur = hamt::insert(heap, cur, k, v, false).unwrap_or(cur);
        }
        cur
    } else {
        let mut cur = b;
        for (k, v) in iteration_order(a) {
            if hamt::get(cur, k).is_none() {
                cur = hamt::insert(heap, cur, k, v, false).unwrap_or(cur);
            }
        }
        cur
    }
}
