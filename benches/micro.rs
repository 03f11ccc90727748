//! Criterion micro-benchmarks (`cargo bench --bench micro`):
//! - loader: parse + transform every module of the installed OTP's stdlib
//!   (`beamz::loader::prepare`), reported as modules per second;
//! - copy: `beamz::process::copy::copy_term` of a large term (the copy a
//!   message send or spawn does), reported as bytes per second;
//! - gc: `beamz::gc::collect` of a process whose heap holds a large live
//!   term (every word survives, so this is the copying rate), bytes/s;
//! - jit: compiling every function of stdlib's `lists` with Cranelift
//!   (translation included), reported as functions per second.

use std::path::PathBuf;

use beamz::heap::Heap;
use beamz::process::copy::{copy_term, size_of};
use beamz::term::Term;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

fn stdlib_modules() -> Vec<(String, Vec<u8>)> {
    let root =
        beamz::otp::find_root(None).expect("an OTP installation (erl on PATH or /usr/lib/erlang)");
    let lib = root.join("lib");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&lib)
        .expect("OTP lib/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("stdlib-"))
        })
        .collect();
    dirs.sort();
    let ebin = dirs.last().expect("lib/stdlib-*").join("ebin");
    let mut mods: Vec<(String, Vec<u8>)> = std::fs::read_dir(&ebin)
        .expect("stdlib ebin")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "beam"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    mods.sort();
    mods
}

fn loader(c: &mut Criterion) {
    let mods = stdlib_modules();
    let bytes: usize = mods.iter().map(|m| m.1.len()).sum();
    for (name, b) in &mods {
        if let Err(e) = beamz::loader::prepare(b) {
            panic!("{name} does not load: {e:?}");
        }
    }
    let mut g = c.benchmark_group("loader");
    g.sample_size(20);
    g.throughput(Throughput::Elements(mods.len() as u64));
    g.bench_function(
        format!(
            "prepare stdlib ({} modules, {} KB)",
            mods.len(),
            bytes / 1024
        ),
        |bch| {
            bch.iter(|| {
                for (_, b) in &mods {
                    std::hint::black_box(beamz::loader::prepare(std::hint::black_box(b)).unwrap());
                }
            })
        },
    );
    g.finish();
}

/// [{I, I * 0.5, [I, I + 1, I + 2]} || I <- 1..n]
fn big_term(heap: &mut Heap, n: i64) -> Term {
    let mut list = Term::NIL;
    for i in (1..=n).rev() {
        let mut inner = Term::NIL;
        for k in (0..3).rev() {
            inner = heap.cons(Term::small(i + k), inner);
        }
        let t = heap.tuple(&[Term::small(i), Term::float(i as f64 * 0.5), inner]);
        list = heap.cons(t, list);
    }
    list
}

fn copy(c: &mut Criterion) {
    let mut src = Heap::new(1 << 20);
    let t = big_term(&mut src, 100_000);
    let words = size_of(t);
    let mut g = c.benchmark_group("copy_term");
    g.throughput(Throughput::Bytes(words as u64 * 8));
    g.bench_function(format!("list of 100k tuples ({} words)", words), |b| {
        b.iter_batched(
            || Heap::new(words),
            |mut h| {
                std::hint::black_box(copy_term(t, &mut h));
                h
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn gc(c: &mut Criterion) {
    use beamz::process::Process;
    let mut p = Process::new(1, Term::NIL);
    let t = big_term(&mut p.heap, 100_000);
    let words = size_of(t);
    let mut x = [t];
    let mut g = c.benchmark_group("gc");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(words as u64 * 8));
    g.bench_function(format!("collect, {words} live words of 100k tuples"), |b| {
        b.iter(|| beamz::gc::collect(&mut p, &mut x, 0))
    });
    g.finish();
}

fn jit(c: &mut Criterion) {
    let mods = stdlib_modules();
    let (_, bytes) = mods
        .iter()
        .find(|(n, _)| n == "lists.beam")
        .expect("stdlib's lists.beam");
    let m = beamz::loader::prepare(bytes).expect("lists loads");
    let funcs: Vec<_> = (0..m.functions.len())
        .filter_map(|i| beamz::tier::translate::function(&m, i))
        .collect();
    let mut j = beamz::tier::standalone_jit().expect("a JIT for this machine");
    let mut g = c.benchmark_group("jit");
    g.sample_size(10);
    g.throughput(Throughput::Elements(funcs.len() as u64));
    g.bench_function(format!("compile lists ({} functions)", funcs.len()), |b| {
        b.iter(|| {
            for f in &funcs {
                std::hint::black_box(j.compile(f, false).expect("compiles"));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, loader, copy, gc, jit);
criterion_main!(benches);
