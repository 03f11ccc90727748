%% Prints some lines, then an uncaught badarith escapes main: exit status 127.
-module(crash_badarith).
-export([main/0]).

main() ->
    io:format("computing averages~n"),
    Data = [{a, [1, 2, 3]}, {b, [10, 20]}, {c, []}],
    lists:foreach(
      fun({K, L}) ->
              io:format("~p: ~p~n", [K, lists:sum(L) / length(L)])
      end, Data),
    io:format("not reached~n").
