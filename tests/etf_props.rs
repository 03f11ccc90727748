//! Property test: the external term format encoder and the term hashes
//! against values recorded from REAL Erlang/OTP 25.
//!
//! `tests/etf_props/cases.txt` is written by `tests/etf_props/gen.escript`
//! (run it with OTP 25's `escript`; never edit the file by hand): 3000
//! pseudo-random terms of every kind, nested up to depth 5, one per line:
//!
//! ```text
//! T2B P2 P2M PH T2B_V2 T2B_Z
//! ```
//!
//! (`term_to_binary(T)` in hex, `phash2(T)`, `phash2(T, 1000000)`,
//! `phash(T, 4294967296)`, `term_to_binary(T, [{minor_version, 2}])` and
//! `term_to_binary(T, [compressed])` in hex). For every case the test
//! decodes `T2B` with `beamz::etf::decode_exact` onto a process heap and
//! checks, each as a separate property:
//!
//! * `t2b`, `v2`, `z`: `beamz::etf::encode::encode` with the default
//!   options, `minor_version: 2` and `compression: 6` (what `compressed`
//!   means) gives exactly OTP's bytes;
//! * `phash2`, `phash2/2`, `phash/2`: the `erlang:phash2/1,2` and
//!   `erlang:phash/2` BIFs (called through `beamz::bif::hash::TABLE`) give
//!   OTP's values;
//! * `decode v2`, `decode z`: the `minor_version 2` and compressed bytes
//!   decode to a term that re-encodes (default options) to `T2B`.
//!
//! All mismatches are counted per property; the first 10 are reported with
//! the term printed by `beamz::term::display::format`. The test fails (never
//! skips) when the data file is missing, short or malformed.

use beamz::bif::hash;
use beamz::etf::encode::{encode, EncodeOpts};
use beamz::process::Process;
use beamz::term::{bignum, display, Term};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The generator writes exactly this many cases.
const EXPECTED_CASES: usize = 3000;

/// Mismatches shown in full.
const SHOWN: usize = 10;

fn cases_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/etf_props/cases.txt")
}

struct Case {
    line: usize,
    t2b: Vec<u8>,
    phash2: i64,
    phash2_m: i64,
    phash: i64,
    v2: Vec<u8>,
    z: Vec<u8>,
}

fn unhex(s: &str, line: usize) -> Vec<u8> {
    assert!(
        s.len().is_multiple_of(2),
        "cases.txt line {line}: odd-length hex"
    );
    (0..s.len() / 2)
        .map(|i| {
            u8::from_str_radix(&s[2 * i..2 * i + 2], 16)
                .unwrap_or_else(|_| panic!("cases.txt line {line}: bad hex {s:.40}"))
        })
        .collect()
}

fn load() -> Vec<Case> {
    let path = cases_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\n(regenerate it with OTP 25: escript tests/etf_props/gen.escript)",
            path.display()
        )
    });
    let mut cases = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let line = i + 1;
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = l.split(' ').collect();
        assert_eq!(
            f.len(),
            6,
            "cases.txt line {line}: expected 6 fields, got {}",
            f.len()
        );
        let int = |s: &str| -> i64 {
            s.parse()
                .unwrap_or_else(|_| panic!("cases.txt line {line}: bad integer {s:?}"))
        };
        cases.push(Case {
            line,
            t2b: unhex(f[0], line),
            phash2: int(f[1]),
            phash2_m: int(f[2]),
            phash: int(f[3]),
            v2: unhex(f[4], line),
            z: unhex(f[5], line),
        });
    }
    assert_eq!(
        cases.len(),
        EXPECTED_CASES,
        "{} holds {} cases, expected {EXPECTED_CASES}",
        path.display(),
        cases.len()
    );
    cases
}

fn bif(name: &str, arity: u32) -> beamz::bif::BifFn {
    hash::TABLE
        .iter()
        .find(|b| b.name == name && b.arity == arity)
        .unwrap_or_else(|| panic!("erlang:{name}/{arity} is not in bif::hash::TABLE"))
        .f
}

fn hex(b: &[u8]) -> String {
    b.iter()
        .fold(String::with_capacity(2 * b.len()), |mut s, x| {
            let _ = write!(s, "{x:02X}");
            s
        })
}

/// Shortened for the report.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let head: String = s.chars().take(n).collect();
        format!("{head}... ({} chars)", s.chars().count())
    }
}

/// Where two byte strings first differ (index and the bytes there).
fn first_diff(got: &[u8], want: &[u8]) -> String {
    match got.iter().zip(want).position(|(a, b)| a != b) {
        Some(i) => format!(
            "first difference at byte {i}: got {:#04x}, want {:#04x}",
            got[i], want[i]
        ),
        None => format!(
            "one is a prefix of the other (got {} bytes, want {})",
            got.len(),
            want.len()
        ),
    }
}

struct Report {
    /// property -> number of cases where it failed
    counts: BTreeMap<&'static str, usize>,
    failed_cases: usize,
    shown: Vec<String>,
    /// property -> number of cases where it was checked
    checked: BTreeMap<&'static str, usize>,
}

impl Report {
    fn case(&mut self, c: &Case, term: Option<Term>, problems: Vec<(&'static str, String)>) {
        if problems.is_empty() {
            return;
        }
        self.failed_cases += 1;
        for (p, _) in &problems {
            *self.counts.entry(p).or_default() += 1;
        }
        if self.shown.len() < SHOWN {
            let mut s = format!("cases.txt line {}:\n", c.line);
            if let Some(t) = term {
                let _ = writeln!(s, "  term:  {}", clip(&display::format(t), 300));
            }
            let _ = writeln!(s, "  bytes: {}", clip(&hex(&c.t2b), 200));
            for (p, detail) in problems {
                let _ = writeln!(s, "  {p}: {detail}");
            }
            self.shown.push(s);
        }
    }
}

fn int_of(r: Result<Term, beamz::bif::Exc>) -> Result<i64, String> {
    match r {
        Ok(t) => bignum::to_i64(t).ok_or_else(|| format!("not an integer: {}", display::format(t))),
        Err(_) => Err("raised an exception".to_owned()),
    }
}

#[test]
fn etf_bytes_and_hashes_match_otp() {
    let cases = load();
    let phash2_1 = bif("phash2", 1);
    let phash2_2 = bif("phash2", 2);
    let phash_2 = bif("phash", 2);
    let plain = EncodeOpts::default();
    let v2 = EncodeOpts {
        minor_version: 2,
        ..EncodeOpts::default()
    };
    // `compressed` is zlib level 6 (OTP's default level).
    let z = EncodeOpts {
        compression: 6,
        ..EncodeOpts::default()
    };
    let mut rep = Report {
        counts: BTreeMap::new(),
        failed_cases: 0,
        shown: Vec::new(),
        checked: BTreeMap::new(),
    };

    for c in &cases {
        let mut p = Process::new(1, Term::NIL);
        let mut problems: Vec<(&'static str, String)> = Vec::new();
        *rep.checked.entry("decode").or_default() += 1;
        let t = match beamz::etf::decode_exact(&c.t2b, &mut p.heap) {
            Ok(t) => t,
            Err(e) => {
                problems.push(("decode", format!("decode_exact failed: {e}")));
                rep.case(c, None, problems);
                continue;
            }
        };

        // Encodings.
        for (name, opts, want) in [("t2b", &plain, &c.t2b), ("v2", &v2, &c.v2), ("z", &z, &c.z)] {
            *rep.checked.entry(name).or_default() += 1;
            match encode(t, opts) {
                Ok(got) if &got == want => {}
                Ok(got) => problems.push((
                    name,
                    format!(
                        "{}\n    got  {}\n    want {}",
                        first_diff(&got, want),
                        clip(&hex(&got), 200),
                        clip(&hex(want), 200)
                    ),
                )),
                Err(e) => problems.push((name, format!("encode failed: {e}"))),
            }
        }

        // Hashes, through the BIFs themselves.
        let range_m = Term::small(1_000_000);
        let range_32 = p.heap.int(1 << 32);
        let hashes = [
            ("phash2", phash2_1(&mut p, &[t]), c.phash2),
            ("phash2/2", phash2_2(&mut p, &[t, range_m]), c.phash2_m),
            ("phash/2", phash_2(&mut p, &[t, range_32]), c.phash),
        ];
        for (name, got, want) in hashes {
            *rep.checked.entry(name).or_default() += 1;
            match int_of(got) {
                Ok(g) if g == want => {}
                Ok(g) => problems.push((name, format!("got {g}, want {want}"))),
                Err(e) => problems.push((name, e)),
            }
        }

        // The other two encodings decode to the same term.
        for (name, bytes) in [("decode v2", &c.v2), ("decode z", &c.z)] {
            *rep.checked.entry(name).or_default() += 1;
            match beamz::etf::decode_exact(bytes, &mut p.heap) {
                Ok(u) => match encode(u, &plain) {
                    Ok(b) if b == c.t2b => {}
                    Ok(b) => problems.push((
                        name,
                        format!(
                            "decodes to {} ({})",
                            clip(&display::format(u), 200),
                            first_diff(&b, &c.t2b)
                        ),
                    )),
                    Err(e) => problems.push((name, format!("re-encode failed: {e}"))),
                },
                Err(e) => problems.push((name, format!("decode_exact failed: {e}"))),
            }
        }

        rep.case(c, Some(t), problems);
    }

    let mut summary = format!(
        "etf_props: {} cases, {} with mismatches\n",
        cases.len(),
        rep.failed_cases
    );
    for (prop, n) in &rep.checked {
        let bad = rep.counts.get(prop).copied().unwrap_or(0);
        let _ = writeln!(summary, "  {prop:<10} {bad:>5} of {n} mismatched");
    }
    eprintln!("{summary}");
    if rep.failed_cases > 0 {
        panic!(
            "{summary}\nfirst {} mismatching cases:\n{}",
            rep.shown.len(),
            rep.shown.join("\n")
        );
    }
}
