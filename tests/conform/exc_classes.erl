%% try/catch/after for each class, `catch` expression results, EXIT shapes,
%% the order in which after-blocks run.
-module(exc_classes).
-export([main/0]).

main() ->
    lists:foreach(
      fun(Kind) ->
              R = try raise(Kind) of
                      V -> {returned, V}
                  catch
                      throw:T -> {thrown, T};
                      error:E -> {error, E};
                      exit:X -> {exited, X}
                  after
                      io:format("  after for ~p~n", [Kind])
                  end,
              io:format("~p -> ~p~n", [Kind, R])
      end, [none, throw, error, exit, error2]),
    io:format("catch value ~p~n", [catch 42]),
    io:format("catch throw ~p~n", [catch throw(ball)]),
    io:format("catch exit ~p~n", [catch exit(bye)]),
    io:format("catch exit tuple ~p~n", [catch exit({shutdown, x})]),
    {'EXIT', {Reason, Stack}} = (catch error(oops)),
    io:format("catch error reason ~p stack is list ~p~n", [Reason, is_list(Stack)]),
    io:format("catch error top frame ~p~n", [hd(Stack)]),
    {'EXIT', {badarith, [Top | _]}} = (catch id(1) / id(0)),
    io:format("catch badarith frame ~p~n", [setelement(4, Top, '_')]),
    io:format("class only ~p~n", [try throw(x) catch X -> {default_class_is_throw, X} end]),
    io:format("error not caught by throw-only clause: ~p~n",
              [try (try error(inner) catch throw:_ -> wrong end) catch error:inner -> outer_got_it end]),
    io:format("any class ~p~n", [[try raise(K) catch C:_ -> C end || K <- [throw, error, exit]]]),
    io:format("order:~n"),
    try
        io:format("  body~n"),
        throw(t)
    catch
        throw:t -> io:format("  handler~n")
    after
        io:format("  after~n")
    end,
    io:format("after only ~p~n", [catch after_only()]),
    io:format("after value ignored ~p~n", [try 1 after 2 end]),
    io:format("nested afters:~n"),
    catch nested_afters(),
    io:format("try of clauses ~p ~p~n", [classify(1), classify(2)]),
    io:format("exception in of ~p~n", [try try_of_throws() catch throw:Z -> {outer, Z} end]),
    io:format("catch inside list ~p~n", [[catch raise(K) || K <- [none, throw, exit]]]),
    io:format("throw non-atoms ~p~n", [[catch throw(T) || T <- [1, "s", {a, b}, [x], #{k => v}]]]),
    io:format("exit normal ~p~n", [catch exit(normal)]),
    io:format("stacktrace var ~p~n", [try error(with_trace) catch error:W:ST -> {W, is_list(ST), length(ST) > 0} end]),
    io:format("done~n").

raise(none) -> fine;
raise(throw) -> throw(my_throw);
raise(error) -> error(my_error);
raise(exit) -> exit(my_exit);
raise(error2) -> error({complex, [1, 2]}, [arg]).

id(X) -> X.

after_only() ->
    try
        throw(from_after_only)
    after
        io:format("  after in after_only~n")
    end.

nested_afters() ->
    try
        try
            try
                error(deep)
            after
                io:format("  after 1~n")
            end
        after
            io:format("  after 2~n")
        end
    after
        io:format("  after 3~n")
    end.

classify(X) ->
    try id(X) of
        1 -> one;
        _ -> other
    catch
        _:_ -> failed
    end.

try_of_throws() ->
    try id(5) of
        5 -> throw(from_of_clause)
    catch
        throw:_ -> caught_by_inner_should_not_happen
    end.
