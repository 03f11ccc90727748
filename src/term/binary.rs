//! Read access to bitstrings: heap binaries and sub-binaries seen as one
//! `Bits` view (bytes + bit offset + bit size).

use super::{Kind, Term};
use std::borrow::Cow;

#[derive(Copy, Clone, Debug)]
pub struct Bits<'a> {
    /// The underlying storage (whole bytes).
    pub data: &'a [u8],
    /// First bit, counted from the most significant bit of `data[0]`.
    pub offset: u64,
    /// Length in bits.
    pub size: u64,
}

/// The bytes of a `HeapBin` object.
fn heap_bin_data<'a>(t: Term) -> (&'a [u8], u64) {
    let bits = t.word(1);
    let nbytes = bits.div_ceil(8) as usize;
    // SAFETY: a HeapBin's words after the bit size hold `ceil(bits/8)` bytes
    // (padded to whole words); the heap outlives the borrow by construction
    // of every caller (no GC while a view is held).
    let data = unsafe { std::slice::from_raw_parts(t.ptr().add(2) as *const u8, nbytes) };
    (data, bits)
}

/// A view of any bitstring term, `None` for other terms.
pub fn view<'a>(t: Term) -> Option<Bits<'a>> {
    match t.boxed_kind()? {
        Kind::HeapBin => {
            let (data, bits) = heap_bin_data(t);
            Some(Bits {
                data,
                offset: 0,
                size: bits,
            })
        }
        Kind::SubBin => {
            let offset = t.word(1);
            let size = t.word(2);
            let orig = Term(t.word(3));
            let (data, _) = heap_bin_data(orig);
            Some(Bits { data, offset, size })
        }
        _ => None,
    }
}

impl<'a> Bits<'a> {
    pub fn is_binary(&self) -> bool {
        self.size % 8 == 0
    }
    pub fn byte_size(&self) -> usize {
        self.size.div_ceil(8) as usize
    }
    /// The bytes when the view starts on a byte boundary and has whole bytes.
    pub fn aligned(&self) -> Option<&'a [u8]> {
        if self.offset % 8 == 0 && self.size % 8 == 0 {
            let s = (self.offset / 8) as usize;
            self.data.get(s..s + (self.size / 8) as usize)
        } else {
            None
        }
    }
    /// Bit `i` of the view (0 = first).
    #[inline]
    pub fn bit(&self, i: u64) -> u8 {
        let b = self.offset + i;
        (self.data[(b / 8) as usize] >> (7 - (b % 8))) & 1
    }
    /// The content as bytes, the final partial byte padded with zero bits.
    pub fn to_bytes(&self) -> Cow<'a, [u8]> {
        if let Some(s) = self.aligned() {
            return Cow::Borrowed(s);
        }
        let n = self.byte_size();
        let mut out = vec![0u8; n];
        if self.offset % 8 == 0 {
            let s = (self.offset / 8) as usize;
            out.copy_from_slice(&self.data[s..s + n]);
        } else {
            for i in 0..self.size {
                out[(i / 8) as usize] |= self.bit(i) << (7 - (i % 8));
            }
        }
        let rem = self.size % 8;
        if rem != 0 {
            out[n - 1] &= 0xFFu8 << (8 - rem);
        }
        Cow::Owned(out)
    }
}
