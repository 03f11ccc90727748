//! The native functions of module `binary` (those OTP 25's binary.beam
//! leaves as `nif_error` stubs): `at/2`, `compile_pattern/1`, `copy/1,2`,
//! `decode_unsigned/1,2`, `encode_unsigned/1,2`, `first/1`, `last/1`,
//! `list_to_bin/1`, `longest_common_prefix/1`, `longest_common_suffix/1`,
//! `match/2,3`, `matches/2,3`, `part/2,3`, `referenced_byte_size/1`,
//! `split/2,3`. The rest of the module (`bin_to_list/1,2,3`, `replace/3,4`,
//! `encode_hex/1`, `decode_hex/1`) is Erlang code in binary.beam.
//!
//! OTP rules kept here:
//! - Subjects must be binaries (whole bytes); only `part/2,3` and
//!   `referenced_byte_size/1` take any bitstring (`part` stays within its
//!   whole bytes).
//! - A pattern is a non-empty binary, a non-empty proper list of
//!   non-empty binaries, or what `compile_pattern/1` returned. This VM's
//!   compiled pattern is `{bm, Binary}` (one pattern) or `{ac, [Binary]}`
//!   (several); OTP's holds an opaque reference instead.
//! - Matching is leftmost, then longest among patterns starting at the
//!   same byte; `matches` and global `split` continue after each match
//!   (non-overlapping).
//! - Options: `{scope, {Pos, Len}}` (a negative `Len` counts back from
//!   `Pos`; the last scope wins); `split` also takes `global`, `trim`
//!   (drop trailing empty parts) and `trim_all` (drop all empty parts).
//!   The option list is read up to its first non-cons tail (an improper
//!   tail is ignored, as in OTP); anything else there is `badarg`.
//! - When the scope ends at byte 0 (an empty subject, or `{scope, {0, 0}}`)
//!   the pattern is not even checked: `nomatch` / `[]` / `[Subject]`.
//! - `split` parts run from the subject's start to its end, whatever the
//!   scope. Parts of at most 64 bytes are fresh binaries, longer ones are
//!   sub-binaries of the original (OTP's heap-binary limit; this is what
//!   `referenced_byte_size/1` shows), likewise for `part/2,3`.

use super::binaries::iolist_bytes;
use super::types::fixed;
use super::{Bif, BifResult, Exc};
use crate::heap::Heap;
use crate::process::Process;
use crate::term::binary::{self, Bits};
use crate::term::{atom, bignum, Kind, Term};
use num_bigint::{BigInt, BigUint, Sign};
use std::borrow::Cow;

/// Parts up to this many bytes are copied (OTP's `ERL_ONHEAP_BIN_LIMIT`).
const ONHEAP_LIMIT: usize = 64;

/// `binary:copy/2` refuses results larger than this (OTP would try to
/// allocate and abort the node).
const MAX_COPY_BYTES: u128 = 1 << 32;

// ---- argument helpers --------------------------------------------------------

/// A binary (whole bytes): its view and bytes.
fn bin_arg<'a>(t: Term) -> Result<(Bits<'a>, Cow<'a, [u8]>), Exc> {
    let v = binary::view(t).ok_or_else(Exc::badarg)?;
    if !v.is_binary() {
        return Err(Exc::badarg());
    }
    let bytes = v.to_bytes();
    Ok((v, bytes))
}

/// OTP's `term_to_Uint`: a non-negative integer that fits 64 bits.
fn uint(t: Term) -> Option<u64> {
    if t.is_small() {
        u64::try_from(t.small_value()).ok()
    } else if t.is_bignum() {
        u64::try_from(bignum::to_big(t)).ok()
    } else {
        None
    }
}

/// OTP's `term_to_Sint`: an integer that fits 64 signed bits.
fn sint(t: Term) -> Option<i64> {
    bignum::to_i64(t)
}

fn is_atom_named(t: Term, name: &str) -> bool {
    t.is_atom() && atom::with_name(t.atom_value(), |s| s == name)
}

/// Bytes `off .. off + len` of the bitstring `t` (view `v`) as a term:
/// copied when short, else a sub-binary of the `HeapBin` holding them.
/// Caller checked the range.
fn part_term(heap: &mut Heap, t: Term, v: &Bits, off: usize, len: usize) -> Term {
    let bit_off = v.offset + off as u64 * 8;
    if len <= ONHEAP_LIMIT || !t.is_boxed() {
        let sub = Bits {
            data: v.data,
            offset: bit_off,
            size: len as u64 * 8,
        };
        let bytes = sub.to_bytes();
        return heap.binary(&bytes);
    }
    let orig = match t.header().kind() {
        Kind::SubBin => Term(t.word(3)),
        _ => t,
    };
    let (s, _) = heap.boxed(Kind::SubBin, 3);
    s.set_word(1, bit_off);
    s.set_word(2, len as u64 * 8);
    s.set_word(3, orig.0);
    s
}

// ---- patterns ------------------------------------------------------------------

/// One non-empty binary pattern's bytes.
fn one_pattern(t: Term) -> Option<Vec<u8>> {
    let v = binary::view(t)?;
    if !v.is_binary() || v.size == 0 {
        return None;
    }
    Some(v.to_bytes().into_owned())
}

/// A pattern argument: a binary, a list of binaries, or a compiled one.
fn patterns(t: Term) -> Result<Vec<Vec<u8>>, Exc> {
    if t.is_tuple() && t.tuple_arity() == 2 {
        let tag = t.element(0);
        if is_atom_named(tag, "bm") || is_atom_named(tag, "ac") {
            return patterns(t.element(1));
        }
        return Err(Exc::badarg());
    }
    if t.is_bitstring() {
        return one_pattern(t).map(|p| vec![p]).ok_or_else(Exc::badarg);
    }
    if !t.is_cons() {
        return Err(Exc::badarg());
    }
    let mut out = Vec::new();
    let mut it = t.iter_list();
    for e in &mut it {
        out.push(one_pattern(e).ok_or_else(Exc::badarg)?);
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    Ok(out)
}

/// A ready-to-run search for a set of patterns.
struct Matcher {
    /// Patterns, longest first (so the first hit at a position is the
    /// longest).
    pats: Vec<Vec<u8>>,
    /// Bytes some pattern starts with.
    first: [bool; 256],
    /// Horspool shifts when there is a single pattern.
    skip: Option<[usize; 256]>,
}

impl Matcher {
    fn new(mut pats: Vec<Vec<u8>>) -> Matcher {
        pats.sort_by_key(|p| std::cmp::Reverse(p.len()));
        pats.dedup();
        let mut first = [false; 256];
        for p in &pats {
            first[p[0] as usize] = true;
        }
        let skip = if pats.len() == 1 {
            let p = &pats[0];
            let m = p.len();
            let mut s = [m; 256];
            for (i, &b) in p[..m - 1].iter().enumerate() {
                s[b as usize] = m - 1 - i;
            }
            Some(s)
        } else {
            None
        };
        Matcher { pats, first, skip }
    }

    /// The first match within `hay[from..to]`: (start, length).
    fn find(&self, hay: &[u8], from: usize, to: usize) -> Option<(usize, usize)> {
        if let Some(skip) = &self.skip {
            let p = &self.pats[0];
            let m = p.len();
            let mut i = from;
            while i + m <= to {
                if &hay[i..i + m] == p.as_slice() {
                    return Some((i, m));
                }
                i += skip[hay[i + m - 1] as usize];
            }
            return None;
        }
        for i in from..to {
            if !self.first[hay[i] as usize] {
                continue;
            }
            for p in &self.pats {
                if i + p.len() <= to && &hay[i..i + p.len()] == p.as_slice() {
                    return Some((i, p.len()));
                }
            }
        }
        None
    }

    /// Every non-overlapping match within `hay[from..to]`.
    fn find_all(&self, hay: &[u8], from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = from;
        while let Some((p, l)) = self.find(hay, at, to) {
            out.push((p, l));
            at = p + l;
        }
        out
    }
}

// ---- options -------------------------------------------------------------------

#[derive(Default)]
struct Opts {
    /// Byte range searched: start, end.
    scope: Option<(usize, usize)>,
    global: bool,
    trim: bool,
    trim_all: bool,
}

/// `{scope, {Pos, Len}}` against a subject of `size` bytes.
fn scope(t: Term, size: usize) -> Option<(usize, usize)> {
    if !t.is_tuple() || t.tuple_arity() != 2 || !is_atom_named(t.element(0), "scope") {
        return None;
    }
    let pl = t.element(1);
    if !pl.is_tuple() || pl.tuple_arity() != 2 {
        return None;
    }
    let pos = uint(pl.element(0))?;
    let len = sint(pl.element(1))?;
    let (pos, len) = if len < 0 {
        let back = len.unsigned_abs();
        if back > pos {
            return None;
        }
        (pos - back, back)
    } else {
        (pos, len as u64)
    };
    let size = size as u64;
    if len > size || pos > size - len {
        return None;
    }
    Some((pos as usize, (pos + len) as usize))
}

/// Parse an option list; `split_opts` allows `global`/`trim`/`trim_all`.
fn options(t: Term, size: usize, split_opts: bool) -> Result<Opts, Exc> {
    let mut o = Opts::default();
    if !t.is_list() {
        return Err(Exc::badarg());
    }
    for e in t.iter_list() {
        if split_opts && e.is_atom() {
            if is_atom_named(e, "global") {
                o.global = true;
                continue;
            }
            if is_atom_named(e, "trim") {
                o.trim = true;
                continue;
            }
            if is_atom_named(e, "trim_all") {
                o.trim_all = true;
                continue;
            }
        }
        o.scope = Some(scope(e, size).ok_or_else(Exc::badarg)?);
    }
    Ok(o)
}

// ---- match / matches / split -------------------------------------------------

enum Find {
    First,
    All,
}

fn pos_len(heap: &mut Heap, p: usize, l: usize) -> Term {
    let p = heap.int(p as i64);
    let l = heap.int(l as i64);
    heap.tuple(&[p, l])
}

fn do_match(p: &mut Process, subject: Term, pattern: Term, opts: Term, what: Find) -> BifResult {
    let (_, bytes) = bin_arg(subject)?;
    let o = options(opts, bytes.len(), false)?;
    let (from, to) = o.scope.unwrap_or((0, bytes.len()));
    let none = || match what {
        Find::First => Term::atom(atom::intern_static("nomatch")),
        Find::All => Term::NIL,
    };
    if to == 0 {
        return Ok(none());
    }
    let m = Matcher::new(patterns(pattern)?);
    match what {
        Find::First => match m.find(&bytes, from, to) {
            Some((s, l)) => Ok(pos_len(&mut p.heap, s, l)),
            None => Ok(none()),
        },
        Find::All => {
            let found = m.find_all(&bytes, from, to);
            let items: Vec<Term> = found
                .iter()
                .map(|&(s, l)| pos_len(&mut p.heap, s, l))
                .collect();
            Ok(p.heap.list(&items))
        }
    }
}

fn match_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pat] = fixed(args)?;
    do_match(p, s, pat, Term::NIL, Find::First)
}

fn match_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pat, o] = fixed(args)?;
    do_match(p, s, pat, o, Find::First)
}

fn matches_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pat] = fixed(args)?;
    do_match(p, s, pat, Term::NIL, Find::All)
}

fn matches_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pat, o] = fixed(args)?;
    do_match(p, s, pat, o, Find::All)
}

fn do_split(p: &mut Process, subject: Term, pattern: Term, opts: Term) -> BifResult {
    let (v, bytes) = bin_arg(subject)?;
    let size = bytes.len();
    let o = options(opts, size, true)?;
    let (from, to) = o.scope.unwrap_or((0, size));
    let trimming = o.trim || o.trim_all;
    if to == 0 {
        if trimming && size == 0 {
            return Ok(Term::NIL);
        }
        return Ok(p.heap.list(&[subject]));
    }
    let m = Matcher::new(patterns(pattern)?);
    let found = if o.global {
        m.find_all(&bytes, from, to)
    } else {
        m.find(&bytes, from, to).into_iter().collect()
    };
    // Part boundaries: (start, end) byte ranges.
    let mut ranges = Vec::with_capacity(found.len() + 1);
    let mut prev = 0;
    for &(s, l) in &found {
        ranges.push((prev, s));
        prev = s + l;
    }
    ranges.push((prev, size));
    if o.trim_all {
        ranges.retain(|&(a, b)| a < b);
    } else if o.trim {
        while ranges.last().is_some_and(|&(a, b)| a == b) {
            ranges.pop();
        }
    }
    let parts: Vec<Term> = ranges
        .iter()
        .map(|&(a, b)| part_term(&mut p.heap, subject, &v, a, b - a))
        .collect();
    Ok(p.heap.list(&parts))
}

fn split_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pat] = fixed(args)?;
    do_split(p, s, pat, Term::NIL)
}

fn split_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pat, o] = fixed(args)?;
    do_split(p, s, pat, o)
}

fn compile_pattern_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [pat] = fixed(args)?;
    let pats = patterns(pat)?;
    if pats.len() == 1 {
        let b = p.heap.binary(&pats[0]);
        Ok(p.heap.tuple(&[Term::atom(atom::intern_static("bm")), b]))
    } else {
        let bins: Vec<Term> = pats.iter().map(|x| p.heap.binary(x)).collect();
        let l = p.heap.list(&bins);
        Ok(p.heap.tuple(&[Term::atom(atom::intern_static("ac")), l]))
    }
}

// ---- bytes and parts -------------------------------------------------------------

fn at_2(_p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pos] = fixed(args)?;
    let (_, bytes) = bin_arg(s)?;
    let i = uint(pos).ok_or_else(Exc::badarg)?;
    let b = usize::try_from(i)
        .ok()
        .and_then(|i| bytes.get(i).copied())
        .ok_or_else(Exc::badarg)?;
    Ok(Term::small(b as i64))
}

fn first_1(_p: &mut Process, args: &[Term]) -> BifResult {
    let [s] = fixed(args)?;
    let (_, bytes) = bin_arg(s)?;
    let b = bytes.first().copied().ok_or_else(Exc::badarg)?;
    Ok(Term::small(b as i64))
}

fn last_1(_p: &mut Process, args: &[Term]) -> BifResult {
    let [s] = fixed(args)?;
    let (_, bytes) = bin_arg(s)?;
    let b = bytes.last().copied().ok_or_else(Exc::badarg)?;
    Ok(Term::small(b as i64))
}

/// `part(Subject, Pos, Len)`: within the whole bytes of any bitstring; a
/// negative `Len` counts back from `Pos`.
fn do_part(p: &mut Process, s: Term, pos: Term, len: Term) -> BifResult {
    let v = binary::view(s).ok_or_else(Exc::badarg)?;
    let pos = sint(pos).ok_or_else(Exc::badarg)?;
    let len = sint(len).ok_or_else(Exc::badarg)?;
    let size = (v.size / 8) as i64;
    let (from, n) = if len < 0 {
        (
            pos.checked_add(len).ok_or_else(Exc::badarg)?,
            len.unsigned_abs() as i64,
        )
    } else {
        (pos, len)
    };
    if pos < 0 || pos > size || from < 0 || from.checked_add(n).is_none_or(|e| e > size) {
        return Err(Exc::badarg());
    }
    Ok(part_term(&mut p.heap, s, &v, from as usize, n as usize))
}

fn part_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pl] = fixed(args)?;
    if !pl.is_tuple() || pl.tuple_arity() != 2 {
        return Err(Exc::badarg());
    }
    do_part(p, s, pl.element(0), pl.element(1))
}

fn part_3(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, pos, len] = fixed(args)?;
    do_part(p, s, pos, len)
}

fn copy_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [s] = fixed(args)?;
    let (_, bytes) = bin_arg(s)?;
    Ok(p.heap.binary(&bytes))
}

fn copy_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, n] = fixed(args)?;
    let (_, bytes) = bin_arg(s)?;
    let n = uint(n).ok_or_else(Exc::badarg)?;
    if bytes.is_empty() {
        return Ok(p.heap.binary(&[]));
    }
    if bytes.len() as u128 * n as u128 > MAX_COPY_BYTES {
        return Err(Exc::system_limit());
    }
    let out = bytes.repeat(n as usize);
    Ok(p.heap.binary(&out))
}

fn referenced_byte_size_1(_p: &mut Process, args: &[Term]) -> BifResult {
    let [s] = fixed(args)?;
    let orig = match s.boxed_kind() {
        Some(Kind::HeapBin | Kind::ProcBin) => s,
        Some(Kind::SubBin) => Term(s.word(3)),
        _ => return Err(Exc::badarg()),
    };
    let v = binary::view(orig).ok_or_else(Exc::badarg)?;
    Ok(Term::small(v.byte_size() as i64))
}

fn list_to_bin_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    if !l.is_list() {
        return Err(Exc::badarg());
    }
    let bytes = iolist_bytes(l)?;
    Ok(p.heap.binary(&bytes))
}

// ---- common prefix / suffix ------------------------------------------------------

/// The binaries of a non-empty proper list.
fn bin_list<'a>(t: Term) -> Result<Vec<Cow<'a, [u8]>>, Exc> {
    let mut out = Vec::new();
    let mut it = t.iter_list();
    for e in &mut it {
        out.push(bin_arg(e)?.1);
    }
    if !it.rest().is_nil() || out.is_empty() {
        return Err(Exc::badarg());
    }
    Ok(out)
}

fn longest_common_prefix_1(_p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    let bins = bin_list(l)?;
    let first = &bins[0];
    let n = bins[1..].iter().fold(first.len(), |n, b| {
        n.min(
            first
                .iter()
                .zip(b.iter())
                .take_while(|(x, y)| x == y)
                .count(),
        )
    });
    Ok(Term::small(n as i64))
}

fn longest_common_suffix_1(_p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    let bins = bin_list(l)?;
    let first = &bins[0];
    let n = bins[1..].iter().fold(first.len(), |n, b| {
        n.min(
            first
                .iter()
                .rev()
                .zip(b.iter().rev())
                .take_while(|(x, y)| x == y)
                .count(),
        )
    });
    Ok(Term::small(n as i64))
}

// ---- unsigned integers ---------------------------------------------------------

/// `big` (true) or `little` (false).
fn endianness(t: Term) -> Result<bool, Exc> {
    if is_atom_named(t, "big") {
        Ok(true)
    } else if is_atom_named(t, "little") {
        Ok(false)
    } else {
        Err(Exc::badarg())
    }
}

fn decode_unsigned(p: &mut Process, s: Term, big: bool) -> BifResult {
    let (_, bytes) = bin_arg(s)?;
    let n = if big {
        BigUint::from_bytes_be(&bytes)
    } else {
        BigUint::from_bytes_le(&bytes)
    };
    Ok(bignum::from_big(
        &mut p.heap,
        &BigInt::from_biguint(Sign::Plus, n),
    ))
}

fn decode_unsigned_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [s] = fixed(args)?;
    decode_unsigned(p, s, true)
}

fn decode_unsigned_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [s, e] = fixed(args)?;
    let big = endianness(e)?;
    decode_unsigned(p, s, big)
}

fn encode_unsigned(p: &mut Process, n: Term, big: bool) -> BifResult {
    if !n.is_integer() || bignum::is_negative(n) {
        return Err(Exc::badarg());
    }
    let (_, mag) = bignum::to_big(n).into_parts();
    let bytes = if big {
        mag.to_bytes_be()
    } else {
        mag.to_bytes_le()
    };
    Ok(p.heap.binary(&bytes))
}

fn encode_unsigned_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [n] = fixed(args)?;
    encode_unsigned(p, n, true)
}

fn encode_unsigned_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [n, e] = fixed(args)?;
    let big = endianness(e)?;
    encode_unsigned(p, n, big)
}

const fn b(name: &'static str, arity: u32, f: super::BifFn) -> Bif {
    Bif {
        module: "binary",
        name,
        arity,
        f,
    }
}

pub const TABLE: &[Bif] = &[
    b("at", 2, at_2),
    b("compile_pattern", 1, compile_pattern_1),
    b("copy", 1, copy_1),
    b("copy", 2, copy_2),
    b("decode_unsigned", 1, decode_unsigned_1),
    b("decode_unsigned", 2, decode_unsigned_2),
    b("encode_unsigned", 1, encode_unsigned_1),
    b("encode_unsigned", 2, encode_unsigned_2),
    b("first", 1, first_1),
    b("last", 1, last_1),
    b("list_to_bin", 1, list_to_bin_1),
    b("longest_common_prefix", 1, longest_common_prefix_1),
    b("longest_common_suffix", 1, longest_common_suffix_1),
    b("match", 2, match_2),
    b("match", 3, match_3),
    b("matches", 2, matches_2),
    b("matches", 3, matches_3),
    b("part", 2, part_2),
    b("part", 3, part_3),
    b("referenced_byte_size", 1, referenced_byte_size_1),
    b("split", 2, split_2),
    b("split", 3, split_3),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::order;

    fn proc() -> Process {
        Process::new(1, Term::NIL)
    }

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
            .collect()
    }

    fn bif(name: &str, arity: usize) -> super::super::BifFn {
        TABLE
            .iter()
            .find(|b| b.name == name && b.arity as usize == arity)
            .map(|b| b.f)
            .expect("bif")
    }

    /// Rows are `term_to_binary({F, Args, Result})` in hex, `Result` being
    /// `{ok, Value}` or `{error, Reason}` from OTP 25 for
    /// `apply(binary, F, Args)`, where an argument `{'$cp', P}` stands for
    /// `binary:compile_pattern(P)`. Generated by (module `gen_bin`: fixed
    /// edge cases for every function plus 50 seeded-random subjects over
    /// "ab"/"abc" with random pattern sets, scopes and split options):
    /// ```text
    /// lists:foreach(fun({F, Args}) ->
    ///     Real = [case A of {'$cp', P} -> binary:compile_pattern(P);
    ///                       _ -> A end || A <- Args],
    ///     R = try {ok, apply(binary, F, Real)}
    ///         catch error:Reason -> {error, Reason} end,
    ///     io:format("\"~s\",~n",
    ///               [binary:encode_hex(term_to_binary({F, Args, R}))])
    ///   end, Cases).
    /// ```
    #[rustfmt::skip]
    const ROWS: &[&str] = &[
        "83680364000261746C000000026D0000000301020361006A68026400026F6B6101",
        "83680364000261746C000000026D0000000301020361026A68026400026F6B6103",
        "83680364000261746C000000026D0000000301020361036A68026400056572726F72640006626164617267",
        "83680364000261746C000000026D0000000301020362FFFFFFFF6A68026400056572726F72640006626164617267",
        "83680364000261746C000000026D0000000061006A68026400056572726F72640006626164617267",
        "83680364000261746C000000026400016161006A68026400056572726F72640006626164617267",
        "83680364000261746C000000026D000000020102640001616A68026400056572726F72640006626164617267",
        "83680364000261746C000000024D000000030401023061006A68026400056572726F72640006626164617267",
        "83680364000261746C000000026D0000000201026E09000000000000000000016A68026400056572726F72640006626164617267",
        "83680364000261746C000000026D00000050000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F61466A68026400026F6B6146",
        "836803640004636F70796C000000016D000000036162636A68026400026F6B6D00000003616263",
        "836803640004636F70796C000000016D000000006A68026400026F6B6D00000000",
        "836803640004636F70796C00000001640001616A68026400056572726F72640006626164617267",
        "836803640004636F70796C000000014D0000000101806A68026400056572726F72640006626164617267",
        "836803640004636F70796C000000016D00000050000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F6A68026400026F6B6D00000050000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F",
        "836803640004636F70796C000000026D00000002616261036A68026400026F6B6D00000006616261626162",
        "836803640004636F70796C000000026D00000002616261006A68026400026F6B6D00000000",
        "836803640004636F70796C000000026D0000000061056A68026400026F6B6D00000000",
        "836803640004636F70796C000000026D00000002616262FFFFFFFF6A68026400056572726F72640006626164617267",
        "836803640004636F70796C000000026D000000026162640001616A68026400056572726F72640006626164617267",
        "836803640004636F70796C000000026400016161016A68026400056572726F72640006626164617267",
        "836803640004636F70796C000000024D00000001032061026A68026400056572726F72640006626164617267",
        "836803640004636F70796C000000026D000000006E080000000000000000106A68026400026F6B6D00000000",
        "836803640004636F70796C000000026D000000006E09000000000000000000016A68026400056572726F72640006626164617267",
        "836803640004636F70796C000000026D00000001616E09000000000000000000016A68026400056572726F72640006626164617267",
        "836803640004636F70796C000000026D0000000378797A61016A68026400026F6B6D0000000378797A",
        "83680364000F6465636F64655F756E7369676E65646C000000016D000000006A68026400026F6B6100",
        "83680364000F6465636F64655F756E7369676E65646C000000016D00000001006A68026400026F6B6100",
        "83680364000F6465636F64655F756E7369676E65646C000000016D000000030102036A68026400026F6B6200010203",
        "83680364000F6465636F64655F756E7369676E65646C000000016D00000009FFFFFFFFFFFFFFFFFF6A68026400026F6B6E0900FFFFFFFFFFFFFFFFFF",
        "83680364000F6465636F64655F756E7369676E65646C000000016D000000030000016A68026400026F6B6101",
        "83680364000F6465636F64655F756E7369676E65646C000000026D000000030102036400036269676A68026400026F6B6200010203",
        "83680364000F6465636F64655F756E7369676E65646C000000026D000000030102036400066C6974746C656A68026400026F6B6200030201",
        "83680364000F6465636F64655F756E7369676E65646C000000026D0000000C0100000000000000000000006400066C6974746C656A68026400026F6B6101",
        "83680364000F6465636F64655F756E7369676E65646C000000026D0000000C0100000000000000000000006400036269676A68026400026F6B6E0C00000000000000000000000001",
        "83680364000F6465636F64655F756E7369676E65646C000000026D0000000201026400036D69646A68026400056572726F72640006626164617267",
        "83680364000F6465636F64655F756E7369676E65646C00000001640001616A68026400056572726F72640006626164617267",
        "83680364000F6465636F64655F756E7369676E65646C000000014D0000000101806A68026400056572726F72640006626164617267",
        "83680364000F6465636F64655F756E7369676E65646C000000026D000000006400066C6974746C656A68026400026F6B6100",
        "83680364000F6465636F64655F756E7369676E65646C000000016D0000000B00000000000000000000076A68026400026F6B6107",
        "83680364000F6465636F64655F756E7369676E65646C000000016D00000050000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F6A68026400026F6B6E4F004F4E4D4C4B4A494847464544434241403F3E3D3C3B3A393837363534333231302F2E2D2C2B2A292827262524232221201F1E1D1C1B1A191817161514131211100F0E0D0C0B0A090807060504030201",
        "83680364000F6465636F64655F756E7369676E65646C000000026D00000050000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F6400066C6974746C656A68026400026F6B6E5000000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F",
        "83680364000F656E636F64655F756E7369676E65646B00010068026400026F6B6D0000000100",
        "83680364000F656E636F64655F756E7369676E65646B00010168026400026F6B6D0000000101",
        "83680364000F656E636F64655F756E7369676E65646B0001FF68026400026F6B6D00000001FF",
        "83680364000F656E636F64655F756E7369676E65646C0000000162000001006A68026400026F6B6D000000020100",
        "83680364000F656E636F64655F756E7369676E65646C000000016E09000000000000000000016A68026400026F6B6D00000009010000000000000000",
        "83680364000F656E636F64655F756E7369676E65646C000000016E0D00050000000000000000000000106A68026400026F6B6D0000000D10000000000000000000000005",
        "83680364000F656E636F64655F756E7369676E65646C0000000162FFFFFFFF6A68026400056572726F72640006626164617267",
        "83680364000F656E636F64655F756E7369676E65646C00000001463FF00000000000006A68026400056572726F72640006626164617267",
        "83680364000F656E636F64655F756E7369676E65646C00000001640001616A68026400056572726F72640006626164617267",
        "83680364000F656E636F64655F756E7369676E65646C0000000261006400066C6974746C656A68026400026F6B6D0000000100",
        "83680364000F656E636F64655F756E7369676E65646C0000000262000001006400066C6974746C656A68026400026F6B6D000000020001",
        "83680364000F656E636F64655F756E7369676E65646C000000026E0D00050000000000000000000000106400066C6974746C656A68026400026F6B6D0000000D05000000000000000000000010",
        "83680364000F656E636F64655F756E7369676E65646C000000026E06000000000000806400036269676A68026400026F6B6D00000006800000000000",
        "83680364000F656E636F64655F756E7369676E65646C000000026E0600FFFFFFFFFF7F6400066C6974746C656A68026400026F6B6D00000006FFFFFFFFFF7F",
        "83680364000F656E636F64655F756E7369676E65646C0000000261056400066D6964646C656A68026400056572726F72640006626164617267",
        "83680364000F656E636F64655F756E7369676E65646C0000000262FFFFFFFB6400066C6974746C656A68026400056572726F72640006626164617267",
        "83680364000566697273746C000000016D000000006A68026400056572726F72640006626164617267",
        "83680364000566697273746C000000016D00000001076A68026400026F6B6107",
        "83680364000566697273746C000000016D000000030102036A68026400026F6B6101",
        "83680364000566697273746C00000001640001616A68026400056572726F72640006626164617267",
        "83680364000566697273746C000000014D000000020301406A68026400056572726F72640006626164617267",
        "8368036400046C6173746C000000016D000000006A68026400056572726F72640006626164617267",
        "8368036400046C6173746C000000016D00000001076A68026400026F6B6107",
        "8368036400046C6173746C000000016D000000030102036A68026400026F6B6103",
        "8368036400046C6173746C00000001640001616A68026400056572726F72640006626164617267",
        "8368036400046C6173746C000000014D000000020301406A68026400056572726F72640006626164617267",
        "83680364000B6C6973745F746F5F62696E6C000000016C00000004610161026D00000001036C0000000161046D00000001056A6A68026400026F6B6D000000050102030405",
        "83680364000B6C6973745F746F5F62696E6C000000016A6A68026400026F6B6D00000000",
        "83680364000B6C6973745F746F5F62696E6C000000016D00000001016A68026400056572726F72640006626164617267",
        "83680364000B6C6973745F746F5F62696E6C00000001640001616A68026400056572726F72640006626164617267",
        "83680364000B6C6973745F746F5F62696E6C000000016C0000000162000001006A6A68026400056572726F72640006626164617267",
        "83680364000B6C6973745F746F5F62696E6C000000016C0000000162FFFFFFFF6A6A68026400056572726F72640006626164617267",
        "83680364000B6C6973745F746F5F62696E6C000000016C000000014D0000000101806A6A68026400056572726F72640006626164617267",
        "83680364000B6C6973745F746F5F62696E6C000000016C00000001610161026A68026400056572726F72640006626164617267",
        "83680364000B6C6973745F746F5F62696E6C000000016C000000016D00000001016D00000001026A68026400026F6B6D000000020102",
        "83680364000B6C6973745F746F5F62696E6C000000016C000000026C000000016C000000016A6A6A6B00036162636A6A68026400026F6B6D00000003616263",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016A6A68026400056572726F72640006626164617267",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016C000000016D000000036162636A6A68026400026F6B6103",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016C000000026D000000036162636D000000036162646A6A68026400026F6B6102",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016C000000026D00000003616263640001616A6A68026400056572726F72640006626164617267",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016D000000036162636A68026400056572726F72640006626164617267",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016C000000036D000000036162636D000000036162636D0000000261626A6A68026400026F6B6102",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016C000000026D000000036162636D000000006A6A68026400026F6B6100",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016C000000026D000000037862636D000000036162636A6A68026400026F6B6100",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016C000000016D000000036162636D000000036162646A68026400056572726F72640006626164617267",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7072656669786C000000016C000000026D000000036162634D00000003016162806A6A68026400056572726F72640006626164617267",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7375666669786C000000016A6A68026400056572726F72640006626164617267",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7375666669786C000000016C000000016D000000036162636A6A68026400026F6B6103",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7375666669786C000000016C000000026D000000036162636D000000037862636A6A68026400026F6B6102",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7375666669786C000000016C000000036D000000036162636D000000037862636D00000001636A6A68026400026F6B6101",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7375666669786C000000016C000000026D000000036162636D000000006A6A68026400026F6B6100",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7375666669786C000000016C000000026D000000036162636D000000036162646A6A68026400026F6B6100",
        "8368036400156C6F6E676573745F636F6D6D6F6E5F7375666669786C000000016C000000026D0000000361626361016A6A68026400056572726F72640006626164617267",
        "836803640004706172746C000000036D00000003616263610061036A68026400026F6B6D00000003616263",
        "836803640004706172746C000000036D00000003616263610161016A68026400026F6B6D0000000162",
        "836803640004706172746C000000036D00000003616263610362FFFFFFFE6A68026400026F6B6D000000026263",
        "836803640004706172746C000000036D00000003616263610362FFFFFFFC6A68026400056572726F72640006626164617267",
        "836803640004706172746C000000036D00000003616263610361006A68026400026F6B6D00000000",
        "836803640004706172746C000000036D00000003616263610461006A68026400056572726F72640006626164617267",
        "836803640004706172746C000000036D0000000361626362FFFFFFFF61016A68026400056572726F72640006626164617267",
        "836803640004706172746C000000036D00000003616263610061046A68026400056572726F72640006626164617267",
        "836803640004706172746C000000034D000000040161626380610161016A68026400026F6B6D0000000162",
        "836803640004706172746C000000034D000000040161626380610161036A68026400056572726F72640006626164617267",
        "836803640004706172746C000000034D000000040161626380610361006A68026400026F6B6D00000000",
        "836803640004706172746C000000026D000000036162636802610161026A68026400026F6B6D000000026263",
        "836803640004706172746C000000026D000000036162636802610362FFFFFFFD6A68026400026F6B6D00000003616263",
        "836803640004706172746C000000026D0000000361626368036101610261036A68026400056572726F72640006626164617267",
        "836803640004706172746C000000026D00000003616263640001616A68026400056572726F72640006626164617267",
        "836803640004706172746C00000002640001616802610061006A68026400056572726F72640006626164617267",
        "836803640004706172746C000000036D000000036162636400016161016A68026400056572726F72640006626164617267",
        "836803640004706172746C000000036D000000036162636101463FF00000000000006A68026400056572726F72640006626164617267",
        "836803640004706172746C000000036D00000050000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F610A61426A68026400026F6B6D000000420A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B",
        "836803640004706172746C000000036D00000050000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F614662FFFFFFBE6A68026400026F6B6D000000420405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445",
        "836803640004706172746C000000036D000000036162636E090000000000000000000161006A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F70656802610362FFFFFFFE6A6A68026400026F6B680261016101",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F70656802610361016A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F70656802610061046A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000002680264000573636F7065680261006103680264000573636F70656802610061016A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D000000036162636D00000001626C000000016400036261646A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D0000000162680264000573636F70656802610061036A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000024D0000000101806D00000001626A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000026D000000036162636D000000006A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000026D000000036162636A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000026D000000036162636C000000026D00000001616D000000006A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000026D000000036162636B0001626A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000026D00000005612C622C636C000000016D000000012C6D00000001786A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000026D00000005612C622C636C000000026D000000012C6B0001786A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F706568026E090000000000000000000161006A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F70656802610361006A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F706568026400016161006A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F706568036100610161026A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F7065680261006101640001786A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F7065680262FFFFFFFF61016A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C00000001680264000573636F7065680261026E09010000000000000000016A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D000000036162636D00000001626C000000016802640006676C6F62616C6802610061016A6A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000026D00000004616263646C000000036D000000036263646D00000004616263656D0000000262636A6A68026400026F6B680261016103",
        "8368036400056D617463686C00000002640001616D00000001626A68026400056572726F72640006626164617267",
        "8368036400056D617463686C000000036D0000000361626368026400032463706D0000000262636C00000001680264000573636F70656802610161026A6A68026400026F6B680261016102",
        "8368036400076D6174636865736C000000026D000000066162636162636C000000046D00000001626D0000000262636D000000036162636D00000001636A6A68026400026F6B6C000000026802610061036802610361036A",
        "8368036400076D6174636865736C000000026D00000004616161616D0000000261616A68026400026F6B6C000000026802610061026802610261026A",
        "8368036400076D6174636865736C000000026D0000000561616161616C000000026D00000001616D0000000261616A6A68026400026F6B6C000000036802610061026802610261026802610461016A",
        "8368036400076D6174636865736C000000036D00000005612C622C636D000000012C6C00000001680264000573636F70656802610161036A6A68026400026F6B6C000000026802610161016802610361016A",
        "8368036400076D6174636865736C000000026D00000005612C622C636C000000026D000000012C6D000000012C6A6A68026400026F6B6C000000026802610161016802610361016A",
        "8368036400076D6174636865736C000000026D000000036162636D00000001786A68026400026F6B6A",
        "8368036400076D6174636865736C000000026D000000036162636D000000006A68026400056572726F72640006626164617267",
        "8368036400076D6174636865736C000000036D000000036162636D00000001626C00000001640006676C6F62616C6A6A68026400056572726F72640006626164617267",
        "8368036400076D6174636865736C000000036D000000036162636D00000001626C00000002680264000573636F7065680261006101680264000573636F70656802610061036A6A68026400026F6B6C000000016802610161016A",
        "83680364000573706C69746C000000026D000000036162636C000000026D00000001626D0000000262636A6A68026400026F6B6C000000026D00000001616D000000006A",
        "83680364000573706C69746C000000036D000000072C612C2C622C2C6D000000012C6C00000002640006676C6F62616C6400047472696D6A6A68026400026F6B6C000000046D000000006D00000001616D000000006D00000001626A",
        "83680364000573706C69746C000000036D000000072C612C2C622C2C6D000000012C6C00000002640006676C6F62616C6400087472696D5F616C6C6A6A68026400026F6B6C000000026D00000001616D00000001626A",
        "83680364000573706C69746C000000036D000000072C612C2C622C2C6D000000012C6C000000016400087472696D5F616C6C6A6A68026400026F6B6C000000016D00000006612C2C622C2C6A",
        "83680364000573706C69746C000000036D000000072C612C2C622C2C6D000000012C6C000000016400047472696D6A6A68026400026F6B6C000000026D000000006D00000006612C2C622C2C6A",
        "83680364000573706C69746C000000036D000000072C612C2C622C2C6D000000012C6C00000001640006676C6F62616C6A6A68026400026F6B6C000000066D000000006D00000001616D000000006D00000001626D000000006D000000006A",
        "83680364000573706C69746C000000036D000000012C6D000000012C6C000000016400087472696D5F616C6C6A6A68026400026F6B6A",
        "83680364000573706C69746C000000036D000000012C6D000000012C6C000000016400047472696D6A6A68026400026F6B6A",
        "83680364000573706C69746C000000036D000000012C6D000000012C6A6A68026400026F6B6C000000026D000000006D000000006A",
        "83680364000573706C69746C000000036D000000006D000000012C6C000000016400047472696D6A6A68026400026F6B6A",
        "83680364000573706C69746C000000036D000000006D000000012C6A6A68026400026F6B6C000000016D000000006A",
        "83680364000573706C69746C000000036D000000006D000000012C6C000000016400087472696D5F616C6C6A6A68026400026F6B6A",
        "83680364000573706C69746C000000036D000000006D000000012C6C00000001640006676C6F62616C6A6A68026400026F6B6C000000016D000000006A",
        "83680364000573706C69746C000000036D00000005612C622C636D000000012C6C00000002680264000573636F7065680261016103640006676C6F62616C6A6A68026400026F6B6C000000036D00000001616D00000001626D00000001636A",
        "83680364000573706C69746C000000036D000000036162636D00000001626C00000001680264000573636F70656802610361006A6A68026400026F6B6C000000016D000000036162636A",
        "83680364000573706C69746C000000036D000000036162636D00000001626C00000001680264000573636F70656802610061006A6A68026400026F6B6C000000016D000000036162636A",
        "83680364000573706C69746C000000036D000000036162636D00000001626C00000001680264000573636F70656802610061016A6A68026400026F6B6C000000016D000000036162636A",
        "83680364000573706C69746C000000036D0000000561626362646D00000001626C00000002680264000573636F7065680261016103640006676C6F62616C6A6A68026400026F6B6C000000036D00000001616D00000001636D00000001646A",
        "83680364000573706C69746C000000036D0000000561626362646D00000001626C00000003680264000573636F7065680261026103640006676C6F62616C6400087472696D5F616C6C6A6A68026400026F6B6C000000026D000000036162636D00000001646A",
        "83680364000573706C69746C000000036D00000004626262626D00000001626C00000003680264000573636F7065680261016102640006676C6F62616C6400047472696D6A6A68026400026F6B6C000000036D00000001626D000000006D00000001626A",
        "83680364000573706C69746C000000036D00000004626262626D00000001626C00000003680264000573636F7065680261016102640006676C6F62616C6400087472696D5F616C6C6A6A68026400026F6B6C000000026D00000001626D00000001626A",
        "83680364000573706C69746C000000036D00000004626262626D00000001626C00000002680264000573636F70656802610161026400087472696D5F616C6C6A6A68026400026F6B6C000000026D00000001626D0000000262626A",
        "83680364000573706C69746C000000036D00000004626262626D00000001626C00000001680264000573636F70656802610161026A6A68026400026F6B6C000000026D00000001626D0000000262626A",
        "83680364000573706C69746C000000036D000000067878626262626D00000001626C00000002680264000573636F70656802610561016400047472696D6A6A68026400026F6B6C000000016D0000000578786262626A",
        "83680364000573706C69746C000000036D000000067878626262626D00000001626C00000002680264000573636F70656802610561016400087472696D5F616C6C6A6A68026400026F6B6C000000016D0000000578786262626A",
        "83680364000573706C69746C000000036D000000036162636D00000001626C00000001640006676C6F62616C6400047472696D6A68026400026F6B6C000000026D00000001616D00000001636A",
        "83680364000573706C69746C000000036D000000036162636D00000001626C000000016400036261646A6A68026400056572726F72640006626164617267",
        "83680364000573706C69746C000000036D000000036162636D00000001626400036261646A68026400056572726F72640006626164617267",
        "83680364000573706C69746C000000036D000000036162636D00000001626C00000001680264000573636F70656802610061096A6A68026400056572726F72640006626164617267",
        "83680364000573706C69746C000000024D0000000401616263806D00000001626A68026400056572726F72640006626164617267",
        "83680364000573706C69746C000000026D000000036162636D000000006A68026400056572726F72640006626164617267",
        "83680364000573706C69746C000000036D000000036162636D00000001626C00000004640006676C6F62616C640006676C6F62616C6400047472696D6400047472696D6A6A68026400026F6B6C000000026D00000001616D00000001636A",
        "83680364000573706C69746C000000026D0000006F616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161612C626262626262626262626D000000012C6A68026400026F6B6C000000026D00000064616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616D0000000A626262626262626262626A",
        "83680364000573706C69746C000000036D00000007612D2D622D2D6368026400032463706C000000026D000000022D2D6D000000012D6A6C00000001640006676C6F62616C6A6A68026400026F6B6C000000036D00000001616D00000001626D00000001636A",
        "83680364000573706C69746C000000036D00000007612D2D622D2D636C000000026D000000012D6D000000022D2D6A6C00000001640006676C6F62616C6A6A68026400026F6B6C000000036D00000001616D00000001626D00000001636A",
        "8368036400056D617463686C000000026D000000036363626C000000026D00000001616D00000001616A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D000000036363626C000000026D00000001616D00000001616A6C00000001680264000573636F70656802610162FFFFFFFF6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D000000036363626C000000026D00000001616D00000001616A6A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D000000036363626C000000026D00000001616D00000001616A6C00000001680264000573636F70656802610162FFFFFFFF6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D0000000363636268026400032463706C000000026D00000001616D00000001616A6A68026400026F6B6C000000016D000000036363626A",
        "83680364000573706C69746C000000036D0000000363636268026400032463706C000000026D00000001616D00000001616A6C000000036400047472696D6400087472696D5F616C6C680264000573636F70656802610162FFFFFFFF6A6A68026400026F6B6C000000016D000000036363626A",
        "8368036400056D617463686C000000026D000000096362636362626363636D00000001626A68026400026F6B680261016101",
        "8368036400056D617463686C000000036D000000096362636362626363636D00000001626C00000001680264000573636F70656802610562FFFFFFFF6A6A68026400026F6B680261046101",
        "8368036400076D6174636865736C000000026D000000096362636362626363636D00000001626A68026400026F6B6C000000036802610161016802610461016802610561016A",
        "8368036400076D6174636865736C000000036D0000000963626363626263636368026400032463706D00000001626C00000001680264000573636F70656802610562FFFFFFFF6A6A68026400026F6B6C000000016802610461016A",
        "83680364000573706C69746C000000026D000000096362636362626363636D00000001626A68026400026F6B6C000000026D00000001636D00000007636362626363636A",
        "83680364000573706C69746C000000036D000000096362636362626363636D00000001626C000000026400087472696D5F616C6C680264000573636F70656802610562FFFFFFFF6A6A68026400026F6B6C000000026D00000004636263636D00000004626363636A",
        "8368036400056D617463686C000000026D0000000862626261626161626C000000036D0000000261626D000000036161626D0000000261626A6A68026400026F6B680261036102",
        "8368036400056D617463686C000000036D0000000862626261626161626C000000036D0000000261626D000000036161626D0000000261626A6C00000001680264000573636F70656802610061006A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000862626261626161626C000000036D0000000261626D000000036161626D0000000261626A6A68026400026F6B6C000000026802610361026802610561036A",
        "8368036400076D6174636865736C000000036D0000000862626261626161626C000000036D0000000261626D000000036161626D0000000261626A6C00000001680264000573636F70656802610061006A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D0000000862626261626161626C000000036D0000000261626D000000036161626D0000000261626A6A68026400026F6B6C000000026D000000036262626D000000036161626A",
        "83680364000573706C69746C000000036D00000008626262616261616268026400032463706C000000036D0000000261626D000000036161626D0000000261626A6C000000026400047472696D680264000573636F70656802610061006A6A68026400026F6B6C000000016D0000000862626261626161626A",
        "8368036400056D617463686C000000026D00000007616162626161626C000000046D0000000261616D00000001626D0000000262616D0000000261626A6A68026400026F6B680261006102",
        "8368036400056D617463686C000000036D00000007616162626161626C000000046D0000000261616D00000001626D0000000262616D0000000261626A6A6A68026400026F6B680261006102",
        "8368036400076D6174636865736C000000026D000000076161626261616268026400032463706C000000046D0000000261616D00000001626D0000000262616D0000000261626A6A68026400026F6B6C000000046802610061026802610261016802610361026802610561026A",
        "8368036400076D6174636865736C000000036D00000007616162626161626C000000046D0000000261616D00000001626D0000000262616D0000000261626A6A6A68026400026F6B6C000000046802610061026802610261016802610361026802610561026A",
        "83680364000573706C69746C000000026D00000007616162626161626C000000046D0000000261616D00000001626D0000000262616D0000000261626A6A68026400026F6B6C000000026D000000006D0000000562626161626A",
        "83680364000573706C69746C000000036D000000076161626261616268026400032463706C000000046D0000000261616D00000001626D0000000262616D0000000261626A6C000000016400047472696D6A6A68026400026F6B6C000000026D000000006D0000000562626161626A",
        "8368036400056D617463686C000000026D0000000C62616161626261616261626168026400032463706C000000036D0000000262616D00000001616D000000036261616A6A68026400026F6B680261006103",
        "8368036400056D617463686C000000036D0000000C62616161626261616261626168026400032463706C000000036D0000000262616D00000001616D000000036261616A6C00000001680264000573636F70656802610861036A6A68026400026F6B680261086102",
        "8368036400076D6174636865736C000000026D0000000C62616161626261616261626168026400032463706C000000036D0000000262616D00000001616D000000036261616A6A68026400026F6B6C000000056802610061036802610361016802610561036802610861026802610A61026A",
        "8368036400076D6174636865736C000000036D0000000C62616161626261616261626168026400032463706C000000036D0000000262616D00000001616D000000036261616A6C00000001680264000573636F70656802610861036A6A68026400026F6B6C000000016802610861026A",
        "83680364000573706C69746C000000026D0000000C6261616162626161626162616C000000036D0000000262616D00000001616D000000036261616A6A68026400026F6B6C000000026D000000006D000000096162626161626162616A",
        "83680364000573706C69746C000000036D0000000C6261616162626161626162616C000000036D0000000262616D00000001616D000000036261616A6C000000026400047472696D680264000573636F70656802610861036A6A68026400026F6B6C000000026D0000000862616161626261616D0000000262616A",
        "8368036400056D617463686C000000026D0000000562616161616C000000036D000000036261626D00000001616D00000001636A6A68026400026F6B680261016101",
        "8368036400056D617463686C000000036D00000005626161616168026400032463706C000000036D000000036261626D00000001616D00000001636A6A6A68026400026F6B680261016101",
        "8368036400076D6174636865736C000000026D0000000562616161616C000000036D000000036261626D00000001616D00000001636A6A68026400026F6B6C000000046802610161016802610261016802610361016802610461016A",
        "8368036400076D6174636865736C000000036D00000005626161616168026400032463706C000000036D000000036261626D00000001616D00000001636A6A6A68026400026F6B6C000000046802610161016802610261016802610361016802610461016A",
        "83680364000573706C69746C000000026D0000000562616161616C000000036D000000036261626D00000001616D00000001636A6A68026400026F6B6C000000026D00000001626D000000036161616A",
        "83680364000573706C69746C000000036D0000000562616161616C000000036D000000036261626D00000001616D00000001636A6C00000003640006676C6F62616C6400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000016D00000001626A",
        "8368036400056D617463686C000000026D000000036262626D00000001626A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D0000000362626268026400032463706D00000001626A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D000000036262626D00000001626A68026400026F6B6C000000036802610061016802610161016802610261016A",
        "8368036400076D6174636865736C000000036D000000036262626D00000001626A6A68026400026F6B6C000000036802610061016802610161016802610261016A",
        "83680364000573706C69746C000000026D000000036262626D00000001626A68026400026F6B6C000000026D000000006D0000000262626A",
        "83680364000573706C69746C000000036D000000036262626D00000001626C00000003640006676C6F62616C6400047472696D6400087472696D5F616C6C6A6A68026400026F6B6A",
        "8368036400056D617463686C000000026D0000000D626261626262616161616161626C000000026D00000001616D00000001626A6A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D0000000D626261626262616161616161626C000000026D00000001616D00000001626A6A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D0000000D626261626262616161616161626C000000026D00000001616D00000001626A6A68026400026F6B6C0000000D6802610061016802610161016802610261016802610361016802610461016802610561016802610661016802610761016802610861016802610961016802610A61016802610B61016802610C61016A",
        "8368036400076D6174636865736C000000036D0000000D6262616262626161616161616268026400032463706C000000026D00000001616D00000001626A6A6A68026400026F6B6C0000000D6802610061016802610161016802610261016802610361016802610461016802610561016802610661016802610761016802610861016802610961016802610A61016802610B61016802610C61016A",
        "83680364000573706C69746C000000026D0000000D626261626262616161616161626C000000026D00000001616D00000001626A6A68026400026F6B6C000000026D000000006D0000000C6261626262616161616161626A",
        "83680364000573706C69746C000000036D0000000D626261626262616161616161626C000000026D00000001616D00000001626A6C000000016400087472696D5F616C6C6A6A68026400026F6B6C000000016D0000000C6261626262616161616161626A",
        "8368036400056D617463686C000000026D000000036163636C000000016D000000036261626A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D000000036163636C000000016D000000036261626A6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000361636368026400032463706C000000016D000000036261626A6A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D000000036163636C000000016D000000036261626A6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D000000036163636C000000016D000000036261626A6A68026400026F6B6C000000016D000000036163636A",
        "83680364000573706C69746C000000036D000000036163636C000000016D000000036261626A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000016D000000036163636A",
        "8368036400056D617463686C000000026D0000000661626261626168026400032463706C000000036D0000000261636D0000000263636D0000000262626A6A68026400026F6B680261016102",
        "8368036400056D617463686C000000036D0000000661626261626168026400032463706C000000036D0000000261636D0000000263636D0000000262626A6C00000001680264000573636F70656802610462FFFFFFFE6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000661626261626168026400032463706C000000036D0000000261636D0000000263636D0000000262626A6A68026400026F6B6C000000016802610161026A",
        "8368036400076D6174636865736C000000036D000000066162626162616C000000036D0000000261636D0000000263636D0000000262626A6C00000001680264000573636F70656802610462FFFFFFFE6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D000000066162626162616C000000036D0000000261636D0000000263636D0000000262626A6A68026400026F6B6C000000026D00000001616D000000036162616A",
        "83680364000573706C69746C000000036D0000000661626261626168026400032463706C000000036D0000000261636D0000000263636D0000000262626A6C00000003640006676C6F62616C6400047472696D680264000573636F70656802610462FFFFFFFE6A6A68026400026F6B6C000000016D000000066162626162616A",
        "8368036400056D617463686C000000026D0000000A626161636163636162626D0000000263616A68026400026F6B680261036102",
        "8368036400056D617463686C000000036D0000000A626161636163636162626D0000000263616A6A68026400026F6B680261036102",
        "8368036400076D6174636865736C000000026D0000000A626161636163636162626D0000000263616A68026400026F6B6C000000026802610361026802610661026A",
        "8368036400076D6174636865736C000000036D0000000A6261616361636361626268026400032463706D0000000263616A6A68026400026F6B6C000000026802610361026802610661026A",
        "83680364000573706C69746C000000026D0000000A6261616361636361626268026400032463706D0000000263616A68026400026F6B6C000000026D000000036261616D0000000563636162626A",
        "83680364000573706C69746C000000036D0000000A626161636163636162626D0000000263616C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000026D000000036261616D0000000563636162626A",
        "8368036400056D617463686C000000026D0000000D636361616363626361626261626C000000026D000000036261626D00000001616A6A68026400026F6B680261026101",
        "8368036400056D617463686C000000036D0000000D636361616363626361626261626C000000026D000000036261626D00000001616A6A6A68026400026F6B680261026101",
        "8368036400076D6174636865736C000000026D0000000D6363616163636263616262616268026400032463706C000000026D000000036261626D00000001616A6A68026400026F6B6C000000046802610261016802610361016802610861016802610A61036A",
        "8368036400076D6174636865736C000000036D0000000D636361616363626361626261626C000000026D000000036261626D00000001616A6A6A68026400026F6B6C000000046802610261016802610361016802610861016802610A61036A",
        "83680364000573706C69746C000000026D0000000D6363616163636263616262616268026400032463706C000000026D000000036261626D00000001616A6A68026400026F6B6C000000026D0000000263636D0000000A616363626361626261626A",
        "83680364000573706C69746C000000036D0000000D636361616363626361626261626C000000026D000000036261626D00000001616A6C00000002640006676C6F62616C6400087472696D5F616C6C6A6A68026400026F6B6C000000036D0000000263636D00000004636362636D00000001626A",
        "8368036400056D617463686C000000026D000000016168026400032463706C000000016D00000001616A6A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D00000001616C000000016D00000001616A6C00000001680264000573636F70656802610061016A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D000000016168026400032463706C000000016D00000001616A6A68026400026F6B6C000000016802610061016A",
        "8368036400076D6174636865736C000000036D00000001616C000000016D00000001616A6C00000001680264000573636F70656802610061016A6A68026400026F6B6C000000016802610061016A",
        "83680364000573706C69746C000000026D000000016168026400032463706C000000016D00000001616A6A68026400026F6B6C000000026D000000006D000000006A",
        "83680364000573706C69746C000000036D00000001616C000000016D00000001616A6C00000002640006676C6F62616C680264000573636F70656802610061016A6A68026400026F6B6C000000026D000000006D000000006A",
        "8368036400056D617463686C000000026D0000000362626368026400032463706D000000036361636A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D0000000362626368026400032463706D000000036361636C00000001680264000573636F70656802610061006A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D000000036262636D000000036361636A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D000000036262636D000000036361636C00000001680264000573636F70656802610061006A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D000000036262636D000000036361636A68026400026F6B6C000000016D000000036262636A",
        "83680364000573706C69746C000000036D0000000362626368026400032463706D000000036361636C000000026400087472696D5F616C6C680264000573636F70656802610061006A6A68026400026F6B6C000000016D000000036262636A",
        "8368036400056D617463686C000000026D0000000262616C000000036D0000000261626D00000001626D0000000262626A6A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D0000000262616C000000036D0000000261626D00000001626D0000000262626A6C00000001680264000573636F70656802610161006A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000262616C000000036D0000000261626D00000001626D0000000262626A6A68026400026F6B6C000000016802610061016A",
        "8368036400076D6174636865736C000000036D0000000262616C000000036D0000000261626D00000001626D0000000262626A6C00000001680264000573636F70656802610161006A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D0000000262616C000000036D0000000261626D00000001626D0000000262626A6A68026400026F6B6C000000026D000000006D00000001616A",
        "83680364000573706C69746C000000036D00000002626168026400032463706C000000036D0000000261626D00000001626D0000000262626A6C00000002640006676C6F62616C680264000573636F70656802610161006A6A68026400026F6B6C000000016D0000000262616A",
        "8368036400056D617463686C000000026D000000036162616C000000016D00000001626A6A68026400026F6B680261016101",
        "8368036400056D617463686C000000036D000000036162616C000000016D00000001626A6A6A68026400026F6B680261016101",
        "8368036400076D6174636865736C000000026D000000036162616C000000016D00000001626A6A68026400026F6B6C000000016802610161016A",
        "8368036400076D6174636865736C000000036D000000036162616C000000016D00000001626A6A6A68026400026F6B6C000000016802610161016A",
        "83680364000573706C69746C000000026D000000036162616C000000016D00000001626A6A68026400026F6B6C000000026D00000001616D00000001616A",
        "83680364000573706C69746C000000036D000000036162616C000000016D00000001626A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000026D00000001616D00000001616A",
        "8368036400056D617463686C000000026D0000000E616161616162616162616161626268026400032463706D0000000262626A68026400026F6B6802610C6102",
        "8368036400056D617463686C000000036D0000000E61616161616261616261616162626D0000000262626A6A68026400026F6B6802610C6102",
        "8368036400076D6174636865736C000000026D0000000E61616161616261616261616162626D0000000262626A68026400026F6B6C000000016802610C61026A",
        "8368036400076D6174636865736C000000036D0000000E61616161616261616261616162626D0000000262626A6A68026400026F6B6C000000016802610C61026A",
        "83680364000573706C69746C000000026D0000000E61616161616261616261616162626D0000000262626A68026400026F6B6C000000026D0000000C6161616161626161626161616D000000006A",
        "83680364000573706C69746C000000036D0000000E61616161616261616261616162626D0000000262626C000000016400087472696D5F616C6C6A6A68026400026F6B6C000000016D0000000C6161616161626161626161616A",
        "8368036400056D617463686C000000026D000000066262626161616D00000001616A68026400026F6B680261036101",
        "8368036400056D617463686C000000036D000000066262626161616D00000001616C00000001680264000573636F70656802610461026A6A68026400026F6B680261046101",
        "8368036400076D6174636865736C000000026D000000066262626161616D00000001616A68026400026F6B6C000000036802610361016802610461016802610561016A",
        "8368036400076D6174636865736C000000036D000000066262626161616D00000001616C00000001680264000573636F70656802610461026A6A68026400026F6B6C000000026802610461016802610561016A",
        "83680364000573706C69746C000000026D000000066262626161616D00000001616A68026400026F6B6C000000026D000000036262626D0000000261616A",
        "83680364000573706C69746C000000036D0000000662626261616168026400032463706D00000001616C000000026400047472696D680264000573636F70656802610461026A6A68026400026F6B6C000000026D00000004626262616D00000001616A",
        "8368036400056D617463686C000000026D00000007636261616263636C000000016D00000001636A6A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D000000076362616162636368026400032463706C000000016D00000001636A6A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D00000007636261616263636C000000016D00000001636A6A68026400026F6B6C000000036802610061016802610561016802610661016A",
        "8368036400076D6174636865736C000000036D00000007636261616263636C000000016D00000001636A6A6A68026400026F6B6C000000036802610061016802610561016802610661016A",
        "83680364000573706C69746C000000026D00000007636261616263636C000000016D00000001636A6A68026400026F6B6C000000026D000000006D000000066261616263636A",
        "83680364000573706C69746C000000036D00000007636261616263636C000000016D00000001636A6A6A68026400026F6B6C000000026D000000006D000000066261616263636A",
        "8368036400056D617463686C000000026D00000005616262616268026400032463706C000000016D000000036262626A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D0000000561626261626C000000016D000000036262626A6C00000001680264000573636F70656802610562FFFFFFFC6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000561626261626C000000016D000000036262626A6A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D0000000561626261626C000000016D000000036262626A6C00000001680264000573636F70656802610562FFFFFFFC6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000005616262616268026400032463706C000000016D000000036262626A6A68026400026F6B6C000000016D0000000561626261626A",
        "83680364000573706C69746C000000036D0000000561626261626C000000016D000000036262626A6C000000026400047472696D680264000573636F70656802610562FFFFFFFC6A6A68026400026F6B6C000000016D0000000561626261626A",
        "8368036400056D617463686C000000026D0000000B636361636363636161636368026400032463706C000000016D0000000261616A6A68026400026F6B680261076102",
        "8368036400056D617463686C000000036D0000000B63636163636363616163636C000000016D0000000261616A6A6A68026400026F6B680261076102",
        "8368036400076D6174636865736C000000026D0000000B63636163636363616163636C000000016D0000000261616A6A68026400026F6B6C000000016802610761026A",
        "8368036400076D6174636865736C000000036D0000000B636361636363636161636368026400032463706C000000016D0000000261616A6A6A68026400026F6B6C000000016802610761026A",
        "83680364000573706C69746C000000026D0000000B636361636363636161636368026400032463706C000000016D0000000261616A6A68026400026F6B6C000000026D00000007636361636363636D0000000263636A",
        "83680364000573706C69746C000000036D0000000B636361636363636161636368026400032463706C000000016D0000000261616A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000026D00000007636361636363636D0000000263636A",
        "8368036400056D617463686C000000026D000000046162636368026400032463706C000000016D0000000263616A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D00000004616263636C000000016D0000000263616A6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D00000004616263636C000000016D0000000263616A6A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D00000004616263636C000000016D0000000263616A6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000004616263636C000000016D0000000263616A6A68026400026F6B6C000000016D00000004616263636A",
        "83680364000573706C69746C000000036D00000004616263636C000000016D0000000263616A6C00000001640006676C6F62616C6A6A68026400026F6B6C000000016D00000004616263636A",
        "8368036400056D617463686C000000026D000000046262626268026400032463706C000000016D00000001616A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D00000004626262626C000000016D00000001616A6C00000001680264000573636F70656802610262FFFFFFFF6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D00000004626262626C000000016D00000001616A6A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D00000004626262626C000000016D00000001616A6C00000001680264000573636F70656802610262FFFFFFFF6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000004626262626C000000016D00000001616A6A68026400026F6B6C000000016D00000004626262626A",
        "83680364000573706C69746C000000036D000000046262626268026400032463706C000000016D00000001616A6C000000026400087472696D5F616C6C680264000573636F70656802610262FFFFFFFF6A6A68026400026F6B6C000000016D00000004626262626A",
        "8368036400056D617463686C000000026D00000004626163636C000000036D000000036161636D0000000261616D0000000263616A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D00000004626163636C000000036D000000036161636D0000000261616D0000000263616A6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D00000004626163636C000000036D000000036161636D0000000261616D0000000263616A6A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D00000004626163636C000000036D000000036161636D0000000261616D0000000263616A6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000004626163636C000000036D000000036161636D0000000261616D0000000263616A6A68026400026F6B6C000000016D00000004626163636A",
        "83680364000573706C69746C000000036D00000004626163636C000000036D000000036161636D0000000261616D0000000263616A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000016D00000004626163636A",
        "8368036400056D617463686C000000026D0000000262616C000000026D00000001616D000000036161626A6A68026400026F6B680261016101",
        "8368036400056D617463686C000000036D00000002626168026400032463706C000000026D00000001616D000000036161626A6A6A68026400026F6B680261016101",
        "8368036400076D6174636865736C000000026D00000002626168026400032463706C000000026D00000001616D000000036161626A6A68026400026F6B6C000000016802610161016A",
        "8368036400076D6174636865736C000000036D00000002626168026400032463706C000000026D00000001616D000000036161626A6A6A68026400026F6B6C000000016802610161016A",
        "83680364000573706C69746C000000026D0000000262616C000000026D00000001616D000000036161626A6A68026400026F6B6C000000026D00000001626D000000006A",
        "83680364000573706C69746C000000036D0000000262616C000000026D00000001616D000000036161626A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000016D00000001626A",
        "8368036400056D617463686C000000026D0000000E636161636263626262626262636168026400032463706D0000000263616A68026400026F6B680261006102",
        "8368036400056D617463686C000000036D0000000E63616163626362626262626263616D0000000263616A6A68026400026F6B680261006102",
        "8368036400076D6174636865736C000000026D0000000E63616163626362626262626263616D0000000263616A68026400026F6B6C000000026802610061026802610C61026A",
        "8368036400076D6174636865736C000000036D0000000E63616163626362626262626263616D0000000263616A6A68026400026F6B6C000000026802610061026802610C61026A",
        "83680364000573706C69746C000000026D0000000E63616163626362626262626263616D0000000263616A68026400026F6B6C000000026D000000006D0000000C6163626362626262626263616A",
        "83680364000573706C69746C000000036D0000000E63616163626362626262626263616D0000000263616A6A68026400026F6B6C000000026D000000006D0000000C6163626362626262626263616A",
        "8368036400056D617463686C000000026D0000000E616361636262636363626363616168026400032463706D00000001616A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D0000000E61636163626263636362636361616D00000001616A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D0000000E616361636262636363626363616168026400032463706D00000001616A68026400026F6B6C000000046802610061016802610261016802610C61016802610D61016A",
        "8368036400076D6174636865736C000000036D0000000E616361636262636363626363616168026400032463706D00000001616A6A68026400026F6B6C000000046802610061016802610261016802610C61016802610D61016A",
        "83680364000573706C69746C000000026D0000000E61636163626263636362636361616D00000001616A68026400026F6B6C000000026D000000006D0000000D636163626263636362636361616A",
        "83680364000573706C69746C000000036D0000000E616361636262636363626363616168026400032463706D00000001616C00000001640006676C6F62616C6A6A68026400026F6B6C000000056D000000006D00000001636D000000096362626363636263636D000000006D000000006A",
        "8368036400056D617463686C000000026D00000002616168026400032463706C000000016D000000036363616A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D0000000261616C000000016D000000036363616A6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D00000002616168026400032463706C000000016D000000036363616A6A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D0000000261616C000000016D000000036363616A6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D0000000261616C000000016D000000036363616A6A68026400026F6B6C000000016D0000000261616A",
        "83680364000573706C69746C000000036D0000000261616C000000016D000000036363616A6C00000001640006676C6F62616C6A6A68026400026F6B6C000000016D0000000261616A",
        "8368036400056D617463686C000000026D0000000862616261616262616D00000001626A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D00000008626162616162626168026400032463706D00000001626C00000001680264000573636F70656802610761016A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000862616261616262616D00000001626A68026400026F6B6C000000046802610061016802610261016802610561016802610661016A",
        "8368036400076D6174636865736C000000036D00000008626162616162626168026400032463706D00000001626C00000001680264000573636F70656802610761016A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D0000000862616261616262616D00000001626A68026400026F6B6C000000026D000000006D00000007616261616262616A",
        "83680364000573706C69746C000000036D0000000862616261616262616D00000001626C00000001680264000573636F70656802610761016A6A68026400026F6B6C000000016D0000000862616261616262616A",
        "8368036400056D617463686C000000026D0000000862626162616262616D00000001626A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D0000000862626162616262616D00000001626C00000001680264000573636F70656802610562FFFFFFFB6A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D0000000862626162616262616D00000001626A68026400026F6B6C000000056802610061016802610161016802610361016802610561016802610661016A",
        "8368036400076D6174636865736C000000036D0000000862626162616262616D00000001626C00000001680264000573636F70656802610562FFFFFFFB6A6A68026400026F6B6C000000036802610061016802610161016802610361016A",
        "83680364000573706C69746C000000026D00000008626261626162626168026400032463706D00000001626A68026400026F6B6C000000026D000000006D00000007626162616262616A",
        "83680364000573706C69746C000000036D00000008626261626162626168026400032463706D00000001626C00000003640006676C6F62616C6400047472696D680264000573636F70656802610562FFFFFFFB6A6A68026400026F6B6C000000046D000000006D000000006D00000001616D00000004616262616A",
        "8368036400056D617463686C000000026D000000076161616263626268026400032463706C000000026D00000001616D00000001616A6A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D00000007616161626362626C000000026D00000001616D00000001616A6A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D00000007616161626362626C000000026D00000001616D00000001616A6A68026400026F6B6C000000036802610061016802610161016802610261016A",
        "8368036400076D6174636865736C000000036D000000076161616263626268026400032463706C000000026D00000001616D00000001616A6A6A68026400026F6B6C000000036802610061016802610161016802610261016A",
        "83680364000573706C69746C000000026D00000007616161626362626C000000026D00000001616D00000001616A6A68026400026F6B6C000000026D000000006D000000066161626362626A",
        "83680364000573706C69746C000000036D00000007616161626362626C000000026D00000001616D00000001616A6C00000003640006676C6F62616C6400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000016D00000004626362626A",
        "8368036400056D617463686C000000026D0000000563616363616D0000000261616A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D0000000563616363616D0000000261616C00000001680264000573636F70656802610261006A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000563616363616D0000000261616A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D0000000563616363616D0000000261616C00000001680264000573636F70656802610261006A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D0000000563616363616D0000000261616A68026400026F6B6C000000016D0000000563616363616A",
        "83680364000573706C69746C000000036D00000005636163636168026400032463706D0000000261616C00000001680264000573636F70656802610261006A6A68026400026F6B6C000000016D0000000563616363616A",
        "8368036400056D617463686C000000026D0000000B636361616162616161616268026400032463706C000000016D000000036363616A6A68026400026F6B680261006103",
        "8368036400056D617463686C000000036D0000000B63636161616261616161626C000000016D000000036363616A6C00000001680264000573636F70656802610361016A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000B63636161616261616161626C000000016D000000036363616A6A68026400026F6B6C000000016802610061036A",
        "8368036400076D6174636865736C000000036D0000000B63636161616261616161626C000000016D000000036363616A6C00000001680264000573636F70656802610361016A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D0000000B63636161616261616161626C000000016D000000036363616A6A68026400026F6B6C000000026D000000006D0000000861616261616161626A",
        "83680364000573706C69746C000000036D0000000B63636161616261616161626C000000016D000000036363616A6C00000001680264000573636F70656802610361016A6A68026400026F6B6C000000016D0000000B63636161616261616161626A",
        "8368036400056D617463686C000000026D00000004636262636D000000036361626A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D00000004636262636D000000036361626A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D00000004636262636D000000036361626A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D00000004636262636D000000036361626A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000004636262636D000000036361626A68026400026F6B6C000000016D00000004636262636A",
        "83680364000573706C69746C000000036D00000004636262636D000000036361626C00000001640006676C6F62616C6A6A68026400026F6B6C000000016D00000004636262636A",
        "8368036400056D617463686C000000026D0000000261616C000000016D0000000261616A6A68026400026F6B680261006102",
        "8368036400056D617463686C000000036D0000000261616C000000016D0000000261616A6A6A68026400026F6B680261006102",
        "8368036400076D6174636865736C000000026D00000002616168026400032463706C000000016D0000000261616A6A68026400026F6B6C000000016802610061026A",
        "8368036400076D6174636865736C000000036D00000002616168026400032463706C000000016D0000000261616A6A6A68026400026F6B6C000000016802610061026A",
        "83680364000573706C69746C000000026D0000000261616C000000016D0000000261616A6A68026400026F6B6C000000026D000000006D000000006A",
        "83680364000573706C69746C000000036D0000000261616C000000016D0000000261616A6C000000016400087472696D5F616C6C6A6A68026400026F6B6A",
        "8368036400056D617463686C000000026D00000007616161616261636D000000036163626A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D00000007616161616261636D000000036163626A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D00000007616161616261636D000000036163626A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D00000007616161616261636D000000036163626A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000007616161616261636D000000036163626A68026400026F6B6C000000016D00000007616161616261636A",
        "83680364000573706C69746C000000036D00000007616161616261636D000000036163626C000000016400087472696D5F616C6C6A6A68026400026F6B6C000000016D00000007616161616261636A",
        "8368036400056D617463686C000000026D0000000662616261616268026400032463706C000000016D0000000262616A6A68026400026F6B680261006102",
        "8368036400056D617463686C000000036D000000066261626161626C000000016D0000000262616A6A6A68026400026F6B680261006102",
        "8368036400076D6174636865736C000000026D000000066261626161626C000000016D0000000262616A6A68026400026F6B6C000000026802610061026802610261026A",
        "8368036400076D6174636865736C000000036D000000066261626161626C000000016D0000000262616A6A6A68026400026F6B6C000000026802610061026802610261026A",
        "83680364000573706C69746C000000026D000000066261626161626C000000016D0000000262616A6A68026400026F6B6C000000026D000000006D00000004626161626A",
        "83680364000573706C69746C000000036D000000066261626161626C000000016D0000000262616A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000016D00000004626161626A",
        "8368036400056D617463686C000000026D00000002636368026400032463706D0000000261636A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D00000002636368026400032463706D0000000261636A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000263636D0000000261636A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D0000000263636D0000000261636A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000002636368026400032463706D0000000261636A68026400026F6B6C000000016D0000000263636A",
        "83680364000573706C69746C000000036D0000000263636D0000000261636C000000016400047472696D6A6A68026400026F6B6C000000016D0000000263636A",
        "8368036400056D617463686C000000026D000000076261626262626268026400032463706C000000016D000000036161626A6A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D00000007626162626262626C000000016D000000036161626A6C00000001680264000573636F70656802610261056A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D00000007626162626262626C000000016D000000036161626A6A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D00000007626162626262626C000000016D000000036161626A6C00000001680264000573636F70656802610261056A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000007626162626262626C000000016D000000036161626A6A68026400026F6B6C000000016D00000007626162626262626A",
        "83680364000573706C69746C000000036D00000007626162626262626C000000016D000000036161626A6C00000003640006676C6F62616C6400047472696D680264000573636F70656802610261056A6A68026400026F6B6C000000016D00000007626162626262626A",
        "8368036400056D617463686C000000026D0000000C6161626262616161626262616C000000016D0000000261626A6A68026400026F6B680261016102",
        "8368036400056D617463686C000000036D0000000C61616262626161616262626168026400032463706C000000016D0000000261626A6A6A68026400026F6B680261016102",
        "8368036400076D6174636865736C000000026D0000000C6161626262616161626262616C000000016D0000000261626A6A68026400026F6B6C000000026802610161026802610761026A",
        "8368036400076D6174636865736C000000036D0000000C61616262626161616262626168026400032463706C000000016D0000000261626A6A6A68026400026F6B6C000000026802610161026802610761026A",
        "83680364000573706C69746C000000026D0000000C6161626262616161626262616C000000016D0000000261626A6A68026400026F6B6C000000026D00000001616D000000096262616161626262616A",
        "83680364000573706C69746C000000036D0000000C6161626262616161626262616C000000016D0000000261626A6C00000002640006676C6F62616C6400087472696D5F616C6C6A6A68026400026F6B6C000000036D00000001616D00000004626261616D000000036262616A",
        "8368036400056D617463686C000000026D0000000863626162626262636D0000000263626A68026400026F6B680261006102",
        "8368036400056D617463686C000000036D00000008636261626262626368026400032463706D0000000263626A6A68026400026F6B680261006102",
        "8368036400076D6174636865736C000000026D0000000863626162626262636D0000000263626A68026400026F6B6C000000016802610061026A",
        "8368036400076D6174636865736C000000036D0000000863626162626262636D0000000263626A6A68026400026F6B6C000000016802610061026A",
        "83680364000573706C69746C000000026D00000008636261626262626368026400032463706D0000000263626A68026400026F6B6C000000026D000000006D000000066162626262636A",
        "83680364000573706C69746C000000036D0000000863626162626262636D0000000263626C00000002640006676C6F62616C6400047472696D6A6A68026400026F6B6C000000026D000000006D000000066162626262636A",
        "8368036400056D617463686C000000026D0000000961616162626161626168026400032463706C000000016D0000000262616A6A68026400026F6B680261046102",
        "8368036400056D617463686C000000036D0000000961616162626161626168026400032463706C000000016D0000000262616A6C00000001680264000573636F70656802610861006A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D0000000961616162626161626168026400032463706C000000016D0000000262616A6A68026400026F6B6C000000026802610461026802610761026A",
        "8368036400076D6174636865736C000000036D000000096161616262616162616C000000016D0000000262616A6C00000001680264000573636F70656802610861006A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D000000096161616262616162616C000000016D0000000262616A6A68026400026F6B6C000000026D00000004616161626D000000036162616A",
        "83680364000573706C69746C000000036D000000096161616262616162616C000000016D0000000262616A6C000000036400047472696D6400087472696D5F616C6C680264000573636F70656802610861006A6A68026400026F6B6C000000016D000000096161616262616162616A",
        "8368036400056D617463686C000000026D000000096261616261616262616C000000016D0000000262616A6A68026400026F6B680261006102",
        "8368036400056D617463686C000000036D000000096261616261616262616C000000016D0000000262616A6C00000001680264000573636F70656802610162FFFFFFFF6A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D000000096261616261616262616C000000016D0000000262616A6A68026400026F6B6C000000036802610061026802610361026802610761026A",
        "8368036400076D6174636865736C000000036D0000000962616162616162626168026400032463706C000000016D0000000262616A6C00000001680264000573636F70656802610162FFFFFFFF6A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D000000096261616261616262616C000000016D0000000262616A6A68026400026F6B6C000000026D000000006D00000007616261616262616A",
        "83680364000573706C69746C000000036D0000000962616162616162626168026400032463706C000000016D0000000262616A6C000000036400047472696D6400087472696D5F616C6C680264000573636F70656802610162FFFFFFFF6A6A68026400026F6B6C000000016D000000096261616261616262616A",
        "8368036400056D617463686C000000026D00000007626161626162626C000000036D000000036161626D00000001616D000000036262626A6A68026400026F6B680261016103",
        "8368036400056D617463686C000000036D000000076261616261626268026400032463706C000000036D000000036161626D00000001616D000000036262626A6A6A68026400026F6B680261016103",
        "8368036400076D6174636865736C000000026D00000007626161626162626C000000036D000000036161626D00000001616D000000036262626A6A68026400026F6B6C000000026802610161036802610461016A",
        "8368036400076D6174636865736C000000036D00000007626161626162626C000000036D000000036161626D00000001616D000000036262626A6A6A68026400026F6B6C000000026802610161036802610461016A",
        "83680364000573706C69746C000000026D00000007626161626162626C000000036D000000036161626D00000001616D000000036262626A6A68026400026F6B6C000000026D00000001626D000000036162626A",
        "83680364000573706C69746C000000036D00000007626161626162626C000000036D000000036161626D00000001616D000000036262626A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000026D00000001626D000000036162626A",
        "8368036400056D617463686C000000026D0000000E63636163616163626161626363616C000000016D0000000262616A6A68026400026F6B680261076102",
        "8368036400056D617463686C000000036D0000000E63636163616163626161626363616C000000016D0000000262616A6A6A68026400026F6B680261076102",
        "8368036400076D6174636865736C000000026D0000000E63636163616163626161626363616C000000016D0000000262616A6A68026400026F6B6C000000016802610761026A",
        "8368036400076D6174636865736C000000036D0000000E63636163616163626161626363616C000000016D0000000262616A6A6A68026400026F6B6C000000016802610761026A",
        "83680364000573706C69746C000000026D0000000E63636163616163626161626363616C000000016D0000000262616A6A68026400026F6B6C000000026D00000007636361636161636D0000000561626363616A",
        "83680364000573706C69746C000000036D0000000E63636163616163626161626363616C000000016D0000000262616A6C00000003640006676C6F62616C6400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000026D00000007636361636161636D0000000561626363616A",
        "8368036400056D617463686C000000026D00000001616C000000016D00000001616A6A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D00000001616C000000016D00000001616A6A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D00000001616C000000016D00000001616A6A68026400026F6B6C000000016802610061016A",
        "8368036400076D6174636865736C000000036D00000001616C000000016D00000001616A6A6A68026400026F6B6C000000016802610061016A",
        "83680364000573706C69746C000000026D00000001616C000000016D00000001616A6A68026400026F6B6C000000026D000000006D000000006A",
        "83680364000573706C69746C000000036D00000001616C000000016D00000001616A6C00000002640006676C6F62616C6400087472696D5F616C6C6A6A68026400026F6B6A",
        "8368036400056D617463686C000000026D00000001616D0000000262636A68026400026F6B6400076E6F6D61746368",
        "8368036400056D617463686C000000036D00000001616D0000000262636A6A68026400026F6B6400076E6F6D61746368",
        "8368036400076D6174636865736C000000026D000000016168026400032463706D0000000262636A68026400026F6B6A",
        "8368036400076D6174636865736C000000036D00000001616D0000000262636A6A68026400026F6B6A",
        "83680364000573706C69746C000000026D00000001616D0000000262636A68026400026F6B6C000000016D00000001616A",
        "83680364000573706C69746C000000036D00000001616D0000000262636C00000001640006676C6F62616C6A6A68026400026F6B6C000000016D00000001616A",
        "8368036400056D617463686C000000026D0000000962616162616261616268026400032463706C000000016D0000000261626A6A68026400026F6B680261026102",
        "8368036400056D617463686C000000036D000000096261616261626161626C000000016D0000000261626A6A6A68026400026F6B680261026102",
        "8368036400076D6174636865736C000000026D000000096261616261626161626C000000016D0000000261626A6A68026400026F6B6C000000036802610261026802610461026802610761026A",
        "8368036400076D6174636865736C000000036D000000096261616261626161626C000000016D0000000261626A6A6A68026400026F6B6C000000036802610261026802610461026802610761026A",
        "83680364000573706C69746C000000026D000000096261616261626161626C000000016D0000000261626A6A68026400026F6B6C000000026D0000000262616D0000000561626161626A",
        "83680364000573706C69746C000000036D000000096261616261626161626C000000016D0000000261626A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000026D0000000262616D0000000561626161626A",
        "8368036400056D617463686C000000026D000000066361636263626C000000026D000000036362626D0000000263626A6A68026400026F6B680261026102",
        "8368036400056D617463686C000000036D000000066361636263626C000000026D000000036362626D0000000263626A6C00000001680264000573636F70656802610461026A6A68026400026F6B680261046102",
        "8368036400076D6174636865736C000000026D000000066361636263626C000000026D000000036362626D0000000263626A6A68026400026F6B6C000000026802610261026802610461026A",
        "8368036400076D6174636865736C000000036D000000066361636263626C000000026D000000036362626D0000000263626A6C00000001680264000573636F70656802610461026A6A68026400026F6B6C000000016802610461026A",
        "83680364000573706C69746C000000026D000000066361636263626C000000026D000000036362626D0000000263626A6A68026400026F6B6C000000026D0000000263616D0000000263626A",
        "83680364000573706C69746C000000036D0000000663616362636268026400032463706C000000026D000000036362626D0000000263626A6C000000036400047472696D6400087472696D5F616C6C680264000573636F70656802610461026A6A68026400026F6B6C000000016D00000004636163626A",
        "8368036400056D617463686C000000026D000000066262626161616C000000016D00000001626A6A68026400026F6B680261006101",
        "8368036400056D617463686C000000036D0000000662626261616168026400032463706C000000016D00000001626A6A6A68026400026F6B680261006101",
        "8368036400076D6174636865736C000000026D0000000662626261616168026400032463706C000000016D00000001626A6A68026400026F6B6C000000036802610061016802610161016802610261016A",
        "8368036400076D6174636865736C000000036D000000066262626161616C000000016D00000001626A6A6A68026400026F6B6C000000036802610061016802610161016802610261016A",
        "83680364000573706C69746C000000026D000000066262626161616C000000016D00000001626A6A68026400026F6B6C000000026D000000006D0000000562626161616A",
        "83680364000573706C69746C000000036D000000066262626161616C000000016D00000001626A6C000000026400047472696D6400087472696D5F616C6C6A6A68026400026F6B6C000000016D0000000562626161616A",
    ];

    #[test]
    fn binary_module_matches_otp() {
        let mut p = proc();
        let cp = atom::intern_static("$cp");
        let ok = Term::atom(atom::OK);
        assert!(ROWS.len() >= 400);
        let mut bad = Vec::new();
        for row in ROWS {
            let t = crate::etf::decode::decode_exact(&hex(row), &mut p.heap).expect("etf");
            let (f, args, want) = (t.element(0), t.element(1), t.element(2));
            let name = atom::name(f.atom_value());
            let mut real = Vec::new();
            for a in args.iter_list() {
                if a.is_tuple() && a.tuple_arity() == 2 && a.element(0) == Term::atom(cp) {
                    real.push(compile_pattern_1(&mut p, &[a.element(1)]).expect("compile"));
                } else {
                    real.push(a);
                }
            }
            let got = bif(&name, real.len())(&mut p, &real);
            let same = match got {
                Ok(v) => want.element(0) == ok && order::exact_eq(v, want.element(1)),
                Err(e) => want.element(0) != ok && order::exact_eq(e.reason, want.element(1)),
            };
            if !same {
                let shown = match got {
                    Ok(v) => crate::term::display::format(v),
                    Err(e) => format!("error {}", crate::term::display::format(e.reason)),
                };
                bad.push(format!(
                    "{} -> {} want {}",
                    crate::term::display::format(t.element(1)),
                    shown,
                    crate::term::display::format(want)
                ));
                bad.push(name);
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len() / 2,
            bad.join("\n")
        );
    }

    /// erl: B = <<100 x $a, $,, 10 x $b>> (111 bytes):
    /// [referenced_byte_size(X) || X <- split(B, <<",">>)] = [111, 10];
    /// referenced_byte_size(part(B, 0, 64)) = 64, (part(B, 0, 65)) = 111,
    /// (copy(part(B, 0, 80))) = 80.
    #[test]
    fn referenced_sizes() {
        let mut p = proc();
        let mut data = vec![b'a'; 100];
        data.push(b',');
        data.extend_from_slice(&[b'b'; 10]);
        let big = p.heap.binary(&data);
        let comma = p.heap.binary(b",");
        let parts = split_2(&mut p, &[big, comma]).unwrap();
        let sizes: Vec<i64> = parts
            .iter_list()
            .map(|x| referenced_byte_size_1(&mut p, &[x]).unwrap().small_value())
            .collect();
        assert_eq!(sizes, vec![111, 10]);
        let rbs = |p: &mut Process, t: Term| referenced_byte_size_1(p, &[t]).unwrap().small_value();
        let a = part_3(&mut p, &[big, Term::small(0), Term::small(64)]).unwrap();
        assert_eq!(rbs(&mut p, a), 64);
        let b = part_3(&mut p, &[big, Term::small(0), Term::small(65)]).unwrap();
        assert_eq!(rbs(&mut p, b), 111);
        // A part of a part still references the original HeapBin.
        let c = part_3(&mut p, &[b, Term::small(1), Term::small(64)]).unwrap();
        assert_eq!(rbs(&mut p, c), 64);
        let d = part_3(&mut p, &[big, Term::small(1), Term::small(90)]).unwrap();
        let e = part_3(&mut p, &[d, Term::small(2), Term::small(70)]).unwrap();
        assert_eq!(rbs(&mut p, e), 111);
        assert_eq!(&*binary::view(e).unwrap().to_bytes(), &data[3..73]);
        let f = part_3(&mut p, &[big, Term::small(0), Term::small(80)]).unwrap();
        let g = copy_1(&mut p, &[f]).unwrap();
        assert_eq!(rbs(&mut p, g), 80);
        assert!(referenced_byte_size_1(&mut p, &[Term::small(1)]).is_err());
    }

    /// Matching in a sub-binary that starts at an odd bit offset.
    #[test]
    fn unaligned_subject() {
        let mut p = proc();
        // <<1:3, "xaby", 0:5>> then a sub-binary of the 4 bytes after 3 bits.
        let raw = [0x2F, 0x0C, 0x2C, 0x4F, 0x20];
        let orig = p.heap.binary(&raw);
        let (s, _) = p.heap.boxed(Kind::SubBin, 3);
        s.set_word(1, 3);
        s.set_word(2, 32);
        s.set_word(3, orig.0);
        assert_eq!(&*binary::view(s).unwrap().to_bytes(), b"xaby");
        let pat = p.heap.binary(b"ab");
        let r = match_2(&mut p, &[s, pat]).unwrap();
        assert_eq!(
            (r.element(0), r.element(1)),
            (Term::small(1), Term::small(2))
        );
        let parts = split_2(&mut p, &[s, pat]).unwrap();
        let got: Vec<Vec<u8>> = parts
            .iter_list()
            .map(|x| binary::view(x).unwrap().to_bytes().into_owned())
            .collect();
        assert_eq!(got, vec![b"x".to_vec(), b"y".to_vec()]);
    }

    /// erl: copy(<<"a">>, 1 bsl 60) makes OTP try to allocate 2^60 bytes
    /// and abort; here it is system_limit. copy(<<>>, 1 bsl 60) = <<>>.
    #[test]
    fn huge_copy_is_refused() {
        let mut p = proc();
        let a = p.heap.binary(b"a");
        let n = p.heap.int(1 << 60);
        let r = copy_2(&mut p, &[a, n]);
        assert!(matches!(r, Err(e) if e.reason == Term::atom(atom::SYSTEM_LIMIT)));
    }
}
