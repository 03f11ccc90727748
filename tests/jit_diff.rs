//! Differential test of the execution tiers on randomly generated programs.
//!
//! For each seed, `jit_diff/gen.rs` writes a module `jd_<seed>.erl` (15-30
//! generated functions covering arithmetic at the small/big integer
//! boundaries, floats, comparisons across types, guards, select, tuples,
//! lists, bit syntax, maps, funs, long loops, try/catch, records, processes,
//! BIFs and formatting; `main/0` prints one `Name: Result` line per call).
//! The module is compiled with `erlc` and run
//!
//! * by real `erl` (`erl -noshell -pa DIR -eval 'jd_<seed>:main(), halt().'`),
//! * by `beamz-jit run --jit off` — its stdout must equal erl's and it must exit 0,
//! * by `beamz-jit run --jit eager` and `--jit tiered --jit-threshold 2` —
//!   stdout and exit status must equal those of `--jit off`.
//!
//! The tiers are required: a VM whose JIT tier is missing fails this test.
//!
//! Environment:
//! * `JIT_DIFF_SEEDS=N` — number of programs (default 12);
//! * `JIT_DIFF_SEED=S` — first seed (default 1); seeds S, S+1, ... are used.
//! * `JIT_DIFF_KEEP=1` — keep the generated programs even when all pass.
//!
//! A failure names the seed, the generated file (kept in
//! `$CARGO_TARGET_TMPDIR/jit_diff/...`), the commands to reproduce it, and the
//! first differing lines. To hunt interpreter bugs on many programs without
//! the JIT tiers, run the ignored test `interp_vs_erl`:
//! `JIT_DIFF_SEEDS=200 cargo test --release --test jit_diff -- --ignored interp_vs_erl`.

#[path = "jit_diff/gen.rs"]
mod gen;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const VM: &str = env!("CARGO_BIN_EXE_beamz-jit");

/// A single run (erl or the VM) is killed after this long.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Programs checked in parallel: one per core, at least 2, at most 4.
fn threads() -> usize {
    thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 4)
}

const DEFAULT_SEEDS: u64 = 12;
const DEFAULT_SEED: u64 = 1;

/// Lines of context / differing lines shown in a diff.
const CONTEXT: usize = 2;
const SHOWN: usize = 6;

struct Tier {
    name: &'static str,
    args: &'static [&'static str],
}

/// The reference tier, compared with erl.
const OFF: Tier = Tier {
    name: "off",
    args: &["--jit", "off"],
};

/// The tiers compared with `--jit off`.
const JIT_TIERS: &[Tier] = &[
    Tier {
        name: "eager",
        args: &["--jit", "eager"],
    },
    Tier {
        name: "tiered",
        args: &["--jit", "tiered", "--jit-threshold", "2"],
    },
];

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a non-negative integer")),
        _ => default,
    }
}

fn seeds() -> Vec<u64> {
    let n = env_u64("JIT_DIFF_SEEDS", DEFAULT_SEEDS);
    let base = env_u64("JIT_DIFF_SEED", DEFAULT_SEED);
    (0..n).map(|i| base + i).collect()
}

fn on_path(tool: &str) -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path).any(|d| d.join(tool).is_file())
}

fn require_otp() {
    for tool in ["erl", "erlc"] {
        assert!(
            on_path(tool),
            "jit_diff: `{tool}` was not found on PATH; this test compiles generated \
             programs with erlc and compares with erl (install Erlang/OTP 25)"
        );
    }
}

/// A fresh directory for one run of one test: `jit_diff/SUB-PID`, so that
/// concurrent runs (two `cargo test`s) never touch each other's files.
/// Directories left by runs whose process is gone are removed first (a
/// failing run keeps its directory for reproduction until then).
fn work_dir(sub: &str) -> PathBuf {
    let parent = Path::new(env!("CARGO_TARGET_TMPDIR")).join("jit_diff");
    fs::create_dir_all(&parent)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
    if Path::new("/proc/self").exists() {
        for e in fs::read_dir(&parent).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let stale = name
                .strip_prefix(sub)
                .and_then(|r| r.strip_prefix('-'))
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| !Path::new("/proc").join(pid.to_string()).exists());
            if stale {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
    let dir = parent.join(format!("{sub}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

struct Run {
    /// Exit code; None if killed (timeout or signal).
    code: Option<i32>,
    /// How it ended, for messages.
    how: String,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    secs: f64,
}

fn drain<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn run(cmd: &mut Command) -> Run {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let out = drain(child.stdout.take().unwrap());
    let err = drain(child.stderr.take().unwrap());
    let mut pause = Duration::from_millis(1);
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break Some(st);
        }
        if start.elapsed() >= TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    let secs = start.elapsed().as_secs_f64();
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    let (code, how) = match status {
        None => (
            None,
            format!("killed after a {} s timeout", TIMEOUT.as_secs()),
        ),
        Some(st) => match st.code() {
            Some(c) => (Some(c), format!("exit status {c}")),
            None => (None, format!("ended by {st}")),
        },
    };
    Run {
        code,
        how,
        stdout,
        stderr,
        secs,
    }
}

fn show(line: &[u8]) -> String {
    let s = format!("{:?}", String::from_utf8_lossy(line));
    if s.chars().count() > 300 {
        s.chars().take(300).collect::<String>() + "..."
    } else {
        s
    }
}

/// The first difference between two outputs, with context.
fn diff(a_name: &str, a: &[u8], b_name: &str, b: &[u8]) -> String {
    let al: Vec<&[u8]> = a.split(|&c| c == b'\n').collect();
    let bl: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
    let i = al
        .iter()
        .zip(bl.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(al.len().min(bl.len()));
    let mut s = format!(
        "stdout differs at line {} ({a_name}: {} bytes, {} lines; {b_name}: {} bytes, {} lines):\n",
        i + 1,
        a.len(),
        al.len() - 1,
        b.len(),
        bl.len() - 1
    );
    let w = a_name.len().max(b_name.len());
    for l in &al[i.saturating_sub(CONTEXT)..i] {
        s.push_str(&format!("        {:w$}  {}\n", "", show(l)));
    }
    for (name, lines) in [(a_name, &al), (b_name, &bl)] {
        let rest = &lines[i.min(lines.len())..];
        if rest.is_empty() || (rest.len() == 1 && rest[0].is_empty()) {
            s.push_str(&format!("      {name:>w$}: <end of output>\n"));
        }
        for l in rest.iter().take(SHOWN) {
            if l.is_empty() && std::ptr::eq(*l, *rest.last().unwrap()) {
                continue;
            }
            s.push_str(&format!("      {name:>w$}: {}\n", show(l)));
        }
    }
    s
}

/// The first `n` lines of `text`.
fn head(text: &str, n: usize) -> String {
    text.lines().take(n).map(|l| format!("{l}\n")).collect()
}

fn stderr_head(name: &str, stderr: &[u8]) -> String {
    if stderr.is_empty() {
        return String::new();
    }
    let text = String::from_utf8_lossy(stderr);
    let mut s = format!("    stderr of {name}:\n");
    for l in text.lines().take(12) {
        s.push_str(&format!("      | {l}\n"));
    }
    s
}

/// Why a tier run could not even start, if that is the JIT being absent.
fn jit_missing(r: &Run) -> bool {
    let err = String::from_utf8_lossy(&r.stderr);
    r.code == Some(2)
        && (err.contains("not built yet")
            || err.contains("unexpected argument")
            || err.contains("invalid value"))
}

struct Outcome {
    seed: u64,
    problems: Vec<String>,
    jit_missing: bool,
    secs: f64,
    /// (runner, seconds): erlc, erl, off, then each tier.
    times: Vec<(&'static str, f64)>,
}

/// Generates, compiles and runs one program; compares erl with `--jit off`
/// and (when `tiers` is non-empty) each tier with `--jit off`.
fn check_seed(seed: u64, dir: &Path, tiers: &[Tier]) -> Outcome {
    let start = Instant::now();
    let module = gen::module_name(seed);
    let erl_file = dir.join(format!("{module}.erl"));
    let beam = dir.join(format!("{module}.beam"));
    let mut out = Outcome {
        seed,
        problems: Vec::new(),
        jit_missing: false,
        secs: 0.0,
        times: Vec::new(),
    };
    fs::write(&erl_file, gen::program(seed))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", erl_file.display()));

    let c = run(Command::new("erlc")
        .arg("-W0")
        .arg("-o")
        .arg(dir)
        .arg(&erl_file));
    out.times.push(("erlc", c.secs));
    if c.code != Some(0) || !beam.exists() {
        out.problems.push(format!(
            "GENERATOR BUG: erlc failed ({}) on {}:\n{}{}",
            c.how,
            erl_file.display(),
            head(&String::from_utf8_lossy(&c.stdout), 30),
            head(&String::from_utf8_lossy(&c.stderr), 10)
        ));
        out.secs = start.elapsed().as_secs_f64();
        return out;
    }

    let erl = run(Command::new("erl").args([
        "-noshell",
        "-pa",
        dir.to_str().unwrap(),
        "-eval",
        &format!("{module}:main(), halt()."),
    ]));
    let off = run(Command::new(VM).arg("run").args(OFF.args).arg(&beam));
    out.times.push(("erl", erl.secs));
    out.times.push((OFF.name, off.secs));
    let repro = |tier: &Tier| {
        format!(
            "    reproduce: {VM} run {} {}\n",
            tier.args.join(" "),
            beam.display()
        )
    };

    if erl.code != Some(0) {
        out.problems.push(format!(
            "GENERATOR BUG: erl did not finish main/0 normally ({}); \
             generated programs must not crash\n{}",
            erl.how,
            stderr_head("erl", &erl.stderr)
        ));
    } else if off.code != Some(0) || off.stdout != erl.stdout {
        let mut p = format!("--jit off disagrees with erl\n{}", repro(&OFF));
        p.push_str(&format!(
            "    erl: erl -noshell -pa {} -eval '{module}:main(), halt().'\n",
            dir.display()
        ));
        if off.code != Some(0) {
            p.push_str(&format!(
                "    --jit off: {} (erl: exit status 0)\n",
                off.how
            ));
        }
        if off.stdout != erl.stdout {
            p.push_str("    ");
            p.push_str(&diff("erl", &erl.stdout, "off", &off.stdout));
        }
        p.push_str(&stderr_head("--jit off", &off.stderr));
        out.problems.push(p);
    }

    for tier in tiers {
        let r = run(Command::new(VM).arg("run").args(tier.args).arg(&beam));
        out.times.push((tier.name, r.secs));
        if r.code == off.code && r.stdout == off.stdout {
            continue;
        }
        let mut p = format!(
            "--jit {} disagrees with --jit off\n{}",
            tier.name,
            repro(tier)
        );
        if jit_missing(&r) {
            out.jit_missing = true;
            p.push_str(
                "    the JIT tier is not available in this build; this test requires \
                 --jit eager and --jit tiered --jit-threshold N\n",
            );
        }
        if r.code != off.code {
            p.push_str(&format!(
                "    exit: --jit {}: {}; --jit off: {}\n",
                tier.name, r.how, off.how
            ));
        }
        if r.stdout != off.stdout {
            p.push_str("    ");
            p.push_str(&diff("off", &off.stdout, tier.name, &r.stdout));
        }
        p.push_str(&stderr_head(&format!("--jit {}", tier.name), &r.stderr));
        out.problems.push(p);
    }
    out.secs = start.elapsed().as_secs_f64();
    out
}

fn check_all(sub: &str, tiers: &[Tier]) {
    require_otp();
    let dir = work_dir(sub);
    let seeds = seeds();
    assert!(!seeds.is_empty(), "JIT_DIFF_SEEDS=0: nothing to test");
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Outcome>> = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..threads().min(seeds.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(&seed) = seeds.get(i) else { break };
                let o = check_seed(seed, &dir, tiers);
                results.lock().unwrap().push(o);
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|o| o.seed);

    let mut report = String::new();
    for o in &results {
        if o.problems.is_empty() {
            continue;
        }
        report.push_str(&format!(
            "--- FAIL seed {} ({}.erl in {})\n",
            o.seed,
            gen::module_name(o.seed),
            dir.display()
        ));
        for p in &o.problems {
            report.push_str("  ");
            report.push_str(p);
        }
    }
    let failed: Vec<u64> = results
        .iter()
        .filter(|o| !o.problems.is_empty())
        .map(|o| o.seed)
        .collect();
    let slowest = results
        .iter()
        .max_by(|a, b| a.secs.total_cmp(&b.secs))
        .map(|o| format!("; slowest seed {} took {:.2} s", o.seed, o.secs))
        .unwrap_or_default();
    let tier_names: Vec<&str> = tiers.iter().map(|t| t.name).collect();
    let mut totals: Vec<(&str, f64)> = Vec::new();
    for (name, secs) in results.iter().flat_map(|o| o.times.iter()) {
        match totals.iter_mut().find(|(n, _)| n == name) {
            Some(t) => t.1 += secs,
            None => totals.push((name, *secs)),
        }
    }
    let totals: Vec<String> = totals
        .iter()
        .map(|(n, s)| format!("{n} {s:.1} s"))
        .collect();
    let summary = format!(
        "jit_diff: {} programs (seeds {}..={}), erl vs --jit off{}: {} passed, {} failed \
         in {:.1} s{slowest}\n  time summed over programs: {}",
        results.len(),
        seeds[0],
        seeds[seeds.len() - 1],
        if tiers.is_empty() {
            String::new()
        } else {
            format!(", --jit off vs {}", tier_names.join(", "))
        },
        results.len() - failed.len(),
        failed.len(),
        start.elapsed().as_secs_f64(),
        totals.join(", ")
    );
    if failed.is_empty() {
        println!("{summary}");
        if std::env::var_os("JIT_DIFF_KEEP").is_none() {
            let _ = fs::remove_dir_all(&dir);
        }
        return;
    }
    println!("{report}\n{summary}");
    let missing = if results.iter().any(|o| o.jit_missing) {
        "\nthe JIT tier is not built yet (beamz-jit exits 2 for --jit eager/tiered); \
         this test requires it"
    } else {
        ""
    };
    panic!(
        "jit_diff: seeds {failed:?} failed (report above; reproduce one with \
         JIT_DIFF_SEED=<seed> JIT_DIFF_SEEDS=1){missing}\n{summary}"
    );
}

/// erl vs `--jit off` vs `--jit eager` vs `--jit tiered`.
#[test]
fn jit_diff() {
    check_all("tiers", JIT_TIERS);
}

/// erl vs `--jit off` only: for checking the generator and hunting
/// interpreter bugs on many seeds (`JIT_DIFF_SEEDS=200`). Not a substitute
/// for `jit_diff`, which requires the JIT tiers.
#[test]
#[ignore]
fn interp_vs_erl() {
    check_all("erl", &[]);
}

/// The generator is a pure function of the seed, and its programs have the
/// promised shape. Needs no OTP.
#[test]
fn generator_is_deterministic() {
    for seed in [0, 1, 2, 77, u64::MAX] {
        let a = gen::program(seed);
        assert_eq!(a, gen::program(seed), "seed {seed} gave two programs");
        assert!(a.contains(&format!("-module({}).", gen::module_name(seed))));
        let funcs = a.matches("    r(f").count();
        assert!(funcs >= 15, "seed {seed}: only {funcs} calls in main/0");
    }
    assert_ne!(gen::program(1), gen::program(2));
}
