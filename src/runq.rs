//! The run queue shared by all scheduler threads: one FIFO per priority,
//! OTP's order (max, then high, then normal with low interleaved: a low
//! process runs after 8 normal ones have been picked), plus the condition
//! variable idle schedulers sleep on.
//!
//! A pid is queued only on a transition to `Runnable` made under its
//! inbox lock, so it is never in the queue twice.

use std::collections::VecDeque;
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
    /// Scheduler threads currently sleeping here.
    pub idle: usize,
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

pub struct RunQueue {
    queues: Mutex<Queues>,
    cv: Condvar,
}

impl Default for RunQueue {
    fn default() -> Self {
        RunQueue {
            queues: Mutex::new(Queues::default()),
            cv: Condvar::new(),
        }
    }
}

impl RunQueue {
    pub fn lock(&self) -> MutexGuard<'_, Queues> {
        self.queues.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queue `pid`; wake a sleeping scheduler only if there is one (a
    /// notify is a futex system call even with no waiter).
    pub fn push(&self, pid: u64, prio: u8) {
        let mut g = self.lock();
        g.push(pid, prio);
        let sleeping = g.idle > 0;
        drop(g);
        if sleeping {
            self.cv.notify_one();
        }
    }

    pub fn pop(&self) -> Option<u64> {
        self.lock().pop()
    }

    /// Sleep until work arrives, `notify_all`, or `timeout`.
    pub fn wait<'a>(&self, g: MutexGuard<'a, Queues>, timeout: Duration) -> MutexGuard<'a, Queues> {
        match self.cv.wait_timeout(g, timeout) {
            Ok((g, _)) => g,
            Err(e) => e.into_inner().0,
        }
    }

    pub fn wake_all(&self) {
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
