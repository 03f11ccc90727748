//! Message timers (`erlang:send_after/3,4`, `start_timer/3,4`,
//! `cancel_timer/1,2`, `read_timer/1,2`) and process aliases
//! (`alias/0,1`, `unalias/1`, `monitor/3` with `{alias, ...}`).
//!
//! A timer is a reference number in the scheduler's deadline heap (shared
//! with receive timeouts) plus an entry here holding the destination and
//! the message, copied into its own fragment when the timer is started.
//! A timer to a pid belongs to that process, as in OTP: none is made for a
//! dead one, and it is gone (read and cancel answer false) once the
//! process has exited -- checked lazily, when the timer is looked at.

use super::{Bif, Exc};
use crate::process::{Message, Process};
use crate::term::{atom, bignum, Term};
use crate::vm::{self, vm};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

type R = Result<Term, Exc>;

struct Pending {
    dest: Term,
    msg: Message,
    deadline: Instant,
    /// `start_timer`: the message is `{timeout, Ref, Msg}`.
    wrap: bool,
}

fn table() -> &'static Mutex<HashMap<u64, Pending>> {
    static T: OnceLock<Mutex<HashMap<u64, Pending>>> = OnceLock::new();
    T.get_or_init(|| Mutex::new(HashMap::new()))
}

/// When an alias stops working by itself (OTP's `alias/1` and
/// `monitor/3` `{alias, Mode}` options); `unalias/1` always ends it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AliasMode {
    /// `explicit_unalias` (and `alias/0`): only by `unalias/1`.
    Explicit,
    /// `demonitor`: when its monitor ends (demonitor or 'DOWN').
    Demonitor,
    /// `reply` (`alias([reply])`): when a message through it arrives.
    Reply,
    /// `reply_demonitor`: both; a message through it also ends the monitor.
    ReplyDemonitor,
}

fn aliases() -> &'static Mutex<HashMap<u64, (u64, AliasMode)>> {
    static A: OnceLock<Mutex<HashMap<u64, (u64, AliasMode)>>> = OnceLock::new();
    A.get_or_init(|| Mutex::new(HashMap::new()))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The pid an active alias (reference number) stands for.
pub fn alias_target(ref_id: u64) -> Option<u64> {
    lock(aliases()).get(&ref_id).map(|&(pid, _)| pid)
}

pub fn add_alias(ref_id: u64, pid: u64, mode: AliasMode) {
    lock(aliases()).insert(ref_id, (pid, mode));
}

/// Deactivate an alias; true if it was active for `pid`.
pub fn remove_alias(ref_id: u64, pid: u64) -> bool {
    let mut a = lock(aliases());
    if a.get(&ref_id).map(|&(p, _)| p) == Some(pid) {
        a.remove(&ref_id);
        true
    } else {
        false
    }
}

/// Monitor `ref_id` of `pid` ended: so does its alias unless explicit.
pub fn monitor_ended(ref_id: u64, pid: u64) {
    let mut a = lock(aliases());
    if let Some(&(p, mode)) = a.get(&ref_id) {
        if p == pid && mode != AliasMode::Explicit {
            a.remove(&ref_id);
        }
    }
}

/// A message sent through alias `ref_id` reaches `pid`: whether it is
/// still active (else the message is dropped), and whether that message
/// ends the alias's monitor (`reply_demonitor`).
pub fn alias_received(ref_id: u64, pid: u64) -> (bool, bool) {
    let mut a = lock(aliases());
    match a.get(&ref_id) {
        Some(&(p, mode)) if p == pid => {
            let reply = matches!(mode, AliasMode::Reply | AliasMode::ReplyDemonitor);
            if reply {
                a.remove(&ref_id);
            }
            (true, mode == AliasMode::ReplyDemonitor)
        }
        _ => (false, false),
    }
}

/// Called by the scheduler when deadline `seq` passes: deliver the
/// message if `seq` is a message timer. Returns true if it was one.
pub fn fire(seq: u64) -> bool {
    let Some(t) = lock(table()).remove(&seq) else {
        return false;
    };
    let pid = if t.dest.is_pid() {
        Some(t.dest.pid_value())
    } else if t.dest.is_atom() {
        vm::whereis(t.dest.atom_value())
    } else {
        None
    };
    if let Some(pid) = pid {
        let msg = if t.wrap {
            // {timeout, Ref, Msg} built in a fresh fragment
            let mut h = crate::heap::Heap::new(8);
            let r = h.reference(seq);
            let inner = crate::process::copy::copy_term(t.msg.term, &mut h);
            let term = h.tuple(&[Term::atom(atom::intern_static("timeout")), r, inner]);
            Message {
                term,
                frag: Some(h),
            }
        } else {
            t.msg
        };
        vm::send_signal(pid, crate::process::Signal::Message(msg));
    }
    true
}

/// The options of `Name/2,4`: `[{Key, Bool}]` with each key in `keys`;
/// the values in `keys` order (None: not given). Anything else: badarg.
fn bool_options<const N: usize>(opts: Term, keys: [&str; N]) -> Result<[Option<bool>; N], Exc> {
    let mut vals = [None; N];
    let mut it = opts.iter_list();
    for o in &mut it {
        let ok = o.is_tuple() && o.tuple_arity() == 2 && o.element(0).is_atom();
        let v = if !ok {
            None
        } else if o.element(1) == Term::bool(true) {
            Some(true)
        } else if o.element(1) == Term::bool(false) {
            Some(false)
        } else {
            None
        };
        let k = ok.then(|| atom::name(o.element(0).atom_value()));
        match (k.and_then(|k| keys.iter().position(|&x| x == k)), v) {
            (Some(i), Some(v)) => vals[i] = Some(v),
            _ => return Err(Exc::badarg()),
        }
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    Ok(vals)
}

/// A timer's destination process no longer exists.
fn dest_gone(dest: Term) -> bool {
    dest.is_pid() && vm::handle_of(dest.pid_value()).is_none()
}

fn start(p: &mut Process, a: &[Term], wrap: bool, opts: Term) -> R {
    let time = a[0];
    let dest = a[1];
    let [abs] = bool_options(opts, ["abs"])?;
    let abs = abs.unwrap_or(false);
    let ms = match bignum::to_i64(time) {
        Some(v) if v >= 0 || abs => v,
        _ => return Err(Exc::badarg()),
    };
    if !(dest.is_pid() || dest.is_atom()) {
        return Err(Exc::badarg());
    }
    let now = Instant::now();
    let deadline = if abs {
        // an absolute monotonic time in ms (`erlang:monotonic_time/1`)
        let at = Duration::from_millis(ms.max(0) as u64);
        vm().start.checked_add(at).unwrap_or(now).max(now)
    } else {
        now.checked_add(Duration::from_millis(ms as u64))
            .unwrap_or(now + Duration::from_secs(86400 * 365 * 100))
    };
    let seq = vm::new_ref_id();
    if dest.is_pid() && dest.pid_value() != p.pid && dest_gone(dest) {
        // a timer for a dead process is never made
        return Ok(p.heap.reference(seq));
    }
    let msg = vm::make_message(a[2]);
    lock(table()).insert(
        seq,
        Pending {
            dest,
            msg,
            deadline,
            wrap,
        },
    );
    lock(&vm().timers).push(std::cmp::Reverse((deadline, seq, u64::MAX)));
    Ok(p.heap.reference(seq))
}

fn send_after3(p: &mut Process, a: &[Term]) -> R {
    start(p, a, false, Term::NIL)
}
fn send_after4(p: &mut Process, a: &[Term]) -> R {
    start(p, a, false, a[3])
}
fn start_timer3(p: &mut Process, a: &[Term]) -> R {
    start(p, a, true, Term::NIL)
}
fn start_timer4(p: &mut Process, a: &[Term]) -> R {
    start(p, a, true, a[3])
}

fn remaining(p: &mut Process, r: Term, cancel: bool) -> R {
    if !r.is_ref() {
        return Err(Exc::badarg());
    }
    let id = r.word(1);
    let mut t = lock(table());
    let left = match t.get(&id) {
        Some(pt) if dest_gone(pt.dest) => {
            t.remove(&id);
            return Ok(Term::bool(false));
        }
        Some(pt) => pt
            .deadline
            .saturating_duration_since(Instant::now())
            .as_millis() as i64,
        None => return Ok(Term::bool(false)),
    };
    if cancel {
        t.remove(&id);
    }
    drop(t);
    Ok(p.heap.int(left))
}

/// `{Tag, Ref, Result}` to ourselves (the async forms' answer).
fn answer(p: &mut Process, tag: &str, r: Term, result: Term) -> Result<(), Exc> {
    let m = p
        .heap
        .tuple(&[Term::atom(atom::intern_static(tag)), r, result]);
    let me = p.self_term();
    vm::send(p, me, m)
}

fn cancel_timer1(p: &mut Process, a: &[Term]) -> R {
    remaining(p, a[0], true)
}

fn cancel_timer2(p: &mut Process, a: &[Term]) -> R {
    let [async_, info] = bool_options(a[1], ["async", "info"])?;
    let (async_, info) = (async_.unwrap_or(false), info.unwrap_or(true));
    let r = remaining(p, a[0], true)?;
    if async_ {
        if info {
            answer(p, "cancel_timer", a[0], r)?;
        }
        return Ok(Term::atom(atom::OK));
    }
    Ok(if info { r } else { Term::atom(atom::OK) })
}

fn read_timer1(p: &mut Process, a: &[Term]) -> R {
    remaining(p, a[0], false)
}

fn read_timer2(p: &mut Process, a: &[Term]) -> R {
    let [async_] = bool_options(a[1], ["async"])?;
    let r = remaining(p, a[0], false)?;
    if async_ == Some(true) {
        answer(p, "read_timer", a[0], r)?;
        return Ok(Term::atom(atom::OK));
    }
    Ok(r)
}

// ---- aliases --------------------------------------------------------------------

fn new_alias(p: &mut Process, mode: AliasMode) -> R {
    let id = vm::new_ref_id();
    add_alias(id, p.pid, mode);
    Ok(p.heap.reference(id))
}

fn alias0(p: &mut Process, _a: &[Term]) -> R {
    new_alias(p, AliasMode::Explicit)
}

/// `alias(Opts)`: `explicit_unalias` (the default) or `reply`.
fn alias1(p: &mut Process, a: &[Term]) -> R {
    let mut mode = AliasMode::Explicit;
    let mut it = a[0].iter_list();
    for o in &mut it {
        if o == Term::atom(atom::intern_static("reply")) {
            mode = AliasMode::Reply;
        } else if o == Term::atom(atom::intern_static("explicit_unalias")) {
            mode = AliasMode::Explicit;
        } else {
            return Err(Exc::badarg());
        }
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    new_alias(p, mode)
}

fn unalias1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_ref() {
        return Err(Exc::badarg());
    }
    Ok(Term::bool(remove_alias(a[0].word(1), p.pid)))
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "erlang",
        name: "send_after",
        arity: 3,
        f: send_after3,
    },
    Bif {
        module: "erlang",
        name: "send_after",
        arity: 4,
        f: send_after4,
    },
    Bif {
        module: "erlang",
        name: "start_timer",
        arity: 3,
        f: start_timer3,
    },
    Bif {
        module: "erlang",
        name: "start_timer",
        arity: 4,
        f: start_timer4,
    },
    Bif {
        module: "erlang",
        name: "cancel_timer",
        arity: 1,
        f: cancel_timer1,
    },
    Bif {
        module: "erlang",
        name: "cancel_timer",
        arity: 2,
        f: cancel_timer2,
    },
    Bif {
        module: "erlang",
        name: "read_timer",
        arity: 1,
        f: read_timer1,
    },
    Bif {
        module: "erlang",
        name: "read_timer",
        arity: 2,
        f: read_timer2,
    },
    Bif {
        module: "erlang",
        name: "alias",
        arity: 0,
        f: alias0,
    },
    Bif {
        module: "erlang",
        name: "alias",
        arity: 1,
        f: alias1,
    },
    Bif {
        module: "erlang",
        name: "unalias",
        arity: 1,
        f: unalias1,
    },
];
