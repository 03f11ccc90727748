//! Match specifications (`[{Head, Guards, Body}]`, the ETS dialect):
//! compiled to a small tree program and run against one term at a time.
//!
//! Semantics follow OTP 25's erl_db_util.c:
//! - Head: `'_'` matches anything, `'$N'` binds (a repeated variable must
//!   be `=:=`), other terms match exactly (`=:=`); map patterns need
//!   constant keys.
//! - Guards and body are expressions: `'$N'` (bound in the head, else the
//!   spec is invalid), `'$_'` (the whole object), `'$$'` (the bound
//!   variables in number order), `{{...}}` builds a tuple, `{const, T}`
//!   quotes, lists and maps are built element-wise, `{F, Args...}` calls one
//!   of the allowed guard functions, anything else is a constant.
//! - A guard list passes when every guard evaluates to `true`; an error
//!   in a guard makes the clause fail (the next clause is tried). An error
//!   in the body makes the clause's result the atom `'EXIT'`.
//! - `andalso`/`orelse` short-circuit and return their last argument as
//!   is; `and`/`or`/`xor`/`not` need booleans.
//!
//! Compiling never copies: a spec refers to terms where they are. Specs
//! that outlive a BIF call (`match_spec_compile/1`) are copied into their
//! own heap first (see [`Persisted`]). Running a spec is `msrun`.

use crate::bif::BifFn;
use crate::heap::Heap;
use crate::process::copy::copy_term;
use crate::term::order::exact_eq;
use crate::term::{atom, Atom, Term};

/// Deepest non-constant nesting accepted in a spec (deeper is badarg).
const MAX_DEPTH: usize = 1000;

pub(super) enum Pat {
    Any,
    Bind(u16),
    Check(u16),
    Const(Term),
    Tuple(Vec<Pat>),
    List(Vec<Pat>, Box<Pat>),
    Map(Vec<(Term, Pat)>),
}

#[derive(Copy, Clone)]
pub(super) enum CmpOp {
    Gt,
    Ge,
    Lt,
    Le,
    ExactEq,
    ExactNe,
    Eq,
    Ne,
}

pub(super) enum Fun {
    AndAlso,
    OrElse,
    And,
    Or,
    Xor,
    Not,
    Test(fn(Term) -> bool),
    IsRecord,
    SelfPid,
    Node,
    Cmp(CmpOp),
    Bif(Option<BifFn>),
}

pub(super) enum Expr {
    Const(Term),
    Var(u16),
    Obj,
    All,
    Tuple(Vec<Expr>),
    List(Vec<Expr>, Box<Expr>),
    Map(Vec<(Expr, Expr)>),
    Call(Fun, Vec<Expr>),
}

pub struct Clause {
    /// The raw head, guard list and body list (key analysis,
    /// select_replace's key check).
    pub head: Term,
    pub body: Term,
    pub(super) pat: Pat,
    pub(super) nvars: usize,
    /// Slots in variable-number order (`'$$'`).
    pub(super) order: Vec<u16>,
    pub(super) guards: Vec<Expr>,
    pub(super) exprs: Vec<Expr>,
}

pub struct Ms {
    pub clauses: Vec<Clause>,
}

/// `N` for a `'$N'` atom.
pub fn var_num(t: Term) -> Option<u32> {
    if !t.is_atom() {
        return None;
    }
    atom::with_name(t.atom_value(), |s| {
        let d = s.strip_prefix('$')?;
        if d.is_empty()
            || !d.bytes().all(|b| b.is_ascii_digit())
            || (d.len() > 1 && d.starts_with('0'))
        {
            return None;
        }
        d.parse::<u32>().ok()
    })
}

fn is_atom_named(t: Term, name: &str) -> bool {
    t.is_atom() && atom::with_name(t.atom_value(), |s| s == name)
}

/// Whether `t` contains a `'$N'` variable, `'_'` or a map (map patterns
/// match subsets, so a term holding one is not a plain constant).
pub fn has_variable(t: Term) -> bool {
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        if t.is_map() {
            return true;
        }
        if t.is_atom() {
            if var_num(t).is_some() || is_atom_named(t, "_") {
                return true;
            }
        } else if t.is_cons() {
            let (h, tl) = t.cons_parts();
            work.push(h);
            work.push(tl);
        } else if t.is_tuple() {
            work.extend(t.tuple_elements().iter().copied());
        }
    }
    false
}

/// The items of a proper list.
pub fn proper_list(t: Term) -> Option<Vec<Term>> {
    let mut it = t.iter_list();
    let v: Vec<Term> = it.by_ref().collect();
    if it.rest().is_nil() {
        Some(v)
    } else {
        None
    }
}

struct Vars {
    /// (variable number, slot)
    map: Vec<(u32, u16)>,
}

impl Vars {
    fn slot(&self, n: u32) -> Option<u16> {
        self.map.iter().find(|&&(v, _)| v == n).map(|&(_, s)| s)
    }
}

fn pat(t: Term, vars: &mut Vars, depth: usize) -> Result<Pat, ()> {
    if depth > MAX_DEPTH {
        return Err(());
    }
    if t.is_atom() {
        if is_atom_named(t, "_") {
            return Ok(Pat::Any);
        }
        if let Some(n) = var_num(t) {
            return Ok(match vars.slot(n) {
                Some(s) => Pat::Check(s),
                None => {
                    let s = vars.map.len() as u16;
                    vars.map.push((n, s));
                    Pat::Bind(s)
                }
            });
        }
        return Ok(Pat::Const(t));
    }
    if t.is_map() {
        let mut pairs = Vec::new();
        for (k, v) in crate::interp::maps::sorted_entries(t) {
            if var_num(k).is_some() || is_atom_named(k, "_") {
                return Err(());
            }
            pairs.push((k, pat(v, vars, depth + 1)?));
        }
        return Ok(Pat::Map(pairs));
    }
    if !has_variable(t) {
        return Ok(Pat::Const(t));
    }
    if t.is_tuple() {
        let mut ps = Vec::with_capacity(t.tuple_arity());
        for &e in t.tuple_elements() {
            ps.push(pat(e, vars, depth + 1)?);
        }
        return Ok(Pat::Tuple(ps));
    }
    if t.is_cons() {
        let mut items = Vec::new();
        let mut it = t.iter_list();
        for h in it.by_ref() {
            items.push(pat(h, vars, depth + 1)?);
        }
        let tail = pat(it.rest(), vars, depth + 1)?;
        return Ok(Pat::List(items, Box::new(tail)));
    }
    Ok(Pat::Const(t))
}

fn fun_of(name: Atom, arity: usize) -> Option<Fun> {
    let n = atom::name(name);
    let test = |f: fn(Term) -> bool| Some(Fun::Test(f));
    let bif = |s: &str| {
        Some(Fun::Bif(crate::bif::lookup(
            atom::ERLANG,
            atom::intern_static(s),
            arity as u32,
        )))
    };
    match (n.as_str(), arity) {
        ("andalso", 1..) => Some(Fun::AndAlso),
        ("orelse", 1..) => Some(Fun::OrElse),
        ("and", 1..) => Some(Fun::And),
        ("or", 1..) => Some(Fun::Or),
        ("xor", 2) => Some(Fun::Xor),
        ("not", 1) => Some(Fun::Not),
        ("is_atom", 1) => test(|t| t.is_atom()),
        ("is_float", 1) => test(|t| t.is_float()),
        ("is_integer", 1) => test(|t| t.is_integer()),
        ("is_list", 1) => test(|t| t.is_list()),
        ("is_number", 1) => test(|t| t.is_number()),
        ("is_pid", 1) => test(|t| t.is_pid()),
        ("is_port", 1) => test(|t| t.is_port()),
        ("is_reference", 1) => test(|t| t.is_ref()),
        ("is_tuple", 1) => test(|t| t.is_tuple()),
        ("is_map", 1) => test(|t| t.is_map()),
        ("is_binary", 1) => test(|t| crate::term::binary::view(t).is_some_and(|b| b.is_binary())),
        ("is_function", 1) => test(|t| t.is_fun()),
        ("is_record", 3) => Some(Fun::IsRecord),
        ("self", 0) => Some(Fun::SelfPid),
        ("node", 0 | 1) => Some(Fun::Node),
        (">", 2) => Some(Fun::Cmp(CmpOp::Gt)),
        (">=", 2) => Some(Fun::Cmp(CmpOp::Ge)),
        ("<", 2) => Some(Fun::Cmp(CmpOp::Lt)),
        ("=<", 2) => Some(Fun::Cmp(CmpOp::Le)),
        ("=:=", 2) => Some(Fun::Cmp(CmpOp::ExactEq)),
        ("=/=", 2) => Some(Fun::Cmp(CmpOp::ExactNe)),
        ("==", 2) => Some(Fun::Cmp(CmpOp::Eq)),
        ("/=", 2) => Some(Fun::Cmp(CmpOp::Ne)),
        (
            "abs" | "hd" | "tl" | "length" | "map_size" | "round" | "size" | "bit_size"
            | "byte_size" | "trunc" | "float" | "bnot",
            1,
        ) => bif(&n),
        ("-" | "+", 1 | 2) => bif(&n),
        (
            "element" | "map_get" | "is_map_key" | "*" | "/" | "div" | "rem" | "band" | "bor"
            | "bxor" | "bsl" | "bsr",
            2,
        ) => bif(&n),
        ("binary_part", 2 | 3) => bif(&n),
        _ => None,
    }
}

/// Compile an expression. Constant subterms stay the terms they are.
fn expr(t: Term, vars: &Vars, depth: usize) -> Result<Expr, ()> {
    if depth > MAX_DEPTH {
        return Err(());
    }
    if t.is_atom() {
        if is_atom_named(t, "$_") {
            return Ok(Expr::Obj);
        }
        if is_atom_named(t, "$$") {
            return Ok(Expr::All);
        }
        if let Some(n) = var_num(t) {
            return vars.slot(n).map(Expr::Var).ok_or(());
        }
        return Ok(Expr::Const(t));
    }
    let is_self = |e: &Expr, orig: Term| matches!(e, Expr::Const(c) if c.0 == orig.0);
    if t.is_tuple() {
        let el = t.tuple_elements();
        let Some(&first) = el.first() else {
            return Err(());
        };
        if el.len() == 1 && first.is_tuple() {
            let inner = first.tuple_elements();
            let mut es = Vec::with_capacity(inner.len());
            for &e in inner {
                es.push(expr(e, vars, depth + 1)?);
            }
            if es.iter().zip(inner).all(|(e, &o)| is_self(e, o)) {
                return Ok(Expr::Const(first));
            }
            return Ok(Expr::Tuple(es));
        }
        if el.len() == 2 && is_atom_named(first, "const") {
            return Ok(Expr::Const(el[1]));
        }
        if !first.is_atom() {
            return Err(());
        }
        let f = fun_of(first.atom_value(), el.len() - 1).ok_or(())?;
        let mut args = Vec::with_capacity(el.len() - 1);
        for &a in &el[1..] {
            args.push(expr(a, vars, depth + 1)?);
        }
        return Ok(Expr::Call(f, args));
    }
    if t.is_cons() {
        let mut items = Vec::new();
        let mut origs = Vec::new();
        let mut it = t.iter_list();
        for h in it.by_ref() {
            items.push(expr(h, vars, depth + 1)?);
            origs.push(h);
        }
        let rest = it.rest();
        let tail = expr(rest, vars, depth + 1)?;
        if is_self(&tail, rest) && items.iter().zip(&origs).all(|(e, &o)| is_self(e, o)) {
            return Ok(Expr::Const(t));
        }
        return Ok(Expr::List(items, Box::new(tail)));
    }
    if t.is_map() {
        let mut pairs = Vec::new();
        for (k, v) in crate::interp::maps::sorted_entries(t) {
            pairs.push((expr(k, vars, depth + 1)?, expr(v, vars, depth + 1)?));
        }
        return Ok(Expr::Map(pairs));
    }
    Ok(Expr::Const(t))
}

/// Compile a match specification (a proper list of `{Head, Guards, Body}`).
pub fn compile(ms: Term) -> Result<Ms, ()> {
    let items = proper_list(ms).ok_or(())?;
    let mut clauses = Vec::with_capacity(items.len());
    for c in items {
        if !c.is_tuple() || c.tuple_arity() != 3 {
            return Err(());
        }
        let (head, guards, body) = (c.element(0), c.element(1), c.element(2));
        let mut vars = Vars { map: Vec::new() };
        let p = pat(head, &mut vars, 0)?;
        let gs = proper_list(guards).ok_or(())?;
        let bs = proper_list(body).ok_or(())?;
        if bs.is_empty() {
            return Err(());
        }
        let guards = gs
            .iter()
            .map(|&g| expr(g, &vars, 0))
            .collect::<Result<Vec<_>, _>>()?;
        let exprs = bs
            .iter()
            .map(|&b| expr(b, &vars, 0))
            .collect::<Result<Vec<_>, _>>()?;
        let mut sorted = vars.map.clone();
        sorted.sort();
        clauses.push(Clause {
            head,
            body,
            pat: p,
            nvars: vars.map.len(),
            order: sorted.iter().map(|&(_, s)| s).collect(),
            guards,
            exprs,
        });
    }
    Ok(Ms { clauses })
}

/// A compiled spec that owns a copy of its source (`match_spec_compile/1`).
pub struct Persisted {
    pub source: Term,
    pub ms: Ms,
    _heap: Heap,
}

// SAFETY: the spec's terms point only into its own heap (or immortal
// literal areas), which moves with it.
unsafe impl Send for Persisted {}

impl Persisted {
    pub fn new(ms: Term) -> Result<Persisted, ()> {
        let mut heap = Heap::new(crate::process::copy::size_of(ms));
        let source = copy_term(ms, &mut heap);
        let compiled = compile(source)?;
        Ok(Persisted {
            source,
            ms: compiled,
            _heap: heap,
        })
    }
}

/// `db_match_keeps_key`: whether select_replace's clause keeps the key.
pub fn keeps_key(keypos: usize, head: Term, body: Term) -> bool {
    let Some(items) = proper_list(body) else {
        return false;
    };
    if items.len() != 1 {
        return false;
    }
    let single = items[0];
    if is_atom_named(single, "$_") {
        return true;
    }
    if !single.is_tuple() {
        return false;
    }
    let getkey = |t: Term| {
        if t.is_tuple() && t.tuple_arity() >= keypos {
            Some(t.element(keypos - 1))
        } else {
            None
        }
    };
    let Some(match_key) = getkey(head) else {
        return false;
    };
    let el = single.tuple_elements();
    let (sub, const_mode) = if el.len() == 2 && is_atom_named(el[0], "const") {
        (el[1], true)
    } else if el.len() == 1 {
        (el[0], false)
    } else {
        return false;
    };
    let Some(body_key) = getkey(sub) else {
        return false;
    };
    if eq_body(match_key, body_key, const_mode) {
        return true;
    }
    if const_mode || !body_key.is_tuple() {
        return false;
    }
    let k = body_key.tuple_elements();
    k.len() == 3
        && is_atom_named(k[0], "element")
        && k[1].is_small()
        && k[1].small_value() == keypos as i64
        && is_atom_named(k[2], "$_")
}

/// `db_match_eq_body`: does constructing `b` always give what `a` matched?
fn eq_body(a: Term, b: Term, const_mode: bool) -> bool {
    // (a, b, const_mode) work items
    let mut work = vec![(a, b, const_mode)];
    while let Some((a, mut b, mut cm)) = work.pop() {
        if b.is_cons() {
            if !a.is_cons() {
                return false;
            }
            let (ah, at) = a.cons_parts();
            let (bh, bt) = b.cons_parts();
            work.push((at, bt, cm));
            work.push((ah, bh, cm));
        } else if b.is_boxed() {
            if b.is_tuple() {
                if !cm {
                    let el = b.tuple_elements();
                    if el.len() == 1 && el[0].is_tuple() {
                        b = el[0];
                    } else if el.len() == 2 && is_atom_named(el[0], "const") {
                        cm = true;
                        work.push((a, el[1], cm));
                        continue;
                    } else {
                        return false;
                    }
                }
                if !a.is_tuple() || a.tuple_arity() != b.tuple_arity() {
                    return false;
                }
                for (&x, &y) in a.tuple_elements().iter().zip(b.tuple_elements()).rev() {
                    work.push((x, y, cm));
                }
            } else if b.is_map() || !exact_eq(a, b) {
                return false;
            }
        } else if a != b
            || is_atom_named(a, "_")
            || is_atom_named(a, "$$")
            || is_atom_named(a, "$_")
            || (cm && var_num(a).is_some())
        {
            return false;
        }
    }
    true
}
