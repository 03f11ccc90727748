//! Map BIFs: the `maps` module's native functions and `erlang:map_*`.
//! Maps are flat and sorted (see `interp::maps`); iteration order is key
//! order, which matches OTP for maps of up to 32 keys.

use super::{Bif, Exc};
use crate::interp::maps as m;
use crate::process::Process;
use crate::term::{atom, Term};

type R = Result<Term, Exc>;

fn badmap(p: &mut Process, t: Term) -> Exc {
    Exc::error(p.heap.tuple(&[Term::atom(atom::BADMAP), t]))
}

fn badkey(p: &mut Process, k: Term) -> Exc {
    Exc::error(p.heap.tuple(&[Term::atom(atom::BADKEY), k]))
}

fn need_map(p: &mut Process, t: Term) -> Result<(), Exc> {
    if t.is_map() {
        Ok(())
    } else {
        Err(badmap(p, t))
    }
}

fn pairs(t: Term) -> Vec<(Term, Term)> {
    (0..m::size(t))
        .map(|i| (m::key(t, i), m::value(t, i)))
        .collect()
}

fn get2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[1])?;
    match m::get(a[1], a[0]) {
        Some(v) => Ok(v),
        None => Err(badkey(p, a[0])),
    }
}

fn find2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[1])?;
    match m::get(a[1], a[0]) {
        Some(v) => Ok(p.heap.tuple(&[Term::atom(atom::OK), v])),
        None => Ok(Term::atom(atom::ERROR)),
    }
}

fn is_key2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[1])?;
    Ok(Term::bool(m::get(a[1], a[0]).is_some()))
}

fn put3(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[2])?;
    m::update(p, a[2], &[(a[0], a[1])], false).map_err(Exc::error)
}

fn update3(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[2])?;
    m::update(p, a[2], &[(a[0], a[1])], true).map_err(Exc::error)
}

fn remove2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[1])?;
    match m::find(a[1], a[0]) {
        Ok(i) => {
            let mut ps = pairs(a[1]);
            ps.remove(i);
            Ok(p.heap.map_sorted(&ps))
        }
        Err(_) => Ok(a[1]),
    }
}

fn take2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[1])?;
    match m::find(a[1], a[0]) {
        Ok(i) => {
            let mut ps = pairs(a[1]);
            let (_, v) = ps.remove(i);
            let nm = p.heap.map_sorted(&ps);
            Ok(p.heap.tuple(&[v, nm]))
        }
        Err(_) => Ok(Term::atom(atom::ERROR)),
    }
}

fn keys1(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    let ks: Vec<Term> = (0..m::size(a[0])).map(|i| m::key(a[0], i)).collect();
    Ok(p.heap.list(&ks))
}

fn values1(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    let vs: Vec<Term> = (0..m::size(a[0])).map(|i| m::value(a[0], i)).collect();
    Ok(p.heap.list(&vs))
}

fn to_list1(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    let mut items = Vec::with_capacity(m::size(a[0]));
    for (k, v) in pairs(a[0]) {
        items.push(p.heap.tuple(&[k, v]));
    }
    Ok(p.heap.list(&items))
}

fn sorted_dedup(mut kv: Vec<(Term, Term)>) -> Vec<(Term, Term)> {
    // stable sort keeps insertion order among equal keys; the last wins
    kv.sort_by(|a, b| crate::term::order::compare(a.0, b.0, true));
    let mut out: Vec<(Term, Term)> = Vec::with_capacity(kv.len());
    for (k, v) in kv {
        match out.last_mut() {
            Some(last) if crate::term::order::exact_eq(last.0, k) => last.1 = v,
            _ => out.push((k, v)),
        }
    }
    out
}

fn from_list1(p: &mut Process, a: &[Term]) -> R {
    let mut kv = Vec::new();
    let mut it = a[0].iter_list();
    for e in &mut it {
        if !e.is_tuple() || e.tuple_arity() != 2 {
            return Err(Exc::badarg());
        }
        kv.push((e.element(0), e.element(1)));
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    let s = sorted_dedup(kv);
    Ok(p.heap.map_sorted(&s))
}

fn from_keys2(p: &mut Process, a: &[Term]) -> R {
    let mut kv = Vec::new();
    let mut it = a[0].iter_list();
    for k in &mut it {
        kv.push((k, a[1]));
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    let s = sorted_dedup(kv);
    Ok(p.heap.map_sorted(&s))
}

fn merge2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    need_map(p, a[1])?;
    let mut kv = pairs(a[0]);
    kv.extend(pairs(a[1]));
    let s = sorted_dedup(kv);
    Ok(p.heap.map_sorted(&s))
}

fn map_size1(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    Ok(Term::small(m::size(a[0]) as i64))
}

/// `erts_internal:map_next(Index, Map, iterator)`: the next pair and the
/// iterator after it (`[Index | Map]`), or `none`.
fn map_next3(p: &mut Process, a: &[Term]) -> R {
    let (i, map) = (a[0], a[1]);
    if !i.is_small() || i.small_value() < 0 || !map.is_map() {
        return Err(Exc::badarg());
    }
    let i = i.small_value() as usize;
    if a[2] == Term::atom(atom::intern_static("iterator")) {
        if i >= m::size(map) {
            return Ok(Term::atom(atom::intern_static("none")));
        }
        let next = p.heap.cons(Term::small(i as i64 + 1), map);
        return Ok(p.heap.tuple(&[m::key(map, i), m::value(map, i), next]));
    }
    // Accumulating form: all remaining pairs prepended to the list.
    let mut acc = a[2];
    for j in i..m::size(map) {
        let t = p.heap.tuple(&[m::key(map, j), m::value(map, j)]);
        acc = p.heap.cons(t, acc);
    }
    Ok(acc)
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "maps",
        name: "get",
        arity: 2,
        f: get2,
    },
    Bif {
        module: "erlang",
        name: "map_get",
        arity: 2,
        f: get2,
    },
    Bif {
        module: "maps",
        name: "find",
        arity: 2,
        f: find2,
    },
    Bif {
        module: "maps",
        name: "is_key",
        arity: 2,
        f: is_key2,
    },
    Bif {
        module: "erlang",
        name: "is_map_key",
        arity: 2,
        f: is_key2,
    },
    Bif {
        module: "maps",
        name: "put",
        arity: 3,
        f: put3,
    },
    Bif {
        module: "maps",
        name: "update",
        arity: 3,
        f: update3,
    },
    Bif {
        module: "maps",
        name: "remove",
        arity: 2,
        f: remove2,
    },
    Bif {
        module: "maps",
        name: "take",
        arity: 2,
        f: take2,
    },
    Bif {
        module: "maps",
        name: "keys",
        arity: 1,
        f: keys1,
    },
    Bif {
        module: "maps",
        name: "values",
        arity: 1,
        f: values1,
    },
    Bif {
        module: "maps",
        name: "to_list",
        arity: 1,
        f: to_list1,
    },
    Bif {
        module: "maps",
        name: "from_list",
        arity: 1,
        f: from_list1,
    },
    Bif {
        module: "maps",
        name: "from_keys",
        arity: 2,
        f: from_keys2,
    },
    Bif {
        module: "maps",
        name: "merge",
        arity: 2,
        f: merge2,
    },
    Bif {
        module: "erlang",
        name: "map_size",
        arity: 1,
        f: map_size1,
    },
    Bif {
        module: "erts_internal",
        name: "map_next",
        arity: 3,
        f: map_next3,
    },
];
