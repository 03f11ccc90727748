%% Standard term order across types, ==/=:= between numbers, sorting mixed
%% lists, min/max across types, compare of compound terms.
-module(term_order).
-export([main/0]).

main() ->
    Ref = make_ref(),
    Fun = fun() -> ok end,
    Pid = self(),
    Terms = [{tuple}, "list", <<"bin">>, atom, 42, 3.5, #{m => 1}, [], Ref, Fun, Pid, 1 bsl 80, -1],
    Sorted = lists:sort(Terms),
    io:format("order ~p~n", [[kind(T) || T <- Sorted]]),
    io:format("number < atom ~p~n", [1 bsl 100 < a]),
    io:format("atom < ref ~p ref < fun ~p fun < pid ~p pid < tuple ~p~n",
              [zzz < Ref, Ref < Fun, Fun < Pid, Pid < {}]),
    io:format("tuple < map ~p map < nil ~p nil < list ~p list < bin ~p~n",
              [{a, b, c, d} < #{}, #{z => 1} < [], [] < [0], [z] < <<>>]),
    io:format("numbers ~p~n", [lists:sort([3, 2.0, 1, 1.0, 2, 0.5, -1, -1.0, 1 bsl 64, 1.0e30])]),
    io:format("== ~p ~p ~p ~p~n", [1 == 1.0, 1 =:= 1.0, 1 /= 1.0, 1 =/= 1.0]),
    io:format("big vs float ~p ~p~n", [(1 bsl 64) == 18446744073709551616.0, (1 bsl 64) < 1.0e30]),
    io:format("tuples by size first ~p~n", [lists:sort([{b}, {a, a}, {c}, {a}])]),
    io:format("lists elementwise ~p~n", [lists:sort([[1, 2], [1], [1, 1, 1], [0, 9], [2]])]),
    io:format("strings ~p~n", [lists:sort(["b", "ab", "a", "", "abc", "B"])]),
    io:format("binaries ~p~n", [lists:sort([<<"b">>, <<"ab">>, <<>>, <<1>>, <<0, 0>>])]),
    io:format("maps by size then keys ~p~n",
              [lists:sort([#{b => 1}, #{a => 1, b => 1}, #{a => 2}, #{a => 1}, #{1 => x}, #{}])]),
    io:format("map int/float keys ~p~n", [lists:sort([#{1.0 => a}, #{1 => a}])]),
    io:format("atoms ~p~n", [lists:sort([b, 'B', a, aa, '', 'a b'])]),
    io:format("max/min ~p ~p ~p ~p~n", [max(1, a), min(1, a), max("a", <<"a">>), min({}, [])]),
    io:format("compare equal ~p ~p~n", [max(1, 1.0), max(1.0, 1)]),
    io:format("usort dedup ~p~n", [lists:usort([1, 1.0, a, a, "x", "x"])]),
    io:format("nested ~p~n", [lists:sort([{1, [a]}, {1, []}, {1, [a, b]}, {0, z}])]),
    io:format("improper ~p~n", [lists:sort([[1 | 2], [1, 2], [1 | a]])]),
    io:format("-0.0 ~p ~p~n", [-0.0 == 0.0, -0.0 < 0.0]),
    io:format("keysort stable with equal ~p~n", [lists:keysort(1, [{1, a}, {1.0, b}, {1, c}])]),
    io:format("sort/2 ~p~n", [lists:sort(fun(X, Y) -> X > Y end, [1, 3, 2])]),
    io:format("ref self ~p fun self ~p pid self ~p~n", [Ref == Ref, Fun == Fun, Pid == Pid]),
    io:format("done~n").

kind(X) when is_integer(X) -> integer;
kind(X) when is_float(X) -> float;
kind(X) when is_atom(X) -> atom;
kind(X) when is_reference(X) -> reference;
kind(X) when is_function(X) -> 'fun';
kind(X) when is_pid(X) -> pid;
kind(X) when is_tuple(X) -> tuple;
kind(X) when is_map(X) -> map;
kind([]) -> nil;
kind(X) when is_list(X) -> list;
kind(X) when is_binary(X) -> binary.
