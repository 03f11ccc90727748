%% Stack traces of failing calls, as OTP 25 builds them: an undefined
%% function called normally keeps the caller's frame, called in tail
%% position (call_ext_only, apply_last) it does not (the frame is gone); a
%% non-atom module or function in M:F(...) or apply/3 fails as
%% erlang:apply/3 with its error_info above the caller's frame; an improper
%% argument list to apply/3 likewise.
-module(exc_calls).
-export([main/0]).

main() ->
    F = id(nofun),
    M = id(3),
    L = id([1 | 2]),
    Cases = [{tail_static, fun() -> lists:nofun() end},
             {body_static, fun() -> x(lists:nofun()) end},
             {tail_apply, fun() -> apply(lists, F, [1]) end},
             {body_apply, fun() -> x(apply(lists, F, [1])) end},
             {tail_dynamic, fun() -> lists:F() end},
             {body_dynamic, fun() -> x(lists:F()) end},
             {tail_bad_module, fun() -> apply(M, foo, []) end},
             {body_bad_module, fun() -> x(apply(M, foo, [])) end},
             {dynamic_bad_module, fun() -> M:foo(1, 2) end},
             {bad_function, fun() -> lists:(id("f"))() end},
             {erlang_apply, fun() -> erlang:apply(lists, F, [1]) end},
             {improper_args, fun() -> apply(lists, reverse, L) end},
             {undef_module, fun() -> no_such_module:f(1) end},
             {nested, fun() -> outer(F) end}],
    [io:format("~p:~n  ~p~n", [Name, run(G)]) || {Name, G} <- Cases],
    ok.

run(G) ->
    try G() of
        V -> {returned, V}
    catch
        C:R:St -> {C, R, lists:sublist(St, 3)}
    end.

outer(F) -> [middle(F)].
middle(F) -> lists:F(x).

id(X) -> X.
x(X) -> [X].
