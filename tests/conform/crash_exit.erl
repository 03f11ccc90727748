%% exit(foo) escapes main: exit status 127.
-module(crash_exit).
-export([main/0]).

main() ->
    io:format("about to exit~n"),
    io:format("caught exit: ~p~n", [catch exit(not_this_one)]),
    cleanup(),
    exit(foo).

cleanup() ->
    io:format("cleanup done~n").
