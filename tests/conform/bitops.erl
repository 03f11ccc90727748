%% Bitwise operators on small and big, positive and negative integers.
-module(bitops).
-export([main/0]).

main() ->
    Vals = [0, 1, -1, 5, -5, 255, -256, 12345678, -12345678,
            1 bsl 62, -(1 bsl 62), (1 bsl 100) + 3, -((1 bsl 100) + 3)],
    lists:foreach(
      fun(V) ->
              io:format("~w: bnot ~w bsl3 ~w bsr3 ~w~n",
                        [V, bnot V, V bsl 3, V bsr 3])
      end, Vals),
    Pairs = [{12, 10}, {-12, 10}, {12, -10}, {-12, -10},
             {16#FFFFFFFFFFFFFFFF, 16#F0F0}, {-1, 1 bsl 70},
             {(1 bsl 80) - 1, -(1 bsl 40)}, {1 bsl 65, (1 bsl 65) + 1}],
    lists:foreach(
      fun({A, B}) ->
              io:format("~w ~w: band ~w bor ~w bxor ~w~n",
                        [A, B, A band B, A bor B, A bxor B])
      end, Pairs),
    io:format("shifts: ~w ~w ~w ~w~n", [1 bsl 0, 1 bsl 64, 1 bsl 128, 3 bsl 59]),
    io:format("neg shift: ~w ~w~n", [16 bsl -2, 16 bsr -2]),
    io:format("bsr to zero: ~w ~w ~w~n", [5 bsr 10, -5 bsr 10, (1 bsl 100) bsr 200]),
    io:format("big bsr: ~w~n", [((1 bsl 100) + 12345) bsr 90]),
    io:format("neg big bsr: ~w~n", [(-(1 bsl 100) - 1) bsr 99]),
    io:format("popcount 2^64-1: ~w~n", [popcount(16#FFFFFFFFFFFFFFFF)]),
    io:format("mask: ~.16B~n", [16#DEADBEEFCAFEBABE band 16#FFFF0000FFFF0000]),
    io:format("xor swap: ~w~n", [xor_swap(17, 42)]),
    io:format("bin repr: ~.2B ~.2B~n", [173, 1 bsl 40 bor 5]),
    io:format("~w~n", [[X band 3 || X <- lists:seq(0, 10)]]).

popcount(0) -> 0;
popcount(N) -> (N band 1) + popcount(N bsr 1).

xor_swap(A0, B0) ->
    A1 = A0 bxor B0, B1 = A1 bxor B0, A2 = A1 bxor B1,
    {A2, B1}.
