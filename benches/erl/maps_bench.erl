%% Maps: small maps updated millions of times, large maps built and read.
%% Build, update (:=), insert (=>), lookup, fold. Sizes are realistic for
%% application code: many updates of a record-like map (8 keys, flat in OTP
%% too) and a few large maps (2,000 keys, a HAMT in OTP; beamz-jit's maps are
%% flat sorted arrays at every size for now, so its inserts into the large
%% map are O(n)). The checksum does not depend on iteration order (OTP
%% iterates large maps in hash order).
-module(maps_bench).
-export([main/0]).

main() ->
    A = small(4000000, #{a => 0, b => 1, c => 2, d => 3, e => 4, f => 5, g => 6, h => 7}, 0),
    B = large(150, 0),
    io:format("maps ~p ~p~n", [A, B]).

small(0, _M, Acc) -> Acc;
small(N, M, Acc) ->
    #{a := A, c := C, h := H} = M,
    M1 = M#{a := A + 1, c := (C * 3) band 16#FFFF, h := H + N},
    small(N - 1, M1, (Acc + maps:get(b, M1) + A + C) band 16#FFFFFFF).

large(0, Acc) -> Acc;
large(R, Acc) ->
    M0 = lists:foldl(fun(I, M) -> M#{I * 7 + R => I} end, #{}, lists:seq(1, 2000)),
    M1 = lists:foldl(fun(I, M) -> K = I * 7 + R, #{K := V} = M, M#{K := V * 2} end,
                     M0, lists:seq(1, 2000, 3)),
    Hits = length([I || I <- lists:seq(1, 30000), maps:is_key(I, M1)]),
    Sum = maps:fold(fun(K, V, S) -> S + K * V end, 0, M1),
    large(R - 1, (Acc + Hits + Sum + map_size(M1)) band 16#FFFFFFF).
