%% The process dictionary: put/get/erase/get_keys, get/0, erase/0, and that
%% each process has its own.
-module(proc_dict).
-export([main/0]).

main() ->
    io:format("initial get() ~p~n", [get()]),
    io:format("put new ~p~n", [put(count, 1)]),
    io:format("put again returns old ~p~n", [put(count, 2)]),
    io:format("get ~p missing ~p~n", [get(count), get(missing)]),
    put({tuple, key}, "value"),
    put("string key", [1, 2, 3]),
    put(42, #{a => 1}),
    io:format("get_keys ~p~n", [lists:sort(get_keys())]),
    io:format("get_keys/1 ~p~n", [lists:sort(get_keys("value"))]),
    io:format("get() ~p~n", [lists:sort(get())]),
    io:format("erase ~p then ~p~n", [erase(count), get(count)]),
    io:format("erase missing ~p~n", [erase(nothing)]),
    [put({n, I}, I * I) || I <- lists:seq(1, 10)],
    io:format("sum ~p~n", [lists:sum([get({n, I}) || I <- lists:seq(1, 10)])]),
    io:format("counter ~p~n", [counter(1000)]),
    Parent = self(),
    spawn(fun() -> put(child, yes), Parent ! {child_sees, get(count), get(child), get({tuple, key})} end),
    receive {child_sees, A, B, C} -> io:format("child ~p ~p ~p~n", [A, B, C]) end,
    io:format("parent child key ~p~n", [get(child)]),
    All = erase(),
    io:format("erase() returned ~p entries, now ~p~n", [length(All), get()]),
    io:format("memo fib ~p~n", [memo_fib(80)]),
    io:format("memo entries ~p~n", [length(get_keys())]).

counter(0) -> get(ctr);
counter(N) ->
    case get(ctr) of
        undefined -> put(ctr, 1);
        V -> put(ctr, V + 1)
    end,
    counter(N - 1).

memo_fib(N) when N < 2 -> N;
memo_fib(N) ->
    case get({fib, N}) of
        undefined ->
            V = memo_fib(N - 1) + memo_fib(N - 2),
            put({fib, N}, V),
            V;
        V -> V
    end.
