%% Naive reverse: O(n^2) list appends, lots of short-lived cons cells (GC).
-module(nrev).
-export([main/0]).

main() ->
    L = lists:seq(1, 500),
    S = loop(1800, L, 0),
    io:format("nrev ~p~n", [S]).

loop(0, _L, Acc) -> Acc;
loop(N, L, Acc) ->
    [H | _] = nrev(L),
    loop(N - 1, L, Acc + H + N).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].
