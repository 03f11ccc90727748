//! Copying terms between heaps (message send, spawn arguments, ETS later).
//!
//! Literal-area objects are immortal and shared, never copied. Sharing
//! inside the term is not preserved (as in OTP's default copy). Both the
//! size pass and the copy pass use explicit work lists, never recursion.

use crate::heap::Heap;
use crate::term::{Kind, Term};

/// Words needed to copy `t` (0 for immediates and literals).
pub fn size_of(t: Term) -> usize {
    let mut n = 0;
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        if !t.is_pointer() || t.is_literal_ptr() {
            continue;
        }
        if t.is_cons() {
            n += 2;
            let (h, tl) = t.cons_parts();
            work.push(h);
            work.push(tl);
        } else {
            let h = t.header();
            n += 1 + h.size();
            let raw = h.raw_prefix();
            for i in raw..h.size() {
                work.push(Term(t.word(1 + i)));
            }
        }
    }
    n
}

/// Copy `t` onto `heap`, returning the copy.
pub fn copy_term(t: Term, heap: &mut Heap) -> Term {
    if !t.is_pointer() || t.is_literal_ptr() {
        return t;
    }
    // Each work item: a source term and the destination word to patch.
    let mut root = Term::NIL.0;
    let mut work: Vec<(Term, *mut u64)> = vec![(t, &mut root as *mut u64)];
    while let Some((src, dst)) = work.pop() {
        let out = if !src.is_pointer() || src.is_literal_ptr() {
            src
        } else if src.is_cons() {
            let (h, tl) = src.cons_parts();
            let c = heap.cons(Term::NIL, Term::NIL);
            let p = c.ptr();
            work.push((h, p));
            // SAFETY: `p` is the fresh two-word cons cell.
            work.push((tl, unsafe { p.add(1) }));
            c
        } else if src.header().kind() == Kind::ProcBin {
            // Share the buffer; neither side may append in place any more.
            let flags = src.word(3) & !crate::term::binary::PB_WRITABLE;
            src.set_word(3, flags);
            heap.share_procbin(src)
        } else {
            let h = src.header();
            let kind = h.kind();
            let size = h.size();
            let (nt, body) = heap.boxed(kind, size);
            let raw = h.raw_prefix();
            for i in 0..size {
                let w = src.word(1 + i);
                // SAFETY: `body` has `size` words.
                unsafe { *body.add(i) = if i < raw { w } else { Term::NIL.0 } };
                if i >= raw {
                    // SAFETY: as above.
                    work.push((Term(w), unsafe { body.add(i) }));
                }
            }
            if kind == Kind::MatchCtx {
                // A match context is process-local; copying one yields its
                // remaining bits as a sub-binary would, but contexts never
                // escape into messages in compiled code.
            }
            nt
        };
        // SAFETY: `dst` is either `root` (alive for this function) or a word
        // in an object just allocated on `heap` (chunks never move).
        unsafe { *dst = out.0 };
    }
    Term(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::order::exact_eq;

    #[test]
    fn copies_deep_structure() {
        let mut a = Heap::new(0);
        let inner = a.tuple(&[Term::small(1), Term::NIL]);
        let mut l = Term::NIL;
        for i in 0..1000 {
            l = a.cons(Term::small(i), l);
        }
        let bin = a.binary(b"hello");
        let t = a.tuple(&[inner, l, bin]);
        let mut b = Heap::new(0);
        let c = copy_term(t, &mut b);
        assert!(exact_eq(t, c));
        assert_eq!(size_of(t), b.used());
        assert_ne!(t.ptr(), c.ptr());
    }
}
