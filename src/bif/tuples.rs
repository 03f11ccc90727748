//! Tuple BIFs: `element/2`, `setelement/3`, `tuple_size/1`, `size/1`
//! (tuples and binaries), `make_tuple/2,3`, `append_element/2`,
//! `delete_element/2`, `insert_element/3`, `tuple_to_list/1`,
//! `list_to_tuple/1`.
//!
//! Tuples are limited to [`MAX_ARITY`] elements as in OTP: building a
//! bigger one with `make_tuple`, `append_element` or `list_to_tuple` is
//! `badarg`. (OTP's `insert_element` does not check, and neither does
//! this one.)

use super::types::fixed;
use super::{Bif, BifResult, Exc};
use crate::process::Process;
use crate::term::{binary, Term};

/// OTP's `MAX_ARITY`: 2^24 - 1.
pub const MAX_ARITY: usize = (1 << 24) - 1;

/// A 1-based index argument within `1..=max`, as a 0-based index.
fn index(n: Term, max: usize) -> Result<usize, Exc> {
    if n.is_small() && n.small_value() >= 1 && (n.small_value() as u64) <= max as u64 {
        Ok((n.small_value() - 1) as usize)
    } else {
        Err(Exc::badarg())
    }
}

fn tuple_of<'a>(t: Term) -> Result<&'a [Term], Exc> {
    if t.is_tuple() {
        Ok(t.tuple_elements())
    } else {
        Err(Exc::badarg())
    }
}

fn element(_p: &mut Process, args: &[Term]) -> BifResult {
    let [n, t] = fixed(args)?;
    let elems = tuple_of(t)?;
    let i = index(n, elems.len())?;
    elems.get(i).copied().ok_or_else(Exc::badarg)
}

fn setelement(p: &mut Process, args: &[Term]) -> BifResult {
    let [n, t, v] = fixed(args)?;
    let elems = tuple_of(t)?;
    let i = index(n, elems.len())?;
    let mut copy = elems.to_vec();
    if let Some(slot) = copy.get_mut(i) {
        *slot = v;
    }
    Ok(p.heap.tuple(&copy))
}

fn tuple_size(_p: &mut Process, args: &[Term]) -> BifResult {
    let [t] = fixed(args)?;
    Ok(Term::small(tuple_of(t)?.len() as i64))
}

/// `size/1`: a tuple's arity or a bitstring's whole bytes
/// (erl: `size(<<1,2,3:4>>)` is 2).
fn size(_p: &mut Process, args: &[Term]) -> BifResult {
    let [t] = fixed(args)?;
    if t.is_tuple() {
        return Ok(Term::small(t.tuple_arity() as i64));
    }
    match binary::view(t) {
        Some(b) => Term::try_small((b.size / 8) as i64).ok_or_else(Exc::system_limit),
        None => Err(Exc::badarg()),
    }
}

/// A tuple size argument in `0..=MAX_ARITY`.
fn arity_arg(n: Term) -> Result<usize, Exc> {
    if n.is_small() && n.small_value() >= 0 && n.small_value() as u64 <= MAX_ARITY as u64 {
        Ok(n.small_value() as usize)
    } else {
        Err(Exc::badarg())
    }
}

fn make_tuple(p: &mut Process, args: &[Term]) -> BifResult {
    let [n, v] = fixed(args)?;
    let n = arity_arg(n)?;
    Ok(p.heap.tuple_filled(n, v))
}

/// `make_tuple(N, Default, [{Pos, Value}])`: later entries win.
fn make_tuple_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [n, default, init] = fixed(args)?;
    let n = arity_arg(n)?;
    let mut elems = vec![default; n];
    let mut it = init.iter_list();
    for pair in it.by_ref() {
        if !pair.is_tuple() || pair.tuple_arity() != 2 {
            return Err(Exc::badarg());
        }
        let i = index(pair.element(0), n)?;
        if let Some(slot) = elems.get_mut(i) {
            *slot = pair.element(1);
        }
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    Ok(p.heap.tuple(&elems))
}

fn append_element(p: &mut Process, args: &[Term]) -> BifResult {
    let [t, v] = fixed(args)?;
    let elems = tuple_of(t)?;
    if elems.len() >= MAX_ARITY {
        return Err(Exc::badarg());
    }
    let mut copy = Vec::with_capacity(elems.len() + 1);
    copy.extend_from_slice(elems);
    copy.push(v);
    Ok(p.heap.tuple(&copy))
}

fn delete_element(p: &mut Process, args: &[Term]) -> BifResult {
    let [n, t] = fixed(args)?;
    let elems = tuple_of(t)?;
    let i = index(n, elems.len())?;
    let mut copy = elems.to_vec();
    copy.remove(i);
    Ok(p.heap.tuple(&copy))
}

fn insert_element(p: &mut Process, args: &[Term]) -> BifResult {
    let [n, t, v] = fixed(args)?;
    let elems = tuple_of(t)?;
    let i = index(n, elems.len() + 1)?;
    let mut copy = Vec::with_capacity(elems.len() + 1);
    copy.extend_from_slice(elems);
    copy.insert(i, v);
    Ok(p.heap.tuple(&copy))
}

fn tuple_to_list(p: &mut Process, args: &[Term]) -> BifResult {
    let [t] = fixed(args)?;
    let elems = tuple_of(t)?;
    Ok(p.heap.list(elems))
}

fn list_to_tuple(p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    let items = super::lists::proper_items(l)?;
    if items.len() > MAX_ARITY {
        return Err(Exc::badarg());
    }
    Ok(p.heap.tuple(&items))
}

const fn e(name: &'static str, arity: u32, f: super::BifFn) -> Bif {
    Bif {
        module: "erlang",
        name,
        arity,
        f,
    }
}

pub const TABLE: &[Bif] = &[
    e("element", 2, element),
    e("setelement", 3, setelement),
    e("tuple_size", 1, tuple_size),
    e("size", 1, size),
    e("make_tuple", 2, make_tuple),
    e("make_tuple", 3, make_tuple_3),
    e("append_element", 2, append_element),
    e("delete_element", 2, delete_element),
    e("insert_element", 3, insert_element),
    e("tuple_to_list", 1, tuple_to_list),
    e("list_to_tuple", 1, list_to_tuple),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::{atom, order};

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
    fn elems(t: Term) -> Vec<Term> {
        assert!(t.is_tuple());
        t.tuple_elements().to_vec()
    }

    #[test]
    fn element_and_setelement() {
        let mut p = p();
        let t = p.heap.tuple(&[a("a")]);
        assert_eq!(element(&mut p, &[s(1), t]).unwrap(), a("a"));
        // erl: element(0,{a}), element(2,{a}), element(1,a), element(a,{a}),
        // element(1 bsl 70,{a}) -> badarg
        let big = p.heap.int(i64::MAX);
        assert!(is_badarg(element(&mut p, &[s(0), t])));
        assert!(is_badarg(element(&mut p, &[s(2), t])));
        assert!(is_badarg(element(&mut p, &[s(1), a("a")])));
        assert!(is_badarg(element(&mut p, &[a("a"), t])));
        assert!(is_badarg(element(&mut p, &[big, t])));
        // erl: setelement(1,{a},b) -> {b}; setelement(0|2,{a},b) -> badarg
        let r = setelement(&mut p, &[s(1), t, a("b")]).unwrap();
        assert_eq!(elems(r), vec![a("b")]);
        assert_eq!(elems(t), vec![a("a")], "original untouched");
        assert!(is_badarg(setelement(&mut p, &[s(0), t, a("b")])));
        assert!(is_badarg(setelement(&mut p, &[s(2), t, a("b")])));
        assert!(is_badarg(setelement(&mut p, &[s(1), a("a"), a("b")])));
    }

    #[test]
    fn sizes() {
        let mut p = p();
        let t = p.heap.tuple(&[a("a"), a("b")]);
        assert_eq!(tuple_size(&mut p, &[t]).unwrap(), s(2));
        assert_eq!(size(&mut p, &[t]).unwrap(), s(2));
        // erl: size(<<1,2,3>>) -> 3; size(<<1,2,3:4>>) -> 2; size(<<1:1>>) -> 0
        let b = p.heap.binary(&[1, 2, 3]);
        let bits = p.heap.bitstring(&[1, 2, 0x30], 20);
        let one_bit = p.heap.bitstring(&[0x80], 1);
        assert_eq!(size(&mut p, &[b]).unwrap(), s(3));
        assert_eq!(size(&mut p, &[bits]).unwrap(), s(2));
        assert_eq!(size(&mut p, &[one_bit]).unwrap(), s(0));
        // erl: tuple_size(a), tuple_size(<<1>>), size([a]), size(a) -> badarg
        let l = p.heap.list(&[a("a")]);
        assert!(is_badarg(tuple_size(&mut p, &[a("a")])));
        assert!(is_badarg(tuple_size(&mut p, &[b])));
        assert!(is_badarg(size(&mut p, &[l])));
        assert!(is_badarg(size(&mut p, &[a("a")])));
    }

    #[test]
    fn make_tuple_cases() {
        let mut p = p();
        // erl: erlang:make_tuple(0,a) -> {}
        assert_eq!(elems(make_tuple(&mut p, &[s(0), a("a")]).unwrap()), vec![]);
        assert_eq!(
            elems(make_tuple(&mut p, &[s(2), a("a")]).unwrap()),
            vec![a("a"); 2]
        );
        // erl: make_tuple(-1,a), make_tuple(a,a), make_tuple(1 bsl 30,a),
        // make_tuple(16777216,a) -> badarg
        assert!(is_badarg(make_tuple(&mut p, &[s(-1), a("a")])));
        assert!(is_badarg(make_tuple(&mut p, &[a("a"), a("a")])));
        assert!(is_badarg(make_tuple(&mut p, &[s(1 << 30), a("a")])));
        assert!(is_badarg(make_tuple(&mut p, &[s(16_777_216), a("a")])));
        // erl: make_tuple(3,x,[{2,a},{2,b},{1,c}]) -> {c,b,x}
        let p1 = p.heap.tuple(&[s(2), a("a")]);
        let p2 = p.heap.tuple(&[s(2), a("b")]);
        let p3 = p.heap.tuple(&[s(1), a("c")]);
        let init = p.heap.list(&[p1, p2, p3]);
        let r = make_tuple_3(&mut p, &[s(3), a("x"), init]).unwrap();
        assert_eq!(elems(r), vec![a("c"), a("b"), a("x")]);
        // erl: make_tuple(0,x,[]) -> {}; errors for {4,a}, {0,a}, [{1,a}|b],
        // {1,a,c}, a, non-list, {1.0,a}, make_tuple(0,x,[{1,a}])
        assert_eq!(
            elems(make_tuple_3(&mut p, &[s(0), a("x"), Term::NIL]).unwrap()),
            vec![]
        );
        let bad4 = p.heap.tuple(&[s(4), a("a")]);
        let bad0 = p.heap.tuple(&[s(0), a("a")]);
        let bad3 = p.heap.tuple(&[s(1), a("a"), a("c")]);
        let badf = p.heap.tuple(&[Term::float(1.0), a("a")]);
        let ok1 = p.heap.tuple(&[s(1), a("a")]);
        for bad in [bad4, bad0, bad3, badf, a("a")] {
            let l = p.heap.list(&[bad]);
            assert!(is_badarg(make_tuple_3(&mut p, &[s(3), a("x"), l])));
        }
        let imp = p.heap.cons(ok1, a("b"));
        assert!(is_badarg(make_tuple_3(&mut p, &[s(3), a("x"), imp])));
        assert!(is_badarg(make_tuple_3(&mut p, &[s(3), a("x"), a("a")])));
        let l = p.heap.list(&[ok1]);
        assert!(is_badarg(make_tuple_3(&mut p, &[s(0), a("x"), l])));
        assert!(is_badarg(make_tuple_3(&mut p, &[s(-1), a("x"), Term::NIL])));
    }

    #[test]
    fn append_delete_insert() {
        let mut p = p();
        let t = p.heap.tuple(&[a("a"), a("b")]);
        let empty = p.heap.tuple(&[]);
        // erl: append_element({a},b) -> {a,b}; append_element(a,b) -> badarg
        let ta = p.heap.tuple(&[a("a")]);
        assert_eq!(
            elems(append_element(&mut p, &[ta, a("b")]).unwrap()),
            vec![a("a"), a("b")]
        );
        assert!(is_badarg(append_element(&mut p, &[a("a"), a("b")])));
        // erl: append_element(make_tuple(16777215,a),b) -> badarg
        let max = p.heap.tuple_filled(MAX_ARITY, a("a"));
        assert!(is_badarg(append_element(&mut p, &[max, a("b")])));
        // erl: delete_element(1,{a,b}) -> {b}; 3, 0, and {} -> badarg
        assert_eq!(
            elems(delete_element(&mut p, &[s(1), t]).unwrap()),
            vec![a("b")]
        );
        assert!(is_badarg(delete_element(&mut p, &[s(3), t])));
        assert!(is_badarg(delete_element(&mut p, &[s(0), t])));
        assert!(is_badarg(delete_element(&mut p, &[s(1), empty])));
        // erl: insert_element(3,{a,b},c) -> {a,b,c}; (4,...) -> badarg;
        // insert_element(1,{},c) -> {c}; (0,{},c) -> badarg
        let r = insert_element(&mut p, &[s(3), t, a("c")]).unwrap();
        assert_eq!(elems(r), vec![a("a"), a("b"), a("c")]);
        let r = insert_element(&mut p, &[s(1), t, a("c")]).unwrap();
        assert_eq!(elems(r), vec![a("c"), a("a"), a("b")]);
        assert!(is_badarg(insert_element(&mut p, &[s(4), t, a("c")])));
        assert_eq!(
            elems(insert_element(&mut p, &[s(1), empty, a("c")]).unwrap()),
            vec![a("c")]
        );
        assert!(is_badarg(insert_element(&mut p, &[s(0), empty, a("c")])));
    }

    #[test]
    fn list_conversions() {
        let mut p = p();
        let t = p.heap.tuple(&[a("a"), a("b")]);
        let l = tuple_to_list(&mut p, &[t]).unwrap();
        let want = p.heap.list(&[a("a"), a("b")]);
        assert!(order::exact_eq(l, want));
        assert!(is_badarg(tuple_to_list(&mut p, &[a("a")])));
        let back = list_to_tuple(&mut p, &[l]).unwrap();
        assert!(order::exact_eq(back, t));
        // erl: list_to_tuple([]) -> {}; list_to_tuple([a|b]), (a) -> badarg
        assert_eq!(elems(list_to_tuple(&mut p, &[Term::NIL]).unwrap()), vec![]);
        let imp = p.heap.cons(a("a"), a("b"));
        assert!(is_badarg(list_to_tuple(&mut p, &[imp])));
        assert!(is_badarg(list_to_tuple(&mut p, &[a("a")])));
    }
}
