//! Term hashing and checksums: `erlang:phash/2`, `erlang:phash2/1,2`,
//! `crc32/1,2`, `crc32_combine/3`, `adler32/1,2`, `adler32_combine/3`,
//! `md5/1`, `md5_init/0`, `md5_update/2`, `md5_final/1`.
//!
//! The term hashes reproduce OTP 25's values bit for bit (programs'
//! output depends on them through `sets`, `dict`, `gb_*` and friends):
//!
//! - [`hash2`] is ERTS `make_hash2` (behind `phash2`): Bob Jenkins' 96-bit
//!   mix over 32-bit chunks, each term type salted with its own multiple
//!   of the golden-ratio constant. Integers that fit 28 signed bits are
//!   hashed as 32-bit values; all others as 64-bit magnitude digits, so
//!   the value does not depend on OTP's (or this VM's) small-integer
//!   range. Map pairs are hashed independently and xor-ed, so the result
//!   does not depend on key order (flat map or HAMT alike).
//! - [`hash1`] is ERTS `make_hash` (behind the deprecated `phash`): a
//!   byte-wise multiplicative hash with prime constants.
//! - Atoms are hashed by hashpjw over their UTF-8 name, where a two-byte
//!   sequence for a code point below 256 counts as one byte.
//!
//! Pids, ports and references hash their serial numbers (stable within a
//! run, as in OTP, but not the same numbers as OTP's).
//!
//! Every walk uses an explicit work stack, never recursion.

use super::binaries::iolist_bytes;
use super::types::fixed;
use super::{Bif, BifResult, Exc};
use crate::code;
use crate::process::Process;
use crate::term::{atom, binary, Atom, Kind, Term};

// ---- atoms -----------------------------------------------------------------

/// hashpjw over an atom's UTF-8 text, with OTP's "latin1 clutch": a lead
/// byte 0xC2/0xC3 followed by a continuation byte is folded into the one
/// latin1 byte it encodes.
fn pjw(name: &[u8]) -> u32 {
    let mut h: u32 = 0;
    let mut i = 0;
    while i < name.len() {
        let mut v = name[i];
        i += 1;
        if i < name.len() && (v & 0xFE) == 0xC2 && (name[i] & 0xC0) == 0x80 {
            v = (v << 6) | (name[i] & 0x3F);
            i += 1;
        }
        h = (h << 4).wrapping_add(v as u32);
        let g = h & 0xF000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    }
    h
}

/// The hash OTP keeps for every atom (`atom_tab(i)->slot.bucket.hvalue`).
pub fn atom_hash(a: Atom) -> u32 {
    atom::with_name(a, |s| pjw(s.as_bytes()))
}

// ---- shared term views -----------------------------------------------------

/// The magnitude of an integer as 64-bit digits (least significant
/// first, no leading zero digit except for zero itself) and its sign.
fn int_digits(t: Term) -> (Vec<u64>, bool) {
    if t.is_small() {
        let v = t.small_value();
        (vec![v.unsigned_abs()], v < 0)
    } else {
        let n = t.header().size();
        let mut d: Vec<u64> = (0..n).map(|i| t.word(1 + i)).collect();
        while d.len() > 1 && d.last() == Some(&0) {
            d.pop();
        }
        if d.is_empty() {
            d.push(0);
        }
        (d, t.header().kind() == Kind::NegBig)
    }
}

/// A bitstring as (bytes padded to whole bytes, whole byte count, trailing
/// bit count).
fn bits_of(t: Term) -> (Vec<u8>, usize, u32) {
    match binary::view(t) {
        Some(b) => {
            let bytes = b.to_bytes().into_owned();
            (bytes, (b.size / 8) as usize, (b.size % 8) as u32)
        }
        None => (Vec::new(), 0, 0),
    }
}

/// The float's bits with -0.0 folded into 0.0 (OTP hashes them alike).
fn float_bits(t: Term) -> u64 {
    let f = t.float_value();
    if f == 0.0 {
        0
    } else {
        f.to_bits()
    }
}

/// A reference's number (word 1 of a `Ref` object).
fn ref_number(t: Term) -> u32 {
    t.word(1) as u32
}

// ---- make_hash2 (phash2) ---------------------------------------------------

const HCONST: u32 = 0x9e37_79b9;
const HCONST_2: u32 = 0x3c6e_f372;
const HCONST_3: u32 = 0xdaa6_6d2b;
const HCONST_4: u32 = 0x78dd_e6e4;
const HCONST_5: u32 = 0x1715_609d;
const HCONST_6: u32 = 0xb54c_da56;
const HCONST_7: u32 = 0x5384_540f;
const HCONST_9: u32 = 0x8ff3_4781;
const HCONST_10: u32 = 0x2e2a_c13a;
const HCONST_11: u32 = 0xcc62_3af3;
const HCONST_12: u32 = 0x6a99_b4ac;
const HCONST_13: u32 = 0x08d1_2e65;
const HCONST_14: u32 = 0xa708_a81e;
const HCONST_15: u32 = 0x4540_21d7;
const HCONST_16: u32 = 0xe377_9b90;
const HCONST_19: u32 = 0xbe1e_08bb;

/// `hash` of `[]` when nothing was hashed before it.
const NIL_ALONE: u32 = 3_468_870_702;
/// OTP's internal tag number for `[]` (`NIL_DEF`), mixed in otherwise.
const NIL_DEF: u32 = 2;

/// Bob Jenkins' mix of three 32-bit words.
#[inline]
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    macro_rules! step {
        ($x:ident, $y:ident, $z:ident, $op:tt, $s:expr) => {
            *$x = $x.wrapping_sub(*$y).wrapping_sub(*$z);
            *$x ^= *$z $op $s;
        };
    }
    step!(a, b, c, >>, 13);
    step!(b, c, a, <<, 8);
    step!(c, a, b, >>, 13);
    step!(a, b, c, >>, 12);
    step!(b, c, a, <<, 16);
    step!(c, a, b, >>, 5);
    step!(a, b, c, >>, 3);
    step!(b, c, a, <<, 10);
    step!(c, a, b, >>, 15);
}

/// Mix two 32-bit values, salted with `k`, into `hash`.
#[inline]
fn mix2(hash: &mut u32, x: u32, y: u32, k: u32) {
    let mut a = k.wrapping_add(x);
    let mut b = k.wrapping_add(y);
    mix(&mut a, &mut b, hash);
}

#[inline]
fn mix1(hash: &mut u32, x: u32, k: u32) {
    mix2(hash, x, 0, k);
}

/// Jenkins' lookup2 hash of a byte block, chained from `init`.
fn block_hash(k: &[u8], init: u32) -> u32 {
    let word = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
    let (mut a, mut b, mut c) = (HCONST, HCONST, init);
    let mut chunks = k.chunks_exact(12);
    for ch in &mut chunks {
        a = a.wrapping_add(word(&ch[0..4]));
        b = b.wrapping_add(word(&ch[4..8]));
        c = c.wrapping_add(word(&ch[8..12]));
        mix(&mut a, &mut b, &mut c);
    }
    let rest = chunks.remainder();
    c = c.wrapping_add(k.len() as u32);
    // Bytes 0..4 go to a, 4..8 to b, 8..11 to c shifted past its low byte
    // (which the length took).
    for (i, &byte) in rest.iter().enumerate() {
        let v = byte as u32;
        match i {
            0..=3 => a = a.wrapping_add(v << (8 * i)),
            4..=7 => b = b.wrapping_add(v << (8 * (i - 4))),
            _ => c = c.wrapping_add(v << (8 * (i - 7))),
        }
    }
    mix(&mut a, &mut b, &mut c);
    c
}

enum Work2 {
    Term(Term),
    /// A map pair's key and value are hashed: fold it into the xor.
    Pair,
    /// All pairs of a map are done: restore the outer state.
    MapEnd {
        hash: u32,
        xor: u32,
    },
}

/// OTP's `make_hash2`: the full 32-bit value behind `phash2`.
pub fn hash2(t: Term) -> u32 {
    let mut hash: u32 = 0;
    let mut xor: u32 = 0;
    let mut stack: Vec<Work2> = Vec::new();
    let mut term = t;
    'terms: loop {
        // Hash `term` into `hash`; `continue 'terms` to hash a new `term`
        // right away (the first element of a compound), else fall through
        // to take the next work item.
        if term.is_cons() {
            let mut c = 0;
            let mut sh: u32 = 0;
            let mut cur = term;
            loop {
                let (h, tl) = cur.cons_parts();
                if !(h.is_small() && (0..=255).contains(&h.small_value())) {
                    break;
                }
                sh = (sh << 8).wrapping_add(h.small_value() as u32);
                if c == 3 {
                    mix1(&mut hash, sh, HCONST_4);
                    c = 0;
                    sh = 0;
                } else {
                    c += 1;
                }
                cur = tl;
                if !cur.is_cons() {
                    break;
                }
            }
            if c > 0 {
                mix1(&mut hash, sh, HCONST_4);
            }
            if cur.is_cons() {
                let (h, tl) = cur.cons_parts();
                stack.push(Work2::Term(tl));
                term = h;
            } else {
                term = cur;
            }
            continue 'terms;
        } else if term.is_nil() {
            if hash == 0 {
                hash = NIL_ALONE;
            } else {
                mix1(&mut hash, NIL_DEF, HCONST_2);
            }
        } else if term.is_atom() {
            let ah = atom_hash(term.atom_value());
            if hash == 0 {
                hash = ah;
            } else {
                mix1(&mut hash, ah, HCONST_3);
            }
        } else if term.is_small() && (-(1 << 27)..(1 << 27)).contains(&term.small_value()) {
            let y = term.small_value() as i32;
            if y < 0 {
                mix1(&mut hash, y.wrapping_neg() as u32, HCONST);
            }
            mix1(&mut hash, y as u32, HCONST);
        } else if term.is_integer() {
            let (digits, neg) = int_digits(term);
            let k = if neg { HCONST_10 } else { HCONST_11 };
            for d in digits {
                mix2(&mut hash, d as u32, (d >> 32) as u32, k);
            }
        } else if term.is_float() {
            let bits = float_bits(term);
            mix2(&mut hash, (bits >> 32) as u32, bits as u32, HCONST_12);
        } else if term.is_pid() {
            mix1(&mut hash, term.pid_value() as u32, HCONST_5);
        } else if term.is_port() {
            mix1(&mut hash, term.pid_value() as u32, HCONST_6);
        } else if term.is_boxed() {
            match term.header().kind() {
                Kind::Tuple => {
                    let elems = term.tuple_elements();
                    mix1(&mut hash, elems.len() as u32, HCONST_9);
                    if let Some((&first, rest)) = elems.split_first() {
                        for &e in rest.iter().rev() {
                            stack.push(Work2::Term(e));
                        }
                        term = first;
                        continue 'terms;
                    }
                }
                Kind::Map | Kind::HashMap => {
                    // Pairs are hashed independently and xor-ed: any walk
                    // order gives the same value.
                    let pairs = crate::interp::maps::iteration_order(term);
                    mix1(&mut hash, pairs.len() as u32, HCONST_16);
                    if !pairs.is_empty() {
                        stack.push(Work2::MapEnd { hash, xor });
                        hash = 0;
                        xor = 0;
                        for &(k, v) in pairs.iter().rev() {
                            stack.push(Work2::Pair);
                            stack.push(Work2::Term(v));
                            stack.push(Work2::Term(k));
                        }
                    }
                }
                Kind::HashNode => {}
                Kind::ExportFun => {
                    let e = code::export_of(term);
                    mix2(&mut hash, e.arity, atom_hash(e.module), HCONST);
                    mix1(&mut hash, atom_hash(e.function), HCONST_14);
                }
                Kind::Closure => {
                    let l = code::lambda_of(term);
                    let nfree = closure_env_len(term);
                    mix2(&mut hash, nfree as u32, atom_hash(l.module), HCONST);
                    mix2(&mut hash, l.index, l.old_uniq, HCONST);
                    if nfree > 0 {
                        for i in (1..nfree).rev() {
                            stack.push(Work2::Term(closure_env(term, i)));
                        }
                        term = closure_env(term, 0);
                        continue 'terms;
                    }
                }
                Kind::HeapBin | Kind::SubBin | Kind::ProcBin => {
                    let (bytes, sz, bitsize) = bits_of(term);
                    let con = HCONST_13.wrapping_add(hash);
                    if sz == 0 && bitsize == 0 {
                        hash = con;
                    } else {
                        hash = block_hash(&bytes[..sz], con);
                        if bitsize > 0 {
                            let last = (bytes[sz] >> (8 - bitsize)) as u32;
                            mix2(&mut hash, bitsize, last, HCONST_15);
                        }
                    }
                }
                Kind::PosBig | Kind::NegBig => {
                    let (digits, neg) = int_digits(term);
                    let k = if neg { HCONST_10 } else { HCONST_11 };
                    for d in digits {
                        mix2(&mut hash, d as u32, (d >> 32) as u32, k);
                    }
                }
                Kind::Ref => mix1(&mut hash, ref_number(term), HCONST_7),
                Kind::MatchCtx => {}
            }
        }
        // Next work item.
        loop {
            match stack.pop() {
                None => return hash,
                Some(Work2::Term(t)) => {
                    term = t;
                    continue 'terms;
                }
                Some(Work2::Pair) => {
                    xor ^= hash;
                    hash = 0;
                }
                Some(Work2::MapEnd {
                    hash: outer,
                    xor: outer_xor,
                }) => {
                    hash = outer;
                    mix1(&mut hash, xor, HCONST_19);
                    xor = outer_xor;
                }
            }
        }
    }
}

/// Free variables of a closure (words after the lambda pointer).
fn closure_env_len(t: Term) -> usize {
    t.header().size().saturating_sub(1)
}

fn closure_env(t: Term, i: usize) -> Term {
    Term(t.word(2 + i))
}

// ---- make_hash (phash) -----------------------------------------------------

const FN1: u32 = 268_440_163;
const FN2: u32 = 268_439_161;
const FN3: u32 = 268_435_459;
const FN4: u32 = 268_436_141;
const FN5: u32 = 268_438_633;
const FN6: u32 = 268_437_017;
const FN8: u32 = 268_437_511;
const FN9: u32 = 268_439_627;
const FN10: u32 = 268_440_479;
const FN11: u32 = 268_440_577;
const FN12: u32 = 268_440_581;
const FN13: u32 = 268_440_593;
const FN14: u32 = 268_440_611;

enum Work1 {
    Term(Term),
    /// The rest of a list whose previous element was hashed.
    ListRest(Term),
    /// `hash *= k` (end of a list).
    Mul(u32),
    /// End of a tuple: `hash = hash * FN9 + arity`.
    TupleEnd(u32),
}

#[inline]
fn step(hash: u32, k: u32, x: u32) -> u32 {
    hash.wrapping_mul(k).wrapping_add(x)
}

/// The four bytes of `x`, least significant first, each multiplied in.
#[inline]
fn u32_steps(hash: u32, x: u32, k: u32) -> u32 {
    x.to_le_bytes()
        .iter()
        .fold(hash, |h, &b| step(h, k, b as u32))
}

/// OTP's `make_hash`: the value behind `phash/2`.
pub fn hash1(t: Term) -> u32 {
    let mut hash: u32 = 0;
    let mut stack: Vec<Work1> = vec![Work1::Term(t)];
    while let Some(w) = stack.pop() {
        let term = match w {
            Work1::Mul(k) => {
                hash = hash.wrapping_mul(k);
                continue;
            }
            Work1::TupleEnd(n) => {
                hash = step(hash, FN9, n);
                continue;
            }
            Work1::ListRest(rest) => {
                if !rest.is_cons() {
                    stack.push(Work1::Mul(FN8));
                }
                rest
            }
            Work1::Term(t) => t,
        };
        if term.is_cons() {
            // Bytes are folded in directly; the first other element is
            // hashed on its own, then the walk resumes after it.
            let mut cur = term;
            loop {
                let (h, tl) = cur.cons_parts();
                if h.is_small() && (0..=255).contains(&h.small_value()) {
                    hash = step(hash, FN2, h.small_value() as u32);
                    if !tl.is_cons() {
                        stack.push(Work1::Mul(FN8));
                        stack.push(Work1::Term(tl));
                        break;
                    }
                    cur = tl;
                } else {
                    stack.push(Work1::ListRest(tl));
                    stack.push(Work1::Term(h));
                    break;
                }
            }
        } else if term.is_nil() {
            hash = step(hash, FN3, 1);
        } else if term.is_atom() {
            hash = step(hash, FN1, atom_hash(term.atom_value()));
        } else if term.is_float() {
            let bits = float_bits(term);
            hash = step(hash, FN6, (bits as u32) ^ ((bits >> 32) as u32));
        } else if term.is_pid() {
            hash = u32_steps(hash, term.pid_value() as u32, FN5).wrapping_mul(FN6);
        } else if term.is_port() {
            hash = u32_steps(hash, term.pid_value() as u32, FN9).wrapping_mul(FN10);
        } else if term.is_integer() {
            // Magnitude bytes, least significant first: whole 64-bit digits,
            // the top digit only 4 bytes when it fits 32 bits.
            let (digits, neg) = int_digits(term);
            let last = digits.len() - 1;
            for (i, &d) in digits.iter().enumerate() {
                let nbytes = if i == last && d >> 32 == 0 { 4 } else { 8 };
                for b in &d.to_le_bytes()[..nbytes] {
                    hash = step(hash, FN2, *b as u32);
                }
            }
            hash = hash.wrapping_mul(if neg { FN4 } else { FN3 });
        } else if term.is_boxed() {
            match term.header().kind() {
                Kind::Tuple => {
                    let elems = term.tuple_elements();
                    stack.push(Work1::TupleEnd(elems.len() as u32));
                    for &e in elems.iter().rev() {
                        stack.push(Work1::Term(e));
                    }
                }
                Kind::Map | Kind::HashMap => {
                    hash = step(hash, FN13, FN14).wrapping_add(hash2(term));
                }
                Kind::HashNode => {}
                Kind::ExportFun => {
                    let e = code::export_of(term);
                    hash = step(hash, FN11, e.arity);
                    hash = step(hash, FN1, atom_hash(e.module));
                    hash = step(hash, FN1, atom_hash(e.function));
                }
                Kind::Closure => {
                    let l = code::lambda_of(term);
                    let nfree = closure_env_len(term);
                    hash = step(hash, FN10, nfree as u32);
                    hash = step(hash, FN1, atom_hash(l.module));
                    hash = step(hash, FN2, l.index);
                    hash = step(hash, FN2, l.old_uniq);
                    for i in (0..nfree).rev() {
                        stack.push(Work1::Term(closure_env(term, i)));
                    }
                }
                Kind::HeapBin | Kind::SubBin | Kind::ProcBin => {
                    let (bytes, sz, bitsize) = bits_of(term);
                    for &b in &bytes[..sz] {
                        hash = step(hash, FN1, b as u32);
                    }
                    if bitsize > 0 {
                        let last = (bytes[sz] >> (8 - bitsize)) as u32;
                        hash = step(step(hash, FN1, last), FN12, bitsize);
                    }
                    hash = step(hash, FN4, sz as u32);
                }
                Kind::Ref => {
                    hash = u32_steps(hash, ref_number(term), FN9).wrapping_mul(FN10);
                }
                Kind::PosBig | Kind::NegBig | Kind::MatchCtx => {}
            }
        }
    }
    hash
}

// ---- phash / phash2 BIFs -----------------------------------------------------

/// A hash range argument: an integer in `1..=2^32`; `2^32` is `None`
/// (the full 32-bit value).
fn range(t: Term) -> Result<Option<u32>, Exc> {
    let v = crate::term::bignum::to_i64(t).ok_or_else(Exc::badarg)?;
    match v {
        1..=0xFFFF_FFFF => Ok(Some(v as u32)),
        0x1_0000_0000 => Ok(None),
        _ => Err(Exc::badarg()),
    }
}

fn phash_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [t, r] = fixed(args)?;
    let r = range(r)?;
    let h = hash1(t) as i64;
    let v = match r {
        Some(r) => h % r as i64 + 1,
        None => h + 1,
    };
    Ok(p.heap.int(v))
}

fn phash2_1(_p: &mut Process, args: &[Term]) -> BifResult {
    let [t] = fixed(args)?;
    Ok(Term::small((hash2(t) & ((1 << 27) - 1)) as i64))
}

fn phash2_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [t, r] = fixed(args)?;
    let r = range(r)?;
    let h = hash2(t);
    let v = match r {
        Some(r) => h % r,
        None => h,
    };
    Ok(p.heap.int(v as i64))
}

// ---- CRC-32 and Adler-32 -----------------------------------------------------

/// The reflected CRC-32 polynomial (zlib's).
const CRC_POLY: u32 = 0xEDB8_8320;

fn crc_table() -> &'static [u32; 256] {
    static T: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [0u32; 256];
        for (n, slot) in t.iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    CRC_POLY ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    })
}

/// zlib's `crc32(crc, bytes)`.
pub fn crc32(crc: u32, bytes: &[u8]) -> u32 {
    let t = crc_table();
    let mut c = !crc;
    for &b in bytes {
        c = t[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

/// `a * b mod P` for polynomials in reflected bit order.
fn gf2_mul(a: u32, mut b: u32) -> u32 {
    let mut m: u32 = 1 << 31;
    let mut p = 0;
    loop {
        if a & m != 0 {
            p ^= b;
            if a & (m - 1) == 0 {
                return p;
            }
        }
        m >>= 1;
        if m == 0 {
            return p;
        }
        b = if b & 1 != 0 {
            (b >> 1) ^ CRC_POLY
        } else {
            b >> 1
        };
    }
}

/// `x^(8 * len) mod P`: the operator that appends `len` zero bytes.
fn x_pow_8n(len: u64) -> u32 {
    let mut p: u32 = 1 << 31; // x^0
    let mut sq: u32 = 1 << 30; // x^1, squared as we go
                               // x^8 first: square three times.
    for _ in 0..3 {
        sq = gf2_mul(sq, sq);
    }
    let mut n = len;
    while n != 0 {
        if n & 1 != 0 {
            p = gf2_mul(sq, p);
        }
        sq = gf2_mul(sq, sq);
        n >>= 1;
    }
    p
}

/// zlib's `crc32_combine`: the CRC of A ++ B from those of A and B.
pub fn crc32_combine(crc1: u32, crc2: u32, len2: u64) -> u32 {
    gf2_mul(x_pow_8n(len2), crc1) ^ crc2
}

const ADLER_BASE: u32 = 65521;

/// zlib's `adler32(adler, bytes)`.
pub fn adler32(adler: u32, bytes: &[u8]) -> u32 {
    let mut a = (adler & 0xFFFF) as u64;
    let mut b = (adler >> 16) as u64;
    // 5552 bytes is zlib's NMAX: the most that cannot overflow 32 bits;
    // with u64 sums we just reduce per chunk.
    for chunk in bytes.chunks(5552) {
        for &x in chunk {
            a += x as u64;
            b += a;
        }
        a %= ADLER_BASE as u64;
        b %= ADLER_BASE as u64;
    }
    ((b as u32) << 16) | a as u32
}

/// zlib's `adler32_combine`, except that OTP returns `adler1` when `len2`
/// is 0.
pub fn adler32_combine(adler1: u32, adler2: u32, len2: u64) -> u32 {
    if len2 == 0 {
        return adler1;
    }
    let base = ADLER_BASE as u64;
    let rem = len2 % base;
    let mut sum1 = (adler1 & 0xFFFF) as u64;
    let mut sum2 = (rem * sum1) % base;
    sum1 += (adler2 & 0xFFFF) as u64 + base - 1;
    sum2 += ((adler1 >> 16) & 0xFFFF) as u64 + ((adler2 >> 16) & 0xFFFF) as u64 + base - rem;
    if sum1 >= base {
        sum1 -= base;
    }
    if sum1 >= base {
        sum1 -= base;
    }
    if sum2 >= base << 1 {
        sum2 -= base << 1;
    }
    if sum2 >= base {
        sum2 -= base;
    }
    (sum1 | (sum2 << 16)) as u32
}

/// An argument that must be an integer in `0..2^32`.
fn u32_arg(t: Term) -> Result<u32, Exc> {
    crate::term::bignum::to_i64(t)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(Exc::badarg)
}

fn crc32_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [data] = fixed(args)?;
    let bytes = iolist_bytes(data)?;
    Ok(p.heap.int(crc32(0, &bytes) as i64))
}

fn crc32_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [crc, data] = fixed(args)?;
    let crc = u32_arg(crc)?;
    let bytes = iolist_bytes(data)?;
    Ok(p.heap.int(crc32(crc, &bytes) as i64))
}

fn crc32_combine_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b, n] = fixed(args)?;
    let (a, b, n) = (u32_arg(a)?, u32_arg(b)?, u32_arg(n)?);
    Ok(p.heap.int(crc32_combine(a, b, n as u64) as i64))
}

fn adler32_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [data] = fixed(args)?;
    let bytes = iolist_bytes(data)?;
    Ok(p.heap.int(adler32(1, &bytes) as i64))
}

fn adler32_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [a, data] = fixed(args)?;
    let a = u32_arg(a)?;
    let bytes = iolist_bytes(data)?;
    Ok(p.heap.int(adler32(a, &bytes) as i64))
}

fn adler32_combine_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [a, b, n] = fixed(args)?;
    let (a, b, n) = (u32_arg(a)?, u32_arg(b)?, u32_arg(n)?);
    Ok(p.heap.int(adler32_combine(a, b, n as u64) as i64))
}

// ---- MD5 ---------------------------------------------------------------------

/// An MD5 computation in progress, laid out in its context binary exactly
/// as OTP's (88 bytes): the four state words, the bit count (64 bits,
/// as two 32-bit words, low first), then the 64-byte block buffer, all
/// little-endian.
#[derive(Clone)]
pub struct Md5 {
    state: [u32; 4],
    bits: u64,
    buf: [u8; 64],
}

const MD5_CTX_BYTES: usize = 88;

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
    14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15,
    21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

/// `floor(abs(sin(i + 1)) * 2^32)`, computed once.
fn md5_k() -> &'static [u32; 64] {
    static K: std::sync::OnceLock<[u32; 64]> = std::sync::OnceLock::new();
    K.get_or_init(|| {
        let mut k = [0u32; 64];
        for (i, v) in k.iter_mut().enumerate() {
            *v = ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32;
        }
        k
    })
}

impl Default for Md5 {
    fn default() -> Self {
        Md5::new()
    }
}

impl Md5 {
    pub fn new() -> Md5 {
        Md5 {
            state: [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476],
            bits: 0,
            buf: [0; 64],
        }
    }

    fn block(state: &mut [u32; 4], block: &[u8]) {
        let k = md5_k();
        let mut m = [0u32; 16];
        for (i, w) in m.iter_mut().enumerate() {
            let b = &block[4 * i..4 * i + 4];
            *w = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
        let [mut a, mut b, mut c, mut d] = *state;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(MD5_S[i]));
        }
        state[0] = state[0].wrapping_add(a);
        state[1] = state[1].wrapping_add(b);
        state[2] = state[2].wrapping_add(c);
        state[3] = state[3].wrapping_add(d);
    }

    /// Feed bytes. Like the RSA reference code OTP uses, the buffer keeps
    /// stale bytes past the pending ones (they show in the context binary).
    pub fn update(&mut self, input: &[u8]) {
        let index = ((self.bits >> 3) & 0x3F) as usize;
        self.bits = self.bits.wrapping_add((input.len() as u64) << 3);
        let part = 64 - index;
        let mut i = 0;
        let mut index = index;
        if input.len() >= part {
            self.buf[index..].copy_from_slice(&input[..part]);
            let buf = self.buf;
            Md5::block(&mut self.state, &buf);
            i = part;
            while i + 63 < input.len() {
                Md5::block(&mut self.state, &input[i..i + 64]);
                i += 64;
            }
            index = 0;
        }
        let rest = &input[i..];
        self.buf[index..index + rest.len()].copy_from_slice(rest);
    }

    pub fn finish(mut self) -> [u8; 16] {
        let bits = self.bits.to_le_bytes();
        let index = ((self.bits >> 3) & 0x3F) as usize;
        let pad = if index < 56 { 56 - index } else { 120 - index };
        let mut padding = [0u8; 64];
        padding[0] = 0x80;
        self.update(&padding[..pad]);
        self.update(&bits);
        let mut out = [0u8; 16];
        for (i, w) in self.state.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
        }
        out
    }

    fn to_context(&self) -> [u8; MD5_CTX_BYTES] {
        let mut out = [0u8; MD5_CTX_BYTES];
        for (i, w) in self.state.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
        }
        out[16..24].copy_from_slice(&self.bits.to_le_bytes());
        out[24..].copy_from_slice(&self.buf);
        out
    }

    fn from_context(c: &[u8]) -> Option<Md5> {
        if c.len() != MD5_CTX_BYTES {
            return None;
        }
        let mut m = Md5::new();
        for (i, w) in m.state.iter_mut().enumerate() {
            *w = u32::from_le_bytes([c[4 * i], c[4 * i + 1], c[4 * i + 2], c[4 * i + 3]]);
        }
        let mut b = [0u8; 8];
        b.copy_from_slice(&c[16..24]);
        m.bits = u64::from_le_bytes(b);
        m.buf.copy_from_slice(&c[24..]);
        Some(m)
    }
}

/// MD5 of a byte string.
pub fn md5(bytes: &[u8]) -> [u8; 16] {
    let mut m = Md5::new();
    m.update(bytes);
    m.finish()
}

fn context_arg(t: Term) -> Result<Md5, Exc> {
    let b = super::binaries::bytes_of(t).ok_or_else(Exc::badarg)?;
    Md5::from_context(&b).ok_or_else(Exc::badarg)
}

fn md5_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [data] = fixed(args)?;
    let bytes = iolist_bytes(data)?;
    Ok(p.heap.binary(&md5(&bytes)))
}

fn md5_init_0(p: &mut Process, _args: &[Term]) -> BifResult {
    Ok(p.heap.binary(&Md5::new().to_context()))
}

fn md5_update_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [ctx, data] = fixed(args)?;
    let mut m = context_arg(ctx)?;
    let bytes = iolist_bytes(data)?;
    m.update(&bytes);
    Ok(p.heap.binary(&m.to_context()))
}

fn md5_final_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [ctx] = fixed(args)?;
    let m = context_arg(ctx)?;
    Ok(p.heap.binary(&m.finish()))
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
    e("phash", 2, phash_2),
    e("phash2", 1, phash2_1),
    e("phash2", 2, phash2_2),
    e("crc32", 1, crc32_1),
    e("crc32", 2, crc32_2),
    e("crc32_combine", 3, crc32_combine_3),
    e("adler32", 1, adler32_1),
    e("adler32", 2, adler32_2),
    e("adler32_combine", 3, adler32_combine_3),
    e("md5", 1, md5_1),
    e("md5_init", 0, md5_init_0),
    e("md5_update", 2, md5_update_2),
    e("md5_final", 1, md5_final_1),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;

    fn proc() -> Process {
        Process::new(1, Term::NIL)
    }

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
            .collect()
    }

    fn int_of(t: Term) -> i64 {
        crate::term::bignum::to_i64(t).expect("int")
    }

    /// Rows `(term_to_binary(T) in hex, phash2(T), phash2(T, 1000),
    /// phash2(T, 1 bsl 32), phash(T, 1 bsl 32), phash(T, 1000))` from
    /// OTP 25, printed by (module `gen_hash`, terms: integers around every
    /// word/28-bit/small boundary, floats, atoms incl. latin1 and other
    /// unicode, strings and improper/deep lists, tuples, binaries of
    /// 0..256 bytes and bitstrings of 1..17 bits, flat and HAMT maps,
    /// mixed and seeded-random terms):
    /// ```text
    /// lists:foreach(fun(T) ->
    ///     io:format("(\"~s\", ~p, ~p, ~p, ~p, ~p),~n",
    ///       [binary:encode_hex(term_to_binary(T)), erlang:phash2(T),
    ///        erlang:phash2(T, 1000), erlang:phash2(T, 1 bsl 32),
    ///        erlang:phash(T, 1 bsl 32), erlang:phash(T, 1000)])
    ///   end, Terms).
    /// ```
    #[rustfmt::skip]
    const ROWS: &[(&str, i64, i64, i64, i64, i64)] = &[
        ("836E0500FE94308C60", 51410625, 737, 3943724737, 1050343067, 67),
        ("836E05017920F3EC39", 84443810, 2, 1963492002, 2575197174, 174),
        ("836E0500BA89FB8476", 131998020, 844, 1205739844, 1600369777, 777),
        ("836E0500BF75923C65", 93408570, 298, 227626298, 2971787638, 638),
        ("836E05014B2D7D9710", 9558711, 999, 2828130999, 2015671853, 853),
        ("836E0501B27ECAA616", 73060874, 970, 1012584970, 1660314959, 959),
        ("836E05002BF71CEE6E", 84177775, 975, 3439620975, 673004375, 375),
        ("836E0500E9D2DC5A6A", 32745063, 615, 1240704615, 783843738, 738),
        ("836E05015755734112", 60461519, 903, 3818557903, 2972798539, 539),
        ("836E0501EDBE69F869", 4421379, 491, 3896735491, 2814649658, 658),
        ("836E0500030FFC3E15", 75368460, 564, 2491287564, 3842224564, 564),
        ("836E050086973E3E34", 29662660, 948, 2848234948, 1057677528, 528),
        ("836E050015A6BFB035", 30223407, 967, 2714577967, 1905231622, 622),
        ("836E0501B9F41D9E46", 130688093, 653, 2815042653, 3177244167, 167),
        ("836E05007CF70A512E", 28808141, 525, 3786904525, 1369958757, 757),
        ("836E13006E7DB0BA0F929EC42F34917612AEF8E765C710", 29087508, 508, 29087508, 3036634264, 264),
        ("836E130074FA533F6A35EDFCCAC7A41AD0F82BB1F6EC3B", 123987818, 378, 2808342378, 3209860169, 169),
        ("836E1300D95DD000CFFD983F486C1225FC5181C86FCC33", 95467100, 196, 1034991196, 1990444657, 657),
        ("836E1300CEB3E6CE6668F6C6D8F6E971F1CF8BD947603E", 73699863, 63, 3429143063, 1504074017, 17),
        ("836E12008634E4312EE73C627CD3B7B98224C3CC3F44", 104694244, 988, 3191701988, 1454783188, 188),
        ("8346407DD04292AA24F8", 85845417, 153, 1696458153, 3537368251, 251),
        ("8346406CFD9CE4A30004", 43056444, 100, 3666935100, 2765094297, 297),
        ("8346405607465987D361", 98064333, 341, 1574459341, 433181736, 736),
        ("8346407A59256405985D", 35303632, 544, 572174544, 612352377, 377),
        ("834640873D9D1E708CCD", 23922939, 51, 3916237051, 1593291089, 89),
        ("836D000000192AB3EBAD4B491EFF69EFFE0B6AF69282536EC1240D83C588A3", 55010029, 949, 2068275949, 2022921477, 477),
        ("836D0000000421480DC2", 70786448, 632, 473439632, 2045139585, 585),
        ("836D000000178059EFD641A8BB95CED260FE6C25BFD2CE7DF3C7407BF3", 116945980, 628, 2264429628, 1257479734, 734),
        ("836D000000286C5DE605D4AC7B0B3AFD6B49234822F911AF935804FBF187FD7A821775981388B33543449AF25482", 112317539, 651, 4004631651, 2541734653, 653),
        ("836D00000011931DF8489ACB27F0DF2E7D9244D8CF0030", 64710352, 720, 870016720, 137700753, 753),
        ("836D00000020D35F1E3034FC880E2861D0B8E8F26146F6AB09C71F1D19721BB3F131C107CCFA", 5301060, 620, 2689655620, 3216906179, 179),
        ("836D000000201DF520C40459D9B25A5EB1C95BBE41EA751A0A9AD1BDC410FF7CA0A7E3ED4A5C", 86894926, 110, 489548110, 3958276856, 856),
        ("836D000000079D39C0A4D42C8B", 123864641, 209, 4284614209, 2355222075, 75),
        ("836D000000169CD178680834D870D8313ABCAF252B624858E10365E5", 124956697, 65, 930263065, 1209376638, 638),
        ("836D00000006474085CDADC2", 4036864, 784, 2017302784, 3497158217, 217),
        ("83680261026B00029777", 101361528, 352, 1175103352, 459838468, 468),
        ("83680261196B00021AE2", 66253758, 598, 4092785598, 3117616937, 937),
        ("83680261166B00017B", 73478949, 149, 3428922149, 2016025627, 627),
        ("83680261566C000000066114620000011D61776200000100620000012B61E46A", 86852827, 467, 757941467, 1486094276, 276),
        ("83680261486B0001B5", 35718924, 580, 3659597580, 2418957195, 195),
        ("83680261556C0000000661DD620000011B612461AA6135615F6A", 22973871, 511, 694062511, 4213188070, 70),
        ("83680261016C0000000961EF618F611B61496200000113620000011F616E61AB61FA6A", 68295744, 128, 3826392128, 2985353508, 508),
        ("836802615F6B00023466", 102031140, 612, 3323256612, 1726308825, 825),
        ("83680261616B0003070AFE", 36271444, 356, 573142356, 4066713726, 726),
        ("836802614F6B00086DC9AA1FE878257D", 45122058, 58, 45122058, 3925181098, 98),
        ("83640005636F777277", 6975127, 127, 6975127, 6975128, 128),
        ("8364000B6E636964767662746F6374", 96291348, 76, 230509076, 230509077, 77),
        ("836400026873", 1779, 779, 1779, 1780, 780),
        ("836400026D7A", 1866, 866, 1866, 1867, 867),
        ("836400086F736B796B756C72", 36711762, 490, 170929490, 170929491, 491),
        ("8364000B717574687377736C696463", 43181395, 123, 177399123, 177399124, 124),
        ("836400076C686F656E6473", 49661123, 123, 49661123, 49661124, 124),
        ("83640003747873", 31731, 731, 31731, 31732, 732),
        ("8364000969767369776C727667", 34490647, 375, 168708375, 168708376, 376),
        ("8364000464646C76", 437046, 46, 437046, 437047, 47),
        ("83740000000161296119", 52007267, 379, 3944321379, 4212761991, 991),
        ("837400000003610D612761136118611F6118", 94992777, 513, 1705605513, 1974046125, 125),
        ("8374000000036109611861126131612A611B", 23563663, 767, 2439482767, 2707923379, 379),
        ("8374000000046108613061166113612A6111612C612D", 46550116, 956, 4073081956, 46555272, 272),
        ("837400000002610E6120611F6119", 99665382, 766, 3857761766, 4126202378, 378),
        ("836100", 88723725, 469, 3175731469, 1, 1),
        ("836101", 2614250, 162, 539485162, 2788898428, 428),
        ("836102", 27494836, 668, 2577631668, 1282829559, 559),
        ("836103", 112783779, 603, 1186525603, 4071727986, 986),
        ("836107", 846366, 918, 1208805918, 2342419806, 806),
        ("83610A", 32317145, 513, 837623513, 2119180495, 495),
        ("83612A", 30328728, 368, 701417368, 1169616943, 943),
        ("836164", 124107777, 241, 1868938241, 4011935757, 757),
        ("83617F", 31920155, 811, 3655798811, 2002781958, 958),
        ("836180", 112419040, 328, 2930991328, 496713089, 89),
        ("8361FF", 44734653, 293, 715823293, 2499495046, 46),
        ("836200000100", 37021655, 767, 3929335767, 1920229268, 268),
        ("8362000003E8", 65787489, 57, 4226537057, 4245061170, 170),
        ("83620000FFFF", 9764579, 859, 1351941859, 2531686387, 387),
        ("836200010000", 79773559, 471, 616644471, 3221236588, 588),
        ("836207FFFFFF", 112602999, 567, 4273352567, 1192343453, 453),
        ("836208000000", 12354923, 755, 2562491755, 2147483673, 673),
        ("836208000001", 31503954, 698, 3118511698, 641414804, 804),
        ("83620FFFFFFF", 108355148, 348, 3463798348, 3339827125, 125),
        ("836210000000", 45246278, 838, 2729600838, 49, 49),
        ("83627FFFFFFF", 124127543, 463, 2137393463, 3339827461, 461),
        ("836E040000000080", 14246037, 325, 2832818325, 385, 385),
        ("836E0400FFFFFFFF", 95053261, 181, 2108319181, 3339827845, 845),
        ("836E05000000000001", 95057355, 275, 2108323275, 2788898428, 428),
        ("836E05000100000001", 53443540, 996, 321878996, 1875852311, 311),
        ("836E0600FFFFFFFFFF7F", 14551169, 81, 551422081, 3477415543, 543),
        ("836E0600000000000080", 23534194, 562, 828840562, 976210305, 305),
        ("836E0800FFFFFFFFFFFFFF07", 27520264, 0, 1638133000, 3114282913, 913),
        ("836E08000000000000000008", 26969617, 721, 2442888721, 2147483673, 673),
        ("836E08000000000000000010", 31803508, 788, 1373980788, 49, 49),
        ("836E0800FFFFFFFFFFFFFF7F", 28179613, 173, 2712534173, 966799625, 625),
        ("836E08000000000000000080", 39852678, 318, 710941318, 385, 385),
        ("836E0800FFFFFFFFFFFFFFFF", 53435350, 806, 321870806, 966800009, 9),
        ("836E0900000000000000000001", 103122609, 713, 2519041713, 2788898428, 428),
        ("836E0900010000000000000001", 32970872, 72, 3388414072, 84743991, 991),
        ("836E0D0039300000000000000000000001", 75736167, 359, 1954784359, 3721851855, 855),
        ("836E0D0000000000000000000000000010", 126219984, 168, 528873168, 1672701873, 873),
        ("836E1000FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", 111822251, 723, 3333047723, 2677512977, 977),
        ("836E1A000000000000000000000000000000000000000000000000000001", 23185601, 433, 2573322433, 1920229268, 268),
        ("8362075BCD15", 15946485, 133, 2163430133, 4196102125, 125),
        ("836E050074F3C8F4E5", 98249398, 230, 2648386230, 4220457761, 761),
        ("836E0E005BB763B088C8FC461B5B55868C01", 132483766, 782, 3085273782, 235088960, 960),
        ("836E1500D20A3FCE96F1C7F87A742650A13CF8AA69637F7208", 43978065, 809, 3130985809, 4025227902, 902),
        ("8362FFFFFFFF", 44071773, 597, 1117813597, 1680185270, 270),
        ("8362FFFFFFFE", 45155178, 746, 4205904746, 3360370539, 539),
        ("8362FFFFFFFD", 96895069, 637, 4257644637, 745588512, 512),
        ("8362FFFFFFF9", 56244722, 282, 2740599282, 3171362292, 292),
        ("8362FFFFFFF6", 131412460, 748, 2949984748, 3916950803, 803),
        ("8362FFFFFFD6", 80419736, 568, 2630556568, 1848304563, 563),
        ("8362FFFFFF9C", 76249421, 149, 210467149, 514802357, 357),
        ("8362FFFFFF81", 111140287, 671, 3869236671, 2930131660, 660),
        ("8362FFFFFF80", 63553696, 808, 3955867808, 315349633, 633),
        ("8362FFFFFF01", 124239457, 369, 661110369, 3245481292, 292),
        ("8362FFFFFF00", 87258916, 476, 2771613476, 3765867550, 550),
        ("8362FFFFFC18", 121372174, 278, 2537291278, 1668626528, 528),
        ("8362FFFF0001", 665622, 358, 1611278358, 1469031983, 983),
        ("8362FFFF0000", 81025154, 794, 752113794, 1613150662, 662),
        ("8362F8000001", 96386750, 222, 3317612222, 2384643109, 109),
        ("8362F8000000", 69672967, 335, 874979335, 2147489129, 129),
        ("8362F7FFFFFF", 76739502, 782, 1418916782, 3827674398, 398),
        ("8362F0000001", 88418753, 321, 4249168321, 237164941, 941),
        ("8362F0000000", 70671433, 89, 3694550089, 10961, 961),
        ("836280000001", 76014971, 699, 210232699, 237241661, 661),
        ("836280000000", 62030289, 25, 1672643025, 87681, 681),
        ("836E0401FFFFFFFF", 37079942, 774, 2587216774, 237329341, 341),
        ("836E05010000000001", 35930262, 94, 2586067094, 1680185270, 270),
        ("836E05010100000001", 27988596, 612, 2980778612, 2759934539, 539),
        ("836E0601FFFFFFFFFF7F", 61022790, 718, 3550683718, 514674155, 155),
        ("836E0601000000000080", 61045326, 254, 3550706254, 994709121, 121),
        ("836E0801FFFFFFFFFFFFFF07", 35224650, 26, 2316926026, 2424994401, 401),
        ("836E08010000000000000008", 35173814, 190, 2316875190, 2147489129, 129),
        ("836E08010000000000000010", 93212959, 511, 1301172511, 10961, 961),
        ("836E0801FFFFFFFFFFFFFF7F", 126280938, 674, 1736893674, 277592953, 953),
        ("836E08010000000000000080", 126213383, 119, 1736826119, 87681, 681),
        ("836E0801FFFFFFFFFFFFFFFF", 122255289, 305, 3075045305, 277680633, 633),
        ("836E0901000000000000000001", 13457787, 619, 2563594619, 1680185270, 270),
        ("836E0901010000000000000001", 85075112, 848, 1695687848, 380438827, 827),
        ("836E0D0139300000000000000000000001", 102795255, 271, 3055585271, 1924712979, 979),
        ("836E0D0100000000000000000000000010", 124857544, 472, 3614518472, 1113160529, 529),
        ("836E1001FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", 114473360, 368, 1590868368, 48451057, 57),
        ("836E1A010000000000000000000000000000000000000000000000000001", 7052001, 377, 2288753377, 3765867550, 550),
        ("8362F8A432EB", 131961002, 914, 668831914, 2479761621, 621),
        ("836E050174F3C8F4E5", 123100498, 954, 391535954, 166858465, 465),
        ("836E0E015BB763B088C8FC461B5B55868C01", 117212622, 998, 2398913998, 3391736882, 882),
        ("836E1501D20A3FCE96F1C7F87A742650A13CF8AA69637F7208", 75773161, 729, 4236522729, 865487572, 572),
        ("83460000000000000000", 20875736, 920, 423528920, 1, 1),
        ("83468000000000000000", 20875736, 920, 423528920, 1, 1),
        ("83463FF0000000000000", 77147068, 84, 3029937084, 1072693249, 249),
        ("8346BFF0000000000000", 103700184, 280, 1043224280, 3220176897, 897),
        ("83463FE0000000000000", 55691757, 325, 4216441325, 1071644673, 673),
        ("83463FF8000000000000", 10380315, 235, 2023646235, 1073217537, 537),
        ("8346C002000000000000", 106798634, 282, 2254282282, 3221356545, 545),
        ("8346400921FB54442D18", 93376775, 415, 764465415, 340593892, 892),
        ("83464202A05F20000000", 73024537, 449, 609895449, 1644339296, 296),
        ("83463DDB7CDFD9D7BDBB", 72416671, 687, 3025206687, 3826041189, 189),
        ("83467E37E43C8800759C", 119088650, 106, 387524106, 4130836897, 897),
        ("8346FE37E43C8800759C", 84771912, 656, 3171779656, 1983353249, 249),
        ("83460000000000000001", 107647591, 247, 3731526247, 2, 2),
        ("83460010000000000000", 132978332, 612, 1475155612, 1048577, 577),
        ("834640FE240C9FBE76C9", 78313598, 246, 2225797246, 3745534662, 662),
        ("83463FB999999999999A", 114238079, 87, 1590633087, 2787115012, 12),
        ("83467FEFFFFFFFFFFFFF", 22278810, 378, 4183028378, 2148532225, 225),
        ("83464045000000000000", 59338461, 461, 59338461, 1078263809, 809),
        ("8346C045000000000000", 103484218, 602, 3861580602, 3225747457, 457),
        ("8346430C6BF526340000", 105671401, 953, 1313630953, 1698196470, 470),
        ("83464340000000000000", 39447972, 348, 2321149348, 1128267777, 777),
        ("83640000", 0, 0, 0, 1, 1),
        ("8364000161", 97, 97, 97, 98, 98),
        ("8364000162", 98, 98, 98, 99, 99),
        ("836400017A", 122, 122, 122, 123, 123),
        ("836400026F6B", 1883, 883, 1883, 1884, 884),
        ("836400056572726F72", 7117154, 154, 7117154, 7117155, 155),
        ("8364000474727565", 506293, 293, 506293, 506294, 294),
        ("8364000566616C7365", 7111573, 573, 7111573, 7111574, 574),
        ("83640009756E646566696E6564", 45914356, 84, 180132084, 180132085, 85),
        ("836400036E696C", 29948, 948, 29948, 29949, 949),
        ("8364000B68656C6C6F20776F726C64", 18131988, 988, 18131988, 18131989, 989),
        ("8364000548656C6C6F", 5161775, 775, 5161775, 5161776, 776),
        ("8364001A6162636465666768696A6B6C6D6E6F707172737475767778797A", 13754378, 106, 147972106, 147972107, 107),
        ("836400244142434445464748494A4B4C4D4E4F505152535455565758595A30313233343536373839", 68544201, 929, 202761929, 202761930, 930),
        ("836400FF787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878", 32760, 760, 32760, 32761, 761),
        ("8364005E2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F606162636465666768696A6B6C6D6E6F707172737475767778797A7B7C7D7E", 8451582, 582, 8451582, 8451583, 583),
        ("83640001E9", 233, 233, 233, 234, 234),
        ("83640005F1616E64FA", 16221498, 498, 16221498, 16221499, 499),
        ("837702C480", 3264, 264, 3264, 3265, 265),
        ("83640001FF", 255, 255, 255, 256, 256),
        ("837709E697A5E69CACE8AA9E", 67592990, 990, 67592990, 67592991, 991),
        ("837706CEB1CEB2CEB3", 94281619, 347, 228499347, 228499348, 348),
        ("83770661F09F988062", 118132834, 834, 118132834, 118132835, 835),
        ("83640003FFFEFD", 69597, 597, 69597, 69598, 598),
        ("836A", 113427502, 702, 3468870702, 2, 2),
        ("836B000161", 49011133, 693, 2733365693, 2953390077, 77),
        ("836B00026162", 98428323, 699, 2380129699, 3289956575, 575),
        ("836B0003616263", 117343302, 486, 519996486, 3654580166, 166),
        ("836B000461626364", 7922743, 207, 1752753207, 1938728202, 202),
        ("836B00056162636465", 71169904, 8, 2487089008, 721934915, 915),
        ("836B0009616263646566676869", 77449587, 43, 345885043, 59490905, 905),
        ("836B000B68656C6C6F20776F726C64", 124727853, 141, 2943300141, 2520765044, 44),
        ("836B000100", 10493030, 414, 3768589414, 268437512, 512),
        ("836B0001FF", 46818295, 935, 717906935, 1880622323, 323),
        ("836C0000000162000001006A", 73608398, 134, 1684221134, 1015129879, 879),
        ("836C0000000162FFFFFFFF6A", 42412580, 964, 3800508964, 3981341153, 153),
        ("836B0003010203", 25788620, 188, 4186538188, 3336869158, 158),
        ("836C0000000261FF62000001006A", 56036776, 792, 3008826792, 2131638584, 584),
        ("836C00000001640001616A", 23864141, 877, 1634476877, 2953390077, 77),
        ("836C0000000264000161640001626A", 9075654, 310, 3632954310, 667932113, 113),
        ("836C000000016400016164000162", 74710280, 656, 2356411656, 4159696708, 708),
        ("836C0000000161016102", 86124794, 178, 3844221178, 2402949552, 552),
        ("836C000000016A6A", 96416884, 68, 499070068, 2952798237, 237),
        ("836C000000026A6A6A", 67164138, 138, 67164138, 3758123100, 100),
        ("836C000000036B00026162616361646A", 85979824, 384, 2770334384, 3632642873, 873),
        ("836C0000000361016400016161026A", 36673763, 867, 2452592867, 1818686374, 374),
        ("836C000000026B000201026C0000000261036C0000000261046B0001056A6A6A", 27184685, 613, 3516845613, 1109855503, 503),
        ("836C0000000761686165616C616C616F620000012C61786A", 68716032, 224, 1947764224, 2984569583, 583),
        ("836C00000001463FF80000000000006A", 103870220, 604, 3861966604, 2404911112, 112),
        ("836C0000000168006A", 24335964, 804, 4050867804, 268437512, 512),
        ("836C000000016D000000006A", 38220213, 397, 440873397, 268437512, 512),
        ("836C000000016D0000000201026D0000000103", 124306630, 14, 3882403014, 4071168364, 364),
        ("836C0000000361616162616364000161", 131478707, 179, 3352704179, 251913766, 766),
        ("836C000000036101610261036104", 102681913, 641, 236899641, 1388611539, 539),
        ("836C000000056101610261036104610564000178", 87548201, 297, 1027072297, 216093060, 60),
        ("836B00640102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F6061626364", 87405975, 711, 1698018711, 2449873274, 274),
        ("836C0000006561C861C961CA61CB61CC61CD61CE61CF61D061D161D261D361D461D561D661D761D861D961DA61DB61DC61DD61DE61DF61E061E161E261E361E461E561E661E761E861E961EA61EB61EC61ED61EE61EF61F061F161F261F361F461F561F661F761F861F961FA61FB61FC61FD61FE61FF6200000100620000010162000001026200000103620000010462000001056200000106620000010762000001086200000109620000010A620000010B620000010C620000010D620000010E620000010F6200000110620000011162000001126200000113620000011462000001156200000116620000011762000001186200000119620000011A620000011B620000011C620000011D620000011E620000011F6200000120620000012162000001226200000123620000012462000001256200000126620000012762000001286200000129620000012A620000012B620000012C6A", 128654369, 561, 2007702561, 3826825661, 661),
        ("836C0000000174000000006A", 28987155, 707, 1236946707, 1181889864, 864),
        ("836C000000016C000000016C000000016C000000016A6A6A6A6A", 13424634, 562, 3503085562, 3292869014, 14),
        ("836C00000005616161626163616462000003E86A", 47153772, 884, 3939467884, 429745491, 491),
        ("836C0000000364000161616261636A", 75362587, 227, 746451227, 3654580166, 166),
        ("836C00000001640001786A", 4595404, 148, 3091603148, 269177312, 312),
        ("836C0000000162000F42406A", 26291355, 547, 1905339547, 611251279, 279),
        ("836C000000016E09000000000000000000406A", 113387345, 449, 2529306449, 230690248, 248),
        ("836C000000016E09010000000000000000406A", 55240574, 414, 4081772414, 1671069256, 256),
        ("836800", 87486268, 996, 221703996, 1, 1),
        ("83680164000161", 35332806, 94, 2853905094, 268840045, 45),
        ("8368016101", 110528523, 75, 1318488075, 381724171, 171),
        ("83680261016102", 91564110, 950, 4118095950, 3114748240, 240),
        ("836803640001616400016264000163", 113425870, 870, 113425870, 685556714, 714),
        ("8368016800", 17560713, 361, 2165044361, 2, 2),
        ("83680268006800", 122066660, 132, 3343292132, 3, 3),
        ("8368026101680261026802610368016104", 27354136, 784, 2174837784, 610963388, 388),
        ("8368026A6A", 23759702, 342, 694848342, 4026548527, 527),
        ("8368036B00036162636D00000003616263640003616263", 14307924, 764, 4040839764, 3937453965, 965),
        ("83681E610161026103610461056106610761086109610A610B610C610D610E610F6110611161126113611461156116611761186119611A611B611C611D611E", 23196453, 189, 1633809189, 4167146578, 578),
        ("836802463FF000000000000062FFFFFFFF", 7062160, 272, 3899376272, 1267646986, 986),
        ("8368026400026F6B612A", 75300492, 500, 1551695500, 986923928, 928),
        ("8368026400056572726F72640006626164617267", 99464114, 498, 3857560498, 373075698, 698),
        ("836802640001616C0000000264000162680264000163740000000164000164640001656A", 26559390, 846, 294994846, 196889242, 242),
        ("836D00000000", 13708901, 629, 147926629, 1, 1),
        ("836D0000000100", 96315567, 855, 2914887855, 2, 2),
        ("836D0000000101", 76691218, 586, 881997586, 268436143, 143),
        ("836D00000001FF", 78681268, 4, 1689294004, 4026706517, 517),
        ("836D000000020102", 114275383, 383, 114275383, 540096580, 580),
        ("836D00000003010203", 6479071, 639, 4167228639, 687692590, 590),
        ("836D0000000461626364", 132321803, 547, 3219329547, 278465271, 271),
        ("836D0000000B68656C6C6F20776F726C64", 33550279, 111, 2583687111, 897712128, 128),
        ("836D0000000C6162636465666768696A6B6C", 15432855, 495, 686521495, 2555667491, 491),
        ("836D0000000D6162636465666768696A6B6C6D", 11441572, 500, 3501102500, 128803897, 897),
        ("836D00000100000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F606162636465666768696A6B6C6D6E6F707172737475767778797A7B7C7D7E7F808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBFC0C1C2C3C4C5C6C7C8C9CACBCCCDCECFD0D1D2D3D4D5D6D7D8D9DADBDCDDDEDFE0E1E2E3E4E5E6E7E8E9EAEBECEDEEEFF0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF", 3064723, 291, 4163814291, 1678058369, 369),
        ("836D000000170102030405060708090A0B0C0D0E0F1011121314151617", 3885157, 893, 1614497893, 1252749780, 780),
        ("836D000000180102030405060708090A0B0C0D0E0F101112131415161718", 47816058, 162, 2463735162, 776762373, 373),
        ("836D000000190102030405060708090A0B0C0D0E0F10111213141516171819", 10118065, 905, 4036649905, 2545397571, 571),
        ("836D0000006407070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707", 71002872, 600, 205220600, 1223853853, 853),
        ("836D000000010A", 40226160, 0, 4066758000, 2684361412, 412),
        ("836D000000020A0B", 22006672, 224, 1229966224, 2985040504, 504),
        ("836D000000030A0B0C", 83298990, 6, 3036089006, 2016056671, 671),
        ("836D000000040A0B0C0D", 51654, 846, 1879099846, 4143467263, 263),
        ("836D000000050A0B0C0D0E", 83503642, 738, 1023027738, 2001385514, 514),
        ("836D000000060A0B0C0D0E0F", 53595508, 692, 456248692, 2463622678, 678),
        ("836D000000070A0B0C0D0E0F10", 81796064, 536, 3303021536, 3886756005, 5),
        ("836D000000080A0B0C0D0E0F1011", 15834685, 965, 1358011965, 2157904957, 957),
        ("836D000000090A0B0C0D0E0F101112", 91112799, 367, 4251862367, 1271560272, 272),
        ("836D0000000A0A0B0C0D0E0F10111213", 104705804, 172, 910012172, 465674740, 740),
        ("836D0000000B0A0B0C0D0E0F1011121314", 37846307, 859, 1245805859, 692335787, 787),
        ("836D0000000C0A0B0C0D0E0F101112131415", 81264326, 342, 3034054342, 18071483, 483),
        ("836D0000000D0A0B0C0D0E0F10111213141516", 24917696, 248, 1232877248, 236820278, 278),
        ("836D0000000E0A0B0C0D0E0F1011121314151617", 57395122, 138, 3010185138, 2048033298, 298),
        ("836D0000000F0A0B0C0D0E0F101112131415161718", 124433434, 986, 1332392986, 843890033, 33),
        ("834D000000010180", 102233125, 237, 3994547237, 808817679, 679),
        ("834D000000010100", 77524856, 408, 1285484408, 268436142, 142),
        ("834D0000000103A0", 133543196, 668, 3354768668, 3507216109, 109),
        ("834D0000000304010230", 11286013, 389, 2292987389, 2014452361, 361),
        ("834D0000000307FFFFFE", 131416671, 407, 1742029407, 1566772401, 401),
        ("834D0000000E026162636465666768696A6B6C6DC0", 70268586, 426, 4096800426, 3176209072, 72),
        ("834D000000010180", 102233125, 237, 3994547237, 808817679, 679),
        ("834D0000000102C0", 77228721, 273, 1285188273, 2158016894, 894),
        ("834D0000000103E0", 63553086, 86, 63553086, 293011887, 887),
        ("834D000000010470", 76134287, 847, 2760488847, 561448028, 28),
        ("834D000000010538", 82355099, 739, 753443739, 829884169, 169),
        ("834D00000001061C", 101735447, 463, 3054525463, 1098320310, 310),
        ("834D00000001078E", 70300237, 421, 472953421, 1591436451, 451),
        ("836D00000001C7", 100068865, 49, 502722049, 1879184509, 509),
        ("834D00000002016380", 77547722, 818, 1017071818, 1695130809, 809),
        ("834D0000000202B1C0", 24790064, 536, 3246015536, 4002938386, 386),
        ("834D0000000203D8E0", 132706319, 231, 669577231, 2617237560, 560),
        ("834D00000002046C70", 99624105, 761, 3723502761, 3871044513, 513),
        ("834D0000000205B638", 38991197, 389, 1918039389, 203325484, 484),
        ("834D0000000206DB1C", 5747584, 768, 408400768, 2798651336, 336),
        ("834D00000002076D8E", 87904150, 534, 3846000534, 1829756523, 523),
        ("836D00000002B6C7", 75574132, 972, 4102105972, 2466006200, 200),
        ("834D0000000301DB6380", 84782824, 736, 621653736, 3897628493, 493),
        ("837400000000", 39679005, 373, 844985373, 1113425985, 985),
        ("837400000001640001616101", 59617982, 262, 1401795262, 1670235874, 874),
        ("837400000001610164000161", 108954384, 216, 2659091216, 2927531828, 828),
        ("837400000002640001616101640001626102", 103634663, 855, 1982682855, 2251123467, 467),
        ("837400000002640001616101640001626102", 103634663, 855, 1982682855, 2251123467, 467),
        ("837400000003610161026103610461056106", 125216813, 13, 3480660013, 3749100625, 625),
        ("83740000000268006A6A6800", 67428837, 853, 3020218853, 3288659465, 465),
        ("8374000000016D000000016B6D0000000176", 37839229, 53, 1111581053, 1380021665, 665),
        ("8374000000016400016174000000016400016274000000016400016364000164", 134115470, 22, 1342075022, 1610515634, 634),
        ("8374000000026101463FF0000000000000463FF00000000000006101", 54325811, 179, 859632179, 1128072791, 791),
        ("83740000002861216200000441610C619061176200000211611D6200000349611E6200000384612762000005F1611A62000002A4611F62000003C1610B61796125620000055961096151612062000004006122620000048461196200000271611C620000031061066124612662000005A4610D61A96128620000064061146200000190610F61E1610E61C4610261046107613161016101610861406103610961116200000121611662000001E4611562000001B9610461106124620000051061186200000240610A6164612362000004C9611B62000002D961136200000169610561196112620000014461106200000100", 37357662, 302, 708446302, 976886914, 914),
        ("8374000000646B00023738614E6B0002393861626B00023237611B6B00023432612A6B0002383061506B00013461046B0002363661426B0002383361536B00023539613B6B0002353661386B00023133610D6B0002343061286B00023932615C6B00023736614C6B00023630613C6B0002373261486B00023735614B6B00013761076B00023931615B6B0002313761116B0002313961136B0002383561556B0002333761256B0002333961276B0002363861446B00013961096B0002353761396B00023737614D6B0002383761576B0002333661246B0002363461406B0002313861126B0002353161336B00023930615A6B0002323561196B00023631613D6B0002333461226B0002353061326B00013161016B0002353261346B00023135610F6B00023436612E6B000331303061646B00023437612F6B00023739614F6B00023633613F6B0002353461366B00023239611D6B0002373061466B00023933615D6B0002373161476B00023134610E6B00023538613A6B00013361036B0002363561416B0002333361216B0002353361356B00023435612D6B0002363761436B00023331611F6B0002383861586B0002383461546B0002313661106B00023238611C6B0002333561236B00023935615F6B0002323461186B0002333861266B00013661066B0002323261166B00023330611E6B00023132610C6B00023734614A6B0002323061146B0002393661606B00023236611A6B00023130610A6B0002323361176B00023434612C6B00023934615E6B00023131610B6B0002393761616B0002383961596B0002383661566B0002363961456B0002343161296B00013261026B00013861086B00013561056B0002343961316B0002323161156B00023632613E6B0002383261526B0002333261206B0002353561376B0002343861306B0002393961636B0002373361496B0002383161516B00023433612B", 64765279, 647, 870071647, 1138512259, 259),
        ("837400000020610161016102610261036103610461046105610561066106610761076108610861096109610A610A610B610B610C610C610D610D610E610E610F610F61106110611161116112611261136113611461146115611561166116611761176118611861196119611A611A611B611B611C611C611D611D611E611E611F611F61206120", 81790833, 201, 887097201, 1155537813, 813),
        ("83740000002161216121610C610C61176117611D611D611E611E611A611A611F611F610B610B610961096120612061196119611C611C61066106610D610D61146114610F610F610E610E61026102610761076101610161086108610361036111611161166116611561156104610461186118610A610A611B611B61136113610561056112611261106110", 104688156, 628, 3325913628, 3594354240, 240),
        ("837400000003640001786B0003010203640001796B00037374726400017A6D00000003010203", 109487907, 747, 4136019747, 109493063, 63),
        ("8368026400016164000162", 101277806, 998, 1980325998, 1904799770, 770),
        ("8368026400016162FFFFFFF9", 8088692, 972, 1350265972, 2420515619, 619),
        ("836802640001616B000173", 63028765, 405, 734117405, 693936548, 548),
        ("836802640001616D0000000109", 42973894, 638, 3129981638, 3158468866, 866),
        ("836802610164000162", 49075692, 516, 1122817516, 137565236, 236),
        ("836802610162FFFFFFF9", 8475003, 555, 1216434555, 604252969, 969),
        ("83680261016B000173", 201329, 801, 3221426801, 753502954, 954),
        ("83680261016D0000000109", 87852729, 641, 624723641, 2172977812, 812),
        ("8368026A64000162", 20834200, 216, 2973624216, 20041658, 658),
        ("8368026A62FFFFFFF9", 96142137, 513, 2377843513, 2650629507, 507),
        ("8368026A6B000173", 68341741, 21, 1410519021, 2942285828, 828),
        ("8368026A6D0000000109", 124425968, 976, 1600820976, 589350946, 946),
        ("83680246400400000000000064000162", 98486474, 930, 366921930, 2886352057, 57),
        ("83680246400400000000000062FFFFFFF9", 13944525, 525, 13944525, 548621876, 876),
        ("8368024640040000000000006B000173", 79435779, 147, 884742147, 2860586389, 389),
        ("8368024640040000000000006D0000000109", 89865034, 674, 760953674, 943484533, 533),
        ("836C00000002680074000000006A", 101225261, 901, 772313901, 1181889864, 864),
        ("836C0000000268006A6A", 96098002, 738, 1706710738, 2952798237, 237),
        ("836C00000002680061006A", 63221968, 976, 1539616976, 268437512, 512),
        ("836C000000026E0B00000000000000000000000174000000006A", 19989488, 680, 1899037680, 1270666623, 623),
        ("836C000000026E0B0000000000000000000000016A6A", 108217987, 995, 1584612995, 205580146, 146),
        ("836C000000026E0B00000000000000000000000161006A", 83732370, 370, 83732370, 1015129879, 879),
        ("836C000000026400026F6B74000000006A", 62799282, 650, 868105650, 2028391215, 215),
        ("836C000000026400026F6B6A6A", 45519666, 666, 45519666, 3256059778, 778),
        ("836C000000026400026F6B61006A", 97779042, 322, 1439956322, 1671156807, 807),
    ];

    #[test]
    fn phash_and_phash2_match_otp() {
        let mut p = proc();
        let big = p.heap.int(1 << 32);
        let thousand = Term::small(1000);
        assert!(ROWS.len() >= 300);
        let mut bad = Vec::new();
        for &(h, h2, h2k, h2full, hfull, hk) in ROWS {
            let mut heap = Heap::new(0);
            let t = crate::etf::decode::decode_exact(&hex(h), &mut heap).expect("etf");
            let got = (
                int_of(phash2_1(&mut p, &[t]).expect("ok")),
                int_of(phash2_2(&mut p, &[t, thousand]).expect("ok")),
                int_of(phash2_2(&mut p, &[t, big]).expect("ok")),
                int_of(phash_2(&mut p, &[t, big]).expect("ok")),
                int_of(phash_2(&mut p, &[t, thousand]).expect("ok")),
            );
            if got != (h2, h2k, h2full, hfull, hk) {
                bad.push((h, got, (h2, h2k, h2full, hfull, hk)));
            }
        }
        assert!(bad.is_empty(), "{} mismatches: {:?}", bad.len(), bad);
    }

    /// A bitstring hashes the same whatever its bit offset in storage.
    #[test]
    fn sub_binary_offsets_hash_alike() {
        let mut p = proc();
        let content: Vec<u8> = (1..=40u8).map(|i| i.wrapping_mul(37)).collect();
        for bits in [0u64, 3, 8, 13, 96, 100, 320] {
            let direct = p.heap.bitstring(&content, bits);
            let want = (hash2(direct), hash1(direct));
            for off in 0..9u64 {
                // Storage: `off` junk bits, then the content bits.
                let total = off + bits;
                let mut store = vec![0xFFu8; total.div_ceil(8) as usize + 1];
                for i in 0..bits {
                    let bit = (content[(i / 8) as usize] >> (7 - i % 8)) & 1;
                    let at = off + i;
                    let byte = &mut store[(at / 8) as usize];
                    *byte = (*byte & !(1 << (7 - at % 8))) | (bit << (7 - at % 8));
                }
                let orig = p.heap.binary(&store);
                let (s, _) = p.heap.boxed(Kind::SubBin, 3);
                s.set_word(1, off);
                s.set_word(2, bits);
                s.set_word(3, orig.0);
                assert_eq!((hash2(s), hash1(s)), want, "bits {bits} off {off}");
            }
        }
    }

    fn leak_lambda(
        module: &str,
        index: u32,
        uniq: u32,
        arity: u32,
        nfree: u32,
    ) -> &'static code::Lambda {
        Box::leak(Box::new(code::Lambda {
            module: atom::intern_static(module),
            function: atom::intern_static("-main/0-fun-0-"),
            arity,
            num_free: nfree,
            index,
            old_uniq: uniq,
            module_index: 0,
            ip: 0,
        }))
    }

    fn closure(p: &mut Process, l: &'static code::Lambda, env: &[Term]) -> Term {
        let (t, _) = p.heap.boxed(Kind::Closure, 1 + env.len());
        t.set_word(1, l as *const code::Lambda as u64);
        for (i, e) in env.iter().enumerate() {
            t.set_word(2 + i, e.0);
        }
        t
    }

    /// Funs. Local funs from this module (compiled by OTP 25's erlc):
    /// ```text
    /// -module(hf).
    /// funs(Y, Z) -> [fun() -> 1 end, fun(X) -> X + Y end,
    ///     fun(X) -> {X, Y, Z} end, fun(A, B) -> {A, B, Z, Y, self} end].
    /// ```
    /// `funs(5, "s")`; per fun: fun_info index, uniq, env, then
    /// phash2(F, 1 bsl 32), phash(F, 1 bsl 32). External funs likewise.
    #[test]
    fn funs_match_otp() {
        let mut p = proc();
        let full = p.heap.int(1 << 32);
        let s = p.heap.string("s");
        let cases: &[(u32, &[Term], i64, i64)] = &[
            (0, &[], 3156913041, 1772319609),
            (1, &[Term::small(5)], 3179524232, 3158263444),
            (2, &[Term::small(5), s], 2041995489, 3735114242),
            (3, &[Term::small(5), s], 2346321194, 1973482417),
        ];
        for &(index, env, h2, h) in cases {
            let l = leak_lambda("hf", index, 78971762, env.len() as u32, env.len() as u32);
            let f = closure(&mut p, l, env);
            assert_eq!(int_of(phash2_2(&mut p, &[f, full]).unwrap()), h2, "{index}");
            assert_eq!(int_of(phash_2(&mut p, &[f, full]).unwrap()), h, "{index}");
        }
        let ext: &[(&str, &str, u32, i64, i64)] = &[
            ("lists", "map", 2, 840287883, 904024396),
            ("erlang", "abs", 1, 2174955236, 2515667794),
            ("Mod", "Fün", 0, 2756228672, 1175378603),
        ];
        for &(m, f, a, h2, h) in ext {
            let t = code::export_fun(
                &mut p.heap,
                atom::intern_static(m),
                atom::intern_static(f),
                a,
            );
            assert_eq!(int_of(phash2_2(&mut p, &[t, full]).unwrap()), h2, "{m}:{f}");
            assert_eq!(int_of(phash_2(&mut p, &[t, full]).unwrap()), h, "{m}:{f}");
        }
    }

    fn is_badarg(r: BifResult) -> bool {
        matches!(r, Err(e) if e.reason == Term::atom(atom::BADARG))
    }

    /// erl: phash2(a, 0), (a, 1 bsl 32 + 1), (a, -1), (a, 1.0) -> badarg;
    /// phash2(a, 1 bsl 32) -> 97; phash(a, 0), (a, 1 bsl 32 + 1),
    /// (a, x) -> badarg; phash(a, 1 bsl 32) -> 98;
    /// phash2(0.0) = phash2(-0.0) = 20875736.
    #[test]
    fn ranges_and_errors() {
        let mut p = proc();
        let a = Term::atom(atom::intern_static("a"));
        let full = p.heap.int(1 << 32);
        let over = p.heap.int((1 << 32) + 1);
        for r in [Term::small(0), over, Term::small(-1), Term::float(1.0), a] {
            assert!(is_badarg(phash2_2(&mut p, &[a, r])));
            assert!(is_badarg(phash_2(&mut p, &[a, r])));
        }
        assert_eq!(int_of(phash2_2(&mut p, &[a, full]).unwrap()), 97);
        assert_eq!(int_of(phash_2(&mut p, &[a, full]).unwrap()), 98);
        for f in [0.0, -0.0] {
            let r = phash2_1(&mut p, &[Term::float(f)]).unwrap();
            assert_eq!(int_of(r), 20875736);
        }
    }

    /// erl -noshell -eval 'io:format("~w~n", [[erlang:crc32(<<>>),
    ///   erlang:crc32("abc"), erlang:crc32([<<"ab">>, $c | <<"d">>]),
    ///   erlang:crc32(123, "abc"), erlang:crc32(1 bsl 32 - 1, "a"),
    ///   erlang:crc32_combine(erlang:crc32("abc"), erlang:crc32("def"), 3),
    ///   erlang:crc32_combine(1,2,0), erlang:crc32_combine(5,7,1 bsl 32 - 1),
    ///   erlang:crc32_combine(5,7,1 bsl 31),
    ///   erlang:crc32_combine(1 bsl 32 - 1,1 bsl 32 - 1,12345)]]), halt().'
    #[test]
    fn crc32_matches_otp() {
        let mut p = proc();
        let l = |p: &mut Process, s: &str| p.heap.string(s);
        let abc = l(&mut p, "abc");
        assert_eq!(int_of(crc32_1(&mut p, &[Term::NIL]).unwrap()), 0);
        let e = p.heap.binary(b"");
        assert_eq!(int_of(crc32_1(&mut p, &[e]).unwrap()), 0);
        assert_eq!(int_of(crc32_1(&mut p, &[abc]).unwrap()), 891568578);
        let ab = p.heap.binary(b"ab");
        let d = p.heap.binary(b"d");
        let mixed = p.heap.list_with_tail(&[ab, Term::small(99)], d);
        assert_eq!(int_of(crc32_1(&mut p, &[mixed]).unwrap()), 3984772369);
        assert_eq!(
            int_of(crc32_2(&mut p, &[Term::small(123), abc]).unwrap()),
            1837155955
        );
        let a = l(&mut p, "a");
        let max = p.heap.int(0xFFFF_FFFF);
        assert_eq!(int_of(crc32_2(&mut p, &[max, a]).unwrap()), 3310005809);
        assert_eq!(
            crc32_combine(crc32(0, b"abc"), crc32(0, b"def"), 3),
            1267612143
        );
        assert_eq!(crc32(0, b"abcdef"), 1267612143);
        assert_eq!(crc32_combine(1, 2, 0), 3);
        assert_eq!(crc32_combine(5, 7, 0xFFFF_FFFF), 2);
        assert_eq!(crc32_combine(5, 7, 1 << 31), 1802195443);
        assert_eq!(crc32_combine(0xFFFF_FFFF, 0xFFFF_FFFF, 12345), 2374722996);
        // erl: crc32(-1, "a"), crc32(1 bsl 32, "a"), crc32(a),
        // crc32(<<1:1>>), crc32(1), crc32_combine(1,2,-1),
        // crc32_combine(5,7,1 bsl 32), crc32_combine(1 bsl 32,2,1) -> badarg
        let big = p.heap.int(1 << 32);
        assert!(is_badarg(crc32_2(&mut p, &[Term::small(-1), a])));
        assert!(is_badarg(crc32_2(&mut p, &[big, a])));
        let at = Term::atom(atom::intern_static("a"));
        assert!(is_badarg(crc32_1(&mut p, &[at])));
        let bits = p.heap.bitstring(&[0x80], 1);
        assert!(is_badarg(crc32_1(&mut p, &[bits])));
        assert!(is_badarg(crc32_1(&mut p, &[Term::small(1)])));
        let (one, two) = (Term::small(1), Term::small(2));
        assert!(is_badarg(crc32_combine_3(
            &mut p,
            &[one, two, Term::small(-1)]
        )));
        assert!(is_badarg(crc32_combine_3(&mut p, &[one, two, big])));
        assert!(is_badarg(crc32_combine_3(&mut p, &[big, two, one])));
    }

    /// erl: adler32(<<>>) = 1, adler32("abc") = 38600999,
    /// adler32(12345, "abc") = 2465542495, adler32("abcdef") = 136184406 =
    /// adler32_combine(adler32("abc"), adler32("def"), 3),
    /// adler32(<<255 x 10000>>) = 3055807275,
    /// adler32_combine(5,7,1 bsl 32 - 1) = 58720267,
    /// adler32_combine(1,2,0) = 1,
    /// adler32_combine(1 bsl 32 - 1,1 bsl 32 - 1,12345) = 1931411468,
    /// adler32(1 bsl 32 - 1, "xyz") = 51118457; combine with -1 -> badarg
    #[test]
    fn adler32_matches_otp() {
        let mut p = proc();
        assert_eq!(adler32(1, b""), 1);
        assert_eq!(adler32(1, b"abc"), 38600999);
        assert_eq!(adler32(12345, b"abc"), 2465542495);
        assert_eq!(adler32(1, b"abcdef"), 136184406);
        assert_eq!(
            adler32_combine(adler32(1, b"abc"), adler32(1, b"def"), 3),
            136184406
        );
        assert_eq!(adler32(1, &[255u8; 10000]), 3055807275);
        assert_eq!(adler32_combine(5, 7, 0xFFFF_FFFF), 58720267);
        assert_eq!(adler32_combine(1, 2, 0), 1);
        assert_eq!(adler32_combine(0xFFFF_FFFF, 0xFFFF_FFFF, 12345), 1931411468);
        assert_eq!(adler32(0xFFFF_FFFF, b"xyz"), 51118457);
        let e = p.heap.binary(b"");
        assert_eq!(int_of(adler32_1(&mut p, &[e]).unwrap()), 1);
        let (one, two) = (Term::small(1), Term::small(2));
        assert!(is_badarg(adler32_combine_3(
            &mut p,
            &[one, two, Term::small(-1)]
        )));
        assert_eq!(
            int_of(adler32_combine_3(&mut p, &[one, two, Term::small(0)]).unwrap()),
            1
        );
    }

    /// erl: md5(<<>>), md5("abc"), md5_init(), md5_update(md5_init(), "abc"),
    /// md5_update(md5_init(), lists:duplicate(70, $a)) printed with ~w;
    /// md5_update(<<1,2>>, "a"), md5_final(<<1,2>>), md5(a),
    /// md5_final(<<0:92/unit:8>>) -> badarg.
    #[test]
    fn md5_matches_otp() {
        let mut p = proc();
        assert_eq!(
            md5(b""),
            [212, 29, 140, 217, 143, 0, 178, 4, 233, 128, 9, 152, 236, 248, 66, 126]
        );
        let want_abc = [
            144, 1, 80, 152, 60, 210, 79, 176, 214, 150, 63, 125, 40, 225, 127, 114,
        ];
        assert_eq!(md5(b"abc"), want_abc);
        let ctx = md5_init_0(&mut p, &[]).unwrap();
        let init = binary::view(ctx).unwrap().to_bytes().into_owned();
        assert_eq!(init.len(), 88);
        assert_eq!(
            &init[..16],
            &[1, 35, 69, 103, 137, 171, 205, 239, 254, 220, 186, 152, 118, 84, 50, 16]
        );
        assert!(init[16..].iter().all(|&b| b == 0));
        let abc = p.heap.string("abc");
        let c2 = md5_update_2(&mut p, &[ctx, abc]).unwrap();
        let bytes = binary::view(c2).unwrap().to_bytes().into_owned();
        assert_eq!(&bytes[16..27], &[24, 0, 0, 0, 0, 0, 0, 0, 97, 98, 99]);
        let fin = md5_final_1(&mut p, &[c2]).unwrap();
        assert_eq!(&*binary::view(fin).unwrap().to_bytes(), &want_abc);
        let seventy = p.heap.byte_list(&[b'a'; 70]);
        let c3 = md5_update_2(&mut p, &[ctx, seventy]).unwrap();
        let bytes = binary::view(c3).unwrap().to_bytes().into_owned();
        assert_eq!(
            &bytes[..24],
            &[
                86, 255, 212, 137, 98, 217, 92, 18, 51, 222, 202, 105, 37, 227, 51, 0, 48, 2, 0, 0,
                0, 0, 0, 0
            ]
        );
        assert!(bytes[24..].iter().all(|&b| b == 97));
        let whole = md5(&[b'a'; 70]);
        let fin3 = md5_final_1(&mut p, &[c3]).unwrap();
        assert_eq!(&*binary::view(fin3).unwrap().to_bytes(), &whole);
        let short = p.heap.binary(&[1, 2]);
        let a = p.heap.string("a");
        assert!(is_badarg(md5_update_2(&mut p, &[short, a])));
        assert!(is_badarg(md5_final_1(&mut p, &[short])));
        let at = Term::atom(atom::intern_static("a"));
        assert!(is_badarg(md5_1(&mut p, &[at])));
        let z92 = p.heap.binary(&[0u8; 92]);
        assert!(is_badarg(md5_final_1(&mut p, &[z92])));
        // Multi-block input fed in uneven pieces.
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut m = Md5::new();
        for piece in data.chunks(37) {
            m.update(piece);
        }
        assert_eq!(m.finish(), md5(&data));
    }
}
