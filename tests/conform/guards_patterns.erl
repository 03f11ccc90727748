%% Pattern matching and guards: clause selection, guard BIFs, type tests,
%% guard sequences (; and ,), andalso/orelse in guards, string prefixes,
%% case/if/when, match in function heads, repeated variables.
-module(guards_patterns).
-export([main/0]).

main() ->
    Vals = [0, 7, -3, 2.5, foo, "str", <<"bin">>, {1, 2}, [], [x], #{k => v}, self_ref, 1 bsl 70],
    [io:format("~-18w ~p~n", [V, classify(V)]) || V <- Vals],
    io:format("sign ~p~n", [[sign(X) || X <- [-5, 0, 5, -0.5, 0.5]]]),
    io:format("same ~p ~p ~p~n", [same({1, 1}), same({1, 2}), same({a, a})]),
    io:format("prefix ~p ~p ~p~n", [cmd("get key"), cmd("set k v"), cmd("other")]),
    io:format("bin prefix ~p ~p~n", [bcmd(<<"GET /index.html">>), bcmd(<<"POST /x">>)]),
    io:format("guard seq ~p~n", [[gs(X) || X <- [1, 15, 25, a, 3.0]]]),
    io:format("guard bifs ~p~n", [[gb(X) || X <- [[1, 2, 3], {a, b, c}, <<1, 2>>, #{a => 1, b => 2}, "ab"]]]),
    io:format("guard exception is false ~p~n", [[safe_guard(X) || X <- [[1], 5, a]]]),
    io:format("andalso/orelse ~p~n", [[ao(X) || X <- [1, 5, 11, -1, x]]]),
    io:format("nested ~p~n", [nested({person, {name, "Ann"}, {age, 30}, [{tag, a}, {tag, b}]})]),
    io:format("list pats ~p~n", [[lp(L) || L <- [[], [1], [1, 2], [1, 2, 3], [a | b]]]]),
    io:format("if ~p~n", [[grade(S) || S <- [95, 85, 75, 65, 10]]]),
    io:format("case guards ~p~n", [[case X of
                                        N when is_integer(N), N > 0 -> pos_int;
                                        N when is_integer(N) -> other_int;
                                        F when is_float(F) -> float;
                                        _ -> other
                                    end || X <- [3, -3, 3.0, x]]]),
    io:format("match op ~p~n", [match_both({pair, 1, 2})]),
    {A, B} = {B0, A0} = {1, 2},
    io:format("double match ~p ~p ~p ~p~n", [A, B, A0, B0]),
    [H | T] = "hello",
    io:format("head ~c tail ~s~n", [H, T]),
    io:format("map pat ~p~n", [[mp(M) || M <- [#{type => a}, #{type => b, v => 1}, #{}]]]),
    io:format("record-like ~p~n", [area({rect, 3, 4}) + area({circle, 1}) * 0 + area({square, 2})]),
    io:format("binary pat ~p~n", [bp(<<3, "abc", "rest">>)]),
    io:format("float pat ~p ~p~n", [fp(1.0), fp(1)]),
    io:format("tuple_size guard ~p~n", [[ts(T0) || T0 <- [{}, {a}, {a, b}, {a, b, c}]]]),
    io:format("is_function guard ~p~n", [[isf(F) || F <- [fun() -> ok end, fun(_) -> ok end, notfun]]]),
    io:format("element guard ~p~n", [[eg(X) || X <- [{ok, 1}, {error, 2}, {ok}]]]),
    io:format("abs in guard ~p~n", [[ag(X) || X <- [-10, 3, 100]]]),
    io:format("bit_size guard ~p~n", [[bs(X) || X <- [<<1:4>>, <<1>>, <<1, 2, 3>>]]]),
    io:format("xor/not guard ~p~n", [[xg(X, Y) || X <- [true, false], Y <- [true, false]]]),
    io:format("done~n").

classify(X) when is_integer(X), X > 1000000 -> big_integer;
classify(0) -> zero;
classify(X) when is_integer(X), X > 0 -> pos_integer;
classify(X) when is_integer(X) -> neg_integer;
classify(X) when is_float(X) -> float;
classify(X) when is_atom(X) -> atom;
classify([]) -> empty_list;
classify([C | _] = L) when is_integer(C) -> {string, length(L)};
classify(L) when is_list(L) -> list;
classify(X) when is_binary(X) -> {binary, byte_size(X)};
classify(X) when is_tuple(X) -> {tuple, tuple_size(X)};
classify(X) when is_map(X) -> {map, map_size(X)}.

sign(X) when X < 0 -> -1;
sign(X) when X == 0 -> 0;
sign(_) -> 1.

same({X, X}) -> same;
same({_, _}) -> different.

cmd("get " ++ Key) -> {get, Key};
cmd("set " ++ Rest) -> {set, string:split(Rest, " ")};
cmd(_) -> unknown.

bcmd(<<"GET ", Path/binary>>) -> {get, Path};
bcmd(<<Method:4/binary, " ", _/binary>>) -> {other, Method}.

gs(X) when is_integer(X), X < 10; is_integer(X), X > 20 -> outside;
gs(X) when is_integer(X) -> inside;
gs(_) -> not_int.

gb(X) when is_list(X), length(X) > 2 -> {long_list, hd(X), tl(X)};
gb(X) when is_tuple(X), element(1, X) =:= a -> {tuple_a, tuple_size(X)};
gb(X) when byte_size(X) =:= 2 -> {bin2, binary_part(X, 1, 1)};
gb(X) when map_size(X) =:= 2, is_map_key(a, X) -> {map2, map_get(a, X)};
gb(X) -> {other, X}.

safe_guard(X) when hd(X) =:= 1 -> head_is_one;
safe_guard(X) when X + 1 > 5 -> big;
safe_guard(_) -> fallthrough.

ao(X) when is_integer(X) andalso (X < 0 orelse X > 10) -> out;
ao(X) when is_integer(X) -> in;
ao(_) -> nan.

nested({person, {name, Name}, {age, Age}, Tags}) when Age >= 18 ->
    {Name, adult, [T || {tag, T} <- Tags]}.

lp([]) -> empty;
lp([X]) -> {one, X};
lp([X, Y]) -> {two, X, Y};
lp([X | Rest]) when is_list(Rest) -> {many, X, length(Rest)};
lp([_ | Improper]) -> {improper, Improper}.

grade(S) ->
    if
        S >= 90 -> a;
        S >= 80 -> b;
        S >= 70 -> c;
        S >= 60 -> d;
        true -> f
    end.

match_both({pair, X, Y} = Whole) -> {Whole, X + Y}.

mp(#{type := a}) -> type_a;
mp(#{type := b, v := V}) -> {type_b, V};
mp(#{}) -> empty_or_other.

area({rect, W, H}) -> W * H;
area({circle, R}) -> 3 * R * R;
area({square, S}) -> S * S.

bp(<<Len, Str:Len/binary, Rest/binary>>) -> {Str, Rest}.

fp(X) when X =:= 1.0 -> exact_float_one;
fp(X) when X == 1.0 -> equal_to_one.

ts(T) when tuple_size(T) =:= 0 -> empty;
ts(T) when tuple_size(T) < 3 -> small;
ts(_) -> large.

isf(F) when is_function(F, 0) -> arity0;
isf(F) when is_function(F) -> function;
isf(_) -> not_function.

eg(T) when tuple_size(T) =:= 2, element(1, T) =:= ok -> ok2;
eg(T) when element(1, T) =:= error -> error;
eg(_) -> other.

ag(X) when abs(X) > 50 -> far;
ag(X) when X < 0 -> negative_near;
ag(_) -> near.

bs(B) when bit_size(B) < 8 -> partial;
bs(B) when byte_size(B) > 2 -> long;
bs(_) -> byte.

xg(X, Y) when X xor Y -> exactly_one;
xg(X, _) when not X -> neither_or_second;
xg(_, _) -> both.
