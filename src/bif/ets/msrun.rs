//! Running compiled match specifications: head matching, guard and body
//! evaluation (see `matchspec` for the semantics). Results are built on
//! the calling process's heap; they may point into the matched object's
//! storage, so callers copy them out (`Ms::run_copy`).

use super::matchspec::{CmpOp, Expr, Fun, Ms, Pat};
use crate::process::copy::copy_term;
use crate::process::Process;
use crate::term::order::{compare, exact_eq};
use crate::term::{atom, Term};
use std::cmp::Ordering;

fn match_pat(p: &Pat, t: Term, b: &mut [Term]) -> bool {
    match p {
        Pat::Any => true,
        Pat::Bind(s) => {
            b[*s as usize] = t;
            true
        }
        Pat::Check(s) => exact_eq(b[*s as usize], t),
        Pat::Const(c) => exact_eq(*c, t),
        Pat::Tuple(ps) => {
            t.is_tuple()
                && t.tuple_arity() == ps.len()
                && ps
                    .iter()
                    .zip(t.tuple_elements())
                    .all(|(p, &e)| match_pat(p, e, b))
        }
        Pat::List(items, tail) => {
            let mut cur = t;
            for ip in items {
                if !cur.is_cons() {
                    return false;
                }
                let (h, tl) = cur.cons_parts();
                if !match_pat(ip, h, b) {
                    return false;
                }
                cur = tl;
            }
            match_pat(tail, cur, b)
        }
        Pat::Map(pairs) => {
            if !t.is_map() {
                return false;
            }
            pairs
                .iter()
                .all(|(k, vp)| match crate::interp::maps::get(t, *k) {
                    Some(v) => match_pat(vp, v, b),
                    None => false,
                })
        }
    }
}

struct Cx<'a> {
    p: &'a mut Process,
    obj: Term,
    binds: &'a [Term],
    order: &'a [u16],
}

type R = Result<Term, ()>;

fn boolean(t: Term) -> Result<bool, ()> {
    if t == Term::atom(atom::TRUE) {
        Ok(true)
    } else if t == Term::atom(atom::FALSE) {
        Ok(false)
    } else {
        Err(())
    }
}

fn eval(e: &Expr, cx: &mut Cx) -> R {
    match e {
        Expr::Const(t) => Ok(*t),
        Expr::Var(s) => Ok(cx.binds[*s as usize]),
        Expr::Obj => Ok(cx.obj),
        Expr::All => {
            let vals: Vec<Term> = cx.order.iter().map(|&s| cx.binds[s as usize]).collect();
            Ok(cx.p.heap.list(&vals))
        }
        Expr::Tuple(es) => {
            let vals = es
                .iter()
                .map(|e| eval(e, cx))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(cx.p.heap.tuple(&vals))
        }
        Expr::List(es, tail) => {
            let vals = es
                .iter()
                .map(|e| eval(e, cx))
                .collect::<Result<Vec<_>, _>>()?;
            let t = eval(tail, cx)?;
            Ok(cx.p.heap.list_with_tail(&vals, t))
        }
        Expr::Map(pairs) => {
            let mut kv: Vec<(Term, Term)> = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                kv.push((eval(k, cx)?, eval(v, cx)?));
            }
            Ok(crate::interp::maps::build(&mut cx.p.heap, &kv))
        }
        Expr::Call(f, args) => call(f, args, cx),
    }
}

fn call(f: &Fun, args: &[Expr], cx: &mut Cx) -> R {
    match f {
        Fun::AndAlso | Fun::OrElse => {
            let stop = matches!(f, Fun::OrElse);
            let (last, init) = args.split_last().ok_or(())?;
            for a in init {
                if boolean(eval(a, cx)?)? == stop {
                    return Ok(Term::bool(stop));
                }
            }
            eval(last, cx)
        }
        Fun::And | Fun::Or => {
            let mut acc = matches!(f, Fun::And);
            for a in args {
                let v = boolean(eval(a, cx)?)?;
                acc = if matches!(f, Fun::And) {
                    acc && v
                } else {
                    acc || v
                };
            }
            Ok(Term::bool(acc))
        }
        Fun::Xor => {
            let a = boolean(eval(&args[0], cx)?)?;
            let b = boolean(eval(&args[1], cx)?)?;
            Ok(Term::bool(a ^ b))
        }
        Fun::Not => Ok(Term::bool(!boolean(eval(&args[0], cx)?)?)),
        Fun::Test(t) => Ok(Term::bool(t(eval(&args[0], cx)?))),
        Fun::IsRecord => {
            let t = eval(&args[0], cx)?;
            let name = eval(&args[1], cx)?;
            let n = eval(&args[2], cx)?;
            if !name.is_atom() || !n.is_small() {
                return Err(());
            }
            Ok(Term::bool(
                t.is_tuple()
                    && t.tuple_arity() as i64 == n.small_value()
                    && t.tuple_arity() > 0
                    && t.element(0) == name,
            ))
        }
        Fun::SelfPid => Ok(Term::pid(cx.p.pid)),
        Fun::Node => {
            if let Some(a) = args.first() {
                let v = eval(a, cx)?;
                if !(v.is_pid() || v.is_port() || v.is_ref()) {
                    return Err(());
                }
            }
            Ok(Term::atom(atom::NONODE))
        }
        Fun::Cmp(op) => {
            let a = eval(&args[0], cx)?;
            let b = eval(&args[1], cx)?;
            let r = match op {
                CmpOp::ExactEq => exact_eq(a, b),
                CmpOp::ExactNe => !exact_eq(a, b),
                _ => {
                    let o = compare(a, b, false);
                    match op {
                        CmpOp::Gt => o == Ordering::Greater,
                        CmpOp::Ge => o != Ordering::Less,
                        CmpOp::Lt => o == Ordering::Less,
                        CmpOp::Le => o != Ordering::Greater,
                        CmpOp::Eq => o == Ordering::Equal,
                        _ => o != Ordering::Equal,
                    }
                }
            };
            Ok(Term::bool(r))
        }
        Fun::Bif(b) => {
            let b = b.ok_or(())?;
            let vals = args
                .iter()
                .map(|e| eval(e, cx))
                .collect::<Result<Vec<_>, _>>()?;
            b(cx.p, &vals).map_err(|_| ())
        }
    }
}

impl Ms {
    /// Run against `obj`: the result of the first clause whose head
    /// matches and whose guards pass (body errors give `'EXIT'`), or None.
    /// The result may point into `obj`'s and the spec's storage: callers
    /// copy it (see [`Ms::run_copy`]).
    pub fn run(&self, p: &mut Process, obj: Term) -> Option<Term> {
        let mut small = [Term::NIL; 16];
        let mut big: Vec<Term> = Vec::new();
        for c in &self.clauses {
            let binds: &mut [Term] = if c.nvars <= small.len() {
                &mut small[..c.nvars]
            } else {
                big.clear();
                big.resize(c.nvars, Term::NIL);
                &mut big
            };
            if !match_pat(&c.pat, obj, binds) {
                continue;
            }
            let mut cx = Cx {
                p,
                obj,
                binds,
                order: &c.order,
            };
            let pass = c
                .guards
                .iter()
                .all(|g| eval(g, &mut cx) == Ok(Term::atom(atom::TRUE)));
            if !pass {
                continue;
            }
            let mut res = Term::atom(atom::EXIT_UPPER);
            for e in &c.exprs {
                match eval(e, &mut cx) {
                    Ok(v) => res = v,
                    Err(()) => {
                        res = Term::atom(atom::EXIT_UPPER);
                        break;
                    }
                }
            }
            return Some(res);
        }
        None
    }

    /// [`Ms::run`], with the result copied onto the process heap.
    pub fn run_copy(&self, p: &mut Process, obj: Term) -> Option<Term> {
        let r = self.run(p, obj)?;
        Some(copy_term(r, &mut p.heap))
    }
}
