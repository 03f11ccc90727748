//! Table administration: new/2, delete/1, all/0, info/1,2, rename/2,
//! whereis/1, give_away/3, setopts/2, safe_fixtable/2, slot/2.

use super::table::{Access, Data, Opts, Table, Type};
use super::{
    add_owned, alive, delete_table, lock, note_fixed, reg_read, reg_write, remove_owned, resolve,
    send_transfer, tid_term, with_table, Need, TabRef,
};
use crate::bif::Exc;
use crate::process::copy::copy_term;
use crate::process::Process;
use crate::term::{atom, Term};
use std::sync::Arc;
use std::sync::Mutex;

type R = Result<Term, Exc>;

fn a(s: &str) -> Term {
    Term::atom(atom::intern_static(s))
}

fn is(t: Term, s: &str) -> bool {
    t.is_atom() && atom::with_name(t.atom_value(), |n| n == s)
}

fn boolean(t: Term) -> Result<bool, Exc> {
    if is(t, "true") {
        Ok(true)
    } else if is(t, "false") {
        Ok(false)
    } else {
        Err(Exc::badarg())
    }
}

/// A heir option's pid, or None for a dead process (OTP then records no
/// heir).
fn heir_opt(pid: Term, data: Term) -> Result<Option<(u64, Term)>, Exc> {
    if !pid.is_pid() {
        return Err(Exc::badarg());
    }
    let p = pid.pid_value();
    Ok(if alive(p) { Some((p, data)) } else { None })
}

fn parse_opts(list: Term) -> Result<Opts, Exc> {
    let mut o = Opts {
        ty: Type::Set,
        access: Access::Protected,
        named: false,
        keypos: 1,
        heir: None,
        write_conc: "false",
        read_conc: false,
        dec_counters: None,
        compressed: false,
    };
    let mut it = list.iter_list();
    for opt in it.by_ref() {
        if opt.is_atom() {
            match atom::name(opt.atom_value()).as_str() {
                "set" => o.ty = Type::Set,
                "ordered_set" => o.ty = Type::OrderedSet,
                "bag" => o.ty = Type::Bag,
                "duplicate_bag" => o.ty = Type::DuplicateBag,
                "public" => o.access = Access::Public,
                "protected" => o.access = Access::Protected,
                "private" => o.access = Access::Private,
                "named_table" => o.named = true,
                "compressed" => o.compressed = true,
                _ => return Err(Exc::badarg()),
            }
            continue;
        }
        if !opt.is_tuple() {
            return Err(Exc::badarg());
        }
        let e = opt.tuple_elements();
        let tag = e[0];
        match e.len() {
            2 if is(tag, "keypos") => {
                if !e[1].is_small() || e[1].small_value() < 1 {
                    return Err(Exc::badarg());
                }
                o.keypos = e[1].small_value() as usize;
            }
            2 if is(tag, "heir") && is(e[1], "none") => o.heir = None,
            3 if is(tag, "heir") => o.heir = heir_opt(e[1], e[2])?,
            2 if is(tag, "write_concurrency") => {
                o.write_conc = if is(e[1], "auto") {
                    "auto"
                } else if boolean(e[1])? {
                    "true"
                } else {
                    "false"
                };
            }
            2 if is(tag, "read_concurrency") => o.read_conc = boolean(e[1])?,
            2 if is(tag, "decentralized_counters") => o.dec_counters = Some(boolean(e[1])?),
            _ => return Err(Exc::badarg()),
        }
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    Ok(o)
}

pub fn new_2(p: &mut Process, args: &[Term]) -> R {
    let name = args[0];
    if !name.is_atom() {
        return Err(Exc::badarg());
    }
    let opts = parse_opts(args[1])?;
    let id = crate::vm::new_ref_id();
    let t = Table::new(id, name.atom_value(), p.pid, &opts);
    {
        let mut r = reg_write();
        if opts.named {
            if r.names.contains_key(&name.atom_value()) {
                return Err(Exc::badarg_cause("already_exists"));
            }
            r.names.insert(name.atom_value(), id);
        }
        r.tables.insert(id, Arc::new(Mutex::new(t)));
    }
    add_owned(p.pid, id);
    Ok(if opts.named {
        name
    } else {
        p.heap.reference(id)
    })
}

pub fn delete_1(p: &mut Process, args: &[Term]) -> R {
    let id = with_table(p, args[0], Need::Write, |t, _| Ok(t.id))?;
    delete_table(id);
    Ok(Term::bool(true))
}

pub fn all_0(p: &mut Process, _args: &[Term]) -> R {
    let mut tabs: Vec<(u64, TabRef)> = reg_read()
        .tables
        .iter()
        .map(|(&k, v)| (k, v.clone()))
        .collect();
    tabs.sort_by_key(|&(k, _)| k);
    let mut out = Vec::with_capacity(tabs.len());
    for (_, tr) in tabs {
        let t = lock(&tr);
        if !t.deleted {
            out.push(tid_term(&t, &mut p.heap));
        }
    }
    Ok(p.heap.list(&out))
}

/// `info/2` items, in `info/1`'s order.
const INFO1: &[&str] = &[
    "id",
    "decentralized_counters",
    "read_concurrency",
    "write_concurrency",
    "compressed",
    "memory",
    "owner",
    "heir",
    "name",
    "size",
    "node",
    "named_table",
    "type",
    "keypos",
    "protection",
];

fn info_item(t: &Table, p: &mut Process, item: &str) -> Option<Term> {
    Some(match item {
        "id" => p.heap.reference(t.id),
        "decentralized_counters" => Term::bool(t.dec_counters),
        "read_concurrency" => Term::bool(t.read_conc),
        "write_concurrency" => a(t.write_conc),
        "compressed" => Term::bool(t.compressed),
        "memory" => p.heap.int(t.memory_words() as i64),
        "owner" => Term::pid(t.owner),
        "heir" => match t.heir {
            Some((h, _)) => Term::pid(h),
            None => a("none"),
        },
        "name" => Term::atom(t.name),
        "size" => p.heap.int(t.size() as i64),
        "node" => Term::atom(atom::NONODE),
        "named_table" => Term::bool(t.named),
        "type" => a(match t.ty {
            Type::Set => "set",
            Type::OrderedSet => "ordered_set",
            Type::Bag => "bag",
            Type::DuplicateBag => "duplicate_bag",
        }),
        "keypos" => Term::small(t.keypos as i64),
        "protection" => a(match t.access {
            Access::Public => "public",
            Access::Protected => "protected",
            Access::Private => "private",
        }),
        "fixed" => Term::bool(t.fixed()),
        "safe_fixed" | "safe_fixed_monotonic_time" => {
            if !t.fixed() {
                return Some(Term::bool(false));
            }
            let ns = t.fix_time_ns;
            let time = if item == "safe_fixed" {
                let us = t.fix_wall_us;
                p.heap.tuple(&[
                    Term::small(us / 1_000_000_000_000),
                    Term::small((us / 1_000_000) % 1_000_000),
                    Term::small(us % 1_000_000),
                ])
            } else {
                p.heap.int(ns)
            };
            let fixers: Vec<Term> = t
                .fixers
                .iter()
                .rev()
                .map(|&(pid, n)| p.heap.tuple(&[Term::pid(pid), Term::small(n as i64)]))
                .collect();
            let l = p.heap.list(&fixers);
            p.heap.tuple(&[time, l])
        }
        "stats" => match &t.data {
            Data::Tree(_) => Term::bool(false),
            Data::Hash(h) => {
                let n = h.nactive();
                let lens: Vec<usize> = (0..n).map(|i| h.chain(i).len()).collect();
                let items: usize = lens.iter().sum();
                let avg = items as f64 / n as f64;
                let sq: f64 = lens.iter().map(|&l| (l * l) as f64).sum::<f64>() / n as f64;
                let sd = (sq - avg * avg).max(0.0).sqrt();
                let exp = (avg * (1.0 - 1.0 / n as f64)).sqrt();
                let kept = items - h.nitems;
                let segs = 1 + (h.nslots() - 256) / 2048;
                p.heap.tuple(&[
                    Term::small(n as i64),
                    Term::float(avg),
                    Term::float(sd),
                    Term::float(exp),
                    Term::small(lens.iter().copied().min().unwrap_or(0) as i64),
                    Term::small(lens.iter().copied().max().unwrap_or(0) as i64),
                    Term::small(kept as i64),
                    Term::small(segs as i64),
                ])
            }
        },
        "binary" => Term::NIL,
        _ => return None,
    })
}

/// The table for info/1,2: None when `tid` is a well-formed identifier of
/// no table (info then returns `undefined`), badarg otherwise.
fn info_table(tid: Term) -> Result<Option<TabRef>, Exc> {
    if !tid.is_atom() && !tid.is_ref() {
        return Err(Exc::badarg());
    }
    Ok(resolve(tid))
}

pub fn info_1(p: &mut Process, args: &[Term]) -> R {
    let Some(tr) = info_table(args[0])? else {
        return Ok(a("undefined"));
    };
    let t = lock(&tr);
    if t.deleted {
        return Ok(a("undefined"));
    }
    let mut items = Vec::with_capacity(INFO1.len());
    for &k in INFO1 {
        let v = info_item(&t, p, k).unwrap_or(Term::NIL);
        items.push(p.heap.tuple(&[a(k), v]));
    }
    Ok(p.heap.list(&items))
}

pub fn info_2(p: &mut Process, args: &[Term]) -> R {
    let Some(tr) = info_table(args[0])? else {
        return Ok(a("undefined"));
    };
    let t = lock(&tr);
    if t.deleted {
        return Ok(a("undefined"));
    }
    if !args[1].is_atom() {
        return Err(Exc::badarg());
    }
    let item = atom::name(args[1].atom_value());
    info_item(&t, p, &item).ok_or_else(Exc::badarg)
}

pub fn rename_2(p: &mut Process, args: &[Term]) -> R {
    let new = args[1];
    if !new.is_atom() {
        return Err(Exc::badarg());
    }
    let tr = resolve(args[0]).ok_or_else(Exc::badarg)?;
    let mut r = reg_write();
    let mut t = lock(&tr);
    if t.deleted || !t.can_write(p.pid) {
        return Err(Exc::badarg());
    }
    if t.named {
        if r.names.contains_key(&new.atom_value()) {
            return Err(Exc::badarg());
        }
        r.names.remove(&t.name);
        r.names.insert(new.atom_value(), t.id);
    }
    t.name = new.atom_value();
    // A named table is known by its (new) name; an unnamed one by its tid.
    Ok(if t.named { new } else { p.heap.reference(t.id) })
}

pub fn whereis_1(p: &mut Process, args: &[Term]) -> R {
    if !args[0].is_atom() {
        return Err(Exc::badarg());
    }
    let id = reg_read().names.get(&args[0].atom_value()).copied();
    Ok(match id {
        Some(id) => p.heap.reference(id),
        None => a("undefined"),
    })
}

/// The table `tid` if `p` owns it (give_away, setopts), else badarg.
fn owned_by(p: &Process, tid: Term) -> Result<TabRef, Exc> {
    let tr = resolve(tid).ok_or_else(|| super::no_table(tid))?;
    {
        let t = lock(&tr);
        if t.deleted {
            return Err(Exc::badarg_cause("id"));
        }
        if t.owner != p.pid {
            return Err(Exc::badarg_cause("access"));
        }
    }
    Ok(tr)
}

pub fn give_away_3(p: &mut Process, args: &[Term]) -> R {
    let to = args[1];
    if !to.is_pid() || to.pid_value() == p.pid || !alive(to.pid_value()) {
        return Err(Exc::badarg());
    }
    let tr = owned_by(p, args[0])?;
    let mut t = lock(&tr);
    if t.owner != p.pid {
        return Err(Exc::badarg());
    }
    let new = to.pid_value();
    t.owner = new;
    remove_owned(p.pid, t.id);
    add_owned(new, t.id);
    send_transfer(new, &t, p.pid, args[2]);
    Ok(Term::bool(true))
}

pub fn setopts_2(p: &mut Process, args: &[Term]) -> R {
    let tr = owned_by(p, args[0])?;
    let opts = if args[1].is_tuple() {
        vec![args[1]]
    } else {
        let mut it = args[1].iter_list();
        let v: Vec<Term> = it.by_ref().collect();
        if !it.rest().is_nil() {
            return Err(Exc::badarg());
        }
        v
    };
    enum Set {
        Heir(Option<(u64, Term)>),
        Access(Access),
    }
    let mut sets = Vec::new();
    for o in opts {
        if !o.is_tuple() {
            return Err(Exc::badarg());
        }
        let e = o.tuple_elements();
        sets.push(match e.len() {
            2 if is(e[0], "heir") && is(e[1], "none") => Set::Heir(None),
            3 if is(e[0], "heir") => Set::Heir(heir_opt(e[1], e[2])?),
            2 if is(e[0], "protection") => Set::Access(match atom_name(e[1]).as_deref() {
                Some("public") => Access::Public,
                Some("protected") => Access::Protected,
                Some("private") => Access::Private,
                _ => return Err(Exc::badarg()),
            }),
            _ => return Err(Exc::badarg()),
        });
    }
    let mut t = lock(&tr);
    for s in sets {
        match s {
            Set::Heir(h) => t.set_heir(h),
            Set::Access(acc) => t.access = acc,
        }
    }
    Ok(Term::bool(true))
}

fn atom_name(t: Term) -> Option<String> {
    t.is_atom().then(|| atom::name(t.atom_value()))
}

pub fn safe_fixtable_2(p: &mut Process, args: &[Term]) -> R {
    let on = boolean(args[1])?;
    let pid = p.pid;
    with_table(p, args[0], Need::Read, |t, _| {
        if on {
            note_fixed(pid, t.id);
        }
        t.fix(pid, on);
        Ok(Term::bool(true))
    })
}

pub fn slot_2(p: &mut Process, args: &[Term]) -> R {
    with_table(p, args[0], Need::Read, |t, p| {
        let i = args[1];
        if !i.is_small() || i.small_value() < 0 {
            return Err(Exc::badarg());
        }
        let i = i.small_value() as usize;
        let eot = a("$end_of_table");
        match &t.data {
            Data::Hash(h) => {
                if i > h.nactive() {
                    return Err(Exc::badarg());
                }
                if i == h.nactive() {
                    return Ok(eot);
                }
                let mut l = Term::NIL;
                for e in h.chain(i).iter().filter(|e| !e.dead) {
                    let c = copy_term(e.obj, &mut p.heap);
                    l = p.heap.cons(c, l);
                }
                Ok(l)
            }
            Data::Tree(tr) => {
                if i > tr.len() {
                    return Err(Exc::badarg());
                }
                match tr.nth(i) {
                    Some(o) => {
                        let c = copy_term(o, &mut p.heap);
                        Ok(p.heap.list(&[c]))
                    }
                    None => Ok(eot),
                }
            }
        }
    })
}
