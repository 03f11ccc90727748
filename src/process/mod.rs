//! Processes: the private state a process runs with ([`Process`]) and the
//! shared handle other processes use to reach it ([`Handle`]).
//!
//! A `Process` is owned by exactly one scheduler at a time and is never
//! touched by anyone else; everything another process may do to it (send a
//! message, a link or exit signal, a monitor) goes through its `Handle`'s
//! inbox, under a mutex, in send order. The process moves signals from the
//! inbox into its private `mailbox` when it looks for messages.

pub mod copy;
pub mod stack;
pub use stack::Stack;

use crate::heap::Heap;
use crate::term::{atom, Atom, Term};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicU8};
use std::sync::{Arc, Mutex};

/// A message: a term and, when it was copied from another process, the
/// heap fragment it lives in (merged into the main heap by the next GC).
pub struct Message {
    pub term: Term,
    pub frag: Option<Heap>,
}

// SAFETY: a Message owns its fragment; the term points only into that
// fragment or into immortal literal areas, so moving it between threads
// moves everything it refers to.
unsafe impl Send for Message {}

/// A signal from another process, in send order.
pub enum Signal {
    Message(Message),
    /// `from` linked to us.
    Link(u64),
    Unlink(u64),
    /// An exit signal from `from` (a linked process died, or `exit/2`).
    Exit {
        from: Term,
        reason: Message,
        linked: bool,
    },
    /// `from` monitors us under reference number `ref_id`.
    /// `name`: the registered name the monitor was set up by (the DOWN
    /// message then names `{Name, Node}` instead of the pid).
    Monitor {
        from: u64,
        ref_id: u64,
        name: Option<Atom>,
    },
    Demonitor {
        ref_id: u64,
    },
    /// The 'DOWN' message `msg` of our monitor `ref_id`: delivered as a
    /// message, and the monitor is gone once it is (as in OTP, so
    /// `demonitor(R, [info])` then answers false).
    Down {
        ref_id: u64,
        msg: Message,
    },
    /// A message sent through our alias `ref_id`: dropped unless the alias
    /// is still active when it arrives (a `reply` alias ends with it).
    Aliased {
        ref_id: u64,
        msg: Message,
    },
    /// `process_info(Us, Items)` from `from`: reply with
    /// [`Signal::InfoReply`] under `ref_id`.
    InfoRequest {
        from: u64,
        ref_id: u64,
        items: Message,
    },
    /// The answer to our `InfoRequest` `ref_id`.
    InfoReply {
        ref_id: u64,
        reply: Message,
    },
}

/// A BIF call waiting for a reply signal (`process_info/2` of another
/// process): its arguments are `saved_x`; it is called again when the
/// process next runs, and its result goes to `cp` (a body call) or is
/// returned (a tail call).
#[derive(Clone, Copy)]
pub struct BifWait {
    pub export: &'static crate::code::Export,
    pub arity: u32,
    pub cp: Option<Term>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RunState {
    /// In a run queue or about to be.
    Runnable,
    /// On a scheduler thread right now.
    Running,
    /// Suspended in `wait`/`wait_timeout`: a new signal makes it runnable.
    Waiting,
    Exited,
}

pub struct Inbox {
    pub signals: Vec<Signal>,
    pub state: RunState,
}

/// The shared part of a process.
pub struct Handle {
    pub pid: u64,
    pub inbox: Mutex<Inbox>,
    /// Run-queue priority (`runq::MAX..LOW`), readable by whoever wakes it.
    pub priority: AtomicU8,
    /// Sequence number of the last receive timer that fired for it.
    pub fired_timer: AtomicU64,
}

impl Handle {
    pub fn new(pid: u64) -> Handle {
        Handle {
            pid,
            inbox: Mutex::new(Inbox {
                signals: Vec::new(),
                state: RunState::Runnable,
            }),
            priority: AtomicU8::new(crate::runq::NORMAL),
            fired_timer: AtomicU64::new(0),
        }
    }
}

/// Priority levels, as OTP orders them.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Priority {
    Max,
    High,
    Normal,
    Low,
}

pub struct Process {
    pub pid: u64,
    pub handle: Arc<Handle>,
    pub heap: Heap,
    /// Stack frames: `[CP, y(N-1) .. y(0)]` per frame, top at the end.
    pub stack: Stack,
    /// Received messages not yet removed, in arrival order.
    pub mailbox: VecDeque<Message>,
    /// Receive save pointer: index into `mailbox` of the next message
    /// `loop_rec` looks at.
    pub save: usize,
    pub dict: Vec<(Term, Term)>,
    pub group_leader: Term,
    pub trap_exit: bool,
    pub priority: Priority,
    pub links: Vec<u64>,
    /// Monitors we hold on others: (ref number, target pid, the name it
    /// was set up by).
    pub monitors: Vec<(u64, u64, Option<Atom>)>,
    /// Monitors others hold on us: (ref number, watcher pid, name used).
    pub monitored_by: Vec<(u64, u64, Option<Atom>)>,
    pub initial_call: (Atom, Atom, u32),
    pub reductions: u64,
    /// Where to resume: (module index, ip).
    pub resume: (u16, u32),
    /// Live x registers saved while switched out.
    pub saved_x: Vec<Term>,
    /// The pending receive timer's sequence number (0 = none).
    pub timer: u64,
    /// Exit reason once the process is exiting.
    pub exit_reason: Term,
    /// Active catch/try tags (informational).
    pub catches: u32,
    /// Collections so far (`process_info(P, garbage_collection)`).
    pub gc_count: u64,
    /// Non-message signals taken from the inbox, handled by the scheduler.
    pub pending: Vec<Signal>,
    /// Pre-OTP-25 construction: the binary being filled and the bit
    /// position of the next `bs_put_*` (a GC root).
    pub bs_cur: Term,
    pub bs_pos: u64,
    /// Words that survived the last collection (sizes the next to-space).
    pub last_live: usize,
    /// An old-generation region kept for reuse by the next major collection.
    pub(crate) gc_spare: Option<crate::heap::Region>,
    /// Receive markers (`recv_marker_*`): where the mailbox ended when a
    /// reference was about to be made, so a receive matching that
    /// reference skips the older messages (none can contain it).
    pub recv_markers: Vec<RecvMarker>,
    /// The `max_heap_size` process flag.
    pub max_heap: MaxHeap,
    /// While a BIF called as a function runs: the return address of that
    /// call (the caller's current frame), else NIL. Read by
    /// `process_info(self(), current_stacktrace)`.
    pub bif_cp: Term,
    /// A BIF call suspended until a reply arrives (see [`BifWait`]).
    pub bif_wait: Option<BifWait>,
    /// Our outstanding `process_info` request (0: none) and its reply
    /// once it has arrived.
    pub info_request: u64,
    pub info_reply: Option<Message>,
    /// Suspended in a receive (for `process_info(P, status)` of us).
    pub waiting: bool,
    /// In `erlang:hibernate/3`: only a message wakes it (other signals
    /// are handled and it sleeps on).
    pub hibernated: bool,
}

/// The `max_heap_size` process flag: past `size` words of heap plus stack
/// (0: no limit) the process is reported (`log`) and/or killed (`kill`,
/// exit reason `killed`), checked after each collection as OTP does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxHeap {
    pub size: usize,
    pub kill: bool,
    pub log: bool,
    /// Already reported (a process that is not killed is reported once).
    pub reported: bool,
}

impl MaxHeap {
    /// OTP's default: `#{size => 0, kill => true, error_logger => true}`.
    pub const DEFAULT: MaxHeap = MaxHeap {
        size: 0,
        kill: true,
        log: true,
        reported: false,
    };
}

/// One receive marker: made by `recv_marker_reserve` (identified by the
/// id of the reference it returned), then bound to the id of the real
/// reference by `recv_marker_bind`. `pos` is a mailbox index, kept in step
/// when messages before it are removed.
#[derive(Clone, Copy, Debug)]
pub struct RecvMarker {
    pub marker: u64,
    pub bound: Option<u64>,
    pub pos: usize,
}

/// At most this many markers per process; reserving another forgets the
/// oldest (which only costs that receive its shortcut).
pub const MAX_RECV_MARKERS: usize = 8;

// SAFETY: a Process is owned by one scheduler thread at a time; its heap's
// raw pointers point only into its own chunks, its message fragments, and
// immortal literal areas, all of which move with it.
unsafe impl Send for Process {}

impl Process {
    pub fn new(pid: u64, group_leader: Term) -> Process {
        Process {
            pid,
            handle: Arc::new(Handle::new(pid)),
            heap: Heap::new(crate::heap::MIN_CHUNK),
            stack: Stack::with_capacity(8),
            mailbox: VecDeque::new(),
            save: 0,
            dict: Vec::new(),
            group_leader,
            trap_exit: false,
            priority: Priority::Normal,
            links: Vec::new(),
            monitors: Vec::new(),
            monitored_by: Vec::new(),
            initial_call: (atom::UNDEFINED, atom::UNDEFINED, 0),
            reductions: 0,
            resume: (0, 0),
            saved_x: Vec::new(),
            timer: 0,
            exit_reason: Term::atom(atom::NORMAL),
            catches: 0,
            gc_count: 0,
            pending: Vec::new(),
            bs_cur: Term::NIL,
            bs_pos: 0,
            last_live: 0,
            gc_spare: None,
            recv_markers: Vec::new(),
            max_heap: MaxHeap::DEFAULT,
            bif_cp: Term::NIL,
            bif_wait: None,
            info_request: 0,
            info_reply: None,
            waiting: false,
            hibernated: false,
        }
    }

    pub fn self_term(&self) -> Term {
        Term::pid(self.pid)
    }

    /// Remove the mailbox message at `i`, keeping receive markers after it
    /// pointing at the same messages.
    /// A signal that puts a message in the mailbox: queue it.
    /// A 'DOWN' also ends its monitor.
    pub fn deliver(&mut self, s: Signal) {
        match s {
            Signal::Message(m) => self.mailbox.push_back(m),
            Signal::Down { ref_id, msg } => {
                // (dropped if we demonitored meanwhile, as in OTP)
                if let Some(i) = self.monitors.iter().position(|&(r, _, _)| r == ref_id) {
                    self.monitors.remove(i);
                    crate::bif::timers::monitor_ended(ref_id, self.pid);
                    self.mailbox.push_back(msg);
                }
            }
            Signal::Aliased { ref_id, msg } => {
                let (active, demonitor) = crate::bif::timers::alias_received(ref_id, self.pid);
                if demonitor {
                    self.end_monitor(ref_id);
                }
                if active {
                    self.mailbox.push_back(msg);
                }
            }
            other => self.pending.push(other),
        }
    }

    /// Drop our monitor `ref_id` (if we still hold it) and tell its target;
    /// true if we held it.
    pub fn end_monitor(&mut self, ref_id: u64) -> bool {
        let Some(i) = self.monitors.iter().position(|&(r, _, _)| r == ref_id) else {
            return false;
        };
        let (_, target, _) = self.monitors.remove(i);
        crate::vm::send_signal(target, Signal::Demonitor { ref_id });
        true
    }

    pub fn remove_message(&mut self, i: usize) -> Option<Message> {
        let m = self.mailbox.remove(i)?;
        for r in self.recv_markers.iter_mut() {
            if r.pos > i {
                r.pos -= 1;
            }
        }
        Some(m)
    }
}
