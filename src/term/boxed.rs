//! Heap object headers: the first word of every boxed object.
//!
//! ## Header word layout
//!
//! | bits 63..48 | bits 47..40 | bits 39..0                               |
//! |-------------|-------------|------------------------------------------|
//! | `0xFFF0`    | [`Kind`]    | size: words after the header             |
//!
//! A header is never a valid term (its top bits are a negative NaN), so a
//! linear heap scan tells headers from cons cells.
//!
//! ## Objects (words after the header; "raw" words are not terms)
//!
//! | kind        | words                                             | raw prefix |
//! |-------------|---------------------------------------------------|------------|
//! | `Tuple`     | the elements                                      | 0          |
//! | `PosBig`    | magnitude limbs, least significant first          | all        |
//! | `NegBig`    | magnitude limbs, least significant first          | all        |
//! | `Closure`   | `*const Lambda`, then the free variables          | 1          |
//! | `ExportFun` | `*const Export`                                   | all        |
//! | `Map`       | n keys in term order, then their n values         | 0          |
//! | `HeapBin`   | bit size, then the bytes (padded to a word)       | all        |
//! | `SubBin`    | bit offset, bit size, then the `HeapBin` term     | 2          |
//! | `MatchCtx`  | bit position, bit end, then the `HeapBin` term    | 2          |
//! | `Ref`       | the reference number                              | all        |
//! | `ProcBin`   | `*const BinBuf` (one strong count), bit size, flags | all      |
//! | `HashMap`   | bitmap, key count, then the children (`hamt`)     | 2          |
//! | `HashNode`  | bitmap, then the children (inside a `HashMap`)    | 1          |
//!
//! The raw prefix rule is what the GC and message copy rely on: after
//! `raw_prefix` raw words, every remaining word of the object is a term.

use super::Term;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Kind {
    Tuple = 0,
    PosBig = 1,
    NegBig = 2,
    Closure = 3,
    ExportFun = 4,
    Map = 5,
    HeapBin = 6,
    SubBin = 7,
    MatchCtx = 8,
    Ref = 9,
    /// A reference-counted, off-heap binary (> 64 bytes).
    ProcBin = 10,
    /// A map of more than 32 keys: the head of a HAMT (see `term::hamt`).
    HashMap = 11,
    /// An inner HAMT node; only ever a child of a `HashMap` or `HashNode`.
    HashNode = 12,
}

impl Kind {
    const ALL: [Kind; 13] = [
        Kind::Tuple,
        Kind::PosBig,
        Kind::NegBig,
        Kind::Closure,
        Kind::ExportFun,
        Kind::Map,
        Kind::HeapBin,
        Kind::SubBin,
        Kind::MatchCtx,
        Kind::Ref,
        Kind::ProcBin,
        Kind::HashMap,
        Kind::HashNode,
    ];
}

/// A header word.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Header(pub u64);

const SIZE_MASK: u64 = (1 << 40) - 1;

impl Header {
    #[inline(always)]
    pub const fn new(kind: Kind, size: usize) -> Header {
        Header((0xFFF0 << 48) | ((kind as u64) << 40) | (size as u64 & SIZE_MASK))
    }
    #[inline(always)]
    pub fn kind(self) -> Kind {
        let k = ((self.0 >> 40) & 0xFF) as usize;
        // Headers are only written by `Header::new`, so `k` is in range; a
        // corrupt word degrades to a tuple rather than undefined behaviour.
        Kind::ALL.get(k).copied().unwrap_or(Kind::Tuple)
    }
    /// Words after the header.
    #[inline(always)]
    pub const fn size(self) -> usize {
        (self.0 & SIZE_MASK) as usize
    }
    /// How many words after the header are raw (not terms).
    #[inline]
    pub fn raw_prefix(self) -> usize {
        match self.kind() {
            Kind::Tuple | Kind::Map => 0,
            Kind::Closure => 1,
            Kind::SubBin | Kind::MatchCtx | Kind::HashMap => 2,
            Kind::HashNode => 1,
            Kind::PosBig
            | Kind::NegBig
            | Kind::ExportFun
            | Kind::HeapBin
            | Kind::Ref
            | Kind::ProcBin => self.size(),
        }
    }
    #[inline(always)]
    pub const fn word(self) -> u64 {
        self.0
    }
}

impl From<Header> for Term {
    fn from(h: Header) -> Term {
        Term(h.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_roundtrip() {
        for k in Kind::ALL {
            let h = Header::new(k, 12345);
            assert_eq!(h.kind(), k);
            assert_eq!(h.size(), 12345);
            assert!(Term(h.0).is_header());
            assert!(!Term(h.0).is_float());
        }
    }

    #[test]
    fn raw_prefix_table() {
        assert_eq!(Header::new(Kind::Tuple, 3).raw_prefix(), 0);
        assert_eq!(Header::new(Kind::Map, 4).raw_prefix(), 0);
        assert_eq!(Header::new(Kind::Closure, 3).raw_prefix(), 1);
        assert_eq!(Header::new(Kind::SubBin, 3).raw_prefix(), 2);
        assert_eq!(Header::new(Kind::MatchCtx, 3).raw_prefix(), 2);
        assert_eq!(Header::new(Kind::HeapBin, 5).raw_prefix(), 5);
        assert_eq!(Header::new(Kind::PosBig, 2).raw_prefix(), 2);
        assert_eq!(Header::new(Kind::HashMap, 5).raw_prefix(), 2);
        assert_eq!(Header::new(Kind::HashNode, 3).raw_prefix(), 1);
    }
}
