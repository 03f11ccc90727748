%% Digits of pi with Gibbons' unbounded spigot: bignum multiply/divide.
%% Prints the digit count, the digit sum and the last 20 digits.
-module(pidigits).
-export([main/0]).

-define(DIGITS, 4000).

main() ->
    Ds = digits(?DIGITS, {1, 0, 1}, 1, []),
    Last = lists:sublist(Ds, 20),
    io:format("pidigits ~p ~p ~s~n",
              [length(Ds), lists:sum(Ds), [$0 + D || D <- lists:reverse(Last)]]).

%% Ds is built newest-first.
digits(0, _Z, _K, Ds) -> Ds;
digits(N, Z, K, Ds) ->
    Y = next(Z),
    case safe(Z, Y) of
        true -> digits(N - 1, prod(Z, Y), K, [Y | Ds]);
        false -> digits(N, cons(Z, K), K + 1, Ds)
    end.

next({Q, R, T}) -> (Q * 3 + R) div T.
safe({Q, R, T}, N) -> N =:= (Q * 4 + R) div T.
prod({Q, R, T}, N) -> compose({10, -10 * N, 1}, {Q, R, T}).
cons(Z, K) -> compose(Z, {K, 4 * K + 2, 2 * K + 1}).

compose({Q, R, T}, {U, V, X}) -> {Q * U, Q * V + R * X, T * X}.
