%% Small-integer arithmetic: + - * div rem, signs, abs, comparisons,
%% mixed small/big boundaries, min/max.
-module(int_arith).
-export([main/0]).

main() ->
    Pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {1, 1},
             {100, 7}, {-100, 7}, {123456789, 1000}, {17, 17}],
    lists:foreach(
      fun({A, B}) ->
              io:format("~w ~w: + ~w - ~w * ~w div ~w rem ~w~n",
                        [A, B, A + B, A - B, A * B, A div B, A rem B])
      end, Pairs),
    io:format("abs: ~w ~w ~w~n", [abs(-5), abs(5), abs(0)]),
    io:format("neg: ~w ~w~n", [-(3), -(-3)]),
    io:format("unary plus: ~w~n", [+(4)]),
    io:format("min/max: ~w ~w ~w ~w~n", [min(3, 4), max(3, 4), min(-1, -2), max(a, 1)]),
    %% boundaries around 2^27, 2^28, 2^31, 2^32, 2^59, 2^60, 2^63, 2^64
    Bounds = [1 bsl 27, 1 bsl 28, 1 bsl 31, 1 bsl 32, 1 bsl 47, 1 bsl 59,
              1 bsl 60, 1 bsl 63, 1 bsl 64],
    lists:foreach(
      fun(X) ->
              io:format("~w: -1 ~w +1 ~w neg ~w sq ~w~n",
                        [X, X - 1, X + 1, -X, X * X])
      end, Bounds),
    Max = 576460752303423487,            % 2^59-1 (max small on 64-bit BEAM)
    io:format("max small+1 = ~w~n", [Max + 1]),
    io:format("min small-1 = ~w~n", [-Max - 2]),
    io:format("mul overflow: ~w~n", [Max * Max]),
    io:format("sum 1..100 = ~w~n", [lists:sum(lists:seq(1, 100))]),
    io:format("cmp: ~w ~w ~w ~w ~w ~w~n",
              [1 < 2, 2 =< 2, 3 > 4, 4 >= 4, 5 == 5, 5 /= 6]),
    io:format("exact: ~w ~w ~w ~w~n", [1 =:= 1, 1 =/= 2, 1 == 1.0, 1 =:= 1.0]),
    io:format("precedence: ~w ~w ~w~n", [2 + 3 * 4, (2 + 3) * 4, 10 - 2 - 3]),
    io:format("div chain: ~w~n", [1000000 div 7 div 3]),
    io:format("rem neg: ~w ~w ~w~n", [-1 rem 5, 1 rem -5, -10 rem -3]),
    io:format("bignum div small: ~w ~w~n",
              [(1 bsl 100) div 3, (1 bsl 100) rem 3]),
    io:format("is_integer: ~w ~w ~w~n", [is_integer(5), is_integer(5.0), is_integer(1 bsl 80)]),
    io:format("~w~n", [[X * X - 3 * X + 2 || X <- lists:seq(-5, 5)]]).
