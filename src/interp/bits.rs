//! Bit syntax: matching binaries (match contexts, `bs_get_*`,
//! `bs_skip_*`, `bs_match_string`, utf) and the pre-OTP-25 construction
//! instructions (`bs_init2`, `bs_put_*`). `bs_create_bin` is `bs_create`.
//!
//! A match context is a `MatchCtx` object: absolute bit position, absolute
//! end, and the underlying `HeapBin`; sub-binaries it yields reference that
//! same `HeapBin`, so matching never copies payload.

use super::bs_create;
use crate::bif::Exc;
use crate::code::instr::{BinSegment, X_REGS};
use crate::code::Module;
use crate::process::Process;
use crate::term::bitbuf::{read_u64, BitWriter};
use crate::term::{atom, bignum, binary, Kind, Term};
use num_bigint::{BigInt, Sign};

const LITTLE: u32 = 0x02;
const SIGNED: u32 = 0x04;

/// The underlying `HeapBin`, start and end bits of any bitstring or
/// match context.
fn parts(t: Term) -> Option<(Term, u64, u64)> {
    match t.boxed_kind()? {
        Kind::HeapBin => Some((t, 0, t.word(1))),
        Kind::ProcBin => Some((t, 0, t.word(2))),
        Kind::SubBin => {
            let off = t.word(1);
            Some((Term(t.word(3)), off, off + t.word(2)))
        }
        Kind::MatchCtx => Some((Term(t.word(3)), t.word(1), t.word(2))),
        _ => None,
    }
}

fn data<'a>(orig: Term) -> &'a [u8] {
    binary::base_data(orig).0
}

pub fn start_match(p: &mut Process, t: Term) -> Option<Term> {
    if t.is_match_ctx() {
        return Some(t);
    }
    let (orig, start, end) = parts(t)?;
    let (ctx, body) = p.heap.boxed(Kind::MatchCtx, 3);
    // SAFETY: three words after the header.
    unsafe {
        *body = start;
        *body.add(1) = end;
        *body.add(2) = orig.0;
    }
    Some(ctx)
}

pub fn remaining(ctx: Term) -> u64 {
    match parts(ctx) {
        Some((_, s, e)) => e.saturating_sub(s),
        None => 0,
    }
}

pub fn position(ctx: Term) -> u64 {
    if ctx.is_match_ctx() {
        ctx.word(1)
    } else {
        0
    }
}

pub fn set_position(ctx: Term, pos: Term) {
    if ctx.is_match_ctx() && pos.is_small() && pos.small_value() >= 0 {
        let v = (pos.small_value() as u64).min(ctx.word(2));
        ctx.set_word(1, v);
    }
}

/// Segment size in bits from a size operand and unit; `None` if invalid.
fn seg_bits(size: Term, unit: u32) -> Option<u64> {
    if size.is_small() && size.small_value() >= 0 {
        (size.small_value() as u64).checked_mul(unit.max(1) as u64)
    } else {
        None
    }
}

/// `n` bits (any number) from bit `pos` of `d` as an unsigned integer.
fn read_big(d: &[u8], pos: u64, n: u64) -> BigInt {
    if n == 0 {
        return BigInt::default();
    }
    let nbytes = n.div_ceil(8);
    let first = n - (nbytes - 1) * 8; // 1..=8 bits in the top byte
    let mut bytes = Vec::with_capacity(nbytes as usize);
    bytes.push(read_u64(d, pos, first) as u8);
    for i in 1..nbytes {
        bytes.push(read_u64(d, pos + first + (i - 1) * 8, 8) as u8);
    }
    BigInt::from_bytes_be(Sign::Plus, &bytes)
}

pub fn get_integer(p: &mut Process, ctx: Term, size: Term, unit: u32, flags: u32) -> Option<Term> {
    if !ctx.is_match_ctx() {
        return None;
    }
    let n = seg_bits(size, unit)?;
    let (orig, pos, end) = parts(ctx)?;
    if end - pos < n {
        return None;
    }
    let d = data(orig);
    let t = if n <= 64 && (flags & LITTLE == 0 || n % 8 == 0) {
        let mut v = read_u64(d, pos, n);
        if flags & LITTLE != 0 {
            v = v.swap_bytes() >> (64 - n.max(1));
            if n == 0 {
                v = 0;
            }
        }
        let signed = flags & SIGNED != 0;
        if signed && n > 0 && n < 64 && (v >> (n - 1)) & 1 == 1 {
            let sv = (v as i64) - (1i64 << n);
            p.heap.int(sv)
        } else if (signed && n == 64) || v <= i64::MAX as u64 {
            p.heap.int(v as i64)
        } else {
            bignum::from_big(&mut p.heap, &BigInt::from(v))
        }
    } else {
        let mut v = if flags & LITTLE != 0 {
            // little-endian: whole bytes least significant first, then the
            // final partial byte's bits as the most significant part (the
            // inverse of construction, `BitWriter::push_int`)
            let k = n / 8;
            let rem = n % 8;
            let mut bytes: Vec<u8> = (0..k).map(|i| read_u64(d, pos + i * 8, 8) as u8).collect();
            if rem != 0 {
                bytes.push(read_u64(d, pos + k * 8, rem) as u8);
            }
            BigInt::from_bytes_le(Sign::Plus, &bytes)
        } else {
            read_big(d, pos, n)
        };
        if flags & SIGNED != 0 && n > 0 && v.bit(n - 1) {
            v -= BigInt::from(1) << n;
        }
        bignum::from_big(&mut p.heap, &v)
    };
    ctx.set_word(1, pos + n);
    Some(t)
}

/// The largest field [`get_small`] reads: every value of it is a small
/// integer (48 bits signed, 47 unsigned).
pub fn small_field(n: u64, flags: u32) -> bool {
    (1..=if flags & SIGNED != 0 { 48 } else { 47 }).contains(&n)
        && (flags & LITTLE == 0 || n % 8 == 0)
}

/// [`get_integer`] of a field for which [`small_field`] holds, from match
/// context `ctx`: the value (no allocation), or `None` when fewer than
/// `n` bits are left (the instruction's fail label).
pub fn get_small(ctx: Term, n: u64, flags: u32) -> Option<i64> {
    debug_assert!(small_field(n, flags));
    if !ctx.is_match_ctx() {
        return None;
    }
    // a match context's words: position, end, the underlying binary
    let (pos, end, orig) = (ctx.word(1), ctx.word(2), Term(ctx.word(3)));
    if end.saturating_sub(pos) < n {
        return None;
    }
    let mut v = read_u64(data(orig), pos, n);
    if flags & LITTLE != 0 {
        v = v.swap_bytes() >> (64 - n);
    }
    let v = if flags & SIGNED != 0 && (v >> (n - 1)) & 1 == 1 {
        (v as i64) - (1i64 << n)
    } else {
        v as i64
    };
    ctx.set_word(1, pos + n);
    Some(v)
}

pub fn get_float(ctx: Term, size: Term, unit: u32, flags: u32) -> Option<Term> {
    if !ctx.is_match_ctx() {
        return None;
    }
    let n = seg_bits(size, unit)?;
    if n == 0 {
        // as OTP: an empty float segment matches, as 0.0
        return Some(Term::float(0.0));
    }
    if !matches!(n, 16 | 32 | 64) {
        return None;
    }
    let (orig, pos, end) = parts(ctx)?;
    if end - pos < n {
        return None;
    }
    let d = data(orig);
    let mut v = read_u64(d, pos, n);
    if flags & LITTLE != 0 {
        v = v.swap_bytes() >> (64 - n);
    }
    let f = match n {
        64 => f64::from_bits(v),
        32 => f32::from_bits(v as u32) as f64,
        _ => half_to_f64(v as u16),
    };
    if !f.is_finite() {
        return None;
    }
    ctx.set_word(1, pos + n);
    Some(Term::float(f))
}

/// IEEE binary16 from a double, round to nearest-even, overflow to inf.
pub fn f64_to_f16(v: f64) -> u16 {
    let bits = v.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let mant = bits & 0x000F_FFFF_FFFF_FFFF;
    if exp == 0x7FF {
        return sign | 0x7C00 | if mant != 0 { 0x200 } else { 0 };
    }
    let e = exp - 1023 + 15;
    if e >= 31 {
        return sign | 0x7C00;
    }
    let round = |value: u64, shift: u32| -> u64 {
        let r = value >> shift;
        let rem = value & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if rem > half || (rem == half && r & 1 == 1) {
            r + 1
        } else {
            r
        }
    };
    if e <= 0 {
        if e < -10 {
            return sign;
        }
        let m = mant | (1u64 << 52);
        let shift = (42 + 1 - e) as u32;
        return sign | round(m, shift) as u16;
    }
    let r = ((e as u64) << 10) + round(mant, 42);
    sign | r as u16
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1F) as i32;
    let frac = (h & 0x3FF) as f64;
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        31 => f64::NAN,
        e => sign * (1.0 + frac / 1024.0) * 2f64.powi(e - 15),
    }
}

fn sub_bin(p: &mut Process, orig: Term, off: u64, size: u64) -> Term {
    let (t, body) = p.heap.boxed(Kind::SubBin, 3);
    // SAFETY: three words after the header.
    unsafe {
        *body = off;
        *body.add(1) = size;
        *body.add(2) = orig.0;
    }
    t
}

pub fn get_binary(p: &mut Process, ctx: Term, size: Term, unit: u32) -> Option<Term> {
    if !ctx.is_match_ctx() {
        return None;
    }
    let (orig, pos, end) = parts(ctx)?;
    let avail = end - pos;
    let n = if size == Term::atom(atom::ALL) {
        let u = unit.max(1) as u64;
        if avail % u != 0 {
            return None;
        }
        avail
    } else {
        seg_bits(size, unit)?
    };
    if avail < n {
        return None;
    }
    let t = sub_bin(p, orig, pos, n);
    ctx.set_word(1, pos + n);
    Some(t)
}

pub fn skip(ctx: Term, size: Term, unit: u32) -> bool {
    if !ctx.is_match_ctx() {
        return false;
    }
    let Some((_, pos, end)) = parts(ctx) else {
        return false;
    };
    let avail = end - pos;
    let n = if size == Term::atom(atom::ALL) {
        let u = unit.max(1) as u64;
        if avail % u != 0 {
            return false;
        }
        avail
    } else {
        match seg_bits(size, unit) {
            Some(n) => n,
            None => return false,
        }
    };
    if avail < n {
        return false;
    }
    ctx.set_word(1, pos + n);
    true
}

/// The bytes under match context `ctx` and its position, when at least
/// `n` bits are left (the preamble of every fixed-size match).
fn next_bits<'a>(ctx: Term, n: u64) -> Option<(&'a [u8], u64)> {
    if !ctx.is_match_ctx() {
        return None;
    }
    let (orig, pos, end) = parts(ctx)?;
    (end - pos >= n).then(|| (data(orig), pos))
}

pub fn match_string(ctx: Term, strings: &[u8], offset: usize, n: u64) -> bool {
    let Some((d, pos)) = next_bits(ctx, n) else {
        return false;
    };
    for i in 0..n {
        let b = pos + i;
        let bit = (d[(b / 8) as usize] >> (7 - (b % 8))) & 1;
        let sb = strings
            .get(offset + (i / 8) as usize)
            .map(|s| (s >> (7 - (i % 8))) & 1);
        if sb != Some(bit) {
            return false;
        }
    }
    ctx.set_word(1, pos + n);
    true
}

/// `bs_match`'s `ensure_at_least`: at least `n` bits left, and what is
/// left after them a multiple of `unit`.
pub fn ensure_at_least(ctx: Term, n: u64, unit: u64) -> bool {
    let r = remaining(ctx);
    ctx.is_match_ctx() && r >= n && (r - n) % unit.max(1) == 0
}

/// `bs_match`'s `=:=`: the next `n` bits, read as an unsigned big-endian
/// integer, equal `value`; they are skipped when they do.
pub fn match_uint(ctx: Term, n: u64, value: u64) -> bool {
    let Some((d, pos)) = next_bits(ctx, n) else {
        return false;
    };
    // bits above the low 64 must be zero
    let mut at = pos;
    let mut high = n.saturating_sub(64);
    while high > 0 {
        let k = high.min(64);
        if read_u64(d, at, k) != 0 {
            return false;
        }
        at += k;
        high -= k;
    }
    if read_u64(d, at, n.min(64)) != value {
        return false;
    }
    ctx.set_word(1, pos + n);
    true
}

pub fn tail(p: &mut Process, ctx: Term) -> Term {
    match parts(ctx) {
        Some((orig, pos, end)) => sub_bin(p, orig, pos, end - pos),
        None => p.heap.binary(&[]),
    }
}

pub fn get_utf(ctx: Term, width: u8, flags: u32) -> Option<u32> {
    if !ctx.is_match_ctx() {
        return None;
    }
    let (orig, pos, end) = parts(ctx)?;
    let d = data(orig);
    let avail = end - pos;
    let byte = |i: u64| -> u8 { read_u64(d, pos + i * 8, 8) as u8 };
    let (cp, used) = match width {
        8 => {
            if avail < 8 {
                return None;
            }
            let b0 = byte(0);
            let (len, init) = match b0 {
                0x00..=0x7F => (1, b0 as u32),
                0xC2..=0xDF => (2, (b0 & 0x1F) as u32),
                0xE0..=0xEF => (3, (b0 & 0x0F) as u32),
                0xF0..=0xF4 => (4, (b0 & 0x07) as u32),
                _ => return None,
            };
            if avail < len * 8 {
                return None;
            }
            let mut cp = init;
            for i in 1..len {
                let b = byte(i);
                if b & 0xC0 != 0x80 {
                    return None;
                }
                cp = (cp << 6) | (b & 0x3F) as u32;
            }
            let min = [0, 0, 0x80, 0x800, 0x10000][len as usize];
            if cp < min || cp > 0x10FFFF || (0xD800..=0xDFFF).contains(&cp) {
                return None;
            }
            (cp, len * 8)
        }
        16 => {
            if avail < 16 {
                return None;
            }
            let w = |i: u64| -> u32 {
                let v = read_u64(d, pos + i * 16, 16) as u16;
                (if flags & LITTLE != 0 {
                    v.swap_bytes()
                } else {
                    v
                }) as u32
            };
            let w0 = w(0);
            if (0xD800..=0xDBFF).contains(&w0) {
                if avail < 32 {
                    return None;
                }
                let w1 = w(1);
                if !(0xDC00..=0xDFFF).contains(&w1) {
                    return None;
                }
                (0x10000 + ((w0 - 0xD800) << 10) + (w1 - 0xDC00), 32)
            } else if (0xDC00..=0xDFFF).contains(&w0) {
                return None;
            } else {
                (w0, 16)
            }
        }
        _ => {
            if avail < 32 {
                return None;
            }
            let mut v = read_u64(d, pos, 32) as u32;
            if flags & LITTLE != 0 {
                v = v.swap_bytes();
            }
            if v > 0x10FFFF || (0xD800..=0xDFFF).contains(&v) {
                return None;
            }
            (v, 32)
        }
    };
    ctx.set_word(1, pos + used);
    Some(cp)
}

// ---- pre-OTP-25 construction ----------------------------------------------------

/// `bs_init2`/`bs_init_bits`: a zeroed binary of `bits` bits to fill.
pub fn old_init(p: &mut Process, bits: u64) -> Result<Term, Exc> {
    if bits > (1 << 35) {
        return Err(Exc::system_limit());
    }
    let zeros = vec![0u8; bits.div_ceil(8) as usize];
    let t = p.heap.bitstring(&zeros, bits);
    p.bs_cur = t;
    p.bs_pos = 0;
    Ok(t)
}

/// `bs_append`: `bin` followed by `extra` zero bits, filled from the end of
/// `bin`.
pub fn old_append(p: &mut Process, bin: Term, extra: u64) -> Result<Term, Exc> {
    let v = binary::view(bin).ok_or_else(Exc::badarg)?;
    let total = v.size.checked_add(extra).ok_or_else(Exc::system_limit)?;
    if total > (1 << 35) {
        return Err(Exc::system_limit());
    }
    let mut w = BitWriter::default();
    w.push_view(&v, v.size);
    let pad = total.div_ceil(8) as usize;
    w.bytes.resize(pad, 0);
    let t = p.heap.bitstring(&w.bytes, total);
    p.bs_cur = t;
    p.bs_pos = v.size;
    Ok(t)
}

/// Copy `w`'s bits into the binary under construction at the position.
fn old_write(p: &mut Process, w: &BitWriter) -> Result<(), Exc> {
    let t = p.bs_cur;
    if !t.is_bitstring() || t.boxed_kind() == Some(Kind::SubBin) {
        return Err(Exc::badarg());
    }
    let size = if t.header().kind() == Kind::ProcBin {
        t.word(2)
    } else {
        t.word(1)
    };
    let pos = p.bs_pos;
    if pos + w.bits > size {
        return Err(Exc::badarg());
    }
    // SAFETY: `bs_cur` is the binary this process just created with
    // `old_init`/`old_append` and is filling; nothing else reads its bytes
    // until construction ends.
    let out = unsafe { binary::bytes_under_construction(t) };
    if pos % 8 == 0 && w.bits % 8 == 0 {
        let s = (pos / 8) as usize;
        out[s..s + w.bytes.len()].copy_from_slice(&w.bytes);
    } else {
        for i in 0..w.bits {
            let bit = (w.bytes[(i / 8) as usize] >> (7 - (i % 8))) & 1;
            let o = pos + i;
            let byte = &mut out[(o / 8) as usize];
            let mask = 1u8 << (7 - (o % 8));
            if bit == 1 {
                *byte |= mask;
            } else {
                *byte &= !mask;
            }
        }
    }
    p.bs_pos = pos + w.bits;
    Ok(())
}

/// `bs_put_integer/binary/float/utf*`: one segment at the position.
pub fn old_put(
    p: &mut Process,
    x: &[Term; X_REGS],
    module: &Module,
    seg: &BinSegment,
) -> Result<(), Exc> {
    let mut w = BitWriter::default();
    bs_create::write_segments(p, x, module, std::slice::from_ref(seg), &mut w)
        .map_err(|f| f.exc())?;
    old_write(p, &w)
}

pub fn old_put_string(p: &mut Process, module: &Module, len: u32, offset: u32) -> Result<(), Exc> {
    let s = module
        .strings
        .get(offset as usize..offset as usize + len as usize)
        .ok_or_else(Exc::badarg)?;
    let mut w = BitWriter::default();
    w.push_bytes(s);
    old_write(p, &w)
}

/// Bytes of the utf8 (`width` 8) or utf16 encoding of code point `t`.
pub fn utf_size(t: Term, width: u8) -> Option<i64> {
    if !t.is_small() {
        return None;
    }
    let c = char::from_u32(u32::try_from(t.small_value()).ok()?)?;
    Some(if width == 8 {
        c.len_utf8()
    } else {
        c.len_utf16() * 2
    } as i64)
}
