//! Test helpers for the ETS unit tests: a reader for Erlang term syntax,
//! BIF calls with arguments written as terms, `~w`-like printing.

use crate::bif::{BifFn, Exc};
use crate::process::Process;
use crate::term::{atom, bignum, display, Term};

pub fn proc() -> Process {
    Process::new(crate::vm::next_pid(), Term::NIL)
}

/// Parse an Erlang term (atoms, 'quoted', integers, floats, "strings",
/// tuples, lists with tails, <<bytes or "text">>, #{maps}, `P` = pid).
pub fn t(p: &mut Process, s: &str) -> Term {
    tp(p, s, &[])
}

/// [`t`] where `%N` stands for `pre[N]`.
pub fn tp(p: &mut Process, s: &str, pre: &[Term]) -> Term {
    let b: Vec<char> = s.chars().collect();
    let mut i = 0;
    let r = parse(p, &b, &mut i, pre);
    skip(&b, &mut i);
    assert_eq!(i, b.len(), "trailing input in {s}");
    r
}

fn skip(b: &[char], i: &mut usize) {
    while *i < b.len() && b[*i].is_whitespace() {
        *i += 1;
    }
}

fn parse(p: &mut Process, b: &[char], i: &mut usize, pre: &[Term]) -> Term {
    skip(b, i);
    let c = b[*i];
    if c == '%' {
        let st = *i + 1;
        *i += 1;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        let n: String = b[st..*i].iter().collect();
        return pre[n.parse::<usize>().unwrap()];
    }
    if c == '{' || c == '[' {
        let close = if c == '{' { '}' } else { ']' };
        *i += 1;
        let mut items = Vec::new();
        let mut tail = Term::NIL;
        loop {
            skip(b, i);
            if b[*i] == close {
                *i += 1;
                break;
            }
            items.push(parse(p, b, i, pre));
            skip(b, i);
            if b[*i] == ',' {
                *i += 1;
            } else if b[*i] == '|' {
                *i += 1;
                tail = parse(p, b, i, pre);
            }
        }
        return if c == '{' {
            p.heap.tuple(&items)
        } else {
            p.heap.list_with_tail(&items, tail)
        };
    }
    if c == '#' {
        *i += 2;
        let mut kv: Vec<(Term, Term)> = Vec::new();
        loop {
            skip(b, i);
            if b[*i] == '}' {
                *i += 1;
                break;
            }
            let k = parse(p, b, i, pre);
            skip(b, i);
            *i += 2;
            let v = parse(p, b, i, pre);
            kv.push((k, v));
            skip(b, i);
            if b[*i] == ',' {
                *i += 1;
            }
        }
        kv.sort_by(|x, y| crate::term::order::compare(x.0, y.0, true));
        return p.heap.map_sorted(&kv);
    }
    if c == '<' {
        *i += 2;
        let mut bytes = Vec::new();
        loop {
            skip(b, i);
            if b[*i] == '>' {
                *i += 2;
                break;
            }
            if b[*i] == '"' {
                *i += 1;
                while b[*i] != '"' {
                    bytes.push(b[*i] as u8);
                    *i += 1;
                }
                *i += 1;
            } else {
                let n = parse(p, b, i, pre);
                bytes.push(n.small_value() as u8);
            }
            skip(b, i);
            if b[*i] == ',' {
                *i += 1;
            }
        }
        return p.heap.binary(&bytes);
    }
    if c == '"' {
        *i += 1;
        let mut s = String::new();
        while b[*i] != '"' {
            s.push(b[*i]);
            *i += 1;
        }
        *i += 1;
        return p.heap.string(&s);
    }
    if c == '\'' {
        *i += 1;
        let mut s = String::new();
        while b[*i] != '\'' {
            s.push(b[*i]);
            *i += 1;
        }
        *i += 1;
        return Term::atom(atom::intern_static(&s));
    }
    if c == '-' || c.is_ascii_digit() {
        let st = *i;
        *i += 1;
        while *i < b.len() && (b[*i].is_ascii_digit() || b[*i] == '.' || b[*i] == 'e') {
            *i += 1;
        }
        let s: String = b[st..*i].iter().collect();
        if s.contains('.') {
            return Term::float(s.parse().unwrap());
        }
        let v: num_bigint::BigInt = s.parse().unwrap();
        return bignum::from_big(&mut p.heap, &v);
    }
    let st = *i;
    while *i < b.len() && (b[*i].is_alphanumeric() || b[*i] == '_' || b[*i] == '@' || b[*i] == '$')
    {
        *i += 1;
    }
    let s: String = b[st..*i].iter().collect();
    assert!(!s.is_empty(), "cannot parse at {:?}", &b[st..]);
    if s == "P" {
        return p.self_term();
    }
    Term::atom(atom::intern_static(&s))
}

pub fn w(t: Term) -> String {
    display::format(t)
}

/// Call a BIF with arguments written as Erlang terms (`%0`, `%1`...
/// stand for `pre[0]`, `pre[1]`...). Ok(printed) or Err("badarg").
pub fn call(p: &mut Process, f: BifFn, args: &[&str], pre: &[Term]) -> Result<String, String> {
    let a: Vec<Term> = args.iter().map(|s| tp(p, s, pre)).collect();
    raw(p, f, &a).map(w)
}

pub fn raw(p: &mut Process, f: BifFn, a: &[Term]) -> Result<Term, String> {
    f(p, a).map_err(|e: Exc| w(e.reason))
}

pub fn ok(p: &mut Process, f: BifFn, args: &[&str], pre: &[Term]) -> String {
    call(p, f, args, pre).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}
