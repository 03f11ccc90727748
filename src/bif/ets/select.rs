//! The match/select families: select/1,2,3, select_reverse/1,2,3,
//! match/1,2,3, match_object/1,2,3, select_count/2, select_delete/2
//! (`internal_select_delete`), select_replace/2.
//!
//! Result order is OTP 25's. Hash tables are walked slot by slot, chain
//! order within a slot, and each result is consed onto the result list,
//! so lists come out in reverse walk order; when every clause's head binds
//! the key, only those keys' buckets are walked, in clause order. A
//! chunked select (`select/3`) stops at the first slot boundary with at
//! least Limit results; the surplus results (newest first) travel in the
//! continuation `{Tid, Slot, Limit, Spec, Rest, RestCount}`. OTP splits its
//! walk into 1000-object slices; after a slice boundary (and in
//! `select/1`) the surplus is stored reversed, as OTP does. `ordered_set`
//! results are in key order (descending for select_reverse), chunks are
//! exactly Limit long, and continuations are
//! `{Tid, LastKey, [], Limit, Spec, [], Reverse, 0}`.
//!
//! Continuations carry the spec term itself (not a compiled reference):
//! `select/1` compiles it again, and also accepts a compiled reference.

use super::hashtab::HashTab;
use super::matchspec::{has_variable, keeps_key, var_num, Ms};
use super::msapi::Spec;
use super::table::{Data, Table, Type};
use super::{with_table, Need};
use crate::bif::Exc;
use crate::process::copy::copy_term;
use crate::process::Process;
use crate::term::order::exact_eq;
use crate::term::{atom, Term};

type R = Result<Term, Exc>;

/// OTP's slice length (objects examined between traps).
const SLICE: usize = 1000;

fn eot() -> Term {
    Term::atom(atom::intern_static("$end_of_table"))
}

fn is_eot(t: Term) -> bool {
    t == eot()
}

/// The buckets a spec confines a hash walk to, or None for a full walk.
fn key_buckets(h: &HashTab, keypos: usize, ms: &Ms) -> Option<Vec<usize>> {
    let mut lists: Vec<usize> = Vec::new();
    for c in &ms.clauses {
        let head = c.head;
        if var_num(head).is_some()
            || (head.is_atom() && atom::with_name(head.atom_value(), |s| s == "_"))
        {
            return None;
        }
        if !head.is_tuple() || head.tuple_arity() < keypos {
            continue;
        }
        let key = head.element(keypos - 1);
        if has_variable(key) {
            return None;
        }
        if let Some(ix) = h.bucket_with_live_key(key) {
            if !lists.contains(&ix) {
                lists.push(ix);
            }
        }
    }
    Some(lists)
}

/// A hash walk's outcome: results consed in walk order (`ml`, last is the
/// list head), where to resume (`slot`, -1 at the end), whether any
/// object was examined, whether a slice boundary was crossed.
struct Walk {
    ml: Vec<Term>,
    slot: i64,
    visited: bool,
    sliced: bool,
}

/// Walk a hash table from `start` (a full walk) or over `lists`, calling
/// `f(ix, pos)` on every live entry; `f` says whether it matched.
fn hash_walk(
    h: &HashTab,
    lists: Option<&[usize]>,
    start: usize,
    chunk: usize,
    mut got: usize,
    f: &mut dyn FnMut(usize, usize) -> bool,
) -> (usize, i64, bool, bool) {
    let mut left = SLICE;
    let mut visited = false;
    let mut sliced = false;
    let mut scan = |ix: usize, got: &mut usize, left: &mut usize, visited: &mut bool| {
        for (pos, e) in h.chain(ix).iter().enumerate() {
            if e.dead {
                continue;
            }
            *visited = true;
            if f(ix, pos) {
                *got += 1;
            }
            *left = left.saturating_sub(1);
        }
    };
    if let Some(lists) = lists {
        for &ix in lists {
            scan(ix, &mut got, &mut left, &mut visited);
        }
        return (got, -1, visited, false);
    }
    let n = h.nactive();
    let mut slot = start;
    if slot >= n {
        return (got, -1, visited, sliced);
    }
    loop {
        scan(slot, &mut got, &mut left, &mut visited);
        match h.next_slot(slot) {
            Some(s) => slot = s,
            None => return (got, -1, visited, sliced),
        }
        if chunk > 0 && got >= chunk {
            return (got, slot as i64, visited, sliced);
        }
        if left == 0 {
            left = SLICE;
            sliced = true;
        }
    }
}

/// Run `ms` over a hash walk, collecting copied results.
fn hash_select(
    p: &mut Process,
    h: &HashTab,
    keypos: usize,
    ms: &Ms,
    start: usize,
    chunk: usize,
    prior: Vec<Term>,
) -> Walk {
    let lists = key_buckets(h, keypos, ms);
    let mut ml = prior;
    let got0 = ml.len();
    let mut f = |ix: usize, pos: usize| match ms.run_copy(p, h.chain(ix)[pos].obj) {
        Some(r) => {
            ml.push(r);
            true
        }
        None => false,
    };
    let (_, slot, visited, sliced) = if lists.as_ref().is_some_and(|l| l.is_empty()) {
        (got0, -1, false, false)
    } else {
        hash_walk(h, lists.as_deref(), start, chunk, got0, &mut f)
    };
    Walk {
        ml,
        slot,
        visited,
        sliced,
    }
}

/// The list a walk's results make (last consed first).
fn ml_list(p: &mut Process, ml: &[Term]) -> Term {
    let mut l = Term::NIL;
    for &t in ml {
        l = p.heap.cons(t, l);
    }
    l
}

/// Finish a chunked hash select: split off the surplus into a
/// continuation. `first`: the first call's own loop end (surplus kept in
/// list order, and "nothing examined" means end of table).
fn hash_chunk_end(
    p: &mut Process,
    t: &Table,
    w: Walk,
    chunk: usize,
    spec: Term,
    first: bool,
) -> Term {
    if first && !w.sliced && !w.visited {
        return eot();
    }
    let got = w.ml.len();
    let (ret, rest): (Vec<Term>, Vec<Term>) = if got > chunk {
        let n = got - chunk;
        // list order is ml reversed: the first n list items are the last n of ml
        let surplus: Vec<Term> = w.ml[chunk..].to_vec();
        let mut rest_list: Vec<Term> = surplus.iter().rev().copied().collect();
        if !first || w.sliced {
            rest_list.reverse();
        }
        debug_assert_eq!(rest_list.len(), n);
        (w.ml[..chunk].to_vec(), rest_list)
    } else {
        (w.ml, Vec::new())
    };
    let l = ml_list(p, &ret);
    if !rest.is_empty() || w.slot >= 0 {
        let tid = p.heap.reference(t.id);
        let rest_n = rest.len() as i64;
        let rl = p.heap.list(&rest);
        let spec = copy_term(spec, &mut p.heap);
        let cont = p.heap.tuple(&[
            tid,
            Term::small(w.slot),
            Term::small(chunk as i64),
            spec,
            rl,
            Term::small(rest_n),
        ]);
        return p.heap.tuple(&[l, cont]);
    }
    if ret.is_empty() {
        eot()
    } else {
        p.heap.tuple(&[l, eot()])
    }
}

/// ordered_set select: results in key order after `from`, at most `chunk`.
fn tree_select(
    p: &mut Process,
    t: &Table,
    ms: &Ms,
    from: Option<Term>,
    rev: bool,
    chunk: usize,
    spec: Term,
) -> Term {
    let Data::Tree(tr) = &t.data else {
        return Term::NIL;
    };
    let mut out = Vec::new();
    let mut last = None;
    for o in tr.objects_from(from, rev) {
        if let Some(r) = ms.run_copy(p, o) {
            out.push(r);
            if chunk > 0 && out.len() == chunk {
                last = Some(t.key_of(o));
                break;
            }
        }
    }
    let l = p.heap.list(&out);
    if chunk == 0 {
        return l;
    }
    match last {
        Some(k) => {
            let tid = p.heap.reference(t.id);
            let k = copy_term(k, &mut p.heap);
            let spec = copy_term(spec, &mut p.heap);
            let cont = p.heap.tuple(&[
                tid,
                k,
                Term::NIL,
                Term::small(chunk as i64),
                spec,
                Term::NIL,
                Term::small(rev as i64),
                Term::small(0),
            ]);
            p.heap.tuple(&[l, cont])
        }
        None if out.is_empty() => eot(),
        None => p.heap.tuple(&[l, eot()]),
    }
}

fn chunk_arg(t: Term) -> Result<usize, Exc> {
    if t.is_small() && t.small_value() > 0 {
        Ok(t.small_value() as usize)
    } else {
        Err(Exc::badarg())
    }
}

/// select/2,3 and select_reverse/2,3 (`chunk` 0: no limit).
fn select(p: &mut Process, tab: Term, spec: Term, chunk: usize, rev: bool) -> R {
    with_table(p, tab, Need::Read, |t, p| {
        let s = Spec::from_term(spec)?;
        s.with(|ms| match &t.data {
            Data::Hash(h) => {
                let w = hash_select(p, h, t.keypos, ms, 0, chunk, Vec::new());
                if chunk == 0 {
                    Ok(ml_list(p, &w.ml))
                } else {
                    Ok(hash_chunk_end(p, t, w, chunk, spec, true))
                }
            }
            Data::Tree(_) => Ok(tree_select(p, t, ms, None, rev, chunk, spec)),
        })
    })
}

/// select/1 (and match/1, match_object/1, select_reverse/1).
fn select_cont(p: &mut Process, cont: Term) -> R {
    if is_eot(cont) {
        return Ok(eot());
    }
    if !cont.is_tuple() {
        return Err(Exc::badarg());
    }
    let e = cont.tuple_elements().to_vec();
    let small = |t: Term| t.is_small() && t.small_value() >= 0;
    match e.len() {
        6 if e[1].is_small() && small(e[2]) && small(e[5]) && e[4].is_list() => {
            let rest = super::matchspec::proper_list(e[4]).ok_or_else(Exc::badarg)?;
            let chunk = e[2].small_value() as usize;
            with_table(p, e[0], Need::Read, |t, p| {
                let Data::Hash(h) = &t.data else {
                    return Err(Exc::badarg());
                };
                let slot = e[1].small_value();
                if slot >= h.nactive() as i64 {
                    return Err(Exc::badarg());
                }
                let s = Spec::from_term(e[3])?;
                let mut ml = rest;
                ml.reverse();
                let w = if slot < 0 || (chunk > 0 && ml.len() >= chunk) {
                    Walk {
                        ml,
                        slot,
                        visited: true,
                        sliced: true,
                    }
                } else {
                    s.with(|ms| hash_select(p, h, t.keypos, ms, slot as usize, chunk, ml))
                };
                let w = Walk { sliced: true, ..w };
                Ok(hash_chunk_end(p, t, w, chunk, e[3], false))
            })
        }
        8 if small(e[3]) && e[6].is_small() => {
            let chunk = e[3].small_value() as usize;
            let rev = e[6].small_value() != 0;
            with_table(p, e[0], Need::Read, |t, p| {
                if t.ty != Type::OrderedSet {
                    return Err(Exc::badarg());
                }
                let s = Spec::from_term(e[4])?;
                Ok(s.with(|ms| tree_select(p, t, ms, Some(e[1]), rev, chunk, e[4])))
            })
        }
        _ => Err(Exc::badarg()),
    }
}

pub fn select_1(p: &mut Process, a: &[Term]) -> R {
    select_cont(p, a[0])
}

pub fn select_2(p: &mut Process, a: &[Term]) -> R {
    select(p, a[0], a[1], 0, false)
}

pub fn select_3(p: &mut Process, a: &[Term]) -> R {
    let n = chunk_arg(a[2])?;
    select(p, a[0], a[1], n, false)
}

pub fn select_reverse_1(p: &mut Process, a: &[Term]) -> R {
    select_cont(p, a[0])
}

pub fn select_reverse_2(p: &mut Process, a: &[Term]) -> R {
    select(p, a[0], a[1], 0, true)
}

pub fn select_reverse_3(p: &mut Process, a: &[Term]) -> R {
    let n = chunk_arg(a[2])?;
    select(p, a[0], a[1], n, true)
}

/// `[{Pattern, [], [Body]}]` on the caller's heap.
fn pattern_spec(p: &mut Process, pattern: Term, body: &str) -> Term {
    let b = Term::atom(atom::intern_static(body));
    let bl = p.heap.list(&[b]);
    let c = p.heap.tuple(&[pattern, Term::NIL, bl]);
    p.heap.list(&[c])
}

pub fn match_1(p: &mut Process, a: &[Term]) -> R {
    select_cont(p, a[0])
}

pub fn match_2(p: &mut Process, a: &[Term]) -> R {
    let ms = pattern_spec(p, a[1], "$$");
    select(p, a[0], ms, 0, false)
}

pub fn match_3(p: &mut Process, a: &[Term]) -> R {
    let n = chunk_arg(a[2])?;
    let ms = pattern_spec(p, a[1], "$$");
    select(p, a[0], ms, n, false)
}

pub fn match_object_1(p: &mut Process, a: &[Term]) -> R {
    select_cont(p, a[0])
}

pub fn match_object_2(p: &mut Process, a: &[Term]) -> R {
    let ms = pattern_spec(p, a[1], "$_");
    select(p, a[0], ms, 0, false)
}

pub fn match_object_3(p: &mut Process, a: &[Term]) -> R {
    let n = chunk_arg(a[2])?;
    let ms = pattern_spec(p, a[1], "$_");
    select(p, a[0], ms, n, false)
}

/// The live objects a spec's walk visits, as (bucket, position) for hash
/// tables or objects for ordered sets, with the spec's raw results.
fn matches(p: &mut Process, t: &Table, ms: &Ms) -> Vec<(usize, usize, Term, Term)> {
    let mut out = Vec::new();
    for_matches(p, t, ms, &mut |ix, pos, o, r| out.push((ix, pos, o, r)));
    out
}

/// Call `f(bucket, position, object, result)` for every object a spec's
/// walk matches.
fn for_matches(p: &mut Process, t: &Table, ms: &Ms, f: &mut dyn FnMut(usize, usize, Term, Term)) {
    let out = f;
    match &t.data {
        Data::Hash(h) => {
            let lists = key_buckets(h, t.keypos, ms);
            let mut f = |ix: usize, pos: usize| {
                let o = h.chain(ix)[pos].obj;
                match ms.run(p, o) {
                    Some(r) => {
                        out(ix, pos, o, r);
                        true
                    }
                    None => false,
                }
            };
            if !lists.as_ref().is_some_and(|l| l.is_empty()) {
                hash_walk(h, lists.as_deref(), 0, 0, 0, &mut f);
            }
        }
        Data::Tree(tr) => {
            for o in tr.objects_from(None, false) {
                if let Some(r) = ms.run(p, o) {
                    out(0, 0, o, r);
                }
            }
        }
    }
}

fn is_true(t: Term) -> bool {
    t == Term::bool(true)
}

pub fn select_count_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Read, |t, p| {
        let s = Spec::from_term(a[1])?;
        let mut n = 0usize;
        s.with(|ms| for_matches(p, t, ms, &mut |_, _, _, r| n += is_true(r) as usize));
        Ok(p.heap.int(n as i64))
    })
}

/// `ets:internal_select_delete(T, MS)`.
pub fn select_delete_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, p| {
        let s = Spec::from_term(a[1])?;
        let mut hits: Vec<_> = s
            .with(|ms| matches(p, t, ms))
            .into_iter()
            .filter(|m| is_true(m.3))
            .collect();
        let n = hits.len();
        let fixed = t.fixed();
        let mut freed = Vec::new();
        match &mut t.data {
            Data::Hash(h) => {
                hits.sort_by_key(|m| (m.0, m.1));
                for &(ix, pos, _, _) in hits.iter().rev() {
                    freed.extend(h.remove_at(ix, pos, fixed));
                }
                if n > 0 {
                    freed.extend(h.after_bulk_delete(fixed));
                }
            }
            Data::Tree(tr) => {
                for &(_, _, o, _) in &hits {
                    let k = o.element(t.keypos - 1);
                    freed.extend(tr.erase(k));
                }
            }
        }
        t.release_all(freed);
        Ok(p.heap.int(n as i64))
    })
}

pub fn select_replace_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, p| {
        if t.ty == Type::Bag {
            return Err(Exc::badarg());
        }
        let s = Spec::from_term(a[1])?;
        let keypos = t.keypos;
        let ok = s.with(|ms| ms.clauses.iter().all(|c| keeps_key(keypos, c.head, c.body)));
        if !ok {
            return Err(Exc::badarg());
        }
        let hits = s.with(|ms| matches(p, t, ms));
        let mut n = 0;
        for (ix, pos, old, r) in hits {
            if !r.is_tuple()
                || r.tuple_arity() < keypos
                || !exact_eq(r.element(keypos - 1), old.element(keypos - 1))
            {
                continue;
            }
            let stored = t.store(r);
            match &mut t.data {
                Data::Hash(h) => h.chain_mut(ix)[pos].obj = stored,
                Data::Tree(_) => {
                    t.replace_stored(stored);
                }
            }
            t.release(old);
            n += 1;
        }
        Ok(p.heap.int(n as i64))
    })
}
