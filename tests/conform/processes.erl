%% Processes: spawn + send + receive with reply, self() comparison, make_ref
%% uniqueness, links and monitors with exit(Reason) (never error/throw: the
%% default logger would print a report with a pid and timestamp to stdout).
%% Pids, refs and funs are never printed.
-module(processes).
-export([main/0, echo_loop/0]).

main() ->
    Self = self(),
    io:format("self is pid ~p, self == self ~p~n", [is_pid(Self), Self =:= self()]),
    Pid = spawn(fun() -> receive {From, Msg} -> From ! {self(), {echo, Msg}} end end),
    io:format("spawned pid ~p, differs ~p~n", [is_pid(Pid), Pid =/= Self]),
    Pid ! {Self, hello},
    receive
        {Pid, Reply} -> io:format("reply ~p~n", [Reply])
    end,
    E = spawn(?MODULE, echo_loop, []),
    Replies = [begin E ! {self(), N}, receive {E, R} -> R end end || N <- lists:seq(1, 5)],
    io:format("echo loop ~p~n", [Replies]),
    E ! stop,
    R1 = make_ref(), R2 = make_ref(),
    io:format("refs: is_reference ~p unique ~p self-equal ~p~n", [is_reference(R1), R1 =/= R2, R1 =:= R1]),
    Refs = [make_ref() || _ <- lists:seq(1, 1000)],
    io:format("1000 refs unique ~p~n", [length(lists:usort(Refs)) =:= 1000]),
    Parent = self(),
    Workers = [spawn(fun() -> Parent ! {result, I, I * I} end) || I <- lists:seq(1, 10)],
    Results = [receive {result, I, V} -> {I, V} end || I <- lists:seq(1, 10)],
    io:format("~p workers ~p~n", [length(Workers), Results]),
    Total = lists:sum([receive_sum() || _ <- [spawn_summer(Parent, lists:seq(K * 100 + 1, K * 100 + 100)) || K <- lists:seq(0, 9)]]),
    io:format("parallel sum ~p~n", [Total]),
    process_flag(trap_exit, true),
    L1 = spawn_link(fun() -> exit(custom_reason) end),
    receive {'EXIT', L1, Why1} -> io:format("linked exit ~p~n", [Why1]) end,
    L2 = spawn_link(fun() -> ok end),
    receive {'EXIT', L2, Why2} -> io:format("linked normal ~p~n", [Why2]) end,
    {M1, Mref1} = spawn_monitor(fun() -> exit({shutdown, done}) end),
    receive {'DOWN', Mref1, process, M1, Why3} -> io:format("monitor ~p~n", [Why3]) end,
    {M2, Mref2} = spawn_monitor(fun() -> receive never -> ok end end),
    exit(M2, kill),
    receive {'DOWN', Mref2, process, M2, Why4} -> io:format("killed ~p~n", [Why4]) end,
    {M3, Mref3a} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Mref3a, process, M3, normal} -> ok end,
    Mref3 = monitor(process, M3),
    receive {'DOWN', Mref3, process, M3, Why5} -> io:format("monitor dead ~p~n", [Why5]) end,
    io:format("is_process_alive ~p~n", [is_process_alive(M3)]),
    process_flag(trap_exit, false),
    Named = spawn(fun() -> receive {ping, F} -> F ! pong end end),
    register(conform_named, Named),
    io:format("whereis is the pid ~p~n", [whereis(conform_named) =:= Named]),
    NRef = monitor(process, conform_named),
    conform_named ! {ping, self()},
    receive pong -> io:format("registered name works~n") end,
    receive {'DOWN', NRef, process, {conform_named, _Node}, normal} -> ok end,
    io:format("whereis after exit ~p~n", [whereis(conform_named)]),
    io:format("send to dead name ~p~n", [try conform_named ! x catch error:BR -> BR end]),
    Ring = ring(50, 1000),
    io:format("ring ~p~n", [Ring]),
    io:format("done~n").

echo_loop() ->
    receive
        {From, N} -> From ! {self(), N * 10}, echo_loop();
        stop -> ok
    end.

spawn_summer(Parent, L) -> spawn(fun() -> Parent ! {sum, lists:sum(L)} end).

receive_sum() -> receive {sum, S} -> S end.

%% A chain of N processes ending at the caller; the token is sent through
%% it M times, each hop incrementing the counter.
ring(N, M) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> ring_node(Next) end) end, Self, lists:seq(1, N)),
    Count = lists:foldl(fun(_, C) ->
                                First ! {token, C},
                                receive {token, C2} -> C2 end
                        end, 0, lists:seq(1, M)),
    First ! stop,
    receive stop -> {Count, stopped} end.

ring_node(Next) ->
    receive
        {token, C} -> Next ! {token, C + 1}, ring_node(Next);
        stop -> Next ! stop
    end.
