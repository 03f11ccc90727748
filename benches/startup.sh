#!/usr/bin/env bash
# Start-up time: whole-process wall time of a main/0 that prints one line,
# beamz-jit (--jit off) beside `erl -noshell`, median of N runs each,
# interleaved. Usage: benches/startup.sh [N]   (default 10)
# Prints a Markdown table row set; copy it into a perf-reports/ entry.
set -euo pipefail
N=${1:-10}
cd "$(dirname "$0")/.."
cargo build --release -q
BIN=target/release/beamz-jit
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
cat > "$DIR/startup.erl" <<'ERL'
-module(startup).
-export([main/0]).
main() -> io:format("started~n").
ERL
erlc -o "$DIR" "$DIR/startup.erl"
"$BIN" run "$DIR/startup.beam" >/dev/null   # warm the support-module cache
now_ns() { date +%s%N; }
bz=(); er=()
for _ in $(seq "$N"); do
    t0=$(now_ns); "$BIN" run --jit off "$DIR/startup.beam" >/dev/null; t1=$(now_ns)
    bz+=($(( (t1 - t0) / 1000 )))
    t0=$(now_ns); erl -noshell -pa "$DIR" -eval 'startup:main(), halt().' >/dev/null; t1=$(now_ns)
    er+=($(( (t1 - t0) / 1000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mb=$(median "${bz[@]}"); me=$(median "${er[@]}")
echo "| program | runs | beamz-jit --jit off (ms) | erl -noshell (ms) | ratio erl/beamz |"
echo "|---|---|---|---|---|"
awk -v b="$mb" -v e="$me" -v n="$N" 'BEGIN { printf "| startup (main/0 prints one line) | %d | %.1f | %.1f | %.1fx |\n", n, b/1000, e/1000, e/b }'
