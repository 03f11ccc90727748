%% Binary and list comprehensions over binaries: nested generators, filters,
%% mixed list/binary generators, non-matching elements being skipped; large
%% binaries built in loops by appending (<<Acc/binary, X>>, 100k iterations,
%% also from several live accumulators and with bitstring appends) and
%% iolists.
-module(bin_comprehension).
-export([main/0]).

main() ->
    section(basic, fun basic/0),
    section(filters, fun filters/0),
    section(nested, fun nested/0),
    section(skipping, fun skipping/0),
    section(append_loop, fun append_loop/0),
    section(append_shared, fun append_shared/0),
    section(append_bits, fun append_bits/0),
    section(iolists, fun iolists/0),
    section(big_comprehension, fun big_comprehension/0),
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

basic() ->
    B = <<"Hello, World">>,
    io:format("~p~n", [<< <<(C + 1)>> || <<C>> <= B >>]),
    io:format("~p~n", [[C || <<C>> <= B]]),
    io:format("~p~n", [<< <<C>> || C <- "from a list" >>]),
    io:format("~w~n", [<< <<X:16>> || <<X:8>> <= <<1, 2, 3>> >>]),
    io:format("~w~n", [<< <<X:16/little>> || <<X:16>> <= <<1, 2, 3, 4>> >>]),
    io:format("~p~n", [<< <<C, C>> || <<C>> <= <<"abc">> >>]),
    io:format("~p~n", [<< <<W/binary, " ">> || W <- [<<"a">>, <<"bc">>, <<"def">>] >>]),
    io:format("~p~n", [[{K, V} || <<K, V>> <= <<"a1b2c3">>]]),
    io:format("~p~n", [<< <<>> || _ <- [1, 2, 3] >>]),
    io:format("~p~n", [<< <<X>> || <<X>> <= <<>> >>]),
    %% upper-casing with a guard-like filter in the expression
    io:format("~p~n", [<< <<(upper(C))>> || <<C>> <= <<"mixed Case 123">> >>]),
    %% binary generator with a binary pattern of a size from an outer var
    N = id(3),
    io:format("~p~n", [[X || <<X:N/binary>> <= <<"abcdefgh">>]]).

upper(C) when C >= $a, C =< $z -> C - 32;
upper(C) -> C.

filters() ->
    B = list_to_binary(lists:seq(0, 63)),
    io:format("~w~n", [<< <<X>> || <<X>> <= B, X rem 3 =:= 0 >>]),
    io:format("~w~n", [[X || <<X>> <= B, X > 10, X < 20, X rem 2 =:= 1]]),
    io:format("~w~n", [<< <<X>> || <<X>> <= B, is_even(X), X > 40 >>]),
    %% a filter that is a non-boolean value is an error... inside a try
    io:format("~p~n", [catch_it(fun() -> [X || X <- [1, 2], id(X)] end)]),
    %% a guard-only filter (no exception, just false)
    io:format("~p~n", [[X || X <- [1, a, 2.0, "s"], is_number(X)]]).

is_even(X) -> X band 1 =:= 0.

nested() ->
    io:format("~p~n", [[{X, Y} || <<X>> <= <<1, 2, 3>>, <<Y>> <= <<"ab">>]]),
    io:format("~w~n", [<< <<X, Y>> || <<X>> <= <<1, 2>>, Y <- [10, 20, 30] >>]),
    io:format("~w~n", [<< <<X:4, Y:4>> || X <- [1, 2, 3], <<Y:4>> <= <<16#ABC:12>>, X =/= Y >>]),
    %% a generator that depends on the previous one
    io:format("~p~n", [[{L, C} || L <- [<<"ab">>, <<"xyz">>], <<C>> <= L]]),
    io:format("~p~n", [<< <<(byte_size(S))>> || S <- [<<"a">>, <<"bb">>], <<_>> <= S >>]),
    %% comprehension inside a comprehension
    io:format("~p~n", [[<< <<(C + I)>> || <<C>> <= <<"aaa">> >> || I <- [0, 1, 2]]]),
    %% three generators
    io:format("~w~n", [length([{A, B, C} || <<A>> <= <<1, 2, 3>>, <<B:4>> <= <<"ab">>,
                                          C <- lists:seq(1, 5)])]),
    %% Matrix transpose of rows stored as binaries
    Rows = [<<1, 2, 3>>, <<4, 5, 6>>],
    io:format("~w~n", [[<< <<(binary:at(R, I))>> || R <- Rows >> || I <- [0, 1, 2]]]).

skipping() ->
    %% Elements that do not match the generator pattern are skipped; the
    %% bits left over at the end are ignored.
    io:format("~w~n", [[X || <<1:1, X:7>> <= <<1, 200, 3, 255, 128>>]]),
    io:format("~w~n", [[X || <<X:3>> <= <<255, 1:2>>]]),
    io:format("~p~n", [[X || {ok, X} <- [{ok, 1}, error, {ok, 2}, {ok}, {ok, 3}]]]),
    io:format("~w~n", [[X || <<X:16>> <= <<1, 2, 3>>]]),
    io:format("~w~n", [<< <<X>> || <<X:8>> <= <<1, 2, 3:4>> >>]),
    io:format("~w~n", [[{T, L} || <<T, L, _:L/binary>> <= <<1, 2, "ab", 2, 0, 3, 1, "c">>]]).

%% 100k iterations of <<Acc/binary, X>>.
build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, <<Acc/binary, (N band 255)>>).

build_multi(0, Acc) -> Acc;
build_multi(N, Acc) -> build_multi(N - 1, <<Acc/binary, N:32, "|", (integer_to_binary(N))/binary>>).

append_loop() ->
    B = build(100000, <<>>),
    io:format("~p ~p ~w~n", [byte_size(B), erlang:crc32(B), binary:part(B, 0, 10)]),
    M = build_multi(20000, <<"start">>),
    io:format("~p ~p ~p~n", [byte_size(M), erlang:crc32(M), erlang:md5(M) =:= erlang:md5(M)]),
    %% appending to a binary that was matched as a sub-binary
    <<_:5/binary, Tail/binary>> = M,
    T2 = build(1000, Tail),
    io:format("~p ~p~n", [byte_size(T2), erlang:crc32(T2)]),
    %% appending in a comprehension-driven fold
    F = lists:foldl(fun(X, Acc) -> <<Acc/binary, X:16>> end, <<>>, lists:seq(1, 50000)),
    io:format("~p ~p~n", [byte_size(F), erlang:adler32(F)]),
    %% parsing it back
    io:format("~p~n", [lists:sum([X || <<X:16>> <= F])]).

%% Two accumulators that share a prefix: appending to one must not change
%% the other (the writable-binary optimisation must copy when needed).
append_shared() ->
    Base = build(1000, <<>>),
    A = <<Base/binary, "A">>,
    B = <<Base/binary, "B">>,
    A2 = <<A/binary, "more A">>,
    B2 = <<B/binary, "more B">>,
    A3 = <<A/binary, "other">>,
    io:format("~p ~p ~p~n", [binary:part(A2, 995, 12), binary:part(B2, 995, 12),
                             binary:part(A3, 995, 11)]),
    io:format("~p ~p ~p ~p~n", [byte_size(Base), byte_size(A2), byte_size(B2), byte_size(A3)]),
    %% many branches from the same base
    L = [<<Base/binary, I>> || I <- lists:seq(1, 10)],
    io:format("~w~n", [[binary:last(X) || X <- L]]),
    io:format("~p~n", [binary:part(Base, 990, 10)]),
    %% appending in a loop with a reference kept to every 1000th step
    {Final, Kept} = keep(20000, <<>>, []),
    io:format("~p ~w~n", [byte_size(Final), [{byte_size(K), binary:last(K)} || K <- Kept]]).

keep(0, Acc, Kept) -> {Acc, lists:reverse(Kept)};
keep(N, Acc, Kept) ->
    Acc2 = <<Acc/binary, (N rem 256)>>,
    Kept2 = case N rem 5000 of 0 -> [Acc2 | Kept]; _ -> Kept end,
    keep(N - 1, Acc2, Kept2).

append_bits() ->
    %% appending odd bit counts
    Bits = bits(30000, <<>>),
    io:format("~p ~p ~w~n", [bit_size(Bits), byte_size(Bits), binary:part(<<Bits/bits, 0:6>>, 0, 8)]),
    Pad = 8 - bit_size(Bits) rem 8,
    Full = <<Bits/bits, 0:Pad>>,
    io:format("~p~n", [erlang:crc32(Full)]),
    io:format("~p~n", [length([X || <<X:3>> <= Bits])]).

bits(0, Acc) -> Acc;
bits(N, Acc) -> bits(N - 1, <<Acc/bits, (N rem 8):3>>).

iolists() ->
    IO = [[integer_to_list(I), $,] || I <- lists:seq(1, 20000)],
    io:format("~p~n", [iolist_size(IO)]),
    B = iolist_to_binary(IO),
    io:format("~p ~p~n", [byte_size(B), erlang:crc32(B)]),
    io:format("~p~n", [erlang:crc32(IO) =:= erlang:crc32(B)]),
    Deep = lists:foldl(fun(I, Acc) -> [Acc, <<I:16>>] end, [], lists:seq(1, 20000)),
    io:format("~p ~p~n", [iolist_size(Deep), erlang:md5(Deep) =:= erlang:md5(iolist_to_binary(Deep))]),
    Right = lists:foldl(fun(I, Acc) -> [<<I>> | Acc] end, <<>>, lists:seq(1, 255)),
    io:format("~w~n", [binary:part(iolist_to_binary(Right), 249, 6)]),
    io:format("~p~n", [list_to_binary([[], <<>>, [[[]]], "a", [<<"b">> | <<"c">>]])]),
    io:format("~p~n", [iolist_to_binary(binary:split(<<"a,b,c">>, <<",">>, [global]))]),
    io:format("~p~n", [catch_it(fun() -> iolist_to_binary(id([a])) end)]),
    io:format("~p~n", [catch_it(fun() -> iolist_size(id([1 | 2])) end)]),
    io:format("~p~n", [catch_it(fun() -> iolist_to_binary(id([<<1:3>>])) end)]),
    io:format("~p~n", [list_to_bitstring([<<1:3>>, [<<2:5>>], 3])]),
    %% io_lib output is an iolist/chardata
    S = io_lib:format("~p-~s-~w", [<<"x">>, "y", z]),
    io:format("~p ~p~n", [iolist_to_binary(S), iolist_size(S)]).

big_comprehension() ->
    B = << <<(X band 255), (X bsr 8)>> || X <- lists:seq(1, 100000) >>,
    io:format("~p ~p~n", [byte_size(B), erlang:crc32(B)]),
    Sum = lists:sum([X || <<X:16/little>> <= B]),
    io:format("~p~n", [Sum]),
    Rev = << <<Y:16, X:16>> || <<X:16, Y:16>> <= B >>,
    io:format("~p ~p~n", [byte_size(Rev), erlang:crc32(Rev)]),
    Cnt = length([x || <<255>> <= B]),
    io:format("~p~n", [Cnt]).
