%% Recursion through funs: named funs, Y combinator, mutual recursion via
%% fun arguments, CPS, memoization via a map, trampolining.
-module(funs_recursion).
-export([main/0]).

main() ->
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    io:format("named fact ~p~n", [Fact(20)]),
    Fib = fun Fi(N) when N < 2 -> N; Fi(N) -> Fi(N - 1) + Fi(N - 2) end,
    io:format("named fib ~p~n", [[Fib(N) || N <- lists:seq(0, 20)]]),
    Y = fun(F) -> (fun(X) -> F(fun(V) -> (X(X))(V) end) end)(fun(X) -> F(fun(V) -> (X(X))(V) end) end) end,
    YFact = Y(fun(Self) -> fun(0) -> 1; (N) -> N * Self(N - 1) end end),
    io:format("Y fact ~p~n", [YFact(25)]),
    YLen = Y(fun(Self) -> fun([]) -> 0; ([_ | T]) -> 1 + Self(T) end end),
    io:format("Y length ~p~n", [YLen(lists:seq(1, 1000))]),
    SelfApp = fun(F, N) -> F(F, N) end,
    Sum = fun(_, 0) -> 0; (Me, N) -> N + Me(Me, N - 1) end,
    io:format("self application ~p~n", [SelfApp(Sum, 100)]),
    IsEven = fun(Ev, Od, 0) -> (fun(_, _) -> true end)(Ev, Od);
                (Ev, Od, N) -> Od(Ev, Od, N - 1) end,
    IsOdd = fun(_, _, 0) -> false;
               (Ev, Od, N) -> Ev(Ev, Od, N - 1) end,
    io:format("mutual ~p ~p~n", [IsEven(IsEven, IsOdd, 10), IsEven(IsEven, IsOdd, 7)]),
    io:format("cps fact ~p~n", [cps_fact(10, fun(X) -> X end)]),
    io:format("cps fib ~p~n", [cps_fib(15, fun(X) -> X end)]),
    {V, Memo} = memo_fib(90, #{}),
    io:format("memo fib ~p (~p entries)~n", [V, map_size(Memo)]),
    io:format("trampoline ~p~n", [trampoline(count_down(1000000, 0))]),
    io:format("ackermann ~p~n", [[ack(M, N) || M <- [0, 1, 2, 3], N <- [0, 1, 2, 3]]]),
    io:format("hanoi moves ~p~n", [length(hanoi(10, a, c, b))]),
    io:format("hanoi 3 ~p~n", [hanoi(3, a, c, b)]),
    Deep = fun D(0) -> []; D(N) -> [D(N - 1)] end,
    io:format("nested ~p~n", [Deep(5)]),
    Loop = fun L(0, Acc) -> Acc; L(N, Acc) -> L(N - 1, Acc + N) end,
    io:format("fun tail loop ~p~n", [Loop(1000000, 0)]).

cps_fact(0, K) -> K(1);
cps_fact(N, K) -> cps_fact(N - 1, fun(R) -> K(N * R) end).

cps_fib(N, K) when N < 2 -> K(N);
cps_fib(N, K) -> cps_fib(N - 1, fun(A) -> cps_fib(N - 2, fun(B) -> K(A + B) end) end).

memo_fib(N, M) when N < 2 -> {N, M};
memo_fib(N, M) ->
    case M of
        #{N := V} -> {V, M};
        _ ->
            {A, M1} = memo_fib(N - 1, M),
            {B, M2} = memo_fib(N - 2, M1),
            {A + B, M2#{N => A + B}}
    end.

trampoline(F) when is_function(F) -> trampoline(F());
trampoline(V) -> V.

count_down(0, Acc) -> Acc;
count_down(N, Acc) -> fun() -> count_down(N - 1, Acc + 1) end.

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

hanoi(0, _, _, _) -> [];
hanoi(N, From, To, Via) ->
    hanoi(N - 1, From, Via, To) ++ [{From, To}] ++ hanoi(N - 1, Via, To, From).
