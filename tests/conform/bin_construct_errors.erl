%% Failures of binary construction (bs_create_bin): the exception
%% (badarg or system_limit), the error_info that OTP 25 puts in the
%% failing function's stack frame ({Segment, Type, What, Value}), and the
%% messages erl_erts_errors / erl_error make of it. Sizes are checked
%% for all segments before any value; segment numbers are the compiler's.
%% Each case runs 4 times so that `--jit tiered` runs it compiled too.
-module(bin_construct_errors).
-export([main/0, id/1]).

id(X) -> X.

show(Name, F) ->
    [run(Name, F, N) || N <- [1, 2, 3, 4]],
    ok.

run(Name, F, N) ->
    try F() of
        V when N =:= 1 -> io:format("~p: ok ~p~n", [Name, V]);
        _ -> ok
    catch
        C:R:St when N =:= 1 ->
            [{M, Fn, A, Loc} | _] = St,
            EI = proplists:get_value(error_info, Loc, none),
            io:format("~p: ~p:~p in ~p~n  loc keys ~p~n  error_info ~p~n",
                      [Name, C, R, {M, Fn, A}, [K || {K, _} <- Loc], EI]),
            put(Name, {C, R, EI}),
            case EI of
                #{module := Mod, function := Fun} ->
                    io:format("  ~p~n", [Mod:Fun(R, St)]);
                _ ->
                    ok
            end,
            io:format("  ~ts~n", [erl_error:format_exception(C, R, [hd(St)])]);
        C:R:St ->
            %% the same failure every time
            [{_, _, _, Loc} | _] = St,
            check_same(Name, {C, R, proplists:get_value(error_info, Loc, none)})
    end.

check_same(Name, E) ->
    case get(Name) of
        undefined -> put(Name, E), ok;
        E -> ok;
        Other -> io:format("~p: differs: ~p vs ~p~n", [Name, Other, E])
    end.

%% A function with arguments: its frame has the arity.
build3(A, B, C) ->
    <<A:8, B/binary, C/utf8>>.

%% In a guard the failure only fails the guard.
in_guard(X) when <<X:8>> =:= <<1>> -> one;
in_guard(_) -> other.

main() ->
    I = fun ?MODULE:id/1,
    %% integer segments
    show(int_atom, fun() -> X = I(foo), <<X:8>> end),
    show(int_float, fun() -> X = I(1.5), <<X:8>> end),
    show(int_var_size_type, fun() -> X = I(foo), N = I(16), <<X:N>> end),
    show(int_size_neg, fun() -> X = I(1), N = I(-1), <<X:N>> end),
    show(int_size_atom, fun() -> X = I(1), N = I(foo), <<X:N>> end),
    show(int_size_float, fun() -> X = I(1), N = I(8.0), <<X:N/little>> end),
    show(int_size_big, fun() -> X = I(1), N = I(1 bsl 64), <<X:N>> end),
    show(int_size_negbig, fun() -> X = I(1), N = I(-(1 bsl 64)), <<X:N>> end),
    show(int_size_unit_overflow,
         fun() -> X = I(1), N = I((1 bsl 59) - 1), <<X:N/unit:32>> end),
    %% sizes are checked before values
    show(size_before_value, fun() -> X = I(foo), N = I(bar), <<X:8, X:N>> end),
    show(size_before_value2,
         fun() -> X = I(foo), N = I(-3), <<X/utf8, 7:N/unit:8>> end),
    %% binary segments
    show(bin_all_atom, fun() -> X = I(foo), <<X/binary>> end),
    show(bin_all_list, fun() -> X = I("abc"), <<1, X/binary>> end),
    show(bin_all_unit, fun() -> X = I(<<1:3>>), <<X/binary>> end),
    show(bin_all_unit_mid, fun() -> X = I(<<5:12>>), <<1, X/binary, 2>> end),
    show(bits_all_ok, fun() -> X = I(<<1:3>>), <<X/bitstring, 1:5>> end),
    show(bin_fixed_short, fun() -> X = I(<<1, 2>>), <<X:3/binary>> end),
    show(bin_fixed_atom, fun() -> X = I(foo), <<X:3/binary>> end),
    show(bin_var_short, fun() -> X = I(<<1, 2>>), N = I(3), <<X:N/binary>> end),
    show(bin_var_short_long,
         fun() -> X = I(list_to_binary(lists:seq(1, 40))), N = I(41),
                  <<X:N/binary>> end),
    show(bin_var_neg, fun() -> X = I(foo), N = I(-1), <<X:N/binary>> end),
    show(bin_var_big, fun() -> X = I(<<1>>), N = I(1 bsl 64), <<X:N/binary>> end),
    show(bits_var_short, fun() -> X = I(<<1:7>>), N = I(8), <<X:N/bits>> end),
    show(bin_unit_var_ok,
         fun() -> X = I(<<1, 2, 3>>), N = I(4), <<X:N/binary-unit:4>> end),
    show(bin_second_all, fun() -> X = I(foo), <<X:8, X/binary>> end),
    %% append (first segment Bin/binary)
    show(append_atom, fun() -> X = I(foo), <<X/binary, 1:8>> end),
    show(append_unit, fun() -> X = I(<<1:3>>), <<X/binary, 1:8>> end),
    show(append_then_size,
         fun() -> X = I(foo), N = I(bar), <<X/binary, 1:N>> end),
    show(append_then_type,
         fun() -> X = I(<<1>>), Y = I(foo), <<X/binary, Y/binary>> end),
    show(append_bits_then_int,
         fun() -> X = I(<<1:3>>), Y = I(foo), <<X/bitstring, Y:8>> end),
    %% float segments
    show(float_atom, fun() -> X = I(foo), <<X/float>> end),
    show(float_list32, fun() -> X = I([1]), <<X:32/float>> end),
    show(float_no_float, fun() -> X = I(1 bsl 1024), <<X/float>> end),
    show(float_no_float16, fun() -> X = I(-(1 bsl 1100)), <<X:16/float>> end),
    show(float_invalid, fun() -> X = I(1.0), N = I(8), <<X:N/float>> end),
    show(float_invalid_zero, fun() -> X = I(1.0), N = I(0), <<X:N/float>> end),
    show(float_invalid_before_type,
         fun() -> X = I(foo), N = I(24), <<X:N/float>> end),
    show(float_size_neg, fun() -> X = I(1.0), N = I(-8), <<X:N/float>> end),
    show(float_32_inf_ok, fun() -> X = I(1.0e300), <<X:32/float>> end),
    %% utf segments
    show(utf8_surrogate, fun() -> X = I(16#D800), <<X/utf8>> end),
    show(utf8_atom, fun() -> X = I(foo), <<X/utf8>> end),
    show(utf8_neg, fun() -> X = I(-1), <<X/utf8>> end),
    show(utf8_too_big, fun() -> X = I(16#110000), <<X/utf8>> end),
    show(utf8_bignum, fun() -> X = I(1 bsl 70), <<X/utf8>> end),
    show(utf16_surrogate, fun() -> X = I(16#DFFF), <<X/utf16>> end),
    show(utf16_little_atom, fun() -> X = I(foo), <<X/little-utf16>> end),
    show(utf32_surrogate, fun() -> X = I(16#D800), <<X/utf32>> end),
    show(utf32_second, fun() -> X = I(foo), <<1, X/little-utf32>> end),
    show(utf32_before_int,
         fun() -> X = I(foo), Y = I(bar), <<Y:8, X/utf32>> end),
    %% segment numbers count source segments (strings merged or not)
    show(seg_after_strings,
         fun() -> X = I(foo), <<1:8, "abc", 2:8, X/binary>> end),
    show(seg_after_string, fun() -> X = I(foo), <<"abc", X:8>> end),
    show(seg_y_regs,
         fun() -> X = I(foo), Y = I(<<"ok">>), _ = I(x),
                  <<Y/binary, "-", X/utf8>> end),
    %% a frame with arguments; a guard; catch
    show(frame_arity, fun() -> build3(I(1), I(<<2>>), I(-5)) end),
    show(frame_arity_ok, fun() -> build3(I(1), I(<<2>>), I(16#E9)) end),
    show(guard, fun() -> {in_guard(I(foo)), in_guard(I(1))} end),
    show(old_catch,
         fun() -> X = I(foo),
                  {'EXIT', {R, [{_, _, _, L} | _]}} = (catch <<X:8>>),
                  {R, proplists:get_value(error_info, L)} end),
    show(bigint_value_ok, fun() -> X = I(1 bsl 100 + 258), <<X:16>> end),
    ok.
