//! Tiering: when functions get compiled, where compiled code lives, and
//! the trampoline that runs a process across both tiers.
//!
//! - Mode `off`: `run` is the interpreter.
//! - Mode `tiered`: the interpreter counts calls at each function's
//!   `Entry`; at the threshold the function is queued for the compiler
//!   thread (`background`) and keeps being interpreted until its code is
//!   published; the next entry after that runs native code.
//! - Mode `eager`: every function is compiled when its module is installed.
//!
//! Both tiers share x registers, the process stack (frames and CPs), the
//! heap and reductions, so control moves between them at any function
//! entry, return address or step: compiled code returns `GOTO` with a
//! location; the trampoline finds that location's compiled function or
//! interprets until the next entry with compiled code.
//!
//! Files: `translate` (Instr → JIT IR), `helpers` (what compiled code
//! calls back), `stats` (`--jit-stats`, perf map, CLIF dumps).

mod helpers;
mod stats;
pub mod translate;

use crate::code::Module;
use crate::interp::{self, Outcome, Regs};
use crate::process::Process;
use beamz_cranelift::{abi, EnterFn, Jit};
use std::sync::atomic::{AtomicU32, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

pub use stats::{print_stats, set_dump, set_perf_map, set_stats};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Off = 0,
    Tiered = 1,
    Eager = 2,
}

static MODE: AtomicU8 = AtomicU8::new(Mode::Off as u8);
static THRESHOLD: AtomicU32 = AtomicU32::new(DEFAULT_THRESHOLD);
/// Calls before a function is compiled in tiered mode.
pub const DEFAULT_THRESHOLD: u32 = 1000;

pub fn set_mode(m: Mode, threshold: u32) {
    MODE.store(m as u8, Ordering::Relaxed);
    THRESHOLD.store(threshold.max(1), Ordering::Relaxed);
    if m == Mode::Tiered {
        // now, from the unpinned main thread: a thread inherits its
        // creator's CPU affinity, and one made by a scheduler would share
        // that scheduler's core
        background::start();
    }
}

#[inline]
pub fn mode() -> Mode {
    match MODE.load(Ordering::Relaxed) {
        1 => Mode::Tiered,
        2 => Mode::Eager,
        _ => Mode::Off,
    }
}

/// Per-function state of one module.
pub struct Slots(Box<[Slot]>);

pub struct Slot {
    calls: AtomicU32,
    /// The compiled code's address; 0 = none yet, 1 = compilation failed.
    native: AtomicUsize,
}

const FAILED: usize = 1;

impl Slots {
    pub fn new(n: usize) -> Slots {
        Slots(
            (0..n)
                .map(|_| Slot {
                    calls: AtomicU32::new(0),
                    native: AtomicUsize::new(0),
                })
                .collect(),
        )
    }

    /// The address of function `func`'s compiled code.
    #[inline]
    fn native(&self, func: usize) -> Option<usize> {
        let a = self.0.get(func)?.native.load(Ordering::Acquire);
        (a > FAILED).then_some(a)
    }

    /// Where function `func`'s code address is published (compiled code
    /// reads it to call `func` directly; slots never move or go away:
    /// modules are never freed).
    pub fn code_word(&self, func: usize) -> Option<u64> {
        self.0.get(func).map(|s| s.native.as_ptr() as u64)
    }
}

/// The shim compiled code is entered through (set with the JIT).
static ENTER: OnceLock<EnterFn> = OnceLock::new();

fn jit() -> &'static Mutex<Option<Jit>> {
    static J: OnceLock<Mutex<Option<Jit>>> = OnceLock::new();
    J.get_or_init(|| {
        let j = match Jit::new(helpers::layout(), helpers::table()) {
            Ok(j) => {
                let _ = ENTER.set(j.enter());
                Some(j)
            }
            Err(e) => {
                eprintln!("beamz-jit: cannot start the JIT: {e}; interpreting");
                None
            }
        };
        Mutex::new(j)
    })
}

/// Compile function `func` of `m` (once); true when native code exists.
fn compile(m: &Module, func: usize) -> bool {
    let Some(slot) = m.tier.0.get(func) else {
        return false;
    };
    let mut guard = jit().lock().unwrap_or_else(|e| e.into_inner());
    match slot.native.load(Ordering::Acquire) {
        0 => {}
        FAILED => return false,
        _ => return true,
    }
    let Some(j) = guard.as_mut() else {
        slot.native.store(FAILED, Ordering::Release);
        return false;
    };
    let Some(f) = translate::function(m, func) else {
        slot.native.store(FAILED, Ordering::Release);
        stats::refused("(no code)", "function outside its module's code");
        return false;
    };
    let dump = stats::wants_dump(&f.name);
    match j.compile(&f, dump) {
        Ok(c) => {
            stats::compiled(&f, &c);
            slot.native.store(c.code, Ordering::Release);
            true
        }
        Err(e) => {
            stats::refused(&f.name, &e.0);
            slot.native.store(FAILED, Ordering::Release);
            false
        }
    }
}

/// The compiler thread of tiered mode: functions that reached the
/// threshold are compiled off the schedulers, so a process never waits
/// for Cranelift (the interpreter runs the function meanwhile).
mod background {
    use std::sync::mpsc::{channel, Sender};
    use std::sync::{Mutex, OnceLock};

    /// A function to compile: module index, function number.
    type Job = (u16, usize);

    fn sender() -> Option<&'static Mutex<Sender<Job>>> {
        static TX: OnceLock<Option<Mutex<Sender<Job>>>> = OnceLock::new();
        TX.get_or_init(|| {
            let (tx, rx) = channel::<Job>();
            std::thread::Builder::new()
                .name("beamz-jit-compiler".into())
                .spawn(move || {
                    while let Ok((mi, func)) = rx.recv() {
                        if let Some(m) = crate::code::module_ref(mi) {
                            super::compile(m, func);
                        }
                    }
                })
                .ok()?;
            Some(Mutex::new(tx))
        })
        .as_ref()
    }

    /// Start the compiler thread (if it is not running).
    pub(super) fn start() {
        let _ = sender();
    }

    /// Queue function `func` of module `mi`; false when there is no
    /// compiler thread (then the caller compiles it itself).
    pub(super) fn queue(mi: u16, func: usize) -> bool {
        match sender() {
            Some(tx) => tx
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .send((mi, func))
                .is_ok(),
            None => false,
        }
    }
}

/// A compiler of its own (for benchmarks and tests: what it compiles is
/// installed nowhere).
pub fn standalone_jit() -> Result<Jit, String> {
    Jit::new(helpers::layout(), helpers::table()).map_err(|e| e.0)
}

/// A module was installed: in eager mode, compile all of it.
pub fn on_install(m: &Module) {
    if mode() == Mode::Eager {
        for i in 0..m.functions.len() {
            compile(m, i);
        }
    }
}

/// The interpreter reached function `func`'s entry: count the call and
/// say whether compiled code should take over.
#[inline]
pub fn at_entry(m: &Module, func: u32) -> bool {
    let Some(slot) = m.tier.0.get(func as usize) else {
        return false;
    };
    match slot.native.load(Ordering::Relaxed) {
        0 => {}
        FAILED => return false,
        _ => return true,
    }
    if mode() == Mode::Eager {
        return compile(m, func as usize);
    }
    let n = slot.calls.fetch_add(1, Ordering::Relaxed) + 1;
    // (exactly once: later calls see the counter past the threshold)
    if n == THRESHOLD.load(Ordering::Relaxed) && !background::queue(m.index, func as usize) {
        return compile(m, func as usize);
    }
    false
}

/// The compiled function containing `(mi, ip)`, if any. Found ones are
/// remembered per thread (a location's code never changes once it exists).
#[inline]
fn native_at(mi: u16, ip: u32) -> Option<usize> {
    const WAYS: usize = 1024;
    thread_local! {
        static CACHE: std::cell::RefCell<Box<[(u64, usize)]>> =
            std::cell::RefCell::new(vec![(u64::MAX, 0); WAYS].into_boxed_slice());
    }
    let key = ((mi as u64) << 32) | ip as u64;
    let slot = (key ^ (key >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15) as usize >> 54;
    let hit = CACHE.with(|c| {
        let c = c.borrow();
        let (k, code) = c[slot % WAYS];
        (k == key).then_some(code)
    });
    if hit.is_some() {
        return hit;
    }
    let m = crate::code::module_ref(mi)?;
    let i = m.functions.partition_point(|f| f.start <= ip);
    let code = m.tier.native(i.checked_sub(1)?)?;
    CACHE.with(|c| c.borrow_mut()[slot % WAYS] = (key, code));
    Some(code)
}

/// Run `p` for up to `reductions` reductions in whichever tier has code.
pub fn run(p: &mut Process, regs: &mut Regs, reductions: i64) -> Outcome {
    if mode() == Mode::Off {
        return interp::run(p, regs, reductions);
    }
    for (i, t) in p.saved_x.drain(..).enumerate() {
        regs.x[i] = t;
    }
    let mut reds = reductions;
    loop {
        let (mi, ip) = p.resume;
        // (a BIF call waiting for a reply is resumed by the interpreter)
        let native = native_at(mi, ip).filter(|_| p.bif_wait.is_none());
        if let (Some(f), Some(enter)) = (native, ENTER.get()) {
            let mut rt = helpers::RtCtx::new(p, regs, reds);
            // SAFETY: `f` was compiled for this ABI; `rt` (and the process
            // and registers it points to) outlive the call, and nothing
            // else touches them meanwhile.
            let status = unsafe { enter(&mut rt.abi, ip, f) };
            reds = rt.abi.reds;
            let next = rt.abi.next;
            let outcome = rt.outcome.take();
            match status {
                abi::GOTO => {
                    p.resume = ((next >> 32) as u16, next as u32);
                    continue;
                }
                abi::LEAVE => match outcome {
                    Some(o) => return o,
                    // a step moved control elsewhere (p.resume)
                    None => continue,
                },
                _ => {} // not a block of that function: interpret
            }
        }
        match interp::run_live(p, regs, &mut reds) {
            Outcome::Enter => continue,
            o => return o,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::{self, Term};

    /// The JIT crate's term layout is the runtime's.
    #[test]
    fn abi_constants_match_the_runtime() {
        use term::tag;
        assert_eq!(abi::TAG_SMALL, tag::SMALL);
        assert_eq!(abi::TAG_ATOM, tag::ATOM);
        assert_eq!(abi::TAG_PID, tag::PID);
        assert_eq!(abi::TAG_PORT, tag::PORT);
        assert_eq!(abi::TAG_LIST, tag::LIST);
        assert_eq!(abi::TAG_BOXED, tag::BOXED);
        assert_eq!(abi::TAG_CP, tag::CP);
        assert_eq!(abi::TAG_HEADER_MIN, tag::HEADER_MIN);
        assert_eq!(abi::NIL, Term::NIL.0);
        assert_eq!(abi::ADDR_MASK, term::ADDR_MASK);
        assert_eq!(abi::PAYLOAD_MASK, term::PAYLOAD_MASK);
        assert_eq!(abi::SMALL_MIN, term::SMALL_MIN);
        assert_eq!(abi::SMALL_MAX, term::SMALL_MAX);
        assert_eq!(abi::EXIT_CP, interp::EXIT_CP.0);
        use term::{Header, Kind};
        for (k, v) in [
            (Kind::Tuple, abi::KIND_TUPLE),
            (Kind::PosBig, abi::KIND_POS_BIG),
            (Kind::NegBig, abi::KIND_NEG_BIG),
            (Kind::Closure, abi::KIND_CLOSURE),
            (Kind::ExportFun, abi::KIND_EXPORT_FUN),
            (Kind::Map, abi::KIND_MAP),
            (Kind::MatchCtx, abi::KIND_MATCH_CTX),
            (Kind::Ref, abi::KIND_REF),
            (Kind::HashMap, abi::KIND_HASH_MAP),
            (Kind::HeapBin, abi::KIND_HEAP_BIN),
            (Kind::SubBin, abi::KIND_SUB_BIN),
            (Kind::ProcBin, abi::KIND_PROC_BIN),
        ] {
            let h = Header::new(k, 7).0;
            assert_eq!(
                h >> abi::HEADER_KIND_SHIFT & abi::HEADER_KIND_MASK,
                v,
                "{k:?}"
            );
            assert_eq!(h & abi::HEADER_SIZE_MASK, 7);
            assert_eq!(h >> abi::TAG_SHIFT, abi::TAG_HEADER_MIN);
        }
        let t = Term::small(-5);
        assert_eq!(((t.0 << 16) as i64) >> 16, -5);
        let cp = Term::cp(3, 77).0;
        assert_eq!(cp >> 48, abi::TAG_CP);
        assert_eq!(cp & abi::PAYLOAD_MASK, (3u64 << 32) | 77);
    }
}
