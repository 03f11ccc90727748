//! Unit tests: match specifications, the select/match families and their
//! continuations, against OTP 25 results.
//!
//! Expected values come from `erl` (OTP 25): for the spec semantics,
//! `T=ets:new(t,[set]), ets:insert(T,[{1,a,x},{2.0,b,y},{3,c,z}]),
//! [catch lists:sort(ets:select(T,MS)) || MS <- Specs]`; for chunks, a
//! loop printing each `ets:select/1` step.

use super::testutil::*;
use super::*;
use crate::process::Process;
use crate::term::order::compare;

fn new(p: &mut Process, opts: &str) -> Term {
    let o = t(p, opts);
    raw(p, admin::new_2, &[Term::atom(atom::intern_static("t")), o]).unwrap()
}

fn sorted(p: &mut Process, l: Term) -> String {
    if !l.is_list() {
        return w(l);
    }
    let mut v: Vec<Term> = l.iter_list().collect();
    v.sort_by(|a, b| compare(*a, *b, false));
    w(p.heap.list(&v))
}

/// `lists:sort(ets:tab2list(T))`
fn all_sorted(p: &mut Process, tab: Term) -> String {
    let l = raw(
        p,
        select::match_object_2,
        &[tab, Term::atom(atom::intern_static("_"))],
    )
    .unwrap();
    sorted(p, l)
}

fn three(p: &mut Process) -> Term {
    let tab = new(p, "[set]");
    ok(
        p,
        bifs::insert_2,
        &["%0", "[{1,a,x},{2.0,b,y},{3,c,z}]"],
        &[tab],
    );
    tab
}

/// `lists:sort(ets:select(T, MS))` or "badarg".
fn sel(p: &mut Process, tab: Term, ms: &str) -> String {
    let m = tp(p, ms, &[]);
    match raw(p, select::select_2, &[tab, m]) {
        Ok(l) => sorted(p, l),
        Err(e) => e,
    }
}

#[test]
fn heads_and_bindings() {
    let mut p = proc();
    let tab = three(&mut p);
    let cases = [
        ("[{{'$1','_','$3'},[],['$$']}]", "[[1,x],[2.0,y],[3,z]]"),
        ("[{{'$1','$1','_'},[],['$$']}]", "[]"),
        ("[{{2,'$2','_'},[],['$$']}]", "[]"),
        ("[{{2.0,'$2','_'},[],['$$']}]", "[[b]]"),
        ("[{'$1',[],['$1']}]", "[{1,a,x},{2.0,b,y},{3,c,z}]"),
        ("[{'_',[],['$$']}]", "[[],[],[]]"),
        ("[{[],[],['$$']}]", "[]"),
        ("[{{'_','_'},[],['$$']}]", "[]"),
        ("[{{'$0','_','_'},[],['$0']}]", "[1,2.0,3]"),
        ("[{{'$1','_','_'},[],['$0']}]", "badarg"),
        ("[{{'$1','_','_'},[],['$a']}]", "['$a','$a','$a']"),
        ("[{{'$1','_','_'},[],['_']}]", "['_','_','_']"),
        ("[{{'$1','$2','$3'},[{is_atom,'$2'},{'=/=','$3',y}],[{{'$3','$2','$1'}}]},{'_',[],[other]}]", "[other,{x,a,1},{z,c,3}]"),
        ("[{{'$1',b,'_'},[],[first]},{{'$1','_','_'},[{is_integer,'$1'}],[second]}]", "[first,second,second]"),
    ];
    for (ms, want) in cases {
        assert_eq!(sel(&mut p, tab, ms), want, "{ms}");
    }
}

#[test]
fn guards_and_bodies() {
    let mut p = proc();
    let tab = three(&mut p);
    let cases = [
        ("[{{'$1','_','_'},[{'==','$1',2}],['$_']}]", "[{2.0,b,y}]"),
        ("[{{'$1','_','_'},[{'and',{'>','$1',1},a}],['$_']}]", "[]"),
        ("[{{'$1','_','_'},[{'and',{'>','$1',1},true}],['$_']}]", "[{2.0,b,y},{3,c,z}]"),
        ("[{{'$1','_','_'},[{'orelse',{'>','$1',1},a}],['$_']}]", "[{2.0,b,y},{3,c,z}]"),
        ("[{{'$1','_','_'},[{'or',{'>','$1',1},a}],['$_']}]", "[]"),
        ("[{{'$1','_','_'},['$1'],['$_']}]", "[]"),
        ("[{{'$1','_','_'},[true],['$_']}]", "[{1,a,x},{2.0,b,y},{3,c,z}]"),
        ("[{{'$1','_','_'},[],[foo]}]", "[foo,foo,foo]"),
        ("[{{'$1','_','_'},[],[{a,b}]}]", "badarg"),
        ("[{{'$1','_','_'},[],[{{a,'$1'}}]}]", "[{a,1},{a,2.0},{a,3}]"),
        ("[{{'$1','_','_'},[],[['$1',[x,'$1']]]}]", "[[1,[x,1]],[2.0,[x,2.0]],[3,[x,3]]]"),
        ("[{{'$1','_','_'},[],[{const,{'$1'}}]}]", "[{'$1'},{'$1'},{'$1'}]"),
        ("[{{'$1','_','_'},[],['$1','$_']}]", "[{1,a,x},{2.0,b,y},{3,c,z}]"),
        ("[{{'$1','_','_'},[],[]}]", "badarg"),
        ("[{{'$1','_','_'},[],['$$',{element,2,'$_'}]}]", "[a,b,c]"),
        ("[{{'$1','_','_'},[],[{element,4,'$_'}]}]", "['EXIT','EXIT','EXIT']"),
        ("[{{'$1','_','_'},[{element,4,'$_'}],[ok]}]", "[]"),
        ("[{{'$1','_','_'},[{'not',{'>','$1',1}}],[ok]}]", "[ok]"),
        ("[{{'$1','_','_'},[],[{'/','$1',2}]}]", "[0.5,1.0,1.5]"),
        ("[{{'$1','_','_'},[],[{'div','$1',0}]}]", "['EXIT','EXIT','EXIT']"),
        ("[{{'$1','_','_'},[{is_record,'$_',1,3}],[ok]}]", "[]"),
        ("[{{'$1','_','_'},[],[{'andalso',true,'$1'}]}]", "[1,2.0,3]"),
        ("[{{'$1','_','_'},[{'andalso',true,'$1'}],[ok]}]", "[]"),
        ("[{{'$1','_','_'},[],[{'and',true,'$1'}]}]", "['EXIT','EXIT','EXIT']"),
        ("[{{'$1','$2','_'},[],[{'orelse','$1',true}]}]", "['EXIT','EXIT','EXIT']"),
        ("[{{'$1','$2','_'},[{'orelse',{'==','$1',1},{'==','$1',3}}],['$2']}]", "[a,c]"),
        ("[{{'$1','_','_'},[{'>','$1',1.5},{'<','$1',3}],[{{'$1',{'*','$1',2},{'-','$1'},{abs,{'-','$1'}},{float,'$1'}}}]}]", "[{2.0,4.0,-2.0,2.0,2.0}]"),
        ("[{{'$1','_','_'},[],[{{{size,{{1,2}}},{length,[1,2]},{hd,[x|y]},{tl,[x|y]},{map_get,a,#{a=>1}},{map_size,#{}},{is_map_key,a,#{}}}}]}]", "[{2,2,x,y,1,0,false},{2,2,x,y,1,0,false},{2,2,x,y,1,0,false}]"),
        ("[{{'$1','_','_'},[],[{{{'=:=',1,1.0},{'==',1,1.0},{'<',a,1},{'>=',a,a},{'=<',1,1.0},{'/=',1,2},{'=/=',1,1}}}]}]", "[{false,true,false,true,true,true,false},{false,true,false,true,true,true,false},{false,true,false,true,true,true,false}]"),
        ("[{{'$1','_','_'},[],[{{{round,2.5},{trunc,2.7},{'bsl',1,70},{'bsr',1024,3},{'rem',-7,2},{'band',6,3},{'bor',6,3},{'bxor',6,3},{'bnot',5}}}]}]", "[{3,2,1180591620717411303424,128,-1,2,7,5,-6},{3,2,1180591620717411303424,128,-1,2,7,5,-6},{3,2,1180591620717411303424,128,-1,2,7,5,-6}]"),
        ("[{{'$1','_','_'},[],[{'xor',true,false},{node},{node,{self}}]}]", "[nonode@nohost,nonode@nohost,nonode@nohost]"),
        ("[{{'$1','_','_'},[],[['$1'|'$2']]}]", "badarg"),
        ("[{{'$1','$2','_'},[],[['$1'|'$2']]}]", "[[1|a],[2.0|b],[3|c]]"),
        ("[{{'$1','$2','_'},[],[{{}}]}]", "[{},{},{}]"),
        ("[{{'$1','$2','_'},[],[{{{}}}]}]", "badarg"),
        ("[{{'$1','_','_'},[],[{'and'}]}]", "badarg"),
        ("[{{'$1','_','_'},[],[{'xor',true}]}]", "badarg"),
        ("[{{'$1','_','_'},[],[{tuple_size,'$_'}]}]", "badarg"),
    ];
    for (ms, want) in cases {
        assert_eq!(sel(&mut p, tab, ms), want, "{ms}");
    }
    // maps in bodies are built with evaluated keys
    assert_eq!(
        sel(
            &mut p,
            tab,
            "[{{'$1','_','_'},[],[#{k => '$1', '$1' => 2}]}]"
        ),
        "[#{1=>2,k=>1},#{3=>2,k=>3},#{2.0=>2,k=>2.0}]"
    );
}

#[test]
fn malformed_specs() {
    let mut p = proc();
    let tab = three(&mut p);
    for ms in [
        "[foo]",
        "[{{'$1'},[]}]",
        "foo",
        "[{{'$1','_','_'},foo,[ok]}]",
        "[{{'$1','_','_'},[],ok}]",
    ] {
        assert_eq!(sel(&mut p, tab, ms), "badarg", "{ms}");
    }
    assert_eq!(sel(&mut p, tab, "[]"), "[]");
}

/// Every chunk of a chunked select, following continuations:
/// `{Results, Cont}` steps print as `{Results,ContElements2..}`.
fn chunks(p: &mut Process, mut r: Term) -> String {
    let mut out = Vec::new();
    loop {
        if r.is_atom() {
            out.push(w(r));
            break;
        }
        let (l, c) = (r.element(0), r.element(1));
        if c.is_atom() {
            out.push(format!("{{{},eot}}", w(l)));
            break;
        }
        let e = c.tuple_elements();
        let info: Vec<Term> = if e.len() == 6 {
            vec![e[1], e[2], e[4], e[5]]
        } else {
            vec![e[1], e[2], e[3], e[5], e[6], e[7]]
        };
        let info = p.heap.tuple(&info);
        out.push(format!("{{{},{}}}", w(l), w(info)));
        r = raw(p, select::select_1, &[c]).unwrap();
    }
    format!("[{}]", out.join(","))
}

fn sel3(p: &mut Process, f: crate::bif::BifFn, tab: Term, ms: &str, n: i64) -> String {
    let m = t(p, ms);
    let r = raw(p, f, &[tab, m, Term::small(n)]).unwrap();
    chunks(p, r)
}

#[test]
fn chunked_select_ordered_set() {
    let mut p = proc();
    let o = new(&mut p, "[ordered_set]");
    ok(
        &mut p,
        bifs::insert_2,
        &["%0", "[{1,10},{2,20},{3,30},{4,40},{5,50},{6,60}]"],
        &[o],
    );
    let ms = "[{{'$1','$2'},[],['$2']}]";
    let f = select::select_3;
    assert_eq!(
        sel3(&mut p, f, o, ms, 3),
        "[{[10,20,30],{3,[],3,[],0,0}},{[40,50,60],{6,[],3,[],0,0}},'$end_of_table']"
    );
    assert_eq!(
        sel3(&mut p, f, o, ms, 4),
        "[{[10,20,30,40],{4,[],4,[],0,0}},{[50,60],eot}]"
    );
    assert_eq!(sel3(&mut p, f, o, ms, 10), "[{[10,20,30,40,50,60],eot}]");
    assert_eq!(
        sel3(&mut p, select::select_reverse_3, o, ms, 4),
        "[{[60,50,40,30],{3,[],4,[],1,0}},{[20,10],eot}]"
    );
    assert_eq!(
        sel3(&mut p, f, o, "[{{'$1','$2'},[{'>','$1',100}],['$2']}]", 10),
        "['$end_of_table']"
    );
    let pat = t(&mut p, "{'$2','$1'}");
    let r = raw(&mut p, select::match_3, &[o, pat, Term::small(2)]).unwrap();
    assert_eq!(
        chunks(&mut p, r),
        "[{[[10,1],[20,2]],{2,[],2,[],0,0}},{[[30,3],[40,4]],{4,[],2,[],0,0}},{[[50,5],[60,6]],{6,[],2,[],0,0}},'$end_of_table']"
    );
    assert_eq!(
        ok(&mut p, select::match_2, &["%0", "{'_','$1'}"], &[o]),
        "[[10],[20],[30],[40],[50],[60]]"
    );
    assert_eq!(
        ok(&mut p, select::match_2, &["%0", "{'_','_'}"], &[o]),
        "[[],[],[],[],[],[]]"
    );
    let pat = t(&mut p, "{'_',30}");
    let r = raw(&mut p, select::match_object_3, &[o, pat, Term::small(2)]).unwrap();
    assert_eq!(chunks(&mut p, r), "[{[{3,30}],eot}]");
    assert_eq!(
        ok(
            &mut p,
            select::select_reverse_2,
            &["%0", "[{{'$1','$2'},[{'>','$1',2}],['$2']}]"],
            &[o]
        ),
        "[60,50,40,30]"
    );
    assert_eq!(
        ok(&mut p, select::select_1, &["'$end_of_table'"], &[]),
        "'$end_of_table'"
    );
    let empty = new(&mut p, "[ordered_set]");
    assert_eq!(sel3(&mut p, f, empty, ms, 10), "['$end_of_table']");
}

#[test]
fn chunked_select_set() {
    let mut p = proc();
    let s = new(&mut p, "[set]");
    ok(
        &mut p,
        bifs::insert_2,
        &["%0", "[{1,10},{2,20},{3,30},{4,40},{5,50},{6,60}]"],
        &[s],
    );
    let ms = "[{{'$1','$2'},[],['$2']}]";
    let f = select::select_3;
    assert_eq!(sel3(&mut p, f, s, ms, 10), "[{[50,60,10,20,40,30],eot}]");
    assert_eq!(
        sel3(&mut p, f, s, ms, 1),
        "[{[30],{23,1,[],0}},{[40],{37,1,[],0}},{[20],{72,1,[],0}},{[10],{87,1,[],0}},{[60],{122,1,[],0}},{[50],{193,1,[],0}},'$end_of_table']"
    );
    assert_eq!(
        sel3(&mut p, f, s, ms, 2),
        "[{[40,30],{37,2,[],0}},{[10,20],{87,2,[],0}},{[50,60],{193,2,[],0}},'$end_of_table']"
    );
    assert_eq!(
        sel3(&mut p, select::select_reverse_3, s, ms, 2),
        "[{[40,30],{37,2,[],0}},{[10,20],{87,2,[],0}},{[50,60],{193,2,[],0}},'$end_of_table']"
    );
    assert_eq!(
        sel3(&mut p, f, s, "[{{'$1','$2'},[{'>','$1',100}],['$2']}]", 10),
        "['$end_of_table']"
    );
    // bound keys: only their buckets, in clause order; surplus in the continuation
    assert_eq!(
        ok(
            &mut p,
            select::select_2,
            &[
                "%0",
                "[{{3,'_'},[],['$_']},{{1,'_'},[],['$_']},{{5,'_'},[],['$_']},{{3,'_'},[],['$_']}]"
            ],
            &[s]
        ),
        "[{5,50},{1,10},{3,30}]"
    );
    assert_eq!(
        sel3(
            &mut p,
            f,
            s,
            "[{{3,'_'},[],['$_']},{{1,'_'},[],['$_']},{{5,'_'},[],['$_']}]",
            1
        ),
        "[{[{3,30}],{-1,1,[{5,50},{1,10}],2}},{[{1,10}],{-1,1,[{5,50}],1}},{[{5,50}],eot}]"
    );
    assert_eq!(
        sel3(&mut p, f, s, "[{{99,'_'},[],['$_']}]", 1),
        "['$end_of_table']"
    );
    let empty = new(&mut p, "[set]");
    assert_eq!(sel3(&mut p, f, empty, ms, 10), "['$end_of_table']");
}

// S=ets:new(s,[set]), [ets:insert(S,{K,K}) || K <- lists:seq(1,5000)], chunks of 3 of
// [{{'$1','$2'},[{'==',{'rem','$2',97},0}],['$2']}] (matches cross OTP's 1000-object
// slices); B=ets:new(b,[bag]) with {K rem 3, K} for K in 1..30, chunks of 4 (surplus
// kept in list order by the first call, reversed by select/1); {K rem 2, K} for
// K in 1..2400, chunks of 1100 (a slice boundary inside the first call).
#[test]
fn chunked_select_surplus_and_slices() {
    let mut p = proc();
    let s = new(&mut p, "[set]");
    for k in 1..=5000 {
        ok(
            &mut p,
            bifs::insert_2,
            &["%0", &format!("{{{k},{k}}}")],
            &[s],
        );
    }
    assert_eq!(
        sel3(&mut p, select::select_3, s, "[{{'$1','$2'},[{'==',{'rem','$2',97},0}],['$2']}]", 3),
        "[{[2425,4559,388],{617,3,[],0}},{[2522,3104,4850],{708,3,[],0}},{[1552,3492,582],{896,3,[],0}},{[1746,1067,194],{964,3,[],0}},{[2037,291,1649],{1303,3,[],0}},{[2619,3783,873],{1442,3,[],0}},{[3201,97,3880],{1741,3,[],0}},{[1261,4171,1455],{1960,3,[],0}},{[4753,1940,2716],{2193,3,[],0}},{[3007,3589,2231],{2417,3,[],0}},{[485,1164,4462],{2779,3,[],0}},{[776,4947,679],{3306,3,[],0}},{[4365,970,3395],{3560,3,[],0}},{[2328,3686,3298],{3954,3,[],0}},{[4074,4656,2910],{4337,3,[],0}},{[1843,2134,3977],{4377,3,[],0}},{[2813,1358,4268],{4888,3,[],0}},'$end_of_table']"
    );
    let b = new(&mut p, "[bag]");
    for k in 1..=30 {
        ok(
            &mut p,
            bifs::insert_2,
            &["%0", &format!("{{{},{k}}}", k % 3)],
            &[b],
        );
    }
    assert_eq!(
        sel3(&mut p, select::select_3, b, "[{{'$1','$2'},[],['$2']}]", 4),
        "[{[20,23,26,29],{72,4,[2,5,8,11,14,17],6}},{[8,11,14,17],{72,4,[5,2],2}},{[25,28,5,2],{87,4,[22,19,16,13,10,7,4,1],8}},{[10,7,4,1],{87,4,[13,16,19,22],4}},{[13,16,19,22],{87,4,[],0}},{[21,24,27,30],{201,4,[18,15,12,9,6,3],6}},{[12,9,6,3],{201,4,[15,18],2}},{[15,18],eot}]"
    );
    let b2 = new(&mut p, "[bag]");
    for k in 1..=2400 {
        ok(
            &mut p,
            bifs::insert_2,
            &["%0", &format!("{{{},{k}}}", k % 2)],
            &[b2],
        );
    }
    let m = t(&mut p, "[{{'$1','$2'},[],['$2']}]");
    let mut r = raw(&mut p, select::select_3, &[b2, m, Term::small(1100)]).unwrap();
    let mut steps = Vec::new();
    while r.is_tuple() && r.element(1).is_tuple() {
        let c = r.element(1);
        let rest: Vec<String> = c.element(4).iter_list().take(3).map(w).collect();
        steps.push(format!(
            "{{{},{{{},{},[{}],{}}}}}",
            r.element(0).iter_list().count(),
            w(c.element(1)),
            w(c.element(2)),
            rest.join(","),
            w(c.element(5))
        ));
        r = raw(&mut p, select::select_1, &[c]).unwrap();
    }
    assert_eq!(
        steps.join(","),
        "{1100,{713,1100,[2,4,6],100}},{1100,{1367,1100,[399,397,395],200}}"
    );
    let last: Vec<i64> = r.element(0).iter_list().map(|t| t.small_value()).collect();
    assert_eq!(last, (0..200).map(|i| 399 - 2 * i).collect::<Vec<i64>>());
    assert!(w(r.element(1)) == "'$end_of_table'");
}

#[test]
fn count_delete_replace() {
    let mut p = proc();
    let s = new(&mut p, "[set]");
    let o = new(&mut p, "[ordered_set]");
    for tab in [s, o] {
        ok(
            &mut p,
            bifs::insert_2,
            &["%0", "[{1,10},{2,20},{3,30},{4,40},{5,50},{6,60}]"],
            &[tab],
        );
        assert_eq!(
            ok(
                &mut p,
                select::select_count_2,
                &["%0", "[{{'$1','_'},[{'>','$1',2}],[true]}]"],
                &[tab]
            ),
            "4"
        );
    }
    assert_eq!(
        ok(
            &mut p,
            select::select_delete_2,
            &["%0", "[{{'$1','_'},[{'>','$1',4}],[true]}]"],
            &[s]
        ),
        "2"
    );
    assert_eq!(all_sorted(&mut p, s), "[{1,10},{2,20},{3,30},{4,40}]");
    assert_eq!(
        call(&mut p, select::select_delete_2, &["%0", "foo"], &[s]),
        Err("badarg".into())
    );

    let tab = new(&mut p, "[]");
    ok(
        &mut p,
        bifs::insert_2,
        &["%0", "[{1,a},{2,b},{3,c}]"],
        &[tab],
    );
    let specs = [
        ("[{{'$1','$2'},[],[{{'$1',x}}]}]", Ok("3")),
        ("[{{'$1','$2'},[{'>','$1',1}],[{{'$1',y}}]}]", Ok("2")),
        ("[{{'$1','$2'},[],[{{'$2','$1'}}]}]", Err("badarg")),
        ("[{{'$1','$2'},[],['$_']}]", Ok("3")),
        ("[{{1,'$2'},[],[{{1,z}}]}]", Ok("1")),
        ("[{{1,'$2'},[],[{{1.0,z}}]}]", Err("badarg")),
        ("[{{'$1','$2'},[],[{{{element,1,'$_'},w}}]}]", Ok("3")),
        ("[{{'$1','$2'},[],[{const,{1,c}}]}]", Err("badarg")),
        ("[{'$1',[],['$1']}]", Err("badarg")),
        ("[{{'$1','$2'},[],[{{'$1'}}]}]", Ok("3")),
    ];
    for (ms, want) in specs {
        let got = call(&mut p, select::select_replace_2, &["%0", ms], &[tab]);
        assert_eq!(got, want.map(String::from).map_err(String::from), "{ms}");
    }
    assert_eq!(all_sorted(&mut p, tab), "[{1},{2},{3}]");
    let bag = new(&mut p, "[bag]");
    assert_eq!(
        call(
            &mut p,
            select::select_replace_2,
            &["%0", "[{{'$1','$2'},[],[{{'$1',x}}]}]"],
            &[bag]
        ),
        Err("badarg".into())
    );
}

#[test]
fn compiled_specs() {
    let mut p = proc();
    let cms = ok(
        &mut p,
        msapi::match_spec_compile_1,
        &["[{{'$1','$2'},[{'>','$1',1}],[{{'$2','$1'}}]},{'$1',[],[{{other,'$1'}}]}]"],
        &[],
    );
    assert!(cms.starts_with("#Ref"));
    let c = {
        let s = t(
            &mut p,
            "[{{'$1','$2'},[{'>','$1',1}],[{{'$2','$1'}}]},{'$1',[],[{{other,'$1'}}]}]",
        );
        raw(&mut p, msapi::match_spec_compile_1, &[s]).unwrap()
    };
    // the same spec compiles to the same reference
    assert_eq!(w(c), cms);
    assert_eq!(
        ok(
            &mut p,
            msapi::match_spec_run_r_3,
            &["[{1,a},{2,b},x]", "%0", "[]"],
            &[c]
        ),
        "[{other,x},{b,2},{other,{1,a}}]"
    );
    assert_eq!(ok(&mut p, msapi::is_compiled_ms_1, &["%0"], &[c]), "true");
    let r = p.heap.reference(crate::vm::new_ref_id());
    assert_eq!(ok(&mut p, msapi::is_compiled_ms_1, &["%0"], &[r]), "false");
    assert_eq!(
        call(&mut p, msapi::match_spec_compile_1, &["[]"], &[]),
        Err("badarg".into())
    );
    assert_eq!(
        call(
            &mut p,
            msapi::match_spec_compile_1,
            &["[{'$1',[],['$2']}]"],
            &[]
        ),
        Err("badarg".into())
    );
    assert_eq!(
        call(&mut p, msapi::match_spec_run_r_3, &["[]", "foo", "[]"], &[]),
        Err("badarg".into())
    );
}
