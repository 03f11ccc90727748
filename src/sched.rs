//! The scheduler: picks runnable processes, runs them for a slice, parks
//! them, fires receive timers, and handles process exit (links, monitors,
//! registered names). Runs on the calling thread until the entry process
//! finishes or `halt/1` is called.
//!
//! This is a single scheduler; the design (parked table + run queue +
//! per-process inbox under a mutex) is what several pinned schedulers with
//! work stealing will share (issue: concurrency and OTP).

use crate::bif::Class;
use crate::interp::{self, Outcome, Regs};
use crate::process::{Message, Process, RunState, Signal};
use crate::term::{atom, Term};
use crate::vm::{self, vm};
use std::sync::MutexGuard;
use std::time::Instant;

fn lock<T>(m: &std::sync::Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// How the VM run ended.
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

/// Run until `main` ends. `report` is called once with the crashed main
/// process's (class, reason, trace) to start a crash reporter process; it
/// returns that process's pid, or None to end at once.
pub fn run(main: u64, report: &dyn Fn(&mut Process, Class, Term, Term) -> Option<u64>) -> End {
    let mut regs = Regs::default();
    let mut reporter: Option<u64> = None;
    loop {
        fire_timers();
        let next = lock(&vm().run_queue).pop_front();
        let Some(pid) = next else {
            if !wait_for_timer() {
                return if reporter.is_some() {
                    End::Crashed
                } else {
                    End::Deadlock
                };
            }
            continue;
        };
        let Some(mut p) = lock(&vm().parked).remove(&pid) else {
            continue;
        };
        {
            let mut inbox = lock(&p.handle.inbox);
            if inbox.state == RunState::Exited {
                continue;
            }
            inbox.state = RunState::Running;
        }
        vm::drain_inbox(&mut p);
        if let Some(reason) = handle_signals(&mut p) {
            exit_process(p, reason);
            if pid == main {
                return End::Crashed;
            }
            continue;
        }
        let outcome = interp::run(&mut p, &mut regs, interp::SLICE);
        match outcome {
            Outcome::Yield => {
                lock(&p.handle.inbox).state = RunState::Runnable;
                lock(&vm().parked).insert(pid, p);
                lock(&vm().run_queue).push_back(pid);
            }
            Outcome::Wait => {
                let runnable = {
                    let mut inbox = lock(&p.handle.inbox);
                    if inbox.signals.is_empty() && p.pending.is_empty() {
                        inbox.state = RunState::Waiting;
                        false
                    } else {
                        inbox.state = RunState::Runnable;
                        true
                    }
                };
                lock(&vm().parked).insert(pid, p);
                if runnable {
                    lock(&vm().run_queue).push_back(pid);
                }
            }
            Outcome::Halt(n) => return End::Halt(n),
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
                if pid == main {
                    if normal {
                        return End::Normal;
                    }
                    match report(&mut p, class, reason, trace) {
                        Some(r) => reporter = Some(r),
                        None => return End::Crashed,
                    }
                    let er = exit_reason(&mut p, class, reason, trace);
                    exit_process(p, er);
                    continue;
                }
                if Some(pid) == reporter {
                    return End::Crashed;
                }
                let er = exit_reason(&mut p, class, reason, trace);
                exit_process(p, er);
            }
        }
    }
}

/// Fire every expired receive timer.
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
        let mut parked = lock(&vm().parked);
        if let Some(p) = parked.get_mut(&pid) {
            if p.timer == seq {
                p.timed_out = true;
                let mut inbox = lock(&p.handle.inbox);
                if inbox.state == RunState::Waiting {
                    inbox.state = RunState::Runnable;
                    lock(&vm().run_queue).push_back(pid);
                }
            }
        }
    }
}

/// Nothing is runnable: sleep until the next timer. False if there is none
/// (every process waits forever).
fn wait_for_timer() -> bool {
    vm::flush_stdout();
    let next = lock(&vm().timers)
        .peek()
        .map(|std::cmp::Reverse((at, _, _))| *at);
    match next {
        Some(at) => {
            let now = Instant::now();
            if at > now {
                std::thread::sleep(at - now);
            }
            true
        }
        None => false,
    }
}

/// Handle non-message signals; returns an exit reason if one kills `p`.
fn handle_signals(p: &mut Process) -> Option<Term> {
    let pending = std::mem::take(&mut p.pending);
    let mut dies = None;
    for s in pending {
        match s {
            Signal::Message(m) => p.mailbox.push_back(m),
            Signal::Link(from) => {
                if !p.links.contains(&from) {
                    p.links.push(from);
                }
            }
            Signal::Unlink(from) => p.links.retain(|&l| l != from),
            Signal::Monitor { from, ref_id, name } => p.monitored_by.push((ref_id, from, name)),
            Signal::Demonitor { ref_id } => p.monitored_by.retain(|&(r, _, _)| r != ref_id),
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
            _ => {}
        }
    }
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
        vm::send_signal(watcher, Signal::Message(vm::make_message(down)));
    }
    for &(ref_id, target) in &p.monitors {
        vm::send_signal(target, Signal::Demonitor { ref_id });
    }
    if let Some(name) = p.registered_name {
        lock(&vm().registry).remove(&name);
    }
    lock(&vm().handles).remove(&pid);
}
