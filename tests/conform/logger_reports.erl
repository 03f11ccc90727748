%% OTP's logger under crashes: gen_server (linked and not), proc_lib and
%% plain spawn crashes, a supervisor restarting crashing children, and the
%% exit reasons linked and monitoring processes see. Reports are printed by
%% the real default handler with its real formatter; this module wraps the
%% formatter only to blank what can never match between runs (timestamps,
%% pids, heap sizes, reductions).
-module(logger_reports).
-behaviour(gen_server).
-export([main/0, format/2, log/2]).
-export([init/1, handle_call/3, handle_cast/2, terminate/2]).
-export([start_worker/1, start_plain/0, plain/0]).

%% ---- formatter: OTP's default one, then scrubbed --------------------------
format(Event, _Config) ->
    Text = logger_formatter:format(Event, #{legacy_header => true, single_line => false}),
    Lines = string:split(unicode:characters_to_list(Text), "\n", all),
    lists:join("\n", [scrub_line(L) || L <- Lines]).

scrub_line("=" ++ _ = L) ->
    [Head | _] = string:split(L, "==== "),
    Head ++ "====";
scrub_line(L) ->
    numbers(pids(L), ["heap_size: ", "stack_size: ", "reductions: "]).

numbers(L, []) -> L;
numbers(L, [Key | Keys]) ->
    case string:find(L, Key) of
        nomatch -> numbers(L, Keys);
        Rest -> string:slice(L, 0, length(L) - length(Rest)) ++ Key ++ "N"
    end.

pids([]) -> [];
pids("<0." ++ Rest) ->
    case pid_tail(Rest) of
        {ok, More} -> "<PID>" ++ pids(More);
        error -> "<0." ++ pids(Rest)
    end;
pids([C | Rest]) -> [C | pids(Rest)].

pid_tail(S) ->
    case lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, S) of
        {[_ | _], ".0>" ++ More} -> {ok, More};
        _ -> error
    end.

%% ---- handler `notify`: tells main when erts reported a crashed process ----
%% (erts hands those reports to the logger asynchronously, later than the
%% exit signals: main waits for them before it goes on).
log(#{meta := #{error_logger := #{emulator := true}}}, #{config := #{to := Pid}}) ->
    Pid ! emulator_report;
log(_Event, _Config) ->
    ok.

emulator_report() ->
    receive emulator_report -> ok end.

%% Everything logged so far has been written.
sync() ->
    io:put_chars(""),
    _ = sys:get_state(logger_proxy),
    _ = sys:get_state(logger),
    ok = logger_std_h:filesync(default).

%% ---- gen_server -----------------------------------------------------------
init(supervisor) -> sup_init();
init(crash_in_init) -> erlang:error(init_failed);
init(S) -> {ok, S}.
handle_call(_, _, S) -> {reply, ok, S}.
handle_cast(crash, _S) -> erlang:error(boom);
handle_cast(throw, _S) -> throw(thrown);
handle_cast(badmatch, S) -> {ok, _} = S;
handle_cast(exit, _S) -> exit(custom_exit);
handle_cast(stop, S) -> {stop, stopped, S}.
terminate(_Reason, _S) -> ok.

start_worker(Arg) -> gen_server:start_link(?MODULE, Arg, []).

%% A plain (not proc_lib) child.
start_plain() -> {ok, spawn_link(fun ?MODULE:plain/0)}.
plain() ->
    receive {exit, R} -> exit(R) end.

%% ---- supervisor (this module's init(supervisor)) --------------------------
sup_init() ->
    {ok, {#{strategy => one_for_one, intensity => 10, period => 10},
          [#{id => worker, start => {?MODULE, start_worker, [state]}},
           #{id => plain, start => {?MODULE, start_plain, []}}]}}.

child(Sup, Id) ->
    {Id, P, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    P.

wait_restart(Sup, Id, Old) ->
    case child(Sup, Id) of
        Old -> timer:sleep(1), wait_restart(Sup, Id, Old);
        New -> New
    end.

main() ->
    ok = logger:update_handler_config(default, formatter, {?MODULE, #{}}),
    ok = logger:add_handler(notify, ?MODULE, #{config => #{to => self()}}),
    process_flag(trap_exit, true),

    io:format("-- gen_server:start_link, error in handle_cast~n"),
    {ok, G1} = gen_server:start_link(?MODULE, st, []),
    gen_server:cast(G1, crash),
    receive {'EXIT', G1, R1} -> sync(), io:format("linked sees ~p~n", [R1]) end,

    io:format("-- gen_server:start, throw in handle_cast, monitored~n"),
    {ok, G2} = gen_server:start(?MODULE, st, []),
    M2 = monitor(process, G2),
    gen_server:cast(G2, throw),
    receive {'DOWN', M2, process, G2, R2} -> sync(), io:format("monitor sees ~p~n", [R2]) end,

    io:format("-- gen_server badmatch, exit/1, stop~n"),
    {ok, G3} = gen_server:start_link(?MODULE, st, []),
    gen_server:cast(G3, badmatch),
    receive {'EXIT', G3, R3} -> sync(), io:format("linked sees ~p~n", [R3]) end,
    {ok, G4} = gen_server:start_link(?MODULE, st, []),
    gen_server:cast(G4, exit),
    receive {'EXIT', G4, R4} -> sync(), io:format("linked sees ~p~n", [R4]) end,
    {ok, G5} = gen_server:start_link(?MODULE, st, []),
    gen_server:cast(G5, stop),
    receive {'EXIT', G5, R5} -> sync(), io:format("linked sees ~p~n", [R5]) end,

    io:format("-- gen_server crashing in init~n"),
    R6 = gen_server:start_link(?MODULE, crash_in_init, []),
    receive {'EXIT', _, X6} -> sync(), io:format("start_link ~p~nlinked sees ~p~n", [R6, X6]) end,

    io:format("-- proc_lib:spawn_link, error~n"),
    P7 = proc_lib:spawn_link(fun() -> erlang:error({bad, 7}) end),
    receive {'EXIT', P7, R7} -> sync(), io:format("linked sees ~p~n", [R7]) end,

    io:format("-- proc_lib:spawn, exit/1 (no report for exit)~n"),
    P8 = proc_lib:spawn(fun() -> exit(quietly) end),
    M8 = monitor(process, P8),
    receive {'DOWN', M8, process, P8, R8} -> sync(), io:format("monitor sees ~p~n", [R8]) end,

    io:format("-- spawn, error and throw~n"),
    P9 = spawn_link(fun() -> erlang:error(plain_error) end),
    receive {'EXIT', P9, R9} -> emulator_report(), sync(), io:format("linked sees ~p~n", [R9]) end,
    {P10, M10} = spawn_monitor(fun() -> throw(plain_throw) end),
    receive {'DOWN', M10, process, P10, R10} -> emulator_report(), sync(), io:format("monitor sees ~p~n", [R10]) end,
    P11 = spawn_link(fun() -> exit(plain_exit) end),
    receive {'EXIT', P11, R11} -> sync(), io:format("linked sees ~p~n", [R11]) end,

    io:format("-- supervisor restarting crashing children~n"),
    {ok, Sup} = supervisor:start_link(?MODULE, supervisor),
    W1 = child(Sup, worker),
    gen_server:cast(W1, crash),
    W2 = wait_restart(Sup, worker, W1),
    sync(),
    io:format("worker restarted: ~p~n", [is_pid(W2) andalso W2 =/= W1]),
    C1 = child(Sup, plain),
    C1 ! {exit, plain_child_crash},
    C2 = wait_restart(Sup, plain, C1),
    sync(),
    io:format("plain child restarted: ~p~n", [is_pid(C2) andalso C2 =/= C1]),
    C2 ! {exit, normal},
    C3 = wait_restart(Sup, plain, C2),
    sync(),
    io:format("plain child restarted after normal exit: ~p~n", [is_pid(C3) andalso C3 =/= C2]),
    unlink(Sup),
    exit(Sup, shutdown),
    sync(),
    ok.
