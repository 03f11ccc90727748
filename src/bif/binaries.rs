//! Binary BIFs: `byte_size/1`, `bit_size/1`, `binary_to_list/1,3`,
//! `bitstring_to_list/1`, `list_to_binary/1`, `iolist_to_binary/1`,
//! `iolist_size/1`, `list_to_bitstring/1`, `split_binary/2`,
//! `binary_part/2,3`.
//!
//! Also owns the helpers other BIF files use to read binaries and cut them:
//! `bytes_of` (a whole-byte binary's content), `part` (a slice of a
//! bitstring as a new term: copied when small, else a sub-binary sharing
//! the original's bytes) and the iolist walker.
//!
//! Deep iolists are walked with an explicit stack of pending tails, never
//! by recursion.

use super::types::fixed;
use super::{Bif, BifResult, Exc};
use crate::heap::Heap;
use crate::process::Process;
use crate::term::binary::{self, Bits};
use crate::term::bitbuf::BitWriter;
use crate::term::{Kind, Term};
use std::borrow::Cow;

/// Parts shorter than this many bytes are copied rather than shared.
const SHARE_MIN_BYTES: u64 = 64;

/// The bytes of a binary (a bitstring of whole bytes), else `None`.
pub(crate) fn bytes_of<'a>(t: Term) -> Option<Cow<'a, [u8]>> {
    let b = binary::view(t)?;
    if b.is_binary() {
        Some(b.to_bytes())
    } else {
        None
    }
}

/// Bits `bit_off .. bit_off + bit_len` of bitstring `t` (whose view is
/// `v`) as a new term. Caller checked the range lies within `v`.
pub(crate) fn part(heap: &mut Heap, t: Term, v: &Bits, bit_off: u64, bit_len: u64) -> Term {
    let sub = Bits {
        data: v.data,
        offset: v.offset + bit_off,
        size: bit_len,
    };
    if bit_len < SHARE_MIN_BYTES * 8 || !t.is_boxed() {
        let bytes = sub.to_bytes();
        return heap.bitstring(&bytes, bit_len);
    }
    // A sub-binary always points at the HeapBin that owns the bytes.
    let orig = match t.header().kind() {
        Kind::SubBin => Term(t.word(3)),
        _ => t,
    };
    let (s, _) = heap.boxed(Kind::SubBin, 3);
    s.set_word(1, sub.offset);
    s.set_word(2, bit_len);
    s.set_word(3, orig.0);
    s
}

/// One leaf of an iolist / bitstring list.
pub(crate) enum Piece<'a> {
    Byte(u8),
    Bits(Bits<'a>),
}

/// Visit the leaves of `top` in order. `top` may be a list or a
/// bitstring; list elements are bytes (0..=255), bitstrings or lists, and
/// any tail may be a bitstring. Without `allow_bits`, every bitstring must
/// be a binary (whole bytes). Anything else is `badarg`.
pub(crate) fn walk_iolist(
    top: Term,
    allow_bits: bool,
    mut f: impl FnMut(Piece<'_>),
) -> Result<(), Exc> {
    let mut pending: Vec<Term> = Vec::new();
    let mut cur = top;
    loop {
        if cur.is_cons() {
            let (h, t) = cur.cons_parts();
            if h.is_small() {
                let b = u8::try_from(h.small_value()).map_err(|_| Exc::badarg())?;
                f(Piece::Byte(b));
                cur = t;
            } else if h.is_cons() {
                pending.push(t);
                cur = h;
            } else if h.is_nil() {
                cur = t;
            } else {
                let b = binary::view(h).ok_or_else(Exc::badarg)?;
                if !allow_bits && !b.is_binary() {
                    return Err(Exc::badarg());
                }
                f(Piece::Bits(b));
                cur = t;
            }
            continue;
        }
        if !cur.is_nil() {
            let b = binary::view(cur).ok_or_else(Exc::badarg)?;
            if !allow_bits && !b.is_binary() {
                return Err(Exc::badarg());
            }
            f(Piece::Bits(b));
        }
        match pending.pop() {
            Some(t) => cur = t,
            None => return Ok(()),
        }
    }
}

/// The bytes of an iolist (or binary).
pub(crate) fn iolist_bytes(top: Term) -> Result<Vec<u8>, Exc> {
    let mut out = Vec::new();
    walk_iolist(top, false, |piece| match piece {
        Piece::Byte(b) => out.push(b),
        Piece::Bits(b) => out.extend_from_slice(&b.to_bytes()),
    })?;
    Ok(out)
}

fn byte_size(_p: &mut Process, args: &[Term]) -> BifResult {
    let [b] = fixed(args)?;
    let v = binary::view(b).ok_or_else(Exc::badarg)?;
    Term::try_small(v.byte_size() as i64).ok_or_else(Exc::system_limit)
}

fn bit_size(p: &mut Process, args: &[Term]) -> BifResult {
    let [b] = fixed(args)?;
    let v = binary::view(b).ok_or_else(Exc::badarg)?;
    Ok(p.heap.int(v.size as i64))
}

fn binary_to_list(p: &mut Process, args: &[Term]) -> BifResult {
    let [b] = fixed(args)?;
    let bytes = bytes_of(b).ok_or_else(Exc::badarg)?;
    Ok(p.heap.byte_list(&bytes))
}

/// A small integer argument as i64, else `badarg`.
fn small(t: Term) -> Result<i64, Exc> {
    if t.is_small() {
        Ok(t.small_value())
    } else {
        Err(Exc::badarg())
    }
}

/// `binary_to_list(Bin, Start, Stop)`: bytes `Start..=Stop` (1-based) of
/// the whole bytes of a bitstring.
fn binary_to_list_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [b, start, stop] = fixed(args)?;
    let v = binary::view(b).ok_or_else(Exc::badarg)?;
    let (start, stop) = (small(start)?, small(stop)?);
    let whole = (v.size / 8) as i64;
    if start < 1 || start > stop || stop > whole {
        return Err(Exc::badarg());
    }
    let sub = Bits {
        data: v.data,
        offset: v.offset + (start as u64 - 1) * 8,
        size: (stop - start + 1) as u64 * 8,
    };
    Ok(p.heap.byte_list(&sub.to_bytes()))
}

/// `bitstring_to_list(<<1,2:3>>)` is `[1,<<2:3>>]`.
fn bitstring_to_list(p: &mut Process, args: &[Term]) -> BifResult {
    let [b] = fixed(args)?;
    let v = binary::view(b).ok_or_else(Exc::badarg)?;
    let rem = v.size % 8;
    let tail = if rem == 0 {
        Term::NIL
    } else {
        let last = part(&mut p.heap, b, &v, v.size - rem, rem);
        p.heap.cons(last, Term::NIL)
    };
    let whole = Bits {
        data: v.data,
        offset: v.offset,
        size: v.size - rem,
    };
    let mut acc = tail;
    for &byte in whole.to_bytes().iter().rev() {
        acc = p.heap.cons(Term::small(byte as i64), acc);
    }
    Ok(acc)
}

fn list_to_binary(p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    if !l.is_list() {
        return Err(Exc::badarg());
    }
    let bytes = iolist_bytes(l)?;
    Ok(p.heap.binary(&bytes))
}

fn iolist_to_binary(p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    if let Some(v) = binary::view(l) {
        return if v.is_binary() {
            Ok(l)
        } else {
            Err(Exc::badarg())
        };
    }
    let bytes = iolist_bytes(l)?;
    Ok(p.heap.binary(&bytes))
}

fn iolist_size(p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    let mut n: u64 = 0;
    walk_iolist(l, false, |piece| match piece {
        Piece::Byte(_) => n += 1,
        Piece::Bits(b) => n += b.size / 8,
    })?;
    Ok(p.heap.int(n as i64))
}

fn list_to_bitstring(p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    if !l.is_list() {
        return Err(Exc::badarg());
    }
    let mut w = BitWriter::default();
    walk_iolist(l, true, |piece| match piece {
        Piece::Byte(b) => w.push_bytes(&[b]),
        Piece::Bits(b) => w.push_prefix(&b.to_bytes(), b.size),
    })?;
    Ok(p.heap.bitstring(&w.bytes, w.bits))
}

/// `split_binary(Bin, N)`: `N` counts whole bytes; the second part keeps
/// any trailing bits.
fn split_binary(p: &mut Process, args: &[Term]) -> BifResult {
    let [b, n] = fixed(args)?;
    let v = binary::view(b).ok_or_else(Exc::badarg)?;
    let n = small(n)?;
    if n < 0 || n as u64 > v.size / 8 {
        return Err(Exc::badarg());
    }
    let cut = n as u64 * 8;
    let left = part(&mut p.heap, b, &v, 0, cut);
    let right = part(&mut p.heap, b, &v, cut, v.size - cut);
    Ok(p.heap.tuple(&[left, right]))
}

/// `binary_part(Bin, Start, Len)`: a negative `Len` counts back from
/// `Start`. The range must lie within the whole bytes of `Bin`.
fn binary_part_of(p: &mut Process, b: Term, start: Term, len: Term) -> BifResult {
    let v = binary::view(b).ok_or_else(Exc::badarg)?;
    let (start, len) = (small(start)?, small(len)?);
    let whole = (v.size / 8) as i64;
    let (from, to) = if len < 0 {
        (start + len, start)
    } else {
        (start, start + len)
    };
    if from < 0 || to > whole || start < 0 || start > whole {
        return Err(Exc::badarg());
    }
    Ok(part(
        &mut p.heap,
        b,
        &v,
        from as u64 * 8,
        (to - from) as u64 * 8,
    ))
}

fn binary_part_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [b, pos_len] = fixed(args)?;
    if !pos_len.is_tuple() || pos_len.tuple_arity() != 2 {
        return Err(Exc::badarg());
    }
    binary_part_of(p, b, pos_len.element(0), pos_len.element(1))
}

fn binary_part_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [b, start, len] = fixed(args)?;
    binary_part_of(p, b, start, len)
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
    e("byte_size", 1, byte_size),
    e("bit_size", 1, bit_size),
    e("binary_to_list", 1, binary_to_list),
    e("binary_to_list", 3, binary_to_list_3),
    e("bitstring_to_list", 1, bitstring_to_list),
    e("list_to_binary", 1, list_to_binary),
    e("iolist_to_binary", 1, iolist_to_binary),
    e("iolist_size", 1, iolist_size),
    e("list_to_bitstring", 1, list_to_bitstring),
    e("split_binary", 2, split_binary),
    e("binary_part", 2, binary_part_2),
    e("binary_part", 3, binary_part_3),
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
    /// (bytes padded, bit size) of a bitstring term.
    fn bits(t: Term) -> (Vec<u8>, u64) {
        let v = binary::view(t).expect("a bitstring");
        (v.to_bytes().into_owned(), v.size)
    }
    fn bin(t: Term) -> Vec<u8> {
        let (b, n) = bits(t);
        assert_eq!(n % 8, 0, "not a binary");
        b
    }
    fn ints(t: Term) -> Vec<i64> {
        t.iter_list().map(|x| x.small_value()).collect()
    }

    #[test]
    fn sizes() {
        let mut p = p();
        // erl: byte_size(<<1,2:3>>) -> 2; bit_size(<<1,2:3>>) -> 11
        let b = p.heap.bitstring(&[1, 0x40], 11);
        assert_eq!(byte_size(&mut p, &[b]).unwrap(), s(2));
        assert_eq!(bit_size(&mut p, &[b]).unwrap(), s(11));
        assert!(is_badarg(byte_size(&mut p, &[a("a")])));
        assert!(is_badarg(bit_size(&mut p, &[Term::NIL])));
    }

    #[test]
    fn binary_to_list_cases() {
        let mut p = p();
        let b = p.heap.binary(&[1, 2]);
        assert_eq!(ints(binary_to_list(&mut p, &[b]).unwrap()), vec![1, 2]);
        // erl: binary_to_list(<<1,2:3>>) -> badarg
        let bs = p.heap.bitstring(&[1, 0x40], 11);
        assert!(is_badarg(binary_to_list(&mut p, &[bs])));
        let b4 = p.heap.binary(&[1, 2, 3, 4]);
        // erl: binary_to_list(<<1,2,3,4>>,2,3) -> [2,3]; (…,2,2) -> [2]
        assert_eq!(
            ints(binary_to_list_3(&mut p, &[b4, s(2), s(3)]).unwrap()),
            vec![2, 3]
        );
        assert_eq!(
            ints(binary_to_list_3(&mut p, &[b4, s(2), s(2)]).unwrap()),
            vec![2]
        );
        // erl: (3,2), (0,2), (2,5), (a,3) -> badarg; <<>>,1,0 -> badarg
        assert!(is_badarg(binary_to_list_3(&mut p, &[b4, s(3), s(2)])));
        assert!(is_badarg(binary_to_list_3(&mut p, &[b4, s(0), s(2)])));
        assert!(is_badarg(binary_to_list_3(&mut p, &[b4, s(2), s(5)])));
        assert!(is_badarg(binary_to_list_3(&mut p, &[b4, a("a"), s(3)])));
        let e = p.heap.binary(&[]);
        assert!(is_badarg(binary_to_list_3(&mut p, &[e, s(1), s(0)])));
        // erl: binary_to_list(<<1,2,3,4,5:3>>,2,3) -> [2,3]; (…,4,4) -> [4];
        // (…,5,5) -> badarg; binary_to_list(<<1,2:3>>,1,1) -> [1]
        let b5 = p.heap.bitstring(&[1, 2, 3, 4, 0xA0], 35);
        assert_eq!(
            ints(binary_to_list_3(&mut p, &[b5, s(2), s(3)]).unwrap()),
            vec![2, 3]
        );
        assert_eq!(
            ints(binary_to_list_3(&mut p, &[b5, s(4), s(4)]).unwrap()),
            vec![4]
        );
        assert!(is_badarg(binary_to_list_3(&mut p, &[b5, s(5), s(5)])));
        assert_eq!(
            ints(binary_to_list_3(&mut p, &[bs, s(1), s(1)]).unwrap()),
            vec![1]
        );
    }

    #[test]
    fn bitstring_to_list_cases() {
        let mut p = p();
        // erl: bitstring_to_list(<<1,2:3>>) -> [1,<<2:3>>]
        let b = p.heap.bitstring(&[1, 0x40], 11);
        let l = bitstring_to_list(&mut p, &[b]).unwrap();
        assert_eq!(l.head(), s(1));
        assert_eq!(bits(l.tail().head()), (vec![0x40], 3));
        assert!(l.tail().tail().is_nil());
        let b = p.heap.binary(&[1, 2]);
        assert_eq!(ints(bitstring_to_list(&mut p, &[b]).unwrap()), vec![1, 2]);
        let e = p.heap.binary(&[]);
        assert_eq!(bitstring_to_list(&mut p, &[e]).unwrap(), Term::NIL);
        assert!(is_badarg(bitstring_to_list(&mut p, &[a("a")])));
    }

    #[test]
    fn list_to_binary_cases() {
        let mut p = p();
        // erl: list_to_binary([1,[2,<<3>>],<<4>>|<<5>>]) -> <<1,2,3,4,5>>
        let b3 = p.heap.binary(&[3]);
        let b4 = p.heap.binary(&[4]);
        let b5 = p.heap.binary(&[5]);
        let inner = p.heap.list(&[s(2), b3]);
        let l = p.heap.list_with_tail(&[s(1), inner, b4], b5);
        assert_eq!(
            bin(list_to_binary(&mut p, &[l]).unwrap()),
            vec![1, 2, 3, 4, 5]
        );
        // erl: list_to_binary([[]|[]]) -> <<>>
        let l = p.heap.list(&[Term::NIL]);
        assert_eq!(bin(list_to_binary(&mut p, &[l]).unwrap()), Vec::<u8>::new());
        // erl: [1|2], <<1>>, [256], [-1], [<<1:1>>], [a], [1|<<2:3>>] -> badarg
        let imp = p.heap.cons(s(1), s(2));
        assert!(is_badarg(list_to_binary(&mut p, &[imp])));
        let b1 = p.heap.binary(&[1]);
        assert!(is_badarg(list_to_binary(&mut p, &[b1])));
        let bit = p.heap.bitstring(&[0x80], 1);
        for bad in [s(256), s(-1), bit, a("a")] {
            let l = p.heap.list(&[bad]);
            assert!(is_badarg(list_to_binary(&mut p, &[l])));
        }
        let bit3 = p.heap.bitstring(&[0x40], 3);
        let l = p.heap.cons(s(1), bit3);
        assert!(is_badarg(list_to_binary(&mut p, &[l])));
    }

    #[test]
    fn deep_iolist_does_not_recurse() {
        let mut p = p();
        let mut l = p.heap.list(&[s(7)]);
        for _ in 0..200_000 {
            l = p.heap.list(&[l]);
        }
        let l = p.heap.list(&[l, s(8)]);
        assert_eq!(bin(iolist_to_binary(&mut p, &[l]).unwrap()), vec![7, 8]);
        assert_eq!(iolist_size(&mut p, &[l]).unwrap(), s(2));
    }

    #[test]
    fn iolist_to_binary_and_size() {
        let mut p = p();
        let b12 = p.heap.binary(&[1, 2]);
        // erl: iolist_to_binary(<<1,2>>) -> <<1,2>>; (<<1,2:3>>) -> badarg
        assert_eq!(iolist_to_binary(&mut p, &[b12]).unwrap(), b12);
        let bs = p.heap.bitstring(&[1, 0x40], 11);
        assert!(is_badarg(iolist_to_binary(&mut p, &[bs])));
        // erl: iolist_to_binary([1|<<2>>]) -> <<1,2>>; (a) -> badarg
        let b2 = p.heap.binary(&[2]);
        let l = p.heap.cons(s(1), b2);
        assert_eq!(bin(iolist_to_binary(&mut p, &[l]).unwrap()), vec![1, 2]);
        assert!(is_badarg(iolist_to_binary(&mut p, &[a("a")])));
        // erl: iolist_size([1,<<2,3>>|<<4>>]) -> 4; (<<1,2>>) -> 2
        let b23 = p.heap.binary(&[2, 3]);
        let b4 = p.heap.binary(&[4]);
        let l = p.heap.list_with_tail(&[s(1), b23], b4);
        assert_eq!(iolist_size(&mut p, &[l]).unwrap(), s(4));
        assert_eq!(iolist_size(&mut p, &[b12]).unwrap(), s(2));
        // erl: iolist_size(<<1,2:1>>), ([1|a]), ([300]), (a) -> badarg
        let b9 = p.heap.bitstring(&[1, 0x80], 9);
        assert!(is_badarg(iolist_size(&mut p, &[b9])));
        let imp = p.heap.cons(s(1), a("a"));
        assert!(is_badarg(iolist_size(&mut p, &[imp])));
        let l = p.heap.list(&[s(300)]);
        assert!(is_badarg(iolist_size(&mut p, &[l])));
        assert!(is_badarg(iolist_size(&mut p, &[a("a")])));
    }

    #[test]
    fn list_to_bitstring_cases() {
        let mut p = p();
        // erl: list_to_bitstring([1,<<2:3>>,<<3:5>>]) -> <<1,67>>
        let b2 = p.heap.bitstring(&[2 << 5], 3);
        let b3 = p.heap.bitstring(&[3 << 3], 5);
        let l = p.heap.list(&[s(1), b2, b3]);
        assert_eq!(
            bits(list_to_bitstring(&mut p, &[l]).unwrap()),
            (vec![1, 67], 16)
        );
        // erl: list_to_bitstring([1,<<2:3>>|<<3:5>>]) -> <<1,67>>
        let l = p.heap.list_with_tail(&[s(1), b2], b3);
        assert_eq!(
            bits(list_to_bitstring(&mut p, &[l]).unwrap()),
            (vec![1, 67], 16)
        );
        // erl: list_to_bitstring([<<2:3>>,1]) -> <<64,1:3>>
        let l = p.heap.list(&[b2, s(1)]);
        assert_eq!(
            bits(list_to_bitstring(&mut p, &[l]).unwrap()),
            (vec![64, 1 << 5], 11)
        );
        // erl: (<<1:1>>), ([1|2]), ([256]) -> badarg
        let bit = p.heap.bitstring(&[0x80], 1);
        assert!(is_badarg(list_to_bitstring(&mut p, &[bit])));
        let imp = p.heap.cons(s(1), s(2));
        assert!(is_badarg(list_to_bitstring(&mut p, &[imp])));
        let l = p.heap.list(&[s(256)]);
        assert!(is_badarg(list_to_bitstring(&mut p, &[l])));
    }

    #[test]
    fn split_binary_cases() {
        let mut p = p();
        let b = p.heap.binary(&[1, 2, 3]);
        // erl: split_binary(<<1,2,3>>,1) -> {<<1>>,<<2,3>>}; 0 and 3 too
        let r = split_binary(&mut p, &[b, s(1)]).unwrap();
        assert_eq!(
            (bin(r.element(0)), bin(r.element(1))),
            (vec![1], vec![2, 3])
        );
        let r = split_binary(&mut p, &[b, s(0)]).unwrap();
        assert_eq!(
            (bin(r.element(0)), bin(r.element(1))),
            (vec![], vec![1, 2, 3])
        );
        let r = split_binary(&mut p, &[b, s(3)]).unwrap();
        assert_eq!(
            (bin(r.element(0)), bin(r.element(1))),
            (vec![1, 2, 3], vec![])
        );
        // erl: 4, -1, a; split_binary(a,0) -> badarg
        assert!(is_badarg(split_binary(&mut p, &[b, s(4)])));
        assert!(is_badarg(split_binary(&mut p, &[b, s(-1)])));
        assert!(is_badarg(split_binary(&mut p, &[b, a("a")])));
        assert!(is_badarg(split_binary(&mut p, &[a("a"), s(0)])));
        // erl: split_binary(<<1,2,3:4>>,1) -> {<<1>>,<<2,3:4>>}; 2 ok; 3 badarg
        let bs = p.heap.bitstring(&[1, 2, 0x30], 20);
        let r = split_binary(&mut p, &[bs, s(1)]).unwrap();
        assert_eq!(bin(r.element(0)), vec![1]);
        assert_eq!(bits(r.element(1)), (vec![2, 0x30], 12));
        let r = split_binary(&mut p, &[bs, s(2)]).unwrap();
        assert_eq!(bits(r.element(1)), (vec![0x30], 4));
        assert!(is_badarg(split_binary(&mut p, &[bs, s(3)])));
    }

    /// Large parts share the original bytes through sub-binaries, and
    /// parts of parts stay correct.
    #[test]
    fn shared_parts() {
        let mut p = p();
        let data: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
        let b = p.heap.binary(&data);
        let r = split_binary(&mut p, &[b, s(100)]).unwrap();
        let right = r.element(1);
        assert_eq!(right.header().kind(), Kind::SubBin);
        assert_eq!(bin(right), data[100..].to_vec());
        let r2 = split_binary(&mut p, &[right, s(300)]).unwrap();
        assert_eq!(bin(r2.element(0)), data[100..400].to_vec());
        assert_eq!(bin(r2.element(1)), data[400..].to_vec());
        let bp = binary_part_3(&mut p, &[r2.element(1), s(500), s(-200)]).unwrap();
        assert_eq!(bin(bp), data[700..900].to_vec());
        let back = order::compare(r2.element(1), p.heap.binary(&data[400..]), true);
        assert_eq!(back, std::cmp::Ordering::Equal);
    }

    #[test]
    fn binary_part_cases() {
        let mut p = p();
        let b = p.heap.binary(&[1, 2, 3]);
        let pl = |p: &mut Process, x: i64, y: i64| p.heap.tuple(&[s(x), s(y)]);
        // erl: binary_part(<<1,2,3>>,{1,2}) -> <<2,3>>; {3,-2} -> <<2,3>>;
        // {3,0} -> <<>>
        let t = pl(&mut p, 1, 2);
        assert_eq!(bin(binary_part_2(&mut p, &[b, t]).unwrap()), vec![2, 3]);
        let t = pl(&mut p, 3, -2);
        assert_eq!(bin(binary_part_2(&mut p, &[b, t]).unwrap()), vec![2, 3]);
        let t = pl(&mut p, 3, 0);
        assert_eq!(bin(binary_part_2(&mut p, &[b, t]).unwrap()), vec![]);
        // erl: {3,-4}, {4,0}, {1,3} -> badarg; {1,2,3}, a -> badarg
        for (x, y) in [(3, -4), (4, 0), (1, 3)] {
            let t = pl(&mut p, x, y);
            assert!(is_badarg(binary_part_2(&mut p, &[b, t])));
        }
        let t3 = p.heap.tuple(&[s(1), s(2), s(3)]);
        assert!(is_badarg(binary_part_2(&mut p, &[b, t3])));
        assert!(is_badarg(binary_part_2(&mut p, &[b, a("a")])));
        // erl: binary_part(<<1,2,3>>,1,2) -> <<2,3>>; (…,-1,1) -> badarg
        assert_eq!(
            bin(binary_part_3(&mut p, &[b, s(1), s(2)]).unwrap()),
            vec![2, 3]
        );
        assert!(is_badarg(binary_part_3(&mut p, &[b, s(-1), s(1)])));
        // erl: binary_part(<<1,2,3>>,{0,1 bsl 64}) -> badarg; (a,0,0) -> badarg
        let big = p.heap.int(i64::MAX);
        let t = p.heap.tuple(&[s(0), big]);
        assert!(is_badarg(binary_part_2(&mut p, &[b, t])));
        assert!(is_badarg(binary_part_3(&mut p, &[a("a"), s(0), s(0)])));
        // erl: binary_part(<<1,2,3:4>>,0,1) -> <<1>>; (…,2,1), {3,-1} -> badarg
        let bs = p.heap.bitstring(&[1, 2, 0x30], 20);
        assert_eq!(
            bin(binary_part_3(&mut p, &[bs, s(0), s(1)]).unwrap()),
            vec![1]
        );
        assert!(is_badarg(binary_part_3(&mut p, &[bs, s(2), s(1)])));
        assert!(is_badarg(binary_part_3(&mut p, &[bs, s(3), s(-1)])));
    }

    #[test]
    fn bitwriter_unaligned_runs() {
        let mut w = BitWriter::default();
        w.push_prefix(&[0b1010_0000], 3);
        w.push_prefix(&[0xFF, 0xFF], 9);
        w.push_prefix(&[0b0100_0000], 2);
        assert_eq!(w.bits, 14);
        assert_eq!(w.bytes, vec![0b1011_1111, 0b1111_0100]);
    }
}
