//! Bit-level reading and writing of big-endian bit streams: the one
//! `BitWriter` the bit syntax (`bs_create_bin`, the pre-OTP-25 `bs_put_*`)
//! and the binary BIFs build with, and `read_u64`, the bit-field reader
//! matching uses.
//!
//! Bits are numbered from the most significant bit of byte 0, as in
//! Erlang's bit syntax. Everything works a byte (or a word) at a time;
//! nothing loops per bit.

use super::binary::Bits;
use num_bigint::{BigInt, Sign};

/// A growable big-endian bit buffer. Bits past `bits` in the last byte
/// are always zero.
#[derive(Default)]
pub struct BitWriter {
    pub bytes: Vec<u8>,
    pub bits: u64,
}

/// The low `n` bits set (`n` ≤ 64).
#[inline]
fn mask(n: u32) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

impl BitWriter {
    pub fn with_capacity(bytes: usize) -> BitWriter {
        BitWriter {
            bytes: Vec::with_capacity(bytes),
            bits: 0,
        }
    }

    /// Append the low `n` bits of `v` (`n` ≤ 64), most significant first.
    #[inline]
    pub fn push_bits(&mut self, v: u64, n: u32) {
        debug_assert!(n <= 64);
        if n == 0 {
            return;
        }
        let v = v & mask(n);
        let off = (self.bits % 8) as u32;
        if off == 0 && n % 8 == 0 {
            let be = (v << (64 - n)).to_be_bytes();
            self.bytes.extend_from_slice(&be[..(n / 8) as usize]);
            self.bits += n as u64;
            return;
        }
        let mut left = n;
        if off != 0 {
            // fill the free low bits of the partial last byte
            let room = 8 - off;
            let take = room.min(left);
            let chunk = (v >> (left - take)) & mask(take);
            let last = self.bytes.last_mut().expect("a partial byte exists");
            *last |= (chunk << (room - take)) as u8;
            left -= take;
        }
        while left >= 8 {
            self.bytes.push((v >> (left - 8)) as u8);
            left -= 8;
        }
        if left > 0 {
            self.bytes.push(((v & mask(left)) << (8 - left)) as u8);
        }
        self.bits += n as u64;
    }

    /// Append whole bytes.
    pub fn push_bytes(&mut self, b: &[u8]) {
        let off = (self.bits % 8) as u32;
        if off == 0 {
            self.bytes.extend_from_slice(b);
        } else {
            self.bytes.reserve(b.len());
            for &byte in b {
                let last = self.bytes.last_mut().expect("a partial byte exists");
                *last |= byte >> off;
                self.bytes.push(byte << (8 - off));
            }
        }
        self.bits += b.len() as u64 * 8;
    }

    /// Append the first `nbits` bits of `bytes` (bits past them in the
    /// last byte are ignored); `bytes` holds at least `ceil(nbits/8)`.
    pub fn push_prefix(&mut self, bytes: &[u8], nbits: u64) {
        let whole = (nbits / 8) as usize;
        self.push_bytes(&bytes[..whole]);
        let rem = (nbits % 8) as u32;
        if rem != 0 {
            self.push_bits((bytes[whole] >> (8 - rem)) as u64, rem);
        }
    }

    /// Append the first `n` bits of a bitstring view.
    pub fn push_view(&mut self, v: &Bits, n: u64) {
        if v.offset % 8 == 0 {
            let s = (v.offset / 8) as usize;
            self.push_prefix(&v.data[s..], n);
            return;
        }
        let mut i = 0;
        while i < n {
            let take = (n - i).min(56);
            self.push_bits(read_u64(v.data, v.offset + i, take), take as u32);
            i += take;
        }
    }

    /// Append `v` (a value in `i64`) as an `n`-bit integer segment.
    pub fn push_i64(&mut self, v: i64, n: u64, little: bool) {
        if n <= 64 && (!little || n % 8 == 0) {
            let u = v as u64 & mask(n as u32);
            if little {
                let k = (n / 8) as usize;
                self.push_bytes(&u.to_le_bytes()[..k]);
            } else {
                self.push_bits(u, n as u32);
            }
        } else {
            self.push_int(&BigInt::from(v), n, little);
        }
    }

    /// Append the low `n` bits of `v` (two's complement), big- or
    /// little-endian. Little-endian: whole bytes least significant first;
    /// a final partial byte holds the top bits of the value, as OTP does.
    pub fn push_int(&mut self, v: &BigInt, n: u64, little: bool) {
        let nbytes = n.div_ceil(8) as usize;
        // two's complement bytes, little-endian, sign-extended to nbytes
        let mut le = v.to_signed_bytes_le();
        let fill = if v.sign() == Sign::Minus { 0xFF } else { 0 };
        le.resize(nbytes.max(le.len()), fill);
        le.truncate(nbytes);
        if nbytes == 0 {
            return;
        }
        let rem = (n % 8) as u32;
        if little {
            if rem == 0 {
                self.push_bytes(&le);
            } else {
                self.push_bytes(&le[..nbytes - 1]);
                self.push_bits(le[nbytes - 1] as u64, rem);
            }
        } else {
            let mut be = le;
            be.reverse();
            let first = if rem == 0 { 8 } else { rem };
            self.push_bits(be[0] as u64, first);
            self.push_bytes(&be[1..]);
        }
    }
}

/// The `n` bits (`n` ≤ 64) of `d` starting at bit `pos`, as an unsigned
/// big-endian number. The caller has checked that they are in `d`.
#[inline]
pub fn read_u64(d: &[u8], pos: u64, n: u64) -> u64 {
    debug_assert!(n <= 64);
    if n == 0 {
        return 0;
    }
    let first = (pos / 8) as usize;
    let skip = (pos % 8) as u32;
    // fast path: one big-endian load of the 8 bytes from `first` holds
    // the whole field (it starts `skip` bits in and ends within them)
    if u64::from(skip) + n <= 64 {
        if let Some(b) = d.get(first..first + 8) {
            let w = u64::from_be_bytes(b.try_into().unwrap_or([0; 8]));
            return (w << skip) >> (64 - n);
        }
    }
    let last = ((pos + n).div_ceil(8)) as usize; // exclusive
    let mut acc: u128 = 0;
    for &b in &d[first..last] {
        acc = (acc << 8) | b as u128;
    }
    let tail = last as u64 * 8 - (pos + n);
    ((acc >> tail) as u64) & mask(n as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: one bit at a time.
    fn slow_bits(bits: &[u8]) -> (Vec<u8>, u64) {
        let mut out = vec![0u8; bits.len().div_ceil(8)];
        for (i, &b) in bits.iter().enumerate() {
            out[i / 8] |= b << (7 - (i % 8));
        }
        (out, bits.len() as u64)
    }

    fn bits_of(v: u64, n: u32) -> Vec<u8> {
        (0..n).rev().map(|k| ((v >> k) & 1) as u8).collect()
    }

    #[test]
    fn push_bits_matches_bit_by_bit() {
        let mut seed = 0x1234_5678_9abc_def0u64;
        for _ in 0..2000 {
            let mut w = BitWriter::default();
            let mut reference = Vec::new();
            for _ in 0..6 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let n = (seed >> 58) as u32 + 1; // 1..=64
                let v = seed.rotate_left(17);
                w.push_bits(v, n);
                reference.extend(bits_of(v, n));
                if seed & 1 == 0 {
                    let bytes = [(seed >> 8) as u8, (seed >> 16) as u8];
                    w.push_bytes(&bytes);
                    reference.extend(bits_of(bytes[0] as u64, 8));
                    reference.extend(bits_of(bytes[1] as u64, 8));
                }
            }
            let (want, nbits) = slow_bits(&reference);
            assert_eq!(w.bits, nbits);
            assert_eq!(w.bytes, want);
            // and reading them back
            let mut pos = 0;
            while pos < nbits {
                let n = (nbits - pos).min(1 + (pos % 64));
                let mut v = 0u64;
                for &b in &reference[pos as usize..(pos + n) as usize] {
                    v = (v << 1) | b as u64;
                }
                assert_eq!(read_u64(&w.bytes, pos, n), v, "pos {pos} n {n}");
                pos += n;
            }
        }
    }

    #[test]
    fn integers_big_and_little() {
        // erl: <<-2:12>> = <<255,14:4>>; <<1000:12/little>> = <<232,3:4>>
        let mut w = BitWriter::default();
        w.push_i64(-2, 12, false);
        assert_eq!((w.bytes.clone(), w.bits), (vec![0xFF, 0xE0], 12));
        let mut w = BitWriter::default();
        w.push_i64(1000, 12, true);
        assert_eq!((w.bytes.clone(), w.bits), (vec![232, 0x30], 12));
        // erl: <<258:16/little>> = <<2,1>>; <<-1:70>> = 70 one bits
        let mut w = BitWriter::default();
        w.push_i64(258, 16, true);
        assert_eq!(w.bytes, vec![2, 1]);
        let mut w = BitWriter::default();
        w.push_i64(-1, 70, false);
        assert_eq!(w.bits, 70);
        assert_eq!(w.bytes[..8], [0xFF; 8]);
        assert_eq!(w.bytes[8], 0xFC);
    }

    #[test]
    fn prefix_and_view() {
        // erl: <<1:1, <<2#10110111>>:5/bitstring>> = <<2#1_10110:6>>
        let mut w = BitWriter::default();
        w.push_bits(1, 1);
        w.push_prefix(&[0b1011_0111], 5);
        assert_eq!((w.bytes.clone(), w.bits), (vec![0b1101_1000], 6));
        let data = [0xAB, 0xCD, 0xEF];
        let v = Bits {
            data: &data,
            offset: 4,
            size: 16,
        };
        let mut w = BitWriter::default();
        w.push_view(&v, 16);
        assert_eq!(w.bytes, vec![0xBC, 0xDE]);
    }
}
