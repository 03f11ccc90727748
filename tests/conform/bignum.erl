%% Bignums: huge factorials, powers, division, digits, negative bignums.
-module(bignum).
-export([main/0]).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

digit_sum(0) -> 0;
digit_sum(N) -> N rem 10 + digit_sum(N div 10).

main() ->
    io:format("20! = ~w~n", [fact(20)]),
    io:format("21! = ~w~n", [fact(21)]),
    io:format("25! = ~p~n", [fact(25)]),
    F100 = fact(100),
    io:format("100! = ~w~n", [F100]),
    F1000 = fact(1000),
    S1000 = integer_to_list(F1000),
    io:format("1000! has ~w digits, digit sum ~w~n", [length(S1000), digit_sum(F1000)]),
    io:format("1000! first 30: ~s~n", [lists:sublist(S1000, 30)]),
    io:format("1000! trailing zeros: ~w~n",
              [length(lists:takewhile(fun(C) -> C =:= $0 end, lists:reverse(S1000)))]),
    F3000 = fact(3000),
    io:format("3000! digits ~w~n", [length(integer_to_list(F3000))]),
    io:format("3000!/2998! = ~w~n", [F3000 div fact(2998)]),
    io:format("2^64 = ~w~n", [pow(2, 64)]),
    io:format("2^100 = ~w~n", [pow(2, 100)]),
    io:format("3^200 = ~w~n", [pow(3, 200)]),
    io:format("-(2^70) = ~w~n", [-pow(2, 70)]),
    io:format("(-3)^61 = ~w~n", [pow(-3, 61)]),
    A = pow(7, 90), B = pow(3, 77) + 12345,
    io:format("a div b = ~w~na rem b = ~w~n", [A div B, A rem B]),
    io:format("(-a) div b = ~w~n(-a) rem b = ~w~n", [(-A) div B, (-A) rem B]),
    io:format("a div -b = ~w~n", [A div (-B)]),
    io:format("check: ~w~n", [(A div B) * B + A rem B =:= A]),
    io:format("a - a = ~w, a + -a = ~w~n", [A - A, A + (-A)]),
    io:format("cmp: ~w ~w ~w~n", [A > B, -A < B, pow(2, 64) == 18446744073709551616]),
    io:format("big == float: ~w ~w~n", [pow(2, 64) == 18446744073709551616.0,
                                        pow(2, 64) =:= 18446744073709551616.0]),
    io:format("abs: ~w~n", [abs(-pow(10, 30))]),
    io:format("big*small: ~w~n", [pow(10, 25) * 3]),
    io:format("big-small to small: ~w~n", [(pow(2, 70) + 5) - pow(2, 70)]),
    io:format("sum of powers: ~w~n", [lists:sum([pow(2, I) || I <- lists:seq(0, 99)])]),
    io:format("fib(300) = ~w~n", [fib(300)]),
    io:format("gcd = ~w~n", [gcd(fact(50), pow(2, 60) * pow(3, 5) * 7)]),
    io:format("~p~n", [[fact(N) || N <- lists:seq(18, 24)]]).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).
