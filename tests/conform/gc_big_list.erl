%% Garbage collection with large live data: a 1,000,000-element list kept
%% alive while allocating much more; big tuples, binaries and maps churn.
-module(gc_big_list).
-export([main/0]).

main() ->
    L = lists:seq(1, 1000000),
    io:format("length ~p sum ~p~n", [length(L), lists:sum(L)]),
    R = lists:reverse(L),
    io:format("reverse hd ~p last ~p~n", [hd(R), lists:last(R)]),
    %% allocate lots of garbage while L and R stay alive
    Garbage = churn(50, 0),
    io:format("churn ~p~n", [Garbage]),
    io:format("still alive ~p ~p~n", [lists:sum(L), lists:nth(500000, R)]),
    Pairs = lists:zip(L, R),
    io:format("pairs ~p ~p~n", [length(Pairs), lists:nth(250000, Pairs)]),
    Sq = [X * X || X <- L],
    io:format("squares sum ~p~n", [lists:sum(Sq)]),
    Strs = [integer_to_list(X) || X <- lists:seq(1, 200000)],
    io:format("digits ~p~n", [lists:sum([length(S) || S <- Strs])]),
    Tuples = [{X, X + 1, [X]} || X <- lists:seq(1, 300000)],
    io:format("tuples ~p~n", [lists:foldl(fun({A, B, [C]}, Acc) -> Acc + A + B + C end, 0, Tuples)]),
    Bins = [<<X:32>> || X <- lists:seq(1, 100000)],
    io:format("binaries ~p~n", [byte_size(list_to_binary(Bins))]),
    Big = lists:foldl(fun(X, Acc) -> Acc * 2 + X end, 0, lists:seq(1, 20000)),
    io:format("bignum bits ~p~n", [bits(Big, 0)]),
    M = lists:foldl(fun(X, Acc) -> maps:put(X rem 1000, X, Acc) end, #{}, L),
    io:format("map size ~p value ~p~n", [map_size(M), maps:get(7, M)]),
    Sorted = lists:sort([(X * 7919) rem 1000003 || X <- L]),
    io:format("sorted ~p ~p ~p~n", [hd(Sorted), lists:nth(500000, Sorted), lists:last(Sorted)]),
    Nested = build_tree(18),
    io:format("tree ~p~n", [tree_sum(Nested)]),
    erlang:garbage_collect(),
    io:format("after explicit gc ~p ~p~n", [length(L), tree_sum(Nested)]),
    io:format("final ~p~n", [lists:sum(L) + lists:sum(R)]).

churn(0, Acc) -> Acc;
churn(N, Acc) ->
    Tmp = lists:seq(1, 20000),
    T2 = [X + N || X <- Tmp],
    churn(N - 1, (Acc + lists:sum(T2)) rem 1000003).

bits(0, Acc) -> Acc;
bits(N, Acc) -> bits(N bsr 1, Acc + 1).

build_tree(0) -> leaf;
build_tree(D) -> {build_tree(D - 1), D, build_tree(D - 1)}.

tree_sum(leaf) -> 0;
tree_sum({L, V, R}) -> tree_sum(L) + V + tree_sum(R).
