%% One process with a large live heap: a list of N {I, Binary-free tuple}
%% cells built incrementally (so the collector copies it again and again),
%% then walked. 5 words per element: N = 50,000,000 is a 2 GB live heap.
-module(stress_heap).
-export([main/1]).

main([NS]) ->
    N = list_to_integer(NS),
    L = build(N, []),
    io:format("length ~p~n", [length(L)]),
    io:format("sum ~p~n", [sum(L, 0)]),
    %% keep L live across a few more collections
    Junk = lists:seq(1, 100000),
    io:format("junk ~p~n", [length(Junk)]),
    io:format("last ~p~n", [hd(L)]).

build(0, Acc) -> Acc;
build(I, Acc) -> build(I - 1, [{I, I * 3} | Acc]).

sum([], S) -> S;
sum([{A, B} | T], S) -> sum(T, S + A + B).
