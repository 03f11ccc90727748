%% beamz_kernel: brings up the part of OTP's kernel that logging needs,
%% lazily, the first time a program touches it. Compiled with erlc on
%% first use into the beamz-jit cache (src/otp/mod.rs); part of
%% beamz-jit, not of OTP.
%%
%% erl boots `logger_server` (boot script), then `application_controller`
%% (which owns the `ac_tab` table holding application environments), then
%% the kernel application: `logger:internal_init_logger/0`, `kernel_sup`
%% (which starts `logger_sup`), `logger:add_handlers(kernel)`. This module
%% runs the same OTP code in the same order: OTP's application controller
%% with kernel and stdlib loaded and started, kernel's environment as
%% `application:get_all_env(kernel)` shows it under `erl -noshell` once
%% booted. Kernel's application callback is this module: its kernel_sup
%% holds only logger_sup (the other servers of OTP's kernel_sup are
%% answered natively by the VM), and the environment-reading steps of
%% internal_init_logger/0 are done with the values that environment gives.
%%
%% The VM (src/otp/kernel.rs) redirects the first call into one of the
%% modules in trigger list there to lazy_apply/3 while the kernel is not up.
-module(beamz_kernel).
-export([lazy_apply/3, ensure_started/0, boot_server/0]).
-export([process_error_log/3, system_logger/0]).
-export([start/2, stop/1, init/1]).

%% Kernel's environment after `erl -noshell` has booted (OTP 25).
%% Logger reads logger_level, logger_sasl_compatible and logger;
%% proc_lib reads error_logger_format_depth (absent: unlimited).
kernel_env() ->
    [{logger_sasl_compatible, false},
     {shell_docs_ansi, auto},
     {connect_all, true},
     {prevent_overlapping_partitions, true},
     {net_tickintensity, 4},
     {net_ticktime, 60},
     {logger,
      [{handler, default, logger_std_h,
        #{config => #{type => standard_io},
          formatter => {logger_formatter,
                        #{legacy_header => true, single_line => false}}}}]},
     {logger_level, notice}].

%% Called by the VM in place of M:F(Args) while the kernel is not up.
%% The processes the start runs (this module's server and the processes
%% it starts, which have it among their ancestors) go straight on; any
%% other process waits for the start to finish.
lazy_apply(M, F, Args) ->
    case in_start() of
        false ->
            _ = ensure_started(),
            erlang:apply(M, F, Args);
        true ->
            %% Loaded here, so the call below is not redirected again.
            case code:ensure_loaded(M) of
                {module, M} -> erlang:apply(M, F, Args);
                _ -> erlang:error(undef, Args)
            end
    end.

in_start() ->
    case whereis(beamz_kernel) of
        undefined ->
            false;
        Srv ->
            Srv =:= self() orelse
                lists:member(Srv, case get('$ancestors') of
                                      L when is_list(L) -> L;
                                      _ -> []
                                  end)
    end.

%% Start the services once; every caller waits until they are up.
ensure_started() ->
    Srv = case whereis(beamz_kernel) of
              undefined ->
                  Pid = spawn(fun ?MODULE:boot_server/0),
                  try register(beamz_kernel, Pid), Pid
                  catch error:badarg -> exit(Pid, kill), whereis(beamz_kernel)
                  end;
              Pid ->
                  Pid
          end,
    Ref = erlang:monitor(process, Srv),
    Srv ! {ensure, self(), Ref},
    receive
        {Ref, Result} -> erlang:demonitor(Ref, [flush]), Result;
        {'DOWN', Ref, process, _, _} -> error
    end.

boot_server() ->
    %% The services write through `user` whoever started them (the group
    %% leader itself has none to pass on).
    case whereis(user) of
        undefined -> ok;
        User -> group_leader(User, self())
    end,
    Result = try boot() of
                 ok -> ok
             catch
                 C:R:S ->
                     beamz_native:put_stderr(
                       iolist_to_binary(
                         io_lib:format("beamz-jit: cannot start the logger: ~p:~p~n~p~n",
                                       [C, R, S]))),
                     error
             end,
    beamz_native:kernel_up(),
    serve(Result).

serve(Result) ->
    receive
        {ensure, From, Ref} -> From ! {Ref, Result}
    end,
    serve(Result).

%% The modules whose first call the VM redirects (src/otp/kernel.rs).
triggers() ->
    [logger, error_logger, application, application_controller, logger_std_h, file,
     supervisor].

boot() ->
    %% The boot script's {kernelProcess, logger, {logger_server, start_link, []}}.
    {ok, _} = gen_server:start({local, logger}, logger_server, [], []),
    %% {kernelProcess, application_controller, {application_controller,
    %% start, [KernelApp]}}: OTP's controller, which creates `ac_tab` and
    %% loads kernel with the environment of kernel.app. The application
    %% callback is this module (start/2 below) instead of `kernel`, whose
    %% kernel_sup would start servers this VM answers natively.
    {application, kernel, Props} = app_spec(kernel),
    KernelApp = {application, kernel,
                 lists:keystore(mod, 1, Props, {mod, {?MODULE, []}})},
    {ok, _} = application_controller:start(KernelApp),
    true = ets:insert(ac_tab, [{{env, kernel, K}, V} || {K, V} <- kernel_env()]),
    %% From here on a call into logger works (the events go to
    %% logger_simple_h until the default handler replaces it, which
    %% replays them) and so does application:get_env/2, which every crash
    %% report makes (error_logger:get_format_depth/0): load the trigger
    %% modules, ending the redirection for every process. (Loading them
    %% before `ac_tab` existed let a process crashing meanwhile call
    %% get_env unredirected and die of badarg in its own crash report.)
    %% The processes the steps above started went through lazy_apply/3 as
    %% part of the start.
    _ = [{module, M} = code:ensure_loaded(M) || M <- triggers()],
    %% The boot script's application steps.
    ok = application:load(stdlib),
    ok = application:start_boot(kernel, permanent),
    ok = application:start_boot(stdlib, permanent),
    %% Kernel's callback as OTP's resource file names it, for
    %% application:get_key/2 (its running master keeps this module).
    [{_, Appl}] = ets:lookup(ac_tab, {loaded, kernel}),
    Data = setelement(5, element(3, Appl), {kernel, []}),
    true = ets:insert(ac_tab, {{loaded, kernel}, setelement(3, Appl, Data)}),
    ok.

%% Kernel's application callback in place of kernel:start/2: the steps of
%% kernel:start/2 the logger needs, with kernel_sup holding logger_sup.
start(normal, []) ->
    %% logger:internal_init_logger/0 with this environment.
    ok = logger:set_primary_config(level, notice),
    ok = logger:set_primary_config(metadata, #{}),
    ok = logger:set_primary_config(filter_default, log),
    ok = logger:set_primary_config(filters, []),
    {ok, Sup} = supervisor:start_link({local, kernel_sup}, ?MODULE, kernel_sup),
    ok = logger:add_handlers(kernel),
    {ok, Sup, []}.

stop(_State) ->
    ok.

%% kernel_sup (kernel:init/1's flags) with its file_server_2 and
%% logger_sup children (prim_file's operations are native, src/bif/prim_file.rs).
init(kernel_sup) ->
    Flags = #{strategy => one_for_all, intensity => 0, period => 1},
    File = #{id => file_server_2,
             start => {file_server, start_link, []},
             restart => permanent,
             shutdown => 2000,
             type => worker,
             modules => [file, file_server, file_io_server, prim_file]},
    LoggerSup = #{id => logger_sup,
                  start => {logger_sup, start_link, []},
                  restart => permanent,
                  shutdown => infinity,
                  type => supervisor,
                  modules => [logger_sup]},
    {ok, {Flags, [File, LoggerSup]}}.

%% An application's resource file as a term (what systools puts in a boot
%% script).
app_spec(App) ->
    File = code:where_is_file(atom_to_list(App) ++ ".app"),
    {ok, Bin, _} = erl_prim_loader:get_file(File),
    {ok, Tokens, _} = erl_scan:string(binary_to_list(Bin)),
    {ok, Term} = erl_parse:parse_term(Tokens),
    Term.

%% Where erts sends its log messages: the process that called
%% erlang:system_flag(system_logger, Pid) -- logger_proxy once the logger
%% is up (as logger_proxy:init/1 does under erl), else logger, else none.
system_logger() ->
    case whereis(logger_proxy) of
        undefined -> whereis(logger);
        Pid -> Pid
    end.

%% What erts logs when a process dies from an error or a throw: this
%% message, sent to the system logger.
process_error_log(Pid, Gl, Reason) ->
    Meta = #{error_logger => #{emulator => true, tag => error},
             gl => Gl, pid => Pid, time => os:system_time(microsecond)},
    {log, error, "Error in process ~p with exit value:~n~p~n", [Pid, Reason], Meta}.
