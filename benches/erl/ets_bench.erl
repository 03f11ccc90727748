%% ETS: insert, lookup, update_counter and delete on a 200,000-key set table.
%% (beamz-jit has no ETS yet: expected to fail there.)
-module(ets_bench).
-export([main/0]).

-define(N, 200000).

main() ->
    T = ets:new(bench, [set, public]),
    S = rounds(3, T, 0),
    io:format("ets ~p ~p~n", [S, ets:info(T, size)]).

rounds(0, _T, Acc) -> Acc;
rounds(R, T, Acc) ->
    insert(?N, T, R),
    L = lookup(?N, T, 0),
    upd(?N, T),
    C = lookup(?N, T, 0),
    del(?N, T),
    rounds(R - 1, T, (Acc + L + C + ets:info(T, size)) band 16#FFFFFFF).

insert(0, _T, _R) -> ok;
insert(N, T, R) -> true = ets:insert(T, {N, N * R, R}), insert(N - 1, T, R).

lookup(0, _T, Acc) -> Acc;
lookup(N, T, Acc) ->
    [{N, V, _}] = ets:lookup(T, N),
    lookup(N - 1, T, (Acc + V) band 16#FFFFFFF).

upd(0, _T) -> ok;
upd(N, T) -> ets:update_counter(T, N, {2, N}), upd(N - 1, T).

del(0, _T) -> ok;
del(N, T) when N rem 2 =:= 0 -> ets:delete(T, N), del(N - 1, T);
del(N, T) -> del(N - 1, T).
