//! Process and system BIFs: spawn, messages, links and monitors, names,
//! exceptions (`error`, `exit`, `throw`, `raise`), the process dictionary,
//! `halt`, group leaders, references, time, and code queries.

use super::{Bif, Class, Exc};
use crate::code;
use crate::process::{Process, Signal};
use crate::term::{atom, bignum, order, Atom, Term};
use crate::vm::{self, vm};

type R = Result<Term, Exc>;

fn ok() -> Term {
    Term::atom(atom::OK)
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

// ---- exceptions -----------------------------------------------------------------

fn error1(_p: &mut Process, a: &[Term]) -> R {
    let mut e = Exc::error(a[0]);
    e.bif_frame = false;
    Err(e)
}

fn error2(_p: &mut Process, a: &[Term]) -> R {
    let mut e = Exc::error(a[0]);
    e.bif_frame = false;
    if a[1].is_list() {
        e.args = Some(a[1]);
    }
    Err(e)
}

fn error3(p: &mut Process, a: &[Term]) -> R {
    error2(p, &a[..2])
}

fn exit1(_p: &mut Process, a: &[Term]) -> R {
    Err(Exc::exit(a[0]))
}

fn throw1(_p: &mut Process, a: &[Term]) -> R {
    Err(Exc::throw(a[0]))
}

fn raise3(_p: &mut Process, a: &[Term]) -> R {
    let class = match a[0] {
        t if t == Term::atom(atom::ERROR) => Class::Error,
        t if t == Term::atom(atom::EXIT) => Class::Exit,
        t if t == Term::atom(atom::THROW) => Class::Throw,
        // raise/3 *returns* badarg for a bad class or trace (OTP docs)
        _ => return Ok(Term::atom(atom::BADARG)),
    };
    if !a[2].is_list() {
        return Ok(Term::atom(atom::BADARG));
    }
    Err(Exc {
        class,
        reason: a[1],
        trace: Some(a[2]),
        args: None,
        bif_frame: false,
        cause: None,
    })
}

fn halt_code(t: Term) -> Result<i64, Exc> {
    if t.is_small() && t.small_value() >= 0 {
        Ok(t.small_value() & 0xFF)
    } else if t == Term::atom(atom::intern_static("abort")) {
        Ok(134)
    } else if t.is_list() {
        // halt("message"): OTP prints it and exits 1 (crash dump slogan)
        let s: String = t
            .iter_list()
            .filter(|c| c.is_small())
            .map(|c| char::from_u32(c.small_value() as u32).unwrap_or('?'))
            .collect();
        vm::flush_stdout();
        eprintln!("{s}");
        Ok(1)
    } else {
        Err(Exc::badarg())
    }
}

fn halt0(_p: &mut Process, _a: &[Term]) -> R {
    Err(Exc::halt(0))
}

fn halt1(_p: &mut Process, a: &[Term]) -> R {
    Err(Exc::halt(halt_code(a[0])?))
}

fn halt2(_p: &mut Process, a: &[Term]) -> R {
    if !a[1].is_list() {
        return Err(Exc::badarg());
    }
    Err(Exc::halt(halt_code(a[0])?))
}

// ---- identity -------------------------------------------------------------------

fn self0(p: &mut Process, _a: &[Term]) -> R {
    Ok(p.self_term())
}

fn node0(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::atom(atom::NONODE))
}

fn node1(_p: &mut Process, a: &[Term]) -> R {
    if a[0].is_pid() || a[0].is_port() || a[0].is_ref() {
        Ok(Term::atom(atom::NONODE))
    } else {
        Err(Exc::badarg())
    }
}

fn nodes0(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::NIL)
}

fn is_alive0(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::bool(false))
}

fn make_ref0(p: &mut Process, _a: &[Term]) -> R {
    Ok(vm::make_ref(p))
}

fn group_leader0(p: &mut Process, _a: &[Term]) -> R {
    Ok(p.group_leader)
}

fn group_leader2(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_pid() || !a[1].is_pid() {
        return Err(Exc::badarg());
    }
    if a[1].pid_value() == p.pid {
        p.group_leader = a[0];
        return Ok(Term::bool(true));
    }
    let mut parked = lock(&vm().parked);
    match parked.get_mut(&a[1].pid_value()) {
        Some(q) => {
            q.group_leader = a[0];
            Ok(Term::bool(true))
        }
        None => Err(Exc::badarg()),
    }
}

// ---- spawning -------------------------------------------------------------------

/// Create a process running `erlang:apply(M, F, Args)` or `Fun()`; returns
/// the new pid. Link/monitor as requested.
pub fn spawn_with(
    p: &mut Process,
    entry: Entry,
    link: bool,
    monitor: Option<u64>,
) -> Result<u64, Exc> {
    spawn_setup(p, entry, link, monitor, |_| {})
}

/// [`spawn_with`], with `setup` applied to the new process before any
/// scheduler can run it (`spawn_opt`'s priority and heap options).
fn spawn_setup(
    p: &mut Process,
    entry: Entry,
    link: bool,
    monitor: Option<u64>,
    setup: impl FnOnce(&mut Process),
) -> Result<u64, Exc> {
    if vm::process_count() >= vm::process_limit() {
        crate::sched::too_many_processes_report();
        return Err(Exc::system_limit());
    }
    let pid = vm::next_pid();
    let mut q = Box::new(Process::new(pid, p.group_leader));
    let boot = *lock(&vm().boot_module);
    q.stack.push(crate::interp::EXIT_CP);
    match entry {
        Entry::Mfa(m, f, args) => {
            let mut it = args.iter_list();
            let n = it.by_ref().count();
            if !it.rest().is_nil() || !m.is_atom() || !f.is_atom() {
                return Err(Exc::badarg());
            }
            q.initial_call = (m.atom_value(), f.atom_value(), n as u32);
            let args = crate::process::copy::copy_term(args, &mut q.heap);
            q.saved_x = vec![m, f, args];
            q.resume = (boot, 0);
        }
        Entry::Fun(fun) => {
            if !fun.is_fun() {
                return Err(Exc::badarg());
            }
            // (as erl: a fun's process starts in erlang:apply/2)
            q.initial_call = (atom::ERLANG, atom::APPLY, 2);
            let fun = crate::process::copy::copy_term(fun, &mut q.heap);
            q.saved_x = vec![fun, Term::NIL];
            q.resume = (boot, 1);
        }
    }
    if link {
        q.links.push(p.pid);
        p.links.push(pid);
    }
    if let Some(ref_id) = monitor {
        q.monitored_by.push((ref_id, p.pid, None));
        p.monitors.push((ref_id, pid, None));
    }
    setup(&mut q);
    vm::add_process(q);
    Ok(pid)
}

pub enum Entry {
    Mfa(Term, Term, Term),
    Fun(Term),
}

fn spawn1(p: &mut Process, a: &[Term]) -> R {
    Ok(Term::pid(spawn_with(p, Entry::Fun(a[0]), false, None)?))
}
fn spawn3(p: &mut Process, a: &[Term]) -> R {
    Ok(Term::pid(spawn_with(
        p,
        Entry::Mfa(a[0], a[1], a[2]),
        false,
        None,
    )?))
}
fn spawn_link1(p: &mut Process, a: &[Term]) -> R {
    Ok(Term::pid(spawn_with(p, Entry::Fun(a[0]), true, None)?))
}
fn spawn_link3(p: &mut Process, a: &[Term]) -> R {
    Ok(Term::pid(spawn_with(
        p,
        Entry::Mfa(a[0], a[1], a[2]),
        true,
        None,
    )?))
}
fn spawn_monitor_common(p: &mut Process, e: Entry) -> R {
    let id = vm::new_ref_id();
    let pid = spawn_with(p, e, false, Some(id))?;
    let r = p.heap.reference(id);
    Ok(p.heap.tuple(&[Term::pid(pid), r]))
}
fn spawn_monitor1(p: &mut Process, a: &[Term]) -> R {
    spawn_monitor_common(p, Entry::Fun(a[0]))
}
fn spawn_monitor3(p: &mut Process, a: &[Term]) -> R {
    spawn_monitor_common(p, Entry::Mfa(a[0], a[1], a[2]))
}

fn parse_priority(t: Term) -> Result<crate::process::Priority, Exc> {
    use crate::process::Priority;
    if !t.is_atom() {
        return Err(Exc::badarg());
    }
    Ok(match atom::name(t.atom_value()).as_str() {
        "max" => Priority::Max,
        "high" => Priority::High,
        "normal" => Priority::Normal,
        "low" => Priority::Low,
        _ => return Err(Exc::badarg()),
    })
}

fn priority_name(pr: crate::process::Priority) -> &'static str {
    use crate::process::Priority;
    match pr {
        Priority::Max => "max",
        Priority::High => "high",
        Priority::Normal => "normal",
        Priority::Low => "low",
    }
}

/// The run queue `q` is put on from now on.
fn set_run_priority(q: &mut Process, pr: crate::process::Priority) {
    use crate::process::Priority;
    q.priority = pr;
    let level = match pr {
        Priority::Max => crate::runq::MAX,
        Priority::High => crate::runq::HIGH,
        Priority::Normal => crate::runq::NORMAL,
        Priority::Low => crate::runq::LOW,
    };
    q.handle
        .priority
        .store(level, std::sync::atomic::Ordering::Relaxed);
}

/// `spawn_opt` options, as OTP 25 checks them: `link`, `monitor`,
/// `{priority, P}`, `{max_heap_size, S}`, and the heap tuning options
/// (accepted, no effect here); anything else is badarg.
fn spawn_opt_common(p: &mut Process, e: Entry, opts: Term) -> R {
    let mut link = false;
    let mut mon = false;
    let mut max_heap = None;
    let mut priority = None;
    let mut it = opts.iter_list();
    for o in &mut it {
        if o == Term::atom(atom::LINK) {
            link = true;
        } else if o == Term::atom(atom::MONITOR) {
            mon = true;
        } else if o.is_tuple() && o.tuple_arity() == 2 && o.element(0).is_atom() {
            let v = o.element(1);
            let int = |min: i64| v.is_small() && v.small_value() >= min;
            match atom::name(o.element(0).atom_value()).as_str() {
                "max_heap_size" => {
                    max_heap = Some(parse_max_heap(v, crate::process::MaxHeap::DEFAULT)?)
                }
                "priority" => priority = Some(parse_priority(v)?),
                "min_heap_size" | "min_bin_vheap_size" | "fullsweep_after" if int(0) => {}
                "message_queue_data" if v.is_atom() => {}
                _ => return Err(Exc::badarg()),
            }
        } else {
            return Err(Exc::badarg());
        }
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    let setup = |q: &mut Process| {
        if let Some(mh) = max_heap {
            q.max_heap = mh;
        }
        if let Some(pr) = priority {
            set_run_priority(q, pr);
        }
    };
    let id = mon.then(vm::new_ref_id);
    let pid = spawn_setup(p, e, link, id, setup)?;
    let r = id.map(|id| p.heap.reference(id));
    Ok(match r {
        Some(r) => p.heap.tuple(&[Term::pid(pid), r]),
        None => Term::pid(pid),
    })
}

/// A `max_heap_size` value: a size in words, or a map with any of `size`,
/// `kill` and `error_logger` (the others keep `base`'s values), as
/// `spawn_opt` and `process_flag` accept it.
fn parse_max_heap(v: Term, base: crate::process::MaxHeap) -> Result<crate::process::MaxHeap, Exc> {
    let mut mh = base;
    mh.reported = false;
    // as OTP: 0 (no limit) or at least the minimum heap size (233 words)
    let size = |t: Term| -> Result<usize, Exc> {
        if t.is_small() && (t.small_value() == 0 || t.small_value() >= 233) {
            Ok(t.small_value() as usize)
        } else {
            Err(Exc::badarg())
        }
    };
    if v.is_small() {
        mh.size = size(v)?;
        return Ok(mh);
    }
    if !v.is_map() {
        return Err(Exc::badarg());
    }
    let pairs = crate::interp::maps::entries(v);
    // as OTP: a map must give the size
    if !pairs
        .iter()
        .any(|(k, _)| *k == Term::atom(atom::intern_static("size")))
    {
        return Err(Exc::badarg());
    }
    for (k, val) in pairs {
        let key = if k.is_atom() {
            atom::name(k.atom_value())
        } else {
            String::new()
        };
        match key.as_str() {
            "size" => mh.size = size(val)?,
            "kill" if val.is_boolean() => mh.kill = val == Term::bool(true),
            "error_logger" if val.is_boolean() => mh.log = val == Term::bool(true),
            _ => return Err(Exc::badarg()),
        }
    }
    Ok(mh)
}

/// `#{error_logger => L, kill => K, size => S}` (keys in term order).
fn max_heap_term(p: &mut Process, mh: crate::process::MaxHeap) -> Term {
    let pairs = [
        (
            Term::atom(atom::intern_static("error_logger")),
            Term::bool(mh.log),
        ),
        (Term::atom(atom::intern_static("kill")), Term::bool(mh.kill)),
        (
            Term::atom(atom::intern_static("size")),
            Term::try_small(mh.size as i64).unwrap_or(Term::small(0)),
        ),
    ];
    p.heap.map_sorted(&pairs)
}
fn spawn_opt2(p: &mut Process, a: &[Term]) -> R {
    spawn_opt_common(p, Entry::Fun(a[0]), a[1])
}
fn spawn_opt4(p: &mut Process, a: &[Term]) -> R {
    spawn_opt_common(p, Entry::Mfa(a[0], a[1], a[2]), a[3])
}

// ---- messages, links, monitors ----------------------------------------------------

fn send2(p: &mut Process, a: &[Term]) -> R {
    vm::send(p, a[0], a[1])?;
    Ok(a[1])
}

fn send3(p: &mut Process, a: &[Term]) -> R {
    vm::send(p, a[0], a[1])?;
    Ok(ok())
}

fn link1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_pid() {
        return Err(Exc::badarg());
    }
    let pid = a[0].pid_value();
    if pid == p.pid {
        return Ok(Term::bool(true));
    }
    if !p.links.contains(&pid) {
        if !vm::send_signal(pid, Signal::Link(p.pid)) {
            if p.trap_exit {
                let m =
                    p.heap
                        .tuple(&[Term::atom(atom::EXIT_UPPER), a[0], Term::atom(atom::NOPROC)]);
                p.mailbox.push_back(crate::process::Message {
                    term: m,
                    frag: None,
                });
                return Ok(Term::bool(true));
            }
            return Err(Exc::error(Term::atom(atom::NOPROC)));
        }
        p.links.push(pid);
    }
    Ok(Term::bool(true))
}

fn unlink1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_pid() {
        return Err(Exc::badarg());
    }
    let pid = a[0].pid_value();
    p.links.retain(|&l| l != pid);
    vm::send_signal(pid, Signal::Unlink(p.pid));
    Ok(Term::bool(true))
}

fn monitor2(p: &mut Process, a: &[Term]) -> R {
    if a[0] != Term::atom(atom::PROCESS) {
        return Err(Exc::badarg());
    }
    let id = vm::new_ref_id();
    let r = p.heap.reference(id);
    let target = a[1];
    let pid = if target.is_pid() {
        Some(target.pid_value())
    } else if target.is_atom() {
        vm::whereis(target.atom_value())
    } else if target.is_tuple() && target.tuple_arity() == 2 && target.element(0).is_atom() {
        vm::whereis(target.element(0).atom_value())
    } else {
        return Err(Exc::badarg());
    };
    let name = if target.is_pid() {
        None
    } else if target.is_atom() {
        Some(target.atom_value())
    } else {
        Some(target.element(0).atom_value())
    };
    let delivered = match pid {
        Some(pid) if pid != p.pid => vm::send_signal(
            pid,
            Signal::Monitor {
                from: p.pid,
                ref_id: id,
                name,
            },
        ),
        // monitoring ourselves creates nothing (as erl)
        Some(_) => return Ok(r),
        None => false,
    };
    if delivered {
        if let Some(pid) = pid {
            p.monitors.push((id, pid, name));
        }
    } else {
        let obj = if target.is_atom() {
            p.heap.tuple(&[target, Term::atom(atom::NONODE)])
        } else {
            target
        };
        let down = p.heap.tuple(&[
            Term::atom(atom::DOWN),
            r,
            Term::atom(atom::PROCESS),
            obj,
            Term::atom(atom::NOPROC),
        ]);
        p.mailbox.push_back(crate::process::Message {
            term: down,
            frag: None,
        });
    }
    Ok(r)
}

/// `monitor(process, Target, [{alias, Mode}])`: the monitor reference is
/// also an alias of the caller (OTP 24+ request/reply protocol).
fn monitor3(p: &mut Process, a: &[Term]) -> R {
    use crate::bif::timers::AliasMode;
    let mut alias = None;
    let mut it = a[2].iter_list();
    for o in &mut it {
        let mode = (o.is_tuple()
            && o.tuple_arity() == 2
            && o.element(0) == Term::atom(atom::intern_static("alias"))
            && o.element(1).is_atom())
        .then(|| atom::name(o.element(1).atom_value()));
        alias = Some(match mode.as_deref() {
            Some("explicit_unalias") => AliasMode::Explicit,
            Some("demonitor") => AliasMode::Demonitor,
            Some("reply_demonitor") => AliasMode::ReplyDemonitor,
            _ => return Err(Exc::badarg()),
        });
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    let r = monitor2(p, &a[..2])?;
    if let Some(mode) = alias {
        crate::bif::timers::add_alias(r.word(1), p.pid, mode);
    }
    Ok(r)
}

/// `demonitor(Ref, Options)`: true, or with `info` whether the monitor
/// was still there (false once its 'DOWN' has arrived).
fn demonitor_common(p: &mut Process, r: Term, flush: bool, info: bool) -> R {
    if !r.is_ref() {
        return Err(Exc::badarg());
    }
    let id = r.word(1);
    crate::bif::timers::monitor_ended(id, p.pid);
    // a 'DOWN' already sent to us ends the monitor when it is delivered
    vm::drain_inbox(p);
    let found = p.end_monitor(id);
    if flush {
        let mut i = 0;
        while i < p.mailbox.len() {
            let t = p.mailbox[i].term;
            if t.is_tuple()
                && t.tuple_arity() == 5
                && t.element(0) == Term::atom(atom::DOWN)
                && t.element(1).is_ref()
                && t.element(1).word(1) == id
            {
                p.remove_message(i);
            } else {
                i += 1;
            }
        }
        p.save = 0;
    }
    Ok(Term::bool(found || !info))
}

fn demonitor1(p: &mut Process, a: &[Term]) -> R {
    demonitor_common(p, a[0], false, false)
}

fn demonitor2(p: &mut Process, a: &[Term]) -> R {
    let (mut flush, mut info) = (false, false);
    let mut it = a[1].iter_list();
    for o in &mut it {
        if o == Term::atom(atom::intern_static("flush")) {
            flush = true;
        } else if o == Term::atom(atom::intern_static("info")) {
            info = true;
        } else {
            return Err(Exc::badarg());
        }
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    demonitor_common(p, a[0], flush, info)
}

fn exit2(p: &mut Process, a: &[Term]) -> R {
    let target = a[0];
    let pid = if target.is_pid() {
        target.pid_value()
    } else if target.is_atom() {
        match vm::whereis(target.atom_value()) {
            Some(pid) => pid,
            None => return Err(Exc::badarg()),
        }
    } else if target.is_port() {
        return Ok(Term::bool(true));
    } else {
        return Err(Exc::badarg());
    };
    if pid == p.pid {
        // exit(self(), R): as a signal to ourselves
        let r = a[1];
        if r == Term::atom(atom::KILL) {
            return Err(Exc::exit(Term::atom(atom::KILLED)));
        }
        if p.trap_exit {
            let m = p
                .heap
                .tuple(&[Term::atom(atom::EXIT_UPPER), p.self_term(), r]);
            p.mailbox.push_back(crate::process::Message {
                term: m,
                frag: None,
            });
            return Ok(Term::bool(true));
        }
        if r == Term::atom(atom::NORMAL) {
            return Err(Exc::exit(r));
        }
        return Err(Exc::exit(r));
    }
    vm::send_signal(
        pid,
        Signal::Exit {
            from: p.self_term(),
            reason: vm::make_message(a[1]),
            linked: false,
        },
    );
    Ok(Term::bool(true))
}

fn process_flag2(p: &mut Process, a: &[Term]) -> R {
    if a[0] == Term::atom(atom::TRAP_EXIT) {
        if !a[1].is_boolean() {
            return Err(Exc::badarg());
        }
        let old = p.trap_exit;
        p.trap_exit = a[1] == Term::bool(true);
        return Ok(Term::bool(old));
    }
    if a[0] == Term::atom(atom::PRIORITY) {
        let new = parse_priority(a[1])?;
        let old = std::mem::replace(&mut p.priority, new);
        set_run_priority(p, new);
        return Ok(Term::atom(atom::intern_static(priority_name(old))));
    }
    if a[0] == Term::atom(atom::intern_static("max_heap_size")) {
        let old = p.max_heap;
        p.max_heap = parse_max_heap(a[1], old)?;
        return Ok(max_heap_term(p, old));
    }
    if a[0].is_atom() {
        // Accepted and ignored: min_heap_size, fullsweep_after, sensitive...
        return Ok(Term::bool(false));
    }
    Err(Exc::badarg())
}

fn is_process_alive1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_pid() {
        return Err(Exc::badarg());
    }
    let pid = a[0].pid_value();
    if pid == p.pid {
        return Ok(Term::bool(true));
    }
    if p.bif_wait.is_none() && vm::handle_of(pid).is_none() {
        return Ok(Term::bool(false));
    }
    // OTP answers after the target has handled every signal the caller
    // sent before (a `kill` just sent means dead): ask it, as
    // `process_info(Pid, status)` does; the dead answer `undefined`.
    let r = process_info(p, a[0], Term::atom(atom::intern_static("status")))?;
    Ok(Term::bool(r != Term::atom(atom::UNDEFINED)))
}

fn register2(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() || a[0] == Term::atom(atom::UNDEFINED) || !a[1].is_pid() {
        return Err(Exc::badarg());
    }
    let name = a[0].atom_value();
    let pid = a[1].pid_value();
    if pid != p.pid && vm::handle_of(pid).is_none() {
        return Err(Exc::badarg());
    }
    let mut reg = lock(&vm().registry);
    if reg.contains_key(&name) || reg.values().any(|&v| v == pid) {
        return Err(Exc::badarg());
    }
    reg.insert(name, pid);
    Ok(Term::bool(true))
}

fn unregister1(_p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    let name = a[0].atom_value();
    match lock(&vm().registry).remove(&name) {
        Some(_) => Ok(Term::bool(true)),
        None => Err(Exc::badarg()),
    }
}

fn whereis1(_p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    Ok(match vm::whereis(a[0].atom_value()) {
        Some(pid) => Term::pid(pid),
        None => Term::atom(atom::UNDEFINED),
    })
}

fn registered0(p: &mut Process, _a: &[Term]) -> R {
    let names: Vec<Term> = lock(&vm().registry)
        .keys()
        .map(|a| Term::atom(*a))
        .collect();
    Ok(p.heap.list(&names))
}

fn processes0(p: &mut Process, _a: &[Term]) -> R {
    let mut pids: Vec<u64> = lock(&vm().handles).keys().copied().collect();
    if !pids.contains(&p.pid) {
        pids.push(p.pid);
    }
    pids.sort_unstable();
    let ts: Vec<Term> = pids.into_iter().map(Term::pid).collect();
    Ok(p.heap.list(&ts))
}

// ---- process dictionary -------------------------------------------------------------

fn dict_find(p: &Process, k: Term) -> Option<usize> {
    p.dict.iter().position(|(dk, _)| order::exact_eq(*dk, k))
}

fn put2(p: &mut Process, a: &[Term]) -> R {
    match dict_find(p, a[0]) {
        Some(i) => Ok(std::mem::replace(&mut p.dict[i].1, a[1])),
        None => {
            p.dict.push((a[0], a[1]));
            Ok(Term::atom(atom::UNDEFINED))
        }
    }
}

fn get1(p: &mut Process, a: &[Term]) -> R {
    Ok(dict_find(p, a[0])
        .map(|i| p.dict[i].1)
        .unwrap_or(Term::atom(atom::UNDEFINED)))
}

fn get0(p: &mut Process, _a: &[Term]) -> R {
    let pairs: Vec<(Term, Term)> = p.dict.clone();
    let mut items = Vec::with_capacity(pairs.len());
    for (k, v) in pairs.into_iter().rev() {
        items.push(p.heap.tuple(&[k, v]));
    }
    Ok(p.heap.list(&items))
}

fn get_keys0(p: &mut Process, _a: &[Term]) -> R {
    let keys: Vec<Term> = p.dict.iter().rev().map(|(k, _)| *k).collect();
    Ok(p.heap.list(&keys))
}

fn get_keys1(p: &mut Process, a: &[Term]) -> R {
    let keys: Vec<Term> = p
        .dict
        .iter()
        .rev()
        .filter(|(_, v)| order::exact_eq(*v, a[0]))
        .map(|(k, _)| *k)
        .collect();
    Ok(p.heap.list(&keys))
}

fn erase1(p: &mut Process, a: &[Term]) -> R {
    match dict_find(p, a[0]) {
        Some(i) => Ok(p.dict.remove(i).1),
        None => Ok(Term::atom(atom::UNDEFINED)),
    }
}

fn erase0(p: &mut Process, a: &[Term]) -> R {
    let all = get0(p, a)?;
    p.dict.clear();
    Ok(all)
}

// ---- code ---------------------------------------------------------------------------

fn function_exported3(_p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() || !a[1].is_atom() || !a[2].is_small() {
        return Err(Exc::badarg());
    }
    let ar = a[2].small_value();
    if ar < 0 {
        return Err(Exc::badarg());
    }
    let (m, f) = (a[0].atom_value(), a[1].atom_value());
    if m == atom::ERLANG && crate::bif::lookup(m, f, ar as u32).is_some() {
        return Ok(Term::bool(true));
    }
    if !crate::bif::standin::loaded_like_erl(m) {
        return Ok(Term::bool(false));
    }
    if let Some(e) = code::find_export(m, f, ar as u32) {
        if e.target().is_some() || (e.bif.is_some() && m == atom::ERLANG) {
            return Ok(Term::bool(true));
        }
    }
    Ok(Term::bool(
        crate::bif::lookup(m, f, ar as u32).is_some() && code::is_loaded(m),
    ))
}

fn module_loaded1(_p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    Ok(Term::bool(crate::bif::standin::loaded_like_erl(
        a[0].atom_value(),
    )))
}

fn ensure_loaded1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    if vm::ensure_loaded(a[0].atom_value()) {
        Ok(p.heap.tuple(&[Term::atom(atom::MODULE), a[0]]))
    } else {
        let e = Term::atom(atom::intern_static("nofile"));
        Ok(p.heap.tuple(&[Term::atom(atom::ERROR), e]))
    }
}

fn module_info(p: &mut Process, m: Atom, what: Option<Term>) -> R {
    let Some(md) = code::module_by_name(m) else {
        return Err(Exc::badarg());
    };
    let exports = |p: &mut Process| {
        let mut v = Vec::new();
        for &(f, a) in md.exports.iter() {
            v.push(p.heap.tuple(&[Term::atom(f), Term::small(a as i64)]));
        }
        p.heap.list(&v)
    };
    let functions = |p: &mut Process| {
        let mut v = Vec::new();
        for fi in md.functions.iter() {
            v.push(
                p.heap
                    .tuple(&[Term::atom(fi.name), Term::small(fi.arity as i64)]),
            );
        }
        p.heap.list(&v)
    };
    match what {
        Some(w) if w == Term::atom(atom::MODULE) => Ok(Term::atom(m)),
        Some(w) if w == Term::atom(atom::EXPORTS) => Ok(exports(p)),
        Some(w) if w == Term::atom(atom::FUNCTIONS) => Ok(functions(p)),
        Some(w) if w == Term::atom(atom::ATTRIBUTES) => Ok(md.attributes),
        Some(w) if w == Term::atom(atom::COMPILE) => Ok(md.compile_info),
        Some(w) if w == Term::atom(atom::MD5) => Ok(p.heap.binary(&[0u8; 16])),
        Some(w) if w == Term::atom(atom::NATIVE) => Ok(Term::bool(false)),
        Some(_) => Err(Exc::badarg()),
        None => {
            let mut items = Vec::new();
            for (tag, val) in [
                (atom::MODULE, Term::atom(m)),
                (atom::EXPORTS, exports(p)),
                (atom::ATTRIBUTES, md.attributes),
                (atom::COMPILE, md.compile_info),
            ] {
                items.push(p.heap.tuple(&[Term::atom(tag), val]));
            }
            let md5 = p.heap.binary(&[0u8; 16]);
            items.push(p.heap.tuple(&[Term::atom(atom::MD5), md5]));
            Ok(p.heap.list(&items))
        }
    }
}

fn get_module_info1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    module_info(p, a[0].atom_value(), None)
}

fn get_module_info2(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    module_info(p, a[0].atom_value(), Some(a[1]))
}

fn make_fun3(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() || !a[1].is_atom() || !a[2].is_small() || a[2].small_value() < 0 {
        return Err(Exc::badarg());
    }
    Ok(code::export_fun(
        &mut p.heap,
        a[0].atom_value(),
        a[1].atom_value(),
        a[2].small_value() as u32,
    ))
}

fn fun_info2(p: &mut Process, a: &[Term]) -> R {
    let f = a[0];
    if !f.is_fun() || !a[1].is_atom() {
        return Err(Exc::badarg());
    }
    let item = a[1].atom_value();
    let is_export = f.header().kind() == crate::term::Kind::ExportFun;
    let val = match item {
        atom::ARITY => Term::small(crate::interp::fun_arity(f) as i64),
        atom::MODULE => Term::atom(if is_export {
            code::export_of(f).module
        } else {
            code::lambda_of(f).module
        }),
        atom::NAME => Term::atom(if is_export {
            code::export_of(f).function
        } else {
            code::lambda_of(f).function
        }),
        atom::TYPE => Term::atom(if is_export {
            atom::EXTERNAL
        } else {
            atom::LOCAL
        }),
        atom::ENV => {
            if is_export {
                Term::NIL
            } else {
                let n = f.header().size() - 1;
                let env: Vec<Term> = (0..n).map(|i| Term(f.word(2 + i))).collect();
                p.heap.list(&env)
            }
        }
        atom::INDEX | atom::NEW_INDEX => {
            if is_export {
                Term::atom(atom::UNDEFINED)
            } else {
                Term::small(code::lambda_of(f).index as i64)
            }
        }
        atom::UNIQ | atom::NEW_UNIQ => {
            if is_export {
                Term::atom(atom::UNDEFINED)
            } else {
                Term::small(code::lambda_of(f).old_uniq as i64)
            }
        }
        atom::PID => {
            if is_export {
                Term::atom(atom::UNDEFINED)
            } else {
                p.self_term()
            }
        }
        _ => return Err(Exc::badarg()),
    };
    Ok(p.heap.tuple(&[a[1], val]))
}

// ---- time and system ------------------------------------------------------------------

fn monotonic_time0(p: &mut Process, _a: &[Term]) -> R {
    let ns = vm().start.elapsed().as_nanos() as i64;
    Ok(p.heap.int(ns))
}

fn system_time0(p: &mut Process, _a: &[Term]) -> R {
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    Ok(p.heap.int(ns))
}

fn time_unit_divisor(u: Term) -> Option<i64> {
    if u.is_small() && u.small_value() > 0 {
        return Some(1_000_000_000 / u.small_value().min(1_000_000_000));
    }
    if !u.is_atom() {
        return None;
    }
    Some(match atom::name(u.atom_value()).as_str() {
        "second" | "seconds" => 1_000_000_000,
        "millisecond" | "milli_seconds" => 1_000_000,
        "microsecond" | "micro_seconds" => 1_000,
        "nanosecond" | "nano_seconds" | "native" | "perf_counter" => 1,
        _ => return None,
    })
}

fn monotonic_time1(p: &mut Process, a: &[Term]) -> R {
    let d = time_unit_divisor(a[0]).ok_or_else(Exc::badarg)?;
    let ns = vm().start.elapsed().as_nanos() as i64;
    Ok(p.heap.int(ns / d))
}

fn system_time1(p: &mut Process, a: &[Term]) -> R {
    let d = time_unit_divisor(a[0]).ok_or_else(Exc::badarg)?;
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    Ok(p.heap.int(ns / d))
}

fn timestamp0(p: &mut Process, _a: &[Term]) -> R {
    let us = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0);
    Ok(p.heap.tuple(&[
        Term::small(us / 1_000_000_000_000),
        Term::small((us / 1_000_000) % 1_000_000),
        Term::small(us % 1_000_000),
    ]))
}

fn unique_integer(p: &mut Process, _a: &[Term]) -> R {
    let v = vm::new_ref_id() as i64;
    Ok(p.heap.int(v))
}

/// A time unit as parts per second (`native` is nanoseconds here).
fn time_unit_hz(u: Term) -> Option<i64> {
    if u.is_small() && u.small_value() > 0 {
        return Some(u.small_value());
    }
    time_unit_divisor(u).map(|d| 1_000_000_000 / d)
}

/// `convert_time_unit(Time, From, To)`: `floor(Time * To / From)`, exact
/// for any integer (as erlang.erl computes it).
fn convert_time_unit3(p: &mut Process, a: &[Term]) -> R {
    use num_integer::Integer;
    let from = time_unit_hz(a[1]).ok_or_else(Exc::badarg)?;
    let to = time_unit_hz(a[2]).ok_or_else(Exc::badarg)?;
    if a[0].is_small() {
        let v = a[0].small_value() as i128 * to as i128;
        return Ok(bignum::from_i128(
            &mut p.heap,
            Integer::div_floor(&v, &(from as i128)),
        ));
    }
    if !a[0].is_integer() {
        return Err(Exc::badarg());
    }
    let v = bignum::to_big(a[0]) * to;
    Ok(bignum::from_big(&mut p.heap, &v.div_floor(&from.into())))
}

/// `erlang:time_offset/0,1`: system time minus monotonic time.
fn time_offset_ns() -> i64 {
    let sys = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    sys - vm().start.elapsed().as_nanos() as i64
}

fn time_offset0(p: &mut Process, _a: &[Term]) -> R {
    Ok(p.heap.int(time_offset_ns()))
}

fn time_offset1(p: &mut Process, a: &[Term]) -> R {
    let d = time_unit_divisor(a[0]).ok_or_else(Exc::badarg)?;
    Ok(p.heap.int(time_offset_ns().div_euclid(d)))
}

fn statistics1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    let ms = vm().start.elapsed().as_millis() as i64;
    match atom::name(a[0].atom_value()).as_str() {
        "runtime" | "wall_clock" => Ok(p.heap.tuple(&[Term::small(ms), Term::small(0)])),
        "reductions" => Ok(p
            .heap
            .tuple(&[Term::small(p.reductions as i64), Term::small(0)])),
        "run_queue" => Ok(Term::small(0)),
        "garbage_collection" => Ok(p.heap.tuple(&[
            Term::small(p.gc_count as i64),
            Term::small(0),
            Term::small(0),
        ])),
        _ => Err(Exc::badarg()),
    }
}

fn system_info1(p: &mut Process, a: &[Term]) -> R {
    let k = a[0];
    if k.is_atom() {
        let name = atom::name(k.atom_value());
        return Ok(match name.as_str() {
            "otp_release" => p.heap.string("25"),
            "version" => p.heap.string("13.1.5"),
            "wordsize" => Term::small(8),
            "schedulers" | "schedulers_online" | "logical_processors" => Term::small(1),
            "process_count" => Term::small(lock(&vm().handles).len() as i64),
            "process_limit" => Term::small(vm::process_limit() as i64),
            "max_heap_size" => max_heap_term(p, crate::process::MaxHeap::DEFAULT),
            "atom_count" => Term::small(atom::count() as i64),
            "atom_limit" => Term::small(atom::MAX_ATOMS as i64),
            "machine" => p.heap.string("BEAM"),
            "thread_pool_size" => Term::small(0),
            "smp_support" | "threads" => Term::bool(true),
            "debug_compiled" | "dynamic_trace" => Term::bool(false),
            "emu_type" => Term::atom(atom::intern_static("opt")),
            "emu_flavor" => Term::atom(atom::intern_static("emu")),
            "system_architecture" => p.heap.string("x86_64-pc-linux-gnu"),
            "hipe_architecture" => Term::atom(atom::UNDEFINED),
            "compat_rel" => Term::small(25),
            "start_time" => Term::small(0),
            "os_type" => {
                let u = Term::atom(atom::intern_static("unix"));
                let l = Term::atom(atom::intern_static("linux"));
                p.heap.tuple(&[u, l])
            }
            _ => Term::atom(atom::UNDEFINED),
        });
    }
    Err(Exc::badarg())
}

/// The items `process_info/2` knows (a list is checked against these
/// before a request goes to another process).
const INFO_ITEMS: &[&str] = &[
    "catchlevel",
    "current_function",
    "current_stacktrace",
    "dictionary",
    "error_handler",
    "garbage_collection",
    "group_leader",
    "heap_size",
    "initial_call",
    "links",
    "max_heap_size",
    "memory",
    "message_queue_data",
    "message_queue_len",
    "messages",
    "min_bin_vheap_size",
    "min_heap_size",
    "monitored_by",
    "monitors",
    "priority",
    "reductions",
    "registered_name",
    "stack_size",
    "status",
    "suspending",
    "total_heap_size",
    "trap_exit",
];

fn valid_item(t: Term) -> bool {
    t.is_atom() && atom::with_name(t.atom_value(), |n| INFO_ITEMS.contains(&n))
}

/// An item atom or a proper list of them.
fn valid_items(items: Term) -> bool {
    if items.is_atom() {
        return valid_item(items);
    }
    let mut l = items;
    while l.is_cons() {
        if !valid_item(l.head()) {
            return false;
        }
        l = l.tail();
    }
    l.is_nil()
}

/// `process_info(Pid, ItemOrItems)`. Of ourselves: read directly. Of
/// another process: a request signal it answers when it next handles
/// signals (as OTP does); the call waits for the reply (`Exc::wait`).
/// A process that is gone, or dies before answering, gives `undefined`.
fn process_info2(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_pid() || !valid_items(a[1]) {
        return Err(Exc::badarg());
    }
    process_info(p, a[0], a[1])
}

/// What `process_info/1` reports, in OTP 25's order (`registered_name`
/// is left out when the process has none).
const INFO_1: &[&str] = &[
    "registered_name",
    "current_function",
    "initial_call",
    "status",
    "message_queue_len",
    "links",
    "dictionary",
    "trap_exit",
    "error_handler",
    "priority",
    "group_leader",
    "total_heap_size",
    "heap_size",
    "stack_size",
    "reductions",
    "garbage_collection",
    "suspending",
];

fn process_info1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_pid() {
        return Err(Exc::badarg());
    }
    let items: Vec<Term> = INFO_1
        .iter()
        .map(|n| Term::atom(atom::intern_static(n)))
        .collect();
    let items = p.heap.list(&items);
    let r = process_info(p, a[0], items)?;
    // [{registered_name, []} | Rest] -> Rest
    if r.is_cons() {
        let first = r.head();
        if first.is_tuple() && first.tuple_elements().get(1) == Some(&Term::NIL) {
            return Ok(r.tail());
        }
    }
    Ok(r)
}

fn process_info(p: &mut Process, pid: Term, items: Term) -> R {
    let target = pid.pid_value();
    if target == p.pid {
        vm::drain_inbox(p);
        return info_items(p, items, true);
    }
    if p.bif_wait.is_some() && p.info_request != 0 {
        // called again after waiting: the reply may be here
        if p.info_reply.is_none() {
            vm::drain_inbox(p);
            let want = p.info_request;
            if let Some(i) = p
                .pending
                .iter()
                .position(|s| matches!(s, Signal::InfoReply { ref_id, .. } if *ref_id == want))
            {
                if let Signal::InfoReply { reply, .. } = p.pending.remove(i) {
                    p.info_reply = Some(reply);
                }
            }
        }
        if let Some(m) = p.info_reply.take() {
            p.info_request = 0;
            if let Some(f) = m.frag {
                p.heap.adopt(f);
            }
            return Ok(m.term);
        }
        return Err(Exc::wait());
    }
    let ref_id = vm::new_ref_id();
    let sent = vm::send_signal(
        target,
        Signal::InfoRequest {
            from: p.pid,
            ref_id,
            items: vm::make_message(items),
        },
    );
    if !sent {
        return Ok(Term::atom(atom::UNDEFINED));
    }
    p.info_request = ref_id;
    p.info_reply = None;
    Err(Exc::wait())
}

/// The answer to another process's `process_info` request, computed by
/// the target `p` while it handles signals (it is suspended, not
/// running: its current function is where it will resume).
pub fn info_for(p: &mut Process, items: Term) -> Term {
    let saved = p.bif_cp;
    let (mi, mut ip) = p.resume;
    // suspended in a receive: erl reports the receive's start (its
    // `loop_rec`, where a new message resumes it), not the `wait`
    if let Some(m) = code::module(mi) {
        if let Some(
            crate::code::instr::Instr::Wait { target }
            | crate::code::instr::Instr::WaitTimeout { target, .. },
        ) = m.code.get(ip as usize)
        {
            ip = *target;
        }
    }
    p.bif_cp = Term::cp(mi, ip.saturating_add(1));
    let r = info_items(p, items, false);
    p.bif_cp = saved;
    r.unwrap_or(Term::atom(atom::UNDEFINED))
}

/// `{Item, Value}` for an item, a list of them for a list (`me`: `p` is
/// the caller itself, running).
fn info_items(p: &mut Process, items: Term, me: bool) -> R {
    if items.is_atom() {
        let v = item_value(p, items.atom_value(), me)?;
        if items == Term::atom(atom::REGISTERED_NAME) && v.is_nil() {
            // (in a list it is `{registered_name, []}`)
            return Ok(Term::NIL);
        }
        return Ok(p.heap.tuple(&[items, v]));
    }
    let mut out = Vec::new();
    let mut l = items;
    while l.is_cons() {
        let it = l.head();
        if !it.is_atom() {
            return Err(Exc::badarg());
        }
        let v = item_value(p, it.atom_value(), me)?;
        out.push(p.heap.tuple(&[it, v]));
        l = l.tail();
    }
    Ok(p.heap.list(&out))
}

fn item_value(p: &mut Process, item: Atom, me: bool) -> R {
    let named = |n: &str| atom::with_name(item, |s| s == n);
    let small = |n: usize| Term::small(n as i64);
    let v = match item {
        atom::MESSAGE_QUEUE_LEN => Term::small(p.mailbox.len() as i64),
        atom::MESSAGES => {
            let ms: Vec<Term> = p.mailbox.iter().map(|m| m.term).collect();
            p.heap.list(&ms)
        }
        atom::DICTIONARY => get0(p, &[])?,
        atom::TRAP_EXIT => Term::bool(p.trap_exit),
        atom::GROUP_LEADER => p.group_leader,
        atom::HEAP_SIZE => small(p.heap.used()),
        atom::STACK_SIZE => small(p.stack.len()),
        atom::REDUCTIONS => Term::small(p.reductions as i64),
        atom::STATUS => Term::atom(if me {
            atom::RUNNING
        } else if p.waiting {
            atom::WAITING
        } else {
            atom::RUNNABLE
        }),
        atom::REGISTERED_NAME => match vm::registered_name(p.pid) {
            Some(n) => Term::atom(n),
            None => Term::NIL,
        },
        atom::LINKS => {
            let ls: Vec<Term> = p.links.iter().map(|&l| Term::pid(l)).collect();
            p.heap.list(&ls)
        }
        atom::INITIAL_CALL => {
            let (m, f, ar) = p.initial_call;
            p.heap
                .tuple(&[Term::atom(m), Term::atom(f), Term::small(ar as i64)])
        }
        atom::PRIORITY => Term::atom(atom::intern_static(priority_name(p.priority))),
        // (erl shows a hibernated process in erlang:hibernate/3)
        atom::CURRENT_FUNCTION if p.hibernated => p.heap.tuple(&[
            Term::atom(atom::ERLANG),
            Term::atom(atom::intern_static("hibernate")),
            Term::small(3),
        ]),
        atom::CURRENT_FUNCTION => match current_frames(p, 1).first() {
            Some(&(m, f, a, _)) => {
                p.heap
                    .tuple(&[Term::atom(m), Term::atom(f), Term::small(a as i64)])
            }
            None => Term::atom(atom::UNDEFINED),
        },
        _ if named("max_heap_size") => max_heap_term(p, p.max_heap),
        // Bytes: heap and stack words plus a fixed process overhead (an
        // approximation of erl's figure; logger's overload check reads it).
        _ if named("memory") => small((p.heap.used() + p.stack.len()) * 8 + 1024),
        _ if named("total_heap_size") => small(p.heap.used() + p.stack.len()),
        _ if named("error_handler") => Term::atom(atom::intern_static("error_handler")),
        _ if named("suspending") => Term::NIL,
        _ if named("catchlevel") => Term::small(p.catches as i64),
        _ if named("message_queue_data") => Term::atom(atom::intern_static("on_heap")),
        // OTP 25's defaults
        _ if named("min_heap_size") => Term::small(233),
        _ if named("min_bin_vheap_size") => Term::small(46422),
        _ if named("garbage_collection") => {
            let mh = max_heap_term(p, p.max_heap);
            let pairs = [
                ("max_heap_size", mh),
                ("min_bin_vheap_size", Term::small(46422)),
                ("min_heap_size", Term::small(233)),
                ("fullsweep_after", Term::small(65535)),
                ("minor_gcs", Term::small(p.gc_count as i64)),
            ];
            let mut ts = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                ts.push(p.heap.tuple(&[Term::atom(atom::intern_static(k)), v]));
            }
            p.heap.list(&ts)
        }
        _ if named("monitors") => {
            let targets: Vec<(u64, Option<Atom>)> =
                p.monitors.iter().map(|&(_, t, n)| (t, n)).collect();
            let proc_atom = Term::atom(atom::PROCESS);
            let mut ts = Vec::with_capacity(targets.len());
            for (t, name) in targets {
                // by name: {process, {Name, Node}}
                let obj = match name {
                    Some(n) => p.heap.tuple(&[Term::atom(n), Term::atom(atom::NONODE)]),
                    None => Term::pid(t),
                };
                ts.push(p.heap.tuple(&[proc_atom, obj]));
            }
            p.heap.list(&ts)
        }
        _ if named("monitored_by") => {
            let ws: Vec<Term> = p
                .monitored_by
                .iter()
                .map(|&(_, w, _)| Term::pid(w))
                .collect();
            p.heap.list(&ws)
        }
        _ if named("current_stacktrace") => {
            let frames = current_frames(p, 8);
            let mut items = Vec::with_capacity(frames.len());
            for (m, f, a, loc) in frames {
                let l = match loc {
                    Some((file, line)) => {
                        let fs = p.heap.string(&file);
                        let ft = p.heap.tuple(&[Term::atom(atom::FILE), fs]);
                        let lt = p
                            .heap
                            .tuple(&[Term::atom(atom::LINE), Term::small(line as i64)]);
                        p.heap.list(&[ft, lt])
                    }
                    None => Term::NIL,
                };
                items.push(
                    p.heap
                        .tuple(&[Term::atom(m), Term::atom(f), Term::small(a as i64), l]),
                );
            }
            p.heap.list(&items)
        }
        _ => return Err(Exc::badarg()),
    };
    Ok(v)
}

type Frame = (Atom, Atom, u32, Option<(String, u32)>);

/// The callers on `p`'s stack (continuation pointers, innermost first):
/// what `process_info(self(), current_stacktrace)` reports.
fn current_frames(p: &Process, depth: usize) -> Vec<Frame> {
    let mut out = Vec::new();
    // The function calling the BIF (as erl shows it: its own frame first).
    let current = std::iter::once(&p.bif_cp).filter(|w| w.is_cp());
    for w in current.chain(p.stack.iter().rev()) {
        if out.len() >= depth {
            break;
        }
        if !w.is_cp() || *w == crate::interp::EXIT_CP {
            continue;
        }
        let (mi, ip) = w.cp_value();
        if let Some(m) = code::module(mi) {
            if let Some(fi) = m.function_at(ip.saturating_sub(1)) {
                let loc = m
                    .location_at(ip.saturating_sub(1))
                    .map(|(f, l)| (f.to_string(), l));
                out.push((m.name, fi.name, fi.arity, loc));
            }
        }
    }
    out
}

fn display1(_p: &mut Process, a: &[Term]) -> R {
    vm::flush_stdout();
    let s = crate::term::display::format(a[0]);
    vm::write_stdout(s.as_bytes());
    vm::write_stdout(b"\n");
    Ok(Term::bool(true))
}

/// `erlang:fun_info_mfa/1`: `{M, F, A}` (for a local fun, its lambda's
/// function name and the arity it is called with).
fn fun_info_mfa1(p: &mut Process, a: &[Term]) -> R {
    let f = a[0];
    if !f.is_fun() {
        return Err(Exc::badarg());
    }
    let (m, name, ar) = if f.header().kind() == crate::term::Kind::ExportFun {
        let e = code::export_of(f);
        (e.module, e.function, e.arity)
    } else {
        let l = code::lambda_of(f);
        (l.module, l.function, l.call_arity())
    };
    Ok(p.heap
        .tuple(&[Term::atom(m), Term::atom(name), Term::small(ar as i64)]))
}

fn nif_error1(_p: &mut Process, a: &[Term]) -> R {
    let mut e = Exc::error(a[0]);
    e.bif_frame = false;
    Err(e)
}

fn load_nif2(p: &mut Process, _a: &[Term]) -> R {
    let why = Term::atom(atom::intern_static("load_failed"));
    let msg = p.heap.string("NIFs are not supported by beamz-jit");
    let inner = p.heap.tuple(&[why, msg]);
    Ok(p.heap.tuple(&[Term::atom(atom::ERROR), inner]))
}

fn garbage_collect0(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::bool(true))
}

fn yield0(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::bool(true))
}

fn pid_text(serial: u64) -> String {
    format!("<0.{serial}.0>")
}

fn pid_to_list1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_pid() {
        return Err(Exc::badarg());
    }
    Ok(p.heap.string(&pid_text(a[0].pid_value())))
}

fn port_to_list1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_port() {
        return Err(Exc::badarg());
    }
    Ok(p.heap.string(&format!("#Port<0.{}>", a[0].pid_value())))
}

fn ref_to_list1(p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_ref() {
        return Err(Exc::badarg());
    }
    let id = a[0].word(1);
    let s = format!(
        "#Ref<0.{}.{}.{}>",
        (id >> 40) & 0xFFFF_FFFF,
        (id >> 20) & 0xFFFFF,
        id & 0xFFFFF
    );
    Ok(p.heap.string(&s))
}

fn fun_to_list1(p: &mut Process, a: &[Term]) -> R {
    let f = a[0];
    if !f.is_fun() {
        return Err(Exc::badarg());
    }
    let s = if f.header().kind() == crate::term::Kind::ExportFun {
        let e = code::export_of(f);
        let q = |a: Atom| {
            let mut s = String::new();
            crate::term::display::write_atom_quoted(&mut s, a);
            s
        };
        format!("fun {}:{}/{}", q(e.module), q(e.function), e.arity)
    } else {
        let l = code::lambda_of(f);
        format!("#Fun<{}.{}.{}>", atom::name(l.module), l.index, l.old_uniq)
    };
    Ok(p.heap.string(&s))
}

fn list_to_pid1(p: &mut Process, a: &[Term]) -> R {
    let mut s = String::new();
    for c in a[0].iter_list() {
        if !c.is_small() {
            return Err(Exc::badarg());
        }
        s.push(char::from_u32(c.small_value() as u32).ok_or_else(Exc::badarg)?);
    }
    let inner = s
        .strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .ok_or_else(Exc::badarg)?;
    let parts: Vec<&str> = inner.split('.').collect();
    if parts.len() != 3 || parts[0] != "0" || parts[2] != "0" {
        return Err(Exc::badarg());
    }
    let n: u64 = parts[1].parse().map_err(|_| Exc::badarg())?;
    let _ = p;
    Ok(Term::pid(n))
}

/// `net_kernel:dflag_unicode_io/1`: whether the I/O server of `Pid` takes
/// unicode requests. Always true without distribution.
fn dflag_unicode_io1(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::bool(true))
}

/// `io:printable_range/0`: `latin1` (erl's default without `+pc unicode`).
fn printable_range0(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::atom(atom::LATIN1))
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "erlang",
        name: "pid_to_list",
        arity: 1,
        f: pid_to_list1,
    },
    Bif {
        module: "erlang",
        name: "port_to_list",
        arity: 1,
        f: port_to_list1,
    },
    Bif {
        module: "erlang",
        name: "ref_to_list",
        arity: 1,
        f: ref_to_list1,
    },
    Bif {
        module: "erlang",
        name: "fun_to_list",
        arity: 1,
        f: fun_to_list1,
    },
    Bif {
        module: "erlang",
        name: "list_to_pid",
        arity: 1,
        f: list_to_pid1,
    },
    Bif {
        module: "net_kernel",
        name: "dflag_unicode_io",
        arity: 1,
        f: dflag_unicode_io1,
    },
    Bif {
        module: "io",
        name: "printable_range",
        arity: 0,
        f: printable_range0,
    },
    Bif {
        module: "erlang",
        name: "error",
        arity: 1,
        f: error1,
    },
    Bif {
        module: "erlang",
        name: "error",
        arity: 2,
        f: error2,
    },
    Bif {
        module: "erlang",
        name: "error",
        arity: 3,
        f: error3,
    },
    Bif {
        module: "erlang",
        name: "exit",
        arity: 1,
        f: exit1,
    },
    Bif {
        module: "erlang",
        name: "throw",
        arity: 1,
        f: throw1,
    },
    Bif {
        module: "erlang",
        name: "raise",
        arity: 3,
        f: raise3,
    },
    Bif {
        module: "erlang",
        name: "halt",
        arity: 0,
        f: halt0,
    },
    Bif {
        module: "erlang",
        name: "halt",
        arity: 1,
        f: halt1,
    },
    Bif {
        module: "erlang",
        name: "halt",
        arity: 2,
        f: halt2,
    },
    Bif {
        module: "erlang",
        name: "self",
        arity: 0,
        f: self0,
    },
    Bif {
        module: "erlang",
        name: "node",
        arity: 0,
        f: node0,
    },
    Bif {
        module: "erlang",
        name: "node",
        arity: 1,
        f: node1,
    },
    Bif {
        module: "erlang",
        name: "nodes",
        arity: 0,
        f: nodes0,
    },
    Bif {
        module: "erlang",
        name: "is_alive",
        arity: 0,
        f: is_alive0,
    },
    Bif {
        module: "erlang",
        name: "make_ref",
        arity: 0,
        f: make_ref0,
    },
    Bif {
        module: "erlang",
        name: "group_leader",
        arity: 0,
        f: group_leader0,
    },
    Bif {
        module: "erlang",
        name: "group_leader",
        arity: 2,
        f: group_leader2,
    },
    Bif {
        module: "erlang",
        name: "spawn",
        arity: 1,
        f: spawn1,
    },
    Bif {
        module: "erlang",
        name: "spawn",
        arity: 3,
        f: spawn3,
    },
    Bif {
        module: "erlang",
        name: "spawn_link",
        arity: 1,
        f: spawn_link1,
    },
    Bif {
        module: "erlang",
        name: "spawn_link",
        arity: 3,
        f: spawn_link3,
    },
    Bif {
        module: "erlang",
        name: "spawn_monitor",
        arity: 1,
        f: spawn_monitor1,
    },
    Bif {
        module: "erlang",
        name: "spawn_monitor",
        arity: 3,
        f: spawn_monitor3,
    },
    Bif {
        module: "erlang",
        name: "spawn_opt",
        arity: 2,
        f: spawn_opt2,
    },
    Bif {
        module: "erlang",
        name: "spawn_opt",
        arity: 4,
        f: spawn_opt4,
    },
    Bif {
        module: "erlang",
        name: "send",
        arity: 2,
        f: send2,
    },
    Bif {
        module: "erlang",
        name: "!",
        arity: 2,
        f: send2,
    },
    Bif {
        module: "erlang",
        name: "send",
        arity: 3,
        f: send3,
    },
    Bif {
        module: "erlang",
        name: "link",
        arity: 1,
        f: link1,
    },
    Bif {
        module: "erlang",
        name: "unlink",
        arity: 1,
        f: unlink1,
    },
    Bif {
        module: "erlang",
        name: "monitor",
        arity: 2,
        f: monitor2,
    },
    Bif {
        module: "erlang",
        name: "monitor",
        arity: 3,
        f: monitor3,
    },
    Bif {
        module: "erlang",
        name: "demonitor",
        arity: 1,
        f: demonitor1,
    },
    Bif {
        module: "erlang",
        name: "demonitor",
        arity: 2,
        f: demonitor2,
    },
    Bif {
        module: "erlang",
        name: "exit",
        arity: 2,
        f: exit2,
    },
    Bif {
        module: "erlang",
        name: "process_flag",
        arity: 2,
        f: process_flag2,
    },
    Bif {
        module: "erlang",
        name: "is_process_alive",
        arity: 1,
        f: is_process_alive1,
    },
    Bif {
        module: "erlang",
        name: "register",
        arity: 2,
        f: register2,
    },
    Bif {
        module: "erlang",
        name: "unregister",
        arity: 1,
        f: unregister1,
    },
    Bif {
        module: "erlang",
        name: "whereis",
        arity: 1,
        f: whereis1,
    },
    Bif {
        module: "erlang",
        name: "registered",
        arity: 0,
        f: registered0,
    },
    Bif {
        module: "erlang",
        name: "processes",
        arity: 0,
        f: processes0,
    },
    Bif {
        module: "erlang",
        name: "put",
        arity: 2,
        f: put2,
    },
    Bif {
        module: "erlang",
        name: "get",
        arity: 1,
        f: get1,
    },
    Bif {
        module: "erlang",
        name: "get",
        arity: 0,
        f: get0,
    },
    Bif {
        module: "erlang",
        name: "get_keys",
        arity: 0,
        f: get_keys0,
    },
    Bif {
        module: "erlang",
        name: "get_keys",
        arity: 1,
        f: get_keys1,
    },
    Bif {
        module: "erlang",
        name: "erase",
        arity: 1,
        f: erase1,
    },
    Bif {
        module: "erlang",
        name: "erase",
        arity: 0,
        f: erase0,
    },
    Bif {
        module: "erlang",
        name: "function_exported",
        arity: 3,
        f: function_exported3,
    },
    Bif {
        module: "erlang",
        name: "module_loaded",
        arity: 1,
        f: module_loaded1,
    },
    Bif {
        module: "code",
        name: "ensure_loaded",
        arity: 1,
        f: ensure_loaded1,
    },
    Bif {
        module: "erlang",
        name: "get_module_info",
        arity: 1,
        f: get_module_info1,
    },
    Bif {
        module: "erlang",
        name: "get_module_info",
        arity: 2,
        f: get_module_info2,
    },
    Bif {
        module: "erlang",
        name: "make_fun",
        arity: 3,
        f: make_fun3,
    },
    Bif {
        module: "erlang",
        name: "fun_info",
        arity: 2,
        f: fun_info2,
    },
    Bif {
        module: "erlang",
        name: "fun_info_mfa",
        arity: 1,
        f: fun_info_mfa1,
    },
    Bif {
        module: "erlang",
        name: "monotonic_time",
        arity: 0,
        f: monotonic_time0,
    },
    Bif {
        module: "erlang",
        name: "time_offset",
        arity: 0,
        f: time_offset0,
    },
    Bif {
        module: "erlang",
        name: "time_offset",
        arity: 1,
        f: time_offset1,
    },
    Bif {
        module: "erlang",
        name: "monotonic_time",
        arity: 1,
        f: monotonic_time1,
    },
    Bif {
        module: "erlang",
        name: "system_time",
        arity: 0,
        f: system_time0,
    },
    Bif {
        module: "erlang",
        name: "system_time",
        arity: 1,
        f: system_time1,
    },
    Bif {
        module: "os",
        name: "system_time",
        arity: 0,
        f: system_time0,
    },
    Bif {
        module: "os",
        name: "system_time",
        arity: 1,
        f: system_time1,
    },
    Bif {
        module: "erlang",
        name: "timestamp",
        arity: 0,
        f: timestamp0,
    },
    Bif {
        module: "os",
        name: "timestamp",
        arity: 0,
        f: timestamp0,
    },
    Bif {
        module: "erlang",
        name: "unique_integer",
        arity: 0,
        f: unique_integer,
    },
    Bif {
        module: "erlang",
        name: "unique_integer",
        arity: 1,
        f: unique_integer,
    },
    Bif {
        module: "erlang",
        name: "convert_time_unit",
        arity: 3,
        f: convert_time_unit3,
    },
    Bif {
        module: "erlang",
        name: "statistics",
        arity: 1,
        f: statistics1,
    },
    Bif {
        module: "erlang",
        name: "system_info",
        arity: 1,
        f: system_info1,
    },
    Bif {
        module: "erlang",
        name: "process_info",
        arity: 2,
        f: process_info2,
    },
    Bif {
        module: "erlang",
        name: "process_info",
        arity: 1,
        f: process_info1,
    },
    Bif {
        module: "erlang",
        name: "display",
        arity: 1,
        f: display1,
    },
    Bif {
        module: "erlang",
        name: "nif_error",
        arity: 1,
        f: nif_error1,
    },
    Bif {
        module: "erlang",
        name: "nif_error",
        arity: 2,
        f: nif_error1,
    },
    Bif {
        module: "erlang",
        name: "load_nif",
        arity: 2,
        f: load_nif2,
    },
    Bif {
        module: "erlang",
        name: "garbage_collect",
        arity: 0,
        f: garbage_collect0,
    },
    Bif {
        module: "erlang",
        name: "yield",
        arity: 0,
        f: yield0,
    },
];
