-module(maps_large).
-export([main/0]).

%% Maps of more than 32 keys are HAMTs in OTP: iteration, printing and
%% maps:keys/values/to_list follow the hash order, updates keep it, and a
%% map that shrinks to 32 keys becomes flat (key order) again. No atom
%% keys here: OTP hashes atoms by their atom-table index.

main() ->
    M40 = maps:from_list([{X, X} || X <- lists:seq(1, 40)]),
    io:format("~p~n", [M40]),
    io:format("~w~n", [M40]),
    io:format("~w~n~w~n~w~n", [maps:keys(M40), maps:values(M40), maps:to_list(M40)]),
    io:format("~w~n", [maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], M40)]),
    io:format("~w~n", [walk(maps:iterator(M40))]),
    io:format("~p~n", [element(1, maps:next(maps:iterator(M40)))]),
    maps:foreach(fun(K, V) -> io:format("~w:~w ", [K, V]) end, M40),
    io:format("~n"),

    %% the same map built other ways
    Put = lists:foldl(fun(X, A) -> A#{X => X} end, #{}, lists:seq(40, 1, -1)),
    Put2 = lists:foldl(fun(X, A) -> maps:put(X, X, A) end, #{}, lists:seq(1, 40)),
    Keys = maps:from_keys(lists:seq(1, 40), 0),
    io:format("~p ~p ~w~n", [Put =:= M40, Put2 == M40, maps:keys(Keys) =:= maps:keys(M40)]),
    io:format("~w~n", [maps:keys(Put)]),

    %% other key types
    Strs = maps:from_list([{"key" ++ integer_to_list(X), X} || X <- lists:seq(1, 36)]),
    io:format("~p~n", [Strs]),
    Bins = maps:from_list([{integer_to_binary(X * 7), X} || X <- lists:seq(1, 45)]),
    io:format("~p~n", [Bins]),
    Tups = maps:from_list([{{X, [X]}, X} || X <- lists:seq(1, 35)]),
    io:format("~w~n", [maps:keys(Tups)]),
    Floats = maps:from_list([{X / 4, X} || X <- lists:seq(1, 40)]),
    io:format("~w~n", [maps:values(Floats)]),
    Neg = maps:from_list([{-X * 1000003, X} || X <- lists:seq(1, 40)]),
    io:format("~w~n", [maps:values(Neg)]),
    Bigs = maps:from_list([{X bsl 70, X} || X <- lists:seq(1, 40)] ++
                          [{X bsl 50, -X} || X <- lists:seq(1, 10)]),
    io:format("~w~n", [maps:values(Bigs)]),
    Mixed = maps:from_list([{X, int} || X <- lists:seq(1, 10)] ++
                           [{float(X), float} || X <- lists:seq(1, 10)] ++
                           [{[X], list} || X <- lists:seq(1, 10)] ++
                           [{<<X>>, bin} || X <- lists:seq(1, 10)] ++
                           [{#{X => X}, map} || X <- lists:seq(1, 5)]),
    io:format("~p~n", [Mixed]),
    Nested = maps:from_list([{maps:from_list([{Y, X} || Y <- lists:seq(1, 33)]), X}
                             || X <- lists:seq(1, 34)]),
    io:format("~w~n", [maps:values(Nested)]),

    %% a bigger map: only digests of the orders
    M5k = maps:from_list([{X, X * X} || X <- lists:seq(1, 5000)]),
    io:format("~p ~p ~p~n", [map_size(M5k), digest(maps:keys(M5k)), digest(maps:values(M5k))]),
    io:format("~p~n", [digest(maps:fold(fun(K, _, A) -> [K | A] end, [], M5k))]),
    io:format("~w~n", [lists:sublist(maps:to_list(M5k), 12)]),
    io:format("~p~n", [lists:sum(maps:values(M5k))]),

    %% updates
    U = M40#{5 := five, 41 => 41, 7 => seven},
    io:format("~w~n", [U]),
    io:format("~p~n", [reason(fun() -> M40#{99 := x} end)]),
    io:format("~p~n", [reason(fun() -> maps:update(99, x, M40) end)]),
    io:format("~p~n", [reason(fun() -> maps:get(99, M40) end)]),
    io:format("~p~n", [reason(fun() -> maps:get(1, [M40]) end)]),
    io:format("~p ~p ~p ~p~n", [maps:get(40, M40), maps:find(39, M40), maps:find(39.0, M40),
                                maps:get(99, M40, default)]),
    io:format("~p ~p ~p~n", [maps:is_key(1, M40), is_map_key(41, M40), map_size(U)]),
    io:format("~p~n", [maps:update_with(3, fun(V) -> V * 100 end, M40)]),

    %% removes down to small sizes
    lists:foldl(fun(K, M) ->
                        M2 = maps:remove(K, M),
                        io:format("~p: ~w~n", [map_size(M2), M2]),
                        M2
                end, M40, lists:seq(1, 10)),
    {V7, T7} = maps:take(7, M40),
    io:format("~p ~w~n", [V7, maps:keys(T7)]),
    io:format("~p ~p~n", [maps:take(99, M40), maps:remove(99, M40) =:= M40]),
    R5k = lists:foldl(fun maps:remove/2, M5k, lists:seq(2, 5000, 2)),
    io:format("~p ~p~n", [map_size(R5k), digest(maps:keys(R5k))]),
    io:format("~p~n", [maps:keys(R5k) =:= maps:keys(maps:from_list([{X, X} || X <- lists:seq(1, 5000, 2)]))]),
    Small = lists:foldl(fun maps:remove/2, M5k, lists:seq(1, 4970)),
    io:format("~p~n", [Small]),

    %% merges
    A = maps:from_list([{X, a} || X <- lists:seq(1, 30)]),
    B = maps:from_list([{X, b} || X <- lists:seq(20, 45)]),
    io:format("~w~n", [maps:merge(A, B)]),
    io:format("~w~n", [maps:merge(B, A)]),
    io:format("~w~n", [maps:merge(M40, #{1 => one, 50 => fifty})]),
    io:format("~w~n", [maps:merge(#{1 => one, 50 => fifty}, M40)]),
    io:format("~p~n", [digest(maps:to_list(maps:merge(M5k, B)))]),
    io:format("~p~n", [maps:merge_with(fun(_K, X, Y) -> {X, Y} end, A, B)]),

    %% comparisons and sorting
    Ms = [maps:from_list([{X, V} || X <- lists:seq(1, 34)]) || V <- [3, 1, 2]] ++
         [maps:from_list([{X, 1} || X <- lists:seq(2, 35)]),
          maps:from_list([{X, 1} || X <- lists:seq(1, 33)] ++ [{34, 1.0}]),
          maps:from_list([{X, 1} || X <- lists:seq(1, 33)]),
          M40],
    io:format("~w~n", [[{map_size(X), maps:get(34, X, none)} || X <- lists:sort(Ms)]]),
    [M34a, M34b | _] = Ms,
    io:format("~p ~p ~p ~p~n", [M34a < M34b, M34b == lists:nth(5, Ms), M34b =:= lists:nth(5, Ms),
                                 lists:max(Ms) =:= M40]),
    io:format("~p~n", [lists:usort([M40, Put, Put2, M34a]) =:= [M34a, M40]]),

    %% higher-order maps functions over a hashmap
    io:format("~w~n", [maps:map(fun(K, V) -> K + V end, M40)]),
    io:format("~w~n", [maps:filter(fun(K, _) -> K rem 3 =:= 0 end, M40)]),
    io:format("~w~n", [maps:filtermap(fun(K, V) when K > 20 -> {true, V * 2}; (_, _) -> false end, M40)]),
    io:format("~w~n", [maps:with(lists:seq(1, 40, 4), M40)]),
    io:format("~w~n", [maps:without(lists:seq(1, 40, 4), M40)]),
    io:format("~w~n", [maps:groups_from_list(fun(X) -> X rem 3 end, maps:keys(M40))]),
    io:format("~p~n", [maps:intersect(M40, maps:from_list([{X, y} || X <- lists:seq(30, 70)]))]),
    io:format("~p~n", [erlang:phash2(M40) =:= erlang:phash2(Put)]),
    ok.

reason(F) ->
    try F() catch error:R -> {error, R} end.

walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, _V, I2} -> [K | walk(I2)]
    end.

digest(L) ->
    lists:foldl(fun(X, Acc) -> (Acc * 31 + erlang:phash2(X)) rem 1000000007 end, 17, L).
