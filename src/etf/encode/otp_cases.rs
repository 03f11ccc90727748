//! OTP 25's bytes for `term_to_binary/1,2` on 225 terms, and the test
//! that [`super::encode`] reproduces them and decodes them back.
//!
//! The table was produced with OTP 25 (`erl -noshell -eval 'etfgen:main(),
//! halt().'`) by the generator below: for each term it prints a label,
//! a Rust expression building the same term (see [`T`]), the options, and
//! the expected bytes (in full up to 120 bytes, else size and
//! `erlang:crc32/1`). Regenerate by saving the generator as `etfgen.erl`,
//! `erlc etfgen.erl`, and pasting its output into [`cases`].
//!
//! ```erlang
//! -module(etfgen).
//! -export([main/0]).
//!
//! lcg(N) -> lcg(0, 12345, N, []).
//! lcg(I, _, N, Acc) when I >= N -> list_to_binary(lists:reverse(Acc));
//! lcg(I, X0, N, Acc) ->
//!   X = (X0 * 1103515245 + 12345) band 16#FFFFFFFF,
//!   B = case I rem 7 of 0 -> (X bsr 16) band 255; _ -> I rem 13 end,
//!   lcg(I+1, X, N, [B|Acc]).
//!
//! rnd(N) -> rnd(N, 99991, []).
//! rnd(0, _, Acc) -> list_to_binary(Acc);
//! rnd(N, X0, Acc) -> X = (X0 * 1103515245 + 12345) band 16#FFFFFFFF, rnd(N-1, X, [(X bsr 16) band 255 | Acc]).
//!
//! deepl(N) -> lists:foldl(fun(_, A) -> [A] end, [], lists:seq(1, N)).
//! deept(N) -> lists:foldl(fun(_, A) -> {A} end, {}, lists:seq(1, N)).
//!
//! esc(Cs) -> lists:flatmap(fun($") -> "\\\""; ($\\) -> "\\\\"; (C) when C >= 32, C < 127 -> [C]; (C) -> io_lib:format("\\u{~.16b}", [C]) end, Cs).
//!
//! r(I) when is_integer(I), I >= -(1 bsl 47), I < (1 bsl 47) -> io_lib:format("i(~b)", [I]);
//! r(I) when is_integer(I) -> io_lib:format("big(\"~b\")", [I]);
//! r(F) when is_float(F) -> <<B:64>> = <<F/float>>, io_lib:format("f(0x~16.16.0b)", [B]);
//! r(A) when is_atom(A) -> "a(\"" ++ esc(atom_to_list(A)) ++ "\")";
//! r(T) when is_tuple(T) -> "t(vec![" ++ lists:join(", ", [r(E) || E <- tuple_to_list(T)]) ++ "])";
//! r([]) -> "nil()";
//! r(L) when is_list(L) -> {Items, Tail} = split(L, []),
//!    case Tail of [] -> "l(vec![" ++ lists:join(", ", [r(E) || E <- Items]) ++ "])";
//!                 _ -> "il(vec![" ++ lists:join(", ", [r(E) || E <- Items]) ++ "], " ++ r(Tail) ++ ")" end;
//! r(B) when is_binary(B) -> "b(&[" ++ lists:join(", ", [integer_to_list(X) || X <- binary_to_list(B)]) ++ "])";
//! r(B) when is_bitstring(B) -> N = bit_size(B), P = <<B/bitstring, 0:(8 - N rem 8)>>,
//!    "bits(&[" ++ lists:join(", ", [integer_to_list(X) || X <- binary_to_list(P)]) ++ "], " ++ integer_to_list(N) ++ ")";
//! r(M) when is_map(M) -> "m(vec![" ++ lists:join(", ", ["(" ++ r(K) ++ ", " ++ r(V) ++ ")" || {K, V} <- maps:to_list(M)]) ++ "])";
//! r(F) when is_function(F) -> {module, Mo} = erlang:fun_info(F, module), {name, Na} = erlang:fun_info(F, name), {arity, Ar} = erlang:fun_info(F, arity),
//!    "ex(\"" ++ esc(atom_to_list(Mo)) ++ "\", \"" ++ esc(atom_to_list(Na)) ++ "\", " ++ integer_to_list(Ar) ++ ")";
//! r(P) when is_pid(P) -> [_, Id, Ser] = string:lexemes(pid_to_list(P), "<.>"), io_lib:format("pid(~b)", [list_to_integer(Ser) bsl 15 bor list_to_integer(Id)]);
//! r(P) when is_port(P) -> [_, _, Id] = string:lexemes(erlang:port_to_list(P), "#<.>"), "port(" ++ Id ++ ")";
//! r(R) when is_reference(R) -> [_, _, A, B, C] = string:lexemes(erlang:ref_to_list(R), "#<.>"),
//!    io_lib:format("reference(~b)", [(list_to_integer(C) bor (list_to_integer(B) bsl 18) bor (list_to_integer(A) bsl 50)) band 16#FFFFFFFFFFFFFFFF]).
//!
//! split([H|T], Acc) -> split(T, [H|Acc]);
//! split(Tail, Acc) -> {lists:reverse(Acc), Tail}.
//!
//! ropts(O) ->
//!   Minor = proplists:get_value(minor_version, O, 1),
//!   Level = lists:foldl(fun(compressed, _) -> 6; ({compressed, L}, _) -> L; (_, A) -> A end, 0, O),
//!   Det = lists:member(deterministic, O),
//!   io_lib:format("o(~b, ~b, ~p)", [Minor, Level, Det]).
//!
//! label(T) -> S = lists:flatten(io_lib:format("~0tp", [T])), S1 = case length(S) > 60 of true -> lists:sublist(S, 57) ++ "..."; false -> S end, esc(S1).
//!
//! emit({Rust, T, O}) -> emit(Rust, T, O, label(T));
//! emit({Rust, T, O, Label}) -> emit(Rust, T, O, Label);
//! emit(T) -> emit(r(T), T, [], label(T)).
//!
//! emit(Rust0, T, O, Label) ->
//!   Rust = case Rust0 of auto -> r(T); _ -> Rust0 end,
//!   B = term_to_binary(T, O),
//!   Exp = case byte_size(B) =< 120 of
//!      true -> "Bytes(&[" ++ lists:join(", ", [integer_to_list(X) || X <- binary_to_list(B)]) ++ "])";
//!      false -> io_lib:format("Crc(~b, 0x~8.16.0b)", [byte_size(B), erlang:crc32(B)]) end,
//!   io:format("        (\"~ts\", ~ts, ~s, ~s),~n", [Label ++ case O of [] -> ""; _ -> " " ++ esc(lists:flatten(io_lib:format("~0p", [O]))) end, Rust, ropts(O), Exp]).
//!
//! main() ->
//!   A255 = list_to_atom(lists:duplicate(255, $x)),
//!   AU255 = list_to_atom(lists:duplicate(255, 228)),
//!   AE255 = list_to_atom(lists:duplicate(255, 16#1F600)),
//!   AE63 = list_to_atom(lists:duplicate(63, 16#1F600)),
//!   AE64 = list_to_atom(lists:duplicate(64, 16#1F600)),
//!   Ints = [0, 1, 255, 256, -1, -255, -256, 1000, 65535, 65536, 2147483647, 2147483648, -2147483648, -2147483649,
//!           (1 bsl 47) - 1, 1 bsl 47, -(1 bsl 47), -(1 bsl 47) - 1, 1 bsl 56, (1 bsl 63) - 1, 1 bsl 63, -(1 bsl 63), 1 bsl 64, -(1 bsl 64),
//!           (1 bsl 64) - 1, 1 bsl 255, -(1 bsl 255), (1 bsl 2040) - 1, 1 bsl 2040, -(1 bsl 2040), 123456789012345678901234567890, -98765432109876543210],
//!   Floats = [0.0, -0.0, 1.0, -1.0, 1.5, -1.5, 0.1, 3.141592653589793, 1.5e300, -1.5e300, 5.0e-324, 2.2250738585072014e-308,
//!             1.7976931348623157e308, 1.0e15, 123456.789, 1.0e100, 1.0e-100],
//!   Floats0 = Floats ++ [4.656612873077392578125e-10, 0.5, 100.0, 9.999999999999999e22],
//!   Atoms = ['', a, abc, ok, 'hello world', 'ä', 'åäö', 'Ωmega', '😀', 'a😀b', true, false, 'nonode@nohost', A255, AU255, AE63, AE64, AE255],
//!   Lists = [[], [1], [1,2,3], "abc", [0], [255], [256], [-1], [1|2], [a|b], [1,2|3], "abc" ++ [a], [[]], [[1],[2]], [1.5],
//!            [<<>>], "hello\n", [1000, 2000], "a\x{100}", [$a|<<"b">>], [a, {b}, "c", <<"d">>], [[[]]|[]], ["ab", "cd"], [1 bsl 70]],
//!   Bins = [<<>>, <<1>>, <<1,2,3>>, <<"hello">>, list_to_binary(lists:seq(0,255)), <<1:1>>, <<1:7>>, <<255,1:3>>, <<1,2,3,4:4>>, <<16#ABCD:15>>],
//!   Tuples = [{}, {a}, {1,2,3}, {{{}}}, {a, [1,2], <<3>>, #{}}, {ok, {error, "x"}}],
//!   Maps = [#{}, #{a => 1}, #{1 => a, 1.0 => b, 2 => c, -1.0 => d}, #{a => #{b => #{}}}, #{[1] => x, {a} => y, <<"k">> => z},
//!           #{1 => a, a => 1, "s" => s, <<"b">> => b, {t} => t, [l] => l, 2.5 => f, -5 => n, (1 bsl 80) => big}],
//!   Funs = [fun erlang:abs/1, fun lists:map/2, fun 'ä':'ö'/0, fun m:f/255, fun '😀':f/1],
//!   Pids = [list_to_pid("<0.5.0>"), list_to_pid("<0.0.0>"), list_to_pid("<0.32767.0>"), list_to_pid("<0.5.3>"), list_to_pid("<0.1.8191>")],
//!   Ports = [list_to_port("#Port<0.0>"), list_to_port("#Port<0.3>"), list_to_port("#Port<0.1000000>")],
//!   Refs = [list_to_ref("#Ref<0.0.0.5>"), list_to_ref("#Ref<0.1.2.3>"), list_to_ref("#Ref<0.0.1.262143>"), list_to_ref("#Ref<0.3.0.5>")],
//!   M32 = maps:from_list([{I, I * I} || I <- lists:seq(1, 32)]),
//!   MA32 = maps:from_list([{list_to_atom("k" ++ integer_to_list(I)), I} || I <- lists:seq(1, 32)]),
//!   M33 = maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
//!   M100 = maps:from_list([{I, integer_to_list(I)} || I <- lists:seq(1, 100)] ++ [{a, b}, {1.0, x}]),
//!   T256 = list_to_tuple(lists:seq(1, 256)),
//!   T255 = list_to_tuple(lists:duplicate(255, a)),
//!   Special = [
//!      {auto, M32, []}, {auto, MA32, []}, {auto, M33, [deterministic]}, {"m((1..=100).map(|k| (i(k), s(&k.to_string()))).chain([(a(\"a\"), a(\"b\")), (f(0x3ff0000000000000), a(\"x\"))]).collect())", M100, [deterministic], "map with 102 keys"},
//!      {auto, T256, []}, {auto, T255, []},
//!      {"seq(1, 300)", lists:seq(1, 300), []}, {"seq(0, 255)", lists:seq(0, 255), []},
//!      {"dup(65535, i(97))", lists:duplicate(65535, $a), [], "65535 a's"}, {"dup(65536, i(97))", lists:duplicate(65536, $a), [], "65536 a's"},
//!      {"dup(70000, i(97))", lists:duplicate(70000, $a), [], "70000 a's"},
//!      {"il((0..70000).map(|_| i(98)).collect(), i(1))", lists:duplicate(70000, $b) ++ 1, [], "improper 70000 b's"},
//!      {"deep_list(1000)", deepl(1000), [], "1000-deep list"}, {"deep_tuple(1000)", deept(1000), [], "1000-deep tuple"},
//!      {"deep_list(100_000)", deepl(100000), [], "100000-deep list"},
//!      {"b(&lcg(70000))", lcg(70000), [], "70000-byte binary"},
//!      {"t(vec![b(&lcg(1000)), seq(1, 100), dup(50, a(\"xyz\"))])", {lcg(1000), lists:seq(1, 100), lists:duplicate(50, xyz)}, [], "mixed tuple"}
//!   ],
//!   Compressed = [
//!      {"dup(100, i(0))", lists:duplicate(100, 0), [compressed], "100 zeros"},
//!      {"dup(100, i(0))", lists:duplicate(100, 0), [{compressed, 0}], "100 zeros"},
//!      {"dup(100, i(0))", lists:duplicate(100, 0), [{compressed, 1}], "100 zeros"},
//!      {"dup(100, i(0))", lists:duplicate(100, 0), [{compressed, 9}], "100 zeros"},
//!      {auto, abc, [compressed]}, {auto, [1,2,3], [compressed]}, {auto, <<1,2,3,4,5,6,7,8,9,10,11,12>>, [compressed]},
//!      {"b(&rnd(200))", rnd(200), [compressed], "200 random bytes"},
//!      {"b(&rnd(20))", rnd(20), [compressed], "20 random bytes"},
//!      {"seq(1, 1000)", lists:seq(1, 1000), [compressed], "seq 1000"},
//!      {"b(&lcg(70000))", lcg(70000), [{compressed, 1}], "70000-byte binary"},
//!      {"b(&lcg(70000))", lcg(70000), [{compressed, 3}], "70000-byte binary"},
//!      {"b(&lcg(70000))", lcg(70000), [{compressed, 4}], "70000-byte binary"},
//!      {"b(&lcg(70000))", lcg(70000), [{compressed, 6}], "70000-byte binary"},
//!      {"b(&lcg(70000))", lcg(70000), [{compressed, 9}], "70000-byte binary"},
//!      {"b(&rnd(70000))", rnd(70000), [compressed], "70000 random bytes"},
//!      {"dup(70000, i(97))", lists:duplicate(70000, $a), [compressed], "70000 a's"},
//!      {"m((1..=100).map(|k| (i(k), s(&k.to_string()))).chain([(a(\"a\"), a(\"b\")), (f(0x3ff0000000000000), a(\"x\"))]).collect())", M100, [deterministic, compressed], "map with 102 keys"},
//!      {auto, {1.5, 'ä', "text text text text text"}, [{minor_version, 0}, compressed]},
//!      {"deep_list(1000)", deepl(1000), [compressed], "1000-deep list"}
//!   ],
//!   Eq = hd([T || N <- lists:seq(10, 200), T <- [rnd2(N)], byte_size(term_to_binary(T, [compressed])) == byte_size(term_to_binary(T)), element(2, split_binary(term_to_binary(T, [compressed]), 1)) >= <<80>>, binary:at(term_to_binary(T, [compressed]), 1) == 80]),
//!   Cases = [{auto, X, []} || X <- Ints ++ Floats ++ Atoms ++ Lists ++ Bins ++ Tuples ++ Maps ++ Funs ++ Pids ++ Ports ++ Refs]
//!        ++ [{auto, X, [{minor_version, 0}]} || X <- Floats0 ++ ['ä', '😀', abc]]
//!        ++ [{auto, X, [{minor_version, 2}]} || X <- Atoms ++ Pids ++ Ports ++ Refs ++ [fun 'ä':'ö'/0, 1.5, #{'é' => "é"}]]
//!        ++ Special ++ Compressed ++ [{auto, Eq, [compressed], "compressed exactly as long"}],
//!   [emit(C) || C <- Cases],
//!   io:format("// ~b cases~n", [length(Cases)]),
//!   ok.
//!
//! rnd2(N) -> B = rnd(N), << <<(X band 3)>> || <<X>> <= B >>.
//! ```

use super::{encode, encoded_size, EncodeOpts};
use crate::code;
use crate::etf::decode::decode_exact;
use crate::heap::Heap;
use crate::term::{atom, bignum, order, Term};
use std::cmp::Ordering;

/// A term to build on a heap.
#[derive(Clone)]
#[allow(clippy::enum_variant_names)]
enum T {
    I(i64),
    Big(&'static str),
    F(u64),
    A(String),
    Tup(Vec<T>),
    Nil,
    L(Vec<T>, Box<T>),
    B(Vec<u8>),
    Bits(Vec<u8>, u64),
    M(Vec<(T, T)>),
    Ex(String, String, u32),
    Pid(u64),
    Port(u64),
    Ref(u64),
    DeepL(usize),
    DeepT(usize),
}

fn i(v: i64) -> T {
    T::I(v)
}
fn big(s: &'static str) -> T {
    T::Big(s)
}
fn f(bits: u64) -> T {
    T::F(bits)
}
fn a(s: &str) -> T {
    T::A(s.to_string())
}
fn t(v: Vec<T>) -> T {
    T::Tup(v)
}
fn nil() -> T {
    T::Nil
}
fn l(v: Vec<T>) -> T {
    T::L(v, Box::new(T::Nil))
}
fn il(v: Vec<T>, tail: T) -> T {
    T::L(v, Box::new(tail))
}
fn b(v: &[u8]) -> T {
    T::B(v.to_vec())
}
fn bits(v: &[u8], n: u64) -> T {
    T::Bits(v.to_vec(), n)
}
fn m(v: Vec<(T, T)>) -> T {
    T::M(v)
}
fn ex(m: &str, f: &str, a: u32) -> T {
    T::Ex(m.to_string(), f.to_string(), a)
}
fn pid(n: u64) -> T {
    T::Pid(n)
}
fn port(n: u64) -> T {
    T::Port(n)
}
fn reference(n: u64) -> T {
    T::Ref(n)
}
fn seq(lo: i64, hi: i64) -> T {
    l((lo..=hi).map(i).collect())
}
fn dup(n: usize, x: T) -> T {
    l(vec![x; n])
}
fn s(text: &str) -> T {
    l(text.chars().map(|c| i(c as i64)).collect())
}
fn deep_list(n: usize) -> T {
    T::DeepL(n)
}
fn deep_tuple(n: usize) -> T {
    T::DeepT(n)
}

/// The generator's `lcg/1`.
fn lcg(n: usize) -> Vec<u8> {
    let mut x: u32 = 12345;
    (0..n as u32)
        .map(|k| {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            if k % 7 == 0 {
                (x >> 16) as u8
            } else {
                (k % 13) as u8
            }
        })
        .collect()
}

/// The generator's `rnd/1` (built back to front).
fn rnd(n: usize) -> Vec<u8> {
    let mut x: u32 = 99991;
    let mut v: Vec<u8> = (0..n)
        .map(|_| {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    v.reverse();
    v
}

fn o(minor_version: u8, compression: u32, deterministic: bool) -> EncodeOpts {
    EncodeOpts {
        minor_version,
        compression,
        deterministic,
        fun_pid: 0,
    }
}

enum Exp {
    Bytes(&'static [u8]),
    /// Byte size and `erlang:crc32/1` of the encoding.
    Crc(usize, u32),
}
use Exp::{Bytes, Crc};

fn build(h: &mut Heap, x: &T) -> Term {
    match x {
        T::I(v) => h.int(*v),
        T::Big(s) => {
            let v: num_bigint::BigInt = s.parse().expect("decimal");
            bignum::from_big(h, &v)
        }
        T::F(bits) => Term::float(f64::from_bits(*bits)),
        T::A(s) => Term::atom(atom::intern(s).expect("atom")),
        T::Tup(v) => {
            let e: Vec<Term> = v.iter().map(|x| build(h, x)).collect();
            h.tuple(&e)
        }
        T::Nil => Term::NIL,
        T::L(v, tail) => {
            let e: Vec<Term> = v.iter().map(|x| build(h, x)).collect();
            let tl = build(h, tail);
            h.list_with_tail(&e, tl)
        }
        T::B(v) => h.binary(v),
        T::Bits(v, n) => h.bitstring(v, *n),
        T::M(pairs) => {
            let mut p: Vec<(Term, Term)> = pairs
                .iter()
                .map(|(k, v)| (build(h, k), build(h, v)))
                .collect();
            p.sort_by(|x, y| order::compare(x.0, y.0, true));
            h.map_sorted(&p)
        }
        T::Ex(m, f, ar) => {
            let m = atom::intern(m).expect("atom");
            let f = atom::intern(f).expect("atom");
            code::export_fun(h, m, f, *ar)
        }
        T::Pid(n) => Term::pid(*n),
        T::Port(n) => Term::port(*n),
        T::Ref(n) => h.reference(*n),
        T::DeepL(n) => {
            let mut acc = Term::NIL;
            for _ in 0..*n {
                acc = h.cons(acc, Term::NIL);
            }
            acc
        }
        T::DeepT(n) => {
            let mut acc = h.tuple(&[]);
            for _ in 0..*n {
                acc = h.tuple(&[acc]);
            }
            acc
        }
    }
}

fn crc32(b: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(b);
    c.sum()
}

#[test]
fn same_bytes_as_otp25_and_round_trip() {
    let cases = cases();
    assert!(cases.len() >= 150);
    let mut failures = Vec::new();
    for (label, term, opts, want) in &cases {
        let mut h = Heap::new(0);
        let t = build(&mut h, term);
        let got = match encode(t, opts) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!("{label}: {e}"));
                continue;
            }
        };
        let ok = match want {
            Bytes(w) => got == *w,
            Crc(n, c) => got.len() == *n && crc32(&got) == *c,
        };
        if !ok {
            let shown: Vec<u8> = got.iter().copied().take(80).collect();
            failures.push(format!("{label}: got {} bytes {shown:?}", got.len()));
            continue;
        }
        if opts.compression == 0 {
            assert_eq!(encoded_size(t, opts), Ok(got.len()), "{label}");
        }
        // Decoding gives back an exactly equal term.
        let mut h2 = Heap::new(0);
        match decode_exact(&got, &mut h2) {
            Ok(back) => {
                if order::compare(t, back, true) != Ordering::Equal {
                    failures.push(format!("{label}: decoded term differs"));
                }
            }
            Err(e) => failures.push(format!("{label}: decode: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[rustfmt::skip]
fn cases() -> Vec<(&'static str, T, EncodeOpts, Exp)> {
    vec![
        ("0", i(0), o(1, 0, false), Bytes(&[131, 97, 0])),
        ("1", i(1), o(1, 0, false), Bytes(&[131, 97, 1])),
        ("255", i(255), o(1, 0, false), Bytes(&[131, 97, 255])),
        ("256", i(256), o(1, 0, false), Bytes(&[131, 98, 0, 0, 1, 0])),
        ("-1", i(-1), o(1, 0, false), Bytes(&[131, 98, 255, 255, 255, 255])),
        ("-255", i(-255), o(1, 0, false), Bytes(&[131, 98, 255, 255, 255, 1])),
        ("-256", i(-256), o(1, 0, false), Bytes(&[131, 98, 255, 255, 255, 0])),
        ("1000", i(1000), o(1, 0, false), Bytes(&[131, 98, 0, 0, 3, 232])),
        ("65535", i(65535), o(1, 0, false), Bytes(&[131, 98, 0, 0, 255, 255])),
        ("65536", i(65536), o(1, 0, false), Bytes(&[131, 98, 0, 1, 0, 0])),
        ("2147483647", i(2147483647), o(1, 0, false), Bytes(&[131, 98, 127, 255, 255, 255])),
        ("2147483648", i(2147483648), o(1, 0, false), Bytes(&[131, 110, 4, 0, 0, 0, 0, 128])),
        ("-2147483648", i(-2147483648), o(1, 0, false), Bytes(&[131, 98, 128, 0, 0, 0])),
        ("-2147483649", i(-2147483649), o(1, 0, false), Bytes(&[131, 110, 4, 1, 1, 0, 0, 128])),
        ("140737488355327", i(140737488355327), o(1, 0, false), Bytes(&[131, 110, 6, 0, 255, 255, 255, 255, 255, 127])),
        ("140737488355328", big("140737488355328"), o(1, 0, false), Bytes(&[131, 110, 6, 0, 0, 0, 0, 0, 0, 128])),
        ("-140737488355328", i(-140737488355328), o(1, 0, false), Bytes(&[131, 110, 6, 1, 0, 0, 0, 0, 0, 128])),
        ("-140737488355329", big("-140737488355329"), o(1, 0, false), Bytes(&[131, 110, 6, 1, 1, 0, 0, 0, 0, 128])),
        ("72057594037927936", big("72057594037927936"), o(1, 0, false), Bytes(&[131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
        ("9223372036854775807", big("9223372036854775807"), o(1, 0, false), Bytes(&[131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 127])),
        ("9223372036854775808", big("9223372036854775808"), o(1, 0, false), Bytes(&[131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 128])),
        ("-9223372036854775808", big("-9223372036854775808"), o(1, 0, false), Bytes(&[131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 128])),
        ("18446744073709551616", big("18446744073709551616"), o(1, 0, false), Bytes(&[131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
        ("-18446744073709551616", big("-18446744073709551616"), o(1, 0, false), Bytes(&[131, 110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
        ("18446744073709551615", big("18446744073709551615"), o(1, 0, false), Bytes(&[131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 255])),
        ("578960446186580977117854925043439539266349923328202820197...", big("57896044618658097711785492504343953926634992332820282019728792003956564819968"), o(1, 0, false), Bytes(&[131, 110, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128])),
        ("-57896044618658097711785492504343953926634992332820282019...", big("-57896044618658097711785492504343953926634992332820282019728792003956564819968"), o(1, 0, false), Bytes(&[131, 110, 32, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128])),
        ("126238304966058622268417487065116999845484776053576109500...", big("126238304966058622268417487065116999845484776053576109500509161826268184136202698801551568013761380717534054534851164138648904527931605160527688095259563605939964364716019515983399209962459578542172100149937763938581219604072733422507180056009672540900709554109516816573779593326332288314873251559077853068444977864803391962580800682760017849589281937637993445539366428356761821065267423102149447628375691862210717202025241630303118559188678304314076943801692528246980959705901641444238894928620825482303431806955690226308773426829503900930529395181208739591967195841536053143145775307050594328881077553168201547775"), o(1, 0, false), Crc(259, 0x9cc429f3)),
        ("126238304966058622268417487065116999845484776053576109500...", big("126238304966058622268417487065116999845484776053576109500509161826268184136202698801551568013761380717534054534851164138648904527931605160527688095259563605939964364716019515983399209962459578542172100149937763938581219604072733422507180056009672540900709554109516816573779593326332288314873251559077853068444977864803391962580800682760017849589281937637993445539366428356761821065267423102149447628375691862210717202025241630303118559188678304314076943801692528246980959705901641444238894928620825482303431806955690226308773426829503900930529395181208739591967195841536053143145775307050594328881077553168201547776"), o(1, 0, false), Crc(263, 0x2b38a598)),
        ("-12623830496605862226841748706511699984548477605357610950...", big("-126238304966058622268417487065116999845484776053576109500509161826268184136202698801551568013761380717534054534851164138648904527931605160527688095259563605939964364716019515983399209962459578542172100149937763938581219604072733422507180056009672540900709554109516816573779593326332288314873251559077853068444977864803391962580800682760017849589281937637993445539366428356761821065267423102149447628375691862210717202025241630303118559188678304314076943801692528246980959705901641444238894928620825482303431806955690226308773426829503900930529395181208739591967195841536053143145775307050594328881077553168201547776"), o(1, 0, false), Crc(263, 0x27408dd1)),
        ("123456789012345678901234567890", big("123456789012345678901234567890"), o(1, 0, false), Bytes(&[131, 110, 13, 0, 210, 10, 63, 78, 238, 224, 115, 195, 246, 15, 233, 142, 1])),
        ("-98765432109876543210", big("-98765432109876543210"), o(1, 0, false), Bytes(&[131, 110, 9, 1, 234, 126, 38, 229, 56, 77, 165, 90, 5])),
        ("0.0", f(0x0000000000000000), o(1, 0, false), Bytes(&[131, 70, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("-0.0", f(0x8000000000000000), o(1, 0, false), Bytes(&[131, 70, 128, 0, 0, 0, 0, 0, 0, 0])),
        ("1.0", f(0x3ff0000000000000), o(1, 0, false), Bytes(&[131, 70, 63, 240, 0, 0, 0, 0, 0, 0])),
        ("-1.0", f(0xbff0000000000000), o(1, 0, false), Bytes(&[131, 70, 191, 240, 0, 0, 0, 0, 0, 0])),
        ("1.5", f(0x3ff8000000000000), o(1, 0, false), Bytes(&[131, 70, 63, 248, 0, 0, 0, 0, 0, 0])),
        ("-1.5", f(0xbff8000000000000), o(1, 0, false), Bytes(&[131, 70, 191, 248, 0, 0, 0, 0, 0, 0])),
        ("0.1", f(0x3fb999999999999a), o(1, 0, false), Bytes(&[131, 70, 63, 185, 153, 153, 153, 153, 153, 154])),
        ("3.141592653589793", f(0x400921fb54442d18), o(1, 0, false), Bytes(&[131, 70, 64, 9, 33, 251, 84, 68, 45, 24])),
        ("1.5e300", f(0x7e41eb2d66005835), o(1, 0, false), Bytes(&[131, 70, 126, 65, 235, 45, 102, 0, 88, 53])),
        ("-1.5e300", f(0xfe41eb2d66005835), o(1, 0, false), Bytes(&[131, 70, 254, 65, 235, 45, 102, 0, 88, 53])),
        ("5.0e-324", f(0x0000000000000001), o(1, 0, false), Bytes(&[131, 70, 0, 0, 0, 0, 0, 0, 0, 1])),
        ("2.2250738585072014e-308", f(0x0010000000000000), o(1, 0, false), Bytes(&[131, 70, 0, 16, 0, 0, 0, 0, 0, 0])),
        ("1.7976931348623157e308", f(0x7fefffffffffffff), o(1, 0, false), Bytes(&[131, 70, 127, 239, 255, 255, 255, 255, 255, 255])),
        ("1.0e15", f(0x430c6bf526340000), o(1, 0, false), Bytes(&[131, 70, 67, 12, 107, 245, 38, 52, 0, 0])),
        ("123456.789", f(0x40fe240c9fbe76c9), o(1, 0, false), Bytes(&[131, 70, 64, 254, 36, 12, 159, 190, 118, 201])),
        ("1.0e100", f(0x54b249ad2594c37d), o(1, 0, false), Bytes(&[131, 70, 84, 178, 73, 173, 37, 148, 195, 125])),
        ("1.0e-100", f(0x2b2bff2ee48e0530), o(1, 0, false), Bytes(&[131, 70, 43, 43, 255, 46, 228, 142, 5, 48])),
        ("''", a(""), o(1, 0, false), Bytes(&[131, 100, 0, 0])),
        ("a", a("a"), o(1, 0, false), Bytes(&[131, 100, 0, 1, 97])),
        ("abc", a("abc"), o(1, 0, false), Bytes(&[131, 100, 0, 3, 97, 98, 99])),
        ("ok", a("ok"), o(1, 0, false), Bytes(&[131, 100, 0, 2, 111, 107])),
        ("'hello world'", a("hello world"), o(1, 0, false), Bytes(&[131, 100, 0, 11, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100])),
        ("\u{e4}", a("\u{e4}"), o(1, 0, false), Bytes(&[131, 100, 0, 1, 228])),
        ("\u{e5}\u{e4}\u{f6}", a("\u{e5}\u{e4}\u{f6}"), o(1, 0, false), Bytes(&[131, 100, 0, 3, 229, 228, 246])),
        ("'\u{3a9}mega'", a("\u{3a9}mega"), o(1, 0, false), Bytes(&[131, 119, 6, 206, 169, 109, 101, 103, 97])),
        ("'\u{1f600}'", a("\u{1f600}"), o(1, 0, false), Bytes(&[131, 119, 4, 240, 159, 152, 128])),
        ("'a\u{1f600}b'", a("a\u{1f600}b"), o(1, 0, false), Bytes(&[131, 119, 6, 97, 240, 159, 152, 128, 98])),
        ("true", a("true"), o(1, 0, false), Bytes(&[131, 100, 0, 4, 116, 114, 117, 101])),
        ("false", a("false"), o(1, 0, false), Bytes(&[131, 100, 0, 5, 102, 97, 108, 115, 101])),
        ("nonode@nohost", a("nonode@nohost"), o(1, 0, false), Bytes(&[131, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116])),
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...", a("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), o(1, 0, false), Crc(259, 0x3772ce66)),
        ("\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}...", a("\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}"), o(1, 0, false), Crc(259, 0x783002f1)),
        ("'\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}...", a("\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}"), o(1, 0, false), Crc(255, 0xcf47a1c7)),
        ("'\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}...", a("\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}"), o(1, 0, false), Crc(260, 0x17ee8abe)),
        ("'\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}...", a("\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}"), o(1, 0, false), Crc(1024, 0x217ae8fc)),
        ("[]", nil(), o(1, 0, false), Bytes(&[131, 106])),
        ("[1]", l(vec![i(1)]), o(1, 0, false), Bytes(&[131, 107, 0, 1, 1])),
        ("[1,2,3]", l(vec![i(1), i(2), i(3)]), o(1, 0, false), Bytes(&[131, 107, 0, 3, 1, 2, 3])),
        ("\"abc\"", l(vec![i(97), i(98), i(99)]), o(1, 0, false), Bytes(&[131, 107, 0, 3, 97, 98, 99])),
        ("[0]", l(vec![i(0)]), o(1, 0, false), Bytes(&[131, 107, 0, 1, 0])),
        ("\"\u{ff}\"", l(vec![i(255)]), o(1, 0, false), Bytes(&[131, 107, 0, 1, 255])),
        ("[256]", l(vec![i(256)]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 98, 0, 0, 1, 0, 106])),
        ("[-1]", l(vec![i(-1)]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 98, 255, 255, 255, 255, 106])),
        ("[1|2]", il(vec![i(1)], i(2)), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 97, 1, 97, 2])),
        ("[a|b]", il(vec![a("a")], a("b")), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 100, 0, 1, 97, 100, 0, 1, 98])),
        ("[1,2|3]", il(vec![i(1), i(2)], i(3)), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 97, 3])),
        ("[97,98,99,a]", l(vec![i(97), i(98), i(99), a("a")]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 4, 97, 97, 97, 98, 97, 99, 100, 0, 1, 97, 106])),
        ("[[]]", l(vec![nil()]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 106, 106])),
        ("[[1],[2]]", l(vec![l(vec![i(1)]), l(vec![i(2)])]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 2, 107, 0, 1, 1, 107, 0, 1, 2, 106])),
        ("[1.5]", l(vec![f(0x3ff8000000000000)]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 70, 63, 248, 0, 0, 0, 0, 0, 0, 106])),
        ("[<<>>]", l(vec![b(&[])]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 109, 0, 0, 0, 0, 106])),
        ("\"hello\\n\"", l(vec![i(104), i(101), i(108), i(108), i(111), i(10)]), o(1, 0, false), Bytes(&[131, 107, 0, 6, 104, 101, 108, 108, 111, 10])),
        ("[1000,2000]", l(vec![i(1000), i(2000)]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 2, 98, 0, 0, 3, 232, 98, 0, 0, 7, 208, 106])),
        ("[97,256]", l(vec![i(97), i(256)]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 2, 97, 97, 98, 0, 0, 1, 0, 106])),
        ("[97|<<\"b\">>]", il(vec![i(97)], b(&[98])), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 97, 97, 109, 0, 0, 0, 1, 98])),
        ("[a,{b},\"c\",<<\"d\">>]", l(vec![a("a"), t(vec![a("b")]), l(vec![i(99)]), b(&[100])]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 4, 100, 0, 1, 97, 104, 1, 100, 0, 1, 98, 107, 0, 1, 99, 109, 0, 0, 0, 1, 100, 106])),
        ("[[[]]]", l(vec![l(vec![nil()])]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 108, 0, 0, 0, 1, 106, 106, 106])),
        ("[\"ab\",\"cd\"]", l(vec![l(vec![i(97), i(98)]), l(vec![i(99), i(100)])]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 2, 107, 0, 2, 97, 98, 107, 0, 2, 99, 100, 106])),
        ("[1180591620717411303424]", l(vec![big("1180591620717411303424")]), o(1, 0, false), Bytes(&[131, 108, 0, 0, 0, 1, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 106])),
        ("<<>>", b(&[]), o(1, 0, false), Bytes(&[131, 109, 0, 0, 0, 0])),
        ("<<1>>", b(&[1]), o(1, 0, false), Bytes(&[131, 109, 0, 0, 0, 1, 1])),
        ("<<1,2,3>>", b(&[1, 2, 3]), o(1, 0, false), Bytes(&[131, 109, 0, 0, 0, 3, 1, 2, 3])),
        ("<<\"hello\">>", b(&[104, 101, 108, 108, 111]), o(1, 0, false), Bytes(&[131, 109, 0, 0, 0, 5, 104, 101, 108, 108, 111])),
        ("<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21...", b(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255]), o(1, 0, false), Crc(262, 0xdb230dc2)),
        ("<<1:1>>", bits(&[128], 1), o(1, 0, false), Bytes(&[131, 77, 0, 0, 0, 1, 1, 128])),
        ("<<1:7>>", bits(&[2], 7), o(1, 0, false), Bytes(&[131, 77, 0, 0, 0, 1, 7, 2])),
        ("<<255,1:3>>", bits(&[255, 32], 11), o(1, 0, false), Bytes(&[131, 77, 0, 0, 0, 2, 3, 255, 32])),
        ("<<1,2,3,4:4>>", bits(&[1, 2, 3, 64], 28), o(1, 0, false), Bytes(&[131, 77, 0, 0, 0, 4, 4, 1, 2, 3, 64])),
        ("<<87,77:7>>", bits(&[87, 154], 15), o(1, 0, false), Bytes(&[131, 77, 0, 0, 0, 2, 7, 87, 154])),
        ("{}", t(vec![]), o(1, 0, false), Bytes(&[131, 104, 0])),
        ("{a}", t(vec![a("a")]), o(1, 0, false), Bytes(&[131, 104, 1, 100, 0, 1, 97])),
        ("{1,2,3}", t(vec![i(1), i(2), i(3)]), o(1, 0, false), Bytes(&[131, 104, 3, 97, 1, 97, 2, 97, 3])),
        ("{{{}}}", t(vec![t(vec![t(vec![])])]), o(1, 0, false), Bytes(&[131, 104, 1, 104, 1, 104, 0])),
        ("{a,[1,2],<<3>>,#{}}", t(vec![a("a"), l(vec![i(1), i(2)]), b(&[3]), m(vec![])]), o(1, 0, false), Bytes(&[131, 104, 4, 100, 0, 1, 97, 107, 0, 2, 1, 2, 109, 0, 0, 0, 1, 3, 116, 0, 0, 0, 0])),
        ("{ok,{error,\"x\"}}", t(vec![a("ok"), t(vec![a("error"), l(vec![i(120)])])]), o(1, 0, false), Bytes(&[131, 104, 2, 100, 0, 2, 111, 107, 104, 2, 100, 0, 5, 101, 114, 114, 111, 114, 107, 0, 1, 120])),
        ("#{}", m(vec![]), o(1, 0, false), Bytes(&[131, 116, 0, 0, 0, 0])),
        ("#{a => 1}", m(vec![(a("a"), i(1))]), o(1, 0, false), Bytes(&[131, 116, 0, 0, 0, 1, 100, 0, 1, 97, 97, 1])),
        ("#{1 => a,2 => c,-1.0 => d,1.0 => b}", m(vec![(i(1), a("a")), (i(2), a("c")), (f(0xbff0000000000000), a("d")), (f(0x3ff0000000000000), a("b"))]), o(1, 0, false), Bytes(&[131, 116, 0, 0, 0, 4, 97, 1, 100, 0, 1, 97, 97, 2, 100, 0, 1, 99, 70, 191, 240, 0, 0, 0, 0, 0, 0, 100, 0, 1, 100, 70, 63, 240, 0, 0, 0, 0, 0, 0, 100, 0, 1, 98])),
        ("#{a => #{b => #{}}}", m(vec![(a("a"), m(vec![(a("b"), m(vec![]))]))]), o(1, 0, false), Bytes(&[131, 116, 0, 0, 0, 1, 100, 0, 1, 97, 116, 0, 0, 0, 1, 100, 0, 1, 98, 116, 0, 0, 0, 0])),
        ("#{{a} => y,[1] => x,<<\"k\">> => z}", m(vec![(t(vec![a("a")]), a("y")), (l(vec![i(1)]), a("x")), (b(&[107]), a("z"))]), o(1, 0, false), Bytes(&[131, 116, 0, 0, 0, 3, 104, 1, 100, 0, 1, 97, 100, 0, 1, 121, 107, 0, 1, 1, 100, 0, 1, 120, 109, 0, 0, 0, 1, 107, 100, 0, 1, 122])),
        ("#{-5 => n,1 => a,1208925819614629174706176 => big,2.5 => ...", m(vec![(i(-5), a("n")), (i(1), a("a")), (big("1208925819614629174706176"), a("big")), (f(0x4004000000000000), a("f")), (a("a"), i(1)), (t(vec![a("t")]), a("t")), (l(vec![i(115)]), a("s")), (l(vec![a("l")]), a("l")), (b(&[98]), a("b"))]), o(1, 0, false), Bytes(&[131, 116, 0, 0, 0, 9, 98, 255, 255, 255, 251, 100, 0, 1, 110, 97, 1, 100, 0, 1, 97, 110, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 100, 0, 3, 98, 105, 103, 70, 64, 4, 0, 0, 0, 0, 0, 0, 100, 0, 1, 102, 100, 0, 1, 97, 97, 1, 104, 1, 100, 0, 1, 116, 100, 0, 1, 116, 107, 0, 1, 115, 100, 0, 1, 115, 108, 0, 0, 0, 1, 100, 0, 1, 108, 106, 100, 0, 1, 108, 109, 0, 0, 0, 1, 98, 100, 0, 1, 98])),
        ("fun erlang:abs/1", ex("erlang", "abs", 1), o(1, 0, false), Bytes(&[131, 113, 100, 0, 6, 101, 114, 108, 97, 110, 103, 100, 0, 3, 97, 98, 115, 97, 1])),
        ("fun lists:map/2", ex("lists", "map", 2), o(1, 0, false), Bytes(&[131, 113, 100, 0, 5, 108, 105, 115, 116, 115, 100, 0, 3, 109, 97, 112, 97, 2])),
        ("fun \u{c3}\u{a4}:\u{c3}\u{b6}/0", ex("\u{e4}", "\u{f6}", 0), o(1, 0, false), Bytes(&[131, 113, 100, 0, 1, 228, 100, 0, 1, 246, 97, 0])),
        ("fun m:f/255", ex("m", "f", 255), o(1, 0, false), Bytes(&[131, 113, 100, 0, 1, 109, 100, 0, 1, 102, 97, 255])),
        ("fun '\u{f0}\u{9f}\u{98}\u{80}':f/1", ex("\u{1f600}", "f", 1), o(1, 0, false), Bytes(&[131, 113, 119, 4, 240, 159, 152, 128, 100, 0, 1, 102, 97, 1])),
        ("<0.5.0>", pid(5), o(1, 0, false), Bytes(&[131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("<0.0.0>", pid(0), o(1, 0, false), Bytes(&[131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("<0.32767.0>", pid(32767), o(1, 0, false), Bytes(&[131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 127, 255, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("<0.5.3>", pid(98309), o(1, 0, false), Bytes(&[131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0, 0])),
        ("<0.1.8191>", pid(268402689), o(1, 0, false), Bytes(&[131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 1, 0, 0, 31, 255, 0, 0, 0, 0])),
        ("#Port<0.0>", port(0), o(1, 0, false), Bytes(&[131, 89, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("#Port<0.3>", port(3), o(1, 0, false), Bytes(&[131, 89, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 3, 0, 0, 0, 0])),
        ("#Port<0.1000000>", port(1000000), o(1, 0, false), Bytes(&[131, 89, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 15, 66, 64, 0, 0, 0, 0])),
        ("#Ref<0.0.0.5>", reference(5), o(1, 0, false), Bytes(&[131, 90, 0, 3, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("#Ref<0.1.2.3>", reference(1125899907366915), o(1, 0, false), Bytes(&[131, 90, 0, 3, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1])),
        ("#Ref<0.0.1.262143>", reference(524287), o(1, 0, false), Bytes(&[131, 90, 0, 3, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 3, 255, 255, 0, 0, 0, 1, 0, 0, 0, 0])),
        ("#Ref<0.3.0.5>", reference(3377699720527877), o(1, 0, false), Bytes(&[131, 90, 0, 3, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 3])),
        ("0.0 [{minor_version,0}]", f(0x0000000000000000), o(0, 0, false), Bytes(&[131, 99, 48, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0, 0])),
        ("-0.0 [{minor_version,0}]", f(0x8000000000000000), o(0, 0, false), Bytes(&[131, 99, 45, 48, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0])),
        ("1.0 [{minor_version,0}]", f(0x3ff0000000000000), o(0, 0, false), Bytes(&[131, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0, 0])),
        ("-1.0 [{minor_version,0}]", f(0xbff0000000000000), o(0, 0, false), Bytes(&[131, 99, 45, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0])),
        ("1.5 [{minor_version,0}]", f(0x3ff8000000000000), o(0, 0, false), Bytes(&[131, 99, 49, 46, 53, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0, 0])),
        ("-1.5 [{minor_version,0}]", f(0xbff8000000000000), o(0, 0, false), Bytes(&[131, 99, 45, 49, 46, 53, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0])),
        ("0.1 [{minor_version,0}]", f(0x3fb999999999999a), o(0, 0, false), Bytes(&[131, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 53, 53, 53, 49, 101, 45, 48, 49, 0, 0, 0, 0, 0])),
        ("3.141592653589793 [{minor_version,0}]", f(0x400921fb54442d18), o(0, 0, false), Bytes(&[131, 99, 51, 46, 49, 52, 49, 53, 57, 50, 54, 53, 51, 53, 56, 57, 55, 57, 51, 49, 49, 54, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0, 0])),
        ("1.5e300 [{minor_version,0}]", f(0x7e41eb2d66005835), o(0, 0, false), Bytes(&[131, 99, 49, 46, 53, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 55, 56, 55, 54, 101, 43, 51, 48, 48, 0, 0, 0, 0])),
        ("-1.5e300 [{minor_version,0}]", f(0xfe41eb2d66005835), o(0, 0, false), Bytes(&[131, 99, 45, 49, 46, 53, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 55, 56, 55, 54, 101, 43, 51, 48, 48, 0, 0, 0])),
        ("5.0e-324 [{minor_version,0}]", f(0x0000000000000001), o(0, 0, false), Bytes(&[131, 99, 52, 46, 57, 52, 48, 54, 53, 54, 52, 53, 56, 52, 49, 50, 52, 54, 53, 52, 52, 49, 55, 55, 101, 45, 51, 50, 52, 0, 0, 0, 0])),
        ("2.2250738585072014e-308 [{minor_version,0}]", f(0x0010000000000000), o(0, 0, false), Bytes(&[131, 99, 50, 46, 50, 50, 53, 48, 55, 51, 56, 53, 56, 53, 48, 55, 50, 48, 49, 51, 56, 51, 48, 57, 101, 45, 51, 48, 56, 0, 0, 0, 0])),
        ("1.7976931348623157e308 [{minor_version,0}]", f(0x7fefffffffffffff), o(0, 0, false), Bytes(&[131, 99, 49, 46, 55, 57, 55, 54, 57, 51, 49, 51, 52, 56, 54, 50, 51, 49, 53, 55, 48, 56, 49, 53, 101, 43, 51, 48, 56, 0, 0, 0, 0])),
        ("1.0e15 [{minor_version,0}]", f(0x430c6bf526340000), o(0, 0, false), Bytes(&[131, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 49, 53, 0, 0, 0, 0, 0])),
        ("123456.789 [{minor_version,0}]", f(0x40fe240c9fbe76c9), o(0, 0, false), Bytes(&[131, 99, 49, 46, 50, 51, 52, 53, 54, 55, 56, 57, 48, 48, 48, 48, 48, 48, 48, 48, 52, 51, 48, 55, 101, 43, 48, 53, 0, 0, 0, 0, 0])),
        ("1.0e100 [{minor_version,0}]", f(0x54b249ad2594c37d), o(0, 0, false), Bytes(&[131, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 49, 53, 57, 48, 101, 43, 49, 48, 48, 0, 0, 0, 0])),
        ("1.0e-100 [{minor_version,0}]", f(0x2b2bff2ee48e0530), o(0, 0, false), Bytes(&[131, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 49, 57, 57, 57, 101, 45, 49, 48, 48, 0, 0, 0, 0])),
        ("4.656612873077393e-10 [{minor_version,0}]", f(0x3e00000000000000), o(0, 0, false), Bytes(&[131, 99, 52, 46, 54, 53, 54, 54, 49, 50, 56, 55, 51, 48, 55, 55, 51, 57, 50, 53, 55, 56, 49, 50, 101, 45, 49, 48, 0, 0, 0, 0, 0])),
        ("0.5 [{minor_version,0}]", f(0x3fe0000000000000), o(0, 0, false), Bytes(&[131, 99, 53, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 45, 48, 49, 0, 0, 0, 0, 0])),
        ("100.0 [{minor_version,0}]", f(0x4059000000000000), o(0, 0, false), Bytes(&[131, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 48, 50, 0, 0, 0, 0, 0])),
        ("1.0e23 [{minor_version,0}]", f(0x44b52d02c7e14af6), o(0, 0, false), Bytes(&[131, 99, 57, 46, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 49, 54, 49, 49, 52, 101, 43, 50, 50, 0, 0, 0, 0, 0])),
        ("\u{e4} [{minor_version,0}]", a("\u{e4}"), o(0, 0, false), Bytes(&[131, 100, 0, 1, 228])),
        ("'\u{1f600}' [{minor_version,0}]", a("\u{1f600}"), o(0, 0, false), Bytes(&[131, 119, 4, 240, 159, 152, 128])),
        ("abc [{minor_version,0}]", a("abc"), o(0, 0, false), Bytes(&[131, 100, 0, 3, 97, 98, 99])),
        ("'' [{minor_version,2}]", a(""), o(2, 0, false), Bytes(&[131, 119, 0])),
        ("a [{minor_version,2}]", a("a"), o(2, 0, false), Bytes(&[131, 119, 1, 97])),
        ("abc [{minor_version,2}]", a("abc"), o(2, 0, false), Bytes(&[131, 119, 3, 97, 98, 99])),
        ("ok [{minor_version,2}]", a("ok"), o(2, 0, false), Bytes(&[131, 119, 2, 111, 107])),
        ("'hello world' [{minor_version,2}]", a("hello world"), o(2, 0, false), Bytes(&[131, 119, 11, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100])),
        ("\u{e4} [{minor_version,2}]", a("\u{e4}"), o(2, 0, false), Bytes(&[131, 119, 2, 195, 164])),
        ("\u{e5}\u{e4}\u{f6} [{minor_version,2}]", a("\u{e5}\u{e4}\u{f6}"), o(2, 0, false), Bytes(&[131, 119, 6, 195, 165, 195, 164, 195, 182])),
        ("'\u{3a9}mega' [{minor_version,2}]", a("\u{3a9}mega"), o(2, 0, false), Bytes(&[131, 119, 6, 206, 169, 109, 101, 103, 97])),
        ("'\u{1f600}' [{minor_version,2}]", a("\u{1f600}"), o(2, 0, false), Bytes(&[131, 119, 4, 240, 159, 152, 128])),
        ("'a\u{1f600}b' [{minor_version,2}]", a("a\u{1f600}b"), o(2, 0, false), Bytes(&[131, 119, 6, 97, 240, 159, 152, 128, 98])),
        ("true [{minor_version,2}]", a("true"), o(2, 0, false), Bytes(&[131, 119, 4, 116, 114, 117, 101])),
        ("false [{minor_version,2}]", a("false"), o(2, 0, false), Bytes(&[131, 119, 5, 102, 97, 108, 115, 101])),
        ("nonode@nohost [{minor_version,2}]", a("nonode@nohost"), o(2, 0, false), Bytes(&[131, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116])),
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... [{minor_version,2}]", a("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), o(2, 0, false), Crc(258, 0xf70f0e97)),
        ("\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}... [{minor_version,2}]", a("\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}\u{e4}"), o(2, 0, false), Crc(514, 0x6b9a707a)),
        ("'\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}... [{minor_version,2}]", a("\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}"), o(2, 0, false), Crc(255, 0xcf47a1c7)),
        ("'\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}... [{minor_version,2}]", a("\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}"), o(2, 0, false), Crc(260, 0x17ee8abe)),
        ("'\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}... [{minor_version,2}]", a("\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}"), o(2, 0, false), Crc(1024, 0x217ae8fc)),
        ("<0.5.0> [{minor_version,2}]", pid(5), o(2, 0, false), Bytes(&[131, 88, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("<0.0.0> [{minor_version,2}]", pid(0), o(2, 0, false), Bytes(&[131, 88, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("<0.32767.0> [{minor_version,2}]", pid(32767), o(2, 0, false), Bytes(&[131, 88, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 127, 255, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("<0.5.3> [{minor_version,2}]", pid(98309), o(2, 0, false), Bytes(&[131, 88, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0, 0])),
        ("<0.1.8191> [{minor_version,2}]", pid(268402689), o(2, 0, false), Bytes(&[131, 88, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 1, 0, 0, 31, 255, 0, 0, 0, 0])),
        ("#Port<0.0> [{minor_version,2}]", port(0), o(2, 0, false), Bytes(&[131, 89, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("#Port<0.3> [{minor_version,2}]", port(3), o(2, 0, false), Bytes(&[131, 89, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 3, 0, 0, 0, 0])),
        ("#Port<0.1000000> [{minor_version,2}]", port(1000000), o(2, 0, false), Bytes(&[131, 89, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 15, 66, 64, 0, 0, 0, 0])),
        ("#Ref<0.0.0.5> [{minor_version,2}]", reference(5), o(2, 0, false), Bytes(&[131, 90, 0, 3, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("#Ref<0.1.2.3> [{minor_version,2}]", reference(1125899907366915), o(2, 0, false), Bytes(&[131, 90, 0, 3, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1])),
        ("#Ref<0.0.1.262143> [{minor_version,2}]", reference(524287), o(2, 0, false), Bytes(&[131, 90, 0, 3, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 3, 255, 255, 0, 0, 0, 1, 0, 0, 0, 0])),
        ("#Ref<0.3.0.5> [{minor_version,2}]", reference(3377699720527877), o(2, 0, false), Bytes(&[131, 90, 0, 3, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 3])),
        ("fun \u{c3}\u{a4}:\u{c3}\u{b6}/0 [{minor_version,2}]", ex("\u{e4}", "\u{f6}", 0), o(2, 0, false), Bytes(&[131, 113, 119, 2, 195, 164, 119, 2, 195, 182, 97, 0])),
        ("1.5 [{minor_version,2}]", f(0x3ff8000000000000), o(2, 0, false), Bytes(&[131, 70, 63, 248, 0, 0, 0, 0, 0, 0])),
        ("#{\u{e9} => \"\u{e9}\"} [{minor_version,2}]", m(vec![(a("\u{e9}"), l(vec![i(233)]))]), o(2, 0, false), Bytes(&[131, 116, 0, 0, 0, 1, 119, 2, 195, 169, 107, 0, 1, 233])),
        ("#{1 => 1,2 => 4,3 => 9,4 => 16,5 => 25,6 => 36,7 => 49,8 ...", m(vec![(i(1), i(1)), (i(2), i(4)), (i(3), i(9)), (i(4), i(16)), (i(5), i(25)), (i(6), i(36)), (i(7), i(49)), (i(8), i(64)), (i(9), i(81)), (i(10), i(100)), (i(11), i(121)), (i(12), i(144)), (i(13), i(169)), (i(14), i(196)), (i(15), i(225)), (i(16), i(256)), (i(17), i(289)), (i(18), i(324)), (i(19), i(361)), (i(20), i(400)), (i(21), i(441)), (i(22), i(484)), (i(23), i(529)), (i(24), i(576)), (i(25), i(625)), (i(26), i(676)), (i(27), i(729)), (i(28), i(784)), (i(29), i(841)), (i(30), i(900)), (i(31), i(961)), (i(32), i(1024))]), o(1, 0, false), Crc(185, 0x40632d67)),
        ("#{k1 => 1,k10 => 10,k11 => 11,k12 => 12,k13 => 13,k14 => ...", m(vec![(a("k1"), i(1)), (a("k10"), i(10)), (a("k11"), i(11)), (a("k12"), i(12)), (a("k13"), i(13)), (a("k14"), i(14)), (a("k15"), i(15)), (a("k16"), i(16)), (a("k17"), i(17)), (a("k18"), i(18)), (a("k19"), i(19)), (a("k2"), i(2)), (a("k20"), i(20)), (a("k21"), i(21)), (a("k22"), i(22)), (a("k23"), i(23)), (a("k24"), i(24)), (a("k25"), i(25)), (a("k26"), i(26)), (a("k27"), i(27)), (a("k28"), i(28)), (a("k29"), i(29)), (a("k3"), i(3)), (a("k30"), i(30)), (a("k31"), i(31)), (a("k32"), i(32)), (a("k4"), i(4)), (a("k5"), i(5)), (a("k6"), i(6)), (a("k7"), i(7)), (a("k8"), i(8)), (a("k9"), i(9))]), o(1, 0, false), Crc(253, 0x0d727b78)),
        ("#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,10 => 10,24 ... [deterministic]", m(vec![(i(33), i(33)), (i(12), i(12)), (i(23), i(23)), (i(29), i(29)), (i(30), i(30)), (i(26), i(26)), (i(31), i(31)), (i(11), i(11)), (i(9), i(9)), (i(32), i(32)), (i(25), i(25)), (i(28), i(28)), (i(6), i(6)), (i(13), i(13)), (i(20), i(20)), (i(15), i(15)), (i(14), i(14)), (i(2), i(2)), (i(7), i(7)), (i(1), i(1)), (i(8), i(8)), (i(3), i(3)), (i(17), i(17)), (i(22), i(22)), (i(21), i(21)), (i(4), i(4)), (i(24), i(24)), (i(10), i(10)), (i(27), i(27)), (i(19), i(19)), (i(5), i(5)), (i(18), i(18)), (i(16), i(16))]), o(1, 0, true), Crc(138, 0xe96c49d2)),
        ("map with 102 keys [deterministic]", m((1..=100).map(|k| (i(k), s(&k.to_string()))).chain([(a("a"), a("b")), (f(0x3ff0000000000000), a("x"))]).collect()), o(1, 0, true), Crc(719, 0x2d1d8a24)),
        ("{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22...", t(vec![i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19), i(20), i(21), i(22), i(23), i(24), i(25), i(26), i(27), i(28), i(29), i(30), i(31), i(32), i(33), i(34), i(35), i(36), i(37), i(38), i(39), i(40), i(41), i(42), i(43), i(44), i(45), i(46), i(47), i(48), i(49), i(50), i(51), i(52), i(53), i(54), i(55), i(56), i(57), i(58), i(59), i(60), i(61), i(62), i(63), i(64), i(65), i(66), i(67), i(68), i(69), i(70), i(71), i(72), i(73), i(74), i(75), i(76), i(77), i(78), i(79), i(80), i(81), i(82), i(83), i(84), i(85), i(86), i(87), i(88), i(89), i(90), i(91), i(92), i(93), i(94), i(95), i(96), i(97), i(98), i(99), i(100), i(101), i(102), i(103), i(104), i(105), i(106), i(107), i(108), i(109), i(110), i(111), i(112), i(113), i(114), i(115), i(116), i(117), i(118), i(119), i(120), i(121), i(122), i(123), i(124), i(125), i(126), i(127), i(128), i(129), i(130), i(131), i(132), i(133), i(134), i(135), i(136), i(137), i(138), i(139), i(140), i(141), i(142), i(143), i(144), i(145), i(146), i(147), i(148), i(149), i(150), i(151), i(152), i(153), i(154), i(155), i(156), i(157), i(158), i(159), i(160), i(161), i(162), i(163), i(164), i(165), i(166), i(167), i(168), i(169), i(170), i(171), i(172), i(173), i(174), i(175), i(176), i(177), i(178), i(179), i(180), i(181), i(182), i(183), i(184), i(185), i(186), i(187), i(188), i(189), i(190), i(191), i(192), i(193), i(194), i(195), i(196), i(197), i(198), i(199), i(200), i(201), i(202), i(203), i(204), i(205), i(206), i(207), i(208), i(209), i(210), i(211), i(212), i(213), i(214), i(215), i(216), i(217), i(218), i(219), i(220), i(221), i(222), i(223), i(224), i(225), i(226), i(227), i(228), i(229), i(230), i(231), i(232), i(233), i(234), i(235), i(236), i(237), i(238), i(239), i(240), i(241), i(242), i(243), i(244), i(245), i(246), i(247), i(248), i(249), i(250), i(251), i(252), i(253), i(254), i(255), i(256)]), o(1, 0, false), Crc(521, 0x744e08a3)),
        ("{a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,...", t(vec![a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a"), a("a")]), o(1, 0, false), Crc(1023, 0xcdd97ac8)),
        ("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22...", seq(1, 300), o(1, 0, false), Crc(742, 0x50b99768)),
        ("[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,...", seq(0, 255), o(1, 0, false), Crc(260, 0x4692b604)),
        ("65535 a's", dup(65535, i(97)), o(1, 0, false), Crc(65539, 0x4753c86c)),
        ("65536 a's", dup(65536, i(97)), o(1, 0, false), Crc(131079, 0xf03285a8)),
        ("70000 a's", dup(70000, i(97)), o(1, 0, false), Crc(140007, 0x88c16fdc)),
        ("improper 70000 b's", il((0..70000).map(|_| i(98)).collect(), i(1)), o(1, 0, false), Crc(140008, 0x956dbcf9)),
        ("1000-deep list", deep_list(1000), o(1, 0, false), Crc(6002, 0x98506377)),
        ("1000-deep tuple", deep_tuple(1000), o(1, 0, false), Crc(2003, 0xf570caaf)),
        ("100000-deep list", deep_list(100_000), o(1, 0, false), Crc(600002, 0x0f95f506)),
        ("70000-byte binary", b(&lcg(70000)), o(1, 0, false), Crc(70006, 0x0f8ebc0f)),
        ("mixed tuple", t(vec![b(&lcg(1000)), seq(1, 100), dup(50, a("xyz"))]), o(1, 0, false), Crc(1417, 0xe244578d)),
        ("100 zeros [compressed]", dup(100, i(0)), o(1, 6, false), Bytes(&[131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208])),
        ("100 zeros [{compressed,0}]", dup(100, i(0)), o(1, 0, false), Bytes(&[131, 107, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
        ("100 zeros [{compressed,1}]", dup(100, i(0)), o(1, 1, false), Bytes(&[131, 80, 0, 0, 0, 103, 120, 1, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208])),
        ("100 zeros [{compressed,9}]", dup(100, i(0)), o(1, 9, false), Bytes(&[131, 80, 0, 0, 0, 103, 120, 218, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208])),
        ("abc [compressed]", a("abc"), o(1, 6, false), Bytes(&[131, 100, 0, 3, 97, 98, 99])),
        ("[1,2,3] [compressed]", l(vec![i(1), i(2), i(3)]), o(1, 6, false), Bytes(&[131, 107, 0, 3, 1, 2, 3])),
        ("<<1,2,3,4,5,6,7,8,9,10,11,12>> [compressed]", b(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), o(1, 6, false), Bytes(&[131, 109, 0, 0, 0, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])),
        ("200 random bytes [compressed]", b(&rnd(200)), o(1, 6, false), Crc(206, 0x9d643c81)),
        ("20 random bytes [compressed]", b(&rnd(20)), o(1, 6, false), Bytes(&[131, 109, 0, 0, 0, 20, 254, 109, 55, 57, 59, 101, 175, 252, 72, 193, 154, 199, 232, 154, 28, 217, 205, 170, 1, 114])),
        ("seq 1000 [compressed]", seq(1, 1000), o(1, 6, false), Crc(1827, 0xae7473e7)),
        ("70000-byte binary [{compressed,1}]", b(&lcg(70000)), o(1, 1, false), Crc(22699, 0xa1084d34)),
        ("70000-byte binary [{compressed,3}]", b(&lcg(70000)), o(1, 3, false), Crc(22921, 0x8edbee67)),
        ("70000-byte binary [{compressed,4}]", b(&lcg(70000)), o(1, 4, false), Crc(21730, 0x912d10b9)),
        ("70000-byte binary [{compressed,6}]", b(&lcg(70000)), o(1, 6, false), Crc(21401, 0x0f9afe0d)),
        ("70000-byte binary [{compressed,9}]", b(&lcg(70000)), o(1, 9, false), Crc(18816, 0xef40aeef)),
        ("70000 random bytes [compressed]", b(&rnd(70000)), o(1, 6, false), Crc(70006, 0xaa4545a5)),
        ("70000 a's [compressed]", dup(70000, i(97)), o(1, 6, false), Crc(174, 0xcd15abe3)),
        ("map with 102 keys [deterministic,compressed]", m((1..=100).map(|k| (i(k), s(&k.to_string()))).chain([(a("a"), a("b")), (f(0x3ff0000000000000), a("x"))]).collect()), o(1, 6, true), Crc(341, 0x733c12bc)),
        ("{1.5,\u{e4},\"text text text text text\"} [{minor_version,0},compressed]", t(vec![f(0x3ff8000000000000), a("\u{e4}"), l(vec![i(116), i(101), i(120), i(116), i(32), i(116), i(101), i(120), i(116), i(32), i(116), i(101), i(120), i(116), i(32), i(116), i(101), i(120), i(116), i(32), i(116), i(101), i(120), i(116)])]), o(0, 6, false), Bytes(&[131, 80, 0, 0, 0, 65, 120, 156, 203, 96, 78, 54, 212, 51, 53, 192, 4, 169, 218, 6, 6, 12, 32, 144, 194, 192, 248, 36, 155, 65, 162, 36, 181, 162, 68, 1, 11, 1, 0, 213, 13, 17, 8])),
        ("1000-deep list [compressed]", deep_list(1000), o(1, 6, false), Bytes(&[131, 80, 0, 0, 23, 113, 120, 156, 237, 196, 177, 13, 0, 0, 8, 3, 160, 250, 174, 241, 255, 217, 43, 92, 12, 12, 76, 146, 26, 73, 146, 36, 73, 146, 36, 73, 151, 53, 240, 223, 2, 190, 48, 72, 112])),
        ("compressed exactly as long [compressed]", b(&[2, 1, 1, 3, 2, 0, 3, 0, 2, 1, 0, 3, 3, 3, 1, 0, 3, 1, 2, 2, 2, 1, 3, 1, 3, 1, 3, 0, 0, 1, 2, 3, 0, 2, 0, 1, 1, 2, 1, 2]), o(1, 6, false), Bytes(&[131, 80, 0, 0, 0, 45, 120, 156, 21, 201, 177, 13, 192, 48, 0, 132, 64, 224, 151, 201, 114, 222, 191, 181, 35, 164, 107, 56, 192, 151, 46, 70, 178, 237, 97, 229, 254, 192, 222, 64, 179, 11, 30, 232, 0, 212])),
    ]
}
