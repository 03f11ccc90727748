%% The lists module, part 2: zip/unzip/partition/splitwith/dropwhile/...
-module(lists_more).
-export([main/0]).

main() ->
    io:format("zip ~w~n", [lists:zip([1, 2, 3], [a, b, c])]),
    io:format("zip3 ~w~n", [lists:zip3([1, 2], [a, b], ["x", "y"])]),
    io:format("zipwith ~w~n", [lists:zipwith(fun(X, Y) -> X * Y end, [1, 2, 3], [4, 5, 6])]),
    io:format("zipwith3 ~w~n", [lists:zipwith3(fun(X, Y, Z) -> X + Y + Z end, [1, 2], [3, 4], [5, 6])]),
    io:format("unzip ~w~n", [lists:unzip([{1, a}, {2, b}, {3, c}])]),
    io:format("unzip3 ~w~n", [lists:unzip3([{1, a, x}, {2, b, y}])]),
    io:format("zip mismatch ~p~n", [try lists:zip([1, 2], [a]) catch error:R -> R end]),
    io:format("partition ~w~n", [lists:partition(fun(X) -> X > 3 end, [1, 5, 2, 6, 3, 7])]),
    io:format("splitwith ~w~n", [lists:splitwith(fun(X) -> X < 4 end, [1, 2, 3, 4, 1, 2])]),
    io:format("dropwhile ~w~n", [lists:dropwhile(fun(X) -> X < 4 end, [1, 2, 3, 4, 1, 2])]),
    io:format("takewhile ~w~n", [lists:takewhile(fun(X) -> X < 4 end, [1, 2, 3, 4, 1, 2])]),
    io:format("split ~w~n", [lists:split(2, [a, b, c, d])]),
    io:format("max ~w min ~w sum ~w last ~w~n",
              [lists:max([3, 9, 2]), lists:min([3, 9, 2]), lists:sum([1.5, 2, 3]), lists:last([x, y, z])]),
    io:format("member ~w delete ~w~n", [lists:member({a}, [{a}, b]), lists:delete(x, [y, x, z, x])]),
    io:format("subtract ~w~n", [[1, 2, 3, 1, 2, 3] -- [3, 1]]),
    io:format("append ~p~n", ["abc" ++ "def" ++ []]),
    io:format("nested ++ ~w~n", [[[1]] ++ [[2], 3]]),
    io:format("flatten deep ~w~n", [lists:flatten([[[[[[[[[[1]]]]]]]]], 2, [[3, [4]]]])]),
    io:format("duplicate 0 ~w~n", [lists:duplicate(0, x)]),
    io:format("seq empty ~w seq one ~w~n", [lists:seq(5, 4), lists:seq(5, 5)]),
    io:format("seq badarg ~p~n", [try lists:seq(5, 1) catch error:R2 -> R2 end]),
    io:format("sublist beyond ~w~n", [lists:sublist([1, 2, 3], 2, 10)]),
    io:format("nth badarg ~p~n", [try lists:nth(5, [1, 2]) catch error:R3 -> R3 end]),
    io:format("foldl tuple ~w~n", [lists:foldl(fun(X, {S, P}) -> {S + X, P * X} end, {0, 1}, lists:seq(1, 10))]),
    io:format("sum seq ~w~n", [lists:sum(lists:seq(1, 1000))]),
    io:format("reverse string ~p~n", [lists:reverse("stressed")]),
    io:format("keyfind in zip ~w~n", [lists:keyfind(2, 1, lists:zip([1, 2, 3], [a, b, c]))]),
    io:format("splitwith all ~w~n", [lists:splitwith(fun(_) -> true end, [1, 2])]),
    io:format("partition none ~w~n", [lists:partition(fun(_) -> false end, [1, 2])]),
    io:format("takewhile all ~w~n", [lists:takewhile(fun(_) -> true end, [1, 2])]),
    io:format("min/max single ~w ~w~n", [lists:min([7]), lists:max([7])]),
    io:format("all/any empty ~w ~w~n", [lists:all(fun(_) -> false end, []), lists:any(fun(_) -> true end, [])]),
    io:format("sublist/2 ~w~n", [lists:sublist([a, b, c], 0)]),
    io:format("dedup ~w~n", [dedup([1, 1, 2, 3, 3, 3, 1, 1])]),
    io:format("chunks ~w~n", [chunks(lists:seq(1, 10), 3)]),
    io:format("transpose ~w~n", [transpose([[1, 2, 3], [4, 5, 6], [7, 8, 9]])]),
    io:format("perms ~w~n", [perms([1, 2, 3])]),
    io:format("powerset ~w~n", [powerset([a, b, c])]).

dedup([A, A | T]) -> dedup([A | T]);
dedup([A | T]) -> [A | dedup(T)];
dedup([]) -> [].

chunks([], _) -> [];
chunks(L, N) when length(L) =< N -> [L];
chunks(L, N) -> {H, T} = lists:split(N, L), [H | chunks(T, N)].

transpose([[] | _]) -> [];
transpose(M) -> [[hd(R) || R <- M] | transpose([tl(R) || R <- M])].

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

powerset([]) -> [[]];
powerset([H | T]) -> P = powerset(T), [[H | S] || S <- P] ++ P.
