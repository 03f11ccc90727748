%% erlang:raise/3, nested try, rethrowing with a different class, errors
%% inside handlers and after blocks, catch of caught values.
-module(exc_raise).
-export([main/0]).

main() ->
    io:format("raise error ~p~n", [try erlang:raise(error, boom, []) catch error:R1 -> R1 end]),
    io:format("raise throw ~p~n", [try erlang:raise(throw, ball, []) catch throw:R2 -> R2 end]),
    io:format("raise exit ~p~n", [try erlang:raise(exit, gone, []) catch exit:R3 -> R3 end]),
    io:format("raise with stack ~p~n",
              [try erlang:raise(error, x, [{m, f, 1, [{file, "m.erl"}, {line, 3}]}])
               catch error:x:S -> S end]),
    io:format("raise badarg ~p~n", [try erlang:raise(bad_class, x, []) catch error:R4 -> R4 end]),
    io:format("rethrow ~p~n", [try rethrow() catch C:R -> {C, R} end]),
    io:format("convert ~p~n", [try convert(fun() -> throw(t) end) catch C5:R5 -> {C5, R5} end]),
    io:format("convert error ~p~n", [try convert(fun() -> error(e) end) catch C6:R6 -> {C6, R6} end]),
    io:format("error in handler ~p~n", [try handler_fails() catch C7:R7 -> {C7, R7} end]),
    io:format("error in after ~p~n", [try after_fails() catch C8:R8 -> {C8, R8} end]),
    io:format("nested levels ~p~n", [catch nested(5)]),
    io:format("catch of catch ~p~n", [catch (catch throw(inner))]),
    io:format("catch nested error ~p~n", [element(1, element(2, catch (catch error(inner)) + 1))]),
    io:format("throw through map ~p~n", [try lists:map(fun(3) -> throw({found, 3}); (X) -> X end, [1, 2, 3, 4])
                                        catch throw:{found, N} -> {early_exit, N} end]),
    io:format("find first ~p~n", [find_first(fun(X) -> X * X > 50 end, lists:seq(1, 100))]),
    io:format("cleanup order ~p~n", [cleanup_order()]),
    io:format("result of try in after is discarded ~p~n", [try ok after throw_in_after_caught() end]),
    io:format("exception reason with stack preserved: ~p~n", [preserved()]),
    ok.

rethrow() ->
    try throw(first)
    catch throw:first -> throw(second)
    end.

convert(F) ->
    try F()
    catch
        throw:T -> exit({converted_throw, T});
        error:E -> throw({converted_error, E})
    end.

handler_fails() ->
    try error(original)
    catch error:original -> 1 = id(2)
    end.

after_fails() ->
    try
        ok
    after
        error(in_after)
    end.

nested(0) -> throw(bottom);
nested(N) ->
    try nested(N - 1)
    catch throw:bottom when N =:= 1 -> throw({level, 1});
          throw:{level, L} -> throw({level, L + 1})
    end.

find_first(Pred, L) ->
    try
        lists:foreach(fun(X) -> case Pred(X) of true -> throw({found, X}); false -> ok end end, L),
        not_found
    catch throw:{found, X} -> X
    end.

cleanup_order() ->
    put(log, []),
    Log = fun(X) -> put(log, [X | get(log)]) end,
    try
        try
            Log(body), error(fail)
        after
            Log(inner_after)
        end
    catch
        error:fail -> Log(handler)
    after
        Log(outer_after)
    end,
    lists:reverse(erase(log)).

throw_in_after_caught() ->
    catch throw(ignored), io:format("  (after ran)~n").

preserved() ->
    try
        try fc(bad) catch error:R:S -> erlang:raise(error, {wrapped, R}, S) end
    catch error:R2:S2 -> {R2, hd(S2)}
    end.

fc(X) when is_integer(X) -> X.

id(X) -> X.
