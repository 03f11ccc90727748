%% A function_clause raised 200 calls deep escapes main: exit status 127.
-module(crash_function_clause).
-export([main/0]).

main() ->
    io:format("descending~n"),
    R = descend(200),
    io:format("not reached ~p~n", [R]).

descend(0) -> leaf(not_a_number);
descend(N) when N rem 50 =:= 0 ->
    io:format("depth ~p~n", [N]),
    1 + descend(N - 1);
descend(N) -> 1 + descend(N - 1).

leaf(X) when is_integer(X) -> X.
