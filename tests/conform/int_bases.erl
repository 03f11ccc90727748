%% integer_to_list/2, list_to_integer/2, integer_to_binary, base directives.
-module(int_bases).
-export([main/0]).

main() ->
    Ns = [0, 1, 255, -255, 4095, 123456789, -987654321, 1 bsl 64, -(1 bsl 70)],
    lists:foreach(
      fun(N) ->
              io:format("~w: b2 ~s b8 ~s b16 ~s b36 ~s~n",
                        [N, integer_to_list(N, 2), integer_to_list(N, 8),
                         integer_to_list(N, 16), integer_to_list(N, 36)])
      end, Ns),
    io:format("~s ~s ~s~n", [integer_to_list(35, 36), integer_to_list(100, 7),
                             integer_to_list(-1, 3)]),
    io:format("~w ~w ~w ~w~n", [list_to_integer("ff", 16), list_to_integer("FF", 16),
                                list_to_integer("-777", 8), list_to_integer("zz", 36)]),
    io:format("~w~n", [list_to_integer("123456789012345678901234567890")]),
    io:format("~w~n", [list_to_integer("-000042")]),
    io:format("~w~n", [list_to_integer("+17")]),
    io:format("~p ~p~n", [integer_to_binary(255), integer_to_binary(255, 16)]),
    io:format("~w ~w~n", [binary_to_integer(<<"-99">>), binary_to_integer(<<"7f">>, 16)]),
    io:format("[~.16B] [~.16b] [~.2B] [~.36B]~n", [48879, 48879, 10, 1295]),
    io:format("[~.16X] [~.16x] [~.8#] [~.16#]~n", [255, "0x", 255, "0x", 8, -255]),
    io:format("[~B] [~b] [~10B] [~-10B] [~.10B]~n", [42, -42, 42, 42, 42]),
    io:format("[~8.16.0B] [~8.2.0B]~n", [255, 5]),
    io:format("[~X] [~x]~n", [31, "#", 31, "#"]),
    io:format("[~#] [~.2#]~n", [31, 5]),
    io:format("~s~n", [erlang:integer_to_list(16#CAFEBABE, 16)]),
    io:format("~w~n", [[integer_to_list(I, B) || {I, B} <- [{10, 2}, {10, 3}, {10, 11}]]]).
