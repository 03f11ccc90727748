%% Fun calls on hot paths (compiled by the JIT tier after enough calls):
%% closures with 0 to 12 free variables, export funs, funs of other
%% modules, funs called across many time slices, a fun calling itself
%% through its argument, and the errors a fun call raises (badfun,
%% badarity) from compiled callers.
-module(funs_hot).
-export([main/0, triple/1]).

triple(X) -> 3 * X.

main() ->
    N = 20000,
    io:format("free0 ~p~n", [loop(N, fun(X) -> X + 1 end, 0)]),
    A = 7,
    io:format("free1 ~p~n", [loop(N, fun(X) -> X + A end, 0)]),
    {B, C, D} = {2, 3, 5},
    io:format("free3 ~p~n", [loop(N, fun(X) -> (X + B * C - D) rem 1000003 end, 1)]),
    [F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12] = lists:seq(1, 12),
    Many = fun(X) -> (X + F1 + F2 + F3 + F4 + F5 + F6 + F7 + F8 + F9 + F10 + F11 + F12) rem 999983 end,
    io:format("free12 ~p~n", [loop(N, Many, 0)]),
    io:format("export ~p~n", [loop(N, fun ?MODULE:triple/1, 1) rem 1000]),
    io:format("bif fun ~p~n", [loop(N, fun erlang:abs/1, -5)]),
    io:format("remote ~p~n", [lists:sum(lists:map(fun(X) -> X * A end, lists:seq(1, N)))]),
    io:format("fold ~p~n", [lists:foldl(fun(X, Acc) -> (Acc * 31 + X) rem 1000000007 end, 0, lists:seq(1, N))]),
    %% two-argument closures, called with a big list of terms
    Pairs = [{I, integer_to_list(I)} || I <- lists:seq(1, 2000)],
    io:format("sort ~p~n", [lists:sublist(lists:sort(fun({_, S1}, {_, S2}) -> S1 >= S2 end, Pairs), 3)]),
    %% a fun that recurses through itself
    Fact = fun(_, 0) -> 1; (Self, K) -> K * Self(Self, K - 1) end,
    io:format("fact ~p~n", [Fact(Fact, 30)]),
    Fib = fun(_, K) when K < 2 -> K; (Self, K) -> Self(Self, K - 1) + Self(Self, K - 2) end,
    io:format("fib ~p~n", [Fib(Fib, 20)]),
    %% deep non-tail recursion through a fun
    Len = fun(_, []) -> 0; (Self, [_ | T]) -> 1 + Self(Self, T) end,
    io:format("len ~p~n", [Len(Len, lists:seq(1, 200000))]),
    %% funs stored in data and picked dynamically
    Ops = list_to_tuple([fun(X) -> X + 1 end, fun(X) -> X * 2 end, fun ?MODULE:triple/1,
                         fun(X) -> X - A end]),
    io:format("dispatch ~p~n", [dispatch(N, Ops, 1)]),
    %% closures made on every iteration, arity tests on every kind of term
    io:format("adders ~p~n", [adders(N, 0)]),
    Terms = [fun() -> ok end, fun(X) -> X end, fun(X, Y) -> {X, Y, A} end, fun ?MODULE:triple/1,
             fun erlang:element/2, fun lists:map/2, 1, atom, {fun(_) -> ok end}, [], <<>>],
    io:format("arities ~p~n", [arities(2000, Terms, [])]),
    %% errors from a hot caller
    Bad = [fun(X, Y) -> X + Y end, not_a_fun, 42, fun ?MODULE:triple/1, {a, b}],
    [io:format("~p~n", [catch_call(F)]) || _ <- lists:seq(1, 3), F <- Bad],
    ok.

loop(0, _F, Acc) -> Acc;
loop(N, F, Acc) -> loop(N - 1, F, F(Acc)).

dispatch(0, _Ops, Acc) -> Acc;
dispatch(N, Ops, Acc) ->
    F = element(1 + N rem tuple_size(Ops), Ops),
    dispatch(N - 1, Ops, F(Acc) rem 1000003).

adders(0, Acc) -> Acc;
adders(N, Acc) ->
    Add = fun(X) -> X + N end,
    Pair = fun(X, Y) -> {N, X, Y} end,
    {_, _, Y} = Pair(a, Add(Acc)),
    adders(N - 1, Y rem 1000003).

arities(0, _Terms, Acc) -> Acc;
arities(N, Terms, _Acc) ->
    R = [{f0(T), f1(T), f2(T), is_function(T)} || T <- Terms],
    arities(N - 1, Terms, R).

f0(T) when is_function(T, 0) -> yes;
f0(_) -> no.
f1(T) when is_function(T, 1) -> yes;
f1(_) -> no.
f2(T) when is_function(T, 2) -> yes;
f2(_) -> no.

catch_call(F) ->
    try F(1) of
        V -> {ok, V}
    catch
        error:{badfun, T} -> {badfun, T};
        error:{badarity, {Fun, Args}} -> {badarity, is_function(Fun), Args}
    end.
