//! List BIFs: `erlang:length/1`, `hd/1`, `tl/1`, `'++'/2` (and
//! `append/2`), `'--'/2`, and the `lists` module's native functions
//! `reverse/2`, `keyfind/3`, `keymember/3`, `keysearch/3`, `member/2`.
//!
//! Every walk is a loop over the cons cells (no recursion), and an improper
//! list is `badarg` exactly where OTP says so: the `lists:key*` and
//! `member` functions only fail if they reach the improper tail before
//! finding what they look for.

use super::types::fixed;
use super::{Bif, BifResult, Exc};
use crate::process::Process;
use crate::term::{atom, order, Term};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The elements of a proper list, else `badarg`.
pub(crate) fn proper_items(list: Term) -> Result<Vec<Term>, Exc> {
    let mut it = list.iter_list();
    let items: Vec<Term> = it.by_ref().collect();
    if it.rest().is_nil() {
        Ok(items)
    } else {
        Err(Exc::badarg())
    }
}

fn length(_p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    let mut it = l.iter_list();
    let n = it.by_ref().count();
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    // A list never has more cells than fit in a small integer.
    Term::try_small(n as i64).ok_or_else(Exc::system_limit)
}

fn hd(_p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    if l.is_cons() {
        Ok(l.head())
    } else {
        Err(Exc::badarg())
    }
}

fn tl(_p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    if l.is_cons() {
        Ok(l.tail())
    } else {
        Err(Exc::badarg())
    }
}

/// `A ++ B`: `A` must be a proper list; `B` can be anything
/// (`[] ++ 3` is `3`, `[1] ++ 2` is `[1|2]`).
fn append(p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    if a.is_nil() {
        return Ok(b);
    }
    let mut it = a.iter_list();
    let n = it.by_ref().count();
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    Ok(p.heap.copy_list_prefix(a, n, b))
}

/// A term ordered by exact term order (`=:=` classes are equal), so a
/// sorted map can count occurrences.
#[derive(Copy, Clone)]
struct Exact(Term);

impl PartialEq for Exact {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Exact {}
impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Exact {
    fn cmp(&self, other: &Self) -> Ordering {
        order::compare(self.0, other.0, true)
    }
}

/// Right-hand lists up to this length are searched linearly.
const SUBTRACT_LINEAR_MAX: usize = 16;

/// `A -- B`: for each element of `B`, remove its first `=:=` occurrence
/// from `A`. Both must be proper lists. Equivalent formulation used here:
/// walk `A` in order, dropping an element while `B`'s multiset still
/// holds a match. O((n + m) log m).
fn subtract(p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    let left = proper_items(a)?;
    let right = proper_items(b)?;
    if right.is_empty() || left.is_empty() {
        return Ok(a);
    }
    let mut kept: Vec<Term> = Vec::with_capacity(left.len());
    if right.len() <= SUBTRACT_LINEAR_MAX {
        let mut pending: Vec<Option<Term>> = right.into_iter().map(Some).collect();
        for x in left {
            let hit = pending
                .iter_mut()
                .find(|slot| slot.is_some_and(|y| order::exact_eq(x, y)));
            match hit {
                Some(slot) => *slot = None,
                None => kept.push(x),
            }
        }
    } else {
        let mut counts: BTreeMap<Exact, usize> = BTreeMap::new();
        for y in right {
            *counts.entry(Exact(y)).or_insert(0) += 1;
        }
        for x in left {
            match counts.get_mut(&Exact(x)) {
                Some(n) if *n > 0 => *n -= 1,
                _ => kept.push(x),
            }
        }
    }
    Ok(p.heap.list(&kept))
}

/// `lists:reverse(List, Tail)`: `List` must be proper.
fn reverse(p: &mut Process, args: &[Term]) -> BifResult {
    let [l, tail] = fixed(args)?;
    let mut acc = tail;
    let mut it = l.iter_list();
    for x in it.by_ref() {
        acc = p.heap.cons(x, acc);
    }
    if it.rest().is_nil() {
        Ok(acc)
    } else {
        Err(Exc::badarg())
    }
}

/// The first tuple in `list` whose element `n` (1-based) is `==` to
/// `key`. `n` must be a positive small integer; the list may be improper
/// only after the match.
fn key_search(key: Term, n: Term, list: Term) -> Result<Option<Term>, Exc> {
    if !n.is_small() || n.small_value() < 1 {
        return Err(Exc::badarg());
    }
    let idx = (n.small_value() - 1) as usize;
    let mut it = list.iter_list();
    for t in it.by_ref() {
        if t.is_tuple() && idx < t.tuple_arity() && order::eq(t.element(idx), key) {
            return Ok(Some(t));
        }
    }
    if it.rest().is_nil() {
        Ok(None)
    } else {
        Err(Exc::badarg())
    }
}

fn keyfind(_p: &mut Process, args: &[Term]) -> BifResult {
    let [key, n, list] = fixed(args)?;
    Ok(key_search(key, n, list)?.unwrap_or(Term::atom(atom::FALSE)))
}

fn keymember(_p: &mut Process, args: &[Term]) -> BifResult {
    let [key, n, list] = fixed(args)?;
    Ok(Term::bool(key_search(key, n, list)?.is_some()))
}

fn keysearch(p: &mut Process, args: &[Term]) -> BifResult {
    let [key, n, list] = fixed(args)?;
    match key_search(key, n, list)? {
        Some(t) => Ok(p.heap.tuple(&[Term::atom(atom::VALUE), t])),
        None => Ok(Term::atom(atom::FALSE)),
    }
}

/// `lists:member/2` compares with `=:=`.
fn member(_p: &mut Process, args: &[Term]) -> BifResult {
    let [x, list] = fixed(args)?;
    let mut it = list.iter_list();
    for y in it.by_ref() {
        if order::exact_eq(x, y) {
            return Ok(Term::bool(true));
        }
    }
    if it.rest().is_nil() {
        Ok(Term::bool(false))
    } else {
        Err(Exc::badarg())
    }
}

const fn b(module: &'static str, name: &'static str, arity: u32, f: super::BifFn) -> Bif {
    Bif {
        module,
        name,
        arity,
        f,
    }
}

pub const TABLE: &[Bif] = &[
    b("erlang", "length", 1, length),
    b("erlang", "hd", 1, hd),
    b("erlang", "tl", 1, tl),
    b("erlang", "++", 2, append),
    b("erlang", "append", 2, append),
    b("erlang", "--", 2, subtract),
    b("erlang", "subtract", 2, subtract),
    b("lists", "reverse", 2, reverse),
    b("lists", "keyfind", 3, keyfind),
    b("lists", "keymember", 3, keymember),
    b("lists", "keysearch", 3, keysearch),
    b("lists", "member", 2, member),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Process {
        Process::new(1, Term::NIL)
    }
    fn s(i: i64) -> Term {
        Term::small(i)
    }
    fn a(name: &str) -> Term {
        Term::atom(atom::intern_static(name))
    }
    fn is_badarg(r: BifResult) -> bool {
        matches!(r, Err(e) if e.reason == Term::atom(atom::BADARG))
    }
    fn same(x: Term, y: Term) -> bool {
        order::exact_eq(x, y)
    }

    #[test]
    fn length_hd_tl() {
        let mut p = p();
        let l = p.heap.list(&[s(1), s(2), s(3)]);
        assert_eq!(length(&mut p, &[l]).unwrap(), s(3));
        assert_eq!(length(&mut p, &[Term::NIL]).unwrap(), s(0));
        assert_eq!(hd(&mut p, &[l]).unwrap(), s(1));
        assert_eq!(tl(&mut p, &[l]).unwrap().head(), s(2));
        // erl: length([1|2]) -> badarg; length(a); hd([]); tl(a)
        let imp = p.heap.cons(s(1), s(2));
        assert!(is_badarg(length(&mut p, &[imp])));
        assert!(is_badarg(length(&mut p, &[a("a")])));
        assert!(is_badarg(hd(&mut p, &[Term::NIL])));
        assert!(is_badarg(tl(&mut p, &[a("a")])));
        assert!(is_badarg(hd(&mut p, &[])));
    }

    #[test]
    fn append_cases() {
        let mut p = p();
        // erl: [] ++ 3 -> 3; '++'([1], 2) -> [1|2]
        assert_eq!(append(&mut p, &[Term::NIL, s(3)]).unwrap(), s(3));
        let one = p.heap.list(&[s(1)]);
        let r = append(&mut p, &[one, s(2)]).unwrap();
        let want = p.heap.cons(s(1), s(2));
        assert!(same(r, want));
        let l2 = p.heap.list(&[s(2), s(3)]);
        let r = append(&mut p, &[one, l2]).unwrap();
        let want = p.heap.list(&[s(1), s(2), s(3)]);
        assert!(same(r, want));
        // erl: [1|2] ++ [3] -> badarg; a ++ [] -> badarg
        let imp = p.heap.cons(s(1), s(2));
        assert!(is_badarg(append(&mut p, &[imp, one])));
        assert!(is_badarg(append(&mut p, &[a("a"), Term::NIL])));
    }

    #[test]
    fn subtract_cases() {
        let mut p = p();
        // erl: [1,2,3,1,2] -- [2,1] -> [3,1,2]
        let l = p.heap.list(&[s(1), s(2), s(3), s(1), s(2)]);
        let r = p.heap.list(&[s(2), s(1)]);
        let got = subtract(&mut p, &[l, r]).unwrap();
        let want = p.heap.list(&[s(3), s(1), s(2)]);
        assert!(same(got, want));
        // erl: [1,1.0,2,1] -- [1,1] -> [1.0,2]
        let l = p.heap.list(&[s(1), Term::float(1.0), s(2), s(1)]);
        let r = p.heap.list(&[s(1), s(1)]);
        let got = subtract(&mut p, &[l, r]).unwrap();
        let want = p.heap.list(&[Term::float(1.0), s(2)]);
        assert!(same(got, want));
        // erl: [0.0, -0.0] -- [-0.0] -> [-0.0]
        let l = p.heap.list(&[Term::float(0.0), Term::float(-0.0)]);
        let r = p.heap.list(&[Term::float(-0.0)]);
        let got = subtract(&mut p, &[l, r]).unwrap();
        assert_eq!(got.head().0, Term::float(-0.0).0);
        assert!(got.tail().is_nil());
        // erl: [1,2] -- [1|a], [1|a] -- [1], [a] -- a, a -- [], [] -- a: badarg
        let l = p.heap.list(&[s(1), s(2)]);
        let imp = p.heap.cons(s(1), a("a"));
        assert!(is_badarg(subtract(&mut p, &[l, imp])));
        let one = p.heap.list(&[s(1)]);
        assert!(is_badarg(subtract(&mut p, &[imp, one])));
        assert!(is_badarg(subtract(&mut p, &[l, a("a")])));
        assert!(is_badarg(subtract(&mut p, &[a("a"), Term::NIL])));
        assert!(is_badarg(subtract(&mut p, &[Term::NIL, a("a")])));
    }

    /// The map path gives the same answer as the linear one.
    #[test]
    fn subtract_large_uses_multiset() {
        let mut p = p();
        let left: Vec<Term> = (0..20_000).map(|i| s(i % 100)).collect();
        let right: Vec<Term> = (0..5_000).map(|i| s(i % 50)).collect();
        let l = p.heap.list(&left);
        let r = p.heap.list(&right);
        let got = proper_items(subtract(&mut p, &[l, r]).unwrap()).unwrap();
        // each of 0..49 occurs 200 times on the left and 100 on the right
        assert_eq!(got.len(), 20_000 - 5_000);
        // the first 100 occurrences of each of 0..49 are the ones removed
        assert_eq!(got[0], s(50));
        assert_eq!(got[49], s(99));
        assert_eq!(got[5000], s(0));
        let tuples: Vec<Term> = (0..40).map(|i| p.heap.tuple(&[s(i)])).collect();
        let l = p.heap.list(&tuples);
        let rt: Vec<Term> = (0..39).map(|i| p.heap.tuple(&[s(i)])).collect();
        let r = p.heap.list(&rt);
        let got = proper_items(subtract(&mut p, &[l, r]).unwrap()).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].element(0), s(39));
    }

    #[test]
    fn reverse_cases() {
        let mut p = p();
        // erl: lists:reverse([1,2],[3]) -> [2,1,3]; lists:reverse([],a) -> a
        let l = p.heap.list(&[s(1), s(2)]);
        let t = p.heap.list(&[s(3)]);
        let got = reverse(&mut p, &[l, t]).unwrap();
        let want = p.heap.list(&[s(2), s(1), s(3)]);
        assert!(same(got, want));
        assert_eq!(reverse(&mut p, &[Term::NIL, a("a")]).unwrap(), a("a"));
        // erl: lists:reverse([1,2],a) -> [2,1|a]
        let got = reverse(&mut p, &[l, a("a")]).unwrap();
        let want = p.heap.list_with_tail(&[s(2), s(1)], a("a"));
        assert!(same(got, want));
        // erl: lists:reverse([1|2],[]), lists:reverse(a,[]) -> badarg
        let imp = p.heap.cons(s(1), s(2));
        assert!(is_badarg(reverse(&mut p, &[imp, Term::NIL])));
        assert!(is_badarg(reverse(&mut p, &[a("a"), Term::NIL])));
    }

    #[test]
    fn key_functions() {
        let mut p = p();
        let t1 = p.heap.tuple(&[Term::float(1.0), a("a")]);
        let l = p.heap.list(&[t1]);
        // erl: lists:keyfind(1,1,[{1.0,a}]) -> {1.0,a}  (== comparison)
        assert_eq!(keyfind(&mut p, &[s(1), s(1), l]).unwrap(), t1);
        assert_eq!(
            keymember(&mut p, &[s(1), s(1), l]).unwrap(),
            Term::bool(true)
        );
        // erl: lists:keysearch(1,1,[{1.0,a}]) -> {value,{1.0,a}}
        let ks = keysearch(&mut p, &[s(1), s(1), l]).unwrap();
        assert_eq!(ks.element(0), Term::atom(atom::VALUE));
        assert_eq!(ks.element(1), t1);
        // erl: lists:keysearch(3,1,[{1.0,a}]) -> false
        assert_eq!(
            keysearch(&mut p, &[s(3), s(1), l]).unwrap(),
            Term::bool(false)
        );
        // erl: lists:keyfind(a,2,[{a},b,{x,a}]) -> {x,a}
        let ta = p.heap.tuple(&[a("a")]);
        let txa = p.heap.tuple(&[a("x"), a("a")]);
        let l2 = p.heap.list(&[ta, a("b"), txa]);
        assert_eq!(keyfind(&mut p, &[a("a"), s(2), l2]).unwrap(), txa);
        // erl: lists:keyfind(1,1,[{1,a}|b]) -> {1,a}; keyfind(2,...) -> badarg
        let t1a = p.heap.tuple(&[s(1), a("a")]);
        let imp = p.heap.cons(t1a, a("b"));
        assert_eq!(keyfind(&mut p, &[s(1), s(1), imp]).unwrap(), t1a);
        assert!(is_badarg(keyfind(&mut p, &[s(2), s(1), imp])));
        // erl: bad positions and non-lists -> badarg
        let big = p.heap.int(1 << 60);
        assert!(is_badarg(keyfind(&mut p, &[s(1), s(0), l])));
        assert!(is_badarg(keyfind(&mut p, &[s(1), s(-1), l])));
        assert!(is_badarg(keyfind(&mut p, &[s(1), a("a"), l])));
        assert!(is_badarg(keyfind(&mut p, &[s(1), big, l])));
        assert!(is_badarg(keyfind(&mut p, &[s(1), s(1), a("a")])));
        assert_eq!(
            keyfind(&mut p, &[s(1), s(1), Term::NIL]).unwrap(),
            Term::bool(false)
        );
    }

    #[test]
    fn member_cases() {
        let mut p = p();
        // erl: lists:member(1,[1.0]) -> false
        let l = p.heap.list(&[Term::float(1.0)]);
        assert_eq!(member(&mut p, &[s(1), l]).unwrap(), Term::bool(false));
        // erl: lists:member(1,[1|a]) -> true; member(2,[1|a]) -> badarg
        let imp = p.heap.cons(s(1), a("a"));
        assert_eq!(member(&mut p, &[s(1), imp]).unwrap(), Term::bool(true));
        assert!(is_badarg(member(&mut p, &[s(2), imp])));
        assert!(is_badarg(member(&mut p, &[s(2), a("a")])));
        let t = p.heap.tuple(&[s(1)]);
        let t2 = p.heap.tuple(&[s(1)]);
        let l = p.heap.list(&[a("x"), t]);
        assert_eq!(member(&mut p, &[t2, l]).unwrap(), Term::bool(true));
    }
}
