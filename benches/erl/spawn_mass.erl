%% Mass spawn: 900,000 short-lived processes, each sends one message. They
%% are spawned in batches of 10,000; the parent collects every reply.
-module(spawn_mass).
-export([main/0]).

-define(BATCH, 10000).
-define(BATCHES, 90).

main() ->
    S = batches(?BATCHES, 0),
    io:format("spawn ~p~n", [S]).

batches(0, Acc) -> Acc;
batches(B, Acc) ->
    Parent = self(),
    [spawn(fun() -> Parent ! {done, I * B} end) || I <- lists:seq(1, ?BATCH)],
    batches(B - 1, collect(?BATCH, Acc)).

collect(0, Acc) -> Acc;
collect(N, Acc) -> receive {done, V} -> collect(N - 1, (Acc + V) band 16#FFFFFFF) end.
