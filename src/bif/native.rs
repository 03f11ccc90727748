//! `beamz_native`: functions the VM's own Erlang support code calls
//! (the group leader in `src/otp/beamz_gl.erl`): raw writes to the
//! standard streams and reading lines from standard input.

use super::{Bif, Exc};
use crate::process::Process;
use crate::term::{atom, binary, Term};

type R = Result<Term, Exc>;

fn bytes_of(t: Term) -> Result<Vec<u8>, Exc> {
    binary::view(t)
        .filter(|b| b.is_binary())
        .map(|b| b.to_bytes().into_owned())
        .ok_or_else(Exc::badarg)
}

/// `put_chars(Bin)`: write bytes to stdout (buffered; flushed when the VM
/// idles or halts).
fn put_chars1(_p: &mut Process, a: &[Term]) -> R {
    let b = bytes_of(a[0])?;
    crate::vm::write_stdout(&b);
    Ok(Term::atom(atom::OK))
}

/// `put_stderr(Bin)`: write bytes to stderr, after flushing stdout.
fn put_stderr1(_p: &mut Process, a: &[Term]) -> R {
    use std::io::Write;
    let b = bytes_of(a[0])?;
    crate::vm::flush_stdout();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(&b);
    let _ = e.flush();
    Ok(Term::atom(atom::OK))
}

/// `read_line()`: one line from stdin as a binary (with its newline), or
/// `eof`.
fn read_line0(p: &mut Process, _a: &[Term]) -> R {
    crate::vm::flush_stdout();
    let mut line = Vec::new();
    let mut stdin = std::io::stdin().lock();
    match std::io::BufRead::read_until(&mut stdin, b'\n', &mut line) {
        Ok(0) | Err(_) => Ok(Term::atom(atom::intern_static("eof"))),
        Ok(_) => Ok(p.heap.binary(&line)),
    }
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "beamz_native",
        name: "put_chars",
        arity: 1,
        f: put_chars1,
    },
    Bif {
        module: "beamz_native",
        name: "put_stderr",
        arity: 1,
        f: put_stderr1,
    },
    Bif {
        module: "beamz_native",
        name: "read_line",
        arity: 0,
        f: read_line0,
    },
];
