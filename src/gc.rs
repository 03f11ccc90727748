//! The per-process copying collector (Cheney).
//!
//! Roots: the live x registers the caller passes, every stack slot, the
//! mailbox, the process dictionary, saved registers and the exit reason.
//! Everything reachable that is not in an immortal literal area is copied
//! into one fresh chunk; all old chunks (including adopted message
//! fragments) are then freed. Forwarding: a moved boxed object's header is
//! overwritten with a boxed pointer to its copy; a moved cons cell gets
//! `Term::FORWARD` in its head and the new address in its tail.
//!
//! Invariant callers must keep: no term outside the roots may point into
//! the heap when `collect` runs (BIFs never call it; the interpreter calls
//! it only at instruction boundaries with the exact live register count).

use crate::heap::{Heap, MIN_CHUNK};
use crate::process::Process;
use crate::term::{Header, Term};

/// To-space: a chain of chunks; objects never straddle two chunks.
struct ToSpace {
    chunks: Vec<(Box<[u64]>, usize)>,
}

impl ToSpace {
    fn new(first: Box<[u64]>) -> ToSpace {
        ToSpace {
            chunks: vec![(first, 0)],
        }
    }

    #[inline]
    fn alloc(&mut self, n: usize) -> *mut u64 {
        let last = self.chunks.len() - 1;
        let (c, top) = &mut self.chunks[last];
        if *top + n <= c.len() {
            let p = c[*top..].as_mut_ptr();
            *top += n;
            return p;
        }
        self.grow(n)
    }

    #[cold]
    fn grow(&mut self, n: usize) -> *mut u64 {
        let last_len = self
            .chunks
            .last()
            .map(|(c, _)| c.len())
            .unwrap_or(MIN_CHUNK);
        let size = n.max(last_len).max(MIN_CHUNK);
        let mut c = vec![0u64; size].into_boxed_slice();
        let p = c.as_mut_ptr();
        self.chunks.push((c, n));
        p
    }

    fn used(&self) -> usize {
        self.chunks.iter().map(|(_, t)| *t).sum()
    }
}

/// Copy one term into to-space (if it is a movable pointer), returning the
/// updated term.
#[inline]
fn evacuate(t: Term, to: &mut ToSpace) -> Term {
    if !t.is_pointer() || t.is_literal_ptr() {
        return t;
    }
    let p = t.ptr();
    if t.is_cons() {
        // SAFETY: `p` points at a live cons cell in from-space (or at one
        // already forwarded); from-space is not freed until collection ends.
        unsafe {
            if Term(*p) == Term::FORWARD {
                return Term::cons_ptr(*p.add(1) as *const u64);
            }
            let q = to.alloc(2);
            *q = *p;
            *q.add(1) = *p.add(1);
            *p = Term::FORWARD.0;
            *p.add(1) = q as u64;
            Term::cons_ptr(q)
        }
    } else {
        // SAFETY: `p` points at a header in from-space, or at a forwarding
        // pointer written by this collection.
        unsafe {
            let w = Term(*p);
            if w.is_boxed() {
                return Term::boxed_ptr(w.ptr());
            }
            let n = 1 + Header(w.0).size();
            let q = to.alloc(n);
            std::ptr::copy_nonoverlapping(p as *const u64, q, n);
            *p = Term::boxed_ptr(q).0;
            Term::boxed_ptr(q)
        }
    }
}

fn evacuate_slot(slot: &mut Term, to: &mut ToSpace) {
    *slot = evacuate(*slot, to);
}

/// Collect `p`'s heap. `xregs` are the live x registers. After return the
/// heap has room for `need` more words before the next collection is due.
/// The least allocation (words) between two collections: with a tiny live
/// set a collection every few dozen words costs more in fixed overhead
/// than it saves (OTP's young generation starts at 233 words and grows;
/// ours is one 8 KiB step).
pub const MIN_GC_BUDGET: usize = 1024;

pub fn collect(p: &mut Process, xregs: &mut [Term], need: usize) {
    // Every ProcBin on the heap or in message fragments (the MSO list).
    let mut mso = std::mem::take(&mut p.heap.offheap);
    for m in p.mailbox.iter_mut() {
        if let Some(f) = &mut m.frag {
            mso.append(&mut f.offheap);
        }
    }
    // First to-space chunk: sized for what survived last time plus slack;
    // a spare buffer from the previous collection is reused when it fits
    // (fresh multi-megabyte buffers cost a page fault per 4 KiB).
    let want = (p.last_live + p.last_live / 2 + need).max(MIN_CHUNK * 4);
    let first = match p.gc_spare.take() {
        Some(s) if s.len() >= want && s.len() <= want * 4 => s,
        _ => vec![0u64; want].into_boxed_slice(),
    };
    let mut to = ToSpace::new(first);

    for r in xregs.iter_mut() {
        evacuate_slot(r, &mut to);
    }
    for s in p.stack.iter_mut() {
        if !s.is_cp() && !s.is_catch() {
            evacuate_slot(s, &mut to);
        }
    }
    for r in p.saved_x.iter_mut() {
        evacuate_slot(r, &mut to);
    }
    for m in p.mailbox.iter_mut() {
        evacuate_slot(&mut m.term, &mut to);
    }
    for (k, v) in p.dict.iter_mut() {
        evacuate_slot(k, &mut to);
        evacuate_slot(v, &mut to);
    }
    evacuate_slot(&mut p.exit_reason, &mut to);
    evacuate_slot(&mut p.bs_cur, &mut to);

    // Cheney scan over every to-space chunk, including ones added while
    // scanning.
    let mut ci = 0;
    let mut scan = 0;
    while ci < to.chunks.len() {
        while scan < to.chunks[ci].1 {
            let w = Term(to.chunks[ci].0[scan]);
            if w.is_header() {
                scan += 1 + Header(w.0).raw_prefix();
                continue;
            }
            let nw = evacuate(w, &mut to);
            to.chunks[ci].0[scan] = nw.0;
            scan += 1;
        }
        ci += 1;
        scan = 0;
    }

    let live = to.used();
    // Sweep the MSO list while from-space is still mapped: moved ProcBins
    // (header now a forwarding pointer) stay, at their new address; the
    // others are garbage and give up their buffer's strong count.
    let mut survivors = Vec::with_capacity(mso.len());
    let mut live_bin_words = 0usize;
    for h in mso {
        // SAFETY: `h` is a ProcBin header (or its forwarding pointer) in
        // from-space, which is freed only below.
        let w = Term(unsafe { *h });
        if w.is_boxed() {
            live_bin_words += (w.word(2) / 64) as usize;
            survivors.push(w.ptr());
        } else {
            // SAFETY: a dead ProcBin still owns its strong count.
            unsafe { crate::heap::release_procbin(h) };
        }
    }
    for m in p.mailbox.iter_mut() {
        m.frag = None;
    }
    let old = p.heap.install(to.chunks);
    p.heap.offheap = survivors;
    p.heap.reset_vheap(live_bin_words);
    // Keep the largest old chunk as the next to-space.
    p.gc_spare = old.into_iter().max_by_key(|c| c.len());
    p.last_live = live;
    // The stack is scanned at every collection, so the allocation allowed
    // before the next one grows with it too (as BEAM sizes heap and stack
    // as one block): deep recursion stays amortised linear, not quadratic.
    let budget = (live * 2).max(live + need + MIN_GC_BUDGET) + p.stack.len();
    p.heap.set_budget(budget);
    p.heap.set_stress_skip(live, p.stack.len());
    p.gc_count += 1;
}

/// Words a heap uses (for `process_info(P, heap_size)` and tests).
pub fn heap_words(h: &Heap) -> usize {
    h.used()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::order::exact_eq;

    /// Big binaries are shared between heaps by reference count and freed
    /// when the last holder's GC (or heap drop) lets go of them.
    #[test]
    fn procbins_are_shared_and_released() {
        use crate::term::binary::procbin_buf;
        let mut p = Process::new(1, Term::NIL);
        let big = p.heap.binary(&[7u8; 1000]);
        assert_eq!(big.header().kind(), crate::term::Kind::ProcBin);
        let buf_ptr = big.word(1) as *const crate::term::binary::BinBuf;
        // SAFETY: `big` holds a count; we only read the count.
        let count = || unsafe {
            std::sync::Arc::increment_strong_count(buf_ptr);
            let a = std::sync::Arc::from_raw(buf_ptr);
            std::sync::Arc::strong_count(&a) - 1
        };
        assert_eq!(count(), 1);
        let mut q = Process::new(2, Term::NIL);
        let shared = crate::process::copy::copy_term(big, &mut q.heap);
        assert_eq!(count(), 2);
        assert_eq!(procbin_buf(shared).bytes(1000), &[7u8; 1000][..]);
        // p keeps it alive through a register across a collection
        let mut regs = [big];
        collect(&mut p, &mut regs, 0);
        assert_eq!(count(), 2);
        // then drops it: the next collection releases p's count
        collect(&mut p, &mut [], 0);
        assert_eq!(count(), 1);
        drop(q);
    }

    #[test]
    fn collect_keeps_live_and_drops_garbage() {
        let mut p = Process::new(1, Term::NIL);
        let mut keep = Term::NIL;
        for i in 0..1000 {
            keep = p.heap.cons(Term::small(i), keep);
            // garbage
            p.heap.tuple(&[Term::small(i), Term::small(i)]);
        }
        let bin = p.heap.binary(b"payload");
        let t = p.heap.tuple(&[keep, bin, keep]);
        let mut other = Process::new(2, Term::NIL);
        let expect = crate::process::copy::copy_term(t, &mut other.heap);
        let mut regs = [t];
        collect(&mut p, &mut regs, 0);
        assert!(exact_eq(regs[0], expect));
        // sharing preserved: both list references forwarded to one copy
        assert_eq!(regs[0].element(0), regs[0].element(2));
        assert_eq!(p.heap.used(), 2000 + 4 + 1 + 2);
    }
}
