%% Parallel CPU workers: 8 processes count primes by trial division. Each
%% worker has its own range; the parent collects the results in order.
-module(parallel).
-export([main/0]).

-define(WORKERS, 8).
-define(SPAN, 300000).

main() ->
    Parent = self(),
    Pids = [spawn(fun() -> Parent ! {self(), primes(W * ?SPAN, (W + 1) * ?SPAN, 0)} end)
            || W <- lists:seq(0, ?WORKERS - 1)],
    Rs = [receive {P, R} -> R end || P <- Pids],
    io:format("parallel ~p ~p~n", [lists:sum(Rs), Rs]).

primes(Hi, Hi, Acc) -> Acc;
primes(N, Hi, Acc) ->
    case is_prime(N) of
        true -> primes(N + 1, Hi, Acc + 1);
        false -> primes(N + 1, Hi, Acc)
    end.

is_prime(N) when N < 2 -> false;
is_prime(2) -> true;
is_prime(N) when N rem 2 =:= 0 -> false;
is_prime(N) -> trial(N, 3).

trial(N, D) when D * D > N -> true;
trial(N, D) when N rem D =:= 0 -> false;
trial(N, D) -> trial(N, D + 2).
