%% Links and exit signals: OTP's exact rules for exit/2 with normal, kill and
%% other reasons, to trapping and non-trapping processes; exit(self(), ...);
%% link to a dead process; unlink; link chains; spawn_link; trap_exit return
%% values; is_process_alive right after a kill; group_leader, yield,
%% hibernate. Spawned processes end with exit/1 or kill, never error/throw
%% (the logger would print a report with a pid and a timestamp).
%% Pids and refs are never printed.
-module(links_exits).
-export([main/0, after_hibernate/1]).

main() ->
    normal_signals(),
    kill_signals(),
    self_exits(),
    dead_links(),
    unlinks(),
    chains(),
    spawn_links(),
    trap_flag(),
    misc(),
    hibernation(),
    io:format("done~n").

%% A process that reports every message it gets to Parent, forever.
reporter(Parent, Trap) ->
    spawn(fun() ->
                  process_flag(trap_exit, Trap),
                  Parent ! ready,
                  report_loop(Parent)
          end).

report_loop(Parent) ->
    receive
        {'EXIT', From, Why} ->
            Parent ! {got, {'EXIT', from(From, Parent), Why}},
            report_loop(Parent);
        stop ->
            exit(stopped);
        M ->
            Parent ! {got, M},
            report_loop(Parent)
    end.

from(From, Parent) when From =:= Parent -> parent;
from(From, _) when From =:= self() -> self;
from(_, _) -> other.

wait_ready() -> receive ready -> ok end.

%% Ask P to echo a ping: all earlier signals from us have been handled.
sync(P) ->
    P ! ping,
    receive {got, ping} -> ok after 1000 -> timeout end.

got() ->
    receive {got, M} -> M after 100 -> none end.

down(P) ->
    wait_down(monitor(process, P)).

wait_down(R) ->
    receive {'DOWN', R, process, _, Why} -> Why end.

%% An exception as {Class, Reason, the first frame's {M, F, Args or Arity}}.
c(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R:S -> {C, R, top(S)}
    end.

top([{M, F, A, _} | _]) when is_list(A) -> {M, F, [anon(X) || X <- A]};
top([{M, F, A, _} | _]) -> {M, F, A};
top(_) -> none.

anon(X) when is_pid(X) -> pid;
anon(X) -> X.

normal_signals() ->
    P1 = reporter(self(), false),
    wait_ready(),
    true = exit(P1, normal),
    io:format("non-trapping, exit normal: sync ~p alive ~p~n", [sync(P1), is_process_alive(P1)]),
    P2 = reporter(self(), true),
    wait_ready(),
    true = exit(P2, normal),
    io:format("trapping, exit normal: ~p~n", [got()]),
    true = exit(P2, {some, reason}),
    io:format("trapping, exit other: ~p~n", [got()]),
    R1 = monitor(process, P1),
    true = exit(P1, {some, reason}),
    io:format("non-trapping, exit other: ~p alive ~p~n", [wait_down(R1), is_process_alive(P1)]),
    R2 = monitor(process, P2),
    P2 ! stop,
    io:format("stopped: ~p~n", [wait_down(R2)]),
    io:format("monitor of the dead: ~p~n", [down(P2)]).

kill_signals() ->
    P = reporter(self(), true),
    wait_ready(),
    R = monitor(process, P),
    true = exit(P, kill),
    Alive = is_process_alive(P),
    receive {'DOWN', R, process, P, Why} -> io:format("trapping, kill: ~p alive ~p~n", [Why, Alive]) end,
    %% a process linked to one that is killed sees 'killed' (trappable)
    Self = self(),
    {W, WR} = spawn_monitor(fun() ->
                      process_flag(trap_exit, true),
                      V = spawn_link(fun() -> receive never -> ok end end),
                      Self ! {victim, V},
                      receive {'EXIT', V, Why2} -> Self ! {watcher, Why2} end
              end),
    V = receive {victim, V0} -> V0 end,
    exit(V, kill),
    receive {watcher, Why2} -> io:format("linked to killed: ~p~n", [Why2]) end,
    %% a non-trapping process linked to a killed one dies with reason killed
    W2 = spawn(fun() ->
                       V2 = spawn_link(fun() -> receive never -> ok end end),
                       Self ! {victim, V2},
                       receive never -> ok end
               end),
    V2 = receive {victim, V20} -> V20 end,
    R2 = monitor(process, W2),
    exit(V2, kill),
    receive {'DOWN', R2, process, W2, Why3} -> io:format("non-trapping linked to killed: ~p~n", [Why3]) end,
    io:format("watcher gone ~p~n", [wait_down(WR)]),
    _ = W,
    ok.

self_exits() ->
    Self = self(),
    Try = fun(Trap, Reason) ->
                  {P, R} = spawn_monitor(fun() ->
                                                 process_flag(trap_exit, Trap),
                                                 exit(self(), Reason),
                                                 Msg = receive M -> M after 50 -> none end,
                                                 Self ! {still_alive, Msg},
                                                 exit(fine)
                                         end),
                  receive {'DOWN', R, process, P, Why} ->
                          Msg = receive {still_alive, M} -> show(M, P) after 0 -> none end,
                          io:format("exit(self(), ~p) trap ~p: down ~p, message ~p~n",
                                    [Reason, Trap, Why, Msg])
                  end
          end,
    [Try(T, Reason) || T <- [false, true], Reason <- [normal, kill, boom, {shutdown, x}]],
    ok.

show({'EXIT', P, Why}, P) -> {'EXIT', self, Why};
show(M, _) -> M.

dead_links() ->
    {D, R} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R, process, D, normal} -> ok end,
    Self = self(),
    {P1, R1} = spawn_monitor(fun() ->
                                     Res = c(fun() -> link(D) end),
                                     Self ! {res, Res},
                                     receive after 50 -> exit(survived) end
                             end),
    receive {res, Res1} -> io:format("link to dead, not trapping: ~p~n", [Res1]) end,
    receive {'DOWN', R1, process, P1, Why1} -> io:format("  then ~p~n", [Why1]) end,
    process_flag(trap_exit, true),
    Res2 = c(fun() -> link(D) end),
    Msg = receive {'EXIT', D, W} -> {'EXIT', dead, W} after 100 -> none end,
    io:format("link to dead, trapping: ~p, message ~p~n", [Res2, Msg]),
    io:format("link to self: ~p~n", [link(self())]),
    io:format("unlink dead: ~p~n", [unlink(D)]),
    io:format("link badarg: ~p~n", [c(fun() -> link(not_a_pid) end)]),
    io:format("unlink badarg: ~p~n", [c(fun() -> unlink(not_a_pid) end)]),
    process_flag(trap_exit, false),
    ok.

unlinks() ->
    process_flag(trap_exit, true),
    P = spawn_link(fun() -> receive go -> exit(bye) end end),
    true = unlink(P),
    R = monitor(process, P),
    P ! go,
    receive {'DOWN', R, process, P, Why} -> io:format("unlinked exit ~p~n", [Why]) end,
    io:format("EXIT after unlink: ~p~n", [receive {'EXIT', P, _} = M -> M after 50 -> none end]),
    %% links are idempotent: two links, one unlink removes it
    P2 = spawn(fun() -> receive go -> exit(bye2) end end),
    link(P2), link(P2),
    {links, L} = process_info(self(), links),
    io:format("links after double link ~p~n", [length([X || X <- L, X =:= P2])]),
    unlink(P2),
    {links, L2} = process_info(self(), links),
    io:format("links after unlink ~p~n", [length([X || X <- L2, X =:= P2])]),
    R2 = monitor(process, P2),
    P2 ! go,
    receive {'DOWN', R2, process, P2, Why2} -> io:format("exit ~p~n", [Why2]) end,
    io:format("EXIT after unlink: ~p~n", [receive {'EXIT', P2, _} = M2 -> M2 after 50 -> none end]),
    process_flag(trap_exit, false),
    ok.

chain_node(Parent, 0) ->
    Parent ! {tail, self()},
    receive {die, Why} -> exit(Why) end;
chain_node(Parent, N) ->
    spawn_link(fun() -> chain_node(Parent, N - 1) end),
    receive never -> ok end.

chains() ->
    Self = self(),
    Head = spawn(fun() -> chain_node(Self, 10) end),
    Tail = receive {tail, T} -> T end,
    R = monitor(process, Head),
    Tail ! {die, {chain, broken}},
    receive {'DOWN', R, process, Head, Why} -> io:format("chain head got ~p~n", [Why]) end,
    %% normal does not propagate
    Head2 = spawn(fun() -> chain_node(Self, 5) end),
    Tail2 = receive {tail, T2} -> T2 end,
    R2 = monitor(process, Tail2),
    Tail2 ! {die, normal},
    receive {'DOWN', R2, process, Tail2, normal} -> ok end,
    receive after 50 -> ok end,
    io:format("normal tail exit: head alive ~p~n", [is_process_alive(Head2)]),
    RH = monitor(process, Head2),
    exit(Head2, kill),
    io:format("killed head: ~p~n", [wait_down(RH)]),
    ok.

spawn_links() ->
    process_flag(trap_exit, true),
    Ps = [spawn_link(fun() -> exit(R) end) || R <- [normal, crash, {nested, [1, 2]}, shutdown, {shutdown, x}]],
    [receive {'EXIT', P, Why} -> io:format("spawn_link exit ~p~n", [Why]) end || P <- Ps],
    P = spawn_link(fun() -> receive never -> ok end end),
    exit(P, kill),
    receive {'EXIT', P, W} -> io:format("spawn_link killed ~p~n", [W]) end,
    P2 = spawn_link(fun() -> receive never -> ok end end),
    exit(P2, normal),
    io:format("after exit normal: ~p~n", [receive {'EXIT', P2, _} = M -> M after 50 -> none end]),
    unlink(P2),
    exit(P2, kill),
    process_flag(trap_exit, false),
    ok.

trap_flag() ->
    A = process_flag(trap_exit, true),
    B = process_flag(trap_exit, true),
    C = process_flag(trap_exit, false),
    D = process_flag(trap_exit, false),
    io:format("trap_exit returns ~p~n", [[A, B, C, D]]),
    io:format("bad flag value ~p~n", [c(fun() -> process_flag(trap_exit, maybe) end)]),
    {trap_exit, T} = process_info(self(), trap_exit),
    io:format("process_info trap_exit ~p~n", [T]).

misc() ->
    io:format("group_leader is pid ~p~n", [is_pid(group_leader())]),
    io:format("yield ~p~n", [erlang:yield()]),
    io:format("exit/2 badarg ~p~n", [c(fun() -> exit(not_a_pid, x) end)]),
    {D, R} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R, process, D, _} -> ok end,
    io:format("exit to dead ~p~n", [exit(D, kill)]),
    io:format("alive dead ~p self ~p~n", [is_process_alive(D), is_process_alive(self())]),
    Self = self(),
    G = spawn(fun() -> Self ! {gl, group_leader() =:= group_leader()} end),
    receive {gl, Same} -> io:format("child group_leader same ~p~n", [Same]) end,
    _ = G,
    io:format("self_exit via exit/1 in catch ~p~n", [catch exit(my_reason)]),
    io:format("exit/1 in try ~p~n", [c(fun() -> exit({a, b}) end)]),
    ok.

hibernation() ->
    Self = self(),
    {P, R} = spawn_monitor(fun() ->
                      put(key, value),
                      put(count, 1),
                      Self ! hibernating,
                      erlang:hibernate(?MODULE, after_hibernate, [Self])
              end),
    receive hibernating -> ok end,
    P ! wake,
    receive {woke, Msg, Dict} -> io:format("after hibernate: msg ~p dict ~p~n", [Msg, Dict]) end,
    io:format("hibernated exit ~p~n", [wait_down(R)]).

after_hibernate(Parent) ->
    Msg = receive M -> M end,
    Parent ! {woke, Msg, lists:sort(get())},
    exit(after_hibernate).
