%% max_heap_size with the error report on: the report goes to stdout
%% (as erl's logger writes it under -noshell) and the process is killed.
-module(limit_max_heap).
-export([main/0]).

main() ->
    {P, R} = spawn_opt(fun() -> grow([]) end,
                       [monitor, {max_heap_size, #{size => 100000}}]),
    receive {'DOWN', R, process, P, Why} -> io:format("down ~p~n", [Why]) end,
    timer:sleep(100).

grow(L) -> grow([L | L]).
