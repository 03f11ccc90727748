%% Which operator/guard-BIF failures get an {erlang,Op,Args,...} top frame.
%% On OTP 25: Var + Lit, Lit + Var and Var - Lit (Lit a literal integer) and
%% / (compiled to fconv/fdiv on float registers) fail WITHOUT an erlang frame
%% -- the top frame is the calling function with its line -- while Lit - Var,
%% + and - of two variables, *, div, rem, band, bor, bxor, bsl, bsr, unary -,
%% bnot and the guard BIFs do get one.
%% Operands come from the process dictionary so the compiler cannot fold them.
-module(exc_operators).
-export([main/0]).

main() ->
    put(a, x), put(z, 0), put(f, 1.5), put(i, 7),
    A = get(a), Z = get(z), F = get(f), I = get(i),
    T = fun(Name, Fun) ->
                try Fun() of
                    V -> io:format("~-8s no error ~p~n", [Name, V])
                catch
                    Class:Reason:Stack ->
                        io:format("~-8s ~p:~p ~p~n", [Name, Class, Reason, top(Stack)])
                end
        end,
    T("+", fun() -> A + 1 end),
    T("-", fun() -> A - 1 end),
    T("*", fun() -> A * 2 end),
    T("/", fun() -> A / 2 end),
    T("/ 0", fun() -> I / Z end),
    T("/ f 0", fun() -> F / Z end),
    T("div", fun() -> A div 2 end),
    T("div 0", fun() -> I div Z end),
    T("rem 0", fun() -> I rem Z end),
    T("band", fun() -> A band 1 end),
    T("bor", fun() -> I bor F end),
    T("bxor", fun() -> A bxor I end),
    T("bsl", fun() -> A bsl 1 end),
    T("bsr", fun() -> I bsr A end),
    T("neg", fun() -> -A end),
    T("bnot", fun() -> bnot A end),
    T("f + a", fun() -> F + A end),
    T("a + i", fun() -> A + I end),
    T("i - a", fun() -> I - A end),
    T("1 - a", fun() -> 1 - A end),
    T("1 + a", fun() -> 1 + A end),
    T("i * f", fun() -> I * F end),
    T("abs", fun() -> abs(A) end),
    T("length", fun() -> length(A) end),
    T("hd", fun() -> hd(A) end),
    T("tl", fun() -> tl(Z) end),
    T("element", fun() -> element(1, A) end),
    T("t_size", fun() -> tuple_size(A) end),
    T("b_size", fun() -> byte_size(A) end),
    T("m_size", fun() -> map_size(A) end),
    T("trunc", fun() -> trunc(A) end),
    T("float", fun() -> float(A) end),
    T("a2l", fun() -> atom_to_list(Z) end),
    T("l2a", fun() -> list_to_atom(A) end),
    T("i2l", fun() -> integer_to_list(F) end),
    T("not", fun() -> not A end),
    T("and", fun() -> A and true end),
    T("andalso", fun() -> A andalso true end),
    T("< ok", fun() -> A < I end),
    T("==", fun() -> F == 1.5 end),
    ok.

%% Local frames keep their location (file and line); erlang frames carry
%% [{error_info,...}] which is not printed.
top([{?MODULE, _, _, _} = Frame | _]) -> Frame;
top([{M, F, A, _} | _]) -> {M, F, A}.
