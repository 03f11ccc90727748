%% The maps module: fold/map/filter/merge/update_with/with/without/take/
%% iterator/filtermap/foreach/groups_from_list/intersect..., and the error
%% reasons of the maps API.
-module(maps_funs).
-export([main/0]).

main() ->
    M = maps:from_list([{K, length(atom_to_list(K))} || K <- [apple, fig, banana, kiwi, plum, cherry]]),
    io:format("~p~n", [M]),
    io:format("fold ~p~n", [maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], M)]),
    io:format("fold sum ~p~n", [maps:fold(fun(_, V, S) -> V + S end, 0, M)]),
    io:format("map ~p~n", [maps:map(fun(_, V) -> V * 10 end, M)]),
    io:format("map key ~p~n", [maps:map(fun(K, _) -> atom_to_list(K) end, #{a => 1, b => 2})]),
    io:format("filter ~p~n", [maps:filter(fun(_, V) -> V > 4 end, M)]),
    io:format("filtermap ~p~n", [maps:filtermap(fun(_, V) when V > 5 -> {true, V + 1000};
                                                   (_, V) -> V =:= 3 end, M)]),
    io:format("merge ~p~n", [maps:merge(#{a => 1, b => 2}, #{b => 20, c => 30})]),
    io:format("merge_with ~p~n", [maps:merge_with(fun(_, A, B) -> A + B end, #{a => 1, b => 2}, #{b => 20})]),
    io:format("update_with ~p~n", [maps:update_with(fig, fun(V) -> V * 100 end, M)]),
    io:format("update_with/4 ~p~n", [maps:update_with(new, fun(V) -> V end, init, #{})]),
    io:format("update ~p~n", [maps:update(a, 2, #{a => 1})]),
    io:format("with ~p~n", [maps:with([apple, kiwi, nothere], M)]),
    io:format("without ~p~n", [maps:without([apple, kiwi], M)]),
    io:format("take ~p ~p~n", [maps:take(a, #{a => 1, b => 2}), maps:take(z, #{a => 1})]),
    io:format("get/3 ~p~n", [maps:get(zz, M, none)]),
    io:format("keys sorted ~p~n", [maps:keys(M)]),
    io:format("values ~p~n", [maps:values(M)]),
    io:format("to_list ~p~n", [maps:to_list(M)]),
    I = maps:iterator(#{x => 1, y => 2}),
    io:format("iterator ~p~n", [iter(maps:next(I))]),
    io:format("foreach:"),
    maps:foreach(fun(K, V) -> io:format(" ~p=~p", [K, V]) end, #{c => 3, a => 1, b => 2}),
    io:format("~n"),
    io:format("from_keys ~p~n", [maps:from_keys([a, b, c], 0)]),
    io:format("groups ~p~n", [maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10))]),
    io:format("groups/3 ~p~n", [maps:groups_from_list(fun erlang:length/1, fun lists:reverse/1,
                                                     ["ab", "cd", "e", "fgh"])]),
    io:format("intersect ~p~n", [maps:intersect(#{a => 1, b => 2}, #{b => 3, c => 4})]),
    io:format("intersect_with ~p~n", [maps:intersect_with(fun(_, A, B) -> {A, B} end,
                                                          #{a => 1, b => 2}, #{b => 3, c => 4})]),
    io:format("size ~p~n", [maps:size(M)]),
    Inv = maps:fold(fun(K, V, Acc) -> maps:update_with(V, fun(L) -> [K | L] end, [K], Acc) end, #{}, M),
    io:format("inverted ~p~n", [Inv]),
    io:format("badkey get ~p~n", [try maps:get(nokey, #{a => 1}) catch error:R1 -> R1 end]),
    io:format("badkey update ~p~n", [try maps:update(nokey, 1, #{}) catch error:R2 -> R2 end]),
    io:format("badmap ~p~n", [try maps:get(a, not_a_map) catch error:R3 -> R3 end]),
    io:format("badmap size ~p~n", [try maps:size([]) catch error:R4 -> R4 end]),
    io:format("badkey syntax ~p~n", [try (id(#{}))#{k := 1} catch error:R5 -> R5 end]),
    io:format("map_get ~p~n", [try map_get(x, id(#{y => 1})) catch error:R6 -> R6 end]),
    io:format("is_map_key ~p~n", [is_map_key(y, #{y => 1})]),
    Deep = #{a => #{b => #{c => 1}}},
    io:format("deep update ~p~n", [put_in(Deep, [a, b, c], 2)]),
    io:format("deep insert ~p~n", [put_in(Deep, [a, x, y], new)]).

iter(none) -> [];
iter({K, V, Next}) -> [{K, V} | iter(maps:next(Next))].

id(X) -> X.

put_in(M, [K], V) -> M#{K => V};
put_in(M, [K | Rest], V) -> M#{K => put_in(maps:get(K, M, #{}), Rest, V)}.
