//! Looking inside the JIT: `--jit-stats` (printed on stderr at exit: what
//! was compiled, and which instructions compiled code ran through the
//! interpreter most often), the
//! perf map (`/tmp/perf-<pid>.map`, so `perf report` names compiled
//! Erlang functions) and CLIF dumps of chosen functions.

use beamz_cranelift::{ir, Compiled};
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

#[derive(Default)]
struct Stats {
    functions: usize,
    code_bytes: usize,
    compile_time: Duration,
    inline_ops: usize,
    stepped_ops: usize,
    refused: Vec<(String, String)>,
    /// The slowest compilations: time, function, ops.
    slowest: Vec<(Duration, String, usize)>,
}

static STATS: Mutex<Option<Stats>> = Mutex::new(None);
static PERF_MAP: AtomicBool = AtomicBool::new(false);
static COUNT_STEPS: AtomicBool = AtomicBool::new(false);
/// Steps by instruction name (only counted with `--jit-stats`).
static STEPS: Mutex<Option<HashMap<String, u64>>> = Mutex::new(None);

pub fn set_stats(on: bool) {
    let _ = START.get_or_init(std::time::Instant::now);
    COUNT_STEPS.store(on, Ordering::Relaxed);
}

/// Compiled code is stepping the instruction at `(mi, ip)`.
#[inline]
pub(super) fn stepping(mi: u16, ip: u32) {
    if COUNT_STEPS.load(Ordering::Relaxed) {
        count_step(mi, ip);
    }
}

#[cold]
fn count_step(mi: u16, ip: u32) {
    let Some(i) = crate::code::module_ref(mi).and_then(|m| m.code.get(ip as usize)) else {
        return;
    };
    let d = format!("{i:?}");
    let name = d
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("?")
        .to_string();
    let mut s = STEPS.lock().unwrap_or_else(|e| e.into_inner());
    *s.get_or_insert_with(HashMap::new).entry(name).or_insert(0) += 1;
}
static DUMP: Mutex<Option<String>> = Mutex::new(None);
/// When the VM started (set with the stats), for compile time as a share
/// of the run.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

pub fn set_perf_map(on: bool) {
    PERF_MAP.store(on, Ordering::Relaxed);
}

/// Print the CLIF of functions whose `module:function/arity` starts with
/// `pattern`.
pub fn set_dump(pattern: Option<String>) {
    *DUMP.lock().unwrap_or_else(|e| e.into_inner()) = pattern;
}

pub(super) fn wants_dump(name: &str) -> bool {
    DUMP.lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_deref()
        .is_some_and(|p| name.starts_with(p))
}

pub(super) fn compiled(f: &ir::Function, c: &Compiled) {
    let mut s = STATS.lock().unwrap_or_else(|e| e.into_inner());
    let s = s.get_or_insert_with(Stats::default);
    s.functions += 1;
    s.code_bytes += c.size;
    s.compile_time += c.time;
    s.inline_ops += c.counts.inline;
    s.stepped_ops += c.counts.stepped;
    s.slowest.push((c.time, f.name.clone(), f.ops.len()));
    s.slowest.sort_by_key(|e| std::cmp::Reverse(e.0));
    s.slowest.truncate(3);
    if let Some(clif) = &c.clif {
        eprintln!("; {} ({} ops)\n{clif}", f.name, f.ops.len());
    }
    if PERF_MAP.load(Ordering::Relaxed) {
        let path = format!("/tmp/perf-{}.map", std::process::id());
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(file, "{:x} {:x} {}", c.address, c.size.max(1), f.name);
        }
    }
}

pub(super) fn refused(name: &str, why: &str) {
    let mut s = STATS.lock().unwrap_or_else(|e| e.into_inner());
    let s = s.get_or_insert_with(Stats::default);
    s.refused.push((name.to_string(), why.to_string()));
}

/// `--jit-stats`: one summary on stderr.
pub fn print_stats() {
    let s = STATS.lock().unwrap_or_else(|e| e.into_inner());
    let d = Stats::default();
    let s = s.as_ref().unwrap_or(&d);
    let total = (s.inline_ops + s.stepped_ops).max(1);
    eprintln!(
        "jit: {} functions compiled in {:.1} ms, {} bytes of code; ops inline {} ({:.0}%), through the interpreter {}; refused {}",
        s.functions,
        s.compile_time.as_secs_f64() * 1000.0,
        s.code_bytes,
        s.inline_ops,
        100.0 * s.inline_ops as f64 / total as f64,
        s.stepped_ops,
        s.refused.len()
    );
    if let Some(start) = START.get() {
        let run = start.elapsed().as_secs_f64();
        eprintln!(
            "jit: compile time {:.1}% of the run so far ({:.2} s)",
            100.0 * s.compile_time.as_secs_f64() / run.max(1e-9),
            run
        );
    }
    for (n, why) in &s.refused {
        eprintln!("jit: refused {n}: {why}");
    }
    if !s.slowest.is_empty() {
        let v: Vec<String> = s
            .slowest
            .iter()
            .map(|(t, n, ops)| format!("{n} ({ops} ops) {:.1} ms", t.as_secs_f64() * 1000.0))
            .collect();
        eprintln!("jit: slowest compiles: {}", v.join(", "));
    }
    let steps = STEPS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(steps) = steps.as_ref() {
        let mut v: Vec<(&String, &u64)> = steps.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let total: u64 = v.iter().map(|e| *e.1).sum();
        let top: Vec<String> = v.iter().take(8).map(|(n, c)| format!("{n} {c}")).collect();
        eprintln!(
            "jit: {total} steps through the interpreter; most: {}",
            top.join(", ")
        );
    }
}
