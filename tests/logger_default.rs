//! OTP's logger with its default configuration, compared live with erl:
//! one program (gen_server, proc_lib, plain process and supervisor
//! crashes, `logger` and `error_logger` calls) runs under `erl -noshell`
//! and under beamz-jit in every tier; the outputs must be equal once the
//! timestamps, pids, heap sizes, stack sizes and reductions are blanked.
//! The blanking checks each timestamp has erl's shape
//! (`=ERROR REPORT==== 24-Nov-2026::09:17:15.480952 ===`), so a
//! malformed header still fails. A second program makes twenty processes
//! crash at once as the very first use of the logger, which starts lazily.

use std::path::{Path, PathBuf};
use std::process::Command;

const SOURCE: &str = r#"
-module(logger_live).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2, log/2, child/0]).

init(supervisor) ->
    {ok, {#{strategy => one_for_one, intensity => 5, period => 10},
          [#{id => kid, start => {gen_server, start_link, [?MODULE, st, []]}}]}};
init(S) -> {ok, S}.
handle_call(_, _, S) -> {reply, ok, S}.
handle_cast(crash, _S) -> erlang:error(boom).
child() -> ok.

%% Handler `notify`: erts reports crashed processes to the logger
%% asynchronously; main waits for those reports.
log(#{meta := #{error_logger := #{emulator := true}}}, #{config := #{to := P}}) ->
    P ! emulator_report;
log(_, _) -> ok.

sync() ->
    io:put_chars(""),
    _ = sys:get_state(logger_proxy),
    _ = sys:get_state(logger),
    ok = logger_std_h:filesync(default).

main() ->
    logger:error("logger:error ~p", [1]),
    logger:info("not shown"),
    error_logger:error_msg("error_logger:error_msg ~p~n", [2]),
    sync(),
    ok = logger:add_handler(notify, ?MODULE, #{config => #{to => self()}}),
    process_flag(trap_exit, true),
    {ok, G} = gen_server:start_link(?MODULE, st, []),
    gen_server:cast(G, crash),
    receive {'EXIT', G, R1} -> sync(), io:format("linked sees ~p~n", [R1]) end,
    P = proc_lib:spawn(fun() -> erlang:error(proc_lib_crash) end),
    M = monitor(process, P),
    receive {'DOWN', M, process, P, R2} -> sync(), io:format("monitor sees ~p~n", [R2]) end,
    Q = spawn_link(fun() -> erlang:error(plain_crash) end),
    receive {'EXIT', Q, R3} -> receive emulator_report -> ok end, sync(),
                              io:format("linked sees ~p~n", [R3]) end,
    {ok, S} = supervisor:start_link(?MODULE, supervisor),
    [{kid, K, _, _}] = supervisor:which_children(S),
    gen_server:cast(K, crash),
    wait_restart(S, K),
    sync(),
    io:format("restarted~n").

wait_restart(S, Old) ->
    case supervisor:which_children(S) of
        [{kid, Old, _, _}] -> timer:sleep(1), wait_restart(S, Old);
        _ -> ok
    end.
"#;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `DD-Mon-YYYY::HH:MM:SS.UUUUUU`, as logger_formatter's legacy header.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    b.len() == 28
        && digits(0..2)
        && b[2] == b'-'
        && MONTHS.contains(&&s[3..6])
        && b[6] == b'-'
        && digits(7..11)
        && &s[11..13] == "::"
        && digits(13..15)
        && b[15] == b':'
        && digits(16..18)
        && b[18] == b':'
        && digits(19..21)
        && b[21] == b'.'
        && digits(22..28)
}

/// `<0.N.0>` pids to `<PID>`.
fn blank_pids(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("<0.") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 3..];
        let n = tail.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 && tail[n..].starts_with(".0>") {
            out.push_str("<PID>");
            rest = &tail[n + 3..];
        } else {
            out.push_str("<0.");
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = if line.starts_with('=') && line.ends_with(" ===") {
            match line.split_once("==== ") {
                Some((label, rest)) => {
                    let stamp = &rest[..rest.len() - 4];
                    assert!(is_timestamp(stamp), "bad report header: {line:?}");
                    format!("{label}==== TIME ===")
                }
                None => line.to_string(),
            }
        } else {
            let mut l = blank_pids(line);
            for key in ["heap_size: ", "stack_size: ", "reductions: "] {
                if let Some(i) = l.find(key) {
                    let num = &l[i + key.len()..];
                    assert!(num.bytes().all(|c| c.is_ascii_digit()), "{line:?}");
                    l = format!("{}N", &l[..i + key.len()]);
                }
            }
            l
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn compile(dir: &Path, name: &str, source: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(format!("{name}.erl")), source).unwrap();
    let st = Command::new("erlc")
        .current_dir(dir)
        .arg(format!("{name}.erl"))
        .status()
        .expect("erlc is required (apt-get install -y erlang-base)");
    assert!(st.success(), "erlc failed");
    dir.join(format!("{name}.beam"))
}

#[test]
fn default_handler_output_matches_erl() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("logger_default");
    let beam = compile(&dir, "logger_live", SOURCE);
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let erl = Command::new("erl")
        .args(["-noshell", "-pa"])
        .arg(&dir)
        .args(["-eval", "logger_live:main(), halt()."])
        .env("HOME", &home)
        .env_remove("ERL_FLAGS")
        .env_remove("ERL_AFLAGS")
        .env_remove("ERL_ZFLAGS")
        .output()
        .expect("erl is required");
    assert!(
        erl.status.success(),
        "{}",
        String::from_utf8_lossy(&erl.stderr)
    );
    let want = normalise(&String::from_utf8_lossy(&erl.stdout));
    // The program exercised what it should (guards against both VMs
    // printing nothing).
    for needle in [
        "=ERROR REPORT==== TIME ===\nlogger:error 1\n",
        "=CRASH REPORT==== TIME ===",
        "=SUPERVISOR REPORT==== TIME ===",
        "Error in process <PID> with exit value:",
        "** Generic server <PID> terminating",
    ] {
        assert!(
            want.contains(needle),
            "erl output lacks {needle:?}:\n{want}"
        );
    }
    for tier in ["off", "eager", "tiered"] {
        let out = Command::new(env!("CARGO_BIN_EXE_beamz-jit"))
            .args(["run", "--jit", tier, "-pa"])
            .arg(&dir)
            .arg(&beam)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "--jit {tier}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = normalise(&String::from_utf8_lossy(&out.stdout));
        assert_eq!(got, want, "--jit {tier}: output differs from erl's");
    }
}

#[test]
fn normalise_rejects_a_malformed_header() {
    let ok = "=ERROR REPORT==== 24-Nov-2026::09:17:15.480952 ===\nx <0.81.0>\n";
    assert_eq!(normalise(ok), "=ERROR REPORT==== TIME ===\nx <PID>\n");
    let bad = "=ERROR REPORT==== 24-Nov-2026 09:17:15 ===\n";
    assert!(std::panic::catch_unwind(|| normalise(bad)).is_err());
}

const RACE: &str = r#"
-module(logger_race).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).
init(S) -> {ok, S}.
handle_call(_, _, S) -> {reply, ok, S}.
handle_cast(crash, _S) -> erlang:error(boom).
main() ->
    Ps = [begin {ok, P} = gen_server:start(?MODULE, st, []), P end
          || _ <- lists:seq(1, 20)],
    Ms = [{P, monitor(process, P)} || P <- Ps],
    [gen_server:cast(P, crash) || P <- Ps],
    Rs = [receive {'DOWN', M, process, P, {R, _}} -> R end || {P, M} <- Ms],
    ok = logger_std_h:filesync(default),
    io:format("reasons ~p~n", [lists:usort(Rs)]).
"#;

#[test]
fn simultaneous_crashes_while_the_logger_starts() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("logger_default");
    let beam = compile(&dir, "logger_race", RACE);
    for tier in ["off", "tiered"] {
        let out = Command::new(env!("CARGO_BIN_EXE_beamz-jit"))
            .args(["run", "--jit", tier])
            .arg(&beam)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "--jit {tier}: {text}");
        assert!(text.contains("reasons [boom]\n"), "--jit {tier}:\n{text}");
        for header in ["=ERROR REPORT==== ", "=CRASH REPORT==== "] {
            assert_eq!(
                text.matches(header).count(),
                20,
                "--jit {tier}: {header}\n{text}"
            );
        }
    }
}
