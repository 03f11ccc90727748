%% 10,000,000-iteration tail-recursive loops: counting, accumulating,
%% multiple accumulators, float accumulation, loops that cross into bignums.
-module(tail_loops).
-export([main/0]).

main() ->
    io:format("count ~p~n", [count(10000000, 0)]),
    io:format("sum ~p~n", [sum_to(10000000, 0)]),
    io:format("sum squares ~p~n", [sum_sq(1, 3000000, 0)]),
    io:format("multi ~p~n", [multi(10000000, 0, 0, 1)]),
    io:format("float ~p~n", [fsum(10000000, 0.0)]),
    io:format("collatz max ~p~n", [collatz_max(1, 100000, {0, 0})]),
    io:format("lcg ~p~n", [lcg(3000000, 42)]),
    io:format("bignum growth ~p~n", [length(integer_to_list(grow(5000, 1)))]),
    io:format("while loop ~p~n", [while(fun(X) -> X < 3000000 end, fun(X) -> X + 3 end, 0)]),
    io:format("countdown ~p~n", [down(5000000)]),
    io:format("case loop ~p~n", [case_loop(3000000, 0)]).

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

sum_to(0, Acc) -> Acc;
sum_to(N, Acc) -> sum_to(N - 1, Acc + N).

sum_sq(I, N, Acc) when I > N -> Acc;
sum_sq(I, N, Acc) -> sum_sq(I + 1, N, Acc + I * I).

multi(0, Evens, Odds, X) -> {Evens, Odds, X};
multi(N, E, O, X) when N rem 2 =:= 0 -> multi(N - 1, E + 1, O, (X * 31 + N) band 16#FFFFFF);
multi(N, E, O, X) -> multi(N - 1, E, O + 1, (X * 17 + N) band 16#FFFFFF).

fsum(0, Acc) -> Acc;
fsum(N, Acc) -> fsum(N - 1, Acc + 0.5).

collatz_max(I, Max, Best) when I > Max -> Best;
collatz_max(I, Max, {_, BestLen} = Best) ->
    L = collatz(I, 1),
    collatz_max(I + 1, Max, if L > BestLen -> {I, L}; true -> Best end).

collatz(1, Len) -> Len;
collatz(N, Len) when N rem 2 =:= 0 -> collatz(N div 2, Len + 1);
collatz(N, Len) -> collatz(3 * N + 1, Len + 1).

lcg(0, X) -> X;
lcg(N, X) -> lcg(N - 1, (X * 1103515245 + 12345) rem 2147483648).

grow(0, X) -> X;
grow(N, X) -> grow(N - 1, X * 3 + N).

while(Cond, Step, X) ->
    case Cond(X) of
        true -> while(Cond, Step, Step(X));
        false -> X
    end.

down(0) -> done;
down(N) -> down(N - 1).

case_loop(0, Acc) -> Acc;
case_loop(N, Acc) ->
    Next = case N rem 3 of
               0 -> Acc + 1;
               1 -> Acc;
               _ -> Acc + 2
           end,
    case_loop(N - 1, Next).
