%% Spawn until the process table is full: the spawn that fails raises
%% system_limit (erl also logs "Too many processes"). Then every process
%% ends and spawning works again.
-module(limit_procs).
-export([main/0]).

main() ->
    Limit = erlang:system_info(process_limit),
    {Pids, Err} = fill([]),
    io:format("~p ~p~n", [Err, erlang:system_info(process_count) =< Limit]),
    [P ! stop || P <- Pids],
    wait_below(Limit),
    P = spawn(fun() -> ok end),
    io:format("spawned again ~p~n", [is_pid(P)]).

fill(Acc) ->
    try spawn(fun() -> receive stop -> ok end end) of
        P -> fill([P | Acc])
    catch error:E -> {Acc, E}
    end.

wait_below(Limit) ->
    case erlang:system_info(process_count) < Limit of
        true -> ok;
        false -> timer:sleep(1), wait_below(Limit)
    end.
