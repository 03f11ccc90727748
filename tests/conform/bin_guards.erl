%% is_binary/is_bitstring as guard tests (the JIT compiles them inline) on
%% every representation: empty, small heap binaries, large off-heap
%% binaries, sub-binaries at byte and bit offsets, tails left by matching,
%% bitstrings of every bit size modulo 8, and non-binaries.
-module(bin_guards).
-export([main/0]).

main() ->
    Big = list_to_binary(lists:duplicate(300, $x)),
    <<_:3, Odd/bitstring>> = Big,
    <<_:8, Sub/binary>> = Big,
    <<_:5, Tail3:19/bitstring, _/bitstring>> = Big,
    Small = <<"abc">>,
    <<_:1, SmallOdd/bitstring>> = Small,
    Bits = [<<0:N>> || N <- lists:seq(0, 17)],
    Terms = [<<>>, Small, Big, Odd, Sub, Tail3, SmallOdd, binary:part(Big, 10, 100),
             split_binary(Big, 150), 'atom', "list", 42, 1.5, {<<"t">>}, [<<"l">>],
             #{<<"k">> => <<"v">>}, self(), make_ref()] ++ Bits,
    R = loop(3000, Terms, []),
    [io:format("~p ~p~n", [I, C]) || {I, C} <- lists:zip(lists:seq(1, length(R)), R)],
    io:format("tails ~p~n", [tails(Big, 0)]),
    ok.

loop(0, _Terms, Acc) -> Acc;
loop(N, Terms, _) -> loop(N - 1, Terms, [classify(T) || T <- Terms]).

classify(X) when is_binary(X) -> {binary, bit_size(X)};
classify(X) when is_bitstring(X) -> {bitstring, bit_size(X)};
classify(_) -> other.

%% walk a binary a few bits at a time: every tail is a sub-binary
tails(B, N) when is_binary(B), byte_size(B) > 0 ->
    <<_:3, Rest/bitstring>> = B,
    tails(Rest, N + 1);
tails(B, N) when is_bitstring(B), bit_size(B) > 0 ->
    <<_:5, Rest/bitstring>> = B,
    tails(Rest, N + 1);
tails(_, N) -> N.
