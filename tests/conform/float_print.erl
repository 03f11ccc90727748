%% Float printing with ~p / ~w / float_to_list/1 (shortest round-trip
%% representation for ~p/~w, 20-digit scientific for float_to_list/1).
-module(float_print).
-export([main/0]).

main() ->
    Fs = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 3.14159,
          100.0, 1.0e15, 1.0e16, 1.0e17, 123456789.0, 1234567890123.0,
          9007199254740992.0, 9007199254740993.0, 1.0e21, 1.0e22, 1.0e100,
          1.0e-5, 0.0001, 0.001, 1.0e-10, 1.5e-300, 5.0e-324,
          1.7976931348623157e308, 2.2250738585072014e-308, 4.35, 0.3,
          123.456, -987.654321, 1.0e3, 12345.6789e10, 6.02214076e23],
    lists:foreach(
      fun(F) ->
              io:format("~p | ~w | ~s~n", [F, F, float_to_list(F)])
      end, Fs),
    io:format("~p~n", [Fs]),
    io:format("~w~n", [{1.0, [2.5, -0.125], #{k => 1.0e-7}}]),
    io:format("0.1+0.2 =:= 0.3: ~w~n", [0.1 + 0.2 =:= 0.3]),
    io:format("0.1+0.2 == 0.30000000000000004: ~w~n", [0.1 + 0.2 == 0.30000000000000004]),
    io:format("~p~n", [[X / 10 || X <- lists:seq(1, 12)]]),
    io:format("~p~n", [[1 / X || X <- lists:seq(1, 12)]]),
    io:format("~p~n", [[math:pow(10, E) || E <- lists:seq(-8, 24, 4)]]),
    io:format("~p~n", [[float(1 bsl E) || E <- [52, 53, 54, 63, 64, 100]]]),
    io:format("io_lib:write ~s~n", [io_lib:write(2.5e-8)]),
    io:format("~s~n", [lists:flatten(io_lib:format("~p", [-1.0e-200]))]),
    io:format("~s ~s~n", [float_to_binary(0.1), float_to_list(-2.0)]).
