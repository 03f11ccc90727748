//! The benchmark suite: every program in `benches/erl/` (plus a start-up
//! row) under `erl` and under `beamz-jit run` for each execution tier,
//! interleaved, N runs each; checks that beamz-jit prints exactly what erl
//! prints; writes `perf-reports/YYYY-MM-DD-<slug>.{md,csv,svg}`.
//!
//!     cargo bench --bench suite
//!
//! Environment: `BENCH_RUNS` (default 3), `BENCH_FILTER` (substring of the
//! program names to run; a first plain argument after `--` does the same),
//! `BENCH_TIMEOUT` (seconds per run, default 120), `BENCH_SLUG` (report
//! file name part, default `suite`). See benches/README.md.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use indicatif::{ProgressBar, ProgressStyle};

/// An execution tier of beamz-jit: the name used in the report and the
/// arguments that select it. A tier that `beamz-jit run` refuses (non-zero
/// exit on the start-up program) is reported as unavailable and skipped,
/// so this list can name tiers before they are built.
struct Tier {
    name: &'static str,
    args: &'static [&'static str],
}

/// The single-process programs: the JIT's speed-up is measured on these
/// (the others are dominated by the scheduler, or measure start-up/memory).
const SEQUENTIAL: &[&str] = &[
    "fib",
    "tak",
    "nrev",
    "qsort",
    "mandelbrot",
    "nbody",
    "fannkuch",
    "binarytrees",
    "pidigits",
    "bin_build",
    "maps_bench",
    "ets_bench",
    "iolib_strings",
];

const TIERS: &[Tier] = &[
    Tier {
        name: "off",
        args: &["--jit", "off"],
    },
    // The default tier once the JIT exists.
    Tier {
        name: "tiered",
        args: &["--jit", "tiered"],
    },
];

/// Table order (the order); other programs in benches/erl follow
/// alphabetically.
const ORDER: &[&str] = &[
    "startup",
    "fib",
    "tak",
    "nrev",
    "qsort",
    "mandelbrot",
    "nbody",
    "fannkuch",
    "binarytrees",
    "pidigits",
    "bin_build",
    "maps_bench",
    "ets_bench",
    "ring",
    "pingpong",
    "spawn_mass",
    "selective",
    "parallel",
    "gen_server_calls",
    "iolib_strings",
    "idle_procs",
];

const STARTUP_ERL: &str =
    "%% Start-up: a main/0 that prints one line (benches/startup.sh's program).
-module(startup).
-export([main/0]).
main() -> io:format(\"started~n\").
";

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
enum Runner {
    Erl,
    Beamz(usize), // index into TIERS
}

impl Runner {
    fn label(self) -> String {
        match self {
            Runner::Erl => "erl".into(),
            Runner::Beamz(t) => format!("beamz-{}", TIERS[t].name),
        }
    }
}

struct Program {
    name: String,
    what: String,
}

/// One measured run of one program under one runner.
struct Sample {
    run: usize,
    program: String,
    runner: Runner,
    wall: f64,
    user: f64,
    sys: f64,
    peak_kb: i64,
    exit: i32, // exit status, or -signal
    timed_out: bool,
    stdout: String,
    stderr: String,
    /// "ok", "ok-unverified", "mismatch", "exit N", "signal N", "timeout".
    status: String,
}

struct Measured {
    wall: f64,
    user: f64,
    sys: f64,
    peak_kb: i64,
    exit: i32,
    timed_out: bool,
    stdout: String,
    stderr: String,
}

/// Run `cmd` to completion with stdout/stderr in files, reaping it with
/// wait4 to get its peak RSS and CPU times; kill it after `timeout`.
fn measure(mut cmd: Command, timeout: Duration, scratch: &Path) -> std::io::Result<Measured> {
    let out_path = scratch.join("stdout.txt");
    let err_path = scratch.join("stderr.txt");
    cmd.stdin(Stdio::null())
        .stdout(File::create(&out_path)?)
        .stderr(File::create(&err_path)?);
    let t0 = Instant::now();
    let child = cmd.spawn()?;
    let pid = child.id() as libc::pid_t;
    let (tx, rx) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if rx.recv_timeout(timeout).is_err() {
            // SAFETY: plain kill(2) on our own unreaped child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            true
        } else {
            false
        }
    });
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; wait4 fills it.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: waiting for our own child; pointers are to locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
        if r == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            let _ = tx.send(());
            let _ = watchdog.join();
            return Err(e);
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let _ = tx.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    drop(child); // already reaped; Child's Drop neither waits nor kills
    let exit = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else if libc::WIFSIGNALED(status) {
        -libc::WTERMSIG(status)
    } else {
        -1
    };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Measured {
        wall,
        user: tv(ru.ru_utime),
        sys: tv(ru.ru_stime),
        peak_kb: ru.ru_maxrss as i64, // kilobytes on Linux
        exit,
        timed_out,
        stdout: String::from_utf8_lossy(&fs::read(&out_path)?).into_owned(),
        stderr: String::from_utf8_lossy(&fs::read(&err_path)?).into_owned(),
    })
}

fn erl_command(work: &Path, module: &str) -> Command {
    let mut c = Command::new("erl");
    c.arg("-noshell")
        .arg("-pa")
        .arg(work)
        .arg("-eval")
        .arg(format!("{module}:main(), halt()."));
    c
}

fn beamz_command(bin: &Path, tier: &Tier, work: &Path, module: &str) -> Command {
    beamz_command_with(bin, tier, &[], work, module)
}

/// `beamz_command` with `extra` options before the file.
fn beamz_command_with(
    bin: &Path,
    tier: &Tier,
    extra: &[&str],
    work: &Path,
    module: &str,
) -> Command {
    let mut c = Command::new(bin);
    c.arg("run")
        .args(tier.args)
        .args(extra)
        .arg("-pa")
        .arg(work)
        .arg(work.join(format!("{module}.beam")));
    c
}

/// Milliseconds the JIT spent compiling in one extra, untimed run of
/// `module` with `--jit-stats` (its "N functions compiled in T ms" line).
fn compile_ms(bin: &Path, tier: &Tier, work: &Path, module: &str) -> Option<f64> {
    let out = beamz_command_with(bin, tier, &["--jit-stats"], work, module)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err.lines().find(|l| l.contains("functions compiled in"))?;
    let after = line.split("compiled in ").nth(1)?;
    after.split(" ms").next()?.trim().parse().ok()
}

fn command_output(cmd: &str, args: &[&str]) -> Option<String> {
    let o = Command::new(cmd)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if o.status.success() {
        Some(String::from_utf8_lossy(&o.stdout).trim().to_string())
    } else {
        None
    }
}

fn loadavg() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (UTC).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + if m <= 2 { 1 } else { 0 }, m, d)
}

fn today() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The first sentence of a program's leading comment, as its description.
fn describe(src: &str) -> String {
    let text = src
        .lines()
        .map_while(|l| l.strip_prefix("%%"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let end = text.find(". ").map(|i| i + 1).unwrap_or(text.len());
    let mut d: String = text[..end].to_string();
    if d.chars().count() > 110 {
        d = d.chars().take(109).collect::<String>() + "…";
    }
    d
}

fn first_lines(s: &str, n: usize, max_chars: usize) -> String {
    let t: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).take(n).collect();
    let mut out = t.join(" / ");
    if out.chars().count() > max_chars {
        out = out.chars().take(max_chars).collect::<String>() + "…";
    }
    out
}

struct Machine {
    cpu: String,
    cores: usize,
    ram_gib: f64,
    os: String,
    kernel: String,
    otp: String,
    rustc: String,
}

fn machine() -> Machine {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = cpuinfo
        .lines()
        .filter(|l| l.starts_with("processor"))
        .count()
        .max(
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
        );
    let ram_gib = fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<f64>().ok())
        .map(|kb| kb / 1024.0 / 1024.0)
        .unwrap_or(0.0);
    let os = fs::read_to_string("/etc/os-release")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("PRETTY_NAME=")
                .map(|s| s.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| std::env::consts::OS.to_string());
    let kernel = fs::read_to_string("/proc/sys/kernel/osrelease")
        .unwrap_or_default()
        .trim()
        .to_string();
    let otp = command_output(
        "erl",
        &[
            "-noshell",
            "-eval",
            "io:format(\"OTP ~s, erts ~s, ~p schedulers online\", [erlang:system_info(otp_release), \
             erlang:system_info(version), erlang:system_info(schedulers_online)]), halt().",
        ],
    )
    .unwrap_or_else(|| "erl not found".into());
    let rustc = command_output("rustc", &["--version"]).unwrap_or_default();
    Machine {
        cpu,
        cores,
        ram_gib,
        os,
        kernel,
        otp,
        rustc,
    }
}

#[derive(Default)]
struct Cell {
    times: Vec<f64>,
    /// user + system CPU seconds per ok run.
    cpu: Vec<f64>,
    peak_kb: Option<i64>,
    /// Non-ok statuses seen, with the first stderr excerpt.
    failure: Option<(String, String)>,
    verified: bool,
}

impl Cell {
    fn median(&self) -> Option<f64> {
        if self.failure.is_some() {
            None
        } else {
            median(&self.times)
        }
    }
    fn cpu_median(&self) -> Option<f64> {
        if self.failure.is_some() {
            None
        } else {
            median(&self.cpu)
        }
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_beamz-jit"));
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let timeout_s: u64 = std::env::var("BENCH_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    let timeout = Duration::from_secs(timeout_s);
    let slug = std::env::var("BENCH_SLUG").unwrap_or_else(|_| "suite".into());
    // cargo bench passes `--bench`; a plain argument is a filter.
    let arg_filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let filter = std::env::var("BENCH_FILTER")
        .ok()
        .filter(|s| !s.is_empty())
        .or(arg_filter.clone());

    // Compile every program into a scratch directory.
    let work = std::env::temp_dir().join(format!("beamz-bench-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).expect("create scratch dir");
    let scratch = work.join("out");
    fs::create_dir_all(&scratch).expect("create scratch dir");
    fs::write(work.join("startup.erl"), STARTUP_ERL).expect("write startup.erl");
    let erl_dir = root.join("benches/erl");
    let mut sources: Vec<PathBuf> = fs::read_dir(&erl_dir)
        .expect("benches/erl")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "erl"))
        .collect();
    sources.push(work.join("startup.erl"));
    let mut programs: Vec<Program> = sources
        .iter()
        .map(|p| Program {
            name: p.file_stem().unwrap().to_string_lossy().into_owned(),
            what: describe(&fs::read_to_string(p).unwrap_or_default()),
        })
        .collect();
    let rank = |n: &str| ORDER.iter().position(|o| *o == n).unwrap_or(ORDER.len());
    programs.sort_by(|a, b| (rank(&a.name), &a.name).cmp(&(rank(&b.name), &b.name)));
    if let Some(f) = &filter {
        // Keep start-up: the idle-process memory row is relative to it.
        programs.retain(|p| p.name.contains(f.as_str()) || p.name == "startup");
    }
    let st = Command::new("erlc")
        .arg("-o")
        .arg(&work)
        .args(&sources)
        .status()
        .expect("erlc is needed to compile benches/erl (install Erlang/OTP 25)");
    assert!(st.success(), "erlc failed");

    let load_before = loadavg();
    let have_erl = command_output("erl", &["-noshell", "-eval", "halt()."]).is_some();
    if !have_erl {
        eprintln!("suite: erl not found: measuring beamz-jit alone, checksums unverified");
    }

    // Warm beamz-jit's support-module cache, then find which tiers run.
    let _ = measure(
        beamz_command(&bin, &TIERS[0], &work, "startup"),
        timeout,
        &scratch,
    );
    let mut runners = Vec::new();
    if have_erl {
        runners.push(Runner::Erl);
    }
    let mut unavailable: Vec<(String, String)> = Vec::new();
    for (i, t) in TIERS.iter().enumerate() {
        match measure(beamz_command(&bin, t, &work, "startup"), timeout, &scratch) {
            Ok(m) if m.exit == 0 && m.stdout == "started\n" => runners.push(Runner::Beamz(i)),
            Ok(m) => unavailable.push((t.name.to_string(), first_lines(&m.stderr, 2, 200))),
            Err(e) => unavailable.push((t.name.to_string(), e.to_string())),
        }
    }
    let tiers: Vec<usize> = runners
        .iter()
        .filter_map(|r| {
            if let Runner::Beamz(t) = r {
                Some(*t)
            } else {
                None
            }
        })
        .collect();
    assert!(
        !tiers.is_empty(),
        "beamz-jit runs in no tier: {unavailable:?}"
    );

    let total = (runs * programs.len() * runners.len()) as u64;
    let tty = std::io::stderr().is_terminal();
    let pb = ProgressBar::new(total);
    pb.set_style(
        ProgressStyle::with_template(
            "{bar:40.cyan/blue} {pos}/{len} [{elapsed_precise}, eta {eta}] {msg}",
        )
        .unwrap()
        .progress_chars("=> "),
    );
    let log = |pb: &ProgressBar, s: String| if tty { pb.println(s) } else { eprintln!("{s}") };

    let mut samples: Vec<Sample> = Vec::new();
    let mut expected: HashMap<String, String> = HashMap::new();
    let mut failed: HashSet<(String, Runner)> = HashSet::new();
    let mut debug_reason: HashMap<(String, Runner), String> = HashMap::new();
    for run in 1..=runs {
        for p in &programs {
            for &r in &runners {
                pb.set_message(format!("run {run}/{runs}: {} under {}", p.name, r.label()));
                if failed.contains(&(p.name.clone(), r)) {
                    pb.inc(1);
                    continue;
                }
                let cmd = match r {
                    Runner::Erl => erl_command(&work, &p.name),
                    Runner::Beamz(t) => beamz_command(&bin, &TIERS[t], &work, &p.name),
                };
                let m = match measure(cmd, timeout, &scratch) {
                    Ok(m) => m,
                    Err(e) => Measured {
                        wall: 0.0,
                        user: 0.0,
                        sys: 0.0,
                        peak_kb: 0,
                        exit: -1,
                        timed_out: false,
                        stdout: String::new(),
                        stderr: format!("could not run: {e}"),
                    },
                };
                let status = if m.timed_out {
                    "timeout".to_string()
                } else if m.exit > 0 {
                    format!("exit {}", m.exit)
                } else if m.exit < 0 {
                    format!("signal {}", -m.exit)
                } else {
                    match (r, expected.get(&p.name)) {
                        (Runner::Erl, _) => {
                            expected
                                .entry(p.name.clone())
                                .or_insert_with(|| m.stdout.clone());
                            "ok".to_string()
                        }
                        (_, Some(e)) if *e == m.stdout => "ok".to_string(),
                        (_, Some(_)) => "mismatch".to_string(),
                        (_, None) => "ok-unverified".to_string(),
                    }
                };
                let ok = status.starts_with("ok");
                log(
                    &pb,
                    format!(
                        "{:>3}/{runs} {:<18} {:<14} {:>8.3}s {:>8.1}MB  {}",
                        run,
                        p.name,
                        r.label(),
                        m.wall,
                        m.peak_kb as f64 / 1024.0,
                        if ok {
                            status.clone()
                        } else {
                            format!("{status}: {}", first_lines(&m.stderr, 1, 120))
                        }
                    ),
                );
                if !ok {
                    failed.insert((p.name.clone(), r));
                    // Ask beamz-jit why (untimed): BEAMZ_DEBUG=1 names the
                    // exit reason of every process that died.
                    if let (Runner::Beamz(t), false) = (r, m.timed_out) {
                        let mut c = beamz_command(&bin, &TIERS[t], &work, &p.name);
                        c.env("BEAMZ_DEBUG", "1");
                        if let Ok(d) = measure(c, timeout, &scratch) {
                            let lines: Vec<&str> = d
                                .stderr
                                .lines()
                                .filter(|l| l.starts_with("beamz:"))
                                .collect();
                            let first = lines.first().copied().unwrap_or("");
                            let excerpt: String = first.chars().take(400).collect();
                            debug_reason.insert((p.name.clone(), r), excerpt);
                        }
                    }
                }
                samples.push(Sample {
                    run,
                    program: p.name.clone(),
                    runner: r,
                    wall: m.wall,
                    user: m.user,
                    sys: m.sys,
                    peak_kb: m.peak_kb,
                    exit: m.exit,
                    timed_out: m.timed_out,
                    stdout: m.stdout,
                    stderr: m.stderr,
                    status,
                });
                pb.inc(1);
            }
        }
    }
    pb.finish_and_clear();

    // Aggregate.
    let mut cells: BTreeMap<(String, Runner), Cell> = BTreeMap::new();
    for s in &samples {
        let c = cells.entry((s.program.clone(), s.runner)).or_default();
        if s.status.starts_with("ok") {
            c.times.push(s.wall);
            c.cpu.push(s.user + s.sys);
            c.peak_kb = Some(c.peak_kb.map_or(s.peak_kb, |k| k.max(s.peak_kb)));
            c.verified = s.status == "ok";
        } else if c.failure.is_none() {
            let why = if s.status == "mismatch" {
                format!(
                    "printed `{}`, erl printed `{}`",
                    first_lines(&s.stdout, 2, 160),
                    first_lines(
                        expected.get(&s.program).map(String::as_str).unwrap_or(""),
                        2,
                        160
                    )
                )
            } else {
                first_lines(&s.stderr, 3, 300)
            };
            c.failure = Some((s.status.clone(), why));
        }
    }

    let date = today();
    let reports = root.join("perf-reports");
    fs::create_dir_all(&reports).expect("perf-reports/");
    let base = format!("{date}-{slug}");
    let md_path = reports.join(format!("{base}.md"));
    let csv_path = reports.join(format!("{base}.csv"));
    let svg_path = reports.join(format!("{base}.svg"));

    // CSV: one row per run.
    let mut csv =
        String::from("run,program,runner,wall_s,user_s,sys_s,peak_rss_kb,exit,timed_out,status\n");
    for s in &samples {
        let _ = writeln!(
            csv,
            "{},{},{},{:.4},{:.3},{:.3},{},{},{},{}",
            s.run,
            s.program,
            s.runner.label(),
            s.wall,
            s.user,
            s.sys,
            s.peak_kb,
            s.exit,
            s.timed_out,
            s.status
        );
    }
    fs::write(&csv_path, csv).expect("write csv");

    // Ratios per tier (beamz / erl), for the table, the geomean and the chart.
    let cell = |p: &str, r: Runner| cells.get(&(p.to_string(), r));
    let ratio = |p: &str, t: usize| -> Option<f64> {
        let e = cell(p, Runner::Erl)?.median()?;
        let b = cell(p, Runner::Beamz(t))?;
        if !b.verified {
            return None;
        }
        Some(b.median()? / e)
    };
    let cpu_ratio = |p: &str, t: usize| -> Option<f64> {
        let e = cell(p, Runner::Erl)?.cpu_median()?;
        let b = cell(p, Runner::Beamz(t))?;
        if !b.verified || e <= 0.0 {
            return None;
        }
        Some(b.cpu_median()? / e)
    };
    let geomean = |rs: &[f64]| (rs.iter().map(|r| r.ln()).sum::<f64>() / rs.len() as f64).exp();

    let load_after = loadavg();
    let m = machine();
    let commit = command_output(
        "git",
        &["-C", root.to_str().unwrap(), "rev-parse", "--short", "HEAD"],
    )
    .unwrap_or_else(|| "unknown".into());
    let dirty: Vec<String> = command_output(
        "git",
        &[
            "-C",
            root.to_str().unwrap(),
            "status",
            "--porcelain",
            "--untracked-files=no",
        ],
    )
    .map(|s| {
        s.lines()
            // "XY path": the output is trimmed, so take the last field
            // rather than a fixed column.
            .filter_map(|l| l.split_whitespace().last())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default();
    let mut command = String::new();
    for v in ["BENCH_RUNS", "BENCH_FILTER", "BENCH_TIMEOUT", "BENCH_SLUG"] {
        if let Ok(x) = std::env::var(v) {
            let _ = write!(command, "{v}={x} ");
        }
    }
    command.push_str("cargo bench --bench suite");
    if let Some(a) = &arg_filter {
        let _ = write!(command, " -- {a}");
    }

    let mut md = String::new();
    let _ = writeln!(md, "# Benchmark suite, {date}\n");
    let _ = writeln!(md, "- Command: `{command}`");
    let _ = writeln!(
        md,
        "- Commit: {commit}{}",
        if !dirty.is_empty() {
            format!(" (built with uncommitted changes to: {})", dirty.join(", "))
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        md,
        "- Machine: {} cores ({}), {:.1} GiB RAM, {}, Linux {}",
        m.cores, m.cpu, m.ram_gib, m.os, m.kernel
    );
    let _ = writeln!(
        md,
        "- Load average (1 min) before / after the runs: {load_before} / {load_after} (other work on the \
         machine inflates times; the suite keeps one core busy, both for the parallel programs under erl)"
    );
    let _ = writeln!(
        md,
        "- erl: {} (`erl -noshell -pa DIR -eval 'M:main(), halt().'`)",
        m.otp
    );
    let _ = writeln!(
        md,
        "- beamz-jit: `target/release/beamz-jit run --jit TIER -pa DIR DIR/M.beam`, built by cargo bench ({}); tiers measured: {}{}",
        m.rustc,
        tiers.iter().map(|t| TIERS[*t].name).collect::<Vec<_>>().join(", "),
        if unavailable.is_empty() {
            String::new()
        } else {
            format!(
                "; not available yet: {}",
                unavailable.iter().map(|(n, why)| format!("{n} (\"{why}\")")).collect::<Vec<_>>().join(", ")
            )
        }
    );
    let _ = writeln!(
        md,
        "- Method: {runs} runs of each program under each runner, interleaved (each run goes through every \
         program, and each program through erl then every tier). Time is the wall time of the whole OS \
         process, start-up included (`std::time::Instant` around spawn and `wait4`); peak memory is the \
         child's `ru_maxrss` from `wait4` (the largest over the runs). Seconds are medians. Ratio = \
         beamz-jit / erl, so **> 1 means beamz-jit is slower**. CPU ratio compares median user + system \
         CPU seconds instead: it is less disturbed by other load on the machine, but counts erl's idle \
         schedulers' busy-waiting and both cores for the parallel programs. Checksum ok = beamz-jit's stdout is byte for \
         byte erl's. A runner that fails once is not run again for that program. Per-run timeout: {timeout_s} s.\n"
    );

    // Main table.
    let mut head = String::from("| program | what | erl s |");
    let mut rule = String::from("|---|---|---:|");
    for &t in &tiers {
        let n = TIERS[t].name;
        let _ = write!(
            head,
            " beamz {n} s | ratio {n}/erl | CPU ratio {n}/erl | checksum {n} |"
        );
        rule.push_str("---:|---:|---:|---|");
    }
    head.push_str(" erl peak MB |");
    rule.push_str("---:|");
    for &t in &tiers {
        let _ = write!(head, " beamz {} peak MB |", TIERS[t].name);
        rule.push_str("---:|");
    }
    let _ = writeln!(md, "{head}\n{rule}");
    let fmt_s = |c: Option<&Cell>| match c {
        Some(c) => match (&c.failure, c.median()) {
            (Some((st, _)), _) => st.clone(),
            (None, Some(x)) => format!("{x:.3}"),
            _ => "–".into(),
        },
        None => "–".into(),
    };
    let fmt_mb = |c: Option<&Cell>| {
        c.and_then(|c| c.peak_kb)
            .map_or("–".into(), |k| format!("{:.1}", k as f64 / 1024.0))
    };
    for p in &programs {
        let mut row = format!(
            "| {} | {} | {} |",
            p.name,
            p.what.replace('|', "\\|"),
            fmt_s(cell(&p.name, Runner::Erl))
        );
        for &t in &tiers {
            let b = cell(&p.name, Runner::Beamz(t));
            let ck = match b {
                Some(c) if c.failure.as_ref().is_some_and(|f| f.0 == "mismatch") => {
                    "**MISMATCH**".to_string()
                }
                Some(c) if c.failure.is_some() => "failed".into(),
                Some(c) if c.verified => "ok".into(),
                Some(_) => "unverified".into(),
                None => "–".into(),
            };
            let r = ratio(&p.name, t).map_or("–".into(), |r| format!("{r:.2}"));
            let cr = cpu_ratio(&p.name, t).map_or("–".into(), |r| format!("{r:.2}"));
            let _ = write!(row, " {} | {r} | {cr} | {ck} |", fmt_s(b));
        }
        let _ = write!(row, " {} |", fmt_mb(cell(&p.name, Runner::Erl)));
        for &t in &tiers {
            let _ = write!(row, " {} |", fmt_mb(cell(&p.name, Runner::Beamz(t))));
        }
        let _ = writeln!(md, "{row}");
    }
    md.push('\n');
    for &t in &tiers {
        let rs: Vec<f64> = programs
            .iter()
            .filter(|p| p.name != "startup")
            .filter_map(|p| ratio(&p.name, t))
            .collect();
        let bench_count = programs.iter().filter(|p| p.name != "startup").count();
        let crs: Vec<f64> = programs
            .iter()
            .filter(|p| p.name != "startup")
            .filter_map(|p| cpu_ratio(&p.name, t))
            .collect();
        if !rs.is_empty() {
            let _ = writeln!(
                md,
                "**Geometric mean of beamz {} / erl: {:.2}** (wall time; CPU time: {:.2}) over the {} of \
                 {bench_count} programs that ran with the same output on both (the start-up row is not \
                 included).\n",
                TIERS[t].name,
                geomean(&rs),
                if crs.is_empty() { f64::NAN } else { geomean(&crs) },
                rs.len()
            );
        }
    }

    // The JIT's own speed-up: off / tier on the single-process programs.
    let off = TIERS.iter().position(|t| t.name == "off");
    if let Some(off) = off.filter(|o| tiers.contains(o)) {
        for &t in tiers.iter().filter(|&&t| t != off) {
            let mut rows = Vec::new();
            for name in SEQUENTIAL {
                let (Some(a), Some(b)) = (
                    cell(name, Runner::Beamz(off)).filter(|c| c.verified),
                    cell(name, Runner::Beamz(t)).filter(|c| c.verified),
                ) else {
                    continue;
                };
                // each round runs off and then the tier back to back:
                // their ratio is less exposed to the machine's slow spells
                let paired: Vec<f64> = a.times.iter().zip(&b.times).map(|(x, y)| x / y).collect();
                if let (Some(am), Some(bm), Some(pm)) = (a.median(), b.median(), median(&paired)) {
                    let ms = compile_ms(&bin, &TIERS[t], &work, name);
                    rows.push((
                        *name,
                        am / bm,
                        pm,
                        ms.map(|ms| (ms, 100.0 * (ms / 1000.0) / bm)),
                    ));
                }
            }
            if rows.is_empty() {
                continue;
            }
            let _ = writeln!(
                md,
                "## JIT speed-up: off / {}\n\nOn the {} single-process programs (`SEQUENTIAL` in \
                 benches/suite.rs; > 1 means the JIT tier is faster):\n",
                TIERS[t].name,
                SEQUENTIAL.len()
            );
            let _ = writeln!(
                md,
                "| program | off s / {0} s | same, paired by round | compile ms | compile % of the {0} run |\n|---|---:|---:|---:|---:|",
                TIERS[t].name
            );
            for (name, r, pr, c) in &rows {
                let (ms, pct) = c.map_or(("–".into(), "–".into()), |(ms, pct)| {
                    (format!("{ms:.1}"), format!("{pct:.1}"))
                });
                let _ = writeln!(md, "| {name} | {r:.2} | {pr:.2} | {ms} | {pct} |");
            }
            let rs: Vec<f64> = rows.iter().map(|r| r.1).collect();
            let ps: Vec<f64> = rows.iter().map(|r| r.2).collect();
            let _ = writeln!(
                md,
                "\n**Geometric mean of off / {}: {:.2}** over {} programs (paired by round: {:.2}).\n",
                TIERS[t].name,
                geomean(&rs),
                rs.len(),
                geomean(&ps)
            );
            let _ = writeln!(
                md,
                "Paired by round: the median over rounds of off s / {0} s within one round, where \
                 the two run back to back (the ratio of medians can pair a slow spell of the \
                 machine with a fast one). Compile ms: the JIT's compile time (`--jit-stats`) in \
                 one extra, untimed run; compile %: that over the median {0} time above (the \
                 compiler thread runs beside the scheduler, so it adds CPU time, not necessarily \
                 wall time).\n",
                TIERS[t].name
            );
        }
    }

    // Start-up and memory per idle process.
    let _ = writeln!(md, "## Start-up and idle processes\n");
    let idle_n = expected
        .get("idle_procs")
        .and_then(|s| s.split_whitespace().nth(1))
        .and_then(|n| n.parse::<f64>().ok());
    for r in &runners {
        let s = cell("startup", *r).and_then(|c| c.median());
        let per = match (
            idle_n,
            cell("idle_procs", *r).and_then(|c| c.peak_kb),
            cell("startup", *r).and_then(|c| c.peak_kb),
        ) {
            (Some(n), Some(i), Some(s))
                if cell("idle_procs", *r).is_some_and(|c| c.failure.is_none()) =>
            {
                Some((i - s) as f64 * 1024.0 / n)
            }
            _ => None,
        };
        let _ = writeln!(
            md,
            "- {}: start-up {} ms; memory per idle process {}",
            r.label(),
            s.map_or("–".into(), |s| format!("{:.1}", s * 1000.0)),
            per.map_or("–".into(), |b| format!("{b:.0} bytes"))
        );
    }
    let _ = writeln!(
        md,
        "\nMemory per idle process = (peak RSS of `idle_procs`, which spawns {} processes that wait in \
         `receive`, − peak RSS of `startup`) / {0}.\n",
        idle_n.map_or("N".into(), |n| format!("{n:.0}"))
    );

    // Failures.
    let mut notes = String::new();
    for p in &programs {
        for &r in &runners {
            if let Some(c) = cell(&p.name, r) {
                if let Some((st, why)) = &c.failure {
                    let _ = write!(notes, "- **{}** under {}: {st}", p.name, r.label());
                    if !why.is_empty() {
                        let _ = write!(notes, ": `{}`", why.replace('`', "'"));
                    }
                    if let Some(d) = debug_reason.get(&(p.name.clone(), r)) {
                        if !d.is_empty() {
                            let _ =
                                write!(notes, ". With `BEAMZ_DEBUG=1`: `{}`", d.replace('`', "'"));
                        }
                    }
                    notes.push('\n');
                }
            }
        }
    }
    let _ = writeln!(md, "## Failures and unsupported programs\n");
    if notes.is_empty() {
        let _ = writeln!(md, "None.\n");
    } else {
        let _ = writeln!(md, "{notes}");
    }

    // Chart.
    let chart_rows: Vec<(String, Vec<Option<f64>>)> = programs
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                tiers.iter().map(|&t| ratio(&p.name, t)).collect(),
            )
        })
        .collect();
    match draw_chart(&svg_path, &chart_rows, &tiers) {
        Ok(()) => {
            let _ = writeln!(
                md,
                "## Chart\n\n![beamz-jit / erl time per program]({base}.svg)\n"
            );
        }
        Err(e) => eprintln!("suite: chart not drawn: {e}"),
    }
    let _ = writeln!(
        md,
        "Raw data, one row per run: [{base}.csv]({base}.csv). Programs: `benches/erl/`."
    );
    fs::write(&md_path, &md).expect("write report");
    let _ = fs::remove_dir_all(&work);

    println!("{md}");
    println!(
        "wrote {}\n      {}\n      {}",
        md_path.display(),
        csv_path.display(),
        svg_path.display()
    );
}

/// Horizontal bars of beamz/erl per program on a log axis, from 1 (as fast
/// as erl) to the ratio: left of the line is faster than erl.
fn draw_chart(
    path: &Path,
    rows: &[(String, Vec<Option<f64>>)],
    tiers: &[usize],
) -> Result<(), Box<dyn std::error::Error>> {
    use plotters::prelude::*;
    let n = rows.len();
    let all: Vec<f64> = rows
        .iter()
        .flat_map(|r| r.1.iter().flatten().copied())
        .collect();
    let lo = all.iter().copied().fold(0.5f64, f64::min) / 1.6;
    let hi = all.iter().copied().fold(2.0f64, f64::max) * 1.6;
    let height = 90 + 26 * n as u32;
    let root = SVGBackend::new(path, (900, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "beamz-jit time / erl time (log scale; left of 1 = faster than erl)",
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(130)
        .build_cartesian_2d((lo..hi).log_scale(), 0f64..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_label_formatter(&|x| format!("{x}"))
        .x_desc("ratio")
        .draw()?;
    // Program names, right-aligned left of the plot, one per row (row 0 at the top).
    let name_style = ("sans-serif", 13).into_font().into_text_style(&root).pos(
        plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Right,
            plotters::style::text_anchor::VPos::Center,
        ),
    );
    for (row, (name, _)) in rows.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(lo, n as f64 - row as f64 - 0.5));
        root.draw_text(name, &name_style, (px - 8, py))?;
    }
    let palette = [
        RGBColor(214, 96, 77),
        RGBColor(67, 147, 195),
        RGBColor(120, 120, 120),
    ];
    let k = tiers.len().max(1);
    let band = 0.7 / k as f64;
    for (row, (_name, rs)) in rows.iter().enumerate() {
        // Row 0 at the top.
        let top = n as f64 - row as f64 - 0.15;
        for (j, r) in rs.iter().enumerate() {
            let y1 = top - band * j as f64;
            let y0 = y1 - band;
            match r {
                Some(r) => {
                    let color = if *r <= 1.0 {
                        RGBColor(90, 174, 97)
                    } else {
                        palette[j % palette.len()]
                    };
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [(1.0, y0), (*r, y1)],
                        color.filled(),
                    )))?;
                    let at = r.max(1.0) * 1.04;
                    chart.draw_series(std::iter::once(Text::new(
                        format!("{r:.2}"),
                        (at, y1 - band * 0.15),
                        ("sans-serif", 12).into_font(),
                    )))?;
                }
                None => {
                    chart.draw_series(std::iter::once(Text::new(
                        "did not run / failed".to_string(),
                        (1.04, y1 - band * 0.15),
                        ("sans-serif", 12).into_font().color(&RGBColor(160, 0, 0)),
                    )))?;
                }
            }
        }
    }
    chart.draw_series(LineSeries::new(
        vec![(1.0, 0.0), (1.0, n as f64)],
        BLACK.stroke_width(1),
    ))?;
    if k > 1 {
        for (j, &t) in tiers.iter().enumerate() {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(lo, 0.0), (lo, 0.0)],
                    palette[j % palette.len()].filled(),
                )))?
                .label(format!("--jit {}", TIERS[t].name))
                .legend(move |(x, y)| {
                    Rectangle::new(
                        [(x, y - 5), (x + 10, y + 5)],
                        palette[j % palette.len()].filled(),
                    )
                });
        }
        chart
            .configure_series_labels()
            .background_style(WHITE)
            .border_style(BLACK)
            .draw()?;
    }
    root.present()?;
    Ok(())
}
