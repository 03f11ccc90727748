%% Integer fields read by matching, at every bit offset 0..7: sizes 1..48
%% and 63/64 (the JIT reads fields that always fit a small integer
%% directly), big/little endian, signed/unsigned, and matches that fail
%% for want of bits. Checksums keep the output short.
-module(bin_fields).
-export([main/0]).

main() ->
    Data = list_to_binary([(I * 37 + 11) band 255 || I <- lists:seq(1, 64)]),
    Sizes = lists:seq(1, 48) ++ [56, 63, 64],
    [io:format("off ~p: ~w~n", [Off, [field_sum(Data, Off, S) || S <- Sizes]]) || Off <- lists:seq(0, 7)],
    io:format("little ~p~n", [[little_sum(Data, Off, S) || Off <- [0, 3], S <- [8, 16, 24, 32, 40, 48]]]),
    io:format("short ~p~n", [[short(<<1:N>>) || N <- lists:seq(0, 40)]]),
    io:format("records ~p~n", [records(Data, [])]),
    io:format("negatives ~p~n", [[neg(<<X:S/signed>>, S) || S <- [8, 16, 31, 32, 47, 48], X <- [-1, -2, -(1 bsl (S - 1)), (1 bsl (S - 1)) - 1]]]),
    ok.

%% all four big-endian kinds at bit offset Off, summed over the binary
field_sum(Data, Off, S) ->
    <<_:Off, Rest/bitstring>> = Data,
    walk(Rest, S, 0).

walk(B, S, Acc) ->
    case B of
        <<U:S, _/bitstring>> ->
            <<V:S/signed, Tail/bitstring>> = B,
            walk(Tail, S, (Acc * 31 + U + 3 * V) rem 1000000007);
        _ -> {Acc, bit_size(B)}
    end.

little_sum(Data, Off, S) ->
    <<_:Off, Rest/bitstring>> = Data,
    lwalk(Rest, S, 0).

lwalk(B, S, Acc) ->
    case B of
        <<U:S/little, _/bitstring>> ->
            <<V:S/little-signed, Tail/bitstring>> = B,
            lwalk(Tail, S, (Acc * 31 + U + 3 * V) rem 1000000007);
        _ -> Acc
    end.

%% fixed-size literal fields, as protocol parsers write them
short(<<A:8, B:16, C:8>>) -> {32, A, B, C};
short(<<A:3, B:13, C:7/signed>>) -> {23, A, B, C};
short(<<A:12/signed, B:4>>) -> {16, A, B};
short(<<A:1, B:1>>) -> {2, A, B};
short(B) -> {other, bit_size(B)}.

records(<<T:4, L:12, V:16/signed, F:32/little, Rest/binary>>, Acc) ->
    records(Rest, [{T, L, V, F} | Acc]);
records(Rest, Acc) -> {length(Acc), lists:sum([T + L + V + F || {T, L, V, F} <- Acc]), byte_size(Rest)}.

neg(<<V:8/signed>>, 8) -> V;
neg(<<V:16/signed>>, 16) -> V;
neg(<<V:31/signed>>, 31) -> V;
neg(<<V:32/signed>>, 32) -> V;
neg(<<V:47/signed>>, 47) -> V;
neg(<<V:48/signed>>, 48) -> V.
