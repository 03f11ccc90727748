%% Ping-pong: two processes exchange a message back and forth.
-module(pingpong).
-export([main/0]).

-define(N, 1500000).

main() ->
    Pong = spawn(fun pong/0),
    S = ping(?N, Pong, 0),
    Pong ! stop,
    io:format("pingpong ~p~n", [S]).

ping(0, _Pong, Acc) -> Acc;
ping(N, Pong, Acc) ->
    Pong ! {ping, self(), N},
    receive {pong, R} -> ping(N - 1, Pong, (Acc + R) band 16#FFFFFFF) end.

pong() ->
    receive
        {ping, From, N} -> From ! {pong, N * 2}, pong();
        stop -> ok
    end.
