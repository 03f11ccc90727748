%% float_to_list/2 and float_to_binary/2 with every option family.
-module(float_to_list).
-export([main/0]).

main() ->
    Fs = [0.0, 1.0, -1.5, 3.14159265358979, 0.1, 2.675, 1.005, 0.125, 0.375,
          1.0e10, 123456.789, -0.000123456, 1.0e-10, 9.999, 0.5, 1.5, 2.5,
          99.995, 1.0e20],
    lists:foreach(
      fun(F) ->
              io:format("~w:~n", [F]),
              io:format("  short ~s~n", [float_to_list(F, [short])]),
              io:format("  d0 ~s d2 ~s d5 ~s~n",
                        [float_to_list(F, [{decimals, 0}]),
                         float_to_list(F, [{decimals, 2}]),
                         float_to_list(F, [{decimals, 5}])]),
              io:format("  d4c ~s d10c ~s~n",
                        [float_to_list(F, [{decimals, 4}, compact]),
                         float_to_list(F, [{decimals, 10}, compact])]),
              io:format("  s0 ~s s3 ~s s10 ~s~n",
                        [float_to_list(F, [{scientific, 0}]),
                         float_to_list(F, [{scientific, 3}]),
                         float_to_list(F, [{scientific, 10}])])
      end, Fs),
    io:format("~p~n", [float_to_binary(1.25, [{decimals, 3}])]),
    io:format("~p~n", [float_to_binary(1.25, [{decimals, 3}, compact])]),
    io:format("~p~n", [float_to_binary(1.0e-3, [short])]),
    io:format("~p~n", [float_to_binary(12.5, [{scientific, 2}])]),
    io:format("~p~n", [float_to_list(1.0e15, [{decimals, 1}])]),
    io:format("~p~n", [float_to_list(123.0, [{decimals, 20}])]),
    io:format("~p~n", [float_to_list(0.1, [{decimals, 20}])]),
    io:format("~p~n", [float_to_list(0.1, [{scientific, 20}])]),
    io:format("~p~n", [float_to_list(5.0e-324, [short])]),
    io:format("~p~n", [float_to_list(1.0e23, [short])]),
    io:format("~p~n", [float_to_list(-0.0, [short])]),
    io:format("~p~n", [float_to_list(-0.0, [{decimals, 2}])]),
    io:format("~p~n", [c(fun() -> float_to_list(1.0, [{decimals, 300}]) end)]),
    io:format("~p~n", [list_to_float("1.5e3")]),
    io:format("~p~n", [list_to_float("-0.25")]),
    io:format("~p~n", [binary_to_float(<<"6.25e-2">>)]),
    io:format("~p~n", [c(fun() -> list_to_float("1") end)]),
    io:format("~p~n", [[float_to_list(X, [{decimals, 1}]) || X <- [0.05, 0.15, 0.25, 0.35, 0.45]]]).

c(F) ->
    try F() catch C:R -> {C, R} end.
