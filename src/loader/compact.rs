//! The compact-term encoding of instruction operands (and the byte cursor
//! every chunk parser reads through).
//!
//! Owns [`Cursor`] (bounds-checked big-endian reads that know their absolute
//! file offset) and [`read_operand`], which decodes one operand into a
//! [`generic::Operand`]. Invariants:
//! - no read goes past the cursor's slice: every failure is a `LoadError`
//!   carrying the absolute offset, never a panic;
//! - nothing recurses proportionally to the input: the long-length prefix
//!   may not itself use the long form, `z 1` lists may not nest, and a typed
//!   register wraps exactly one plain `x`/`y`;
//! - vectors are only pre-sized by counts already checked against the bytes
//!   left (every operand takes at least one byte);
//! - operands referring to tables are range-checked against [`Limits`]:
//!   atoms (index 0 decodes as `Nil`), literals, labels (`f 0` = no label).

use super::error::LoadError;
use super::generic::Operand;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub const TAG_U: u8 = 0;
pub const TAG_I: u8 = 1;
pub const TAG_A: u8 = 2;
pub const TAG_X: u8 = 3;
pub const TAG_Y: u8 = 4;
pub const TAG_F: u8 = 5;
pub const TAG_H: u8 = 6;
pub const TAG_Z: u8 = 7;

/// A bounds-checked reader over one chunk (or any slice of the file).
#[derive(Clone)]
pub struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
    /// Absolute file offset of `data[0]`, for error messages.
    base: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(data: &'a [u8], base: usize) -> Cursor<'a> {
        Cursor { data, pos: 0, base }
    }

    /// Absolute file offset of the next byte.
    #[inline]
    pub fn offset(&self) -> usize {
        self.base + self.pos
    }

    #[inline]
    pub fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// The next `n` bytes.
    #[inline]
    pub fn bytes(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], LoadError> {
        if n > self.remaining() {
            return Err(LoadError::Truncated {
                offset: self.offset(),
                what,
            });
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// Everything not read yet.
    pub fn rest(&mut self) -> &'a [u8] {
        let s = &self.data[self.pos..];
        self.pos = self.data.len();
        s
    }

    #[inline]
    pub fn u8(&mut self, what: &'static str) -> Result<u8, LoadError> {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => Err(LoadError::Truncated {
                offset: self.offset(),
                what,
            }),
        }
    }

    pub fn u16(&mut self, what: &'static str) -> Result<u16, LoadError> {
        let b = self.bytes(2, what)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    pub fn u32(&mut self, what: &'static str) -> Result<u32, LoadError> {
        let b = self.bytes(4, what)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The value part of a compact term, before interpretation by tag.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Raw<'a> {
    /// From the 1- or 2-byte forms: 0..=2047.
    Small(u64),
    /// The big-endian bytes of the long forms (2..=8 or 9+ bytes).
    Long(&'a [u8]),
}

impl Raw<'_> {
    /// The value read as unsigned (leading zero bytes allowed), if it fits.
    pub fn unsigned(self) -> Option<u64> {
        match self {
            Raw::Small(v) => Some(v),
            Raw::Long(b) => {
                let first = b.iter().position(|&x| x != 0).unwrap_or(b.len());
                let b = &b[first..];
                if b.len() > 8 {
                    return None;
                }
                Some(b.iter().fold(0u64, |acc, &x| (acc << 8) | x as u64))
            }
        }
    }

    /// The value read as a two's complement integer (the `i` tag).
    pub fn signed(self) -> Operand {
        match self {
            Raw::Small(v) => Operand::Int(v as i64),
            Raw::Long(b) if b.len() <= 8 => {
                let v = b.iter().fold(0u64, |acc, &x| (acc << 8) | x as u64);
                let shift = 64 - 8 * b.len() as u32;
                // `shift` < 64 since the long form has at least 2 bytes.
                Operand::Int(((v << shift) as i64) >> shift)
            }
            Raw::Long(b) => {
                let big = BigInt::from_signed_bytes_be(b);
                match big.to_i64() {
                    Some(i) => Operand::Int(i),
                    None => Operand::BigInt(big),
                }
            }
        }
    }
}

/// Read one tag and its raw value. `allow_ext`: whether the 9+ byte form
/// (whose length is itself a compact `u`) may be used; the nested length
/// never may, which bounds the recursion to one level.
fn read_tagged_inner<'a>(
    cur: &mut Cursor<'a>,
    allow_ext: bool,
) -> Result<(u8, Raw<'a>), LoadError> {
    let start = cur.offset();
    let b = cur.u8("an operand")?;
    let tag = b & 7;
    if b & 0x08 == 0 {
        return Ok((tag, Raw::Small((b >> 4) as u64)));
    }
    if b & 0x10 == 0 {
        let lo = cur.u8("an operand")?;
        return Ok((tag, Raw::Small((((b >> 5) as u64) << 8) | lo as u64)));
    }
    let n = (b >> 5) as usize;
    let count = if n < 7 {
        n + 2
    } else {
        if !allow_ext {
            return Err(LoadError::BadOperand { offset: start });
        }
        let (t, raw) = read_tagged_inner(cur, false)?;
        let extra = raw.unsigned().filter(|_| t == TAG_U);
        match extra.and_then(|e| usize::try_from(e).ok()) {
            Some(e) if e <= cur.remaining() => e + 9,
            _ => return Err(LoadError::BadOperand { offset: start }),
        }
    };
    Ok((tag, Raw::Long(cur.bytes(count, "an operand")?)))
}

/// Read one compact term as (tag, raw value).
pub fn read_tagged<'a>(cur: &mut Cursor<'a>) -> Result<(u8, Raw<'a>), LoadError> {
    read_tagged_inner(cur, true)
}

/// Read a compact term that must be a `u`.
pub fn read_u(cur: &mut Cursor<'_>) -> Result<u64, LoadError> {
    let offset = cur.offset();
    match read_tagged(cur)? {
        (TAG_U, raw) => raw.unsigned().ok_or(LoadError::BadOperand { offset }),
        _ => Err(LoadError::BadOperand { offset }),
    }
}

/// Table sizes operands are checked against.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// `BeamFile::atoms.len()` (slot 0 included).
    pub atoms: u32,
    pub literals: u32,
    /// The Code header's label count: labels are `< labels`.
    pub labels: u32,
}

/// Decode one operand.
pub fn read_operand(cur: &mut Cursor<'_>, lim: &Limits) -> Result<Operand, LoadError> {
    read_operand_inner(cur, lim, true)
}

fn read_operand_inner(
    cur: &mut Cursor<'_>,
    lim: &Limits,
    allow_list: bool,
) -> Result<Operand, LoadError> {
    let offset = cur.offset();
    let bad = LoadError::BadOperand { offset };
    let (tag, raw) = read_tagged(cur)?;
    if tag == TAG_I {
        return Ok(raw.signed());
    }
    let v = raw.unsigned().ok_or(bad.clone())?;
    let v32 = || u32::try_from(v).map_err(|_| bad.clone());
    Ok(match tag {
        TAG_U => Operand::U(v),
        TAG_A if v == 0 => Operand::Nil,
        TAG_A if v < lim.atoms as u64 => Operand::Atom(v as u32),
        TAG_A => return Err(LoadError::BadAtomIndex { index: v, offset }),
        TAG_X => Operand::X(v32()?),
        TAG_Y => Operand::Y(v32()?),
        TAG_F if v < lim.labels as u64 || v == 0 => Operand::Label(v as u32),
        TAG_F => return Err(LoadError::BadLabel { label: v, offset }),
        TAG_H => Operand::Char(v32()?),
        _ => return read_extended(cur, lim, v, offset, allow_list),
    })
}

/// The `z` kinds; `kind` is the value of the `z` term.
fn read_extended(
    cur: &mut Cursor<'_>,
    lim: &Limits,
    kind: u64,
    offset: usize,
    allow_list: bool,
) -> Result<Operand, LoadError> {
    let bad = LoadError::BadOperand { offset };
    match kind {
        1 if allow_list => {
            let n = read_u(cur)?;
            if n > cur.remaining() as u64 {
                return Err(LoadError::Truncated {
                    offset: cur.offset(),
                    what: "an operand list",
                });
            }
            let mut items = Vec::with_capacity(n as usize);
            for _ in 0..n {
                items.push(read_operand_inner(cur, lim, false)?);
            }
            Ok(Operand::List(items))
        }
        2 => {
            let r = read_u(cur)?;
            Ok(Operand::FloatReg(u32::try_from(r).map_err(|_| bad)?))
        }
        3 => {
            let n = read_u(cur)?;
            if n > (cur.remaining() / 2) as u64 {
                return Err(LoadError::Truncated {
                    offset: cur.offset(),
                    what: "an allocation list",
                });
            }
            let mut pairs = Vec::with_capacity(n as usize);
            for _ in 0..n {
                let kind = read_u(cur)?;
                if kind > 2 {
                    return Err(bad);
                }
                pairs.push((kind, read_u(cur)?));
            }
            Ok(Operand::AllocList(pairs))
        }
        4 => {
            let i = read_u(cur)?;
            if i >= lim.literals as u64 {
                return Err(LoadError::BadLiteralIndex { index: i, offset });
            }
            Ok(Operand::Literal(i as u32))
        }
        5 => {
            let reg_off = cur.offset();
            let (tag, raw) = read_tagged(cur)?;
            let r = raw
                .unsigned()
                .and_then(|r| u32::try_from(r).ok())
                .ok_or(LoadError::BadOperand { offset: reg_off })?;
            let reg = match tag {
                TAG_X => Operand::X(r),
                TAG_Y => Operand::Y(r),
                _ => return Err(LoadError::BadOperand { offset: reg_off }),
            };
            let ty = read_u(cur)?;
            let ty = u32::try_from(ty).map_err(|_| bad)?;
            Ok(Operand::Typed(Box::new(reg), ty))
        }
        _ => Err(bad),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIM: Limits = Limits {
        atoms: 10,
        literals: 3,
        labels: 20,
    };

    fn op(bytes: &[u8]) -> Result<Operand, LoadError> {
        let mut c = Cursor::new(bytes, 100);
        let r = read_operand(&mut c, &LIM);
        if r.is_ok() {
            assert!(c.is_empty(), "operand left bytes: {bytes:?}");
        }
        r
    }

    #[test]
    fn short_forms() {
        assert_eq!(op(&[0x30]), Ok(Operand::U(3)));
        assert_eq!(op(&[0x21]), Ok(Operand::Int(2)));
        assert_eq!(op(&[0x02]), Ok(Operand::Nil));
        assert_eq!(op(&[0x12]), Ok(Operand::Atom(1)));
        assert_eq!(op(&[0x43]), Ok(Operand::X(4)));
        assert_eq!(op(&[0x14]), Ok(Operand::Y(1)));
        assert_eq!(op(&[0x05]), Ok(Operand::Label(0)));
        assert_eq!(op(&[0x35]), Ok(Operand::Label(3)));
        // 2-byte form: 1000 = 0x3E8 -> (3 << 5) | 0x08 | tag, 0xE8
        assert_eq!(op(&[0x68, 0xE8]), Ok(Operand::U(1000)));
    }

    #[test]
    fn long_and_negative_integers() {
        // erlc: -1 is <<N:16>> = FF FF with header (0 << 5) | 0x18 | 1
        assert_eq!(op(&[0x19, 0xFF, 0xFF]), Ok(Operand::Int(-1)));
        assert_eq!(op(&[0x19, 0x0B, 0xB8]), Ok(Operand::Int(3000)));
        assert_eq!(op(&[0x18, 0x0B, 0xB8]), Ok(Operand::U(3000)));
        // 9-byte form: 0xF9, then u(0) -> 9 bytes: 2^64 (bignum)
        let mut b = vec![0xF9, 0x00, 0x01];
        b.extend([0u8; 8]);
        assert_eq!(op(&b), Ok(Operand::BigInt(BigInt::from(1u128 << 64))));
        // same width but a u: too large
        b[0] = 0xF8;
        assert!(matches!(op(&b), Err(LoadError::BadOperand { offset: 100 })));
    }

    #[test]
    fn extended() {
        // z1 list [x0, a1]
        assert_eq!(
            op(&[0x17, 0x20, 0x03, 0x12]),
            Ok(Operand::List(vec![Operand::X(0), Operand::Atom(1)]))
        );
        assert_eq!(op(&[0x27, 0x10]), Ok(Operand::FloatReg(1)));
        assert_eq!(
            op(&[0x37, 0x10, 0x00, 0x30]),
            Ok(Operand::AllocList(vec![(0, 3)]))
        );
        assert_eq!(op(&[0x47, 0x20]), Ok(Operand::Literal(2)));
        assert_eq!(
            op(&[0x57, 0x23, 0x10]),
            Ok(Operand::Typed(Box::new(Operand::X(2)), 1))
        );
    }

    #[test]
    fn rejects() {
        assert!(op(&[0x47, 0x30]).is_err()); // literal 3 of 3
        assert!(op(&[0xA2]).is_err()); // atom 10 of 10
        assert!(op(&[0x08]).is_err()); // truncated 2-byte form
        assert!(op(&[0x17, 0x10, 0x17, 0x00]).is_err()); // nested list
        assert!(op(&[0x17, 0xF0]).is_err()); // list longer than input
        assert!(op(&[0x57, 0x22, 0x10]).is_err()); // typed atom
        assert!(op(&[0x07]).is_err()); // z0 float
        assert!(op(&[0xF8, 0xF8, 0xF8, 0xF8]).is_err()); // nested long length
        assert!(op(&[]).is_err());
    }
}
