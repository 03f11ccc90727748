%% The first stack frame of caught exceptions: {M,F,Arity|Args,Location} for
%% module-local functions (file/line are deterministic), and {M,F,Args} for
%% BIF errors (their location list holds error_info and is not printed).
-module(exc_stack).
-export([main/0, exported_crash/1]).

main() ->
    show("badmatch", fun() -> do_badmatch(1) end),
    show("function_clause", fun() -> fc(not_an_int) end),
    show("fc two args", fun() -> fc2(a, b) end),
    show("case_clause", fun() -> cc(7) end),
    show("if_clause", fun() -> ic(0) end),
    show("error/1", fun() -> raiser(1) end),
    show("error/2", fun() -> raiser(2) end),
    show("throw", fun() -> raiser(3) end),
    show("exit", fun() -> raiser(4) end),
    show("exported", fun() -> ?MODULE:exported_crash(x) end),
    show("deep", fun() -> deep(5) end),
    show("badarith op", fun() -> arith(1, 0) end),
    show("bif badarg", fun() -> bif(foo) end),
    show("undef", fun() -> undef_call() end),
    show("lists fc", fun() -> lists:nth(10, [1]) end),
    Frames = try deep(3) catch error:_:St -> St end,
    io:format("deep frames:~n"),
    %% Only this module's frames: what lies below main/0 is the runner's
    %% business (erl's -run machinery vs the VM's entry code).
    [io:format("  ~p~n", [F]) || F <- lists:takewhile(fun(Fr) -> element(1, Fr) =:= ?MODULE end, Frames)],
    Frames2 = try chain(4) catch error:_:St2 -> St2 end,
    io:format("chain frames:~n"),
    [io:format("  ~p~n", [frame(F)]) || F <- Frames2, lists:member(element(1, F), [?MODULE, erlang])],
    io:format("stacktrace in after-free catch: ~p~n",
              [try ?MODULE:exported_crash(y) catch _:_:S -> frame(hd(S)) end]),
    io:format("raise keeps trace: ~p~n", [reraise()]),
    ok.

show(Name, F) ->
    try F() of
        V -> io:format("~-16s no exception ~p~n", [Name, V])
    catch
        Class:Reason:Stack ->
            io:format("~-16s ~p:~p~n~16s ~p~n", [Name, Class, Reason, "", frame(hd(Stack))])
    end.

%% BIF frames carry [{error_info, ...}] in their location; keep {M,F,A}.
frame({M, F, A, _Loc} = Frame) when M =:= ?MODULE -> Frame;
frame({M, F, A, _Loc}) -> {M, F, A}.

do_badmatch(X) ->
    {ok, Y} = id({error, X}),
    Y.

fc(X) when is_integer(X) -> X.

fc2(a, a) -> same.

cc(X) ->
    case id(X) of
        1 -> one
    end.

ic(X) ->
    if
        X > 0 -> pos
    end.

raiser(1) -> error(e1);
raiser(2) -> error(e2, [2]);
raiser(3) -> throw(t3);
raiser(4) -> exit(x4).

exported_crash(X) ->
    error({exported, X}).

deep(0) -> error(bottom);
deep(N) -> [deep(N - 1)].

%% Unlike deep/1 (which the compiler knows never returns, so its recursive
%% calls become tail calls), chain/1 keeps real frames -- but erts records
%% consecutive identical continuation pointers only once, so the trace shows
%% chain/1 (line of the failing +) then ONE chain/1 frame for the recursive
%% call site, then main/0.
chain(0) -> 0 + get(chain_base);   % undefined at runtime, unknown to the compiler
chain(N) -> 1 + chain(N - 1).

arith(A, B) -> A div B.

bif(X) -> atom_to_list(id(self_check(X))).

self_check(foo) -> 123.

undef_call() -> no_such_mod:f(1).

reraise() ->
    try
        try fc(x)
        catch C:R:S -> erlang:raise(C, R, S)
        end
    catch C2:R2:S2 -> {C2, R2, frame(hd(S2))}
    end.

id(X) -> X.
