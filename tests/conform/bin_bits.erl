%% Bit-level fields: non-byte-aligned fields, signed/unsigned, big/little/
%% native endian, sizes from variables, unit:N, odd-length bitstrings, bit
%% comprehensions, float 16/32/64 segments (and NaN/infinity bit patterns
%% failing to match), integer segments wider than 64 bits, bad segments.
-module(bin_bits).
-export([main/0]).

main() ->
    section(unaligned, fun unaligned/0),
    section(signedness, fun signedness/0),
    section(endian, fun endian/0),
    section(var_sizes, fun var_sizes/0),
    section(units, fun units/0),
    section(odd_bitstrings, fun odd_bitstrings/0),
    section(bit_comprehensions, fun bit_comprehensions/0),
    section(floats, fun floats/0),
    section(float_nan, fun float_nan/0),
    section(float_sizes, fun float_sizes/0),
    section(wide_ints, fun wide_ints/0),
    section(bad_segments, fun bad_segments/0),
    section(tail_tests, fun tail_tests/0),
    ok.

section(Name, F) ->
    io:format("== ~p~n", [Name]),
    try F() of
        _ -> ok
    catch
        Class:Reason -> io:format("~p CRASHED ~p:~p~n", [Name, Class, Reason])
    end.

id(X) -> X.

unaligned() ->
    B = <<1:3, 5:5, 1023:10, 0:1, 77:7, 3:2>>,
    io:format("~w ~p~n", [B, bit_size(B)]),
    <<A:3, Bv:5, C:10, D:1, E:7, F:2>> = B,
    io:format("~w~n", [[A, Bv, C, D, E, F]]),
    %% Fields crossing byte boundaries at every offset.
    L = [begin
             Bin = <<0:Off, 16#ABCDE:20, 0:(12 - Off)>>,
             <<_:Off, V:20, _/bits>> = Bin,
             {Off, V, Bin}
         end || Off <- lists:seq(0, 12)],
    io:format("~w~n", [L]),
    %% Sub-bitstrings at odd offsets are re-aligned when built into binaries.
    <<_:3, Mid:13/bits, _/bits>> = <<"abcdef">>,
    io:format("mid ~w ~w~n", [Mid, <<Mid/bits, 1:3>>]),
    Bits = <<Mid/bits, Mid/bits, Mid/bits>>,
    io:format("bits ~w ~p~n", [Bits, bit_size(Bits)]),
    %% 1-bit flags
    <<Fl:8/bits>> = <<2#10110010>>,
    io:format("flags ~w~n", [[X || <<X:1>> <= Fl]]).

signedness() ->
    Vals = [0, 1, -1, 7, -8, 8, -9, 127, -128, 128, -129, 32767, -32768],
    io:format("~w~n", [[{V, <<V:4>>, <<V:4/signed>>, <<V:12/little>>, <<V:16/signed-little>>}
                        || V <- Vals]]),
    io:format("~w~n", [[begin <<U:4>> = <<V:4>>, <<S:4/signed>> = <<V:4>>, {U, S} end
                        || V <- Vals]]),
    io:format("~w~n", [[begin <<S:12/signed-little>> = <<V:12/little>>, S end || V <- Vals]]),
    io:format("~w~n", [[begin <<S:13/signed>> = <<V:13>>, S end || V <- Vals]]),
    <<S1:1/signed, S2:1>> = <<1:1, 1:1>>,
    io:format("1-bit signed ~p unsigned ~p~n", [S1, S2]),
    <<N:64/signed>> = <<16#8000000000000000:64>>,
    <<U:64>> = <<16#8000000000000000:64>>,
    io:format("64 ~p ~p~n", [N, U]),
    <<N2:64/signed-little>> = <<-2:64/little>>,
    io:format("~p~n", [N2]).

endian() ->
    X = 16#0102030405060708,
    io:format("~w~n~w~n~w~n", [<<X:64/big>>, <<X:64/little>>, <<X:64/native>>]),
    io:format("~w ~w ~w~n", [<<258:24/little>>, <<258:24/native>>, <<258:24>>]),
    io:format("~w ~w~n", [<<1:12/little>>, <<16#ABC:12/little>>]),
    <<L1:12/little>> = <<16#ABC:12/little>>,
    <<L2:12/native>> = <<16#ABC:12/native>>,
    <<L3:12/big>> = <<16#ABC:12/little>>,
    io:format("~p ~p ~p~n", [L1, L2, L3]),
    <<Nat:32/native>> = <<1, 0, 0, 0>>,
    <<Lit:32/little>> = <<1, 0, 0, 0>>,
    io:format("native is little ~p~n", [Nat =:= Lit]),
    io:format("~w ~w~n", [<<-5:20/little-signed>>, <<-5:20/native-signed>>]),
    <<Sl:20/little-signed>> = <<-5:20/little-signed>>,
    io:format("~p~n", [Sl]).

var_sizes() ->
    F = fun(Sz) -> <<(1 bsl Sz - 1):Sz, 0:(16 - Sz)>> end,
    io:format("~w~n", [[F(S) || S <- lists:seq(0, 16)]]),
    %% Size from an earlier field in the same match.
    Msg = <<5:4, 21:5, 0:7, "rest">>,
    <<Len:4, V:Len, _:(16 - 4 - Len), R/binary>> = Msg,
    io:format("~p ~p ~p~n", [Len, V, R]),
    %% Size from an expression (OTP 23+ guards-in-size).
    Sz = id(3),
    <<A:(Sz * 2), B:(Sz + 1)/binary, _/bits>> = <<63:6, 0:2, "abcdZ">>,
    io:format("~p ~p~n", [A, B]),
    %% Zero size
    Z = id(0),
    <<E:Z, Eb:Z/binary, All/binary>> = <<"x">>,
    io:format("~p ~p ~p ~w~n", [E, Eb, All, <<7:Z>>]),
    %% Binary length from variable, in function head
    io:format("~p~n", [take(<<3, "abcdef">>)]),
    io:format("~p~n", [take(<<9, "abc">>)]).

take(<<N, Head:N/binary, Tail/binary>>) -> {Head, Tail};
take(_) -> nomatch.

units() ->
    io:format("~w ~w ~w~n", [<<1:2/unit:8>>, <<1:3/unit:4>>, <<5:1/unit:7>>]),
    N = id(3),
    io:format("~w~n", [<<16#FFFFFF:N/unit:8>>]),
    <<X:N/unit:8, Rest/bits>> = <<1, 2, 3, 4>>,
    io:format("~p ~w~n", [X, Rest]),
    <<B:2/binary-unit:16, T/binary>> = <<"abcdef">>,
    io:format("~p ~p~n", [B, T]),
    <<Bs:5/binary-unit:3, T2/bits>> = <<"abc">>,
    io:format("~w ~w~n", [Bs, T2]),
    io:format("~w~n", [<<(id(<<"abc">>)):1/binary-unit:16>>]),
    %% binary with unit:1 is any bitstring
    <<P:7/binary-unit:1, _/bits>> = <<255>>,
    io:format("~w~n", [P]),
    %% unit in tail match
    io:format("~p~n", [tail_unit(<<1, 2, 3, 4, 5, 6>>)]),
    io:format("~p~n", [tail_unit(<<1, 2, 3, 4, 5>>)]).

tail_unit(<<H, T/binary-unit:16>>) -> {two_byte_tail, H, T};
tail_unit(_) -> other.

odd_bitstrings() ->
    Bs = [<<>>, <<1:1>>, <<0:1>>, <<5:3>>, <<255:7>>, <<1:9>>, <<"a", 1:1>>,
          <<"abc", 21:5>>, <<(1 bsl 70):71>>],
    [io:format("~w ~p size ~p bytes ~p is_binary ~p list ~w~n",
               [B, B, bit_size(B), byte_size(B), is_binary(B), bitstring_to_list(B)]) || B <- Bs],
    Cat = << <<B/bits>> || B <- Bs >>,
    io:format("cat ~w ~p~n", [Cat, bit_size(Cat)]),
    io:format("l2bs ~w~n", [list_to_bitstring([1, <<2:3>>, [<<3:5>>, 4], <<5:2>>])]),
    io:format("cmp ~p ~p ~p~n", [<<1:1>> < <<1:2>>, <<0:1>> < <<0>>, <<5:3>> == <<5:3>>]),
    io:format("sort ~w~n", [lists:sort(Bs)]),
    io:format("b2l bits ~w~n", [catch_it(fun() -> binary_to_list(id(<<1:1>>)) end)]),
    io:format("split ~w~n", [[split_bits(<<"abc", 5:3>>, N) || N <- [0, 1, 7, 8, 26, 27]]]).

split_bits(B, N) ->
    <<H:N/bits, T/bits>> = B,
    {H, T}.

bit_comprehensions() ->
    Bin = <<"Hello">>,
    Rev = << <<X:1>> || <<X:1>> <= <<16#A5, 16#0F>> >>,
    io:format("~w~n", [Rev]),
    Inv = << <<(1 - X):1>> || <<X:1>> <= <<16#A5, 3:3>> >>,
    io:format("~w~n", [Inv]),
    io:format("~w~n", [<< <<X:4, 0:4>> || <<X:4>> <= Bin >>]),
    io:format("~w~n", [[X || <<X:5>> <= Bin]]),
    io:format("~w~n", [<< <<X:3>> || <<X:5>> <= Bin, X rem 2 =:= 0 >>]),
    %% Base64-like 6-bit regrouping
    Six = [X || <<X:6>> <= <<"Man is">>],
    io:format("~w~n", [Six]),
    io:format("~s~n", [[lists:nth(X + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                        || X <- Six]]),
    io:format("~p~n", [base64:encode(<<"Man is">>)]),
    %% Count set bits
    Pop = fun(B) -> lists:sum([X || <<X:1>> <= B]) end,
    io:format("~w~n", [[Pop(<<N:16>>) || N <- [0, 1, 255, 256, 65535, 12345]]]),
    %% Two generators over bitstrings
    io:format("~w~n", [<< <<X:2, Y:2>> || <<X:2>> <= <<2#11011000>>, <<Y:2>> <= <<2#0110:4>> >>]),
    io:format("~w~n", [<< <<X:1>> || X <- [1, 0, 1, 1, 0] >>]).

floats() ->
    Vals = [0.0, -0.0, 1.0, -1.5, 0.1, 3.14159, 65504.0, 6.0e-8, 1.0e300, 5.0e-324,
            2.2250738585072014e-308, 123456.789],
    lists:foreach(
      fun(V) ->
              B64 = <<V:64/float>>,
              B32 = <<V:32/float>>,
              B64l = <<V:64/float-little>>,
              B32l = <<V:32/float-little>>,
              <<R64:64/float>> = B64,
              <<R64l:64/float-little>> = B64l,
              io:format("~p ~w ~w ~w ~w ~p ~p~n", [V, B64, B32, B64l, B32l, R64, R64l]),
              R32 = case B32 of <<F32:32/float>> -> F32; _ -> nomatch end,
              io:format("  f32 back ~p~n", [R32])
      end, Vals),
    %% 16-bit floats (OTP 24+)
    F16 = [0.0, -0.0, 1.0, -2.0, 0.5, 65504.0, 6.103515625e-5, 5.960464477539063e-8, 0.1, 1000.5],
    lists:foreach(
      fun(V) ->
              B = <<V:16/float>>,
              Bl = <<V:16/float-little>>,
              <<R:16/float>> = B,
              <<Rl:16/float-little>> = Bl,
              io:format("f16 ~p ~w ~w ~p ~p~n", [V, B, Bl, R, Rl])
      end, F16),
    %% All 16-bit patterns with a finite value: count and checksum the decoded floats
    Dec = [F || <<F:16/float>> <= << <<N:16>> || N <- lists:seq(0, 65535) >>],
    io:format("f16 finite patterns ~p sum ~p~n", [length(Dec), lists:sum(Dec)]),
    %% integers written as floats
    io:format("~w ~w ~w~n", [<<1:64/float>>, <<(-3):32/float>>, <<7:16/float>>]),
    %% float too large for 32/16 bits is badarg
    io:format("~p~n", [catch_it(fun() -> <<(id(1.0e300)):32/float>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id(70000.0)):16/float>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id(1.0)):24/float>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id(1 bsl 1100)):64/float>> end)]),
    %% float with variable size
    Sz = id(32),
    <<Fv:Sz/float, _/binary>> = <<1.25:32/float, 0>>,
    io:format("~p~n", [Fv]).

catch_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

match_float(B) ->
    case B of
        <<F:64/float>> -> {f64, F};
        <<F:32/float>> -> {f32, F};
        <<F:16/float>> -> {f16, F};
        _ -> nomatch
    end.

%% Float segments of run-time sizes: 0 matches as 0.0; only 16, 32 and 64
%% match otherwise; unaligned and little-endian too.
float_sizes() ->
    Bin = <<1.5/float, 0:128>>,
    [io:format("~p ~p~n", [Sz, try <<F:Sz/float, _/bits>> = Bin, F catch C:R -> {C, R} end])
     || Sz <- [0, 8, 16, 32, 64, 65, 128]],
    Le = <<1.5/float-little, 0:128>>,
    [io:format("~p ~p~n", [Sz, try <<F:Sz/float-little, _/bits>> = Le, F catch C:R -> {C, R} end])
     || Sz <- [0, 16, 32, 64, 128]],
    Odd = <<1:3, 2.5/float, 7:5>>,
    <<_:3, G:64/float, _:5>> = Odd,
    io:format("unaligned ~p~n", [G]).

float_nan() ->
    Pats = [<<16#7FF8000000000000:64>>, <<16#FFF8000000000001:64>>, <<16#7FF0000000000000:64>>,
            <<16#FFF0000000000000:64>>, <<16#7FEFFFFFFFFFFFFF:64>>, <<16#0000000000000001:64>>,
            <<16#7FC00000:32>>, <<16#7F800000:32>>, <<16#FF800000:32>>, <<16#7F7FFFFF:32>>,
            <<16#00000001:32>>, <<16#7E00:16>>, <<16#7C00:16>>, <<16#FC00:16>>,
            <<16#7BFF:16>>, <<16#0001:16>>],
    [io:format("~w -> ~p~n", [P, match_float(P)]) || P <- Pats],
    %% In a bigger match, a NaN field makes the whole clause fail.
    io:format("~p~n", [case <<1, 16#7FF8000000000000:64, 2>> of
                           <<_, F:64/float, _>> -> {float, F};
                           <<_, I:64, _>> -> {int, I}
                       end]),
    io:format("~p~n", [catch_it(fun() -> <<_:64/float>> = id(<<16#7FF0000000000000:64>>) end)]),
    %% Skipping a NaN-patterned float field by position is fine.
    <<_:1/binary, Rest/binary>> = <<16#7F, 16#C0, 0, 0>>,
    io:format("~w~n", [Rest]).

wide_ints() ->
    Big = 16#123456789ABCDEF0123456789ABCDEF,
    io:format("~w~n~w~n", [<<Big:128>>, <<Big:128/little>>]),
    <<B1:128>> = <<Big:128>>,
    <<B2:128/little>> = <<Big:128/little>>,
    io:format("~p ~p~n", [B1 =:= Big, B2 =:= Big]),
    io:format("~w~n", [<<Big:100>>]),
    <<T100:100>> = <<Big:100>>,
    io:format("trunc100 ~p ~p~n", [T100, T100 =:= Big band (1 bsl 100 - 1)]),
    io:format("~w~n", [<<(-1):80>>]),
    <<S80:80/signed>> = <<(-1):80>>,
    <<U80:80>> = <<(-1):80>>,
    io:format("~p ~p~n", [S80, U80]),
    Neg = -(1 bsl 90) + 12345,
    <<Nl:97/signed-little>> = <<Neg:97/signed-little>>,
    <<Nb:97/signed>> = <<Neg:97/signed>>,
    io:format("~w ~p ~p~n", [<<Neg:97/signed-little>>, Nl, Nb]),
    %% Wide fields at odd offsets
    W = <<3:3, Big:129, 1:4>>,
    <<_:3, Wb:129, Tail:4>> = W,
    io:format("~w ~p ~p~n", [W, Wb =:= Big, Tail]),
    %% Around 64-bit boundaries
    Edge = [(1 bsl 63) - 1, 1 bsl 63, (1 bsl 64) - 1, 1 bsl 64, -(1 bsl 63), -(1 bsl 63) - 1],
    io:format("~w~n", [[{<<E:65/signed>>, <<E:64>>, <<E:72/little>>} || E <- Edge]]),
    io:format("~w~n", [[begin <<V:65/signed>> = <<E:65/signed>>, V end || E <- Edge]]),
    io:format("~w~n", [[begin <<V:72/little-signed>> = <<E:72/little>>, V end || E <- Edge]]),
    %% A 1000-bit field
    K = (1 bsl 999) + 7,
    <<K2:1000>> = <<K:1000>>,
    io:format("~p ~p~n", [K2 =:= K, erlang:crc32(<<K:1000/little>>)]).

bad_segments() ->
    io:format("~p~n", [catch_it(fun() -> <<(id(a)):8>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id(1.5)):8>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id(<<1:3>>))/binary>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<1:(id(-1))>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<1:(id(foo))>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id(<<"abc">>)):4/binary>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id("abc"))/binary>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id(a))/float>> end)]),
    io:format("~p~n", [catch_it(fun() -> <<(id(1 bsl 64)):(id(-8))>> end)]),
    %% Negative/invalid sizes in matches just fail to match.
    M = fun(B, N) -> case B of <<X:N, _/bits>> -> {ok, X}; _ -> nomatch end end,
    io:format("~p~n", [[M(<<"ab">>, N) || N <- [0, 8, 16, 17]]]),
    io:format("~p~n", [catch_it(fun() -> M(<<"ab">>, -1) end)]).

tail_tests() ->
    T = fun(B) ->
                case B of
                    <<>> -> empty;
                    <<_:8>> -> one_byte;
                    <<_:3>> -> three_bits;
                    <<_/binary>> -> binary;
                    <<_/bitstring>> -> bitstring
                end
        end,
    io:format("~p~n", [[T(B) || B <- [<<>>, <<1>>, <<1:3>>, <<1, 2>>, <<1:9>>]]]),
    io:format("~p~n", [[is_binary(X) || X <- [<<>>, <<1:8>>, <<1:7>>]]]).
