%% Number <-> text conversions: integer_to_list, list_to_integer,
%% float_to_list, list_to_float, string:to_integer/to_float, io_lib:fread,
%% erl_scan-free parsing of formatted numbers.
-module(number_strings).
-export([main/0]).

main() ->
    io:format("~p~n", [[integer_to_list(N) || N <- [0, -0, 7, -7, 1 bsl 64, -(1 bsl 64)]]]),
    io:format("~p~n", [[list_to_integer(S) || S <- ["0", "-0", "007", "-12", "99999999999999999999999"]]]),
    io:format("~p~n", [[try list_to_integer(S) catch error:R -> {S, R} end || S <- ["", "1.0", "1e3", " 1", "abc", "-"]]]),
    io:format("~p~n", [[list_to_float(S) || S <- ["0.0", "1.5", "-2.25e-3", "1.0e10", "3.0E2"]]]),
    io:format("~p~n", [[try list_to_float(S) catch error:R -> {S, R} end || S <- ["1", ".5", "1.", "1e5", "abc"]]]),
    io:format("~p~n", [[string:to_integer(S) || S <- ["12abc", "-5", "+7x", "x", "", "1.5"]]]),
    io:format("~p~n", [[string:to_float(S) || S <- ["1.5abc", "2.0e3", "-0.5", "1", "1e2", ".5"]]]),
    io:format("~p~n", [io_lib:fread("~d ~f ~s", "42 3.5 word rest")]),
    io:format("~p~n", [io_lib:fread("~d,~d", "1,2")]),
    io:format("~p~n", [[float_to_list(F, [short]) || F <- [0.1, 100.0, 1.0e-7, 1.0e22, 123.456]]]),
    io:format("~p~n", [[erlang:float_to_list(F, [{decimals, 3}]) || F <- [0.0005, 0.0015, 1.0005, 2.0e-4]]]),
    io:format("~p~n", [[list_to_integer(integer_to_list(N, B), B) =:= N || N <- [12345, -999, 1 bsl 90], B <- [2, 7, 16, 36]]]),
    io:format("~p~n", [[binary_to_integer(integer_to_binary(N)) || N <- [1, -1, 1 bsl 100]]]),
    io:format("~p~n", [[binary_to_float(float_to_binary(F)) =:= F || F <- [0.1, 1 / 3, 1.0e300, -5.0e-324]]]),
    io:format("~p~n", [[list_to_float(float_to_list(F, [short])) =:= F || F <- [0.1, 1 / 3, 1.0e300, 2 / 7]]]),
    io:format("~p~n", [erlang:list_to_integer("7fffffffffffffff", 16)]),
    io:format("~p~n", [[round(X * 100) / 100 || X <- [1.005, 2.675, 3.14159]]]),
    io:format("~p~n", [[trunc(X) || X <- [1.0e18, 1.0e19, -1.0e19]]]),
    io:format("~p~n", [[number_to_words(N) || N <- [0, 7, 13, 42, 100, 999]]]),
    io:format("~s~n", [format_thousands(1234567890)]),
    io:format("~s~n", [format_thousands(-987654)]),
    io:format("~p~n", [[io_lib:format("~.2f", [X]) || X <- [0.005, 0.015, 0.025, 1.125]]]),
    io:format("done~n").

number_to_words(0) -> "zero";
number_to_words(N) -> string:trim(words(N)).

words(0) -> "";
words(N) when N < 20 ->
    element(N, {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"});
words(N) when N < 100 ->
    Tens = element(N div 10, {"", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}),
    case N rem 10 of 0 -> Tens; R -> Tens ++ "-" ++ words(R) end;
words(N) -> words(N div 100) ++ " hundred " ++ words(N rem 100).

format_thousands(N) when N < 0 -> "-" ++ format_thousands(-N);
format_thousands(N) ->
    S = integer_to_list(N),
    lists:reverse(group(lists:reverse(S))).

group([A, B, C, D | T]) -> [A, B, C, $, | group([D | T])];
group(L) -> L.
