//! The VM instance: process table, run queue, registered names, timers,
//! code path and module loading, stdout. One per OS process (a global), so
//! BIFs and the interpreter reach it without threading a context through.
//!
//! What other processes may do to a process goes through its `Handle` (see
//! `process`); this module owns those signal operations: `send`,
//! `send_signal`, `drain_inbox`, and waking a waiting process.

use crate::bif::Exc;
use crate::code;
use crate::heap::Heap;
use crate::process::copy::{copy_term, size_of};
use crate::process::{Handle, Message, Process, RunState, Signal};
use crate::term::{atom, Atom, Term};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

pub struct Vm {
    pub handles: Mutex<HashMap<u64, Arc<Handle>>>,
    /// Processes not running right now, by pid.
    pub parked: Mutex<HashMap<u64, Box<Process>>>,
    pub runq: crate::runq::RunQueue,
    pub registry: Mutex<HashMap<Atom, u64>>,
    pub timers: Mutex<BinaryHeap<Reverse<(Instant, u64, u64)>>>,
    pub code_path: Mutex<Vec<PathBuf>>,
    /// The OTP installation the libraries come from (`code:root_dir/0`).
    pub otp_root: Mutex<Option<PathBuf>>,
    pub stdout: Mutex<std::io::BufWriter<std::io::Stdout>>,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    next_timer: AtomicU64,
    pub start: Instant,
    /// Index of the bootstrap module (spawn entry code).
    pub boot_module: Mutex<u16>,
    pub group_leader: Mutex<Term>,
    pub debug: bool,
    /// Print load errors for modules autoloaded from the code path.
    pub load_errors: Mutex<Vec<String>>,
}

pub fn vm() -> &'static Vm {
    static VM: OnceLock<Vm> = OnceLock::new();
    VM.get_or_init(|| Vm {
        handles: Mutex::new(HashMap::new()),
        parked: Mutex::new(HashMap::new()),
        runq: crate::runq::RunQueue::default(),
        registry: Mutex::new(HashMap::new()),
        timers: Mutex::new(BinaryHeap::new()),
        code_path: Mutex::new(Vec::new()),
        otp_root: Mutex::new(None),
        stdout: Mutex::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        )),
        next_pid: AtomicU64::new(0),
        next_ref: AtomicU64::new(1),
        next_timer: AtomicU64::new(1),
        start: Instant::now(),
        boot_module: Mutex::new(0),
        group_leader: Mutex::new(Term::NIL),
        debug: std::env::var_os("BEAMZ_DEBUG").is_some(),
        load_errors: Mutex::new(Vec::new()),
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn next_pid() -> u64 {
    vm().next_pid.fetch_add(1, Ordering::Relaxed)
}

pub fn new_ref_id() -> u64 {
    vm().next_ref.fetch_add(1, Ordering::Relaxed)
}

pub fn make_ref(p: &mut Process) -> Term {
    let id = new_ref_id();
    p.heap.reference(id)
}

pub fn flush_stdout() {
    let _ = lock(&vm().stdout).flush();
}

pub fn write_stdout(bytes: &[u8]) {
    let _ = lock(&vm().stdout).write_all(bytes);
}

// ---- processes ---------------------------------------------------------------

/// Make `p` known and runnable.
/// The most processes that may exist at once (erl's `+P`).
static PROCESS_LIMIT: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(DEFAULT_PROCESS_LIMIT);
/// erl's default process limit.
pub const DEFAULT_PROCESS_LIMIT: usize = 262_144;
/// erl accepts `+P` in 1024..=134217727 and rounds up to a power of two.
pub const PROCESS_LIMIT_RANGE: std::ops::RangeInclusive<usize> = 1024..=134_217_727;

/// Set the process limit as `erl +P n` does (`n` in [`PROCESS_LIMIT_RANGE`],
/// rounded up to a power of two).
pub fn set_process_limit(n: usize) {
    let n = n.clamp(*PROCESS_LIMIT_RANGE.start(), *PROCESS_LIMIT_RANGE.end());
    PROCESS_LIMIT.store(n.next_power_of_two(), Ordering::Relaxed);
}

pub fn process_limit() -> usize {
    PROCESS_LIMIT.load(Ordering::Relaxed)
}

/// Processes that exist now (running, waiting or being torn down).
pub fn process_count() -> usize {
    lock(&vm().handles).len()
}

pub fn add_process(p: Box<Process>) {
    let pid = p.pid;
    let prio = p.handle.priority.load(Ordering::Relaxed);
    lock(&vm().handles).insert(pid, p.handle.clone());
    lock(&vm().parked).insert(pid, p);
    vm().runq.push(pid, prio);
}

pub fn handle_of(pid: u64) -> Option<Arc<Handle>> {
    lock(&vm().handles).get(&pid).cloned()
}

pub fn whereis(name: Atom) -> Option<u64> {
    lock(&vm().registry).get(&name).copied()
}

/// The name `pid` is registered under. The registry is the only record:
/// `register/2` of a process running on another scheduler cannot reach
/// that process's own state.
pub fn registered_name(pid: u64) -> Option<Atom> {
    lock(&vm().registry)
        .iter()
        .find(|&(_, &v)| v == pid)
        .map(|(&n, _)| n)
}

/// Mark a handle runnable if it was waiting, and queue it.
fn wake(h: &Handle, inbox_state: &mut RunState) {
    if *inbox_state == RunState::Waiting {
        *inbox_state = RunState::Runnable;
        vm().runq.push(h.pid, h.priority.load(Ordering::Relaxed));
    }
}

/// Deliver a signal to `pid`. Returns false if the process does not exist.
pub fn send_signal(pid: u64, sig: Signal) -> bool {
    let Some(h) = handle_of(pid) else {
        return false;
    };
    let mut inbox = lock(&h.inbox);
    if inbox.state == RunState::Exited {
        return false;
    }
    inbox.signals.push(sig);
    let mut st = inbox.state;
    wake(&h, &mut st);
    inbox.state = st;
    true
}

/// A message copied into a fresh fragment.
pub fn make_message(t: Term) -> Message {
    let n = size_of(t);
    if n == 0 {
        return Message {
            term: t,
            frag: None,
        };
    }
    let mut h = Heap::fragment(n);
    let c = copy_term(t, &mut h);
    Message {
        term: c,
        frag: Some(h),
    }
}

/// Resolve a send destination to a pid.
pub fn resolve_dest(to: Term) -> Result<Option<u64>, Exc> {
    if to.is_pid() {
        return Ok(Some(to.pid_value()));
    }
    if to.is_atom() {
        return match whereis(to.atom_value()) {
            Some(pid) => Ok(Some(pid)),
            None => Err(Exc::badarg()),
        };
    }
    if to.is_tuple() && to.tuple_arity() == 2 {
        let (name, node) = (to.element(0), to.element(1));
        if name.is_atom() && node.is_atom() {
            if node.atom_value() == atom::NONODE {
                return Ok(whereis(name.atom_value()));
            }
            // No distribution: sending to another node is dropped.
            return Ok(None);
        }
    }
    if to.is_port() {
        return Ok(None);
    }
    if to.is_ref() {
        // a process alias: delivered while active, else dropped
        return Ok(crate::bif::timers::alias_target(to.word(1)));
    }
    Err(Exc::badarg())
}

/// `To ! Msg` from process `p`.
pub fn send(p: &mut Process, to: Term, msg: Term) -> Result<(), Exc> {
    let Some(pid) = resolve_dest(to)? else {
        return Ok(());
    };
    if to.is_ref() {
        // through an alias: whether it still works is decided on arrival
        let ref_id = to.word(1);
        if pid == p.pid {
            let msg = Message {
                term: msg,
                frag: None,
            };
            p.deliver(Signal::Aliased { ref_id, msg });
        } else {
            let msg = make_message(msg);
            send_signal(pid, Signal::Aliased { ref_id, msg });
        }
        return Ok(());
    }
    if pid == p.pid {
        p.mailbox.push_back(Message {
            term: msg,
            frag: None,
        });
        return Ok(());
    }
    send_signal(pid, Signal::Message(make_message(msg)));
    Ok(())
}

/// Move signals from `p`'s inbox: messages to the mailbox, others to
/// `p.pending` for the scheduler.
pub fn drain_inbox(p: &mut Process) {
    let sigs = {
        let mut inbox = lock(&p.handle.inbox);
        if inbox.signals.is_empty() {
            return;
        }
        std::mem::take(&mut inbox.signals)
    };
    for s in sigs {
        p.deliver(s);
    }
}

pub fn arm_timer(p: &mut Process, ms: u64) {
    let seq = vm().next_timer.fetch_add(1, Ordering::Relaxed);
    p.timer = seq;
    let deadline = Instant::now()
        .checked_add(Duration::from_millis(ms))
        .unwrap_or_else(|| Instant::now() + Duration::from_secs(86400 * 365 * 100));
    lock(&vm().timers).push(Reverse((deadline, seq, p.pid)));
}

// ---- code loading ------------------------------------------------------------

/// Load `name` from the code path if it is not loaded. True if loaded now.
/// Loads are serialised so two schedulers never install one module twice.
pub fn ensure_loaded(name: Atom) -> bool {
    if code::is_loaded(name) {
        return true;
    }
    static LOADING: Mutex<()> = Mutex::new(());
    let _guard = lock(&LOADING);
    if code::is_loaded(name) {
        return true;
    }
    let file = format!("{}.beam", atom::name(name));
    let path: Vec<PathBuf> = lock(&vm().code_path).clone();
    for dir in path {
        let f = dir.join(&file);
        if f.is_file() {
            match crate::loader::load_file(&f) {
                Ok(_) => return true,
                Err(e) => {
                    let msg = format!("{}: {}", f.display(), e);
                    if vm().debug {
                        eprintln!("beamz: load error: {msg}");
                    }
                    lock(&vm().load_errors).push(msg);
                    return false;
                }
            }
        }
    }
    false
}
