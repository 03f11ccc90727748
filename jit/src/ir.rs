//! The BEAM-shaped IR the runtime hands over: one [`Op`] per instruction
//! of one Erlang function, in code order, so an op's index plus
//! [`Function::start`] is the runtime's instruction index (ip).
//!
//! Ops name registers and immediates, never runtime types. An op the
//! runtime has no inline form for is [`Op::Step`]: the compiled code calls
//! the `step` helper, which runs that one instruction in the interpreter.
//! Every inline op falls back to `step` for the same ip when its fast path
//! does not apply (a bignum, a full heap chunk, an error to raise), so the
//! interpreter stays the one definition of every instruction's semantics.

/// A source operand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Src {
    X(u16),
    Y(u16),
    /// A term word (immediate, or a pointer into an immortal literal area).
    Imm(u64),
}

/// A destination register.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dst {
    X(u16),
    Y(u16),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TypeTest {
    Integer,
    Float,
    Number,
    Atom,
    Nil,
    List,
    Cons,
    Tuple,
    Boolean,
    Pid,
    Port,
    Reference,
    Map,
    Function,
    /// A bitstring whose size is a whole number of bytes.
    Binary,
    Bitstring,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cmp {
    Lt,
    Ge,
    Eq,
    Ne,
    EqExact,
    NeExact,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arith {
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

/// Code indices (`fail`, `target`) are absolute ips in the same module.
/// What `Op::BsTestRemaining` checks of the bits left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BsRemaining {
    /// A multiple of this unit (0 counts as 1).
    Unit(u32),
    /// Exactly this many.
    Exactly(u64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Run this instruction in the interpreter.
    Step,
    /// Nothing to do (function entry marker, no-ops).
    Nop,
    Move {
        src: Src,
        dst: Dst,
    },
    /// `catch`/`try` (`enter`: y := the catch tag `value`, one more active
    /// catch) and `try_end` (y := `value` (nil), one fewer, not below 0).
    CatchSlot {
        y: u16,
        value: u64,
        enter: bool,
    },
    Swap {
        a: Dst,
        b: Dst,
    },
    Test {
        test: TypeTest,
        src: Src,
        fail: u32,
    },
    Cmp {
        cmp: Cmp,
        a: Src,
        b: Src,
        fail: u32,
    },
    IsTaggedTuple {
        src: Src,
        arity: u32,
        tag: u64,
        fail: u32,
    },
    TestArity {
        src: Src,
        arity: u32,
        fail: u32,
    },
    /// Immediate keys only, sorted by word.
    SelectVal {
        src: Src,
        fail: u32,
        table: Vec<(u64, u32)>,
    },
    SelectArity {
        src: Src,
        fail: u32,
        table: Vec<(u32, u32)>,
    },
    Jump {
        target: u32,
    },
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
    PutList {
        head: Src,
        tail: Src,
        dst: Dst,
    },
    PutTuple {
        elems: Vec<Src>,
        dst: Dst,
    },
    /// Small-integer fast path; anything else (bignums, errors, the fail
    /// label) through `step`.
    Arith {
        op: Arith,
        a: Src,
        b: Src,
        dst: Dst,
    },
    TestHeap {
        need: u32,
    },
    /// Float registers: a float term's value (0.0 for anything else).
    FMoveIn {
        src: Src,
        fr: u16,
    },
    FMoveOut {
        fr: u16,
        dst: Dst,
    },
    FMove {
        from: u16,
        to: u16,
    },
    /// A float or small integer as a float (bignums and errors: `step`).
    FConv {
        src: Src,
        fr: u16,
    },
    /// A non-finite result goes through `step` (which raises badarith).
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
    Allocate {
        stack: u32,
        heap: u32,
    },
    Deallocate {
        n: u32,
    },
    InitY {
        regs: Vec<u16>,
    },
    Call {
        arity: u32,
        target: u32,
    },
    CallLast {
        arity: u32,
        target: u32,
        dealloc: u32,
    },
    CallOnly {
        arity: u32,
        target: u32,
    },
    Return,
    /// `x0 := bif(x0..arity)` through the `call_bif` helper (`bif`: the
    /// runtime's descriptor of the native function, an address). `tail`:
    /// `Some((n, ret))` then drops `n` frame slots and returns
    /// (`call_bif_last`/`_only`); `ret` is the ip of some `return` of the
    /// module, which the return's slow path steps.
    CallBif {
        arity: u32,
        bif: u64,
        tail: Option<(u32, u32)>,
    },
    /// `dst := bif(args)` (a guard or body BIF with at most 3 operands)
    /// through the `bif` helper; a failure jumps to `fail` when given,
    /// else steps the instruction (which raises).
    Bif {
        bif: u64,
        args: Vec<Src>,
        dst: Dst,
        fail: Option<u32>,
    },
    /// A call of a function of any module through its export entry:
    /// `export` is the address of the entry's word (`0` while the function
    /// is not loaded, else `(module << 32 | ip) + 1`). `tail`: `None`
    /// pushes a continuation (`call_ext`), `Some(n)` drops `n` frame slots
    /// and jumps (`call_ext_last`; `call_ext_only` is `Some(0)`).
    CallExt {
        arity: u32,
        export: u64,
        tail: Option<u32>,
        /// The export word's value when the IR was built and the address
        /// of the callee's code word (as in [`Function::callees`]): while
        /// the export still holds that value and the callee has compiled
        /// code, the call tail-calls that code directly.
        direct: Option<(u64, u64)>,
    },
    /// `call_fun`/`call_fun2` of a closure in `fun` whose call arity is
    /// `arity`: its free variables go to x(arity).., then a call of its
    /// code. Export funs, non-funs, bad arities and the end of the slice
    /// step the instruction.
    CallFun {
        arity: u32,
        fun: Src,
    },
    /// `make_fun3`: a closure of the runtime's `Lambda` at address
    /// `lambda` over `env`.
    MakeFun {
        lambda: u64,
        env: Vec<Src>,
        dst: Dst,
    },
    /// `is_function2` with a literal arity: a closure or export fun
    /// taking `arity` arguments, else go to `fail`.
    IsFunArity {
        src: Src,
        arity: u32,
        fail: u32,
    },
    /// `bs_get_integer2` of a field whose every value is a small integer
    /// (`bits` and `flags` as the `bs_int` helper takes them): `dst` := the
    /// value, or to `fail` when too few bits are left. Not a match
    /// context: `step`.
    BsGetSmall {
        ctx: Src,
        bits: u32,
        flags: u32,
        dst: Dst,
        fail: u32,
    },
    /// `bs_get_position`: `dst` := the match context's bit position.
    BsPosition {
        ctx: Src,
        dst: Dst,
    },
    /// `bs_set_position`: the match context's position := `pos`.
    BsSetPosition {
        ctx: Src,
        pos: Src,
    },
    /// `bs_test_unit` / `bs_test_tail2`: the bits left in the match
    /// context pass `test`, else go to `fail`.
    BsTestRemaining {
        ctx: Src,
        test: BsRemaining,
        fail: u32,
    },
    /// An instruction the runtime's `exec` helper runs without the
    /// interpreter loop (the bit syntax, maps): `instr` is its address in
    /// the runtime's code. It writes `dsts` (memory; reloaded after the
    /// call) and goes on to the next op, or to `fail`; whatever it cannot
    /// finish (a collection due, an exception) it leaves to `step`.
    Exec {
        instr: u64,
        dsts: Vec<Dst>,
        fail: Option<u32>,
    },
}

/// One Erlang function.
#[derive(Clone, Debug)]
pub struct Function {
    /// `module:function/arity`, for the perf map and dumps.
    pub name: String,
    pub module: u16,
    /// The ip of `ops[0]`.
    pub start: u32,
    pub ops: Vec<Op>,
    /// Other functions of the module this one calls: entry ip, and the
    /// address of the word where the runtime publishes that function's
    /// compiled code (0: none yet, 1: none ever; else the code's address).
    /// Calls to these tail-call the compiled code directly.
    pub callees: Vec<(u32, u64)>,
}

impl Function {
    pub fn end(&self) -> u32 {
        self.start + self.ops.len() as u32
    }
    pub fn contains(&self, ip: u32) -> bool {
        ip >= self.start && ip < self.end()
    }
    /// The code word of the function entered at `ip`, if it is a callee.
    pub fn callee(&self, ip: u32) -> Option<u64> {
        self.callees.iter().find(|c| c.0 == ip).map(|c| c.1)
    }
}
