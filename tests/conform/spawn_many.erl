%% Many processes: 20,000 spawned processes each sending back a value
%% (the sum and the count checked), a 1000-process ring passing a token
%% 100 times round, spawn_opt with priority and min_heap_size, and the
%% process count returning to where it was. Pids are never printed.
-module(spawn_many).
-export([main/0]).

main() ->
    Before = erlang:system_info(process_count),
    many(20000),
    ring(1000, 100),
    options(),
    wait_count(Before, 100),
    io:format("process count back ~p~n", [erlang:system_info(process_count) =:= Before]),
    io:format("done~n").

many(N) ->
    Self = self(),
    Pids = [spawn(fun() -> Self ! {val, I * 2} end) || I <- lists:seq(1, N)],
    io:format("spawned ~p distinct ~p~n", [length(Pids), length(lists:usort(Pids)) =:= N]),
    {Count, Sum} = collect(N, 0, 0),
    io:format("received ~p sum ~p expected ~p~n", [Count, Sum, N * (N + 1)]),
    %% a quarter as many with monitors: every one of them ends normally
    N2 = N div 4,
    Ms = [spawn_monitor(fun() -> Self ! {val, I} end) || I <- lists:seq(1, N2)],
    {Count2, Sum2} = collect(N2, 0, 0),
    Downs = [receive {'DOWN', R, process, P, Why} -> Why end || {P, R} <- Ms],
    io:format("monitored ~p sum ~p all normal ~p~n",
              [Count2, Sum2, lists:all(fun(W) -> W =:= normal end, Downs)]).

collect(0, C, S) -> {C, S};
collect(N, C, S) ->
    receive {val, V} -> collect(N - 1, C + 1, S + V) end.

%% N processes in a circle with the caller; the token goes round M times,
%% each hop adding one.
ring(N, M) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> node_loop(Next) end) end,
                        Self, lists:seq(1, N)),
    Hops = round_trip(First, M, 0),
    First ! stop,
    receive stop -> ok end,
    io:format("ring of ~p, ~p rounds: ~p hops~n", [N, M, Hops]).

round_trip(_, 0, Acc) -> Acc;
round_trip(First, M, Acc) ->
    First ! {token, Acc},
    receive {token, Acc2} -> round_trip(First, M - 1, Acc2) end.

node_loop(Next) ->
    receive
        {token, C} -> Next ! {token, C + 1}, node_loop(Next);
        stop -> Next ! stop
    end.

options() ->
    Self = self(),
    Run = fun(Opts) ->
                  {P, R} = spawn_opt(fun() ->
                                             {priority, Pr} = process_info(self(), priority),
                                             Self ! {prio, Pr, lists:sum(lists:seq(1, 1000))},
                                             receive go -> ok end
                                     end, [monitor | Opts]),
                  receive {prio, Pr, V} -> ok end,
                  {priority, Pr2} = process_info(P, priority),
                  P ! go,
                  receive {'DOWN', R, process, P, W} -> {Opts, Pr, Pr2, V, W} end
          end,
    [io:format("~p~n", [Run(O)]) || O <- [[], [{priority, high}], [{priority, low}],
                                          [{priority, normal}], [{min_heap_size, 1000}],
                                          [{min_bin_vheap_size, 100000}],
                                          [{fullsweep_after, 0}],
                                          [{priority, high}, {min_heap_size, 5000}]]],
    io:format("bad priority ~p~n", [catch_badarg(fun() -> spawn_opt(fun() -> ok end, [{priority, urgent}]) end)]),
    io:format("bad option ~p~n", [catch_badarg(fun() -> spawn_opt(fun() -> ok end, [bogus]) end)]),
    io:format("not a list ~p~n", [catch_badarg(fun() -> spawn_opt(fun() -> ok end, monitor) end)]),
    %% many at low priority still all run
    Lows = [spawn_opt(fun() -> Self ! {val, I} end, [{priority, low}]) || I <- lists:seq(1, 200)],
    io:format("low priority ~p~n", [{length(Lows), collect(200, 0, 0)}]),
    %% a process changing its own priority
    P = spawn(fun() ->
                      Old = process_flag(priority, high),
                      Now = process_flag(priority, low),
                      Self ! {flags, Old, Now, process_info(self(), priority)}
              end),
    receive {flags, O1, O2, O3} -> io:format("process_flag priority ~p ~p ~p~n", [O1, O2, O3]) end,
    _ = P,
    ok.

catch_badarg(F) ->
    try F() of _ -> no_error catch error:badarg -> badarg end.

wait_count(Before, 0) -> erlang:system_info(process_count) - Before;
wait_count(Before, N) ->
    case erlang:system_info(process_count) of
        Before -> 0;
        _ -> receive after 10 -> wait_count(Before, N - 1) end
    end.
