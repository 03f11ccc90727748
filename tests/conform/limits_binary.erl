%% Sizes too large to build: OTP raises system_limit (or badarg) instead of
%% allocating. (Sizes that fit the address space but not the machine make
%% erl abort with "binary_alloc: Cannot allocate"; beamz-jit raises
%% system_limit there: see docs/RELIABILITY.md. Not tested here.)
-module(limits_binary).
-export([main/0]).

main() ->
    Cases = [
        {bits_2_62, fun() -> X = id(1 bsl 62), <<0:X>> end},
        {bits_2_70, fun() -> X = id(1 bsl 70), <<0:X>> end},
        {bytes_2_59, fun() -> X = id(1 bsl 59), <<0:X/unit:8>> end},
        {bytes_2_61, fun() -> X = id(1 bsl 61), <<0:X/unit:8>> end},
        {negative, fun() -> X = id(-1), <<0:X>> end},
        {not_integer, fun() -> X = id(foo), <<0:X>> end},
        {make_tuple_2_40, fun() -> erlang:make_tuple(id(1 bsl 40), 0) end},
        {make_tuple_2_60, fun() -> erlang:make_tuple(id(1 bsl 60), 0) end},
        {make_tuple_2_24, fun() -> erlang:make_tuple(id(16777216), 0) end},
        {part_2_60, fun() -> binary:part(id(<<1, 2, 3>>), 0, 1 bsl 60) end},
        {copy_neg, fun() -> binary:copy(id(<<1>>), -1) end},
        {atom_256, fun() -> binary_to_atom(binary:copy(id(<<"a">>), 256)) end},
        {list_atom_256, fun() -> list_to_atom(lists:duplicate(id(256), $a)) end},
        {duplicate_neg, fun() -> lists:duplicate(id(-1), x) end},
        {bsl_huge, fun() -> id(1) bsl id(1 bsl 40) end}
    ],
    [io:format("~p: ~p~n", [Name, result(F)]) || {Name, F} <- Cases],
    ok.

result(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

id(X) -> X.
