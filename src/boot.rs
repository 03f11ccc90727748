//! Starting a program: the bootstrap module every process starts in, the
//! code path, the group leader, the entry process, and turning how the run
//! ended into an exit status.
//!
//! Exit statuses: 0 when the entry function returns; N for `halt(N)`;
//! 127 for an uncaught exception in the entry process (as escript); 2 when
//! the program cannot be started (bad file, no OTP, no main function); 3
//! when every process waits forever (deadlock).

use crate::bif::process::{spawn_with, Entry};
use crate::bif::Class;
use crate::code::{self, instr::Instr, Module};
use crate::heap::Heap;
use crate::otp;
use crate::process::Process;
use crate::sched::{self, End};
use crate::term::{atom, Term};
use crate::vm::{self, vm};
use std::path::PathBuf;

pub struct RunConfig {
    /// Scheduler threads (0: one per core).
    pub schedulers: usize,
    pub file: PathBuf,
    pub args: Vec<String>,
    pub pa: Vec<PathBuf>,
    pub otp_root: Option<PathBuf>,
}

pub const EXIT_CRASH: i32 = 127;
pub const EXIT_START: i32 = 2;
pub const EXIT_DEADLOCK: i32 = 3;

/// Install `beamz_boot`: entry 0 applies x0:x1(x2...), entry 1 calls the
/// fun in x0; both as tail calls onto the process's exit continuation.
pub(crate) fn install_boot_module() -> Result<u16, String> {
    let idx = code::next_index().ok_or("too many modules")?;
    let m = Module {
        name: atom::intern_static("beamz_boot"),
        index: idx,
        code: vec![
            Instr::ApplyBif {
                arity: 3,
                tail: Some(0),
            },
            Instr::ApplyBif {
                arity: 2,
                tail: Some(0),
            },
            Instr::IntCodeEnd,
        ]
        .into_boxed_slice(),
        functions: Vec::new(),
        line_at: Vec::new(),
        line_items: Vec::new(),
        files: Vec::new(),
        imports: Box::new([]),
        lambdas: Box::new([]),
        exports: Vec::new(),
        literal_heap: Heap::literal(),
        strings: Vec::new(),
        attributes: Term::NIL,
        compile_info: Term::NIL,
        tier: crate::tier::Slots::new(0),
    };
    Ok(code::install(m))
}

/// `BEAMZ_STATS=1`: one line of run statistics on stderr at exit.
fn print_stats() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("0");
    eprintln!(
        "beamz-stats: peak_rss_kb={} modules={} atoms={}",
        hwm,
        code::loaded_names().len(),
        atom::count()
    );
}

fn start_error(msg: &str) -> i32 {
    eprintln!("beamz-jit: {msg}");
    EXIT_START
}

/// Run a program to completion; returns the process exit status.
pub fn run(cfg: RunConfig) -> i32 {
    let root = match otp::find_root(cfg.otp_root.as_deref()) {
        Ok(r) => r,
        Err(e) => return start_error(&e),
    };
    let is_erl = cfg.file.extension().is_some_and(|e| e == "erl");
    let beam = if is_erl {
        match otp::compile_cached(&root, &cfg.file) {
            Ok(b) => b,
            Err(e) => return start_error(&e),
        }
    } else {
        cfg.file.clone()
    };
    let support = match otp::support_dir(&root) {
        Ok(d) => d,
        Err(e) => return start_error(&e),
    };
    {
        let mut path = vm().code_path.lock().unwrap_or_else(|e| e.into_inner());
        path.extend(cfg.pa.iter().cloned());
        if let Some(dir) = beam.parent() {
            let dir = if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir.to_path_buf()
            };
            path.push(dir);
        }
        path.push(support);
        path.extend(otp::library_path(&root));
    }
    *vm().otp_root.lock().unwrap_or_else(|e| e.into_inner()) = Some(root.clone());
    let boot = match install_boot_module() {
        Ok(b) => b,
        Err(e) => return start_error(&e),
    };
    *vm().boot_module.lock().unwrap_or_else(|e| e.into_inner()) = boot;

    let midx = match crate::loader::load_file(&beam) {
        Ok(i) => i,
        Err(e) => return start_error(&format!("cannot load {}: {e}", beam.display())),
    };
    let Some(module) = code::module(midx) else {
        return start_error("module vanished after loading");
    };
    let main = atom::MAIN;
    let arity = if module.exports.contains(&(main, 1)) {
        1
    } else if module.exports.contains(&(main, 0)) {
        0
    } else {
        return start_error(&format!(
            "{} exports neither main/1 nor main/0",
            atom::name(module.name)
        ));
    };

    // The root process: parent of the group leader and the entry process;
    // never scheduled.
    let mut root_p = Process::new(vm::next_pid(), Term::NIL);
    let gl_mod = Term::atom(atom::intern_static("beamz_gl"));
    let gl = match spawn_with(
        &mut root_p,
        Entry::Mfa(gl_mod, Term::atom(atom::intern_static("server")), Term::NIL),
        false,
        None,
    ) {
        Ok(pid) => pid,
        Err(_) => return start_error("cannot start the group leader"),
    };
    vm().registry
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(atom::USER, gl);
    if let Ok(se) = spawn_with(
        &mut root_p,
        Entry::Mfa(
            gl_mod,
            Term::atom(atom::intern_static("stderr_server")),
            Term::NIL,
        ),
        false,
        None,
    ) {
        vm().registry
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(atom::intern_static("standard_error"), se);
    }
    root_p.group_leader = Term::pid(gl);
    *vm().group_leader.lock().unwrap_or_else(|e| e.into_inner()) = Term::pid(gl);

    let args = if arity == 1 {
        let strs: Vec<Term> = cfg.args.iter().map(|a| root_p.heap.string(a)).collect();
        let l = root_p.heap.list(&strs);
        root_p.heap.list(&[l])
    } else {
        Term::NIL
    };
    let main_pid = match spawn_with(
        &mut root_p,
        Entry::Mfa(Term::atom(module.name), Term::atom(main), args),
        false,
        None,
    ) {
        Ok(pid) => pid,
        Err(_) => return start_error("cannot start the entry process"),
    };

    let report = move |p: &mut Process, class: Class, reason: Term, trace: Term| -> Option<u64> {
        let c = Term::atom(class.atom());
        let a = p.heap.list(&[c, reason, trace]);
        let f = Term::atom(atom::intern_static("crash_report"));
        spawn_with(p, Entry::Mfa(gl_mod, f, a), false, None).ok()
    };
    let threads = if cfg.schedulers == 0 {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    } else {
        cfg.schedulers
    };
    let end = sched::run(main_pid, threads, &report);
    vm::flush_stdout();
    if std::env::var_os("BEAMZ_STATS").is_some() {
        print_stats();
    }
    match end {
        End::Normal => 0,
        End::Halt(n) => n,
        End::Crashed => EXIT_CRASH,
        End::Deadlock => {
            eprintln!(
                "beamz-jit: deadlock: the entry process waits for a message that can never arrive"
            );
            EXIT_DEADLOCK
        }
    }
}
