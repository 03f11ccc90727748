//! Decoding the external term format onto a [`Heap`].
//!
//! Owns [`decode`] / [`decode_exact`] / [`decode_with`]. Invariants:
//! - compound terms (tuples, lists, maps) are decoded with an explicit work
//!   stack ([`Frame`]s plus a value stack), so nesting depth costs heap
//!   memory bounded by the input length, never Rust stack;
//! - every count is checked against the bytes left before anything is
//!   allocated for it (each element takes at least one byte);
//! - map keys are sorted into term order (`order::compare(_, _, true)`);
//!   a map with two equal keys is an error, as in OTP 25's
//!   `binary_to_term`;
//! - on error, terms already built stay on the heap as garbage (the heap
//!   is bump-allocated and never shrinks; a process heap's GC drops them).
//!
//! Offsets in errors count from the start of `bytes` (the version byte);
//! inside a compressed term they count from the start of the inflated data.
//!
//! Pids, ports and references are decoded when their node is
//! `nonode@nohost` (the only node this VM can be), with the number layout
//! `etf::encode` writes: pid ID (15 bits) and Serial (13 bits) give the
//! serial `Serial << 15 | ID`; reference words `w0` (18 bits), `w1`, `w2`
//! give `w0 | w1 << 18 | w2 << 50`. Creation is ignored. Closures
//! (`NEW_FUN_EXT`) are decoded when their module is loaded and has a fun
//! with that index and old uniq (the Uniq MD5 is not checked); anything
//! else, and `FUN_EXT`, `LOCAL_EXT` and atom-cache references, is
//! [`EtfError::Unsupported`].
//!
//! `safe` (`binary_to_term(B, [safe])`): an atom that does not exist yet,
//! or an `EXPORT_EXT` naming an export entry that does not exist, is
//! [`EtfError::Unsupported`] instead of being created.

use super::{inflate, EtfError, VERSION};
use crate::code::{self, Lambda};
use crate::heap::Heap;
use crate::term::{atom, bignum, order, Kind as BoxKind, Term};
use num_bigint::{BigInt, Sign};
use std::cmp::Ordering;

const NEW_PID: u8 = 88;
const NEW_PORT: u8 = 89;
const NEWER_REFERENCE: u8 = 90;
const NEW_FLOAT: u8 = 70;
const BIT_BINARY: u8 = 77;
const COMPRESSED: u8 = 80;
const ATOM_CACHE_REF: u8 = 82;
const SMALL_INTEGER: u8 = 97;
const INTEGER: u8 = 98;
const FLOAT: u8 = 99;
const ATOM: u8 = 100;
const REFERENCE: u8 = 101;
const PORT: u8 = 102;
const PID: u8 = 103;
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
const NEW_REFERENCE: u8 = 114;
const SMALL_ATOM: u8 = 115;
const MAP: u8 = 116;
const FUN: u8 = 117;
const ATOM_UTF8: u8 = 118;
const SMALL_ATOM_UTF8: u8 = 119;
const V4_PORT: u8 = 120;
const LOCAL: u8 = 121;

/// Decode one term starting with the version byte 131. Returns the term
/// and the number of bytes it occupied (trailing bytes are left alone).
pub fn decode(bytes: &[u8], heap: &mut Heap) -> Result<(Term, usize), EtfError> {
    decode_with(bytes, heap, false)
}

/// [`decode`], refusing to create atoms or export entries when `safe`.
pub fn decode_with(bytes: &[u8], heap: &mut Heap, safe: bool) -> Result<(Term, usize), EtfError> {
    decode_impl(bytes, heap, safe, false)
}

/// [`decode`] for a module's literal table: its atoms may use the atom
/// table's system reserve (`atom::intern_system`), so code still loads
/// after a program filled the table.
pub fn decode_literals(bytes: &[u8], heap: &mut Heap) -> Result<(Term, usize), EtfError> {
    decode_impl(bytes, heap, false, true)
}

fn decode_impl(
    bytes: &[u8],
    heap: &mut Heap,
    safe: bool,
    system: bool,
) -> Result<(Term, usize), EtfError> {
    let mut r = Reader {
        data: bytes,
        pos: 0,
        safe,
        system,
    };
    if r.u8()? != VERSION {
        return Err(EtfError::BadVersion { offset: 0 });
    }
    if bytes.get(1) == Some(&COMPRESSED) {
        r.pos = 2;
        let size = r.u32()? as usize;
        let zoff = r.pos;
        let (data, used) = inflate(&bytes[zoff..], size).ok_or(EtfError::Zlib { offset: zoff })?;
        let mut inner = Reader {
            data: &data,
            pos: 0,
            safe,
            system,
        };
        let t = decode_term(&mut inner, heap)?;
        if inner.pos != data.len() {
            return Err(EtfError::Zlib { offset: zoff });
        }
        return Ok((t, zoff + used));
    }
    let t = decode_term(&mut r, heap)?;
    Ok((t, r.pos))
}

/// Decode a term that must occupy all of `bytes` (`binary_to_term/1`).
pub fn decode_exact(bytes: &[u8], heap: &mut Heap) -> Result<Term, EtfError> {
    let (t, used) = decode(bytes, heap)?;
    if used != bytes.len() {
        return Err(EtfError::TrailingBytes { offset: used });
    }
    Ok(t)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Do not create atoms or export entries.
    safe: bool,
    /// Atoms may use the system reserve (module literals).
    system: bool,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], EtfError> {
        if n > self.remaining() {
            return Err(EtfError::Truncated { offset: self.pos });
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, EtfError> {
        Ok(self.bytes(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, EtfError> {
        let b = self.bytes(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, EtfError> {
        let b = self.bytes(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// Error unless `n` more items of at least `min_bytes` each can follow.
    fn need(&self, n: u64, min_bytes: u64) -> Result<(), EtfError> {
        if n.saturating_mul(min_bytes) > self.remaining() as u64 {
            return Err(EtfError::Truncated { offset: self.pos });
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Tuple,
    /// Elements then the tail.
    List,
    /// Key, value, key, value, ...; the offset of the `MAP_EXT` tag.
    Map(usize),
    /// The free variables of a closure of this fun.
    Fun(&'static Lambda),
}

/// A compound term being filled: its children are `vals[start..]`.
struct Frame {
    kind: Kind,
    start: usize,
    left: usize,
}

enum Item {
    Done(Term),
    Open(Kind, usize),
}

fn decode_term(r: &mut Reader<'_>, heap: &mut Heap) -> Result<Term, EtfError> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut vals: Vec<Term> = Vec::new();
    loop {
        let mut t = match item(r, heap)? {
            Item::Done(t) => t,
            Item::Open(kind, left) => {
                frames.push(Frame {
                    kind,
                    start: vals.len(),
                    left,
                });
                continue;
            }
        };
        // Deliver `t` to the innermost open compound; close every compound
        // this completes.
        loop {
            let Some(f) = frames.last_mut() else {
                return Ok(t);
            };
            vals.push(t);
            f.left -= 1;
            if f.left > 0 {
                break;
            }
            let (kind, start) = (f.kind, f.start);
            frames.pop();
            t = build(heap, kind, &vals[start..])?;
            vals.truncate(start);
        }
    }
}

fn build(heap: &mut Heap, kind: Kind, vals: &[Term]) -> Result<Term, EtfError> {
    Ok(match kind {
        Kind::Tuple => heap.tuple(vals),
        Kind::List => match vals.split_last() {
            Some((&tail, items)) => heap.list_with_tail(items, tail),
            None => Term::NIL,
        },
        Kind::Map(offset) => {
            let mut pairs: Vec<(Term, Term)> = vals.chunks_exact(2).map(|p| (p[0], p[1])).collect();
            pairs.sort_by(|a, b| order::compare(a.0, b.0, true));
            // OTP 25's binary_to_term rejects a map with a repeated key.
            if pairs
                .windows(2)
                .any(|w| order::compare(w[0].0, w[1].0, true) == Ordering::Equal)
            {
                return Err(EtfError::DuplicateKey { offset });
            }
            crate::interp::maps::from_sorted_distinct(heap, &pairs)
        }
        Kind::Fun(l) => closure(heap, l, vals),
    })
}

/// A closure of `l` with environment `env`.
fn closure(heap: &mut Heap, l: &'static Lambda, env: &[Term]) -> Term {
    let (t, _) = heap.boxed(BoxKind::Closure, 1 + env.len());
    t.set_word(1, l as *const Lambda as u64);
    for (i, v) in env.iter().enumerate() {
        t.set_word(2 + i, v.0);
    }
    t
}

/// Read one tag: a finished leaf term, or the header of a compound whose
/// children follow.
fn item(r: &mut Reader<'_>, heap: &mut Heap) -> Result<Item, EtfError> {
    let offset = r.pos;
    let tag = r.u8()?;
    let t = match tag {
        SMALL_INTEGER => Term::small(r.u8()? as i64),
        INTEGER => heap.int(r.u32()? as i32 as i64),
        NEW_FLOAT => {
            let b = r.bytes(8)?;
            let f = f64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            finite(f, offset)?
        }
        FLOAT => {
            let b = r.bytes(31)?;
            let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
            let f = std::str::from_utf8(&b[..end])
                .ok()
                .and_then(|s| s.trim().parse::<f64>().ok())
                .ok_or(EtfError::BadFloat { offset })?;
            finite(f, offset)?
        }
        ATOM | SMALL_ATOM | ATOM_UTF8 | SMALL_ATOM_UTF8 => Term::atom(atom_body(r, tag, offset)?),
        SMALL_TUPLE | LARGE_TUPLE => {
            let n = if tag == SMALL_TUPLE {
                r.u8()? as u64
            } else {
                r.u32()? as u64
            };
            if n == 0 {
                heap.tuple(&[])
            } else {
                r.need(n, 1)?;
                return Ok(Item::Open(Kind::Tuple, n as usize));
            }
        }
        NIL => Term::NIL,
        STRING => {
            let n = r.u16()? as usize;
            let b = r.bytes(n)?;
            heap.byte_list(b)
        }
        LIST => {
            let n = r.u32()? as u64 + 1;
            r.need(n, 1)?;
            return Ok(Item::Open(Kind::List, n as usize));
        }
        MAP => {
            let n = r.u32()? as u64;
            if n == 0 {
                heap.map_sorted(&[])
            } else {
                r.need(n, 2)?;
                return Ok(Item::Open(Kind::Map(offset), 2 * n as usize));
            }
        }
        BINARY => {
            let n = r.u32()? as usize;
            let b = r.bytes(n)?;
            heap.binary(b)
        }
        BIT_BINARY => {
            let n = r.u32()? as usize;
            let bits = r.u8()?;
            let ok = if n == 0 {
                bits == 0
            } else {
                (1..=8).contains(&bits)
            };
            if !ok {
                return Err(EtfError::BadBitSize { offset });
            }
            let b = r.bytes(n)?;
            let total = (n as u64).saturating_sub(1) * 8 + bits as u64;
            heap.bitstring(b, total)
        }
        SMALL_BIG | LARGE_BIG => {
            let n = if tag == SMALL_BIG {
                r.u8()? as usize
            } else {
                r.u32()? as usize
            };
            let sign = if r.u8()? == 0 {
                Sign::Plus
            } else {
                Sign::Minus
            };
            let digits = r.bytes(n)?;
            bignum::from_big(heap, &BigInt::from_bytes_le(sign, digits))
        }
        EXPORT => {
            let bad = EtfError::BadExport { offset };
            let m = atom_term(r).map_err(|e| or_bad(e, &bad))?;
            let f = atom_term(r).map_err(|e| or_bad(e, &bad))?;
            if r.u8()? != SMALL_INTEGER {
                return Err(bad);
            }
            let arity = r.u8()? as u32;
            if r.safe && code::find_export(m, f, arity).is_none() {
                return Err(EtfError::Unsupported { tag, offset });
            }
            code::export_fun(heap, m, f, arity)
        }
        PID | NEW_PID => Term::pid(pid_body(r, tag, offset)?),
        PORT | NEW_PORT | V4_PORT => {
            local_node(r, tag, offset)?;
            let id = match tag {
                V4_PORT => u64::from_be_bytes(r.bytes(8)?.try_into().unwrap_or([0; 8])),
                _ => r.u32()? as u64,
            };
            if tag == PORT {
                r.u8()?;
            } else {
                r.u32()?;
            }
            if id >= 1 << 47 {
                return Err(EtfError::Unsupported { tag, offset });
            }
            Term::port(id)
        }
        REFERENCE => {
            local_node(r, tag, offset)?;
            let id = r.u32()?;
            r.u8()?;
            if id >= 1 << 18 {
                return Err(EtfError::Unsupported { tag, offset });
            }
            heap.reference(id as u64)
        }
        NEW_REFERENCE | NEWER_REFERENCE => {
            let len = r.u16()? as usize;
            local_node(r, tag, offset)?;
            if tag == NEW_REFERENCE {
                r.u8()?;
            } else {
                r.u32()?;
            }
            let mut w = [0u64; 3];
            for i in 0..len {
                let v = r.u32()? as u64;
                if let Some(slot) = w.get_mut(i) {
                    *slot = v;
                }
            }
            if !(1..=3).contains(&len) || w[0] >= 1 << 18 {
                return Err(EtfError::Unsupported { tag, offset });
            }
            heap.reference(w[0] | w[1] << 18 | w[2] << 50)
        }
        NEW_FUN => {
            let unsupported = EtfError::Unsupported { tag, offset };
            let _size = r.u32()?;
            let arity = r.u8()? as u32;
            let _uniq = r.bytes(16)?;
            let index = r.u32()?;
            let nfree = r.u32()?;
            let module = atom_term(r)?;
            let _old_index = small_int(r)?;
            let old_uniq = small_int(r)?;
            let ptag = r.u8()?;
            if ptag != PID && ptag != NEW_PID {
                return Err(EtfError::BadTag {
                    tag: ptag,
                    offset: r.pos - 1,
                });
            }
            pid_body(r, ptag, offset)?;
            let l = code::module_by_name(module)
                .and_then(|m| {
                    m.lambdas
                        .iter()
                        .find(|l| {
                            l.index == index && old_uniq.map(|u| u as u32) == Some(l.old_uniq)
                        })
                        .copied()
                })
                .ok_or(unsupported.clone())?;
            if l.num_free != nfree || l.call_arity() != arity {
                return Err(unsupported);
            }
            if nfree == 0 {
                closure(heap, l, &[])
            } else {
                r.need(nfree as u64, 1)?;
                return Ok(Item::Open(Kind::Fun(l), nfree as usize));
            }
        }
        FUN | LOCAL | ATOM_CACHE_REF => return Err(EtfError::Unsupported { tag, offset }),
        _ => return Err(EtfError::BadTag { tag, offset }),
    };
    Ok(Item::Done(t))
}

/// The node of a pid, port or reference: must be this (non-distributed)
/// node.
fn local_node(r: &mut Reader<'_>, tag: u8, offset: usize) -> Result<(), EtfError> {
    if atom_term(r)? != atom::NONODE {
        return Err(EtfError::Unsupported { tag, offset });
    }
    Ok(())
}

/// The serial of a `PID_EXT` / `NEW_PID_EXT` whose tag has been read.
fn pid_body(r: &mut Reader<'_>, tag: u8, offset: usize) -> Result<u64, EtfError> {
    local_node(r, tag, offset)?;
    let id = r.u32()? as u64;
    let serial = r.u32()? as u64;
    if tag == PID {
        r.u8()?;
    } else {
        r.u32()?;
    }
    if id >= 1 << 15 || serial >= 1 << 13 {
        return Err(EtfError::Unsupported { tag, offset });
    }
    Ok(serial << 15 | id)
}

/// A `SMALL_INTEGER_EXT` or `INTEGER_EXT` (a fun's old index and old
/// uniq); `None` for other integers, an error for other terms.
fn small_int(r: &mut Reader<'_>) -> Result<Option<i64>, EtfError> {
    let offset = r.pos;
    match r.u8()? {
        SMALL_INTEGER => Ok(Some(r.u8()? as i64)),
        INTEGER => Ok(Some(r.u32()? as i32 as i64)),
        SMALL_BIG => {
            let n = r.u8()? as usize;
            let sign = r.u8()?;
            let d = r.bytes(n)?;
            if n <= 8 && sign == 0 {
                let mut b = [0u8; 8];
                b[..n].copy_from_slice(d);
                Ok(Some(u64::from_le_bytes(b) as i64))
            } else {
                Ok(None)
            }
        }
        tag => Err(EtfError::BadTag { tag, offset }),
    }
}

/// Keep truncation errors as they are; any other failure becomes `bad`.
fn or_bad(e: EtfError, bad: &EtfError) -> EtfError {
    match e {
        EtfError::Truncated { .. } => e,
        _ => bad.clone(),
    }
}

fn finite(f: f64, offset: usize) -> Result<Term, EtfError> {
    if f.is_finite() {
        Ok(Term::float(f))
    } else {
        Err(EtfError::BadFloat { offset })
    }
}

/// An atom term (any of the four atom tags) where only an atom may appear.
fn atom_term(r: &mut Reader<'_>) -> Result<atom::Atom, EtfError> {
    let offset = r.pos;
    let tag = r.u8()?;
    match tag {
        ATOM | SMALL_ATOM | ATOM_UTF8 | SMALL_ATOM_UTF8 => atom_body(r, tag, offset),
        _ => Err(EtfError::BadTag { tag, offset }),
    }
}

/// The length and text of an atom whose tag has been read.
fn atom_body(r: &mut Reader<'_>, tag: u8, offset: usize) -> Result<atom::Atom, EtfError> {
    let n = match tag {
        SMALL_ATOM | SMALL_ATOM_UTF8 => r.u8()? as usize,
        _ => r.u16()? as usize,
    };
    let b = r.bytes(n)?;
    let text: std::borrow::Cow<'_, str> = if tag == ATOM || tag == SMALL_ATOM {
        // Latin-1: every byte is the code point.
        match std::str::from_utf8(b) {
            Ok(s) if s.is_ascii() => s.into(),
            _ => b.iter().map(|&c| c as char).collect::<String>().into(),
        }
    } else {
        std::str::from_utf8(b)
            .map_err(|_| EtfError::BadAtom { offset })?
            .into()
    };
    if r.safe {
        return atom::lookup(&text).ok_or(EtfError::Unsupported { tag, offset });
    }
    let interned = if r.system {
        atom::intern_system(&text)
    } else {
        atom::intern(&text)
    };
    interned.map_err(|e| match e {
        atom::AtomError::TooLong => EtfError::AtomTooLong { offset },
        atom::AtomError::TableFull => EtfError::TooManyAtoms { offset },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::binary;

    fn dec(b: &[u8]) -> Result<Term, EtfError> {
        let mut h = Heap::literal();
        let r = decode_exact(b, &mut h);
        std::mem::forget(h); // keep terms valid for the assertions
        r
    }

    #[test]
    fn leaves() {
        assert_eq!(dec(&[131, 97, 5]), Ok(Term::small(5)));
        assert_eq!(dec(&[131, 98, 255, 255, 255, 249]), Ok(Term::small(-7)));
        assert_eq!(dec(&[131, 106]), Ok(Term::NIL));
        let ok = dec(&[131, 119, 2, b'o', b'k']).unwrap();
        assert_eq!(ok, Term::atom(atom::OK));
        let f = dec(&[131, 70, 64, 12, 0, 0, 0, 0, 0, 0]).unwrap();
        assert_eq!(f.float_value(), 3.5);
        let b = dec(&[131, 109, 0, 0, 0, 2, 7, 8]).unwrap();
        assert_eq!(
            binary::view(b).map(|v| v.to_bytes().into_owned()),
            Some(vec![7, 8])
        );
    }

    #[test]
    fn rejects_bad_floats_and_tags() {
        let inf = f64::INFINITY.to_be_bytes();
        let mut b = vec![131, 70];
        b.extend(inf);
        assert!(matches!(dec(&b), Err(EtfError::BadFloat { offset: 1 })));
        assert!(matches!(
            dec(&[131, 1]),
            Err(EtfError::BadTag { tag: 1, .. })
        ));
        assert!(matches!(dec(&[130, 106]), Err(EtfError::BadVersion { .. })));
        assert!(matches!(dec(&[131, 103]), Err(EtfError::Truncated { .. })));
        assert!(matches!(
            dec(&[131, 117]),
            Err(EtfError::Unsupported { .. })
        ));
        assert!(matches!(
            dec(&[131, 106, 0]),
            Err(EtfError::TrailingBytes { offset: 2 })
        ));
        // erl: binary_to_term(<<131,116,0,0,0,2,97,1,97,1,97,1,97,2>>) is badarg
        assert!(matches!(
            dec(&[131, 116, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2]),
            Err(EtfError::DuplicateKey { offset: 1 })
        ));
        // claims a 4-billion-element tuple: rejected before allocating
        assert!(matches!(
            dec(&[131, 105, 255, 255, 255, 255, 106]),
            Err(EtfError::Truncated { .. })
        ));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 1_000_000;
        let mut b = vec![131];
        for _ in 0..depth {
            b.extend([104, 1]);
        }
        b.push(106);
        let t = dec(&b).unwrap();
        let mut d = 0;
        let mut cur = t;
        while cur.is_tuple() {
            cur = cur.element(0);
            d += 1;
        }
        assert_eq!(d, depth);
        // and the same nesting, truncated
        assert!(dec(&b[..b.len() - 1]).is_err());
    }
}
