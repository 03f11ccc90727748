//! Terms: one NaN-boxed 64-bit word per Erlang value.
//!
//! Owns the bit layout of every term word, heap object headers, and the
//! constructors/accessors on them. Nothing outside this module may build a
//! word from raw bits (use the constructors here), so the layout can change
//! in one place.
//!
//! ## Word layout
//!
//! | bits 63..48 (`top16`) | meaning                                  | payload (bits 47..0)                   |
//! |-----------------------|------------------------------------------|----------------------------------------|
//! | `< 0xFFF0`            | a float (the raw IEEE-754 bits)          | -                                      |
//! | `0xFFF0..=0xFFF7`     | a heap object header (never a value)     | see [`Header`]                         |
//! | `0xFFF8`              | small integer                            | 48-bit two's complement                |
//! | `0xFFF9`              | atom                                     | atom index                             |
//! | `0xFFFA`              | special: `[]`, the non-value, catch tags | 0 = nil, 1 = none, 2 = GC forward mark; bit 47 set: catch tag (module 15 bits, y slot 10, code index 22) |
//! | `0xFFFB`              | local pid                                | process serial                         |
//! | `0xFFFC`              | local port                               | port serial                            |
//! | `0xFFFD`              | list (pointer to a cons cell)            | address; bit 47 = literal (immortal)   |
//! | `0xFFFE`              | boxed (pointer to a header word)         | address; bit 47 = literal (immortal)   |
//! | `0xFFFF`              | continuation pointer (stack only)        | module index 16 bits, code index 32   |
//!
//! Erlang has no NaN or infinity (arithmetic producing them raises
//! `badarith`), so every float that can exist has `top16 < 0xFFF0`
//! (positive NaNs/infinities never occur; the negative ones are taken).
//! User-space addresses on x86-64 and aarch64 Linux fit in 47 bits, which
//! leaves bit 47 of a pointer payload for the *literal* flag: objects in a
//! module's literal area are never copied by GC or by send.
//!
//! Small integers cover `[-2^47, 2^47)`; anything outside is a bignum on the
//! heap (see [`bignum`]). Catch tags and continuation pointers only ever live
//! in stack slots, never in registers a program can observe.

pub mod atom;
pub mod bignum;
pub mod binary;
pub mod bitbuf;
pub mod boxed;
pub mod display;
pub mod hamt;
pub mod order;

use std::fmt;

pub use atom::Atom;
pub use boxed::{Header, Kind};

/// One Erlang term (or a stack-only word such as a continuation pointer).
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Term(pub u64);

/// The high 16 bits of a tagged (non-float) word.
pub mod tag {
    pub const HEADER_MIN: u64 = 0xFFF0;
    pub const HEADER_MAX: u64 = 0xFFF7;
    pub const SMALL: u64 = 0xFFF8;
    pub const ATOM: u64 = 0xFFF9;
    pub const SPECIAL: u64 = 0xFFFA;
    pub const PID: u64 = 0xFFFB;
    pub const PORT: u64 = 0xFFFC;
    pub const LIST: u64 = 0xFFFD;
    pub const BOXED: u64 = 0xFFFE;
    pub const CP: u64 = 0xFFFF;
}

pub const PAYLOAD_MASK: u64 = 0x0000_FFFF_FFFF_FFFF;
/// Pointer payloads: the address bits.
pub const ADDR_MASK: u64 = 0x0000_7FFF_FFFF_FFFF;
/// Pointer payloads: set when the object lives in an immortal literal area.
pub const LITERAL_BIT: u64 = 1 << 47;
/// Special payloads: set for catch tags.
const CATCH_BIT: u64 = 1 << 47;

pub const SMALL_MIN: i64 = -(1 << 47);
pub const SMALL_MAX: i64 = (1 << 47) - 1;

#[inline(always)]
const fn tagged(tag: u64, payload: u64) -> Term {
    Term((tag << 48) | (payload & PAYLOAD_MASK))
}

impl Term {
    pub const NIL: Term = tagged(tag::SPECIAL, 0);
    /// The non-value (`THE_NON_VALUE`): "no term here" (exception marker,
    /// uninitialised slot). Never visible to Erlang code.
    pub const NONE: Term = tagged(tag::SPECIAL, 1);
    /// Written into the car of a cons cell the GC has moved.
    pub const FORWARD: Term = tagged(tag::SPECIAL, 2);

    // ---- classification -------------------------------------------------

    #[inline(always)]
    pub const fn top16(self) -> u64 {
        self.0 >> 48
    }
    #[inline(always)]
    pub const fn is_float(self) -> bool {
        self.0 < (tag::HEADER_MIN << 48)
    }
    #[inline(always)]
    pub const fn is_small(self) -> bool {
        self.top16() == tag::SMALL
    }
    #[inline(always)]
    pub const fn is_atom(self) -> bool {
        self.top16() == tag::ATOM
    }
    #[inline(always)]
    pub const fn is_nil(self) -> bool {
        self.0 == Self::NIL.0
    }
    #[inline(always)]
    pub const fn is_none(self) -> bool {
        self.0 == Self::NONE.0
    }
    #[inline(always)]
    pub const fn is_pid(self) -> bool {
        self.top16() == tag::PID
    }
    #[inline(always)]
    pub const fn is_port(self) -> bool {
        self.top16() == tag::PORT
    }
    #[inline(always)]
    pub const fn is_cons(self) -> bool {
        self.top16() == tag::LIST
    }
    #[inline(always)]
    pub const fn is_list(self) -> bool {
        self.is_cons() || self.is_nil()
    }
    #[inline(always)]
    pub const fn is_boxed(self) -> bool {
        self.top16() == tag::BOXED
    }
    #[inline(always)]
    pub const fn is_pointer(self) -> bool {
        self.top16() == tag::LIST || self.top16() == tag::BOXED
    }
    #[inline(always)]
    pub const fn is_header(self) -> bool {
        let t = self.top16();
        t >= tag::HEADER_MIN && t <= tag::HEADER_MAX
    }
    #[inline(always)]
    pub const fn is_cp(self) -> bool {
        self.top16() == tag::CP
    }
    #[inline(always)]
    pub const fn is_catch(self) -> bool {
        self.top16() == tag::SPECIAL && (self.0 & CATCH_BIT) != 0
    }
    /// Pointer into an immortal literal area (never copied).
    #[inline(always)]
    pub const fn is_literal_ptr(self) -> bool {
        self.is_pointer() && (self.0 & LITERAL_BIT) != 0
    }

    // ---- immediates -----------------------------------------------------

    #[inline(always)]
    pub const fn small(i: i64) -> Term {
        debug_assert!(i >= SMALL_MIN && i <= SMALL_MAX);
        tagged(tag::SMALL, i as u64)
    }
    /// A small integer if `i` fits, else `None` (caller makes a bignum).
    #[inline(always)]
    pub const fn try_small(i: i64) -> Option<Term> {
        if i >= SMALL_MIN && i <= SMALL_MAX {
            Some(Self::small(i))
        } else {
            None
        }
    }
    #[inline(always)]
    pub const fn small_value(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }
    #[inline(always)]
    pub fn float(f: f64) -> Term {
        debug_assert!(f.is_finite());
        Term(f.to_bits())
    }
    #[inline(always)]
    pub fn float_value(self) -> f64 {
        f64::from_bits(self.0)
    }
    #[inline(always)]
    pub const fn atom(a: Atom) -> Term {
        tagged(tag::ATOM, a.0 as u64)
    }
    #[inline(always)]
    pub const fn atom_value(self) -> Atom {
        Atom((self.0 & PAYLOAD_MASK) as u32)
    }
    #[inline(always)]
    pub const fn bool(b: bool) -> Term {
        if b {
            Self::atom(atom::TRUE)
        } else {
            Self::atom(atom::FALSE)
        }
    }
    #[inline(always)]
    pub const fn pid(serial: u64) -> Term {
        tagged(tag::PID, serial)
    }
    #[inline(always)]
    pub const fn port(serial: u64) -> Term {
        tagged(tag::PORT, serial)
    }
    #[inline(always)]
    pub const fn pid_value(self) -> u64 {
        self.0 & PAYLOAD_MASK
    }

    // ---- stack-only words -----------------------------------------------

    /// A continuation pointer: `(module index, code index)`.
    #[inline(always)]
    pub const fn cp(module: u16, ip: u32) -> Term {
        tagged(tag::CP, ((module as u64) << 32) | ip as u64)
    }
    #[inline(always)]
    pub const fn cp_value(self) -> (u16, u32) {
        (((self.0 >> 32) & 0xFFFF) as u16, self.0 as u32)
    }
    /// A catch tag: handler at `(module, code index)`, stored in y slot
    /// `y` of its frame. Limits: module < 2^15, code index < 2^22, y < 2^10
    /// (the loader refuses code beyond them).
    #[inline(always)]
    pub const fn catch_tag(module: u16, ip: u32, y: u16) -> Term {
        tagged(
            tag::SPECIAL,
            CATCH_BIT
                | (((module as u64) & 0x7FFF) << 32)
                | (((y as u64) & 0x3FF) << 22)
                | (ip as u64 & 0x3F_FFFF),
        )
    }
    /// `(module, code index, y slot)` of a catch tag.
    #[inline(always)]
    pub const fn catch_value(self) -> (u16, u32, u16) {
        (
            ((self.0 >> 32) & 0x7FFF) as u16,
            (self.0 & 0x3F_FFFF) as u32,
            ((self.0 >> 22) & 0x3FF) as u16,
        )
    }

    // ---- pointers -------------------------------------------------------

    #[inline(always)]
    pub fn cons_ptr(p: *const u64) -> Term {
        tagged(tag::LIST, p as u64)
    }
    #[inline(always)]
    pub fn boxed_ptr(p: *const u64) -> Term {
        tagged(tag::BOXED, p as u64)
    }
    /// The same pointer marked as living in an immortal literal area.
    #[inline(always)]
    pub const fn as_literal(self) -> Term {
        Term(self.0 | LITERAL_BIT)
    }
    #[inline(always)]
    pub fn ptr(self) -> *mut u64 {
        (self.0 & ADDR_MASK) as *mut u64
    }

    /// Head and tail of a cons cell. Caller checked `is_cons`.
    #[inline(always)]
    pub fn cons_parts(self) -> (Term, Term) {
        debug_assert!(self.is_cons());
        // SAFETY: a list-tagged word is only ever made by `cons_ptr` from a
        // live two-word cell on a process heap, a heap fragment or a literal
        // area, all of which outlive every term that points into them (GC
        // rewrites every root before freeing from-space).
        unsafe {
            let p = self.ptr();
            (Term(*p), Term(*p.add(1)))
        }
    }
    #[inline(always)]
    pub fn head(self) -> Term {
        self.cons_parts().0
    }
    #[inline(always)]
    pub fn tail(self) -> Term {
        self.cons_parts().1
    }

    /// The header of a boxed object. Caller checked `is_boxed`.
    #[inline(always)]
    pub fn header(self) -> Header {
        debug_assert!(self.is_boxed());
        // SAFETY: see `cons_parts`; a boxed word points at a header word.
        Header(unsafe { *self.ptr() })
    }
    /// Word `i` of a boxed object (0 is the header).
    #[inline(always)]
    pub fn word(self, i: usize) -> u64 {
        // SAFETY: callers index within the object's size from its header.
        unsafe { *self.ptr().add(i) }
    }
    #[inline(always)]
    pub fn set_word(self, i: usize, w: u64) {
        // SAFETY: callers index within the object's size from its header
        // and only mutate objects they just built (or match contexts).
        unsafe { *self.ptr().add(i) = w }
    }
    #[inline(always)]
    pub fn boxed_kind(self) -> Option<Kind> {
        if self.is_boxed() {
            Some(self.header().kind())
        } else {
            None
        }
    }

    // ---- tuples -----------------------------------------------------------

    #[inline(always)]
    pub fn is_tuple(self) -> bool {
        self.boxed_kind() == Some(Kind::Tuple)
    }
    /// Arity of a tuple. Caller checked `is_tuple`.
    #[inline(always)]
    pub fn tuple_arity(self) -> usize {
        self.header().size()
    }
    /// Element `i` (0-based) of a tuple. Caller checked bounds.
    #[inline(always)]
    pub fn element(self, i: usize) -> Term {
        Term(self.word(1 + i))
    }
    pub fn tuple_elements<'a>(self) -> &'a [Term] {
        let n = self.tuple_arity();
        // SAFETY: a tuple is a header followed by `arity` term words; the
        // slice lives as long as the heap it is on, which the caller holds.
        unsafe { std::slice::from_raw_parts(self.ptr().add(1) as *const Term, n) }
    }

    #[inline(always)]
    pub fn is_number(self) -> bool {
        self.is_small() || self.is_float() || self.is_bignum()
    }
    #[inline(always)]
    pub fn is_integer(self) -> bool {
        self.is_small() || self.is_bignum()
    }
    #[inline(always)]
    pub fn is_bignum(self) -> bool {
        matches!(self.boxed_kind(), Some(Kind::PosBig | Kind::NegBig))
    }
    #[inline(always)]
    pub fn is_fun(self) -> bool {
        matches!(self.boxed_kind(), Some(Kind::Closure | Kind::ExportFun))
    }
    #[inline(always)]
    pub fn is_map(self) -> bool {
        matches!(self.boxed_kind(), Some(Kind::Map | Kind::HashMap))
    }
    #[inline(always)]
    pub fn is_ref(self) -> bool {
        self.boxed_kind() == Some(Kind::Ref)
    }
    #[inline(always)]
    pub fn is_bitstring(self) -> bool {
        matches!(
            self.boxed_kind(),
            Some(Kind::HeapBin | Kind::SubBin | Kind::ProcBin)
        )
    }
    #[inline(always)]
    pub fn is_match_ctx(self) -> bool {
        self.boxed_kind() == Some(Kind::MatchCtx)
    }
    pub fn is_boolean(self) -> bool {
        self == Term::atom(atom::TRUE) || self == Term::atom(atom::FALSE)
    }

    /// Iterate a proper or improper list: yields heads; `rest()` on the
    /// iterator gives the final tail (`[]` for proper lists).
    pub fn iter_list(self) -> ListIter {
        ListIter { cur: self }
    }
}

pub struct ListIter {
    cur: Term,
}

impl ListIter {
    /// What is left: `[]` after a proper list, else the improper tail.
    pub fn rest(&self) -> Term {
        self.cur
    }
}

impl Iterator for ListIter {
    type Item = Term;
    #[inline]
    fn next(&mut self) -> Option<Term> {
        if self.cur.is_cons() {
            let (h, t) = self.cur.cons_parts();
            self.cur = t;
            Some(h)
        } else {
            None
        }
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_float() {
            write!(f, "{:?}", self.float_value())
        } else if self.is_small() {
            write!(f, "{}", self.small_value())
        } else if self.is_atom() {
            write!(f, "atom#{}", self.atom_value().0)
        } else if self.is_nil() {
            write!(f, "[]")
        } else if self.is_none() {
            write!(f, "NONE")
        } else if self.is_pid() {
            write!(f, "<0.{}.0>", self.pid_value())
        } else if self.is_cp() {
            write!(f, "CP{:?}", self.cp_value())
        } else if self.is_catch() {
            write!(f, "CATCH{:?}", self.catch_value())
        } else if self.is_cons() {
            write!(f, "cons@{:x}", self.0 & ADDR_MASK)
        } else if self.is_boxed() {
            write!(f, "boxed@{:x}", self.0 & ADDR_MASK)
        } else {
            write!(f, "word({:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layout table in the module doc, pinned.
    #[test]
    fn layout_table() {
        assert_eq!(Term::NIL.0, 0xFFFA_0000_0000_0000);
        assert_eq!(Term::NONE.0, 0xFFFA_0000_0000_0001);
        assert_eq!(Term::small(0).0, 0xFFF8_0000_0000_0000);
        assert_eq!(Term::small(-1).0, 0xFFF8_FFFF_FFFF_FFFF);
        assert_eq!(Term::atom(Atom(5)).0, 0xFFF9_0000_0000_0005);
        assert_eq!(Term::pid(7).0, 0xFFFB_0000_0000_0007);
        assert_eq!(Term::cp(3, 9).0, 0xFFFF_0003_0000_0009);
        assert!(Term::float(-0.0).is_float());
        assert!(Term::float(f64::MAX).is_float());
        assert!(Term::float(-f64::MAX).is_float());
        assert!(!Term::float(1.5).is_small());
        assert!(!Term::NIL.is_float());
    }

    #[test]
    fn small_roundtrip_and_range() {
        for i in [0, 1, -1, SMALL_MIN, SMALL_MAX, 123456789, -987654321] {
            let t = Term::small(i);
            assert!(t.is_small());
            assert_eq!(t.small_value(), i);
        }
        assert!(Term::try_small(SMALL_MAX + 1).is_none());
        assert!(Term::try_small(SMALL_MIN - 1).is_none());
    }

    #[test]
    fn catch_and_cp_are_distinct() {
        let c = Term::catch_tag(12, 345, 1023);
        assert!(c.is_catch() && !c.is_nil() && !c.is_cp());
        assert_eq!(c.catch_value(), (12, 345, 1023));
        let p = Term::cp(12, 345);
        assert!(p.is_cp() && !p.is_catch());
        assert_eq!(p.cp_value(), (12, 345));
        assert!(!Term::NIL.is_catch() && !Term::NONE.is_catch());
    }

    #[test]
    fn every_finite_float_is_a_float() {
        for f in [0.0, -0.0, 1.0, -1.0, 1e308, -1e308, 5e-324, -5e-324] {
            let t = Term::float(f);
            assert!(t.is_float());
            assert!(!t.is_header() && !t.is_pointer());
        }
    }
}
