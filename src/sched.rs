//! Schedulers: N threads (one per core by default, each pinned with
//! `core_affinity`) that take runnable processes from their run queues
//! (`runq`: own queue first, then stealing), run each for a slice of
//! reductions, and park it again; fire
//! receive and message timers; sleep on the run queue's condition variable
//! when idle; and handle process exit (links, monitors, names).
//!
//! Invariants: a process is either running on exactly one scheduler or
//! parked in `vm().parked`; it is put back in `parked` *before* it can be
//! queued again, and queued only on a transition to `Runnable` made under
//! its inbox lock (so a popped pid is always found, and never queued twice).

use crate::bif::Class;
use crate::interp::{self, Outcome, Regs};
use crate::process::{Message, Process, RunState, Signal};
use crate::term::{atom, Term};
use crate::vm::{self, vm};
use std::sync::atomic::Ordering;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// How the VM run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The entry function returned.
    Normal,
    /// `halt(N)`.
    Halt(i32),
    /// The entry process died with (class, reason, stack trace); the report
    /// was printed by the crash reporter (or a fallback).
    Crashed,
    /// Every process waits forever.
    Deadlock,
}

/// The exit reason term of an uncaught exception.
pub fn exit_reason(p: &mut Process, class: Class, reason: Term, trace: Term) -> Term {
    match class {
        Class::Exit | Class::Halt => reason,
        Class::Error => p.heap.tuple(&[reason, trace]),
        Class::Throw => {
            let nc = p.heap.tuple(&[Term::atom(atom::NOCATCH), reason]);
            p.heap.tuple(&[nc, trace])
        }
    }
}

/// Starts the crash reporter for the entry process: gets the dying process
/// and (class, reason, trace); returns the reporter's pid.
pub type Reporter = dyn Fn(&mut Process, Class, Term, Term) -> Option<u64> + Sync;

struct Run<'a> {
    main: u64,
    threads: usize,
    report: &'a Reporter,
    reporter: Mutex<Option<u64>>,
    end: Mutex<Option<End>>,
}

impl Run<'_> {
    fn stop(&self, e: End) {
        let mut end = lock(&self.end);
        if end.is_none() {
            *end = Some(e);
        }
        drop(end);
        vm().runq.wake_all();
    }
    fn stopped(&self) -> bool {
        lock(&self.end).is_some()
    }
}

/// Run until `main` ends, on `threads` scheduler threads.
pub fn run(main: u64, threads: usize, report: &Reporter) -> End {
    let threads = threads.max(1);
    let run = Run {
        main,
        threads,
        report,
        reporter: Mutex::new(None),
        end: Mutex::new(None),
    };
    let cores = core_affinity::get_core_ids().unwrap_or_default();
    vm().runq.set_schedulers(threads);
    std::thread::scope(|s| {
        for i in 0..threads {
            let run = &run;
            let core = if threads <= cores.len() {
                cores.get(i).copied()
            } else {
                None
            };
            let spawned = std::thread::Builder::new()
                .name(format!("beamz-sched-{i}"))
                .spawn_scoped(s, move || {
                    crate::runq::RunQueue::enter_scheduler(i);
                    if let Some(c) = core {
                        core_affinity::set_for_current(c);
                    }
                    scheduler_loop(run)
                });
            if spawned.is_err() {
                run.stop(End::Deadlock);
            }
        }
    });
    let end = *lock(&run.end);
    end.unwrap_or(End::Deadlock)
}

fn scheduler_loop(run: &Run<'_>) {
    let mut regs = Regs::default();
    while !run.stopped() {
        fire_timers();
        match vm().runq.pop() {
            Some(pid) => run_one(run, pid, &mut regs),
            None => idle(run),
        }
    }
}

/// Nothing to run: sleep until work, the next timer, or the end. When
/// every scheduler is idle and no timer is pending, nothing can ever run
/// again: the program is deadlocked (or the crash report is done).
fn idle(run: &Run<'_>) {
    // Spin briefly first: in message ping-pong the partner's reply usually
    // arrives within microseconds, far sooner than a sleep/wake round trip.
    for _ in 0..200 {
        if vm().runq.has_work() || run.stopped() {
            return;
        }
        std::hint::spin_loop();
    }
    vm::flush_stdout();
    let next = lock(&vm().timers)
        .peek()
        .map(|std::cmp::Reverse((at, _, _))| *at);
    if run.stopped() {
        return;
    }
    let timeout = match next {
        Some(at) => at.saturating_duration_since(Instant::now()),
        None => Duration::from_millis(100),
    };
    vm().runq
        .sleep(run.threads, timeout.min(Duration::from_millis(100)), || {
            if next.is_some() {
                return false;
            }
            let crashed = lock(&run.reporter).is_some();
            let mut end = lock(&run.end);
            if end.is_none() {
                *end = Some(if crashed { End::Crashed } else { End::Deadlock });
            }
            true
        });
    if run.stopped() {
        vm().runq.wake_all();
    }
}

/// Run one process for a slice and put it where it belongs.
fn run_one(run: &Run<'_>, pid: u64, regs: &mut Regs) {
    let Some(mut p) = lock(&vm().parked).remove(&pid) else {
        return;
    };
    {
        let mut inbox = lock(&p.handle.inbox);
        if inbox.state == RunState::Exited {
            return;
        }
        inbox.state = RunState::Running;
    }
    vm::drain_inbox(&mut p);
    if let Some(reason) = handle_signals(&mut p) {
        exit_process(p, reason);
        if pid == run.main {
            run.stop(End::Crashed);
        }
        return;
    }
    // a hibernated process sleeps on until a message comes
    let outcome = if p.hibernated && p.mailbox.is_empty() {
        Outcome::Wait
    } else {
        p.hibernated = false;
        crate::tier::run(&mut p, regs, interp::SLICE)
    };
    p.waiting = matches!(outcome, Outcome::Wait);
    match outcome {
        // (`Stepped`/`Enter` stay inside `tier::run`; never seen here.)
        Outcome::Yield | Outcome::Stepped | Outcome::Enter => {
            debug_assert!(matches!(outcome, Outcome::Yield));
            let h = p.handle.clone();
            let prio = h.priority.load(Ordering::Relaxed);
            lock(&h.inbox).state = RunState::Runnable;
            lock(&vm().parked).insert(pid, p);
            vm().runq.push_yielded(pid, prio);
        }
        Outcome::Wait => {
            let h = p.handle.clone();
            let has_pending = !p.pending.is_empty();
            let timer = p.timer;
            lock(&vm().parked).insert(pid, p);
            let mut inbox = lock(&h.inbox);
            let fired = timer != 0 && h.fired_timer.load(Ordering::Acquire) == timer;
            if inbox.signals.is_empty() && !has_pending && !fired {
                inbox.state = RunState::Waiting;
            } else {
                inbox.state = RunState::Runnable;
                drop(inbox);
                vm().runq.push(pid, h.priority.load(Ordering::Relaxed));
            }
        }
        Outcome::Halt(n) => run.stop(End::Halt(n)),
        Outcome::Exit {
            class,
            reason,
            trace,
        } => {
            let normal = class == Class::Exit && reason == Term::atom(atom::NORMAL);
            if vm().debug && !normal {
                eprintln!(
                    "beamz: process <0.{}.0> exited: {:?} {} {}",
                    pid,
                    class,
                    crate::term::display::format(reason),
                    crate::term::display::format(trace)
                );
            }
            if pid == run.main {
                if normal {
                    run.stop(End::Normal);
                    return;
                }
                match (run.report)(&mut p, class, reason, trace) {
                    Some(r) => *lock(&run.reporter) = Some(r),
                    None => run.stop(End::Crashed),
                }
                let er = exit_reason(&mut p, class, reason, trace);
                exit_process(p, er);
                return;
            }
            if Some(pid) == *lock(&run.reporter) {
                run.stop(End::Crashed);
                return;
            }
            let er = exit_reason(&mut p, class, reason, trace);
            if matches!(class, Class::Error | Class::Throw) {
                error_report(&mut p, er);
            }
            exit_process(p, er);
        }
    }
}

/// Log a crashed process as OTP's logger does (an `=ERROR REPORT====`
/// block on stdout): the group leader formats and prints reports in the
/// order they arrive.
fn error_report(p: &mut Process, reason: Term) {
    let Some(gl) = vm::whereis(atom::USER) else {
        return;
    };
    let tag = Term::atom(atom::intern_static("$beamz_error_report"));
    let me = p.self_term();
    let msg = p.heap.tuple(&[tag, me, reason]);
    vm::send_signal(gl, Signal::Message(vm::make_message(msg)));
}

/// Report a process past its `max_heap_size` as OTP's logger does (an
/// `=ERROR REPORT====` block on stdout, printed by the group leader).
pub(crate) fn max_heap_report(p: &mut Process, total: usize) {
    let Some(gl) = vm::whereis(atom::USER) else {
        return;
    };
    let tag = Term::atom(atom::intern_static("$beamz_max_heap_report"));
    let me = p.self_term();
    let mh = p.max_heap;
    let words = |n: usize| Term::try_small(n as i64).unwrap_or(Term::small(0));
    let heap = Term::atom(atom::HEAP_SIZE);
    let stack = Term::atom(atom::STACK_SIZE);
    let hs = p.heap.tuple(&[heap, words(p.heap.used())]);
    let ss = p.heap.tuple(&[stack, words(p.stack.len())]);
    let info = p.heap.list(&[hs, ss]);
    let msg = p.heap.tuple(&[
        tag,
        me,
        words(mh.size),
        words(total),
        Term::bool(mh.kill),
        Term::bool(mh.log),
        words(p.mailbox.len()),
        info,
    ]);
    vm::send_signal(gl, Signal::Message(vm::make_message(msg)));
}

/// Report that a spawn failed because the process table is full ("Too
/// many processes", as OTP's emulator logs it).
pub(crate) fn too_many_processes_report() {
    let Some(gl) = vm::whereis(atom::USER) else {
        return;
    };
    let tag = Term::atom(atom::intern_static("$beamz_too_many_processes"));
    vm::send_signal(gl, Signal::Message(vm::make_message(tag)));
}

/// Fire every expired timer: message timers deliver their message;
/// receive timers mark the process's handle and wake it if it waits.
fn fire_timers() {
    let now = Instant::now();
    loop {
        let due = {
            let mut t = lock(&vm().timers);
            match t.peek() {
                Some(std::cmp::Reverse((at, _, _))) if *at <= now => t.pop(),
                _ => None,
            }
        };
        let Some(std::cmp::Reverse((_, seq, pid))) = due else {
            return;
        };
        if pid == u64::MAX {
            crate::bif::timers::fire(seq);
            continue;
        }
        if let Some(h) = vm::handle_of(pid) {
            h.fired_timer.store(seq, Ordering::Release);
            let mut inbox = lock(&h.inbox);
            if inbox.state == RunState::Waiting {
                inbox.state = RunState::Runnable;
                drop(inbox);
                vm().runq.push(pid, h.priority.load(Ordering::Relaxed));
            }
        }
    }
}

/// Handle non-message signals; returns an exit reason if one kills `p`.
fn handle_signals(p: &mut Process) -> Option<Term> {
    let pending = std::mem::take(&mut p.pending);
    let mut dies = None;
    for s in pending {
        match s {
            s @ (Signal::Message(_) | Signal::Down { .. } | Signal::Aliased { .. }) => p.deliver(s),
            Signal::Link(from) => {
                if !p.links.contains(&from) {
                    p.links.push(from);
                }
            }
            Signal::Unlink(from) => p.links.retain(|&l| l != from),
            Signal::Monitor { from, ref_id, name } => p.monitored_by.push((ref_id, from, name)),
            Signal::Demonitor { ref_id } => p.monitored_by.retain(|&(r, _, _)| r != ref_id),
            Signal::InfoRequest {
                from,
                ref_id,
                items,
            } => {
                if let Some(f) = items.frag {
                    p.heap.adopt(f);
                }
                // (behind a signal that kills us: the answer of the dead)
                let reply = if dies.is_some() {
                    Term::atom(atom::UNDEFINED)
                } else {
                    crate::bif::process::info_for(p, items.term)
                };
                vm::send_signal(
                    from,
                    Signal::InfoReply {
                        ref_id,
                        reply: vm::make_message(reply),
                    },
                );
            }
            Signal::InfoReply { ref_id, reply } => {
                if ref_id == p.info_request {
                    p.info_reply = Some(reply);
                }
            }
            Signal::Exit {
                from,
                reason,
                linked,
            } => {
                if dies.is_some() {
                    continue;
                }
                if linked {
                    if !from.is_pid() || !p.links.contains(&from.pid_value()) {
                        continue;
                    }
                    p.links.retain(|&l| l != from.pid_value());
                }
                let r = reason.term;
                if let Some(f) = reason.frag {
                    p.heap.adopt(f);
                }
                if !linked && r == Term::atom(atom::KILL) {
                    dies = Some(Term::atom(atom::KILLED));
                } else if p.trap_exit {
                    let m = p.heap.tuple(&[Term::atom(atom::EXIT_UPPER), from, r]);
                    p.mailbox.push_back(Message {
                        term: m,
                        frag: None,
                    });
                } else if r != Term::atom(atom::NORMAL) || (!linked && from == p.self_term()) {
                    dies = Some(r);
                }
            }
        }
    }
    dies
}

/// A process is gone: tell links and monitors, drop its name and handle.
pub fn exit_process(mut p: Box<Process>, reason: Term) {
    let pid = p.pid;
    let leftover = {
        let mut inbox = lock(&p.handle.inbox);
        inbox.state = RunState::Exited;
        std::mem::take(&mut inbox.signals)
    };
    for s in leftover.into_iter().chain(std::mem::take(&mut p.pending)) {
        match s {
            Signal::Monitor { from, ref_id, name } => p.monitored_by.push((ref_id, from, name)),
            Signal::Link(from) if !p.links.contains(&from) => p.links.push(from),
            Signal::Demonitor { ref_id } => p.monitored_by.retain(|&(r, _, _)| r != ref_id),
            // asked as it died: the answer for a dead process
            Signal::InfoRequest { from, ref_id, .. } => {
                vm::send_signal(
                    from,
                    Signal::InfoReply {
                        ref_id,
                        reply: vm::make_message(Term::atom(atom::UNDEFINED)),
                    },
                );
            }
            _ => {}
        }
    }
    // Gone from the name registry and the process table before anyone can
    // see an exit signal or 'DOWN' (as OTP): a watcher on another
    // scheduler may call whereis/is_process_alive the moment it arrives.
    lock(&vm().registry).retain(|_, &mut v| v != pid);
    lock(&vm().handles).remove(&pid);
    // ETS first, as OTP: an heir gets 'ETS-TRANSFER' before any DOWN/EXIT.
    crate::bif::ets::on_process_exit(pid);
    let self_t = p.self_term();
    for &l in &p.links {
        vm::send_signal(
            l,
            Signal::Exit {
                from: self_t,
                reason: vm::make_message(reason),
                linked: true,
            },
        );
    }
    let watchers = p.monitored_by.clone();
    for (ref_id, watcher, name) in watchers {
        let r = p.heap.reference(ref_id);
        let obj = match name {
            Some(n) => p.heap.tuple(&[Term::atom(n), Term::atom(atom::NONODE)]),
            None => self_t,
        };
        let down = p.heap.tuple(&[
            Term::atom(atom::DOWN),
            r,
            Term::atom(atom::PROCESS),
            obj,
            reason,
        ]);
        vm::send_signal(
            watcher,
            Signal::Down {
                ref_id,
                msg: vm::make_message(down),
            },
        );
    }
    for &(ref_id, target, _) in &p.monitors {
        vm::send_signal(target, Signal::Demonitor { ref_id });
    }
}
