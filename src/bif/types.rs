//! Type tests, term comparison and boolean BIFs as callable functions.
//!
//! Owns `erlang:is_atom/1` .. `is_tuple/1`, `is_function/2`, the
//! comparison operators (`'=:='/2`, `'=='/2`, `'<'/2`, ...), the boolean
//! operators (`'not'/1`, `'and'/2`, `'or'/2`, `'xor'/2`) and `min/2`,
//! `max/2`. Guards compile these to instructions; the functions here are
//! what `apply/3`, `fun erlang:F/A` and `erlang:F(...)` calls reach.
//!
//! Also owns `fixed`, the argument-count check the other BIF files in
//! this group share.

use super::{Bif, BifResult, Exc};
use crate::process::Process;
use crate::term::{atom, bignum, binary, order, Kind, Term};
use std::cmp::Ordering;

/// The arguments as an array of exactly `N` terms (a wrong count is
/// `badarg`, never a panic).
#[inline]
pub(crate) fn fixed<const N: usize>(args: &[Term]) -> Result<[Term; N], Exc> {
    <[Term; N]>::try_from(args).map_err(|_| Exc::badarg())
}

/// A boolean argument, else `badarg`.
fn boolean(t: Term) -> Result<bool, Exc> {
    if t == Term::atom(atom::TRUE) {
        Ok(true)
    } else if t == Term::atom(atom::FALSE) {
        Ok(false)
    } else {
        Err(Exc::badarg())
    }
}

/// `is_binary`: a bitstring of whole bytes.
pub(crate) fn is_binary_term(t: Term) -> bool {
    binary::view(t).is_some_and(|b| b.is_binary())
}

/// The arity a caller passes to fun `f` (caller checked `is_fun`).
fn fun_arity(f: Term) -> u64 {
    if f.header().kind() == Kind::ExportFun {
        crate::code::export_of(f).arity as u64
    } else {
        crate::code::lambda_of(f).call_arity() as u64
    }
}

macro_rules! type_test {
    ($name:ident, $test:expr) => {
        fn $name(_p: &mut Process, args: &[Term]) -> BifResult {
            let [t] = fixed(args)?;
            let test: fn(Term) -> bool = $test;
            Ok(Term::bool(test(t)))
        }
    };
}

type_test!(is_atom, |t| t.is_atom());
type_test!(is_binary, is_binary_term);
type_test!(is_bitstring, |t| t.is_bitstring());
type_test!(is_boolean, |t| t.is_boolean());
type_test!(is_float, |t| t.is_float());
type_test!(is_function, |t| t.is_fun());
type_test!(is_integer, |t| t.is_integer());
type_test!(is_list, |t| t.is_list());
type_test!(is_map, |t| t.is_map());
type_test!(is_number, |t| t.is_number());
type_test!(is_pid, |t| t.is_pid());
type_test!(is_port, |t| t.is_port());
type_test!(is_reference, |t| t.is_ref());
type_test!(is_tuple, |t| t.is_tuple());

/// `is_function(F, Arity)`: `Arity` must be a non-negative integer (a
/// huge one is simply not the arity of any fun).
fn is_function_2(_p: &mut Process, args: &[Term]) -> BifResult {
    let [f, n] = fixed(args)?;
    let arity = if n.is_small() && n.small_value() >= 0 {
        Some(n.small_value() as u64)
    } else if n.is_bignum() && !bignum::is_negative(n) {
        None
    } else {
        return Err(Exc::badarg());
    };
    if !f.is_fun() {
        return Ok(Term::bool(false));
    }
    Ok(Term::bool(arity == Some(fun_arity(f))))
}

// ---- comparisons ---------------------------------------------------------

fn exact_eq(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    Ok(Term::bool(order::exact_eq(a, b)))
}

fn exact_ne(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    Ok(Term::bool(!order::exact_eq(a, b)))
}

fn eq(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    Ok(Term::bool(order::eq(a, b)))
}

fn ne(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    Ok(Term::bool(!order::eq(a, b)))
}

fn cmp(args: &[Term], pass: fn(Ordering) -> bool) -> BifResult {
    let [a, b] = fixed(args)?;
    Ok(Term::bool(pass(order::compare(a, b, false))))
}

fn lt(_p: &mut Process, args: &[Term]) -> BifResult {
    cmp(args, |o| o == Ordering::Less)
}

fn gt(_p: &mut Process, args: &[Term]) -> BifResult {
    cmp(args, |o| o == Ordering::Greater)
}

fn le(_p: &mut Process, args: &[Term]) -> BifResult {
    cmp(args, |o| o != Ordering::Greater)
}

fn ge(_p: &mut Process, args: &[Term]) -> BifResult {
    cmp(args, |o| o != Ordering::Less)
}

/// `min(A, B)`: `A` when they compare equal (`min(1, 1.0)` is `1`).
fn min(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    Ok(if order::compare(b, a, false) == Ordering::Less {
        b
    } else {
        a
    })
}

/// `max(A, B)`: `A` when they compare equal (`max(1.0, 1)` is `1.0`).
fn max(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    Ok(if order::compare(b, a, false) == Ordering::Greater {
        b
    } else {
        a
    })
}

// ---- booleans ------------------------------------------------------------

fn not(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a] = fixed(args)?;
    Ok(Term::bool(!boolean(a)?))
}

/// Both operands are checked: `'and'(false, 1)` is `badarg`.
fn and(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    let (a, b) = (boolean(a)?, boolean(b)?);
    Ok(Term::bool(a && b))
}

fn or(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    let (a, b) = (boolean(a)?, boolean(b)?);
    Ok(Term::bool(a || b))
}

fn xor(_p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b] = fixed(args)?;
    let (a, b) = (boolean(a)?, boolean(b)?);
    Ok(Term::bool(a != b))
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
    e("is_atom", 1, is_atom),
    e("is_binary", 1, is_binary),
    e("is_bitstring", 1, is_bitstring),
    e("is_boolean", 1, is_boolean),
    e("is_float", 1, is_float),
    e("is_function", 1, is_function),
    e("is_function", 2, is_function_2),
    e("is_integer", 1, is_integer),
    e("is_list", 1, is_list),
    e("is_map", 1, is_map),
    e("is_number", 1, is_number),
    e("is_pid", 1, is_pid),
    e("is_port", 1, is_port),
    e("is_reference", 1, is_reference),
    e("is_tuple", 1, is_tuple),
    e("=:=", 2, exact_eq),
    e("=/=", 2, exact_ne),
    e("==", 2, eq),
    e("/=", 2, ne),
    e("<", 2, lt),
    e(">", 2, gt),
    e("=<", 2, le),
    e(">=", 2, ge),
    e("min", 2, min),
    e("max", 2, max),
    e("not", 1, not),
    e("and", 2, and),
    e("or", 2, or),
    e("xor", 2, xor),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Process {
        Process::new(1, Term::NIL)
    }
    fn t() -> Term {
        Term::atom(atom::TRUE)
    }
    fn f() -> Term {
        Term::atom(atom::FALSE)
    }
    fn is_badarg(r: BifResult) -> bool {
        matches!(r, Err(e) if e.reason == Term::atom(atom::BADARG))
    }

    #[test]
    fn type_tests() {
        let mut p = p();
        let bin = p.heap.binary(&[1, 2]);
        let bits = p.heap.bitstring(&[0xFF], 3);
        let tup = p.heap.tuple(&[Term::small(1)]);
        let lst = p.heap.list(&[Term::small(1)]);
        let big = p.heap.int(i64::MAX);
        let a = Term::atom(atom::OK);
        let fl = Term::float(1.5);
        assert_eq!(is_atom(&mut p, &[a]).unwrap(), t());
        assert_eq!(is_atom(&mut p, &[Term::NIL]).unwrap(), f());
        assert_eq!(is_binary(&mut p, &[bin]).unwrap(), t());
        assert_eq!(is_binary(&mut p, &[bits]).unwrap(), f());
        assert_eq!(is_bitstring(&mut p, &[bits]).unwrap(), t());
        assert_eq!(is_boolean(&mut p, &[t()]).unwrap(), t());
        assert_eq!(is_boolean(&mut p, &[a]).unwrap(), f());
        assert_eq!(is_float(&mut p, &[fl]).unwrap(), t());
        assert_eq!(is_integer(&mut p, &[big]).unwrap(), t());
        assert_eq!(is_integer(&mut p, &[fl]).unwrap(), f());
        assert_eq!(is_number(&mut p, &[fl]).unwrap(), t());
        assert_eq!(is_list(&mut p, &[Term::NIL]).unwrap(), t());
        assert_eq!(is_list(&mut p, &[lst]).unwrap(), t());
        assert_eq!(is_tuple(&mut p, &[tup]).unwrap(), t());
        assert_eq!(is_tuple(&mut p, &[lst]).unwrap(), f());
        assert_eq!(is_pid(&mut p, &[Term::pid(3)]).unwrap(), t());
        assert_eq!(is_port(&mut p, &[Term::pid(3)]).unwrap(), f());
        assert_eq!(is_map(&mut p, &[tup]).unwrap(), f());
        assert_eq!(is_reference(&mut p, &[tup]).unwrap(), f());
        assert_eq!(is_function(&mut p, &[tup]).unwrap(), f());
        assert!(is_badarg(is_atom(&mut p, &[])));
    }

    /// erl: is_function(a, 1) -> false; is_function(a, -1) -> badarg;
    /// is_function(a, a) -> badarg; is_function(F, 1 bsl 70) -> false.
    #[test]
    fn is_function_arity_checks() {
        let mut p = p();
        let a = Term::atom(atom::OK);
        let big = p.heap.int(i64::MAX);
        let negbig = p.heap.int(i64::MIN);
        assert_eq!(is_function_2(&mut p, &[a, Term::small(1)]).unwrap(), f());
        assert_eq!(is_function_2(&mut p, &[a, big]).unwrap(), f());
        assert!(is_badarg(is_function_2(&mut p, &[a, Term::small(-1)])));
        assert!(is_badarg(is_function_2(&mut p, &[a, a])));
        assert!(is_badarg(is_function_2(&mut p, &[a, negbig])));
    }

    /// erl: erlang:'=:='(1,1.0) -> false; '=='(1,1.0) -> true;
    /// '<'(1,1.0) -> false; '=<'(1.0,1) -> true; '>='(a,1) -> true.
    #[test]
    fn comparisons() {
        let mut p = p();
        let one = Term::small(1);
        let onef = Term::float(1.0);
        let a = Term::atom(atom::OK);
        assert_eq!(exact_eq(&mut p, &[one, onef]).unwrap(), f());
        assert_eq!(exact_ne(&mut p, &[one, onef]).unwrap(), t());
        assert_eq!(eq(&mut p, &[one, onef]).unwrap(), t());
        assert_eq!(ne(&mut p, &[one, onef]).unwrap(), f());
        assert_eq!(lt(&mut p, &[one, onef]).unwrap(), f());
        assert_eq!(le(&mut p, &[onef, one]).unwrap(), t());
        assert_eq!(ge(&mut p, &[a, one]).unwrap(), t());
        assert_eq!(gt(&mut p, &[one, a]).unwrap(), f());
        let l1 = p.heap.list(&[one, Term::small(2)]);
        let l2 = p.heap.list(&[one, Term::small(3)]);
        assert_eq!(lt(&mut p, &[l1, l2]).unwrap(), t());
        assert_eq!(
            exact_eq(&mut p, &[Term::float(0.0), Term::float(-0.0)]).unwrap(),
            t()
        );
    }

    /// erl: min(1,1.0) -> 1; min(1.0,1) -> 1.0; max(1,1.0) -> 1;
    /// max(-0.0,0.0) -> -0.0.
    #[test]
    fn min_max_keep_first_on_equal() {
        let mut p = p();
        let one = Term::small(1);
        let onef = Term::float(1.0);
        assert_eq!(min(&mut p, &[one, onef]).unwrap(), one);
        assert_eq!(min(&mut p, &[onef, one]).unwrap(), onef);
        assert_eq!(max(&mut p, &[one, onef]).unwrap(), one);
        assert_eq!(max(&mut p, &[onef, one]).unwrap(), onef);
        let nz = Term::float(-0.0);
        assert_eq!(max(&mut p, &[nz, Term::float(0.0)]).unwrap(), nz);
        assert_eq!(min(&mut p, &[one, Term::small(2)]).unwrap(), one);
        assert_eq!(
            max(&mut p, &[one, Term::atom(atom::OK)]).unwrap(),
            Term::atom(atom::OK)
        );
    }

    /// erl: erlang:'and'(true,1) -> badarg; 'and'(false,1) -> badarg;
    /// 'or'(true,1) -> badarg; 'xor'(true,false) -> true; 'not'(1) -> badarg.
    #[test]
    fn booleans() {
        let mut p = p();
        let one = Term::small(1);
        assert!(is_badarg(and(&mut p, &[t(), one])));
        assert!(is_badarg(and(&mut p, &[f(), one])));
        assert!(is_badarg(or(&mut p, &[t(), one])));
        assert!(is_badarg(not(&mut p, &[one])));
        assert_eq!(xor(&mut p, &[t(), f()]).unwrap(), t());
        assert_eq!(xor(&mut p, &[t(), t()]).unwrap(), f());
        assert_eq!(and(&mut p, &[t(), t()]).unwrap(), t());
        assert_eq!(and(&mut p, &[t(), f()]).unwrap(), f());
        assert_eq!(or(&mut p, &[f(), f()]).unwrap(), f());
        assert_eq!(or(&mut p, &[f(), t()]).unwrap(), t());
        assert_eq!(not(&mut p, &[f()]).unwrap(), t());
    }
}
