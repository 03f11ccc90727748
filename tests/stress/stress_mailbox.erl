%% A mailbox of N messages, filled by another process, drained with
%% selective receive: the messages arrive in swapped pairs (2,1,4,3,...)
%% and are received in order 1,2,3,..., so each receive skips one message.
%% Then, with a second full mailbox of N messages, K request/reply round
%% trips matched on a fresh reference (the compiler's receive-marker case).
-module(stress_mailbox).
-export([main/1]).

main([NS, KS]) ->
    N = list_to_integer(NS),
    K = list_to_integer(KS),
    Self = self(),
    spawn(fun() -> fill(Self, 1, N), Self ! filled end),
    receive filled -> ok end,
    {message_queue_len, Len} = process_info(self(), message_queue_len),
    io:format("queued ~p~n", [Len]),
    io:format("drained ~p~n", [drain(1, N, 0)]),
    {message_queue_len, 0} = process_info(self(), message_queue_len),
    Server = spawn(fun server/0),
    spawn(fun() -> fill(Self, 1, N), Self ! filled end),
    receive filled -> ok end,
    io:format("calls ~p~n", [calls(Server, K, 0)]),
    io:format("left ~p~n", [element(2, process_info(self(), message_queue_len))]),
    io:format("drained ~p~n", [drain(1, N, 0)]).

%% sends 2,1,4,3,... (N even)
fill(_, I, N) when I > N -> ok;
fill(To, I, N) -> To ! {m, I + 1}, To ! {m, I}, fill(To, I + 2, N).

drain(I, N, Sum) when I > N -> Sum;
drain(I, N, Sum) -> receive {m, I} -> drain(I + 1, N, Sum + I) end.

server() ->
    receive {call, From, Ref, X} -> From ! {Ref, X + 1}, server() end.

calls(_, 0, Acc) -> Acc;
calls(S, K, Acc) ->
    Ref = make_ref(),
    S ! {call, self(), Ref, K},
    receive {Ref, V} -> calls(S, K - 1, Acc + V) end.
