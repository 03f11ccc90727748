%% ETS basics: table types and options, insert/lookup/delete families,
%% update_counter and update_element in all their forms, ordered_set
%% traversal, named tables, info, access rights between processes,
%% give_away, and badarg errors. Only deterministic output: ordered_set
%% contents, sorted lists, counts and lookups (never tids or the
%% iteration order of hash tables).
-module(ets_basic).
-export([main/0]).

err(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R -> {error, R}
    end.

sorted(T) -> lists:sort(ets:tab2list(T)).

main() ->
    types(),
    counters(),
    elements(),
    ordered(),
    named(),
    info(),
    access(),
    errors(),
    ok.

types() ->
    [begin
         T = ets:new(t, [Type]),
         true = ets:insert(T, [{a, 1}, {b, 2}, {a, 3}, {c, 4}]),
         true = ets:insert(T, {a, 1}),
         true = ets:insert(T, {d, 5, extra}),
         io:format("~p: ~p~n", [Type, sorted(T)]),
         io:format("  lookup a ~p size ~p member c ~p member z ~p~n",
                   [lists:sort(ets:lookup(T, a)), ets:info(T, size),
                    ets:member(T, c), ets:member(T, z)]),
         io:format("  insert_new ~p ~p~n",
                   [ets:insert_new(T, {a, 9}), ets:insert_new(T, [{e, 1}, {f, 2}])]),
         io:format("  lookup_element ~p ~p~n",
                   [lists:sort(wrap(ets:lookup_element(T, a, 2))), err(fun() -> ets:lookup_element(T, d, 4) end)]),
         true = ets:delete_object(T, {a, 1}),
         io:format("  after delete_object ~p~n", [lists:sort(ets:lookup(T, a))]),
         io:format("  take b ~p then ~p~n", [ets:take(T, b), ets:lookup(T, b)]),
         true = ets:delete(T, c),
         io:format("  after delete ~p~n", [sorted(T)]),
         true = ets:delete_all_objects(T),
         io:format("  after delete_all_objects ~p ~p~n", [ets:tab2list(T), ets:info(T, size)]),
         true = ets:delete(T),
         io:format("  deleted: info ~p~n", [ets:info(T)])
     end || Type <- [set, ordered_set, bag, duplicate_bag]],
    B = ets:new(b, [bag]),
    ets:insert(B, {k, 1}), ets:insert(B, {k, 2}), ets:insert(B, {k, 3}),
    io:format("bag keeps insertion order: ~p~n", [ets:lookup(B, k)]),
    D = ets:new(d, [duplicate_bag]),
    ets:insert(D, [{k, 1}, {k, 2}, {k, 1}]),
    io:format("duplicate_bag: ~p, delete_object removes all copies: ", [ets:lookup(D, k)]),
    ets:delete_object(D, {k, 1}),
    io:format("~p~n", [ets:lookup(D, k)]),
    K2 = ets:new(k2, [{keypos, 2}]),
    ets:insert(K2, [{rec, a, 1}, {rec, b, 2}]),
    io:format("keypos 2: ~p ~p~n", [ets:lookup(K2, b), ets:info(K2, keypos)]).

wrap(L) when is_list(L) -> L;
wrap(X) -> [X].

counters() ->
    T = ets:new(c, [set]),
    ets:insert(T, {a, 1, 2, 3}),
    Ops = [1, {2, 1}, {3, 10}, {4, -5, 0, 100}, {4, -5, 0, 100}, {3, 10, 25, 0},
           [{2, 1}, {2, 1}, {3, 1}], [], {2, 1 bsl 70}, {2, -(1 bsl 70)}],
    [io:format("update_counter ~p -> ~p~n", [Op, ets:update_counter(T, a, Op)]) || Op <- Ops],
    Bad = [{1, 1}, {5, 1}, {0, 1}, x, {2, x}, {2, 1, x, 0}, {2, 1, 2}],
    [io:format("update_counter ~p -> ~p~n", [Op, err(fun() -> ets:update_counter(T, a, Op) end)]) || Op <- Bad],
    io:format("object ~p~n", [ets:lookup(T, a)]),
    io:format("default: ~p ~p ~p~n",
              [ets:update_counter(T, b, 5, {b, 10}),
               ets:update_counter(T, c, {3, 1}, {ignored, 0, 0}),
               err(fun() -> ets:update_counter(T, d, {3, 1}, {d, 0}) end)]),
    io:format("no default: ~p~n", [err(fun() -> ets:update_counter(T, zz, 1) end)]),
    io:format("table ~p~n", [sorted(T)]),
    O = ets:new(o, [ordered_set]),
    [ets:update_counter(O, K rem 3, 1, {K rem 3, 0}) || K <- lists:seq(1, 100)],
    io:format("ordered_set counters ~p~n", [ets:tab2list(O)]),
    B = ets:new(b, [bag]),
    ets:insert(B, {a, 1}),
    io:format("bag counter ~p~n", [err(fun() -> ets:update_counter(B, a, 1) end)]).

elements() ->
    T = ets:new(e, [ordered_set]),
    ets:insert(T, {a, 1, 2, 3}),
    Cases = [{a, {2, x}}, {a, [{3, y}, {4, z}]}, {zz, {2, x}}, {a, {1, x}},
             {a, {9, x}}, {a, []}, {a, foo}],
    [io:format("update_element ~p -> ~p~n", [C, err(fun() -> ets:update_element(T, K, U) end)])
     || {K, U} = C <- Cases],
    io:format("object ~p~n", [ets:lookup(T, a)]).

ordered() ->
    T = ets:new(o, [ordered_set]),
    ets:insert(T, [{K, V} || {K, V} <- [{3, c}, {1, a}, {"str", s}, {b, atom}, {2.5, f},
                                         {{1, 2}, tup}, {[1], list}, {<<"bin">>, bin}]]),
    io:format("ordered_set ~p~n", [ets:tab2list(T)]),
    io:format("first ~p last ~p next(1) ~p prev(b) ~p next(last) ~p~n",
              [ets:first(T), ets:last(T), ets:next(T, 1), ets:prev(T, b), ets:next(T, ets:last(T))]),
    io:format("next of absent key 2 ~p, prev of absent zz ~p~n", [ets:next(T, 2), ets:prev(T, zz)]),
    ets:insert(T, {1.0, float_one}),
    io:format("1.0 replaces 1: ~p ~p~n", [ets:lookup(T, 1), ets:first(T)]),
    io:format("foldl ~p~n", [ets:foldl(fun({K, _}, A) -> [K | A] end, [], T)]),
    io:format("foldr ~p~n", [ets:foldr(fun({K, _}, A) -> [K | A] end, [], T)]),
    io:format("slot 0 ~p slot 8 ~p~n", [ets:slot(T, 0), ets:slot(T, 8)]),
    S = ets:new(s, [set]),
    ets:insert(S, [{I, I * I} || I <- lists:seq(1, 50)]),
    true = ets:safe_fixtable(S, true),
    Keys = walk(S, ets:first(S), []),
    true = ets:safe_fixtable(S, false),
    io:format("set walk deleting odd keys: ~p keys, left ~p~n", [length(Keys), lists:sort(ets:tab2list(S))]),
    io:format("set foldl sum ~p~n", [ets:foldl(fun({_, V}, A) -> A + V end, 0, S)]).

walk(_, '$end_of_table', Acc) -> Acc;
walk(T, K, Acc) ->
    case K rem 2 of
        1 -> ets:delete(T, K);
        0 -> ok
    end,
    walk(T, ets:next(T, K), [K | Acc]).

named() ->
    N = ets:new(ets_basic_tab, [named_table, public]),
    io:format("named new returns ~p~n", [N]),
    ets:insert(ets_basic_tab, {x, 1}),
    io:format("lookup by name ~p~n", [ets:lookup(ets_basic_tab, x)]),
    io:format("duplicate name ~p~n", [err(fun() -> ets:new(ets_basic_tab, [named_table]) end)]),
    Id = ets:whereis(ets_basic_tab),
    io:format("whereis is ref ~p, same as info id ~p, lookup by id ~p~n",
              [is_reference(Id), Id =:= ets:info(ets_basic_tab, id), ets:lookup(Id, x)]),
    io:format("rename ~p~n", [ets:rename(ets_basic_tab, ets_basic_renamed)]),
    io:format("old name ~p ~p, new name ~p~n",
              [ets:whereis(ets_basic_tab), err(fun() -> ets:lookup(ets_basic_tab, x) end),
               ets:lookup(ets_basic_renamed, x)]),
    U = ets:new(unnamed, []),
    io:format("unnamed is ref ~p, rename returns the tid ~p, name now ~p~n",
              [is_reference(U), ets:rename(U, other_name) =:= U, ets:info(U, name)]),
    io:format("all contains both ~p~n",
              [lists:member(ets_basic_renamed, ets:all()) andalso lists:member(U, ets:all())]),
    ets:delete(ets_basic_renamed),
    io:format("after delete: whereis ~p info ~p~n",
              [ets:whereis(ets_basic_renamed), ets:info(ets_basic_renamed)]).

info() ->
    T = ets:new(i, [bag, private, {keypos, 2}]),
    Items = [type, size, keypos, protection, named_table, name, heir, node, compressed,
             read_concurrency, write_concurrency, decentralized_counters, fixed, safe_fixed],
    [io:format("info ~p = ~p~n", [I, ets:info(T, I)]) || I <- Items],
    io:format("owner is self ~p~n", [ets:info(T, owner) =:= self()]),
    io:format("info/1 keys ~p~n", [[K || {K, _} <- ets:info(T)]]),
    W = ets:new(w, [ordered_set, {write_concurrency, true}, {read_concurrency, true}, compressed]),
    io:format("info ~p~n", [[ets:info(W, I) || I <- [type, write_concurrency, read_concurrency,
                                                      compressed, decentralized_counters]]]),
    io:format("bad item ~p, bad table ~p ~p~n",
              [err(fun() -> ets:info(T, nosuchitem) end), ets:info(no_such_table),
               err(fun() -> ets:info(42) end)]),
    ets:setopts(T, {heir, self(), data}),
    io:format("heir is self ~p~n", [ets:info(T, heir) =:= self()]),
    ets:setopts(T, [{heir, none}]),
    io:format("heir ~p~n", [ets:info(T, heir)]).

access() ->
    Self = self(),
    Priv = ets:new(priv, [private]),
    Prot = ets:new(prot, [protected]),
    Pub = ets:new(pub, [public]),
    [ets:insert(T, {k, v}) || T <- [Priv, Prot, Pub]],
    Other = spawn(fun() ->
                          R = [{Name, err(fun() -> ets:lookup(T, k) end),
                                err(fun() -> ets:insert(T, {k2, v2}) end)}
                               || {Name, T} <- [{private, Priv}, {protected, Prot}, {public, Pub}]],
                          Self ! {self(), R}
                  end),
    receive {Other, Res} -> [io:format("other process on ~p: read ~p write ~p~n", [N, Rd, Wr]) || {N, Rd, Wr} <- Res] end,
    Receiver = spawn(fun() ->
                             receive
                                 {'ETS-TRANSFER', Tid, From, Gift} ->
                                     Self ! {self(), got, Tid =:= Prot, From =:= Self, Gift,
                                             ets:info(Tid, owner) =:= self(), ets:lookup(Tid, k)},
                                     receive stop -> ok end
                             end
                     end),
    io:format("give_away ~p~n", [ets:give_away(Prot, Receiver, gift)]),
    receive {Receiver, got, SameTid, FromMe, Gift, Owns, Obj} ->
            io:format("receiver: same tid ~p from me ~p gift ~p owns ~p sees ~p~n",
                      [SameTid, FromMe, Gift, Owns, Obj])
    end,
    io:format("old owner now: write ~p give_away ~p~n",
              [err(fun() -> ets:insert(Prot, {x, 1}) end),
               err(fun() -> ets:give_away(Prot, self(), x) end)]),
    io:format("give_away to self ~p~n", [err(fun() -> ets:give_away(Pub, self(), x) end)]),
    Receiver ! stop.

errors() ->
    T = ets:new(t, []),
    ets:insert(T, {a, 1}),
    Calls = [{insert_non_tuple, fun() -> ets:insert(T, foo) end},
             {insert_empty_tuple, fun() -> ets:insert(T, {}) end},
             {insert_improper, fun() -> ets:insert(T, [{z} | w]) end},
             {insert_empty_list, fun() -> ets:insert(T, []) end},
             {lookup_no_table, fun() -> ets:lookup(no_such_table, a) end},
             {next_absent, fun() -> ets:next(T, absent) end},
             {new_bad_option, fun() -> ets:new(x, [bogus]) end},
             {new_bad_keypos, fun() -> ets:new(x, [{keypos, 0}]) end},
             {new_bad_name, fun() -> ets:new("x", []) end},
             {delete_object_bad, fun() -> ets:delete_object(T, {}) end},
             {slot_too_far, fun() -> ets:slot(T, 1000) end},
             {safe_fixtable_bad, fun() -> ets:safe_fixtable(T, maybe) end}],
    [io:format("~p: ~p~n", [Name, err(F)]) || {Name, F} <- Calls],
    io:format("table unchanged ~p~n", [ets:tab2list(T)]),
    ets:delete(T),
    io:format("after delete: ~p ~p~n", [err(fun() -> ets:insert(T, {b, 2}) end), ets:info(T, size)]).
