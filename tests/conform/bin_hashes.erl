%% erlang:phash2/1,2 and phash/2 of terms of every type (small and big
%% integers, floats incl. -0.0, atoms incl. unicode ones, lists, improper
%% lists, tuples, maps of up to 32 keys, binaries and sub-binaries,
%% bitstrings, export funs); crc32/adler32 incl. the incremental and
%% combine forms; md5 and md5_init/update/final.
-module(bin_hashes).
-export([main/0]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

main() ->
    section(phash2_terms, fun phash2_terms/0),
    section(ranges, fun ranges/0),
    section(equal_terms, fun equal_terms/0),
    section(random_terms, fun random_terms/0),
    section(crc32, fun crc32/0),
    section(adler32, fun adler32/0),
    section(md5, fun md5/0),
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

terms() ->
    Ints = [0, 1, -1, 42, 255, 256, -256, 65535, 1 bsl 27, (1 bsl 27) - 1, -(1 bsl 27),
            (1 bsl 31) - 1, 1 bsl 31, -(1 bsl 31), 1 bsl 32, (1 bsl 59) - 1, 1 bsl 59,
            -(1 bsl 59), (1 bsl 63) - 1, 1 bsl 63, -(1 bsl 63), (1 bsl 64) - 1, 1 bsl 64,
            -(1 bsl 64), 1 bsl 100, -(1 bsl 100), 123456789012345678901234567890,
            -98765432109876543210987654321098765432109876543210],
    Floats = [0.0, -0.0, 1.0, -1.0, 0.5, 3.141592653589793, 1.0e100, -1.0e-100, 5.0e-324,
              2.2250738585072014e-308, 1.7976931348623157e308, 42.0, 1.0e15, 1.0e16],
    Atoms = [a, ok, error, true, false, undefined, '', 'hello world', 'Ünïcødé',
             'λ', '😀', 'an_atom_with_a_rather_long_name_for_hashing_purposes'],
    Lists = [[], [1], [1, 2, 3], "abc", "hello world", [a | b], [1 | 2], [[]], [[], []],
             [[1, 2], [3]], lists:seq(1, 100), [a, "b", <<"c">>, {d}], [1.0, 2.0],
             [-1, 256, 1 bsl 70], [$a | <<"b">>]],
    Tuples = [{}, {a}, {1, 2}, {a, b, c}, {{}, {{}}}, {1, {2, {3, {4}}}},
              list_to_tuple(lists:seq(1, 50)), {"s", <<"b">>, 1.5, -3}],
    Maps = [#{}, #{a => 1}, #{1 => a}, #{a => 1, b => 2}, #{b => 2, a => 1},
            #{1 => 1.0, 1.0 => 1}, #{[] => {}, {} => []},
            #{<<"k">> => #{nested => #{deep => [1, 2]}}},
            maps:from_list([{I, I * I} || I <- lists:seq(1, 32)]),
            maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 20)])],
    Bins = [<<>>, <<0>>, <<"a">>, <<"ab">>, <<"abc">>, <<"abcd">>, <<"abcde">>,
            <<"hello world">>, list_to_binary(lists:seq(0, 255)), binary:copy(<<"x">>, 1000),
            <<1:1>>, <<0:1>>, <<5:3>>, <<127:7>>, <<1:9>>, <<"abc", 3:2>>,
            <<"abcdefghijklmno", 1:1>>, sub(<<"0123456789">>, 3, 4), sub_bits()],
    Funs = [fun lists:map/2, fun erlang:phash2/1, fun ?MODULE:main/0],
    Ints ++ Floats ++ Atoms ++ Lists ++ Tuples ++ Maps ++ Bins ++ Funs.

sub(B, S, L) ->
    <<_:S/binary, X:L/binary, _/binary>> = B,
    X.

sub_bits() ->
    <<_:3, X:20/bits, _/bits>> = <<"abcdefgh">>,
    X.

phash2_terms() ->
    lists:foreach(
      fun(T) ->
              io:format("~w: ~p ~p ~p ~p~n",
                        [short(T), erlang:phash2(T), erlang:phash2(T, 1000),
                         erlang:phash(T, 1 bsl 32), erlang:phash(T, 65536)])
      end, terms()).

%% Keep the printed key short; print funs without their representation.
short(T) when is_function(T) -> {'fun', erlang:fun_info(T, module), erlang:fun_info(T, name),
                                 erlang:fun_info(T, arity)};
short(T) when is_list(T), length(T) > 10 -> {list, length(T)};
short(T) when is_binary(T), byte_size(T) > 16 -> {binary, byte_size(T)};
short(T) when is_tuple(T), tuple_size(T) > 10 -> {tuple, tuple_size(T)};
short(T) when is_map(T), map_size(T) > 5 -> {map, map_size(T)};
short(T) -> T.

ranges() ->
    T = {some, [term, <<"to">>], 1.5, #{h => 1}},
    Rs = [1, 2, 3, 7, 10, 100, 255, 256, 1000, 65536, 1 bsl 27, (1 bsl 31) - 1, 1 bsl 31,
          (1 bsl 32) - 1, 1 bsl 32],
    io:format("~w~n", [[erlang:phash2(T, R) || R <- Rs]]),
    io:format("~w~n", [[erlang:phash(T, R) || R <- Rs]]),
    io:format("~w~n", [[erlang:phash2(I, 7) || I <- lists:seq(1, 40)]]),
    Bad = [0, -1, (1 bsl 32) + 1, 1.0, a],
    io:format("~p~n", [[catch_it(fun() -> erlang:phash2(T, id(R)) end) || R <- Bad]]),
    io:format("~p~n", [[catch_it(fun() -> erlang:phash(T, id(R)) end) || R <- Bad]]).

equal_terms() ->
    %% Equal terms hash alike however they were built.
    A = <<"abcdef">>,
    <<_, Sub:4/binary, _>> = A,
    Built = <<(id(<<"bc">>))/binary, (id(<<"de">>))/binary>>,
    io:format("~p~n", [[erlang:phash2(X) || X <- [Sub, Built, <<"bcde">>, binary:copy(<<"bcde">>)]]]),
    M1 = maps:put(b, 2, #{a => 1}),
    M2 = maps:from_list([{b, 2}, {a, 1}]),
    io:format("~p ~p~n", [erlang:phash2(M1) =:= erlang:phash2(M2), erlang:phash(M1, 99) =:= erlang:phash(M2, 99)]),
    L1 = lists:seq(1, 5),
    L2 = [1, 2, 3, 4, 5],
    io:format("~p~n", [{erlang:phash2(L1), erlang:phash2(L2), erlang:phash2(list_to_tuple(L1))}]),
    %% 1 and 1.0 hash differently; 0.0 and -0.0 under phash2
    io:format("~p~n", [[erlang:phash2(X) || X <- [1, 1.0, 0.0, -0.0]]]),
    io:format("~p~n", [[erlang:phash(X, 1 bsl 32) || X <- [1, 1.0, 0.0, -0.0]]]),
    %% a big integer computed at run time vs. a literal
    io:format("~p~n", [erlang:phash2(id(1 bsl 40) * id(1 bsl 40)) =:= erlang:phash2(1 bsl 80)]).

%% A deterministic LCG-driven generator of nested terms.
random_terms() ->
    {Ts, _} = lists:mapfoldl(fun(_, S) -> gen(S, 3) end, 12345, lists:seq(1, 300)),
    H2 = [erlang:phash2(T) || T <- Ts],
    H1 = [erlang:phash(T, 1 bsl 32) || T <- Ts],
    io:format("~w~n", [H2]),
    io:format("~w~n", [H1]),
    io:format("~p ~p~n", [lists:sum(H2), lists:sum([erlang:phash2(T, 1000003) || T <- Ts])]).

next(S) -> (S * 1103515245 + 12345) band 16#7FFFFFFF.

gen(S0, Depth) ->
    S = next(S0),
    K = case Depth of 0 -> S rem 7; _ -> S rem 11 end,
    case K of
        0 -> {S rem 1000 - 500, S};
        1 -> {(S bsl 40) + S, S};
        2 -> {S / 7919, S};
        3 -> {list_to_atom("atom" ++ integer_to_list(S rem 50)), S};
        4 -> {<< <<(X band 255)>> || X <- lists:seq(S rem 13, S rem 13 + S rem 40) >>, S};
        5 -> {<<S:(S rem 29)>>, S};
        6 -> {integer_to_list(S rem 100000), S};
        7 -> gen_n(S, Depth, fun erlang:list_to_tuple/1);
        8 -> gen_n(S, Depth, fun(L) -> L end);
        9 -> gen_n(S, Depth, fun(L) -> maps:from_list([{K2, V} || {K2, V} <- pairs(L)]) end);
        10 -> {L, S2} = gen_n(S, Depth, fun(L) -> L end),
              {T, S3} = gen(S2, 0),
              {L ++ T, S3}
    end.

pairs([A, B | R]) -> [{A, B} | pairs(R)];
pairs(_) -> [].

gen_n(S, Depth, Wrap) ->
    N = S rem 6,
    {L, S2} = lists:mapfoldl(fun(_, Sx) -> gen(Sx, Depth - 1) end, S, lists:seq(1, N)),
    {Wrap(L), S2}.

crc32() ->
    Data = [<<>>, <<"a">>, <<"123456789">>, list_to_binary(lists:seq(0, 255)),
            binary:copy(<<"crc">>, 10000)],
    io:format("~w~n", [[erlang:crc32(D) || D <- Data]]),
    io:format("~w~n", [[erlang:crc32(16#12345678, D) || D <- Data]]),
    %% iodata
    io:format("~p~n", [erlang:crc32(["12", [$3, <<"456">>], <<"789">>])]),
    %% combine: crc(A ++ B) from crc(A), crc(B), size(B)
    Pairs = [{<<"hello ">>, <<"world">>}, {<<>>, <<"x">>}, {<<"x">>, <<>>},
             {binary:copy(<<"ab">>, 1000), binary:copy(<<"cd">>, 3000)}],
    io:format("~p~n", [[{erlang:crc32_combine(erlang:crc32(A), erlang:crc32(B), byte_size(B)),
                         erlang:crc32(<<A/binary, B/binary>>)} || {A, B} <- Pairs]]),
    io:format("~p~n", [erlang:crc32_combine(16#DEADBEEF, 16#CAFEBABE, 123456789)]),
    io:format("~p~n", [catch_it(fun() -> erlang:crc32(id(<<1:3>>)) end)]),
    io:format("~p~n", [catch_it(fun() -> erlang:crc32(id(-1), <<"a">>) end)]),
    io:format("~p~n", [catch_it(fun() -> erlang:crc32(id([256])) end)]).

adler32() ->
    Data = [<<>>, <<"a">>, <<"Wikipedia">>, list_to_binary(lists:seq(0, 255)),
            binary:copy(<<255>>, 20000)],
    io:format("~w~n", [[erlang:adler32(D) || D <- Data]]),
    io:format("~w~n", [[erlang:adler32(16#12345678, D) || D <- Data]]),
    io:format("~p~n", [erlang:adler32([<<"Wiki">>, "pedia"])]),
    Pairs = [{<<"hello ">>, <<"world">>}, {<<>>, <<"x">>}, {<<"x">>, <<>>},
             {binary:copy(<<255>>, 6000), binary:copy(<<254>>, 7000)}],
    io:format("~p~n", [[{erlang:adler32_combine(erlang:adler32(A), erlang:adler32(B), byte_size(B)),
                         erlang:adler32(<<A/binary, B/binary>>)} || {A, B} <- Pairs]]),
    io:format("~p~n", [erlang:adler32_combine(16#DEADBEEF, 16#CAFEBABE, 123456789)]),
    io:format("~p~n", [catch_it(fun() -> erlang:adler32(id(a)) end)]).

hex(B) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= B].

md5() ->
    Data = [<<>>, <<"a">>, <<"abc">>, <<"message digest">>,
            <<"abcdefghijklmnopqrstuvwxyz">>,
            <<"12345678901234567890123456789012345678901234567890123456789012345678901234567890">>,
            binary:copy(<<"a">>, 55), binary:copy(<<"a">>, 56), binary:copy(<<"a">>, 63),
            binary:copy(<<"a">>, 64), binary:copy(<<"a">>, 65), binary:copy(<<"md5">>, 100000)],
    [io:format("~p ~s~n", [byte_size(D), hex(erlang:md5(D))]) || D <- Data],
    io:format("~s~n", [hex(erlang:md5(["ab", [$c], <<"def">>]))]),
    %% contexts: split the input at every position up to 130
    Msg = list_to_binary([X rem 256 || X <- lists:seq(1, 130)]),
    Want = erlang:md5(Msg),
    Ok = lists:all(fun(N) ->
                           <<A:N/binary, B/binary>> = Msg,
                           C1 = erlang:md5_update(erlang:md5_init(), A),
                           erlang:md5_final(erlang:md5_update(C1, B)) =:= Want
                   end, lists:seq(0, 130)),
    io:format("split ok ~p~n", [Ok]),
    %% a context is a value: updating it twice from the same point
    C0 = erlang:md5_update(erlang:md5_init(), <<"common ">>),
    io:format("~s ~s~n", [hex(erlang:md5_final(erlang:md5_update(C0, <<"one">>))),
                          hex(erlang:md5_final(erlang:md5_update(C0, <<"two">>)))]),
    io:format("~p~n", [erlang:md5_final(erlang:md5_init()) =:= erlang:md5(<<>>)]),
    io:format("~p~n", [is_binary(erlang:md5_init())]),
    io:format("~p~n", [catch_it(fun() -> erlang:md5_update(id(<<"short">>), <<"x">>) end)]),
    io:format("~p~n", [catch_it(fun() -> erlang:md5(id(a)) end)]).
