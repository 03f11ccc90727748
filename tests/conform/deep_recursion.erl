%% Non-tail (body) recursion 1,000,000 deep: the process stack must grow.
-module(deep_recursion).
-export([main/0]).

main() ->
    L = lists:seq(1, 1000000),
    io:format("body sum ~p~n", [sum(L)]),
    io:format("body len ~p~n", [len(L)]),
    M = map_double(L),
    io:format("body map last ~p~n", [lists:last(M)]),
    io:format("depth ~p~n", [depth(1000000)]),
    io:format("nested build ~p~n", [count_nest(nest(100000), 0)]),
    io:format("append recursion ~p~n", [length(app(lists:seq(1, 500000), [x]))]),
    io:format("mutual ~p ~p~n", [is_even(1000001), is_odd(1000001)]),
    io:format("non-tail fold ~p~n", [foldr(fun(X, A) -> X + A end, 0, L)]),
    io:format("lists:foldr ~p~n", [lists:foldr(fun(X, A) -> X - A end, 0, L)]),
    io:format("stack again ~p~n", [sum(lists:seq(1, 1000000))]),
    io:format("fib tree ~p~n", [fib(25)]).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

map_double([]) -> [];
map_double([H | T]) -> [H * 2 | map_double(T)].

depth(0) -> 0;
depth(N) -> 1 + depth(N - 1).

nest(0) -> leaf;
nest(N) -> {node, nest(N - 1)}.

count_nest(leaf, Acc) -> Acc;
count_nest({node, T}, Acc) -> count_nest(T, Acc + 1).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

is_even(0) -> true;
is_even(N) -> not is_odd(N - 1).

is_odd(0) -> false;
is_odd(N) -> not is_even(N - 1).

foldr(_, Acc, []) -> Acc;
foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T)).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
