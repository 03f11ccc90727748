//! Memory stays bounded: a program that allocates several gigabytes over
//! its lifetime (in garbage) runs with a small peak RSS, and a
//! million-deep body recursion completes. Peak RSS comes from the VM's own
//! `BEAMZ_STATS=1` report (VmHWM), so no timing is asserted.

use std::process::Command;

const SOURCE: &str = r#"
-module(churn_gb).
-export([main/0]).
main() ->
    io:format("~p~n", [loop(1000000, 0)]),
    io:format("~p~n", [deep(1000000)]).
%% each iteration allocates ~600 words (~4.8 KB): ~4.8 GB in all
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    L = lists:seq(1, 200),
    T = list_to_tuple(L),
    loop(N - 1, Acc + element(100, T) + length(L)).
deep(0) -> 0;
deep(N) -> 1 + deep(N - 1).
"#;

#[test]
fn gigabytes_of_garbage_in_bounded_memory() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("memory");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("churn_gb.erl");
    std::fs::write(&src, SOURCE).unwrap();
    let st = Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(&src)
        .status()
        .expect("erlc is required (apt-get install -y erlang-base)");
    assert!(st.success());
    let out = Command::new(env!("CARGO_BIN_EXE_beamz-jit"))
        .arg("run")
        .arg(dir.join("churn_gb.beam"))
        .env("BEAMZ_STATS", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout, "300000000\n1000000\n");
    let kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("beamz-stats: peak_rss_kb="))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("stats line");
    // 4.8 GB allocated; the live set is tiny except during the deep
    // recursion (1M frames of a few words each).
    assert!(kb < 400 * 1024, "peak RSS {kb} KB");
}
