%% A badmatch in main/1 (called with no arguments): exit status 127.
%% Output written just before the crash must not be lost.
-module(crash_badmatch).
-export([main/1]).

main(Args) ->
    io:format("args ~p~n", [Args]),
    [io:format("line ~p~n", [I]) || I <- lists:seq(1, 20)],
    io:put_chars(lists:duplicate(5000, $x)),
    io:nl(),
    {ok, Value} = parse(Args),
    io:format("not reached ~p~n", [Value]).

parse([]) -> {error, no_args};
parse([A | _]) -> {ok, A}.
