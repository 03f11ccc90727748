%% Exports both main/0 and main/1: main/1 wins and is called with [] when
%% there are no arguments.
-module(main_both).
-export([main/0, main/1]).

main() ->
    io:format("main/0 called (wrong)~n").

main(Args) ->
    io:format("main/1 called with ~p~n", [Args]).
