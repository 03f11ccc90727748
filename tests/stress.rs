//! Stress tests and resource limits (issue 7): the Erlang programs under
//! `tests/stress/` run on the `beamz-jit` binary and their exact output is
//! checked. Each stress test has a smoke size (run in CI, seconds) and a
//! full size run with `STRESS_FULL=1`:
//!
//! ```sh
//! cargo test --release --test stress -- --nocapture               # smoke
//! STRESS_FULL=1 cargo test --release --test stress -- --nocapture --test-threads 1
//! ```
//!
//! Each run prints its wall time and peak RSS (the VM's `BEAMZ_STATS=1`
//! report) on stderr for docs/RELIABILITY.md; nothing here asserts a time.
//! A run that has not finished after [`HANG_LIMIT`] is killed and fails the
//! test as a hang.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Longer than any full-size run takes; only a hang gets here.
const HANG_LIMIT: Duration = Duration::from_secs(600);

fn full() -> bool {
    std::env::var_os("STRESS_FULL").is_some()
}

/// Smoke size, or full size under `STRESS_FULL=1`.
fn size(smoke: u64, full_size: u64) -> u64 {
    if full() {
        full_size
    } else {
        smoke
    }
}

/// Compile every program under tests/stress once; the output directory.
fn build_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("stress");
        std::fs::create_dir_all(&dir).unwrap();
        let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/stress");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&src)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "erl"))
            .collect();
        files.sort();
        let st = Command::new("erlc")
            .arg("-o")
            .arg(&dir)
            .args(&files)
            .status()
            .expect("erlc is required (apt-get install -y erlang-base)");
        assert!(st.success(), "erlc failed");
        dir
    })
}

struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
    secs: f64,
    peak_rss_kb: u64,
}

/// Run `PROGRAM.beam ARGS` with the VM options `opts`.
fn run(program: &str, opts: &[&str], args: &[String]) -> Run {
    let dir = build_dir();
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_beamz-jit"))
        .arg("run")
        .args(opts)
        .arg("-pa")
        .arg(dir)
        .arg(dir.join(format!("{program}.beam")))
        .args(args)
        .env("BEAMZ_STATS", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes on threads so a chatty child never blocks.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > HANG_LIMIT {
            child.kill().ok();
            child.wait().ok();
            panic!("{program} {args:?} {opts:?}: still running after {HANG_LIMIT:?} (hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let secs = start.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).into_owned();
    let peak_rss_kb = stderr
        .lines()
        .find_map(|l| l.strip_prefix("beamz-stats: peak_rss_kb="))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let r = Run {
        stdout,
        stderr,
        code: status.code(),
        secs,
        peak_rss_kb,
    };
    eprintln!(
        "stress: {program} {} {}: {:.2} s, peak RSS {} MB",
        opts.join(" "),
        args.join(" "),
        r.secs,
        r.peak_rss_kb / 1024
    );
    r
}

/// The run ended normally (status 0, no panic or abort) with exactly
/// `expected` on stdout.
fn expect_ok(r: &Run, expected: &str) {
    assert_eq!(r.code, Some(0), "status; stderr:\n{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert_eq!(r.stdout, expected, "stderr:\n{}", r.stderr);
}

#[test]
fn many_live_processes() {
    let n = size(20_000, 1_000_000);
    // erl needs +P for a million; so does beamz-jit.
    let r = run(
        "stress_procs",
        &["--process-limit", "2000000"],
        &[n.to_string()],
    );
    let sum = n * (n + 1); // 2 * (1 + ... + n)
    expect_ok(&r, &format!("alive {n}\nanswers {n} sum {sum}\n"));
    eprintln!(
        "stress: {n} processes: {} bytes of peak RSS per process",
        r.peak_rss_kb * 1024 / n
    );
}

#[test]
fn million_message_mailbox_selective_receive() {
    let n = size(20_000, 1_000_000);
    let k = size(200, 1_000);
    let r = run("stress_mailbox", &[], &[n.to_string(), k.to_string()]);
    let drained = n * (n + 1) / 2;
    let calls: u64 = (1..=k).map(|i| i + 1).sum();
    expect_ok(
        &r,
        &format!("queued {n}\ndrained {drained}\ncalls {calls}\nleft {n}\ndrained {drained}\n"),
    );
}

#[test]
fn process_with_a_large_heap() {
    // 5 words per element: 50M elements is a 2 GB live heap.
    let n = size(200_000, 50_000_000);
    let r = run("stress_heap", &[], &[n.to_string()]);
    let sum: u64 = 4 * n * (n + 1) / 2;
    expect_ok(
        &r,
        &format!("length {n}\nsum {sum}\njunk 100000\nlast {{1,3}}\n"),
    );
}

#[test]
fn sixteen_processes_hammer_one_ets_table() {
    let k = size(2_000, 100_000);
    for sched in ["1", "2"] {
        let r = run("stress_ets", &["--schedulers", sched], &[k.to_string()]);
        let w = 16;
        expect_ok(
            &r,
            &format!(
                "workers {w}\nsize {}\ntotal {}\nown [{k}]\nsum {}\n",
                w * k + w + 1,
                w * k,
                w * k * (k + 1) / 2
            ),
        );
    }
}

#[test]
fn infinite_loops_beside_normal_work() {
    let n = size(50, 500);
    let sum: u64 = (1..=n).map(|i| work(i * 1000)).sum();
    for (sched, jit) in [("1", "off"), ("1", "tiered"), ("2", "tiered")] {
        let r = run(
            "stress_spin",
            &["--schedulers", sched, "--jit", jit],
            &[n.to_string()],
        );
        expect_ok(&r, &format!("workers {n} sum {sum}\nafter sleep\n"));
    }
}

/// `stress_spin:work/2` in Rust.
fn work(i: u64) -> u64 {
    (1..=i).map(|j| j % 7).sum()
}

#[test]
fn spawning_past_the_process_limit_raises_system_limit() {
    let r = run("limit_procs", &["--process-limit", "1024"], &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // erl logs the failure through the logger, on stdout, with a time
    // stamp: check the lines around it.
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with("=ERROR REPORT==== ")),
        "{}",
        r.stdout
    );
    assert!(lines.contains(&"Too many processes"), "{}", r.stdout);
    assert!(lines.contains(&"system_limit true"), "{}", r.stdout);
    assert_eq!(lines.last(), Some(&"spawned again true"), "{}", r.stdout);
}

#[test]
fn filling_the_atom_table_raises_system_limit() {
    let r = run("limit_atoms", &[], &[]);
    expect_ok(
        &r,
        "limit 1048576\nerror:system_limit\nsystem_limit\nsystem_limit\nbadarg\nbadarg\nlimit_atoms\n",
    );
}

#[test]
fn max_heap_size_reports_and_kills() {
    let r = run("limit_max_heap", &[], &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines.contains(&"down killed"), "{}", r.stdout);
    for want in [
        "     Context:            maximum heap size reached",
        "     Max Heap Size:      100000",
        "     Kill:               true",
        "     Error Logger:       true",
    ] {
        assert!(lines.contains(&want), "{want:?} in\n{}", r.stdout);
    }
}

#[test]
fn deep_recursion_is_bounded_by_max_heap_size() {
    for jit in ["off", "tiered"] {
        let r = run("limit_deep", &["--jit", jit], &[]);
        expect_ok(&r, "deep killed\n1000000\n");
    }
}
