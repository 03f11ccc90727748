%% An uncaught throw escapes main: exit status 127. escript reports it as
%% "exception throw: {found,99}"; as the exit reason of a plain process it
%% would become {{nocatch,{found,99}},Stack} (not shown: a process dying that
%% way makes the default logger print a report with a pid on stdout).
-module(crash_throw).
-export([main/0]).

main() ->
    io:format("searching~n"),
    %% caught inside: fine
    Found = try search(3, [1, 2, 3, 4]) catch throw:{found, X} -> X end,
    io:format("found ~p~n", [Found]),
    %% a catch-all in another process sees class throw
    Parent = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Parent ! {caught, catch_nocatch()} end),
    receive {caught, C} -> io:format("in child: ~p~n", [C]) end,
    receive {'DOWN', Ref, process, Pid, normal} -> ok end,
    io:format("now throwing for real~n"),
    search(99, [1, 2, 99]),
    io:format("not reached~n").

search(X, L) -> lists:foreach(fun(Y) when Y =:= X -> throw({found, Y}); (_) -> ok end, L).

catch_nocatch() ->
    try
        throw(inner_ball)
    catch
        Class:Reason -> {Class, Reason}
    end.
