%% gen_server: call/cast/info; timeouts, hibernate and {continue, ...} in
%% init and handle_* returns; a call timing out on a slow server (the exit
%% reason's shape, no late reply); reply/2 from another process; stop/1,3
%% and terminate; {local, Name}; start vs start_link; init returning
%% ignore, {stop, R} and timing out; send_request; sys:get_state,
%% replace_state, suspend/resume, get_status (selected parts: it holds
%% pids). The logger is silenced first (crash reports hold pids and
%% times). Pids and refs are never printed.
-module(gen_servers).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2,
         terminate/2]).

main() ->
    ok = logger:set_primary_config(level, none),
    basics(),
    timeouts(),
    continues(),
    slow_calls(),
    deferred_replies(),
    stops(),
    starts(),
    requests(),
    sys_calls(),
    crashes(),
    io:format("done~n").

%% ---- callbacks ----------------------------------------------------------------

%% State: #{tag => ..., test => Pid of the test process, n => counter, ...}
init({ignore_me, _}) ->
    ignore;
init({stop_me, R}) ->
    {stop, R};
init({slow_init, Ms}) ->
    receive after Ms -> ok end,
    {ok, #{}};
init({Test, Kind}) ->
    S = #{test => Test, n => 0, log => []},
    case Kind of
        plain -> {ok, S};
        timeout -> {ok, S, 10};
        hibernate -> {ok, S, hibernate};
        continue -> {ok, S, {continue, from_init}}
    end.

handle_call(get, _From, S) ->
    {reply, S#{test := test}, S};
handle_call({add, K}, _From, #{n := N} = S) ->
    {reply, N + K, S#{n := N + K}};
handle_call(with_timeout, _From, S) ->
    {reply, ok, S, 10};
handle_call(with_hibernate, _From, S) ->
    {reply, hibernated_reply, S, hibernate};
handle_call(with_continue, _From, S) ->
    {reply, continuing, S, {continue, from_call}};
handle_call({sleep, Ms}, _From, S) ->
    receive after Ms -> ok end,
    {reply, slept, S};
handle_call(deferred, From, S) ->
    spawn(fun() -> gen_server:reply(From, {deferred, from_helper}) end),
    {noreply, S};
handle_call(deferred_self, From, S) ->
    {noreply, S#{pending => From}};
handle_call(release, _From, #{pending := P} = S) ->
    gen_server:reply(P, released),
    {reply, ok, maps:remove(pending, S)};
handle_call({stop_with_reply, R}, _From, S) ->
    {stop, R, stopping_reply, S};
handle_call({stop_no_reply, R}, _From, S) ->
    {stop, R, S};
handle_call(crash, _From, _S) ->
    exit(crashed_in_call);
handle_call(Other, _From, S) ->
    {reply, {unknown, Other}, S}.

handle_cast({log, X}, #{log := L} = S) ->
    {noreply, S#{log := [X | L]}};
handle_cast(with_timeout, S) ->
    {noreply, S, 10};
handle_cast(with_hibernate, S) ->
    {noreply, S, hibernate};
handle_cast(with_continue, S) ->
    {noreply, S, {continue, from_cast}};
handle_cast({stop, R}, S) ->
    {stop, R, S};
handle_cast(_, S) ->
    {noreply, S}.

handle_info(timeout, #{test := T} = S) ->
    T ! {server, got_timeout},
    {noreply, S};
handle_info({ping, From}, S) ->
    From ! {pong, maps:get(n, S)},
    {noreply, S};
handle_info(with_timeout, S) ->
    {noreply, S, 10};
handle_info(_, S) ->
    {noreply, S}.

handle_continue(more, #{test := T} = S) ->
    T ! {server, continued, more},
    {noreply, S};
handle_continue(C, #{test := T} = S) ->
    T ! {server, continued, C},
    {noreply, S, {continue, more}}.

terminate(Reason, #{test := T}) ->
    T ! {server, terminate, Reason};
terminate(_, _) ->
    ok.

%% ---- the tests -----------------------------------------------------------------

expect() ->
    receive {server, What} -> What; {server, A, B} -> {A, B} after 500 -> none end.

nothing() ->
    receive M -> {unexpected, M} after 30 -> nothing end.

shape(P) when is_pid(P) -> pid;
shape(R) when is_reference(R) -> ref;
shape(T) when is_tuple(T) -> list_to_tuple(shape(tuple_to_list(T)));
shape([H | T]) -> [shape(H) | shape(T)];
shape(M) when is_map(M) -> maps:map(fun(_, V) -> shape(V) end, M);
shape(X) -> X.

c(F) ->
    try F() of V -> {ok, shape(V)} catch C:R -> {C, shape(R)} end.

basics() ->
    {ok, P} = gen_server:start_link({local, gs_basic}, ?MODULE, {self(), plain}, []),
    io:format("start_link pid ~p whereis ~p~n", [is_pid(P), whereis(gs_basic) =:= P]),
    io:format("call add ~p ~p~n", [gen_server:call(gs_basic, {add, 5}), gen_server:call(P, {add, 10})]),
    io:format("call {Name,node()} ~p~n", [gen_server:call({gs_basic, node()}, {add, 1})]),
    ok = gen_server:cast(gs_basic, {log, a}),
    ok = gen_server:cast(P, {log, b}),
    io:format("cast to nowhere ~p~n", [gen_server:cast(no_such_server, {log, c})]),
    gs_basic ! {ping, self()},
    receive {pong, N} -> io:format("info ping -> pong ~p~n", [N]) end,
    io:format("state ~p~n", [gen_server:call(gs_basic, get)]),
    io:format("unknown call ~p~n", [gen_server:call(gs_basic, what)]),
    io:format("stop ~p terminate ~p~n", [gen_server:stop(gs_basic), expect()]),
    io:format("whereis after stop ~p~n", [whereis(gs_basic)]),
    io:format("call stopped name ~p~n", [c(fun() -> gen_server:call(gs_basic, get) end)]),
    io:format("call dead pid ~p~n", [c(fun() -> gen_server:call(P, get) end)]).

timeouts() ->
    {ok, P} = gen_server:start(?MODULE, {self(), timeout}, []),
    io:format("init timeout -> ~p~n", [expect()]),
    ok = gen_server:cast(P, with_timeout),
    io:format("cast timeout -> ~p~n", [expect()]),
    io:format("call timeout reply ~p -> ~p~n", [gen_server:call(P, with_timeout), expect()]),
    P ! with_timeout,
    io:format("info timeout -> ~p~n", [expect()]),
    %% a message before the timeout cancels it (both queued while the
    %% server is suspended)
    ok = sys:suspend(P),
    ok = gen_server:cast(P, with_timeout),
    ok = gen_server:cast(P, {log, x}),
    ok = sys:resume(P),
    io:format("timeout cancelled -> ~p~n", [expect()]),
    {ok, H} = gen_server:start(?MODULE, {self(), hibernate}, []),
    io:format("hibernating after init ~p~n", [hibernating(H, 100)]),
    io:format("call wakes it ~p~n", [gen_server:call(H, {add, 2})]),
    io:format("reply then hibernate ~p~n", [gen_server:call(H, with_hibernate)]),
    io:format("  hibernating ~p~n", [hibernating(H, 100)]),
    ok = gen_server:cast(H, with_hibernate),
    io:format("state kept ~p~n", [maps:get(n, gen_server:call(H, get))]),
    ok = gen_server:stop(P, normal, infinity),
    io:format("stop/3 normal terminate ~p~n", [expect()]),
    ok = gen_server:stop(H, {shutdown, bye}, 1000),
    io:format("stop/3 shutdown terminate ~p~n", [expect()]).

%% Wait (a bounded time) until P is hibernating.
hibernating(P, 0) ->
    process_info(P, current_function);
hibernating(P, N) ->
    case process_info(P, current_function) of
        {current_function, {erlang, hibernate, 3}} = C -> C;
        _ -> receive after 5 -> hibernating(P, N - 1) end
    end.

continues() ->
    {ok, P} = gen_server:start(?MODULE, {self(), continue}, []),
    io:format("init continue ~p then ~p~n", [expect(), expect()]),
    io:format("call continue reply ~p~n", [gen_server:call(P, with_continue)]),
    io:format("  ~p then ~p~n", [expect(), expect()]),
    ok = gen_server:cast(P, with_continue),
    io:format("cast continue ~p then ~p~n", [expect(), expect()]),
    gen_server:stop(P),
    io:format("terminate ~p~n", [expect()]).

slow_calls() ->
    {ok, P} = gen_server:start({local, gs_slow}, ?MODULE, {self(), plain}, []),
    R = c(fun() -> gen_server:call(gs_slow, {sleep, 200}, 50) end),
    io:format("call timeout ~p~n", [R]),
    receive after 250 -> ok end,
    io:format("late reply dropped ~p~n", [nothing()]),
    io:format("server still fine ~p~n", [gen_server:call(gs_slow, {add, 1})]),
    R2 = c(fun() -> gen_server:call(P, {sleep, 100}, 10) end),
    io:format("call timeout by pid ~p~n", [R2]),
    io:format("infinity timeout ~p~n", [gen_server:call(gs_slow, {sleep, 10}, infinity)]),
    gen_server:stop(gs_slow),
    io:format("terminate ~p~n", [expect()]).

deferred_replies() ->
    {ok, P} = gen_server:start(?MODULE, {self(), plain}, []),
    io:format("reply from helper ~p~n", [gen_server:call(P, deferred)]),
    Self = self(),
    spawn(fun() -> Self ! {waiter, gen_server:call(P, deferred_self)} end),
    receive after 20 -> ok end,
    io:format("release ~p~n", [gen_server:call(P, release)]),
    receive {waiter, W} -> io:format("waiter got ~p~n", [W]) end,
    gen_server:stop(P),
    io:format("terminate ~p~n", [expect()]).

stops() ->
    {ok, P} = gen_server:start(?MODULE, {self(), plain}, []),
    io:format("stop with reply ~p~n", [gen_server:call(P, {stop_with_reply, normal})]),
    io:format("  terminate ~p~n", [expect()]),
    {ok, P2} = gen_server:start(?MODULE, {self(), plain}, []),
    R = c(fun() -> gen_server:call(P2, {stop_no_reply, {shutdown, no_reply}}) end),
    io:format("stop without reply ~p~n", [R]),
    io:format("  terminate ~p~n", [expect()]),
    {ok, P3} = gen_server:start(?MODULE, {self(), plain}, []),
    Ref = monitor(process, P3),
    ok = gen_server:cast(P3, {stop, {shutdown, cast}}),
    io:format("cast stop terminate ~p~n", [expect()]),
    receive {'DOWN', Ref, process, P3, Why} -> io:format("  down ~p~n", [Why]) end,
    io:format("stop dead server ~p~n", [c(fun() -> gen_server:stop(P3) end)]),
    io:format("stop unknown name ~p~n", [c(fun() -> gen_server:stop(no_such_server) end)]).

starts() ->
    process_flag(trap_exit, true),
    io:format("start ignore ~p~n", [gen_server:start(?MODULE, {ignore_me, x}, [])]),
    io:format("start_link ignore ~p~n", [gen_server:start_link(?MODULE, {ignore_me, x}, [])]),
    io:format("start stop ~p~n", [gen_server:start(?MODULE, {stop_me, bad_init}, [])]),
    io:format("start_link stop ~p~n", [gen_server:start_link(?MODULE, {stop_me, bad_init}, [])]),
    io:format("  exit message ~p~n", [shape(receive {'EXIT', _, _} = E -> E after 100 -> none end)]),
    io:format("start init timeout ~p~n", [gen_server:start(?MODULE, {slow_init, 500}, [{timeout, 20}])]),
    {ok, P} = gen_server:start({local, gs_dup}, ?MODULE, {self(), plain}, []),
    io:format("already started ~p~n", [shape(gen_server:start({local, gs_dup}, ?MODULE, {self(), plain}, []))]),
    {links, L} = process_info(self(), links),
    io:format("start does not link ~p~n", [not lists:member(P, L)]),
    {ok, P2} = gen_server:start_link(?MODULE, {self(), plain}, []),
    {links, L2} = process_info(self(), links),
    io:format("start_link links ~p~n", [lists:member(P2, L2)]),
    gen_server:stop(P2),
    io:format("terminate ~p~n", [expect()]),
    io:format("EXIT after stop ~p~n", [shape(receive {'EXIT', P2, _} = E2 -> E2 after 100 -> none end)]),
    gen_server:stop(P),
    io:format("terminate ~p~n", [expect()]),
    process_flag(trap_exit, false).

requests() ->
    {ok, P} = gen_server:start(?MODULE, {self(), plain}, []),
    Req = gen_server:send_request(P, {add, 3}),
    io:format("send_request ref ~p~n", [is_reference(Req)]),
    io:format("wait_response ~p~n", [gen_server:wait_response(Req, 1000)]),
    Req2 = gen_server:send_request(P, {add, 4}),
    io:format("receive_response ~p~n", [gen_server:receive_response(Req2, 1000)]),
    Req3 = gen_server:send_request(P, {sleep, 100}),
    io:format("wait_response timeout ~p~n", [gen_server:wait_response(Req3, 10)]),
    io:format("  then ~p~n", [gen_server:wait_response(Req3, 1000)]),
    Req4 = gen_server:send_request(P, {add, 1}),
    receive Msg -> io:format("check_response ~p~n", [gen_server:check_response(Msg, Req4)]) end,
    gen_server:stop(P),
    io:format("terminate ~p~n", [expect()]).

sys_calls() ->
    {ok, P} = gen_server:start({local, gs_sys}, ?MODULE, {self(), plain}, []),
    gen_server:call(P, {add, 7}),
    io:format("sys:get_state ~p~n", [shape(sys:get_state(gs_sys))]),
    io:format("sys:replace_state ~p~n", [shape(sys:replace_state(gs_sys, fun(S) -> S#{n := 100} end))]),
    io:format("after replace ~p~n", [gen_server:call(P, {add, 1})]),
    ok = sys:suspend(gs_sys),
    ok = gen_server:cast(gs_sys, {log, while_suspended}),
    io:format("suspended: get_state works ~p~n", [maps:get(log, sys:get_state(gs_sys))]),
    {status, SP, Mod, [_PDict, SysState, _Parent, _Dbg, Misc]} = sys:get_status(gs_sys),
    io:format("get_status pid ~p module ~p sys state ~p~n", [SP =:= P, Mod, SysState]),
    io:format("  header ~p~n", [proplists:get_value(header, Misc)]),
    io:format("  state ~p~n", [shape([D || {data, D} <- Misc, lists:keymember("State", 1, D)])]),
    R = c(fun() -> gen_server:call(gs_sys, get, 50) end),
    io:format("call while suspended ~p~n", [R]),
    ok = sys:resume(gs_sys),
    io:format("resumed: cast processed ~p~n", [maps:get(log, sys:get_state(gs_sys))]),
    {status, _, _, [_, SysState2 | _]} = sys:get_status(P),
    io:format("sys state after resume ~p~n", [SysState2]),
    io:format("sys:get_state timeout on dead ~p~n", [c(fun() -> sys:get_state(no_such_server, 100) end)]),
    gen_server:stop(P),
    io:format("terminate ~p~n", [expect()]).

crashes() ->
    {ok, P} = gen_server:start({local, gs_crash}, ?MODULE, {self(), plain}, []),
    R = c(fun() -> gen_server:call(gs_crash, crash) end),
    io:format("call crashing server ~p~n", [R]),
    io:format("terminate ~p~n", [expect()]),
    io:format("alive ~p~n", [is_process_alive(P)]),
    {ok, P2} = gen_server:start(?MODULE, {self(), plain}, []),
    R2 = c(fun() -> gen_server:call(P2, {stop_no_reply, normal}) end),
    io:format("call stopping server ~p~n", [R2]),
    io:format("terminate ~p~n", [expect()]).
