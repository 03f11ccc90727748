%% process_info/1,2 of ourselves and of other processes: single items, item
%% lists, registered names, monitors, a process waiting in receive, a busy
%% one, a dead one, one that dies while asked, bad arguments, and a
%% process whose last call is process_info (a tail call that waits).
-module(proc_info).
-export([main/0, idle/0, spin/1, deep/0]).

idle() ->
    receive
        stop -> ok;
        {ping, From} -> From ! pong, idle()
    end.

spin(N) -> spin(N + 1).

deep() ->
    idle(),
    deep_done.

main() ->
    Self = self(),
    %% ourselves
    io:format("self status ~p~n", [process_info(Self, status)]),
    io:format("self list ~p~n", [process_info(Self, [message_queue_len, registered_name])]),
    io:format("self name ~p~n", [process_info(Self, registered_name)]),
    put(colour, blue),
    io:format("self dict ~p~n", [process_info(Self, dictionary)]),
    io:format("self current ~p~n", [process_info(Self, current_function)]),

    %% another process, waiting in receive
    P = spawn(fun idle/0),
    P ! hello,
    P ! {world, 42},
    sync(P),
    io:format("queue ~p~n", [process_info(P, message_queue_len)]),
    io:format("messages ~p~n", [process_info(P, messages)]),
    io:format("status ~p~n", [process_info(P, status)]),
    io:format("current ~p~n", [process_info(P, current_function)]),
    io:format("initial ~p~n", [process_info(P, initial_call)]),
    io:format("list ~p~n", [process_info(P, [status, links, trap_exit, registered_name, priority])]),
    io:format("name ~p~n", [process_info(P, registered_name)]),
    register(idler, P),
    io:format("name ~p~n", [process_info(P, registered_name)]),
    io:format("list ~p~n", [process_info(P, [registered_name])]),

    %% links and monitors, seen from both sides
    link(P),
    Ref = monitor(process, P),
    io:format("links ~p~n", [process_info(P, links) =:= {links, [Self]}]),
    io:format("monitored_by ~p~n", [process_info(P, monitored_by) =:= {monitored_by, [Self]}]),
    io:format("monitors ~p~n", [process_info(Self, monitors) =:= {monitors, [{process, P}]}]),
    demonitor(Ref, [flush]),
    unlink(P),

    %% where a waiting process is: its receive's first line
    io:format("stacktrace ~p~n", [process_info(P, current_stacktrace)]),
    Deep = spawn(?MODULE, deep, []),
    sync(Deep),
    io:format("deep stacktrace ~p~n", [process_info(Deep, current_stacktrace)]),
    io:format("deep current ~p~n", [process_info(Deep, [current_function, initial_call])]),
    Deep ! stop,

    %% process_info/1: its keys, in order
    Info = process_info(P),
    io:format("info/1 keys ~p~n", [[K || {K, _} <- Info]]),
    io:format("info/1 values ~p~n", [[V || {K, V} <- Info, lists:member(K,
        [registered_name, current_function, initial_call, status,
         message_queue_len, links, dictionary, trap_exit, error_handler,
         priority, suspending])]]),
    unregister(idler),
    Info2 = process_info(P),
    io:format("info/1 keys unregistered ~p~n", [[K || {K, _} <- Info2]]),

    %% a busy process answers too (between its time slices)
    B = spawn(?MODULE, spin, [0]),
    B ! one,
    B ! two,
    io:format("busy queue ~p~n", [process_info(B, message_queue_len)]),
    io:format("busy messages ~p~n", [process_info(B, messages)]),
    exit(B, kill),

    %% gone processes
    D = spawn(fun() -> ok end),
    Mon = monitor(process, D),
    receive {'DOWN', Mon, process, D, _} -> ok end,
    io:format("dead ~p~n", [process_info(D, status)]),
    io:format("dead list ~p~n", [process_info(D, [status, messages])]),
    io:format("dead info/1 ~p~n", [process_info(D)]),

    %% many askers at once, each asking many times
    Askers = [spawn_monitor(fun() -> ask(P, 50) end) || _ <- lists:seq(1, 20)],
    Codes = [receive {'DOWN', M, process, A, R} -> R end || {A, M} <- Askers],
    io:format("askers ~p~n", [lists:usort(Codes)]),

    %% a process whose last call is process_info of another
    {T, TM} = spawn_monitor(fun() -> exit(process_info(P, message_queue_len)) end),
    receive {'DOWN', TM, process, T, TR} -> io:format("tail ~p~n", [TR]) end,

    %% bad arguments
    io:format("bad item ~p~n", [err(fun() -> process_info(P, no_such_item) end)]),
    io:format("bad list ~p~n", [err(fun() -> process_info(P, [status | bad]) end)]),
    io:format("bad pid ~p~n", [err(fun() -> process_info(not_a_pid, status) end)]),
    io:format("bad self ~p~n", [err(fun() -> process_info(Self, [status, 42]) end)]),
    io:format("bad info/1 ~p~n", [err(fun() -> process_info(self) end)]),

    P ! stop,
    ok.

err(F) ->
    try F() catch C:R -> {C, R} end.

%% A round trip: P has handled everything sent to it before.
sync(P) ->
    P ! {ping, self()},
    receive pong -> ok end.

ask(_P, 0) -> exit(done);
ask(P, N) ->
    {message_queue_len, 2} = process_info(P, message_queue_len),
    {messages, [hello, {world, 42}]} = process_info(P, messages),
    ask(P, N - 1).
