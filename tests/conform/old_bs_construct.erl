%% Pre-OTP-25 binary construction ops (bs_init2, bs_init_bits, bs_add,
%% bs_append, bs_private_append, bs_put_integer/binary/float/string,
%% bs_utf8_size/bs_utf16_size, bs_put_utf8/16/32), which OTP 24 compilers
%% emit: the compile attribute below makes OTP 25's erlc emit them too.
-module(old_bs_construct).
-compile([no_bs_create_bin, no_type_opt]).
-export([main/0]).

main() ->
    X = id(300), S = id(<<"xyz">>), F = id(1.5),
    io:format("~w~n", [<<X:16, X:12/little, S/binary>>]),
    io:format("~w~n", [<<"lit", F:64/float, S:2/binary, 1:3>>]),
    io:format("~w~n", [<<X:32/signed-little, (-X):24/signed, F:32/float-little>>]),
    A = lists:foldl(fun(I, Acc) -> <<Acc/binary, I:8>> end, <<>>, lists:seq(1, 300)),
    io:format("~p~n", [{byte_size(A), erlang:crc32(A)}]),
    B = lists:foldl(fun(I, Acc) -> <<Acc/bits, I:3>> end, <<>>, lists:seq(1, 50)),
    io:format("~w~n", [B]),
    io:format("~w~n", [<< <<I:5>> || I <- lists:seq(1, 20) >>]),
    Big = << <<I:32>> || I <- lists:seq(1, 100) >>,
    io:format("~p ~p~n", [byte_size(Big), erlang:md5(Big)]),
    U = id(16#1F600), L = id(233),
    io:format("~w~n", [<<U/utf8, L/utf8, U/utf16, L/utf16-little, U/utf32, U/utf32-little>>]),
    io:format("~p~n", [try <<(id(a)):8>> catch error:R -> R end]),
    io:format("~p~n", [try <<(id(16#110000))/utf8>> catch error:R2 -> R2 end]),
    io:format("~p~n", [try <<(id(<<1:3>>))/binary>> catch error:R3 -> R3 end]),
    Bits = lists:foldl(fun(I, Acc) -> <<Acc/bits, (I rem 2):1>> end, <<>>, lists:seq(1, 13)),
    io:format("~w ~p~n", [Bits, bit_size(Bits)]).

id(X) -> X.
