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
    /// Stack slots compiled code may fill: the smaller of the slot array's
    /// capacity and the process size limit (past which the interpreter
    /// kills the process with `system_limit`). Kept current by the runtime
    /// across every helper call.
    pub stack_max: u64,
    /// The address past which compiled code may not bump-allocate: the
    /// end of the heap's current chunk, or sooner where a collection is
    /// due (below the chunk's base when one is due already). Kept current
    /// by the runtime across every helper call.
    pub heap_end: u64,
    /// The scheduler's float registers (`F_REGS` f64s).
    pub f: *mut f64,
    /// Arguments for the `bif` helper.
    pub args: [u64; 3],
    /// With status [`GOTO`]: continue at `(module << 32) | ip` ...
    pub next: u64,
    /// ... with this many live x registers.
    pub next_live: u64,
    /// The running process's count of active catches (a runtime `u32`).
    pub catches: *mut u32,
}

pub const CTX_X: i32 = std::mem::offset_of!(Ctx, x) as i32;
pub const CTX_STACK: i32 = std::mem::offset_of!(Ctx, stack) as i32;
pub const CTX_HEAP: i32 = std::mem::offset_of!(Ctx, heap) as i32;
pub const CTX_REDS: i32 = std::mem::offset_of!(Ctx, reds) as i32;
pub const CTX_STACK_MAX: i32 = std::mem::offset_of!(Ctx, stack_max) as i32;
pub const CTX_HEAP_END: i32 = std::mem::offset_of!(Ctx, heap_end) as i32;
pub const CTX_F: i32 = std::mem::offset_of!(Ctx, f) as i32;
pub const CTX_ARGS: i32 = std::mem::offset_of!(Ctx, args) as i32;
pub const CTX_NEXT: i32 = std::mem::offset_of!(Ctx, next) as i32;
pub const CTX_NEXT_LIVE: i32 = std::mem::offset_of!(Ctx, next_live) as i32;
pub const CTX_CATCHES: i32 = std::mem::offset_of!(Ctx, catches) as i32;

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
    /// `Stack`: the slot array and the slots in use.
    pub stack_ptr: i32,
    pub stack_len: i32,
    /// `Stack`: the lowest `len` since the last collection (compiled code
    /// lowers it wherever it pops slots).
    pub stack_low: i32,
    /// `Heap`: the current chunk's base and the words of it in use.
    pub heap_top: i32,
    pub heap_cur: i32,
    /// A closure's `Lambda` (word 1 of the closure): its total arity and
    /// free-variable count (`u32`s), module index (`u16`) and entry ip
    /// (`u32`).
    pub lambda_arity: i32,
    pub lambda_num_free: i32,
    pub lambda_module: i32,
    pub lambda_ip: i32,
    /// An export fun's `Export` (word 1 of the fun): its arity (`u32`).
    pub export_arity: i32,
    /// The size of the x register file.
    pub x_regs: u32,
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
    /// `step(ctx, module << 32 | ip, _)`: run the instruction at `ip` in
    /// the interpreter (this is every slow path, every error and every
    /// instruction without an inline form). Returns the next ip in the
    /// same module (>= 0), or -1: leave with [`LEAVE`].
    step,
    /// `call_bif(ctx, bif, arity)`: x0 := the BIF (a runtime `BifRef` at
    /// address `bif`) applied to x0..arity. Returns 0; or -1 when it
    /// failed: then `step` the instruction (which raises the error).
    call_bif,
    /// `bif(ctx, bif, n)`: the BIF at address `bif` applied to
    /// `Ctx::args[..n]`; its result, or [`NON_VALUE`] when it failed.
    bif,
    /// `resolve(ctx, module << 32 | ip, _)`: the address of the compiled
    /// code containing that location, or 0 (then return [`GOTO`]).
    resolve,
    /// `yield_at(ctx, module << 32 | ip, live)`: the slice is used up; save
    /// `live` x registers and where to resume. Returns 0; leave with [`LEAVE`].
    yield_at,
    /// `exec(ctx, instr, module << 32 | ip)`: run the instruction at
    /// address `instr` (an [`crate::ir::Op::Exec`]) directly. Returns
    /// [`EXEC_NEXT`], [`EXEC_FAIL`] or [`EXEC_STEP`] (nothing was done:
    /// `step` it).
    exec,
    /// `bs_int(ctx, match_ctx, n | flags << 32)`: read an `n`-bit integer
    /// field that is always a small integer (at most 47 bits unsigned, 48
    /// signed; little-endian only in whole bytes) from the match context
    /// word `match_ctx` and advance its position. Returns the value, or
    /// [`BS_NO_MATCH`] when fewer than `n` bits are left. Touches nothing
    /// but the match context.
    bs_int,
    /// `arith(ctx, op, _)`: `Ctx::args[0] op Ctx::args[1]` for the
    /// operands an inline `Op::Arith` leaves (bignums, floats, overflow),
    /// `op` being an [`crate::ir::Arith`] as `u64`. Returns the result
    /// (which may be on the heap), or [`NON_VALUE`] for an error: then
    /// `step` the instruction, which raises it or takes its fail label.
    arith,
    /// `compare(ctx, a, b)`: how terms `a` and `b` compare, for the
    /// comparisons an inline `Op::Cmp` cannot settle (bignums, tuples,
    /// lists, ...): [`CMP_LESS`], [`CMP_EQUAL`] (`==` but not `=:=`),
    /// [`CMP_EXACT`] or [`CMP_GREATER`]. Pure: touches no register and
    /// allocates nothing.
    compare,
}

/// `compare`: `a < b` in the term order.
pub const CMP_LESS: i64 = 0;
/// `compare`: `a == b` but not `a =:= b` (an integer and a float).
pub const CMP_EQUAL: i64 = 1;
/// `compare`: `a =:= b`.
pub const CMP_EXACT: i64 = 2;
/// `compare`: `a > b` in the term order.
pub const CMP_GREATER: i64 = 3;

/// `bs_int` found too few bits left.
pub const BS_NO_MATCH: i64 = i64::MIN;

/// `exec` went on to the next op.
pub const EXEC_NEXT: i64 = 0;
/// `exec` took the op's fail label.
pub const EXEC_FAIL: i64 = 1;
/// `exec` did nothing; the op must be stepped.
pub const EXEC_STEP: i64 = 2;

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
pub const KIND_MATCH_CTX: u64 = 8;
pub const KIND_REF: u64 = 9;
pub const KIND_HASH_MAP: u64 = 11;
/// Bitstrings: a heap binary (word 1: bit size), a sub-binary and an
/// off-heap binary (word 2: bit size).
pub const KIND_HEAP_BIN: u64 = 6;
pub const KIND_SUB_BIN: u64 = 7;
pub const KIND_PROC_BIN: u64 = 10;
/// Not a term (a header word): "no value", the `bif` helper's failure.
pub const NON_VALUE: u64 = TAG_HEADER_MIN << 48;
/// The continuation pointer that ends a process (`cp(0xFFFF, u32::MAX)`).
pub const EXIT_CP: u64 = u64::MAX;
