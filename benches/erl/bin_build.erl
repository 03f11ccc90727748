%% Bit syntax: build binaries by appending in a loop, parse them back. Each
%% round appends 1,000 7-byte records with <<Acc/binary, ...>> (7 KB), parses
%% them with <<A:32, B:8, C:16/little, Rest/binary>> and swaps byte pairs with
%% a binary comprehension. OTP makes the appends amortised O(1); a VM that
%% copies on append pays O(n^2).
-module(bin_build).
-export([main/0]).

-define(RECS, 1000).
-define(ROUNDS, 6000).

main() ->
    S = rounds(?ROUNDS, 0),
    io:format("binary ~p~n", [S]).

rounds(0, Acc) -> Acc;
rounds(R, Acc) ->
    B = build(?RECS, R, <<>>),
    S1 = parse(B, 0),
    Swapped = << <<Lo:8, Hi:8>> || <<Hi:8, Lo:8>> <= B >>,
    S2 = parse_words(Swapped, 0),
    rounds(R - 1, (Acc + S1 + S2 + byte_size(B)) band 16#FFFFFFF).

build(0, _R, Acc) -> Acc;
build(N, R, Acc) ->
    build(N - 1, R, <<Acc/binary, (N * R):32, (N band 255):8, (R band 16#FFFF):16/little>>).

parse(<<A:32, B:8, C:16/little, Rest/binary>>, S) ->
    parse(Rest, (S + A + B * C) band 16#FFFFFFF);
parse(<<>>, S) -> S.

parse_words(<<W:16, Rest/binary>>, S) -> parse_words(Rest, (S * 3 + W) band 16#FFFFFF);
parse_words(<<_:8>>, S) -> S + 1;
parse_words(<<>>, S) -> S.
