%% ETS failures carry OTP 25's extended error information: the failing
%% BIF's frame gets {error_info, #{cause => C, module => erl_stdlib_errors}}
%% for a table that does not exist (id), access rights (access), a missing
%% counter key (badkey), the wrong table type (table_type), the key
%% position (keypos), a position past the tuple (position) and a taken
%% table name (already_exists); other failures have no cause. Prints the
%% reason, the BIF and its error_info (never the table references).
-module(ets_errors).
-export([main/0]).

main() ->
    S = ets:new(s, [set]), B = ets:new(b, [bag]),
    ets:insert(S, {k, 1, a}), ets:insert(B, {k, 1}),
    D = ets:new(d, []), ets:delete(D),
    P = spawn(fun() -> receive _ -> ok end end),
    Prot = ets:new(prot, [protected]),
    Priv = ets:new(priv, [private]),
    Cases = [{deleted_lookup, fun() -> ets:lookup(D, 1) end},
             {deleted_insert, fun() -> ets:insert(D, {1}) end},
             {no_name, fun() -> ets:lookup(no_such_table, 1) end},
             {not_a_tid, fun() -> ets:insert("tab", {1}) end},
             {missing_key, fun() -> ets:update_counter(S, nokey, 1) end},
             {bag_counter, fun() -> ets:update_counter(B, k, 1) end},
             {counter_keypos, fun() -> ets:update_counter(S, k, {1, 1}) end},
             {counter_position, fun() -> ets:update_counter(S, k, {9, 1}) end},
             {counter_not_int, fun() -> ets:update_counter(S, k, {3, 1}) end},
             {element_keypos, fun() -> ets:update_element(S, k, {1, x}) end},
             {element_position, fun() -> ets:update_element(S, k, {9, x}) end},
             {element_bag, fun() -> ets:update_element(B, k, {2, x}) end},
             {empty_tuple, fun() -> ets:insert(S, {}) end},
             {bad_in_list, fun() -> ets:insert(S, [{a}, bad]) end},
             {name_taken, fun() -> ets:new(s2, [named_table]), ets:new(s2, [named_table]) end},
             {give_away_twice, fun() -> ets:give_away(S, P, x), ets:give_away(S, P, x) end},
             {bad_option, fun() -> ets:new(x, [no_such_option]) end}],
    [io:format("~p: ~p~n", [Name, run(F)]) || {Name, F} <- Cases],
    io:format("protected insert: ~p~n", [elsewhere(fun() -> ets:insert(Prot, {a}) end)]),
    io:format("protected lookup: ~p~n", [elsewhere(fun() -> ets:lookup(Prot, a) end)]),
    io:format("private lookup: ~p~n", [elsewhere(fun() -> ets:lookup(Priv, a) end)]).

run(F) ->
    try F() of
        _ -> no_error
    catch
        error:R:St ->
            [{M, Fn, Args, Loc} | _] = St,
            {R, M, Fn, length(Args), Loc}
    end.

elsewhere(F) ->
    Self = self(),
    spawn(fun() -> Self ! {r, run(F)} end),
    receive {r, X} -> X end.
