//! Integration tests of the parsing half of the loader (`loader::chunks`)
//! and of the external-term-format decoder (`etf`):
//! - every `.beam` shipped with the local OTP parses, with a few facts
//!   checked per file and exact counts for `lists.beam`;
//! - hostile input (every truncation, truncated chunks, 2000 pseudo-random
//!   byte flips) yields `Ok` or `Err`, never a panic, and quickly;
//! - ETF bytes produced by `erl` decode to the expected terms, and their
//!   truncations and flips never panic.

use beamz::etf;
use beamz::heap::Heap;
use beamz::loader::chunks::{self, OP_INT_CODE_END};
use beamz::loader::generic::Operand;
use beamz::term::{atom, bignum, binary, Kind, Term};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const OTP_LIB: &str = "/usr/lib/erlang/lib";

fn beam_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            beam_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "beam") {
            out.push(p);
        }
    }
}

/// Every `.beam` of the installed OTP, sorted (None, with a note, when OTP
/// is absent; CI installs it).
fn otp_corpus() -> Option<Vec<PathBuf>> {
    if !Path::new(OTP_LIB).exists() {
        eprintln!("note: {OTP_LIB} is absent; skipping the OTP corpus test");
        return None;
    }
    let mut files = Vec::new();
    beam_files(Path::new(OTP_LIB), &mut files);
    files.sort();
    Some(files)
}

#[test]
fn every_otp_beam_parses() {
    let Some(files) = otp_corpus() else {
        return;
    };
    assert!(files.len() > 100, "only {} .beam files found", files.len());
    let t0 = Instant::now();
    let mut ops = 0usize;
    let mut literals = 0usize;
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let b = chunks::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let stem = f.file_stem().unwrap().to_str().unwrap();
        assert_eq!(b.atoms[1], stem, "{}", f.display());
        assert_eq!(b.code.last().map(|o| o.opcode), Some(OP_INT_CODE_END));
        assert!(b.label_count > 0, "{}", f.display());
        assert!(b.function_count > 0, "{}", f.display());
        assert_eq!(b.lines.files[0], format!("{stem}.erl"));
        assert!(!b.exports.is_empty(), "{}", f.display());
        ops += b.code.len();
        literals += b.literals.len();
    }
    eprintln!(
        "parsed {} files, {ops} instructions, {literals} literals in {:?}",
        files.len(),
        t0.elapsed()
    );
}

fn otp_beam(app_prefix: &str, module: &str) -> Option<PathBuf> {
    let rd = std::fs::read_dir(OTP_LIB).ok()?;
    rd.flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(app_prefix))
        })
        .map(|p| p.join("ebin").join(format!("{module}.beam")))
        .find(|p| p.exists())
}

/// Counts from OTP 25.2.3's `beam_lib:chunks(code:which(lists), [atoms,
/// imports, exports, labeled_exports, locals])`.
#[test]
fn lists_beam_facts() {
    let Some(p) = otp_beam("stdlib-4.2", "lists") else {
        eprintln!("note: stdlib-4.2 lists.beam absent; skipping");
        return;
    };
    let b = chunks::parse(&std::fs::read(p).unwrap()).unwrap();
    assert_eq!(b.atoms.len(), 223); // 222 atoms + slot 0
    assert_eq!(b.imports.len(), 20);
    assert_eq!(b.exports.len(), 88);
    assert_eq!(b.locals.len(), 134);
    let all = b
        .exports
        .iter()
        .find(|e| b.atoms[e.function as usize] == "all" && e.arity == 2)
        .unwrap();
    assert_eq!(all.label, 347);
    // Every `func_info` names the module.
    for op in b.code.iter().filter(|o| o.opcode == 2) {
        assert_eq!(op.args[0], Operand::Atom(1));
    }
}

#[test]
fn big_module_parses_fast() {
    let Some(p) = otp_beam("stdlib", "io_lib_format") else {
        return;
    };
    let bytes = std::fs::read(p).unwrap();
    let t0 = Instant::now();
    for _ in 0..20 {
        chunks::parse(&bytes).unwrap();
    }
    let per = t0.elapsed() / 20;
    eprintln!(
        "io_lib_format.beam ({} bytes): {per:?} per parse",
        bytes.len()
    );
    assert!(per < Duration::from_millis(50), "parse too slow: {per:?}");
}

const TINY_ERL: &str = r#"-module(tiny).
-export([f/1, g/2, h/1]).
-record(r, {a = 1, b = "x"}).
f(X) when is_integer(X) -> {ok, [X, 1.5, <<"bin">>, #{k => X}], fun lists:map/2};
f(#r{a = A}) -> A + 123456789012345678901234567890;
f(L) when is_list(L) -> [Y * 2 || Y <- L, Y > 0];
f(_) -> try throw(x) catch throw:E -> {caught, E, "str", -5, 1.0e300} end.
g(F, X) -> receive {m, Z} -> F(Z) + X after 10 -> <<X:7, 3:5>> end.
h(X) -> fun(Y) -> {X, Y, #{a => 1, b => [2]}} end.
"#;

/// A small real module: compiled from `TINY_ERL` with erlc when it is
/// available, else `lists.beam`.
fn small_beam() -> Option<Vec<u8>> {
    let dir = std::env::temp_dir().join(format!("beamz_loader_parse_{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let src = dir.join("tiny.erl");
    std::fs::write(&src, TINY_ERL).ok()?;
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(&src)
        .status()
        .is_ok_and(|s| s.success());
    let bytes = if ok {
        std::fs::read(dir.join("tiny.beam")).ok()
    } else {
        otp_beam("stdlib", "lists").and_then(|p| std::fs::read(p).ok())
    };
    let _ = std::fs::remove_dir_all(&dir);
    bytes
}

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// (id, data start, data length) of every chunk of a well-formed file.
fn chunk_table(f: &[u8]) -> Vec<([u8; 4], usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 12;
    while pos + 8 <= f.len() {
        let id = [f[pos], f[pos + 1], f[pos + 2], f[pos + 3]];
        let len = u32::from_be_bytes([f[pos + 4], f[pos + 5], f[pos + 6], f[pos + 7]]) as usize;
        out.push((id, pos + 8, len));
        pos += 8 + len.div_ceil(4) * 4;
    }
    out
}

#[test]
fn hostile_beam_input_never_panics() {
    let Some(f) = small_beam() else {
        eprintln!("note: no erlc and no lists.beam; skipping");
        return;
    };
    let good = chunks::parse(&f).expect("the small module parses");
    assert!(!good.literals.is_empty());
    let t0 = Instant::now();

    // Every prefix is an error (the IFF size no longer matches).
    for n in 0..f.len() {
        assert!(chunks::parse(&f[..n]).is_err(), "prefix {n} parsed");
    }

    // Every chunk truncated at every length, with the sizes fixed up so the
    // chunk parsers themselves see the short data.
    let mut variants = 0;
    for &(_, start, len) in &chunk_table(&f) {
        for cut in 0..len {
            let mut g = f[..start].to_vec();
            g[start - 4..start].copy_from_slice(&(cut as u32).to_be_bytes());
            g.extend(&f[start..start + cut]);
            while !g.len().is_multiple_of(4) {
                g.push(0);
            }
            let after = start + len.div_ceil(4) * 4;
            g.extend(&f[after..]);
            let form = (g.len() - 8) as u32;
            g[4..8].copy_from_slice(&form.to_be_bytes());
            let _ = chunks::parse(&g);
            variants += 1;
        }
    }

    // Pseudo-random single and multi-byte flips.
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let (mut oks, mut errs) = (0, 0);
    for i in 0..2000 {
        let mut g = f.clone();
        let flips = 1 + (i % 4);
        for _ in 0..flips {
            let pos = (rng.next() % g.len() as u64) as usize;
            let x = (rng.next() % 255 + 1) as u8;
            g[pos] ^= x;
        }
        match chunks::parse(&g) {
            Ok(_) => oks += 1,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                errs += 1
            }
        }
    }
    let el = t0.elapsed();
    eprintln!("{variants} truncated-chunk variants; flips: {oks} ok, {errs} err; {el:?}");
    assert!(
        el < Duration::from_secs(30),
        "robustness run too slow: {el:?}"
    );
}

// ---- ETF ----------------------------------------------------------------

/// erl -noshell -eval 'io:format("~w~n",[term_to_binary({ok, [1,2,3],
///   <<"bin">>, 3.5, -7, 123456789012345678901234567890, "abc",
///   #{b => 2, a => 1, 1 => x, 1.0 => y}, [a|b], {}, #{}, fun lists:map/2,
///   <<1:3>>, -2147483649, 300, 1.0e-300, abc, '\''hélo'\''})]), halt().'
const ETF_TUPLE: &[u8] = &[
    131, 104, 18, 100, 0, 2, 111, 107, 107, 0, 3, 1, 2, 3, 109, 0, 0, 0, 3, 98, 105, 110, 70, 64,
    12, 0, 0, 0, 0, 0, 0, 98, 255, 255, 255, 249, 110, 13, 0, 210, 10, 63, 78, 238, 224, 115, 195,
    246, 15, 233, 142, 1, 107, 0, 3, 97, 98, 99, 116, 0, 0, 0, 4, 97, 1, 100, 0, 1, 120, 70, 63,
    240, 0, 0, 0, 0, 0, 0, 100, 0, 1, 121, 100, 0, 1, 97, 97, 1, 100, 0, 1, 98, 97, 2, 108, 0, 0,
    0, 1, 100, 0, 1, 97, 100, 0, 1, 98, 104, 0, 116, 0, 0, 0, 0, 113, 100, 0, 5, 108, 105, 115,
    116, 115, 100, 0, 3, 109, 97, 112, 97, 2, 77, 0, 0, 0, 1, 3, 32, 110, 4, 1, 1, 0, 0, 128, 98,
    0, 0, 1, 44, 70, 1, 165, 110, 31, 194, 248, 243, 89, 100, 0, 3, 97, 98, 99, 100, 0, 4, 104,
    233, 108, 111,
];

/// erl -noshell -eval 'io:format("~w~n",[term_to_binary(maps:from_list(
///   [{I, I} || I <- lists:seq(1,40)]))]), halt().'   (a hash-ordered map)
const ETF_BIG_MAP: &[u8] = &[
    131, 116, 0, 0, 0, 40, 97, 33, 97, 33, 97, 12, 97, 12, 97, 23, 97, 23, 97, 29, 97, 29, 97, 30,
    97, 30, 97, 39, 97, 39, 97, 26, 97, 26, 97, 31, 97, 31, 97, 11, 97, 11, 97, 37, 97, 37, 97, 9,
    97, 9, 97, 32, 97, 32, 97, 34, 97, 34, 97, 25, 97, 25, 97, 28, 97, 28, 97, 6, 97, 6, 97, 38,
    97, 38, 97, 13, 97, 13, 97, 40, 97, 40, 97, 20, 97, 20, 97, 15, 97, 15, 97, 14, 97, 14, 97, 2,
    97, 2, 97, 7, 97, 7, 97, 1, 97, 1, 97, 8, 97, 8, 97, 3, 97, 3, 97, 17, 97, 17, 97, 22, 97, 22,
    97, 21, 97, 21, 97, 4, 97, 4, 97, 36, 97, 36, 97, 24, 97, 24, 97, 10, 97, 10, 97, 35, 97, 35,
    97, 27, 97, 27, 97, 19, 97, 19, 97, 5, 97, 5, 97, 18, 97, 18, 97, 16, 97, 16,
];

/// erl -noshell -eval 'io:format("~w~n",[term_to_binary(lists:duplicate(100,
///   <<"aaaaaaaaaa">>), [compressed])]), halt().'
const ETF_COMPRESSED: &[u8] = &[
    131, 80, 0, 0, 5, 226, 120, 156, 203, 97, 96, 96, 72, 201, 5, 18, 92, 137, 112, 48, 202, 29,
    229, 142, 114, 71, 185, 163, 220, 97, 192, 205, 2, 0, 89, 55, 170, 174,
];

/// erl -noshell -eval 'io:format("~w~n",[term_to_binary(3.5,
///   [{minor_version,0}])]), halt().'   (old string float)
const ETF_OLD_FLOAT: &[u8] = &[
    131, 99, 51, 46, 53, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48,
    48, 101, 43, 48, 48, 0, 0, 0, 0, 0,
];

fn atom_term(s: &str) -> Term {
    Term::atom(atom::intern(s).unwrap())
}

fn bytes_of(t: Term) -> Vec<u8> {
    binary::view(t).unwrap().to_bytes().into_owned()
}

fn smalls(t: Term) -> Vec<i64> {
    t.iter_list().map(|x| x.small_value()).collect()
}

#[test]
fn etf_decodes_erl_output() {
    let mut h = Heap::new(0);
    let (t, used) = etf::decode(ETF_TUPLE, &mut h).unwrap();
    assert_eq!(used, ETF_TUPLE.len());
    let e = t.tuple_elements();
    assert_eq!(e.len(), 18);
    assert_eq!(e[0], Term::atom(atom::OK));
    assert_eq!(smalls(e[1]), vec![1, 2, 3]);
    assert_eq!(bytes_of(e[2]), b"bin");
    assert_eq!(e[3].float_value(), 3.5);
    assert_eq!(e[4], Term::small(-7));
    assert_eq!(
        bignum::to_big(e[5]).to_string(),
        "123456789012345678901234567890"
    );
    assert_eq!(smalls(e[6]), vec![97, 98, 99]);
    // #{1 => x, 1.0 => y, a => 1, b => 2}: keys in term order, 1 < 1.0
    let m = e[7];
    assert!(m.is_map());
    assert_eq!(m.header().size(), 8);
    assert_eq!(Term(m.word(1)), Term::small(1));
    assert_eq!(Term(m.word(2)).float_value(), 1.0);
    assert_eq!(Term(m.word(3)), atom_term("a"));
    assert_eq!(Term(m.word(4)), atom_term("b"));
    assert_eq!(Term(m.word(5)), atom_term("x"));
    assert_eq!(Term(m.word(8)), Term::small(2));
    let (hd, tl) = e[8].cons_parts();
    assert_eq!((hd, tl), (atom_term("a"), atom_term("b")));
    assert!(e[9].is_tuple() && e[9].tuple_arity() == 0);
    assert!(e[10].is_map() && e[10].header().size() == 0);
    assert_eq!(e[11].boxed_kind(), Some(Kind::ExportFun));
    let ex = beamz::code::export_of(e[11]);
    assert_eq!(
        (atom::name(ex.module), atom::name(ex.function), ex.arity),
        ("lists".into(), "map".into(), 2)
    );
    let bits = binary::view(e[12]).unwrap();
    assert_eq!((bits.size, bits.data[0] >> 5), (3, 1));
    assert_eq!(bignum::to_i64(e[13]), Some(-2147483649));
    assert_eq!(e[14], Term::small(300));
    assert_eq!(e[15].float_value(), 1.0e-300);
    assert_eq!(e[16], atom_term("abc"));
    assert_eq!(e[17], atom_term("hélo")); // latin-1 ATOM_EXT -> UTF-8

    // 40 keys: above 32, so a hash-trie map as OTP builds it
    let m = etf::decode_exact(ETF_BIG_MAP, &mut h).unwrap();
    assert!(m.is_map());
    assert_eq!(beamz::interp::maps::size(m), 40);
    for i in 1..=40 {
        assert_eq!(
            beamz::interp::maps::get(m, Term::small(i)),
            Some(Term::small(i))
        );
    }

    let l = etf::decode_exact(ETF_COMPRESSED, &mut h).unwrap();
    let items: Vec<Term> = l.iter_list().collect();
    assert_eq!(items.len(), 100);
    assert!(items.iter().all(|&b| bytes_of(b) == b"aaaaaaaaaa"));

    let f = etf::decode_exact(ETF_OLD_FLOAT, &mut h).unwrap();
    assert_eq!(f.float_value(), 3.5);
}

#[test]
fn etf_duplicate_map_keys_are_rejected() {
    // #{a => 1, a => 2} written by hand (erl never produces it); OTP 25's
    // binary_to_term raises badarg for it:
    // erl -noshell -eval 'io:format("~p~n", [catch binary_to_term(<<131,116,0,0,0,2,119,1,97,97,1,119,1,97,97,2>>)]), halt().'
    let b = [
        131, 116, 0, 0, 0, 2, 119, 1, b'a', 97, 1, 119, 1, b'a', 97, 2,
    ];
    let mut h = Heap::new(0);
    assert!(etf::decode_exact(&b, &mut h).is_err());
}

#[test]
fn etf_hostile_input_never_panics() {
    let samples: [&[u8]; 4] = [ETF_TUPLE, ETF_BIG_MAP, ETF_COMPRESSED, ETF_OLD_FLOAT];
    let mut h = Heap::new(0);
    for s in samples {
        for n in 0..s.len() {
            assert!(etf::decode(&s[..n], &mut h).is_err(), "prefix {n} decoded");
        }
    }
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for i in 0..2000 {
        let s = samples[i % samples.len()];
        let mut g = s.to_vec();
        for _ in 0..1 + (i % 3) {
            let pos = (rng.next() % g.len() as u64) as usize;
            g[pos] ^= (rng.next() % 255 + 1) as u8;
        }
        // Fresh heap now and then so garbage does not pile up.
        if i % 100 == 0 {
            h = Heap::new(0);
        }
        let _ = etf::decode(&g, &mut h);
    }
}

/// The verifier accepts every module OTP ships (compiled by OTP's own
/// compiler, which checks the same rules in beam_validator), so it never
/// refuses real code; its rejections are tested in `tests/verifier.rs`.
#[test]
fn every_otp_beam_verifies() {
    let Some(files) = otp_corpus() else {
        return;
    };
    let t0 = Instant::now();
    let mut failures = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        if let Err(e) = beamz::loader::prepare(&bytes) {
            failures.push(format!("{}: {e}", f.display()));
        }
    }
    eprintln!(
        "prepared and verified {} files in {:?}",
        files.len(),
        t0.elapsed()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
