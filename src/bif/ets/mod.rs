//! ETS: Erlang term storage, the native half of OTP 25's `ets` module.
//!
//! The functions `ets.beam` implements as `erlang:nif_error(undef)` stubs
//! are here (plus `ets:all/0`, which OTP implements with a message round
//! trip to every scheduler); the rest of `ets.erl` (`tab2list`, `foldl`,
//! `match_spec_run`, `fun2ms`, ...) runs on this VM unchanged and calls
//! them.
//!
//! Layout:
//! - `table`: one table (options, owner/heir, fixation, object storage);
//! - `hashtab`: `set`/`bag`/`duplicate_bag` as OTP's linear hash table, in
//!   OTP's slot order (`ihash`: OTP's key hash);
//! - `tree`: `ordered_set`;
//! - `matchspec`, `msrun`: match specification compiler and interpreter;
//! - `bifs`: object BIFs (insert, lookup, update_counter, first/next...);
//! - `admin`: new/delete/info/rename/give_away/setopts/safe_fixtable/all;
//! - `select`: match/select families and their continuations.
//!
//! Concurrency: the registry (ids and names) is one `RwLock`; each table
//! is an `Arc<Mutex<Table>>`. Lock order: registry, then a table, then the
//! leaf indexes (`OWNED`, `FIXED`) and VM signal locks. A table lock is
//! never held while taking the registry lock.
//!
//! Process exit: [`on_process_exit`] must be called (once, after the
//! process is marked exited) from `sched::exit_process`: it hands the
//! pid's tables to their heirs (`{'ETS-TRANSFER', Tid, From, Data}`) or
//! deletes them, and drops the pid's `safe_fixtable` fixations.

mod admin;
mod bifs;
mod hashtab;
mod ihash;
mod matchspec;
mod msapi;
mod msrun;
mod select;
mod table;
mod tree;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_ms;
#[cfg(test)]
mod testutil;

use super::{Bif, Exc};
use crate::heap::Heap;
use crate::process::{Process, RunState, Signal};
use crate::term::{atom, Atom, Term};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, RwLock};
use table::Table;

pub(crate) type TabRef = Arc<Mutex<Table>>;

#[derive(Default)]
pub(crate) struct Registry {
    tables: HashMap<u64, TabRef>,
    /// Named tables only.
    names: HashMap<Atom, u64>,
}

fn registry() -> &'static RwLock<Registry> {
    static R: OnceLock<RwLock<Registry>> = OnceLock::new();
    R.get_or_init(|| RwLock::new(Registry::default()))
}

/// Tables by owner pid (leaf lock).
fn owned() -> &'static Mutex<HashMap<u64, Vec<u64>>> {
    static O: OnceLock<Mutex<HashMap<u64, Vec<u64>>>> = OnceLock::new();
    O.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Tables each pid has fixed with safe_fixtable (leaf lock; may be stale).
fn fixed_by() -> &'static Mutex<HashMap<u64, Vec<u64>>> {
    static F: OnceLock<Mutex<HashMap<u64, Vec<u64>>>> = OnceLock::new();
    F.get_or_init(|| Mutex::new(HashMap::new()))
}

fn lk<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

pub(crate) fn reg_read() -> std::sync::RwLockReadGuard<'static, Registry> {
    registry().read().unwrap_or_else(|e| e.into_inner())
}

pub(crate) fn reg_write() -> std::sync::RwLockWriteGuard<'static, Registry> {
    registry().write().unwrap_or_else(|e| e.into_inner())
}

/// Lock a table. Table operations are short, so a contended lock is
/// retried (spinning, then yielding the thread) before sleeping on it:
/// a scheduler thread put to sleep on a table costs far more than the
/// operation it waits for.
pub(crate) fn lock(t: &TabRef) -> MutexGuard<'_, Table> {
    for i in 0..200 {
        match t.try_lock() {
            Ok(g) => return g,
            Err(std::sync::TryLockError::Poisoned(e)) => return e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => {
                if i < 100 {
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
            }
        }
    }
    lk(t)
}

/// The table a `Tid` (reference) or name (atom of a named table) denotes.
pub(crate) fn resolve(tid: Term) -> Option<TabRef> {
    let r = reg_read();
    let id = if tid.is_atom() {
        *r.names.get(&tid.atom_value())?
    } else if tid.is_ref() {
        tid.word(1)
    } else {
        return None;
    };
    r.tables.get(&id).cloned()
}

/// The badarg for a `tid` that names no table: cause `type` when it is
/// neither a name nor a reference, `id` otherwise.
#[cold]
pub(crate) fn no_table(tid: Term) -> Exc {
    if tid.is_atom() || tid.is_ref() {
        Exc::badarg_cause("id")
    } else {
        Exc::badarg_cause("type")
    }
}

/// Why a BIF wants a table.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum Need {
    Read,
    Write,
}

/// Run `f` on the table `tid` names, with `need` access for `p`;
/// badarg when there is no such table (`error_info` cause `id`) or access
/// is denied (cause `access`).
pub(crate) fn with_table<R>(
    p: &mut Process,
    tid: Term,
    need: Need,
    f: impl FnOnce(&mut Table, &mut Process) -> Result<R, Exc>,
) -> Result<R, Exc> {
    let tr = resolve(tid).ok_or_else(|| no_table(tid))?;
    let mut t = lock(&tr);
    if t.deleted {
        return Err(Exc::badarg_cause("id"));
    }
    let ok = match need {
        Need::Read => t.can_read(p.pid),
        Need::Write => t.can_write(p.pid),
    };
    if !ok {
        return Err(Exc::badarg_cause("access"));
    }
    let r = f(&mut t, p);
    t.maybe_compact();
    r
}

/// The identifier programs use for `t`: its name if named, else a ref.
pub(crate) fn tid_term(t: &Table, heap: &mut Heap) -> Term {
    if t.named {
        Term::atom(t.name)
    } else {
        heap.reference(t.id)
    }
}

pub(crate) fn add_owned(pid: u64, id: u64) {
    lk(owned()).entry(pid).or_default().push(id);
}

pub(crate) fn remove_owned(pid: u64, id: u64) {
    let mut o = lk(owned());
    if let Some(v) = o.get_mut(&pid) {
        v.retain(|&x| x != id);
        if v.is_empty() {
            o.remove(&pid);
        }
    }
}

pub(crate) fn note_fixed(pid: u64, id: u64) {
    let mut f = lk(fixed_by());
    let v = f.entry(pid).or_default();
    if !v.contains(&id) {
        v.push(id);
    }
}

/// Remove table `id` from the registry and free it. Returns false if it
/// was already gone.
pub(crate) fn delete_table(id: u64) -> bool {
    let tr = {
        let mut r = reg_write();
        let Some(tr) = r.tables.remove(&id) else {
            return false;
        };
        let t = lock(&tr);
        if t.named && r.names.get(&t.name) == Some(&id) {
            r.names.remove(&t.name);
        }
        drop(t);
        tr
    };
    let mut t = lock(&tr);
    remove_owned(t.owner, id);
    t.destroy();
    true
}

/// Whether `pid` is a live local process.
pub(crate) fn alive(pid: u64) -> bool {
    crate::vm::handle_of(pid).is_some_and(|h| lk(&h.inbox).state != RunState::Exited)
}

/// Send `{'ETS-TRANSFER', Tid, From, Data}` to `to` (`data` may live in
/// the table's storage: the message is a copy).
pub(crate) fn send_transfer(to: u64, t: &Table, from: u64, data: Term) {
    let mut h = Heap::new(16);
    let tid = tid_term(t, &mut h);
    let msg = h.tuple(&[
        Term::atom(atom::intern_static("ETS-TRANSFER")),
        tid,
        Term::pid(from),
        data,
    ]);
    crate::vm::send_signal(to, Signal::Message(crate::vm::make_message(msg)));
}

/// Process `pid` has exited: give its tables to their heirs or delete
/// them, and drop its fixations. Call from `sched::exit_process`.
pub fn on_process_exit(pid: u64) {
    let fixed = lk(fixed_by()).remove(&pid).unwrap_or_default();
    for id in fixed {
        let tr = reg_read().tables.get(&id).cloned();
        if let Some(tr) = tr {
            lock(&tr).unfix_all(pid);
        }
    }
    let ids = lk(owned()).remove(&pid).unwrap_or_default();
    for id in ids {
        let Some(tr) = reg_read().tables.get(&id).cloned() else {
            continue;
        };
        let transferred = {
            let mut t = lock(&tr);
            if t.deleted || t.owner != pid {
                continue;
            }
            match t.heir {
                Some((h, data)) if h != pid && alive(h) => {
                    t.owner = h;
                    add_owned(h, id);
                    send_transfer(h, &t, pid, data);
                    true
                }
                _ => false,
            }
        };
        if !transferred {
            delete_table(id);
        }
    }
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "ets",
        name: "new",
        arity: 2,
        f: admin::new_2,
    },
    Bif {
        module: "ets",
        name: "delete",
        arity: 1,
        f: admin::delete_1,
    },
    Bif {
        module: "ets",
        name: "all",
        arity: 0,
        f: admin::all_0,
    },
    Bif {
        module: "ets",
        name: "info",
        arity: 1,
        f: admin::info_1,
    },
    Bif {
        module: "ets",
        name: "info",
        arity: 2,
        f: admin::info_2,
    },
    Bif {
        module: "ets",
        name: "rename",
        arity: 2,
        f: admin::rename_2,
    },
    Bif {
        module: "ets",
        name: "whereis",
        arity: 1,
        f: admin::whereis_1,
    },
    Bif {
        module: "ets",
        name: "give_away",
        arity: 3,
        f: admin::give_away_3,
    },
    Bif {
        module: "ets",
        name: "setopts",
        arity: 2,
        f: admin::setopts_2,
    },
    Bif {
        module: "ets",
        name: "safe_fixtable",
        arity: 2,
        f: admin::safe_fixtable_2,
    },
    Bif {
        module: "ets",
        name: "slot",
        arity: 2,
        f: admin::slot_2,
    },
    Bif {
        module: "ets",
        name: "insert",
        arity: 2,
        f: bifs::insert_2,
    },
    Bif {
        module: "ets",
        name: "insert_new",
        arity: 2,
        f: bifs::insert_new_2,
    },
    Bif {
        module: "ets",
        name: "lookup",
        arity: 2,
        f: bifs::lookup_2,
    },
    Bif {
        module: "ets",
        name: "lookup_element",
        arity: 3,
        f: bifs::lookup_element_3,
    },
    Bif {
        module: "ets",
        name: "member",
        arity: 2,
        f: bifs::member_2,
    },
    Bif {
        module: "ets",
        name: "delete",
        arity: 2,
        f: bifs::delete_2,
    },
    Bif {
        module: "ets",
        name: "delete_object",
        arity: 2,
        f: bifs::delete_object_2,
    },
    Bif {
        module: "ets",
        name: "internal_delete_all",
        arity: 2,
        f: bifs::internal_delete_all_2,
    },
    Bif {
        module: "ets",
        name: "take",
        arity: 2,
        f: bifs::take_2,
    },
    Bif {
        module: "ets",
        name: "update_counter",
        arity: 3,
        f: bifs::update_counter_3,
    },
    Bif {
        module: "ets",
        name: "update_counter",
        arity: 4,
        f: bifs::update_counter_4,
    },
    Bif {
        module: "ets",
        name: "update_element",
        arity: 3,
        f: bifs::update_element_3,
    },
    Bif {
        module: "ets",
        name: "first",
        arity: 1,
        f: bifs::first_1,
    },
    Bif {
        module: "ets",
        name: "last",
        arity: 1,
        f: bifs::last_1,
    },
    Bif {
        module: "ets",
        name: "next",
        arity: 2,
        f: bifs::next_2,
    },
    Bif {
        module: "ets",
        name: "prev",
        arity: 2,
        f: bifs::prev_2,
    },
    Bif {
        module: "ets",
        name: "match",
        arity: 1,
        f: select::match_1,
    },
    Bif {
        module: "ets",
        name: "match",
        arity: 2,
        f: select::match_2,
    },
    Bif {
        module: "ets",
        name: "match",
        arity: 3,
        f: select::match_3,
    },
    Bif {
        module: "ets",
        name: "match_object",
        arity: 1,
        f: select::match_object_1,
    },
    Bif {
        module: "ets",
        name: "match_object",
        arity: 2,
        f: select::match_object_2,
    },
    Bif {
        module: "ets",
        name: "match_object",
        arity: 3,
        f: select::match_object_3,
    },
    Bif {
        module: "ets",
        name: "select",
        arity: 1,
        f: select::select_1,
    },
    Bif {
        module: "ets",
        name: "select",
        arity: 2,
        f: select::select_2,
    },
    Bif {
        module: "ets",
        name: "select",
        arity: 3,
        f: select::select_3,
    },
    Bif {
        module: "ets",
        name: "select_reverse",
        arity: 1,
        f: select::select_reverse_1,
    },
    Bif {
        module: "ets",
        name: "select_reverse",
        arity: 2,
        f: select::select_reverse_2,
    },
    Bif {
        module: "ets",
        name: "select_reverse",
        arity: 3,
        f: select::select_reverse_3,
    },
    Bif {
        module: "ets",
        name: "select_count",
        arity: 2,
        f: select::select_count_2,
    },
    Bif {
        module: "ets",
        name: "internal_select_delete",
        arity: 2,
        f: select::select_delete_2,
    },
    Bif {
        module: "ets",
        name: "select_replace",
        arity: 2,
        f: select::select_replace_2,
    },
    Bif {
        module: "ets",
        name: "match_spec_compile",
        arity: 1,
        f: msapi::match_spec_compile_1,
    },
    Bif {
        module: "ets",
        name: "is_compiled_ms",
        arity: 1,
        f: msapi::is_compiled_ms_1,
    },
    Bif {
        module: "ets",
        name: "match_spec_run_r",
        arity: 3,
        f: msapi::match_spec_run_r_3,
    },
];
