//! Arithmetic BIFs: `+ - * / div rem band bor bxor bsl bsr bnot`.
//!
//! Small-integer fast paths first; bignums through `num-bigint`; floats
//! never become NaN or infinite (that is `badarith`). The interpreter's
//! inline fast paths (and the JIT's) must agree with these functions.

use super::{Bif, Exc};
use crate::process::Process;
use crate::term::{bignum, Term};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

/// A number as f64 (`badarith` callers: None for non-numbers and for
/// bignums too large for a float).
pub fn to_f64(t: Term) -> Option<f64> {
    if t.is_float() {
        Some(t.float_value())
    } else if t.is_small() {
        Some(t.small_value() as f64)
    } else if t.is_bignum() {
        // rounded one 64-bit digit at a time, as OTP does (and float/1)
        super::num::int_to_f64(t)
    } else {
        None
    }
}

#[inline]
fn float_result(f: f64) -> Result<Term, Exc> {
    if f.is_finite() {
        Ok(Term::float(f))
    } else {
        Err(Exc::badarith())
    }
}

fn float_op(a: Term, b: Term, op: fn(f64, f64) -> f64) -> Result<Term, Exc> {
    let (x, y) = (
        to_f64(a).ok_or_else(Exc::badarith)?,
        to_f64(b).ok_or_else(Exc::badarith)?,
    );
    float_result(op(x, y))
}

fn ints(a: Term, b: Term) -> Result<(BigInt, BigInt), Exc> {
    if a.is_integer() && b.is_integer() {
        Ok((bignum::to_big(a), bignum::to_big(b)))
    } else {
        Err(Exc::badarith())
    }
}

pub fn add(p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    if a.is_small() && b.is_small() {
        return Ok(p.heap.int(a.small_value() + b.small_value()));
    }
    if a.is_float() || b.is_float() {
        return float_op(a, b, |x, y| x + y);
    }
    let (x, y) = ints(a, b)?;
    Ok(bignum::from_big(&mut p.heap, &(x + y)))
}

pub fn sub(p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    if a.is_small() && b.is_small() {
        return Ok(p.heap.int(a.small_value() - b.small_value()));
    }
    if a.is_float() || b.is_float() {
        return float_op(a, b, |x, y| x - y);
    }
    let (x, y) = ints(a, b)?;
    Ok(bignum::from_big(&mut p.heap, &(x - y)))
}

pub fn mul(p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    if a.is_small() && b.is_small() {
        let r = a.small_value() as i128 * b.small_value() as i128;
        return Ok(bignum::from_i128(&mut p.heap, r));
    }
    if a.is_float() || b.is_float() {
        return float_op(a, b, |x, y| x * y);
    }
    let (x, y) = ints(a, b)?;
    Ok(bignum::from_big(&mut p.heap, &(x * y)))
}

pub fn fdiv(_p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    let (x, y) = (
        to_f64(a).ok_or_else(Exc::badarith)?,
        to_f64(b).ok_or_else(Exc::badarith)?,
    );
    if y == 0.0 {
        return Err(Exc::badarith());
    }
    float_result(x / y)
}

pub fn idiv(p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    if a.is_small() && b.is_small() {
        let (x, y) = (a.small_value(), b.small_value());
        if y == 0 {
            return Err(Exc::badarith());
        }
        return Ok(p.heap.int(x / y));
    }
    let (x, y) = ints(a, b)?;
    if y.is_zero() {
        return Err(Exc::badarith());
    }
    Ok(bignum::from_big(&mut p.heap, &(x / y)))
}

pub fn rem(p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    if a.is_small() && b.is_small() {
        let (x, y) = (a.small_value(), b.small_value());
        if y == 0 {
            return Err(Exc::badarith());
        }
        return Ok(Term::small(x % y));
    }
    let (x, y) = ints(a, b)?;
    if y.is_zero() {
        return Err(Exc::badarith());
    }
    Ok(bignum::from_big(&mut p.heap, &(x % y)))
}

fn bitop(
    p: &mut Process,
    a: Term,
    b: Term,
    small: fn(i64, i64) -> i64,
    big: fn(&BigInt, &BigInt) -> BigInt,
) -> Result<Term, Exc> {
    if a.is_small() && b.is_small() {
        return Ok(Term::small(small(a.small_value(), b.small_value())));
    }
    let (x, y) = ints(a, b)?;
    Ok(bignum::from_big(&mut p.heap, &big(&x, &y)))
}

pub fn band(p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    bitop(p, a, b, |x, y| x & y, |x, y| x & y)
}
pub fn bor(p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    bitop(p, a, b, |x, y| x | y, |x, y| x | y)
}
pub fn bxor(p: &mut Process, a: Term, b: Term) -> Result<Term, Exc> {
    bitop(p, a, b, |x, y| x ^ y, |x, y| x ^ y)
}

/// Shift left by `n` (negative: right). Results beyond 2^(2^32) bits are
/// `system_limit`, as in OTP.
pub fn shift(p: &mut Process, a: Term, n: Term) -> Result<Term, Exc> {
    if !a.is_integer() || !n.is_integer() {
        return Err(Exc::badarith());
    }
    let Some(n) = bignum::to_i64(n) else {
        // astronomically large shift count
        if bignum::is_negative(n) {
            return Ok(Term::small(if bignum::is_negative(a) { -1 } else { 0 }));
        }
        if bignum::is_zero(a) {
            return Ok(Term::small(0));
        }
        return Err(Exc::system_limit());
    };
    if a.is_small() {
        let v = a.small_value();
        if n <= 0 {
            let s = (-n).min(63) as u32;
            return Ok(Term::small(v >> s));
        }
        if n < 16 {
            return Ok(p.heap.int(v << n));
        }
    }
    let x = bignum::to_big(a);
    if n >= 0 {
        if n > (1 << 32) && !x.is_zero() {
            return Err(Exc::system_limit());
        }
        Ok(bignum::from_big(&mut p.heap, &(x << n as usize)))
    } else {
        let s = n.unsigned_abs();
        let r = if s > x.bits() + 1 {
            if x.is_negative() {
                BigInt::from(-1)
            } else {
                BigInt::zero()
            }
        } else {
            // arithmetic shift: floor division by 2^s
            x.div_floor(&(BigInt::from(1) << s as usize))
        };
        Ok(bignum::from_big(&mut p.heap, &r))
    }
}

pub fn bnot(p: &mut Process, a: Term) -> Result<Term, Exc> {
    if a.is_small() {
        return Ok(Term::small(!a.small_value()));
    }
    if !a.is_integer() {
        return Err(Exc::badarith());
    }
    Ok(bignum::from_big(&mut p.heap, &!bignum::to_big(a)))
}

fn b_add(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    add(p, a[0], a[1])
}
fn b_sub(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    sub(p, a[0], a[1])
}
fn b_mul(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    mul(p, a[0], a[1])
}
fn b_fdiv(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    fdiv(p, a[0], a[1])
}
fn b_div(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    idiv(p, a[0], a[1])
}
fn b_rem(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    rem(p, a[0], a[1])
}
fn b_band(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    band(p, a[0], a[1])
}
fn b_bor(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    bor(p, a[0], a[1])
}
fn b_bxor(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    bxor(p, a[0], a[1])
}
fn b_bsl(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    shift(p, a[0], a[1])
}
fn b_bsr(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    if !a[1].is_integer() {
        return Err(Exc::badarith());
    }
    let neg = crate::bif::arith::sub(p, Term::small(0), a[1])?;
    shift(p, a[0], neg)
}
fn b_bnot(p: &mut Process, a: &[Term]) -> Result<Term, Exc> {
    bnot(p, a[0])
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "erlang",
        name: "+",
        arity: 2,
        f: b_add,
    },
    Bif {
        module: "erlang",
        name: "-",
        arity: 2,
        f: b_sub,
    },
    Bif {
        module: "erlang",
        name: "*",
        arity: 2,
        f: b_mul,
    },
    Bif {
        module: "erlang",
        name: "/",
        arity: 2,
        f: b_fdiv,
    },
    Bif {
        module: "erlang",
        name: "div",
        arity: 2,
        f: b_div,
    },
    Bif {
        module: "erlang",
        name: "rem",
        arity: 2,
        f: b_rem,
    },
    Bif {
        module: "erlang",
        name: "band",
        arity: 2,
        f: b_band,
    },
    Bif {
        module: "erlang",
        name: "bor",
        arity: 2,
        f: b_bor,
    },
    Bif {
        module: "erlang",
        name: "bxor",
        arity: 2,
        f: b_bxor,
    },
    Bif {
        module: "erlang",
        name: "bsl",
        arity: 2,
        f: b_bsl,
    },
    Bif {
        module: "erlang",
        name: "bsr",
        arity: 2,
        f: b_bsr,
    },
    Bif {
        module: "erlang",
        name: "bnot",
        arity: 1,
        f: b_bnot,
    },
];
