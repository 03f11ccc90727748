//! `unicode:characters_to_binary/1,2,3` and `unicode:characters_to_list/1,2`
//! with OTP 25's exact results, including the shapes of the `Rest` in
//! `{error, Converted, Rest}` and `{incomplete, Converted, Rest}`.
//!
//! OTP implements these in two different ways, and the `Rest` shapes
//! differ between them, so this file mirrors both:
//!
//! * the C BIFs (`erl_unicode.c`): `characters_to_binary/2` and
//!   `characters_to_list/2` for the encodings `latin1`, `unicode`, `utf8`
//!   (and `characters_to_binary/3` when the output is `unicode`/`utf8`).
//!   They first check the whole structure (`badarg` for anything that is
//!   not chardata), then convert, carrying up to three bytes of an
//!   incomplete UTF-8 character from one binary to the next. See `c_path`.
//! * the Erlang fallback (`unicode:characters_to_binary_int/3` and its
//!   `ml_map/3`) for every other encoding pair: utf16/utf32 input or
//!   latin1/utf16/utf32 output. It converts lazily and only fails with
//!   `badarg` when it reaches a bad element. See `MlMap`.
//!
//! Both walk nested lists with explicit stacks (no recursion on the input).

use super::binaries::{bytes_of, part};
use super::types::fixed;
use super::{Bif, BifResult, Exc};
use crate::heap::Heap;
use crate::process::Process;
use crate::term::{atom, bignum, binary, Term};

/// A character encoding as `unicode` names them.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Enc {
    Latin1,
    Utf8,
    Utf16 { little: bool },
    Utf32 { little: bool },
}

fn atom_named(t: Term, name: &str) -> bool {
    t.is_atom() && atom::with_name(t.atom_value(), |s| s == name)
}

/// `latin1 | unicode | utf8 | utf16 | {utf16, big | little} | utf32 | {utf32, ...}`.
fn encoding(t: Term) -> Option<Enc> {
    if t == Term::atom(atom::LATIN1) {
        return Some(Enc::Latin1);
    }
    if t == Term::atom(atom::UNICODE) || t == Term::atom(atom::UTF8) {
        return Some(Enc::Utf8);
    }
    if atom_named(t, "utf16") {
        return Some(Enc::Utf16 { little: false });
    }
    if atom_named(t, "utf32") {
        return Some(Enc::Utf32 { little: false });
    }
    if t.is_tuple() && t.tuple_arity() == 2 {
        let little = if atom_named(t.element(1), "little") {
            true
        } else if atom_named(t.element(1), "big") {
            false
        } else {
            return None;
        };
        if atom_named(t.element(0), "utf16") {
            return Some(Enc::Utf16 { little });
        }
        if atom_named(t.element(0), "utf32") {
            return Some(Enc::Utf32 { little });
        }
    }
    None
}

/// The encodings the C BIFs handle themselves: `Some(true)` for latin1,
/// `Some(false)` for unicode/utf8, `None` for anything else.
fn c_latin1_flag(t: Term) -> Option<bool> {
    if t == Term::atom(atom::LATIN1) {
        Some(true)
    } else if t == Term::atom(atom::UNICODE) || t == Term::atom(atom::UTF8) {
        Some(false)
    } else {
        None
    }
}

fn push_utf8(out: &mut Vec<u8>, c: u32) {
    if let Some(ch) = char::from_u32(c) {
        let mut buf = [0u8; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    }
}

#[inline]
fn is_cont(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The integer value of a term OTP 25 would hold as a small integer
/// (60-bit), so the structure checks agree with OTP for values between
/// this VM's small range and OTP's.
fn otp_small(t: Term) -> Option<i64> {
    const OTP_SMALL_MAX: i64 = (1 << 59) - 1;
    const OTP_SMALL_MIN: i64 = -(1 << 59);
    if t.is_small() {
        return Some(t.small_value());
    }
    bignum::to_i64(t).filter(|v| (OTP_SMALL_MIN..=OTP_SMALL_MAX).contains(v))
}

// ==== the C BIFs ===========================================================

/// How a conversion ended.
enum Status {
    Ok,
    Error(Term),
    Incomplete(Term),
}

/// The C BIFs' first pass (`utf8_need`): `badarg` unless `subject` is
/// chardata. A non-small integer ends the check early (OTP stops there;
/// the conversion then fails at that element).
fn c_check(subject: Term) -> Result<(), Exc> {
    let binary_ok = |t: Term| match binary::view(t) {
        Some(b) if b.is_binary() => Ok(()),
        _ => Err(Exc::badarg()),
    };
    if subject.is_nil() {
        return Ok(());
    }
    if !subject.is_cons() {
        return binary_ok(subject);
    }
    let mut pending = vec![subject];
    while let Some(mut cur) = pending.pop() {
        while cur.is_cons() {
            let (h, t) = cur.cons_parts();
            if h.is_integer() {
                if otp_small(h).is_none() {
                    return Ok(());
                }
            } else if h.is_cons() {
                pending.push(t);
                cur = h;
                continue;
            } else if !h.is_nil() {
                binary_ok(h)?;
            }
            cur = t;
        }
        if !cur.is_nil() {
            binary_ok(cur)?;
        }
    }
    Ok(())
}

/// A complete UTF-8 sequence `s` (its length given by its lead byte) as
/// the C code accepts it: no overlongs, no surrogates, nothing above
/// U+10FFFF.
fn c_valid_seq(s: &[u8]) -> bool {
    match *s {
        [b0, b1] => is_cont(b1) && b0 >= 0xC2,
        [b0, b1, b2] => {
            is_cont(b1)
                && is_cont(b2)
                && !(b0 == 0xE0 && b1 < 0xA0)
                && !((b0 & 0x0F) == 0x0D && (b1 & 0x20) != 0)
        }
        [b0, b1, b2, b3] => {
            is_cont(b1)
                && is_cont(b2)
                && is_cont(b3)
                && !(b0 == 0xF0 && b1 < 0x90)
                && !((b0 & 7) > 4 || ((b0 & 7) == 4 && (b1 & 0x3F) > 0x0F))
        }
        _ => false,
    }
}

/// Length of the UTF-8 sequence a lead byte starts (0 for a bad lead).
fn utf8_len(b: u8) -> usize {
    if b & 0x80 == 0 {
        1
    } else if b & 0xE0 == 0xC0 {
        2
    } else if b & 0xF0 == 0xE0 {
        3
    } else if b & 0xF8 == 0xF0 {
        4
    } else {
        0
    }
}

/// OTP's `check_leftovers`: can these trailing bytes still become a
/// character (incomplete) or not (error)?
fn leftovers_incomplete(s: &[u8]) -> bool {
    let Some(&b0) = s.first() else {
        return false;
    };
    let c1 = s.get(1).is_some_and(|&b| is_cont(b));
    let c2 = s.get(2).is_some_and(|&b| is_cont(b));
    let n = s.len();
    if b0 & 0xE0 == 0xC0 {
        true
    } else if b0 & 0xF0 == 0xE0 {
        n < 2 || (n < 3 && c1)
    } else if b0 & 0xF8 == 0xF0 {
        n < 2 || (n < 3 && c1) || (n < 4 && c1 && c2)
    } else {
        false
    }
}

/// The C conversion state: UTF-8 output so far plus the bytes of a
/// character split across binaries.
struct CBuild<'h> {
    heap: &'h mut Heap,
    latin1: bool,
    out: Vec<u8>,
    leftover: Vec<u8>,
}

impl CBuild<'_> {
    /// `copy_utf8_bin`: copy valid UTF-8 from `src`, completing a pending
    /// leftover first. `Err(i)`: bad sequence at byte `i` of `src` (0 when
    /// the leftover could not be completed).
    fn copy_utf8(&mut self, src: &[u8]) -> Result<(), usize> {
        let mut i = 0;
        if let Some(&lead) = self.leftover.first() {
            let need = utf8_len(lead);
            let from = need.saturating_sub(self.leftover.len());
            if src.len() < from {
                self.leftover.extend_from_slice(src);
                return Ok(());
            }
            let mut seq = self.leftover.clone();
            seq.extend_from_slice(src.get(..from).unwrap_or(&[]));
            if !c_valid_seq(&seq) {
                return Err(0);
            }
            self.out.extend_from_slice(&seq);
            self.leftover.clear();
            i = from;
        }
        while let Some(&b) = src.get(i) {
            if b < 0x80 {
                self.out.push(b);
                i += 1;
                continue;
            }
            let n = utf8_len(b);
            if n == 0 {
                return Err(i);
            }
            let rest = src.get(i..).unwrap_or(&[]);
            if rest.len() < n {
                self.leftover = rest.to_vec();
                break;
            }
            let seq = rest.get(..n).unwrap_or(&[]);
            if !c_valid_seq(seq) {
                return Err(i);
            }
            self.out.extend_from_slice(seq);
            i += n;
        }
        Ok(())
    }

    /// Convert one binary; `Some(rest)` on error (the rest of this binary
    /// from the bad byte).
    fn binary(&mut self, t: Term) -> Option<Term> {
        let v = binary::view(t)?;
        let bytes = v.to_bytes();
        if self.latin1 {
            for &b in bytes.iter() {
                push_utf8(&mut self.out, b as u32);
            }
            return None;
        }
        match self.copy_utf8(&bytes) {
            Ok(()) => None,
            Err(i) => {
                let off = i as u64 * 8;
                Some(part(self.heap, t, &v, off, v.size.saturating_sub(off)))
            }
        }
    }

    /// One integer element; `false` if it is not a character here.
    fn char(&mut self, t: Term) -> bool {
        let Some(v) = otp_small(t) else {
            return false;
        };
        let Ok(c) = u32::try_from(v) else {
            return false;
        };
        if self.latin1 && c > 255 {
            return false;
        }
        if (0xD800..=0xDFFF).contains(&c) || c >= 0x11_0000 {
            return false;
        }
        push_utf8(&mut self.out, c);
        true
    }

    /// `do_build_utf8`: convert `subject` (already checked); `Some(rest)`
    /// on error.
    fn walk(&mut self, subject: Term) -> Option<Term> {
        if subject.is_nil() {
            return None;
        }
        if !subject.is_cons() {
            return match binary::view(subject) {
                Some(_) => self.binary(subject),
                None => Some(subject),
            };
        }
        let mut pending = vec![subject];
        let failed_at = 'outer: loop {
            // All done without an error: `?` returns `None`.
            let mut io = pending.pop()?;
            while io.is_cons() {
                let (h, t) = io.cons_parts();
                if h.is_integer() {
                    if !self.leftover.is_empty() || !self.char(h) {
                        break 'outer io;
                    }
                } else if h.is_cons() {
                    pending.push(t);
                    io = h;
                    continue;
                } else if !h.is_nil() {
                    if binary::view(h).is_none() {
                        break 'outer io;
                    }
                    if let Some(rest) = self.binary(h) {
                        break 'outer self.heap.cons(rest, t);
                    }
                }
                io = t;
            }
            if !io.is_nil() {
                if binary::view(io).is_none() {
                    break 'outer io;
                }
                if let Some(rest) = self.binary(io) {
                    break 'outer rest;
                }
            }
        };
        let mut rest = failed_at;
        while let Some(t) = pending.pop() {
            rest = self.heap.cons(rest, t);
        }
        Some(rest)
    }
}

/// The C BIFs' conversion of `subject` to UTF-8 bytes.
fn c_path(heap: &mut Heap, subject: Term, latin1: bool) -> Result<(Vec<u8>, Status), Exc> {
    c_check(subject)?;
    let mut b = CBuild {
        heap,
        latin1,
        out: Vec::new(),
        leftover: Vec::new(),
    };
    let failed = b.walk(subject);
    let CBuild {
        heap,
        out,
        leftover,
        ..
    } = b;
    let status = match failed {
        Some(rest) if leftover.is_empty() => Status::Error(rest),
        Some(rest) => {
            let lb = heap.binary(&leftover);
            Status::Error(heap.list(&[lb, rest]))
        }
        None if leftover.is_empty() => Status::Ok,
        None => {
            let lb = heap.binary(&leftover);
            if leftovers_incomplete(&leftover) {
                Status::Incomplete(lb)
            } else {
                Status::Error(lb)
            }
        }
    };
    Ok((out, status))
}

/// `{error | incomplete, Converted, Rest}` or just `Converted`.
fn result(heap: &mut Heap, converted: Term, status: Status) -> Term {
    match status {
        Status::Ok => converted,
        Status::Error(rest) => heap.tuple(&[Term::atom(atom::ERROR), converted, rest]),
        Status::Incomplete(rest) => {
            let tag = Term::atom(atom::intern_static("incomplete"));
            heap.tuple(&[tag, converted, rest])
        }
    }
}

/// The C `characters_to_binary/2` for latin1/unicode/utf8 input.
fn c_to_binary(heap: &mut Heap, data: Term, latin1: bool) -> BifResult {
    // OTP looks inside a one-binary list.
    let subject = if data.is_cons() && binary::view(data.head()).is_some() && data.tail().is_nil() {
        data.head()
    } else {
        data
    };
    let (out, status) = c_path(heap, subject, latin1)?;
    if matches!(status, Status::Ok) {
        if let Some(src) = bytes_of(subject) {
            if *src == *out {
                return Ok(subject);
            }
        }
    }
    let converted = heap.binary(&out);
    Ok(result(heap, converted, status))
}

/// The characters of UTF-8 bytes this file produced, as a list.
fn utf8_list(heap: &mut Heap, bytes: &[u8]) -> Result<Term, Exc> {
    let s = std::str::from_utf8(bytes).map_err(|_| Exc::badarg())?;
    let chars: Vec<Term> = s.chars().map(|c| Term::small(c as i64)).collect();
    Ok(heap.list(&chars))
}

/// The C `characters_to_list/2` for latin1/unicode/utf8 input.
fn c_to_list(heap: &mut Heap, data: Term, latin1: bool) -> BifResult {
    let (out, status) = c_path(heap, data, latin1)?;
    let converted = utf8_list(heap, &out)?;
    Ok(result(heap, converted, status))
}

// ==== the Erlang fallback (unicode:characters_to_binary_int/3) ============

/// How decoding one binary ended (byte offsets into it).
enum Dec {
    Done,
    Error(usize),
    Incomplete(usize, usize),
}

/// `<<U/utf8>>` matching: one strict UTF-8 character at the front.
fn match_utf8(s: &[u8]) -> Option<(u32, usize)> {
    let n = utf8_len(*s.first()?);
    let seq = s.get(..n)?;
    let text = std::str::from_utf8(seq).ok()?;
    text.chars().next().map(|c| (c as u32, n))
}

fn u16_at(s: &[u8], i: usize, little: bool) -> Option<u32> {
    let b = [*s.get(i)?, *s.get(i + 1)?];
    Some(if little {
        u16::from_le_bytes(b)
    } else {
        u16::from_be_bytes(b)
    } as u32)
}

/// `<<U/utf16>>` matching.
fn match_utf16(s: &[u8], little: bool) -> Option<(u32, usize)> {
    let w1 = u16_at(s, 0, little)?;
    match w1 {
        0xD800..=0xDBFF => {
            let w2 = u16_at(s, 2, little)?;
            if (0xDC00..=0xDFFF).contains(&w2) {
                Some((0x10000 + ((w1 - 0xD800) << 10) + (w2 - 0xDC00), 4))
            } else {
                None
            }
        }
        0xDC00..=0xDFFF => None,
        _ => Some((w1, 2)),
    }
}

/// `<<U/utf32>>` matching.
fn match_utf32(s: &[u8], little: bool) -> Option<(u32, usize)> {
    let b: [u8; 4] = s.get(..4)?.try_into().ok()?;
    let c = if little {
        u32::from_le_bytes(b)
    } else {
        u32::from_be_bytes(b)
    };
    char::from_u32(c).map(|_| (c, 4))
}

/// `unicode:cbv/2`: how many bytes are missing from an incomplete tail,
/// `None` if it can never become a character.
fn cbv(enc: Enc, s: &[u8]) -> Option<usize> {
    let hs = |b: u8| b >> 2 == 0b11_0110; // 0xD8..=0xDB
    let ls = |b: u8| b >> 2 == 0b11_0111; // 0xDC..=0xDF
    match enc {
        Enc::Latin1 => None,
        Enc::Utf8 => match *s {
            [b] if b & 0xE0 == 0xC0 => Some(1),
            [b, ref r @ ..] if b & 0xF0 == 0xE0 => match *r {
                [] => Some(2),
                [c] if is_cont(c) => Some(1),
                _ => None,
            },
            [b, ref r @ ..] if b & 0xF8 == 0xF0 => match *r {
                [] => Some(3),
                [c] if is_cont(c) => Some(2),
                [c, d] if is_cont(c) && is_cont(d) => Some(1),
                _ => None,
            },
            _ => None,
        },
        Enc::Utf16 { little: false } => match *s {
            [a] if a <= 215 || a >= 224 => Some(1),
            [a] if hs(a) => Some(3),
            [a, _] if hs(a) => Some(2),
            [a, _, c] if hs(a) && ls(c) => Some(1),
            _ => None,
        },
        Enc::Utf16 { little: true } => match *s {
            [_] => Some(1),
            [_, b] if hs(b) => Some(2),
            [_, b, _] if hs(b) => Some(1),
            _ => None,
        },
        Enc::Utf32 { little: false } => match *s {
            [0] => Some(3),
            [0, x] if x <= 16 => Some(2),
            [0, x, y] if x <= 16 && (x > 0 || y <= 215 || y >= 224) => Some(1),
            _ => None,
        },
        Enc::Utf32 { little: true } => match *s {
            [_] => Some(3),
            [_, _] => Some(2),
            [x, 255, 0] if x == 254 || x == 255 => None,
            [_, y, x] if x <= 16 && (x > 0 || y <= 215 || y >= 224) => Some(1),
            _ => None,
        },
    }
}

/// The state of one `ml_map` conversion.
struct MlMap<'h> {
    heap: &'h mut Heap,
    input: Enc,
    output: Enc,
    /// `i_trans_chk`: stop decoding at characters above 255 (latin1 out).
    chk: bool,
    /// Largest integer element accepted.
    limit: i64,
    out: Vec<u8>,
}

impl MlMap<'_> {
    fn new(heap: &mut Heap, input: Enc, output: Enc) -> MlMap<'_> {
        let chk = output == Enc::Latin1;
        let limit = if chk || input == Enc::Latin1 {
            255
        } else {
            0x10_FFFF
        };
        MlMap {
            heap,
            input,
            output,
            chk,
            limit,
            out: Vec::new(),
        }
    }

    /// Append a valid character in the output encoding.
    fn emit(&mut self, c: u32) {
        match self.output {
            Enc::Latin1 => self.out.push(c as u8),
            Enc::Utf8 => push_utf8(&mut self.out, c),
            Enc::Utf16 { little } => {
                let mut buf = [0u16; 2];
                if let Some(ch) = char::from_u32(c) {
                    for w in ch.encode_utf16(&mut buf).iter() {
                        let b = if little {
                            w.to_le_bytes()
                        } else {
                            w.to_be_bytes()
                        };
                        self.out.extend_from_slice(&b);
                    }
                }
            }
            Enc::Utf32 { little } => {
                let b = if little {
                    c.to_le_bytes()
                } else {
                    c.to_be_bytes()
                };
                self.out.extend_from_slice(&b);
            }
        }
    }

    /// The `is_integer(Part)` branches of the conversion fun: `Ok(false)`
    /// when the integer is an error element, `Err` where the Erlang code
    /// crashes (a negative integer into `list_to_binary/1`).
    fn int(&mut self, t: Term) -> Result<bool, Exc> {
        let v = match otp_small(t) {
            Some(v) => v,
            None if bignum::is_negative(t) => i64::MIN,
            None => return Ok(false),
        };
        if v > self.limit {
            return Ok(false);
        }
        let Ok(c) = u32::try_from(v) else {
            return match self.output {
                Enc::Latin1 => Err(Exc::badarg()),
                _ => Ok(false),
            };
        };
        if self.output != Enc::Latin1 && char::from_u32(c).is_none() {
            return Ok(false);
        }
        self.emit(c);
        Ok(true)
    }

    /// `InTrans` then `OutTrans` on one binary part.
    fn binary(&mut self, bytes: &[u8]) -> Result<Dec, Exc> {
        let mut i = 0;
        let mut decoded = 0usize;
        while i < bytes.len() {
            let rest = bytes.get(i..).unwrap_or(&[]);
            let m = match self.input {
                Enc::Latin1 => rest.first().map(|&b| (b as u32, 1)),
                Enc::Utf8 => match_utf8(rest),
                Enc::Utf16 { little } => match_utf16(rest, little),
                Enc::Utf32 { little } => match_utf32(rest, little),
            };
            match m {
                Some((c, _)) if self.chk && c > 255 => return Ok(Dec::Error(i)),
                Some((c, n)) => {
                    self.emit(c);
                    decoded += 1;
                    i += n;
                }
                None => {
                    return match cbv(self.input, rest) {
                        // OTP's utf32 "_chk" decoders have no clause for an
                        // incomplete tail after a character: case_clause.
                        Some(_)
                            if self.chk
                                && decoded > 0
                                && matches!(self.input, Enc::Utf32 { .. }) =>
                        {
                            Err(Exc::badarg())
                        }
                        Some(missing) => Ok(Dec::Incomplete(i, missing)),
                        None => Ok(Dec::Error(i)),
                    };
                }
            }
        }
        Ok(Dec::Done)
    }

    /// Wrap an error rest in the tails of the enclosing lists.
    fn wrap(&mut self, mut rest: Term, pending: &mut Vec<Term>) -> Status {
        while let Some(t) = pending.pop() {
            rest = self.heap.cons(rest, t);
        }
        Status::Error(rest)
    }

    /// `ml_map/3`: convert `ml`, stopping at the first error.
    fn run(&mut self, ml: Term) -> Result<Status, Exc> {
        const CHUNK: usize = 8192;
        // The incomplete character carried between parts: bytes, missing.
        let mut inc: Option<(Vec<u8>, usize)> = None;
        let mut pending: Vec<Term> = Vec::new();
        let mut cur = ml;
        loop {
            if cur.is_cons() {
                let (h, t) = cur.cons_parts();
                if h.is_integer() {
                    if let Some((bytes, _)) = &inc {
                        let ib = self.heap.binary(bytes);
                        let rest = self.heap.cons(ib, cur);
                        return Ok(self.wrap(rest, &mut pending));
                    }
                    if self.int(h)? {
                        cur = t;
                        continue;
                    }
                    let one = self.heap.cons(h, Term::NIL);
                    let rest = self.heap.cons(one, t);
                    return Ok(self.wrap(rest, &mut pending));
                }
                if let (Some(v), Some(bytes)) = (binary::view(h), bytes_of(h)) {
                    let n = bytes.len();
                    if let Some((mut ib, missing)) = inc.take() {
                        if n >= missing {
                            ib.extend_from_slice(bytes.get(..missing).unwrap_or(&[]));
                            let newpart = self.heap.binary(&ib);
                            let off = missing as u64 * 8;
                            let trailing = part(self.heap, h, &v, off, v.size - off);
                            cur = self.heap.list_with_tail(&[newpart, trailing], t);
                        } else {
                            ib.extend_from_slice(&bytes);
                            inc = Some((ib, missing - n));
                            cur = t;
                        }
                        continue;
                    }
                    if n > CHUNK {
                        let cut = CHUNK as u64 * 8;
                        let p1 = part(self.heap, h, &v, 0, cut);
                        let p2 = part(self.heap, h, &v, cut, v.size - cut);
                        cur = self.heap.list_with_tail(&[p1, p2], t);
                        continue;
                    }
                    match self.binary(&bytes)? {
                        Dec::Done => {}
                        Dec::Incomplete(i, missing) => {
                            inc = Some((bytes.get(i..).unwrap_or(&[]).to_vec(), missing));
                        }
                        Dec::Error(i) => {
                            let off = i as u64 * 8;
                            let rb = part(self.heap, h, &v, off, v.size - off);
                            let rest = self.heap.cons(rb, t);
                            return Ok(self.wrap(rest, &mut pending));
                        }
                    }
                    cur = t;
                    continue;
                }
                if h.is_list() {
                    pending.push(t);
                    cur = h;
                    continue;
                }
                return Err(Exc::badarg());
            }
            if cur.is_nil() {
                match pending.pop() {
                    Some(t) => {
                        cur = t;
                        continue;
                    }
                    None => break,
                }
            }
            // A binary as the whole input or as a list's tail.
            let (Some(v), Some(bytes)) = (binary::view(cur), bytes_of(cur)) else {
                return Err(Exc::badarg());
            };
            let n = bytes.len();
            if let Some((mut ib, missing)) = inc.take() {
                if n >= missing {
                    let first = self.heap.binary(&ib);
                    cur = self.heap.list(&[first, cur]);
                } else {
                    ib.extend_from_slice(&bytes);
                    inc = Some((ib, missing - n));
                    cur = Term::NIL;
                }
                continue;
            }
            if n > CHUNK {
                let cut = CHUNK as u64 * 8;
                let p1 = part(self.heap, cur, &v, 0, cut);
                let p2 = part(self.heap, cur, &v, cut, v.size - cut);
                cur = self.heap.list(&[p1, p2]);
                continue;
            }
            match self.binary(&bytes)? {
                Dec::Done => {}
                Dec::Incomplete(i, missing) => {
                    inc = Some((bytes.get(i..).unwrap_or(&[]).to_vec(), missing));
                }
                Dec::Error(i) => {
                    let off = i as u64 * 8;
                    let rest = part(self.heap, cur, &v, off, v.size - off);
                    return Ok(self.wrap(rest, &mut pending));
                }
            }
            cur = Term::NIL;
        }
        Ok(match inc {
            Some((bytes, _)) => Status::Incomplete(self.heap.binary(&bytes)),
            None => Status::Ok,
        })
    }
}

/// `characters_to_binary_int/3`'s general clause.
fn ml_to_binary(
    heap: &mut Heap,
    data: Term,
    input: Enc,
    output: Enc,
) -> Result<(Vec<u8>, Status), Exc> {
    let mut m = MlMap::new(heap, input, output);
    let status = m.run(data)?;
    Ok((m.out, status))
}

// ==== the BIFs ==============================================================

/// `characters_to_binary(Data, InEncoding)` (output UTF-8).
fn to_binary_2(heap: &mut Heap, data: Term, inenc: Term) -> BifResult {
    if let Some(latin1) = c_latin1_flag(inenc) {
        return c_to_binary(heap, data, latin1);
    }
    let input = encoding(inenc).ok_or_else(Exc::badarg)?;
    let (out, status) = ml_to_binary(heap, data, input, Enc::Utf8)?;
    let converted = heap.binary(&out);
    Ok(result(heap, converted, status))
}

fn characters_to_binary_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [data] = fixed(args)?;
    to_binary_2(&mut p.heap, data, Term::atom(atom::UNICODE))
}

fn characters_to_binary_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [data, inenc] = fixed(args)?;
    to_binary_2(&mut p.heap, data, inenc)
}

/// `characters_to_binary(Data, In, Out)`: returns a 7-bit (or latin1 to
/// latin1) binary untouched, uses the C BIF for UTF-8 output from
/// latin1/UTF-8 input, else the Erlang fallback.
fn characters_to_binary_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [data, inenc, outenc] = fixed(args)?;
    let lat = Term::atom(atom::LATIN1);
    let utf = |t: Term| t == Term::atom(atom::UTF8) || t == Term::atom(atom::UNICODE);
    if inenc == lat && outenc == lat && bytes_of(data).is_some() {
        return Ok(data);
    }
    if (inenc == lat && utf(outenc)) || (utf(inenc) && outenc == lat) {
        if let Some(bytes) = bytes_of(data) {
            if bytes.iter().all(|&b| b < 0x80) {
                return Ok(data);
            }
        }
    }
    if utf(outenc) {
        if let Some(latin1) = c_latin1_flag(inenc) {
            return c_to_binary(&mut p.heap, data, latin1);
        }
    }
    let input = encoding(inenc).ok_or_else(Exc::badarg)?;
    let output = encoding(outenc).ok_or_else(Exc::badarg)?;
    let (out, status) = ml_to_binary(&mut p.heap, data, input, output)?;
    let converted = p.heap.binary(&out);
    Ok(result(&mut p.heap, converted, status))
}

/// `characters_to_list(Data, InEncoding)`.
fn to_list_2(heap: &mut Heap, data: Term, inenc: Term) -> BifResult {
    if let Some(latin1) = c_latin1_flag(inenc) {
        return c_to_list(heap, data, latin1);
    }
    let input = encoding(inenc).ok_or_else(Exc::badarg)?;
    let (out, status) = ml_to_binary(heap, data, input, Enc::Utf8)?;
    let converted = utf8_list(heap, &out)?;
    Ok(result(heap, converted, status))
}

fn characters_to_list_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [data] = fixed(args)?;
    to_list_2(&mut p.heap, data, Term::atom(atom::UNICODE))
}

fn characters_to_list_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [data, inenc] = fixed(args)?;
    to_list_2(&mut p.heap, data, inenc)
}

const fn u(name: &'static str, arity: u32, f: super::BifFn) -> Bif {
    Bif {
        module: "unicode",
        name,
        arity,
        f,
    }
}

pub const TABLE: &[Bif] = &[
    u("characters_to_binary", 1, characters_to_binary_1),
    u("characters_to_binary", 2, characters_to_binary_2),
    u("characters_to_binary", 3, characters_to_binary_3),
    u("characters_to_list", 1, characters_to_list_1),
    u("characters_to_list", 2, characters_to_list_2),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::order;

    fn p() -> Process {
        Process::new(1, Term::NIL)
    }
    fn s(i: i64) -> Term {
        Term::small(i)
    }
    fn a(name: &str) -> Term {
        Term::atom(atom::intern_static(name))
    }
    fn enc2(p: &mut Process, name: &str, endian: &str) -> Term {
        p.heap.tuple(&[a(name), a(endian)])
    }
    fn b(p: &mut Process, bytes: &[u8]) -> Term {
        p.heap.binary(bytes)
    }
    fn l(p: &mut Process, items: &[Term]) -> Term {
        p.heap.list(items)
    }
    fn str(p: &mut Process, text: &str) -> Term {
        p.heap.string(text)
    }
    fn err(p: &mut Process, conv: Term, rest: Term) -> Term {
        p.heap.tuple(&[a("error"), conv, rest])
    }
    fn inc(p: &mut Process, conv: Term, rest: Term) -> Term {
        p.heap.tuple(&[a("incomplete"), conv, rest])
    }
    #[track_caller]
    fn same(got: BifResult, want: Term) {
        let got = got.unwrap_or_else(|e| panic!("raised {:?}", e.reason));
        assert!(order::exact_eq(got, want), "got {got:?}, want {want:?}");
    }
    #[track_caller]
    fn badarg(got: BifResult) {
        assert!(matches!(got, Err(e) if e.reason == Term::atom(atom::BADARG)));
    }
    fn c2b(p: &mut Process, args: &[Term]) -> BifResult {
        match args.len() {
            1 => characters_to_binary_1(p, args),
            2 => characters_to_binary_2(p, args),
            _ => characters_to_binary_3(p, args),
        }
    }
    fn c2l(p: &mut Process, args: &[Term]) -> BifResult {
        match args.len() {
            1 => characters_to_list_1(p, args),
            _ => characters_to_list_2(p, args),
        }
    }
    fn lat() -> Term {
        Term::atom(atom::LATIN1)
    }
    fn uni() -> Term {
        Term::atom(atom::UNICODE)
    }
    fn utf8() -> Term {
        Term::atom(atom::UTF8)
    }

    /// erl: unicode:characters_to_binary("aé") -> <<"aé"/utf8>>;
    /// ([97|<<"b">>]) -> <<"ab">>; ([97,<<"c",195>>,<<169>>]) -> <<"acé"/utf8>>
    #[test]
    fn to_binary_ok() {
        let mut p = p();
        let d = str(&mut p, "aé");
        let want = b(&mut p, "aé".as_bytes());
        same(c2b(&mut p, &[d]), want);
        let bb = b(&mut p, b"b");
        let d = p.heap.cons(s(97), bb);
        let want = b(&mut p, b"ab");
        same(c2b(&mut p, &[d]), want);
        let c1 = b(&mut p, &[b'c', 195]);
        let c2 = b(&mut p, &[169]);
        let d = l(&mut p, &[s(97), c1, c2]);
        let want = b(&mut p, "acé".as_bytes());
        same(c2b(&mut p, &[d]), want);
        // erl: characters_to_binary([<<"a",240>>,<<159>>,<<152>>,<<128>>]) -> <<"a😀"/utf8>>
        let parts: Vec<Term> = [&[b'a', 240][..], &[159], &[152], &[128]]
            .iter()
            .map(|x| b(&mut p, x))
            .collect();
        let d = l(&mut p, &parts);
        let want = b(&mut p, "a😀".as_bytes());
        same(c2b(&mut p, &[d]), want);
        // a valid UTF-8 binary comes back as itself
        let bin = b(&mut p, "héllo".as_bytes());
        assert_eq!(c2b(&mut p, &[bin]).unwrap(), bin);
    }

    /// The C BIF's error and incomplete shapes.
    #[test]
    fn to_binary_c_shapes() {
        let mut p = p();
        // erl: ([97,<<"cé"/utf8>>,<<255>>,99]) -> {error,<<"acé"/utf8>>,[<<255>>,99]}
        let ce = b(&mut p, "cé".as_bytes());
        let ff = b(&mut p, &[255]);
        let d = l(&mut p, &[s(97), ce, ff, s(99)]);
        let conv = b(&mut p, "acé".as_bytes());
        let ff2 = b(&mut p, &[255]);
        let rest = l(&mut p, &[ff2, s(99)]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: ([97,<<"c",195>>]) -> {incomplete,<<"ac">>,<<195>>}
        let c3 = b(&mut p, &[b'c', 195]);
        let d = l(&mut p, &[s(97), c3]);
        let (conv, rest) = (b(&mut p, b"ac"), b(&mut p, &[195]));
        let want = inc(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: ([97,<<"c",195>>,98]) -> {error,<<"ac">>,[<<195>>,"b"]}
        let d = l(&mut p, &[s(97), c3, s(98)]);
        let (conv, lb) = (b(&mut p, b"ac"), b(&mut p, &[195]));
        let sb = str(&mut p, "b");
        let rest = l(&mut p, &[lb, sb]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: (<<"c",195,40>>) -> {error,<<"c">>,<<195,40>>}
        let d = b(&mut p, &[b'c', 195, 40]);
        let (conv, rest) = (b(&mut p, b"c"), b(&mut p, &[195, 40]));
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: ([97,-1]) -> {error,<<"a">>,[-1]}; ([97,16#D800]) -> {error,<<"a">>,[55296]}
        for bad in [-1, 0xD800, 0x11_0000] {
            let d = l(&mut p, &[s(97), s(bad)]);
            let conv = b(&mut p, b"a");
            let rest = l(&mut p, &[s(bad)]);
            let want = err(&mut p, conv, rest);
            same(c2b(&mut p, &[d]), want);
        }
        // erl: ([<<"a",195>>,<<40>>]) -> {error,<<"a">>,[<<195>>,[<<"(">>]]}
        let a3 = b(&mut p, &[b'a', 195]);
        let paren = b(&mut p, b"(");
        let d = l(&mut p, &[a3, paren]);
        let (conv, lb) = (b(&mut p, b"a"), b(&mut p, &[195]));
        let inner = l(&mut p, &[paren]);
        let rest = l(&mut p, &[lb, inner]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: ([<<"a",255>>]) -> {error,<<"a">>,<<255>>} (a one-binary list)
        let a255 = b(&mut p, &[b'a', 255]);
        let d = l(&mut p, &[a255]);
        let (conv, rest) = (b(&mut p, b"a"), b(&mut p, &[255]));
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: ([<<"a",240>>,<<159>>,<<40>>]) -> {error,<<"a">>,<<240,159,40>>}
        let a240 = b(&mut p, &[b'a', 240]);
        let x159 = b(&mut p, &[159]);
        let d = l(&mut p, &[a240, x159, paren]);
        let (conv, rest) = (b(&mut p, b"a"), b(&mut p, &[240, 159, 40]));
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: ([[97,-1],98]) -> {error,<<"a">>,[[-1],98]}
        let inner = l(&mut p, &[s(97), s(-1)]);
        let d = l(&mut p, &[inner, s(98)]);
        let conv = b(&mut p, b"a");
        let m1 = l(&mut p, &[s(-1)]);
        let rest = l(&mut p, &[m1, s(98)]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: (<<97,192>>) -> {incomplete,<<"a">>,<<192>>}
        let d = b(&mut p, &[97, 192]);
        let (conv, rest) = (b(&mut p, b"a"), b(&mut p, &[192]));
        let want = inc(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
    }

    /// The structure check runs first (badarg), except that a non-small
    /// integer stops it: erl: ([97,1 bsl 70,a]) -> {error,<<"a">>,[Big,a]}.
    #[test]
    fn to_binary_badarg_and_bignums() {
        let mut p = p();
        let bit = p.heap.bitstring(&[0x80], 1);
        // erl: ([97,a]), ([97|a]), (a), (<<1:1>>), ([<<1:1>>]), ([97,1.0]),
        // ([300,a]), ([-1,a]), ([97,<<255>>,a]) -> badarg
        let ff = b(&mut p, &[255]);
        let cases = [
            l(&mut p, &[s(97), a("a")]),
            p.heap.cons(s(97), a("a")),
            a("a"),
            bit,
            l(&mut p, &[bit]),
            l(&mut p, &[s(97), Term::float(1.0)]),
            l(&mut p, &[s(300), a("a")]),
            l(&mut p, &[s(-1), a("a")]),
            l(&mut p, &[s(97), ff, a("a")]),
        ];
        for d in cases {
            badarg(c2b(&mut p, &[d]));
        }
        let big = p.heap.int(i64::MAX);
        let d = l(&mut p, &[s(97), big, a("a")]);
        let conv = b(&mut p, b"a");
        let rest = l(&mut p, &[big, a("a")]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d]), want);
        // erl: ([97, 1 bsl 50, a]) -> badarg (1 bsl 50 is small in OTP)
        let mid = p.heap.int(1 << 50);
        let d = l(&mut p, &[s(97), mid, a("a")]);
        badarg(c2b(&mut p, &[d]));
        // erl: unicode:characters_to_binary("a", foo) -> badarg
        let d = str(&mut p, "a");
        badarg(c2b(&mut p, &[d, a("foo")]));
        badarg(c2b(&mut p, &[d, uni(), a("foo")]));
        badarg(c2b(&mut p, &[d, a("foo"), lat()]));
    }

    /// latin1 input through the C BIF.
    #[test]
    fn latin1_input() {
        let mut p = p();
        // erl: characters_to_binary([97,300],latin1) -> {error,<<"a">>,[300]}
        let d = l(&mut p, &[s(97), s(300)]);
        let conv = b(&mut p, b"a");
        let rest = l(&mut p, &[s(300)]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, lat()]), want);
        // erl: characters_to_binary(<<"a",255>>,latin1) -> <<"aÿ"/utf8>>
        let d = b(&mut p, &[b'a', 255]);
        let want = b(&mut p, "aÿ".as_bytes());
        same(c2b(&mut p, &[d, lat()]), want);
        // erl: characters_to_list([<<"aé">>,300],latin1) -> {error,"aé",[300]}
        let ae = b(&mut p, &[b'a', 233]);
        let d = l(&mut p, &[ae, s(300)]);
        let conv = str(&mut p, "aé");
        let rest = l(&mut p, &[s(300)]);
        let want = err(&mut p, conv, rest);
        same(c2l(&mut p, &[d, lat()]), want);
    }

    /// The Erlang fallback's shapes (latin1 output, utf16/32).
    #[test]
    fn to_binary_3_shapes() {
        let mut p = p();
        // erl: ([97,300], unicode, latin1) -> {error,<<"a">>,[[300]]}
        let d = l(&mut p, &[s(97), s(300)]);
        let conv = b(&mut p, b"a");
        let inner = l(&mut p, &[s(300)]);
        let rest = l(&mut p, &[inner]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, uni(), lat()]), want);
        // erl: ([300,a],unicode,latin1) -> {error,<<>>,[[300],a]} (no badarg)
        let d = l(&mut p, &[s(300), a("a")]);
        let conv = b(&mut p, b"");
        let rest = l(&mut p, &[inner, a("a")]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, uni(), lat()]), want);
        // erl: ([97,-1],unicode,latin1) -> badarg; (…,unicode,utf16) -> {error,<<0,97>>,[[-1]]}
        let d = l(&mut p, &[s(97), s(-1)]);
        badarg(c2b(&mut p, &[d, uni(), lat()]));
        let conv = b(&mut p, &[0, 97]);
        let m1 = l(&mut p, &[s(-1)]);
        let rest = l(&mut p, &[m1]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, uni(), a("utf16")]), want);
        // erl: ([97,<<"cé"/utf8>>,<<255>>,99], unicode, latin1)
        //      -> {error,<<"acé">>,[<<255>>,99]}
        let ce = b(&mut p, "cé".as_bytes());
        let ff = b(&mut p, &[255]);
        let d = l(&mut p, &[s(97), ce, ff, s(99)]);
        let conv = b(&mut p, &[b'a', b'c', 233]);
        let rest = l(&mut p, &[ff, s(99)]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, uni(), lat()]), want);
        // erl: (<<97,196,172,98>>,utf8,latin1) -> {error,<<"a">>,<<196,172,98>>}
        let d = b(&mut p, &[97, 196, 172, 98]);
        let (conv, rest) = (b(&mut p, b"a"), b(&mut p, &[196, 172, 98]));
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, utf8(), lat()]), want);
        // erl: ([<<97,196>>,99],utf8,latin1) -> {error,<<"a">>,[<<196>>,99]}
        let a196 = b(&mut p, &[97, 196]);
        let d = l(&mut p, &[a196, s(99)]);
        let (conv, lb) = (b(&mut p, b"a"), b(&mut p, &[196]));
        let rest = l(&mut p, &[lb, s(99)]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, utf8(), lat()]), want);
        // erl: ([97,255,<<233>>],latin1,utf16) -> <<0,97,0,255,0,233>>
        let e9 = b(&mut p, &[233]);
        let d = l(&mut p, &[s(97), s(255), e9]);
        let want = b(&mut p, &[0, 97, 0, 255, 0, 233]);
        same(c2b(&mut p, &[d, lat(), a("utf16")]), want);
        // erl: ([97,16#10000],unicode,{utf16,little}) -> <<97,0,0,216,0,220>>
        let d = l(&mut p, &[s(97), s(0x10000)]);
        let e = enc2(&mut p, "utf16", "little");
        let want = b(&mut p, &[97, 0, 0, 216, 0, 220]);
        same(c2b(&mut p, &[d, uni(), e]), want);
        // erl: (…, unicode, utf32) -> <<0,0,0,97,0,1,0,0>>
        let want = b(&mut p, &[0, 0, 0, 97, 0, 1, 0, 0]);
        same(c2b(&mut p, &[d, uni(), a("utf32")]), want);
        // erl: (<<97,98>>,latin1,latin1) -> <<"ab">> (same binary)
        let d = b(&mut p, b"ab");
        assert_eq!(c2b(&mut p, &[d, lat(), lat()]).unwrap(), d);
        // erl: ([97,300],latin1,latin1) -> {error,<<"a">>,[[300]]}
        let d = l(&mut p, &[s(97), s(300)]);
        let conv = b(&mut p, b"a");
        let rest = l(&mut p, &[inner]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, lat(), lat()]), want);
        // erl: (a,utf8,latin1), ([a],utf8,latin1), ([97|a],utf8,latin1),
        // (<<1:1>>,latin1,latin1) -> badarg
        let bit = p.heap.bitstring(&[0x80], 1);
        let la = l(&mut p, &[a("a")]);
        let imp = p.heap.cons(s(97), a("a"));
        for d in [a("a"), la, imp, bit] {
            badarg(c2b(&mut p, &[d, utf8(), lat()]));
        }
    }

    /// utf16/utf32 input: erl results.
    #[test]
    fn utf16_utf32_input() {
        let mut p = p();
        let u16 = a("utf16");
        let u32 = a("utf32");
        // erl: (<<0,97,216,0,220,0>>,utf16,utf8) -> <<"a𐀀"/utf8>>
        let d = b(&mut p, &[0, 97, 216, 0, 220, 0]);
        let want = b(&mut p, "a\u{10000}".as_bytes());
        same(c2b(&mut p, &[d, u16, utf8()]), want);
        // erl: (<<0,97,216,0>>,utf16,utf8) -> {incomplete,<<"a">>,<<216,0>>}
        let d = b(&mut p, &[0, 97, 216, 0]);
        let (conv, rest) = (b(&mut p, b"a"), b(&mut p, &[216, 0]));
        let want = inc(&mut p, conv, rest);
        same(c2b(&mut p, &[d, u16, utf8()]), want);
        // erl: (<<0,97,220,0>>,utf16,utf8) -> {error,<<"a">>,<<220,0>>}
        let d = b(&mut p, &[0, 97, 220, 0]);
        let (conv, rest) = (b(&mut p, b"a"), b(&mut p, &[220, 0]));
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, u16, utf8()]), want);
        // erl: (<<0,0,0,97,0,17,0,0>>,utf32,utf8) -> {error,<<"a">>,<<0,17,0,0>>}
        let d = b(&mut p, &[0, 0, 0, 97, 0, 17, 0, 0]);
        let (conv, rest) = (b(&mut p, b"a"), b(&mut p, &[0, 17, 0, 0]));
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, u32, utf8()]), want);
        // erl: (<<0,0,0,97,0,0>>,utf32,latin1) -> badarg (OTP's case_clause)
        let d = b(&mut p, &[0, 0, 0, 97, 0, 0]);
        badarg(c2b(&mut p, &[d, u32, lat()]));
        // erl: ([<<0,0,0>>,<<97,0>>],utf32,latin1) -> {incomplete,<<"a">>,<<0>>}
        let z3 = b(&mut p, &[0, 0, 0]);
        let a0 = b(&mut p, &[97, 0]);
        let d = l(&mut p, &[z3, a0]);
        let (conv, rest) = (b(&mut p, b"a"), b(&mut p, &[0]));
        let want = inc(&mut p, conv, rest);
        same(c2b(&mut p, &[d, u32, lat()]), want);
        // erl: ([<<0,0,0>>,97],utf32,latin1) -> {error,<<>>,[<<0,0,0>>,97]}
        let d = l(&mut p, &[z3, s(97)]);
        let conv = b(&mut p, b"");
        let rest = l(&mut p, &[z3, s(97)]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, u32, lat()]), want);
        // erl: characters_to_list([<<0,97,0>>,98],utf16) -> {error,"a",[<<0>>,98]}
        let b970 = b(&mut p, &[0, 97, 0]);
        let d = l(&mut p, &[b970, s(98)]);
        let conv = str(&mut p, "a");
        let z = b(&mut p, &[0]);
        let rest = l(&mut p, &[z, s(98)]);
        let want = err(&mut p, conv, rest);
        same(c2l(&mut p, &[d, u16]), want);
        // erl: characters_to_list([<<0,97,0>>,a],utf16) -> badarg;
        // characters_to_list(<<0,97>>,{utf16,foo}) -> badarg
        let d = l(&mut p, &[b970, a("a")]);
        badarg(c2l(&mut p, &[d, u16]));
        let e = enc2(&mut p, "utf16", "foo");
        badarg(c2l(&mut p, &[b970, e]));
        // erl: (<<97,0,0,216,0,220>>,{utf16,little},utf8) -> <<"a𐀀"/utf8>>
        let d = b(&mut p, &[97, 0, 0, 216, 0, 220]);
        let e = enc2(&mut p, "utf16", "little");
        let want = b(&mut p, "a\u{10000}".as_bytes());
        same(c2b(&mut p, &[d, e, utf8()]), want);
    }

    #[test]
    fn to_list() {
        let mut p = p();
        // erl: characters_to_list([<<"aé"/utf8>>,300|<<"x">>]) -> "aéĬx"
        let ae = b(&mut p, "aé".as_bytes());
        let x = b(&mut p, b"x");
        let d = p.heap.list_with_tail(&[ae, s(300)], x);
        let want = str(&mut p, "aéĬx");
        same(c2l(&mut p, &[d]), want);
        // erl: characters_to_list([<<"a",195>>,98]) -> {error,"a",[<<195>>,"b"]}
        let a3 = b(&mut p, &[b'a', 195]);
        let d = l(&mut p, &[a3, s(98)]);
        let conv = str(&mut p, "a");
        let lb = b(&mut p, &[195]);
        let sb = str(&mut p, "b");
        let rest = l(&mut p, &[lb, sb]);
        let want = err(&mut p, conv, rest);
        same(c2l(&mut p, &[d]), want);
        // erl: characters_to_list([<<"a",255>>]) -> {error,"a",[<<255>>]}
        let a255 = b(&mut p, &[b'a', 255]);
        let d = l(&mut p, &[a255]);
        let conv = str(&mut p, "a");
        let ff = b(&mut p, &[255]);
        let rest = l(&mut p, &[ff]);
        let want = err(&mut p, conv, rest);
        same(c2l(&mut p, &[d]), want);
        // erl: characters_to_list(<<97,224,65>>) -> {error,"a",<<224,65>>};
        // (<<97,224,160>>) -> {incomplete,"a",<<224,160>>}
        let d = b(&mut p, &[97, 224, 65]);
        let conv = str(&mut p, "a");
        let rest = b(&mut p, &[224, 65]);
        let want = err(&mut p, conv, rest);
        same(c2l(&mut p, &[d]), want);
        let d = b(&mut p, &[97, 224, 160]);
        let rest = b(&mut p, &[224, 160]);
        let want = inc(&mut p, conv, rest);
        same(c2l(&mut p, &[d]), want);
        // erl: characters_to_list(<<97,1:1>>), (…, latin1), (a) -> badarg
        let bits = p.heap.bitstring(&[97, 0x80], 9);
        badarg(c2l(&mut p, &[bits]));
        badarg(c2l(&mut p, &[bits, lat()]));
        badarg(c2l(&mut p, &[a("a")]));
    }

    /// Binaries over 8192 bytes are converted in chunks by the Erlang
    /// fallback; a character split by the chunk border still converts.
    #[test]
    fn long_binaries() {
        let mut p = p();
        let mut text = String::from("a");
        for _ in 0..5000 {
            text.push('é');
        }
        let d = b(&mut p, text.as_bytes());
        let utf16: Vec<u8> = text.encode_utf16().flat_map(|w| w.to_be_bytes()).collect();
        let want = b(&mut p, &utf16);
        same(c2b(&mut p, &[d, utf8(), a("utf16")]), want);
        let latin: Vec<u8> = text.chars().map(|c| c as u8).collect();
        let want = b(&mut p, &latin);
        same(c2b(&mut p, &[d, utf8(), lat()]), want);
        // erl: ([<<"a", Long/binary, 255>>], utf8, latin1)
        //      -> {error, <<"a", Latin/binary>>, [<<255>>]}
        let mut bad = text.clone().into_bytes();
        bad.push(255);
        let bb = b(&mut p, &bad);
        let d = l(&mut p, &[bb]);
        let conv = b(&mut p, &latin);
        let ff = b(&mut p, &[255]);
        let rest = l(&mut p, &[ff]);
        let want = err(&mut p, conv, rest);
        same(c2b(&mut p, &[d, utf8(), lat()]), want);
        let chars: Vec<Term> = text.chars().map(|c| s(c as i64)).collect();
        let want = l(&mut p, &chars);
        let d = b(&mut p, text.as_bytes());
        same(c2l(&mut p, &[d]), want);
    }

    /// Deep nesting is walked without recursion on both paths.
    #[test]
    fn deep_lists() {
        let mut p = p();
        let mut d = l(&mut p, &[s(300)]);
        for _ in 0..100_000 {
            d = l(&mut p, &[d]);
        }
        let want = b(&mut p, "Ĭ".as_bytes());
        same(c2b(&mut p, &[d]), want);
        let got = c2b(&mut p, &[d, uni(), lat()]).unwrap();
        assert!(got.is_tuple() && got.element(0) == a("error"));
        let want = b(&mut p, &[1, 44]);
        same(c2b(&mut p, &[d, uni(), a("utf16")]), want);
    }
}
