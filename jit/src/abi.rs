//! The contract between compiled code and the runtime: the context block
//! compiled functions receive, the term layout constants they test
//! against, the runtime field offsets they load and store, the helper
//! table, and the status codes they return.
//!
//! This crate does not depend on the runtime; the runtime pins every
//! constant here against its own definitions in a test
//! (`tier::abi` in the runtime crate).

/// What a compiled function receives: `extern "C" fn(*mut Ctx, ip: u32) -> u32`.
///
/// The runtime embeds this as the first field of a larger `#[repr(C)]`
/// block; helpers get the same pointer back.
#[repr(C)]
pub struct Ctx {
    /// The scheduler's x register file (`X_REGS` words).
    pub x: *mut u64,
    /// The running process's stack (a runtime `Stack`; see [`Layout`]).
    pub stack: *mut u8,
    /// The running process's heap (a runtime `Heap`; see [`Layout`]).
    pub heap: *mut u8,
    /// Reductions left in this time slice.
    pub reds: i64,
    /// Stack words past which a call goes to the interpreter (which kills
    /// the process with `system_limit`).
    pub stack_limit: u64,
    /// The scheduler's float registers (`F_REGS` f64s).
    pub f: *mut f64,
    /// With status [`GOTO`]: continue at `(module << 32) | ip` ...
    pub next: u64,
    /// ... with this many live x registers.
    pub next_live: u64,
}

pub const CTX_X: i32 = std::mem::offset_of!(Ctx, x) as i32;
pub const CTX_STACK: i32 = std::mem::offset_of!(Ctx, stack) as i32;
pub const CTX_HEAP: i32 = std::mem::offset_of!(Ctx, heap) as i32;
pub const CTX_REDS: i32 = std::mem::offset_of!(Ctx, reds) as i32;
pub const CTX_STACK_LIMIT: i32 = std::mem::offset_of!(Ctx, stack_limit) as i32;
pub const CTX_F: i32 = std::mem::offset_of!(Ctx, f) as i32;
pub const CTX_NEXT: i32 = std::mem::offset_of!(Ctx, next) as i32;
pub const CTX_NEXT_LIVE: i32 = std::mem::offset_of!(Ctx, next_live) as i32;

/// Status: continue at `Ctx::next` (another function, a return address,
/// the interpreter); the trampoline decides.
pub const GOTO: u32 = 0;
/// Status: a helper ended the slice (yield, wait, exit, halt) or moved
/// control somewhere the runtime recorded; the runtime knows which.
pub const LEAVE: u32 = 1;
/// Status: the requested ip is not a block of this function.
pub const NOT_ENTRY: u32 = 2;

/// Byte offsets of the runtime fields compiled code touches.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// `Stack`: the slot array, slots in use, slots allocated.
    pub stack_ptr: i32,
    pub stack_len: i32,
    pub stack_cap: i32,
    /// `Heap`: bump index into the current chunk, the chunk's base and
    /// length, words in older chunks, the collection budget, and the
    /// virtual (off-heap binary) heap and its budget.
    pub heap_top: i32,
    pub heap_cur: i32,
    pub heap_cur_len: i32,
    pub heap_used_before: i32,
    pub heap_budget: i32,
    pub heap_vheap: i32,
    pub heap_vheap_budget: i32,
    /// Collect at every heap test (the `gc-stress` build): inline heap
    /// fast paths always defer to the interpreter.
    pub gc_stress: bool,
    /// The words of the atoms `true` and `false`.
    pub true_word: u64,
    pub false_word: u64,
}

/// Every helper has this signature: `(ctx, a, b) -> r`. Helpers never
/// unwind (a panic in an `extern "C"` function aborts).
pub type HelperFn = unsafe extern "C" fn(*mut Ctx, u64, u64) -> i64;

/// Declares the helper table once; the runtime fills in a [`Helpers`]
/// value (a missing or extra helper is a compile error on its side).
macro_rules! helpers {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Runtime functions compiled code calls.
        #[derive(Clone, Copy)]
        pub struct Helpers {
            $($(#[$doc])* pub $name: HelperFn,)*
        }
        /// The helpers' names, in declaration order (for dumps and stats).
        pub const HELPER_NAMES: &[&str] = &[$(stringify!($name),)*];
    };
}

helpers! {
    /// `step(ctx, ip, _)`: run the instruction at `ip` of the current
    /// module in the interpreter (this is every slow path, every error and
    /// every instruction without an inline form). Returns the next ip in
    /// the same module (>= 0), or -1: leave with [`LEAVE`].
    step,
    /// `yield_at(ctx, module << 32 | ip, live)`: the slice is used up; save
    /// `live` x registers and where to resume. Returns 0; leave with [`LEAVE`].
    yield_at,
}

// ---- term layout (NaN boxing); pinned by the runtime's tests ----

/// `word >> TAG_SHIFT` is the tag of a non-float word.
pub const TAG_SHIFT: i64 = 48;
pub const TAG_HEADER_MIN: u64 = 0xFFF0;
pub const TAG_SMALL: u64 = 0xFFF8;
pub const TAG_ATOM: u64 = 0xFFF9;
pub const TAG_PID: u64 = 0xFFFB;
pub const TAG_PORT: u64 = 0xFFFC;
pub const TAG_LIST: u64 = 0xFFFD;
pub const TAG_BOXED: u64 = 0xFFFE;
pub const TAG_CP: u64 = 0xFFFF;
pub const NIL: u64 = 0xFFFA << 48;
/// Pointer payload: the address bits (bit 47 is the literal flag).
pub const ADDR_MASK: u64 = 0x0000_7FFF_FFFF_FFFF;
pub const PAYLOAD_MASK: u64 = 0x0000_FFFF_FFFF_FFFF;
/// Small integers: `[SMALL_MIN, SMALL_MAX]`, sign-extended from 48 bits.
pub const SMALL_MIN: i64 = -(1 << 47);
pub const SMALL_MAX: i64 = (1 << 47) - 1;
/// Header words: `0xFFF0 << 48 | kind << 40 | size`.
pub const HEADER_KIND_SHIFT: i64 = 40;
pub const HEADER_KIND_MASK: u64 = 0xFF;
pub const HEADER_SIZE_MASK: u64 = (1 << 40) - 1;
pub const KIND_TUPLE: u64 = 0;
pub const KIND_POS_BIG: u64 = 1;
pub const KIND_NEG_BIG: u64 = 2;
pub const KIND_CLOSURE: u64 = 3;
pub const KIND_EXPORT_FUN: u64 = 4;
pub const KIND_MAP: u64 = 5;
pub const KIND_REF: u64 = 9;
pub const KIND_HASH_MAP: u64 = 11;
/// The continuation pointer that ends a process (`cp(0xFFFF, u32::MAX)`).
pub const EXIT_CP: u64 = u64::MAX;
