//! Conformance harness: runs every Erlang program in `tests/conform/*.erl` on
//! beamz-jit and compares its stdout (byte for byte) and exit status with the
//! goldens recorded from real Erlang/OTP 25 by `tests/conform/record-golden.sh`.
//!
//! * Programs are compiled with `erlc` (run from inside `tests/conform`, exactly
//!   like the golden script does, so `{file,"NAME.erl"}` stack-trace locations
//!   match) into `$CARGO_TARGET_TMPDIR/conform`; a `.beam` is rebuilt only when
//!   it is missing or older than its source.
//! * Each program runs as
//!   `beamz-jit run --jit TIER -pa BUILD BUILD/NAME.beam ARGS...`
//!   for every tier in [`TIERS`], where ARGS are the lines of `NAME.args`.
//! * A run is killed after [`TIMEOUT`]; programs run on [`THREADS`] threads.
//! * All mismatches are collected and reported together at the end, followed
//!   by a line `conform: N passed, M failed`.
//!
//! `CONFORM_FILTER=substring` restricts the run to programs whose name
//! contains the substring, e.g.
//! `CONFORM_FILTER=maps cargo test --test conform -- --nocapture`.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

/// JIT tiers every program is run under. "tiered" runs with a threshold
/// of 3 calls, so that programs cross between the tiers constantly.
const TIERS: &[&str] = &["off", "eager", "tiered"];

/// A single run is killed after this long. A gc-stress build collects at
/// nearly every heap test, which makes process-heavy programs (spawn_many:
/// 20,000 processes) take 35-60 s on two busy cores: it gets more room.
const TIMEOUT: Duration = if cfg!(feature = "gc-stress") {
    Duration::from_secs(240)
} else {
    Duration::from_secs(60)
};

/// Runs at least this long are listed in the report.
const SLOW: Duration = Duration::from_secs(10);

/// Number of programs run in parallel.
const THREADS: usize = 2;

/// At most this much of a run's stdout/stderr is kept (the rest is drained
/// and dropped) so that a runaway program cannot exhaust memory.
const CAPTURE_LIMIT: usize = 16 << 20;

/// Lines of stderr shown per failure.
const STDERR_LINES: usize = 20;

const VM: &str = env!("CARGO_BIN_EXE_beamz-jit");

fn conform_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("conform")
}

fn golden_dir() -> PathBuf {
    conform_dir().join("golden")
}

fn build_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_TARGET_TMPDIR"), "/conform"))
}

/// Program names (file stems of `tests/conform/*.erl`), sorted.
fn all_programs() -> Vec<String> {
    let dir = conform_dir();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| {
            let p = e.ok()?.path();
            if p.extension()? == "erl" {
                Some(p.file_stem()?.to_str()?.to_owned())
            } else {
                None
            }
        })
        .collect();
    names.sort();
    names
}

fn selected_programs() -> Vec<String> {
    let all = all_programs();
    assert!(
        !all.is_empty(),
        "no programs found in {}",
        conform_dir().display()
    );
    match std::env::var("CONFORM_FILTER") {
        Ok(f) if !f.is_empty() => {
            let sel: Vec<String> = all.into_iter().filter(|n| n.contains(&f)).collect();
            assert!(
                !sel.is_empty(),
                "CONFORM_FILTER={f:?} matches no program in tests/conform"
            );
            sel
        }
        _ => all,
    }
}

/// Fails the test when erlc is not on PATH -- even if every .beam in the
/// build directory is already up to date, so a machine without OTP can never
/// "pass" on stale artifacts.
fn require_erlc() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        let cand = dir.join("erlc");
        if cand.is_file() {
            return cand;
        }
    }
    panic!(
        "conform: `erlc` was not found on PATH.\n\
         The conformance tests compile tests/conform/*.erl with the Erlang/OTP 25 \
         compiler; install OTP 25 (erl, erlc) and put it on PATH."
    );
}

/// The goldens come from OTP 25; another release's compiler would produce
/// different .beam files (and its erl different output).
fn require_otp25() {
    let out = Command::new("erl")
        .args([
            "-noshell",
            "-eval",
            "io:put_chars(erlang:system_info(otp_release)), halt().",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("conform: cannot run `erl` to check the OTP release: {e}"));
    let release = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(
        release, "25",
        "conform: the goldens were recorded with OTP 25 but `erl` on PATH is OTP {release:?}"
    );
}

fn mtime(p: &Path) -> Option<SystemTime> {
    fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// Compiles the stale programs among `names` with erlc. Panics (failing the
/// test) if erlc is missing or a program does not compile.
fn compile(names: &[String]) {
    let erlc = require_erlc();
    require_otp25();
    let src = conform_dir();
    let out = build_dir();
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));

    // Any header change rebuilds everything.
    let newest_hrl = fs::read_dir(&src)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "hrl"))
        .filter_map(|p| mtime(&p))
        .max();

    let stale: Vec<String> = names
        .iter()
        .filter(|n| {
            let beam = out.join(format!("{n}.beam"));
            let erl = src.join(format!("{n}.erl"));
            match (mtime(&beam), mtime(&erl)) {
                (Some(b), Some(e)) => b < e || newest_hrl.is_some_and(|h| b < h),
                _ => true,
            }
        })
        .map(|n| format!("{n}.erl"))
        .collect();
    if stale.is_empty() {
        return;
    }

    let result = Command::new(&erlc)
        .arg("-o")
        .arg(&out)
        .args(&stale)
        .current_dir(&src)
        .stdin(Stdio::null())
        .output();
    let output = match result {
        Ok(o) => o,
        Err(e) if e.kind() == io::ErrorKind::NotFound => panic!(
            "conform: `erlc` was not found on PATH.\n\
             The conformance tests compile tests/conform/*.erl with the Erlang/OTP 25 \
             compiler; install OTP 25 (erl, erlc) and put it on PATH."
        ),
        Err(e) => panic!("conform: cannot run erlc: {e}"),
    };
    if !output.status.success() {
        panic!(
            "conform: erlc failed ({}) compiling {:?}\n{}{}",
            output.status,
            stale,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    for n in &stale {
        let beam = out.join(n.replace(".erl", ".beam"));
        assert!(
            beam.exists(),
            "conform: erlc reported success but {} is missing",
            beam.display()
        );
    }
}

/// Arguments from NAME.args: one per line, no file means no arguments.
fn program_args(name: &str) -> Vec<String> {
    match fs::read_to_string(conform_dir().join(format!("{name}.args"))) {
        Ok(text) => {
            let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
            if lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop(); // the final newline does not start another argument
            }
            lines
        }
        Err(_) => Vec::new(),
    }
}

struct Golden {
    stdout: Vec<u8>,
    status: i32,
}

fn load_golden(name: &str) -> Result<Golden, String> {
    let g = golden_dir();
    let stdout = fs::read(g.join(format!("{name}.stdout"))).map_err(|e| {
        format!("missing golden/{name}.stdout ({e}); run tests/conform/record-golden.sh {name}")
    })?;
    let status_text = fs::read_to_string(g.join(format!("{name}.status"))).map_err(|e| {
        format!("missing golden/{name}.status ({e}); run tests/conform/record-golden.sh {name}")
    })?;
    let status = status_text
        .trim()
        .parse()
        .map_err(|_| format!("golden/{name}.status is not a number: {status_text:?}"))?;
    Ok(Golden { stdout, status })
}

/// How a run ended.
enum End {
    Exited(ExitStatus),
    TimedOut,
}

struct RunOutput {
    end: End,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    elapsed: Duration,
}

/// Reads a pipe to its end on a helper thread. The bytes read so far stay
/// available through the returned buffer even if the read never finishes
/// (e.g. a grandchild of a killed VM still holds the pipe open).
struct Drain {
    buf: Arc<Mutex<Vec<u8>>>,
    done: mpsc::Receiver<()>,
}

impl Drain {
    fn start<R: Read + Send + 'static>(mut r: R) -> Drain {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let (tx, done) = mpsc::channel();
        let b = Arc::clone(&buf);
        thread::spawn(move || {
            let mut chunk = [0u8; 64 * 1024];
            loop {
                match r.read(&mut chunk) {
                    Ok(0) => break,
                    Ok(n) => {
                        let mut kept = b.lock().unwrap();
                        let room = CAPTURE_LIMIT.saturating_sub(kept.len());
                        kept.extend_from_slice(&chunk[..n.min(room)]);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                }
            }
            let _ = tx.send(());
        });
        Drain { buf, done }
    }

    /// Waits (boundedly) for end of file, then returns what was read.
    fn finish(self, grace: Duration) -> Vec<u8> {
        let _ = self.done.recv_timeout(grace);
        let mut kept = self.buf.lock().unwrap();
        std::mem::take(&mut *kept)
    }
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> io::Result<End> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(End::Exited(status));
        }
        if start.elapsed() >= timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(End::TimedOut);
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

fn run_vm(name: &str, tier: &str, args: &[String]) -> io::Result<RunOutput> {
    let build = build_dir();
    let beam = build.join(format!("{name}.beam"));
    let start = Instant::now();
    let mut child = Command::new(VM)
        .arg("run")
        .arg("--jit")
        .arg(tier)
        .args(if tier == "tiered" {
            &["--jit-threshold", "3"][..]
        } else {
            &[][..]
        })
        .arg("-pa")
        .arg(&build)
        .arg(&beam)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let out = Drain::start(child.stdout.take().unwrap());
    let err = Drain::start(child.stderr.take().unwrap());
    let end = wait_with_timeout(&mut child, TIMEOUT)?;
    let elapsed = start.elapsed();
    let stdout = out.finish(Duration::from_secs(5));
    let stderr = err.finish(Duration::from_secs(5));
    Ok(RunOutput {
        end,
        stdout,
        stderr,
        elapsed,
    })
}

fn describe_status(s: &ExitStatus) -> String {
    if let Some(code) = s.code() {
        return code.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = s.signal() {
            return format!(
                "killed by signal {sig}{}",
                if s.core_dumped() {
                    " (core dumped)"
                } else {
                    ""
                }
            );
        }
    }
    s.to_string()
}

fn show_line(line: Option<&[u8]>) -> String {
    match line {
        None => "<end of output>".to_owned(),
        Some(l) => {
            let text = String::from_utf8_lossy(l);
            let mut shown: String = format!("{text:?}");
            if shown.chars().count() > 240 {
                shown = shown.chars().take(240).collect::<String>() + "...";
            }
            shown
        }
    }
}

/// Describes the first difference between two outputs, or None if equal.
fn stdout_diff(expected: &[u8], got: &[u8]) -> Option<String> {
    if expected == got {
        return None;
    }
    let exp: Vec<&[u8]> = expected.split(|&b| b == b'\n').collect();
    let act: Vec<&[u8]> = got.split(|&b| b == b'\n').collect();
    let n = exp.len().max(act.len());
    for i in 0..n {
        let (e, a) = (exp.get(i).copied(), act.get(i).copied());
        if e != a {
            // A trailing "" element means the output ended with a newline.
            let e = if i + 1 == exp.len() && e == Some(&b""[..]) {
                None
            } else {
                e
            };
            let a = if i + 1 == act.len() && a == Some(&b""[..]) {
                None
            } else {
                a
            };
            if e.is_none() && a.is_none() {
                let (has, lacks) = if expected.ends_with(b"\n") {
                    ("expected", "got")
                } else {
                    ("got", "expected")
                };
                return Some(format!(
                    "stdout differs only in the final newline: {has} ends with a newline, {lacks} does not \
                     (expected {} bytes, got {} bytes)",
                    expected.len(),
                    got.len()
                ));
            }
            return Some(format!(
                "stdout differs at line {} (expected {} bytes, got {} bytes):\n      expected: {}\n      got:      {}",
                i + 1,
                expected.len(),
                got.len(),
                show_line(e),
                show_line(a)
            ));
        }
    }
    Some(format!(
        "stdout differs (expected {} bytes, got {} bytes)",
        expected.len(),
        got.len()
    ))
}

fn stderr_head(stderr: &[u8]) -> String {
    if stderr.is_empty() {
        return "    stderr: (empty)\n".to_owned();
    }
    let text = String::from_utf8_lossy(stderr);
    let mut s = format!("    stderr (first {STDERR_LINES} lines):\n");
    let total = text.lines().count();
    for l in text.lines().take(STDERR_LINES) {
        s.push_str("      | ");
        s.push_str(l);
        s.push('\n');
    }
    if total > STDERR_LINES {
        s.push_str(&format!(
            "      | ... ({} more lines)\n",
            total - STDERR_LINES
        ));
    }
    s
}

/// Runs one (program, tier) pair: Ok(()) on a match, Err(report) otherwise,
/// plus how long the VM ran (if it did).
fn check(name: &str, tier: &str) -> (Result<(), String>, Option<Duration>) {
    let header = format!("--- FAIL {name} [--jit {tier}]\n");
    let golden = match load_golden(name) {
        Ok(g) => g,
        Err(e) => return (Err(format!("{header}    {e}\n")), None),
    };
    let args = program_args(name);
    let run = match run_vm(name, tier, &args) {
        Ok(r) => r,
        Err(e) => return (Err(format!("{header}    cannot run {VM}: {e}\n")), None),
    };
    (compare(&header, &golden, &args, &run), Some(run.elapsed))
}

fn compare(header: &str, golden: &Golden, args: &[String], run: &RunOutput) -> Result<(), String> {
    let mut problems = Vec::new();
    match &run.end {
        End::TimedOut => problems.push(format!(
            "TIMEOUT: killed after {} s (expected exit status {})",
            TIMEOUT.as_secs(),
            golden.status
        )),
        End::Exited(st) => {
            if st.code() != Some(golden.status) {
                problems.push(format!(
                    "exit status: expected {}, got {}",
                    golden.status,
                    describe_status(st)
                ));
            }
        }
    }
    if let Some(d) = stdout_diff(&golden.stdout, &run.stdout) {
        problems.push(d);
    }
    if problems.is_empty() {
        return Ok(());
    }
    let mut report = header.to_owned();
    if !args.is_empty() {
        report.push_str(&format!("    args: {args:?}\n"));
    }
    report.push_str(&format!("    ran {:.2} s\n", run.elapsed.as_secs_f64()));
    for p in problems {
        report.push_str("    ");
        report.push_str(&p);
        report.push('\n');
    }
    report.push_str(&stderr_head(&run.stderr));
    Err(report)
}

/// One job's result: its index, pass or the failure report, its time.
type Outcome = (usize, Result<(), String>, Option<Duration>);

#[test]
fn conform() {
    let programs = selected_programs();
    compile(&programs);

    let jobs: Vec<(usize, &str, &str)> = programs
        .iter()
        .flat_map(|p| TIERS.iter().map(move |t| (p.as_str(), *t)))
        .enumerate()
        .map(|(i, (p, t))| (i, p, t))
        .collect();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Outcome>> = Mutex::new(Vec::new());

    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(&(idx, name, tier)) = jobs.get(i) else {
                    break;
                };
                let (r, took) = check(name, tier);
                results.lock().unwrap().push((idx, r, took));
            });
        }
    });

    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _, _)| *i);
    let passed = results.iter().filter(|(_, r, _)| r.is_ok()).count();
    let failures: Vec<&String> = results
        .iter()
        .filter_map(|(_, r, _)| r.as_ref().err())
        .collect();

    let mut report = String::new();
    for f in &failures {
        report.push_str(f);
    }
    // Slow runs are worth knowing about even when they pass.
    let mut slow: Vec<(Duration, String)> = results
        .iter()
        .filter_map(|(i, _, took)| {
            let (_, name, tier) = jobs[*i];
            took.filter(|d| *d >= SLOW)
                .map(|d| (d, format!("{name} [--jit {tier}]")))
        })
        .collect();
    slow.sort_by_key(|s| std::cmp::Reverse(s.0));
    if !slow.is_empty() {
        report.push_str(&format!(
            "slow runs (>= {} s; the timeout is {} s):\n",
            SLOW.as_secs(),
            TIMEOUT.as_secs()
        ));
        for (d, what) in slow {
            report.push_str(&format!("    {:6.2} s  {what}\n", d.as_secs_f64()));
        }
    }
    let summary = format!("conform: {} passed, {} failed", passed, failures.len());
    if failures.is_empty() {
        println!("{report}{summary}");
        return;
    }
    println!("{report}\n{summary}");
    panic!(
        "{} of {} conformance runs failed (report above)\n{summary}",
        failures.len(),
        results.len()
    );
}

/// Every program has a golden, every golden and .args file has a program.
/// Needs neither erlc nor a working VM.
#[test]
fn goldens_complete() {
    let programs = all_programs();
    let mut problems = Vec::new();
    for n in &programs {
        if let Err(e) = load_golden(n) {
            problems.push(e);
        }
    }
    for dir in [golden_dir(), conform_dir()] {
        for e in fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()) {
            let p = e.path();
            let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
            let in_golden = dir == golden_dir();
            let relevant = if in_golden {
                ext == "stdout" || ext == "status"
            } else {
                ext == "args"
            };
            if !relevant {
                continue;
            }
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_owned();
            if !programs.contains(&stem) {
                problems.push(format!("{} has no program {stem}.erl", p.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "conform corpus is inconsistent:\n  {}",
        problems.join("\n  ")
    );
}
