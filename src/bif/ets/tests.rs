//! Unit tests: table BIFs against OTP 25 results.
//!
//! Expected values were printed by `erl` (OTP 25), e.g.
//! `erl -noshell -eval 'T=ets:new(t,[set]), ..., io:format("~w~n",[...]), halt().'`;
//! each test names the expressions it reproduces. Terms are written in
//! Erlang syntax and parsed by the small reader in `testutil`.

use super::*;
use crate::bif::BifFn;

use super::testutil::*;

fn new(p: &mut Process, name: &str, opts: &str) -> Term {
    let n = t(p, name);
    let o = t(p, opts);
    raw(p, admin::new_2, &[n, o]).unwrap()
}

fn ins(p: &mut Process, tab: Term, obj: &str) {
    assert_eq!(ok(p, bifs::insert_2, &["%0", obj], &[tab]), "true");
}

fn tab2list(p: &mut Process, tab: Term) -> String {
    ok(p, select::match_object_2, &["%0", "'_'"], &[tab])
}

/// first/next keys (`keys(T)` in the erl sessions).
fn keys(p: &mut Process, tab: Term) -> String {
    let mut out = Vec::new();
    let mut k = raw(p, bifs::first_1, &[tab]).unwrap();
    while w(k) != "'$end_of_table'" {
        out.push(w(k));
        k = raw(p, bifs::next_2, &[tab, k]).unwrap();
    }
    format!("[{}]", out.join(","))
}

// T=ets:new(t,[set]), [ets:insert(T,{K}) || K <- lists:seq(1,20)],
// io:format("~w~n~w~n",[ets:tab2list(T), keys(T)])
#[test]
fn set_order_is_otp_slot_order() {
    let mut p = proc();
    let tab = new(&mut p, "t", "[set]");
    for k in 1..=20 {
        ins(&mut p, tab, &format!("{{{k}}}"));
    }
    assert_eq!(
        tab2list(&mut p, tab),
        "[{20},{5},{15},{19},{12},{11},{17},{18},{14},{6},{13},{10},{1},{9},{2},{8},{4},{7},{3},{16}]"
    );
    assert_eq!(
        keys(&mut p, tab),
        "[16,3,7,4,8,2,9,1,10,13,6,14,18,17,11,12,19,15,5,20]"
    );
    let t2 = new(&mut p, "t", "[set]");
    for k in ["a", "b", "c", "d", "e", "foo", "bar", "baz"] {
        ins(&mut p, t2, &format!("{{{k}}}"));
    }
    assert_eq!(
        tab2list(&mut p, t2),
        "[{baz},{bar},{e},{d},{c},{b},{a},{foo}]"
    );
    assert_eq!(keys(&mut p, t2), "[foo,a,b,c,d,e,bar,baz]");
    // last/prev on a hash table are first/next
    assert_eq!(ok(&mut p, bifs::last_1, &["%0"], &[t2]), "foo");
    assert_eq!(ok(&mut p, bifs::prev_2, &["%0", "foo"], &[t2]), "a");
}

// Strings, binaries and tuples hash like OTP (slot of a lone key):
// [begin T=ets:new(t,[set]), ets:insert(T,{K}),
//   [S]=[I || I <- lists:seq(0,255), ets:slot(T,I) =/= []], {K,S} end || K <- Keys]
#[test]
fn key_slots_match_otp() {
    let mut p = proc();
    for (k, slot) in [
        ("[]", 195),
        ("\"a\"", 88),
        ("\"ab\"", 164),
        ("\"abc\"", 15),
        ("\"abcd\"", 113),
        ("\"abcde\"", 148),
    ] {
        let tab = new(&mut p, "t", "[set]");
        ins(&mut p, tab, &format!("{{{k}}}"));
        let found: Vec<usize> = (0..256)
            .filter(|i| ok(&mut p, admin::slot_2, &["%0", &i.to_string()], &[tab]) != "[]")
            .collect();
        assert_eq!(found, vec![slot], "key {k}");
    }
}

// B=ets:new(b,[bag]), ets:insert(B,[{k,1},{k,2},{k,3},{j,1}]), ets:insert(B,{k,0}),
// io:format("~w ~w~n",[ets:tab2list(B), ets:lookup(B,k)]) and the same for duplicate_bag
// with [{k,1},{k,2},{k,1},{j,1}]; then single inserts and lists of one key.
#[test]
fn bag_orders() {
    let mut p = proc();
    let b = new(&mut p, "b", "[bag]");
    ins(&mut p, b, "[{k,1},{k,2},{k,3},{j,1}]");
    ins(&mut p, b, "{k,0}");
    assert_eq!(tab2list(&mut p, b), "[{k,3},{k,2},{k,1},{k,0},{j,1}]");
    assert_eq!(
        ok(&mut p, bifs::lookup_2, &["%0", "k"], &[b]),
        "[{k,3},{k,2},{k,1},{k,0}]"
    );
    let d = new(&mut p, "d", "[duplicate_bag]");
    ins(&mut p, d, "[{k,1},{k,2},{k,1},{j,1}]");
    ins(&mut p, d, "{k,0}");
    assert_eq!(tab2list(&mut p, d), "[{k,1},{k,2},{k,1},{k,0},{j,1}]");
    // singles keep insertion order; a list goes in reversed into a bag
    let b2 = new(&mut p, "b", "[bag]");
    for o in ["{k,1}", "{k,2}", "{k,3}", "[{k,4},{k,5},{k,6}]", "{k,7}"] {
        ins(&mut p, b2, o);
    }
    assert_eq!(
        ok(&mut p, bifs::lookup_2, &["%0", "k"], &[b2]),
        "[{k,1},{k,2},{k,3},{k,6},{k,5},{k,4},{k,7}]"
    );
    ins(&mut p, b2, "{k,2}");
    assert_eq!(
        ok(&mut p, bifs::delete_object_2, &["%0", "{k,2}"], &[b2]),
        "true"
    );
    ins(&mut p, b2, "{k,2}");
    assert_eq!(
        ok(&mut p, bifs::lookup_2, &["%0", "k"], &[b2]),
        "[{k,1},{k,3},{k,6},{k,5},{k,4},{k,7},{k,2}]"
    );
    let s = new(&mut p, "s", "[set]");
    ins(&mut p, s, "[{a,1},{a,2},{b,1}]");
    assert_eq!(tab2list(&mut p, s), "[{b,1},{a,2}]");
    assert_eq!(
        ok(&mut p, bifs::lookup_element_3, &["%0", "k", "2"], &[b2]),
        "[1,3,6,5,4,7,2]"
    );
}

// T=ets:new(t,[]), ets:insert(T,{a,1,2,3}), [catch ets:update_counter(T,a,Op) || Op <- Ops]
#[test]
fn update_counter_forms() {
    let mut p = proc();
    let tab = new(&mut p, "t", "[]");
    ins(&mut p, tab, "{a,1,2,3}");
    let ops = [
        ("1", "2"),
        ("{2,1}", "3"),
        ("{3,10}", "12"),
        ("{4,-5,0,100}", "100"),
        ("{4,-5,0,100}", "95"),
        ("{3,10,25,0}", "22"),
        ("[{2,1},{2,1},{3,1}]", "[4,5,23]"),
        ("[]", "[]"),
    ];
    for (op, want) in ops {
        assert_eq!(
            ok(&mut p, bifs::update_counter_3, &["%0", "a", op], &[tab]),
            want,
            "{op}"
        );
    }
    for bad in [
        "{1,1}",
        "{5,1}",
        "{0,1}",
        "a",
        "{2,a}",
        "{2,1,a,0}",
        "{2,1,2}",
        "[{2,1}|x]",
    ] {
        assert_eq!(
            call(&mut p, bifs::update_counter_3, &["%0", "a", bad], &[tab]),
            Err("badarg".into()),
            "{bad}"
        );
    }
    assert_eq!(
        ok(&mut p, bifs::lookup_2, &["%0", "a"], &[tab]),
        "[{a,5,23,95}]"
    );
    let with_default = [
        ("b", "1", "{x,10}", Ok("11")),
        ("c", "{3,1}", "{x,0,0}", Ok("1")),
        ("d", "{3,1}", "{x,0}", Err("badarg")),
        ("e", "1", "{x}", Err("badarg")),
        ("f", "1", "{x,a}", Err("badarg")),
        ("a", "1", "foo", Err("badarg")),
    ];
    for (k, op, d, want) in with_default {
        let got = call(&mut p, bifs::update_counter_4, &["%0", k, op, d], &[tab]);
        assert_eq!(got, want.map(String::from).map_err(String::from), "{k}");
    }
    assert_eq!(ok(&mut p, bifs::lookup_2, &["%0", "b"], &[tab]), "[{b,11}]");
    assert_eq!(
        ok(&mut p, bifs::lookup_2, &["%0", "c"], &[tab]),
        "[{c,0,1}]"
    );
    assert_eq!(ok(&mut p, bifs::member_2, &["%0", "d"], &[tab]), "false");
    let big = ok(
        &mut p,
        bifs::update_counter_3,
        &["%0", "b", "{2,100000000000000000000}"],
        &[tab],
    );
    assert_eq!(big, "100000000000000000011");
    let bag = new(&mut p, "b", "[bag]");
    ins(&mut p, bag, "{a,1}");
    assert_eq!(
        call(&mut p, bifs::update_counter_3, &["%0", "a", "1"], &[bag]),
        Err("badarg".into())
    );
}

// update_element, insert_new, insert, lookup_element, next on a missing key
#[test]
fn element_ops_and_errors() {
    let mut p = proc();
    let tab = new(&mut p, "t", "[]");
    ins(&mut p, tab, "{a,5,23,95}");
    let ue = [
        ("a", "{2,x}", Ok("true")),
        ("a", "[{3,y},{4,z}]", Ok("true")),
        ("zz", "{2,x}", Ok("false")),
        ("zz", "foo", Ok("false")),
        ("a", "{1,x}", Err("badarg")),
        ("a", "{9,x}", Err("badarg")),
        ("a", "[]", Ok("true")),
        ("a", "foo", Err("badarg")),
        ("a", "{2,x,y}", Err("badarg")),
    ];
    for (k, op, want) in ue {
        let got = call(&mut p, bifs::update_element_3, &["%0", k, op], &[tab]);
        assert_eq!(
            got,
            want.map(String::from).map_err(String::from),
            "{k} {op}"
        );
    }
    assert_eq!(
        ok(&mut p, bifs::lookup_2, &["%0", "a"], &[tab]),
        "[{a,x,y,z}]"
    );
    let inew = [
        ("{q,1}", Ok("true")),
        ("[{r,1},{r,2}]", Ok("true")),
        ("[{s,1},{a,2}]", Ok("false")),
        ("[]", Ok("true")),
        ("foo", Err("badarg")),
        ("[foo]", Err("badarg")),
        ("{}", Err("badarg")),
    ];
    for (o, want) in inew {
        let got = call(&mut p, bifs::insert_new_2, &["%0", o], &[tab]);
        assert_eq!(got, want.map(String::from).map_err(String::from), "{o}");
    }
    assert_eq!(ok(&mut p, bifs::lookup_2, &["%0", "r"], &[tab]), "[{r,2}]");
    assert_eq!(ok(&mut p, bifs::member_2, &["%0", "s"], &[tab]), "false");
    for bad in ["{}", "[{z}|w]", "[{z},foo]"] {
        assert_eq!(
            call(&mut p, bifs::insert_2, &["%0", bad], &[tab]),
            Err("badarg".into())
        );
    }
    assert_eq!(ok(&mut p, bifs::member_2, &["%0", "z"], &[tab]), "false");
    let le = [
        ("1", Ok("a")),
        ("2", Ok("x")),
        ("5", Err("badarg")),
        ("0", Err("badarg")),
    ];
    for (pos, want) in le {
        let got = call(&mut p, bifs::lookup_element_3, &["%0", "a", pos], &[tab]);
        assert_eq!(got, want.map(String::from).map_err(String::from));
    }
    assert_eq!(
        call(&mut p, bifs::lookup_element_3, &["%0", "zz", "1"], &[tab]),
        Err("badarg".into())
    );
    assert_eq!(
        call(&mut p, bifs::next_2, &["%0", "nokey"], &[tab]),
        Err("badarg".into())
    );
    assert_eq!(ok(&mut p, bifs::take_2, &["%0", "zz"], &[tab]), "[]");
    assert_eq!(ok(&mut p, bifs::take_2, &["%0", "q"], &[tab]), "[{q,1}]");
    assert_eq!(ok(&mut p, bifs::member_2, &["%0", "q"], &[tab]), "false");
    assert_eq!(
        call(&mut p, bifs::delete_object_2, &["%0", "{}"], &[tab]),
        Err("badarg".into())
    );
    assert_eq!(
        call(&mut p, bifs::lookup_2, &["nosuch", "1"], &[]),
        Err("badarg".into())
    );
}

// B=ets:new(b,[bag]), ets:insert(B,[{a,1},{a,2,3},{b,1}]), [catch ets:lookup_element(B,a,P) || P <- [1,2,3]]
#[test]
fn bag_lookup_element() {
    let mut p = proc();
    let b = new(&mut p, "b", "[bag]");
    ins(&mut p, b, "{a,1}");
    ins(&mut p, b, "[{a,2,3},{b,1}]");
    assert_eq!(
        ok(&mut p, bifs::lookup_element_3, &["%0", "a", "1"], &[b]),
        "[a,a]"
    );
    assert_eq!(
        ok(&mut p, bifs::lookup_element_3, &["%0", "a", "2"], &[b]),
        "[1,2]"
    );
    assert_eq!(
        call(&mut p, bifs::lookup_element_3, &["%0", "a", "3"], &[b]),
        Err("badarg".into())
    );
}

// O=ets:new(o,[ordered_set]), ets:insert(O,[{1,int},{2.0,flt}]), ets:insert(O,{1.0,flt1}), ...
#[test]
fn ordered_set_keys_compare_equal() {
    let mut p = proc();
    let o = new(&mut p, "o", "[ordered_set]");
    ins(&mut p, o, "[{1,int},{2.0,flt}]");
    ins(&mut p, o, "{1.0,flt1}");
    assert_eq!(tab2list(&mut p, o), "[{1.0,flt1},{2.0,flt}]");
    assert_eq!(
        ok(&mut p, bifs::lookup_2, &["%0", "2"], &[o]),
        "[{2.0,flt}]"
    );
    assert_eq!(ok(&mut p, bifs::member_2, &["%0", "1"], &[o]), "true");
    assert_eq!(ok(&mut p, bifs::next_2, &["%0", "1.5"], &[o]), "2.0");
    assert_eq!(ok(&mut p, bifs::first_1, &["%0"], &[o]), "1.0");
    assert_eq!(ok(&mut p, bifs::last_1, &["%0"], &[o]), "2.0");
    assert_eq!(
        ok(&mut p, bifs::prev_2, &["%0", "1"], &[o]),
        "'$end_of_table'"
    );
    assert_eq!(
        ok(&mut p, bifs::next_2, &["%0", "zzz"], &[o]),
        "'$end_of_table'"
    );
    assert_eq!(
        ok(&mut p, admin::slot_2, &["%0", "0"], &[o]),
        "[{1.0,flt1}]"
    );
    assert_eq!(
        ok(&mut p, admin::slot_2, &["%0", "2"], &[o]),
        "'$end_of_table'"
    );
    assert_eq!(
        call(&mut p, admin::slot_2, &["%0", "3"], &[o]),
        Err("badarg".into())
    );
}

// ets:safe_fixtable(S,true), K1 = ets:first(S), ets:delete(S,K1), ets:next(S,K1) -> 7
#[test]
fn fixed_table_keeps_deleted_key_for_next() {
    let mut p = proc();
    let s = new(&mut p, "s", "[set]");
    ins(&mut p, s, "[{1},{2},{3},{4},{5},{6},{7},{8},{9},{10}]");
    assert_eq!(
        ok(&mut p, admin::safe_fixtable_2, &["%0", "true"], &[s]),
        "true"
    );
    assert_eq!(ok(&mut p, bifs::first_1, &["%0"], &[s]), "3");
    ok(&mut p, bifs::delete_2, &["%0", "3"], &[s]);
    assert_eq!(ok(&mut p, bifs::next_2, &["%0", "3"], &[s]), "7");
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "size"], &[s]), "9");
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "fixed"], &[s]), "true");
    ins(&mut p, s, "{3}");
    ok(&mut p, admin::safe_fixtable_2, &["%0", "false"], &[s]);
    assert_eq!(
        ok(&mut p, admin::info_2, &["%0", "safe_fixed"], &[s]),
        "false"
    );
    assert_eq!(
        call(&mut p, bifs::next_2, &["%0", "99"], &[s]),
        Err("badarg".into())
    );
    // [[{3}],[{7}],[{4}],[{8}],[{2}],[{9}],[{1}],[{10}],[{6}],[{5}]] over non-empty slots
    let slots: Vec<String> = (0..256)
        .map(|i| ok(&mut p, admin::slot_2, &["%0", &i.to_string()], &[s]))
        .filter(|x| x != "[]")
        .collect();
    assert_eq!(
        slots.join(","),
        "[{3}],[{7}],[{4}],[{8}],[{2}],[{9}],[{1}],[{10}],[{6}],[{5}]"
    );
    assert_eq!(
        ok(&mut p, admin::slot_2, &["%0", "256"], &[s]),
        "'$end_of_table'"
    );
    assert_eq!(
        call(&mut p, admin::slot_2, &["%0", "257"], &[s]),
        Err("badarg".into())
    );
}

// ets:new option parsing: [catch ets:new(x,O) || O <- Opts]
#[test]
fn new_options() {
    let mut p = proc();
    for bad in [
        "[foo]",
        "[{keypos,0}]",
        "[{keypos,a}]",
        "[{heir,a,b}]",
        "x",
        "[{write_concurrency,x}]",
    ] {
        assert_eq!(
            call(&mut p, admin::new_2, &["x", bad], &[]),
            Err("badarg".into()),
            "{bad}"
        );
    }
    for good in [
        "[{heir,none}]",
        "[set,bag]",
        "[public,private]",
        "[{read_concurrency,true}]",
        "[compressed]",
        "[{decentralized_counters,true}]",
    ] {
        assert!(
            call(&mut p, admin::new_2, &["x", good], &[])
                .unwrap()
                .starts_with("#Ref"),
            "{good}"
        );
    }
    assert_eq!(
        call(&mut p, admin::new_2, &["\"x\"", "[]"], &[]),
        Err("badarg".into())
    );
    let i = ok(&mut p, admin::new_2, &["t", "[]"], &[]);
    assert!(i.starts_with("#Ref"));
}

// T=ets:new(t,[]), ets:info(T) and a named public ordered_set with {keypos,2}, heir self
#[test]
fn info_items() {
    let mut p = proc();
    let tab = new(&mut p, "t", "[]");
    let info = ok(&mut p, admin::info_1, &["%0"], &[tab]);
    let me = w(p.self_term());
    let want = format!(
        "[{{id,{}}},{{decentralized_counters,false}},{{read_concurrency,false}},{{write_concurrency,false}},{{compressed,false}},{{memory,305}},{{owner,{me}}},{{heir,none}},{{name,t}},{{size,0}},{{node,nonode@nohost}},{{named_table,false}},{{type,set}},{{keypos,1}},{{protection,protected}}]",
        w(tab)
    );
    assert_eq!(info, want);
    ins(&mut p, tab, "{1,1}");
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "memory"], &[tab]), "312");
    let o = new(&mut p, "o", "[ordered_set]");
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "memory"], &[o]), "139");
    ins(&mut p, o, "{1,1}");
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "memory"], &[o]), "147");
    let n = ok(
        &mut p,
        admin::new_2,
        &[
            "t2",
            "[ordered_set,{write_concurrency,true},named_table,public,{keypos,2}]",
        ],
        &[],
    );
    assert_eq!(n, "t2");
    for (item, want) in [
        ("decentralized_counters", "true"),
        ("write_concurrency", "true"),
        ("named_table", "true"),
        ("type", "ordered_set"),
        ("keypos", "2"),
        ("protection", "public"),
        ("node", "nonode@nohost"),
        ("fixed", "false"),
    ] {
        assert_eq!(
            ok(&mut p, admin::info_2, &["t2", item], &[]),
            want,
            "{item}"
        );
    }
    assert_eq!(
        call(&mut p, admin::info_1, &["123"], &[]),
        Err("badarg".into())
    );
    assert_eq!(ok(&mut p, admin::info_1, &["nosuch"], &[]), "undefined");
    assert_eq!(
        call(&mut p, admin::info_2, &["%0", "foo"], &[tab]),
        Err("badarg".into())
    );
    assert_eq!(
        ok(&mut p, admin::info_2, &["nosuch", "foo"], &[]),
        "undefined"
    );
    assert_eq!(ok(&mut p, admin::delete_1, &["t2"], &[]), "true");
    assert_eq!(ok(&mut p, admin::info_2, &["t2", "size"], &[]), "undefined");
}

// ets:new(nt,[named_table]), rename/whereis round trip
#[test]
fn names() {
    let mut p = proc();
    let tab = new(&mut p, "t", "[]");
    assert_eq!(
        ok(&mut p, admin::new_2, &["ntx", "[named_table]"], &[]),
        "ntx"
    );
    assert_eq!(
        call(&mut p, admin::new_2, &["ntx", "[named_table]"], &[]),
        Err("badarg".into())
    );
    // renaming an unnamed table returns its tid
    assert_eq!(
        call(&mut p, admin::rename_2, &["%0", "ntx"], &[tab]),
        Ok(w(tab))
    );
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "name"], &[tab]), "ntx");
    assert_eq!(
        call(&mut p, admin::rename_2, &["ntx", "ntx"], &[]),
        Err("badarg".into())
    );
    assert_eq!(ok(&mut p, admin::rename_2, &["ntx", "ntx2"], &[]), "ntx2");
    let id = ok(&mut p, admin::info_2, &["ntx2", "id"], &[]);
    assert_eq!(ok(&mut p, admin::whereis_1, &["ntx2"], &[]), id);
    assert_eq!(ok(&mut p, admin::whereis_1, &["ntx"], &[]), "undefined");
    assert_eq!(
        call(&mut p, bifs::lookup_2, &["ntx", "1"], &[]),
        Err("badarg".into())
    );
    assert_eq!(
        call(&mut p, admin::whereis_1, &["123"], &[]),
        Err("badarg".into())
    );
    let all = ok(&mut p, admin::all_0, &[], &[]);
    assert!(all.contains("ntx2") && all.contains(&w(tab)));
}

// A private table of another process: lookup/insert/give_away/setopts fail, info works
#[test]
fn access_rights() {
    let mut owner = proc();
    let mut other = proc();
    let prv = new(&mut owner, "pt", "[private]");
    let prot = new(&mut owner, "pt", "[protected]");
    let publ = new(&mut owner, "pt", "[public]");
    let o = &mut other;
    assert_eq!(
        call(o, bifs::lookup_2, &["%0", "1"], &[prv]),
        Err("badarg".into())
    );
    assert_eq!(
        call(o, admin::info_2, &["%0", "size"], &[prv]),
        Ok("0".into())
    );
    assert_eq!(
        call(o, bifs::insert_2, &["%0", "{1}"], &[prv]),
        Err("badarg".into())
    );
    assert_eq!(
        call(o, admin::give_away_3, &["%0", "P", "x"], &[prv]),
        Err("badarg".into())
    );
    assert_eq!(
        call(o, admin::setopts_2, &["%0", "{heir,P,x}"], &[prv]),
        Err("badarg".into())
    );
    assert_eq!(
        call(o, bifs::lookup_2, &["%0", "1"], &[prot]),
        Ok("[]".into())
    );
    assert_eq!(
        call(o, bifs::insert_2, &["%0", "{1}"], &[prot]),
        Err("badarg".into())
    );
    assert_eq!(
        call(o, admin::delete_1, &["%0"], &[prot]),
        Err("badarg".into())
    );
    assert_eq!(
        call(o, bifs::insert_2, &["%0", "{1}"], &[publ]),
        Ok("true".into())
    );
    assert_eq!(
        call(o, admin::delete_1, &["%0"], &[publ]),
        Ok("true".into())
    );
    assert_eq!(
        call(&mut owner, bifs::lookup_2, &["%0", "1"], &[publ]),
        Err("badarg".into())
    );
    assert_eq!(
        call(
            &mut owner,
            admin::setopts_2,
            &["%0", "{protection,public}"],
            &[prv]
        ),
        Ok("true".into())
    );
    assert_eq!(
        call(o, bifs::insert_2, &["%0", "{1}"], &[prv]),
        Ok("true".into())
    );
}

/// A process registered with the VM (alive for heir and give_away).
fn live_proc() -> (u64, Arc<crate::process::Handle>) {
    let p = proc();
    let pid = p.pid;
    let h = p.handle.clone();
    crate::vm::add_process(Box::new(p));
    (pid, h)
}

fn take_message(h: &crate::process::Handle) -> Option<String> {
    let mut inbox = h.inbox.lock().unwrap();
    let i = inbox
        .signals
        .iter()
        .position(|s| matches!(s, Signal::Message(_)))?;
    match inbox.signals.remove(i) {
        Signal::Message(m) => Some(w(m.term)),
        _ => None,
    }
}

// give_away to a live process sends {'ETS-TRANSFER',Tid,From,Data}; the owner's exit
// hands a table to its heir (which stays the heir) or deletes it.
#[test]
fn ownership_heir_and_exit() {
    let mut p = proc();
    let (hp, hh) = live_proc();
    let heir = Term::pid(hp);
    let tab = new(&mut p, "t", "[]");
    let me = w(p.self_term());
    assert_eq!(
        call(&mut p, admin::give_away_3, &["%0", "P", "x"], &[tab]),
        Err("badarg".into())
    );
    assert_eq!(
        ok(
            &mut p,
            admin::give_away_3,
            &["%0", "%1", "gift"],
            &[tab, heir]
        ),
        "true"
    );
    assert_eq!(
        take_message(&hh),
        Some(format!("{{'ETS-TRANSFER',{},{me},gift}}", w(tab)))
    );
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "owner"], &[tab]), w(heir));
    assert_eq!(
        call(&mut p, bifs::insert_2, &["%0", "{1}"], &[tab]),
        Err("badarg".into())
    );

    let named = ok(
        &mut p,
        admin::new_2,
        &["ht_heir", "[named_table,{heir,%0,mydata}]"],
        &[heir],
    );
    assert_eq!(named, "ht_heir");
    ins(&mut p, Term::atom(atom::intern_static("ht_heir")), "{1}");
    let doomed = new(&mut p, "d", "[]");
    on_process_exit(p.pid);
    assert_eq!(
        take_message(&hh),
        Some(format!("{{'ETS-TRANSFER',ht_heir,{me},mydata}}"))
    );
    let mut q = proc();
    assert_eq!(
        ok(&mut q, admin::info_2, &["ht_heir", "owner"], &[]),
        w(heir)
    );
    assert_eq!(
        ok(&mut q, admin::info_2, &["ht_heir", "heir"], &[]),
        w(heir)
    );
    assert_eq!(ok(&mut q, bifs::lookup_2, &["ht_heir", "1"], &[]), "[{1}]");
    assert_eq!(ok(&mut q, admin::info_1, &["%0"], &[doomed]), "undefined");
    // a heir that is not alive is not recorded
    let t2 = new(&mut q, "t", "[]");
    assert_eq!(
        ok(
            &mut q,
            admin::setopts_2,
            &["%0", "{heir,%1,x}"],
            &[t2, Term::pid(1 << 40)]
        ),
        "true"
    );
    assert_eq!(ok(&mut q, admin::info_2, &["%0", "heir"], &[t2]), "none");
    on_process_exit(hp);
    assert_eq!(ok(&mut q, admin::info_1, &["ht_heir"], &[]), "undefined");
}

// delete_all_objects (internal_delete_all) and growth/shrink bookkeeping.
#[test]
fn bulk_delete_and_storage() {
    let mut p = proc();
    let tab = new(&mut p, "t", "[set]");
    for i in 0..20000 {
        ins(
            &mut p,
            tab,
            &format!("{{{i},<<\"{}\">>,\"payload\"}}", "x".repeat(70)),
        );
    }
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "size"], &[tab]), "20000");
    for i in 0..19990 {
        ok(&mut p, bifs::delete_2, &["%0", &i.to_string()], &[tab]);
    }
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "size"], &[tab]), "10");
    let f: BifFn = bifs::internal_delete_all_2;
    assert_eq!(ok(&mut p, f, &["%0", "undefined"], &[tab]), "10");
    assert_eq!(tab2list(&mut p, tab), "[]");
    assert_eq!(ok(&mut p, admin::info_2, &["%0", "memory"], &[tab]), "305");
}
