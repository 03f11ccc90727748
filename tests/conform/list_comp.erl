%% List comprehensions: nested generators, filters, pattern generators,
%% ranges, binary generators, Pythagorean triples, primes.
-module(list_comp).
-export([main/0]).

main() ->
    io:format("~w~n", [[X * X || X <- lists:seq(1, 10)]]),
    io:format("~w~n", [[X || X <- lists:seq(1, 30), X rem 3 =:= 0, X rem 2 =:= 0]]),
    io:format("~w~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("~w~n", [[{X, Y} || X <- lists:seq(1, 4), Y <- lists:seq(X, 4), X + Y =:= 5]]),
    io:format("~w~n", [[X || {ok, X} <- [{ok, 1}, error, {ok, 2}, {error, 3}, {ok, 4}]]]),
    io:format("~w~n", [[{A, B, C} || C <- lists:seq(1, 30), B <- lists:seq(1, C),
                                     A <- lists:seq(1, B), A * A + B * B =:= C * C]]),
    io:format("primes ~w~n", [[N || N <- lists:seq(2, 100), is_prime(N)]]),
    io:format("nested ~w~n", [[[X * Y || Y <- lists:seq(1, 4)] || X <- lists:seq(1, 4)]]),
    io:format("strings ~p~n", [[string:to_upper(W) || W <- ["ab", "cd"], length(W) =:= 2]]),
    io:format("chars ~p~n", [[C || C <- "Hello, World!", C >= $a, C =< $z]]),
    io:format("binary gen ~w~n", [[B || <<B>> <= <<1, 2, 3, 4>>]]),
    io:format("binary gen 16 ~w~n", [[X || <<X:16>> <= <<1, 2, 3, 4, 5>>]]),
    io:format("bin comp ~p~n", [<< <<(X + 1)>> || <<X>> <= <<"HAL">> >>]),
    io:format("bin comp from list ~p~n", [<< <<X:4>> || X <- [1, 2, 3, 4]>>]),
    io:format("empty ~w ~w~n", [[X || X <- []], [X || X <- [1, 2], false]]),
    io:format("dependent ~w~n", [[{I, J} || I <- lists:seq(1, 3), J <- lists:seq(1, I)]]),
    io:format("qsort ~w~n", [qsort([3, 6, 1, 8, 2, 9, 4, 7, 5, 0])]),
    io:format("cartesian count ~w~n", [length([x || _ <- lists:seq(1, 50), _ <- lists:seq(1, 40)])]),
    io:format("guards ~w~n", [[X || X <- [1, a, 2.0, "s", {t}, 3], is_number(X)]]),
    io:format("tuple pat ~w~n", [[K + V || {K, V} <- [{1, 2}, {3, 4}, bad, {5, 6}]]]),
    io:format("map gen ~w~n", [lists:sort([{V, K} || {K, V} <- maps:to_list(#{a => 1, b => 2})])]),
    io:format("sum sq ~w~n", [lists:sum([X * X || X <- lists:seq(1, 100), X rem 2 =:= 1])]),
    Matrix = [[I * 10 + J || J <- lists:seq(1, 3)] || I <- lists:seq(1, 3)],
    io:format("matrix ~w diag ~w~n", [Matrix, [lists:nth(I, lists:nth(I, Matrix)) || I <- lists:seq(1, 3)]]),
    io:format("queens8 ~w~n", [length(queens(8))]),
    io:format("first queens6 ~w~n", [hd(queens(6))]).

is_prime(N) -> lists:all(fun(D) -> N rem D =/= 0 end, lists:seq(2, trunc(math:sqrt(N)))).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

queens(N) -> queens(N, N).
queens(_, 0) -> [[]];
queens(N, K) ->
    [[Q | Qs] || Qs <- queens(N, K - 1), Q <- lists:seq(1, N), safe(Q, Qs, 1)].

safe(_, [], _) -> true;
safe(Q, [Q1 | Qs], D) -> Q =/= Q1 andalso abs(Q - Q1) =/= D andalso safe(Q, Qs, D + 1).
