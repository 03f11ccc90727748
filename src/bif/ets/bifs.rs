//! Object BIFs: insert/insert_new, lookup/lookup_element/member,
//! delete/delete_object/internal_delete_all/take, update_counter,
//! update_element, first/next/last/prev.
//!
//! Objects are copied into table storage on write and copied out into the
//! caller's heap on read; every error is `badarg`, as in OTP.

use super::table::{Data, Table, Type};
use super::{with_table, Need};
use crate::bif::{arith, Exc};
use crate::process::copy::copy_term;
use crate::process::Process;
use crate::term::{atom, bignum, Term};

type R = Result<Term, Exc>;

fn eot() -> Term {
    Term::atom(atom::intern_static("$end_of_table"))
}

/// An object argument: a tuple with at least `keypos` elements.
fn valid_obj(t: Term, keypos: usize) -> bool {
    t.is_tuple() && t.tuple_arity() >= keypos
}

/// The objects of `insert`'s argument: one tuple or a proper list of them.
fn objects(arg: Term, keypos: usize) -> Result<(Vec<Term>, bool), Exc> {
    if arg.is_tuple() {
        if !valid_obj(arg, keypos) {
            return Err(Exc::badarg());
        }
        return Ok((vec![arg], false));
    }
    let mut it = arg.iter_list();
    let v: Vec<Term> = it.by_ref().collect();
    if !it.rest().is_nil() || v.iter().any(|&o| !valid_obj(o, keypos)) {
        return Err(Exc::badarg());
    }
    Ok((v, true))
}

/// OTP inserts a list into a `bag` last object first.
fn insertion_order(t: &Table, mut objs: Vec<Term>, list: bool) -> Vec<Term> {
    if list && t.ty == Type::Bag {
        objs.reverse();
    }
    objs
}

pub fn insert_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, _p| {
        let (objs, list) = objects(a[1], t.keypos)?;
        for o in insertion_order(t, objs, list) {
            t.put(o, false);
        }
        Ok(Term::bool(true))
    })
}

pub fn insert_new_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, _p| {
        let (objs, list) = objects(a[1], t.keypos)?;
        if objs.iter().any(|&o| t.member(t.key_of(o))) {
            return Ok(Term::bool(false));
        }
        for o in insertion_order(t, objs, list) {
            t.put(o, false);
        }
        Ok(Term::bool(true))
    })
}

/// Copy table objects into a list on the caller's heap.
fn copy_list(p: &mut Process, objs: &[Term]) -> Term {
    let copies: Vec<Term> = objs.iter().map(|&o| copy_term(o, &mut p.heap)).collect();
    p.heap.list(&copies)
}

pub fn lookup_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Read, |t, p| {
        let mut l = Term::NIL;
        t.lookup_fold(a[1], |o| {
            let c = copy_term(o, &mut p.heap);
            l = p.heap.cons(c, l);
        });
        Ok(l)
    })
}

fn pos_arg(t: Term) -> Result<usize, Exc> {
    if t.is_small() && t.small_value() >= 1 {
        Ok(t.small_value() as usize)
    } else {
        Err(Exc::badarg())
    }
}

pub fn lookup_element_3(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Read, |t, p| {
        let pos = pos_arg(a[2])?;
        let objs = t.lookup(a[1]);
        if objs.is_empty() || objs.iter().any(|o| o.tuple_arity() < pos) {
            return Err(Exc::badarg());
        }
        if t.ty == Type::Set || t.ty == Type::OrderedSet {
            return Ok(copy_term(objs[0].element(pos - 1), &mut p.heap));
        }
        let els: Vec<Term> = objs
            .iter()
            .map(|o| copy_term(o.element(pos - 1), &mut p.heap))
            .collect();
        Ok(p.heap.list(&els))
    })
}

pub fn member_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Read, |t, _p| Ok(Term::bool(t.member(a[1]))))
}

pub fn delete_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, _p| {
        t.erase(a[1]);
        Ok(Term::bool(true))
    })
}

pub fn delete_object_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, _p| {
        if !valid_obj(a[1], t.keypos) {
            return Err(Exc::badarg());
        }
        t.erase_object(a[1]);
        Ok(Term::bool(true))
    })
}

/// `ets:internal_delete_all(T, _)`: behind delete_all_objects/1 and
/// select_delete/2 of `[{'_',[],[true]}]`; returns the number deleted.
pub fn internal_delete_all_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, p| {
        let n = t.clear();
        Ok(p.heap.int(n as i64))
    })
}

pub fn take_2(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, p| {
        let objs = t.lookup(a[1]);
        let l = copy_list(p, &objs);
        if !objs.is_empty() {
            t.erase(a[1]);
        }
        Ok(l)
    })
}

/// One `update_counter` operation.
struct CounterOp {
    pos: usize,
    incr: Term,
    /// `{Threshold, SetValue}`
    warp: Option<(Term, Term)>,
}

fn counter_op(t: Term, default_pos: usize) -> Result<CounterOp, Exc> {
    if t.is_integer() {
        return Ok(CounterOp {
            pos: default_pos,
            incr: t,
            warp: None,
        });
    }
    if !t.is_tuple() {
        return Err(Exc::badarg());
    }
    let e = t.tuple_elements();
    match e.len() {
        2 if e[1].is_integer() => Ok(CounterOp {
            pos: pos_arg(e[0])?,
            incr: e[1],
            warp: None,
        }),
        4 if e[1].is_integer() && e[2].is_integer() && e[3].is_integer() => Ok(CounterOp {
            pos: pos_arg(e[0])?,
            incr: e[1],
            warp: Some((e[2], e[3])),
        }),
        _ => Err(Exc::badarg()),
    }
}

fn is_neg(t: Term) -> bool {
    if t.is_small() {
        t.small_value() < 0
    } else {
        bignum::is_negative(t)
    }
}

fn update_counter(p: &mut Process, tab: Term, key: Term, ops: Term, default: Option<Term>) -> R {
    with_table(p, tab, Need::Write, |t, p| {
        if !matches!(t.ty, Type::Set | Type::OrderedSet) {
            return Err(Exc::badarg_cause("table_type"));
        }
        if let Some(d) = default {
            if !valid_obj(d, t.keypos) {
                return Err(Exc::badarg());
            }
        }
        let (ops, list) = if ops.is_list() {
            let mut it = ops.iter_list();
            let v: Vec<Term> = it.by_ref().collect();
            if !it.rest().is_nil() || v.iter().any(|o| !o.is_tuple()) {
                return Err(Exc::badarg());
            }
            (v, true)
        } else {
            (vec![ops], false)
        };
        let ops = ops
            .iter()
            .map(|&o| counter_op(o, t.keypos + 1))
            .collect::<Result<Vec<_>, _>>()?;
        let cur = t.lookup(key).first().copied();
        let mut els: Vec<Term> = match (cur, default) {
            (Some(o), _) => o.tuple_elements().to_vec(),
            (None, Some(d)) => {
                let mut v = d.tuple_elements().to_vec();
                v[t.keypos - 1] = key;
                v
            }
            (None, None) => return Err(Exc::badarg_cause("badkey")),
        };
        let mut results = Vec::with_capacity(ops.len());
        for op in &ops {
            if op.pos == t.keypos {
                return Err(Exc::badarg_cause("keypos"));
            }
            if op.pos > els.len() {
                return Err(Exc::badarg_cause("position"));
            }
            let old = els[op.pos - 1];
            if !old.is_integer() {
                return Err(Exc::badarg());
            }
            let mut new = arith::add(p, old, op.incr)?;
            if let Some((thr, set)) = op.warp {
                let o = crate::term::order::compare(new, thr, false);
                let crossed = if is_neg(op.incr) {
                    o == std::cmp::Ordering::Less
                } else {
                    o == std::cmp::Ordering::Greater
                };
                if crossed {
                    new = set;
                }
            }
            els[op.pos - 1] = new;
            results.push(new);
        }
        match cur {
            // Counters that stay immediates are updated in place (the
            // stored tuple is only ever read under the table's lock).
            Some(o) if ops.iter().all(|op| !els[op.pos - 1].is_pointer()) => {
                for op in &ops {
                    o.set_word(op.pos, els[op.pos - 1].0);
                }
            }
            Some(_) => {
                let obj = p.heap.tuple(&els);
                t.replace(obj);
            }
            None => {
                let obj = p.heap.tuple(&els);
                t.put(obj, false);
            }
        }
        Ok(if list {
            p.heap.list(&results)
        } else {
            results[0]
        })
    })
}

pub fn update_counter_3(p: &mut Process, a: &[Term]) -> R {
    update_counter(p, a[0], a[1], a[2], None)
}

pub fn update_counter_4(p: &mut Process, a: &[Term]) -> R {
    update_counter(p, a[0], a[1], a[2], Some(a[3]))
}

pub fn update_element_3(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Write, |t, p| {
        if !matches!(t.ty, Type::Set | Type::OrderedSet) {
            return Err(Exc::badarg());
        }
        let Some(cur) = t.lookup(a[1]).first().copied() else {
            return Ok(Term::bool(false));
        };
        let items = if a[2].is_tuple() {
            vec![a[2]]
        } else {
            let mut it = a[2].iter_list();
            let v: Vec<Term> = it.by_ref().collect();
            if !it.rest().is_nil() {
                return Err(Exc::badarg());
            }
            v
        };
        let mut upd = Vec::with_capacity(items.len());
        for i in items {
            if !i.is_tuple() || i.tuple_arity() != 2 {
                return Err(Exc::badarg());
            }
            upd.push((pos_arg(i.element(0))?, i.element(1)));
        }
        let mut els = cur.tuple_elements().to_vec();
        for &(pos, v) in &upd {
            if pos == t.keypos {
                return Err(Exc::badarg_cause("keypos"));
            }
            if pos > els.len() {
                return Err(Exc::badarg());
            }
            els[pos - 1] = v;
        }
        if !upd.is_empty() {
            let obj = p.heap.tuple(&els);
            t.replace(obj);
        }
        Ok(Term::bool(true))
    })
}

fn key_result(p: &mut Process, k: Option<Term>) -> Term {
    match k {
        Some(k) => copy_term(k, &mut p.heap),
        None => eot(),
    }
}

pub fn first_1(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Read, |t, p| {
        let k = match &t.data {
            Data::Hash(h) => h.first(),
            Data::Tree(tr) => tr.first(),
        };
        Ok(key_result(p, k))
    })
}

pub fn last_1(p: &mut Process, a: &[Term]) -> R {
    with_table(p, a[0], Need::Read, |t, p| {
        let k = match &t.data {
            Data::Hash(h) => h.first(),
            Data::Tree(tr) => tr.last(),
        };
        Ok(key_result(p, k))
    })
}

fn step(p: &mut Process, a: &[Term], back: bool) -> R {
    with_table(p, a[0], Need::Read, |t, p| {
        let k = match &t.data {
            Data::Hash(h) => h.next(a[1]).map_err(|_| Exc::badarg())?,
            Data::Tree(tr) if back => tr.prev(a[1]),
            Data::Tree(tr) => tr.next(a[1]),
        };
        Ok(key_result(p, k))
    })
}

pub fn next_2(p: &mut Process, a: &[Term]) -> R {
    step(p, a, false)
}

pub fn prev_2(p: &mut Process, a: &[Term]) -> R {
    step(p, a, true)
}
