#!/usr/bin/env bash
# Smoke run of every fuzz target (what .ci/run calls): build the targets
# with libFuzzer's coverage instrumentation, write fresh seed corpora with
# seed.escript, and fuzz each target for FUZZ_SMOKE_SECS seconds (default
# 20). Any crash, panic, timeout (-timeout=10 s per input) or memory use
# above 2 GB fails the run; the input is kept under fuzz/target/smoke/.
#
# Works on stable Rust without cargo-fuzz: the RUSTFLAGS below are the ones
# `cargo fuzz build -O -s none` passes (cargo-fuzz 0.13, no sanitizer), with
# a lighter `smoke` profile to keep the build short. For long runs use
# cargo-fuzz itself (fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")"
SECS="${FUZZ_SMOKE_SECS:-20}"
TARGETS=(beam_load binary_to_term compact_term jit_diff)

# libfuzzer-sys compiles libFuzzer (C++) from source.
if ! command -v c++ >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq g++
fi

HOST="$(rustc -vV | sed -n 's/^host: //p')"
FLAGS="-Cpasses=sancov-module"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-level=4"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-pc-table"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-trace-compares"
FLAGS+=" --cfg fuzzing"
FLAGS+=" -Cllvm-args=-simplifycfg-branch-fold-threshold=0"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-stack-depth"
# --target: RUSTFLAGS then skip build scripts, as with cargo-fuzz.
RUSTFLAGS="$FLAGS" cargo build --quiet --profile smoke --target "$HOST" --bins
BIN="target/$HOST/smoke"

WORK=target/smoke
rm -rf "$WORK"
mkdir -p "$WORK"
escript seed.escript "$WORK/corpus" >/dev/null

fail=0
for t in "${TARGETS[@]}"; do
    mkdir -p "$WORK/artifacts/$t"
    log="$WORK/$t.log"
    if "$BIN/$t" "$WORK/corpus/$t" -max_total_time="$SECS" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$WORK/artifacts/$t/" \
        -print_final_stats=1 >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log")
        echo "fuzz smoke: $t: ${runs:-?} inputs in ${SECS}s, no failure"
    else
        echo "fuzz smoke: $t FAILED; the last lines of $log:"
        tail -n 40 "$log"
        ls -l "$WORK/artifacts/$t/"
        fail=1
    fi
done
exit "$fail"
