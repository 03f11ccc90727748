%% main/1 receives the command-line arguments as strings (see
%% args_print.args: one argument per line; an empty line is an empty
%% argument; non-ASCII arguments arrive decoded as Unicode code points).
-module(args_print).
-export([main/1]).

main(Args) ->
    io:format("~p arguments~n", [length(Args)]),
    lists:foreach(
      fun({I, A}) ->
              io:format("~p: ~p ~w len ~p~n", [I, A, A, length(A)])
      end, lists:zip(lists:seq(1, length(Args)), Args)),
    io:format("all strings ~p~n", [lists:all(fun io_lib:char_list/1, Args)]),
    Nums = [list_to_integer(A) || A <- Args, A =/= [], lists:all(fun(C) -> C >= $0 andalso C =< $9 end, A)],
    io:format("numeric args ~p sum ~p~n", [Nums, lists:sum(Nums)]).
