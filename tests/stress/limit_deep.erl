%% A deep body recursion (stack only, no heap) under max_heap_size is
%% killed like a growing heap; without the flag, a million-deep recursion
%% completes (the Erlang stack is not the Rust stack). (erl 25.2.3
%% segfaults on the first case.)
-module(limit_deep).
-export([main/0]).

main() ->
    Opts = #{size => 50000, kill => true, error_logger => false},
    {P, R} = spawn_opt(fun() -> deep(1 bsl 40) end, [monitor, {max_heap_size, Opts}]),
    receive {'DOWN', R, process, P, Why} -> io:format("deep ~p~n", [Why]) end,
    io:format("~p~n", [deep(1000000)]).

deep(0) -> 0;
deep(N) -> 1 + deep(N - 1).
