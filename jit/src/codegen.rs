//! IR → Cranelift IR for one Erlang function.
//!
//! Shape of every compiled function: `fn(ctx, ip) -> status`.
//!
//! - The entry block range-checks `ip` and jumps to `reload(ip)`.
//! - `reload(ip)` (entered only with memory up to date) loads the machine state compiled code caches (stack
//!   length, slot array and capacity; heap top, chunk and its length; the
//!   collection limit; reductions; float registers) into Cranelift
//!   variables and switches on `ip` to the op's landing pad, which loads
//!   the op's live-in x registers ([`crate::liveness`]) and jumps to the
//!   op's block. Control that comes from outside the native code (the
//!   trampoline, or the interpreter after a `step`) always enters here.
//! - Ops continue along internal edges with the variables intact: moves,
//!   tests, arithmetic, local calls (`jump`), and returns to the op after
//!   a call of this same function (a jump table over those ops).
//! - Every slow path jumps to `step(ip)`: write back the cached state, run
//!   the instruction in the interpreter through the `step` helper, then
//!   `dispatch(r)`: leave, or `reload(r)`.
//!
//! Caching rules. x and float registers are written through: a store to
//! memory and a variable definition, so memory is always the truth and a
//! helper may read any register. The stack length, heap top and
//! reductions are written back (`sync`) before every helper call and
//! every return to the trampoline. After a helper nothing cached is
//! reused: `reload` loads it all again, since a collection may have moved
//! the heap and the stack may have grown.

use crate::abi::*;
use crate::ir::{Arith, BsRemaining, Cmp, Dst, FloatOp, Function, Op, Src, TypeTest};
use crate::liveness::{self, Liveness};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    types, AbiParam, Block, BlockArg, InstBuilder, JumpTableData, MemFlagsData, SigRef, Signature,
    Value,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, Variable};

const I64: types::Type = types::I64;
const I32: types::Type = types::I32;
const F64: types::Type = types::F64;

/// x registers at or above this index are not cached in variables.
const MAX_CACHED_X: usize = 256;

/// The signature of every compiled function.
pub fn function_signature(cc: CallConv) -> Signature {
    let mut s = Signature::new(cc);
    s.params.push(AbiParam::new(I64));
    s.params.push(AbiParam::new(I32));
    s.returns.push(AbiParam::new(I32));
    s
}

fn helper_signature(cc: CallConv) -> Signature {
    let mut s = Signature::new(cc);
    s.params.push(AbiParam::new(I64));
    s.params.push(AbiParam::new(I64));
    s.params.push(AbiParam::new(I64));
    s.returns.push(AbiParam::new(I64));
    s
}

/// Per-function counts for `--jit-stats`.
#[derive(Default, Clone, Copy, Debug)]
pub struct OpCounts {
    pub inline: usize,
    pub stepped: usize,
}

/// The cached machine state.
struct Vars {
    /// Stack: slots in use (written back), the slot array, the most slots
    /// compiled code may fill (`Ctx::stack_max`).
    slen: Variable,
    /// The stack's low-water mark (`Layout::stack_low`), cached like `slen`.
    slow: Variable,
    sptr: Variable,
    smax: Variable,
    /// Heap: the next free word's address (written back as the chunk
    /// index `top`), and how far allocation may go (`Ctx::heap_end`).
    hptr: Variable,
    hend: Variable,
    /// Reductions left (written back).
    reds: Variable,
    x: Vec<Variable>,
    f: Vec<Variable>,
}

/// Where an op's result goes, resolved before any side effect.
#[derive(Clone, Copy)]
enum Place {
    X(u16),
    Mem(Value),
}

pub struct Gen<'a, 'f> {
    b: FunctionBuilder<'f>,
    f: &'a Function,
    lay: Layout,
    helpers: Helpers,
    helper_sig: SigRef,
    tail_sig: SigRef,
    // Defined in the entry block, which dominates every other block.
    ctx: Value,
    xb: Value,
    fb: Value,
    v: Vars,
    live: Liveness,
    blocks: Vec<Block>,
    reload: Block,
    step_blk: Block,
    dispatch: Block,
    goto: Block,
    leave: Block,
    frontend: TargetFrontendConfig,
    pub counts: OpCounts,
}

fn flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

fn args(vs: &[Value]) -> Vec<BlockArg> {
    vs.iter().map(|v| BlockArg::Value(*v)).collect()
}

/// Float registers the function names, plus one.
fn float_count(f: &Function) -> usize {
    let mut n = 0usize;
    for op in &f.ops {
        let rs: &[u16] = match op {
            Op::FMoveIn { fr, .. } | Op::FMoveOut { fr, .. } | Op::FConv { fr, .. } => {
                std::slice::from_ref(fr)
            }
            Op::FMove { from, to } => &[*from, *to],
            Op::FArith { a, b, dst, .. } => &[*a, *b, *dst],
            Op::FNegate { a, dst } => &[*a, *dst],
            _ => &[],
        };
        for &r in rs {
            n = n.max(r as usize + 1);
        }
    }
    n
}

impl<'a, 'f> Gen<'a, 'f> {
    pub fn new(
        mut b: FunctionBuilder<'f>,
        f: &'a Function,
        lay: Layout,
        helpers: Helpers,
        cc: CallConv,
        frontend: TargetFrontendConfig,
    ) -> Self {
        let helper_sig = b.import_signature(helper_signature(cc));
        let tail_sig = b.import_signature(function_signature(CallConv::Tail));
        let live = liveness::analyse(f, MAX_CACHED_X);
        let v = Vars {
            slen: b.declare_var(I64),
            slow: b.declare_var(I64),
            sptr: b.declare_var(I64),
            smax: b.declare_var(I64),
            hptr: b.declare_var(I64),
            hend: b.declare_var(I64),
            reds: b.declare_var(I64),
            x: (0..live.nx).map(|_| b.declare_var(I64)).collect(),
            f: (0..float_count(f)).map(|_| b.declare_var(F64)).collect(),
        };
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let ctx = b.block_params(entry)[0];
        let xb = b.ins().load(I64, flags(), ctx, CTX_X);
        let fb = b.ins().load(I64, flags(), ctx, CTX_F);
        let blocks = (0..f.ops.len()).map(|_| b.create_block()).collect();
        let mk = |b: &mut FunctionBuilder<'f>, params: usize| {
            let bl = b.create_block();
            for _ in 0..params {
                b.append_block_param(bl, I64);
            }
            bl
        };
        let reload = mk(&mut b, 1);
        let step_blk = mk(&mut b, 1);
        let dispatch = mk(&mut b, 1);
        let goto = mk(&mut b, 1);
        let leave = mk(&mut b, 0);
        Gen {
            b,
            f,
            lay,
            helpers,
            helper_sig,
            tail_sig,
            ctx,
            xb,
            fb,
            v,
            live,
            blocks,
            reload,
            step_blk,
            dispatch,
            goto,
            leave,
            frontend,
            counts: OpCounts::default(),
        }
    }

    /// Emit the whole function.
    pub fn emit(mut self) -> OpCounts {
        let entry = self.b.current_block().expect("the entry block");
        let ip = self.b.block_params(entry)[1];
        let n = self.f.ops.len() as i64;
        let idx = self.b.ins().iadd_imm_s(ip, -(self.f.start as i64));
        let inside = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, idx, n);
        let ok = self.b.create_block();
        let not_entry = self.b.create_block();
        self.b.ins().brif(inside, ok, &[], not_entry, &[]);
        self.b.switch_to_block(not_entry);
        let s = self.b.ins().iconst(I32, NOT_ENTRY as i64);
        self.b.ins().return_(&[s]);
        self.b.switch_to_block(ok);
        let ip64 = self.b.ins().uextend(I64, ip);
        self.b.ins().jump(self.reload, &args(&[ip64]));

        self.emit_reload();

        // leave: a helper ended the slice or moved control; it left the
        // runtime's state right.
        self.b.switch_to_block(self.leave);
        let s = self.b.ins().iconst(I32, LEAVE as i64);
        self.b.ins().return_(&[s]);

        // goto(next): write back, continue at (module << 32 | ip): its
        // compiled code directly when there is some, else through the
        // trampoline.
        self.b.switch_to_block(self.goto);
        let next = self.b.block_params(self.goto)[0];
        self.sync();
        let z = self.b.ins().iconst(I64, 0);
        let code = self.call_helper(self.helpers.resolve, next, z);
        let found = self.b.ins().icmp_imm_s(IntCC::NotEqual, code, 0);
        let direct = self.b.create_block();
        let tramp = self.b.create_block();
        self.b.ins().brif(found, direct, &[], tramp, &[]);
        self.b.switch_to_block(direct);
        let ip = self.b.ins().ireduce(I32, next);
        let ctx = self.ctx;
        self.b
            .ins()
            .return_call_indirect(self.tail_sig, code, &[ctx, ip]);
        self.b.switch_to_block(tramp);
        self.b.ins().store(flags(), next, ctx, CTX_NEXT);
        let s = self.b.ins().iconst(I32, GOTO as i64);
        self.b.ins().return_(&[s]);

        // step(ip): write back, run the op in the interpreter.
        self.b.switch_to_block(self.step_blk);
        let ip = self.b.block_params(self.step_blk)[0];
        self.sync();
        let loc = self.b.ins().iadd_imm_s(ip, (self.f.module as i64) << 32);
        let z = self.b.ins().iconst(I64, 0);
        let r = self.call_helper(self.helpers.step, loc, z);
        self.b.ins().jump(self.dispatch, &args(&[r]));

        // dispatch(r): r < 0 leaves; anything else reloads and continues.
        self.b.switch_to_block(self.dispatch);
        let r = self.b.block_params(self.dispatch)[0];
        let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, r, 0);
        self.b
            .ins()
            .brif(neg, self.leave, &[], self.reload, &args(&[r]));

        for i in 0..self.f.ops.len() {
            self.b.switch_to_block(self.blocks[i]);
            let op = &self.f.ops[i];
            let ip = self.f.start + i as u32;
            if matches!(op, Op::Step) {
                self.counts.stepped += 1;
            } else {
                self.counts.inline += 1;
            }
            self.op(ip, op);
        }
        self.b.seal_all_blocks();
        self.b.finalize(self.frontend);
        self.counts
    }

    /// Load the cached state from memory (the stack, heap, reductions and
    /// float registers; x registers are the landing pads' business).
    fn load_state(&mut self) {
        let (ctx, lay) = (self.ctx, self.lay);
        let sp = self.load_field(ctx, CTX_STACK);
        let hp = self.load_field(ctx, CTX_HEAP);
        for (var, base, off) in [
            (self.v.slen, sp, lay.stack_len),
            (self.v.slow, sp, lay.stack_low),
            (self.v.sptr, sp, lay.stack_ptr),
            (self.v.smax, ctx, CTX_STACK_MAX),
            (self.v.hend, ctx, CTX_HEAP_END),
            (self.v.reds, ctx, CTX_REDS),
        ] {
            let w = self.b.ins().load(I64, flags(), base, off);
            self.b.def_var(var, w);
        }
        self.load_hptr(hp);
        for i in 0..self.v.f.len() {
            let w = self.b.ins().load(F64, flags(), self.fb, 8 * i as i32);
            self.b.def_var(self.v.f[i], w);
        }
    }

    /// Load the heap pointer from the heap `hp`.
    fn load_hptr(&mut self, hp: Value) {
        let top = self.load_field(hp, self.lay.heap_top);
        let cur = self.load_field(hp, self.lay.heap_cur);
        let off = self.b.ins().ishl_imm_s(top, 3);
        let hptr = self.b.ins().iadd(cur, off);
        self.b.def_var(self.v.hptr, hptr);
    }

    /// After a helper that may have allocated (and nothing else): reload
    /// the heap pointer and the allocation limit.
    fn load_heap(&mut self) {
        let ctx = self.ctx;
        let hp = self.load_field(ctx, CTX_HEAP);
        self.load_hptr(hp);
        let hend = self.b.ins().load(I64, flags(), ctx, CTX_HEAP_END);
        self.b.def_var(self.v.hend, hend);
    }

    /// `reload(ip)`: load the cached state, switch to `ip`'s landing pad
    /// (ips outside the function go to the trampoline).
    fn emit_reload(&mut self) {
        self.b.switch_to_block(self.reload);
        let ip = self.b.block_params(self.reload)[0];
        self.load_state();
        let outside = self.b.create_block();
        let idx = self.b.ins().iadd_imm_s(ip, -(self.f.start as i64));
        let idx32 = self.b.ins().ireduce(I32, idx);
        let mut pads = Vec::with_capacity(self.blocks.len());
        for k in 0..self.blocks.len() {
            let regs: Vec<usize> = self.live.live_in[k].iter().collect();
            if regs.is_empty() {
                pads.push(self.blocks[k]);
                continue;
            }
            let cur = self.b.current_block().expect("in reload");
            let pad = self.b.create_block();
            self.b.switch_to_block(pad);
            for r in regs {
                let w = self.b.ins().load(I64, flags(), self.xb, 8 * r as i32);
                self.b.def_var(self.v.x[r], w);
            }
            self.b.ins().jump(self.blocks[k], &[]);
            self.b.switch_to_block(cur);
            pads.push(pad);
        }
        let def = self.b.func.dfg.block_call(outside, &[]);
        let calls: Vec<_> = pads
            .iter()
            .map(|&bl| self.b.func.dfg.block_call(bl, &[]))
            .collect();
        let jt = self.b.create_jump_table(JumpTableData::new(def, &calls));
        self.b.ins().br_table(idx32, jt);

        self.b.switch_to_block(outside);
        let next = self.b.ins().iadd_imm_s(ip, (self.f.module as i64) << 32);
        self.b.ins().jump(self.goto, &args(&[next]));
    }

    /// Write the written-back state to memory.
    fn sync(&mut self) {
        let ctx = self.ctx;
        let sp = self.load_field(ctx, CTX_STACK);
        let hp = self.load_field(ctx, CTX_HEAP);
        let slen = self.b.use_var(self.v.slen);
        self.b.ins().store(flags(), slen, sp, self.lay.stack_len);
        let slow = self.b.use_var(self.v.slow);
        self.b.ins().store(flags(), slow, sp, self.lay.stack_low);
        let hptr = self.b.use_var(self.v.hptr);
        let cur = self.load_field(hp, self.lay.heap_cur);
        let used = self.b.ins().isub(hptr, cur);
        let top = self.b.ins().ushr_imm_s(used, 3);
        self.b.ins().store(flags(), top, hp, self.lay.heap_top);
        let reds = self.b.use_var(self.v.reds);
        self.b.ins().store(flags(), reds, ctx, CTX_REDS);
    }

    // ---- small pieces ----

    fn call_helper(&mut self, f: HelperFn, a: Value, b2: Value) -> Value {
        let ctx = self.ctx;
        let fp = self.b.ins().iconst(I64, f as usize as i64);
        let call = self
            .b
            .ins()
            .call_indirect(self.helper_sig, fp, &[ctx, a, b2]);
        self.b.inst_results(call)[0]
    }

    /// A block that runs the op at `ip` through the interpreter.
    fn slow_block(&mut self, ip: u32) -> Block {
        let cur = self.b.current_block();
        let blk = self.b.create_block();
        self.b.switch_to_block(blk);
        self.emit_step(ip);
        if let Some(c) = cur {
            self.b.switch_to_block(c);
        }
        blk
    }

    fn emit_step(&mut self, ip: u32) {
        let a = self.b.ins().iconst(I64, ip as i64);
        self.b.ins().jump(self.step_blk, &args(&[a]));
    }

    /// Continue at absolute ip `l` of this module. Every internal edge
    /// goes through here and must be in `liveness::successors`.
    fn jump_to(&mut self, l: u32) {
        if self.f.contains(l) {
            let bl = self.blocks[(l - self.f.start) as usize];
            self.b.ins().jump(bl, &[]);
        } else {
            let next = self
                .b
                .ins()
                .iconst(I64, ((self.f.module as i64) << 32) | l as i64);
            if let Some(word) = self.f.callee(l) {
                // another function of the module
                self.enter_code_word(word, None, next);
            } else {
                self.b.ins().jump(self.goto, &args(&[next]));
            }
        }
    }

    /// Continue at `next` (`module << 32 | ip`) in the function whose code
    /// word is at `word`: when it has compiled code (and `also` holds),
    /// tail-call that code (it reloads the state from memory), else go
    /// through `goto`.
    fn enter_code_word(&mut self, word: u64, also: Option<Value>, next: Value) {
        let wa = self.b.ins().iconst(I64, word as i64);
        let code = self.b.ins().load(I64, flags(), wa, 0);
        let mut go = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, code, 1);
        if let Some(c) = also {
            go = self.b.ins().band(go, c);
        }
        let call = self.b.create_block();
        self.b.ins().brif(go, call, &[], self.goto, &args(&[next]));
        self.b.switch_to_block(call);
        self.sync();
        let ip = self.b.ins().ireduce(I32, next);
        let ctx = self.ctx;
        self.b
            .ins()
            .return_call_indirect(self.tail_sig, code, &[ctx, ip]);
    }

    /// Branch on `cond`: true to the next op, false to `fail`.
    fn branch(&mut self, cond: Value, ip: u32, fail: u32) {
        let t = self.b.create_block();
        let e = self.b.create_block();
        self.b.ins().brif(cond, t, &[], e, &[]);
        self.b.switch_to_block(t);
        self.jump_to(ip + 1);
        self.b.switch_to_block(e);
        self.jump_to(fail);
    }

    /// Continue on a fresh block when `ok`, else go to `slow`.
    fn guard(&mut self, ok: Value, slow: Block) {
        let cont = self.b.create_block();
        self.b.ins().brif(ok, cont, &[], slow, &[]);
        self.b.switch_to_block(cont);
    }

    fn load_field(&mut self, base: Value, off: i32) -> Value {
        self.b.ins().load(I64, flags(), base, off)
    }

    fn cached_x(&self, i: u16) -> Option<Variable> {
        self.v.x.get(i as usize).copied()
    }

    /// Address of y(i), or to `slow` when the frame has no such slot.
    fn y_addr(&mut self, i: u16, slow: Block) -> Value {
        let len = self.b.use_var(self.v.slen);
        let ok = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThan, len, i as i64);
        self.guard(ok, slow);
        let ptr = self.b.use_var(self.v.sptr);
        let off = self.b.ins().ishl_imm_s(len, 3);
        let top = self.b.ins().iadd(ptr, off);
        self.b.ins().iadd_imm_s(top, -8 * (1 + i as i64))
    }

    fn load_src(&mut self, s: Src, slow: Block) -> Value {
        match s {
            Src::X(i) => match self.cached_x(i) {
                Some(var) => self.b.use_var(var),
                None => {
                    let xb = self.xb;
                    self.b.ins().load(I64, flags(), xb, 8 * i as i32)
                }
            },
            Src::Y(i) => {
                let a = self.y_addr(i, slow);
                self.b.ins().load(I64, flags(), a, 0)
            }
            Src::Imm(w) => self.b.ins().iconst(I64, w as i64),
        }
    }

    /// Where a store to `d` goes (checked before any side effect).
    fn place(&mut self, d: Dst, slow: Block) -> Place {
        match d {
            Dst::X(i) => Place::X(i),
            Dst::Y(i) => Place::Mem(self.y_addr(i, slow)),
        }
    }

    fn put(&mut self, p: Place, v: Value) {
        match p {
            Place::X(i) => {
                let xb = self.xb;
                self.b.ins().store(flags(), v, xb, 8 * i as i32);
                if let Some(var) = self.cached_x(i) {
                    self.b.def_var(var, v);
                }
            }
            Place::Mem(a) => {
                self.b.ins().store(flags(), v, a, 0);
            }
        }
    }

    fn fget(&mut self, r: u16) -> Value {
        self.b.use_var(self.v.f[r as usize])
    }

    fn fset(&mut self, r: u16, v: Value) {
        self.b.ins().store(flags(), v, self.fb, 8 * r as i32);
        self.b.def_var(self.v.f[r as usize], v);
    }

    fn tag(&mut self, v: Value) -> Value {
        self.b.ins().ushr_imm_s(v, TAG_SHIFT)
    }

    fn has_tag(&mut self, v: Value, tag: u64) -> Value {
        let t = self.tag(v);
        self.b.ins().icmp_imm_s(IntCC::Equal, t, tag as i64)
    }

    fn is_small(&mut self, v: Value) -> Value {
        self.has_tag(v, TAG_SMALL)
    }

    fn is_float(&mut self, v: Value) -> Value {
        self.b
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, v, (TAG_HEADER_MIN << 48) as i64)
    }

    fn is_pointer(&mut self, v: Value) -> Value {
        let t = self.tag(v);
        let d = self.b.ins().iadd_imm_s(t, -(TAG_LIST as i64));
        self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, d, 2)
    }

    fn addr(&mut self, v: Value) -> Value {
        self.b.ins().band_imm_s(v, ADDR_MASK as i64)
    }

    /// `v` is boxed and its header satisfies `pred(header)`; the header
    /// is only loaded for boxed words.
    fn boxed_header_test(
        &mut self,
        v: Value,
        pred: impl FnOnce(&mut Self, Value) -> Value,
    ) -> Value {
        let isb = self.has_tag(v, TAG_BOXED);
        self.and_then(isb, |g| {
            let a = g.addr(v);
            let h = g.b.ins().load(I64, flags(), a, 0);
            pred(g, h)
        })
    }

    /// `c && rhs()`, where `rhs` (which may load) runs only when `c` holds.
    fn and_then(&mut self, c: Value, rhs: impl FnOnce(&mut Self) -> Value) -> Value {
        let then = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, types::I8);
        let f = self.b.ins().iconst(types::I8, 0);
        self.b.ins().brif(c, then, &[], join, &args(&[f]));
        self.b.switch_to_block(then);
        let r = rhs(self);
        self.b.ins().jump(join, &args(&[r]));
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    fn header_kind_in(&mut self, h: Value, kinds: &[u64]) -> Value {
        let k = self.b.ins().ushr_imm_s(h, HEADER_KIND_SHIFT);
        let k = self.b.ins().band_imm_s(k, HEADER_KIND_MASK as i64);
        let mut acc = self.b.ins().icmp_imm_s(IntCC::Equal, k, kinds[0] as i64);
        for &kk in &kinds[1..] {
            let c = self.b.ins().icmp_imm_s(IntCC::Equal, k, kk as i64);
            acc = self.b.ins().bor(acc, c);
        }
        acc
    }

    /// The address of the match context in `ctx`, or to `slow` when it
    /// is not one.
    fn match_ctx(&mut self, ctx: Src, slow: Block) -> Value {
        let v = self.load_src(ctx, slow);
        let ok = self.boxed_header_test(v, |g, h| g.header_kind_in(h, &[KIND_MATCH_CTX]));
        self.guard(ok, slow);
        self.addr(v)
    }

    fn is_tuple(&mut self, v: Value) -> Value {
        self.boxed_header_test(v, |g, h| g.header_kind_in(h, &[KIND_TUPLE]))
    }

    fn type_test(&mut self, t: TypeTest, v: Value) -> Value {
        match t {
            TypeTest::Atom => self.has_tag(v, TAG_ATOM),
            TypeTest::Pid => self.has_tag(v, TAG_PID),
            TypeTest::Port => self.has_tag(v, TAG_PORT),
            TypeTest::Cons => self.has_tag(v, TAG_LIST),
            TypeTest::Nil => self.b.ins().icmp_imm_s(IntCC::Equal, v, NIL as i64),
            TypeTest::List => {
                let c = self.has_tag(v, TAG_LIST);
                let n = self.b.ins().icmp_imm_s(IntCC::Equal, v, NIL as i64);
                self.b.ins().bor(c, n)
            }
            TypeTest::Float => self.is_float(v),
            TypeTest::Boolean => {
                let t = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, v, self.lay.true_word as i64);
                let f = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, v, self.lay.false_word as i64);
                self.b.ins().bor(t, f)
            }
            TypeTest::Tuple => self.is_tuple(v),
            TypeTest::Reference => {
                self.boxed_header_test(v, |g, h| g.header_kind_in(h, &[KIND_REF]))
            }
            TypeTest::Map => {
                self.boxed_header_test(v, |g, h| g.header_kind_in(h, &[KIND_MAP, KIND_HASH_MAP]))
            }
            TypeTest::Bitstring => self.boxed_header_test(v, |g, h| {
                g.header_kind_in(h, &[KIND_HEAP_BIN, KIND_SUB_BIN, KIND_PROC_BIN])
            }),
            TypeTest::Binary => self.boxed_header_test(v, |g, h| {
                let heap = g.header_kind_in(h, &[KIND_HEAP_BIN]);
                let other = g.header_kind_in(h, &[KIND_SUB_BIN, KIND_PROC_BIN]);
                let any = g.b.ins().bor(heap, other);
                g.and_then(any, |g| {
                    // the bit size: word 1 of a heap binary, else word 2
                    let a = g.addr(v);
                    let on_heap = g.b.create_block();
                    let off_heap = g.b.create_block();
                    let join = g.b.create_block();
                    g.b.append_block_param(join, I64);
                    g.b.ins().brif(heap, on_heap, &[], off_heap, &[]);
                    g.b.switch_to_block(on_heap);
                    let b1 = g.b.ins().load(I64, flags(), a, 8);
                    g.b.ins().jump(join, &args(&[b1]));
                    g.b.switch_to_block(off_heap);
                    let b2 = g.b.ins().load(I64, flags(), a, 16);
                    g.b.ins().jump(join, &args(&[b2]));
                    g.b.switch_to_block(join);
                    let bits = g.b.block_params(join)[0];
                    let r = g.b.ins().band_imm_s(bits, 7);
                    g.b.ins().icmp_imm_s(IntCC::Equal, r, 0)
                })
            }),
            TypeTest::Function => self.boxed_header_test(v, |g, h| {
                g.header_kind_in(h, &[KIND_CLOSURE, KIND_EXPORT_FUN])
            }),
            TypeTest::Integer => {
                let s = self.is_small(v);
                let big = self.boxed_header_test(v, |g, h| {
                    g.header_kind_in(h, &[KIND_POS_BIG, KIND_NEG_BIG])
                });
                self.b.ins().bor(s, big)
            }
            TypeTest::Number => {
                let i = self.type_test(TypeTest::Integer, v);
                let f = self.is_float(v);
                self.b.ins().bor(i, f)
            }
        }
    }

    /// The signed value of a small integer word.
    fn untag(&mut self, v: Value) -> Value {
        let s = self.b.ins().ishl_imm_s(v, 16);
        self.b.ins().sshr_imm_s(s, 16)
    }

    /// A small integer word from a value known to be in range.
    fn tag_small(&mut self, r: Value) -> Value {
        let p = self.b.ins().band_imm_s(r, PAYLOAD_MASK as i64);
        self.b.ins().bor_imm_s(p, (TAG_SMALL << 48) as i64)
    }

    fn fits_small(&mut self, r: Value) -> Value {
        let t = self.untag(r);
        self.b.ins().icmp(IntCC::Equal, t, r)
    }

    fn both_small(&mut self, a: Value, b: Value, sa: Src, sb: Src) -> Option<Value> {
        let small_imm = |s: Src| matches!(s, Src::Imm(w) if w >> 48 == TAG_SMALL);
        let ca = (!small_imm(sa)).then(|| self.is_small(a));
        let cb = (!small_imm(sb)).then(|| self.is_small(b));
        match (ca, cb) {
            (Some(x), Some(y)) => Some(self.b.ins().band(x, y)),
            (Some(x), None) | (None, Some(x)) => Some(x),
            (None, None) => None,
        }
    }

    /// Would a collection be due, or the current chunk be full, before
    /// `need` more words? (OTP's `test_heap` condition, and `gc_at_call`
    /// with need 0.)
    fn wants_gc(&mut self, need: u32) -> Value {
        let hptr = self.b.use_var(self.v.hptr);
        let hend = self.b.use_var(self.v.hend);
        let want = self.b.ins().iadd_imm_s(hptr, 8 * need as i64);
        self.b.ins().icmp(IntCC::UnsignedGreaterThan, want, hend)
    }

    /// Go to `slow` when a collection is due before `need` more words.
    fn gc_guard(&mut self, need: u32, slow: Block) {
        let w = self.wants_gc(need);
        let cont = self.b.create_block();
        self.b.ins().brif(w, slow, &[], cont, &[]);
        self.b.switch_to_block(cont);
    }

    /// Bump-allocate `n` words in the current chunk, or go to `slow`.
    fn alloc(&mut self, n: u32, slow: Block) -> Value {
        self.gc_guard(n, slow);
        let p = self.b.use_var(self.v.hptr);
        let np = self.b.ins().iadd_imm_s(p, 8 * n as i64);
        self.b.def_var(self.v.hptr, np);
        p
    }

    /// Yield: the slice is used up; resume at `next` with `live` x
    /// registers later.
    fn yield_now(&mut self, next: Value, live: u32) {
        self.sync();
        let l = self.b.ins().iconst(I64, live as i64);
        self.call_helper(self.helpers.yield_at, next, l);
        self.b.ins().jump(self.leave, &[]);
    }

    /// Take a reduction; out of them, yield (resuming at `next` with
    /// `live` registers) and leave.
    fn reduction(&mut self, next: u64, live: u32) {
        let n = self.b.ins().iconst(I64, next as i64);
        self.reduction_to(n, live);
    }

    fn reduction_to(&mut self, next: Value, live: u32) {
        let r = self.b.use_var(self.v.reds);
        let r = self.b.ins().iadd_imm_s(r, -1);
        self.b.def_var(self.v.reds, r);
        let out = self.b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, r, 0);
        let y = self.b.create_block();
        let cont = self.b.create_block();
        self.b.ins().brif(out, y, &[], cont, &[]);
        self.b.switch_to_block(y);
        self.yield_now(next, live);
        self.b.switch_to_block(cont);
    }

    /// Go to `slow` unless the stack has room for one more slot.
    fn cp_room_guard(&mut self, slow: Block) {
        let len = self.b.use_var(self.v.slen);
        let max = self.b.use_var(self.v.smax);
        let room = self.b.ins().icmp(IntCC::UnsignedLessThan, len, max);
        self.guard(room, slow);
    }

    /// Push the continuation pointer to `ret` of this module (room
    /// checked by `cp_room_guard`).
    fn push_cp(&mut self, ret: u32) {
        let len = self.b.use_var(self.v.slen);
        let ptr = self.b.use_var(self.v.sptr);
        let off = self.b.ins().ishl_imm_s(len, 3);
        let slot = self.b.ins().iadd(ptr, off);
        let cp = (TAG_CP << 48) | ((self.f.module as u64) << 32) | ret as u64;
        let cpv = self.b.ins().iconst(I64, cp as i64);
        self.b.ins().store(flags(), cpv, slot, 0);
        let nl = self.b.ins().iadd_imm_s(len, 1);
        self.b.def_var(self.v.slen, nl);
    }

    /// `len - n`, or 0 (the interpreter's saturating truncate).
    fn pop_frame(&mut self, n: u32) {
        let len = self.b.use_var(self.v.slen);
        let d = self.b.ins().iadd_imm_s(len, -(n as i64));
        let enough = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, len, n as i64);
        let z = self.b.ins().iconst(I64, 0);
        let nl = self.b.ins().select(enough, d, z);
        self.set_len_lower(nl);
    }

    /// The stack shrank to `nl`: set the length and lower the low-water
    /// mark to it.
    fn set_len_lower(&mut self, nl: Value) {
        self.b.def_var(self.v.slen, nl);
        let low = self.b.use_var(self.v.slow);
        let m = self.b.ins().umin(low, nl);
        self.b.def_var(self.v.slow, m);
    }

    // ---- ops ----

    fn op(&mut self, ip: u32, op: &Op) {
        match op {
            Op::Step => self.emit_step(ip),
            Op::Nop => self.jump_to(ip + 1),
            Op::Move { src, dst } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let p = self.place(*dst, slow);
                self.put(p, v);
                self.jump_to(ip + 1);
            }
            Op::CatchSlot { y, value, enter } => {
                let slow = self.slow_block(ip);
                let p = self.place(Dst::Y(*y), slow);
                let v = self.b.ins().iconst(I64, *value as i64);
                self.put(p, v);
                let ctx = self.ctx;
                let cp = self.b.ins().load(I64, flags(), ctx, CTX_CATCHES);
                let c = self.b.ins().load(I32, flags(), cp, 0);
                let n = if *enter {
                    self.b.ins().iadd_imm_s(c, 1)
                } else {
                    let d = self.b.ins().iadd_imm_s(c, -1);
                    let z = self.b.ins().iconst(I32, 0);
                    let pos = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, c, 0);
                    self.b.ins().select(pos, d, z)
                };
                self.b.ins().store(flags(), n, cp, 0);
                self.jump_to(ip + 1);
            }
            Op::Swap { a, b } => {
                let slow = self.slow_block(ip);
                let va = self.load_src(dst_as_src(*a), slow);
                let vb = self.load_src(dst_as_src(*b), slow);
                let pa = self.place(*a, slow);
                let pb = self.place(*b, slow);
                self.put(pa, vb);
                self.put(pb, va);
                self.jump_to(ip + 1);
            }
            Op::Test { test, src, fail } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let c = self.type_test(*test, v);
                self.branch(c, ip, *fail);
            }
            Op::Cmp { cmp, a, b, fail } => self.cmp(ip, *cmp, *a, *b, *fail),
            Op::IsTaggedTuple {
                src,
                arity,
                tag,
                fail,
            } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let want =
                    (TAG_HEADER_MIN << 48) | (KIND_TUPLE << HEADER_KIND_SHIFT) | *arity as u64;
                let tag = *tag;
                let c = self.boxed_header_test(v, |g, h| {
                    let same = g.b.ins().icmp_imm_s(IntCC::Equal, h, want as i64);
                    // element 0 is loaded only when the arity matched
                    // (a zero-arity tuple has no element 0)
                    g.and_then(same, |g| {
                        let a = g.addr(v);
                        let e0 = g.b.ins().load(I64, flags(), a, 8);
                        g.b.ins().icmp_imm_s(IntCC::Equal, e0, tag as i64)
                    })
                });
                self.branch(c, ip, *fail);
            }
            Op::TestArity { src, arity, fail } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let want =
                    (TAG_HEADER_MIN << 48) | (KIND_TUPLE << HEADER_KIND_SHIFT) | *arity as u64;
                let c = self.boxed_header_test(v, |g, h| {
                    g.b.ins().icmp_imm_s(IntCC::Equal, h, want as i64)
                });
                self.branch(c, ip, *fail);
            }
            Op::SelectVal { src, fail, table } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                self.search(v, table, *fail);
            }
            Op::SelectArity { src, fail, table } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let ist = self.is_tuple(v);
                let yes = self.b.create_block();
                let no = self.b.create_block();
                self.b.ins().brif(ist, yes, &[], no, &[]);
                self.b.switch_to_block(no);
                self.jump_to(*fail);
                self.b.switch_to_block(yes);
                let a = self.addr(v);
                let h = self.b.ins().load(I64, flags(), a, 0);
                let size = self.b.ins().band_imm_s(h, HEADER_SIZE_MASK as i64);
                let t: Vec<(u64, u32)> = table.iter().map(|&(a, l)| (a as u64, l)).collect();
                self.search(size, &t, *fail);
            }
            Op::Jump { target } => self.jump_to(*target),
            Op::GetList { src, head, tail } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let c = self.has_tag(v, TAG_LIST);
                self.guard(c, slow);
                let hp = self.place(*head, slow);
                let tp = self.place(*tail, slow);
                let a = self.addr(v);
                let h = self.b.ins().load(I64, flags(), a, 0);
                let t = self.b.ins().load(I64, flags(), a, 8);
                self.put(hp, h);
                self.put(tp, t);
                self.jump_to(ip + 1);
            }
            Op::GetHd { src, dst } | Op::GetTl { src, dst } => {
                let off = if matches!(op, Op::GetHd { .. }) { 0 } else { 8 };
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let c = self.has_tag(v, TAG_LIST);
                self.guard(c, slow);
                let dp = self.place(*dst, slow);
                let a = self.addr(v);
                let w = self.b.ins().load(I64, flags(), a, off);
                self.put(dp, w);
                self.jump_to(ip + 1);
            }
            Op::GetTupleElement { src, index, dst } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let idx = *index as i64;
                let ok = self.boxed_header_test(v, |g, h| {
                    let k = g.header_kind_in(h, &[KIND_TUPLE]);
                    let size = g.b.ins().band_imm_s(h, HEADER_SIZE_MASK as i64);
                    let inr = g.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, size, idx);
                    g.b.ins().band(k, inr)
                });
                self.guard(ok, slow);
                let dp = self.place(*dst, slow);
                let a = self.addr(v);
                let w = self.b.ins().load(I64, flags(), a, 8 * (1 + idx as i32));
                self.put(dp, w);
                self.jump_to(ip + 1);
            }
            Op::PutList { head, tail, dst } => {
                let slow = self.slow_block(ip);
                let h = self.load_src(*head, slow);
                let t = self.load_src(*tail, slow);
                let dp = self.place(*dst, slow);
                let p = self.alloc(2, slow);
                self.b.ins().store(flags(), h, p, 0);
                self.b.ins().store(flags(), t, p, 8);
                let w = self.b.ins().bor_imm_s(p, (TAG_LIST << 48) as i64);
                self.put(dp, w);
                self.jump_to(ip + 1);
            }
            Op::PutTuple { elems, dst } => {
                let slow = self.slow_block(ip);
                let mut vals = Vec::with_capacity(elems.len());
                for e in elems {
                    vals.push(self.load_src(*e, slow));
                }
                let dp = self.place(*dst, slow);
                let p = self.alloc(1 + elems.len() as u32, slow);
                let hdr =
                    (TAG_HEADER_MIN << 48) | (KIND_TUPLE << HEADER_KIND_SHIFT) | elems.len() as u64;
                let hv = self.b.ins().iconst(I64, hdr as i64);
                self.b.ins().store(flags(), hv, p, 0);
                for (i, v) in vals.into_iter().enumerate() {
                    self.b.ins().store(flags(), v, p, 8 * (1 + i as i32));
                }
                let w = self.b.ins().bor_imm_s(p, (TAG_BOXED << 48) as i64);
                self.put(dp, w);
                self.jump_to(ip + 1);
            }
            Op::Arith { op, a, b, dst } => self.arith(ip, *op, *a, *b, *dst),
            Op::FMoveIn { src, fr } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let isf = self.is_float(v);
                let z = self.b.ins().iconst(I64, 0);
                let w = self.b.ins().select(isf, v, z);
                let f = self.b.ins().bitcast(F64, MemFlagsData::new(), w);
                self.fset(*fr, f);
                self.jump_to(ip + 1);
            }
            Op::FMoveOut { fr, dst } => {
                let slow = self.slow_block(ip);
                let dp = self.place(*dst, slow);
                let f = self.fget(*fr);
                let w = self.b.ins().bitcast(I64, MemFlagsData::new(), f);
                self.put(dp, w);
                self.jump_to(ip + 1);
            }
            Op::FMove { from, to } => {
                let f = self.fget(*from);
                self.fset(*to, f);
                self.jump_to(ip + 1);
            }
            Op::FConv { src, fr } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let f = self.as_f64(v, slow);
                self.fset(*fr, f);
                self.jump_to(ip + 1);
            }
            Op::FArith { op, a, b, dst } => {
                let slow = self.slow_block(ip);
                let fa = self.fget(*a);
                let fbv = self.fget(*b);
                let r = self.float_op(*op, fa, fbv, slow);
                self.fset(*dst, r);
                self.jump_to(ip + 1);
            }
            Op::FNegate { a, dst } => {
                // OTP 25 negates as `0.0 - X`: -(0.0) is 0.0
                let fa = self.fget(*a);
                let z = self.b.ins().f64const(0.0);
                let r = self.b.ins().fsub(z, fa);
                self.fset(*dst, r);
                self.jump_to(ip + 1);
            }
            Op::TestHeap { need } => {
                let slow = self.slow_block(ip);
                self.gc_guard(*need, slow);
                self.jump_to(ip + 1);
            }
            Op::Allocate { stack, heap } => {
                let slow = self.slow_block(ip);
                self.gc_guard(*heap, slow);
                let len = self.b.use_var(self.v.slen);
                let max = self.b.use_var(self.v.smax);
                let nl = self.b.ins().iadd_imm_s(len, *stack as i64);
                let fits = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, nl, max);
                self.guard(fits, slow);
                let ptr = self.b.use_var(self.v.sptr);
                let off = self.b.ins().ishl_imm_s(len, 3);
                let base = self.b.ins().iadd(ptr, off);
                let nil = self.b.ins().iconst(I64, NIL as i64);
                for k in 0..*stack {
                    self.b.ins().store(flags(), nil, base, 8 * k as i32);
                }
                self.b.def_var(self.v.slen, nl);
                self.jump_to(ip + 1);
            }
            Op::Deallocate { n } => {
                self.pop_frame(*n);
                self.jump_to(ip + 1);
            }
            Op::InitY { regs } => {
                let slow = self.slow_block(ip);
                let nil = self.b.ins().iconst(I64, NIL as i64);
                for &r in regs {
                    let a = self.y_addr(r, slow);
                    self.b.ins().store(flags(), nil, a, 0);
                }
                self.jump_to(ip + 1);
            }
            Op::Call { arity, target } => {
                let slow = self.slow_block(ip);
                self.cp_room_guard(slow);
                self.gc_guard(0, slow);
                self.push_cp(ip + 1);
                self.reduction(self.loc(*target), *arity);
                self.jump_to(*target);
            }
            Op::CallLast {
                arity,
                target,
                dealloc,
            } => {
                let slow = self.slow_block(ip);
                self.gc_guard(0, slow);
                self.pop_frame(*dealloc);
                self.reduction(self.loc(*target), *arity);
                self.jump_to(*target);
            }
            Op::CallOnly { arity, target } => {
                let slow = self.slow_block(ip);
                self.gc_guard(0, slow);
                self.reduction(self.loc(*target), *arity);
                self.jump_to(*target);
            }
            Op::Return => self.ret_from(ip),
            Op::CallFun { arity, fun } => self.call_fun(ip, *arity, *fun),
            Op::BsGetSmall {
                ctx,
                bits,
                flags,
                dst,
                fail,
            } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*ctx, slow);
                let ok = self.boxed_header_test(v, |g, h| g.header_kind_in(h, &[KIND_MATCH_CTX]));
                self.guard(ok, slow);
                let dp = self.place(*dst, slow);
                let spec = self
                    .b
                    .ins()
                    .iconst(I64, ((*flags as i64) << 32) | *bits as i64);
                // (the helper touches only the match context: nothing to
                // write back or reload)
                let r = self.call_helper(self.helpers.bs_int, v, spec);
                let none = self.b.ins().icmp_imm_s(IntCC::Equal, r, BS_NO_MATCH);
                let got = self.b.create_block();
                let missed = self.b.create_block();
                self.b.ins().brif(none, missed, &[], got, &[]);
                self.b.switch_to_block(missed);
                self.jump_to(*fail);
                self.b.switch_to_block(got);
                let w = self.tag_small(r);
                self.put(dp, w);
                self.jump_to(ip + 1);
            }
            Op::MakeFun { lambda, env, dst } => {
                let slow = self.slow_block(ip);
                let mut vals = Vec::with_capacity(env.len());
                for e in env {
                    vals.push(self.load_src(*e, slow));
                }
                let dp = self.place(*dst, slow);
                let n = 1 + env.len() as u32;
                let p = self.alloc(1 + n, slow);
                let hdr = (TAG_HEADER_MIN << 48) | (KIND_CLOSURE << HEADER_KIND_SHIFT) | n as u64;
                let hv = self.b.ins().iconst(I64, hdr as i64);
                self.b.ins().store(flags(), hv, p, 0);
                let lv = self.b.ins().iconst(I64, *lambda as i64);
                self.b.ins().store(flags(), lv, p, 8);
                for (i, v) in vals.into_iter().enumerate() {
                    self.b.ins().store(flags(), v, p, 8 * (2 + i as i32));
                }
                let w = self.b.ins().bor_imm_s(p, (TAG_BOXED << 48) as i64);
                self.put(dp, w);
                self.jump_to(ip + 1);
            }
            Op::IsFunArity { src, arity, fail } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let lay = self.lay;
                let want = *arity as i64;
                let c = self.boxed_header_test(v, |g, h| {
                    let k = g.b.ins().ushr_imm_s(h, HEADER_KIND_SHIFT);
                    let k = g.b.ins().band_imm_s(k, HEADER_KIND_MASK as i64);
                    let is_clo = g.b.ins().icmp_imm_s(IntCC::Equal, k, KIND_CLOSURE as i64);
                    let is_exp =
                        g.b.ins()
                            .icmp_imm_s(IntCC::Equal, k, KIND_EXPORT_FUN as i64);
                    let either = g.b.ins().bor(is_clo, is_exp);
                    g.and_then(either, |g| {
                        // word 1: the `Lambda` of a closure, the
                        // `Export` of an export fun
                        let a = g.addr(v);
                        let target = g.b.ins().load(I64, flags(), a, 8);
                        let clo = g.b.create_block();
                        let exp = g.b.create_block();
                        let join = g.b.create_block();
                        g.b.append_block_param(join, I64);
                        g.b.ins().brif(is_clo, clo, &[], exp, &[]);
                        g.b.switch_to_block(clo);
                        let ta = g.b.ins().uload32(flags(), target, lay.lambda_arity);
                        let nf = g.b.ins().uload32(flags(), target, lay.lambda_num_free);
                        let ca = g.b.ins().isub(ta, nf);
                        g.b.ins().jump(join, &args(&[ca]));
                        g.b.switch_to_block(exp);
                        let ea = g.b.ins().uload32(flags(), target, lay.export_arity);
                        g.b.ins().jump(join, &args(&[ea]));
                        g.b.switch_to_block(join);
                        let got = g.b.block_params(join)[0];
                        g.b.ins().icmp_imm_s(IntCC::Equal, got, want)
                    })
                });
                self.branch(c, ip, *fail);
            }
            Op::Bif {
                bif,
                args: bargs,
                dst,
                fail,
            } => {
                let slow = self.slow_block(ip);
                let mut vals = Vec::with_capacity(bargs.len());
                for a in bargs {
                    vals.push(self.load_src(*a, slow));
                }
                let dp = self.place(*dst, slow);
                let ctx = self.ctx;
                for (i, v) in vals.into_iter().enumerate() {
                    self.b.ins().store(flags(), v, ctx, CTX_ARGS + 8 * i as i32);
                }
                self.sync();
                let bv = self.b.ins().iconst(I64, *bif as i64);
                let nv = self.b.ins().iconst(I64, bargs.len() as i64);
                let r = self.call_helper(self.helpers.bif, bv, nv);
                // the BIF may have allocated
                self.load_state();
                let failed = self.b.ins().icmp_imm_s(IntCC::Equal, r, NON_VALUE as i64);
                let bad = self.b.create_block();
                let good = self.b.create_block();
                self.b.ins().brif(failed, bad, &[], good, &[]);
                self.b.switch_to_block(bad);
                match fail {
                    Some(f) => self.jump_to(*f),
                    // no fail label: the interpreter raises (these BIFs
                    // have no side effects, so running it again is safe)
                    None => {
                        self.b.ins().jump(slow, &[]);
                    }
                }
                self.b.switch_to_block(good);
                self.put(dp, r);
                self.jump_to(ip + 1);
            }
            Op::BsPosition { ctx, dst } => {
                let slow = self.slow_block(ip);
                let a = self.match_ctx(*ctx, slow);
                let dp = self.place(*dst, slow);
                let pos = self.b.ins().load(I64, flags(), a, 8);
                let w = self.tag_small(pos);
                self.put(dp, w);
                self.jump_to(ip + 1);
            }
            Op::BsSetPosition { ctx, pos } => {
                let slow = self.slow_block(ip);
                let a = self.match_ctx(*ctx, slow);
                let pv = self.load_src(*pos, slow);
                // a small integer in 0..=end, else the interpreter's rules
                let small = self.is_small(pv);
                self.guard(small, slow);
                let n = self.untag(pv);
                let end = self.b.ins().load(I64, flags(), a, 16);
                let inr = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, n, end);
                self.guard(inr, slow);
                self.b.ins().store(flags(), n, a, 8);
                self.jump_to(ip + 1);
            }
            Op::BsTestRemaining { ctx, test, fail } => {
                let slow = self.slow_block(ip);
                let a = self.match_ctx(*ctx, slow);
                let pos = self.b.ins().load(I64, flags(), a, 8);
                let end = self.b.ins().load(I64, flags(), a, 16);
                let left = self.b.ins().isub(end, pos);
                let c = match *test {
                    BsRemaining::Exactly(n) => {
                        self.b.ins().icmp_imm_s(IntCC::Equal, left, n as i64)
                    }
                    BsRemaining::Unit(u) => {
                        let u = u.max(1) as i64;
                        let r = if u & (u - 1) == 0 {
                            self.b.ins().band_imm_s(left, u - 1)
                        } else {
                            let uv = self.b.ins().iconst(I64, u);
                            self.b.ins().urem(left, uv)
                        };
                        self.b.ins().icmp_imm_s(IntCC::Equal, r, 0)
                    }
                };
                self.branch(c, ip, *fail);
            }
            Op::Exec { instr, dsts, fail } => {
                let slow = self.slow_block(ip);
                self.sync();
                let iv = self.b.ins().iconst(I64, *instr as i64);
                let loc = self
                    .b
                    .ins()
                    .iconst(I64, ((self.f.module as i64) << 32) | ip as i64);
                let r = self.call_helper(self.helpers.exec, iv, loc);
                self.load_heap();
                for d in dsts {
                    if let Dst::X(i) = d {
                        if let Some(var) = self.cached_x(*i) {
                            let xb = self.xb;
                            let w = self.b.ins().load(I64, flags(), xb, 8 * *i as i32);
                            self.b.def_var(var, w);
                        }
                    }
                }
                let next = self.b.create_block();
                let other = self.b.create_block();
                let is_next = self.b.ins().icmp_imm_s(IntCC::Equal, r, EXEC_NEXT);
                self.b.ins().brif(is_next, next, &[], other, &[]);
                self.b.switch_to_block(other);
                match fail {
                    Some(f) => {
                        let failed = self.b.create_block();
                        let is_fail = self.b.ins().icmp_imm_s(IntCC::Equal, r, EXEC_FAIL);
                        self.b.ins().brif(is_fail, failed, &[], slow, &[]);
                        self.b.switch_to_block(failed);
                        self.jump_to(*f);
                    }
                    None => {
                        self.b.ins().jump(slow, &[]);
                    }
                }
                self.b.switch_to_block(next);
                self.jump_to(ip + 1);
            }
            Op::CallBif { arity, bif, tail } => {
                let slow = self.slow_block(ip);
                let r = self.b.use_var(self.v.reds);
                let r = self.b.ins().iadd_imm_s(r, -1);
                self.b.def_var(self.v.reds, r);
                self.sync();
                let bv = self.b.ins().iconst(I64, *bif as i64);
                let av = self.b.ins().iconst(I64, *arity as i64);
                let res = self.call_helper(self.helpers.call_bif, bv, av);
                let ok = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, res, 0);
                // (on failure the slow path steps it: reds were written
                // back already decremented, and the interpreter takes one
                // more; undo)
                let undo = self.b.create_block();
                let done = self.b.create_block();
                self.b.ins().brif(ok, done, &[], undo, &[]);
                self.b.switch_to_block(undo);
                // the BIF may have allocated (the error term): nothing
                // cached is current any more
                self.load_state();
                let r1 = self.b.ins().iadd_imm_s(r, 1);
                self.b.def_var(self.v.reds, r1);
                self.b.ins().jump(slow, &[]);
                self.b.switch_to_block(done);
                match tail {
                    None => {
                        let next = self.b.ins().iconst(I64, (ip + 1) as i64);
                        self.b.ins().jump(self.reload, &args(&[next]));
                    }
                    Some((n, ret_ip)) => {
                        // the BIF may have allocated: reload the state
                        // (x0 is its result; no other register changed)
                        self.load_state();
                        if let Some(var) = self.cached_x(0) {
                            let w = self.b.ins().load(I64, flags(), self.xb, 0);
                            self.b.def_var(var, w);
                        }
                        self.pop_frame(*n);
                        self.ret_from(*ret_ip);
                    }
                }
            }
            Op::CallExt {
                arity,
                export,
                tail,
                direct,
            } => {
                // every check before any side effect: the slow path runs
                // the whole instruction
                let slow = self.slow_block(ip);
                let ea = self.b.ins().iconst(I64, *export as i64);
                let t = self.b.ins().load(I64, flags(), ea, 0);
                let loaded = self.b.ins().icmp_imm_s(IntCC::NotEqual, t, 0);
                self.guard(loaded, slow);
                if tail.is_none() {
                    self.cp_room_guard(slow);
                }
                self.gc_guard(0, slow);
                match tail {
                    None => self.push_cp(ip + 1),
                    Some(n) => self.pop_frame(*n),
                }
                let next = self.b.ins().iadd_imm_s(t, -1);
                self.reduction_to(next, *arity);
                if let Some((expect, word)) = *direct {
                    // the callee's compiled code, while the export still
                    // points where it did at translation: tail-call it
                    // (it reloads the state from memory)
                    let same = self.b.ins().icmp_imm_s(IntCC::Equal, t, expect as i64);
                    self.enter_code_word(word, Some(same), next);
                } else {
                    self.b.ins().jump(self.goto, &args(&[next]));
                }
            }
        }
    }

    /// `call_fun` of a closure (see [`Op::CallFun`]). Every check comes
    /// before any side effect: the slow path steps the whole instruction.
    fn call_fun(&mut self, ip: u32, arity: u32, fun: Src) {
        let slow = self.slow_block(ip);
        let f = self.load_src(fun, slow);
        let ok = self.boxed_header_test(f, |g, h| g.header_kind_in(h, &[KIND_CLOSURE]));
        self.guard(ok, slow);
        let fa = self.addr(f);
        let lam = self.b.ins().load(I64, flags(), fa, 8);
        let lay = self.lay;
        let total = self.b.ins().uload32(flags(), lam, lay.lambda_arity);
        let nfree = self.b.ins().uload32(flags(), lam, lay.lambda_num_free);
        let call_arity = self.b.ins().isub(total, nfree);
        let right = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, call_arity, arity as i64);
        self.guard(right, slow);
        let room = (lay.x_regs as i64 - arity as i64).max(0);
        let fits = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, nfree, room);
        self.guard(fits, slow);
        self.cp_room_guard(slow);
        self.gc_guard(0, slow);
        // out of reductions: the interpreter makes the call and yields
        let r = self.b.use_var(self.v.reds);
        let left = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, r, 0);
        self.guard(left, slow);
        let r = self.b.ins().iadd_imm_s(r, -1);
        self.b.def_var(self.v.reds, r);
        // the free variables to x(arity).. (memory: the callee reads them
        // from there)
        let head = self.b.create_block();
        self.b.append_block_param(head, I64);
        let body = self.b.create_block();
        let done = self.b.create_block();
        let z = self.b.ins().iconst(I64, 0);
        self.b.ins().jump(head, &args(&[z]));
        self.b.switch_to_block(head);
        let i = self.b.block_params(head)[0];
        let more = self.b.ins().icmp(IntCC::UnsignedLessThan, i, nfree);
        self.b.ins().brif(more, body, &[], done, &[]);
        self.b.switch_to_block(body);
        let off = self.b.ins().ishl_imm_s(i, 3);
        let from = self.b.ins().iadd(fa, off);
        let w = self.b.ins().load(I64, flags(), from, 16);
        let to = self.b.ins().iadd(self.xb, off);
        self.b.ins().store(flags(), w, to, 8 * arity as i32);
        let i1 = self.b.ins().iadd_imm_s(i, 1);
        self.b.ins().jump(head, &args(&[i1]));
        self.b.switch_to_block(done);
        self.push_cp(ip + 1);
        let mi = self.b.ins().uload16(I64, flags(), lam, lay.lambda_module);
        let lip = self.b.ins().uload32(flags(), lam, lay.lambda_ip);
        let hi = self.b.ins().ishl_imm_s(mi, 32);
        let next = self.b.ins().bor(hi, lip);
        self.b.ins().jump(self.goto, &args(&[next]));
    }

    fn loc(&self, ip: u32) -> u64 {
        ((self.f.module as u64) << 32) | ip as u64
    }

    /// Return (pop a CP and continue there). Its slow path steps the
    /// `return` instruction at `ip`.
    fn ret_from(&mut self, ip: u32) {
        let slow = self.slow_block(ip);
        let len = self.b.use_var(self.v.slen);
        let ne = self.b.ins().icmp_imm_s(IntCC::NotEqual, len, 0);
        self.guard(ne, slow);
        let ptr = self.b.use_var(self.v.sptr);
        let off = self.b.ins().ishl_imm_s(len, 3);
        let top = self.b.ins().iadd(ptr, off);
        let cp = self.b.ins().load(I64, flags(), top, -8);
        let iscp = self.has_tag(cp, TAG_CP);
        self.guard(iscp, slow);
        let notexit = self.b.ins().icmp_imm_s(IntCC::NotEqual, cp, EXIT_CP as i64);
        self.guard(notexit, slow);
        let nl = self.b.ins().iadd_imm_s(len, -1);
        self.set_len_lower(nl);
        let next = self.b.ins().band_imm_s(cp, PAYLOAD_MASK as i64);
        // out of reductions: yield with the return value live
        let r = self.b.use_var(self.v.reds);
        let out = self.b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, r, 0);
        let y = self.b.create_block();
        let cont = self.b.create_block();
        self.b.ins().brif(out, y, &[], cont, &[]);
        self.b.switch_to_block(y);
        self.yield_now(next, 1);
        self.b.switch_to_block(cont);
        let mi = self.b.ins().ushr_imm_s(next, 32);
        let same = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, mi, self.f.module as i64);
        let local = self.b.create_block();
        let far = self.b.create_block();
        self.b.ins().brif(same, local, &[], far, &[]);
        self.b.switch_to_block(far);
        self.b.ins().jump(self.goto, &args(&[next]));
        self.b.switch_to_block(local);
        let rip = self.b.ins().band_imm_s(next, 0xFFFF_FFFF);
        // reload reads memory: write back first
        let resync = self.b.create_block();
        self.b.append_block_param(resync, I64);
        let cur = self.b.current_block().expect("in ret");
        self.b.switch_to_block(resync);
        let r = self.b.block_params(resync)[0];
        self.sync();
        self.b.ins().jump(self.reload, &args(&[r]));
        self.b.switch_to_block(cur);
        if self.live.return_points.is_empty() {
            self.b.ins().jump(resync, &args(&[rip]));
            return;
        }
        // the op after one of our own calls: natively, variables intact;
        // anything else through reload
        let idx = self.b.ins().iadd_imm_s(rip, -(self.f.start as i64));
        let idx32 = self.b.ins().ireduce(I32, idx);
        // (every entry needs its own block call: they own their arguments)
        let span = self.live.return_points.last().map_or(0, |&k| k + 1);
        let mut calls = Vec::with_capacity(span);
        for k in 0..span {
            calls.push(if self.live.return_points.contains(&k) {
                self.b.func.dfg.block_call(self.blocks[k], &[])
            } else {
                self.b.func.dfg.block_call(resync, &args(&[rip]))
            });
        }
        let other = self.b.func.dfg.block_call(resync, &args(&[rip]));
        let jt = self.b.create_jump_table(JumpTableData::new(other, &calls));
        self.b.ins().br_table(idx32, jt);
    }

    /// Jump to the label of `v` in `table` (sorted by key), else `fail`.
    fn search(&mut self, v: Value, table: &[(u64, u32)], fail: u32) {
        if table.len() <= 4 {
            for &(k, l) in table {
                let c = self.b.ins().icmp_imm_s(IntCC::Equal, v, k as i64);
                let hit = self.b.create_block();
                let miss = self.b.create_block();
                self.b.ins().brif(c, hit, &[], miss, &[]);
                self.b.switch_to_block(hit);
                self.jump_to(l);
                self.b.switch_to_block(miss);
            }
            self.jump_to(fail);
            return;
        }
        let mid = table.len() / 2;
        let k = table[mid].0;
        let lt = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, v, k as i64);
        let lo = self.b.create_block();
        let hi = self.b.create_block();
        self.b.ins().brif(lt, lo, &[], hi, &[]);
        self.b.switch_to_block(lo);
        self.search(v, &table[..mid], fail);
        self.b.switch_to_block(hi);
        self.search(v, &table[mid..], fail);
    }

    fn cmp(&mut self, ip: u32, cmp: Cmp, sa: Src, sb: Src, fail: u32) {
        let slow = self.slow_block(ip);
        let a = self.load_src(sa, slow);
        let b = self.load_src(sb, slow);
        match cmp {
            Cmp::EqExact | Cmp::NeExact | Cmp::Eq | Cmp::Ne => {
                let exact = matches!(cmp, Cmp::EqExact | Cmp::NeExact);
                let want_eq = matches!(cmp, Cmp::EqExact | Cmp::Eq);
                // identical words are equal (no NaNs in Erlang)
                let same = self.b.ins().icmp(IntCC::Equal, a, b);
                let eq_blk = self.b.create_block();
                let diff = self.b.create_block();
                self.b.ins().brif(same, eq_blk, &[], diff, &[]);
                self.b.switch_to_block(eq_blk);
                if want_eq {
                    self.jump_to(ip + 1)
                } else {
                    self.jump_to(fail)
                }
                self.b.switch_to_block(diff);
                // different words: unequal for sure when neither is a
                // pointer and (=:=) they are not both floats, or (==)
                // neither is a number
                let pa = self.is_pointer(a);
                let pb = self.is_pointer(b);
                let unsure = if exact {
                    // (=:=) a boxed or list term never equals an
                    // immediate (bignums are never small); different
                    // words may only be equal as two pointers or as the
                    // floats 0.0 and -0.0
                    let pp = self.b.ins().band(pa, pb);
                    let fa = self.is_float(a);
                    let fb = self.is_float(b);
                    let ff = self.b.ins().band(fa, fb);
                    self.b.ins().bor(pp, ff)
                } else {
                    let unsure = self.b.ins().bor(pa, pb);
                    let fa = self.is_float(a);
                    let fb = self.is_float(b);
                    let sa_ = self.is_small(a);
                    let sb_ = self.is_small(b);
                    let na = self.b.ins().bor(fa, sa_);
                    let nb = self.b.ins().bor(fb, sb_);
                    // int == float may hold; two smalls never do here
                    let mixed = self.b.ins().bxor(fa, fb);
                    let num = self.b.ins().band(na, nb);
                    let m = self.b.ins().band(mixed, num);
                    let ff = self.b.ins().band(fa, fb);
                    let u = self.b.ins().bor(m, ff);
                    self.b.ins().bor(unsure, u)
                };
                let sure = self.b.ins().bxor_imm_s(unsure, 1);
                let generic = self.cmp_generic(ip, cmp, a, b, fail);
                self.guard(sure, generic);
                if want_eq {
                    self.jump_to(fail)
                } else {
                    self.jump_to(ip + 1)
                }
            }
            Cmp::Lt | Cmp::Ge => {
                if let Some(c) = self.both_small(a, b, sa, sb) {
                    // numbers that are not both small: as floats; other
                    // terms through the compare helper
                    let nums = self.b.create_block();
                    self.guard(c, nums);
                    let cur = self.b.current_block().expect("in cmp");
                    let generic = self.cmp_generic(ip, cmp, a, b, fail);
                    self.b.switch_to_block(nums);
                    let fa = self.as_f64(a, generic);
                    let fb = self.as_f64(b, generic);
                    let cc = if cmp == Cmp::Lt {
                        FloatCC::LessThan
                    } else {
                        FloatCC::GreaterThanOrEqual
                    };
                    let c = self.b.ins().fcmp(cc, fa, fb);
                    self.branch(c, ip, fail);
                    self.b.switch_to_block(cur);
                }
                // small words order as their payloads once shifted up
                let ua = self.b.ins().ishl_imm_s(a, 16);
                let ub = self.b.ins().ishl_imm_s(b, 16);
                let cc = if cmp == Cmp::Lt {
                    IntCC::SignedLessThan
                } else {
                    IntCC::SignedGreaterThanOrEqual
                };
                let c = self.b.ins().icmp(cc, ua, ub);
                self.branch(c, ip, fail);
            }
        }
    }

    /// A block that settles comparison `cmp` of `a` and `b` through the
    /// `compare` helper (pure: nothing to write back or reload).
    fn cmp_generic(&mut self, ip: u32, cmp: Cmp, a: Value, b: Value, fail: u32) -> Block {
        let cur = self.b.current_block();
        let blk = self.b.create_block();
        self.b.switch_to_block(blk);
        let r = self.call_helper(self.helpers.compare, a, b);
        let c = match cmp {
            Cmp::Lt => self.b.ins().icmp_imm_s(IntCC::Equal, r, CMP_LESS),
            Cmp::Ge => self.b.ins().icmp_imm_s(IntCC::NotEqual, r, CMP_LESS),
            Cmp::EqExact => self.b.ins().icmp_imm_s(IntCC::Equal, r, CMP_EXACT),
            Cmp::NeExact => self.b.ins().icmp_imm_s(IntCC::NotEqual, r, CMP_EXACT),
            Cmp::Eq | Cmp::Ne => {
                let lo = self.b.ins().icmp_imm_s(IntCC::Equal, r, CMP_EQUAL);
                let hi = self.b.ins().icmp_imm_s(IntCC::Equal, r, CMP_EXACT);
                let eq = self.b.ins().bor(lo, hi);
                if cmp == Cmp::Eq {
                    eq
                } else {
                    self.b.ins().bxor_imm_s(eq, 1)
                }
            }
        };
        self.branch(c, ip, fail);
        if let Some(c) = cur {
            self.b.switch_to_block(c);
        }
        blk
    }

    /// The value of a float or small-integer word (a small converts
    /// exactly: it has at most 48 bits); anything else goes to `slow`.
    fn as_f64(&mut self, v: Value, slow: Block) -> Value {
        let isf = self.is_float(v);
        let fl = self.b.create_block();
        let notf = self.b.create_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, F64);
        self.b.ins().brif(isf, fl, &[], notf, &[]);
        self.b.switch_to_block(fl);
        let f = self.b.ins().bitcast(F64, MemFlagsData::new(), v);
        self.b.ins().jump(done, &args(&[f]));
        self.b.switch_to_block(notf);
        let iss = self.is_small(v);
        self.guard(iss, slow);
        let i = self.untag(v);
        let f = self.b.ins().fcvt_from_sint(F64, i);
        self.b.ins().jump(done, &args(&[f]));
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// `a op b`; a non-finite result goes to `slow` (which raises
    /// badarith).
    fn float_op(&mut self, op: FloatOp, a: Value, b: Value, slow: Block) -> Value {
        let r = match op {
            FloatOp::Add => self.b.ins().fadd(a, b),
            FloatOp::Sub => self.b.ins().fsub(a, b),
            FloatOp::Mul => self.b.ins().fmul(a, b),
            FloatOp::Div => self.b.ins().fdiv(a, b),
        };
        // finite: the exponent bits are not all ones
        let bits = self.b.ins().bitcast(I64, MemFlagsData::new(), r);
        let e = self.b.ins().band_imm_s(bits, 0x7FF0_0000_0000_0000);
        let fin = self
            .b
            .ins()
            .icmp_imm_s(IntCC::NotEqual, e, 0x7FF0_0000_0000_0000);
        self.guard(fin, slow);
        r
    }

    fn arith(&mut self, ip: u32, op: Arith, sa: Src, sb: Src, dst: Dst) {
        let slow = self.slow_block(ip);
        let a = self.load_src(sa, slow);
        let b = self.load_src(sb, slow);
        let dp = self.place(dst, slow);
        // what the inline paths leave (bignums, mixed operands, overflow,
        // division by zero) goes to the `arith` helper; its errors to `step`
        let big = self.b.create_block();
        if let Some(c) = self.both_small(a, b, sa, sb) {
            let float_op = match op {
                Arith::Add => Some(FloatOp::Add),
                Arith::Sub => Some(FloatOp::Sub),
                Arith::Mul => Some(FloatOp::Mul),
                _ => None,
            };
            match float_op {
                Some(fop) => {
                    // not both small: floats (or a small and a float)
                    let nums = self.b.create_block();
                    self.guard(c, nums);
                    let cur = self.b.current_block().expect("in arith");
                    self.b.switch_to_block(nums);
                    let fa = self.as_f64(a, big);
                    let fb = self.as_f64(b, big);
                    let r = self.float_op(fop, fa, fb, big);
                    let w = self.b.ins().bitcast(I64, MemFlagsData::new(), r);
                    self.put(dp, w);
                    self.jump_to(ip + 1);
                    self.b.switch_to_block(cur);
                }
                None => self.guard(c, big),
            }
        }
        let word = match op {
            Arith::Band => self.b.ins().band(a, b),
            Arith::Bor => self.b.ins().bor(a, b),
            Arith::Bxor => {
                let x = self.b.ins().bxor(a, b);
                self.b.ins().bor_imm_s(x, (TAG_SMALL << 48) as i64)
            }
            _ => {
                let x = self.untag(a);
                let y = self.untag(b);
                let r = match op {
                    Arith::Add => self.b.ins().iadd(x, y),
                    Arith::Sub => self.b.ins().isub(x, y),
                    Arith::Mul => {
                        let (r, of) = self.b.ins().smul_overflow(x, y);
                        let nof = self.b.ins().bxor_imm_s(of, 1);
                        self.guard(nof, big);
                        r
                    }
                    Arith::IntDiv | Arith::Rem => {
                        let nz = self.b.ins().icmp_imm_s(IntCC::NotEqual, y, 0);
                        self.guard(nz, big);
                        if op == Arith::IntDiv {
                            self.b.ins().sdiv(x, y)
                        } else {
                            self.b.ins().srem(x, y)
                        }
                    }
                    Arith::Bsl => {
                        let inr = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, y, 64);
                        self.guard(inr, big);
                        let r = self.b.ins().ishl(x, y);
                        let back = self.b.ins().sshr(r, y);
                        let same = self.b.ins().icmp(IntCC::Equal, back, x);
                        self.guard(same, big);
                        r
                    }
                    Arith::Bsr => {
                        let nonneg = self
                            .b
                            .ins()
                            .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, y, 0);
                        self.guard(nonneg, big);
                        let c63 = self.b.ins().iconst(I64, 63);
                        let s = self.b.ins().umin(y, c63);
                        self.b.ins().sshr(x, s)
                    }
                    _ => unreachable!("handled above"),
                };
                let fits = self.fits_small(r);
                self.guard(fits, big);
                self.tag_small(r)
            }
        };
        self.put(dp, word);
        self.jump_to(ip + 1);

        self.b.switch_to_block(big);
        self.sync();
        let ctx = self.ctx;
        self.b.ins().store(flags(), a, ctx, CTX_ARGS);
        self.b.ins().store(flags(), b, ctx, CTX_ARGS + 8);
        let opv = self.b.ins().iconst(I64, op as i64);
        let z = self.b.ins().iconst(I64, 0);
        let r = self.call_helper(self.helpers.arith, opv, z);
        self.load_heap();
        let failed = self.b.ins().icmp_imm_s(IntCC::Equal, r, NON_VALUE as i64);
        let done = self.b.create_block();
        self.b.ins().brif(failed, slow, &[], done, &[]);
        self.b.switch_to_block(done);
        self.put(dp, r);
        self.jump_to(ip + 1);
    }
}

fn dst_as_src(d: Dst) -> Src {
    match d {
        Dst::X(i) => Src::X(i),
        Dst::Y(i) => Src::Y(i),
    }
}
