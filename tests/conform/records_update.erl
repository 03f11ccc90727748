%% Record updates the compiler cannot see through (the records arrive
%% through exported calls), so OTP 25 emits setelement/set_tuple_element
%% and OTP 26 update_record (tests/otp26 rewrites them into it).
-module(records_update).
-export([main/0, new/1, set_b/2, set_ca/3, set_all/5, bump/1, rename/2]).

-record(r, {a, b = 2, c = [], d, e = <<"e">>, f, g}).
-record(acct, {name, balance = 0, history = []}).

new(A) -> #r{a = A}.
set_b(R, V) -> R#r{b = V}.
set_ca(R, C, A) -> R#r{c = C, a = A}.
set_all(R, A, B, C, D) -> R#r{a = A, b = B, c = C, d = D}.
bump(#acct{balance = B, history = H} = Acc) ->
    Acc#acct{balance = B + 1, history = [B | H]}.
rename(Acc, N) -> Acc#acct{name = N}.

main() ->
    R0 = ?MODULE:new(x),
    R1 = ?MODULE:set_b(R0, 7),
    R2 = ?MODULE:set_ca(R1, [1, 2], {t}),
    R3 = ?MODULE:set_all(R2, 1, 2.5, "c", d),
    io:format("~p~n~p~n~p~n~p~n", [R0, R1, R2, R3]),
    %% the original is untouched
    io:format("~p~n", [R0 =:= ?MODULE:new(x)]),
    A = lists:foldl(fun(_, Acc) -> ?MODULE:bump(Acc) end, #acct{name = n}, lists:seq(1, 5)),
    io:format("~p~n~p~n", [A, ?MODULE:rename(A, <<"renamed">>)]),
    %% many updates: the copies stay independent
    Rs = [?MODULE:set_b(R0, I) || I <- lists:seq(1, 2000)],
    io:format("~p ~p~n", [length(Rs), lists:sum([B || #r{b = B} <- Rs])]),
    %% a non-record raises badrecord
    io:format("~p~n", [catch_reason(fun() -> ?MODULE:set_b({q, 1, 2, 3, 4, 5, 6, 7}, 1) end)]),
    io:format("~p~n", [catch_reason(fun() -> ?MODULE:set_b(not_a_record, 1) end)]),
    io:format("~p~n", [catch_reason(fun() -> ?MODULE:rename({acct, 1}, 2) end)]).

catch_reason(F) ->
    try F() of
        V -> {value, V}
    catch
        C:E -> {C, E}
    end.
