%% The fixed module of the jit_diff fuzz target (fuzz/fuzz_targets/jit_diff.rs):
%% small functions f0..f63 of two arguments each, covering the instructions
%% both tiers implement. The target calls one of them with fuzzed arguments
%% under the interpreter and under the eager JIT; results and exceptions
%% must agree. Deterministic and sequential only: no pids, refs, time,
%% receive, spawn or I/O.
-module(fz_diff).
-export([f0/2, f1/2, f2/2, f3/2, f4/2, f5/2, f6/2, f7/2, f8/2, f9/2,
         f10/2, f11/2, f12/2, f13/2, f14/2, f15/2, f16/2, f17/2, f18/2, f19/2,
         f20/2, f21/2, f22/2, f23/2, f24/2, f25/2, f26/2, f27/2, f28/2, f29/2,
         f30/2, f31/2, f32/2, f33/2, f34/2, f35/2, f36/2, f37/2, f38/2, f39/2,
         f40/2, f41/2, f42/2, f43/2, f44/2, f45/2, f46/2, f47/2, f48/2, f49/2,
         f50/2, f51/2, f52/2, f53/2, f54/2, f55/2, f56/2, f57/2, f58/2, f59/2,
         f60/2, f61/2, f62/2, f63/2]).

-record(r, {a, b = 0, c = []}).

%% arithmetic
f0(A, B) -> A + B.
f1(A, B) -> A - B * 3.
f2(A, B) -> {A * B, A * A}.
f3(A, B) -> {A div B, A rem B}.
f4(A, B) -> A / B.
f5(A, B) -> {A band B, A bor B, A bxor B, bnot A}.
f6(A, B) -> {A bsl (B rem 130), A bsr (B rem 70)}.
f7(A, B) -> {-A, abs(A), max(A, B), min(A, B)}.
f8(A, _) -> {float(A), round(A), trunc(A), floor(A), ceil(A)}.
f9(A, B) when is_integer(A), A > 0, A < 10000 -> loop(A, B, 0);
f9(A, B) -> {no, A, B}.

%% comparisons and type tests
f10(A, B) -> {A < B, A =< B, A == B, A =:= B, A /= B, A =/= B, A >= B}.
f11(A, _) -> [is_atom(A), is_binary(A), is_bitstring(A), is_boolean(A),
              is_float(A), is_function(A), is_integer(A), is_list(A),
              is_map(A), is_number(A), is_tuple(A)].
f12(A, B) when is_integer(A), is_integer(B), A > B -> gt;
f12(A, B) when is_float(A); is_float(B) -> float;
f12(A, B) when A =:= B -> same;
f12(A, _) when is_tuple(A), tuple_size(A) > 1 -> {tuple, element(1, A)};
f12(_, _) -> other.
f13(A, B) -> case {A, B} of
                 {0, _} -> zero;
                 {X, X} -> equal;
                 {[H | _], _} -> {head, H};
                 {{_, Y}, _} -> {pair, Y};
                 {<<C, _/binary>>, _} -> {byte, C};
                 {#{k := V}, _} -> {key, V};
                 {a, b} -> ab;
                 _ -> none
             end.
f14(A, B) -> erlang:phash2({A, B}, 1 bsl 32) =:= erlang:phash2({A, B}, 1 bsl 32).
f15(A, B) -> lists:sort([A, B, {A}, [B], 1, 1.0, a]).

%% tuples and records
f16(A, B) -> element(A, B).
f17(A, B) -> setelement(A, B, x).
f18(A, B) -> T = {A, B, A}, {tuple_size(T), tuple_to_list(T), erlang:append_element(T, B)}.
f19(A, B) -> R = #r{a = A, b = B}, R2 = R#r{c = [A]}, {R2#r.a, R2#r.c, is_record(R2, r)}.

%% lists
f20(A, B) -> A ++ B.
f21(A, B) -> A -- B.
f22(A, _) -> {length(A), lists:reverse(A), hd(A), tl(A)}.
f23(A, B) -> [X * 2 || X <- A, X > B].
f24(A, B) -> lists:foldl(fun(X, Acc) -> [{X, Acc} | Acc] end, [], lists:sublist(A, 5)) ++ [B].
f25(A, B) -> lists:keyfind(A, 1, B).
f26(A, B) -> {lists:member(A, B), lists:nth(1, B), lists:last(B)}.
f27(A, B) -> lists:zip(A, B).

%% binaries and bit syntax
f28(A, B) -> <<A:8, B:16/little, A:32/signed>>.
f29(A, _) -> case A of
                 <<X:4, Y:12, Rest/bits>> -> {X, Y, Rest};
                 <<Z:32/float, _/binary>> -> {short, Z};
                 _ -> nomatch
             end.
f30(A, B) -> <<A/binary, B/binary>>.
f31(A, B) -> {byte_size(A), bit_size(A), binary_part(A, 0, B)}.
f32(A, _) -> [X || <<X:3>> <= A].
f33(A, B) -> <<A:B/float>>.
f34(A, _) -> {binary_to_list(A), list_to_binary([A, A])}.
f35(A, B) -> binary:split(A, B).

%% maps
f36(A, B) -> M = #{A => B, b => A}, {maps:get(A, M), map_size(M), maps:keys(M)}.
f37(A, B) -> A#{k => B}.
f38(A, B) -> A#{k := B}.
f39(A, B) -> maps:merge(#{a => A}, B).
f40(A, B) -> case A of #{B := V} -> {found, V}; #{} -> missing; _ -> notamap end.

%% funs, exceptions, conversions
f41(A, B) -> F = fun(X) -> X + A end, G = fun(X, Y) -> {Y, X, B} end, {F(B), G(A, B)}.
f42(A, B) -> try A + B of V -> {ok, V} catch C:R -> {C, R} end.
f43(A, B) -> catch throw({A, B}).
f44(A, B) -> try erlang:error({A, B}) catch error:R:S -> {R, length(S) > 0} end.
f45(A, _) -> {integer_to_list(A), integer_to_binary(A, 16)}.
f46(A, _) -> {atom_to_list(A), list_to_atom(atom_to_list(A))}.
f47(A, B) -> term_to_binary({A, B}).

%% float registers, guard BIFs, jump tables, loops that grow numbers
f48(A, B) when is_float(A), is_float(B) -> X = A * B + A / 3.0 - B, {X, X * X, -X};
f48(A, B) -> {A, B}.
f49(A, B) when is_number(A), is_number(B) -> math:sqrt(abs(A)) + math:pow(2.0, B rem 30).
f50(A, _) -> case A of
                 0 -> zero; 1 -> one; 2 -> two; 3 -> three; 7 -> seven;
                 -1 -> minus; 1000 -> k; a -> atom_a; ok -> ok; error -> e;
                 [] -> nil; {} -> empty; {_} -> one_tuple; {_, _} -> two_tuple;
                 _ when is_integer(A) -> int; _ -> other
             end.
f51(A, B) when length(A) < B, hd(A) > 0 -> short;
f51(A, B) when element(1, B) =:= A orelse map_size(B) > 0 -> tagged;
f51(A, B) when abs(A) > 10, A rem 2 =:= 0; is_atom(B) -> even_or_atom;
f51(_, _) -> none.
f52(A, B) when is_integer(A), A >= 0, A < 300 -> grow(A, B, 1);
f52(A, B) -> {A, B}.
f53(A, B) -> apply(erlang, element(1 + (A rem 4), {'+', '*', '-', 'div'}), [A, B]).
f54(A, B) when is_integer(B), B >= 0, B < 64 -> <<X:B, Y/bits>> = A, {X, Y};
f54(A, B) -> <<A/bits, B/bits>>.
f55(A, B) -> Fs = [fun(X) -> X + 1 end, fun(X) -> {X} end, fun erlang:length/1,
                   fun(_) -> B end],
             [catch F(A) || F <- Fs].
f56(A, B) when is_integer(A), A >= 0, A < 200 ->
    maps:to_list(lists:foldl(fun(I, M) -> M#{I rem 7 => {I, B}} end, #{}, lists:seq(1, A)));
f56(A, B) -> {A, B}.
f57(A, B) when is_list(A) -> [catch (X div B) || X <- A];
f57(A, B) -> catch A div B.
f58(A, B) -> << <<(C bxor B)>> || <<C>> <= A >>.
f59(A, B) -> try f16(A, B) catch error:badarg -> {badarg, A} end.
f60(A, B) -> {A > B andalso B > 0, A < B orelse B < 0, not (A =:= B)}.
f61(A, B) -> erlang:insert_element(1, A, B).
f62(A, B) -> lists:flatten([A, [B, [A, B]]]).
f63(A, B) -> {float_to_list(A, [{decimals, 4}]), io_lib:format("~p ~w", [A, B])}.

grow(0, _, Acc) -> Acc;
grow(N, B, Acc) when is_integer(B) -> grow(N - 1, B, Acc * (B + N));
grow(N, B, Acc) -> grow(N - 1, B, [Acc]).

loop(0, _, Acc) -> Acc;
loop(N, B, Acc) when is_integer(B) -> loop(N - 1, B, Acc + N * B);
loop(N, B, Acc) -> loop(N - 1, B, [N | Acc]).
