%% Records: creation, defaults, update, access, matching, is_record,
%% record_info, records printed as tuples.
-module(records).
-export([main/0]).

-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0, email = "none", tags = []}).
-record(empty, {}).
-record(nested, {p = #point{}, label = <<"n">>}).

main() ->
    P = #point{x = 3, y = 4},
    io:format("~p~n~w~n", [P, P]),
    io:format("default ~p~n", [#point{}]),
    io:format("x=~p y=~p~n", [P#point.x, P#point.y]),
    P2 = P#point{y = 10},
    io:format("updated ~p orig ~p~n", [P2, P]),
    Alice = #person{name = "Alice", age = 30},
    io:format("~p~n", [Alice]),
    Bob = Alice#person{name = "Bob", tags = [admin, dev]},
    io:format("~p~n", [Bob]),
    io:format("is_record ~p ~p ~p ~p~n",
              [is_record(P, point), is_record(P, person), is_record({point, 1}, point),
               is_record(Bob, person, 5)]),
    io:format("record_info ~p ~p~n", [record_info(fields, person), record_info(size, person)]),
    io:format("field index ~p~n", [#person.email]),
    io:format("empty ~p~n", [#empty{}]),
    N = #nested{},
    io:format("nested ~p~n", [N]),
    io:format("deep access ~p~n", [(N#nested.p)#point.x]),
    N2 = N#nested{p = (N#nested.p)#point{y = 99}},
    io:format("deep update ~p~n", [N2]),
    io:format("dist ~p~n", [dist(P)]),
    io:format("describe ~s~n", [describe(Bob)]),
    io:format("describe ~s~n", [describe(#person{name = "Kid", age = 5})]),
    io:format("tuple form ~p~n", [element(1, P) =:= point andalso tuple_size(P) =:= 3]),
    People = [#person{name = N0, age = A} || {N0, A} <- [{"Zed", 40}, {"Amy", 25}, {"Bo", 33}]],
    Sorted = lists:keysort(#person.age, People),
    io:format("~p~n", [[Nm || #person{name = Nm} <- Sorted]]),
    io:format("~p~n", [Sorted]),
    io:format("wildcard ~p~n", [#person{name = "W", _ = unset}]),
    io:format("guard ~p ~p~n", [kind(P), kind(Alice)]),
    io:format("from tuple ~p~n", [({point, 7, 8})#point.y]).

dist(#point{x = X, y = Y}) -> math:sqrt(X * X + Y * Y).

describe(#person{name = Name, age = Age}) when Age >= 18 -> Name ++ " (adult)";
describe(#person{name = Name}) -> Name ++ " (minor)".

kind(R) when is_record(R, point) -> point;
kind(R) when is_record(R, person) -> person.
