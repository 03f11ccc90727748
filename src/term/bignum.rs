//! Bignums: integers outside the small range, stored on the heap as
//! sign-in-header magnitude limbs (see `boxed`), computed with `num-bigint`.
//!
//! Every integer result goes through [`from_big`] / [`from_i128`], which
//! return a small integer whenever the value fits: a bignum term is never
//! in the small range (term equality relies on this canonical form).

use super::{Kind, Term};
use crate::heap::Heap;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};

/// The value of an integer term (small or bignum) as a `BigInt`.
pub fn to_big(t: Term) -> BigInt {
    if t.is_small() {
        return BigInt::from(t.small_value());
    }
    let h = t.header();
    let n = h.size();
    let mut digits = Vec::with_capacity(n * 2);
    for i in 0..n {
        let w = t.word(1 + i);
        digits.push(w as u32);
        digits.push((w >> 32) as u32);
    }
    let mag = BigUint::new(digits);
    let sign = if h.kind() == Kind::NegBig {
        Sign::Minus
    } else {
        Sign::Plus
    };
    BigInt::from_biguint(sign, mag)
}

/// An integer term from a `BigInt` (small when it fits).
pub fn from_big(heap: &mut Heap, v: &BigInt) -> Term {
    if let Some(i) = v.to_i64() {
        if let Some(t) = Term::try_small(i) {
            return t;
        }
    }
    let (sign, limbs) = v.to_u64_digits();
    let kind = if sign == Sign::Minus {
        Kind::NegBig
    } else {
        Kind::PosBig
    };
    let (t, body) = heap.boxed(kind, limbs.len());
    for (i, l) in limbs.iter().enumerate() {
        // SAFETY: `body` has `limbs.len()` words.
        unsafe { *body.add(i) = *l };
    }
    t
}

pub fn from_i128(heap: &mut Heap, v: i128) -> Term {
    if let Ok(i) = i64::try_from(v) {
        if let Some(t) = Term::try_small(i) {
            return t;
        }
    }
    from_big(heap, &BigInt::from(v))
}

/// An integer term as i64 if it fits.
pub fn to_i64(t: Term) -> Option<i64> {
    if t.is_small() {
        Some(t.small_value())
    } else if t.is_bignum() {
        to_big(t).to_i64()
    } else {
        None
    }
}

pub fn is_zero(t: Term) -> bool {
    t.is_small() && t.small_value() == 0 || (t.is_bignum() && to_big(t).is_zero())
}

/// Sign of a bignum term (true = negative).
pub fn is_negative(t: Term) -> bool {
    if t.is_small() {
        t.small_value() < 0
    } else {
        t.header().kind() == Kind::NegBig
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_small() {
        let mut h = Heap::new(0);
        let t = from_big(&mut h, &BigInt::from(42));
        assert!(t.is_small());
        let big = BigInt::from(1u64 << 62) * BigInt::from(-5);
        let t = from_big(&mut h, &big);
        assert!(t.is_bignum());
        assert_eq!(to_big(t), big);
        let edge = BigInt::from(super::super::SMALL_MAX) + 1;
        let t = from_big(&mut h, &edge);
        assert!(t.is_bignum());
        assert_eq!(to_big(t), edge);
    }
}
