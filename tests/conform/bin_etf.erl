%% The external term format: term_to_binary bytes (printed with ~w) of terms
%% of every kind, with [compressed], {compressed, N}, {minor_version, 0|2}
%% and [deterministic]; term_to_iovec; binary_to_term round trips,
%% [used], [safe] on a never-seen atom (badarg), hostile bytes (badarg,
%% caught), and external_size.
-module(bin_etf).
-export([main/0]).

main() ->
    section(integers, fun integers/0),
    section(floats, fun floats/0),
    section(atoms, fun atoms/0),
    section(lists, fun lists/0),
    section(tuples, fun tuples/0),
    section(maps, fun maps/0),
    section(binaries, fun binaries/0),
    section(funs, fun funs/0),
    section(compressed, fun compressed/0),
    section(minor_version, fun minor_version/0),
    section(roundtrip, fun roundtrip/0),
    section(decode_forms, fun decode_forms/0),
    section(used, fun used/0),
    section(safe, fun safe/0),
    section(hostile, fun hostile/0),
    section(external_size, fun external_size/0),
    section(local_types, fun local_types/0),
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

show(Ts) ->
    [io:format("~w~n", [term_to_binary(T)]) || T <- Ts],
    ok.

integers() ->
    show([0, 1, 255, 256, -1, -255, 65535, (1 bsl 27) - 1, 1 bsl 27, (1 bsl 31) - 1,
          1 bsl 31, -(1 bsl 31), -(1 bsl 31) - 1, 1 bsl 32, (1 bsl 59) - 1, 1 bsl 59,
          (1 bsl 63) - 1, 1 bsl 63, -(1 bsl 63), (1 bsl 64) - 1, 1 bsl 64, -(1 bsl 64),
          1 bsl 100, -(1 bsl 100), 123456789012345678901234567890]),
    %% SMALL_BIG_EXT up to 255 digit bytes, LARGE_BIG_EXT beyond
    [io:format("~p ~p~n", [N, binary:part(term_to_binary(X), 0, 7)])
     || N <- [2039, 2040, 2041, 4000], X <- [1 bsl N, -(1 bsl N)]],
    io:format("~p~n", [byte_size(term_to_binary(1 bsl 100000))]).

floats() ->
    show([0.0, -0.0, 1.0, -1.5, 0.1, 3.141592653589793, 1.0e300, -1.0e-300, 5.0e-324,
          2.2250738585072014e-308, 1.7976931348623157e308, 123456789.0, 1.0e15]).

atoms() ->
    show([a, '', ok, 'hello world', 'with\'quote', 'é', 'ÿ', 'λ', '😀', 'mixé_λ',
          list_to_atom(lists:duplicate(255, $a)), list_to_atom(lists:duplicate(255, 233)),
          true, false, nil, undefined]),
    Long = list_to_atom(lists:duplicate(255, 955)),
    B = term_to_binary(Long),
    io:format("~p ~w~n", [byte_size(B), binary:part(B, 0, 6)]),
    B2 = term_to_binary(list_to_atom(lists:duplicate(100, 955))),
    io:format("~p ~w~n", [byte_size(B2), binary:part(B2, 0, 6)]).

lists() ->
    show([[], [1], [1, 2, 3], "abc", [0, 255], [256], [-1], [1.0], [a, b], [a | b],
          [1 | 2], [[]], [[], []], ["ab", "cd"], [1, [2, [3, [4]]]], [$a | <<"b">>],
          [a, "b", <<"c">>, {d, [e]}], lists:seq(1, 20)]),
    %% STRING_EXT up to 65535 elements
    [begin
         B = term_to_binary(lists:duplicate(N, $x)),
         io:format("~p ~p ~w~n", [N, byte_size(B), binary:part(B, 0, 6)])
     end || N <- [65534, 65535, 65536]],
    B3 = term_to_binary(lists:seq(1, 300)),
    io:format("~p ~w ~p~n", [byte_size(B3), binary:part(B3, 0, 8), erlang:crc32(B3)]).

tuples() ->
    show([{}, {a}, {1, 2}, {{}}, {a, {b, {c, {}}}}, {"s", <<"b">>, 1.5, -3, [x]},
          list_to_tuple(lists:seq(1, 20))]),
    T255 = list_to_tuple(lists:seq(1, 255)),
    T256 = list_to_tuple(lists:seq(1, 256)),
    [io:format("~p ~w~n", [byte_size(term_to_binary(T)), binary:part(term_to_binary(T), 0, 6)])
     || T <- [T255, T256]].

maps() ->
    show([#{}, #{a => 1}, #{a => 1, b => 2}, #{b => 2, a => 1}, #{1 => a, 1.0 => b},
          #{[] => {}, {} => [], <<>> => ""}, #{k => #{nested => #{}}},
          #{-1 => x, 1 bsl 70 => y, 0.5 => z, "s" => w, a => v},
          maps:from_list([{I, I} || I <- lists:seq(1, 32)])]),
    %% above 32 keys: only the deterministic encoding is defined
    M40 = maps:from_list([{I, I * 2} || I <- lists:seq(1, 40)]),
    D = term_to_binary(M40, [deterministic]),
    io:format("~w~n", [D]),
    io:format("~p ~p~n", [byte_size(term_to_binary(M40)), binary_to_term(term_to_binary(M40)) =:= M40]),
    M100 = maps:from_list([{integer_to_list(I), {I}} || I <- lists:seq(1, 100)]),
    D100 = term_to_binary(M100, [deterministic]),
    io:format("~p ~p~n", [byte_size(D100), erlang:crc32(D100)]),
    io:format("~p~n", [term_to_binary(maps:from_list(maps:to_list(M100)), [deterministic]) =:= D100]).

binaries() ->
    show([<<>>, <<0>>, <<"abc">>, <<1:1>>, <<5:3>>, <<127:7>>, <<"ab", 3:2>>,
          <<255, 255, 1:1>>, [<<"in">>, <<"list">>], {<<1:4>>}]),
    <<_:3, Sub:13/bits, _/bits>> = <<"abcdef">>,
    <<_, Sub2:3/binary, _/binary>> = <<"abcdef">>,
    show([Sub, Sub2]),
    Big = binary:copy(<<"0123456789">>, 100),
    B = term_to_binary(Big),
    io:format("~p ~w~n", [byte_size(B), binary:part(B, 0, 8)]).

funs() ->
    show([fun lists:map/2, fun erlang:phash2/1, fun ?MODULE:main/0, [fun lists:sort/1]]),
    F = binary_to_term(term_to_binary(fun lists:reverse/1)),
    io:format("~p~n", [F([1, 2, 3])]).

compressed() ->
    Ts = [a, "short", lists:duplicate(100, a), lists:duplicate(200, $x),
          lists:seq(1, 100), {lists:duplicate(50, <<"abc">>), lists:duplicate(50, 1.0)},
          binary:copy(<<"ab">>, 100)],
    [io:format("~w~n", [term_to_binary(T, [compressed])]) || T <- Ts],
    Big = [{I, integer_to_list(I), <<I:32>>} || I <- lists:seq(1, 2000)],
    lists:foreach(
      fun(Opt) ->
              B = term_to_binary(Big, Opt),
              io:format("~p ~p ~p ~w~n", [Opt, byte_size(B), erlang:crc32(B), binary:part(B, 0, 8)])
      end, [[], [compressed]] ++ [[{compressed, N}] || N <- lists:seq(0, 9)]),
    io:format("~w~n", [term_to_binary(lists:duplicate(30, a), [{compressed, 1}])]),
    io:format("~w~n", [term_to_binary(lists:duplicate(30, a), [{compressed, 9}])]),
    %% compression combined with minor_version
    io:format("~w~n", [term_to_binary([1.5, 'λ', lists:duplicate(40, b)],
                                      [compressed, {minor_version, 0}])]),
    %% decoding compressed terms
    io:format("~p~n", [binary_to_term(term_to_binary(Big, [compressed])) =:= Big]),
    io:format("~p~n", [[catch_it(fun() -> term_to_binary(a, [{compressed, N}]) end) || N <- [10, -1]]]).

minor_version() ->
    Ts = [1.0, -0.0, 0.1, 1.0e300, 5.0e-324, 123456.789, 1.0e-10, 1.7976931348623157e308,
          a, 'é', 'λ', [a, 'ÿ', 1.5]],
    [io:format("~p~n ~w~n ~w~n ~w~n", [T, term_to_binary(T, [{minor_version, 0}]),
                                      term_to_binary(T, [{minor_version, 1}]),
                                      term_to_binary(T, [{minor_version, 2}])]) || T <- Ts],
    io:format("~p~n", [[binary_to_term(term_to_binary(F, [{minor_version, 0}])) =:= F
                        || F <- [0.1, 1/3, 1.0e300, 5.0e-324, 2.5e-308, -123.456]]]),
    io:format("~p~n", [catch_it(fun() -> term_to_binary(a, [{minor_version, 3}]) end)]),
    io:format("~p~n", [catch_it(fun() -> term_to_binary(a, [bogus]) end)]).

roundtrip() ->
    Ts = [0, -1, 1 bsl 200, -(1 bsl 200), 1.5, -0.0, a, 'λ', "", "abc", [1 | 2],
          {a, [b, {c, #{d => <<"e">>}}]}, <<1:1>>, <<"x", 3:2>>, #{1 => 2, 3 => [4]},
          lists:seq(1, 1000), list_to_tuple(lists:seq(1, 300)), fun lists:map/2,
          binary:copy(<<"y">>, 500), [<<>>, [], {}, #{}]],
    Res = [begin
               B0 = term_to_binary(T),
               B1 = term_to_binary(T, [compressed]),
               B2 = term_to_binary(T, [{minor_version, 2}]),
               B3 = iolist_to_binary(term_to_iovec(T)),
               {binary_to_term(B0) =:= T, binary_to_term(B1) =:= T, binary_to_term(B2) =:= T,
                B3 =:= B0}
           end || T <- Ts],
    io:format("~p~n", [Res]),
    %% -0.0 keeps its sign through the NEW_FLOAT_EXT bytes
    <<_, _, F:64/float>> = term_to_binary(binary_to_term(term_to_binary(-0.0))),
    io:format("~p~n", [F]).

decode_forms() ->
    %% Encodings OTP never writes but must read.
    Bs = [<<131, 115, 3, "abc">>,                       % SMALL_ATOM_EXT
          <<131, 118, 0, 2, 206, 187>>,                  % ATOM_UTF8_EXT
          <<131, 100, 0, 1, 255>>,                       % latin-1 ATOM_EXT
          <<131, 110, 2, 0, 1, 0>>,                      % big with a leading zero digit
          <<131, 110, 1, 1, 0>>,                         % negative zero big
          <<131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 127>>,
          <<131, 111, 0, 0, 0, 1, 1, 5>>,                % LARGE_BIG_EXT, small value
          <<131, 98, 0, 0, 0, 5>>,                       % INTEGER_EXT for a small int
          <<131, 98, 255, 255, 255, 255>>,
          <<131, 105, 0, 0, 0, 2, 97, 1, 97, 2>>,        % LARGE_TUPLE_EXT, 2 elements
          <<131, 108, 0, 0, 0, 0, 106>>,                 % empty LIST_EXT
          <<131, 108, 0, 0, 0, 1, 97, 1, 97, 2>>,        % improper [1|2]
          <<131, 107, 0, 0>>,                            % empty STRING_EXT
          <<131, 77, 0, 0, 0, 0, 0>>,                    % empty BIT_BINARY_EXT
          <<131, 77, 0, 0, 0, 1, 3, 255>>,               % unused bits are ignored
          <<131, 77, 0, 0, 0, 1, 8, 7>>,                 % 8 bits: a binary
          <<131, 99, "1.5", 0:(28 * 8)>>,                % FLOAT_EXT
          <<131, 99, "-2.5e+10", 0:(23 * 8)>>,
          <<131, 116, 0, 0, 0, 2, 100, 0, 1, $b, 97, 2, 100, 0, 1, $a, 97, 1>>, % unsorted map
          <<131, 113, 100, 0, 5, "lists", 100, 0, 3, "map", 97, 2>>],          % EXPORT_EXT
    [io:format("~w -> ~p~n", [B, catch_it(fun() -> binary_to_term(B) end)]) || B <- Bs],
    ok.

used() ->
    B = <<(term_to_binary({a, 1}))/binary, "trailing">>,
    io:format("~p~n", [binary_to_term(B, [used])]),
    io:format("~p~n", [catch_it(fun() -> binary_to_term(B) end)]),
    C = <<(term_to_binary(lists:duplicate(100, x), [compressed]))/binary, 1, 2, 3>>,
    io:format("~p~n", [binary_to_term(C, [used])]).

safe() ->
    Name = lists:reverse("dejdaeh_reven_kcehc_fte_zmaeb"),
    Bin = <<131, 119, (length(Name)), (list_to_binary(Name))/binary>>,
    io:format("~p~n", [catch_it(fun() -> binary_to_term(Bin, [safe]) end)]),
    Bin2 = <<131, 104, 2, 100, 0, 2, "ok", 100, 0, (length(Name)), (list_to_binary(Name))/binary>>,
    io:format("~p~n", [catch_it(fun() -> binary_to_term(Bin2, [safe]) end)]),
    %% existing atoms are fine in safe mode
    io:format("~p~n", [binary_to_term(term_to_binary({ok, [error, <<"x">>]}), [safe])]),
    %% without safe the atom is created
    {ok, A} = catch_it(fun() -> binary_to_term(Bin) end),
    io:format("~p ~p~n", [is_atom(A), atom_to_list(A) =:= Name]),
    io:format("~p~n", [binary_to_term(Bin, [safe]) =:= A]),
    io:format("~p~n", [catch_it(fun() -> binary_to_term(Bin, [bogus]) end)]),
    io:format("~p~n", [catch_it(fun() -> binary_to_term(Bin, id(notalist)) end)]).

hostile() ->
    Bad = [<<>>, <<131>>, <<130, 97, 1>>, <<131, 200>>, <<131, 0>>, <<131, 98, 0, 0>>,
           <<131, 97>>, <<131, 97, 1, 0>>,
           <<131, 108, 255, 255, 255, 255, 106>>,                % huge list count
           <<131, 105, 255, 255, 255, 255>>,                     % huge tuple arity
           <<131, 104, 3, 97, 1>>,                               % short tuple
           <<131, 109, 255, 255, 255, 255, 1, 2>>,               % huge binary
           <<131, 107, 255, 255, 1>>,                            % huge string
           <<131, 111, 255, 255, 255, 255, 0, 1>>,               % huge bignum
           <<131, 110, 5, 0, 1, 2>>,                             % short bignum
           <<131, 110, 1, 2, 1>>,                                % bad sign byte
           <<131, 116, 255, 255, 255, 255>>,                     % huge map
           <<131, 116, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2>>, % duplicate keys
           <<131, 116, 0, 0, 0, 1, 97, 1>>,                      % map missing value
           <<131, 119, 2, 16#C0, 16#80>>,                        % overlong utf8 atom
           <<131, 119, 1, 16#FF>>,
           <<131, 118, 1, 44, (binary:copy(<<"a">>, 300))/binary>>, % atom > 255 chars
           <<131, 100, 1, 0, (binary:copy(<<"b">>, 256))/binary>>,
           <<131, 70, 127, 248, 0, 0, 0, 0, 0, 0>>,              % NaN
           <<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>,              % infinity
           <<131, 70, 0, 0, 0>>,                                 % short float
           <<131, 99, "not a float", 0:(20 * 8)>>,
           <<131, 99, "1.0e999", 0:(24 * 8)>>,
           <<131, 77, 0, 0, 0, 1, 0, 5>>,                        % bit count 0
           <<131, 77, 0, 0, 0, 1, 9, 5>>,                        % bit count 9
           <<131, 77, 0, 0, 0, 0, 3>>,                           % bits without bytes
           <<131, 80, 0, 0, 0, 10, 1, 2, 3>>,                    % corrupt zlib
           <<131, 80, 255, 255, 255, 255, 120, 156, 203, 0, 0>>, % huge declared size
           <<131, 80, 0, 0, 0, 0>>,
           wrong_size(), wrong_size2(),
           <<131, 80, 0, 0, 0, 2, 120, 156, 75, 4, 0, 0, 98, 0, 98>>,
           <<131, 113, 97, 1, 100, 0, 1, $f, 97, 1>>,           % bad EXPORT_EXT
           <<131, 113, 100, 0, 1, $m, 100, 0, 1, $f, 100, 0, 1, $x>>,
           <<131, 131, 97, 1>>,
           <<131, 104, 1, 131, 97, 1>>,
           <<131, 108, 0, 0, 0, 2, 97, 1, 97, 2>>],              % list missing tail
    [io:format("~w -> ~p~n", [clip(B), catch_it(fun() -> binary_to_term(B) end)]) || B <- Bad],
    io:format("~p~n", [[catch_it(fun() -> binary_to_term(X) end) || X <- [a, "list", <<1:3>>, 1]]]),
    %% Truncating a valid encoding anywhere is badarg
    Good = term_to_binary({a, [1, 2.5, "str", <<"bin">>, 1 bsl 80], #{k => v}, 'λ'}),
    Results = [element(1, catch_it(fun() -> binary_to_term(binary:part(Good, 0, N)) end))
               || N <- lists:seq(0, byte_size(Good) - 1)],
    io:format("~p ~p~n", [byte_size(Good), lists:usort(Results)]),
    GoodZ = term_to_binary(lists:duplicate(100, {a, b}), [compressed]),
    ResultsZ = [element(1, catch_it(fun() -> binary_to_term(binary:part(GoodZ, 0, N)) end))
                || N <- lists:seq(0, byte_size(GoodZ) - 1)],
    io:format("~p ~p~n", [byte_size(GoodZ), lists:usort(ResultsZ)]),
    %% Flipping each bit of a valid encoding never crashes the decoder
    Flips = [catch_it(fun() -> binary_to_term(flip(Good, I)) end)
             || I <- lists:seq(0, bit_size(Good) - 1)],
    io:format("~p~n", [length([ok || {ok, _} <- Flips])]),
    %% Deep nesting decodes
    Deep = <<131, (binary:copy(<<104, 1>>, 50000))/binary, 106>>,
    io:format("~p~n", [depth(binary_to_term(Deep), 0)]),
    DeepL = <<131, (binary:copy(<<108, 0, 0, 0, 1>>, 50000))/binary, 106,
              (binary:copy(<<106>>, 50000))/binary>>,
    io:format("~p~n", [ldepth(binary_to_term(DeepL), 0)]).

flip(B, I) ->
    <<Pre:I/bits, X:1, Post/bits>> = B,
    <<Pre/bits, (1 - X):1, Post/bits>>.

depth({X}, N) -> depth(X, N + 1);
depth(_, N) -> N.

ldepth([X], N) -> ldepth(X, N + 1);
ldepth(_, N) -> N.

clip(B) when byte_size(B) > 24 -> {binary:part(B, 0, 12), byte_size(B)};
clip(B) -> B.

%% A compressed term whose declared size is bigger than the real one.
wrong_size() ->
    <<131, 80, _:32, Z/binary>> = term_to_binary(lists:duplicate(100, a), [compressed]),
    <<131, 80, 0, 0, 0, 250, Z/binary>>.

%% ... and smaller.
wrong_size2() ->
    <<131, 80, _:32, Z/binary>> = term_to_binary(lists:duplicate(100, a), [compressed]),
    <<131, 80, 0, 0, 0, 50, Z/binary>>.

external_size() ->
    Ts = [0, 1000, 1 bsl 100, 1.5, a, 'λ', "abc", [1, 2 | 3], {a, b}, #{a => 1}, <<"abc">>,
          <<1:3>>, fun lists:map/2, lists:seq(1, 100), list_to_atom(lists:duplicate(200, 955))],
    io:format("~p~n", [[{erlang:external_size(T), byte_size(term_to_binary(T))} || T <- Ts]]),
    io:format("~w~n", [[erlang:external_size(T, [{minor_version, 0}]) || T <- [1.5, [1.5, 2.5]]]]),
    io:format("~w~n", [[erlang:external_size(T, [{minor_version, 1}]) || T <- [1.5, 'é']]]),
    %% OTP 25 accepts only {minor_version, 0 | 1} here
    io:format("~p~n", [[catch_it(fun() -> erlang:external_size(a, id(O)) end)
                        || O <- [[{minor_version, 2}], [compressed], [deterministic], [bogus], x]]]).

%% Pids, references and closures: only their round trips are printed.
local_types() ->
    Self = self(),
    Ref = make_ref(),
    X = id(41),
    Fun = fun(Y) -> X + Y end,
    io:format("~p~n", [[binary_to_term(term_to_binary(T)) =:= T || T <- [Self, Ref, {Self, Ref}]]]),
    io:format("~p~n", [is_pid(binary_to_term(term_to_binary(Self)))]),
    io:format("~p~n", [byte_size(term_to_binary(Self))]),
    F2 = binary_to_term(term_to_binary(Fun)),
    io:format("~p ~p~n", [F2(1), F2 =:= Fun]).
