//! Run queues: one per scheduler thread, each with a FIFO per priority in
//! OTP's order (max, then high, then normal with low interleaved: a low
//! process runs after 8 normal ones have been picked). A scheduler queues
//! the processes it makes runnable on its own queue and takes work from
//! it; when its queue is empty it steals the oldest process of another's;
//! with nothing anywhere it sleeps on one condition variable.
//!
//! A pid is queued only on a transition to `Runnable` made under its
//! inbox lock, so it is never in the queues twice.
//!
//! Sleeping without lost wake-ups: `queued` counts pids in all queues and
//! `idle` sleeping schedulers. A pusher increments `queued` and then reads
//! `idle`; a scheduler about to sleep increments `idle` (under the sleep
//! lock) and then reads `queued` (all `SeqCst`): at least one of the two
//! sees the other, so either the sleeper does not sleep or the pusher
//! takes the sleep lock and notifies after the sleeper waits.

use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

pub const MAX: u8 = 0;
pub const HIGH: u8 = 1;
pub const NORMAL: u8 = 2;
pub const LOW: u8 = 3;

#[derive(Default)]
pub struct Queues {
    q: [VecDeque<u64>; 4],
    normal_picks: u32,
}

impl Queues {
    pub fn push(&mut self, pid: u64, prio: u8) {
        self.q[(prio as usize).min(3)].push_back(pid);
    }

    pub fn pop(&mut self) -> Option<u64> {
        if let Some(p) = self.q[MAX as usize].pop_front() {
            return Some(p);
        }
        if let Some(p) = self.q[HIGH as usize].pop_front() {
            return Some(p);
        }
        let low_due = self.normal_picks >= 8 || self.q[NORMAL as usize].is_empty();
        if low_due {
            if let Some(p) = self.q[LOW as usize].pop_front() {
                self.normal_picks = 0;
                return Some(p);
            }
        }
        let p = self.q[NORMAL as usize].pop_front();
        if p.is_some() {
            self.normal_picks += 1;
        }
        p
    }

    pub fn len(&self) -> usize {
        self.q.iter().map(|q| q.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The most scheduler threads (and so run queues) a VM has.
pub const MAX_SCHEDULERS: usize = 1024;

thread_local! {
    /// The index of the scheduler this thread runs, if it is one.
    static SCHEDULER: Cell<Option<usize>> = const { Cell::new(None) };
}

pub struct RunQueue {
    queues: Box<[Mutex<Queues>]>,
    /// Per queue: its owner just re-queued the process it ran (out of
    /// reductions) and is about to pop again. Thieves leave such a queue
    /// alone, or a lone busy process would bounce between cores at every
    /// slice, taken by whichever idle scheduler spins fastest.
    held: Box<[AtomicBool]>,
    /// Queues in use (the number of scheduler threads of this run).
    active: AtomicUsize,
    queued: AtomicUsize,
    idle: AtomicUsize,
    /// Pushes from threads that are not schedulers spread round-robin.
    next: AtomicUsize,
    sleep: Mutex<()>,
    cv: Condvar,
}

impl Default for RunQueue {
    fn default() -> Self {
        RunQueue {
            queues: (0..MAX_SCHEDULERS)
                .map(|_| Mutex::new(Queues::default()))
                .collect(),
            held: (0..MAX_SCHEDULERS)
                .map(|_| AtomicBool::new(false))
                .collect(),
            active: AtomicUsize::new(1),
            queued: AtomicUsize::new(0),
            idle: AtomicUsize::new(0),
            next: AtomicUsize::new(0),
            sleep: Mutex::new(()),
            cv: Condvar::new(),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl RunQueue {
    /// Use `n` queues (called before the scheduler threads start; pids
    /// queued earlier stay in queue 0, where they are found or stolen).
    pub fn set_schedulers(&self, n: usize) {
        self.active
            .store(n.clamp(1, MAX_SCHEDULERS), Ordering::SeqCst);
    }

    /// Mark the calling thread as scheduler `i`.
    pub fn enter_scheduler(i: usize) {
        SCHEDULER.with(|s| s.set(Some(i)));
    }

    fn active(&self) -> usize {
        self.active.load(Ordering::Relaxed)
    }

    /// The queue the calling thread uses.
    fn home(&self) -> usize {
        let n = self.active();
        match SCHEDULER.with(|s| s.get()) {
            Some(i) if i < n => i,
            _ => self.next.fetch_add(1, Ordering::Relaxed) % n,
        }
    }

    /// Queue `pid` (on the calling scheduler's own queue); wake a sleeping
    /// scheduler only if there is one (a notify is a futex system call even
    /// with no waiter).
    pub fn push(&self, pid: u64, prio: u8) {
        lock(&self.queues[self.home()]).push(pid, prio);
        self.queued.fetch_add(1, Ordering::SeqCst);
        if self.idle.load(Ordering::SeqCst) > 0 {
            let _g = lock(&self.sleep);
            self.cv.notify_one();
        }
    }

    /// Re-queue the process the calling scheduler just ran (it used up its
    /// slice), holding the queue until this scheduler pops again.
    pub fn push_yielded(&self, pid: u64, prio: u8) {
        let Some(i) = SCHEDULER.with(|s| s.get()) else {
            return self.push(pid, prio);
        };
        // No wake-up: a sleeper could not take it (the queue is held); if
        // this scheduler pops something else first, `pop` wakes one.
        self.held[i].store(true, Ordering::Relaxed);
        lock(&self.queues[self.home()]).push(pid, prio);
        self.queued.fetch_add(1, Ordering::SeqCst);
    }

    /// The next pid for the calling scheduler: from its own queue, else
    /// stolen from the others (nearest first) that are not held.
    pub fn pop(&self) -> Option<u64> {
        let n = self.active();
        let home = self.home();
        self.held[home].store(false, Ordering::Relaxed);
        if self.queued.load(Ordering::SeqCst) == 0 {
            return None;
        }
        for k in 0..n {
            let i = (home + k) % n;
            if k > 0 && self.held[i].load(Ordering::Relaxed) {
                continue;
            }
            let mut q = lock(&self.queues[i]);
            if let Some(pid) = q.pop() {
                let more = !q.is_empty();
                drop(q);
                self.queued.fetch_sub(1, Ordering::SeqCst);
                // Our queue has more (it may have been held while another
                // scheduler went to sleep): let a sleeper come and steal.
                if more && k == 0 && self.idle.load(Ordering::SeqCst) > 0 {
                    let _g = lock(&self.sleep);
                    self.cv.notify_one();
                }
                return Some(pid);
            }
        }
        None
    }

    /// Whether the calling scheduler could pop something: a pid in its own
    /// queue or in one that is not held.
    pub fn has_work(&self) -> bool {
        if self.queued.load(Ordering::SeqCst) == 0 {
            return false;
        }
        let n = self.active();
        let home = self.home();
        (0..n).any(|i| {
            (i == home || !self.held[i].load(Ordering::Relaxed))
                && !lock(&self.queues[i]).is_empty()
        })
    }

    /// Sleep until work arrives, [`RunQueue::wake_all`], or `timeout`,
    /// unless there is work already. `all_idle` is called (under the sleep
    /// lock) when this scheduler would be the last one awake with nothing
    /// queued; if it returns true the scheduler does not sleep.
    pub fn sleep(&self, threads: usize, timeout: Duration, all_idle: impl FnOnce() -> bool) {
        let g = lock(&self.sleep);
        let idle = self.idle.fetch_add(1, Ordering::SeqCst) + 1;
        let all_idle = || self.queued.load(Ordering::SeqCst) == 0 && all_idle();
        if self.has_work() || (idle == threads && all_idle()) {
            self.idle.fetch_sub(1, Ordering::SeqCst);
            return;
        }
        let g = match self.cv.wait_timeout(g, timeout) {
            Ok((g, _)) => g,
            Err(e) => e.into_inner().0,
        };
        self.idle.fetch_sub(1, Ordering::SeqCst);
        drop(g);
    }

    pub fn wake_all(&self) {
        let _g = lock(&self.sleep);
        self.cv.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_order() {
        let mut q = Queues::default();
        for i in 0..10 {
            q.push(100 + i, NORMAL);
        }
        q.push(1, LOW);
        q.push(2, HIGH);
        q.push(3, MAX);
        assert_eq!(q.pop(), Some(3));
        assert_eq!(q.pop(), Some(2));
        let order: Vec<u64> = std::iter::from_fn(|| q.pop()).collect();
        // low runs after 8 normal picks
        assert_eq!(order[8], 1);
        assert_eq!(order.len(), 11);
    }
}
