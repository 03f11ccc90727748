%% Selective receive with a long mailbox: each receive skips 10,000 messages.
%% The unmatched messages stay queued while the process sends itself tagged
%% requests and receives each one, so every receive scans the backlog.
-module(selective).
-export([main/0]).

-define(JUNK, 10000).
-define(N, 15000).

main() ->
    [self() ! {junk, I} || I <- lists:seq(1, ?JUNK)],
    S = loop(?N, 0),
    J = drain(0),
    io:format("selective ~p ~p~n", [S, J]).

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    self() ! {req, N},
    receive {req, N} -> loop(N - 1, Acc + N) end.

drain(C) ->
    receive {junk, _} -> drain(C + 1) after 0 -> C end.
