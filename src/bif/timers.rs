//! Message timers (`erlang:send_after/3,4`, `start_timer/3,4`,
//! `cancel_timer/1,2`, `read_timer/1,2`) and process aliases
//! (`alias/0,1`, `unalias/1`, `monitor/3` with `{alias, ...}`).
//!
//! A timer is a reference number in the scheduler's deadline heap (shared
//! with receive timeouts) plus an entry here holding the destination and
//! the message, copied into its own fragment when the timer is started.

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

fn aliases() -> &'static Mutex<HashMap<u64, u64>> {
    static A: OnceLock<Mutex<HashMap<u64, u64>>> = OnceLock::new();
    A.get_or_init(|| Mutex::new(HashMap::new()))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The pid an active alias (reference number) stands for.
pub fn alias_target(ref_id: u64) -> Option<u64> {
    lock(aliases()).get(&ref_id).copied()
}

pub fn add_alias(ref_id: u64, pid: u64) {
    lock(aliases()).insert(ref_id, pid);
}

/// Deactivate an alias; true if it was active for `pid`.
pub fn remove_alias(ref_id: u64, pid: u64) -> bool {
    let mut a = lock(aliases());
    if a.get(&ref_id) == Some(&pid) {
        a.remove(&ref_id);
        true
    } else {
        false
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

fn start(p: &mut Process, a: &[Term], wrap: bool, opts: Term) -> R {
    let time = a[0];
    let dest = a[1];
    let ms = match bignum::to_i64(time) {
        Some(v) if v >= 0 => v as u64,
        _ => return Err(Exc::badarg()),
    };
    if !(dest.is_pid() || dest.is_atom()) {
        return Err(Exc::badarg());
    }
    let mut abs = false;
    for o in opts.iter_list() {
        if o.is_tuple()
            && o.tuple_arity() == 2
            && o.element(0) == Term::atom(atom::intern_static("abs"))
        {
            abs = o.element(1) == Term::bool(true);
        }
    }
    let now = Instant::now();
    let deadline = if abs {
        let now_ms = vm().start.elapsed().as_millis() as u64;
        now + Duration::from_millis(ms.saturating_sub(now_ms))
    } else {
        now.checked_add(Duration::from_millis(ms))
            .unwrap_or(now + Duration::from_secs(86400 * 365 * 100))
    };
    let seq = vm::new_ref_id();
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
        Some(pt) => pt
            .deadline
            .saturating_duration_since(Instant::now())
            .as_millis() as i64,
        None => return Ok(Term::bool(false)),
    };
    if cancel {
        t.remove(&id);
    }
    Ok(p.heap.int(left))
}

fn cancel_timer1(p: &mut Process, a: &[Term]) -> R {
    remaining(p, a[0], true)
}

fn cancel_timer2(p: &mut Process, a: &[Term]) -> R {
    let mut async_ = false;
    let mut info = true;
    for o in a[1].iter_list() {
        if o.is_tuple() && o.tuple_arity() == 2 {
            let v = o.element(1) == Term::bool(true);
            match atom::name(o.element(0).atom_value()).as_str() {
                "async" => async_ = v,
                "info" => info = v,
                _ => {}
            }
        }
    }
    let r = remaining(p, a[0], true)?;
    if async_ {
        if info {
            let m = p
                .heap
                .tuple(&[Term::atom(atom::intern_static("cancel_timer")), a[0], r]);
            let me = p.self_term();
            vm::send(p, me, m)?;
        }
        return Ok(Term::atom(atom::OK));
    }
    Ok(if info { r } else { Term::atom(atom::OK) })
}

fn read_timer1(p: &mut Process, a: &[Term]) -> R {
    remaining(p, a[0], false)
}

fn read_timer2(p: &mut Process, a: &[Term]) -> R {
    remaining(p, a[0], false)
}

// ---- aliases --------------------------------------------------------------------

fn alias0(p: &mut Process, _a: &[Term]) -> R {
    let id = vm::new_ref_id();
    add_alias(id, p.pid);
    Ok(p.heap.reference(id))
}

fn alias1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_list() {
        return Err(Exc::badarg());
    }
    alias0(p, a)
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
