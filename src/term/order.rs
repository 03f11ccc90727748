//! Term order and equality, exactly as OTP defines them:
//! `number < atom < reference < fun < port < pid < tuple < map < nil < list
//! < bitstring`; `==` compares numbers by value (`1 == 1.0`), `=:=` does not.
//!
//! Comparisons recurse on the Rust stack only through an explicit work list,
//! so a deep list or tuple cannot overflow it.

use super::{atom, bignum, binary, hamt, Kind, Term};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};
use std::cmp::Ordering;

/// The order class of a term (its rank in the type order).
fn class(t: Term) -> u8 {
    if t.is_float() || t.is_small() {
        return 0;
    }
    if t.is_atom() {
        return 1;
    }
    if t.is_nil() {
        return 8;
    }
    if t.is_cons() {
        return 9;
    }
    if t.is_pid() {
        return 5;
    }
    if t.is_port() {
        return 4;
    }
    if t.is_boxed() {
        return match t.header().kind() {
            Kind::PosBig | Kind::NegBig => 0,
            Kind::Ref => 2,
            Kind::Closure | Kind::ExportFun => 3,
            Kind::Tuple => 6,
            Kind::Map | Kind::HashMap | Kind::HashNode => 7,
            Kind::HeapBin | Kind::SubBin | Kind::ProcBin | Kind::MatchCtx => 10,
        };
    }
    11
}

/// Compare two numbers by value. `exact`: an integer is less than an equal
/// float (the order used for map keys and `=:=`).
fn cmp_numbers(a: Term, b: Term, exact: bool) -> Ordering {
    if a.is_small() && b.is_small() {
        return a.small_value().cmp(&b.small_value());
    }
    if a.is_float() && b.is_float() {
        return a
            .float_value()
            .partial_cmp(&b.float_value())
            .unwrap_or(Ordering::Equal);
    }
    if a.is_float() || b.is_float() {
        let (f, i, flip) = if a.is_float() {
            (a.float_value(), b, false)
        } else {
            (b.float_value(), a, true)
        };
        // Exact order (map keys, `=:=`): every integer sorts before every
        // float, whatever their values (OTP: `#{1 => a,2 => h,1.0 => b}`).
        let o = if exact {
            Ordering::Greater
        } else {
            cmp_float_int(f, i)
        };
        return if flip { o.reverse() } else { o };
    }
    bignum::to_big(a).cmp(&bignum::to_big(b))
}

/// Compare a float with an integer term precisely (no rounding of big ints).
fn cmp_float_int(f: f64, i: Term) -> Ordering {
    if i.is_small() {
        let v = i.small_value();
        // small ints are < 2^48, exactly representable as f64
        return f.partial_cmp(&(v as f64)).unwrap_or(Ordering::Equal);
    }
    let bi = bignum::to_big(i);
    match BigInt::from_f64(f.trunc()) {
        Some(ft) => match ft.cmp(&bi) {
            Ordering::Equal => {
                let frac = f - f.trunc();
                frac.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
            }
            o => o,
        },
        None => f
            .partial_cmp(&bi.to_f64().unwrap_or(0.0))
            .unwrap_or(Ordering::Equal),
    }
}

fn cmp_atoms(a: Term, b: Term) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    // OTP compares atom texts as latin1/utf8 code points.
    atom::cmp_names(a.atom_value(), b.atom_value())
}

/// Full term comparison. `exact` selects `=:=`-style number handling.
pub fn compare(a: Term, b: Term, exact: bool) -> Ordering {
    let mut work: Vec<(Term, Term, bool)> = Vec::new();
    let mut pair = (a, b, exact);
    loop {
        let o = compare_step(pair.0, pair.1, pair.2, &mut work);
        if o != Ordering::Equal {
            return o;
        }
        match work.pop() {
            Some(p) => pair = p,
            None => return Ordering::Equal,
        }
    }
}

/// Compare the tops of `a` and `b`; push sub-comparisons (in reverse order
/// of significance) onto `work` when the tops are equal so far.
fn compare_step(a: Term, b: Term, exact: bool, work: &mut Vec<(Term, Term, bool)>) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (ca, cb) = (class(a), class(b));
    if ca != cb {
        return ca.cmp(&cb);
    }
    match ca {
        0 => cmp_numbers(a, b, exact),
        1 => cmp_atoms(a, b),
        2 => a.word(1).cmp(&b.word(1)),
        3 => cmp_funs(a, b, work),
        4 | 5 => a.pid_value().cmp(&b.pid_value()),
        6 => {
            let (na, nb) = (a.tuple_arity(), b.tuple_arity());
            if na != nb {
                return na.cmp(&nb);
            }
            for i in (0..na).rev() {
                work.push((a.element(i), b.element(i), exact));
            }
            Ordering::Equal
        }
        7 if hamt::is_hashmap(a) || hamt::is_hashmap(b) => {
            // By size, then keys in exact term order, then values in key
            // order (a hashmap's keys are sorted first).
            let (pa, pb) = (hamt::sorted_pairs(a), hamt::sorted_pairs(b));
            if pa.len() != pb.len() {
                return pa.len().cmp(&pb.len());
            }
            for (x, y) in pa.iter().zip(pb.iter()).rev() {
                work.push((x.1, y.1, exact));
            }
            for (x, y) in pa.iter().zip(pb.iter()).rev() {
                work.push((x.0, y.0, true));
            }
            Ordering::Equal
        }
        7 => {
            let (na, nb) = (a.header().size() / 2, b.header().size() / 2);
            if na != nb {
                return na.cmp(&nb);
            }
            // keys first (all of them, in exact order: 1 < 1.0), then values
            for i in (0..na).rev() {
                work.push((Term(a.word(1 + na + i)), Term(b.word(1 + na + i)), exact));
            }
            for i in (0..na).rev() {
                work.push((Term(a.word(1 + i)), Term(b.word(1 + i)), true));
            }
            Ordering::Equal
        }
        8 => Ordering::Equal,
        9 => {
            let (ha, ta) = a.cons_parts();
            let (hb, tb) = b.cons_parts();
            work.push((ta, tb, exact));
            work.push((ha, hb, exact));
            Ordering::Equal
        }
        10 => cmp_bits(a, b),
        _ => a.0.cmp(&b.0),
    }
}

fn cmp_bits(a: Term, b: Term) -> Ordering {
    match (binary::view(a), binary::view(b)) {
        (Some(x), Some(y)) => {
            let n = x.size.min(y.size);
            if let (Some(xa), Some(ya)) = (x.aligned(), y.aligned()) {
                return xa.cmp(ya);
            }
            for i in 0..n {
                let o = x.bit(i).cmp(&y.bit(i));
                if o != Ordering::Equal {
                    return o;
                }
            }
            x.size.cmp(&y.size)
        }
        _ => a.0.cmp(&b.0),
    }
}

fn cmp_funs(a: Term, b: Term, work: &mut Vec<(Term, Term, bool)>) -> Ordering {
    let ka = crate::code::fun_key(a);
    let kb = crate::code::fun_key(b);
    match ka.cmp_key(&kb) {
        Ordering::Equal => {
            if a.header().kind() == Kind::Closure {
                let n = a.header().size() - 1;
                let m = b.header().size() - 1;
                if n != m {
                    return n.cmp(&m);
                }
                for i in (0..n).rev() {
                    work.push((Term(a.word(2 + i)), Term(b.word(2 + i)), true));
                }
            }
            Ordering::Equal
        }
        o => o,
    }
}

/// `=:=` (OTP 25: `0.0 =:= -0.0` is true).
#[inline]
pub fn exact_eq(a: Term, b: Term) -> bool {
    if a == b {
        return true;
    }
    if a.is_float() && b.is_float() {
        return a.float_value() == b.float_value();
    }
    a.is_pointer() && b.is_pointer() && compare(a, b, true) == Ordering::Equal
}

/// `==`
#[inline]
pub fn eq(a: Term, b: Term) -> bool {
    if a == b {
        return true;
    }
    if a.is_small() && b.is_small() {
        return false;
    }
    compare(a, b, false) == Ordering::Equal
}

pub fn lt(a: Term, b: Term) -> bool {
    compare(a, b, false) == Ordering::Less
}
