//! Map BIFs: the `maps` module's native functions and `erlang:map_*`.
//! Flat maps (at most 32 keys) iterate in key order; hashmaps in OTP's HAMT
//! order (see `term::hamt`): `maps:iterator/1` walks the trie forwards,
//! `maps:keys/1`, `maps:values/1` and `maps:to_list/1` list it backwards,
//! as OTP builds them by prepending.

use super::{Bif, Exc};
use crate::interp::maps as m;
use crate::process::Process;
use crate::term::{atom, hamt, Term};
use num_bigint::{BigInt, BigUint, Sign};

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
    Ok(m::put(&mut p.heap, a[2], a[0], a[1], false).unwrap_or(a[2]))
}

fn update3(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[2])?;
    match m::put(&mut p.heap, a[2], a[0], a[1], true) {
        Some(t) => Ok(t),
        None => Err(badkey(p, a[0])),
    }
}

fn remove2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[1])?;
    Ok(match m::remove(&mut p.heap, a[1], a[0]) {
        Some((nm, _)) => nm,
        None => a[1],
    })
}

fn take2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[1])?;
    match m::remove(&mut p.heap, a[1], a[0]) {
        Some((nm, v)) => Ok(p.heap.tuple(&[v, nm])),
        None => Ok(Term::atom(atom::ERROR)),
    }
}

fn keys1(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    let ks: Vec<Term> = m::entries(a[0]).into_iter().map(|(k, _)| k).collect();
    Ok(p.heap.list(&ks))
}

fn values1(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    let vs: Vec<Term> = m::entries(a[0]).into_iter().map(|(_, v)| v).collect();
    Ok(p.heap.list(&vs))
}

fn to_list1(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    let pairs = m::entries(a[0]);
    let mut items = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        items.push(p.heap.tuple(&[k, v]));
    }
    Ok(p.heap.list(&items))
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
    Ok(m::build(&mut p.heap, &kv))
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
    Ok(m::build(&mut p.heap, &kv))
}

fn merge2(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    need_map(p, a[1])?;
    Ok(m::merge(&mut p.heap, a[0], a[1]))
}

fn map_size1(p: &mut Process, a: &[Term]) -> R {
    need_map(p, a[0])?;
    Ok(Term::small(m::size(a[0]) as i64))
}

/// How many pairs one `map_next` call on a hashmap returns. OTP takes a
/// quarter of the reductions the process has left (the first call of a
/// walk at most 32); this VM does not expose them to BIFs, so it uses what
/// a fresh time slice (4000 reductions) would give.
const NEXT_ELEMS: usize = 4000 / 4;

/// `erts_internal:map_next(Path, Map, iterator | Acc)`, the engine behind
/// `maps:next/1` and OTP's Erlang `maps:to_list/1`.
///
/// A flat map yields all its pairs at once whatever the path (as OTP 25):
/// `{K1, V1, {K2, V2, ... none}}`, or `[{K1, V1}, ... | Acc]`. A hashmap
/// yields a chunk from the leaf `Path` leads to, in iteration order, ending
/// with `[NextPath | Map]` (iterator) or consed in reverse onto `Acc` under
/// `[NextPath, Map | ...]` (list), until the map is exhausted.
fn map_next3(p: &mut Process, a: &[Term]) -> R {
    let (path, map, acc) = (a[0], a[1], a[2]);
    if !map.is_map() {
        return Err(Exc::badarg());
    }
    let iterator = acc == Term::atom(atom::intern_static("iterator"));
    if !iterator && !acc.is_nil() && !acc.is_cons() {
        return Err(Exc::badarg());
    }
    if !hamt::is_hashmap(map) {
        let n = m::size(map);
        if !path.is_small() || path.small_value() < 0 || path.small_value() as usize > n {
            return Err(Exc::badarg());
        }
        let pairs = m::entries(map);
        return Ok(if iterator {
            let mut res = Term::atom(atom::intern_static("none"));
            for &(k, v) in pairs.iter().rev() {
                res = p.heap.tuple(&[k, v, res]);
            }
            res
        } else {
            let mut res = acc;
            for &(k, v) in pairs.iter().rev() {
                let t = p.heap.tuple(&[k, v]);
                res = p.heap.cons(t, res);
            }
            res
        });
    }
    let digits: Vec<u64> = if path.is_small() && path.small_value() >= 0 {
        vec![path.small_value() as u64]
    } else if path.is_bignum() {
        let (sign, d) = crate::term::bignum::to_big(path).to_u64_digits();
        if sign == Sign::Minus {
            return Err(Exc::badarg());
        }
        d
    } else {
        return Err(Exc::badarg());
    };
    let size = hamt::size(map);
    let mut elems = NEXT_ELEMS.min(size);
    if path == Term::small(0) {
        elems = elems.min(hamt::SMALL_MAP_LIMIT);
    }
    let (pairs, next) = hamt::next_from_path(map, &digits, elems).ok_or_else(Exc::badarg)?;
    let next = next.map(|d| {
        let words: Vec<u32> = d
            .iter()
            .flat_map(|&w| [w as u32, (w >> 32) as u32])
            .collect();
        let v = BigInt::from_biguint(Sign::Plus, BigUint::new(words));
        crate::term::bignum::from_big(&mut p.heap, &v)
    });
    if iterator {
        let mut res = match next {
            Some(np) => p.heap.cons(np, map),
            None => Term::atom(atom::intern_static("none")),
        };
        for &(k, v) in pairs.iter().rev() {
            res = p.heap.tuple(&[k, v, res]);
        }
        Ok(res)
    } else {
        let mut res = acc;
        for &(k, v) in pairs.iter() {
            let t = p.heap.tuple(&[k, v]);
            res = p.heap.cons(t, res);
        }
        if let Some(np) = next {
            res = p.heap.cons(map, res);
            res = p.heap.cons(np, res);
        }
        Ok(res)
    }
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
