%% Map keys of every kind through lookup, update (:= and =>) and insertion:
%% atoms, small integers next to equal floats and bignums, 0.0 and -0.0,
%% pids, nil, tuples, binaries; duplicate keys in one update; updates that
%% change nothing; maps that cross the 32-key flat/hash boundary.
-module(maps_keys).
-export([main/0]).

main() ->
    Self = self(),
    Keys = [a, b, 1, 1.0, 2, -0.0, 16#FFFFFFFFFFFFFFFFFF, [], Self, {t, 1}, <<"k">>, "s", 3.5],
    M0 = maps:from_list([{K, I} || {I, K} <- lists:zip(lists:seq(1, length(Keys)), Keys)]),
    io:format("~p~n", [lists:sort(maps:to_list(M0)) =:= lists:sort(maps:to_list(M0))]),
    show(M0),
    [io:format("get ~p -> ~p~n", [fix(K), maps:get(K, M0, none)]) || K <- Keys ++ [0.0, 1.5, c, 3, {t, 2}, Self]],
    %% 0.0 and -0.0 are the same key in OTP 25
    io:format("zero ~p ~p~n", [maps:get(0.0, M0, none), maps:is_key(0.0, M0)]),
    M1 = M0#{a := 10, 1 := 11, 1.0 := 12, 0.0 := 13},
    show(M1),
    M2 = M1#{a := 20, a := 21, b => 22, new => 23},
    show(M2),
    M3 = M2#{a := 21},
    io:format("same ~p~n", [M3 =:= M2]),
    M4 = M2#{[] := nil_val, Self := pid_val, {t, 1} := tuple_val, <<"k">> := bin_val},
    show(M4),
    M5 = M4#{16#FFFFFFFFFFFFFFFFFF := big_val, 2.0 => two_float},
    show(M5),
    io:format("badkey ~p~n", [reason(fun() -> M0#{zzz := 1} end)]),
    io:format("badkey ~p~n", [reason(fun() -> M0#{a := 1, 7 := 1} end)]),
    io:format("badmap ~p~n", [reason(fun() -> (id(not_a_map))#{a := 1} end)]),
    %% pattern matching on several keys at once
    #{a := A, 1 := One, [] := N} = M4,
    io:format("match ~p ~p ~p~n", [A, One, N]),
    case M4 of
        #{missing := _} -> io:format("wrong~n");
        #{b := B, 2 := Two} -> io:format("case ~p ~p~n", [B, Two])
    end,
    %% grow past 32 keys by => and := on the way, shrink back
    Big = lists:foldl(fun(I, M) -> (M#{I => I * I})#{a := I} end, M0, lists:seq(100, 140)),
    io:format("big ~p ~p ~p~n", [map_size(Big), maps:get(a, Big), maps:get(120, Big)]),
    Small = maps:without(lists:seq(100, 135), Big),
    show(Small#{a := back}),
    %% record-like map updated in a loop
    R = loop(1000, #{x => 0, y => 0, z => 0}),
    show(R),
    ok.

loop(0, M) -> M;
loop(N, #{x := X, y := Y} = M) -> loop(N - 1, M#{x := X + 1, y := Y + N, z => N rem 7}).

show(M) ->
    io:format("~p ~w~n", [map_size(M), lists:sort([{fix(K), V} || {K, V} <- maps:to_list(M)])]).

%% pids print differently on every VM: show them as an atom
fix(P) when is_pid(P) -> a_pid;
fix(T) -> T.

id(X) -> X.

reason(F) ->
    try F() catch error:R -> R end.
