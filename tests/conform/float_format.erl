%% io:format float directives: ~f ~e ~g with widths and precisions.
-module(float_format).
-export([main/0]).

main() ->
    Fs = [0.0, 1.0, -1.0, 3.14159265358979, 0.1, 2.675, 0.125, 1234.5678,
          -0.000123456, 1.0e10, 1.0e-10, 123456789.123, 0.5, 1.5, 2.5, 99.999],
    lists:foreach(
      fun(F) ->
              io:format("~w~n  f[~f] e[~e] g[~g]~n", [F, F, F, F]),
              io:format("  .1f[~.1f] .3f[~.3f] .10f[~.10f]~n", [F, F, F]),
              io:format("  .2e[~.2e] .10e[~.10e] .3g[~.3g] .10g[~.10g]~n", [F, F, F, F]),
              io:format("  12.3f[~12.3f] -12.3f[~-12.3f] 12.3e[~12.3e]~n", [F, F, F])
      end, Fs),
    io:format("[~10.2f] [~-10.2f] [~10.2.0f] [~10.2.*f]~n", [3.14159, 3.14159, 3.14159, $x, 3.14159]),
    io:format("[~3.1f]~n", [1234.5]),
    io:format("[~.2e]~n", [12345.0]),
    io:format("[~p]~n", [try io_lib:format("~.1e", [1.5]) catch error:R3 -> R3 end]),
    io:format("[~p]~n", [try io_lib:format("~f", [100]) catch error:R -> R end]),
    io:format("[~p]~n", [try io_lib:format("~.0f", [1.5]) catch error:R2 -> R2 end]),
    
    io:format("[~g]~n", [1.0e-5]),
    io:format("[~g] [~g] [~g]~n", [1.0e4, 1.0e5, 123456.7]),
    %% io_lib rounds the exact binary value (0.15 -> 0.1), unlike
    %% float_to_list(F, [{decimals, 1}]) which gives 0.2 (see float_to_list.erl)
    io:format("~p~n", [[lists:flatten(io_lib:format("~.1f", [X])) || X <- [0.05, 0.15, 0.25, 0.35, 0.45]]]),
    S = io_lib:format("~.4f", [2 / 3]),
    io:format("~s ~p~n", [S, lists:flatten(S)]),
    io:format("~s~n", [[io_lib:format("~6.2f|", [X / 7]) || X <- lists:seq(1, 8)]]).
