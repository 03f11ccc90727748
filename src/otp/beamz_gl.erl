%% beamz_gl: the group leader of every beamz-jit process, and the crash
%% reporter for the entry function. Compiled with erlc on first use into
%% the beamz-jit cache (src/otp/mod.rs); part of beamz-jit, not of OTP.
%%
%% It answers the Erlang I/O protocol the way OTP 25's `user` process does
%% under `erl -noshell`: output encoding latin1, code points above 255
%% written as \x{HEX}, errors as {error, {error, put_chars}}.
-module(beamz_gl).
-export([server/0, stderr_server/0, crash_report/3, error_report/2]).

server() ->
    put(encoding, latin1),
    put(binary, false),
    put(fd, stdout),
    loop().

%% `standard_error`: the same protocol, written to stderr.
stderr_server() ->
    put(encoding, latin1),
    put(binary, false),
    put(fd, stderr),
    loop().

write(Bin) ->
    case get(fd) of
        stderr -> beamz_native:put_stderr(Bin);
        _ -> beamz_native:put_chars(Bin)
    end.

loop() ->
    receive
        {io_request, From, ReplyAs, Request} ->
            Reply = request(Request),
            From ! {io_reply, ReplyAs, Reply},
            loop();
        {'$beamz_error_report', Pid, Reason} ->
            log_process_error(Pid, Reason),
            loop();
        {'$beamz_kernel_started', Result} ->
            kernel_started(Result),
            loop();
        {'$beamz_max_heap_report', Pid, Max, Total, Kill, Log, QLen, Info} ->
            _ = (catch report(io_lib:format(
                  "     Process:            ~p ~n"
                  "     Context:            maximum heap size reached~n"
                  "     Max Heap Size:      ~p~n"
                  "     Total Heap Size:    ~p~n"
                  "     Kill:               ~p~n"
                  "     Error Logger:       ~p~n"
                  "     Message Queue Len:  ~p~n"
                  "     GC Info:            ~p~n",
                  [Pid, Max, Total, Kill, Log, QLen, Info]))),
            loop();
        '$beamz_too_many_processes' ->
            _ = (catch report("Too many processes\n\n")),
            loop();
        _Other ->
            loop()
    end.

request({put_chars, Enc, Chars}) ->
    put_chars(Enc, Chars);
request({put_chars, Enc, M, F, A}) ->
    case catch apply(M, F, A) of
        Data when is_list(Data); is_binary(Data) -> put_chars(Enc, Data);
        Other -> put_bytes(Other)
    end;
request({put_chars, Chars}) ->
    put_chars(latin1, Chars);
request({put_chars, M, F, A}) ->
    request({put_chars, latin1, M, F, A});
request({requests, Reqs}) ->
    requests(Reqs, ok);
request({get_geometry, _}) ->
    {error, enotsup};
request(getopts) ->
    [{binary, get(binary)}, {encoding, get(encoding)}];
request({setopts, Opts}) when is_list(Opts) ->
    setopts(Opts);
request({get_line, Enc, _Prompt}) ->
    get_line(Enc);
request({get_line, _Prompt}) ->
    get_line(latin1);
request({get_chars, Enc, _Prompt, _N}) ->
    get_line(Enc);
request({get_until, Enc, _Prompt, M, F, As}) ->
    get_until(Enc, M, F, As, []);
request(R) ->
    {error, {error, {request, R}}}.

requests([R | Rs], ok) -> requests(Rs, request(R));
requests([R | Rs], {ok, _}) -> requests(Rs, request(R));
requests([_ | _], Error) -> Error;
requests([], Result) -> Result.

setopts([]) -> ok;
setopts([binary | T]) -> put(binary, true), setopts(T);
setopts([list | T]) -> put(binary, false), setopts(T);
setopts([{binary, B} | T]) when is_boolean(B) -> put(binary, B), setopts(T);
setopts([{encoding, E} | T]) when E =:= latin1; E =:= unicode; E =:= utf8 ->
    put(encoding, case E of latin1 -> latin1; _ -> unicode end),
    setopts(T);
setopts([_ | T]) -> setopts(T);
setopts(_) -> {error, enotsup}.

%% Characters in encoding Enc to the bytes written, as OTP 25's user does.
put_chars(unicode, Chars) ->
    case to_output(Chars) of
        error -> {error, {error, put_chars}};
        Bin -> write(Bin), ok
    end;
put_chars(latin1, Chars) ->
    case catch unicode:characters_to_binary(Chars, latin1, get(encoding)) of
        Bin when is_binary(Bin) -> write(Bin), ok;
        _ -> {error, {error, put_chars}}
    end;
put_chars(_, _) ->
    {error, {error, put_chars}}.

put_bytes(Data) ->
    case catch list_to_binary(Data) of
        Bin when is_binary(Bin) -> write(Bin), ok;
        _ -> {error, {error, put_chars}}
    end.

to_output(Chars) ->
    case get(encoding) of
        latin1 ->
            case catch unicode:characters_to_binary(Chars, unicode, latin1) of
                Bin when is_binary(Bin) -> Bin;
                _ -> escape_wide(Chars)
            end;
        _ ->
            case catch unicode:characters_to_binary(Chars, unicode, unicode) of
                Bin when is_binary(Bin) -> Bin;
                _ -> error
            end
    end.

escape_wide(Chars) ->
    case catch unicode:characters_to_list(Chars, unicode) of
        L when is_list(L) ->
            list_to_binary([if C > 255 -> ["\\x{", integer_to_list(C, 16), $}];
                               true -> C
                            end || C <- L]);
        _ ->
            error
    end.

get_line(Enc) ->
    case beamz_native:read_line() of
        eof -> eof;
        Bin -> convert_in(Bin, Enc)
    end.

get_until(Enc, M, F, As, Cont0) ->
    Line = case beamz_native:read_line() of
               eof -> eof;
               Bin -> binary_to_list(Bin)
           end,
    case catch apply(M, F, [Cont0, Line | As]) of
        {done, Result, _Rest} -> Result;
        {more, Cont} when Line =/= eof -> get_until(Enc, M, F, As, Cont);
        {more, _} -> eof;
        _ -> {error, {error, get_until}}
    end.

convert_in(Bin, Enc) ->
    case get(binary) of
        true when Enc =:= unicode -> unicode:characters_to_binary(Bin, latin1, unicode);
        true -> Bin;
        false when Enc =:= unicode -> unicode:characters_to_list(Bin, latin1);
        false -> binary_to_list(Bin)
    end.

%% The report escript prints for an uncaught exception in main, then halt
%% with escript's status.
crash_report(Class, Reason, Stack) ->
    PF = fun(Term, I) -> io_lib:format("~." ++ integer_to_list(I) ++ "P", [Term, 50]) end,
    SF = fun(_M, _F, _A) -> false end,
    Text = try erl_error:format_exception(1, Class, Reason, Stack, SF, PF, latin1)
           catch _:_ -> io_lib:format("~p:~p~n~p", [Class, Reason, Stack])
           end,
    Out = try unicode:characters_to_binary(["escript: ", Text, "\n"], unicode, latin1)
          catch _:_ -> list_to_binary(io_lib:format("escript: exception ~p:~p~n", [Class, Reason]))
          end,
    beamz_native:put_stderr(Out),
    erlang:halt(127).

%% A process other than the entry process died from an error or a throw:
%% OTP's logger reports it (src/otp/beamz_kernel.erl). If the logger is not
%% up, one helper process starts it while reports wait here, in order; if
%% it cannot start, they are printed as its default handler would.
log_process_error(Pid, Reason) ->
    case {beamz_kernel:system_logger(), get(pending_logs)} of
        {undefined, undefined} ->
            put(pending_logs, [{Pid, Reason}]),
            Gl = self(),
            spawn(fun() ->
                          Gl ! {'$beamz_kernel_started', catch beamz_kernel:ensure_started()}
                  end),
            ok;
        {undefined, Pending} ->
            put(pending_logs, [{Pid, Reason} | Pending]),
            ok;
        {Logger, _} ->
            Logger ! beamz_kernel:process_error_log(Pid, self(), Reason),
            ok
    end.

kernel_started(Result) ->
    Pending = case erase(pending_logs) of
                  undefined -> [];
                  L -> lists:reverse(L)
              end,
    Logger = beamz_kernel:system_logger(),
    [case Result =:= ok andalso is_pid(Logger) of
         true -> Logger ! beamz_kernel:process_error_log(Pid, self(), Reason);
         false -> catch error_report(Pid, Reason)
     end || {Pid, Reason} <- Pending],
    ok.

%% What OTP's logger prints (default handler, legacy header) when a
%% process other than the entry process dies from an error or a throw.
error_report(Pid, Reason) ->
    Us = erlang:system_time(microsecond),
    {{Y, Mo, D}, {H, Mi, S}} = calendar:system_time_to_universal_time(Us, microsecond),
    Month = element(Mo, {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}),
    Stamp = io_lib:format("~2..0w-~s-~4w::~2..0w:~2..0w:~2..0w.~6..0w",
                          [D, Month, Y, H, Mi, S, Us rem 1000000]),
    Text = io_lib:format("=ERROR REPORT==== ~s ===~nError in process ~p with exit value:~n~p~n~n",
                         [Stamp, Pid, Reason]),
    put_chars(unicode, Text).

%% Another error report in the same legacy format: Body then a newline.
report(Body) ->
    put_chars(unicode, ["=ERROR REPORT==== ", stamp(), " ===\n", Body, "\n"]).

stamp() ->
    Us = erlang:system_time(microsecond),
    {{Y, Mo, D}, {H, Mi, S}} = calendar:system_time_to_universal_time(Us, microsecond),
    Month = element(Mo, {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}),
    io_lib:format("~2..0w-~s-~4w::~2..0w:~2..0w:~2..0w.~6..0w",
                  [D, Month, Y, H, Mi, S, Us rem 1000000]).
