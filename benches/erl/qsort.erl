%% Quicksort on lists with list comprehensions; input from a fixed LCG.
-module(qsort).
-export([main/0]).

main() ->
    L = rand_list(200000, 12345, []),
    S = loop(10, L, 0),
    io:format("qsort ~p~n", [S]).

loop(0, _L, Acc) -> Acc;
loop(N, L, Acc) ->
    Sorted = qsort(L),
    loop(N - 1, L, (Acc + checksum(Sorted, 1, 0)) band 16#FFFFFFF).

rand_list(0, _Seed, Acc) -> Acc;
rand_list(N, Seed, Acc) ->
    S1 = (Seed * 1103515245 + 12345) band 16#7FFFFFFF,
    rand_list(N - 1, S1, [S1 rem 1000000 | Acc]).

qsort([]) -> [];
qsort([P | T]) ->
    qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

checksum([], _I, Acc) -> Acc;
checksum([X | T], I, Acc) -> checksum(T, I + 1, (Acc + X * I) band 16#FFFFFFF).
