%% Processes that never stop (a tight tail-recursive loop, a loop of
%% `receive after 0`, a loop calling a BIF) run beside normal work: the
%% work still finishes and main returns, which halts the VM.
-module(stress_spin).
-export([main/1]).

main([NS]) ->
    N = list_to_integer(NS),
    spawn(fun spin/0),
    spawn(fun() -> spin_after() end),
    spawn(fun() -> spin_bif(0) end),
    Self = self(),
    Ws = [spawn(fun() -> Self ! {done, work(I * 1000, 0)} end) || I <- lists:seq(1, N)],
    Sum = lists:sum([receive {done, V} -> V end || _ <- Ws]),
    io:format("workers ~p sum ~p~n", [N, Sum]),
    timer:sleep(10),
    io:format("after sleep~n").

spin() -> spin().

spin_after() -> receive after 0 -> spin_after() end.

spin_bif(X) -> spin_bif(erlang:phash2(X, 1000)).

work(0, Acc) -> Acc;
work(I, Acc) -> work(I - 1, Acc + I rem 7).
