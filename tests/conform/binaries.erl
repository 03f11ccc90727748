%% Binaries: construction, size, conversion, matching with sizes/endianness,
%% ~p of printable and non-printable binaries, sub-binaries.
-module(binaries).
-export([main/0]).

main() ->
    B = <<"abc">>,
    io:format("~p ~w ~s~n", [B, B, B]),
    io:format("size ~p ~p ~p~n", [byte_size(B), size(B), bit_size(B)]),
    io:format("to_list ~p~n", [binary_to_list(B)]),
    io:format("from_list ~p~n", [list_to_binary([104, "ello", [$,, [$\s]], <<"world">>])]),
    io:format("iolist ~p~n", [iolist_to_binary(["a", [<<"b">>, [$c | <<"d">>]], 101])]),
    io:format("iolist_size ~p~n", [iolist_size(["ab", <<"cd">>, [[$e]]])]),
    <<A:8, Bv:16/little, Rest/binary>> = <<1, 2, 3, 4, 5, 6>>,
    io:format("match A=~p B=~p Rest=~p~n", [A, Bv, Rest]),
    <<X:16/big, Y:16/little, Z:8/signed>> = <<1, 2, 1, 2, 255>>,
    io:format("big ~p little ~p signed ~p~n", [X, Y, Z]),
    <<F:32/float, D:64/float-little>> = <<1.5:32/float, 2.25:64/float-little>>,
    io:format("floats ~p ~p~n", [F, D]),
    io:format("build ~p~n", [<<1, 2, 300:16, -1:8, 1.0:64/float>>]),
    io:format("build little ~p~n", [<<258:16/little, 258:32/little-unsigned>>]),
    io:format("printable ~p~n", [<<"Hello, World!\n">>]),
    io:format("non-printable ~p~n", [<<0, 1, 2, 255>>]),
    io:format("mixed ~p~n", [<<"abc", 0, "def">>]),
    io:format("latin1 ~p~n", [<<"caf", 233>>]),
    io:format("empty ~p ~w ~s|~n", [<<>>, <<>>, <<>>]),
    io:format("escapes ~p~n", [<<"tab\there \"q\" back\\slash">>]),
    io:format("long ~p~n", [list_to_binary(lists:seq($a, $z) ++ lists:seq($A, $Z) ++ lists:seq($a, $z))]),
    io:format("long np ~p~n", [list_to_binary(lists:seq(1, 60))]),
    io:format("part ~p ~p~n", [binary:part(<<"hello world">>, 6, 5), binary:part(<<"hello">>, {1, 3})]),
    io:format("split_binary ~p~n", [split_binary(<<"abcdef">>, 2)]),
    io:format("binary:split ~p~n", [binary:split(<<"a,b,,c">>, <<",">>, [global])]),
    io:format("binary:split trim ~p~n", [binary:split(<<"a,b,,c,,">>, <<",">>, [global, trim_all])]),
    io:format("binary:replace ~p~n", [binary:replace(<<"aXbXc">>, <<"X">>, <<"--">>, [global])]),
    io:format("binary:match ~p ~p~n", [binary:match(<<"hello">>, <<"ll">>), binary:match(<<"hello">>, <<"z">>)]),
    io:format("binary:matches ~p~n", [binary:matches(<<"abcabcab">>, <<"ab">>)]),
    io:format("binary:copy ~p~n", [binary:copy(<<"ab">>, 3)]),
    io:format("first/last ~p ~p ~p~n", [binary:first(B), binary:last(B), binary:at(B, 1)]),
    io:format("bin_to_list/3 ~p~n", [binary:bin_to_list(<<"abcdef">>, 1, 3)]),
    io:format("decode_unsigned ~p ~p~n", [binary:decode_unsigned(<<1, 0>>), binary:decode_unsigned(<<1, 0>>, little)]),
    io:format("encode_unsigned ~p~n", [binary:encode_unsigned(65536)]),
    io:format("longest_common_prefix ~p~n", [binary:longest_common_prefix([<<"prefix_a">>, <<"prefix_b">>])]),
    io:format("integer conv ~p ~p~n", [integer_to_binary(-42), binary_to_integer(<<"12345678901234567890">>)]),
    io:format("list_to_binary nested ~p~n", [list_to_binary([[[]], [<<>>], "x"])]),
    io:format("compare ~p ~p ~p~n", [<<"abc">> < <<"abd">>, <<"ab">> < <<"abc">>, <<1>> == <<1>>]),
    io:format("append ~p~n", [<<B/binary, "def", B/binary>>]),
    io:format("parse ~p~n", [parse_tlv(<<1, 3, "abc", 2, 1, 0, 3, 2, "hi">>)]),
    io:format("hex ~s~n", [[io_lib:format("~2.16.0b", [Byte]) || <<Byte>> <= <<"Erlang">>]]),
    io:format("rev ~p~n", [rev(<<"stressed">>, <<>>)]),
    io:format("sum bytes ~p~n", [sum_bytes(list_to_binary(lists:seq(1, 255)), 0)]),
    io:format("term_to_binary ~p~n", [term_to_binary({ok, [1, 2], <<"x">>})]),
    io:format("roundtrip ~p~n", [binary_to_term(term_to_binary(#{a => [1.5, "s", {t}]}))]),
    io:format("t2b small ~p ~p ~p~n", [term_to_binary(1), term_to_binary(a), term_to_binary("ab")]),
    io:format("t2b big ~p~n", [term_to_binary(1 bsl 70)]),
    io:format("t2b float ~p~n", [term_to_binary(1.5)]),
    io:format("badmatch ~p~n", [try <<_:16>> = id(<<1>>) catch error:R -> R end]),
    io:format("badarg ~p~n", [try list_to_binary([256]) catch error:R2 -> R2 end]).

parse_tlv(<<>>) -> [];
parse_tlv(<<T, L, V:L/binary, Rest/binary>>) -> [{T, V} | parse_tlv(Rest)].

rev(<<>>, Acc) -> Acc;
rev(<<C, R/binary>>, Acc) -> rev(R, <<C, Acc/binary>>).

sum_bytes(<<>>, S) -> S;
sum_bytes(<<C, R/binary>>, S) -> sum_bytes(R, S + C).

id(X) -> X.
