//! `bs_create_bin`: building a bitstring from segments, and its failures
//! as OTP 25 reports them.
//!
//! Order of checks (OTP's): first every segment's size in order (a size
//! operand that is not a non-negative integer, or whose product with the
//! unit overflows; the type of a `binary` segment of size `all` and of a
//! `utf32` value), then every segment's value in order. So
//! `<<X:8, Y:N>>` with both `X` and `N` bad reports segment 2's size.
//!
//! A failure is a [`Fail`]: `badarg` or `system_limit` plus the cause
//! `{Segment, Type, What, Value}` that goes into the `error_info` map of
//! the failing function's stack frame (`#{cause => ..., function =>
//! format_bs_fail, module => erl_erts_errors}`), which
//! `erl_erts_errors:format_bs_fail/2` turns into the message.
//! `Segment` is the compiler's segment number (operand of the instruction,
//! not the position in the list). Nothing is written to the heap or the
//! destination before a failure except the cause itself.

use super::bits::f64_to_f16;
use crate::bif::Exc;
use crate::code::instr::{BinSegment, SegKind, Src, X_REGS};
use crate::code::Module;
use crate::heap::Heap;
use crate::process::Process;
use crate::term::bitbuf::BitWriter;
use crate::term::{atom, bignum, binary, Kind, Term};

const LITTLE: u32 = 0x02;

/// The largest integer segment built (bits); OTP tries to allocate
/// anything, we answer `system_limit` (with the size as the cause).
const MAX_INT_BITS: u64 = 1 << 32;

/// What was wrong with a segment: the third element of the cause.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum What {
    /// The value has the wrong type (or is no encodable code point).
    Type,
    /// The size is not a non-negative integer, or too large.
    Size,
    /// The bitstring's size is not a multiple of the segment's unit.
    Unit,
    /// The bitstring is shorter than the segment.
    Short,
    /// The integer is too large to be a float.
    NoFloat,
    /// A float segment of a size other than 16, 32 or 64.
    Invalid,
}

/// A `bs_create_bin` failure.
#[derive(Copy, Clone, Debug)]
pub struct Fail {
    /// `system_limit` rather than `badarg`.
    pub limit: bool,
    pub seg: u32,
    pub kind: SegKind,
    pub what: What,
    pub value: Term,
}

impl Fail {
    #[cold]
    fn badarg(seg: &BinSegment, what: What, value: Term) -> Fail {
        Fail {
            limit: false,
            seg: seg.seg,
            kind: seg.kind,
            what,
            value,
        }
    }

    #[cold]
    fn limit(seg: &BinSegment, value: Term) -> Fail {
        Fail {
            limit: true,
            seg: seg.seg,
            kind: seg.kind,
            what: What::Size,
            value,
        }
    }

    /// The exception (without its cause).
    pub fn exc(&self) -> Exc {
        if self.limit {
            Exc::system_limit()
        } else {
            Exc::badarg()
        }
    }

    /// The `error_info` map for the failing function's frame.
    #[cold]
    pub fn error_info(&self, heap: &mut Heap) -> Term {
        let ty = match self.kind {
            SegKind::Integer => "integer",
            SegKind::Float => "float",
            SegKind::Utf8 => "utf8",
            SegKind::Utf16 => "utf16",
            SegKind::Utf32 => "utf32",
            SegKind::Binary | SegKind::Append | SegKind::PrivateAppend | SegKind::String => {
                "binary"
            }
        };
        let what = match self.what {
            What::Type => "type",
            What::Size => "size",
            What::Unit => "unit",
            What::Short => "short",
            What::NoFloat => "no_float",
            What::Invalid => "invalid",
        };
        let cause = heap.tuple(&[
            Term::small(self.seg as i64),
            Term::atom(atom::intern_static(ty)),
            Term::atom(atom::intern_static(what)),
            self.value,
        ]);
        // keys in term order: cause < function < module
        heap.map_sorted(&[
            (Term::atom(atom::intern_static("cause")), cause),
            (
                Term::atom(atom::intern_static("function")),
                Term::atom(atom::intern_static("format_bs_fail")),
            ),
            (Term::atom(atom::MODULE), Term::atom(atom::ERL_ERTS_ERRORS)),
        ])
    }
}

fn src(p: &Process, x: &[Term; X_REGS], s: Src) -> Term {
    match s {
        Src::X(i) => x[i as usize],
        Src::Y(i) => {
            let len = p.stack.len();
            len.checked_sub(1 + i as usize)
                .map(|at| p.stack[at])
                .unwrap_or(Term::NIL)
        }
        Src::Lit(t) => t,
    }
}

/// A `binary` segment's size operand meaning "the whole value".
fn is_all(size: Term) -> bool {
    size == Term::atom(atom::ALL) || size.is_nil()
}

/// The code point of a `utf*` segment's value: a small integer in
/// 0..=0x10FFFF outside the surrogates.
fn code_point(v: Term) -> Option<char> {
    if !v.is_small() {
        return None;
    }
    char::from_u32(u32::try_from(v.small_value()).ok()?)
}

/// An integer, float or sized binary segment's size in bits. As OTP: a
/// non-negative integer whose product with the unit overflows a signed
/// word, or a positive bignum, is `system_limit`; any other non-size is
/// `badarg`.
fn sized_bits(seg: &BinSegment, size: Term) -> Result<u64, Fail> {
    if size.is_small() {
        let s = size.small_value();
        if s < 0 {
            return Err(Fail::badarg(seg, What::Size, size));
        }
        match (s as u64).checked_mul(seg.unit.max(1) as u64) {
            Some(n) if n <= i64::MAX as u64 => Ok(n),
            _ => Err(Fail::limit(seg, size)),
        }
    } else if size.is_bignum() && !bignum::is_negative(size) {
        Err(Fail::limit(seg, size))
    } else {
        Err(Fail::badarg(seg, What::Size, size))
    }
}

/// OTP's first pass: the sizes of all segments, in order.
fn check_sizes(p: &Process, x: &[Term; X_REGS], segments: &[BinSegment]) -> Result<(), Fail> {
    for seg in segments {
        match seg.kind {
            SegKind::Append
            | SegKind::PrivateAppend
            | SegKind::String
            | SegKind::Utf8
            | SegKind::Utf16 => {}
            SegKind::Utf32 => {
                let v = src(p, x, seg.src);
                if code_point(v).is_none() {
                    return Err(Fail::badarg(seg, What::Type, v));
                }
            }
            SegKind::Binary if is_all(src(p, x, seg.size)) => {
                let v = src(p, x, seg.src);
                if binary::view(v).is_none() {
                    return Err(Fail::badarg(seg, What::Type, v));
                }
            }
            SegKind::Integer | SegKind::Float | SegKind::Binary => {
                sized_bits(seg, src(p, x, seg.size))?;
            }
        }
    }
    Ok(())
}

/// `<<Base/binary, Rest...>>` where `Base` is the writable `ProcBin` that
/// ends its buffer: append `Rest` in place (amortised O(1) per byte, as
/// OTP's writable binaries). `None` when the fast path does not apply.
fn append_in_place(
    p: &mut Process,
    x: &[Term; X_REGS],
    module: &Module,
    segments: &[BinSegment],
) -> Option<Result<Term, Fail>> {
    let first = segments.first()?;
    if !matches!(first.kind, SegKind::Append | SegKind::PrivateAppend) {
        return None;
    }
    let base = src(p, x, first.src);
    if base.boxed_kind() != Some(Kind::ProcBin) || base.word(3) & binary::PB_WRITABLE == 0 {
        return None;
    }
    let bits = base.word(2);
    let buf = binary::procbin_buf(base);
    if bits % 8 != 0 || bits / 8 != buf.len() as u64 {
        return None;
    }
    let mut small = [0u8; SMALL_BYTES];
    let w_bits = if let Some(n) = small_int_bytes(p, x, &segments[1..], &mut small) {
        buf.append(&small[..n]);
        p.heap.add_vheap(n);
        8 * n as u64
    } else {
        let mut w = scratch_writer();
        if let Err(e) = write_segments(p, x, module, &segments[1..], &mut w) {
            return Some(Err(e));
        }
        if w.bits % 8 != 0 {
            return None;
        }
        buf.append(&w.bytes);
        p.heap.add_vheap(w.bytes.len());
        let w_bits = w.bits;
        return_scratch(w);
        w_bits
    };
    base.set_word(3, base.word(3) & !binary::PB_WRITABLE);
    let p_buf = base.word(1) as *const binary::BinBuf;
    // SAFETY: `base` owns a strong count, so the buffer is alive; the new
    // ProcBin takes one more.
    let arc = unsafe {
        std::sync::Arc::increment_strong_count(p_buf);
        std::sync::Arc::from_raw(p_buf)
    };
    Some(Ok(p.heap.procbin(arc, bits + w_bits, binary::PB_WRITABLE)))
}

/// The most bytes [`small_int_bytes`] writes.
const SMALL_BYTES: usize = 64;

/// The bytes of `segments` when every one is an integer segment of a
/// whole number of bytes (at most 8) with a small value, at most
/// [`SMALL_BYTES`] in all -- the common `<<X:8, Y:16/little>>` -- written
/// without a writer; `None` otherwise (the general path then checks and
/// reports failures as usual: nothing has been written).
#[inline]
fn small_int_bytes(
    p: &Process,
    x: &[Term; X_REGS],
    segments: &[BinSegment],
    out: &mut [u8; SMALL_BYTES],
) -> Option<usize> {
    let mut len = 0;
    for seg in segments {
        if seg.kind != SegKind::Integer {
            return None;
        }
        let (size, v) = (src(p, x, seg.size), src(p, x, seg.src));
        if !size.is_small() || !v.is_small() {
            return None;
        }
        let n = u64::try_from(size.small_value())
            .ok()?
            .checked_mul(seg.unit.max(1) as u64)?;
        if n % 8 != 0 || n > 64 {
            return None;
        }
        let nb = (n / 8) as usize;
        let dst = out.get_mut(len..len + nb)?;
        // the low `n` bits of the two's complement value, as OTP stores it
        let bytes = (v.small_value() as u64).to_le_bytes();
        if seg.flags & LITTLE != 0 {
            dst.copy_from_slice(&bytes[..nb]);
        } else {
            for (d, b) in dst.iter_mut().zip(bytes[..nb].iter().rev()) {
                *d = *b;
            }
        }
        len += nb;
    }
    Some(len)
}

thread_local! {
    /// The byte buffer the last construction on this thread wrote into,
    /// kept for the next (a binary built in a loop allocates no writer).
    static SCRATCH: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// An empty writer, on this thread's spare buffer when there is one.
fn scratch_writer() -> BitWriter {
    let mut bytes = SCRATCH.with(|s| s.take());
    bytes.clear();
    BitWriter { bytes, bits: 0 }
}

/// Give `w`'s buffer back for the next construction (small ones only).
fn return_scratch(w: BitWriter) {
    if w.bytes.capacity() <= 1 << 16 {
        SCRATCH.with(|s| s.set(w.bytes));
    }
}

/// `bs_create_bin`: build a bitstring from segments.
pub fn create(
    p: &mut Process,
    x: &[Term; X_REGS],
    module: &Module,
    segments: &[BinSegment],
) -> Result<Term, Fail> {
    let mut small = [0u8; SMALL_BYTES];
    if let Some(n) = small_int_bytes(p, x, segments, &mut small) {
        return Ok(p.heap.bitstring(&small[..n], 8 * n as u64));
    }
    check_sizes(p, x, segments)?;
    if let Some(r) = append_in_place(p, x, module, segments) {
        return r;
    }
    let mut w = scratch_writer();
    write_segments(p, x, module, segments, &mut w)?;
    let t = p.heap.bitstring(&w.bytes, w.bits);
    return_scratch(w);
    Ok(t)
}

/// OTP's second pass: write each segment's value in order. Checks sizes
/// again (the pre-OTP-25 `bs_put_*` instructions come here directly).
pub(super) fn write_segments(
    p: &mut Process,
    x: &[Term; X_REGS],
    module: &Module,
    segments: &[BinSegment],
    w: &mut BitWriter,
) -> Result<(), Fail> {
    for seg in segments {
        let v = src(p, x, seg.src);
        let size = src(p, x, seg.size);
        match seg.kind {
            SegKind::Integer => {
                let n = sized_bits(seg, size)?;
                if !v.is_integer() {
                    return Err(Fail::badarg(seg, What::Type, v));
                }
                if n > MAX_INT_BITS {
                    return Err(Fail::limit(seg, size));
                }
                let little = seg.flags & LITTLE != 0;
                if v.is_small() {
                    w.push_i64(v.small_value(), n, little);
                } else {
                    w.push_int(&bignum::to_big(v), n, little);
                }
            }
            SegKind::Float => {
                let n = sized_bits(seg, size)?;
                if !matches!(n, 16 | 32 | 64) {
                    let t = p.heap.int(n as i64);
                    return Err(Fail::badarg(seg, What::Invalid, t));
                }
                let Some(f) = crate::bif::arith::to_f64(v) else {
                    let what = if v.is_bignum() {
                        What::NoFloat
                    } else {
                        What::Type
                    };
                    return Err(Fail::badarg(seg, what, v));
                };
                // Narrowing rounds to nearest-even; out of range gives
                // infinity, as OTP does.
                let bits = match n {
                    64 => f.to_bits(),
                    32 => (f as f32).to_bits() as u64,
                    _ => f64_to_f16(f) as u64,
                };
                if seg.flags & LITTLE != 0 {
                    w.push_bytes(&bits.to_le_bytes()[..(n / 8) as usize]);
                } else {
                    w.push_bits(bits, n as u32);
                }
            }
            SegKind::Binary | SegKind::Append | SegKind::PrivateAppend => {
                let all = seg.kind != SegKind::Binary || is_all(size);
                let n = if all { 0 } else { sized_bits(seg, size)? };
                let Some(view) = binary::view(v) else {
                    return Err(Fail::badarg(seg, What::Type, v));
                };
                let n = if all {
                    if view.size % seg.unit.max(1) as u64 != 0 {
                        return Err(Fail::badarg(seg, What::Unit, v));
                    }
                    view.size
                } else {
                    if n > view.size {
                        return Err(Fail::badarg(seg, What::Short, v));
                    }
                    n
                };
                w.push_view(&view, n);
            }
            SegKind::String => {
                // The loader checked the range against the string table.
                let off = v.small_value() as usize;
                let len = if size.is_small() {
                    size.small_value() as usize
                } else {
                    0
                };
                if let Some(s) = module.strings.get(off..off + len) {
                    w.push_bytes(s);
                }
            }
            SegKind::Utf8 | SegKind::Utf16 | SegKind::Utf32 => {
                let Some(c) = code_point(v) else {
                    return Err(Fail::badarg(seg, What::Type, v));
                };
                let little = seg.flags & LITTLE != 0;
                let mut units = [0u16; 2];
                match seg.kind {
                    SegKind::Utf8 => {
                        let mut b = [0u8; 4];
                        w.push_bytes(c.encode_utf8(&mut b).as_bytes());
                    }
                    SegKind::Utf16 => {
                        for u in c.encode_utf16(&mut units).iter() {
                            if little {
                                w.push_bytes(&u.to_le_bytes());
                            } else {
                                w.push_bytes(&u.to_be_bytes());
                            }
                        }
                    }
                    _ => {
                        let cp = c as u32;
                        if little {
                            w.push_bytes(&cp.to_le_bytes());
                        } else {
                            w.push_bytes(&cp.to_be_bytes());
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(v: i64, size: i64, unit: u32, flags: u32) -> BinSegment {
        BinSegment {
            kind: SegKind::Integer,
            seg: 1,
            unit,
            flags,
            src: Src::Lit(Term::small(v)),
            size: Src::Lit(Term::small(size)),
        }
    }

    /// The writer-less path writes exactly the bytes the general one
    /// (`BitWriter::push_i64`, what `write_segments` uses for small
    /// integers) does, and declines what it does not cover.
    #[test]
    fn small_int_bytes_agree_with_the_writer() {
        let p = Process::new(1, Term::NIL);
        let x = [Term::NIL; X_REGS];
        let values = [
            0,
            1,
            -1,
            127,
            -128,
            255,
            258,
            -259,
            65_535,
            1 << 40,
            -(1 << 46),
            (1 << 47) - 1,
        ];
        let shapes = [
            (8, 1),
            (1, 8),
            (2, 8),
            (16, 1),
            (3, 8),
            (32, 1),
            (5, 8),
            (48, 1),
            (8, 8),
        ];
        let mut checked = 0;
        for &v in &values {
            for &(size, unit) in &shapes {
                for flags in [0, LITTLE] {
                    let segs = [seg(v, size, unit, flags), seg(v ^ 0x5a, 8, 1, 0)];
                    let mut out = [0u8; SMALL_BYTES];
                    let n = small_int_bytes(&p, &x, &segs, &mut out).expect("covered");
                    let mut w = BitWriter {
                        bytes: Vec::new(),
                        bits: 0,
                    };
                    for s in &segs {
                        let (Src::Lit(v), Src::Lit(sz)) = (s.src, s.size) else {
                            unreachable!()
                        };
                        let bits = sz.small_value() as u64 * s.unit as u64;
                        w.push_i64(v.small_value(), bits, s.flags & LITTLE != 0);
                    }
                    assert_eq!(
                        &out[..n],
                        &w.bytes[..],
                        "v={v} size={size} unit={unit} flags={flags}"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, values.len() * shapes.len() * 2);
        let mut out = [0u8; SMALL_BYTES];
        // not whole bytes, over 64 bits, a negative size, a float value,
        // more than SMALL_BYTES in all: the general path's business
        for segs in [
            vec![seg(1, 7, 1, 0)],
            vec![seg(1, 9, 8, 0)],
            vec![seg(1, -8, 1, 0)],
            (0..9).map(|_| seg(1, 64, 1, 0)).collect(),
        ] {
            assert_eq!(small_int_bytes(&p, &x, &segs, &mut out), None);
        }
        let mut f = seg(0, 8, 1, 0);
        f.src = Src::Lit(Term::float(1.0));
        assert_eq!(small_int_bytes(&p, &x, &[f], &mut out), None);
    }
}
