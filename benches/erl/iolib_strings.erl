%% String processing with io_lib: format 80,000 lines, count and hash them.
%% Directives ~w ~s ~p ~.3f ~-10s and padding; the lines are flattened,
%% split into words with string:lexemes and hashed.
-module(iolib_strings).
-export([main/0]).

-define(LINES, 80000).

main() ->
    Lines = [line(I) || I <- lists:seq(1, ?LINES)],
    Flat = lists:flatten(Lines),
    Words = length(string:lexemes(Flat, " \n")),
    io:format("iolib ~p ~p ~p~n", [length(Flat), Words, hash(Flat, 0)]).

line(I) ->
    io_lib:format("~6..0w ~-10s ~.3f ~p ~s~n",
                  [I, name(I), I / 7, {I rem 13, [a, "b"]}, integer_to_list(I * I, 16)]).

name(I) -> lists:nth(I rem 5 + 1, ["alpha", "beta", "gamma", "delta", "epsilon"]).

hash([], H) -> H;
hash([C | T], H) -> hash(T, (H * 31 + C) band 16#FFFFFFF).
