//! A process's stack of frames (`[CP, y(N-1) .. y(0)]` per frame, top at
//! the end): a growable array with a layout compiled code can address.
//!
//! `Vec<Term>` hides its pointer and length; the JIT tier reads and writes
//! `ptr`/`len`/`cap` directly (offsets in [`Stack::ABI`]), pushing CPs and
//! y slots inline and calling back only to grow. Everything else uses the
//! slice view and the `Vec`-like methods here.
//!
//! `low` is the lowest `len` since the collector last reset it (compiled
//! code keeps it too): frames wholly below the frame that was on top then
//! have not been written since, so a minor collection need not scan them.

use crate::term::Term;
use std::mem::ManuallyDrop;

pub struct Stack {
    ptr: *mut Term,
    len: usize,
    cap: usize,
    low: usize,
}

// SAFETY: a Stack uniquely owns its buffer (like the Vec it was made
// from); a process, and so its stack, is run by one scheduler at a time.
unsafe impl Send for Stack {}

/// Field offsets (bytes) compiled code uses: (ptr, len, cap, low).
pub struct StackAbi {
    pub ptr: usize,
    pub len: usize,
    pub cap: usize,
    pub low: usize,
}

impl Stack {
    pub const ABI: StackAbi = StackAbi {
        ptr: std::mem::offset_of!(Stack, ptr),
        len: std::mem::offset_of!(Stack, len),
        cap: std::mem::offset_of!(Stack, cap),
        low: std::mem::offset_of!(Stack, low),
    };

    /// Slots allocated (the most `len` can reach without growing).
    #[inline]
    pub fn capacity(&self) -> usize {
        self.cap
    }

    pub fn with_capacity(n: usize) -> Stack {
        let mut v = ManuallyDrop::new(Vec::<Term>::with_capacity(n));
        Stack {
            ptr: v.as_mut_ptr(),
            len: 0,
            cap: v.capacity(),
            low: 0,
        }
    }

    /// Run `f` on the buffer as a `Vec`, then take back its parts.
    fn with_vec<R>(&mut self, f: impl FnOnce(&mut Vec<Term>) -> R) -> R {
        // SAFETY: ptr/len/cap are the parts of a Vec<Term> (from
        // `with_capacity` or a previous `with_vec`), not aliased elsewhere.
        // ManuallyDrop: the buffer stays owned by `self` if `f` unwinds.
        let mut v = ManuallyDrop::new(unsafe { Vec::from_raw_parts(self.ptr, self.len, self.cap) });
        let r = f(&mut v);
        self.ptr = v.as_mut_ptr();
        self.len = v.len();
        self.cap = v.capacity();
        r
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    pub fn push(&mut self, t: Term) {
        if self.len < self.cap {
            // SAFETY: len < cap: the slot is inside the buffer.
            unsafe { self.ptr.add(self.len).write(t) };
            self.len += 1;
        } else {
            self.with_vec(|v| v.push(t));
        }
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Term> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        self.low = self.low.min(self.len);
        // SAFETY: the slot at the old top was initialised.
        Some(unsafe { self.ptr.add(self.len).read() })
    }

    #[inline]
    pub fn truncate(&mut self, n: usize) {
        if n < self.len {
            self.len = n;
            self.low = self.low.min(n);
        }
    }

    pub fn resize(&mut self, n: usize, fill: Term) {
        if n <= self.len {
            self.len = n;
            self.low = self.low.min(n);
        } else if n <= self.cap {
            for i in self.len..n {
                // SAFETY: i < cap.
                unsafe { self.ptr.add(i).write(fill) };
            }
            self.len = n;
        } else {
            self.with_vec(|v| v.resize(n, fill));
        }
    }

    /// Make room for `extra` more slots without reallocating later.
    pub fn reserve(&mut self, extra: usize) {
        self.with_vec(|v| v.reserve(extra));
    }

    pub fn clear(&mut self) {
        self.len = 0;
        self.low = 0;
    }

    /// Where a minor collection starts scanning: the base (CP slot) of
    /// the frame that held the top when the stack was lowest since
    /// [`Stack::reset_low`]. Every slot below it is as the last
    /// collection left it.
    pub fn unchanged_below(&self) -> usize {
        let mut i = self.low.min(self.len);
        while i > 0 {
            i -= 1;
            if self[i].is_cp() {
                return i;
            }
        }
        0
    }

    /// A collection has just scanned (and updated) every slot.
    pub fn reset_low(&mut self) {
        self.low = self.len;
    }

    pub fn shrink_to_fit(&mut self) {
        self.with_vec(|v| v.shrink_to_fit());
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        // SAFETY: the parts of a Vec<Term> we own; Term has no destructor.
        drop(unsafe { Vec::from_raw_parts(self.ptr, self.len, self.cap) });
    }
}

impl std::ops::Deref for Stack {
    type Target = [Term];
    #[inline]
    fn deref(&self) -> &[Term] {
        // SAFETY: the first `len` slots are initialised; ptr is non-null
        // and aligned even when cap is 0 (Vec's dangling pointer).
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl std::ops::DerefMut for Stack {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Term] {
        // SAFETY: as in `deref`, and `&mut self` makes the view unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_vec() {
        let mut s = Stack::with_capacity(2);
        for i in 0..100 {
            s.push(Term::small(i));
        }
        assert_eq!(s.len(), 100);
        assert_eq!(s.pop(), Some(Term::small(99)));
        s.resize(200, Term::NIL);
        assert_eq!(s[150], Term::NIL);
        assert_eq!(s[98], Term::small(98));
        s.truncate(10);
        assert_eq!(s.iter().next_back(), Some(&Term::small(9)));
        s.shrink_to_fit();
        assert_eq!(s.len(), 10);
        s.clear();
        assert!(s.pop().is_none());
    }

    /// `low` follows the lowest length; the unchanged part ends at the CP
    /// of the frame that was on top then.
    #[test]
    fn low_water_mark() {
        let mut s = Stack::with_capacity(4);
        for f in 0..3u32 {
            s.push(Term::cp(0, f));
            s.push(Term::small(f as i64));
            s.push(Term::small(f as i64));
        }
        s.reset_low();
        assert_eq!(s.unchanged_below(), 6);
        s.truncate(7); // frame 2 left (deallocate): frame 2's CP remains
        s.pop(); // and returned through its CP: frame 1 on top
        s.push(Term::cp(0, 9));
        assert_eq!(s.unchanged_below(), 3);
        s.reset_low();
        assert_eq!(s.unchanged_below(), 6);
    }

    /// The offsets compiled code uses are the fields' real places.
    #[test]
    fn abi_offsets() {
        let s = Stack::with_capacity(4);
        let base = &s as *const Stack as usize;
        assert_eq!(&s.ptr as *const _ as usize - base, Stack::ABI.ptr);
        assert_eq!(&s.len as *const _ as usize - base, Stack::ABI.len);
        assert_eq!(&s.cap as *const _ as usize - base, Stack::ABI.cap);
        assert_eq!(&s.low as *const _ as usize - base, Stack::ABI.low);
    }
}
