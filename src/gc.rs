//! The per-process generational copying collector (Cheney).
//!
//! Roots: the live x registers the caller passes, the stack (a minor
//! collection only the frames entered since the last one: see
//! `process::stack`), the mailbox, the process dictionary, saved registers
//! and the exit reason.
//!
//! Two kinds of collection, chosen per call:
//! - minor: every live young object (young chunks and message fragments)
//!   is copied into the old generation's free room ("promoted" at its
//!   first collection); old objects are neither moved nor scanned, since
//!   none points into the young generation (see `heap`). Its cost is the
//!   roots plus the young survivors, however big the old generation.
//! - major: when the old generation lacks room for everything young, or
//!   holds more binary data than its budget, both generations are copied
//!   into one fresh region, which becomes the old generation.
//!
//! Either way the young generation is empty afterwards. Objects never leave
//! the to-space region (it is sized for the worst case before copying).
//! Forwarding: a moved boxed object's header is overwritten with a boxed
//! pointer to its copy; a moved cons cell gets `Term::FORWARD` in its head
//! and the new address in its tail.
//!
//! Invariant callers must keep: no term outside the roots may point into
//! the heap when `collect` runs (BIFs never call it; the interpreter calls
//! it only at instruction boundaries with the exact live register count).

use crate::heap::{Heap, Region, MIN_CHUNK};
use crate::process::Process;
use crate::term::{Header, Term};

/// To-space: one contiguous region filled from `top`; pointers into
/// `[keep_lo, keep_lo + keep_bytes)` (the old generation, in a minor
/// collection) are left where they are.
struct ToSpace {
    region: Region,
    top: usize,
    keep_lo: usize,
    keep_bytes: usize,
}

impl ToSpace {
    #[inline]
    fn alloc(&mut self, n: usize) -> *mut u64 {
        // The region was sized for every word that could survive; running
        // past it would mean a root pointed outside this process's heap.
        assert!(
            self.top + n <= self.region.len(),
            "gc: to-space overflow (a root points outside the process heap)"
        );
        let p = self.region[self.top..].as_mut_ptr();
        self.top += n;
        p
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
    if (p as usize).wrapping_sub(to.keep_lo) < to.keep_bytes {
        return t;
    }
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

/// The least allocation (words) between two collections: with a tiny live
/// set a collection every few dozen words costs more in fixed overhead
/// than it saves (OTP's young generation starts at 233 words and grows;
/// ours is one 8 KiB step).
pub const MIN_GC_BUDGET: usize = 1024;

/// The largest old region (words, 4 MiB) kept for reuse after a major
/// collection.
const SPARE_MAX: usize = 1 << 22;

/// Collect `p`'s heap: minor when the old generation has room for all
/// young words, else major. `xregs` are the live x registers. After return
/// the young generation has room for `need` more words before the next
/// collection is due.
pub fn collect(p: &mut Process, xregs: &mut [Term], need: usize) {
    let young = young_words(p);
    let major = p.heap.old_free() < young || p.heap.old_vheap_full();
    collect_as(p, xregs, need, young, major);
}

/// Collect both generations into one (`erlang:garbage_collect`,
/// hibernation, tests).
pub fn collect_major(p: &mut Process, xregs: &mut [Term], need: usize) {
    let young = young_words(p);
    collect_as(p, xregs, need, young, true);
}

/// Every word that could survive into the old generation: the young heap
/// and the mailbox's message fragments.
fn young_words(p: &Process) -> usize {
    let frags: usize = p
        .mailbox
        .iter()
        .filter_map(|m| m.frag.as_ref())
        .map(|f| f.young_used())
        .sum();
    p.heap.young_used() + frags
}

fn collect_as(p: &mut Process, xregs: &mut [Term], need: usize, young: usize, major: bool) {
    if cfg!(feature = "gc-stress") && verify_wanted() {
        verify_old_generation(&p.heap);
    }
    // Every ProcBin on the young heap or in message fragments (the MSO
    // list); in a major collection the old generation's too.
    let mut mso = std::mem::take(&mut p.heap.offheap);
    for m in p.mailbox.iter_mut() {
        if let Some(f) = &mut m.frag {
            mso.append(&mut f.offheap);
        }
    }
    let (old, old_top) = p.heap.take_old();
    let mut spare_old = None;
    let mut to = if major {
        mso.append(&mut p.heap.old_offheap);
        // Room for everything that could survive, plus half as much again
        // (at least one young generation's worth) for the minor
        // collections until the next major one; untouched room costs no
        // memory. A region kept from the last major collection is reused
        // when it fits (fresh multi-megabyte regions fault in every page).
        let bound = old_top + young;
        let want = bound + (bound / 2).max(MIN_CHUNK * 4);
        let region = match p.gc_spare.take() {
            Some(s) if s.len() >= want && s.len() <= want * 2 => s,
            _ => Region::new(want),
        };
        spare_old = Some(old);
        ToSpace {
            region,
            top: 0,
            keep_lo: 0,
            keep_bytes: 0,
        }
    } else {
        ToSpace {
            keep_lo: old.as_ptr() as usize,
            keep_bytes: old.len() * 8,
            region: old,
            top: old_top,
        }
    };
    let scan_from = to.top;

    for r in xregs.iter_mut() {
        evacuate_slot(r, &mut to);
    }
    // A minor collection skips the frames no code has been in since the
    // last collection (all their pointers are old); a major one moves old
    // objects, so it updates every slot.
    let stack_from = if major { 0 } else { p.stack.unchanged_below() };
    for s in p.stack[stack_from..].iter_mut() {
        if !s.is_cp() && !s.is_catch() {
            evacuate_slot(s, &mut to);
        }
    }
    p.stack.reset_low();
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

    // Cheney scan of what this collection copied (the region grows while
    // it is scanned).
    let mut scan = scan_from;
    while scan < to.top {
        let w = Term(to.region[scan]);
        if w.is_header() {
            scan += 1 + Header(w.0).raw_prefix();
            continue;
        }
        to.region[scan] = evacuate(w, &mut to).0;
        scan += 1;
    }

    // Sweep the MSO list while from-space is still mapped: moved ProcBins
    // (header now a forwarding pointer) stay, at their new address; the
    // others are garbage and give up their buffer's strong count.
    let mut survivors = if major {
        Vec::with_capacity(mso.len())
    } else {
        std::mem::take(&mut p.heap.old_offheap)
    };
    let mut bin_words = if major { 0 } else { p.heap.old_vheap() };
    for h in mso {
        // SAFETY: `h` is a ProcBin header (or its forwarding pointer) in
        // from-space, which is freed only below.
        let w = Term(unsafe { *h });
        if w.is_boxed() {
            bin_words += (w.word(2) / 64) as usize;
            survivors.push(w.ptr());
        } else {
            // SAFETY: a dead ProcBin still owns its strong count.
            unsafe { crate::heap::release_procbin(h) };
        }
    }
    for m in p.mailbox.iter_mut() {
        m.frag = None;
    }
    let live = to.top;
    p.heap.set_old(to.region, to.top, bin_words);
    p.heap.old_offheap = survivors;
    if major {
        // Promote until the old generation doubles (at least a few young
        // generations' worth): a major collection then costs the live
        // data once per as much promoted, and the old generation's
        // resident size stays about twice the live data, whatever garbage
        // the region was sized for.
        p.heap.set_old_limit(live * 3 + 4 * MIN_GC_BUDGET);
        p.heap.reset_old_vheap_budget();
        // Keep the old region just emptied for the next major collection,
        // unless it is big: its pages are resident, so keeping a large one
        // would add its whole size to the process's footprint.
        p.gc_spare = spare_old.filter(|s| !s.is_empty() && s.len() <= SPARE_MAX);
    }
    // The young generation: twice the live data (at least live + 1024
    // words) plus the stack. Smaller young generations were measured
    // slower (benches/erl: nrev 1.5 -> 2.1 s, qsort 1.6 -> 1.8-2.2 s at
    // half the live data): much of what those programs hold at a
    // collection dies soon after, and promoting it fills the old
    // generation. The stack term keeps deep recursion amortised linear
    // when the whole stack is new since the last collection.
    let budget = (live * 2).max(live + MIN_GC_BUDGET) + p.stack.len() + need;
    p.heap.reset_young(budget);
    p.heap.set_budget(budget);
    p.heap.reset_young_vheap();
    p.last_live = live;
    p.gc_count += 1;
}

/// gc-stress build: `BEAMZ_GC_VERIFY=1` checks, before every collection,
/// the invariant minor collections rest on (quadratic: for hunting bugs).
fn verify_wanted() -> bool {
    static V: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *V.get_or_init(|| std::env::var_os("BEAMZ_GC_VERIFY").is_some_and(|v| v == "1"))
}

/// Every pointer stored in the old generation points into it (or at a
/// literal): nothing old refers to a young object. A violation is a VM bug
/// (an in-place write of a young term into an old object), reported
/// loudly in the build made to find such bugs.
fn verify_old_generation(h: &Heap) {
    let Some(old) = h.chunks_used().next() else {
        return;
    };
    let lo = old.as_ptr() as usize;
    let bytes = old.len() * 8;
    let mut i = 0;
    while i < old.len() {
        let w = Term(old[i]);
        if w.is_header() {
            i += 1 + Header(w.0).raw_prefix();
            continue;
        }
        if w.is_pointer() && !w.is_literal_ptr() {
            let off = (w.ptr() as usize).wrapping_sub(lo);
            assert!(
                off < bytes,
                "gc verify: old word {i} ({:#x}) points outside the old generation",
                w.0
            );
        }
        i += 1;
    }
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
        // then drops it: it was promoted, so a minor collection keeps it
        // and the next major one releases p's count
        collect(&mut p, &mut [], 0);
        assert_eq!(count(), 2);
        collect_major(&mut p, &mut [], 0);
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

    /// A minor collection promotes the young survivors behind the old ones
    /// and leaves old objects where they are; when the old generation
    /// cannot take every young word, the collection is major and moves
    /// everything.
    #[test]
    fn minor_promotes_and_major_compacts() {
        let mut p = Process::new(1, Term::NIL);
        let a = p.heap.tuple(&[Term::small(1), Term::small(2)]);
        let mut regs = [a];
        collect(&mut p, &mut regs, 0);
        let old_a = regs[0];
        assert_eq!((p.heap.young_used(), p.heap.old_used()), (0, 3));

        let b = p.heap.cons(old_a, Term::NIL);
        for i in 0..100 {
            p.heap.tuple(&[Term::small(i)]); // garbage
        }
        let mut regs = [old_a, b];
        collect(&mut p, &mut regs, 0);
        assert_eq!(
            regs[0], old_a,
            "an old object does not move in a minor collection"
        );
        assert_eq!(regs[1].head(), old_a);
        assert_eq!((p.heap.young_used(), p.heap.old_used()), (0, 5));

        // more live young data than the old generation has room for
        let mut l = regs[1];
        for i in 0..p.heap.old_free() {
            l = p.heap.cons(Term::small(i as i64), l);
        }
        let n = l.iter_list().count();
        let mut regs = [old_a, l];
        collect(&mut p, &mut regs, 0);
        assert_ne!(regs[0], old_a, "a major collection moves old objects");
        assert_eq!(regs[1].iter_list().count(), n);
        assert_eq!(p.heap.old_used(), 3 + 2 * n);
        verify_old_generation(&p.heap);
    }
}
