%% Compiled infinite loops must not starve other processes: more busy
%% loopers than schedulers (a tail-recursive loop, a body-recursive
%% counter, a receive-with-timeout loop), while main does real work.
-module(jit_preempt).
-export([main/0]).

spin() -> spin().

count(N) -> count(N + 1).

poll(N) ->
    receive
        stop -> N
    after 0 -> poll(N + 1)
    end.

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

main() ->
    Loopers = [spawn(fun spin/0) || _ <- lists:seq(1, 3)]
        ++ [spawn(fun() -> count(0) end) || _ <- lists:seq(1, 3)]
        ++ [spawn(fun() -> poll(0) end) || _ <- lists:seq(1, 2)],
    Results = [fib(N) || N <- lists:seq(15, 22)],
    io:format("~p~n", [Results]),
    Self = self(),
    P = spawn(fun() -> Self ! {done, lists:sum(lists:seq(1, 100000))} end),
    receive {done, S} -> io:format("~p ~p~n", [S, is_pid(P)]) end,
    Refs = [monitor(process, L) || L <- Loopers],
    [exit(L, kill) || L <- Loopers],
    Down = [receive {'DOWN', R, process, _, Why} -> Why end || R <- Refs],
    io:format("~p~n", [Down]).
