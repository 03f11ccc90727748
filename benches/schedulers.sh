#!/usr/bin/env bash
# Scheduler scaling: each program of benches/erl named in PROGRAMS (default:
# parallel, 8 CPU-bound workers) under erl (+S 1 / +S 2) and beamz-jit
# (--schedulers 1 / 2) in every tier named in TIERS, RUNS times each
# (interleaved), wall-clock medians. Prints a markdown report on stdout:
#
#   benches/schedulers.sh > perf-reports/$(date +%F)-schedulers.md
#
# Needs erlc/erl on PATH and a release build (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PROGRAMS=${PROGRAMS:-parallel}
TIERS=${TIERS:-"off tiered"}
BIN=target/release/beamz-jit
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
for p in $PROGRAMS; do erlc -o "$DIR" "benches/erl/$p.erl"; done

# time_of CMD...: wall seconds of one run (output discarded).
time_of() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }'
}

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

declare -A T
for _ in $(seq "$RUNS"); do
    for p in $PROGRAMS; do
        for s in 1 2; do
            T[$p,erl,$s]+="$(time_of erl +S "$s" -noshell -pa "$DIR" -eval "$p:main(), halt().") "
            for t in $TIERS; do
                T[$p,$t,$s]+="$(time_of "$BIN" run --schedulers "$s" --jit "$t" -pa "$DIR" "$DIR/$p.beam") "
            done
        done
    done
done

echo "# Scheduler scaling, $(date +%F)"
echo
echo "- Command: \`RUNS=$RUNS PROGRAMS=\"$PROGRAMS\" TIERS=\"$TIERS\" benches/schedulers.sh\`"
echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
echo "- Machine: $(nproc) cores, load average before: $(cut -d' ' -f1 /proc/loadavg)"
echo "- Method: $RUNS runs of each (program, runner, schedulers), interleaved; wall-clock median seconds of the whole OS process. Speed-up = time with 1 scheduler / time with 2."
echo
echo "| program | runner | 1 scheduler s | 2 schedulers s | speed-up |"
echo "|---|---|---:|---:|---:|"
for p in $PROGRAMS; do
    for r in erl $TIERS; do
        one=$(echo "${T[$p,$r,1]}" | tr ' ' '\n' | grep . | median)
        two=$(echo "${T[$p,$r,2]}" | tr ' ' '\n' | grep . | median)
        name=$r
        [ "$r" = erl ] || name="beamz --jit $r"
        echo "| $p | $name | $one | $two | $(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", a / b }') |"
    done
done
