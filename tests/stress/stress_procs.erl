%% N live processes at once: each waits for a message, answers, and ends.
%% Prints the number of answers and the sum of the answers.
-module(stress_procs).
-export([main/1]).

main([NS]) ->
    N = list_to_integer(NS),
    Self = self(),
    Pids = spawn_all(N, Self, []),
    %% every process is alive and parked in receive at this point
    Alive = length([P || P <- Pids, is_process_alive(P)]),
    io:format("alive ~p~n", [Alive]),
    go(Pids, 1),
    io:format("answers ~p sum ~p~n", [N, collect(N, 0)]).

spawn_all(0, _, Acc) -> Acc;
spawn_all(N, Parent, Acc) ->
    P = spawn(fun() -> receive {go, I} -> Parent ! {done, I * 2} end end),
    spawn_all(N - 1, Parent, [P | Acc]).

go([], _) -> ok;
go([P | Ps], I) -> P ! {go, I}, go(Ps, I + 1).

collect(0, Sum) -> Sum;
collect(N, Sum) -> receive {done, V} -> collect(N - 1, Sum + V) end.
