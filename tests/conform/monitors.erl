%% Monitors: monitor/demonitor return values with the flush and info
%% options, 'DOWN' with noproc for a dead pid and an unregistered name,
%% monitors by registered name, monitoring self, several monitors on one
%% process, a DOWN that arrived before demonitor (kept without flush,
%% removed with it), spawn_monitor, spawn_opt with monitor and
%% link+monitor, message-before-DOWN ordering, aliases. Spawned processes
%% end normally or with exit/1. Pids and refs are never printed.
-module(monitors).
-export([main/0]).

main() ->
    basics(),
    dead_targets(),
    names(),
    self_monitor(),
    several(),
    demonitor_after_down(),
    spawns(),
    ordering(),
    aliases(),
    bad_args(),
    io:format("done~n").

sleeper() ->
    spawn(fun() -> receive {stop, R} -> exit(R) end end).

flush_down(R) ->
    receive {'DOWN', R, _, _, _} = M -> anon(M) after 50 -> none end.

anon({'DOWN', _, T, O, W}) -> {'DOWN', ref, T, obj(O), W}.

obj(P) when is_pid(P) -> pid;
obj(O) -> O.

%% An exception as {Class, Reason, the first frame's {M, F, Arity}}.
c(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R:S -> {C, R, top(S)}
    end.

top([{M, Fn, A, _} | _]) -> {M, Fn, arity(A)};
top(_) -> none.

arity(A) when is_list(A) -> length(A);
arity(A) -> A.

basics() ->
    P = sleeper(),
    R = monitor(process, P),
    io:format("monitor ref ~p~n", [is_reference(R)]),
    io:format("demonitor ~p~n", [demonitor(R)]),
    io:format("demonitor again ~p~n", [demonitor(R)]),
    R2 = monitor(process, P),
    io:format("demonitor [info] ~p~n", [demonitor(R2, [info])]),
    io:format("demonitor [info] again ~p~n", [demonitor(R2, [info])]),
    R3 = erlang:monitor(process, P),
    io:format("demonitor [flush] ~p~n", [demonitor(R3, [flush])]),
    R4 = monitor(process, P),
    io:format("demonitor [flush, info] ~p~n", [demonitor(R4, [flush, info])]),
    io:format("demonitor [] ~p~n", [demonitor(make_ref(), [])]),
    io:format("demonitor unknown [info] ~p~n", [demonitor(make_ref(), [info])]),
    R5 = monitor(process, P),
    {monitors, Ms} = process_info(self(), monitors),
    {monitored_by, MB} = process_info(P, monitored_by),
    io:format("process_info monitors ~p monitored_by ~p~n",
              [[{T, obj(O)} || {T, O} <- Ms], [obj(X) || X <- MB]]),
    P ! {stop, bye},
    receive {'DOWN', R5, process, P, Why} -> io:format("DOWN ~p~n", [Why]) end,
    io:format("no monitors left ~p~n", [process_info(self(), monitors)]),
    io:format("demonitor after DOWN handled ~p ~p~n", [demonitor(R5), demonitor(R5, [info])]),
    io:format("stale DOWNs: ~p~n", [flush_down('_')]).

dead_targets() ->
    {D, R} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R, process, D, normal} -> ok end,
    R1 = monitor(process, D),
    io:format("dead pid: ~p~n", [receive {'DOWN', R1, process, D, W} -> W after 1000 -> timeout end]),
    R2 = monitor(process, no_such_name_here),
    io:format("unregistered name: ~p~n", [flush_down(R2)]),
    R3 = monitor(process, {no_such_name_here, node()}),
    io:format("unregistered {name,node}: ~p~n", [flush_down(R3)]),
    io:format("demonitor after noproc [info] ~p~n", [demonitor(R3, [info])]).

names() ->
    P = sleeper(),
    register(mon_target, P),
    R = monitor(process, mon_target),
    R2 = monitor(process, {mon_target, node()}),
    R3 = monitor(process, P),
    {monitors, Ms} = process_info(self(), monitors),
    io:format("monitors by name ~p~n", [lists:sort([{T, obj(O)} || {T, O} <- Ms])]),
    P ! {stop, {named, exit}},
    io:format("by name: ~p~n", [flush_down(R)]),
    io:format("by {name,node}: ~p~n", [flush_down(R2)]),
    io:format("by pid: ~p~n", [flush_down(R3)]).

self_monitor() ->
    R = monitor(process, self()),
    io:format("monitor self ref ~p~n", [is_reference(R)]),
    io:format("self monitors ~p~n", [element(2, process_info(self(), monitors)) =/= []]),
    io:format("demonitor self [info] ~p~n", [demonitor(R, [info])]),
    io:format("self DOWN ~p~n", [flush_down(R)]),
    register(me_myself, self()),
    R2 = monitor(process, me_myself),
    io:format("demonitor self by name [info] ~p~n", [demonitor(R2, [info])]),
    unregister(me_myself).

several() ->
    P = sleeper(),
    Rs = [monitor(process, P) || _ <- lists:seq(1, 5)],
    io:format("five refs distinct ~p~n", [length(lists:usort(Rs)) =:= 5]),
    {monitored_by, MB} = process_info(P, monitored_by),
    io:format("monitored_by length ~p~n", [length(MB)]),
    true = demonitor(hd(Rs)),
    P ! {stop, several},
    Downs = [flush_down(R) || R <- Rs],
    io:format("downs ~p~n", [Downs]).

demonitor_after_down() ->
    P = sleeper(),
    R = monitor(process, P),
    P ! {stop, early},
    receive after 50 -> ok end,
    io:format("demonitor with DOWN queued ~p~n", [demonitor(R)]),
    io:format("  message kept: ~p~n", [flush_down(R)]),
    P2 = sleeper(),
    R2 = monitor(process, P2),
    P2 ! {stop, early},
    receive after 50 -> ok end,
    io:format("demonitor [flush] with DOWN queued ~p~n", [demonitor(R2, [flush])]),
    io:format("  message kept: ~p~n", [flush_down(R2)]),
    P3 = sleeper(),
    R3 = monitor(process, P3),
    P3 ! {stop, early},
    receive after 50 -> ok end,
    io:format("demonitor [info] with DOWN queued ~p~n", [demonitor(R3, [info])]),
    io:format("  message kept: ~p~n", [flush_down(R3)]),
    P4 = sleeper(),
    R4 = monitor(process, P4),
    P4 ! {stop, early},
    receive after 50 -> ok end,
    io:format("demonitor [flush, info] with DOWN queued ~p~n", [demonitor(R4, [flush, info])]),
    io:format("  message kept: ~p~n", [flush_down(R4)]).

spawns() ->
    {P, R} = spawn_monitor(fun() -> exit(from_spawn_monitor) end),
    receive {'DOWN', R, process, P, W} -> io:format("spawn_monitor ~p~n", [W]) end,
    {P1, R1} = spawn_monitor(erlang, exit, [via_mfa]),
    receive {'DOWN', R1, process, P1, W1} -> io:format("spawn_monitor/3 ~p~n", [W1]) end,
    {P2, R2} = spawn_opt(fun() -> exit(from_spawn_opt) end, [monitor]),
    receive {'DOWN', R2, process, P2, W2} -> io:format("spawn_opt monitor ~p~n", [W2]) end,
    process_flag(trap_exit, true),
    {P3, R3} = spawn_opt(fun() -> exit(linked_and_monitored) end, [link, monitor]),
    M1 = receive {'EXIT', P3, W3} -> {'EXIT', W3} after 1000 -> none end,
    M2 = receive {'DOWN', R3, process, P3, W4} -> {'DOWN', W4} after 1000 -> none end,
    io:format("spawn_opt link+monitor ~p ~p~n", [M1, M2]),
    process_flag(trap_exit, false),
    P4 = spawn_opt(fun() -> ok end, []),
    io:format("spawn_opt [] gives pid ~p~n", [is_pid(P4)]),
    {P5, R5} = spawn_opt(erlang, exit, [via_opt_mfa], [monitor]),
    receive {'DOWN', R5, process, P5, W5} -> io:format("spawn_opt/4 ~p~n", [W5]) end.

ordering() ->
    Self = self(),
    {P, R} = spawn_monitor(fun() ->
                                   [Self ! {n, I} || I <- lists:seq(1, 3)],
                                   exit(after_messages)
                           end),
    receive {'DOWN', R, process, P, _} -> ok end,
    Msgs = collect(),
    io:format("messages before DOWN: ~p~n", [Msgs]).

collect() ->
    receive {n, I} -> [I | collect()] after 0 -> [] end.

aliases() ->
    Self = self(),
    P = spawn(fun() -> receive {reply_to, A} -> A ! {aliased, reply}, A ! {aliased, second} end,
                       receive stop -> ok end
              end),
    R = monitor(process, P, [{alias, reply_demonitor}]),
    P ! {reply_to, R},
    receive {aliased, X} -> io:format("alias reply_demonitor got ~p~n", [X]) end,
    io:format("second via removed alias: ~p~n", [receive {aliased, Y} -> Y after 50 -> none end]),
    io:format("monitor gone ~p~n", [demonitor(R, [info])]),
    P ! stop,
    A = alias(),
    Self ! {via_self, 1},
    A ! {via_alias, 2},
    io:format("alias messages ~p~n", [[receive M -> M after 0 -> none end || _ <- [1, 2]]]),
    io:format("unalias ~p again ~p~n", [unalias(A), unalias(A)]),
    A ! {via_alias, 3},
    io:format("after unalias ~p~n", [receive {via_alias, _} = M3 -> M3 after 50 -> none end]),
    A2 = alias([reply]),
    A2 ! {one, 1},
    A2 ! {two, 2},
    io:format("reply alias ~p~n", [[receive {K, V} -> {K, V} after 50 -> none end || _ <- [1, 2]]]),
    io:format("unalias reply alias after use ~p~n", [unalias(A2)]).

bad_args() ->
    io:format("monitor bad type ~p~n", [c(fun() -> monitor(proc, self()) end)]),
    io:format("monitor bad target ~p~n", [c(fun() -> monitor(process, 42) end)]),
    io:format("demonitor not a ref ~p~n", [c(fun() -> demonitor(self()) end)]),
    io:format("demonitor bad option ~p~n", [c(fun() -> demonitor(make_ref(), [bogus]) end)]),
    io:format("monitor bad option ~p~n", [c(fun() -> monitor(process, self(), [bogus]) end)]).
