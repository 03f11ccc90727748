%% Edge cases the random program generator found (tests/jit_diff): float
%% negation of zero, utf8/16/32 segments of integers past 32 bits, and
%% bignums converted to floats in mixed arithmetic and float segments.
-module(numeric_edges).
-export([main/0]).

main() ->
    Fs = [0.0, -0.0, 1.5, -2.5, 1.0e300],
    io:format("neg ~p~n", [[neg(F) || F <- Fs]]),
    io:format("neg2 ~p~n", [[neg2(F) || F <- Fs]]),
    Cps = [65, 16#10FFFF, 16#110000, 16#D800, -1, 1 bsl 32 + 65, 1 bsl 40, 1 bsl 47 - 1],
    io:format("utf8 ~p~n", [[enc(C, 8) || C <- Cps]]),
    io:format("utf16 ~p~n", [[enc(C, 16) || C <- Cps]]),
    io:format("utf32 ~p~n", [[enc(C, 32) || C <- Cps]]),
    Bigs = [1 bsl 64 + 1, 1 bsl 64 + 16#7FF, 1 bsl 64 + 16#801, (1 bsl 64 + 16#801) * 16#10001,
            -(1 bsl 70 + 12345), 123456789012345678901234567890, 1 bsl 1023 + 1],
    io:format("mul ~p~n", [[t(fun() -> B * 1.0 end) || B <- Bigs]]),
    io:format("add ~p~n", [[t(fun() -> B + 0.5 end) || B <- Bigs]]),
    io:format("div ~p~n", [[t(fun() -> B / 3 end) || B <- Bigs]]),
    io:format("float ~p~n", [[float(B) || B <- Bigs]]),
    io:format("seg ~p~n", [[t(fun() -> <<B/float>> end) || B <- Bigs]]),
    io:format("cmp ~p~n", [[{B < float(B), B == float(B)} || B <- Bigs]]),
    ok.

neg(F) when is_float(F) -> G = F * 1.0, -G.
neg2(F) -> -F.

enc(C, 8) -> try <<C/utf8>> catch error:R -> R end;
enc(C, 16) -> try <<C/utf16>> catch error:R -> R end;
enc(C, 32) -> try <<C/utf32>> catch error:R -> R end.

t(F) -> try F() catch error:R -> R end.
