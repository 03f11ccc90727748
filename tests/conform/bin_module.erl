%% The binary module: split (global, trim, trim_all, scope), match/matches
%% with several and overlapping patterns, replace (binary.beam's Erlang code,
%% with insert_replaced), part, at, first/last, copy, decode/encode_unsigned
%% in both endians, longest_common_prefix/suffix, bin_to_list, list_to_bin,
%% compile_pattern reuse, encode_hex/decode_hex, and badarg cases.
-module(bin_module).
-export([main/0]).

main() ->
    section(split, fun split/0),
    section(match, fun match/0),
    section(matches, fun matches/0),
    section(replace, fun replace/0),
    section(compile_pattern, fun compile_pattern/0),
    section(part_at, fun part_at/0),
    section(copy, fun copy/0),
    section(unsigned, fun unsigned/0),
    section(common, fun common/0),
    section(lists, fun lists/0),
    section(hex, fun hex/0),
    section(errors, fun errors/0),
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

split() ->
    S = <<",a,,b,c,,">>,
    Opts = [[], [global], [trim], [global, trim], [trim_all], [global, trim_all],
            [{scope, {1, 5}}], [global, {scope, {2, 6}}], [global, {scope, {9, -4}}],
            [global, trim_all, {scope, {0, 4}}]],
    [io:format("~p ~p~n", [O, binary:split(S, <<",">>, O)]) || O <- Opts],
    io:format("~p~n", [binary:split(<<"a--b-c---d">>, [<<"--">>, <<"-">>], [global])]),
    io:format("~p~n", [binary:split(<<"a--b-c---d">>, [<<"-">>, <<"--">>], [global])]),
    io:format("~p~n", [binary:split(<<"abc">>, <<"abc">>, [global])]),
    io:format("~p~n", [binary:split(<<"abc">>, <<"abc">>, [global, trim])]),
    io:format("~p~n", [binary:split(<<>>, <<",">>, [global])]),
    io:format("~p~n", [binary:split(<<>>, <<",">>, [global, trim_all])]),
    io:format("~p~n", [binary:split(<<"no separators">>, <<"|">>)]),
    io:format("~p~n", [binary:split(<<"line1\r\nline2\nline3\r\n">>, [<<"\r\n">>, <<"\n">>], [global])]),
    io:format("~p~n", [binary:split(<<0, 1, 0, 0, 2, 0>>, <<0>>, [global])]),
    Big = binary:copy(<<"word ">>, 2000),
    Parts = binary:split(Big, <<" ">>, [global, trim_all]),
    io:format("~p ~p~n", [length(Parts), lists:usort(Parts)]),
    io:format("~p~n", [string:split(<<"a=b=c">>, "=", all)]).

match() ->
    H = <<"the quick brown fox jumps over the lazy dog">>,
    io:format("~p~n", [[binary:match(H, P) || P <- [<<"the">>, <<"fox">>, <<"dog">>, <<"cat">>,
                                                   <<"g">>, <<"t">>]]]),
    io:format("~p~n", [binary:match(H, [<<"lazy">>, <<"quick">>, <<"brown">>])]),
    %% longest of the patterns starting at the same position wins
    io:format("~p~n", [binary:match(<<"abcde">>, [<<"ab">>, <<"abcd">>, <<"abc">>])]),
    io:format("~p~n", [binary:match(<<"abcde">>, [<<"bcd">>, <<"abcd">>])]),
    io:format("~p~n", [binary:match(H, <<"the">>, [{scope, {1, 42}}])]),
    io:format("~p~n", [binary:match(H, <<"the">>, [{scope, {43, -43}}])]),
    io:format("~p~n", [binary:match(H, <<"o">>, [{scope, {20, 0}}])]),
    io:format("~p~n", [binary:match(<<1, 2, 3, 255, 0>>, <<255, 0>>)]),
    Long = <<(binary:copy(<<"ab">>, 5000))/binary, "needle", (binary:copy(<<"cd">>, 5000))/binary>>,
    io:format("~p ~p~n", [binary:match(Long, <<"needle">>), binary:match(Long, <<"needles">>)]).

matches() ->
    io:format("~p~n", [binary:matches(<<"aaaa">>, <<"aa">>)]),
    io:format("~p~n", [binary:matches(<<"abcabcabc">>, [<<"abc">>, <<"bc">>, <<"c">>])]),
    io:format("~p~n", [binary:matches(<<"abcabcabc">>, [<<"c">>, <<"bca">>])]),
    io:format("~p~n", [binary:matches(<<"abcabcabc">>, <<"abc">>, [{scope, {1, 7}}])]),
    io:format("~p~n", [binary:matches(<<"abcabcabc">>, <<"x">>)]),
    io:format("~p~n", [binary:matches(<<"ab\nc\n\nd\n">>, <<"\n">>)]),
    Many = binary:copy(<<"xy">>, 3000),
    io:format("~p~n", [length(binary:matches(Many, <<"yx">>))]).

replace() ->
    S = <<"a-b-c-d">>,
    io:format("~p~n", [binary:replace(S, <<"-">>, <<"+">>)]),
    io:format("~p~n", [binary:replace(S, <<"-">>, <<"+">>, [global])]),
    io:format("~p~n", [binary:replace(S, <<"-">>, <<>>, [global])]),
    io:format("~p~n", [binary:replace(S, <<"-">>, <<"[]">>, [global, {insert_replaced, 1}])]),
    io:format("~p~n", [binary:replace(S, <<"-">>, <<"<>">>, [global, {insert_replaced, [0, 1, 2]}])]),
    io:format("~p~n", [binary:replace(S, [<<"a">>, <<"c">>], <<"X">>, [global])]),
    io:format("~p~n", [binary:replace(S, <<"-">>, <<"_">>, [global, {scope, {2, 3}}])]),
    io:format("~p~n", [binary:replace(<<"aaa">>, <<"aa">>, <<"b">>, [global])]),
    io:format("~p~n", [binary:replace(<<"hello">>, <<"l">>, <<"LL">>, [global])]),
    io:format("~p~n", [binary:replace(<<"nothing">>, <<"x">>, <<"y">>, [global])]),
    io:format("~p~n", [binary:replace(<<>>, <<"x">>, <<"y">>, [global])]),
    Big = binary:copy(<<"foo bar ">>, 5000),
    R = binary:replace(Big, <<"bar">>, <<"bazz">>, [global]),
    io:format("~p ~p~n", [byte_size(R), erlang:crc32(R)]),
    io:format("~p~n", [string:replace(<<"a.b.c">>, ".", "::", all)]).

compile_pattern() ->
    P1 = binary:compile_pattern(<<",">>),
    P2 = binary:compile_pattern([<<"\r\n">>, <<"\n">>]),
    P3 = binary:compile_pattern([<<"abc">>, <<"b">>]),
    Lines = [<<"a,b,c">>, <<"no commas">>, <<",x,">>, <<>>],
    io:format("~p~n", [[binary:split(L, P1, [global]) || L <- Lines]]),
    io:format("~p~n", [[binary:match(L, P1) || L <- Lines]]),
    io:format("~p~n", [[binary:matches(L, P1) || L <- Lines]]),
    io:format("~p~n", [binary:split(<<"l1\r\nl2\nl3">>, P2, [global])]),
    io:format("~p~n", [binary:replace(<<"abcbab">>, P3, <<"-">>, [global])]),
    io:format("~p~n", [binary:matches(<<"abcbab">>, P3)]),
    %% reuse many times
    Acc = lists:foldl(fun(I, N) -> N + length(binary:matches(integer_to_binary(I), binary:compile_pattern(<<"1">>))) end,
                      0, lists:seq(1, 2000)),
    Acc2 = lists:foldl(fun(I, N) -> N + length(binary:split(integer_to_binary(I), P1)) end,
                       0, lists:seq(1, 2000)),
    io:format("~p ~p~n", [Acc, Acc2]),
    io:format("~p~n", [catch_it(fun() -> binary:compile_pattern(id(<<>>)) end)]),
    io:format("~p~n", [catch_it(fun() -> binary:compile_pattern(id([<<"a">>, <<>>])) end)]),
    io:format("~p~n", [catch_it(fun() -> binary:compile_pattern(id([])) end)]).

part_at() ->
    B = <<"0123456789">>,
    io:format("~p~n", [[binary:part(B, P) || P <- [{0, 10}, {0, 0}, {3, 4}, {10, 0}, {10, -3}, {5, -5}]]]),
    io:format("~p~n", [[binary_part(B, S, L) || {S, L} <- [{2, 3}, {9, 1}, {4, -2}]]]),
    io:format("~p~n", [[catch_it(fun() -> binary:part(B, P) end) || P <- [{0, 11}, {11, 0}, {-1, 2}, {3, -4}]]]),
    io:format("~p~n", [[binary:at(B, I) || I <- [0, 5, 9]]]),
    io:format("~p~n", [catch_it(fun() -> binary:at(B, 10) end)]),
    io:format("~p ~p~n", [binary:first(B), binary:last(B)]),
    io:format("~p~n", [catch_it(fun() -> binary:first(id(<<>>)) end)]),
    io:format("~p~n", [catch_it(fun() -> binary:last(id(<<>>)) end)]),
    %% part of a sub-binary
    <<_:3/binary, Sub:5/binary, _/binary>> = B,
    io:format("~p ~p ~p~n", [binary:part(Sub, 1, 3), binary:at(Sub, 4), binary:last(Sub)]).

copy() ->
    io:format("~p~n", [[binary:copy(<<"ab">>, N) || N <- [0, 1, 3]]]),
    io:format("~p~n", [binary:copy(<<"single">>)]),
    io:format("~p~n", [byte_size(binary:copy(<<"xyz">>, 10000))]),
    io:format("~p~n", [binary:copy(<<>>, 1000)]),
    io:format("~p~n", [catch_it(fun() -> binary:copy(<<"a">>, id(-1)) end)]).

unsigned() ->
    Ns = [0, 1, 255, 256, 65535, 65536, 16#01020304, 1 bsl 64, (1 bsl 64) - 1, 1 bsl 200],
    lists:foreach(
      fun(N) ->
              Bb = binary:encode_unsigned(N),
              Bl = binary:encode_unsigned(N, little),
              io:format("~p ~w ~w ~p ~p~n",
                        [N, Bb, Bl, binary:decode_unsigned(Bb), binary:decode_unsigned(Bl, little)])
      end, Ns),
    io:format("~p~n", [[binary:decode_unsigned(B) || B <- [<<>>, <<0, 0, 1>>, <<1, 0, 0>>]]]),
    io:format("~p~n", [[binary:decode_unsigned(B, little) || B <- [<<>>, <<0, 0, 1>>, <<1, 0, 0>>]]]),
    io:format("~p~n", [binary:encode_unsigned(16#0100, big)]),
    io:format("~p~n", [catch_it(fun() -> binary:encode_unsigned(id(-1)) end)]),
    io:format("~p~n", [catch_it(fun() -> binary:decode_unsigned(id(<<1:3>>)) end)]).

common() ->
    io:format("~p~n", [binary:longest_common_prefix([<<"erlang">>, <<"ergonomy">>, <<"er">>])]),
    io:format("~p~n", [binary:longest_common_prefix([<<"erlang">>, <<"elixir">>])]),
    io:format("~p~n", [binary:longest_common_prefix([<<"x">>, <<"y">>])]),
    io:format("~p~n", [binary:longest_common_prefix([<<"same">>, <<"same">>])]),
    io:format("~p~n", [binary:longest_common_prefix([<<"only">>])]),
    io:format("~p~n", [binary:longest_common_prefix([<<>>, <<"a">>])]),
    io:format("~p~n", [binary:longest_common_suffix([<<"testing">>, <<"running">>, <<"ing">>])]),
    io:format("~p~n", [binary:longest_common_suffix([<<"abc">>, <<"xbc">>, <<"c">>])]),
    io:format("~p~n", [binary:longest_common_suffix([<<"abc">>, <<"abd">>])]),
    io:format("~p~n", [catch_it(fun() -> binary:longest_common_prefix(id([])) end)]),
    io:format("~p~n", [catch_it(fun() -> binary:longest_common_suffix(id([a])) end)]).

lists() ->
    B = <<"abcdefgh">>,
    io:format("~p~n", [binary:bin_to_list(B)]),
    io:format("~p~n", [binary:bin_to_list(B, {2, 3})]),
    io:format("~p~n", [binary:bin_to_list(B, {8, -3})]),
    io:format("~p~n", [binary:bin_to_list(B, 1, 4)]),
    io:format("~p~n", [catch_it(fun() -> binary:bin_to_list(B, {5, 4}) end)]),
    io:format("~p~n", [binary:list_to_bin([$a, [<<"bc">>, [$d]], <<>>])]),
    io:format("~p~n", [catch_it(fun() -> binary:list_to_bin(id([256])) end)]),
    io:format("~p~n", [binary_to_list(<<"abcdef">>, 2, 4)]),
    io:format("~p~n", [binary:referenced_byte_size(<<"abc">>) >= 3]).

hex() ->
    io:format("~p~n", [binary:encode_hex(<<0, 1, 127, 128, 255, "az">>)]),
    io:format("~p~n", [binary:decode_hex(<<"00017f80ffAbCd">>)]),
    io:format("~p~n", [binary:encode_hex(<<>>)]),
    io:format("~p~n", [catch_it(fun() -> binary:decode_hex(id(<<"abc">>)) end)]),
    io:format("~p~n", [catch_it(fun() -> binary:decode_hex(id(<<"zz">>)) end)]).

errors() ->
    F = fun(Fun) -> catch_it(Fun) end,
    io:format("~p~n", [F(fun() -> binary:split(id(<<"a">>), id(<<>>)) end)]),
    io:format("~p~n", [F(fun() -> binary:split(id(<<"a">>), id([])) end)]),
    io:format("~p~n", [F(fun() -> binary:split(id(<<"abc">>), <<"b">>, [{scope, {2, 5}}]) end)]),
    io:format("~p~n", [F(fun() -> binary:split(id(<<"abc">>), <<"b">>, [bogus]) end)]),
    io:format("~p~n", [F(fun() -> binary:match(id(abc), <<"b">>) end)]),
    io:format("~p~n", [F(fun() -> binary:matches(id(<<1:3>>), <<"b">>) end)]),
    io:format("~p~n", [F(fun() -> binary:replace(id(<<"abc">>), <<"b">>, id(x)) end)]),
    io:format("~p~n", [F(fun() -> binary:replace(id(<<"abc">>), <<"b">>, <<"x">>, [{insert_replaced, 5}]) end)]),
    io:format("~p~n", [F(fun() -> binary:at(id(<<"abc">>), -1) end)]),
    io:format("~p~n", [F(fun() -> binary:part(id(<<"abc">>), 1, 5) end)]).
