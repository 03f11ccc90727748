#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noshell
%%
%% Writes the seed corpora of the fuzz targets (fuzz/README.md), run by
%% real Erlang/OTP 25:
%%
%%     escript fuzz/seed.escript [OUTDIR]     (default: fuzz/corpus)
%%
%% OUTDIR/beam_load       .beam files of the installed OTP up to 24 KB (at
%%                        most 120) and tests/conform/*.erl compiled here
%% OUTDIR/binary_to_term  term_to_binary outputs: the first 200 terms of
%%                        tests/etf_props/cases.txt in their three encodings,
%%                        plus pids, refs, ports, funs, atoms in every form
%% OUTDIR/compact_term    6 bytes of table limits + slices of Code chunks
%% OUTDIR/jit_diff        a function byte + 48 pseudo-random bytes, 4 per
%%                        function of 64 (rand with a fixed seed)
%%
%% Nothing here is committed except this script; the corpora are rebuilt
%% on demand (fuzz/smoke.sh runs it when OUTDIR is missing).
-mode(compile).

main(Args) ->
    Here = filename:dirname(filename:absname(escript:script_name())),
    Out = case Args of [D] -> D; [] -> filename:join(Here, "corpus") end,
    Repo = filename:dirname(Here),
    Beams = otp_beams(),
    beam_load(filename:join(Out, "beam_load"), Beams, Repo),
    etf_seeds(filename:join(Out, "binary_to_term"), Repo),
    compact_term(filename:join(Out, "compact_term"), Beams),
    jit_diff(filename:join(Out, "jit_diff")),
    io:format("seed corpora written to ~s~n", [Out]).

otp_beams() ->
    All = filelib:wildcard(filename:join([code:root_dir(), "lib", "*", "ebin", "*.beam"])),
    Small = [F || F <- lists:sort(All), filelib:file_size(F) =< 24 * 1024],
    lists:sublist(Small, 120).

put(Dir, Name, Bin) ->
    ok = filelib:ensure_dir(filename:join(Dir, "x")),
    ok = file:write_file(filename:join(Dir, Name), Bin).

beam_load(Dir, Beams, Repo) ->
    [begin {ok, B} = file:read_file(F), put(Dir, "otp_" ++ filename:basename(F), B) end
     || F <- Beams],
    Srcs = filelib:wildcard(filename:join([Repo, "tests", "conform", "*.erl"])),
    [case compile:file(S, [binary, deterministic, return_errors]) of
         {ok, M, B} -> put(Dir, "conform_" ++ atom_to_list(M) ++ ".beam", B);
         _ -> skip
     end || S <- Srcs],
    ok.

etf_seeds(Dir, Repo) ->
    Cases = filename:join([Repo, "tests", "etf_props", "cases.txt"]),
    Lines = case file:read_file(Cases) of
                {ok, Text} -> [L || L <- binary:split(Text, <<"\n">>, [global]),
                                    L =/= <<>>, binary:first(L) =/= $#];
                _ -> []
            end,
    lists:foreach(
      fun({I, L}) ->
              [T2B, _, _, _, V2, Z] = binary:split(L, <<" ">>, [global]),
              [put(Dir, io_lib:format("etf_~4..0w_~s", [I, K]), binary:decode_hex(H))
               || {K, H} <- [{"v1", T2B}, {"v2", V2}, {"z", Z}]]
      end, lists:zip(lists:seq(1, min(200, length(Lines))), lists:sublist(Lines, 200))),
    Extra = [self(), make_ref(), hd(erlang:ports()), fun lists:map/2,
             fun(X) -> X end, 'an atom', 'ünïcödé', <<1, 2, 3:4>>,
             #{a => 1, "b" => [2], {c} => #{}}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
             {1 bsl 64, -(1 bsl 200), 1.5, -0.0}, lists:seq(1, 300), list_to_tuple(lists:seq(1, 300))],
    lists:foreach(
      fun({I, T}) ->
              put(Dir, io_lib:format("extra_~2..0w_v1", [I]), term_to_binary(T)),
              put(Dir, io_lib:format("extra_~2..0w_v2", [I]), term_to_binary(T, [{minor_version, 2}])),
              put(Dir, io_lib:format("extra_~2..0w_z", [I]), term_to_binary(T, [compressed]))
      end, lists:zip(lists:seq(1, length(Extra)), Extra)).

compact_term(Dir, Beams) ->
    lists:foreach(
      fun({I, F}) ->
              {ok, {_, [{"Code", Code}]}} = beam_lib:chunks(F, ["Code"]),
              <<HdrSize:32, _:HdrSize/binary, Ops/binary>> = Code,
              Len = min(256, byte_size(Ops)),
              Limits = <<255, 255, 255, 255, 255, 255>>,
              put(Dir, io_lib:format("code_~3..0w", [I]), <<Limits/binary, (binary:part(Ops, 0, Len))/binary>>)
      end, lists:zip(lists:seq(1, min(40, length(Beams))), lists:sublist(Beams, 40))).

jit_diff(Dir) ->
    rand:seed(exsss, {7, 7, 7}),
    [put(Dir, io_lib:format("f~2..0w_~w", [F, K]),
         list_to_binary([F | [rand:uniform(256) - 1 || _ <- lists:seq(1, 48)]]))
     || F <- lists:seq(0, 63), K <- lists:seq(1, 4)],
    ok.
