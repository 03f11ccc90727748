//! Fuzz target: interpreter vs JIT differential execution, in process.
//!
//! `fuzz/jit_diff/fz_diff.erl` (functions `f0..f63`, two arguments each) is
//! compiled with erlc once per fuzzer process. Each input picks a function
//! (first byte) and builds its two argument terms from the rest (`gen`:
//! small and big integers near the tag boundaries, floats, atoms, lists,
//! tuples, binaries, bitstrings, maps). The call runs through
//! `beamz::embed::call` twice: with `tier::Mode::Off` (interpreter only)
//! and with `Mode::Eager` (every function compiled at first entry). The
//! result or the exception (class, reason, stack trace) must be identical.
//! Calls that run out of their reduction budget under either tier are not
//! compared (a budget is counted per slice, not per instruction).
#![no_main]

use beamz::embed::{self, CallEnd};
use beamz::tier::{self, Mode};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// Functions `f0..f{N_FUNS-1}` of fz_diff.
const N_FUNS: u8 = 64;
/// Reductions per run: enough for every function on small arguments.
const BUDGET: i64 = 200_000;
const SOURCE: &str = include_str!("../jit_diff/fz_diff.erl");

fn setup() {
    static READY: OnceLock<()> = OnceLock::new();
    READY.get_or_init(|| {
        let root = beamz::otp::find_root(None).expect("an OTP installation");
        let dir = std::env::temp_dir().join(format!("beamz-fuzz-jit-diff-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let src = dir.join("fz_diff.erl");
        std::fs::write(&src, SOURCE).expect("write fz_diff.erl");
        beamz::otp::compile(&root, &src, &dir).expect("erlc compiles fz_diff.erl");
        // Runaway allocation ends in `system_limit`, not in an OOM.
        beamz::interp::set_max_process_words(1 << 22);
        embed::init(Some(&root), &[dir]).expect("embed::init");
    });
}

/// Builds the external term format of an argument list from fuzz bytes.
mod gen {
    pub struct Gen<'a> {
        data: &'a [u8],
        pos: usize,
        /// Terms still allowed (bounds the work per input).
        budget: u32,
    }

    const ATOMS: &[&str] = &[
        "a",
        "b",
        "k",
        "ok",
        "error",
        "true",
        "false",
        "undefined",
        "",
        "r",
    ];
    /// Integers around the small/big boundaries of 64-bit tagged terms.
    const EDGES: &[i128] = &[
        0,
        1 << 27,
        1 << 31,
        1 << 59,
        1 << 60,
        1 << 63,
        1 << 64,
        (1 << 59) - 1,
        (1 << 60) - 1,
    ];

    impl<'a> Gen<'a> {
        pub fn new(data: &'a [u8]) -> Gen<'a> {
            Gen {
                data,
                pos: 0,
                budget: 64,
            }
        }
        fn byte(&mut self) -> u8 {
            let b = self.data.get(self.pos).copied().unwrap_or(0);
            self.pos += 1;
            b
        }
        fn bytes(&mut self, n: usize) -> Vec<u8> {
            (0..n).map(|_| self.byte()).collect()
        }
        fn int(&mut self, v: i128, out: &mut Vec<u8>) {
            if (0..=255).contains(&v) {
                out.extend([97, v as u8]);
            } else if let Ok(v) = i32::try_from(v) {
                out.push(98);
                out.extend(v.to_be_bytes());
            } else {
                let mag = v.unsigned_abs().to_le_bytes();
                let n = 16 - mag.iter().rev().take_while(|&&b| b == 0).count();
                out.extend([110, n as u8, (v < 0) as u8]);
                out.extend(&mag[..n]);
            }
        }
        pub fn term(&mut self, depth: u32, out: &mut Vec<u8>) {
            self.budget = self.budget.saturating_sub(1);
            let leaf = depth >= 4 || self.budget == 0;
            let tag = self.byte() % if leaf { 7 } else { 12 };
            match tag {
                0 => {
                    let v = self.byte() as i8 as i128;
                    self.int(v, out)
                }
                1 => {
                    let e = EDGES[self.byte() as usize % EDGES.len()];
                    let d = (self.byte() as i8) as i128;
                    let v = if self.byte() & 1 == 1 {
                        -(e + d)
                    } else {
                        e + d
                    };
                    self.int(v, out)
                }
                2 => {
                    let n = 1 + self.byte() as usize % 24;
                    let neg = self.byte() & 1;
                    let mut mag = self.bytes(n);
                    if mag.iter().all(|&b| b == 0) {
                        mag[0] = 1;
                    }
                    out.extend([110, n as u8, neg]);
                    out.extend(mag);
                }
                3 => {
                    let mut f = f64::from_be_bytes(self.bytes(8).try_into().unwrap());
                    if !f.is_finite() {
                        f = 0.5;
                    }
                    out.push(70);
                    out.extend(f.to_be_bytes());
                }
                4 => {
                    let a = ATOMS[self.byte() as usize % ATOMS.len()];
                    out.extend([119, a.len() as u8]);
                    out.extend(a.as_bytes());
                }
                5 => out.push(106),
                6 => {
                    let n = self.byte() as usize % 9;
                    out.push(109);
                    out.extend((n as u32).to_be_bytes());
                    let b = self.bytes(n);
                    out.extend(b);
                }
                7 => {
                    let n = self.byte() % 5;
                    let improper = n > 0 && self.byte() & 7 == 0;
                    if n == 0 {
                        out.push(106);
                        return;
                    }
                    out.push(108);
                    out.extend((n as u32).to_be_bytes());
                    for _ in 0..n {
                        self.term(depth + 1, out);
                    }
                    if improper {
                        self.term(depth + 1, out);
                    } else {
                        out.push(106);
                    }
                }
                8 => {
                    let n = self.byte() % 5;
                    out.extend([104, n]);
                    for _ in 0..n {
                        self.term(depth + 1, out);
                    }
                }
                9 => {
                    // Keys may repeat: such inputs fail to decode and are
                    // skipped.
                    let n = self.byte() % 4;
                    out.push(116);
                    out.extend((n as u32).to_be_bytes());
                    for _ in 0..n {
                        self.term(depth + 1, out);
                        self.term(depth + 1, out);
                    }
                }
                10 => {
                    let n = self.byte() as usize % 9;
                    out.push(107);
                    out.extend((n as u16).to_be_bytes());
                    let b = self.bytes(n);
                    out.extend(b);
                }
                _ => {
                    let n = 1 + self.byte() as usize % 8;
                    let bits = 1 + self.byte() % 8;
                    out.push(77);
                    out.extend((n as u32).to_be_bytes());
                    out.push(bits);
                    let mut b = self.bytes(n);
                    // Unused low bits of the last byte are zero.
                    b[n - 1] &= 0xffu8 << (8 - bits);
                    out.extend(b);
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    setup();
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let fun = format!("f{}", which % N_FUNS);
    let mut g = gen::Gen::new(rest);
    let mut args = vec![131, 108, 0, 0, 0, 2];
    g.term(0, &mut args);
    g.term(0, &mut args);
    args.push(106);
    tier::set_mode(Mode::Off, 1);
    let interp = match embed::call("fz_diff", &fun, &args, BUDGET) {
        Ok(r) => r,
        Err(_) => return, // arguments that do not decode (repeated map keys)
    };
    tier::set_mode(Mode::Eager, 1);
    let jit = embed::call("fz_diff", &fun, &args, BUDGET).expect("decoded once, decodes again");
    if interp == CallEnd::OutOfReductions || jit == CallEnd::OutOfReductions {
        return;
    }
    assert_eq!(interp, jit, "fz_diff:{fun}: interpreter vs eager JIT");
});
