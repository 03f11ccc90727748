%% Selective receive: message ordering, skipping non-matching messages,
%% after 0 / after 10 timeouts, flushing, guards in receive patterns.
-module(receive_order).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! M || M <- [{b, 1}, {a, 1}, {c, 1}, {a, 2}, {b, 2}, {a, 3}]],
    io:format("first a ~p~n", [receive {a, N} -> N end]),
    io:format("first b ~p~n", [receive {b, N} -> N end]),
    io:format("any ~p~n", [receive X -> X end]),
    io:format("remaining ~p~n", [flush()]),
    io:format("empty after 0 ~p~n", [receive _ -> got after 0 -> timeout end]),
    io:format("empty after 10 ~p~n", [receive _ -> got after 10 -> timeout end]),
    Self ! late,
    io:format("present after 0 ~p~n", [receive late -> got_it after 0 -> timeout end]),
    Self ! {num, 5}, Self ! {num, 50}, Self ! {num, 500},
    io:format("guarded ~p~n", [receive {num, V} when V > 10 -> V end]),
    io:format("rest ~p~n", [flush()]),
    Self ! one, Self ! two, Self ! three,
    io:format("priority ~p~n", [priority_order()]),
    io:format("nomatch keeps queue: ~p~n", [receive nomatch_msg -> yes after 0 -> no end]),
    [Self ! {seq, I} || I <- lists:seq(1, 10)],
    io:format("in order ~p~n", [[receive {seq, I} -> I end || _ <- lists:seq(1, 10)]]),
    [Self ! {seq, I} || I <- lists:seq(1, 10)],
    io:format("reversed ~p~n", [[receive {seq, I} -> I end || I <- lists:seq(10, 1, -1)]]),
    %% messages from one sender arrive in send order
    Parent = self(),
    spawn(fun() -> [Parent ! {from_child, I} || I <- lists:seq(1, 100)] end),
    Got = [receive {from_child, I} -> I end || _ <- lists:seq(1, 100)],
    io:format("child order ok ~p~n", [Got =:= lists:seq(1, 100)]),
    %% request/reply with unique refs, replies consumed out of order
    Ref1 = make_ref(), Ref2 = make_ref(),
    spawn(fun() -> Parent ! {Ref2, second} end),
    spawn(fun() -> Parent ! {Ref1, first} end),
    R1 = receive {Ref1, A} -> A end,
    R2 = receive {Ref2, B} -> B end,
    io:format("by ref ~p ~p~n", [R1, R2]),
    io:format("timeout value ~p~n", [receive after 5 -> done end]),
    io:format("infinity branch not taken ~p~n", [begin Self ! x, receive x -> ok after infinity -> never end end]),
    io:format("message_queue_len ~p~n", [begin [Self ! I || I <- [1, 2, 3]], element(2, process_info(Self, message_queue_len)) end]),
    flush(),
    io:format("queue after flush ~p~n", [element(2, process_info(Self, message_queue_len))]),
    io:format("sleep ~p~n", [timer:sleep(1)]),
    io:format("done~n").

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

priority_order() ->
    receive
        three -> [three | priority_order()]
    after 0 ->
        receive
            M -> [M | priority_order()]
        after 0 -> []
        end
    end.
