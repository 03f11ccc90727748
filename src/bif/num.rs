//! Number BIFs of module `erlang`: conversions between numbers and text
//! (`float_to_list/1,2`, `float_to_binary/1,2`, `list_to_float/1`,
//! `binary_to_float/1`, `integer_to_list/1,2`, `integer_to_binary/1,2`,
//! `list_to_integer/1,2`, `binary_to_integer/1,2`), the number functions
//! `float/1`, `trunc/1`, `round/1`, `floor/1`, `ceil/1`, `abs/1`, and unary
//! `'-'/1` and `'+'/1`. The float text layouts themselves live in
//! [`super::float_fmt`].
//!
//! Also exported for other BIF groups: [`int_to_f64`] (OTP's integer →
//! float conversion, rounding quirks included) and [`float_to_int`].

use super::float_fmt;
use super::{Bif, BifResult, Exc};
use crate::heap::Heap;
use crate::process::Process;
use crate::term::{atom, bignum, binary, Term};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::FromPrimitive;

/// OTP's small-integer range on 64-bit machines (60-bit signed). Option
/// values such as `{decimals, N}` must be OTP smalls, which in this VM
/// may be bignums.
const OTP_SMALL_MIN: i64 = -(1 << 59);
const OTP_SMALL_MAX: i64 = (1 << 59) - 1;

/// 2^47: floats strictly inside ±this convert straight to small integers.
const SMALL_LIMIT_F: f64 = 140737488355328.0;

/// The value of an integer term as a float the way OTP's `big_to_double`
/// computes it: the 64-bit limbs are folded in from the most significant,
/// `d = d × 2^64 + limb`, each step rounding (so it is not always the
/// correctly rounded value). `None` if the result overflows (OTP: badarg
/// from `float/1`, badarith in arithmetic); also `None` for non-integers.
pub fn int_to_f64(t: Term) -> Option<f64> {
    if t.is_small() {
        return Some(t.small_value() as f64);
    }
    if !t.is_bignum() {
        return None;
    }
    let (sign, limbs) = bignum::to_big(t).to_u64_digits();
    let mut d = 0.0f64;
    for &limb in limbs.iter().rev() {
        d = d * 18446744073709551616.0 + limb as f64;
        if !d.is_finite() {
            return None;
        }
    }
    Some(if sign == Sign::Minus { -d } else { d })
}

/// An integral finite float as an integer term (small when it fits).
pub fn float_to_int(heap: &mut Heap, f: f64) -> Term {
    if f.abs() < SMALL_LIMIT_F {
        return Term::small(f as i64);
    }
    match BigInt::from_f64(f) {
        Some(b) => bignum::from_big(heap, &b),
        // Unreachable for finite input; never panic.
        None => Term::small(0),
    }
}

/// An integer term in OTP's small range, as i64.
fn otp_small(t: Term) -> Option<i64> {
    bignum::to_i64(t).filter(|v| (OTP_SMALL_MIN..=OTP_SMALL_MAX).contains(v))
}

// ---- float → text ---------------------------------------------------------

#[derive(Copy, Clone, PartialEq, Eq)]
enum FloatFmt {
    /// No format option: `"%.20e"` (or `"%.*e"` never reached otherwise).
    Legacy,
    Short,
    Fixed,
    Scientific,
}

/// OTP's `do_float_to_charbuf`: options are read left to right; the last
/// format option wins, `compact` applies wherever it appears, and the
/// digit count is the last `{decimals|scientific, N}`'s N truncated to a
/// C `int`.
fn float_text(f: Term, opts: Term) -> Result<String, Exc> {
    if !f.is_float() {
        return Err(Exc::badarg());
    }
    let f = f.float_value();
    let mut fmt = FloatFmt::Legacy;
    let mut decimals: i32 = 20;
    let mut compact = false;
    let mut it = opts.iter_list();
    for opt in it.by_ref() {
        if opt == Term::atom(atom::COMPACT) {
            compact = true;
        } else if opt == Term::atom(atom::SHORT) {
            fmt = FloatFmt::Short;
        } else if opt.is_tuple() && opt.tuple_arity() == 2 {
            let n = otp_small(opt.element(1)).ok_or_else(Exc::badarg)?;
            // C: `int decimals = signed_val(...)` keeps the low 32 bits.
            decimals = n as i32;
            let kind = opt.element(0);
            if kind == Term::atom(atom::DECIMALS) {
                fmt = FloatFmt::Fixed;
            } else if kind == Term::atom(atom::SCIENTIFIC) {
                fmt = FloatFmt::Scientific;
            } else {
                return Err(Exc::badarg());
            }
        } else {
            return Err(Exc::badarg());
        }
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    let text = match fmt {
        FloatFmt::Short => Some(float_fmt::short(f)),
        FloatFmt::Fixed => float_fmt::fixed(f, decimals, compact),
        FloatFmt::Legacy | FloatFmt::Scientific => float_fmt::scientific(f, decimals),
    };
    text.ok_or_else(Exc::badarg)
}

fn float_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let s = float_text(a[0], Term::NIL)?;
    Ok(p.heap.byte_list(s.as_bytes()))
}

fn float_to_list_2(p: &mut Process, a: &[Term]) -> BifResult {
    let s = float_text(a[0], a[1])?;
    Ok(p.heap.byte_list(s.as_bytes()))
}

fn float_to_binary_1(p: &mut Process, a: &[Term]) -> BifResult {
    let s = float_text(a[0], Term::NIL)?;
    Ok(p.heap.binary(s.as_bytes()))
}

fn float_to_binary_2(p: &mut Process, a: &[Term]) -> BifResult {
    let s = float_text(a[0], a[1])?;
    Ok(p.heap.binary(s.as_bytes()))
}

// ---- text → number --------------------------------------------------------

/// The bytes of a proper list of integers 0..=255 (OTP's `intlist_to_buf`).
fn list_bytes(t: Term) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut it = t.iter_list();
    for c in it.by_ref() {
        if !c.is_small() {
            return None;
        }
        out.push(u8::try_from(c.small_value()).ok()?);
    }
    it.rest().is_nil().then_some(out)
}

/// The bytes of a binary (whole bytes only; other bitstrings are `None`).
fn binary_bytes(t: Term) -> Option<Vec<u8>> {
    let v = binary::view(t)?;
    v.is_binary().then(|| v.to_bytes().into_owned())
}

fn list_to_float_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = list_bytes(a[0]).ok_or_else(Exc::badarg)?;
    let f = float_fmt::parse(&bytes).ok_or_else(Exc::badarg)?;
    Ok(Term::float(f))
}

fn binary_to_float_1(_p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = binary_bytes(a[0]).ok_or_else(Exc::badarg)?;
    let f = float_fmt::parse(&bytes).ok_or_else(Exc::badarg)?;
    Ok(Term::float(f))
}

/// A base argument: a small integer 2..=36.
fn base_arg(t: Term) -> Result<u32, Exc> {
    match otp_small(t) {
        Some(b @ 2..=36) => Ok(b as u32),
        _ => Err(Exc::badarg()),
    }
}

/// Text of an integer term in `base`, letters upper case.
fn int_text(t: Term, base: u32) -> Result<String, Exc> {
    if t.is_small() {
        let v = t.small_value();
        let mut mag = v.unsigned_abs();
        let mut buf = Vec::with_capacity(66);
        loop {
            let d = (mag % u64::from(base)) as u8;
            buf.push(if d < 10 { b'0' + d } else { b'A' + d - 10 });
            mag /= u64::from(base);
            if mag == 0 {
                break;
            }
        }
        if v < 0 {
            buf.push(b'-');
        }
        buf.reverse();
        Ok(String::from_utf8_lossy(&buf).into_owned())
    } else if t.is_bignum() {
        let mut s = bignum::to_big(t).to_str_radix(base);
        s.make_ascii_uppercase();
        Ok(s)
    } else {
        Err(Exc::badarg())
    }
}

/// OTP's integer syntax: an optional `+`/`-`, then one or more digits of
/// `base` (letters either case); nothing else.
fn parse_int(heap: &mut Heap, bytes: &[u8], base: u32) -> Option<Term> {
    let (neg, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() {
        return None;
    }
    let mut vals = Vec::with_capacity(digits.len());
    for &c in digits {
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'z' => c - b'a' + 10,
            b'A'..=b'Z' => c - b'A' + 10,
            _ => return None,
        };
        if u32::from(v) >= base {
            return None;
        }
        vals.push(v);
    }
    // 36^12 < 2^63: up to 12 digits fit an i64 in every base.
    if vals.len() <= 12 {
        let mut acc: i64 = 0;
        for &v in &vals {
            acc = acc * i64::from(base) + i64::from(v);
        }
        return Some(heap.int(if neg { -acc } else { acc }));
    }
    let mag = BigUint::from_radix_be(&vals, base)?;
    let sign = if neg { Sign::Minus } else { Sign::Plus };
    Some(bignum::from_big(heap, &BigInt::from_biguint(sign, mag)))
}

fn integer_to_list_1(p: &mut Process, a: &[Term]) -> BifResult {
    let s = int_text(a[0], 10)?;
    Ok(p.heap.byte_list(s.as_bytes()))
}

fn integer_to_list_2(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_integer() {
        return Err(Exc::badarg());
    }
    let s = int_text(a[0], base_arg(a[1])?)?;
    Ok(p.heap.byte_list(s.as_bytes()))
}

fn integer_to_binary_1(p: &mut Process, a: &[Term]) -> BifResult {
    let s = int_text(a[0], 10)?;
    Ok(p.heap.binary(s.as_bytes()))
}

fn integer_to_binary_2(p: &mut Process, a: &[Term]) -> BifResult {
    if !a[0].is_integer() {
        return Err(Exc::badarg());
    }
    let s = int_text(a[0], base_arg(a[1])?)?;
    Ok(p.heap.binary(s.as_bytes()))
}

fn list_to_integer_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = list_bytes(a[0]).ok_or_else(Exc::badarg)?;
    parse_int(&mut p.heap, &bytes, 10).ok_or_else(Exc::badarg)
}

fn list_to_integer_2(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = list_bytes(a[0]).ok_or_else(Exc::badarg)?;
    let base = base_arg(a[1])?;
    parse_int(&mut p.heap, &bytes, base).ok_or_else(Exc::badarg)
}

fn binary_to_integer_1(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = binary_bytes(a[0]).ok_or_else(Exc::badarg)?;
    parse_int(&mut p.heap, &bytes, 10).ok_or_else(Exc::badarg)
}

fn binary_to_integer_2(p: &mut Process, a: &[Term]) -> BifResult {
    let bytes = binary_bytes(a[0]).ok_or_else(Exc::badarg)?;
    let base = base_arg(a[1])?;
    parse_int(&mut p.heap, &bytes, base).ok_or_else(Exc::badarg)
}

// ---- number functions -----------------------------------------------------

/// `float/1`: floats pass through; integers convert as [`int_to_f64`]
/// (overflow is badarg).
fn float_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if a[0].is_float() {
        return Ok(a[0]);
    }
    int_to_f64(a[0]).map(Term::float).ok_or_else(Exc::badarg)
}

/// Shared body of trunc/round/floor/ceil: integers pass through, floats
/// are rounded by `op` and converted exactly.
fn float_round(p: &mut Process, t: Term, op: fn(f64) -> f64) -> BifResult {
    if t.is_integer() {
        Ok(t)
    } else if t.is_float() {
        Ok(float_to_int(&mut p.heap, op(t.float_value())))
    } else {
        Err(Exc::badarg())
    }
}

fn trunc_1(p: &mut Process, a: &[Term]) -> BifResult {
    float_round(p, a[0], f64::trunc)
}

/// C `round`: halfway cases away from zero (`round(-2.5)` is -3).
fn round_1(p: &mut Process, a: &[Term]) -> BifResult {
    float_round(p, a[0], f64::round)
}

fn floor_1(p: &mut Process, a: &[Term]) -> BifResult {
    float_round(p, a[0], f64::floor)
}

fn ceil_1(p: &mut Process, a: &[Term]) -> BifResult {
    float_round(p, a[0], f64::ceil)
}

/// `abs/1`. As in OTP 25, `abs(-0.0)` is `-0.0` (only `f < 0` negates).
fn abs_1(p: &mut Process, a: &[Term]) -> BifResult {
    let t = a[0];
    if t.is_small() {
        Ok(p.heap.int(t.small_value().abs()))
    } else if t.is_bignum() {
        if bignum::is_negative(t) {
            let v = -bignum::to_big(t);
            Ok(bignum::from_big(&mut p.heap, &v))
        } else {
            Ok(t)
        }
    } else if t.is_float() {
        let f = t.float_value();
        Ok(Term::float(if f < 0.0 { -f } else { f }))
    } else {
        Err(Exc::badarg())
    }
}

/// Unary minus; `-(0.0)` is `-0.0`. Non-numbers are badarith.
fn neg_1(p: &mut Process, a: &[Term]) -> BifResult {
    let t = a[0];
    if t.is_small() {
        Ok(p.heap.int(-t.small_value()))
    } else if t.is_bignum() {
        let v = -bignum::to_big(t);
        Ok(bignum::from_big(&mut p.heap, &v))
    } else if t.is_float() {
        Ok(Term::float(-t.float_value()))
    } else {
        Err(Exc::badarith())
    }
}

/// Unary plus: numbers unchanged, anything else badarith.
fn plus_1(_p: &mut Process, a: &[Term]) -> BifResult {
    if a[0].is_number() {
        Ok(a[0])
    } else {
        Err(Exc::badarith())
    }
}

const fn bif(name: &'static str, arity: u32, f: super::BifFn) -> Bif {
    Bif {
        module: "erlang",
        name,
        arity,
        f,
    }
}

pub const TABLE: &[Bif] = &[
    bif("float_to_list", 1, float_to_list_1),
    bif("float_to_list", 2, float_to_list_2),
    bif("float_to_binary", 1, float_to_binary_1),
    bif("float_to_binary", 2, float_to_binary_2),
    bif("list_to_float", 1, list_to_float_1),
    bif("binary_to_float", 1, binary_to_float_1),
    bif("integer_to_list", 1, integer_to_list_1),
    bif("integer_to_list", 2, integer_to_list_2),
    bif("integer_to_binary", 1, integer_to_binary_1),
    bif("integer_to_binary", 2, integer_to_binary_2),
    bif("list_to_integer", 1, list_to_integer_1),
    bif("list_to_integer", 2, list_to_integer_2),
    bif("binary_to_integer", 1, binary_to_integer_1),
    bif("binary_to_integer", 2, binary_to_integer_2),
    bif("float", 1, float_1),
    bif("trunc", 1, trunc_1),
    bif("round", 1, round_1),
    bif("floor", 1, floor_1),
    bif("ceil", 1, ceil_1),
    bif("abs", 1, abs_1),
    bif("-", 1, neg_1),
    bif("+", 1, plus_1),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::SMALL_MIN;

    fn proc() -> Process {
        Process::new(1, Term::NIL)
    }

    /// The text of a byte list or a binary.
    fn text(t: Term) -> String {
        if let Some(b) = binary_bytes(t) {
            return String::from_utf8_lossy(&b).into_owned();
        }
        let b = list_bytes(t).expect("a byte list");
        String::from_utf8_lossy(&b).into_owned()
    }

    enum O {
        D(i64),
        S(i64),
        C,
        Sh,
    }
    use O::*;

    fn opts(p: &mut Process, os: &[O]) -> Term {
        let items: Vec<Term> = os
            .iter()
            .map(|o| match o {
                D(n) => {
                    let n = p.heap.int(*n);
                    p.heap.tuple(&[Term::atom(atom::DECIMALS), n])
                }
                S(n) => {
                    let n = p.heap.int(*n);
                    p.heap.tuple(&[Term::atom(atom::SCIENTIFIC), n])
                }
                C => Term::atom(atom::COMPACT),
                Sh => Term::atom(atom::SHORT),
            })
            .collect();
        p.heap.list(&items)
    }

    fn is_badarg(r: BifResult) -> bool {
        matches!(r, Err(e) if e.reason == Term::atom(atom::BADARG))
    }

    /// `float_to_list/2` (and `float_to_binary/2`) in OTP 25; `None` is
    /// badarg. Expectations printed by:
    /// erl -noshell -eval 'L = [{0.1,[]}, {0.125,[{scientific,1}]}, ...],
    ///   io:format("~s", [[io_lib:format("(~w, ~w, ~s),~n", [F, O,
    ///     case catch float_to_list(F,O) of {_,_} -> "None";
    ///       R -> io_lib:format("Some(\"~s\")",[R]) end])
    ///     || {F,O} <- L]]), halt().'
    /// ([] is float_to_list/1's format.)
    #[test]
    fn float_to_list_matches_otp() {
        #[rustfmt::skip]
        let cases: &[(f64, &[O], Option<&str>)] = &[
        (0.1, &[], Some("1.00000000000000005551e-01")),
        (1.0, &[], Some("1.00000000000000000000e+00")),
        (-0.0, &[], Some("-0.00000000000000000000e+00")),
        (1.7976931348623157e308, &[], Some("1.79769313486231570815e+308")),
        (5.0e-324, &[], Some("4.94065645841246544177e-324")),
        (1.0e23, &[], Some("9.99999999999999916114e+22")),
        (123.456, &[], Some("1.23456000000000003070e+02")),
        (0.125, &[S(1)], Some("1.2e-01")),
        (0.375, &[S(1)], Some("3.8e-01")),
        (2.5, &[S(0)], Some("2e+00")),
        (1.5, &[S(0)], Some("2e+00")),
        (1.0e-5, &[S(3)], Some("1.000e-05")),
        (1.0e-100, &[S(3)], Some("1.000e-100")),
        (1.0e100, &[S(2)], Some("1.00e+100")),
        (-1.5, &[S(-1)], Some("-1.500000e+00")),
        (1.5, &[S(4294967299)], Some("1.500e+00")),
        (1.0, &[S(249)], Some("1.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e+00")),
        (-1.0, &[S(249)], None),
        (1.0, &[S(250)], None),
        (1.0e100, &[S(248)], Some("1.00000000000000001590289110975991804683608085639452813897813275577478387721703810608134699858568151040000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e+100")),
        (1.0e100, &[S(249)], None),
        (0.146, &[D(1)], Some("0.1")),
        (0.125, &[D(2)], Some("0.13")),
        (1.005, &[D(2)], Some("1.00")),
        (0.5, &[D(0)], Some("1")),
        (2.5, &[D(0)], Some("3")),
        (-0.5, &[D(0)], Some("-1")),
        (-0.4, &[D(0)], Some("-0")),
        (0.49999999999999994, &[D(0)], Some("0")),
        (123.456, &[D(18)], Some("123.456000000000003072")),
        (123.456, &[D(19)], Some("123.4560000000000030695")),
        (123.456, &[D(20)], Some("123.45600000000000306954")),
        (0.1, &[D(20),C], Some("0.10000000000000000555")),
        (1.0e-20, &[D(19),C], Some("0.0")),
        (-0.0, &[D(2)], Some("-0.00")),
        (-0.0, &[D(0)], Some("-0")),
        (-0.0, &[D(5),C], Some("-0.0")),
        (0.0, &[D(5),C], Some("0.0")),
        (-0.004, &[D(2)], Some("-0.00")),
        (-0.006, &[D(2)], Some("-0.01")),
        (9.9999, &[D(3)], Some("10.000")),
        (-9.9999, &[D(3),C], Some("-10.0")),
        (100.0, &[D(2),C], Some("100.0")),
        (100.0, &[D(0),C], Some("100")),
        (10.0, &[D(25),C], Some("10.0")),
        (1.0e20, &[D(0),C], Some("1")),
        (1.0e20, &[D(1),C], Some("100000000000000000000.0")),
        (1.0e20, &[D(2)], Some("100000000000000000000.00")),
        (9.007199254740992e15, &[D(1)], Some("9007199254740992.0")),
        (9.007199254740994e15, &[D(1)], Some("9007199254740994.0")),
        (1.0e200, &[D(0)], Some("99999999999999996973312221251036165947450327545502362648241750950346848435554075534196338404706251868027512415973882408182135734368278484639385041047239877871023591066789981811181813306167128854888448")),
        (1.0e300, &[D(0)], None),
        (1.0, &[D(253)], Some("1.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")),
        (-1.0, &[D(253)], None),
        (1.0, &[D(254)], None),
        (1.0, &[D(-1)], None),
        (1.5, &[D(4294967298)], Some("1.50")),
        (1.5, &[D(576460752303423487)], None),
        (1.5, &[D(-576460752303423488)], Some("2")),
        (1.5, &[D(576460752303423488)], None),
        (1.0, &[C], Some("1.00000000000000000000e+00")),
        (1.0, &[D(3),C], Some("1.0")),
        (1.0, &[C,D(3)], Some("1.0")),
        (1.5, &[D(3),Sh], Some("1.5")),
        (1.5, &[Sh,D(3)], Some("1.500")),
        (1.5, &[S(3),D(5)], Some("1.50000")),
        (1.5, &[D(3),S(2)], Some("1.50e+00")),
        ];
        let mut p = proc();
        for (f, os, want) in cases {
            let o = opts(&mut p, os);
            let args = [Term::float(*f), o];
            for g in [float_to_list_2 as super::super::BifFn, float_to_binary_2] {
                let r = g(&mut p, &args);
                match want {
                    Some(w) => assert_eq!(text(r.expect("ok")), *w, "{:e}", f),
                    None => assert!(is_badarg(r), "{:e} should be badarg", f),
                }
            }
        }
        let r = float_to_list_1(&mut p, &[Term::float(1.0)]);
        assert_eq!(text(r.expect("ok")), "1.00000000000000000000e+00");
        let r = float_to_binary_1(&mut p, &[Term::float(0.1)]);
        assert_eq!(text(r.expect("ok")), "1.00000000000000005551e-01");
    }

    /// Malformed options, all badarg in OTP 25:
    /// float_to_list(1.5, [{decimals,3}|x]), float_to_list(1.5, x),
    /// float_to_list(1.5, [{decimals,3.0}]), float_to_list(1.5, [{foo,3}]),
    /// float_to_list(1.5, [{decimals,3,4}]), float_to_list(1.5, [foo]),
    /// float_to_list(1.5, [short|short]), float_to_list(1, []).
    #[test]
    fn float_to_list_bad_options() {
        let mut p = proc();
        let x = Term::atom(atom::intern_static("x"));
        let three = Term::small(3);
        let dec = Term::atom(atom::DECIMALS);
        let t = p.heap.tuple(&[dec, three]);
        let bad_tail = p.heap.list_with_tail(&[t], x);
        let tf = p.heap.tuple(&[dec, Term::float(3.0)]);
        let l_tf = p.heap.list(&[tf]);
        let foo = Term::atom(atom::intern_static("foo"));
        let tfoo = p.heap.tuple(&[foo, three]);
        let l_tfoo = p.heap.list(&[tfoo]);
        let t3 = p.heap.tuple(&[dec, three, three]);
        let l_t3 = p.heap.list(&[t3]);
        let l_foo = p.heap.list(&[foo]);
        let short = Term::atom(atom::SHORT);
        let l_short_improper = p.heap.cons(short, short);
        let f = Term::float(1.5);
        for o in [bad_tail, x, l_tf, l_tfoo, l_t3, l_foo, l_short_improper] {
            assert!(is_badarg(float_to_list_2(&mut p, &[f, o])));
            assert!(is_badarg(float_to_binary_2(&mut p, &[f, o])));
        }
        assert!(is_badarg(float_to_list_2(
            &mut p,
            &[Term::small(1), Term::NIL]
        )));
        assert!(is_badarg(float_to_list_1(&mut p, &[Term::small(1)])));
        assert!(is_badarg(float_to_binary_1(&mut p, &[x])));
    }

    #[test]
    fn list_and_binary_to_float() {
        let mut p = proc();
        let l = p.heap.string("-1.5e3");
        let r = list_to_float_1(&mut p, &[l]).expect("ok");
        assert_eq!(r.float_value(), -1500.0);
        let b = p.heap.binary(b"2.5E2");
        assert_eq!(
            binary_to_float_1(&mut p, &[b]).expect("ok").float_value(),
            250.0
        );
        // OTP 25: list_to_float([$1,$.,$0,256]) and list_to_float([$1,$.|x])
        // are badarg; binary_to_float(<<>>), binary_to_float(<<"1.5",1:1>>)
        // and binary_to_float("1.0") too.
        let big = p.heap.list(&[
            Term::small(49),
            Term::small(46),
            Term::small(48),
            Term::small(256),
        ]);
        let x = Term::atom(atom::intern_static("x"));
        let improper = p
            .heap
            .list_with_tail(&[Term::small(49), Term::small(46)], x);
        let empty = p.heap.binary(b"");
        let bits = p.heap.bitstring(&[b'1', b'.', b'5', 0x80], 25);
        let s = p.heap.string("1.0");
        for t in [big, improper, x] {
            assert!(is_badarg(list_to_float_1(&mut p, &[t])));
        }
        for t in [empty, bits, s] {
            assert!(is_badarg(binary_to_float_1(&mut p, &[t])));
        }
    }

    /// OTP 25: integer_to_list(I) / integer_to_list(I, B) /
    /// integer_to_binary(I, B), printed with
    /// erl -noshell -eval 'io:format("~p~n", [integer_to_list(1 bsl 64, 36)]), halt().'
    #[test]
    fn integer_to_text() {
        let mut p = proc();
        let cases: &[(i128, i64, &str)] = &[
            (0, 10, "0"),
            (-1, 10, "-1"),
            (123, 10, "123"),
            (1 << 100, 10, "1267650600228229401496703205376"),
            (-(1 << 70), 10, "-1180591620717411303424"),
            (255, 16, "FF"),
            (-255, 16, "-FF"),
            (35, 36, "Z"),
            (1 << 64, 36, "3W5E11264SGSG"),
            (5, 2, "101"),
            (0, 2, "0"),
            (-(1 << 80), 16, "-100000000000000000000"),
            (-255, 2, "-11111111"),
            (SMALL_MIN as i128, 16, "-800000000000"),
        ];
        for &(i, base, want) in cases {
            let t = bignum::from_i128(&mut p.heap, i);
            let b = Term::small(base);
            if base == 10 {
                assert_eq!(text(integer_to_list_1(&mut p, &[t]).expect("ok")), want);
                assert_eq!(text(integer_to_binary_1(&mut p, &[t]).expect("ok")), want);
            }
            assert_eq!(text(integer_to_list_2(&mut p, &[t, b]).expect("ok")), want);
            assert_eq!(
                text(integer_to_binary_2(&mut p, &[t, b]).expect("ok")),
                want
            );
        }
        // integer_to_list(5, 1), (5, 37), (1.0), (a) are badarg.
        let five = Term::small(5);
        for b in [Term::small(1), Term::small(37), Term::float(10.0)] {
            assert!(is_badarg(integer_to_list_2(&mut p, &[five, b])));
            assert!(is_badarg(integer_to_binary_2(&mut p, &[five, b])));
        }
        assert!(is_badarg(integer_to_list_1(&mut p, &[Term::float(1.0)])));
        assert!(is_badarg(integer_to_binary_2(
            &mut p,
            &[Term::float(1.0), Term::small(10)]
        )));
    }

    /// OTP 25 list_to_integer/1,2 and binary_to_integer/1,2, printed by
    /// erl -noshell -eval '[io:format("~p~n", [catch list_to_integer(S, B)])
    ///   || {S, B} <- [{"ff",16}, ...]], halt().'
    #[test]
    fn text_to_integer() {
        let mut p = proc();
        let ok: &[(&str, i64, &str)] = &[
            ("0", 10, "0"),
            ("-0", 10, "0"),
            ("+0", 10, "0"),
            ("123", 10, "123"),
            ("-123", 10, "-123"),
            ("+123", 10, "123"),
            ("00012", 10, "12"),
            ("-00", 10, "0"),
            (
                "99999999999999999999999999",
                10,
                "99999999999999999999999999",
            ),
            ("ff", 16, "255"),
            ("FF", 16, "255"),
            ("-fF", 16, "-255"),
            ("z", 36, "35"),
            ("Z", 36, "35"),
            ("10", 2, "2"),
            ("-Zz", 36, "-1295"),
            (
                "zzzzzzzzzzzzzzzzzzzzzz",
                36,
                "17324272922341479351919144385642495",
            ),
            ("140737488355328", 10, "140737488355328"),
            ("-140737488355329", 10, "-140737488355329"),
        ];
        for &(s, base, want) in ok {
            let l = p.heap.string(s);
            let b = p.heap.binary(s.as_bytes());
            let bt = Term::small(base);
            let r1 = list_to_integer_2(&mut p, &[l, bt]).expect("ok");
            let r2 = binary_to_integer_2(&mut p, &[b, bt]).expect("ok");
            assert_eq!(bignum::to_big(r1).to_string(), want, "{s}");
            assert_eq!(bignum::to_big(r2).to_string(), want, "{s}");
            if base == 10 {
                let r3 = list_to_integer_1(&mut p, &[l]).expect("ok");
                let r4 = binary_to_integer_1(&mut p, &[b]).expect("ok");
                assert_eq!(bignum::to_big(r3).to_string(), want);
                assert_eq!(bignum::to_big(r4).to_string(), want);
            }
        }
        // Results are canonical: small when they fit.
        let l = p.heap.string("140737488355327");
        assert!(list_to_integer_1(&mut p, &[l]).expect("ok").is_small());
        let bad: &[(&str, i64)] = &[
            ("", 10),
            ("-", 10),
            ("+", 10),
            (" 1", 10),
            ("1 ", 10),
            ("1.0", 10),
            ("12a", 10),
            ("1_000", 10),
            ("+-1", 10),
            ("2", 2),
            ("g", 16),
            ("10", 1),
            ("10", 37),
            ("1\0", 10),
        ];
        for &(s, base) in bad {
            let l = p.heap.string(s);
            let b = p.heap.binary(s.as_bytes());
            let bt = Term::small(base);
            assert!(is_badarg(list_to_integer_2(&mut p, &[l, bt])), "{s}");
            assert!(is_badarg(binary_to_integer_2(&mut p, &[b, bt])), "{s}");
            if base == 10 {
                assert!(is_badarg(list_to_integer_1(&mut p, &[l])), "{s}");
                assert!(is_badarg(binary_to_integer_1(&mut p, &[b])), "{s}");
            }
        }
        let x = Term::atom(atom::intern_static("x"));
        let improper = p.heap.list_with_tail(&[Term::small(49)], x);
        let wide = p.heap.list(&[Term::small(49), Term::small(256)]);
        let bits = p.heap.bitstring(&[b'1', 0x80], 9);
        let s12 = p.heap.string("12");
        for t in [improper, wide, x] {
            assert!(is_badarg(list_to_integer_1(&mut p, &[t])));
        }
        for t in [bits, s12] {
            assert!(is_badarg(binary_to_integer_1(&mut p, &[t])));
        }
        let one = p.heap.string("1");
        assert!(is_badarg(list_to_integer_2(&mut p, &[one, x])));
        assert!(is_badarg(list_to_integer_2(
            &mut p,
            &[one, Term::float(36.0)]
        )));
    }

    fn big(p: &mut Process, v: &BigInt) -> Term {
        bignum::from_big(&mut p.heap, v)
    }

    fn pow2(n: u32) -> BigInt {
        BigInt::from(1) << n
    }

    /// OTP 25 float/1, printed by
    /// erl -noshell -eval '[io:format("~p~n", [catch float(X)]) || X <- [...]], halt().'
    #[test]
    fn float_of_integers() {
        let mut p = proc();
        let cases: Vec<(BigInt, Option<f64>)> = vec![
            (BigInt::from(1), Some(1.0)),
            (BigInt::from(-5), Some(-5.0)),
            (pow2(100), Some(1.2676506002282294e30)),
            (pow2(1023), Some(8.98846567431158e307)),
            (pow2(1024) - 1, None),
            (pow2(1024), None),
            (-pow2(1024), None),
            (pow2(1024) - pow2(970), None),
            (pow2(1024) - pow2(971), Some(1.7976931348623157e308)),
            (pow2(1024) - pow2(969), None),
            (pow2(53) + 1, Some(9.007199254740992e15)),
            (pow2(53) + 3, Some(9.007199254740996e15)),
            (pow2(54) + 2, Some(1.8014398509481984e16)),
            (pow2(54) + 6, Some(1.801439850948199e16)),
            (pow2(100) + pow2(47), Some(1.2676506002282294e30)),
            (pow2(100) + pow2(47) + 1, Some(1.2676506002282297e30)),
            // Not correctly rounded in OTP (limb-by-limb folding):
            (pow2(128) + pow2(75) + 1, Some(3.402823669209385e38)),
            (pow2(200) + pow2(147) + 1, Some(1.6069380442589903e60)),
            (pow2(64) + pow2(11) + 1, Some(1.8446744073709556e19)),
            (pow2(63) + pow2(10) + 1, Some(9.223372036854778e18)),
        ];
        for (v, want) in cases {
            let t = big(&mut p, &v);
            let r = float_1(&mut p, &[t]);
            match want {
                Some(w) => assert_eq!(r.expect("ok").float_value(), w, "{v}"),
                None => assert!(is_badarg(r), "{v}"),
            }
        }
        let f = Term::float(2.5);
        assert_eq!(float_1(&mut p, &[f]).expect("ok"), f);
        let a = Term::atom(atom::OK);
        assert!(is_badarg(float_1(&mut p, &[a])));
    }

    /// OTP 25 trunc/round/floor/ceil, printed by
    /// erl -noshell -eval '[io:format("~p~n", [catch erlang:F(X)]) || F <- [trunc,round,floor,ceil], X <- [...]], halt().'
    #[test]
    fn rounding() {
        let mut p = proc();
        type Row = (f64, [i128; 4]); // trunc, round, floor, ceil
        let cases: &[Row] = &[
            (2.5, [2, 3, 2, 3]),
            (-2.5, [-2, -3, -3, -2]),
            (0.5, [0, 1, 0, 1]),
            (-0.5, [0, -1, -1, 0]),
            (1.5, [1, 2, 1, 2]),
            (0.49999999999999994, [0, 0, 0, 1]),
            (-0.0, [0, 0, 0, 0]),
            (1.0e20, [100000000000000000000; 4]),
            (-1.0e20, [-100000000000000000000; 4]),
            (4503599627370497.0, [4503599627370497; 4]),
            (
                140737488355327.5,
                [
                    140737488355327,
                    140737488355328,
                    140737488355327,
                    140737488355328,
                ],
            ),
            (
                -140737488355328.5,
                [
                    -140737488355328,
                    -140737488355329,
                    -140737488355329,
                    -140737488355328,
                ],
            ),
            (
                1000000000000000.2,
                [
                    1000000000000000,
                    1000000000000000,
                    1000000000000000,
                    1000000000000001,
                ],
            ),
        ];
        let fns: [super::super::BifFn; 4] = [trunc_1, round_1, floor_1, ceil_1];
        for (f, wants) in cases {
            for (g, want) in fns.iter().zip(wants) {
                let r = g(&mut p, &[Term::float(*f)]).expect("ok");
                assert_eq!(bignum::to_big(r), BigInt::from(*want), "{f}");
                // Canonical: small exactly when in the small range.
                let fits = i64::try_from(*want).ok().and_then(Term::try_small);
                assert_eq!(r.is_small(), fits.is_some());
            }
        }
        let max = 1.7976931348623157e308;
        let want = BigInt::from_f64(max).expect("finite");
        for g in fns {
            let r = g(&mut p, &[Term::float(max)]).expect("ok");
            assert_eq!(bignum::to_big(r), want);
            assert!(r.is_bignum());
            let i = big(&mut p, &pow2(80));
            assert_eq!(g(&mut p, &[i]).expect("ok"), i);
            assert_eq!(g(&mut p, &[Term::small(7)]).expect("ok"), Term::small(7));
            assert!(is_badarg(g(&mut p, &[Term::atom(atom::OK)])));
        }
    }

    /// OTP 25: abs(-0.0) =:= -0.0 (sign kept), '-'(0.0) is -0.0,
    /// '-'(a) and '+'(a) are badarith, abs(a) is badarg.
    #[test]
    fn abs_and_unary() {
        let mut p = proc();
        let r = abs_1(&mut p, &[Term::small(-1)]).expect("ok");
        assert_eq!(r, Term::small(1));
        let r = abs_1(&mut p, &[Term::small(SMALL_MIN)]).expect("ok");
        assert!(r.is_bignum());
        assert_eq!(bignum::to_big(r), -BigInt::from(SMALL_MIN));
        let nb = big(&mut p, &-pow2(80));
        let r = abs_1(&mut p, &[nb]).expect("ok");
        assert_eq!(bignum::to_big(r), pow2(80));
        let r = abs_1(&mut p, &[Term::float(-0.0)]).expect("ok");
        assert_eq!(r.float_value().to_bits(), (-0.0f64).to_bits());
        let r = abs_1(&mut p, &[Term::float(-2.5)]).expect("ok");
        assert_eq!(r.float_value(), 2.5);
        assert!(is_badarg(abs_1(&mut p, &[Term::atom(atom::OK)])));

        let r = neg_1(&mut p, &[Term::small(1)]).expect("ok");
        assert_eq!(r, Term::small(-1));
        let r = neg_1(&mut p, &[Term::small(SMALL_MIN)]).expect("ok");
        assert_eq!(bignum::to_big(r), -BigInt::from(SMALL_MIN));
        let r = neg_1(&mut p, &[nb]).expect("ok");
        assert_eq!(bignum::to_big(r), pow2(80));
        // -(2^47) is small again.
        let b47 = big(&mut p, &pow2(47));
        assert_eq!(neg_1(&mut p, &[b47]).expect("ok"), Term::small(SMALL_MIN));
        let r = neg_1(&mut p, &[Term::float(0.0)]).expect("ok");
        assert_eq!(r.float_value().to_bits(), (-0.0f64).to_bits());
        let a = Term::atom(atom::OK);
        let is_badarith =
            |r: BifResult| matches!(r, Err(e) if e.reason == Term::atom(atom::BADARITH));
        assert!(is_badarith(neg_1(&mut p, &[a])));
        assert!(is_badarith(plus_1(&mut p, &[a])));
        for t in [Term::small(3), nb, Term::float(-0.0)] {
            assert_eq!(plus_1(&mut p, &[t]).expect("ok"), t);
        }
    }

    #[test]
    fn table_is_complete() {
        assert_eq!(TABLE.len(), 22);
        for b in TABLE {
            assert_eq!(b.module, "erlang");
        }
    }
}
