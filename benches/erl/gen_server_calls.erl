%% gen_server: 600,000 synchronous calls to a counter server. This is OTP's
%% gen_server/gen/proc_lib code: monitors, references, selective receive.
-module(gen_server_calls).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2]).

-define(N, 600000).

main() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    S = calls(?N, Pid, 0),
    ok = gen_server:cast(Pid, {add, 5}),
    Final = gen_server:call(Pid, get),
    ok = gen_server:stop(Pid),
    io:format("gen_server ~p ~p~n", [S, Final]).

calls(0, _Pid, Acc) -> Acc;
calls(N, Pid, Acc) ->
    V = gen_server:call(Pid, {add, N}),
    calls(N - 1, Pid, (Acc + V) band 16#FFFFFFF).

init(Count) -> {ok, Count}.

handle_call({add, N}, _From, C) -> {reply, C + N, C + N};
handle_call(get, _From, C) -> {reply, C, C}.

handle_cast({add, N}, C) -> {noreply, C + N}.
