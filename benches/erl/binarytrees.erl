%% Binary trees: allocate and walk many short-lived trees and one long-lived
%% one (the benchmarks-game shape, depth 18). One line: the sum of all checks.
-module(binarytrees).
-export([main/0]).

-define(MIN, 4).
-define(MAX, 18).

main() ->
    Stretch = check(make(?MAX + 1)),
    Long = make(?MAX),
    Iter = depths(?MIN, 0),
    io:format("binarytrees ~p ~p ~p~n", [Stretch, Iter, check(Long)]).

depths(D, Acc) when D > ?MAX -> Acc;
depths(D, Acc) ->
    N = 1 bsl (?MAX - D + ?MIN),
    depths(D + 2, Acc + iter(N, D, 0)).

iter(0, _D, Acc) -> Acc;
iter(N, D, Acc) -> iter(N - 1, D, Acc + check(make(D))).

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).
