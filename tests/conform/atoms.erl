%% Atoms: conversion BIFs and quoting rules of ~p / ~w / io_lib:write_atom.
-module(atoms).
-export([main/0]).

main() ->
    As = [hello, 'hello world', '[]', '', 'Abc', aBC, a_b, 'a-b', 'a.b', a@b,
          '$x', '_x', 'x_', 'hello\nworld', 'tab\there', 'quote\'s', 'back\\slash',
          'true', false, undefined, 'ok', 'if', 'case', 'end', 'fun', 'receive',
          'after', 'when', 'of', 'try', 'catch', 'andalso', 'orelse', 'not',
          'div', 'rem', 'band', 'bnot', 'xor', 'begin', 'maybe', 'else',
          '1abc', 'é', 'Ärger', 'ok!', '+', '++', '=', '{}', '.', ' ', 'a b c',
          nonode@nohost, 'node@host.name', a1, z9_Z],
    lists:foreach(
      fun(A) ->
              io:format("~p ~w ~s ~p~n", [A, A, atom_to_list(A), atom_to_list(A)])
      end, As),
    io:format("~p~n", [As]),
    io:format("~w~n", [{'hello world', ['[]', ''], #{'a b' => 'c d'}}]),
    io:format("~p~n", [list_to_atom("made " ++ "at runtime")]),
    io:format("~p~n", [list_to_atom([$a, $b, $c])]),
    io:format("~p~n", [list_to_atom("")]),
    io:format("~p~n", [atom_to_binary('hello world')]),
    io:format("~p~n", [atom_to_binary(abc, utf8)]),
    io:format("~p~n", [binary_to_atom(<<"from bin">>, utf8)]),
    io:format("~p~n", [list_to_existing_atom("hello")]),
    io:format("~p~n", [try list_to_existing_atom("surely_no_such_atom_xyzzy_42")
                       catch error:R -> {caught, R} end]),
    io:format("~p~n", [lists:sort([zeta, alpha, 'Beta', beta, '', 'a b', a])]),
    io:format("~p ~p ~p~n", [a < b, 'Z' < a, abc < abcd]),
    io:format("~p ~p~n", [is_atom(ok), is_atom("ok")]),
    io:format("~p~n", [length(atom_to_list('a somewhat longer atom name'))]),
    io:format("~s~n", [io_lib:write_atom('needs quoting')]),
    io:format("~s~n", [io_lib:write_atom(plain)]),
    io:format("~p~n", [[list_to_atom("x" ++ integer_to_list(I)) || I <- lists:seq(1, 5)]]),
    io:format("~p~n", [erlang:atom_to_list(?MODULE)]),
    io:format("~p ~p~n", [true andalso false, true orelse error(never)]).
