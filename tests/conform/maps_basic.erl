%% Maps: literals, update syntax (=> and :=), pattern matching, printing
%% order (small maps print in term order), maps:get/put/remove/find/...
-module(maps_basic).
-export([main/0]).

main() ->
    M = #{name => "Ann", age => 31, 1 => one, "str" => <<"bin">>, {t, 1} => tuple},
    io:format("~p~n~w~n", [M, M]),
    io:format("empty ~p ~w size ~p~n", [#{}, #{}, map_size(#{})]),
    M2 = M#{age := 32, city => "Oslo"},
    io:format("~p~n", [M2]),
    #{name := Name, age := Age} = M2,
    io:format("matched ~s ~p~n", [Name, Age]),
    io:format("get ~p ~p~n", [maps:get(name, M), maps:get(missing, M, default)]),
    io:format("find ~p ~p~n", [maps:find(age, M), maps:find(nope, M)]),
    io:format("put ~p~n", [maps:put(new, 1, #{a => 0})]),
    io:format("remove ~p ~p~n", [maps:remove(a, #{a => 1, b => 2}), maps:remove(zz, #{a => 1})]),
    io:format("keys ~p~n", [maps:keys(M)]),
    io:format("values ~p~n", [maps:values(M)]),
    io:format("to_list ~p~n", [maps:to_list(#{b => 2, a => 1, c => 3})]),
    io:format("from_list ~p~n", [maps:from_list([{x, 1}, {y, 2}, {x, 3}])]),
    io:format("size ~p ~p~n", [maps:size(M), map_size(M2)]),
    io:format("is_key ~p ~p~n", [maps:is_key(name, M), maps:is_key(nobody, M)]),
    io:format("is_map ~p ~p~n", [is_map(M), is_map([])]),
    io:format("mixed keys ~p~n", [#{1 => a, 1.0 => b, a => c, "a" => d, <<"a">> => e,
                                    [] => f, {} => g, 2 => h, -5 => i}]),
    io:format("int/float keys distinct ~p~n", [map_size(#{1 => a, 1.0 => b})]),
    io:format("nested ~p~n", [#{outer => #{inner => #{deep => [1, 2, 3]}}}]),
    Counts = lists:foldl(fun(W, Acc) -> maps:update_with(W, fun(C) -> C + 1 end, 1, Acc) end,
                         #{}, string:lexemes("a b a c b a d", " ")),
    io:format("counts ~p~n", [Counts]),
    io:format("case match ~p ~p ~p~n", [classify(#{type => circle, r => 2}),
                                        classify(#{type => square, side => 3}),
                                        classify(#{other => 1})]),
    io:format("fun head ~p~n", [area(#{w => 3, h => 4})]),
    io:format("guard ~p ~p~n", [has_size(#{a => 1}), has_size(#{})]),
    io:format("map cmp ~p ~p ~p~n", [#{a => 1} < #{a => 2}, #{b => 1} > #{a => 1, c => 1},
                                     #{a => 1} == #{a => 1.0}]),
    io:format("sort maps ~p~n", [lists:sort([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{}])]),
    Big = maps:from_list([{I, I * I} || I <- lists:seq(1, 30)]),
    io:format("30 keys ~p~n", [Big]),
    io:format("sum ~p~n", [lists:sum(maps:values(Big))]),
    K = key,
    io:format("var key ~p~n", [#{K => value}]),
    io:format("update keeps ~p~n", [(#{a => 1})#{a => 1}]),
    io:format("binary keys ~p~n", [#{<<"b">> => 2, <<"a">> => 1, <<"aa">> => 3}]),
    io:format("badkey ~p~n", [try (#{a => 1})#{b := 2} catch error:R -> R end]),
    io:format("badmap ~p~n", [try (list_to_atom("notmap"))#{a => 1} catch error:R2 -> R2 end]).

classify(#{type := circle, r := R}) -> {circle, R * R};
classify(#{type := square, side := S}) -> {square, S * S};
classify(_) -> unknown.

area(#{w := W, h := H}) -> W * H.

has_size(M) when map_size(M) > 0 -> nonempty;
has_size(_) -> empty.
