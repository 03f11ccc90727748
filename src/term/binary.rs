//! Bitstrings: the shared buffer of reference-counted binaries
//! ([`BinBuf`]) and read access to every bitstring kind (heap binary,
//! ref-counted `ProcBin`, sub-binary) as one `Bits` view (bytes + bit
//! offset + bit size).
//!
//! ## Ref-counted binaries
//!
//! A `ProcBin` object on a process heap owns one strong count of an
//! `Arc<BinBuf>` and records its own bit size, so appending to the buffer
//! never changes what an existing `ProcBin` sees. The buffer grows in place
//! only through the `ProcBin` flagged *writable* (the newest result of an
//! append chain, never one that was copied to another process), and only
//! when its size is the buffer's whole length. Every other holder only
//! reads bytes below its own size, which are never written again.

use super::{Kind, Term};
use std::borrow::Cow;
use std::cell::UnsafeCell;
use std::sync::Arc;

/// Binaries larger than this many bytes live off-heap (as OTP: 64).
pub const HEAP_BIN_LIMIT: usize = 64;

/// `ProcBin` flag: this is the one holder allowed to append in place.
pub const PB_WRITABLE: u64 = 1;

/// The shared bytes of ref-counted binaries.
pub struct BinBuf {
    data: UnsafeCell<Vec<u8>>,
}

// SAFETY: the bytes below any holder's size are immutable once written;
// the only mutation is `append`, which the writable holder's process does
// while it is the sole writer and no holder can read beyond its own size
// (see the module docs). Moving the Vec's allocation on growth happens only
// while no other process holds the buffer: a send clears the writable flag
// first (`process::copy`).
unsafe impl Sync for BinBuf {}
// SAFETY: as above; the buffer is plain bytes.
unsafe impl Send for BinBuf {}

impl BinBuf {
    pub fn new(bytes: Vec<u8>) -> Arc<BinBuf> {
        Arc::new(BinBuf {
            data: UnsafeCell::new(bytes),
        })
    }

    /// The first `n` bytes.
    pub fn bytes(&self, n: usize) -> &[u8] {
        // SAFETY: bytes below a holder's size are never mutated (module
        // docs); `n` never exceeds the length a holder was created with.
        let v = unsafe { &*self.data.get() };
        &v[..n.min(v.len())]
    }

    pub fn len(&self) -> usize {
        // SAFETY: reading the length races only with `append`, which the
        // sole writer performs on its own thread (module docs).
        unsafe { (*self.data.get()).len() }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The whole buffer, writable.
    ///
    /// # Safety
    /// Only for a buffer created by the calling process and not yet shared
    /// (a binary under construction by the pre-OTP-25 `bs_put_*` ops).
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn bytes_mut(&self) -> &mut [u8] {
        &mut *self.data.get()
    }

    /// Append bytes. Caller: the process holding the writable `ProcBin`
    /// whose size is the whole buffer, while the buffer is not shared.
    pub fn append(&self, more: &[u8]) {
        // SAFETY: see the module docs: exclusive writer, readers only see
        // bytes below their own sizes.
        unsafe { (*self.data.get()).extend_from_slice(more) }
    }
}

/// The buffer of a `ProcBin` term (borrowed; the term holds a count).
pub fn procbin_buf<'a>(t: Term) -> &'a BinBuf {
    // SAFETY: word 1 of a ProcBin is `Arc::into_raw` of a BinBuf whose
    // strong count this object owns until GC or heap drop releases it.
    unsafe { &*(t.word(1) as *const BinBuf) }
}

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

/// The bytes and bit size of an underlying binary (`HeapBin` or
/// `ProcBin`; what sub-binaries and match contexts point at).
pub fn base_data<'a>(orig: Term) -> (&'a [u8], u64) {
    if orig.header().kind() == Kind::ProcBin {
        let bits = orig.word(2);
        (procbin_buf(orig).bytes(bits.div_ceil(8) as usize), bits)
    } else {
        heap_bin_data(orig)
    }
}

/// The bytes of a binary being built by `bs_init2`/`bs_append` and the
/// `bs_put_*` ops that fill it.
///
/// # Safety
/// `t` is a `HeapBin` or `ProcBin` the calling process has just created
/// and not shared; no other view of its bytes is alive.
pub unsafe fn bytes_under_construction<'a>(t: Term) -> &'a mut [u8] {
    if t.header().kind() == Kind::ProcBin {
        let n = t.word(2).div_ceil(8) as usize;
        let all = procbin_buf(t).bytes_mut();
        let n = n.min(all.len());
        &mut all[..n]
    } else {
        let n = t.word(1).div_ceil(8) as usize;
        std::slice::from_raw_parts_mut(t.ptr().add(2) as *mut u8, n)
    }
}

/// A view of any bitstring term, `None` for other terms.
pub fn view<'a>(t: Term) -> Option<Bits<'a>> {
    match t.boxed_kind()? {
        Kind::HeapBin | Kind::ProcBin => {
            let (data, bits) = base_data(t);
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
            let (data, _) = base_data(orig);
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
            for (i, o) in out.iter_mut().enumerate() {
                let at = i as u64 * 8;
                let k = (self.size - at).min(8);
                *o = (super::bitbuf::read_u64(self.data, self.offset + at, k) << (8 - k)) as u8;
            }
        }
        let rem = self.size % 8;
        if rem != 0 {
            out[n - 1] &= 0xFFu8 << (8 - rem);
        }
        Cow::Owned(out)
    }
}
