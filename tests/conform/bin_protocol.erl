%% A realistic binary protocol, both directions: IPv4 + UDP headers with the
%% internet checksum (incl. the UDP pseudo-header), a nested TLV stream,
%% LEB128 varints, DNS-style label names with compression pointers, and a
%% length-prefixed framing decoder fed partial input (continuations), with
%% crc32/adler32/md5 trailers printed in hex.
-module(bin_protocol).
-export([main/0]).

main() ->
    section(ipv4_udp, fun ipv4_udp/0),
    section(ipv4_options, fun ipv4_options/0),
    section(bad_packets, fun bad_packets/0),
    section(tlv, fun tlv/0),
    section(varint, fun varint/0),
    section(dns_names, fun dns_names/0),
    section(framing, fun framing/0),
    section(framing_checked, fun framing_checked/0),
    section(checksums, fun checksums/0),
    ok.

section(Name, F) ->
    io:format("== ~p~n", [Name]),
    try F() of
        _ -> ok
    catch
        Class:Reason -> io:format("~p CRASHED ~p:~p~n", [Name, Class, Reason])
    end.

%% ---- IPv4 / UDP ------------------------------------------------------------

ip({A, B, C, D}) -> <<A, B, C, D>>.

ip_tuple(<<A, B, C, D>>) -> {A, B, C, D}.

%% RFC 1071 internet checksum.
csum(Bin) -> csum(Bin, 0).

csum(<<W:16, Rest/binary>>, Acc) -> csum(Rest, Acc + W);
csum(<<B:8>>, Acc) -> csum(<<>>, Acc + (B bsl 8));
csum(<<>>, Acc) -> fold(Acc).

fold(Acc) when Acc > 16#FFFF -> fold((Acc band 16#FFFF) + (Acc bsr 16));
fold(Acc) -> (bnot Acc) band 16#FFFF.

build_ipv4(#{src := Src, dst := Dst, proto := Proto, id := Id, ttl := Ttl,
             payload := Payload} = M) ->
    Opts = maps:get(options, M, <<>>),
    0 = byte_size(Opts) rem 4,
    Ihl = 5 + byte_size(Opts) div 4,
    Total = Ihl * 4 + byte_size(Payload),
    DF = maps:get(df, M, 1),
    Hdr0 = <<4:4, Ihl:4, 0:6, 0:2, Total:16, Id:16, 0:1, DF:1, 0:1, 0:13,
             Ttl:8, Proto:8, 0:16, (ip(Src))/binary, (ip(Dst))/binary, Opts/binary>>,
    Sum = csum(Hdr0),
    <<Pre:10/binary, _:16, Post/binary>> = Hdr0,
    <<Pre/binary, Sum:16, Post/binary, Payload/binary>>.

parse_ipv4(<<4:4, Ihl:4, Dscp:6, Ecn:2, Total:16, Id:16, _:1, DF:1, MF:1, Frag:13,
             Ttl:8, Proto:8, Sum:16, Src:4/binary, Dst:4/binary, Rest/binary>> = Pkt)
  when Ihl >= 5 ->
    OptLen = (Ihl - 5) * 4,
    PayLen = Total - Ihl * 4,
    case Rest of
        <<Opts:OptLen/binary, Payload:PayLen/binary, Trailer/binary>> ->
            HdrLen = Ihl * 4,
            <<Hdr:HdrLen/binary, _/binary>> = Pkt,
            {ok, #{dscp => Dscp, ecn => Ecn, id => Id, df => DF, mf => MF, frag => Frag,
                   ttl => Ttl, proto => Proto, sum => Sum, src => ip_tuple(Src),
                   dst => ip_tuple(Dst), options => Opts, payload => Payload,
                   trailer => byte_size(Trailer), valid => csum(Hdr) =:= 0}};
        _ ->
            {error, truncated}
    end;
parse_ipv4(<<V:4, _/bits>>) when V =/= 4 -> {error, {version, V}};
parse_ipv4(_) -> {error, short}.

udp_checksum(Src, Dst, Udp) ->
    Pseudo = <<(ip(Src))/binary, (ip(Dst))/binary, 0, 17, (byte_size(Udp)):16>>,
    case csum(<<Pseudo/binary, Udp/binary>>) of
        0 -> 16#FFFF;
        S -> S
    end.

build_udp(Src, Dst, SPort, DPort, Data) ->
    Len = 8 + byte_size(Data),
    U0 = <<SPort:16, DPort:16, Len:16, 0:16, Data/binary>>,
    Sum = udp_checksum(Src, Dst, U0),
    <<SPort:16, DPort:16, Len:16, Sum:16, Data/binary>>.

parse_udp(Src, Dst, <<SPort:16, DPort:16, Len:16, Sum:16, Rest/binary>> = U) ->
    DataLen = Len - 8,
    <<Data:DataLen/binary, _/binary>> = Rest,
    <<Hdr:6/binary, _:16, _/binary>> = U,
    Zeroed = <<Hdr/binary, 0:16, Data/binary>>,
    {SPort, DPort, Len, Data, Sum =:= udp_checksum(Src, Dst, Zeroed)}.

ipv4_udp() ->
    Src = {192, 168, 1, 10},
    Dst = {10, 0, 0, 254},
    Udp = build_udp(Src, Dst, 53124, 53, <<"hello, protocol world">>),
    io:format("udp ~w~n", [Udp]),
    Pkt = build_ipv4(#{src => Src, dst => Dst, proto => 17, id => 16#BEEF, ttl => 64,
                       payload => Udp}),
    io:format("ipv4 ~w~n", [Pkt]),
    io:format("hex ~s~n", [hex(Pkt)]),
    {ok, P} = parse_ipv4(Pkt),
    io:format("parsed ~p~n", [maps:remove(payload, P)]),
    io:format("udp parsed ~p~n", [parse_udp(Src, Dst, maps:get(payload, P))]),
    %% Odd-length payload exercises the padded checksum byte.
    Udp2 = build_udp(Src, Dst, 1, 2, <<"odd">>),
    io:format("odd udp ~w ~p~n", [Udp2, parse_udp(Src, Dst, Udp2)]),
    %% Flip one payload bit: the UDP checksum no longer matches.
    <<Pre:12/binary, B, Post/binary>> = Udp,
    io:format("corrupt udp ~p~n", [parse_udp(Src, Dst, <<Pre/binary, (B bxor 4), Post/binary>>)]),
    %% Many packets: checksums over a range of ids and sizes.
    Sums = [begin
                Pl = binary:copy(<<I>>, I rem 17),
                Pk = build_ipv4(#{src => Src, dst => Dst, proto => 6, id => I, ttl => I,
                                  payload => Pl, df => I rem 2}),
                <<_:80, S:16, _/binary>> = Pk,
                {ok, #{valid := true, payload := Pl}} = parse_ipv4(Pk),
                S
            end || I <- lists:seq(1, 40)],
    io:format("sums ~w~n", [Sums]).

ipv4_options() ->
    Opts = <<16#94, 4, 0, 0, 1, 0, 0, 0>>, % router alert + NOPs + end
    Pkt = build_ipv4(#{src => {127, 0, 0, 1}, dst => {224, 0, 0, 22}, proto => 2, id => 1,
                       ttl => 1, payload => <<16#22, 0, 16#F9, 16#FD>>, options => Opts,
                       df => 0}),
    io:format("with options ~w~n", [Pkt]),
    {ok, P} = parse_ipv4(<<Pkt/binary, "trailer">>),
    io:format("~p~n", [P]).

bad_packets() ->
    Good = build_ipv4(#{src => {1, 2, 3, 4}, dst => {5, 6, 7, 8}, proto => 17, id => 7,
                        ttl => 9, payload => <<"xyz">>}),
    <<_:4, Rest/bits>> = Good,
    Cases = [<<>>, <<69>>, <<6:4, Rest/bits>>, binary:part(Good, 0, 21),
             binary:part(Good, 0, 20), Good],
    [io:format("~p~n", [case parse_ipv4(C) of
                            {ok, M} -> {ok, maps:get(valid, M), maps:get(payload, M)};
                            E -> E
                        end]) || C <- Cases],
    ok.

%% ---- TLV -----------------------------------------------------------------
%% Type:8, Length:16, Value. Type 16#80 and up are containers (nested TLVs).

enc_tlv({T, L}) when is_list(L), T >= 16#80 ->
    V = << <<(enc_tlv(X))/binary>> || X <- L >>,
    <<T, (byte_size(V)):16, V/binary>>;
enc_tlv({T, V}) when is_binary(V) -> <<T, (byte_size(V)):16, V/binary>>;
enc_tlv({T, V}) when is_integer(V), V >= 0 ->
    Bytes = binary:encode_unsigned(V),
    <<T, (byte_size(Bytes)):16, Bytes/binary>>.

dec_tlvs(<<>>) -> [];
dec_tlvs(<<T, L:16, V:L/binary, Rest/binary>>) when T >= 16#80 ->
    [{T, dec_tlvs(V)} | dec_tlvs(Rest)];
dec_tlvs(<<T, L:16, V:L/binary, Rest/binary>>) -> [{T, V} | dec_tlvs(Rest)];
dec_tlvs(Bad) -> [{error, Bad}].

tlv() ->
    Msg = [{1, <<"name">>}, {2, 123456789}, {16#80, [{3, <<>>}, {4, <<0, 1, 2>>},
                                                   {16#81, [{5, 1 bsl 70}]}]},
           {6, binary:copy(<<"x">>, 300)}],
    Enc = << <<(enc_tlv(X))/binary>> || X <- Msg >>,
    io:format("size ~p head ~w~n", [byte_size(Enc), binary:part(Enc, 0, 40)]),
    Dec = dec_tlvs(Enc),
    io:format("roundtrip ~p~n", [[case X of
                                      {6, V} -> {6, byte_size(V)};
                                      _ -> X
                                  end || X <- Dec]]),
    %% The same stream truncated at every length: the decoder must stop
    %% with an error element, never crash.
    Trunc = [length(dec_tlvs(binary:part(Enc, 0, N))) || N <- lists:seq(0, 60)],
    io:format("trunc ~w~n", [Trunc]),
    io:format("bad ~p~n", [dec_tlvs(<<1, 0, 5, "abc">>)]).

%% ---- LEB128 varints -----------------------------------------------------

enc_varint(N) when N < 128 -> <<N>>;
enc_varint(N) -> <<1:1, (N band 127):7, (enc_varint(N bsr 7))/binary>>.

dec_varint(Bin) -> dec_varint(Bin, 0, 0).

dec_varint(<<1:1, X:7, Rest/binary>>, Shift, Acc) ->
    dec_varint(Rest, Shift + 7, Acc bor (X bsl Shift));
dec_varint(<<0:1, X:7, Rest/binary>>, Shift, Acc) -> {Acc bor (X bsl Shift), Rest};
dec_varint(<<>>, _, _) -> more.

%% zigzag for signed
zz(N) when N >= 0 -> N bsl 1;
zz(N) -> ((-N) bsl 1) - 1.

unzz(N) when N band 1 =:= 0 -> N bsr 1;
unzz(N) -> -((N + 1) bsr 1).

varint() ->
    Ns = [0, 1, 127, 128, 255, 300, 16383, 16384, 1 bsl 32, (1 bsl 64) - 1, 1 bsl 100],
    Encs = [enc_varint(N) || N <- Ns],
    io:format("enc ~w~n", [Encs]),
    io:format("dec ~w~n", [[element(1, dec_varint(E)) || E <- Encs]]),
    Signed = [0, -1, 1, -64, 64, -1000000, 1 bsl 40, -(1 bsl 70)],
    Stream = << <<(enc_varint(zz(S)))/binary>> || S <- Signed >>,
    io:format("stream ~w~n", [Stream]),
    io:format("signed back ~w~n", [read_all(Stream)]),
    io:format("partial ~p~n", [dec_varint(<<128, 128>>)]).

read_all(<<>>) -> [];
read_all(B) ->
    {V, R} = dec_varint(B),
    [unzz(V) | read_all(R)].

%% ---- DNS names -----------------------------------------------------------

enc_name(Name) ->
    Labels = binary:split(Name, <<".">>, [global, trim_all]),
    <<(<< <<(byte_size(L)), L/binary>> || L <- Labels >>)/binary, 0>>.

%% Decode a name at Offset in Msg, following compression pointers.
dec_name(Msg, Offset) -> dec_name(Msg, Offset, [], 0).

dec_name(_Msg, _Off, _Acc, Hops) when Hops > 10 -> {error, loop};
dec_name(Msg, Off, Acc, Hops) ->
    case Msg of
        <<_:Off/binary, 0, _/binary>> ->
            lists:join(<<".">>, lists:reverse(Acc));
        <<_:Off/binary, 2#11:2, Ptr:14, _/binary>> ->
            dec_name(Msg, Ptr, Acc, Hops + 1);
        <<_:Off/binary, 0:2, Len:6, Label:Len/binary, _/binary>> ->
            dec_name(Msg, Off + 1 + Len, [Label | Acc], Hops);
        _ ->
            {error, bad_label}
    end.

dns_names() ->
    N1 = enc_name(<<"www.example.com">>),
    io:format("~w~n", [N1]),
    %% Header (12 bytes), then the question name, then "mail" + pointer to
    %% "example.com" inside the first name.
    Hdr = <<16#1234:16, 1:1, 0:4, 1:1, 0:1, 1:1, 1:1, 0:3, 0:4, 1:16, 1:16, 0:16, 0:16>>,
    Msg = <<Hdr/binary, N1/binary, 4, "mail", 2#11:2, 16:14>>,
    io:format("msg ~w~n", [Msg]),
    <<Id:16, QR:1, Op:4, AA:1, TC:1, RD:1, RA:1, Z:3, RC:4, QD:16, AN:16, NS:16, AR:16,
      _/binary>> = Msg,
    io:format("hdr ~w~n", [[Id, QR, Op, AA, TC, RD, RA, Z, RC, QD, AN, NS, AR]]),
    io:format("q ~p~n", [iolist_to_binary(dec_name(Msg, 12))]),
    io:format("a ~p~n", [iolist_to_binary(dec_name(Msg, 12 + byte_size(N1)))]),
    Loop = <<0:96, 2#11:2, 12:14>>,
    io:format("loop ~p~n", [dec_name(Loop, 12)]),
    io:format("bad ~p~n", [dec_name(<<0:96, 5, "ab">>, 12)]).

%% ---- framing with partial input -----------------------------------------
%% Frame: Len:32, Payload:Len. The decoder keeps the unparsed rest and is
%% fed arbitrary chunks.

frame(Payload) -> <<(byte_size(Payload)):32, Payload/binary>>.

feed(Chunk, Buf) -> take_frames(<<Buf/binary, Chunk/binary>>, []).

take_frames(<<Len:32, Payload:Len/binary, Rest/binary>>, Acc) ->
    take_frames(Rest, [Payload | Acc]);
take_frames(<<Len:32, Partial/binary>> = Buf, Acc) ->
    {lists:reverse(Acc), Buf, {need, Len - byte_size(Partial)}};
take_frames(Buf, Acc) ->
    {lists:reverse(Acc), Buf, {need_header, 4 - byte_size(Buf)}}.

chunks(Bin, Sizes) -> chunks(Bin, Sizes, Sizes).

chunks(<<>>, _, _) -> [];
chunks(Bin, [], All) -> chunks(Bin, All, All);
chunks(Bin, [S | Ss], All) when byte_size(Bin) =< S -> [Bin | chunks(<<>>, Ss, All)];
chunks(Bin, [S | Ss], All) ->
    <<C:S/binary, R/binary>> = Bin,
    [C | chunks(R, Ss, All)].

run_feed(Chunks) ->
    lists:foldl(fun(C, {Got, Buf, _}) ->
                        {New, Buf2, St} = feed(C, Buf),
                        {Got ++ New, Buf2, St}
                end, {[], <<>>, start}, Chunks).

framing() ->
    Payloads = [<<"first">>, <<>>, <<"third message">>, binary:copy(<<"z">>, 70000),
                <<0, 0, 0, 0>>, <<"last">>],
    Stream = << <<(frame(P))/binary>> || P <- Payloads >>,
    io:format("stream ~p bytes crc ~p~n", [byte_size(Stream), erlang:crc32(Stream)]),
    lists:foreach(
      fun(Sizes) ->
              Chunks = chunks(Stream, Sizes),
              {Got, Buf, St} = run_feed(Chunks),
              io:format("sizes ~w chunks ~p frames ~p ok ~p left ~p ~p~n",
                        [Sizes, length(Chunks), length(Got), Got =:= Payloads,
                         byte_size(Buf), St])
      end, [[1], [3], [4], [5, 7], [1000], [65536], [100000]]),
    %% Stop in the middle: report what is still needed.
    Part = binary:part(Stream, 0, 36),
    {Got, Buf, St} = feed(Part, <<>>),
    io:format("partial ~p buf ~w ~p~n", [Got, Buf, St]),
    {Got2, Buf2, St2} = feed(<<0, 0>>, <<>>),
    io:format("header only ~p ~w ~p~n", [Got2, Buf2, St2]),
    %% Continue from the partial state with the rest of the stream.
    {Got3, Buf3, St3} = feed(binary:part(Stream, 36, byte_size(Stream) - 36), Buf),
    io:format("continued ~p ~p ~p ~p~n",
              [length(Got3), Got ++ Got3 =:= Payloads, Buf3, St3]).

%% Frames with a crc32 trailer: Len:16, Payload, Crc:32.
cframe(P) -> <<(byte_size(P)):16, P/binary, (erlang:crc32(P)):32>>.

ctake(<<Len:16, P:Len/binary, Crc:32, Rest/binary>>) ->
    Ok = erlang:crc32(P) =:= Crc,
    [{P, Ok} | ctake(Rest)];
ctake(<<>>) -> [];
ctake(Rest) -> [{incomplete, byte_size(Rest)}].

framing_checked() ->
    S = <<(cframe(<<"alpha">>))/binary, (cframe(<<"beta">>))/binary,
          (cframe(<<"gamma">>))/binary>>,
    io:format("~w~n", [S]),
    io:format("~p~n", [ctake(S)]),
    <<A:9/binary, X, B/binary>> = S,
    io:format("~p~n", [ctake(<<A/binary, (X bxor 16#20), B/binary>>)]),
    io:format("~p~n", [ctake(binary:part(S, 0, byte_size(S) - 3))]).

%% ---- checksums -----------------------------------------------------------

hex(Bin) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= Bin].

checksums() ->
    Data = [<<>>, <<"a">>, <<"abc">>, <<"The quick brown fox jumps over the lazy dog">>,
            list_to_binary(lists:seq(0, 255)), binary:copy(<<"0123456789">>, 1000)],
    lists:foreach(
      fun(D) ->
              io:format("~p: crc32 ~.16b adler32 ~.16b md5 ~s ~s~n",
                        [byte_size(D), erlang:crc32(D), erlang:adler32(D),
                         hex(erlang:md5(D)), binary:encode_hex(erlang:md5(D))])
      end, Data),
    %% Incremental versions agree with one-shot ones.
    Big = binary:copy(<<"incremental ">>, 500),
    Parts = chunks(Big, [1, 7, 100, 1000]),
    Crc = lists:foldl(fun(P, C) -> erlang:crc32(C, P) end, erlang:crc32(<<>>), Parts),
    Adl = lists:foldl(fun(P, A) -> erlang:adler32(A, P) end, erlang:adler32(<<>>), Parts),
    Md5 = erlang:md5_final(lists:foldl(fun(P, Ctx) -> erlang:md5_update(Ctx, P) end,
                                       erlang:md5_init(), Parts)),
    io:format("incremental ~p ~p ~p~n",
              [Crc =:= erlang:crc32(Big), Adl =:= erlang:adler32(Big), Md5 =:= erlang:md5(Big)]),
    io:format("iolist ~p ~p ~s~n",
              [erlang:crc32(["ab", [$c, <<"de">>]]), erlang:adler32([<<"abc">>, "de"]),
               hex(erlang:md5(["ab", [$c, <<"de">>]]))]).
