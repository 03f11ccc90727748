%% halt/1 from deep inside a body-recursive call chain inside a try/after:
%% the after block does not run, and the status is 0 even though main
%% would have crashed afterwards.
-module(halt_nested).
-export([main/0]).

main() ->
    io:format("start~n"),
    try
        level(5)
    after
        io:format("after block (must not print)~n")
    end,
    error(unreachable).

level(0) ->
    io:format("halting with 0 at depth~n"),
    halt(0);
level(N) ->
    io:format("level ~p~n", [N]),
    [level(N - 1)].
