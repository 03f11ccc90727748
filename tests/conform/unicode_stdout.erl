%% After io:setopts(standard_io, [{encoding, unicode}]) ~ts and ~s print
%% UTF-8, binaries are interpreted as UTF-8 by ~ts.
-module(unicode_stdout).
-export([main/0]).

main() ->
    ok = io:setopts(standard_io, [{encoding, unicode}]),
    io:format("~p~n", [io:getopts(standard_io)]),
    Greek = [955, 945, 956, 948, 945],
    io:format("~ts~n", [Greek]),
    io:format("~ts~n", [[$a, 1024, $b, 20320, 128512]]),
    io:format("~p ~tp~n", [Greek, Greek]),
    Latin = "caf" ++ [233],
    io:format("~s ~ts ~p ~tp~n", [Latin, Latin, Latin, Latin]),
    Utf8 = unicode:characters_to_binary(Greek),
    io:format("~ts ~p ~tp~n", [Utf8, Utf8, Utf8]),
    io:format("~s~n", [<<"caf", 195, 169>>]),
    io:format("[~10ts] [~-10ts] [~.3ts]~n", [Greek, Greek, Greek]),
    io:put_chars(Greek ++ "\n"),
    io:put_chars(unicode:characters_to_binary("bin: " ++ Greek ++ "\n")),
    io:format("~tp~n", [list_to_atom(Greek)]),
    io:format("~tp~n", [#{Greek => Utf8}]),
    io:format("~tc~n", [8364]),
    io:format("~ts~n", [[<<"mixed "/utf8>>, [955], <<" ok">>]]),
    ok = io:setopts(standard_io, [{encoding, latin1}]),
    io:format("~ts~n", [Greek]).
