%% supervisor: one_for_one, one_for_all and rest_for_one restarts (which
%% children got new processes, as booleans), simple_one_for_one,
%% permanent/transient/temporary children with normal and abnormal exits,
%% terminate_child/delete_child/restart_child results and errors,
%% check_childspecs, reaching the restart intensity, significant children
%% with auto_shutdown, nested supervisors, a child whose start fails or
%% returns ignore, shutdown order and kinds (timeout, infinity, brutal_kill,
%% a child ignoring the shutdown). The module is both the supervisor callback and the
%% children (plain processes started with proc_lib). The logger is silenced
%% first (supervisor reports hold pids). Pids are never printed.
-module(supervisors).
-behaviour(supervisor).
-export([main/0]).
-export([init/1, start_worker/1, start_worker/2, worker_init/2, start_fail/1,
         start_ignore/0, start_sup/2]).

main() ->
    ok = logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    strategies(),
    restart_types(),
    child_ops(),
    simple(),
    specs(),
    intensity(),
    significant(),
    nested(),
    start_failures(),
    shutdowns(),
    io:format("done~n").

%% ---- callbacks -------------------------------------------------------------------

init({Flags, Specs}) ->
    {ok, {Flags, Specs}};
init(ignore_sup) ->
    ignore;
init(bad_return) ->
    {ok, not_a_spec}.

start_sup(Flags, Specs) ->
    supervisor:start_link(?MODULE, {Flags, Specs}).

%% A worker: registered under Name when Name is an atom, dies on request.
start_worker(Name) ->
    start_worker(Name, none).

start_worker(Name, Extra) ->
    proc_lib:start_link(?MODULE, worker_init, [Name, Extra]).

worker_init(Name, Extra) ->
    case is_atom(Name) andalso Name =/= undefined of
        true -> register(Name, self());
        false -> ok
    end,
    proc_lib:init_ack({ok, self()}),
    case Extra of
        {notify, Test, How} ->
            process_flag(trap_exit, true),
            trapping_loop(Name, Test, How);
        _ ->
            worker_loop()
    end.

%% Reports the exit signal it gets; How: stop (exits with the same reason)
%% or linger (keeps running: the supervisor must kill it).
trapping_loop(Name, Test, How) ->
    receive
        {'EXIT', _, R} ->
            Test ! {stopping, Name, R},
            case How of
                stop -> exit(R);
                linger -> trapping_loop(Name, Test, How)
            end;
        _ ->
            trapping_loop(Name, Test, How)
    end.

worker_loop() ->
    receive
        {die, R} -> exit(R);
        {ping, From} -> From ! pong, worker_loop();
        _ -> worker_loop()
    end.

start_fail(R) ->
    {error, R}.

start_ignore() ->
    ignore.

%% ---- helpers -------------------------------------------------------------------

show(Tag, X) ->
    io:format("~p: ~p~n", [Tag, X]).

w(Id) ->
    w(Id, permanent).

w(Id, Restart) ->
    #{id => Id, start => {?MODULE, start_worker, [Id]}, restart => Restart,
      shutdown => 1000, type => worker}.

flags(Strategy) ->
    #{strategy => Strategy, intensity => 10, period => 10}.

%% [{Id, Pid}] in child order, with the pids, for comparisons only.
kids(Sup) ->
    [{Id, P} || {Id, P, _, _} <- supervisor:which_children(Sup)].

ids(Sup) ->
    [{Id, state(P)} || {Id, P, _, _} <- supervisor:which_children(Sup)].

state(P) when is_pid(P) -> pid;
state(P) -> P.

%% Which children have a new process (true) or the same one (false).
changed(Before, After) ->
    [{Id, P1 =/= proplists:get_value(Id, After)} || {Id, P1} <- Before].

kill_and_wait(Sup, Id, Reason) ->
    P = proplists:get_value(Id, kids(Sup)),
    MRef = erlang:monitor(process, P),
    P ! {die, Reason},
    receive {'DOWN', MRef, process, P, _} -> ok end,
    _ = sys:get_state(Sup),
    ok.

stop_sup(Sup) ->
    unlink(Sup),
    MRef = erlang:monitor(process, Sup),
    exit(Sup, shutdown),
    receive {'DOWN', MRef, process, Sup, R} -> R end.

%% ---- sections -------------------------------------------------------------------

strategies() ->
    io:format("-- strategies~n"),
    lists:foreach(
      fun(Strategy) ->
              {ok, Sup} = start_sup(flags(Strategy), [w(a), w(b), w(c)]),
              K0 = kids(Sup),
              show({Strategy, ids}, ids(Sup)),
              kill_and_wait(Sup, b, crash),
              K1 = kids(Sup),
              show({Strategy, after_b}, changed(K0, K1)),
              kill_and_wait(Sup, a, crash),
              show({Strategy, after_a}, changed(K1, kids(Sup))),
              show({Strategy, counts}, supervisor:count_children(Sup)),
              show({Strategy, stopped}, stop_sup(Sup))
      end, [one_for_one, one_for_all, rest_for_one]).

restart_types() ->
    io:format("-- restart types~n"),
    lists:foreach(
      fun({Restart, Reason}) ->
              {ok, Sup} = start_sup(flags(one_for_one), [w(x, Restart)]),
              K0 = kids(Sup),
              kill_and_wait(Sup, x, Reason),
              K1 = kids(Sup),
              show({Restart, Reason}, {ids(Sup), changed(K0, K1)}),
              stop_sup(Sup)
      end,
      [{permanent, normal}, {permanent, crash}, {permanent, shutdown},
       {transient, normal}, {transient, crash}, {transient, shutdown},
       {transient, {shutdown, x}},
       {temporary, normal}, {temporary, crash}]).

child_ops() ->
    io:format("-- child operations~n"),
    {ok, Sup} = start_sup(flags(one_for_one), [w(a), w(b, transient)]),
    show(delete_running, supervisor:delete_child(Sup, a)),
    show(restart_running, supervisor:restart_child(Sup, a)),
    show(terminate, supervisor:terminate_child(Sup, a)),
    show(ids, ids(Sup)),
    show(terminate_again, supervisor:terminate_child(Sup, a)),
    {ok, P} = supervisor:restart_child(Sup, a),
    show(restart_pid, is_pid(P)),
    show(terminate_missing, supervisor:terminate_child(Sup, nope)),
    show(delete_missing, supervisor:delete_child(Sup, nope)),
    show(restart_missing, supervisor:restart_child(Sup, nope)),
    show(terminate_b, supervisor:terminate_child(Sup, b)),
    show(delete_b, supervisor:delete_child(Sup, b)),
    show(ids, ids(Sup)),
    {ok, C} = supervisor:start_child(Sup, w(c)),
    show(start_child_pid, is_pid(C)),
    case supervisor:start_child(Sup, w(c)) of
        {error, {already_started, C}} -> show(start_dup, already_started);
        O -> show(start_dup, O)
    end,
    supervisor:terminate_child(Sup, c),
    show(start_present, supervisor:start_child(Sup, w(c))),
    show(start_bad_spec, supervisor:start_child(Sup, #{id => d})),
    show(start_bad_spec2, supervisor:start_child(Sup, {d, bad})),
    show(start_fail, supervisor:start_child(Sup, #{id => f, start => {?MODULE, start_fail, [why]}})),
    show(start_ignore, supervisor:start_child(Sup, #{id => g, start => {?MODULE, start_ignore, []}})),
    show(ids, ids(Sup)),
    show(get_childspec, supervisor:get_childspec(Sup, a)),
    show(get_childspec_missing, supervisor:get_childspec(Sup, zz)),
    show(counts, supervisor:count_children(Sup)),
    show(terminate_by_pid, supervisor:terminate_child(Sup, C)),
    show(stopped, stop_sup(Sup)).

simple() ->
    io:format("-- simple_one_for_one~n"),
    Spec = #{id => ignored, start => {?MODULE, start_worker, [undefined]}, restart => transient},
    {ok, Sup} = start_sup(flags(simple_one_for_one), [Spec]),
    {ok, P1} = supervisor:start_child(Sup, [one]),
    {ok, P2} = supervisor:start_child(Sup, [two]),
    {ok, P3} = supervisor:start_child(Sup, [three]),
    show(started, [is_pid(P) || P <- [P1, P2, P3]]),
    show(children, [{Id, P =:= P1 orelse P =:= P2 orelse P =:= P3, T, M}
                    || {Id, P, T, M} <- supervisor:which_children(Sup)]),
    show(counts, supervisor:count_children(Sup)),
    show(terminate_p2, supervisor:terminate_child(Sup, P2)),
    show(terminate_p2_again, supervisor:terminate_child(Sup, P2)),
    show(terminate_by_id, supervisor:terminate_child(Sup, ignored)),
    show(delete, supervisor:delete_child(Sup, ignored)),
    show(restart, supervisor:restart_child(Sup, ignored)),
    MRef = erlang:monitor(process, P1),
    P1 ! {die, crash},
    receive {'DOWN', MRef, process, P1, _} -> ok end,
    _ = sys:get_state(Sup),
    show(after_crash_count, length(supervisor:which_children(Sup))),
    show(p1_replaced, [P || {_, P, _, _} <- supervisor:which_children(Sup), P =:= P1]),
    M3 = erlang:monitor(process, P3),
    P3 ! {die, normal},
    receive {'DOWN', M3, process, P3, _} -> ok end,
    _ = sys:get_state(Sup),
    show(after_normal_count, length(supervisor:which_children(Sup))),
    case supervisor:start_child(Sup, [bad, args, here]) of
        {error, {'EXIT', {undef, [Top | _]}}} -> show(start_fail_args, {undef, Top});
        O -> show(start_fail_args, O)
    end,
    show(stopped, stop_sup(Sup)).

specs() ->
    io:format("-- check_childspecs~n"),
    show(ok_map, supervisor:check_childspecs([w(a)])),
    show(ok_tuple, supervisor:check_childspecs([{a, {m, f, []}, permanent, 5000, worker, [m]}])),
    show(dup, supervisor:check_childspecs([w(a), w(a)])),
    show(bad_restart, supervisor:check_childspecs([(w(a))#{restart => sometimes}])),
    show(bad_shutdown, supervisor:check_childspecs([(w(a))#{shutdown => -1}])),
    show(bad_type, supervisor:check_childspecs([(w(a))#{type => boss}])),
    show(bad_mfa, supervisor:check_childspecs([(w(a))#{start => nope}])),
    show(no_start, supervisor:check_childspecs([#{id => a}])),
    show(bad_modules, supervisor:check_childspecs([(w(a))#{modules => x}])),
    show(not_list, supervisor:check_childspecs(x)),
    show(bad_significant, supervisor:check_childspecs([(w(a))#{significant => maybe}])),
    show(init_bad_return, supervisor:start_link(?MODULE, bad_return)),
    show(init_bad_flags, supervisor:start_link(?MODULE, {#{strategy => sideways}, []})),
    show(init_ignore, supervisor:start_link(?MODULE, ignore_sup)),
    %% (exit signals from different processes have no order in Erlang)
    show(exits, lists:sort(exits())).

exits() ->
    receive {'EXIT', _, Why} -> [Why | exits()] after 50 -> [] end.

intensity() ->
    io:format("-- intensity~n"),
    {ok, Sup} = start_sup(#{strategy => one_for_one, intensity => 2, period => 10}, [w(a)]),
    MRef = erlang:monitor(process, Sup),
    kill_and_wait(Sup, a, crash),
    kill_and_wait(Sup, a, crash),
    show(alive_after_two, is_process_alive(Sup)),
    P = proplists:get_value(a, kids(Sup)),
    P ! {die, crash},
    receive {'DOWN', MRef, process, Sup, R} -> show(sup_down, R) end,
    receive {'EXIT', Sup, R2} -> show(sup_exit, R2) end,
    {ok, Sup2} = start_sup(#{strategy => one_for_one, intensity => 0, period => 1}, [w(b)]),
    MRef2 = erlang:monitor(process, Sup2),
    [{b, PB}] = kids(Sup2),
    PB ! {die, normal},
    receive {'DOWN', MRef2, process, Sup2, R3} -> show(sup_down_zero, R3) end,
    receive {'EXIT', Sup2, R4} -> show(sup_exit_zero, R4) end.

significant() ->
    io:format("-- significant children~n"),
    Sig = fun(Id, Restart) -> (w(Id, Restart))#{significant => true} end,
    {ok, S1} = start_sup(#{strategy => one_for_one, auto_shutdown => any_significant},
                         [Sig(a, transient), w(b)]),
    M1 = erlang:monitor(process, S1),
    PA = proplists:get_value(a, kids(S1)),
    PA ! {die, normal},
    receive {'DOWN', M1, process, S1, R1} -> show(any_significant, R1) end,
    receive {'EXIT', S1, _} -> ok end,
    {ok, S2} = start_sup(#{strategy => one_for_one, auto_shutdown => all_significant},
                         [Sig(a, temporary), Sig(b, temporary)]),
    M2 = erlang:monitor(process, S2),
    PA2 = proplists:get_value(a, kids(S2)),
    PB2 = proplists:get_value(b, kids(S2)),
    MA2 = erlang:monitor(process, PA2),
    PA2 ! {die, normal},
    receive {'DOWN', MA2, process, PA2, _} -> ok end,
    _ = sys:get_state(S2),
    show(all_significant_one_left, {is_process_alive(S2), ids(S2)}),
    PB2 ! {die, crash},
    receive {'DOWN', M2, process, S2, R2} -> show(all_significant, R2) end,
    receive {'EXIT', S2, _} -> ok end,
    show(significant_never, start_sup(#{strategy => one_for_one}, [Sig(a, transient)])),
    show(significant_permanent,
         start_sup(#{strategy => one_for_one, auto_shutdown => any_significant},
                   [Sig(a, permanent)])),
    show(exits, exits()).

nested() ->
    io:format("-- nested~n"),
    Inner = #{id => inner, start => {?MODULE, start_sup, [flags(one_for_one), [w(i1), w(i2)]]},
              type => supervisor},
    {ok, Top} = start_sup(flags(one_for_one), [w(t1), Inner]),
    show(top, [{Id, state(P), T} || {Id, P, T, _} <- supervisor:which_children(Top)]),
    InnerPid = proplists:get_value(inner, kids(Top)),
    show(inner, ids(InnerPid)),
    show(counts, supervisor:count_children(Top)),
    K0 = kids(InnerPid),
    kill_and_wait(InnerPid, i1, crash),
    show(inner_restart, changed(K0, kids(InnerPid))),
    show(top_same_inner, proplists:get_value(inner, kids(Top)) =:= InnerPid),
    M = erlang:monitor(process, InnerPid),
    exit(InnerPid, kill),
    receive {'DOWN', M, process, InnerPid, R} -> show(inner_killed, R) end,
    _ = sys:get_state(Top),
    NewInner = proplists:get_value(inner, kids(Top)),
    show(new_inner, {NewInner =/= InnerPid, ids(NewInner)}),
    show(stopped, stop_sup(Top)),
    show(inner_gone, is_process_alive(NewInner)).

start_failures() ->
    io:format("-- start failures~n"),
    Fail = #{id => bad, start => {?MODULE, start_fail, [broken]}},
    case start_sup(flags(one_for_one), [w(a), Fail, w(c)]) of
        {error, {shutdown, {failed_to_start_child, bad, broken}}} = E -> show(failed, E);
        Other -> show(failed, Other)
    end,
    show(a_gone, whereis(a)),
    Crash = #{id => crash, start => {erlang, error, [oops]}},
    case start_sup(flags(one_for_one), [Crash]) of
        {error, _} = E2 ->
            show(crashed, strip(E2));
        Other2 -> show(crashed, Other2)
    end,
    Bad = #{id => badret, start => {erlang, abs, [3]}},
    show(bad_return, start_sup(flags(one_for_one), [Bad])),
    Ign = #{id => ign, start => {?MODULE, start_ignore, []}},
    {ok, Sup} = start_sup(flags(one_for_one), [Ign, w(b)]),
    show(ignored, ids(Sup)),
    show(restart_ignored, supervisor:restart_child(Sup, ign)),
    show(stopped, stop_sup(Sup)),
    show(exits, strip(exits())).

%% Stack traces of OTP's own frames are left out.
strip({'EXIT', {R, Stack}}) when is_list(Stack) -> {'EXIT', {strip(R), stack}};
strip(T) when is_tuple(T) -> list_to_tuple(strip(tuple_to_list(T)));
strip([H | T]) -> [strip(H) | strip(T)];
strip(X) -> X.

shutdowns() ->
    io:format("-- shutdown order and kinds~n"),
    T = self(),
    N = fun(Id, How, Shutdown) ->
                #{id => Id, start => {?MODULE, start_worker, [Id, {notify, T, How}]},
                  shutdown => Shutdown}
        end,
    {ok, Sup} = start_sup(flags(one_for_one),
                          [N(s1, stop, 1000), N(s2, linger, 50), N(s3, stop, infinity),
                           N(s4, linger, brutal_kill), w(s5)]),
    show(terminate_lingering, supervisor:terminate_child(Sup, s2)),
    show(stopping, stopping()),
    show(ids, ids(Sup)),
    {ok, _} = supervisor:restart_child(Sup, s2),
    show(stopped, stop_sup(Sup)),
    show(stopping_order, stopping()),
    {ok, Sup2} = start_sup(flags(one_for_all), [N(o1, stop, 1000), N(o2, stop, 1000), w(o3)]),
    kill_and_wait(Sup2, o3, crash),
    show(one_for_all_stopping, stopping()),
    show(stopped, stop_sup(Sup2)),
    show(stopping_order, stopping()),
    {ok, Sup3} = start_sup(flags(rest_for_one), [N(r1, stop, 1000), w(r2), N(r3, stop, 1000)]),
    kill_and_wait(Sup3, r2, crash),
    show(rest_for_one_stopping, stopping()),
    show(stopped, stop_sup(Sup3)),
    show(stopping_order, stopping()),
    show(exits, exits()).

stopping() ->
    receive {stopping, Id, R} -> [{Id, R} | stopping()] after 100 -> [] end.
