%% 16 processes hammer one public ETS table concurrently: inserts of their
%% own keys, lookups, and update_counter on one shared counter and on their
%% own counter. The final contents are checked exactly.
-module(stress_ets).
-export([main/1]).

-define(W, 16).

main([KS]) ->
    K = list_to_integer(KS),
    T = ets:new(hammer, [public, set, {write_concurrency, true}, {read_concurrency, true}]),
    ets:insert(T, {total, 0}),
    Self = self(),
    Ws = [spawn(fun() -> worker(T, W, K), Self ! {done, W} end) || W <- lists:seq(1, ?W)],
    [receive {done, W} -> ok end || W <- lists:seq(1, ?W)],
    io:format("workers ~p~n", [length(Ws)]),
    io:format("size ~p~n", [ets:info(T, size)]),
    io:format("total ~p~n", [ets:lookup_element(T, total, 2)]),
    Own = [ets:lookup_element(T, {count, W}, 2) || W <- lists:seq(1, ?W)],
    io:format("own ~p~n", [lists:usort(Own)]),
    Sum = ets:foldl(fun({{key, _, _}, V}, A) -> A + V; (_, A) -> A end, 0, T),
    io:format("sum ~p~n", [Sum]).

worker(T, W, K) ->
    ets:insert(T, {{count, W}, 0}),
    loop(T, W, 1, K).

loop(_, _, I, K) when I > K -> ok;
loop(T, W, I, K) ->
    true = ets:insert(T, {{key, W, I}, I}),
    [{_, I}] = ets:lookup(T, {key, W, I}),
    ets:update_counter(T, total, 1),
    I = ets:update_counter(T, {count, W}, {2, 1}),
    %% read another worker's keys (may or may not exist yet)
    _ = ets:lookup(T, {key, (W rem ?W) + 1, I}),
    loop(T, W, I + 1, K).
