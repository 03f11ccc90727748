%% Tuples: element/setelement/tuple_to_list/list_to_tuple/make_tuple,
%% append_element, tuple_size, comparison and printing.
-module(tuples).
-export([main/0]).

main() ->
    T = {a, 1, "two", 3.0, [4], {5}},
    io:format("~p~n~w~n", [T, T]),
    io:format("size ~p ~p~n", [tuple_size(T), size(T)]),
    io:format("elements ~p~n", [[element(I, T) || I <- lists:seq(1, tuple_size(T))]]),
    T2 = setelement(2, T, one),
    io:format("setelement ~p~norig ~p~n", [T2, T]),
    io:format("tuple_to_list ~p~n", [tuple_to_list(T)]),
    io:format("list_to_tuple ~p~n", [list_to_tuple([x, y, z])]),
    io:format("make_tuple ~p~n", [erlang:make_tuple(4, zero)]),
    io:format("make_tuple/3 ~p~n", [erlang:make_tuple(6, '_', [{2, b}, {5, e}, {2, bb}])]),
    io:format("append_element ~p~n", [erlang:append_element({1, 2}, 3)]),
    io:format("append to empty ~p~n", [erlang:append_element({}, only)]),
    io:format("empty ~p ~w ~p~n", [{}, {}, tuple_size({})]),
    io:format("nested ~p~n", [{{{{deep}}}, {}, [{}]}]),
    io:format("cmp ~p ~p ~p ~p~n", [{1, 2} < {1, 3}, {2} < {1, 1}, {a, b} == {a, b}, {1} < [1]]),
    io:format("sort ~p~n", [lists:sort([{b, 2}, {a, 3}, {a, 1}, {c}, {}, {a, 1, 0}])]),
    Big = list_to_tuple(lists:seq(1, 100)),
    io:format("big size ~p last ~p~n", [tuple_size(Big), element(100, Big)]),
    io:format("~p~n", [Big]),
    Updated = lists:foldl(fun(I, Acc) -> setelement(I, Acc, I * I) end, Big, lists:seq(1, 100, 10)),
    io:format("~w~n", [[element(I, Updated) || I <- lists:seq(1, 100, 10)]]),
    {A, B, _} = {1, 2, 3},
    io:format("match ~p ~p~n", [A, B]),
    io:format("badarg element ~p~n", [try element(7, T) catch error:R -> R end]),
    io:format("badarg setelement ~p~n", [try setelement(0, T, x) catch error:R2 -> R2 end]),
    io:format("is_tuple ~p ~p~n", [is_tuple(T), is_tuple([T])]),
    io:format("~p~n", [{"string in tuple", <<"bin">>, 'atom q', 16#FF}]).
