//! OTP 26 instructions: `bs_match` (182) and `update_record` (181).
//!
//! No OTP 26 compiler is available, so `tests/otp26/beam26.erl` builds
//! OTP 26-form `.beam` files with OTP 25's: it compiles a conformance
//! program to assembly, rewrites the OTP 25 sequences that OTP 26 emits as
//! `bs_match` / `update_record` into those instructions, and assembles
//! the result with OTP 25's assembler taught the new opcodes. The meaning
//! is unchanged, so each program (listed in `tests/otp26/programs.txt`)
//! must print exactly its erl golden (`tests/conform/golden/`) in every
//! tier. Each listed program must get at least one rewrite, and the loader
//! must find exactly the instructions the tool says it wrote.

use beamz::code::instr::Instr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::thread;

const VM: &str = env!("CARGO_BIN_EXE_beamz-jit");
const TIERS: &[&str] = &["off", "eager", "tiered"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn programs() -> Vec<String> {
    let text = fs::read_to_string(root().join("tests/otp26/programs.txt")).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Compile the rewriting tool; its directory.
fn tool(dir: &Path) -> PathBuf {
    let out = dir.join("tool");
    fs::create_dir_all(&out).unwrap();
    let st = Command::new("erlc")
        .arg("-o")
        .arg(&out)
        .arg(root().join("tests/otp26/beam26.erl"))
        .status()
        .expect("erlc is required (apt-get install -y erlang-base)");
    assert!(st.success(), "erlc failed on beam26.erl");
    out
}

/// Build NAME's OTP 26-form beam into `out`: (bs_match, update_record)
/// rewrites, as the tool reports them.
fn build(tool: &Path, name: &str, out: &Path) -> Result<(usize, usize), String> {
    let o = Command::new("erl")
        .args(["-noshell", "-pa"])
        .arg(tool)
        .arg("-eval")
        .arg(format!(
            "beam26:build(\"{name}.erl\", \"{}\")",
            out.display()
        ))
        .current_dir(root().join("tests/conform"))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run erl: {e}"))?;
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    if !o.status.success() {
        return Err(format!(
            "beam26 failed on {name}: {text}{}",
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    let count = |key: &str| -> Option<usize> {
        text.split_whitespace()
            .find_map(|w| w.strip_prefix(key))
            .and_then(|v| v.parse().ok())
    };
    match (count("bs_match="), count("update_record=")) {
        (Some(b), Some(u)) => Ok((b, u)),
        _ => Err(format!("beam26 printed no counts for {name}: {text:?}")),
    }
}

fn golden(name: &str) -> (Vec<u8>, i32) {
    let g = root().join("tests/conform/golden");
    let stdout = fs::read(g.join(format!("{name}.stdout"))).unwrap();
    let status = fs::read_to_string(g.join(format!("{name}.status")))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (stdout, status)
}

fn args(name: &str) -> Vec<String> {
    match fs::read_to_string(root().join(format!("tests/conform/{name}.args"))) {
        Ok(t) => {
            let mut l: Vec<String> = t.split('\n').map(str::to_owned).collect();
            if l.last().is_some_and(|s| s.is_empty()) {
                l.pop();
            }
            l
        }
        Err(_) => Vec::new(),
    }
}

/// Everything wrong with one program, or nothing.
fn check(tool: &Path, name: &str, out: &Path) -> Vec<String> {
    let mut bad = Vec::new();
    let (b, u) = match build(tool, name, out) {
        Ok(c) => c,
        Err(e) => return vec![e],
    };
    if b + u == 0 {
        bad.push(format!(
            "{name}: no bs_match or update_record was written (drop it from programs.txt)"
        ));
    }
    let bytes = fs::read(out.join(format!("{name}.beam"))).unwrap();
    match beamz::loader::prepare(&bytes) {
        Ok(m) => {
            let lb = m
                .code
                .iter()
                .filter(|i| matches!(i, Instr::BsMatch { .. }))
                .count();
            let lu = m
                .code
                .iter()
                .filter(|i| matches!(i, Instr::UpdateRecord { .. }))
                .count();
            if (lb, lu) != (b, u) {
                bad.push(format!(
                    "{name}: the tool wrote {b} bs_match / {u} update_record, the loader found {lb} / {lu}"
                ));
            }
        }
        Err(e) => bad.push(format!("{name}: the loader refused it: {e}")),
    }
    let (want, status) = golden(name);
    for tier in TIERS {
        let o = Command::new(VM)
            .args(["run", "--jit", tier, "--jit-threshold", "3", "-pa"])
            .arg(out)
            .arg(out.join(format!("{name}.beam")))
            .args(args(name))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        if o.stdout != want || o.status.code() != Some(status) {
            let first = want
                .split(|&c| c == b'\n')
                .zip(o.stdout.split(|&c| c == b'\n'))
                .position(|(a, b)| a != b);
            bad.push(format!(
                "{name} [--jit {tier}]: status {:?} (want {status}), stdout {} bytes (want {}), first differing line {:?}\n{}",
                o.status.code(),
                o.stdout.len(),
                want.len(),
                first.map(|l| l + 1),
                String::from_utf8_lossy(&o.stderr).lines().take(10).collect::<Vec<_>>().join("\n")
            ));
        }
    }
    bad
}

#[test]
fn otp26_forms_match_erl() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("otp26");
    let out = dir.join("beam");
    fs::create_dir_all(&out).unwrap();
    let tool = tool(&dir);
    let names = programs();
    assert!(
        names.len() >= 10,
        "tests/otp26/programs.txt lists too few programs"
    );
    let queue = Mutex::new(names.clone());
    let failures = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let Some(name) = queue.lock().unwrap().pop() else {
                    break;
                };
                let bad = check(&tool, &name, &out);
                failures.lock().unwrap().extend(bad);
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} OTP 26-form programs failed:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
