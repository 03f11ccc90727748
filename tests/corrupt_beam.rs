//! Corrupt `.beam` files never crash the VM: a real module compiled by erlc
//! is truncated at every byte offset and has bytes flipped; loading it (in
//! process: parse + transform) and running it (the `beamz-jit` binary) must
//! end in a clean error or a normal run — never a panic (exit 101), an
//! abort or a signal, and never a hang.
//!
//! A flipped byte can turn the victim into a valid program that never
//! ends (a call retargeted into unbounded recursion, a jump into a loop).
//! Runs get a small per-process size limit (`--max-heap`, erl's `+hmax`),
//! so runaway recursion ends with `system_limit`; a run that still does
//! not finish counts as a VM hang only if erl finishes the same file.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SOURCE: &str = r#"
-module(victim).
-export([main/0]).
main() ->
    L = [X * X || X <- lists:seq(1, 10)],
    M = #{a => 1, b => [1, 2, 3]},
    B = <<"bin", 1:8, (length(L)):16>>,
    io:format("~p ~p ~p~n", [lists:sum(L), maps:get(b, M), B]),
    try element(5, {1}) catch error:R -> io:format("~p~n", [R]) end.
"#;

/// Compile the victim into a directory of the calling test's own: the
/// tests run in parallel, and a shared directory would let one test read a
/// `.beam` another test's erlc is rewriting.
fn build_victim(test: &str) -> (PathBuf, Vec<u8>) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("corrupt_beam")
        .join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("victim.erl");
    std::fs::write(&src, SOURCE).unwrap();
    // +deterministic: no absolute source path in the file, so the same
    // flips hit the same bytes on every machine.
    let st = Command::new("erlc")
        .arg("+deterministic")
        .arg("-o")
        .arg(&dir)
        .arg(&src)
        .status()
        .expect("erlc is required for this test (apt-get install -y erlang-base)");
    assert!(st.success(), "erlc failed");
    let bytes = std::fs::read(dir.join("victim.beam")).unwrap();
    (dir, bytes)
}

/// A tiny deterministic PRNG (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
}

fn flipped(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = bytes.to_vec();
    let n = 1 + (rng.next() % 4) as usize;
    for _ in 0..n {
        let i = (rng.next() % b.len() as u64) as usize;
        b[i] ^= 1 << (rng.next() % 8);
    }
    b
}

#[test]
fn load_never_panics() {
    let (_, bytes) = build_victim("load");
    for cut in 0..bytes.len() {
        assert!(
            beamz::loader::prepare(&bytes[..cut]).is_err(),
            "a truncated file (at {cut}) loaded"
        );
    }
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for _ in 0..3000 {
        let b = flipped(&bytes, &mut rng);
        let _ = beamz::loader::prepare(&b);
    }
    assert!(beamz::loader::prepare(&bytes).is_ok());
}

/// Words of heap and stack a victim process may use (32 MiB).
const MAX_HEAP: &str = "4000000";
const TIMEOUT: Duration = Duration::from_secs(10);

/// Run `cmd` for at most TIMEOUT: Some(status) or None when it had to be
/// killed; stderr is collected.
fn run_bounded(mut cmd: Command) -> (Option<std::process::ExitStatus>, String) {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut err);
            }
            return (Some(st), err);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return (None, String::new());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Does erl (with the same size limit) finish running `file`'s main/0?
fn erl_finishes(file: &Path) -> bool {
    let mut cmd = Command::new("erl");
    cmd.arg("+hmax")
        .arg(MAX_HEAP)
        .arg("-noshell")
        .arg("-pa")
        .arg(file.parent().unwrap())
        .arg("-eval")
        .arg("catch victim:main(), halt().");
    run_bounded(cmd).0.is_some()
}

/// Run the VM on `file`; returns (exit code, stderr), or None when the
/// program runs forever in erl too. Panics the test on a signal, a Rust
/// panic (101) or a hang that erl does not share.
fn run_vm(file: &Path) -> Option<(i32, String)> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_beamz-jit"));
    cmd.arg("run").arg("--max-heap").arg(MAX_HEAP).arg(file);
    let (st, err) = run_bounded(cmd);
    let Some(st) = st else {
        assert!(
            !erl_finishes(file),
            "{} made the VM hang (erl finishes it)",
            file.display()
        );
        return None;
    };
    let code = st
        .code()
        .unwrap_or_else(|| panic!("{} was killed by a signal: {st:?}\n{err}", file.display()));
    assert_ne!(code, 101, "{} made the VM panic:\n{err}", file.display());
    Some((code, err))
}

#[test]
fn truncated_files_exit_cleanly() {
    let (dir, bytes) = build_victim("truncated");
    let (code, err) = run_vm(&dir.join("victim.beam")).expect("the intact module ends");
    assert_eq!(code, 0, "the intact module must run: {err}");
    let f = dir.join("cut").join("victim.beam");
    std::fs::create_dir_all(f.parent().unwrap()).unwrap();
    // Every offset: the whole file is a few hundred bytes.
    for cut in 0..bytes.len() {
        std::fs::write(&f, &bytes[..cut]).unwrap();
        let (code, err) = run_vm(&f).expect("a truncated file cannot run");
        assert_eq!(
            code, 2,
            "truncation at {cut}: expected exit 2, got {code}: {err}"
        );
        assert!(err.contains("cannot load"), "truncation at {cut}: {err}");
    }
}

#[test]
fn flipped_files_never_crash() {
    let (dir, bytes) = build_victim("flipped");
    let f = dir.join("flip").join("victim.beam");
    std::fs::create_dir_all(f.parent().unwrap()).unwrap();
    let mut rng = Rng(0xD1B54A32D192ED03);
    let mut outcomes = std::collections::BTreeMap::new();
    for _ in 0..1000 {
        std::fs::write(&f, flipped(&bytes, &mut rng)).unwrap();
        let code = run_vm(&f).map_or("endless in erl too".to_string(), |(c, _)| c.to_string());
        *outcomes.entry(code).or_insert(0) += 1;
    }
    eprintln!("flipped-file exit codes: {outcomes:?}");
}
