%% The standard error reasons, caught and printed as Class:Reason.
%% Values that would print a fun are reduced to deterministic parts.
-module(exc_reasons).
-export([main/0]).

-record(rec, {a, b}).

main() ->
    T = fun(Name, F) ->
                Res = try F() of
                          V -> {no_exception, V}
                      catch
                          Class:Reason -> {Class, clean(Reason)}
                      end,
                io:format("~-16s ~p~n", [Name, Res])
        end,
    T("badarg", fun() -> atom_to_list(id(123)) end),
    T("badarg bif", fun() -> list_to_integer(id("12x")) end),
    T("badarith", fun() -> id(1) + id(a) end),
    T("badarith div0", fun() -> id(7) div id(0) end),
    T("badmatch", fun() -> {ok, _} = id({error, nope}) end),
    T("badmatch list", fun() -> [_] = id([1, 2]) end),
    T("function_clause", fun() -> only_ints(id(a)) end),
    T("case_clause", fun() -> case id(3) of 1 -> one; 2 -> two end end),
    T("if_clause", fun() -> X = id(5), if X > 10 -> big; X < 0 -> neg end end),
    T("try_clause", fun() -> try id(7) of 1 -> one catch _:_ -> err end end),
    T("undef", fun() -> (id(no_such_module)):no_fun(1, 2) end),
    T("undef local", fun() -> ?MODULE:not_exported() end),
    T("badfun", fun() -> (id(not_a_fun))(1) end),
    T("badfun int", fun() -> (id(42))() end),
    T("badarity", fun() -> (id(fun(X) -> X end))(1, 2) end),
    T("badkey", fun() -> maps:get(k, id(#{})) end),
    T("badkey update", fun() -> (id(#{a => 1}))#{b := 2} end),
    T("badmap", fun() -> (id([]))#{a => 1} end),
    T("badrecord", fun() -> (id({other, 1, 2}))#rec.a end),
    T("badrecord upd", fun() -> (id(not_rec))#rec{b = 2} end),
    T("error/1 tuple", fun() -> error({my, reason}) end),
    T("error/2", fun() -> error(custom, [a, b]) end),
    T("exit/1", fun() -> exit({shutdown, reason}) end),
    T("throw", fun() -> throw({ball, 1}) end),
    T("no exception", fun() -> ok end),
    T("system_limit", fun() -> list_to_atom(lists:duplicate(300, $a)) end),
    T("badarg element", fun() -> element(0, id({})) end),
    T("badarg hd", fun() -> hd(id([])) end),
    T("badarg tl", fun() -> tl(id(a)) end),
    T("badarg ++", fun() -> id(a) ++ [1] end),
    T("badarg --", fun() -> [1] -- id(a) end),
    T("badarg send", fun() -> id(not_registered_name) ! msg end),
    T("badarg binary", fun() -> binary_to_list(id(<<1:3>>)) end),
    T("badarg apply", fun() -> apply(id(lists), id(reverse), id(notalist)) end),
    T("guard failure", fun() -> guarded(id(-1)) end),
    T("bad generator", fun() -> [X || X <- id(notalist)] end),
    T("bad filter", fun() -> [X || X <- [1], id(notbool)] end),
    T("andalso bad", fun() -> id(1) andalso true end),
    T("not bad", fun() -> not id(1) end),
    T("nested badmatch", fun() -> {A, A} = id({1, 2}), A end),
    T("binary badmatch", fun() -> <<X:8>> = id(<<1, 2>>), X end),
    T("float badarith", fun() -> id(1.0e300) * id(1.0e300) end),
    T("no overflow", fun() -> id(1 bsl 1000) bsl 10 end),
    T("list_to_atom", fun() -> list_to_atom(id([a])) end),
    T("bad size", fun() -> Sz = id(-1), <<1:Sz>> end),
    ok.

clean({badarity, {F, Args}}) when is_function(F) ->
    {badarity, {fun_with_arity, element(2, erlang:fun_info(F, arity)), Args}};
clean({badfun, F}) when is_function(F) -> {badfun, a_fun};
clean(R) -> R.

only_ints(X) when is_integer(X) -> X.
guarded(X) when X > 0 -> X.
id(X) -> X.
