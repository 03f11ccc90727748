//! The internal instruction set: what `loader::transform` emits and
//! `interp` executes.
//!
//! Operands are resolved at load time: labels are code indices within the
//! module (`Label`, with [`NO_LABEL`] for "raise instead of jump"), literals
//! are terms (immediates or pointers into the module's literal area),
//! imports are `&'static Export`, BIF calls carry the native function.
//! Every register index has been checked against the register file size at
//! load, so the interpreter may index without further checks failing.
//!
//! One line of semantics per instruction; the generic ops they come from
//! are in `shared/reference/genop.md`.

use super::{Export, Lambda};
use crate::bif::BifFn;
use crate::term::Term;

pub type Label = u32;
pub const NO_LABEL: Label = u32::MAX;

/// Number of x registers (OTP: 1024).
pub const X_REGS: usize = 1024;
/// Number of float registers.
pub const F_REGS: usize = 256;

/// A source operand.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Src {
    X(u16),
    Y(u16),
    /// An immediate or literal-area term.
    Lit(Term),
}

/// A destination register.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Dst {
    X(u16),
    Y(u16),
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum TypeTest {
    Integer,
    Float,
    Number,
    Atom,
    Pid,
    Reference,
    Port,
    Nil,
    Binary,
    Bitstr,
    List,
    NonemptyList,
    Tuple,
    Boolean,
    Function,
    Map,
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Cmp {
    Lt,
    Ge,
    Eq,
    Ne,
    EqExact,
    NeExact,
}

/// Integer-friendly binary operators with an inline small-integer path.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    IntDiv,
    Rem,
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
}

impl ArithOp {
    pub fn from_name(n: &str) -> Option<ArithOp> {
        Some(match n {
            "+" => ArithOp::Add,
            "-" => ArithOp::Sub,
            "*" => ArithOp::Mul,
            "div" => ArithOp::IntDiv,
            "rem" => ArithOp::Rem,
            "band" => ArithOp::Band,
            "bor" => ArithOp::Bor,
            "bxor" => ArithOp::Bxor,
            "bsl" => ArithOp::Bsl,
            "bsr" => ArithOp::Bsr,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::IntDiv => "div",
            ArithOp::Rem => "rem",
            ArithOp::Band => "band",
            ArithOp::Bor => "bor",
            ArithOp::Bxor => "bxor",
            ArithOp::Bsl => "bsl",
            ArithOp::Bsr => "bsr",
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// How `bs_start_match*` treats a failure.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum MatchFail {
    Jump(Label),
    /// `{atom,no_fail}` / `{atom,resume}`: the source is known to be a
    /// binary or context; fail raises badarg.
    Raise,
}

/// One `bs_create_bin` segment.
#[derive(Clone, Debug, PartialEq)]
pub struct BinSegment {
    pub kind: SegKind,
    /// The compiler's 1-based number of the source segment this one
    /// comes from (several may share one: merged strings), reported in
    /// a failure's `error_info`.
    pub seg: u32,
    pub unit: u32,
    /// Bit-syntax flags: 0x02 little, 0x04 signed, 0x10 native.
    pub flags: u32,
    pub src: Src,
    /// `Lit(atom all)` for `all`, else an integer source (or NIL for none).
    pub size: Src,
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum SegKind {
    Integer,
    Float,
    Binary,
    /// `binary` with size `all` in an append position (`append` /
    /// `private_append` are handled as `Binary` with the writable flag).
    Append,
    PrivateAppend,
    Utf8,
    Utf16,
    Utf32,
    String,
}

/// What a `BsGet` instruction extracts.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum BsGetKind {
    Integer,
    Float,
    Binary,
}

/// One command of OTP 26's `bs_match` (sizes in bits, `size * unit`
/// folded at load).
#[derive(Clone, Debug, PartialEq)]
pub enum BsCmd {
    /// At least `bits` left, and what is left after them a multiple of `unit`.
    EnsureAtLeast {
        bits: u64,
        unit: u64,
    },
    /// Exactly `bits` left.
    EnsureExactly {
        bits: u64,
    },
    /// An integer field (flags as `bs_get_integer2`'s).
    Integer {
        bits: u64,
        flags: u32,
        dst: Dst,
    },
    /// A sub-bitstring field.
    Binary {
        bits: u64,
        dst: Dst,
    },
    Skip {
        bits: u64,
    },
    /// The rest of the context as a bitstring.
    GetTail {
        dst: Dst,
    },
    /// The next `bits` bits, unsigned big-endian, equal `value`.
    Eq {
        bits: u64,
        value: u64,
    },
}

/// A BIF instruction's target, kept for stack traces.
#[derive(Copy, Clone)]
pub struct BifRef {
    pub f: BifFn,
    pub export: &'static Export,
}

impl std::fmt::Debug for BifRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}/{}",
            crate::term::atom::name(self.export.module),
            crate::term::atom::name(self.export.function),
            self.export.arity
        )
    }
}

#[derive(Clone, Debug)]
pub enum Instr {
    /// Jumped to when no clause matches: raise function_clause with x0..A-1.
    FuncInfo {
        module: Term,
        function: Term,
        arity: u32,
    },
    /// A function's entry point (right after its `FuncInfo`): where the
    /// tiers meet. The interpreter counts calls here and hands over to
    /// compiled code once the function has some (`tier`).
    Entry {
        func: u32,
    },
    /// End of code; never reached by valid control flow.
    IntCodeEnd,
    /// No operation (on_load, nif_start, dropped ops).
    Nop,

    // ---- calls and returns ----
    /// Push a CP to the next instruction and jump to a local function.
    Call {
        arity: u32,
        target: Label,
    },
    /// Pop `dealloc` frame words, then jump (tail call).
    CallLast {
        arity: u32,
        target: Label,
        dealloc: u32,
    },
    /// Tail call without a frame.
    CallOnly {
        arity: u32,
        target: Label,
    },
    /// Remote call through an export entry.
    CallExt {
        arity: u32,
        export: &'static Export,
    },
    CallExtLast {
        arity: u32,
        export: &'static Export,
        dealloc: u32,
    },
    CallExtOnly {
        arity: u32,
        export: &'static Export,
    },
    /// A remote call resolved to a native function: x0 = f(x0..A-1).
    CallBif {
        arity: u32,
        bif: BifRef,
    },
    CallBifLast {
        arity: u32,
        bif: BifRef,
        dealloc: u32,
    },
    CallBifOnly {
        arity: u32,
        bif: BifRef,
    },
    /// Pop the CP and jump to it.
    Return,
    /// `apply/3` in x: module x(A), function x(A+1), args x0..A-1.
    Apply {
        arity: u32,
    },
    ApplyLast {
        arity: u32,
        dealloc: u32,
    },
    /// `erlang:apply/2,3` called as a function (arity 2 or 3).
    ApplyBif {
        arity: u32,
        tail: Option<u32>,
    },
    /// Fun in x(A), args x0..A-1.
    CallFun {
        arity: u32,
    },
    /// Fun in `fun`, args x0..A-1.
    CallFun2 {
        arity: u32,
        fun: Src,
    },
    /// `erlang:yield/0`: end the time slice.
    Yield,
    /// `erlang:hibernate(M, F, A)` (x0..x2): drop the stack, wait for a
    /// message, then apply M:F(A) with nothing to return to.
    Hibernate,

    // ---- frames and heap ----
    /// Push `stack` slots (NIL) after the CP pushed by the caller.
    Allocate {
        stack: u32,
        heap: u32,
        live: u32,
    },
    /// Make sure `heap` words are cheap to allocate (GC keeping `live`).
    TestHeap {
        heap: u32,
        live: u32,
    },
    Deallocate {
        n: u32,
    },
    Trim {
        n: u32,
    },
    InitYregs {
        regs: Box<[u16]>,
    },

    // ---- moves ----
    Move {
        src: Src,
        dst: Dst,
    },
    Swap {
        a: Dst,
        b: Dst,
    },

    // ---- tests and branches ----
    Test {
        test: TypeTest,
        fail: Label,
        src: Src,
    },
    IsFunction2 {
        fail: Label,
        src: Src,
        arity: Src,
    },
    TestArity {
        fail: Label,
        src: Src,
        arity: u32,
    },
    IsTaggedTuple {
        fail: Label,
        src: Src,
        arity: u32,
        tag: Term,
    },
    Compare {
        cmp: Cmp,
        fail: Label,
        a: Src,
        b: Src,
    },
    /// Sorted by term order for binary search.
    SelectVal {
        src: Src,
        fail: Label,
        table: Box<[(Term, Label)]>,
    },
    SelectArity {
        src: Src,
        fail: Label,
        table: Box<[(u32, Label)]>,
    },
    Jump {
        target: Label,
    },

    // ---- data ----
    GetList {
        src: Src,
        head: Dst,
        tail: Dst,
    },
    GetHd {
        src: Src,
        dst: Dst,
    },
    GetTl {
        src: Src,
        dst: Dst,
    },
    GetTupleElement {
        src: Src,
        index: u32,
        dst: Dst,
    },
    SetTupleElement {
        value: Src,
        tuple: Src,
        index: u32,
    },
    PutList {
        head: Src,
        tail: Src,
        dst: Dst,
    },
    PutTuple2 {
        dst: Dst,
        elems: Box<[Src]>,
    },
    MakeFun {
        lambda: &'static Lambda,
        dst: Dst,
        env: Box<[Src]>,
    },

    // ---- BIFs inline ----
    /// `dst = a op b`: small integers inline, everything else through the
    /// `erlang:op/2` BIF (same results, same errors).
    Arith {
        op: ArithOp,
        fail: Label,
        a: Src,
        b: Src,
        dst: Dst,
    },
    /// Guard or body BIF: `dst = f(args)`; on error jump to `fail` or raise.
    Bif {
        bif: BifRef,
        fail: Label,
        args: Box<[Src]>,
        dst: Dst,
        live: u32,
    },

    // ---- errors ----
    Badmatch {
        src: Src,
    },
    CaseEnd {
        src: Src,
    },
    IfEnd,
    TryCaseEnd {
        src: Src,
    },
    Badrecord {
        src: Src,
    },
    /// OTP 26 `update_record`: a copy of tuple `src` (of `arity`
    /// elements) with the 1-based `updates` applied.
    UpdateRecord {
        src: Src,
        dst: Dst,
        arity: u32,
        updates: Box<[(u32, Src)]>,
    },

    // ---- exceptions ----
    Catch {
        y: u16,
        handler: Label,
    },
    CatchEnd {
        y: u16,
    },
    Try {
        y: u16,
        handler: Label,
    },
    TryEnd {
        y: u16,
    },
    TryCase {
        y: u16,
    },
    /// Re-raise `value` with the class in `trace`.
    Raise {
        trace: Src,
        value: Src,
    },
    BuildStacktrace,
    RawRaise,

    // ---- messages ----
    Send,
    /// x0 = the current message, or jump to `fail` when none is left.
    LoopRec {
        fail: Label,
        dst: Dst,
    },
    LoopRecEnd {
        target: Label,
    },
    RemoveMessage,
    Wait {
        target: Label,
    },
    WaitTimeout {
        target: Label,
        timeout: Src,
    },
    Timeout,
    RecvMarkerReserve {
        dst: Dst,
    },
    RecvMarkerBind {
        marker: Src,
        reference: Src,
    },
    RecvMarkerClear {
        reference: Src,
    },
    RecvMarkerUse {
        reference: Src,
    },

    // ---- floats ----
    FMoveIn {
        src: Src,
        fr: u16,
    },
    FMoveOut {
        fr: u16,
        dst: Dst,
    },
    FMoveF {
        from: u16,
        to: u16,
    },
    FConv {
        src: Src,
        fr: u16,
    },
    FArith {
        op: FloatOp,
        a: u16,
        b: u16,
        dst: u16,
    },
    FNegate {
        a: u16,
        dst: u16,
    },

    // ---- maps ----
    PutMapAssoc {
        fail: Label,
        src: Src,
        dst: Dst,
        live: u32,
        pairs: Box<[(Src, Src)]>,
    },
    PutMapExact {
        fail: Label,
        src: Src,
        dst: Dst,
        live: u32,
        pairs: Box<[(Src, Src)]>,
    },
    GetMapElements {
        fail: Label,
        src: Src,
        pairs: Box<[(Src, Dst)]>,
    },
    HasMapFields {
        fail: Label,
        src: Src,
        keys: Box<[Src]>,
    },

    // ---- binaries ----
    BsCreateBin {
        fail: Label,
        live: u32,
        dst: Dst,
        segments: Box<[BinSegment]>,
    },
    BsStartMatch {
        fail: MatchFail,
        src: Src,
        live: u32,
        dst: Dst,
    },
    /// `bs_get_integer2` / `bs_get_float2` / `bs_get_binary2`.
    BsGet {
        what: BsGetKind,
        fail: Label,
        ctx: Src,
        size: Src,
        unit: u32,
        flags: u32,
        dst: Dst,
    },
    BsSkipBits {
        fail: Label,
        ctx: Src,
        size: Src,
        unit: u32,
    },
    BsTestTail {
        fail: Label,
        ctx: Src,
        bits: u64,
    },
    BsTestUnit {
        fail: Label,
        ctx: Src,
        unit: u32,
    },
    BsMatchString {
        fail: Label,
        ctx: Src,
        bits: u64,
        offset: u32,
    },
    BsGetTail {
        ctx: Src,
        dst: Dst,
        live: u32,
    },
    BsGetPosition {
        ctx: Src,
        dst: Dst,
    },
    BsSetPosition {
        ctx: Src,
        pos: Src,
    },
    BsGetUtf {
        fail: Label,
        ctx: Src,
        width: u8,
        flags: u32,
        dst: Option<Dst>,
    },
    BsInitWritable,
    /// OTP 26 `bs_match`: the commands in order on context `ctx`; the
    /// first that fails jumps to `fail` (positions already advanced stay
    /// advanced, as with the instruction sequence it replaces).
    BsMatch {
        fail: Label,
        ctx: Src,
        cmds: Box<[BsCmd]>,
    },

    // ---- pre-OTP-25 construction (OTP 24 files) ----
    /// `bs_init2` (bytes) / `bs_init_bits` (bits): a zeroed binary of the
    /// given size in `dst`, filled by the `BsPut*` that follow.
    BsInit {
        fail: Label,
        size: Src,
        bits: bool,
        dst: Dst,
    },
    /// `dst = a + b * unit` (segment size arithmetic).
    BsAdd {
        fail: Label,
        a: Src,
        b: Src,
        unit: u32,
        dst: Dst,
    },
    /// `bs_append`/`bs_private_append`: `bin` (whose size must be a
    /// multiple of `unit`) followed by room for `size` bits, in `dst`,
    /// filled by the `BsPut*` that follow.
    BsAppend {
        fail: Label,
        size: Src,
        unit: u32,
        bin: Src,
        dst: Dst,
    },
    /// Write one segment at the construction position.
    BsPut {
        fail: Label,
        kind: SegKind,
        size: Src,
        unit: u32,
        flags: u32,
        src: Src,
    },
    BsPutString {
        len: u32,
        offset: u32,
    },
    /// Bytes the utf8/utf16 encoding of `src` takes.
    BsUtfSize {
        fail: Label,
        width: u8,
        src: Src,
        dst: Dst,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The instruction stays small enough to keep the code dense. (Next
    /// step: pack `Src` into one NaN-boxed word, registers in the header
    /// tag space, to bring this to 32.)
    #[test]
    fn instr_size() {
        assert!(
            std::mem::size_of::<Instr>() <= 56,
            "{}",
            std::mem::size_of::<Instr>()
        );
        assert_eq!(std::mem::size_of::<Src>(), 16);
    }
}
