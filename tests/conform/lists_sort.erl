%% Sorting and key-based list functions.
-module(lists_sort).
-export([main/0]).

main() ->
    L = [5, 3, 8, 1, 9, 2, 7, 3, 5, 0, -4, 12],
    io:format("sort ~w~n", [lists:sort(L)]),
    io:format("sort desc ~w~n", [lists:sort(fun(A, B) -> A >= B end, L)]),
    io:format("usort ~w~n", [lists:usort(L)]),
    io:format("usort fun ~w~n", [lists:usort(fun(A, B) -> A rem 3 =< B rem 3 end, L)]),
    io:format("strings ~p~n", [lists:sort(["pear", "apple", "fig", "banana", "Apple", ""])]),
    io:format("mixed ~p~n", [lists:sort([{x}, "s", 3, atom, 2.5, [], <<"b">>, #{}, [1]])]),
    KV = [{b, 2, x}, {a, 9, y}, {c, 1, z}, {a, 3, w}, {b, 2, v}],
    io:format("keysort1 ~w~n", [lists:keysort(1, KV)]),
    io:format("keysort2 ~w~n", [lists:keysort(2, KV)]),
    io:format("ukeysort1 ~w~n", [lists:ukeysort(1, KV)]),
    io:format("keyfind ~w ~w~n", [lists:keyfind(a, 1, KV), lists:keyfind(q, 1, KV)]),
    io:format("keyfind2 ~w~n", [lists:keyfind(2, 2, KV)]),
    io:format("keymember ~w ~w~n", [lists:keymember(c, 1, KV), lists:keymember(z, 1, KV)]),
    io:format("keydelete ~w~n", [lists:keydelete(b, 1, KV)]),
    io:format("keyreplace ~w~n", [lists:keyreplace(a, 1, KV, {a, 0, new})]),
    io:format("keystore new ~w~n", [lists:keystore(d, 1, KV, {d, 4, s})]),
    io:format("keystore upd ~w~n", [lists:keystore(c, 1, KV, {c, 100, s})]),
    io:format("keytake ~w~n", [lists:keytake(a, 1, KV)]),
    io:format("keymap ~w~n", [lists:keymap(fun(N) -> N * 10 end, 2, KV)]),
    io:format("keymerge ~w~n", [lists:keymerge(1, [{a, 1}, {c, 3}], [{b, 2}, {d, 4}])]),
    io:format("merge ~w~n", [lists:merge([1, 4, 7], [2, 3, 9])]),
    io:format("merge/1 ~w~n", [lists:merge([[1, 5], [2, 6], [0, 9]])]),
    io:format("umerge ~w~n", [lists:umerge([1, 2, 4], [2, 3, 4])]),
    io:format("merge3 ~w~n", [lists:merge3([1, 4], [2, 5], [3, 6])]),
    Words = string:lexemes("the quick brown fox jumps over the lazy dog again and again", " "),
    ByLen = lists:sort(fun(A, B) -> {length(A), A} =< {length(B), B} end, Words),
    io:format("by length ~p~n", [ByLen]),
    Stable = lists:sort(fun(A, B) -> length(A) =< length(B) end, Words),
    io:format("stable ~p~n", [Stable]),
    Freq = lists:foldl(fun(W, Acc) ->
                               case lists:keyfind(W, 1, Acc) of
                                   {W, N} -> lists:keyreplace(W, 1, Acc, {W, N + 1});
                                   false -> [{W, 1} | Acc]
                               end
                       end, [], Words),
    io:format("freq ~p~n", [lists:reverse(lists:keysort(2, lists:sort(Freq)))]),
    Big = [(I * 7919) rem 10007 || I <- lists:seq(1, 5000)],
    Sorted = lists:sort(Big),
    io:format("big sorted ok ~w first ~w last ~w~n",
              [is_sorted(Sorted), lists:sublist(Sorted, 5), lists:last(Sorted)]),
    io:format("usort big ~w~n", [length(lists:usort(Big ++ Big))]),
    io:format("reverse sort ~w~n", [lists:reverse(lists:sort([c, a, b]))]).

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.
