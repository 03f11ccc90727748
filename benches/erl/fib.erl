%% Naive doubly-recursive Fibonacci: function calls and small-integer arithmetic.
-module(fib).
-export([main/0]).

main() -> io:format("fib ~p~n", [fib(39)]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
