%% Classic algorithms: sieve, mergesort, binary search, gcd/lcm, string
%% edit distance, run-length encoding, base64, crc-like checksum, matrix
%% multiply, permutations, word frequency.
-module(algorithms).
-export([main/0]).

main() ->
    Primes = sieve(lists:seq(2, 200)),
    io:format("primes ~p count ~p~n", [lists:sublist(Primes, 15), length(Primes)]),
    io:format("msort ~p~n", [msort([38, 27, 43, 3, 9, 82, 10, 3, -5, 0])]),
    Arr = list_to_tuple(lists:seq(0, 999, 3)),
    io:format("bsearch ~p ~p ~p~n", [bsearch(Arr, 300), bsearch(Arr, 301), bsearch(Arr, 0)]),
    io:format("gcd/lcm ~p ~p~n", [gcd(1071, 462), lcm(21, 6)]),
    io:format("lcm 1..30 ~p~n", [lists:foldl(fun lcm/2, 1, lists:seq(1, 30))]),
    io:format("edit ~p ~p ~p~n", [edit("kitten", "sitting"), edit("", "abc"), edit("flaw", "lawn")]),
    io:format("rle ~p~n", [rle("aaabccddddde")]),
    io:format("unrle ~p~n", [unrle(rle("aaabccddddde"))]),
    io:format("base64 ~p ~p~n", [base64:encode(<<"hello world">>), base64:decode(<<"aGk=">>)]),
    io:format("base64 list ~p~n", [base64:encode_to_string("Erlang/OTP")]),
    io:format("adler32 ~p crc32 ~p~n", [erlang:adler32(<<"Wikipedia">>), erlang:crc32(<<"The quick brown fox jumps over the lazy dog">>)]),
    io:format("md5 ~s~n", [[io_lib:format("~2.16.0b", [B]) || <<B>> <= erlang:md5(<<"abc">>)]]),
    io:format("phash2 ~p ~p ~p~n", [erlang:phash2(hello), erlang:phash2({1, "two", <<3>>}), erlang:phash2(123, 1000)]),
    M = [[1, 2], [3, 4]],
    io:format("matmul ~p~n", [matmul(M, M)]),
    io:format("matpow fib ~p~n", [hd(tl(hd(matpow([[1, 1], [1, 0]], 90))))]),
    io:format("roman ~p~n", [[roman(N) || N <- [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]]]),
    io:format("words ~p~n", [top_words("a b a c b a d e a b", 3)]),
    io:format("balanced ~p~n", [[balanced(S) || S <- ["()", "([]{})", "(]", "((", "{[()()]}"]]]),
    io:format("rpn ~p~n", [rpn("3 4 + 2 * 7 -")]),
    io:format("knapsack ~p~n", [knapsack([{60, 10}, {100, 20}, {120, 30}], 50)]),
    io:format("lis ~p~n", [lis([10, 9, 2, 5, 3, 7, 101, 18])]),
    io:format("pascal ~p~n", [pascal(8)]),
    io:format("digits of 2^1000 sum ~p~n", [lists:sum([C - $0 || C <- integer_to_list(1 bsl 1000)])]),
    io:format("done~n").

sieve([]) -> [];
sieve([P | T]) -> [P | sieve([X || X <- T, X rem P =/= 0])].

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = lists:split(length(L) div 2, L),
    merge(msort(A), msort(B)).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

bsearch(T, X) -> bsearch(T, X, 1, tuple_size(T)).
bsearch(_, _, Lo, Hi) when Lo > Hi -> not_found;
bsearch(T, X, Lo, Hi) ->
    Mid = (Lo + Hi) div 2,
    case element(Mid, T) of
        X -> {found, Mid};
        V when V < X -> bsearch(T, X, Mid + 1, Hi);
        _ -> bsearch(T, X, Lo, Mid - 1)
    end.

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).
lcm(A, B) -> A * B div gcd(A, B).

edit(S, T) ->
    Row0 = lists:seq(0, length(T)),
    Last = lists:foldl(
             fun({I, C}, Prev) ->
                     edit_row(C, T, Prev, [I])
             end, Row0, lists:zip(lists:seq(1, length(S)), S)),
    lists:last(Last).

edit_row(_, [], _, Acc) -> lists:reverse(Acc);
edit_row(C, [D | T], [Diag, Up | PrevRest], [Left | _] = Acc) ->
    Cost = if C =:= D -> 0; true -> 1 end,
    V = lists:min([Left + 1, Up + 1, Diag + Cost]),
    edit_row(C, T, [Up | PrevRest], [V | Acc]).

rle([]) -> [];
rle([C | T]) -> rle(T, C, 1, []).
rle([C | T], C, N, Acc) -> rle(T, C, N + 1, Acc);
rle([D | T], C, N, Acc) -> rle(T, D, 1, [{C, N} | Acc]);
rle([], C, N, Acc) -> lists:reverse([{C, N} | Acc]).

unrle(L) -> lists:flatten([lists:duplicate(N, C) || {C, N} <- L]).

matmul(A, B) ->
    Bt = transpose(B),
    [[lists:sum([X * Y || {X, Y} <- lists:zip(Row, Col)]) || Col <- Bt] || Row <- A].

transpose([[] | _]) -> [];
transpose(M) -> [[hd(R) || R <- M] | transpose([tl(R) || R <- M])].

matpow(M, 1) -> M;
matpow(M, N) when N rem 2 =:= 0 -> H = matpow(M, N div 2), matmul(H, H);
matpow(M, N) -> matmul(M, matpow(M, N - 1)).

roman(0) -> "";
roman(N) ->
    {V, S} = hd([P || {Val, _} = P <- [{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                                       {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"},
                                       {5, "V"}, {4, "IV"}, {1, "I"}], Val =< N]),
    S ++ roman(N - V).

top_words(Text, N) ->
    Counts = lists:foldl(fun(W, M) -> maps:update_with(W, fun(C) -> C + 1 end, 1, M) end,
                         #{}, string:lexemes(Text, " ")),
    lists:sublist(lists:sort(fun({A, CA}, {B, CB}) -> {CB, A} =< {CA, B} end, maps:to_list(Counts)), N).

balanced(S) -> balanced(S, []).
balanced([], Stack) -> Stack =:= [];
balanced([C | T], Stack) when C =:= $(; C =:= $[; C =:= ${ -> balanced(T, [C | Stack]);
balanced([$) | T], [$( | S]) -> balanced(T, S);
balanced([$] | T], [$[ | S]) -> balanced(T, S);
balanced([$} | T], [${ | S]) -> balanced(T, S);
balanced(_, _) -> false.

rpn(S) ->
    [R] = lists:foldl(fun("+", [B, A | T]) -> [A + B | T];
                         ("-", [B, A | T]) -> [A - B | T];
                         ("*", [B, A | T]) -> [A * B | T];
                         (N, St) -> [list_to_integer(N) | St]
                      end, [], string:lexemes(S, " ")),
    R.

knapsack(Items, Cap) ->
    Table = lists:foldl(
              fun({V, W}, Row) ->
                      list_to_tuple([case C >= W of
                                         true -> max(element(C + 1, Row), element(C - W + 1, Row) + V);
                                         false -> element(C + 1, Row)
                                     end || C <- lists:seq(0, Cap)])
              end, erlang:make_tuple(Cap + 1, 0), Items),
    element(Cap + 1, Table).

lis(L) ->
    Ends = lists:foldl(fun(X, Acc) ->
                               case lists:splitwith(fun(E) -> E < X end, Acc) of
                                   {Less, []} -> Less ++ [X];
                                   {Less, [_ | Rest]} -> Less ++ [X | Rest]
                               end
                       end, [], L),
    length(Ends).

pascal(N) -> lists:reverse(lists:foldl(fun(_, [Prev | _] = Acc) ->
                                               [lists:zipwith(fun erlang:'+'/2, [0 | Prev], Prev ++ [0]) | Acc]
                                       end, [[1]], lists:seq(2, N))).
