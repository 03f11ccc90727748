%% ~s with deep lists/binaries, io_lib:format + lists:flatten, string
%% building, character escapes in ~p.
-module(strings_format).
-export([main/0]).

main() ->
    io:format("~s~n", [["Hello", $,, " ", [["deep", [" "]], <<"iolist">>], " ", "world"]]),
    io:format("~s~n", [<<"binary">>]),
    io:format("~s~n", [hello_atom]),
    io:format("[~10s] [~-10s] [~.3s] [~10.3s] [~-10.3s]~n", ["abc", "abc", "abcdef", "abcdef", "abcdef"]),
    io:format("[~5s]~n", ["too long for five"]),
    io:format("[~*s] [~-*s]~n", [6, "ab", 6, "ab"]),
    io:format("[~10.3.*s]~n", [$_, "abcdef"]),
    F = io_lib:format("~s=~w", ["key", 42]),
    io:format("~p~n", [F]),
    io:format("~p~n", [lists:flatten(F)]),
    io:format("~p~n", [iolist_to_binary(F)]),
    io:format("~p~n", [lists:flatten(io_lib:format("~p", ["quoted \"string\""]))]),
    io:format("~p~n", ["tab\there\nnewline"]),
    io:format("~p~n", ["bell\a esc\e del\d nul\0 bs\b ff\f vt\v cr\r"]),
    io:format("~p~n", ["\\ backslash and 'single' quotes"]),
    io:format("~p~n", [[0, 1, 2, 127, 128, 159, 160, 255]]),
    io:format("~p~n", [[$a, 128, $b]]),
    io:format("~p~n", [[$a, $b, 256]]),
    io:format("~p~n", [[$a, $b | $c]]),
    io:format("~p~n", [["abc", [], "def", [$g]]]),
    io:format("~p~n", [[[]]]),
    io:format("~p~n", [[[$a], [[$b]]]]),
    io:format("~p~n", ["bs\b ff\f vt\v cr\r esc\e tab\t nl\n"]),
    io:format("~p~n", [[8, 9, 10, 11, 12, 13, 27]]),
    io:format("~p~n", [[7, 8, 9, 10, 11, 12, 13, 27]]),
    io:format("~p~n", [[7, 8, 9, 10, 11, 12, 13, 27, 26]]),
    io:format("~s~n", [[72, 105, 33]]),
    io:format("~c~c~c|~3c|~-3c|~.5c~n", [$a, $b, $c, $x, $y, $z]),
    io:format("~s~n", [string:copies("=", 40)]),
    Table = [{"apple", 3, 1.25}, {"banana", 12, 0.5}, {"cherry", 150, 10.0}],
    lists:foreach(
      fun({Name, Qty, Price}) ->
              io:format("~-10s|~5w|~8.2f|~n", [Name, Qty, Price])
      end, Table),
    io:format("~s~n", [string:copies("=", 40)]),
    io:fwrite("fwrite ~s ~w~n", ["works", too]),
    io:put_chars("put_chars line\n"),
    io:put_chars(["deep ", ["put", $_], <<"chars">>, "\n"]),
    io:put_chars(standard_io, <<"binary put_chars\n">>),
    io:format("no args~n"),
    io:format("~~ tilde ~n"),
    io:format("percent % and backslash \\~n"),
    io:format(<<"binary format string ~w~n">>, [1]),
    io:format(atom_format_string),
    io:format("~n"),
    io:nl(),
    io:format("~i~w~n", [ignored, shown]),
    io:format("~s~n", [io_lib:write_string("w s")]),
    io:format("~s~n", [io_lib:write(["nested", {t, 1}])]),
    io:format("~s~n", [io_lib:print({print, "me"})]),
    io:format("~p~n", [io_lib:char_list("abc")]),
    io:format("~p~n", [io_lib:deep_char_list(["a", ["b"]])]),
    io:format("~p~n", [io_lib:printable_list("abc\n")]),
    io:format("~p~n", [io_lib:printable_list([1, 2])]),
    io:format("~p~n", [io_lib:fwrite("~5.1f", [2.25])]),
    io:format("~p~n", [catch_fmt("~d", [1])]),
    io:format("~p~n", [catch_fmt("~s", [1])]),
    io:format("~p~n", [catch_fmt("~w ~w", [1])]).

catch_fmt(Fmt, Args) ->
    try io_lib:format(Fmt, Args) catch error:R -> {error, R} end.
