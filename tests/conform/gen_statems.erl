%% gen_statem: callback modes state_functions and handle_event_function
%% (chosen per instance through the process dictionary, set before
%% callback_mode/0 is first asked), state_enter calls, postpone,
%% next_event insertion, state_timeout, event timeout, generic timeouts
%% (set, update, cancel), call/cast/info, reply actions and
%% gen_statem:reply/2, keep_state/repeat_state, hibernate, stop and
%% stop_and_reply, a call timing out, a call to a stopped machine, start vs
%% start_link, init returning ignore/{stop, R}, crashing, throwing, a bad
%% value or timing out (the timeout start option), sys:get_state; send_request,
%% absolute timeouts, push/pop_callback_module, sys:replace_state,
%% suspend/resume and get_status. The logger
%% is silenced first. Pids and refs are never printed.
-module(gen_statems).
-behaviour(gen_statem).
-export([main/0]).
-export([init/1, callback_mode/0, terminate/3, handle_event/4]).
-export([locked/3, open/3, idle/3, busy/3]).

main() ->
    ok = logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    door(),
    handle_events(),
    postpones(),
    next_events(),
    timeouts(),
    generic_timeouts(),
    repeats(),
    stops(),
    slow_calls(),
    starts(),
    extras(),
    io:format("done~n").

%% ---- callbacks ----------------------------------------------------------------

init({mode, Mode, Test, Data}) ->
    put(mode, Mode),
    First = case Mode of
                state_functions -> locked;
                handle_event_function -> idle
            end,
    {ok, First, Data#{test => Test}};
init({mode_enter, Mode, Test, Data}) ->
    put(mode, Mode),
    put(enter, true),
    First = case Mode of
                state_functions -> locked;
                handle_event_function -> idle
            end,
    {ok, First, Data#{test => Test}, [{next_event, internal, from_init}]};
init(ignore_me) ->
    ignore;
init({slow_init, Ms}) ->
    receive after Ms -> ok end,
    {ok, idle, #{}};
init(crash_init) ->
    error(init_crash);
init(throw_init) ->
    throw({ok, idle, #{thrown => true}});
init(bad_init) ->
    whatever;
init({stop_me, R}) ->
    {stop, R};
init({timed, Test, Actions}) ->
    put(mode, handle_event_function),
    {ok, idle, #{test => Test}, Actions}.

callback_mode() ->
    Mode = case get(mode) of
               undefined -> handle_event_function;
               M -> M
           end,
    case get(enter) of
        true -> [Mode, state_enter];
        _ -> Mode
    end.

terminate(Reason, State, #{test := Test}) ->
    Test ! {terminated, Reason, State},
    ok;
terminate(_, _, _) ->
    ok.

note(#{test := Test}, What) ->
    Test ! {note, What}.

%% state_functions: a door with a code
locked(enter, Old, D) ->
    note(D, {enter, locked, Old}),
    keep_state_and_data;
locked(internal, E, D) ->
    note(D, {internal, locked, E}),
    keep_state_and_data;
locked({call, From}, {button, B}, #{code := Code, got := Got} = D) ->
    Got1 = Got ++ [B],
    if
        Got1 =:= Code ->
            {next_state, open, D#{got := []}, [{reply, From, opened}]};
        length(Got1) >= length(Code) ->
            {keep_state, D#{got := []}, [{reply, From, wrong}]};
        true ->
            {keep_state, D#{got := Got1}, [{reply, From, more}]}
    end;
locked({call, From}, state, _D) ->
    {keep_state_and_data, [{reply, From, locked}]};
locked(cast, {set_code, C}, D) ->
    {keep_state, D#{code := C}};
locked(info, Msg, D) ->
    note(D, {info, locked, Msg}),
    keep_state_and_data;
locked(EvType, Ev, D) ->
    note(D, {postponing_in_locked, EvType, Ev}),
    {keep_state_and_data, [postpone]}.

open(enter, Old, D) ->
    note(D, {enter, open, Old}),
    {keep_state_and_data, [{state_timeout, 20, lock}]};
open(state_timeout, lock, D) ->
    note(D, state_timeout_lock),
    {next_state, locked, D};
open({call, From}, state, _D) ->
    gen_statem:reply(From, open),
    keep_state_and_data;
open({call, From}, lock, D) ->
    {next_state, locked, D, [{reply, From, locking}]};
open(cast, {push, X}, D) ->
    note(D, {pushed_in_open, X}),
    keep_state_and_data;
open(info, Msg, D) ->
    note(D, {info, open, Msg}),
    keep_state_and_data;
open({call, From}, _, _D) ->
    {keep_state_and_data, [{reply, From, unknown}]}.

idle(_, _, _) -> keep_state_and_data.
busy(_, _, _) -> keep_state_and_data.

%% handle_event_function
handle_event(enter, Old, State, D) ->
    note(D, {enter, State, Old}),
    keep_state_and_data;
handle_event(internal, E, State, D) ->
    note(D, {internal, State, E}),
    keep_state_and_data;
handle_event({call, From}, get, State, D) ->
    {keep_state_and_data, [{reply, From, {State, maps:remove(test, D)}}]};
handle_event({call, From}, {goto, S}, _State, D) ->
    {next_state, S, D, [{reply, From, {went, S}}]};
handle_event({call, From}, {goto_data, S, K, V}, _State, D) ->
    {next_state, S, D#{K => V}, {reply, From, ok}};
handle_event({call, From}, {later, Ms}, _State, _D) ->
    spawn(fun() -> receive after Ms -> gen_statem:reply(From, later) end end),
    keep_state_and_data;
handle_event({call, From}, {multi_reply}, _State, _D) ->
    {keep_state_and_data, [{reply, From, first}]};
handle_event({call, From}, {sleep, Ms}, _State, _D) ->
    receive after Ms -> ok end,
    {keep_state_and_data, [{reply, From, slept}]};
handle_event({call, From}, {stop_reply, R}, _State, _D) ->
    {stop_and_reply, R, [{reply, From, {stopping, R}}]};
handle_event({call, From}, {stop_reply_data, R}, _State, D) ->
    {stop_and_reply, R, {reply, From, stopping}, D#{final => yes}};
handle_event(cast, {stop, R}, _State, _D) ->
    {stop, R};
handle_event(cast, {stop_data, R}, _State, D) ->
    {stop, R, D#{final => cast}};
handle_event(cast, hibernate, _State, _D) ->
    {keep_state_and_data, [hibernate]};
handle_event(cast, {next, Events}, _State, _D) ->
    {keep_state_and_data, [{next_event, T, E} || {T, E} <- Events]};
handle_event(cast, {append, X}, _State, #{log := L} = D) ->
    {keep_state, D#{log := L ++ [X]}};
handle_event(cast, {timeout_evt, Ms, Msg}, _State, _D) ->
    {keep_state_and_data, [{timeout, Ms, Msg}]};
handle_event(cast, {state_to, Ms, Msg}, _State, _D) ->
    {keep_state_and_data, [{state_timeout, Ms, Msg}]};
handle_event(cast, {gen_to, Name, Ms, Msg}, _State, _D) ->
    {keep_state_and_data, [{{timeout, Name}, Ms, Msg}]};
handle_event(cast, {gen_update, Name, Msg}, _State, _D) ->
    {keep_state_and_data, [{{timeout, Name}, update, Msg}]};
handle_event(cast, {gen_cancel, Name}, _State, _D) ->
    {keep_state_and_data, [{{timeout, Name}, cancel}]};
handle_event(cast, {state_cancel}, _State, _D) ->
    {keep_state_and_data, [{state_timeout, cancel}]};
handle_event(cast, noop, _State, _D) ->
    keep_state_and_data;
handle_event(cast, {go, S}, _State, D) ->
    {next_state, S, D};
handle_event(cast, {repeat, X}, _State, #{log := L} = D) ->
    {repeat_state, D#{log := L ++ [X]}};
handle_event(cast, repeat_same, _State, _D) ->
    repeat_state_and_data;
handle_event(cast, {repeat_then_next, E}, _State, _D) ->
    {repeat_state_and_data, [{next_event, internal, E}]};
handle_event(cast, {work, X}, busy, D) ->
    note(D, {postponed_work, X}),
    {keep_state_and_data, postpone};
handle_event(cast, {work, X}, State, D) ->
    note(D, {work, State, X}),
    keep_state_and_data;
handle_event(timeout, Msg, State, D) ->
    note(D, {event_timeout, State, Msg}),
    keep_state_and_data;
handle_event(state_timeout, Msg, State, D) ->
    note(D, {state_timeout, State, Msg}),
    keep_state_and_data;
handle_event({timeout, Name}, Msg, State, D) ->
    note(D, {generic_timeout, Name, State, Msg}),
    keep_state_and_data;
handle_event(info, {postpone_me, X}, waiting, D) ->
    note(D, {postponed_info, X}),
    {keep_state_and_data, [postpone]};
handle_event(info, Msg, State, D) ->
    note(D, {info, State, Msg}),
    keep_state_and_data;
handle_event({call, From}, {change_module, M}, _State, _D) ->
    {keep_state_and_data, [{change_callback_module, M}, {reply, From, changed}]};
handle_event({call, From}, push_self, _State, _D) ->
    {keep_state_and_data, [{push_callback_module, ?MODULE}, {reply, From, pushed}]};
handle_event({call, From}, pop, _State, _D) ->
    {keep_state_and_data, [pop_callback_module, {reply, From, popped}]};
handle_event({call, From}, {abs_timeout, Ms}, _State, _D) ->
    At = erlang:monotonic_time(millisecond) + Ms,
    {keep_state_and_data, [{reply, From, set}, {state_timeout, At, abs_fired, [{abs, true}]}]};
handle_event({call, From}, {call_timeout_action, Ms}, _State, _D) ->
    {keep_state_and_data, [{reply, From, ok}, {timeout, Ms, after_call}]};
handle_event(cast, Msg, State, D) ->
    note(D, {cast, State, Msg}),
    keep_state_and_data.

%% ---- helpers ------------------------------------------------------------------

start(Mode, Data) ->
    {ok, Pid} = gen_statem:start_link(?MODULE, {mode, Mode, self(), Data}, []),
    Pid.

start_enter(Mode, Data) ->
    {ok, Pid} = gen_statem:start_link(?MODULE, {mode_enter, Mode, self(), Data}, []),
    Pid.

%% Collect notes until none arrive for Ms.
notes(Ms) ->
    receive
        {note, N} -> [N | notes(Ms)]
    after Ms -> []
    end.

%% Exactly N notes, however long the timeouts behind them take to fire.
wait_notes(0) -> [];
wait_notes(N) ->
    receive
        {note, X} -> [X | wait_notes(N - 1)]
    after 5000 -> [missing]
    end.

show(Tag, X) ->
    io:format("~p: ~p~n", [Tag, X]).

sys_state(Pid) ->
    {S, D} = sys:get_state(Pid),
    {S, maps:remove(test, D)}.

exits() ->
    receive {'EXIT', _, Why} -> [Why | exits()] after 100 -> [] end.

sync(Pid) ->
    _ = sys:get_state(Pid),
    ok.

stop_it(Pid) ->
    ok = gen_statem:stop(Pid),
    receive {terminated, R, S} -> show(terminated, {R, S}) after 1000 -> show(terminated, none) end,
    receive {'EXIT', Pid, ER} -> show(exit, ER) after 1000 -> show(exit, none) end.

%% ---- sections -------------------------------------------------------------------

door() ->
    io:format("-- door (state_functions)~n"),
    P = start(state_functions, #{code => [1, 2, 3], got => []}),
    show(state, gen_statem:call(P, state)),
    show(b1, gen_statem:call(P, {button, 1})),
    show(b2, gen_statem:call(P, {button, 2})),
    show(b9, gen_statem:call(P, {button, 9})),
    [show(b, gen_statem:call(P, {button, B})) || B <- [1, 2, 3]],
    show(state, gen_statem:call(P, state)),
    show(lock, gen_statem:call(P, lock)),
    show(state, gen_statem:call(P, state)),
    gen_statem:cast(P, {set_code, [7]}),
    show(b7, gen_statem:call(P, {button, 7})),
    %% postponed cast in locked, handled once open
    gen_statem:cast(P, {push, a}),
    gen_statem:cast(P, {push, b}),
    P ! hello,
    sync(P),
    show(notes_locked, notes(0)),
    show(b7, gen_statem:call(P, {button, 7})),
    sync(P),
    show(notes_open, notes(0)),
    %% no state_enter: open's enter clause (and its state_timeout) never runs
    show(state, gen_statem:call(P, state)),
    show(sys_state, sys_state(P)),
    stop_it(P),
    io:format("-- door with state_enter~n"),
    P2 = start_enter(state_functions, #{code => [5], got => []}),
    show(b5, gen_statem:call(P2, {button, 5})),
    sync(P2),
    show(notes, notes(0)),
    show(notes_after_timeout, wait_notes(2)),
    show(state, gen_statem:call(P2, state)),
    stop_it(P2).

handle_events() ->
    io:format("-- handle_event_function~n"),
    P = start(handle_event_function, #{log => []}),
    show(get, gen_statem:call(P, get)),
    show(goto, gen_statem:call(P, {goto, busy})),
    show(get, gen_statem:call(P, get)),
    show(goto_data, gen_statem:call(P, {goto_data, {complex, 1}, k, v})),
    show(get, gen_statem:call(P, get)),
    show(later, gen_statem:call(P, {later, 5})),
    show(first, gen_statem:call(P, {multi_reply})),
    gen_statem:cast(P, {append, 1}),
    gen_statem:cast(P, {append, 2}),
    P ! {plain, info},
    gen_statem:cast(P, something_else),
    gen_statem:cast(P, hibernate),
    sync(P),
    show(notes, notes(0)),
    show(current, element(2, process_info(P, current_function))),
    show(get_after_hibernate, gen_statem:call(P, get)),
    show(sys_state, sys_state(P)),
    stop_it(P),
    io:format("-- handle_event_function with state_enter~n"),
    P2 = start_enter(handle_event_function, #{log => []}),
    show(goto, gen_statem:call(P2, {goto, busy})),
    show(goto_same, gen_statem:call(P2, {goto, busy})),
    show(goto, gen_statem:call(P2, {goto, idle})),
    sync(P2),
    show(notes, notes(0)),
    stop_it(P2).

postpones() ->
    io:format("-- postpone~n"),
    P = start(handle_event_function, #{log => []}),
    gen_statem:call(P, {goto, busy}),
    gen_statem:cast(P, {work, 1}),
    gen_statem:cast(P, {work, 2}),
    gen_statem:cast(P, {go, busy}),
    gen_statem:cast(P, {work, 3}),
    sync(P),
    show(notes_busy, notes(0)),
    gen_statem:cast(P, {go, idle}),
    sync(P),
    show(notes_idle, notes(0)),
    gen_statem:call(P, {goto, waiting}),
    P ! {postpone_me, x},
    P ! {postpone_me, y},
    P ! other,
    sync(P),
    show(notes_waiting, notes(0)),
    gen_statem:cast(P, {go, idle}),
    sync(P),
    show(notes_after, notes(0)),
    stop_it(P).

next_events() ->
    io:format("-- next_event~n"),
    P = start(handle_event_function, #{log => []}),
    gen_statem:cast(P, {next, [{internal, i1}, {cast, {append, c1}}, {info, m1},
                               {internal, i2}]}),
    P ! after_next,
    sync(P),
    show(notes, notes(0)),
    show(get, gen_statem:call(P, get)),
    gen_statem:call(P, {goto, busy}),
    gen_statem:cast(P, {next, [{cast, {work, n1}}, {cast, {go, idle}}]}),
    sync(P),
    show(notes_postponed_next, notes(0)),
    stop_it(P),
    io:format("-- next_event from init (state_enter)~n"),
    P2 = start_enter(handle_event_function, #{log => []}),
    sync(P2),
    show(notes, notes(0)),
    stop_it(P2).

timeouts() ->
    io:format("-- event and state timeouts~n"),
    P = start(handle_event_function, #{log => []}),
    gen_statem:cast(P, {timeout_evt, 20, t1}),
    show(fired, wait_notes(1)),
    gen_statem:cast(P, {timeout_evt, 30, t2}),
    gen_statem:cast(P, noop),
    receive after 60 -> ok end,
    show(cancelled_by_event, notes(0)),
    gen_statem:cast(P, {timeout_evt, 0, t_zero}),
    sync(P),
    show(zero, notes(10)),
    gen_statem:cast(P, {timeout_evt, infinity, t_inf}),
    receive after 30 -> ok end,
    show(infinity, notes(0)),
    gen_statem:cast(P, {state_to, 20, s1}),
    gen_statem:cast(P, noop),
    show(state_timeout_survives_events, wait_notes(1)),
    gen_statem:cast(P, {state_to, 20, s2}),
    gen_statem:cast(P, {go, busy}),
    receive after 60 -> ok end,
    show(state_timeout_cancelled_by_change, notes(0)),
    gen_statem:cast(P, {state_to, 20, s3}),
    gen_statem:cast(P, {go, busy}),
    show(state_timeout_same_state, wait_notes(1)),
    gen_statem:cast(P, {state_to, 20, s4}),
    gen_statem:cast(P, {state_cancel}),
    receive after 60 -> ok end,
    show(state_timeout_cancel, notes(0)),
    stop_it(P),
    io:format("-- timeouts from init~n"),
    {ok, P2} = gen_statem:start_link(?MODULE, {timed, self(), [{state_timeout, 10, from_init},
                                                               {timeout, 5, ev_init}]}, []),
    show(init_timeouts, lists:sort(wait_notes(2))),
    stop_it(P2).

generic_timeouts() ->
    io:format("-- generic timeouts~n"),
    P = start(handle_event_function, #{log => []}),
    gen_statem:cast(P, {gen_to, a, 20, ma}),
    gen_statem:cast(P, {gen_to, b, 40, mb}),
    gen_statem:cast(P, {go, busy}),
    gen_statem:cast(P, noop),
    show(both_fired, wait_notes(2)),
    gen_statem:cast(P, {gen_to, c, 30, mc}),
    gen_statem:cast(P, {gen_update, c, mc2}),
    show(updated, wait_notes(1)),
    gen_statem:cast(P, {gen_to, d, 30, md}),
    gen_statem:cast(P, {gen_cancel, d}),
    receive after 60 -> ok end,
    show(cancelled, notes(0)),
    gen_statem:cast(P, {gen_to, e, 30, me1}),
    gen_statem:cast(P, {gen_to, e, 10, me2}),
    show(restarted, wait_notes(1)),
    gen_statem:cast(P, {gen_update, f, mf}),
    sync(P),
    show(update_unset, notes(10)),
    stop_it(P).

repeats() ->
    io:format("-- repeat_state~n"),
    P = start_enter(handle_event_function, #{log => []}),
    sync(P),
    show(init_notes, notes(0)),
    gen_statem:cast(P, {repeat, r1}),
    gen_statem:cast(P, repeat_same),
    gen_statem:cast(P, {repeat_then_next, after_repeat}),
    gen_statem:cast(P, {go, idle}),
    sync(P),
    show(notes, notes(0)),
    show(get, gen_statem:call(P, get)),
    stop_it(P).

stops() ->
    io:format("-- stops~n"),
    P1 = start(handle_event_function, #{log => []}),
    show(stop_reply, gen_statem:call(P1, {stop_reply, normal})),
    receive {terminated, R1, S1} -> show(terminated, {R1, S1}) end,
    receive {'EXIT', P1, E1} -> show(exit, E1) end,
    P2 = start(handle_event_function, #{log => []}),
    show(stop_reply_data, gen_statem:call(P2, {stop_reply_data, shutdown})),
    receive {terminated, R2, S2} -> show(terminated, {R2, S2}) end,
    receive {'EXIT', P2, E2} -> show(exit, E2) end,
    P3 = start(handle_event_function, #{log => []}),
    gen_statem:cast(P3, {stop, {shutdown, bye}}),
    receive {terminated, R3, S3} -> show(terminated, {R3, S3}) end,
    receive {'EXIT', P3, E3} -> show(exit, E3) end,
    P4 = start(handle_event_function, #{log => []}),
    gen_statem:cast(P4, {stop_data, custom}),
    receive {terminated, R4, S4} -> show(terminated, {R4, S4}) end,
    receive {'EXIT', P4, E4} -> show(exit, E4) end,
    case catch gen_statem:call(P4, get) of
        {'EXIT', {noproc, {gen_statem, call, [P4, get, infinity]}}} -> show(call_stopped, ok);
        Other -> show(call_stopped, Other)
    end,
    show(call_stopped_class, try gen_statem:call(P4, get) catch C:Why -> {C, element(1, Why)} end),
    P5 = start(handle_event_function, #{log => []}),
    show(stop3, gen_statem:stop(P5, {shutdown, x}, infinity)),
    receive {terminated, R5, S5} -> show(terminated, {R5, S5}) end,
    receive {'EXIT', P5, E5} -> show(exit, E5) end,
    show(stop_dead, catch gen_statem:stop(P5)),
    show(cast_dead, gen_statem:cast(P5, hello)).

slow_calls() ->
    io:format("-- slow calls~n"),
    P = start(handle_event_function, #{log => []}),
    R = (catch gen_statem:call(P, {sleep, 100}, 20)),
    case R of
        {'EXIT', {timeout, {gen_statem, call, [_, {sleep, 100}, 20]}}} ->
            show(timeout_shape, ok);
        Other ->
            show(timeout_shape, Other)
    end,
    show(still_works, gen_statem:call(P, get)),
    receive Late -> show(late_message, Late) after 150 -> show(late_message, none) end,
    show(call_with_dirty_timeout, gen_statem:call(P, get, {dirty_timeout, 500})),
    R2 = (catch gen_statem:call(P, {sleep, 60}, {clean_timeout, 10})),
    case R2 of
        {'EXIT', {timeout, {gen_statem, call, [_, {sleep, 60}, {clean_timeout, 10}]}}} ->
            show(clean_timeout_shape, ok);
        Other2 ->
            show(clean_timeout_shape, Other2)
    end,
    stop_it(P).

starts() ->
    io:format("-- starts~n"),
    show(ignore, gen_statem:start(?MODULE, ignore_me, [])),
    show(ignore_link, gen_statem:start_link(?MODULE, ignore_me, [])),
    show(exits_after_ignore_link, exits()),
    show(stop, gen_statem:start(?MODULE, {stop_me, nope}, [])),
    show(stop_link, gen_statem:start_link(?MODULE, {stop_me, nope_link}, [])),
    show(exits_after_stop_link, exits()),
    {ok, P} = gen_statem:start(?MODULE, {mode, handle_event_function, self(), #{log => []}}, []),
    show(linked, lists:member(P, element(2, process_info(self(), links)))),
    {ok, P2} = gen_statem:start({local, statem_named}, ?MODULE,
                                {mode, handle_event_function, self(), #{log => []}}, []),
    show(named, whereis(statem_named) =:= P2),
    show(named_call, gen_statem:call(statem_named, get)),
    case gen_statem:start({local, statem_named}, ?MODULE, ignore_me, []) of
        {error, {already_started, P2}} -> show(already_started, ok);
        Other -> show(already_started, Other)
    end,
    ok = gen_statem:stop(statem_named),
    receive {terminated, _, _} -> ok end,
    show(unregistered, whereis(statem_named)),
    ok = gen_statem:stop(P),
    receive {terminated, _, _} -> ok end,
    show(bad_call, catch gen_statem:call(no_such_statem, get)),
    show(init_timeout, gen_statem:start(?MODULE, {slow_init, 200}, [{timeout, 20}])),
    show(init_timeout_link, gen_statem:start_link(?MODULE, {slow_init, 200}, [{timeout, 20}])),
    show(exits_after_init_timeout, exits()),
    show(init_crash, gen_statem:start(?MODULE, crash_init, [])),
    {ok, PT} = gen_statem:start(?MODULE, throw_init, []),
    show(init_throw_is_return, sys:get_state(PT)),
    ok = gen_statem:stop(PT),
    show(init_bad_return, gen_statem:start(?MODULE, bad_init, [])).

extras() ->
    io:format("-- extras~n"),
    P = start(handle_event_function, #{log => []}),
    ReqId = gen_statem:send_request(P, get),
    show(wait_response, gen_statem:wait_response(ReqId, 1000)),
    ReqId2 = gen_statem:send_request(P, get),
    receive Msg ->
            show(check_response, gen_statem:check_response(Msg, ReqId2))
    end,
    show(receive_response, gen_statem:receive_response(gen_statem:send_request(P, get), 1000)),
    show(abs, gen_statem:call(P, {abs_timeout, 10})),
    show(abs_notes, wait_notes(1)),
    show(call_timeout_action, gen_statem:call(P, {call_timeout_action, 10})),
    show(call_timeout_notes, wait_notes(1)),
    show(push, gen_statem:call(P, push_self)),
    show(pop, gen_statem:call(P, pop)),
    case catch gen_statem:call(P, pop) of
        {'EXIT', {{Why, [_ | _]}, {gen_statem, call, [P, pop, infinity]}}} -> show(pop_again, Why);
        Other -> show(pop_again, Other)
    end,
    receive {terminated, R, S} -> show(terminated, {element(1, R), S}) after 1000 -> show(terminated, none) end,
    receive {'EXIT', P, ER} -> show(exit, element(1, ER)) after 1000 -> show(exit, none) end,
    P2 = start(handle_event_function, #{log => []}),
    show(replace_state, element(1, sys:replace_state(P2, fun({St, D}) -> {St, D#{log := [replaced]}} end))),
    show(get, gen_statem:call(P2, get)),
    ok = sys:suspend(P2),
    gen_statem:cast(P2, {append, while_suspended}),
    ok = sys:resume(P2),
    show(get, gen_statem:call(P2, get)),
    {status, _, {module, gen_statem}, [_PDict, SysState, _Parent, _Dbg, _Misc]} = sys:get_status(P2),
    show(sys_status, SysState),
    stop_it(P2).
