%% Fannkuch: count prefix reversals for every permutation of 1..9. For each
%% permutation, reverse the first K elements (K = the first) until 1 is in
%% front; prints the maximum and the sum over all permutations (the sum does
%% not depend on the order permutations are visited in).
-module(fannkuch).
-export([main/0]).

-define(N, 9).

-define(REPEAT, 4).

main() ->
    {Max, Sum} = repeat(?REPEAT, {0, 0}),
    io:format("fannkuch ~p ~p ~p~n", [?N, Max, Sum]).

repeat(0, Acc) -> Acc;
repeat(R, Acc) -> repeat(R - 1, perms([], lists:seq(1, ?N), Acc)).

perms(Perm, [], {Max, Sum}) ->
    F = flips(Perm, 0),
    {max(Max, F), Sum + F};
perms(Prefix, Rest, Acc) ->
    lists:foldl(fun(X, A) -> perms([X | Prefix], lists:delete(X, Rest), A) end,
                Acc, Rest).

flips([1 | _], N) -> N;
flips([K | _] = L, N) ->
    {Front, Back} = lists:split(K, L),
    flips(lists:reverse(Front, Back), N + 1).
