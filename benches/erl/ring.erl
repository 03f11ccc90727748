%% Process ring: N processes in a ring pass a token around M times.
-module(ring).
-export([main/0]).

-define(PROCS, 1000).
-define(ROUNDS, 4000).

main() ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end,
                        Self, lists:seq(1, ?PROCS - 1)),
    V = rounds(?ROUNDS, First, 0),
    First ! stop,
    receive stop -> ok end,
    io:format("ring ~p~n", [V]).

rounds(0, _First, V) -> V;
rounds(M, First, V) ->
    First ! {token, V + 1},
    receive {token, V1} -> rounds(M - 1, First, V1) end.

relay(Next) ->
    receive
        {token, V} -> Next ! {token, V + 1}, relay(Next);
        stop -> Next ! stop
    end.
