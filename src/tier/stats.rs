//! Looking inside the JIT: `--jit-stats` (printed on stderr at exit), the
//! perf map (`/tmp/perf-<pid>.map`, so `perf report` names compiled
//! Erlang functions) and CLIF dumps of chosen functions.

use beamz_cranelift::{ir, Compiled};
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
}

static STATS: Mutex<Option<Stats>> = Mutex::new(None);
static PERF_MAP: AtomicBool = AtomicBool::new(false);
static DUMP: Mutex<Option<String>> = Mutex::new(None);

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
    for (n, why) in &s.refused {
        eprintln!("jit: refused {n}: {why}");
    }
}
