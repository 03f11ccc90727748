#!/usr/bin/env bash
# record-golden.sh — record the conformance goldens from REAL Erlang/OTP.
#
# Usage:
#   tests/conform/record-golden.sh            # re-record every tests/conform/*.erl
#   tests/conform/record-golden.sh NAME...    # re-record only these programs
#                                             # (NAME or NAME.erl)
#
# For every program NAME.erl it:
#   1. compiles it with `erlc` (run from inside tests/conform, so that the
#      {file,"NAME.erl"} locations in stack traces are the same as when the
#      cargo harness compiles it) into a temporary directory;
#   2. runs it on real `erl` with a tiny runner module (conform_runner, whose
#      source is embedded below) that reproduces the beamz-jit CLI contract:
#        - NAME:main/1 is called with the argument strings from NAME.args
#          (one argument per line; no file -> no arguments) if it is exported,
#          otherwise NAME:main/0; main runs in a fresh process;
#        - normal return            -> erlang:halt(0)
#        - erlang:halt(N) in main   -> exit status N
#        - uncaught exception       -> escript-style report on stderr
#                                      ("escript: exception error: ...")
#                                      and erlang:halt(127), like escript;
#   3. runs it a second time and refuses to record if the two stdouts or
#      statuses differ (non-deterministic program);
#   4. writes golden/NAME.stdout (exact stdout bytes) and golden/NAME.status
#      (the exit status and a newline).
#
# Goldens are only ever produced by real erl, never by beamz-jit.
# The script is idempotent: re-running it with an unchanged corpus and the same
# OTP release rewrites identical files (check with `git status`).
# Requires OTP 25 (erl, erlc) on PATH; stderr of each run is left in the
# temporary directory only while the script runs (shown for failures).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
GOLD="$HERE/golden"
mkdir -p "$GOLD"

# Keep user configuration out of the reference runs.
unset ERL_FLAGS ERL_AFLAGS ERL_ZFLAGS ERL_LIBS || true
# erl decodes command-line arguments with the locale's encoding: under a UTF-8
# locale "héllo" arrives as [104,233,108,108,111] (what beamz-jit must do),
# under LC_ALL=C as the raw bytes. Record under UTF-8.
export LC_ALL=C.UTF-8
# No erl_crash.dump files in the source tree if the runner itself breaks.
export ERL_CRASH_DUMP_SECONDS=0

command -v erl >/dev/null || { echo "record-golden: erl not found on PATH" >&2; exit 2; }
command -v erlc >/dev/null || { echo "record-golden: erlc not found on PATH" >&2; exit 2; }
OTP=$(erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().')
if [ "$OTP" != "25" ]; then
    echo "record-golden: expected OTP 25, found OTP $OTP" >&2
    exit 2
fi
ENC=$(erl -noshell -eval 'io:format("~p", [file:native_name_encoding()]), halt().')
if [ "$ENC" != "utf8" ]; then
    echo "record-golden: erl does not see a UTF-8 locale (native name encoding $ENC); install C.UTF-8" >&2
    exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/conform-golden.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/build" "$TMP/runner" "$TMP/home"
# erl evaluates $HOME/.erlang at boot; keep a user's one out of the goldens.
export HOME="$TMP/home"

cat > "$TMP/runner/conform_runner.erl" <<'ERL'
-module(conform_runner).
-export([start/1]).

%% erl -noshell -pa BUILD -run conform_runner start MOD -extra ARGS...
start([ModS]) ->
    Mod = list_to_atom(ModS),
    Args = init:get_plain_arguments(),
    {module, Mod} = code:ensure_loaded(Mod),
    Main1 = erlang:function_exported(Mod, main, 1),
    {Pid, MRef} = spawn_monitor(fun() -> run(Mod, Main1, Args) end),
    receive
        {'DOWN', MRef, process, Pid, Why} ->
            %% run/3 always halts; getting here means the runner is broken
            %% (or main was killed by an exit signal).
            io:format(standard_error, "conform_runner: main process died: ~p~n", [Why]),
            erlang:halt(126)
    end.

run(Mod, Main1, Args) ->
    try
        case Main1 of
            true -> Mod:main(Args);
            false -> Mod:main()
        end
    of
        _ -> erlang:halt(0)
    catch
        Class:Reason:Stack ->
            report(Class, Reason, Stack),
            erlang:halt(127)
    end.

%% The same shape escript prints for an exception escaping main/1.
report(Class, Reason, Stack) ->
    PF = fun(Term, I) -> io_lib:format("~." ++ integer_to_list(I) ++ "P", [Term, 50]) end,
    SkipFun = fun(M, _F, _A) -> M =:= ?MODULE end,
    Str = erl_error:format_exception(1, Class, Reason, Stack, SkipFun, PF, latin1),
    io:format(standard_error, "escript: ~ts\n", [Str]).
ERL
erlc -o "$TMP/runner" "$TMP/runner/conform_runner.erl"

# Which programs.
cd "$HERE"
NAMES=()
if [ "$#" -gt 0 ]; then
    for a in "$@"; do
        n=$(basename "$a" .erl)
        [ -f "$n.erl" ] || { echo "record-golden: no such program $n.erl" >&2; exit 2; }
        NAMES+=("$n")
    done
else
    for f in *.erl; do NAMES+=("$(basename "$f" .erl)"); done
fi

# A program must not shadow an OTP module (e.g. c.erl, lists.erl): with -pa it
# would replace the real one and break erl itself.
CLASH=$(erl -noshell -eval '
    [io:format("~s~n", [N]) || N <- init:get_plain_arguments(),
                               code:which(list_to_atom(N)) =/= non_existing],
    halt().' -extra "${NAMES[@]}")
if [ -n "$CLASH" ]; then
    echo "record-golden: these program names clash with OTP modules: $CLASH" >&2
    exit 2
fi

# Compile (from inside tests/conform: erlc records the file name as given).
SRCS=()
for n in "${NAMES[@]}"; do SRCS+=("$n.erl"); done
if ! erlc -o "$TMP/build" "${SRCS[@]}" > "$TMP/erlc.log" 2>&1; then
    cat "$TMP/erlc.log" >&2
    echo "record-golden: erlc failed" >&2
    exit 1
fi

run_one() { # NAME OUTFILE ERRFILE -> prints the exit status
    local n=$1 out=$2 err=$3 st
    local -a args=()
    if [ -f "$n.args" ]; then mapfile -t args < "$n.args"; fi
    set +e
    timeout 60 erl -noshell -pa "$TMP/build" -pa "$TMP/runner" \
        -run conform_runner start "$n" -extra "${args[@]}" \
        < /dev/null > "$out" 2> "$err"
    st=$?
    set -e
    echo "$st"
}

FAILED=0
for n in "${NAMES[@]}"; do
    t0=$(date +%s%N)
    st1=$(run_one "$n" "$TMP/$n.out1" "$TMP/$n.err1")
    t1=$(date +%s%N)
    st2=$(run_one "$n" "$TMP/$n.out2" "$TMP/$n.err2")
    ms=$(( (t1 - t0) / 1000000 ))
    if [ "$st1" = 124 ] || [ "$st1" = 126 ] || [ "$st1" = 137 ] ||
       grep -q "init terminating in do_boot" "$TMP/$n.err1"; then
        echo "FAIL $n: erl timed out or runner broke (status $st1)" >&2
        head -n 20 "$TMP/$n.err1" >&2
        FAILED=1; continue
    fi
    if [ "$st1" != "$st2" ] || ! cmp -s "$TMP/$n.out1" "$TMP/$n.out2"; then
        echo "FAIL $n: non-deterministic (status $st1 vs $st2)" >&2
        diff "$TMP/$n.out1" "$TMP/$n.out2" | head -n 20 >&2 || true
        FAILED=1; continue
    fi
    if grep -q -e conform_runner -e "$TMP" "$TMP/$n.out1"; then
        echo "FAIL $n: stdout mentions the runner or the temp dir (a full stack" >&2
        echo "     trace leaked into the output; print only the program's own frames)" >&2
        grep -n -e conform_runner -e "$TMP" "$TMP/$n.out1" | head -n 5 >&2
        FAILED=1; continue
    fi
    cp "$TMP/$n.out1" "$GOLD/$n.stdout"
    echo "$st1" > "$GOLD/$n.status"
    slow=""
    [ "$ms" -gt 2000 ] && slow="  (SLOW: keep programs under ~2 s)"
    printf '%-28s status %-3s %6d bytes %5d ms%s\n' "$n" "$st1" \
        "$(wc -c < "$GOLD/$n.stdout")" "$ms" "$slow"
    if [ "$st1" != 0 ]; then head -n 3 "$TMP/$n.err1" | sed 's/^/      stderr: /'; fi
done

# Goldens whose program no longer exists.
for g in "$GOLD"/*.status; do
    [ -e "$g" ] || continue
    n=$(basename "$g" .status)
    [ -f "$HERE/$n.erl" ] || echo "note: stale golden for removed program $n (delete golden/$n.*)" >&2
done

exit "$FAILED"
