%% Create atoms until the table is full: list_to_atom then raises
%% system_limit (erl aborts the node instead), existing atoms still work,
%% and code not loaded yet (io_lib_pretty for ~p) still loads.
-module(limit_atoms).
-export([main/0]).

main() ->
    io:format("limit ~w~n", [erlang:system_info(atom_limit)]),
    {C, E} = fill(0),
    io:format("~p:~p~n", [C, E]),
    %% (names built at run time: erlc folds list_to_atom of a literal)
    New = "one_more_" ++ integer_to_list(erlang:phash2(self())),
    io:format("~p~n", [reason(catch list_to_atom(New))]),
    io:format("~p~n", [reason(catch binary_to_atom(list_to_binary(New)))]),
    io:format("~p~n", [reason(catch list_to_existing_atom(New))]),
    Etf = <<131, 119, (length(New)), (list_to_binary(New))/binary>>,
    io:format("~p~n", [reason(catch binary_to_term(Etf))]),
    io:format("~p~n", [list_to_atom("limit_" ++ "atoms")]).

reason({'EXIT', {R, _}}) -> R;
reason(T) -> T.

fill(N) ->
    try list_to_atom("limit_atom_" ++ integer_to_list(N)) of
        _ -> fill(N + 1)
    catch C:E -> {C, E}
    end.
