%% utf8/utf16/utf32 segments in both endians, building and matching;
%% invalid code points and byte sequences failing to build or match;
%% unicode:characters_to_binary/list round trips including the {error, ...}
%% and {incomplete, ...} returns.
-module(bin_utf).
-export([main/0]).

main() ->
    section(build, fun build/0),
    section(match, fun match/0),
    section(invalid_build, fun invalid_build/0),
    section(invalid_match, fun invalid_match/0),
    section(decode_all, fun decode_all/0),
    section(c2b, fun c2b/0),
    section(c2l, fun c2l/0),
    section(errors, fun errors/0),
    section(incomplete, fun incomplete/0),
    section(bom_and_misc, fun bom_and_misc/0),
    ok.

section(Name, F) ->
    io:format("== ~p~n", [Name]),
    try F() of
        _ -> ok
    catch
        Class:Reason -> io:format("~p CRASHED ~p:~p~n", [Name, Class, Reason])
    end.

id(X) -> X.

catch_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

cps() -> [0, $A, 16#7F, 16#80, 16#E9, 16#7FF, 16#800, 16#3BB, 16#FFFD, 16#D7FF, 16#E000,
          16#FFFF, 16#10000, 16#1F600, 16#10FFFF].

build() ->
    lists:foreach(
      fun(C) ->
              io:format("~.16b u8 ~w u16 ~w ~w u32 ~w ~w~n",
                        [C, <<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>,
                         <<C/utf32>>, <<C/utf32-little>>])
      end, cps()),
    Cv = id(16#1F600),
    io:format("~w ~w~n", [<<Cv/utf16-native>>, <<Cv/utf32-native>>]),
    io:format("~w~n", [<<"héllo wörld λ 😀"/utf8>>]),
    io:format("~w~n", [<<"aλ😀"/utf16>>]),
    io:format("~w~n", [<<"aλ😀"/utf32-little>>]),
    %% utf segments at non-byte offsets
    io:format("~w~n", [<<1:3, 16#3BB/utf8, 2:5>>]),
    io:format("~w~n", [<<1:1, 16#1F600/utf16-little, 0:7>>]),
    %% built from a comprehension
    io:format("~w~n", [<< <<C/utf8>> || C <- "ünïcödé" >>]).

match() ->
    B = <<"aé€😀"/utf8>>,
    <<A/utf8, E/utf8, Eu/utf8, Em/utf8>> = B,
    io:format("~w~n", [[A, E, Eu, Em]]),
    io:format("~w~n", [[C || <<C/utf8>> <= B]]),
    B16 = <<"aé€😀"/utf16>>,
    B16l = <<"aé€😀"/utf16-little>>,
    io:format("~w ~w~n", [[C || <<C/utf16>> <= B16], [C || <<C/utf16-little>> <= B16l]]),
    B32 = <<"aé€😀"/utf32>>,
    B32l = <<"aé€😀"/utf32-little>>,
    io:format("~w ~w~n", [[C || <<C/utf32>> <= B32], [C || <<C/utf32-little>> <= B32l]]),
    %% wrong endianness: mostly different code points or failures
    io:format("~w~n", [decode16(B16, little)]),
    io:format("~w~n", [decode32(B32, little)]),
    %% utf at a bit offset
    <<_:3, U/utf8, T:5>> = <<1:3, 16#3BB/utf8, 2:5>>,
    io:format("~p ~p~n", [U, T]),
    %% the rest after a utf8 match
    <<F/utf8, Rest/binary>> = <<"€uro"/utf8>>,
    io:format("~p ~p~n", [F, Rest]),
    %% a function clause that dispatches on utf8
    io:format("~p~n", [classify(<<"x€😀é"/utf8>>)]).

classify(<<C/utf8, R/binary>>) when C < 16#80 -> [{ascii, C} | classify(R)];
classify(<<C/utf8, R/binary>>) when C < 16#800 -> [{two, C} | classify(R)];
classify(<<C/utf8, R/binary>>) when C < 16#10000 -> [{three, C} | classify(R)];
classify(<<C/utf8, R/binary>>) -> [{four, C} | classify(R)];
classify(<<>>) -> [].

decode16(B, little) -> decode16l(B, []).

decode16l(<<C/utf16-little, R/binary>>, Acc) -> decode16l(R, [C | Acc]);
decode16l(R, Acc) -> {lists:reverse(Acc), R}.

decode32(B, little) -> decode32l(B, []).

decode32l(<<C/utf32-little, R/binary>>, Acc) -> decode32l(R, [C | Acc]);
decode32l(R, Acc) -> {lists:reverse(Acc), R}.

invalid_build() ->
    Bad = [16#D800, 16#DFFF, 16#110000, -1, 16#FFFFFFFF, 1 bsl 70, a, 1.0],
    lists:foreach(
      fun(C) ->
              io:format("~p: ~p ~p ~p~n",
                        [C, catch_it(fun() -> <<(id(C))/utf8>> end),
                         catch_it(fun() -> <<(id(C))/utf16>> end),
                         catch_it(fun() -> <<(id(C))/utf32-little>> end)])
      end, Bad).

m8(B) -> case B of <<C/utf8, R/bits>> -> {C, R}; _ -> nomatch end.
m16(B) -> case B of <<C/utf16, R/bits>> -> {C, R}; _ -> nomatch end.
m16l(B) -> case B of <<C/utf16-little, R/bits>> -> {C, R}; _ -> nomatch end.
m32(B) -> case B of <<C/utf32, R/bits>> -> {C, R}; _ -> nomatch end.

invalid_match() ->
    U8 = [<<>>, <<16#80>>, <<16#C0, 16#80>>, <<16#C1, 16#BF>>, <<16#C2, 16#80>>,
          <<16#E0, 16#80, 16#80>>, <<16#E0, 16#A0, 16#80>>, <<16#ED, 16#A0, 16#80>>,
          <<16#ED, 16#9F, 16#BF>>, <<16#EF, 16#BF, 16#BF>>, <<16#F0, 16#80, 16#80, 16#80>>,
          <<16#F0, 16#90, 16#80, 16#80>>, <<16#F4, 16#8F, 16#BF, 16#BF>>,
          <<16#F4, 16#90, 16#80, 16#80>>, <<16#F5, 16#80, 16#80, 16#80>>, <<16#FF>>,
          <<16#E2, 16#82>>, <<16#E2, 16#82, 16#AC>>, <<16#E2, 16#02, 16#AC>>, <<16#C3>>,
          <<16#C3, 16#A9, 1:1>>, <<16#F8, 16#88, 16#80, 16#80, 16#80>>],
    [io:format("u8 ~w -> ~w~n", [B, m8(B)]) || B <- U8],
    U16 = [<<>>, <<0>>, <<16#D8, 16#00>>, <<16#D8, 16#00, 16#DC, 16#00>>,
           <<16#DC, 16#00, 16#D8, 16#00>>, <<16#D8, 16#00, 16#00, 16#41>>,
           <<16#DB, 16#FF, 16#DF, 16#FF>>, <<16#FF, 16#FE>>, <<16#DF, 16#FF>>, <<0, 16#41, 1:4>>],
    [io:format("u16 ~w -> ~w ~w~n", [B, m16(B), m16l(B)]) || B <- U16],
    U32 = [<<>>, <<0, 0, 0>>, <<0, 16#10, 16#FF, 16#FF>>, <<0, 16#11, 0, 0>>,
           <<0, 0, 16#D8, 0>>, <<0, 0, 16#DF, 16#FF>>, <<16#FF, 16#FF, 16#FF, 16#FF>>,
           <<0, 0, 0, 16#41, 0>>],
    [io:format("u32 ~w -> ~w~n", [B, m32(B)]) || B <- U32],
    ok.

decode_all() ->
    %% Every code point at a step through the range round-trips via all six
    %% encodings.
    Cs = lists:seq(0, 16#D7FF, 97) ++ lists:seq(16#E000, 16#10FFFF, 991),
    Enc = [{<<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>, <<C/utf32>>, <<C/utf32-little>>}
           || C <- Cs],
    Ok = lists:all(fun({C, {A, B, Bl, D, Dl}}) ->
                           <<C/utf8>> =:= A andalso m8(A) =:= {C, <<>>} andalso
                               m16(B) =:= {C, <<>>} andalso m16l(Bl) =:= {C, <<>>} andalso
                               m32(D) =:= {C, <<>>} andalso
                               (case Dl of <<X/utf32-little>> -> X =:= C; _ -> false end)
                   end, lists:zip(Cs, Enc)),
    All8 = << <<C/utf8>> || C <- Cs >>,
    All16 = << <<C/utf16>> || C <- Cs >>,
    io:format("~p ~p ~p ~p ~p~n", [length(Cs), Ok, byte_size(All8), byte_size(All16),
                                   erlang:crc32(All8)]),
    io:format("~p~n", [[C || <<C/utf8>> <= All8] =:= Cs]),
    io:format("~p~n", [unicode:characters_to_list(All16, utf16) =:= Cs]).

c2b() ->
    S = "héllo wörld λ 😀",
    B = unicode:characters_to_binary(S),
    io:format("~w~n", [B]),
    io:format("~w~n", [unicode:characters_to_binary(S, unicode, utf16)]),
    io:format("~w~n", [unicode:characters_to_binary(S, unicode, {utf16, little})]),
    io:format("~w~n", [unicode:characters_to_binary(S, unicode, utf32)]),
    io:format("~w~n", [unicode:characters_to_binary(S, unicode, {utf32, little})]),
    io:format("~w~n", [unicode:characters_to_binary("héllo", unicode, latin1)]),
    io:format("~w~n", [unicode:characters_to_binary(<<"h", 233, "llo">>, latin1, utf8)]),
    io:format("~w~n", [unicode:characters_to_binary(<<"h", 233, "llo">>, latin1, utf16)]),
    %% mixed iodata with binaries and nested lists
    io:format("~w~n", [unicode:characters_to_binary(["a", <<"é"/utf8>>, [16#3BB, [<<"z">>]]])]),
    io:format("~w~n", [unicode:characters_to_binary([<<"a">>, "b" | <<"c">>])]),
    %% round trips through every encoding
    Encs = [utf8, utf16, {utf16, little}, utf32, {utf32, little}, {utf16, big}, {utf32, big}],
    io:format("~p~n", [[begin
                            E = unicode:characters_to_binary(S, unicode, Enc),
                            {Enc, unicode:characters_to_list(E, Enc) =:= S,
                             unicode:characters_to_binary(E, Enc, utf8) =:= B}
                        end || Enc <- Encs]]),
    io:format("~w~n", [unicode:characters_to_binary("")]),
    io:format("~w~n", [unicode:characters_to_binary(<<>>, utf16, utf8)]).

c2l() ->
    io:format("~w~n", [unicode:characters_to_list(<<"aé€😀"/utf8>>)]),
    io:format("~w~n", [unicode:characters_to_list(<<"aé€😀"/utf8>>, utf8)]),
    io:format("~w~n", [unicode:characters_to_list(<<"a", 233>>, latin1)]),
    io:format("~w~n", [unicode:characters_to_list([<<"ab">>, $c, [<<"€"/utf8>>]])]),
    io:format("~w~n", [unicode:characters_to_list(<<"aé"/utf16-little>>, {utf16, little})]),
    io:format("~w~n", [unicode:characters_to_list(<<"aé"/utf32>>, utf32)]),
    io:format("~ts~n", [unicode:characters_to_list(<<"hé€"/utf8>>)]).

errors() ->
    %% invalid utf8 in a binary: {error, Good, Rest}
    io:format("~w~n", [unicode:characters_to_binary(<<"ab", 16#FF, "cd">>)]),
    io:format("~w~n", [unicode:characters_to_list(<<"ab", 16#FF, "cd">>)]),
    io:format("~w~n", [unicode:characters_to_binary(["ab", <<16#C0, 16#80>>, "cd"])]),
    io:format("~w~n", [unicode:characters_to_list(["ab", <<16#ED, 16#A0, 16#80>>, "cd"])]),
    %% invalid code points in a list
    io:format("~w~n", [unicode:characters_to_binary([$a, 16#D800, $b])]),
    io:format("~w~n", [unicode:characters_to_binary([$a, 16#110000, $b])]),
    io:format("~w~n", [unicode:characters_to_list([$a, -1])]),
    %% not representable in latin1
    io:format("~w~n", [unicode:characters_to_binary("aλb", unicode, latin1)]),
    io:format("~w~n", [unicode:characters_to_binary([$a, <<"λb"/utf8>>], unicode, latin1)]),
    %% invalid utf16 / utf32 input
    io:format("~w~n", [unicode:characters_to_list(<<16#DC, 0, 0, $a>>, utf16)]),
    io:format("~w~n", [unicode:characters_to_list(<<0, 16#11, 0, 0>>, utf32)]),
    io:format("~w~n", [unicode:characters_to_binary(<<0, $a, 16#DC, 0>>, utf16, utf8)]),
    %% not chardata at all: badarg
    io:format("~p~n", [catch_it(fun() -> unicode:characters_to_binary(id(foo)) end)]),
    io:format("~p~n", [catch_it(fun() -> unicode:characters_to_binary(id([a])) end)]),
    io:format("~p~n", [catch_it(fun() -> unicode:characters_to_list(id({1})) end)]),
    io:format("~p~n", [catch_it(fun() -> unicode:characters_to_binary("x", id(bad), utf8) end)]),
    io:format("~p~n", [catch_it(fun() -> unicode:characters_to_binary([1.0]) end)]).

incomplete() ->
    Euro = <<"€"/utf8>>,
    <<E1:1/binary, E2:2/binary>> = Euro,
    io:format("~w~n", [unicode:characters_to_binary(<<"ab", E1/binary>>)]),
    io:format("~w~n", [unicode:characters_to_list(<<"ab", (binary:part(Euro, 0, 2))/binary>>)]),
    io:format("~w~n", [unicode:characters_to_binary(["ab", E1])]),
    %% completing an incomplete sequence with the next chunk
    {incomplete, Good, Rest} = unicode:characters_to_binary(<<"ab", E1/binary>>),
    io:format("~w~n", [unicode:characters_to_binary([Rest, E2, "c"])]),
    io:format("~w ~w~n", [Good, Rest]),
    %% incomplete in the middle of a list is an error, not incomplete
    io:format("~w~n", [unicode:characters_to_binary([<<"ab", E1/binary>>, "c"])]),
    io:format("~w~n", [unicode:characters_to_binary([E1, E2])]),
    %% utf16 and utf32 with a truncated unit
    io:format("~w~n", [unicode:characters_to_list(<<0, $a, 16#D8>>, utf16)]),
    io:format("~w~n", [unicode:characters_to_list(<<0, $a, 16#D8, 16#3D>>, utf16)]),
    io:format("~w~n", [unicode:characters_to_list(<<0, 0, 0, $a, 0, 0>>, utf32)]),
    io:format("~w~n", [unicode:characters_to_binary(<<0, $a, 16#D8, 16#3D, 16#DE>>, utf16, utf8)]),
    %% a stream decoder over chunks split at every byte position
    Text = <<"aé€😀z"/utf8>>,
    io:format("~w~n", [[stream(Text, N) || N <- lists:seq(1, byte_size(Text))]]).

stream(Text, N) ->
    <<A:N/binary, B/binary>> = Text,
    case unicode:characters_to_list(A) of
        L when is_list(L) -> {N, full, L ++ unicode:characters_to_list(B)};
        {incomplete, L, R} -> {N, inc, L ++ unicode:characters_to_list(<<R/binary, B/binary>>)}
    end.

bom_and_misc() ->
    io:format("~p~n", [[unicode:bom_to_encoding(B) || B <- [<<16#EF, 16#BB, 16#BF, $a>>,
                                                              <<16#FE, 16#FF>>, <<16#FF, 16#FE>>,
                                                              <<16#FF, 16#FE, 0, 0>>,
                                                              <<0, 0, 16#FE, 16#FF>>, <<"x">>]]]),
    io:format("~w~n", [[unicode:encoding_to_bom(E) || E <- [utf8, utf16, {utf16, little},
                                                            utf32, {utf32, little}, latin1]]]),
    io:format("~p~n", [unicode:characters_to_nfc_list("e\x{301}")]),
    io:format("~p~n", [unicode:characters_to_nfd_binary(<<"é"/utf8>>)]),
    io:format("~p ~p~n", [string:length(<<"aé€😀"/utf8>>), byte_size(<<"aé€😀"/utf8>>)]),
    io:format("~p~n", [io_lib:format("~ts", [<<"λ"/utf8>>])]),
    io:format("~p~n", [[io_lib:printable_unicode_list(L) || L <- ["abc", "aλ", [16#D800]]]]).
