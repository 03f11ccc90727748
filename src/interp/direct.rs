//! Instructions with one definition for both tiers: the bit syntax and
//! map instructions, whose only effects are on the heap, the match
//! context and their destinations, and whose only control is "next",
//! "the fail label" or "raise".
//!
//! The interpreter loop runs them through [`exec`]; compiled code calls
//! the `exec` helper (`tier::helpers`), which runs the same function
//! without entering the interpreter's loop, and falls back to `step` for
//! the two cases it cannot finish itself: a collection due first
//! ([`gc_due`]: compiled code holds x registers in variables a collection
//! would move under it) and an exception to raise.

use super::{bits, bs_create, get, maps, put};
use crate::bif::Exc;
use crate::code::instr::{BsCmd, BsGetKind, Dst, Instr, Label, MatchFail, Src, X_REGS};
use crate::code::Module;
use crate::process::Process;
use crate::term::{atom, Term};

/// How a direct instruction ended.
pub enum Direct {
    /// Go on with the next instruction.
    Next,
    /// Go to the instruction's fail label.
    Jump(Label),
    /// Raise this exception (nothing was written); with the `error_info`
    /// map for the current function's stack frame, if any.
    Raise(Exc, Option<Term>),
}

/// Is `i` one of this module's instructions?
#[inline]
pub fn is_direct(i: &Instr) -> bool {
    matches!(
        i,
        Instr::PutMapAssoc { .. }
            | Instr::PutMapExact { .. }
            | Instr::GetMapElements { .. }
            | Instr::HasMapFields { .. }
            | Instr::BsCreateBin { .. }
            | Instr::BsStartMatch { .. }
            | Instr::BsGet { .. }
            | Instr::BsSkipBits { .. }
            | Instr::BsTestTail { .. }
            | Instr::BsTestUnit { .. }
            | Instr::BsMatchString { .. }
            | Instr::BsGetTail { .. }
            | Instr::BsGetPosition { .. }
            | Instr::BsSetPosition { .. }
            | Instr::BsGetUtf { .. }
            | Instr::BsMatch { .. }
            | Instr::UpdateRecord { .. }
    )
}

/// The x or y registers a direct instruction writes.
pub fn dsts(i: &Instr) -> Vec<Dst> {
    match i {
        Instr::PutMapAssoc { dst, .. }
        | Instr::PutMapExact { dst, .. }
        | Instr::BsCreateBin { dst, .. }
        | Instr::BsStartMatch { dst, .. }
        | Instr::BsGet { dst, .. }
        | Instr::BsGetTail { dst, .. }
        | Instr::BsGetPosition { dst, .. }
        | Instr::UpdateRecord { dst, .. } => vec![*dst],
        Instr::BsMatch { cmds, .. } => cmds.iter().filter_map(cmd_dst).collect(),
        Instr::BsGetUtf { dst, .. } => dst.iter().copied().collect(),
        Instr::GetMapElements { pairs, .. } => pairs.iter().map(|(_, d)| *d).collect(),
        _ => vec![],
    }
}

/// The label `Direct::Jump` of `i` goes to, if it has one.
pub fn fail_label(i: &Instr) -> Option<Label> {
    match i {
        Instr::PutMapAssoc { fail, .. }
        | Instr::PutMapExact { fail, .. }
        | Instr::GetMapElements { fail, .. }
        | Instr::HasMapFields { fail, .. }
        | Instr::BsCreateBin { fail, .. }
        | Instr::BsGet { fail, .. }
        | Instr::BsSkipBits { fail, .. }
        | Instr::BsTestTail { fail, .. }
        | Instr::BsTestUnit { fail, .. }
        | Instr::BsMatchString { fail, .. }
        | Instr::BsGetUtf { fail, .. }
        | Instr::BsMatch { fail, .. } => Some(*fail),
        Instr::BsStartMatch {
            fail: MatchFail::Jump(l),
            ..
        } => Some(*l),
        _ => None,
    }
}

/// The register a `bs_match` command writes, if any.
pub fn cmd_dst(c: &BsCmd) -> Option<Dst> {
    match c {
        BsCmd::Integer { dst, .. } | BsCmd::Binary { dst, .. } | BsCmd::GetTail { dst } => {
            Some(*dst)
        }
        _ => None,
    }
}

/// Run the commands of a `bs_match` on context `c`: false at the first
/// that fails.
fn bs_match(p: &mut Process, x: &mut [Term; X_REGS], c: Term, cmds: &[BsCmd]) -> bool {
    for cmd in cmds {
        let ok = match cmd {
            BsCmd::EnsureAtLeast { bits: n, unit } => bits::ensure_at_least(c, *n, *unit),
            BsCmd::EnsureExactly { bits: n } => c.is_match_ctx() && bits::remaining(c) == *n,
            BsCmd::Integer { bits: n, dst, .. } | BsCmd::Binary { bits: n, dst } => {
                let size = Term::small(*n as i64);
                let got = match cmd {
                    BsCmd::Integer { flags, .. } => bits::get_integer(p, c, size, 1, *flags),
                    _ => bits::get_binary(p, c, size, 1),
                };
                got.map(|v| put(p, x, *dst, v)).is_some()
            }
            BsCmd::Skip { bits: n } => bits::skip(c, Term::small(*n as i64), 1),
            BsCmd::GetTail { dst } => {
                let t = bits::tail(p, c);
                put(p, x, *dst, t);
                true
            }
            BsCmd::Eq { bits: n, value } => bits::match_uint(c, *n, *value),
        };
        if !ok {
            return false;
        }
    }
    true
}

/// `update_record`: a copy of the tuple in `src` with `updates` applied;
/// `None` if `src` is not a tuple of `arity` elements (only a hand-made
/// file can get here: the compiler tests the record first).
fn update_record(
    p: &mut Process,
    x: &[Term; X_REGS],
    src: Term,
    arity: u32,
    updates: &[(u32, Src)],
) -> Option<Term> {
    if !src.is_tuple() || src.tuple_arity() != arity as usize {
        return None;
    }
    let (t, body) = p.heap.boxed(crate::term::Kind::Tuple, arity as usize);
    for i in 0..arity as usize {
        // SAFETY: `body` has `arity` words; `src` has `arity` elements.
        unsafe { *body.add(i) = src.word(1 + i) };
    }
    for (i, v) in updates {
        let v = get(p, x, *v);
        // SAFETY: the loader bounded each index by 1..=arity.
        unsafe { *body.add(*i as usize - 1) = v.0 };
    }
    Some(t)
}

fn jump_or_raise(fail: Label, e: Exc) -> Direct {
    if fail != crate::code::instr::NO_LABEL {
        Direct::Jump(fail)
    } else {
        Direct::Raise(e, None)
    }
}

/// A `bs_create_bin` failure with no fail label: raise it with its cause.
#[cold]
fn bs_raise(p: &mut Process, f: bs_create::Fail) -> Direct {
    let info = f.error_info(&mut p.heap);
    Direct::Raise(f.exc(), Some(info))
}

/// The collection due before `ins` can run, if any: how many x
/// registers are live. (Instructions that build on the heap collect
/// first when the heap asks for it.)
#[inline]
pub fn gc_due(p: &Process, ins: &Instr) -> Option<u32> {
    let (live, need) = match ins {
        Instr::PutMapAssoc { live, pairs, .. } | Instr::PutMapExact { live, pairs, .. } => {
            (*live, 2 * pairs.len() + 2)
        }
        Instr::BsCreateBin { live, .. } => (*live, 0),
        _ => return None,
    };
    p.heap.wants_gc(need).then_some(live)
}

/// Run direct instruction `ins` of `module` (after the collection
/// [`gc_due`] asks for).
pub fn exec(p: &mut Process, x: &mut [Term; X_REGS], module: &Module, ins: &Instr) -> Direct {
    match ins {
        // ---- maps ----
        Instr::PutMapAssoc {
            fail,
            src,
            dst,
            pairs,
            ..
        }
        | Instr::PutMapExact {
            fail,
            src,
            dst,
            pairs,
            ..
        } => {
            let exact = matches!(ins, Instr::PutMapExact { .. });
            let m = get(p, x, *src);
            let mut kv = Vec::with_capacity(pairs.len());
            for (k, v) in pairs.iter() {
                kv.push((get(p, x, *k), get(p, x, *v)));
            }
            match maps::update(p, m, &kv, exact) {
                Ok(t) => {
                    put(p, x, *dst, t);
                    Direct::Next
                }
                Err(reason) => jump_or_raise(*fail, Exc::error(reason)),
            }
        }
        Instr::GetMapElements { fail, src, pairs } => {
            let m = get(p, x, *src);
            if !m.is_map() {
                return Direct::Jump(*fail);
            }
            // look all up first: a destination may alias the map
            let mut vals = [Term::NIL; 16];
            let mut big = Vec::new();
            for (i, (k, _)) in pairs.iter().enumerate() {
                match maps::get(m, get(p, x, *k)) {
                    Some(v) if i < 16 => vals[i] = v,
                    Some(v) => big.push(v),
                    None => return Direct::Jump(*fail),
                }
            }
            for (i, (_, d)) in pairs.iter().enumerate() {
                let v = if i < 16 { vals[i] } else { big[i - 16] };
                put(p, x, *d, v);
            }
            Direct::Next
        }
        Instr::HasMapFields { fail, src, keys } => {
            let m = get(p, x, *src);
            if m.is_map() && keys.iter().all(|k| maps::get(m, get(p, x, *k)).is_some()) {
                Direct::Next
            } else {
                Direct::Jump(*fail)
            }
        }

        // ---- binaries ----
        Instr::BsCreateBin {
            fail,
            dst,
            segments,
            ..
        } => match bs_create::create(p, x, module, segments) {
            Ok(t) => {
                put(p, x, *dst, t);
                Direct::Next
            }
            Err(_) if *fail != crate::code::instr::NO_LABEL => Direct::Jump(*fail),
            Err(f) => bs_raise(p, f),
        },
        Instr::BsStartMatch { fail, src, dst, .. } => {
            let t = get(p, x, *src);
            match bits::start_match(p, t) {
                Some(ctx) => {
                    put(p, x, *dst, ctx);
                    Direct::Next
                }
                None => match fail {
                    MatchFail::Jump(l) => Direct::Jump(*l),
                    MatchFail::Raise => Direct::Raise(Exc::error(Term::atom(atom::BADARG)), None),
                },
            }
        }
        Instr::BsGet {
            what,
            fail,
            ctx,
            size,
            unit,
            flags,
            dst,
        } => {
            let c = get(p, x, *ctx);
            let sz = get(p, x, *size);
            let got = match what {
                BsGetKind::Integer => bits::get_integer(p, c, sz, *unit, *flags),
                BsGetKind::Float => bits::get_float(c, sz, *unit, *flags),
                BsGetKind::Binary => bits::get_binary(p, c, sz, *unit),
            };
            match got {
                Some(v) => {
                    put(p, x, *dst, v);
                    Direct::Next
                }
                None => Direct::Jump(*fail),
            }
        }
        Instr::BsSkipBits {
            fail,
            ctx,
            size,
            unit,
        } => {
            let c = get(p, x, *ctx);
            let sz = get(p, x, *size);
            if bits::skip(c, sz, *unit) {
                Direct::Next
            } else {
                Direct::Jump(*fail)
            }
        }
        Instr::BsTestTail { fail, ctx, bits: n } => {
            if bits::remaining(get(p, x, *ctx)) == *n {
                Direct::Next
            } else {
                Direct::Jump(*fail)
            }
        }
        Instr::BsTestUnit { fail, ctx, unit } => {
            let u = (*unit).max(1) as u64;
            if bits::remaining(get(p, x, *ctx)) % u == 0 {
                Direct::Next
            } else {
                Direct::Jump(*fail)
            }
        }
        Instr::BsMatchString {
            fail,
            ctx,
            bits: n,
            offset,
        } => {
            let c = get(p, x, *ctx);
            if bits::match_string(c, &module.strings, *offset as usize, *n) {
                Direct::Next
            } else {
                Direct::Jump(*fail)
            }
        }
        Instr::BsGetTail { ctx, dst, .. } => {
            let c = get(p, x, *ctx);
            let t = bits::tail(p, c);
            put(p, x, *dst, t);
            Direct::Next
        }
        Instr::BsGetPosition { ctx, dst } => {
            let c = get(p, x, *ctx);
            let t = p.heap.int(bits::position(c) as i64);
            put(p, x, *dst, t);
            Direct::Next
        }
        Instr::BsSetPosition { ctx, pos } => {
            let c = get(p, x, *ctx);
            let v = get(p, x, *pos);
            bits::set_position(c, v);
            Direct::Next
        }
        Instr::BsGetUtf {
            fail,
            ctx,
            width,
            flags,
            dst,
        } => {
            let c = get(p, x, *ctx);
            match bits::get_utf(c, *width, *flags) {
                Some(cp) => {
                    if let Some(d) = dst {
                        put(p, x, *d, Term::small(cp as i64));
                    }
                    Direct::Next
                }
                None => Direct::Jump(*fail),
            }
        }
        Instr::BsMatch { fail, ctx, cmds } => {
            let c = get(p, x, *ctx);
            if bs_match(p, x, c, cmds) {
                Direct::Next
            } else {
                Direct::Jump(*fail)
            }
        }
        Instr::UpdateRecord {
            src,
            dst,
            arity,
            updates,
        } => {
            let s = get(p, x, *src);
            match update_record(p, x, s, *arity, updates) {
                Some(t) => {
                    put(p, x, *dst, t);
                    Direct::Next
                }
                None => Direct::Raise(Exc::error(Term::atom(atom::BADARG)), None),
            }
        }
        // not a direct instruction: the caller checked `is_direct`
        _ => Direct::Raise(Exc::error(Term::atom(atom::BADARG)), None),
    }
}
