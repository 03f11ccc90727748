%% OTP's logger API and error_logger under the default configuration:
%% which levels the default handler prints (notice and above) and how, then
%% after changing the primary and handler levels. The default handler keeps
%% its real formatter; this module wraps it only to blank the timestamp.
-module(logger_levels).
-export([main/0, format/2]).

-include_lib("kernel/include/logger.hrl").

format(Event, _Config) ->
    Text = logger_formatter:format(Event, #{legacy_header => true, single_line => false}),
    [Head | Rest] = string:split(unicode:characters_to_list(Text), "\n"),
    [Label | _] = string:split(Head, "==== "),
    [Label, "====\n" | Rest].

%% Everything logged so far has been written.
sync() ->
    ok = logger_std_h:filesync(default).

all_levels(Tag) ->
    logger:emergency("~s emergency ~p", [Tag, 0]),
    logger:alert("~s alert ~p", [Tag, 1]),
    logger:critical("~s critical ~p", [Tag, 2]),
    logger:error("~s error ~p", [Tag, 3]),
    logger:warning("~s warning ~p", [Tag, 4]),
    logger:notice("~s notice ~p", [Tag, 5]),
    logger:info("~s info ~p", [Tag, 6]),
    logger:debug("~s debug ~p", [Tag, 7]),
    sync().

main() ->
    #{level := PL} = logger:get_primary_config(),
    {ok, #{level := HL, formatter := F}} = logger:get_handler_config(default),
    io:format("primary level ~p, handler level ~p~nformatter ~p~n", [PL, HL, F]),
    io:format("allow info: ~p, allow notice: ~p~n",
              [logger:allow(info, ?MODULE), logger:allow(notice, ?MODULE)]),
    ok = logger:update_handler_config(default, formatter, {?MODULE, #{}}),

    io:format("-- default levels~n"),
    all_levels("default"),

    io:format("-- reports, format strings, unicode~n"),
    logger:error(#{what => report_map, count => 3}),
    logger:error([{what, report_list}, {n, 1}]),
    logger:warning("plain string, no args"),
    logger:error("unicode ~ts and ~p", [[955, 955], <<"bin">>]),
    logger:log(error, "log/3 ~w", [[1, 2, 3]]),
    logger:log(notice, #{a => 1}, #{domain => [mine]}),
    logger:error(#{custom => report}, #{report_cb => fun(R) -> {"custom cb: ~p", [R]} end}),
    ?LOG_ERROR("macro ~p", [error]),
    ?LOG_WARNING(#{macro => warning}),
    ?LOG_INFO("macro info not shown"),
    sync(),

    io:format("-- error_logger~n"),
    error_logger:error_msg("error_msg ~p~n", [1]),
    error_logger:error_msg("error_msg no args~n"),
    error_logger:warning_msg("warning_msg ~p~n", [2]),
    error_logger:info_msg("info_msg (logged at notice) ~p~n", [3]),
    error_logger:error_report([{tag, value}, plain_item]),
    error_logger:error_report(my_type, [{tag, value}]), % a typed report: not printed
    error_logger:warning_report("a string report"),
    error_logger:info_report(logged_at_notice),
    sync(),

    io:format("-- primary level info~n"),
    ok = logger:set_primary_config(level, info),
    all_levels("info"),
    error_logger:info_msg("info_msg shown ~p~n", [3]),
    error_logger:info_report([{shown, true}]),
    sync(),

    io:format("-- primary level all, handler level warning~n"),
    ok = logger:set_primary_config(level, all),
    ok = logger:set_handler_config(default, level, warning),
    all_levels("handler"),

    io:format("-- module level debug for this module, handler all~n"),
    ok = logger:set_handler_config(default, level, all),
    ok = logger:set_primary_config(level, error),
    ok = logger:set_module_level(?MODULE, debug),
    ?LOG_DEBUG("module-level debug via macro"),
    logger:debug("module-level debug via function (no module metadata)"),
    sync(),
    ok.
