%% The logger's reports for gen_statem and gen_event crashes: a state
%% machine crashing in a call (with the client's stack trace), in a cast
%% (with postponed events and the state_enter/timeouts lines), and stopping
%% with a non-normal reason; a gen_event handler crashing in handle_event,
%% handle_call and handle_info, and a sup handler's owner. Printed by the
%% real default handler; the formatter wrapper blanks what can never match
%% between runs (timestamps, pids, refs, heap sizes, reductions).
-module(statem_reports).
-behaviour(gen_statem).
-export([main/0, format/2]).
-export([init/1, callback_mode/0, handle_event/4]).
-export([handle_event/2, handle_call/2, handle_info/2]).

%% ---- formatter: OTP's default one, then scrubbed --------------------------
format(Event, _Config) ->
    Text = logger_formatter:format(Event, #{legacy_header => true, single_line => false}),
    Lines = string:split(unicode:characters_to_list(Text), "\n", all),
    lists:join("\n", [scrub_line(L) || L <- Lines]).

scrub_line("=" ++ _ = L) ->
    [Head | _] = string:split(L, "==== "),
    Head ++ "====";
scrub_line(L) ->
    numbers(refs(pids(L)), ["heap_size: ", "stack_size: ", "reductions: "]).

numbers(L, []) -> L;
numbers(L, [Key | Keys]) ->
    case string:find(L, Key) of
        nomatch -> numbers(L, Keys);
        Rest -> string:slice(L, 0, length(L) - length(Rest)) ++ Key ++ "N"
    end.

pids([]) -> [];
pids("<0." ++ Rest) ->
    case lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, Rest) of
        {[_ | _], ".0>" ++ More} -> "<PID>" ++ pids(More);
        _ -> "<0." ++ pids(Rest)
    end;
pids([C | Rest]) -> [C | pids(Rest)].

refs([]) -> [];
refs("#Ref<" ++ Rest) ->
    {_, ">" ++ More} = lists:splitwith(fun(C) -> C =/= $> end, Rest),
    "#Ref<REF>" ++ refs(More);
refs([C | Rest]) -> [C | refs(Rest)].

%% Everything logged so far has been written.
sync() ->
    io:put_chars(""),
    _ = sys:get_state(logger_proxy),
    _ = sys:get_state(logger),
    ok = logger_std_h:filesync(default).

%% ---- gen_statem callbacks (init/1 is shared with the gen_event handler) -------
init(statem) ->
    {ok, idle, #{n => 0}};
init(statem_enter) ->
    put(enter, true),
    {ok, idle, #{n => 0}};
init(Name) ->
    {ok, {Name, []}}.

callback_mode() ->
    case get(enter) of
        true -> [handle_event_function, state_enter];
        _ -> handle_event_function
    end.

handle_event(enter, _Old, _State, _D) ->
    keep_state_and_data;
handle_event({call, _From}, crash, _State, D) ->
    error({call_crash, maps:get(n, D)});
handle_event(cast, {postpone, X}, busy, _D) ->
    put(postponed, X),
    {keep_state_and_data, [postpone]};
handle_event(cast, {go, S}, _State, D) ->
    {next_state, S, D, [{state_timeout, 60000, st}, {{timeout, g}, 60000, gt}]};
handle_event(cast, crash, _State, _D) ->
    throw(cast_thrown);
handle_event(cast, {stop, R}, _State, _D) ->
    {stop, R};
handle_event(info, bad_return, _State, _D) ->
    {what, is, this};
handle_event(_, _, _, _) ->
    keep_state_and_data.

%% ---- gen_event handler ---------------------------------------------------------------
handle_event(crash, {Name, _}) ->
    error({event_crash, Name});
handle_event(E, {Name, L}) ->
    {ok, {Name, [E | L]}}.

handle_call(crash, {Name, _}) ->
    exit({call_exit, Name}).

handle_info(crash, {Name, _}) ->
    throw({info_throw, Name});
handle_info(_, S) ->
    {ok, S}.

%% ---- main ----------------------------------------------------------------------------
main() ->
    ok = logger:update_handler_config(default, formatter, {?MODULE, #{}}),
    process_flag(trap_exit, true),
    Main = self(),

    io:format("-- gen_statem: error in a call~n"),
    {ok, P1} = gen_statem:start_link(?MODULE, statem, []),
    spawn(fun() -> Main ! {client, catch gen_statem:call(P1, crash)} end),
    receive {'EXIT', P1, R1} -> sync(), io:format("linked sees ~p~n", [element(1, R1)]) end,
    receive {client, {'EXIT', {CR, _}}} -> io:format("client sees ~p~n", [element(1, CR)]) end,

    io:format("-- gen_statem: throw in a cast, postponed events, timeouts~n"),
    {ok, P2} = gen_statem:start_link(?MODULE, statem_enter, []),
    gen_statem:cast(P2, {go, busy}),
    gen_statem:cast(P2, {postpone, a}),
    gen_statem:cast(P2, {postpone, b}),
    gen_statem:cast(P2, crash),
    receive {'EXIT', P2, R2} -> sync(), io:format("linked sees ~p~n", [R2]) end,

    io:format("-- gen_statem: stop with a reason, bad return~n"),
    {ok, P3} = gen_statem:start_link(?MODULE, statem, []),
    gen_statem:cast(P3, {stop, {custom, reason}}),
    receive {'EXIT', P3, R3} -> sync(), io:format("linked sees ~p~n", [R3]) end,
    {ok, P4} = gen_statem:start(?MODULE, statem, []),
    M4 = monitor(process, P4),
    P4 ! bad_return,
    receive {'DOWN', M4, process, P4, R4} -> sync(), io:format("monitor sees ~p~n", [element(1, R4)]) end,

    io:format("-- gen_event handlers~n"),
    {ok, E} = gen_event:start_link(),
    ok = gen_event:add_handler(E, {?MODULE, a}, a),
    ok = gen_event:add_handler(E, {?MODULE, b}, b),
    ok = gen_event:add_handler(E, {?MODULE, c}, c),
    ok = gen_event:sync_notify(E, first),
    ok = gen_event:sync_notify(E, crash),
    sync(),
    io:format("left: ~p~n", [gen_event:which_handlers(E)]),
    ok = gen_event:add_handler(E, {?MODULE, d}, d),
    ok = gen_event:add_handler(E, {?MODULE, e}, e),
    %% (the crash report and the reply race: print once the report is out)
    Call = element(1, gen_event:call(E, {?MODULE, d}, crash)),
    sync(),
    io:format("call: ~p~n", [Call]),
    E ! crash,
    _ = gen_event:which_handlers(E),
    sync(),
    io:format("left: ~p~n", [gen_event:which_handlers(E)]),
    ok = gen_event:stop(E),
    receive {'EXIT', E, RE} -> io:format("linked sees ~p~n", [RE]) end,
    io:format("done~n").
