%% beam26 -- build OTP 26-form .beam files with the OTP 25 compiler.
%%
%% The OTP 26 compiler emits two instructions OTP 25 does not know:
%% bs_match/3 (opcode 182: a run of fixed-size binary matching commands)
%% and update_record/5 (opcode 181: a copy of a record with some fields
%% replaced). No OTP 26 erlc is available here, so this tool compiles an
%% Erlang program with OTP 25's erlc to assembly, rewrites the equivalent
%% OTP 25 instruction sequences into those two instructions, and assembles
%% the result with OTP 25's assembler taught the two new opcodes. The
%% program's meaning is unchanged, so what real erl prints for the
%% original program is the oracle for the rewritten one (tests/otp26.rs).
%%
%% Rewrites, within one function:
%%   * a run of bs_get_integer2 / bs_get_binary2 (fixed sizes or `all`),
%%     bs_skip_bits2, bs_match_string (<= 64 bits), bs_test_tail2 and a
%%     final bs_get_tail on one context with one fail label becomes
%%     bs_match with commands integer / binary / skip / =:= / get_tail,
%%     led by ensure_exactly (the run ends with a tail test) or
%%     ensure_at_least (with the unit of a final `all` field);
%%   * the record update `setelement(I, R, V)` (move {integer,I} to x0,
%%     then call_ext/call_ext_only/call_ext_last erlang:setelement/3)
%%     after is_tagged_tuple on a record of N fields becomes
%%     update_record copy N x1 x0 [I, x2].
%%
%% Usage: erl -noshell -pa DIR -eval 'beam26:build("NAME.erl", "OUTDIR")'
%% (run from the source's directory so {file,...} locations match erlc's)
%% Prints "NAME bs_match=B update_record=U" and halts 0, or halts 1.
-module(beam26).
-export([build/2]).

build(Src, OutDir) ->
    try
        teach_assembler(),
        {ok, Mod, {Mod, Exp, Attr, Fs0, Labels}} =
            compile:file(Src, [to_asm, binary, report_errors]),
        put(bs_match, 0),
        put(update_record, 0),
        Fs = [rewrite_function(F) || F <- Fs0],
        {ok, Bin} = beam_asm:module({Mod, Exp, Attr, Fs, Labels}, [], [], []),
        Out = filename:join(OutDir, atom_to_list(Mod) ++ ".beam"),
        ok = file:write_file(Out, Bin),
        io:format("~s bs_match=~w update_record=~w~n",
                  [Mod, get(bs_match), get(update_record)]),
        halt(0)
    catch
        C:R:St ->
            io:format(standard_error, "beam26: ~p:~p~n~p~n", [C, R, St]),
            halt(1)
    end.

%% Replace beam_opcodes with one that also knows opcodes 181..183.
teach_assembler() ->
    {module, beam_opcodes} = code:ensure_loaded(beam_opcodes),
    Known = [{beam_opcodes:opname(N), N} || N <- lists:seq(1, 180)],
    New = [{{update_record, 5}, 181}, {{bs_match, 3}, 182},
           {{executable_line, 2}, 183}],
    All = Known ++ New,
    Fmt = beam_opcodes:format_number(),
    L = 1,
    OpCl = [{clause, L, [{atom, L, Nm}, {integer, L, Ar}], [], [{integer, L, Op}]}
            || {{Nm, Ar}, Op} <- All],
    NameCl = [{clause, L, [{integer, L, Op}], [],
               [{tuple, L, [{atom, L, Nm}, {integer, L, Ar}]}]}
              || {{Nm, Ar}, Op} <- All],
    Forms = [{attribute, L, module, beam_opcodes},
             {attribute, L, export, [{format_number, 0}, {opcode, 2}, {opname, 1}]},
             {function, L, format_number, 0, [{clause, L, [], [], [{integer, L, Fmt}]}]},
             {function, L, opcode, 2, OpCl},
             {function, L, opname, 1, NameCl}],
    {ok, beam_opcodes, Bin} = compile:forms(Forms, [binary]),
    code:unstick_mod(beam_opcodes),
    code:purge(beam_opcodes),
    {module, beam_opcodes} = code:load_binary(beam_opcodes, "beam_opcodes.beam", Bin),
    182 = beam_opcodes:opcode(bs_match, 3),
    ok.

rewrite_function({function, Name, Arity, Entry, Is0}) ->
    Is1 = bs_runs(Is0),
    Is = records(Is1, none),
    {function, Name, Arity, Entry, Is}.

%% ---- bs_match ----

reg({tr, R, _}) -> R;
reg(R) -> R.

%% One instruction as {Fail, Ctx, Command, Bits, Kind}; Kind is
%% read | tail_test | final; or none.
bs_cmd({test, bs_get_integer2, F, Live, [Ctx, {integer, N}, U, Fl], Dst}) ->
    {F, reg(Ctx), {integer, Live, flags(Fl), N, U, Dst}, N * U, read};
bs_cmd({test, bs_get_binary2, F, Live, [Ctx, {integer, N}, U, _], Dst}) ->
    {F, reg(Ctx), {binary, Live, {literal, []}, N, U, Dst}, N * U, read};
bs_cmd({test, bs_get_binary2, F, Live, [Ctx, {atom, all}, U, _], Dst}) ->
    {F, reg(Ctx), {get_tail, Live, U, Dst}, 0, {final, U}};
bs_cmd({test, bs_skip_bits2, F, [Ctx, {integer, N}, U, _]}) ->
    {F, reg(Ctx), {skip, N * U}, N * U, read};
bs_cmd({test, bs_match_string, F, [Ctx, Bits, {string, S}]}) when Bits =< 64 ->
    <<V:Bits, _/bits>> = S,
    {F, reg(Ctx), {'=:=', nil, Bits, V}, Bits, read};
bs_cmd({test, bs_test_tail2, F, [Ctx, Bits]}) ->
    {F, reg(Ctx), none, Bits, tail_test};
bs_cmd(_) ->
    none.

flags({field_flags, Fs}) ->
    {literal, [F || F <- Fs, lists:member(F, [little, signed, native])]}.

bs_runs([I | Is]) ->
    case bs_cmd(I) of
        none -> [I | bs_runs(Is)];
        {F, Ctx, _, _, _} = C -> run(Is, F, Ctx, [C])
    end;
bs_runs([]) -> [].

%% Extend the run while the next instruction matches on the same context
%% with the same fail label and the run is still open.
run([I | Is] = All, F, Ctx, Acc = [{_, _, _, _, Last} | _]) when Last =:= read ->
    case bs_cmd(I) of
        {F, Ctx, _, _, _} = C -> run(Is, F, Ctx, [C | Acc]);
        _ -> emit(lists:reverse(Acc), F, Ctx) ++ bs_runs(All)
    end;
run(Is, F, Ctx, Acc) ->
    emit(lists:reverse(Acc), F, Ctx) ++ bs_runs(Is).

emit(Cmds, F, Ctx) ->
    Sum = lists:sum([B || {_, _, _, B, read} <- Cmds]),
    Body = [C || {_, _, C, _, _} <- Cmds, C =/= none],
    Lead = case lists:last(Cmds) of
               {_, _, _, T, tail_test} -> {ensure_exactly, Sum + T};
               {_, _, _, _, {final, U}} -> {ensure_at_least, Sum, U};
               _ -> {ensure_at_least, Sum, 1}
           end,
    put(bs_match, get(bs_match) + 1),
    Flat = lists:append([[{atom, element(1, C)} | tl(tuple_to_list(C))]
                         || C <- [Lead | Body]]),
    [{bs_match, F, Ctx, {list, Flat}}].

%% ---- update_record ----

records([{test, is_tagged_tuple, _, [_, N, _]} = I | Is], _) ->
    [I | records(Is, N)];
records([{move, {integer, Idx}, {x, 0}} | Is0], N) when is_integer(N), Idx =< N ->
    {Lines, Is1} = lists:splitwith(fun(I) -> element(1, I) =:= line end, Is0),
    Upd = {update_record, {atom, copy}, N, {x, 1}, {x, 0}, {list, [Idx, {x, 2}]}},
    case Is1 of
        [{call_ext, 3, {extfunc, erlang, setelement, 3}} | Is] ->
            count_update(),
            Lines ++ [Upd | records(Is, N)];
        [{call_ext_only, 3, {extfunc, erlang, setelement, 3}} | Is] ->
            count_update(),
            Lines ++ [Upd, return | records(Is, N)];
        [{call_ext_last, 3, {extfunc, erlang, setelement, 3}, D} | Is] ->
            count_update(),
            Lines ++ [Upd, {deallocate, D}, return | records(Is, N)];
        _ ->
            [{move, {integer, Idx}, {x, 0}} | records(Is0, N)]
    end;
records([{label, _} = I | Is], _) ->
    [I | records(Is, none)];
records([I | Is], N) ->
    [I | records(Is, N)];
records([], _) -> [].

count_update() ->
    put(update_record, get(update_record) + 1).
