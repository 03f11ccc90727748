//! Heaps: where terms' cons cells and boxed objects live, and the builders
//! that make terms on them.
//!
//! A [`Heap`] is a list of fixed-size word chunks with a bump pointer in the
//! newest one. Allocation never fails and never moves existing words: when
//! the current chunk is full a new chunk is added ("heap fragment"). So
//! correctness never depends on a `test_heap` reservation being exact; the
//! interpreter only *asks* for a collection at safe points when
//! [`Heap::wants_gc`] says the heap outgrew its budget, and the copying GC
//! (`gc`) then moves every live young word into the old generation.
//!
//! Two generations: the chunks above are the young generation, where every
//! allocation goes; the old generation is one contiguous region the
//! collector promotes survivors into (a minor collection) or rebuilds from
//! both generations when it is full (a major one). Nothing in the old
//! generation points into the young one: terms are immutable once built,
//! and the few in-place writes (`set_tuple_element` after `setelement/3`,
//! match-context positions, binary flags) touch objects no collection
//! separated from what they point to, or store no pointer at all.
//!
//! A heap built with [`Heap::literal`] makes pointers carrying the literal
//! bit: module literal areas are immortal and never copied.
//!
//! Binaries above 64 bytes are `ProcBin`s: the heap keeps the list of the
//! ones it holds (`offheap`, OTP's MSO list) so the collector can release
//! the buffers of those that died, and dropping a heap releases the rest.

use crate::term::binary::{BinBuf, HEAP_BIN_LIMIT, PB_WRITABLE};
use crate::term::{bignum, Header, Kind, Term};
use std::sync::Arc;

pub struct Heap {
    /// Full chunks (older first) plus the current one last.
    chunks: Vec<Box<[u64]>>,
    /// Bump index into the last chunk.
    top: usize,
    /// The last chunk's first word and length (cached for the bump
    /// allocator and for compiled code, which allocates inline).
    cur: *mut u64,
    cur_len: usize,
    /// Words handed out in all chunks before the last one.
    used_before: usize,
    /// Collection is wanted once `used()` passes this.
    budget: usize,
    literal: bool,
    /// Header addresses of the `ProcBin`s allocated on this heap.
    pub(crate) offheap: Vec<*mut u64>,
    /// Off-heap binary bytes (in words) referenced from this heap since the
    /// last collection ("virtual heap", as OTP's bin_vheap): garbage
    /// binaries trigger a collection even when the heap itself is small.
    vheap: usize,
    vheap_budget: usize,
    /// The old generation: `old[..old_top]` holds promoted objects; the
    /// rest is room for the next minor collections (empty until the first).
    old: Region,
    old_top: usize,
    /// How far minor collections may fill the old region before the next
    /// collection must be major (set from the live data at each major
    /// collection; the region itself is sized for the worst case, and its
    /// pages past what is used are never touched).
    old_limit: usize,
    /// Header addresses of the `ProcBin`s in the old generation.
    pub(crate) old_offheap: Vec<*mut u64>,
    /// Off-heap binary words held by the old generation, and how many it
    /// may hold before the next collection must be a major one (dead
    /// binaries there are only released by a major collection).
    old_vheap: usize,
    old_vheap_budget: usize,
}

/// The old generation's memory. Above [`MAPPED_MIN`] words an anonymous
/// mapping: its pages are zero and cost nothing until touched, and they go
/// back to the OS when it is dropped. (A boxed slice that size would come
/// from malloc's heap below its mmap threshold, which grows to 32 MiB
/// after the first big free: zeroed eagerly, every page resident, and
/// often not returned.) The collector sizes a region for the worst case
/// and fills only what survives, so lazily-backed pages matter.
pub(crate) enum Region {
    Boxed(Box<[u64]>),
    Mapped(memmap2::MmapMut),
}

/// Regions of at least this many words (256 KiB) are mapped.
const MAPPED_MIN: usize = 1 << 15;

impl Region {
    pub(crate) fn new(words: usize) -> Region {
        if words >= MAPPED_MIN {
            if let Ok(m) = memmap2::MmapMut::map_anon(words * 8) {
                return Region::Mapped(m);
            }
        }
        Region::Boxed(vec![0u64; words].into_boxed_slice())
    }
}

impl Default for Region {
    fn default() -> Region {
        Region::Boxed(Box::default())
    }
}

impl std::ops::Deref for Region {
    type Target = [u64];
    fn deref(&self) -> &[u64] {
        match self {
            Region::Boxed(b) => b,
            // SAFETY: a mapping is page-aligned (so u64-aligned), its
            // length is a multiple of 8 (`new`), anonymous pages read as
            // zero, and the slice borrows the mapping.
            Region::Mapped(m) => unsafe {
                std::slice::from_raw_parts(m.as_ptr() as *const u64, m.len() / 8)
            },
        }
    }
}

impl std::ops::DerefMut for Region {
    fn deref_mut(&mut self) -> &mut [u64] {
        match self {
            Region::Boxed(b) => b,
            // SAFETY: as in `deref`; `&mut self` makes the view unique.
            Region::Mapped(m) => unsafe {
                std::slice::from_raw_parts_mut(m.as_mut_ptr() as *mut u64, m.len() / 8)
            },
        }
    }
}

/// Field offsets (bytes) compiled code uses to bump-allocate inline: the
/// current chunk starts at `cur` and `top` words of it are in use. How far
/// it may allocate is [`Heap::jit_alloc_end`], computed here.
pub struct HeapAbi {
    pub top: usize,
    pub cur: usize,
}

impl Heap {
    pub const ABI: HeapAbi = HeapAbi {
        top: std::mem::offset_of!(Heap, top),
        cur: std::mem::offset_of!(Heap, cur),
    };

    /// The address compiled code may bump-allocate up to: the current
    /// chunk's end, or where the collection budget runs out if sooner. With
    /// a collection due regardless of size (binaries over their budget, the
    /// gc-stress build) it is below the chunk, so every inline heap test
    /// fails: `cur + 8 * (top + need) > end` exactly when `wants_gc(need)`
    /// or the chunk lacks room.
    pub fn jit_alloc_end(&self) -> u64 {
        let base = self.cur as u64;
        let stress = cfg!(feature = "gc-stress") && !self.literal;
        let room = match self.budget.checked_sub(self.used_before) {
            Some(r) if !stress && self.vheap <= self.vheap_budget => r.min(self.cur_len),
            _ => return base.wrapping_sub(8),
        };
        base + 8 * room as u64
    }
}

/// The smallest virtual-heap budget (words): 1 MiB of binaries.
pub const MIN_VHEAP: usize = 1 << 17;

impl Drop for Heap {
    fn drop(&mut self) {
        for &h in self.offheap.iter().chain(&self.old_offheap) {
            // SAFETY: `offheap` holds headers of ProcBins on this heap's
            // chunks, `old_offheap` those in the old generation (both still
            // allocated: they drop after this). A ProcBin moved by GC was
            // removed from its list by the collector, so each entry still
            // owns its strong count.
            unsafe { release_procbin(h) };
        }
    }
}

/// Give up the strong count a `ProcBin` at header `h` owns.
///
/// # Safety
/// `h` points at a live `ProcBin` header whose count was not released yet.
pub(crate) unsafe fn release_procbin(h: *mut u64) {
    let p = *h.add(1) as *const BinBuf;
    drop(Arc::from_raw(p));
}

/// Smallest chunk; a fresh process starts with this many words (OTP: 233).
pub const MIN_CHUNK: usize = 64;
/// Largest chunk added when a heap overflows between collections.
pub const SPILL_CHUNK: usize = 1 << 16;

impl Heap {
    pub fn new(words: usize) -> Heap {
        Heap::exact(words.max(MIN_CHUNK))
    }

    fn exact(words: usize) -> Heap {
        let mut first = vec![0u64; words].into_boxed_slice();
        Heap {
            cur: first.as_mut_ptr(),
            cur_len: words,
            chunks: vec![first],
            top: 0,
            used_before: 0,
            budget: words,
            literal: false,
            offheap: Vec::new(),
            vheap: 0,
            vheap_budget: MIN_VHEAP,
            old: Region::default(),
            old_top: 0,
            old_limit: 0,
            old_offheap: Vec::new(),
            old_vheap: 0,
            old_vheap_budget: MIN_VHEAP,
        }
    }

    /// A heap of exactly `words` words (at least one), for a term of known
    /// size: a message fragment. [`Heap::new`]'s minimum chunk would cost a
    /// 3-word message 512 bytes, which a million-message mailbox feels.
    pub fn fragment(words: usize) -> Heap {
        Heap::exact(words.max(1))
    }

    /// A heap whose objects are immortal literals (module literal areas).
    pub fn literal() -> Heap {
        let mut h = Heap::new(MIN_CHUNK);
        h.literal = true;
        h.budget = usize::MAX;
        h
    }

    /// Words allocated so far in both generations.
    #[inline]
    pub fn used(&self) -> usize {
        self.used_before + self.top + self.old_top
    }

    /// Words allocated in the young generation since the last collection.
    #[inline]
    pub fn young_used(&self) -> usize {
        self.used_before + self.top
    }

    /// Words in the old generation, and the room left there.
    pub fn old_used(&self) -> usize {
        self.old_top
    }

    pub fn old_free(&self) -> usize {
        self.old_limit
            .min(self.old.len())
            .saturating_sub(self.old_top)
    }

    /// Whether the old generation holds more dead-or-alive binary data
    /// than its budget: the next collection should be a major one.
    pub(crate) fn old_vheap_full(&self) -> bool {
        self.old_vheap > self.old_vheap_budget
    }

    /// Whether the heap test asking for `need` words must collect first.
    /// In the gc-stress build every heap test of a process heap collects
    /// (a minor collection costs the roots plus the young survivors, so
    /// the whole corpus still runs in minutes).
    #[inline]
    pub fn wants_gc(&self, need: usize) -> bool {
        if cfg!(feature = "gc-stress") && !self.literal {
            return true;
        }
        self.young_used() + need > self.budget || self.vheap > self.vheap_budget
    }

    /// Count `bytes` of off-heap binary data toward the virtual heap.
    pub fn add_vheap(&mut self, bytes: usize) {
        self.vheap += bytes / 8;
    }

    /// After a collection (the young generation is empty): the binary
    /// data the young generation may reference before the next one, at
    /// least [`MIN_VHEAP`] and growing with what the old one holds.
    pub(crate) fn reset_young_vheap(&mut self) {
        self.vheap = 0;
        self.vheap_budget = self.old_vheap.max(MIN_VHEAP);
    }

    pub fn budget(&self) -> usize {
        self.budget
    }

    pub fn set_budget(&mut self, words: usize) {
        self.budget = words.max(MIN_CHUNK);
    }

    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// Allocate `n` words; their content is unspecified until written.
    #[inline]
    pub fn alloc(&mut self, n: usize) -> *mut u64 {
        if n <= self.cur_len - self.top {
            // SAFETY: top + n <= cur_len: inside the current chunk.
            let p = unsafe { self.cur.add(self.top) };
            self.top += n;
            return p;
        }
        self.alloc_slow(n)
    }

    /// Re-read the current chunk after `chunks` changed.
    fn set_current(&mut self) {
        if let Some(c) = self.chunks.last_mut() {
            self.cur = c.as_mut_ptr();
            self.cur_len = c.len();
        }
    }

    #[cold]
    fn alloc_slow(&mut self, n: usize) -> *mut u64 {
        let last_len = self.chunks.last().map(|c| c.len()).unwrap_or(0);
        let size = n.max(last_len.min(SPILL_CHUNK)).max(MIN_CHUNK);
        self.used_before += self.top;
        self.chunks.push(vec![0u64; size].into_boxed_slice());
        self.top = n;
        self.set_current();
        self.cur
    }

    /// Take over `other`'s chunks (a message fragment whose terms are now
    /// referenced from this heap). They are freed by the next collection.
    pub fn adopt(&mut self, mut other: Heap) {
        debug_assert!(other.old_top == 0, "a fragment has no old generation");
        let used = other.young_used();
        self.offheap.append(&mut other.offheap);
        self.vheap += other.vheap;
        if let Some(last) = self.chunks.pop() {
            self.chunks.append(&mut other.chunks);
            self.chunks.push(last);
        }
        self.used_before += used;
    }

    /// Take the old generation out for a collection to copy into (minor)
    /// or to replace (major): (region, words used).
    pub(crate) fn take_old(&mut self) -> (Region, usize) {
        let top = std::mem::replace(&mut self.old_top, 0);
        (std::mem::take(&mut self.old), top)
    }

    /// After a collection: the old generation is `region[..top]`, holding
    /// `bin_words` of off-heap binaries.
    pub(crate) fn set_old(&mut self, region: Region, top: usize, bin_words: usize) {
        debug_assert!(top <= region.len());
        self.old = region;
        self.old_top = top;
        self.old_vheap = bin_words;
    }

    /// Off-heap binary words the old generation holds.
    pub(crate) fn old_vheap(&self) -> usize {
        self.old_vheap
    }

    /// After a major collection: minor collections may promote until the
    /// old generation holds `words`.
    pub(crate) fn set_old_limit(&mut self, words: usize) {
        self.old_limit = words;
    }

    /// After a major collection: the old generation's binary budget.
    pub(crate) fn reset_old_vheap_budget(&mut self) {
        self.old_vheap_budget = (self.old_vheap * 2).max(MIN_VHEAP);
    }

    /// After a collection moved every live young word out: empty the young
    /// generation, leaving one chunk for about `words` of allocation: the
    /// largest young chunk when it is between half and four times that
    /// (reused as is: a collection at every heap test, as gc-stress makes,
    /// must not cost a fresh chunk each), else a fresh one. Allocation past
    /// the chunk spills into more. The other chunks (and adopted message
    /// fragments) are freed.
    pub(crate) fn reset_young(&mut self, words: usize) {
        let words = words.max(MIN_CHUNK);
        let chunks = std::mem::take(&mut self.chunks);
        let keep = chunks
            .into_iter()
            .filter(|c| c.len() >= words / 2 && c.len() <= words * 4)
            .max_by_key(|c| c.len());
        self.chunks
            .push(keep.unwrap_or_else(|| vec![0u64; words].into_boxed_slice()));
        self.used_before = 0;
        self.top = 0;
        self.set_current();
    }

    /// The words in use in the old generation, then in every young chunk,
    /// for heap verification in tests.
    pub fn chunks_used(&self) -> impl Iterator<Item = &[u64]> {
        let n = self.chunks.len();
        let young =
            self.chunks.iter().enumerate().map(
                move |(i, c)| {
                    if i + 1 == n {
                        &c[..self.top]
                    } else {
                        &c[..]
                    }
                },
            );
        std::iter::once(&self.old[..self.old_top]).chain(young)
    }

    #[inline]
    fn mk_cons(&self, p: *const u64) -> Term {
        let t = Term::cons_ptr(p);
        if self.literal {
            t.as_literal()
        } else {
            t
        }
    }

    #[inline]
    fn mk_boxed(&self, p: *const u64) -> Term {
        let t = Term::boxed_ptr(p);
        if self.literal {
            t.as_literal()
        } else {
            t
        }
    }

    // ---- builders ---------------------------------------------------------

    #[inline]
    pub fn cons(&mut self, head: Term, tail: Term) -> Term {
        let p = self.alloc(2);
        // SAFETY: `alloc(2)` returned two writable words.
        unsafe {
            *p = head.0;
            *p.add(1) = tail.0;
        }
        self.mk_cons(p)
    }

    /// A boxed object of `kind` with `size` words after the header; the
    /// words are zeroed-or-stale and must all be written by the caller
    /// before the next allocation that could trigger a GC.
    #[inline]
    pub fn boxed(&mut self, kind: Kind, size: usize) -> (Term, *mut u64) {
        let p = self.alloc(1 + size);
        // SAFETY: `alloc(1 + size)` returned `1 + size` writable words.
        unsafe {
            *p = Header::new(kind, size).word();
            (self.mk_boxed(p), p.add(1))
        }
    }

    pub fn tuple(&mut self, elems: &[Term]) -> Term {
        let (t, body) = self.boxed(Kind::Tuple, elems.len());
        for (i, e) in elems.iter().enumerate() {
            // SAFETY: `body` has `elems.len()` words.
            unsafe { *body.add(i) = e.0 };
        }
        t
    }

    /// A tuple whose elements are all `fill`; set them with `set_word`.
    pub fn tuple_filled(&mut self, n: usize, fill: Term) -> Term {
        let (t, body) = self.boxed(Kind::Tuple, n);
        for i in 0..n {
            // SAFETY: `body` has `n` words.
            unsafe { *body.add(i) = fill.0 };
        }
        t
    }

    /// A proper list of `items` ending in `tail`.
    pub fn list_with_tail(&mut self, items: &[Term], tail: Term) -> Term {
        let mut acc = tail;
        for &t in items.iter().rev() {
            acc = self.cons(t, acc);
        }
        acc
    }

    /// A copy of the first `n` cells of `list` (which has at least `n`)
    /// ending in `tail`: `n` contiguous cells built front to back, with no
    /// intermediate buffer (`A ++ B`).
    pub fn copy_list_prefix(&mut self, list: Term, n: usize, tail: Term) -> Term {
        if n == 0 {
            return tail;
        }
        let p = self.alloc(2 * n);
        let mut src = list;
        for i in 0..n {
            debug_assert!(src.is_cons());
            let next = if i + 1 < n {
                // SAFETY: `i + 1 < n`: inside the 2n words just allocated.
                self.mk_cons(unsafe { p.add(2 * i + 2) })
            } else {
                tail
            };
            // SAFETY: `alloc(2 * n)` returned 2n writable words; `i < n`.
            unsafe {
                *p.add(2 * i) = src.head().0;
                *p.add(2 * i + 1) = next.0;
            }
            src = src.tail();
        }
        self.mk_cons(p)
    }

    pub fn list(&mut self, items: &[Term]) -> Term {
        self.list_with_tail(items, Term::NIL)
    }

    /// A list of character codes (an Erlang string) from Rust text.
    pub fn string(&mut self, s: &str) -> Term {
        let chars: Vec<Term> = s.chars().map(|c| Term::small(c as i64)).collect();
        self.list(&chars)
    }

    /// A list of byte values.
    pub fn byte_list(&mut self, bytes: &[u8]) -> Term {
        let mut acc = Term::NIL;
        for &b in bytes.iter().rev() {
            acc = self.cons(Term::small(b as i64), acc);
        }
        acc
    }

    /// An integer term: small if it fits, else a bignum.
    pub fn int(&mut self, i: i64) -> Term {
        match Term::try_small(i) {
            Some(t) => t,
            None => bignum::from_i128(self, i as i128),
        }
    }

    /// A binary of whole bytes.
    pub fn binary(&mut self, bytes: &[u8]) -> Term {
        self.bitstring(bytes, bytes.len() as u64 * 8)
    }

    /// A `ProcBin` holding a strong count of `buf`, `bits` long.
    pub fn procbin(&mut self, buf: Arc<BinBuf>, bits: u64, flags: u64) -> Term {
        let (t, body) = self.boxed(Kind::ProcBin, 3);
        // SAFETY: three words after the header; the raw Arc pointer is
        // owned by this object (released by GC sweep or heap drop).
        unsafe {
            *body = Arc::into_raw(buf) as u64;
            *body.add(1) = bits;
            *body.add(2) = flags;
        }
        if !self.literal {
            self.offheap.push(t.ptr());
        }
        t
    }

    /// A new holder of the same buffer as ProcBin `src` (no payload copy);
    /// the copy is never writable.
    pub fn share_procbin(&mut self, src: Term) -> Term {
        let p = src.word(1) as *const BinBuf;
        // SAFETY: `src` owns a strong count, so the BinBuf is alive; we
        // take one more for the new object.
        let buf = unsafe {
            Arc::increment_strong_count(p);
            Arc::from_raw(p)
        };
        self.add_vheap((src.word(2) / 8) as usize);
        self.procbin(buf, src.word(2), 0)
    }

    /// A bitstring of `bits` bits taken from the front of `bytes`
    /// (`bytes.len() == ceil(bits / 8)`; trailing pad bits are zeroed).
    pub fn bitstring(&mut self, bytes: &[u8], bits: u64) -> Term {
        let nbytes = bits.div_ceil(8) as usize;
        if nbytes > HEAP_BIN_LIMIT && !self.literal {
            let mut v = bytes[..nbytes.min(bytes.len())].to_vec();
            v.resize(nbytes, 0);
            let rem = (bits % 8) as u32;
            if rem != 0 {
                v[nbytes - 1] &= 0xFFu8 << (8 - rem);
            }
            self.add_vheap(nbytes);
            return self.procbin(BinBuf::new(v), bits, PB_WRITABLE);
        }
        let words = 1 + nbytes.div_ceil(8);
        let (t, body) = self.boxed(Kind::HeapBin, words);
        // SAFETY: `body` has `words` words: the bit size then the bytes.
        unsafe {
            *body = bits;
            let data = body.add(1) as *mut u8;
            std::ptr::write_bytes(data, 0, (words - 1) * 8);
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), data, nbytes.min(bytes.len()));
            let rem = (bits % 8) as u32;
            if rem != 0 && nbytes > 0 {
                let last = data.add(nbytes - 1);
                *last &= 0xFFu8 << (8 - rem);
            }
        }
        t
    }

    /// A flat map from pairs already sorted by key in term order with no
    /// duplicate keys.
    pub fn map_sorted(&mut self, pairs: &[(Term, Term)]) -> Term {
        let n = pairs.len();
        let (t, body) = self.boxed(Kind::Map, 2 * n);
        for (i, (k, v)) in pairs.iter().enumerate() {
            // SAFETY: `body` has `2n` words: keys then values.
            unsafe {
                *body.add(i) = k.0;
                *body.add(n + i) = v.0;
            }
        }
        t
    }

    pub fn reference(&mut self, id: u64) -> Term {
        let (t, body) = self.boxed(Kind::Ref, 1);
        // SAFETY: one word after the header.
        unsafe { *body = id };
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alloc_spills_into_fragments_without_moving() {
        let mut h = Heap::new(MIN_CHUNK);
        let first = h.cons(Term::small(1), Term::NIL);
        let mut l = first;
        for i in 0..10_000 {
            l = h.cons(Term::small(i), l);
        }
        assert!(h.chunk_count() > 1);
        assert_eq!(first.head(), Term::small(1));
        assert_eq!(l.iter_list().count(), 10_001);
        assert!(h.wants_gc(0));
    }

    #[test]
    fn literal_heap_marks_pointers() {
        let mut h = Heap::literal();
        let t = h.tuple(&[Term::small(1)]);
        assert!(t.is_literal_ptr());
        assert!(t.is_tuple());
        assert_eq!(t.element(0), Term::small(1));
    }

    #[test]
    fn bitstring_pads() {
        let mut h = Heap::new(0);
        let b = h.bitstring(&[0xFF, 0xFF], 12);
        assert!(b.is_bitstring());
        assert_eq!(b.word(1), 12);
    }
}
