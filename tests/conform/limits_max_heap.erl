%% max_heap_size without the error report (the report carries a pid and a
%% time stamp): a growing process is killed with reason `killed`; with
%% kill => false it lives on; the flag reads back through process_flag,
%% process_info and system_info; bad values are badarg.
-module(limits_max_heap).
-export([main/0]).

main() ->
    Opts = #{size => 50000, kill => true, error_logger => false},
    {P, R} = spawn_opt(fun() -> grow([], 1 bsl 40) end, [monitor, {max_heap_size, Opts}]),
    receive {'DOWN', R, process, P, Why} -> io:format("down ~p~n", [Why]) end,
    %% linked and trapping exits: the exit signal carries `killed`
    process_flag(trap_exit, true),
    P2 = spawn_opt(fun() -> grow([], 1 bsl 40) end, [link, {max_heap_size, Opts}]),
    receive {'EXIT', P2, Why2} -> io:format("exit ~p~n", [Why2]) end,
    process_flag(trap_exit, false),
    %% kill => false: grows past the limit and finishes
    Self = self(),
    NoKill = #{size => 20000, kill => false, error_logger => false},
    {P3, R3} = spawn_opt(fun() -> Self ! {len, length(grow_list(100000, []))} end,
                         [monitor, {max_heap_size, NoKill}]),
    receive {len, L} -> io:format("len ~p~n", [L]) end,
    receive {'DOWN', R3, process, P3, Why3} -> io:format("down ~p~n", [Why3]) end,
    %% a small live heap under the limit is never touched
    {P4, R4} = spawn_opt(fun() -> churn(20000, 0) end, [monitor, {max_heap_size, Opts}]),
    receive {'DOWN', R4, process, P4, Why4} -> io:format("down ~p~n", [Why4]) end,
    io:format("~p~n", [process_info(self(), max_heap_size)]),
    io:format("~p~n", [process_flag(max_heap_size, 123456)]),
    io:format("~p~n", [process_flag(max_heap_size, #{size => 5000000, kill => false})]),
    io:format("~p~n", [res(fun() -> process_flag(max_heap_size, #{kill => false}) end)]),
    io:format("~p~n", [process_info(self(), max_heap_size)]),
    io:format("~p~n", [process_flag(max_heap_size, 0)]),
    io:format("~p~n", [erlang:system_info(max_heap_size)]),
    [io:format("~p~n", [res(fun() -> process_flag(max_heap_size, V) end)])
     || V <- [-1, foo, #{size => -5}, #{size => 1, kill => 1}, #{size => 1, bogus => 1}]],
    [io:format("~p~n", [res(fun() -> is_pid(spawn_opt(fun() -> ok end, [{max_heap_size, V}])) end)])
     || V <- [-1, #{size => bar}, #{size => 7, kill => false}]],
    ok.

res(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

grow(L, 0) -> L;
grow(L, N) -> grow([N | L], N - 1).

grow_list(0, Acc) -> Acc;
grow_list(N, Acc) -> grow_list(N - 1, [N | Acc]).

churn(0, Acc) -> exit({done, Acc});
churn(N, Acc) -> churn(N - 1, Acc + length(lists:seq(1, 10))).
