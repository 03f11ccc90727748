%% Takeuchi function: deep non-tail recursion with three arguments.
-module(tak).
-export([main/0]).

main() ->
    R = loop(100, 0),
    io:format("tak ~p~n", [R]).

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + tak(24, 16, 8)).

tak(X, Y, Z) when Y < X ->
    tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.
