%% OTP's application controller: kernel's and stdlib's resource files,
%% environment get/set/unset, loading and starting an application from a
%% spec (this module is its callback and its top supervisor), start/stop
%% results and the errors for unknown applications. Lists whose order is
%% ETS hash order over atoms (get_all_env, loaded_applications) are sorted.
%% The controller's info reports (an application stopped) are filtered out.
-module(app_env).
-behaviour(application).
-behaviour(supervisor).
-export([main/0, start/2, stop/1, init/1, worker/0]).

main() ->
    %% Stopping an application logs an info report with a timestamp.
    ok = logger:set_primary_config(level, warning),
    io:format("which ~p~n", [application:which_applications()]),
    io:format("kernel level ~p~n", [application:get_env(kernel, logger_level)]),
    io:format("kernel nothing ~p~n", [application:get_env(kernel, no_such_key)]),
    io:format("kernel default ~p~n", [application:get_env(kernel, no_such_key, dflt)]),
    io:format("kernel env ~p~n", [lists:sort(application:get_all_env(kernel))]),
    io:format("kernel keys ~p~n", [[{K, application:get_key(kernel, K)} || K <- [description, vsn, mod, applications, registered]]]),
    io:format("stdlib keys ~p~n", [[{K, application:get_key(stdlib, K)} || K <- [description, vsn, mod, applications]]]),
    io:format("set ~p~n", [application:set_env(conform_app, colour, blue)]),
    io:format("get ~p ~p~n", [application:get_env(conform_app, colour), application:get_all_env(conform_app)]),
    io:format("set kernel ~p ~p~n", [application:set_env(kernel, conform_key, 42), application:get_env(kernel, conform_key)]),
    io:format("unset ~p ~p~n", [application:unset_env(kernel, conform_key), application:get_env(kernel, conform_key)]),
    io:format("set_env/1 ~p~n", [application:set_env([{conform_app, [{size, 3}, {shape, round}]}])]),
    io:format("after ~p~n", [lists:sort(application:get_all_env(conform_app))]),
    io:format("load stdlib again ~p~n", [application:load(stdlib)]),
    io:format("load unknown ~p~n", [application:load(no_such_app)]),
    io:format("start unknown ~p~n", [application:start(no_such_app)]),
    io:format("stop unknown ~p~n", [application:stop(no_such_app)]),
    Spec = {application, conform_app,
            [{description, "conformance app"}, {vsn, "1.2.3"},
             {modules, [app_env]}, {registered, [conform_sup]},
             {applications, [kernel, stdlib]},
             {env, [{colour, red}, {depth, 7}]},
             {mod, {app_env, [hello]}}]},
    io:format("load ~p~n", [application:load(Spec)]),
    io:format("env after load ~p~n", [lists:sort(application:get_all_env(conform_app))]),
    io:format("loaded ~p~n", [lists:sort(application:loaded_applications())]),
    io:format("start ~p~n", [application:start(conform_app)]),
    io:format("start again ~p~n", [application:start(conform_app)]),
    io:format("ensure ~p~n", [application:ensure_started(conform_app)]),
    io:format("which ~p~n", [lists:sort(application:which_applications())]),
    io:format("sup children ~p~n", [[Id || {Id, _, _, _} <- supervisor:which_children(conform_sup)]]),
    io:format("worker app ~p~n", [call_worker(get_application)]),
    io:format("worker env ~p~n", [call_worker(get_env)]),
    io:format("get_application self ~p~n", [application:get_application()]),
    io:format("stop ~p~n", [application:stop(conform_app)]),
    io:format("sup after stop ~p~n", [whereis(conform_sup)]),
    io:format("which ~p~n", [lists:sort(application:which_applications())]),
    io:format("unload ~p~n", [application:unload(conform_app)]),
    io:format("env after unload ~p~n", [application:get_all_env(conform_app)]),
    io:format("ensure_all_started ~p~n", [application:ensure_all_started(conform_app)]),
    io:format("stop ~p~n", [application:stop(conform_app)]),
    io:format("done~n").

call_worker(Req) ->
    conform_worker ! {Req, self()},
    receive {conform_worker, R} -> R after 5000 -> timeout end.

%% application callback
start(normal, [hello]) ->
    io:format("app start~n"),
    supervisor:start_link({local, conform_sup}, ?MODULE, sup).

stop(_State) ->
    io:format("app stop~n"),
    ok.

%% supervisor callback
init(sup) ->
    Child = #{id => conform_worker, start => {proc_lib, start_link, [?MODULE, worker, []]}},
    {ok, {#{strategy => one_for_one}, [Child]}}.

worker() ->
    register(conform_worker, self()),
    proc_lib:init_ack({ok, self()}),
    worker_loop().

worker_loop() ->
    receive
        {get_application, From} -> From ! {conform_worker, application:get_application()};
        {get_env, From} -> From ! {conform_worker, application:get_env(depth)}
    end,
    worker_loop().
