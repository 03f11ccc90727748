%% erlang:halt(3) after printing: exit status 3; output before the halt is
%% flushed, nothing after it runs.
-module(halt_status).
-export([main/0]).

main() ->
    io:format("before halt~n"),
    io:format("~p~n", [lists:seq(1, 5)]),
    io:put_chars("no newline at the end"),
    erlang:halt(3),
    io:format("never printed~n").
