%% ETS match specifications: heads, guards and bodies (ets:fun2ms output
%% and hand-written specs), match/match_object, select_count,
%% select_delete, select_replace, select_reverse, chunked select with
%% continuations, and compiled specs. Results of hash tables are sorted;
%% ordered_set results are printed in table order.
-module(ets_match).
-export([main/0]).
-include_lib("stdlib/include/ms_transform.hrl").

err(F) ->
    try F() of
        V -> V
    catch
        error:R -> {error, R}
    end.

main() ->
    specs(),
    fun2ms(),
    matching(),
    counting(),
    chunks(),
    compiled(),
    ok.

people() ->
    [{alice, 31, london, [erlang, rust]},
     {bob, 25, paris, [python]},
     {carol, 42, london, []},
     {dave, 19, berlin, [erlang]},
     {erin, 25, paris, [c, erlang]}].

specs() ->
    T = ets:new(p, [set]),
    ets:insert(T, people()),
    O = ets:new(o, [ordered_set]),
    ets:insert(O, people()),
    Specs = [[{{'$1', '$2', '_', '_'}, [], ['$$']}],
             [{{'$1', '$2', london, '_'}, [], [{{'$1', '$2'}}]}],
             [{{'$1', '$2', '_', '_'}, [{'>', '$2', 24}, {'<', '$2', 40}], ['$1']}],
             [{{'$1', '$2', '$3', '_'}, [{'orelse', {'==', '$3', paris}, {'>=', '$2', 40}}], ['$1']}],
             [{{'$1', '_', '_', '$4'}, [{'=/=', '$4', []}], [{{'$1', {hd, '$4'}, {length, '$4'}}}]}],
             [{{'$1', '$2', '_', '_'}, [{is_integer, '$2'}, {'==', {'rem', '$2', 2}, 1}], [{'*', '$2', 10}]}],
             [{{'$1', '_', '_', '_'}, [], [{element, 3, '$_'}]}],
             [{{'$1', '_', '_', '$4'}, [], [[a | '$4']]}],
             [{{'$1', '$2', '_', '_'}, [], [#{name => '$1', age => '$2'}]}],
             [{{'$1', '$2', '_', '_'}, [], [{'div', '$2', 0}]}],
             [{{'$1', '$2', '_', '_'}, [{'div', '$2', 0}], [never]}],
             [{{'$1', '_', '_', '_'}, [{'andalso', true, '$1'}], ['$1']}],
             [{{'$1', '_', '_', '_'}, [], [{'andalso', true, '$1'}]}],
             [{{bob, '$1', '_', '_'}, [], ['$1']}, {{'$1', 42, '_', '_'}, [], ['$1']}],
             [{{'_', '$1', '_', '_'}, [{'==', '$1', 25.0}], ['$_']}],
             [{{'_', '$1', '_', '_'}, [{'=:=', '$1', 25.0}], ['$_']}],
             [{{'$1', '$1', '_', '_'}, [], ['$1']}],
             [{'$1', [{'==', {size, '$1'}, 4}], [{const, {'$1'}}]}],
             [{{'$1', '_', '_', '_'}, [], [{{'$1', {self}}}]}],
             [{{'$1', '_', '_', '_'}, [], ['$2']}],
             [{{'$1', '_', '_', '_'}, [], [{nosuchfun, '$1'}]}],
             [{{'$1', '_', '_', '_'}, foo, ['$1']}],
             [],
             not_a_list],
    [begin
         R = err(fun() -> ets:select(T, MS) end),
         RO = err(fun() -> ets:select(O, MS) end),
         Show = fun(L) when is_list(L) -> lists:sort([fix_self(X) || X <- L]); (X) -> X end,
         io:format("~p~n  set ~p~n  ordered_set ~p~n", [MS, Show(R), [fix_self(X) || X <- wrap(RO)]])
     end || MS <- Specs].

wrap(L) when is_list(L) -> L;
wrap(X) -> [X].

fix_self({N, P}) when is_pid(P) -> {N, P =:= self()};
fix_self(X) -> X.

fun2ms() ->
    T = ets:new(f, [ordered_set]),
    ets:insert(T, people()),
    MS1 = ets:fun2ms(fun({Name, Age, City, _}) when Age > 24, City =/= berlin -> {Name, Age} end),
    MS2 = ets:fun2ms(fun({Name, _, _, Langs} = P) when is_list(Langs), length(Langs) > 1 -> {Name, P} end),
    MS3 = ets:fun2ms(fun({Name, Age, _, _}) when Age >= 30; Name == dave -> Name end),
    MS4 = ets:fun2ms(fun(P) when element(2, P) < 20 -> object() end),
    MS5 = ets:fun2ms(fun({N, A, C, _}) -> [N, A, C] end),
    MS6 = ets:fun2ms(fun({N, A, _, _}) when A band 1 =:= 1, not (N == alice) -> {odd, N} end),
    [io:format("fun2ms ~p~n  -> ~p~n", [MS, ets:select(T, MS)]) || MS <- [MS1, MS2, MS3, MS4, MS5, MS6]],
    io:format("select_reverse ~p~n", [ets:select_reverse(T, MS1)]).

matching() ->
    B = ets:new(b, [bag]),
    ets:insert(B, [{fruit, apple, 3}, {fruit, pear, 5}, {veg, leek, 2}, {fruit, apple, 4}, {veg, kale, 7}]),
    io:format("match ~p~n", [lists:sort(ets:match(B, {fruit, '$1', '$2'}))]),
    io:format("match vars by number ~p~n", [lists:sort(ets:match(B, {'$2', '$1', '_'}))]),
    io:format("match no vars ~p~n", [ets:match(B, {veg, leek, '_'})]),
    io:format("match_object ~p~n", [lists:sort(ets:match_object(B, {'_', apple, '_'}))]),
    io:format("match_object all ~p~n", [lists:sort(ets:match_object(B, '_'))]),
    ets:match_delete(B, {fruit, apple, '_'}),
    io:format("after match_delete ~p~n", [lists:sort(ets:tab2list(B))]),
    O = ets:new(o, [ordered_set]),
    ets:insert(O, [{I, I * I, I rem 3} || I <- lists:seq(1, 12)]),
    io:format("ordered match ~p~n", [ets:match(O, {'$1', '_', 0})]),
    io:format("ordered match_object ~p~n", [ets:match_object(O, {'_', '_', 1})]),
    io:format("tab2list ~p~n", [ets:tab2list(O)]).

counting() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{I, I rem 4, integer_to_list(I)} || I <- lists:seq(1, 40)]),
    io:format("select_count rem=0: ~p, all: ~p, none: ~p~n",
              [ets:select_count(T, [{{'_', 0, '_'}, [], [true]}]),
               ets:select_count(T, [{'_', [], [true]}]),
               ets:select_count(T, [{'_', [], [false]}])]),
    io:format("select_delete ~p~n", [ets:select_delete(T, [{{'$1', '_', '_'}, [{'>', '$1', 30}], [true]}])]),
    io:format("left ~p~n", [ets:info(T, size)]),
    io:format("select_replace ~p~n",
              [ets:select_replace(T, [{{'$1', '$2', '$3'}, [{'==', '$2', 1}], [{{'$1', one, '$3'}}]}])]),
    io:format("replaced ~p~n", [lists:sort(ets:match_object(T, {'_', one, '_'}))]),
    io:format("replace that changes the key ~p~n",
              [err(fun() -> ets:select_replace(T, [{{'$1', '$2', '$3'}, [], [{{'$3', '$2', '$1'}}]}]) end)]),
    io:format("replace with element key ~p~n",
              [ets:select_replace(T, [{{'$1', 2, '_'}, [], [{{{element, 1, '$_'}, two}}]}])]),
    io:format("now ~p~n", [lists:sort(ets:match_object(T, {'_', two}))]),
    io:format("delete all via select_delete ~p, size ~p~n",
              [ets:select_delete(T, [{'_', [], [true]}]), ets:info(T, size)]).

chunks() ->
    O = ets:new(o, [ordered_set]),
    ets:insert(O, [{I, I * 10} || I <- lists:seq(1, 10)]),
    MS = [{{'$1', '$2'}, [{'>', '$1', 2}], ['$2']}],
    io:format("ordered chunks ~p~n", [all_chunks(ets:select(O, MS, 3))]),
    io:format("ordered reverse chunks ~p~n", [all_chunks(ets:select_reverse(O, MS, 4))]),
    io:format("ordered exact ~p~n", [all_chunks(ets:select(O, [{'_', [], ['$_']}], 10))]),
    io:format("ordered nothing ~p~n", [ets:select(O, [{{'$1', '_'}, [{'>', '$1', 99}], ['$1']}], 5)]),
    io:format("match/3 ~p~n", [all_chunks_m(ets:match(O, {'$1', '$2'}, 4))]),
    S = ets:new(s, [set]),
    ets:insert(S, [{I, I} || I <- lists:seq(1, 500)]),
    Parts = all_chunks(ets:select(S, [{{'$1', '_'}, [{'==', {'rem', '$1', 7}, 0}], ['$1']}], 10)),
    io:format("set chunks: all ~p, each at least 10 but the last ~p, union ~p~n",
              [lists:last(Parts) =:= '$end_of_table',
               lists:all(fun(N) -> N >= 10 end, [length(L) || L <- lists:droplast(lists:droplast(Parts))]),
               lists:sort(lists:append(lists:droplast(Parts))) =:= lists:seq(7, 500, 7)]),
    E = ets:new(e, [set]),
    io:format("empty ~p ~p~n", [ets:select(E, [{'_', [], ['$_']}], 5), ets:select('$end_of_table')]),
    io:format("bad limit ~p~n", [err(fun() -> ets:select(S, [{'_', [], ['$_']}], 0) end)]).

all_chunks('$end_of_table') -> ['$end_of_table'];
all_chunks({L, C}) -> [L | all_chunks(next(C))].

next('$end_of_table') -> '$end_of_table';
next(C) -> ets:select(C).

all_chunks_m('$end_of_table') -> ['$end_of_table'];
all_chunks_m({L, '$end_of_table'}) -> [L, '$end_of_table'];
all_chunks_m({L, C}) -> [L | all_chunks_m(ets:match(C))].

compiled() ->
    MS = ets:match_spec_compile([{{'$1', '$2'}, [{is_integer, '$2'}], [{{'$2', '$1'}}]},
                                 {'$1', [], [{{other, '$1'}}]}]),
    io:format("is_compiled_ms ~p ~p~n", [ets:is_compiled_ms(MS), ets:is_compiled_ms(foo)]),
    io:format("match_spec_run ~p~n", [ets:match_spec_run([{a, 1}, {b, x}, {c, 3}], MS)]),
    MS2 = ets:match_spec_compile([{{'$1', '$2'}, [], ['$2']}]),
    io:format("match_spec_run ~p~n", [ets:match_spec_run([{a, 1}, nope, {b, 2}], MS2)]),
    io:format("compile errors ~p ~p~n",
              [err(fun() -> ets:match_spec_compile([{'$1', [], ['$9']}]) end),
               err(fun() -> ets:match_spec_compile(bad) end)]).
