%% beamz_kernel: brings up the part of OTP's kernel that logging needs,
%% lazily, the first time a program touches it. Compiled with erlc on
%% first use into the beamz-jit cache (src/otp/mod.rs); part of
%% beamz-jit, not of OTP.
%%
%% erl boots `logger_server` (boot script), then `application_controller`
%% (which owns the `ac_tab` table holding application environments), then
%% the kernel application: `logger:internal_init_logger/0`, `kernel_sup`
%% (which starts `logger_sup`), `logger:add_handlers(kernel)`. This module
%% runs the same OTP code in the same order, without the application
%% controller: `ac_tab` is filled with kernel's environment as
%% `application:get_all_env(kernel)` shows it under `erl -noshell` once
%% booted, and the environment-reading steps of internal_init_logger/0 are
%% done with the values that environment gives.
%%
%% The VM (src/otp/kernel.rs) redirects the first call into one of the
%% modules in trigger list there to lazy_apply/3 while the kernel is not up.
-module(beamz_kernel).
-export([lazy_apply/3, ensure_started/0, boot_server/0]).
-export([process_error_log/3, system_logger/0]).

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
    [logger, error_logger, application, application_controller, logger_std_h].

boot() ->
    ac_tab = ets:new(ac_tab, [set, public, named_table, {read_concurrency, true}]),
    true = ets:insert(ac_tab, [{{env, kernel, K}, V} || {K, V} <- kernel_env()]),
    %% The boot script's {kernelProcess, logger, {logger_server, start_link, []}}.
    {ok, _} = gen_server:start({local, logger}, logger_server, [], []),
    %% From here on a call into logger works (the events go to
    %% logger_simple_h until the default handler replaces it, which
    %% replays them): load the trigger modules, ending the redirection
    %% for every process, including those the steps below start.
    _ = [{module, M} = code:ensure_loaded(M) || M <- triggers()],
    %% logger:internal_init_logger/0 with this environment.
    ok = logger:set_primary_config(level, notice),
    ok = logger:set_primary_config(metadata, #{}),
    ok = logger:set_primary_config(filter_default, log),
    ok = logger:set_primary_config(filters, []),
    %% kernel_sup's logger_sup child.
    {ok, _} = gen_server:start({local, logger_sup}, supervisor,
                               {{local, logger_sup}, logger_sup, []}, []),
    %% kernel:start/2 after kernel_sup is up.
    ok = logger:add_handlers(kernel).

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
