//! Encoding terms in the external term format, byte for byte as OTP 25's
//! `term_to_binary/1,2` writes them.
//!
//! Owns [`encode`], [`encoded_size`], [`EncodeOpts`] and [`EncodeError`].
//! Invariants:
//! - compound terms are walked with an explicit work stack (`Work`), so
//!   term depth costs heap memory, never Rust stack;
//! - encoding never panics; terms that cannot exist in Erlang code (match
//!   contexts, the non-value, stack words) are [`EncodeError::BadTerm`].
//!
//! The rules OTP 25 follows (checked against `erl`):
//! - atoms whose characters are all below 256 are `ATOM_EXT` (100) with
//!   Latin-1 text; other atoms `SMALL_ATOM_UTF8_EXT` (119), or
//!   `ATOM_UTF8_EXT` (118) when longer than 255 bytes. With
//!   `{minor_version, 2}` every atom is UTF-8 (119/118). `SMALL_ATOM_EXT`
//!   (115) is never written;
//! - integers: 0..=255 `SMALL_INTEGER_EXT`, other 32-bit values
//!   `INTEGER_EXT`, else `SMALL_BIG_EXT` (up to 255 digit bytes) or
//!   `LARGE_BIG_EXT`, digits little-endian without leading zero bytes;
//! - floats: `NEW_FLOAT_EXT` (the IEEE bits, so `-0.0` keeps its sign);
//!   with `{minor_version, 0}` `FLOAT_EXT`: C's `"%.20e"` padded with NULs
//!   to 31 bytes;
//! - a proper list of 1..=65535 integers in 0..=255 is `STRING_EXT`; any
//!   other non-empty list `LIST_EXT` (count of cons cells, then the
//!   elements, then the tail: `NIL_EXT` for proper lists);
//! - bitstrings with a partial last byte are `BIT_BINARY_EXT`, the unused
//!   low bits of the last byte zero;
//! - maps are `MAP_EXT` with the pairs in `maps:to_list/1` order (key
//!   order for flat maps, reverse hash-trie iteration order above 32
//!   keys, as OTP), or sorted by key with `deterministic`. Atom-keyed
//!   large maps still differ: OTP hashes atoms by table index;
//! - pids, ports and references carry the node `nonode@nohost` and
//!   creation 0 (`NEW_PID_EXT`, `NEW_PORT_EXT`, `NEWER_REFERENCE_EXT` with
//!   three words) as a non-distributed OTP 25 node writes them. A local
//!   pid serial `n` is written as ID `n & 0x7FFF`, Serial `n >> 15`; a
//!   reference number `n` as the words `n & 0x3FFFF`, `n >> 18`, `n >> 50`
//!   (OTP's layout: 18 significant bits in the first word);
//! - `fun M:F/A` is `EXPORT_EXT`; closures are `NEW_FUN_EXT`. Limitation:
//!   the 16-byte Uniq field (OTP: the module's MD5) is written as zeros,
//!   because loaded modules do not keep their MD5; the decoder here finds
//!   the fun by module, index and old uniq and ignores the field. The pid
//!   field is [`EncodeOpts::fun_pid`] (OTP: the creating process);
//! - compression (`compressed`, `{compressed, 1..9}`; level 0 means none)
//!   deflates the encoded term after the version byte with zlib at the
//!   given level and uses `COMPRESSED` (80) only when the result is not
//!   longer than the uncompressed encoding (`6 + zlib bytes <= 1 + term
//!   bytes`), exactly OTP's test. The zlib stream is made by the `zlib`
//!   submodule, a port of zlib 1.2.13's deflate, so the compressed bytes
//!   are OTP's too.

mod zlib;

#[cfg(test)]
mod otp_cases;

use super::VERSION;
use crate::code;
use crate::interp::maps;
use crate::term::{atom, bignum, binary, Kind, Term};
use std::fmt;

const NEW_PID: u8 = 88;
const NEW_PORT: u8 = 89;
const NEWER_REFERENCE: u8 = 90;
const NEW_FLOAT: u8 = 70;
const BIT_BINARY: u8 = 77;
const COMPRESSED: u8 = 80;
const SMALL_INTEGER: u8 = 97;
const INTEGER: u8 = 98;
const FLOAT: u8 = 99;
const ATOM: u8 = 100;
const SMALL_TUPLE: u8 = 104;
const LARGE_TUPLE: u8 = 105;
const NIL: u8 = 106;
const STRING: u8 = 107;
const LIST: u8 = 108;
const BINARY: u8 = 109;
const SMALL_BIG: u8 = 110;
const LARGE_BIG: u8 = 111;
const NEW_FUN: u8 = 112;
const EXPORT: u8 = 113;
const MAP: u8 = 116;
const ATOM_UTF8: u8 = 118;
const SMALL_ATOM_UTF8: u8 = 119;
const V4_PORT: u8 = 120;

/// The longest list written as `STRING_EXT`.
const MAX_STRING_LEN: usize = 0xFFFF;

/// `term_to_binary/2` options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EncodeOpts {
    /// 0: floats as `FLOAT_EXT` text; 1 (the default): `NEW_FLOAT_EXT`;
    /// 2: also every atom as UTF-8.
    pub minor_version: u8,
    /// zlib level 0..=9; 0 = do not compress.
    pub compression: u32,
    /// OTP's `deterministic`: map pairs sorted by key instead of
    /// `maps:to_list/1` order.
    pub deterministic: bool,
    /// The serial of the pid written into closures (`NEW_FUN_EXT`).
    pub fun_pid: u64,
}

impl Default for EncodeOpts {
    fn default() -> Self {
        EncodeOpts {
            minor_version: 1,
            compression: 0,
            deterministic: false,
            fun_pid: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// A word that is not an Erlang term (match context, non-value, stack
    /// word) was reached.
    BadTerm,
    /// A size does not fit the format's 32-bit length fields.
    TooLarge,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::BadTerm => write!(f, "not an encodable term"),
            EncodeError::TooLarge => write!(f, "term too large for the external format"),
        }
    }
}

impl std::error::Error for EncodeError {}

/// Encode `t` with the version byte, compressing if asked (and smaller).
pub fn encode(t: Term, opts: &EncodeOpts) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(64);
    out.push(VERSION);
    encode_body(t, opts, &mut out)?;
    if opts.compression == 0 {
        return Ok(out);
    }
    let body = &out[1..];
    let size = u32::try_from(body.len()).map_err(|_| EncodeError::TooLarge)?;
    // OTP gives zlib an output buffer of `real_size - 5` bytes: compress
    // only if the result is no longer than the plain encoding.
    let limit = out.len().saturating_sub(6);
    match zlib::compress(body, opts.compression.min(9), limit) {
        Some(z) => {
            let mut c = Vec::with_capacity(6 + z.len());
            c.push(VERSION);
            c.push(COMPRESSED);
            c.extend_from_slice(&size.to_be_bytes());
            c.extend_from_slice(&z);
            Ok(c)
        }
        None => Ok(out),
    }
}

/// `erlang:external_size/1,2`: the byte size of the uncompressed encoding
/// as OTP estimates it (exact except for closures, where OTP counts the
/// old index and old uniq as five bytes each whatever their value).
pub fn encoded_size(t: Term, opts: &EncodeOpts) -> Result<usize, EncodeError> {
    let mut out = Vec::new();
    let extra = encode_body_inner(t, opts, &mut out)?;
    Ok(1 + out.len() + extra)
}

/// One pending piece of work.
enum Work {
    Term(Term),
    /// The rest of a list being written as `LIST_EXT`: elements, then the
    /// tail.
    List(Term),
    /// Elements `i..` of a tuple.
    Tuple(Term, usize),
    /// Free variables `i..` of a closure.
    Env(Term, usize),
    /// All free variables of the closure whose `NEW_FUN_EXT` tag is at
    /// this offset are written: patch its Size field.
    Patch(usize),
}

/// Append the encoding of `t` (without the version byte) to `out`.
pub fn encode_body(t: Term, opts: &EncodeOpts, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    encode_body_inner(t, opts, out).map(|_| ())
}

/// As [`encode_body`]; returns the extra bytes OTP's size estimate adds.
fn encode_body_inner(t: Term, opts: &EncodeOpts, out: &mut Vec<u8>) -> Result<usize, EncodeError> {
    let mut extra = 0usize;
    let mut stack: Vec<Work> = vec![Work::Term(t)];
    while let Some(w) = stack.pop() {
        let t = match w {
            Work::Term(t) => t,
            Work::List(l) => {
                if l.is_cons() {
                    let (h, tl) = l.cons_parts();
                    stack.push(Work::List(tl));
                    h
                } else {
                    l
                }
            }
            Work::Tuple(tup, i) => {
                let n = tup.tuple_arity();
                if i + 1 < n {
                    stack.push(Work::Tuple(tup, i + 1));
                }
                tup.element(i)
            }
            Work::Env(f, i) => {
                let n = f.header().size() - 1;
                if i + 1 < n {
                    stack.push(Work::Env(f, i + 1));
                }
                Term(f.word(2 + i))
            }
            Work::Patch(start) => {
                patch_size(out, start)?;
                continue;
            }
        };
        extra += leaf(t, opts, out, &mut stack)?;
    }
    Ok(extra)
}

/// Write one term's tag and fixed part; push work for its children.
fn leaf(
    t: Term,
    opts: &EncodeOpts,
    out: &mut Vec<u8>,
    stack: &mut Vec<Work>,
) -> Result<usize, EncodeError> {
    if t.is_float() {
        write_float(t.float_value(), opts, out);
    } else if t.is_small() {
        write_int(t.small_value(), out);
    } else if t.is_atom() {
        write_atom(t.atom_value(), opts, out);
    } else if t.is_nil() {
        out.push(NIL);
    } else if t.is_cons() {
        write_list(t, out, stack)?;
    } else if t.is_pid() {
        write_pid(t.pid_value(), opts, out);
    } else if t.is_port() {
        let n = t.pid_value();
        match u32::try_from(n) {
            Ok(id) => {
                out.push(NEW_PORT);
                write_atom(atom::NONODE, opts, out);
                put32(out, id);
            }
            Err(_) => {
                out.push(V4_PORT);
                write_atom(atom::NONODE, opts, out);
                out.extend_from_slice(&n.to_be_bytes());
            }
        }
        put32(out, 0);
    } else if t.is_boxed() {
        if let Some(b) = binary::view(t) {
            write_bits(&b, out)?;
            return Ok(0);
        }
        match t.header().kind() {
            Kind::Tuple => {
                let n = t.tuple_arity();
                if n < 256 {
                    out.push(SMALL_TUPLE);
                    out.push(n as u8);
                } else {
                    out.push(LARGE_TUPLE);
                    put32(out, u32::try_from(n).map_err(|_| EncodeError::TooLarge)?);
                }
                if n > 0 {
                    stack.push(Work::Tuple(t, 0));
                }
            }
            Kind::PosBig | Kind::NegBig => write_big(t, out)?,
            Kind::Map | Kind::HashMap => {
                // OTP writes a map's pairs in `maps:to_list/1` order (hash
                // order for large maps); `deterministic` sorts by key.
                let pairs = if opts.deterministic {
                    maps::sorted_entries(t)
                } else {
                    maps::entries(t)
                };
                out.push(MAP);
                put32(
                    out,
                    u32::try_from(pairs.len()).map_err(|_| EncodeError::TooLarge)?,
                );
                for &(k, v) in pairs.iter().rev() {
                    stack.push(Work::Term(v));
                    stack.push(Work::Term(k));
                }
            }
            Kind::ExportFun => {
                let e = code::export_of(t);
                out.push(EXPORT);
                write_atom(e.module, opts, out);
                write_atom(e.function, opts, out);
                out.push(SMALL_INTEGER);
                out.push(u8::try_from(e.arity).map_err(|_| EncodeError::BadTerm)?);
            }
            Kind::Closure => return write_closure(t, opts, out, stack),
            Kind::Ref => {
                let n = t.word(1);
                out.push(NEWER_REFERENCE);
                out.extend_from_slice(&3u16.to_be_bytes());
                write_atom(atom::NONODE, opts, out);
                put32(out, 0);
                put32(out, (n & 0x3FFFF) as u32);
                put32(out, (n >> 18) as u32);
                put32(out, (n >> 50) as u32);
            }
            _ => return Err(EncodeError::BadTerm),
        }
    } else {
        return Err(EncodeError::BadTerm);
    }
    Ok(0)
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_be_bytes());
}

fn write_int(i: i64, out: &mut Vec<u8>) {
    if (0..=255).contains(&i) {
        out.push(SMALL_INTEGER);
        out.push(i as u8);
    } else if let Ok(v) = i32::try_from(i) {
        out.push(INTEGER);
        out.extend_from_slice(&v.to_be_bytes());
    } else {
        let mag = i.unsigned_abs().to_le_bytes();
        let n = 8 - mag.iter().rev().take_while(|&&b| b == 0).count();
        out.push(SMALL_BIG);
        out.push(n as u8);
        out.push(u8::from(i < 0));
        out.extend_from_slice(&mag[..n]);
    }
}

fn write_big(t: Term, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    let (sign, mut digits) = bignum::to_big(t).to_bytes_le();
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    let neg = sign == num_bigint::Sign::Minus;
    if digits.len() < 256 {
        out.push(SMALL_BIG);
        out.push(digits.len() as u8);
    } else {
        out.push(LARGE_BIG);
        put32(
            out,
            u32::try_from(digits.len()).map_err(|_| EncodeError::TooLarge)?,
        );
    }
    out.push(u8::from(neg));
    out.extend_from_slice(&digits);
    Ok(())
}

fn write_float(f: f64, opts: &EncodeOpts, out: &mut Vec<u8>) {
    if opts.minor_version == 0 {
        out.push(FLOAT);
        let s = c_exp20(f);
        let mut buf = [0u8; 31];
        let n = s.len().min(31);
        buf[..n].copy_from_slice(&s.as_bytes()[..n]);
        out.extend_from_slice(&buf);
    } else {
        out.push(NEW_FLOAT);
        out.extend_from_slice(&f.to_bits().to_be_bytes());
    }
}

/// C's `printf("%.20e", f)`: Rust's exactly rounded (ties to even, as
/// glibc) mantissa with a C-style exponent (sign, at least two digits).
fn c_exp20(f: f64) -> String {
    let s = format!("{f:.20e}");
    match s.split_once('e') {
        Some((mant, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            format!("{mant}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

fn write_atom(a: atom::Atom, opts: &EncodeOpts, out: &mut Vec<u8>) {
    atom::with_name(a, |s| {
        let latin1 = opts.minor_version < 2 && s.chars().all(|c| (c as u32) < 256);
        if latin1 {
            out.push(ATOM);
            let n = s.chars().count();
            out.extend_from_slice(&(n as u16).to_be_bytes());
            out.extend(s.chars().map(|c| c as u32 as u8));
        } else if s.len() < 256 {
            out.push(SMALL_ATOM_UTF8);
            out.push(s.len() as u8);
            out.extend_from_slice(s.as_bytes());
        } else {
            out.push(ATOM_UTF8);
            out.extend_from_slice(&(s.len().min(0xFFFF) as u16).to_be_bytes());
            out.extend_from_slice(s.as_bytes());
        }
    })
}

fn write_pid(n: u64, opts: &EncodeOpts, out: &mut Vec<u8>) {
    out.push(NEW_PID);
    write_atom(atom::NONODE, opts, out);
    put32(out, (n & 0x7FFF) as u32);
    put32(out, (n >> 15) as u32);
    put32(out, 0);
}

/// `STRING_EXT` when `l` is a proper list of at most 65535 bytes, else
/// `LIST_EXT` with its elements and tail pushed as work.
fn write_list(l: Term, out: &mut Vec<u8>, stack: &mut Vec<Work>) -> Result<(), EncodeError> {
    let mut n = 0usize;
    let mut cur = l;
    let mut bytes = true;
    while cur.is_cons() {
        let (h, t) = cur.cons_parts();
        if bytes && !(h.is_small() && (0..=255).contains(&h.small_value())) {
            bytes = false;
        }
        n += 1;
        cur = t;
    }
    if bytes && cur.is_nil() && n <= MAX_STRING_LEN {
        out.push(STRING);
        out.extend_from_slice(&(n as u16).to_be_bytes());
        out.extend(l.iter_list().map(|h| h.small_value() as u8));
        return Ok(());
    }
    out.push(LIST);
    put32(out, u32::try_from(n).map_err(|_| EncodeError::TooLarge)?);
    stack.push(Work::List(l));
    Ok(())
}

fn write_bits(b: &binary::Bits<'_>, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    let n = u32::try_from(b.byte_size()).map_err(|_| EncodeError::TooLarge)?;
    let rem = (b.size % 8) as u8;
    if rem == 0 {
        out.push(BINARY);
        put32(out, n);
    } else {
        out.push(BIT_BINARY);
        put32(out, n);
        out.push(rem);
    }
    out.extend_from_slice(&b.to_bytes());
    Ok(())
}

/// `NEW_FUN_EXT`: Size, Arity, Uniq, Index, NumFree, Module, OldIndex,
/// OldUniq, Pid, free variables. Size counts every byte after the tag, so
/// it is patched once the free variables are written ([`Work::Patch`]).
fn write_closure(
    t: Term,
    opts: &EncodeOpts,
    out: &mut Vec<u8>,
    stack: &mut Vec<Work>,
) -> Result<usize, EncodeError> {
    let l = code::lambda_of(t);
    let nfree = t.header().size().saturating_sub(1);
    let start = out.len();
    out.push(NEW_FUN);
    put32(out, 0); // Size, patched
    let arity = l
        .arity
        .saturating_sub(u32::try_from(nfree).unwrap_or(u32::MAX));
    out.push(u8::try_from(arity).map_err(|_| EncodeError::BadTerm)?);
    out.extend_from_slice(&[0u8; 16]);
    put32(out, l.index);
    put32(
        out,
        u32::try_from(nfree).map_err(|_| EncodeError::TooLarge)?,
    );
    write_atom(l.module, opts, out);
    write_int(l.index as i64, out);
    write_int(l.old_uniq as i64, out);
    write_pid(opts.fun_pid, opts, out);
    let extra = if l.index < 256 { 3 } else { 0 } + if l.old_uniq < 256 { 3 } else { 0 };
    if nfree > 0 {
        stack.push(Work::Patch(start));
        stack.push(Work::Env(t, 0));
    } else {
        patch_size(out, start)?;
    }
    Ok(extra)
}

/// Write the Size field of the `NEW_FUN_EXT` whose tag is at `start`.
fn patch_size(out: &mut [u8], start: usize) -> Result<(), EncodeError> {
    let size = u32::try_from(out.len() - start - 1).map_err(|_| EncodeError::TooLarge)?;
    out[start + 1..start + 5].copy_from_slice(&size.to_be_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Lambda;
    use crate::etf::decode::{decode_exact, decode_with};
    use crate::heap::Heap;
    use crate::term::order;
    use std::cmp::Ordering;

    fn lambda(
        module: &str,
        index: u32,
        arity: u32,
        num_free: u32,
        old_uniq: u32,
    ) -> &'static Lambda {
        Box::leak(Box::new(Lambda {
            module: atom::intern(module).unwrap(),
            function: atom::intern("-f/0-fun-0-").unwrap(),
            arity,
            num_free,
            index,
            old_uniq,
            module_index: 0,
            ip: 0,
        }))
    }

    fn closure(h: &mut Heap, l: &'static Lambda, env: &[Term]) -> Term {
        let (t, _) = h.boxed(Kind::Closure, 1 + env.len());
        t.set_word(1, l as *const Lambda as u64);
        for (i, v) in env.iter().enumerate() {
            t.set_word(2 + i, v.0);
        }
        t
    }

    /// OTP's bytes with the 16-byte Uniq (module MD5) of the `NEW_FUN_EXT`s
    /// whose tags are at `tags` zeroed, as this encoder writes it.
    fn without_md5(otp: &[u8], tags: &[usize]) -> Vec<u8> {
        let mut v = otp.to_vec();
        for &t in tags {
            v[t + 6..t + 22].fill(0);
        }
        v
    }

    fn opts_pid(pid: u64) -> EncodeOpts {
        EncodeOpts {
            fun_pid: pid,
            ..EncodeOpts::default()
        }
    }

    /// In a module `e5`: `mk(X, Y) -> fun(Z) -> {X, Y, Z} end.` and
    /// `mk2(X) -> F = fun() -> X end, fun() -> F end.`; then
    /// `io:format("~w~n", [term_to_binary(e5:mk(7, abc))])` and
    /// `term_to_binary(e5:mk2(300))` from `<0.9.0>` under
    /// `erl -noshell`; `erlang:external_size/1` gives 83 and 154.
    #[test]
    fn closures_as_otp_but_the_md5() {
        let mut h = Heap::new(0);
        let abc = Term::atom(atom::intern("abc").unwrap());
        let f1 = closure(
            &mut h,
            lambda("e5", 0, 3, 2, 56853444),
            &[Term::small(7), abc],
        );
        let otp1: &[u8] = &[
            131, 112, 0, 0, 0, 78, 1, 108, 112, 120, 145, 218, 185, 241, 190, 181, 236, 185, 127,
            83, 77, 170, 201, 0, 0, 0, 0, 0, 0, 0, 2, 100, 0, 2, 101, 53, 97, 0, 98, 3, 99, 131,
            196, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0,
            0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 97, 7, 100, 0, 3, 97, 98, 99,
        ];
        let got = encode(f1, &opts_pid(9)).unwrap();
        assert_eq!(got, without_md5(otp1, &[1]));
        assert_eq!(encoded_size(f1, &opts_pid(9)), Ok(83));

        let inner = closure(&mut h, lambda("e5", 1, 1, 1, 56853444), &[Term::small(300)]);
        let f2 = closure(&mut h, lambda("e5", 2, 1, 1, 56853444), &[inner]);
        let otp2: &[u8] = &[
            131, 112, 0, 0, 0, 146, 0, 108, 112, 120, 145, 218, 185, 241, 190, 181, 236, 185, 127,
            83, 77, 170, 201, 0, 0, 0, 2, 0, 0, 0, 1, 100, 0, 2, 101, 53, 97, 2, 98, 3, 99, 131,
            196, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0,
            0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 112, 0, 0, 0, 75, 0, 108, 112, 120, 145, 218, 185,
            241, 190, 181, 236, 185, 127, 83, 77, 170, 201, 0, 0, 0, 1, 0, 0, 0, 1, 100, 0, 2, 101,
            53, 97, 1, 98, 3, 99, 131, 196, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110,
            111, 104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 98, 0, 0, 1, 44,
        ];
        let got = encode(f2, &opts_pid(9)).unwrap();
        assert_eq!(got, without_md5(otp2, &[1, 72]));
        assert_eq!(encoded_size(f2, &opts_pid(9)), Ok(154));
        // The module is not loaded: decoding reports it, never panics.
        let mut h2 = Heap::new(0);
        assert!(matches!(
            decode_exact(&got, &mut h2),
            Err(EtfError::Unsupported { .. })
        ));
    }

    #[test]
    fn closures_nested_deeply_do_not_recurse() {
        let mut h = Heap::new(0);
        let l = lambda("deepfun", 0, 1, 1, 7);
        let mut t = Term::NIL;
        for _ in 0..100_000 {
            t = closure(&mut h, l, &[t]);
        }
        let b = encode(t, &EncodeOpts::default()).unwrap();
        // Each level: tag, size 4, arity, uniq 16, index 4, nfree 4,
        // module atom 10, old index 2, old uniq 2, pid 29.
        assert_eq!(b.len(), 1 + 100_000 * 73 + 1);
        // The outermost Size covers everything after its tag.
        assert_eq!(
            u32::from_be_bytes([b[2], b[3], b[4], b[5]]) as usize,
            b.len() - 2
        );
    }

    use super::super::EtfError;

    #[test]
    fn non_terms_are_errors() {
        let o = EncodeOpts::default();
        assert_eq!(encode(Term::NONE, &o), Err(EncodeError::BadTerm));
        assert_eq!(encode(Term::cp(1, 2), &o), Err(EncodeError::BadTerm));
        let mut h = Heap::new(0);
        let t = h.tuple(&[Term::small(1), Term::NONE]);
        assert_eq!(encode(t, &o), Err(EncodeError::BadTerm));
    }

    #[test]
    fn c_float_text() {
        // erl: term_to_binary(F, [{minor_version, 0}]) text parts.
        assert_eq!(c_exp20(1.5), "1.50000000000000000000e+00");
        assert_eq!(c_exp20(-0.0), "-0.00000000000000000000e+00");
        assert_eq!(c_exp20(5e-324), "4.94065645841246544177e-324");
        assert_eq!(c_exp20(2f64.powi(-31)), "4.65661287307739257812e-10");
        assert_eq!(
            c_exp20(-1.7976931348623157e308),
            "-1.79769313486231570815e+308"
        );
    }

    #[test]
    fn deep_tuples_round_trip_without_recursion() {
        let mut h = Heap::new(0);
        let mut t = Term::NIL;
        for i in 0..1_000_000 {
            t = h.tuple(&[Term::small(i % 300), t]);
        }
        let o = EncodeOpts::default();
        let b = encode(t, &o).unwrap();
        let mut h2 = Heap::new(0);
        let back = decode_exact(&b, &mut h2).unwrap();
        assert_eq!(order::compare(t, back, true), Ordering::Equal);
        let z = encode(
            t,
            &EncodeOpts {
                compression: 6,
                ..o
            },
        )
        .unwrap();
        assert_eq!(z[1], COMPRESSED);
        let back = decode_exact(&z, &mut h2).unwrap();
        assert_eq!(order::compare(t, back, true), Ordering::Equal);
    }

    #[test]
    fn pids_ports_refs_round_trip() {
        let mut h = Heap::new(0);
        let r = h.reference(0x1234_5678_9ABC);
        let t = h.tuple(&[Term::pid(5), Term::pid((3 << 15) | 7), Term::port(9), r]);
        for minor_version in 0..=2 {
            let o = EncodeOpts {
                minor_version,
                ..EncodeOpts::default()
            };
            let b = encode(t, &o).unwrap();
            let mut h2 = Heap::new(0);
            let back = decode_exact(&b, &mut h2).unwrap();
            assert_eq!(order::compare(t, back, true), Ordering::Equal);
        }
    }

    #[test]
    fn safe_decoding_refuses_new_atoms() {
        let mut h = Heap::new(0);
        // 'etf_safe_test_no_such_atom' as ATOM_EXT.
        let name = b"etf_safe_test_no_such_atom_x1";
        let mut b = vec![131, 100, 0, name.len() as u8];
        b.extend_from_slice(name);
        assert!(decode_with(&b, &mut h, true).is_err());
        assert!(atom::lookup("etf_safe_test_no_such_atom_x1").is_none());
        assert!(decode_with(&b, &mut h, false).is_ok());
        assert!(decode_with(&b, &mut h, true).is_ok());
    }

    /// Truncated and byte-mutated encodings of many kinds of terms decode
    /// to a term or an error, never a panic.
    #[test]
    fn mutated_input_never_panics() {
        let mut h = Heap::new(0);
        let l = lambda("fuzzmod", 0, 1, 1, 3);
        let big = bignum::from_big(&mut h, &(num_bigint::BigInt::from(-7) << 100));
        let r = h.reference(77);
        let bits = h.bitstring(&[0xAB, 0xC0], 11);
        let str_ = h.string("abc");
        let m = h.map_sorted(&[(Term::small(1), str_)]);
        let ex = code::export_fun(&mut h, atom::ERLANG, atom::intern("abs").unwrap(), 1);
        let imp = h.cons(Term::small(1), Term::small(2));
        let inner = h.tuple(&[
            Term::pid(3),
            Term::port(4),
            r,
            bits,
            m,
            ex,
            imp,
            big,
            Term::float(2.5),
        ]);
        let clo = closure(&mut h, l, &[inner]);
        let t = h.tuple(&[clo, inner]);
        let mut seeds = Vec::new();
        for o in [
            EncodeOpts::default(),
            EncodeOpts {
                minor_version: 0,
                ..EncodeOpts::default()
            },
            EncodeOpts {
                minor_version: 2,
                compression: 6,
                ..EncodeOpts::default()
            },
        ] {
            seeds.push(encode(t, &o).unwrap());
            seeds.push(encode(inner, &o).unwrap());
        }
        let mut x: u32 = 1;
        let mut rnd = move || {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            x >> 8
        };
        let mut h2 = Heap::new(0);
        for seed in &seeds {
            for n in 0..seed.len() {
                let _ = decode_with(&seed[..n], &mut h2, false);
            }
            for _ in 0..3000 {
                let mut b = seed.clone();
                for _ in 0..1 + rnd() % 3 {
                    let i = rnd() as usize % b.len();
                    b[i] = rnd() as u8;
                }
                let _ = decode_with(&b, &mut h2, rnd() % 2 == 0);
            }
            h2 = Heap::new(0);
        }
    }
}
