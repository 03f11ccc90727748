%% Float arithmetic, int/float mixing, trunc/round/floor/ceil, float/1,
%% comparisons, math functions with exact results.
-module(float_ops).
-export([main/0]).

main() ->
    io:format("~p ~p ~p ~p~n", [7 / 2, 7 / 7, -7 / 2, 1 / 3]),
    io:format("~p ~p ~p~n", [1 + 0.5, 2 * 1.5, 10 - 0.25]),
    io:format("~p ~p~n", [0.1 + 0.2, 0.1 * 3]),
    io:format("~p~n", [c(fun() -> 1.0e308 * 10 end)]),
    io:format("~p~n", [(1 bsl 70) / 3]),
    io:format("~p~n", [(1 bsl 70) + 0.5]),
    io:format("~p~n", [2.0 * (1 bsl 80)]),
    Vs = [2.5, 3.5, -2.5, -3.5, 2.4999, 2.5000001, -0.5, 0.5, 1.0e15 + 0.5,
          7.0, -7.0, 123.999, -123.001, 1.0e20],
    lists:foreach(
      fun(V) ->
              io:format("~p: trunc ~p round ~p floor ~p ceil ~p~n",
                        [V, trunc(V), round(V), floor(V), ceil(V)])
      end, Vs),
    io:format("ints: ~p ~p ~p ~p~n", [trunc(5), round(-5), floor(6), ceil(-6)]),
    io:format("float/1: ~p ~p ~p~n", [float(3), float(-1 bsl 62), float(12345678901234567890)]),
    io:format("cmp: ~p ~p ~p ~p ~p~n", [1 < 1.5, 2 == 2.0, 2 =:= 2.0, 3.0 > 2, 0.0 == -0.0]),
    io:format("exact zero: ~p~n", [0.0 =:= -0.0]),
    io:format("sort: ~p~n", [lists:sort([3, 2.0, 1, 2, 1.0, 0.5, -1])]),
    io:format("usort: ~p~n", [lists:usort([1, 1.0, 2, 2.0])]),
    io:format("max/min: ~p ~p~n", [max(1, 1.0), min(1, 1.0)]),
    io:format("sqrt: ~p ~p ~p~n", [math:sqrt(16), math:sqrt(2), math:sqrt(0.25)]),
    io:format("pow: ~p ~p ~p~n", [math:pow(2, 10), math:pow(2, 0.5), math:pow(10, -2)]),
    io:format("pi: ~p~n", [math:pi()]),
    io:format("exact fns: ~p ~p ~p ~p~n", [math:exp(0), math:log(1), math:sin(0.0), math:cos(0.0)]),
    io:format("floor/ceil math: ~p ~p~n", [math:floor(-1.5), math:ceil(-1.5)]),
    io:format("abs: ~p ~p~n", [abs(-2.5), abs(2.5)]),
    io:format("is_float: ~p ~p~n", [is_float(1.0), is_float(1)]),
    io:format("is_number: ~p ~p ~p~n", [is_number(1.0), is_number(1), is_number(a)]),
    io:format("sum: ~p~n", [lists:sum([0.1 || _ <- lists:seq(1, 10)])]),
    io:format("avg: ~p~n", [lists:sum(lists:seq(1, 10)) / 10]),
    io:format("harmonic: ~p~n", [lists:sum([1 / N || N <- lists:seq(1, 1000)])]),
    io:format("badarith: ~p~n", [c(fun() -> 1 / 0 end)]),
    io:format("badarith float: ~p~n", [c(fun() -> 1.0 / 0.0 end)]),
    io:format("int div float: ~p~n", [c(fun() -> 4.0 div 2 end)]),
    io:format("rem float: ~p~n", [c(fun() -> 4.0 rem 2 end)]),
    io:format("bsl float: ~p~n", [c(fun() -> 1.0 bsl 2 end)]),
    io:format("neg: ~p ~p~n", [-(1.5), -(-0.0)]),
    io:format("compound: ~p~n", [(1.5 + 2) * 4 / 3 - 0.25]),
    io:format("newton sqrt 2: ~p~n", [newton(2.0, 1.0, 20)]).

newton(_, X, 0) -> X;
newton(A, X, N) -> newton(A, (X + A / X) / 2, N - 1).

c(F) ->
    try F() catch C:R -> {C, R} end.
