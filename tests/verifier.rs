//! The bytecode verifier (`loader::verify`) rejects broken code and names
//! the function and offset: a module compiled by erlc verifies, and each
//! test breaks one rule in a copy of its instruction stream (a y register
//! past the frame, a wrong deallocation, a return with a frame, a branch
//! into another function, a call of the wrong arity, a double allocate,
//! disagreeing paths, falling off a function's end, a fun capturing the
//! wrong number of variables). The OTP corpus verifying is checked in
//! `loader_parse`.

use beamz::code::instr::{Dst, Instr, Src, TypeTest};
use beamz::code::Module;
use beamz::loader::{self, verify};
use std::path::PathBuf;
use std::process::Command;

const SOURCE: &str = r#"
-module(vt).
-export([pair/1, g/2, adder/1, sum/1]).

pair(X) ->
    Y = g(X, 1),
    Z = g(Y, 2),
    {Y, Z, X}.

g(A, B) when is_integer(A) -> A + B;
g(A, _) -> A.

adder(N) -> fun(E) -> E + N end.

sum(L) -> sum(L, 0).

sum([H | T], Acc) -> sum(T, Acc + H);
sum([], Acc) -> Acc.
"#;

fn module() -> Module {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("verifier");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("vt.erl");
    std::fs::write(&src, SOURCE).unwrap();
    let st = Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(&src)
        .status()
        .expect("erlc is required for this test (apt-get install -y erlang-base)");
    assert!(st.success(), "erlc failed");
    let bytes = std::fs::read(dir.join("vt.beam")).unwrap();
    loader::prepare(&bytes).expect("erlc's output verifies")
}

/// Code index range of function `name`.
fn range(m: &Module, name: &str) -> std::ops::Range<usize> {
    let i = m
        .functions
        .iter()
        .position(|f| beamz::term::atom::name(f.name) == name)
        .unwrap();
    let end = m
        .functions
        .get(i + 1)
        .map_or(m.code.len() - 1, |f| f.start as usize);
    m.functions[i].start as usize..end
}

fn find(m: &Module, name: &str, pred: impl Fn(&Instr) -> bool) -> usize {
    range(m, name)
        .find(|&i| pred(&m.code[i]))
        .unwrap_or_else(|| {
            panic!(
                "no such instruction in {name}: {:#?}",
                &m.code[range(m, name)]
            )
        })
}

/// Apply `edit` to a fresh copy and return the verifier's complaint.
fn broken(edit: impl FnOnce(&mut Module)) -> verify::VerifyError {
    let mut m = module();
    edit(&mut m);
    verify::verify(&m).expect_err("the broken module must be rejected")
}

#[test]
fn erlc_output_verifies() {
    verify::verify(&module()).unwrap();
}

#[test]
fn y_register_outside_the_frame() {
    let e = broken(|m| {
        let at = find(m, "pair", |i| {
            matches!(i, Instr::Move { dst: Dst::Y(_), .. })
        });
        if let Instr::Move { dst, .. } = &mut m.code[at] {
            *dst = Dst::Y(40);
        }
    });
    assert_eq!(e.what, "y register outside the stack frame");
    assert_eq!(e.function, "vt:pair/1");
    assert!(e.offset > 0);
    eprintln!("{e}");
    assert!(e.to_string().contains("vt:pair/1 at instruction"), "{e}");
}

#[test]
fn y_register_without_a_frame() {
    let e = broken(|m| {
        let at = find(m, "g", |i| matches!(i, Instr::Test { .. }));
        if let Instr::Test { src, .. } = &mut m.code[at] {
            *src = Src::Y(0);
        }
    });
    assert_eq!(e.what, "y register used without a stack frame");
    assert_eq!(e.function, "vt:g/2");
}

#[test]
fn deallocate_of_the_wrong_size() {
    let e = broken(|m| {
        let at = find(m, "pair", |i| matches!(i, Instr::Deallocate { .. }));
        if let Instr::Deallocate { n } = &mut m.code[at] {
            *n += 1;
        }
    });
    assert_eq!(e.what, "deallocation size differs from the frame size");
}

#[test]
fn return_with_a_frame() {
    let e = broken(|m| {
        let at = find(m, "pair", |i| matches!(i, Instr::Deallocate { .. }));
        m.code[at] = Instr::Nop;
    });
    assert_eq!(
        e.what,
        "return or tail call with a stack frame still in place"
    );
}

#[test]
fn double_allocate() {
    let e = broken(|m| {
        let at = find(m, "pair", |i| matches!(i, Instr::Deallocate { .. }));
        m.code[at] = Instr::Allocate {
            stack: 1,
            heap: 0,
            live: 1,
        };
    });
    assert_eq!(e.what, "allocate with a stack frame already in place");
}

#[test]
fn branch_into_another_function() {
    let e = broken(|m| {
        let elsewhere = range(m, "adder").start as u32 + 1;
        let at = find(m, "g", |i| matches!(i, Instr::Test { .. }));
        if let Instr::Test { fail, .. } = &mut m.code[at] {
            *fail = elsewhere;
        }
    });
    assert_eq!(e.what, "branch to a label outside the function");
    assert_eq!(e.function, "vt:g/2");
}

#[test]
fn call_of_the_wrong_arity() {
    let e = broken(|m| {
        let at = find(m, "pair", |i| matches!(i, Instr::Call { .. }));
        if let Instr::Call { arity, .. } = &mut m.code[at] {
            *arity = 3;
        }
    });
    assert_eq!(e.what, "call arity differs from the callee's");
}

#[test]
fn tail_call_into_the_middle_of_a_function() {
    let e = broken(|m| {
        let at = find(m, "sum", |i| {
            matches!(i, Instr::CallOnly { .. } | Instr::CallLast { .. })
        });
        match &mut m.code[at] {
            Instr::CallOnly { target, .. } | Instr::CallLast { target, .. } => *target += 1,
            _ => unreachable!(),
        }
    });
    assert_eq!(e.what, "local call to a label that is not a function entry");
}

#[test]
fn paths_disagree_on_the_frame() {
    // The instruction before `allocate` becomes a test that jumps over
    // it: the instruction after `allocate` is then reached with and
    // without the frame, and it stores into a y register.
    let e = broken(|m| {
        let alloc = find(m, "pair", |i| matches!(i, Instr::Allocate { .. }));
        m.code[alloc - 1] = Instr::Test {
            test: TypeTest::Integer,
            fail: alloc as u32 + 1,
            src: Src::X(0),
        };
    });
    assert_eq!(
        e.what,
        "paths into this instruction disagree on the stack frame"
    );
}

#[test]
fn jump_back_to_the_entry_with_a_frame() {
    let e = broken(|m| {
        let entry = range(m, "pair").start as u32 + 1;
        let call = find(m, "pair", |i| matches!(i, Instr::Call { .. }));
        m.code[call + 1] = Instr::Jump { target: entry };
    });
    assert_eq!(
        e.what,
        "paths into this instruction disagree on the stack frame"
    );
}

#[test]
fn falling_off_the_end() {
    let e = broken(|m| {
        let r = range(m, "adder");
        let last = r.end - 1;
        m.code[last] = Instr::Nop;
    });
    assert_eq!(e.what, "falls off the end of the function");
    assert_eq!(e.function, "vt:adder/1");
}

#[test]
fn make_fun_with_the_wrong_environment() {
    let e = broken(|m| {
        let at = find(m, "adder", |i| matches!(i, Instr::MakeFun { .. }));
        if let Instr::MakeFun { env, .. } = &mut m.code[at] {
            *env = vec![Src::X(0), Src::X(1)].into_boxed_slice();
        }
    });
    assert_eq!(
        e.what,
        "make_fun captures a different number of free variables"
    );
}
