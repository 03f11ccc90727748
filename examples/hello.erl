%% A small real program: prints with io:format, uses lists, maps and
%% bignums. Run it with `cargo run --release -- run examples/hello.erl`.
-module(hello).
-export([main/1]).

main(Args) ->
    io:format("Hello from beamz-jit! args: ~p~n", [Args]),
    Fib = fib(90),
    io:format("fib(90) = ~p~n", [Fib]),
    io:format("30! = ~p~n", [lists:foldl(fun erlang:'*'/2, 1, lists:seq(1, 30))]),
    Counts = lists:foldl(fun(W, M) -> maps:update_with(W, fun(C) -> C + 1 end, 1, M) end,
                         #{}, string:lexemes("the quick brown fox jumps over the lazy dog the end", " ")),
    io:format("word counts: ~p~n", [Counts]).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).
