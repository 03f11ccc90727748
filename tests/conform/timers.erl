%% Timers: erlang:send_after/3,4, start_timer/3,4, cancel_timer/1,2 and
%% read_timer/1,2 (return shapes, async and info options), timers to
%% registered names and dead processes, ordering by delay, receive-after,
%% the timer module (sleep, send_after, cancel, tc, apply_after,
%% send_interval, apply_interval; the last ones start kernel_sup's
%% timer_server), monotonic time
%% and time unit conversion. Only shapes and bounds of times are printed,
%% never the times themselves.
-module(timers).
-export([main/0]).

main() ->
    send_afters(),
    start_timers(),
    cancels(),
    reads(),
    destinations(),
    ordering(),
    receive_after(),
    timer_module(),
    time_units(),
    bad_args(),
    io:format("done~n").

%% Remaining milliseconds: an integer in 0..Max.
ms(T, Max) when is_integer(T), T >= 0, T =< Max -> {ms, in_range};
ms(T, _) -> T.

next(Timeout) ->
    receive M -> anon(M) after Timeout -> none end.

anon({timeout, R, M}) when is_reference(R) -> {timeout, ref, M};
anon({cancel_timer, R, V}) when is_reference(R) -> {cancel_timer, ref, ms(V, 1000)};
anon({read_timer, R, V}) when is_reference(R) -> {read_timer, ref, ms(V, 1000)};
anon(M) -> M.

%% An exception as {Class, Reason, the first frame's {M, F, Arity}}.
c(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R:S -> {C, R, top(S)}
    end.

top([{M, Fn, A, _} | _]) when is_list(A) -> {M, Fn, length(A)};
top([{M, Fn, A, _} | _]) -> {M, Fn, A};
top(_) -> none.

send_afters() ->
    R = erlang:send_after(10, self(), hello),
    io:format("send_after ref ~p~n", [is_reference(R)]),
    io:format("got ~p~n", [next(1000)]),
    Now = erlang:monotonic_time(millisecond),
    R2 = erlang:send_after(Now + 10, self(), absolute, [{abs, true}]),
    io:format("abs ref ~p got ~p~n", [is_reference(R2), next(1000)]),
    _ = erlang:send_after(Now - 100, self(), past_abs, [{abs, true}]),
    io:format("abs in the past ~p~n", [next(1000)]),
    _ = erlang:send_after(0, self(), zero),
    io:format("zero delay ~p~n", [next(1000)]),
    _ = erlang:send_after(10, self(), rel_opt, [{abs, false}]),
    io:format("abs false ~p~n", [next(1000)]).

start_timers() ->
    R = erlang:start_timer(10, self(), tick),
    receive {timeout, R2, M} -> io:format("start_timer ~p same ref ~p~n", [M, R =:= R2]) end,
    Now = erlang:monotonic_time(millisecond),
    R3 = erlang:start_timer(Now + 5, self(), {complex, [1, 2]}, [{abs, true}]),
    receive {timeout, R4, M2} -> io:format("start_timer abs ~p same ref ~p~n", [M2, R3 =:= R4]) end.

cancels() ->
    R = erlang:send_after(1000, self(), never),
    io:format("cancel active ~p~n", [ms(erlang:cancel_timer(R), 1000)]),
    io:format("cancel again ~p~n", [erlang:cancel_timer(R)]),
    io:format("message after cancel ~p~n", [next(20)]),
    R2 = erlang:send_after(1, self(), expired),
    receive expired -> ok end,
    io:format("cancel expired ~p~n", [erlang:cancel_timer(R2)]),
    io:format("cancel unknown ref ~p~n", [erlang:cancel_timer(make_ref())]),
    R3 = erlang:start_timer(1000, self(), never),
    io:format("cancel async ~p~n", [erlang:cancel_timer(R3, [{async, true}])]),
    io:format("  message ~p~n", [next(1000)]),
    R4 = erlang:start_timer(1000, self(), never),
    io:format("cancel async no info ~p~n", [erlang:cancel_timer(R4, [{async, true}, {info, false}])]),
    io:format("  message ~p~n", [next(50)]),
    R5 = erlang:start_timer(1000, self(), never),
    io:format("cancel sync no info ~p~n", [erlang:cancel_timer(R5, [{info, false}])]),
    io:format("  then read ~p~n", [erlang:read_timer(R5)]),
    R6 = erlang:start_timer(1000, self(), never),
    io:format("cancel sync info ~p~n", [ms(erlang:cancel_timer(R6, [{async, false}, {info, true}]), 1000)]),
    io:format("cancel async unknown ~p~n", [erlang:cancel_timer(make_ref(), [{async, true}])]),
    io:format("  message ~p~n", [next(1000)]),
    io:format("cancel [] ~p~n", [erlang:cancel_timer(make_ref(), [])]),
    io:format("message left ~p~n", [next(20)]).

reads() ->
    R = erlang:send_after(500, self(), later),
    io:format("read active ~p~n", [ms(erlang:read_timer(R), 500)]),
    io:format("read async ~p~n", [erlang:read_timer(R, [{async, true}])]),
    io:format("  message ~p~n", [next(1000)]),
    io:format("read sync ~p~n", [ms(erlang:read_timer(R, [{async, false}]), 500)]),
    erlang:cancel_timer(R),
    io:format("read cancelled ~p~n", [erlang:read_timer(R)]),
    io:format("read unknown ~p~n", [erlang:read_timer(make_ref())]),
    io:format("read async unknown ~p ~p~n", [erlang:read_timer(make_ref(), [{async, true}]), next(1000)]).

destinations() ->
    Self = self(),
    P = spawn(fun() -> receive M -> Self ! {relayed, M} end end),
    register(timer_target, P),
    _ = erlang:send_after(5, timer_target, via_name),
    io:format("to name ~p~n", [next(1000)]),
    _ = erlang:send_after(5, no_such_registered_name, lost),
    io:format("to unregistered name ~p~n", [next(50)]),
    {D, DR} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DR, process, D, _} -> ok end,
    R = erlang:send_after(5, D, to_dead),
    io:format("to dead pid ref ~p read ~p~n", [is_reference(R), erlang:read_timer(R)]),
    %% a timer to a process is cancelled when that process exits
    {Q, QR} = spawn_monitor(fun() -> receive go -> exit(done) end end),
    R2 = erlang:send_after(1000, Q, too_late),
    io:format("to live pid read ~p~n", [ms(erlang:read_timer(R2), 1000)]),
    Q ! go,
    receive {'DOWN', QR, process, Q, done} -> ok end,
    receive after 10 -> ok end,
    io:format("after target exit read ~p cancel ~p~n", [erlang:read_timer(R2), erlang:cancel_timer(R2)]).

ordering() ->
    [erlang:send_after(T, self(), {t, T}) || T <- [40, 10, 30, 0, 20]],
    io:format("order ~p~n", [[next(1000) || _ <- lists:seq(1, 5)]]),
    [erlang:start_timer(T, self(), T) || T <- [25, 5, 15]],
    io:format("start_timer order ~p~n", [[next(1000) || _ <- lists:seq(1, 3)]]).

receive_after() ->
    Self = self(),
    self() ! first,
    A = receive first -> got_first after 0 -> timeout end,
    B = receive first -> got_first after 0 -> timeout end,
    C = receive first -> got_first after 20 -> timeout end,
    T0 = erlang:monotonic_time(millisecond),
    receive after 30 -> ok end,
    T1 = erlang:monotonic_time(millisecond),
    io:format("after 0 ~p ~p, after 20 ~p, waited >= 30 ~p~n", [A, B, C, T1 - T0 >= 30]),
    %% a clause-less receive-after waits its time even with messages queued
    self() ! stray,
    receive after 20 -> ok end,
    io:format("stray kept ~p~n", [receive stray -> yes after 0 -> no end]),
    %% a receive-after with a variable time, disturbed by signals and a
    %% message while it waits
    P = spawn(fun() -> sleep_for(60), Self ! slept end),
    receive after 10 -> ok end,
    _ = process_info(P, status),
    P ! disturb,
    link(P),
    unlink(P),
    io:format("disturbed sleep ~p~n", [receive slept -> slept after 1000 -> timeout end]),
    spawn(fun() -> receive after 10 -> Self ! late end end),
    E = receive late -> late after 1000 -> timeout end,
    io:format("message before after ~p~n", [E]).

timer_module() ->
    io:format("timer:sleep ~p~n", [timer:sleep(5)]),
    {ok, _} = timer:send_after(5, self(), tm_send_after),
    io:format("timer:send_after ~p~n", [next(1000)]),
    {ok, _} = timer:send_after(5, tm_self_form),
    io:format("timer:send_after/2 ~p~n", [next(1000)]),
    {ok, TR2} = timer:send_after(1000, self(), never),
    io:format("timer:cancel pending ~p~n", [timer:cancel(TR2)]),
    {T, V} = timer:tc(fun() -> lists:sum(lists:seq(1, 1000)) end),
    io:format("timer:tc value ~p time ok ~p~n", [V, is_integer(T) andalso T >= 0]),
    {T2, V2} = timer:tc(lists, reverse, [[1, 2, 3]]),
    io:format("timer:tc/3 value ~p time ok ~p~n", [V2, is_integer(T2) andalso T2 >= 0]),
    io:format("conversions ~p~n", [[timer:seconds(2), timer:minutes(1), timer:hours(1),
                                    timer:hms(1, 2, 3)]]),
    Self = self(),
    {ok, _} = timer:apply_after(5, erlang, send, [Self, tm_applied]),
    io:format("timer:apply_after ~p~n", [next(1000)]),
    {ok, TI} = timer:send_interval(5, tm_tick),
    Ticks = [next_of(tm_tick) || _ <- [1, 2, 3]],
    io:format("timer:send_interval ~p cancel ~p~n", [Ticks, timer:cancel(TI)]),
    {ok, TA} = timer:apply_interval(5, erlang, send, [Self, tm_apply_tick]),
    ATicks = [next_of(tm_apply_tick) || _ <- [1, 2]],
    io:format("timer:apply_interval ~p cancel ~p~n", [ATicks, timer:cancel(TA)]),
    sleep_for(20),
    flush_ticks(),
    io:format("timer:cancel unknown ~p~n", [timer:cancel({interval, make_ref()})]).

%% The next M (interval ticks may still be in flight after a cancel).
next_of(M) ->
    receive M -> M after 1000 -> none end.

flush_ticks() ->
    receive tm_tick -> flush_ticks(); tm_apply_tick -> flush_ticks() after 0 -> ok end.

sleep_for(Ms) ->
    receive after Ms -> ok end.

time_units() ->
    Ts = [erlang:monotonic_time(nanosecond) || _ <- lists:seq(1, 1000)],
    io:format("monotonic non-decreasing ~p~n", [Ts =:= lists:sort(Ts)]),
    M1 = erlang:monotonic_time(),
    M2 = erlang:monotonic_time(),
    io:format("monotonic/0 integer ~p ordered ~p~n", [is_integer(M1), M2 >= M1]),
    S = erlang:system_time(second),
    Ms = erlang:system_time(millisecond),
    io:format("system_time units agree ~p~n", [Ms div 1000 - S =< 1 andalso Ms div 1000 >= S]),
    Us = erlang:system_time(microsecond),
    io:format("system_time us > ms ~p~n", [Us > Ms]),
    io:format("time_offset integer ~p~n", [is_integer(erlang:time_offset())]),
    {A, B, C} = erlang:timestamp(),
    io:format("timestamp shape ~p~n", [is_integer(A) andalso is_integer(B) andalso is_integer(C) andalso C < 1000000]),
    Conv = [erlang:convert_time_unit(1, second, millisecond),
            erlang:convert_time_unit(1500, millisecond, second),
            erlang:convert_time_unit(-1500, millisecond, second),
            erlang:convert_time_unit(-1, millisecond, second),
            erlang:convert_time_unit(1, second, microsecond),
            erlang:convert_time_unit(1, second, nanosecond),
            erlang:convert_time_unit(999999, microsecond, millisecond),
            erlang:convert_time_unit(5, 1000, 1000000),
            erlang:convert_time_unit(7, 3, 10),
            erlang:convert_time_unit(-7, 3, 10),
            erlang:convert_time_unit(1, seconds, milli_seconds),
            erlang:convert_time_unit(1 bsl 70, nanosecond, second)],
    io:format("convert_time_unit ~p~n", [Conv]),
    N = erlang:convert_time_unit(1, second, native),
    io:format("native round trip ~p~n", [erlang:convert_time_unit(N, native, second)]),
    io:format("bad unit ~p~n", [c(fun() -> erlang:convert_time_unit(1, second, fortnight) end)]).

bad_args() ->
    io:format("send_after negative ~p~n", [c(fun() -> erlang:send_after(-1, self(), x) end)]),
    io:format("send_after bad dest ~p~n", [c(fun() -> erlang:send_after(10, 42, x) end)]),
    io:format("send_after float ~p~n", [c(fun() -> erlang:send_after(1.5, self(), x) end)]),
    io:format("start_timer bad option ~p~n", [c(fun() -> erlang:start_timer(10, self(), x, [bogus]) end)]),
    io:format("cancel_timer not a ref ~p~n", [c(fun() -> erlang:cancel_timer(self()) end)]),
    io:format("read_timer not a ref ~p~n", [c(fun() -> erlang:read_timer(42) end)]),
    io:format("timer:send_after bad ~p~n", [timer:send_after(-5, self(), x)]),
    io:format("message left ~p~n", [next(20)]).
