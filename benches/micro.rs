//! Criterion micro-benchmarks (`cargo bench --bench micro`):
//! - loader: parse + transform every module of the installed OTP's stdlib
//!   (`beamz::loader::prepare`), reported as modules per second;
//! - copy: `beamz::process::copy::copy_term` of a large term (the copy a
//!   message send or spawn does), reported as bytes per second.

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

criterion_group!(benches, loader, copy);
criterion_main!(benches);
