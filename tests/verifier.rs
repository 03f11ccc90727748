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
use std::sync::OnceLock;

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

/// erlc's output for SOURCE, compiled once: the tests run in parallel and
/// erlc writing the same `vt.beam` from several threads races on its
/// temporary file.
fn beam() -> &'static [u8] {
    static BEAM: OnceLock<Vec<u8>> = OnceLock::new();
    BEAM.get_or_init(|| {
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
        std::fs::read(dir.join("vt.beam")).unwrap()
    })
}

fn module() -> Module {
    loader::prepare(beam()).expect("erlc's output verifies")
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

/// `f/1` keeps a tuple in x1 across a collection (`test_heap` with
/// `live` 2) and returns it. Patching `live` to 1 makes x1 dead at the
/// collection, which erlc's validator would refuse; the verifier does not
/// track x registers, so the collector must not leave a pointer into the
/// freed heap there: the patched module prints `[]` in every tier.
const DEAD_X_ASM: &str = r#"{module, xdead}.
{exports, [{f,1},{main,0}]}.
{attributes, []}.
{labels, 7}.

{function, main, 0, 2}.
  {label,1}.
    {func_info,{atom,xdead},{atom,main},0}.
  {label,2}.
    {allocate,0,0}.
    {move,{integer,5},{x,0}}.
    {call,1,{f,4}}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,"~p~n"},{x,0}}.
    {call_ext_last,2,{extfunc,io,format,2},0}.

{function, f, 1, 4}.
  {label,3}.
    {func_info,{atom,xdead},{atom,f},1}.
  {label,4}.
    {test_heap,3,1}.
    {put_tuple2,{x,1},{list,[{x,0},{x,0}]}}.
    {test_heap,200000,2}.
    {move,{x,1},{x,0}}.
    return.
"#;

#[test]
fn dead_x_register_reads_nil_after_a_collection() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("verifier_dead_x");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("xdead.S"), DEAD_X_ASM).unwrap();
    let st = Command::new("erlc")
        .current_dir(&dir)
        .arg("xdead.S")
        .status()
        .expect("erlc is required for this test");
    assert!(st.success());
    let run = |file: &str, tier: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_beamz-jit"))
            .args(["run", "--jit", tier, file])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{tier}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let good = std::fs::read(dir.join("xdead.beam")).unwrap();
    // test_heap (opcode 16), need 200000 (3-byte unsigned), live 2 -> 1
    let pattern = [16u8, 0x38, 0x03, 0x0D, 0x40, 0x20];
    let at = good
        .windows(pattern.len())
        .position(|w| w == pattern)
        .expect("test_heap 200000 2 in the code chunk");
    let mut bad = good.clone();
    bad[at + 5] = 0x10;
    std::fs::write(dir.join("xdead_bad.beam"), &bad).unwrap();
    for tier in ["off", "eager", "tiered"] {
        assert_eq!(run("xdead.beam", tier), "{5,5}\n");
        assert_eq!(run("xdead_bad.beam", tier), "[]\n", "{tier}");
    }
}
