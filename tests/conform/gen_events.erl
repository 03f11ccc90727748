%% gen_event: start/start_link (anonymous and named), add_handler with
%% and without ids, add_sup_handler (the gen_event_EXIT message on
%% removal or deletion), delete_handler, notify/sync_notify, call (also to a missing
%% handler), which_handlers, swap_handler and swap_sup_handler, a handler
%% crashing in handle_event (removed) or returning remove_handler, init
%% failing, handle_info, stop. The module is the handler. The logger is
%% silenced first (handler crash reports hold pids). Pids are never printed.
-module(gen_events).
-behaviour(gen_event).
-export([main/0]).
-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2,
         code_change/3]).

main() ->
    ok = logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    basics(),
    crashes(),
    swaps(),
    sup_handlers(),
    stops(),
    io:format("done~n").

%% ---- callbacks -------------------------------------------------------------------

%% State: {Name, Test, Log}
init({fail, R}) ->
    {error, R};
init({crash_init, R}) ->
    error(R);
init({{swapped, {Name, Test}}, FromTerm}) ->
    Test ! {note, {swapped_in, Name, FromTerm}},
    {ok, {Name, Test, [swapped]}};
init({Name, Test}) ->
    {ok, {Name, Test, []}}.

handle_event(crash, {Name, _, _}) ->
    error({handler_crash, Name});
handle_event(remove, {Name, Test, _}) ->
    Test ! {note, {removing, Name}},
    remove_handler;
handle_event({swap_to, New}, {Name, Test, Log}) ->
    {swap_handler, {swap_term, Name}, {Name, Test, Log}, New, {swapped, {New, Test}}};
handle_event(Ev, {Name, Test, Log}) ->
    Test ! {note, {event, Name, Ev}},
    {ok, {Name, Test, Log ++ [Ev]}}.

handle_call(log, {_, _, Log} = S) ->
    {ok, Log, S};
handle_call(bad, {Name, _, _}) ->
    error({bad_call, Name});
handle_call(remove_me, _S) ->
    {remove_handler, removed};
handle_call({swap_call, New}, {Name, Test, Log}) ->
    {swap_handler, swapping, {swap_term, Name}, {Name, Test, Log}, New, {swapped, {New, Test}}}.

handle_info(Msg, {Name, Test, _} = S) ->
    Test ! {note, {info, Name, Msg}},
    {ok, S}.

terminate({stop, R}, {Name, Test, _}) ->
    Test ! {note, {terminate, Name, stop, R}},
    stop_term;
terminate(Arg, {Name, Test, Log}) ->
    Test ! {note, {terminate, Name, strip(Arg), Log}},
    {swap_term, Name};
terminate(_, _) ->
    ok.

code_change(_, S, _) ->
    {ok, S}.

%% ---- helpers -------------------------------------------------------------------

show(Tag, X) ->
    io:format("~p: ~p~n", [Tag, X]).

strip({error, {'EXIT', {R, Stack}}}) when is_list(Stack) -> {error, {'EXIT', {R, stack}}};
strip({'EXIT', {R, Stack}}) when is_list(Stack) -> {'EXIT', {R, stack}};
strip(X) -> X.

notes() ->
    receive {note, N} -> [N | notes()] after 0 -> [] end.

sync(M) ->
    ok = gen_event:sync_notify(M, sync_marker),
    ok.

h(Name) ->
    {?MODULE, Name}.

handlers(M) ->
    lists:sort(gen_event:which_handlers(M)).

%% ---- sections ---------------------------------------------------------------------

basics() ->
    io:format("-- basics~n"),
    {ok, M} = gen_event:start_link(),
    show(none, gen_event:which_handlers(M)),
    show(add_plain, gen_event:add_handler(M, ?MODULE, {plain, self()})),
    show(add_id1, gen_event:add_handler(M, h(one), {one, self()})),
    show(add_id2, gen_event:add_handler(M, h(two), {two, self()})),
    show(add_dup, gen_event:add_handler(M, h(one), {one, self()})),
    show(handlers, handlers(M)),
    show(notify, gen_event:notify(M, hello)),
    show(sync_notify, gen_event:sync_notify(M, world)),
    show(notes, lists:sort(notes())),
    show(call_log, gen_event:call(M, h(one), log)),
    show(call_plain, gen_event:call(M, ?MODULE, log)),
    show(call_missing, gen_event:call(M, h(nope), log)),
    show(call_bad, strip(gen_event:call(M, h(two), bad))),
    show(handlers_after_bad, handlers(M)),
    show(call_remove, gen_event:call(M, h(one), remove_me)),
    show(handlers, handlers(M)),
    M ! an_info,
    sync(M),
    show(notes, lists:sort(notes())),
    show(delete, gen_event:delete_handler(M, ?MODULE, bye)),
    show(delete_missing, gen_event:delete_handler(M, ?MODULE, bye)),
    show(notes, notes()),
    show(handlers, handlers(M)),
    show(add_fail, gen_event:add_handler(M, h(f), {fail, because})),
    show(add_crash, strip(gen_event:add_handler(M, h(c), {crash_init, boom}))),
    show(add_undef, strip(gen_event:add_handler(M, {no_such_handler_mod, x}, []))),
    show(handlers, handlers(M)),
    show(stop, gen_event:stop(M)),
    show(notes, notes()),
    receive {'EXIT', M, R} -> show(exit, R) after 500 -> show(exit, none) end.

crashes() ->
    io:format("-- crashes~n"),
    {ok, M} = gen_event:start({local, ev_named}),
    ok = gen_event:add_handler(ev_named, h(a), {a, self()}),
    ok = gen_event:add_handler(ev_named, h(b), {b, self()}),
    ok = gen_event:add_handler(ev_named, h(c), {c, self()}),
    ok = gen_event:notify(ev_named, first),
    sync(ev_named),
    _ = notes(),
    ok = gen_event:sync_notify(ev_named, crash),
    show(handlers_after_crash, handlers(ev_named)),
    show(notes, lists:sort(notes())),
    ok = gen_event:add_handler(ev_named, h(d), {d, self()}),
    ok = gen_event:notify(ev_named, remove),
    sync(ev_named),
    show(handlers_after_remove, handlers(ev_named)),
    show(notes, lists:sort(notes())),
    show(alive, is_process_alive(M)),
    ok = gen_event:stop(ev_named),
    show(unregistered, whereis(ev_named)),
    show(call_stopped, catch gen_event:call(ev_named, h(a), log)),
    show(notify_stopped, try gen_event:notify(ev_named, x) catch C:R -> {C, R} end),
    show(sync_notify_stopped, catch gen_event:sync_notify(ev_named, x)).

swaps() ->
    io:format("-- swaps~n"),
    {ok, M} = gen_event:start_link(),
    ok = gen_event:add_handler(M, h(old), {old, self()}),
    ok = gen_event:notify(M, e1),
    show(swap, gen_event:swap_handler(M, {h(old), swap_arg}, {h(new), {swapped, {new, self()}}})),
    show(handlers, handlers(M)),
    show(new_log, gen_event:call(M, h(new), log)),
    show(notes, notes()),
    show(swap_missing, gen_event:swap_handler(M, {h(ghost), x}, {h(new2), {swapped, {new2, self()}}})),
    show(handlers, handlers(M)),
    show(notes, notes()),
    ok = gen_event:notify(M, {swap_to, h(third)}),
    sync(M),
    show(handlers_event_swap, handlers(M)),
    show(notes, notes()),
    show(call_swap, gen_event:call(M, h(third), {swap_call, h(fourth)})),
    show(handlers_call_swap, handlers(M)),
    show(notes, notes()),
    ok = gen_event:stop(M),
    show(notes, notes()),
    receive {'EXIT', M, R} -> show(exit, R) after 500 -> show(exit, none) end.

sup_handlers() ->
    io:format("-- sup handlers~n"),
    {ok, M} = gen_event:start(),
    show(add_sup, gen_event:add_sup_handler(M, h(s1), {s1, self()})),
    show(add_sup2, gen_event:add_sup_handler(M, h(s2), {s2, self()})),
    show(add_sup3, gen_event:add_sup_handler(M, h(s3), {s3, self()})),
    show(delete, gen_event:delete_handler(M, h(s1), done)),
    show(notes, notes()),
    show(exit_msgs_delete, gen_exits()),
    ok = gen_event:sync_notify(M, crash),
    show(handlers, handlers(M)),
    show(exit_msgs, lists:sort(gen_exits())),
    _ = notes(),
    show(swap_sup, gen_event:swap_sup_handler(M, {h(s3), x}, {h(s4), {swapped, {s4, self()}}})),
    show(handlers, handlers(M)),
    show(notes, notes()),
    ok = gen_event:notify(M, remove),
    sync(M),
    show(exit_msgs, lists:sort(gen_exits())),
    show(notes, notes()),
    ok = gen_event:add_sup_handler(M, h(s5), {s5, self()}),
    ok = gen_event:stop(M),
    show(exit_msgs_stop, lists:sort(gen_exits())),
    show(notes, notes()).

gen_exits() ->
    receive {gen_event_EXIT, H, R} -> [{H, strip(R)} | gen_exits()] after 50 -> [] end.

stops() ->
    io:format("-- stops~n"),
    {ok, M} = gen_event:start(),
    ok = gen_event:add_handler(M, h(z), {z, self()}),
    show(stop3, gen_event:stop(M, {shutdown, x}, infinity)),
    show(notes, notes()),
    show(stop_dead, catch gen_event:stop(M)),
    {ok, M2} = gen_event:start_link({local, ev_linked}),
    show(named, whereis(ev_linked) =:= M2),
    show(already, case gen_event:start({local, ev_linked}) of
                      {error, {already_started, M2}} -> already_started;
                      O -> O
                  end),
    ok = gen_event:add_handler(ev_linked, h(y), {y, self()}),
    exit(M2, shutdown),
    receive {'EXIT', M2, R} -> show(exit, R) after 500 -> show(exit, none) end,
    show(notes, notes()).
