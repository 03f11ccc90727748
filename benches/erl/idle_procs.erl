%% Idle processes: spawn 100,000 processes that wait in receive. The suite
%% divides this program's peak RSS, less start-up's, by the count to get
%% the memory per idle process.
-module(idle_procs).
-export([main/0]).

-define(N, 100000).

main() ->
    Pids = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, ?N)],
    io:format("idle ~p~n", [length(Pids)]).
