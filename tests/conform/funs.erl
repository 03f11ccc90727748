%% Funs: closures, higher-order functions, fun M:F/A, fun F/A, fun_info,
%% apply/2,3, dynamic module/function atoms. Never prints a fun itself.
-module(funs).
-export([main/0, double/1, add/2, compose/2]).

double(X) -> X * 2.
add(X, Y) -> X + Y.
compose(F, G) -> fun(X) -> F(G(X)) end.

make_counter(Start) -> fun(Inc) -> Start + Inc end.
make_adders(N) -> [fun(X) -> X + I end || I <- lists:seq(1, N)].

main() ->
    Sq = fun(X) -> X * X end,
    io:format("sq ~p~n", [Sq(7)]),
    Base = 100,
    AddBase = fun(X) -> X + Base end,
    io:format("closure ~p~n", [AddBase(5)]),
    C = make_counter(10),
    io:format("counter ~p ~p~n", [C(1), C(5)]),
    io:format("adders ~p~n", [[F(100) || F <- make_adders(5)]]),
    io:format("map local fun ~p~n", [lists:map(fun double/1, [1, 2, 3])]),
    io:format("map remote fun ~p~n", [lists:map(fun ?MODULE:double/1, [4, 5])]),
    io:format("map bif fun ~p~n", [lists:map(fun erlang:abs/1, [-1, 2, -3])]),
    io:format("fold fun ~p~n", [lists:foldl(fun ?MODULE:add/2, 0, lists:seq(1, 10))]),
    Inc2 = compose(fun double/1, fun(X) -> X + 1 end),
    io:format("compose ~p~n", [Inc2(5)]),
    Pipeline = lists:foldl(fun(F, Acc) -> compose(F, Acc) end, fun(X) -> X end,
                           [fun(X) -> X + 1 end, fun double/1, Sq]),
    io:format("pipeline ~p~n", [Pipeline(3)]),
    io:format("fun_info arity ~p ~p ~p~n",
              [erlang:fun_info(Sq, arity), erlang:fun_info(fun add/2, arity),
               erlang:fun_info(fun lists:map/2, arity)]),
    io:format("fun_info module ~p ~p~n", [erlang:fun_info(Sq, module), erlang:fun_info(fun lists:map/2, module)]),
    io:format("fun_info type ~p ~p~n", [erlang:fun_info(Sq, type), erlang:fun_info(fun lists:map/2, type)]),
    io:format("fun_info name ext ~p~n", [erlang:fun_info(fun lists:map/2, name)]),
    io:format("env size ~p~n", [length(element(2, erlang:fun_info(C, env)))]),
    io:format("is_function ~p ~p ~p ~p~n",
              [is_function(Sq), is_function(Sq, 1), is_function(Sq, 2), is_function(foo)]),
    io:format("apply/2 ~p~n", [apply(fun add/2, [3, 4])]),
    io:format("apply/3 ~p~n", [apply(lists, reverse, [[1, 2, 3]])]),
    Mod = list_to_atom("lis" ++ "ts"),
    Fun = list_to_atom("seq"),
    io:format("dynamic apply ~p~n", [erlang:apply(Mod, Fun, [1, 5])]),
    io:format("dynamic call ~p~n", [Mod:Fun(3, 6)]),
    io:format("self module ~p~n", [apply(?MODULE, double, [21])]),
    io:format("fun from mfa ~p~n", [(erlang:make_fun(?MODULE, add, 2))(1, 2)]),
    Ops = #{add => fun(A, B) -> A + B end, sub => fun(A, B) -> A - B end,
            mul => fun erlang:'*'/2},
    io:format("ops ~p~n", [[{Op, (maps:get(Op, Ops))(7, 3)} || Op <- [add, sub, mul]]]),
    io:format("operator funs ~p ~p~n", [(fun erlang:'+'/2)(1, 2), lists:foldl(fun erlang:max/2, 0, [3, 9, 2])]),
    io:format("immediate ~p~n", [(fun(X, Y) -> X * Y end)(6, 7)]),
    io:format("multi clause ~p~n", [lists:map(fun(0) -> zero; (N) when N < 0 -> neg; (_) -> pos end, [0, -2, 5])]),
    io:format("fun equality ~p ~p~n", [fun double/1 =:= fun double/1, fun lists:map/2 == fun lists:map/2]),
    Curry = fun(A) -> fun(B) -> fun(Cc) -> A + B * Cc end end end,
    io:format("curry ~p~n", [((Curry(1))(2))(3)]),
    Twice = fun(F) -> fun(X) -> F(F(X)) end end,
    io:format("twice ~p ~p~n", [(Twice(fun double/1))(3), ((Twice(Twice))(fun double/1))(1)]),
    io:format("sort by fun ~p~n", [lists:sort(fun({_, A}, {_, B}) -> A >= B end, [{a, 1}, {b, 3}, {c, 2}])]),
    io:format("fun in tuple ~p~n", [element(1, {fun double/1}) =/= undefined]),
    io:format("shadow ~p~n", [shadow(1)]).

shadow(X) ->
    F = fun(X1) -> X1 * 10 end,
    {X, F(X + 1)}.
