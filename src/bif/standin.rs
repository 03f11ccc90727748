//! Native stand-ins for OTP functions that talk to system processes this VM
//! does not boot (`init`, `code_server`): they answer as those servers
//! would for a program started with `erl -noshell` and no extra flags.
//! Once the kernel is booted for real (issue: concurrency and OTP) these
//! rows go away.

use super::{Bif, Exc};
use crate::process::Process;
use crate::term::{atom, Term};

type R = Result<Term, Exc>;

/// Modules `erl -noshell` has loaded once booted (`code:all_loaded()` on
/// OTP 25). We load lazily, so code that asks whether one of these is
/// loaded (`module_loaded/1`, `function_exported/3`, ...) loads it first
/// and gets erl's answer.
pub const BOOT_LOADED: &[&str] = &[
    "application",
    "application_controller",
    "application_master",
    "atomics",
    "beam_lib",
    "binary",
    "c",
    "code",
    "code_server",
    "counters",
    "erl_anno",
    "erl_distribution",
    "erl_eval",
    "erl_features",
    "erl_init",
    "erl_internal",
    "erl_lint",
    "erl_parse",
    "erl_prim_loader",
    "erl_scan",
    "erl_signal_handler",
    "erl_tracer",
    "erlang",
    "erpc",
    "error_handler",
    "error_logger",
    "erts_code_purger",
    "erts_dirty_process_signal_handler",
    "erts_internal",
    "erts_literal_area_collector",
    "ets",
    "file",
    "file_io_server",
    "file_server",
    "filename",
    "gb_sets",
    "gb_trees",
    "gen",
    "gen_event",
    "gen_server",
    "global",
    "global_group",
    "heart",
    "inet",
    "inet_config",
    "inet_db",
    "inet_gethost_native",
    "inet_parse",
    "inet_udp",
    "init",
    "io_lib",
    "kernel",
    "kernel_config",
    "kernel_refc",
    "lists",
    "logger",
    "logger_backend",
    "logger_config",
    "logger_filters",
    "logger_formatter",
    "logger_h_common",
    "logger_handler_watcher",
    "logger_olp",
    "logger_proxy",
    "logger_server",
    "logger_simple_h",
    "logger_std_h",
    "logger_sup",
    "maps",
    "net_kernel",
    "orddict",
    "ordsets",
    "os",
    "otp_internal",
    "peer",
    "persistent_term",
    "prim_buffer",
    "prim_eval",
    "prim_file",
    "prim_inet",
    "prim_net",
    "prim_socket",
    "prim_zip",
    "proc_lib",
    "proplists",
    "queue",
    "rand",
    "raw_file_io",
    "rpc",
    "socket_registry",
    "standard_error",
    "string",
    "supervisor",
    "supervisor_bridge",
    "unicode",
    "unicode_util",
    "user",
    "user_sup",
    "zlib",
];

/// Load `m` now if erl would have it loaded after boot. True if loaded.
pub fn loaded_like_erl(m: crate::term::Atom) -> bool {
    if crate::code::is_loaded(m) {
        return true;
    }
    let boot = atom::with_name(m, |n| BOOT_LOADED.contains(&n));
    boot && crate::vm::ensure_loaded(m)
}

/// The flags `erl -noshell` shows in `init:get_arguments/0` (OTP 25, in
/// its order): the installation root, erts' `bin` directory, the program
/// name, the home directory, and `noshell`.
fn boot_arguments() -> Vec<(&'static str, Vec<String>)> {
    let root = crate::vm::vm()
        .otp_root
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .unwrap_or_default();
    let bindir = std::fs::read_dir(&root)
        .ok()
        .and_then(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("erts-"))
                })
                .max()
        })
        .map(|d| d.join("bin"))
        .unwrap_or_else(|| root.join("bin"));
    let home = std::env::var("HOME").unwrap_or_default();
    vec![
        ("root", vec![root.to_string_lossy().to_string()]),
        ("bindir", vec![bindir.to_string_lossy().to_string()]),
        ("progname", vec!["erl".to_string()]),
        ("home", vec![home]),
        ("noshell", vec![]),
    ]
}

/// `init:get_argument/1`: `{ok, [Values]}` for a flag erl was started
/// with, else `error`.
fn get_argument1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Ok(Term::atom(atom::ERROR));
    }
    let name = atom::name(a[0].atom_value());
    match boot_arguments().into_iter().find(|(k, _)| *k == name) {
        Some((_, vals)) => {
            let strs: Vec<Term> = vals.iter().map(|v| p.heap.string(v)).collect();
            let l = p.heap.list(&strs);
            let ll = p.heap.list(&[l]);
            Ok(p.heap.tuple(&[Term::atom(atom::OK), ll]))
        }
        None => Ok(Term::atom(atom::ERROR)),
    }
}

/// `init:get_arguments/0`: `[{Flag, Values}]`.
fn get_arguments0(p: &mut Process, _a: &[Term]) -> R {
    let mut items = Vec::new();
    for (k, vals) in boot_arguments() {
        let strs: Vec<Term> = vals.iter().map(|v| p.heap.string(v)).collect();
        let l = p.heap.list(&strs);
        let key = Term::atom(atom::intern_static(k));
        items.push(p.heap.tuple(&[key, l]));
    }
    Ok(p.heap.list(&items))
}

/// `init:get_plain_arguments/0`: none (the program's arguments go to
/// `main/1`).
fn no_arguments(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::NIL)
}

/// `init:get_status/0`.
fn get_status0(p: &mut Process, _a: &[Term]) -> R {
    let s = Term::atom(atom::intern_static("started"));
    Ok(p.heap.tuple(&[s, s]))
}

/// `init:stop/0,1` behave as `halt/0,1` here (no applications to stop).
fn stop0(_p: &mut Process, _a: &[Term]) -> R {
    Err(Exc::halt(0))
}

fn stop1(_p: &mut Process, a: &[Term]) -> R {
    if a[0].is_small() && a[0].small_value() >= 0 {
        Err(Exc::halt(a[0].small_value() & 0xFF))
    } else {
        Err(Exc::halt(1))
    }
}

/// `code:ensure_modules_loaded/1`: load each from the code path.
fn ensure_modules_loaded1(p: &mut Process, a: &[Term]) -> R {
    let mut bad = Vec::new();
    for m in a[0].iter_list() {
        if !m.is_atom() {
            return Err(Exc::badarg());
        }
        if !crate::vm::ensure_loaded(m.atom_value()) {
            let nofile = Term::atom(atom::intern_static("nofile"));
            bad.push(p.heap.tuple(&[m, nofile]));
        }
    }
    if bad.is_empty() {
        Ok(Term::atom(atom::OK))
    } else {
        let l = p.heap.list(&bad);
        Ok(p.heap.tuple(&[Term::atom(atom::ERROR), l]))
    }
}

/// `code:is_loaded/1`.
fn is_loaded1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    if crate::code::is_loaded(a[0].atom_value()) {
        let f = p.heap.string("beamz");
        Ok(p.heap.tuple(&[Term::atom(atom::FILE), f]))
    } else {
        Ok(Term::bool(false))
    }
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "init",
        name: "get_argument",
        arity: 1,
        f: get_argument1,
    },
    Bif {
        module: "init",
        name: "get_arguments",
        arity: 0,
        f: get_arguments0,
    },
    Bif {
        module: "init",
        name: "get_plain_arguments",
        arity: 0,
        f: no_arguments,
    },
    Bif {
        module: "init",
        name: "get_status",
        arity: 0,
        f: get_status0,
    },
    Bif {
        module: "init",
        name: "stop",
        arity: 0,
        f: stop0,
    },
    Bif {
        module: "init",
        name: "stop",
        arity: 1,
        f: stop1,
    },
    Bif {
        module: "code",
        name: "ensure_modules_loaded",
        arity: 1,
        f: ensure_modules_loaded1,
    },
    Bif {
        module: "code",
        name: "is_loaded",
        arity: 1,
        f: is_loaded1,
    },
];
