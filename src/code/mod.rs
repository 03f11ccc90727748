//! Loaded code: modules, the global export table, lambdas (fun
//! definitions), and the module registry.
//!
//! Export entries and lambdas are immortal (`&'static`, leaked once): fun
//! terms point at them with raw pointers, exactly as OTP's export entries
//! are never freed. Modules are immutable once installed; a module is
//! addressed by its 16-bit index, which continuation pointers and catch tags
//! carry.

pub mod instr;

use crate::heap::Heap;
use crate::term::{atom, Atom, Kind, Term};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};
use std::sync::{Arc, OnceLock, RwLock};

pub use instr::Instr;

/// A native function implementing an Erlang function (BIF).
pub type BifFn = crate::bif::BifFn;

/// One `Module:Function/Arity` entry. `target` is where calls go.
pub struct Export {
    pub module: Atom,
    pub function: Atom,
    pub arity: u32,
    /// `0` while the function is not loaded; else `(module_index << 32 | ip) + 1`.
    target: AtomicU64,
    /// Set when a native function implements this MFA.
    pub bif: Option<BifFn>,
}

impl std::fmt::Debug for Export {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}/{}",
            atom::name(self.module),
            atom::name(self.function),
            self.arity
        )
    }
}

impl std::fmt::Debug for Lambda {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "fun {}:{}/{} (index {})",
            atom::name(self.module),
            atom::name(self.function),
            self.arity,
            self.index
        )
    }
}

impl Export {
    pub fn target(&self) -> Option<(u16, u32)> {
        let v = self.target.load(AtomicOrdering::Acquire);
        if v == 0 {
            None
        } else {
            let v = v - 1;
            Some(((v >> 32) as u16, v as u32))
        }
    }
    pub fn set_target(&self, module: u16, ip: u32) {
        self.target.store(
            (((module as u64) << 32) | ip as u64) + 1,
            AtomicOrdering::Release,
        );
    }
    /// The address of the target word (for compiled code, which reads
    /// it as `target` does; the entry is leaked, so it never moves).
    pub fn target_word(&self) -> u64 {
        self.target.as_ptr() as u64
    }
    pub fn is_callable(&self) -> bool {
        self.bif.is_some() || self.target().is_some()
    }
}

/// A fun definition (one FunT entry of a loaded module).
pub struct Lambda {
    pub module: Atom,
    pub function: Atom,
    /// Total arity (free variables + arguments).
    pub arity: u32,
    pub num_free: u32,
    pub index: u32,
    pub old_uniq: u32,
    pub module_index: u16,
    pub ip: u32,
}

impl Lambda {
    /// The arity a caller passes.
    pub fn call_arity(&self) -> u32 {
        self.arity - self.num_free
    }
}

/// A function's place in a module's code (for stack traces, module_info).
#[derive(Clone, Debug)]
pub struct FunctionInfo {
    pub name: Atom,
    pub arity: u32,
    /// Index of the `FuncInfo` instruction.
    pub start: u32,
    /// Index of the entry point (after `FuncInfo`).
    pub entry: u32,
}

pub struct Module {
    pub name: Atom,
    pub index: u16,
    pub code: Box<[Instr]>,
    /// Sorted by `start`.
    pub functions: Vec<FunctionInfo>,
    /// `(ip, line item)` for each `line` instruction, sorted by ip.
    pub line_at: Vec<(u32, u32)>,
    /// Line items: (file index, line); item 0 = no location.
    pub line_items: Vec<(u32, u32)>,
    pub files: Vec<String>,
    pub imports: Box<[&'static Export]>,
    pub lambdas: Box<[&'static Lambda]>,
    pub exports: Vec<(Atom, u32)>,
    pub literal_heap: Heap,
    pub strings: Vec<u8>,
    pub attributes: Term,
    pub compile_info: Term,
    /// Per-function tier state: call counts and compiled code.
    pub tier: crate::tier::Slots,
}

// SAFETY: a Module is immutable after installation; its literal heap is only
// read (terms in it carry the literal bit and are never written or freed
// while the module is registered). The raw pointers inside `Heap` chunks
// and `Term`s are therefore safe to share between scheduler threads.
unsafe impl Send for Module {}
// SAFETY: as above; the only interior mutability is the tier's per-function
// atomics (call counters, native code pointers).
unsafe impl Sync for Module {}

impl Module {
    /// The function containing `ip`.
    pub fn function_at(&self, ip: u32) -> Option<&FunctionInfo> {
        let i = self.functions.partition_point(|f| f.start <= ip);
        if i == 0 {
            None
        } else {
            self.functions.get(i - 1)
        }
    }

    /// `(file, line)` of the `line` instruction governing `ip`, if any.
    pub fn location_at(&self, ip: u32) -> Option<(&str, u32)> {
        let f = self.function_at(ip)?;
        let i = self.line_at.partition_point(|&(at, _)| at <= ip);
        if i == 0 {
            return None;
        }
        let (at, item) = self.line_at[i - 1];
        if at < f.start || item == 0 {
            return None;
        }
        let &(file, line) = self.line_items.get(item as usize)?;
        let name = self.files.get(file as usize)?;
        Some((name.as_str(), line))
    }
}

// ---- x registers in use -----------------------------------------------------

/// x registers any code may hold a term in: every register a loaded
/// module names, and at least the 256 that calls, `apply`, BIFs and
/// exceptions use implicitly. The collector clears the dead ones up to
/// here (see `interp::collect`).
static X_REGISTERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(256);

pub fn x_registers() -> usize {
    X_REGISTERS.load(AtomicOrdering::Relaxed)
}

/// Record that a module being loaded names x registers below `n`.
pub fn note_x_registers(n: usize) {
    X_REGISTERS.fetch_max(n.min(instr::X_REGS), AtomicOrdering::Relaxed);
}

// ---- the export table ------------------------------------------------------

type Mfa = (Atom, Atom, u32);

fn exports() -> &'static RwLock<HashMap<Mfa, &'static Export>> {
    static T: OnceLock<RwLock<HashMap<Mfa, &'static Export>>> = OnceLock::new();
    T.get_or_init(|| RwLock::new(HashMap::with_capacity(16384)))
}

/// The export entry for `M:F/A`, created (unloaded) if new.
pub fn export(module: Atom, function: Atom, arity: u32) -> &'static Export {
    let key = (module, function, arity);
    if let Some(e) = exports()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&key)
    {
        return e;
    }
    let mut w = exports().write().unwrap_or_else(|e| e.into_inner());
    if let Some(e) = w.get(&key) {
        return e;
    }
    let bif = crate::bif::lookup(module, function, arity);
    let e: &'static Export = Box::leak(Box::new(Export {
        module,
        function,
        arity,
        target: AtomicU64::new(0),
        bif,
    }));
    w.insert(key, e);
    e
}

pub fn find_export(module: Atom, function: Atom, arity: u32) -> Option<&'static Export> {
    exports()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&(module, function, arity))
        .copied()
}

/// A `fun M:F/A` term on `heap`.
pub fn export_fun(heap: &mut Heap, module: Atom, function: Atom, arity: u32) -> Term {
    let e = export(module, function, arity);
    let (t, body) = heap.boxed(Kind::ExportFun, 1);
    // SAFETY: one word after the header; export entries are immortal.
    unsafe { *body = e as *const Export as u64 };
    t
}

/// The export entry of an `ExportFun` term.
pub fn export_of(t: Term) -> &'static Export {
    // SAFETY: word 1 of an ExportFun is a pointer made from a leaked
    // `&'static Export` by `export_fun`.
    unsafe { &*(t.word(1) as *const Export) }
}

/// The lambda of a `Closure` term.
pub fn lambda_of(t: Term) -> &'static Lambda {
    // SAFETY: word 1 of a Closure is a pointer made from a leaked
    // `&'static Lambda` by the loader.
    unsafe { &*(t.word(1) as *const Lambda) }
}

/// What identifies a fun for ordering and equality (before its environment).
pub enum FunKey {
    Local {
        module: Atom,
        index: u32,
        uniq: u32,
    },
    External {
        module: Atom,
        function: Atom,
        arity: u32,
    },
}

fn cmp_atom_names(a: Atom, b: Atom) -> Ordering {
    if a == b {
        Ordering::Equal
    } else {
        atom::name(a).cmp(&atom::name(b))
    }
}

impl FunKey {
    pub fn cmp_key(&self, other: &FunKey) -> Ordering {
        match (self, other) {
            (
                FunKey::Local {
                    module: m1,
                    index: i1,
                    uniq: u1,
                },
                FunKey::Local {
                    module: m2,
                    index: i2,
                    uniq: u2,
                },
            ) => cmp_atom_names(*m1, *m2).then(i1.cmp(i2)).then(u1.cmp(u2)),
            (
                FunKey::External {
                    module: m1,
                    function: f1,
                    arity: a1,
                },
                FunKey::External {
                    module: m2,
                    function: f2,
                    arity: a2,
                },
            ) => cmp_atom_names(*m1, *m2)
                .then(cmp_atom_names(*f1, *f2))
                .then(a1.cmp(a2)),
            (FunKey::Local { .. }, FunKey::External { .. }) => Ordering::Less,
            (FunKey::External { .. }, FunKey::Local { .. }) => Ordering::Greater,
        }
    }
}

pub fn fun_key(t: Term) -> FunKey {
    if t.header().kind() == Kind::ExportFun {
        let e = export_of(t);
        FunKey::External {
            module: e.module,
            function: e.function,
            arity: e.arity,
        }
    } else {
        let l = lambda_of(t);
        FunKey::Local {
            module: l.module,
            index: l.index,
            uniq: l.old_uniq,
        }
    }
}

// ---- the module registry -----------------------------------------------------

#[derive(Default)]
pub struct Registry {
    modules: Vec<Arc<Module>>,
    by_name: HashMap<Atom, u16>,
}

fn registry() -> &'static RwLock<Registry> {
    static R: OnceLock<RwLock<Registry>> = OnceLock::new();
    R.get_or_init(|| RwLock::new(Registry::default()))
}

/// Maximum number of modules (catch tags carry a 15-bit module index).
pub const MAX_MODULES: usize = 1 << 15;

/// Reserve the index the next installed module will get.
pub fn next_index() -> Option<u16> {
    let r = registry().read().unwrap_or_else(|e| e.into_inner());
    if r.modules.len() >= MAX_MODULES {
        None
    } else {
        Some(r.modules.len() as u16)
    }
}

/// Install a module built for index `next_index()`, and point its exports
/// at it. Returns its index.
pub fn install(module: Module) -> u16 {
    let mut r = registry().write().unwrap_or_else(|e| e.into_inner());
    let idx = r.modules.len() as u16;
    debug_assert_eq!(idx, module.index);
    let name = module.name;
    for &(f, a) in &module.exports {
        if let Some(fi) = module
            .functions
            .iter()
            .find(|fi| fi.name == f && fi.arity == a)
        {
            export(name, f, a).set_target(idx, fi.entry);
        }
    }
    let m = Arc::new(module);
    fast_table()[idx as usize].store(Arc::as_ptr(&m) as *mut Module, AtomicOrdering::Release);
    r.modules.push(m.clone());
    r.by_name.insert(name, idx);
    drop(r);
    crate::tier::on_install(&m);
    idx
}

/// Installed modules by index without taking the registry lock (the
/// trampoline and the interpreter look modules up on every cross-module
/// transfer).
fn fast_table() -> &'static [std::sync::atomic::AtomicPtr<Module>] {
    static T: OnceLock<Box<[std::sync::atomic::AtomicPtr<Module>]>> = OnceLock::new();
    T.get_or_init(|| {
        (0..MAX_MODULES)
            .map(|_| std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()))
            .collect()
    })
}

/// The module at `index`, if installed.
#[inline]
pub fn module_ref(index: u16) -> Option<&'static Module> {
    let p = fast_table()
        .get(index as usize)?
        .load(AtomicOrdering::Acquire);
    // SAFETY: a non-null entry points into an Arc<Module> the registry
    // holds forever (modules are never removed), published with Release
    // after the module was fully built.
    unsafe { p.as_ref() }
}

pub fn module(index: u16) -> Option<Arc<Module>> {
    registry()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .modules
        .get(index as usize)
        .cloned()
}

pub fn module_by_name(name: Atom) -> Option<Arc<Module>> {
    let r = registry().read().unwrap_or_else(|e| e.into_inner());
    r.by_name
        .get(&name)
        .and_then(|&i| r.modules.get(i as usize).cloned())
}

pub fn is_loaded(name: Atom) -> bool {
    registry()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .by_name
        .contains_key(&name)
}

pub fn loaded_names() -> Vec<Atom> {
    registry()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .by_name
        .keys()
        .copied()
        .collect()
}
