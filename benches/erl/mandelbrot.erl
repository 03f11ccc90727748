%% Mandelbrot set membership over a grid: unboxed float arithmetic.
-module(mandelbrot).
-export([main/0]).

-define(SIZE, 1200).
-define(ITER, 50).

main() ->
    N = rows(0, 0),
    io:format("mandelbrot ~p~n", [N]).

rows(?SIZE, Acc) -> Acc;
rows(Y, Acc) ->
    Ci = 2.0 * Y / ?SIZE - 1.0,
    rows(Y + 1, cols(0, Ci, Acc)).

cols(?SIZE, _Ci, Acc) -> Acc;
cols(X, Ci, Acc) ->
    Cr = 2.0 * X / ?SIZE - 1.5,
    cols(X + 1, Ci, Acc + point(0.0, 0.0, Cr, Ci, ?ITER)).

point(_Zr, _Zi, _Cr, _Ci, 0) -> 1;
point(Zr, Zi, Cr, Ci, K) ->
    Zr2 = Zr * Zr,
    Zi2 = Zi * Zi,
    if
        Zr2 + Zi2 > 4.0 -> 0;
        true -> point(Zr2 - Zi2 + Cr, 2.0 * Zr * Zi + Ci, Cr, Ci, K - 1)
    end.
