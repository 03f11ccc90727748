//! Native stand-ins for the file-finding half of OTP's code server and
//! boot loader (`code:where_is_file/1`, `code:lib_dir/0,1,2`,
//! `code:root_dir/0`, `code:priv_dir/1`, `code:get_path/0`, `code:which/1`,
//! `erl_prim_loader:get_file/1`). This VM loads modules itself from its code
//! path (`vm().code_path`: `-pa` directories, the program's directory, the
//! support directory, then OTP's `lib/*/ebin`) and runs no `code_server`
//! process; these answer from that path as the server would, so OTP code
//! that locates `.app` files or application directories (the application
//! controller, `application:load/1`) works.

use super::{Bif, Exc};
use crate::process::Process;
use crate::term::{atom, Term};
use std::path::{Path, PathBuf};

type R = Result<Term, Exc>;

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn code_path() -> Vec<PathBuf> {
    lock(&crate::vm::vm().code_path).clone()
}

fn root() -> Option<PathBuf> {
    lock(&crate::vm::vm().otp_root).clone()
}

/// A file name argument (`file:name_all()`): an atom, a binary, or a deep
/// list of characters, atoms and binaries.
pub(crate) fn file_name(t: Term) -> Result<String, Exc> {
    fn walk(t: Term, out: &mut String, depth: u32) -> Result<(), Exc> {
        if depth > 10_000 {
            return Err(Exc::badarg());
        }
        if t.is_atom() {
            atom::with_name(t.atom_value(), |n| out.push_str(n));
            return Ok(());
        }
        if t.is_bitstring() {
            let bytes = crate::bif::binaries::iolist_bytes(t)?;
            out.push_str(std::str::from_utf8(&bytes).map_err(|_| Exc::badarg())?);
            return Ok(());
        }
        let mut it = t.iter_list();
        for c in &mut it {
            if c.is_small() {
                let ch = char::from_u32(c.small_value() as u32).ok_or_else(Exc::badarg)?;
                out.push(ch);
            } else {
                walk(c, out, depth + 1)?;
            }
        }
        if it.rest().is_nil() {
            Ok(())
        } else {
            Err(Exc::badarg())
        }
    }
    let mut s = String::new();
    walk(t, &mut s, 0)?;
    Ok(s)
}

fn path_string(p: &mut Process, path: &Path) -> Term {
    p.heap.string(&path.to_string_lossy())
}

/// The OTP library directory of application `app` (`lib/APP-VSN`, the
/// newest version when several are installed), if any.
fn lib_dir_of(app: &str) -> Option<PathBuf> {
    let lib = root()?.join("lib");
    let prefix = format!("{app}-");
    let mut best: Option<PathBuf> = None;
    for e in std::fs::read_dir(&lib).ok()?.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().to_string();
        let is_app = name == app
            || name
                .strip_prefix(&prefix)
                .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()));
        if is_app && best.as_ref().is_none_or(|b| e.path() > *b) {
            best = Some(e.path());
        }
    }
    if best.is_some() {
        return best;
    }
    // An application on the code path outside OTP: `DIR/ebin/APP.app`.
    code_path()
        .into_iter()
        .find(|d| d.join(format!("{app}.app")).is_file())
        .and_then(|d| d.parent().map(Path::to_path_buf))
}

/// `code:where_is_file/1`: the first directory on the code path holding
/// the file, joined with its name; `non_existing` if none does.
fn where_is_file1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    for dir in code_path() {
        let f = dir.join(&name);
        if f.is_file() {
            return Ok(path_string(p, &f));
        }
    }
    Ok(Term::atom(atom::intern_static("non_existing")))
}

/// `code:get_path/0`.
fn get_path0(p: &mut Process, _a: &[Term]) -> R {
    let items: Vec<Term> = code_path().iter().map(|d| path_string(p, d)).collect();
    Ok(p.heap.list(&items))
}

/// `code:root_dir/0`.
fn root_dir0(p: &mut Process, _a: &[Term]) -> R {
    let r = root().unwrap_or_default();
    Ok(path_string(p, &r))
}

/// `code:lib_dir/0`.
fn lib_dir0(p: &mut Process, _a: &[Term]) -> R {
    let r = root().unwrap_or_default().join("lib");
    Ok(path_string(p, &r))
}

fn bad_name(p: &mut Process) -> Term {
    let b = Term::atom(atom::intern_static("bad_name"));
    p.heap.tuple(&[Term::atom(atom::ERROR), b])
}

/// `code:lib_dir/1`.
fn lib_dir1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::error(Term::atom(atom::FUNCTION_CLAUSE)));
    }
    let app = atom::name(a[0].atom_value());
    match lib_dir_of(&app) {
        Some(d) => Ok(path_string(p, &d)),
        None => Ok(bad_name(p)),
    }
}

/// `code:lib_dir/2`: a subdirectory of an application's directory.
fn lib_dir2(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() || !a[1].is_atom() {
        return Err(Exc::error(Term::atom(atom::FUNCTION_CLAUSE)));
    }
    let app = atom::name(a[0].atom_value());
    let sub = atom::name(a[1].atom_value());
    match lib_dir_of(&app) {
        Some(d) => Ok(path_string(p, &d.join(sub))),
        None => Ok(bad_name(p)),
    }
}

/// `code:priv_dir/1`.
fn priv_dir1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::error(Term::atom(atom::FUNCTION_CLAUSE)));
    }
    let app = atom::name(a[0].atom_value());
    match lib_dir_of(&app) {
        Some(d) => Ok(path_string(p, &d.join("priv"))),
        None => Ok(bad_name(p)),
    }
}

/// `code:which/1`: `preloaded` for the modules erts carries (those in the
/// `erts-*/ebin` directory), else the `.beam` file on the code path, else
/// `non_existing`.
fn which1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::error(Term::atom(atom::FUNCTION_CLAUSE)));
    }
    let file = format!("{}.beam", atom::name(a[0].atom_value()));
    for dir in code_path() {
        let f = dir.join(&file);
        if f.is_file() {
            let erts = dir
                .parent()
                .and_then(|d| d.file_name())
                .is_some_and(|n| n.to_string_lossy().starts_with("erts-"));
            if erts {
                return Ok(Term::atom(atom::intern_static("preloaded")));
            }
            return Ok(path_string(p, &f));
        }
    }
    Ok(Term::atom(atom::intern_static("non_existing")))
}

/// `erl_prim_loader:get_file/1`: `{ok, Bin, FullName}` or `error`. A
/// relative name is looked up in the working directory, then along the
/// code path (the loader's path).
fn get_file1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    let given = PathBuf::from(&name);
    let mut candidates = vec![given.clone()];
    if given.is_relative() {
        candidates.extend(code_path().iter().map(|d| d.join(&given)));
    }
    for f in candidates {
        if let Ok(bytes) = std::fs::read(&f) {
            let bin = p.heap.binary(&bytes);
            let full = path_string(p, &f);
            return Ok(p.heap.tuple(&[Term::atom(atom::OK), bin, full]));
        }
    }
    Ok(Term::atom(atom::ERROR))
}

macro_rules! row {
    ($m:literal, $f:literal, $n:literal, $fun:ident) => {
        Bif {
            module: $m,
            name: $f,
            arity: $n,
            f: $fun,
        }
    };
}

pub const TABLE: &[Bif] = &[
    row!("code", "where_is_file", 1, where_is_file1),
    row!("code", "get_path", 0, get_path0),
    row!("code", "root_dir", 0, root_dir0),
    row!("code", "lib_dir", 0, lib_dir0),
    row!("code", "lib_dir", 1, lib_dir1),
    row!("code", "lib_dir", 2, lib_dir2),
    row!("code", "priv_dir", 1, priv_dir1),
    row!("code", "which", 1, which1),
    row!("erl_prim_loader", "get_file", 1, get_file1),
];
