//! IR → Cranelift IR for one Erlang function.
//!
//! Shape of every compiled function: `fn(ctx, ip) -> status`. The entry
//! block switches on `ip` (a jump table over the function's ops: calls
//! return here, receives resume here, catches land here), each op is its
//! own block, and all slow paths share one `dispatch(r)` block that
//! follows the `step` helper's answer: an ip in this function continues
//! natively, anything else returns [`GOTO`] to the trampoline.
//!
//! No term value lives in a Cranelift value across a helper call: x
//! registers, the stack and the heap are memory the helpers see, so a
//! collection inside a helper moves nothing compiled code still holds.

use crate::abi::*;
use crate::ir::{Arith, Cmp, Dst, FloatOp, Function, Op, Src, TypeTest};
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    types, AbiParam, Block, BlockArg, InstBuilder, JumpTableData, MemFlagsData, SigRef, Signature,
    Value,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::FunctionBuilder;

const I64: types::Type = types::I64;
const I32: types::Type = types::I32;

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

pub struct Gen<'a, 'f> {
    b: FunctionBuilder<'f>,
    f: &'a Function,
    lay: Layout,
    helpers: Helpers,
    helper_sig: SigRef,
    // Defined in the entry block, which dominates every other block.
    ctx: Value,
    xb: Value,
    sp: Value,
    hp: Value,
    fb: Value,
    /// step(ip): run the op at `ip` through the interpreter (every slow
    /// path jumps here with its ip).
    step_blk: Block,
    blocks: Vec<Block>,
    dispatch: Block,
    /// local(ip): continue at `ip` of this module natively if it is ours.
    local: Block,
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
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let ctx = b.block_params(entry)[0];
        let xb = b.ins().load(I64, flags(), ctx, CTX_X);
        let sp = b.ins().load(I64, flags(), ctx, CTX_STACK);
        let hp = b.ins().load(I64, flags(), ctx, CTX_HEAP);
        let fb = b.ins().load(I64, flags(), ctx, CTX_F);
        let step_blk = b.create_block();
        b.append_block_param(step_blk, I64);
        let blocks = (0..f.ops.len()).map(|_| b.create_block()).collect();
        let dispatch = b.create_block();
        b.append_block_param(dispatch, I64);
        let goto = b.create_block();
        b.append_block_param(goto, I64);
        let local = b.create_block();
        b.append_block_param(local, I64);
        let leave = b.create_block();
        Gen {
            b,
            f,
            lay,
            helpers,
            helper_sig,
            ctx,
            xb,
            sp,
            hp,
            fb,
            step_blk,
            blocks,
            dispatch,
            local,
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
        let not_entry = self.b.create_block();
        let idx = self.b.ins().iadd_imm_s(ip, -(self.f.start as i64));
        self.br_table(idx, not_entry, &[]);

        self.b.switch_to_block(not_entry);
        let s = self.b.ins().iconst(I32, NOT_ENTRY as i64);
        self.b.ins().return_(&[s]);

        // leave: a helper ended the slice or moved control.
        self.b.switch_to_block(self.leave);
        let s = self.b.ins().iconst(I32, LEAVE as i64);
        self.b.ins().return_(&[s]);

        // goto(next): continue at (module << 32 | ip) via the trampoline.
        self.b.switch_to_block(self.goto);
        let next = self.b.block_params(self.goto)[0];
        let ctx = self.ctx;
        self.b.ins().store(flags(), next, ctx, CTX_NEXT);
        let s = self.b.ins().iconst(I32, GOTO as i64);
        self.b.ins().return_(&[s]);

        // dispatch(r): r < 0 leaves; an ip of ours continues natively.
        self.b.switch_to_block(self.dispatch);
        let r = self.b.block_params(self.dispatch)[0];
        let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, r, 0);
        let nonneg = self.b.create_block();
        self.b.ins().brif(neg, self.leave, &[], nonneg, &[]);
        self.b.switch_to_block(nonneg);
        self.b.ins().jump(self.local, &args(&[r]));

        self.b.switch_to_block(self.local);
        let ip = self.b.block_params(self.local)[0];
        self.local_or_goto(ip);

        // step(ip)
        self.b.switch_to_block(self.step_blk);
        let ip = self.b.block_params(self.step_blk)[0];
        let z = self.b.ins().iconst(I64, 0);
        let r = self.call_helper(self.helpers.step, ip, z);
        self.b.ins().jump(self.dispatch, &args(&[r]));

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

    /// Jump to the op at `ip` (an i64 value) if it is ours, else GOTO it.
    fn local_or_goto(&mut self, ip: Value) {
        let idx = self.b.ins().iadd_imm_s(ip, -(self.f.start as i64));
        let inside = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, idx, self.f.ops.len() as i64);
        let tbl = self.b.create_block();
        let out = self.b.create_block();
        self.b.ins().brif(inside, tbl, &[], out, &[]);
        self.b.switch_to_block(out);
        let next = self.b.ins().iadd_imm_s(ip, (self.f.module as i64) << 32);
        self.b.ins().jump(self.goto, &args(&[next]));
        self.b.switch_to_block(tbl);
        let idx32 = self.b.ins().ireduce(I32, idx);
        let next = self.b.ins().iadd_imm_s(ip, (self.f.module as i64) << 32);
        self.br_table(idx32, self.goto, &[next]);
    }

    fn br_table(&mut self, idx32: Value, default: Block, dargs: &[Value]) {
        let dargs = args(dargs);
        let def = self.b.func.dfg.block_call(default, &dargs);
        let calls: Vec<_> = self
            .blocks
            .iter()
            .map(|&bl| self.b.func.dfg.block_call(bl, &[]))
            .collect();
        let jt = self.b.create_jump_table(JumpTableData::new(def, &calls));
        self.b.ins().br_table(idx32, jt);
    }

    // ---- small pieces ----

    fn ctxv(&mut self) -> Value {
        self.ctx
    }

    fn call_helper(&mut self, f: HelperFn, a: Value, b2: Value) -> Value {
        let ctx = self.ctxv();
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

    /// Continue at absolute ip `l` of this module.
    fn jump_to(&mut self, l: u32) {
        if self.f.contains(l) {
            let bl = self.blocks[(l - self.f.start) as usize];
            self.b.ins().jump(bl, &[]);
        } else {
            let next = self
                .b
                .ins()
                .iconst(I64, ((self.f.module as i64) << 32) | l as i64);
            self.b.ins().jump(self.goto, &args(&[next]));
        }
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

    /// Address of y(i), or to `slow` when the frame has no such slot.
    fn y_addr(&mut self, i: u16, slow: Block) -> Value {
        let sp = self.sp;
        let len = self.load_field(sp, self.lay.stack_len);
        let ok = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThan, len, i as i64);
        self.guard(ok, slow);
        let ptr = self.load_field(sp, self.lay.stack_ptr);
        let off = self.b.ins().ishl_imm_s(len, 3);
        let top = self.b.ins().iadd(ptr, off);
        self.b.ins().iadd_imm_s(top, -8 * (1 + i as i64))
    }

    fn load_src(&mut self, s: Src, slow: Block) -> Value {
        match s {
            Src::X(i) => {
                let xb = self.xb;
                self.b.ins().load(I64, flags(), xb, 8 * i as i32)
            }
            Src::Y(i) => {
                let a = self.y_addr(i, slow);
                self.b.ins().load(I64, flags(), a, 0)
            }
            Src::Imm(w) => self.b.ins().iconst(I64, w as i64),
        }
    }

    /// Where a store to `d` goes (checked before any side effect).
    fn dst_addr(&mut self, d: Dst, slow: Block) -> Value {
        match d {
            Dst::X(i) => {
                let xb = self.xb;
                self.b.ins().iadd_imm_s(xb, 8 * i as i64)
            }
            Dst::Y(i) => self.y_addr(i, slow),
        }
    }

    fn store(&mut self, addr: Value, v: Value) {
        self.b.ins().store(flags(), v, addr, 0);
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
        let hdr_blk = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, types::I8);
        let f = self.b.ins().iconst(types::I8, 0);
        self.b.ins().brif(isb, hdr_blk, &[], join, &args(&[f]));
        self.b.switch_to_block(hdr_blk);
        let a = self.addr(v);
        let h = self.b.ins().load(I64, flags(), a, 0);
        let r = pred(self, h);
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

    /// Would a collection be due before `need` more words? (OTP's
    /// `test_heap` condition, and `gc_at_call` with need 0.)
    fn wants_gc(&mut self, need: u32) -> Value {
        if self.lay.gc_stress {
            return self.b.ins().iconst(types::I8, 1);
        }
        let hp = self.hp;
        let ub = self.load_field(hp, self.lay.heap_used_before);
        let top = self.load_field(hp, self.lay.heap_top);
        let used = self.b.ins().iadd(ub, top);
        let used = self.b.ins().iadd_imm_s(used, need as i64);
        let budget = self.load_field(hp, self.lay.heap_budget);
        let over = self.b.ins().icmp(IntCC::UnsignedGreaterThan, used, budget);
        let vh = self.load_field(hp, self.lay.heap_vheap);
        let vb = self.load_field(hp, self.lay.heap_vheap_budget);
        let vover = self.b.ins().icmp(IntCC::UnsignedGreaterThan, vh, vb);
        self.b.ins().bor(over, vover)
    }

    /// Bump-allocate `n` words in the current chunk, or go to `slow`.
    fn alloc(&mut self, n: u32, slow: Block) -> Value {
        let hp = self.hp;
        let top = self.load_field(hp, self.lay.heap_top);
        let len = self.load_field(hp, self.lay.heap_cur_len);
        let room = self.b.ins().isub(len, top);
        let ok = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, room, n as i64);
        self.guard(ok, slow);
        let cur = self.load_field(hp, self.lay.heap_cur);
        let off = self.b.ins().ishl_imm_s(top, 3);
        let p = self.b.ins().iadd(cur, off);
        let ntop = self.b.ins().iadd_imm_s(top, n as i64);
        self.b.ins().store(flags(), ntop, hp, self.lay.heap_top);
        p
    }

    /// Take a reduction; out of them, yield (resuming at `next` with
    /// `live` registers) and leave.
    fn reduction(&mut self, next: u64, live: u32) {
        let ctx = self.ctxv();
        let r = self.b.ins().load(I64, flags(), ctx, CTX_REDS);
        let r = self.b.ins().iadd_imm_s(r, -1);
        self.b.ins().store(flags(), r, ctx, CTX_REDS);
        let out = self.b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, r, 0);
        let y = self.b.create_block();
        let cont = self.b.create_block();
        self.b.ins().brif(out, y, &[], cont, &[]);
        self.b.switch_to_block(y);
        let n = self.b.ins().iconst(I64, next as i64);
        let l = self.b.ins().iconst(I64, live as i64);
        self.call_helper(self.helpers.yield_at, n, l);
        self.b.ins().jump(self.leave, &[]);
        self.b.switch_to_block(cont);
    }

    fn set_stack_len(&mut self, len: Value) {
        let sp = self.sp;
        self.b.ins().store(flags(), len, sp, self.lay.stack_len);
    }

    fn stack_len(&mut self) -> Value {
        let sp = self.sp;
        self.load_field(sp, self.lay.stack_len)
    }

    /// `len - n`, or 0 (the interpreter's saturating truncate).
    fn pop_frame(&mut self, n: u32) {
        let len = self.stack_len();
        let d = self.b.ins().iadd_imm_s(len, -(n as i64));
        let enough = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, len, n as i64);
        let z = self.b.ins().iconst(I64, 0);
        let nl = self.b.ins().select(enough, d, z);
        self.set_stack_len(nl);
    }

    // ---- ops ----

    fn op(&mut self, ip: u32, op: &Op) {
        match op {
            Op::Step => self.emit_step(ip),
            Op::Nop => self.jump_to(ip + 1),
            Op::Move { src, dst } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let a = self.dst_addr(*dst, slow);
                self.store(a, v);
                self.jump_to(ip + 1);
            }
            Op::Swap { a, b } => {
                let slow = self.slow_block(ip);
                let aa = self.dst_addr(*a, slow);
                let ba = self.dst_addr(*b, slow);
                let va = self.b.ins().load(I64, flags(), aa, 0);
                let vb = self.b.ins().load(I64, flags(), ba, 0);
                self.store(aa, vb);
                self.store(ba, va);
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
                    let blk = g.b.create_block();
                    let join = g.b.create_block();
                    g.b.append_block_param(join, types::I8);
                    let f = g.b.ins().iconst(types::I8, 0);
                    g.b.ins().brif(same, blk, &[], join, &args(&[f]));
                    g.b.switch_to_block(blk);
                    let a = g.addr(v);
                    let e0 = g.b.ins().load(I64, flags(), a, 8);
                    let r = g.b.ins().icmp_imm_s(IntCC::Equal, e0, tag as i64);
                    g.b.ins().jump(join, &args(&[r]));
                    g.b.switch_to_block(join);
                    g.b.block_params(join)[0]
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
                let ha = self.dst_addr(*head, slow);
                let ta = self.dst_addr(*tail, slow);
                let a = self.addr(v);
                let h = self.b.ins().load(I64, flags(), a, 0);
                let t = self.b.ins().load(I64, flags(), a, 8);
                self.store(ha, h);
                self.store(ta, t);
                self.jump_to(ip + 1);
            }
            Op::GetHd { src, dst } | Op::GetTl { src, dst } => {
                let off = if matches!(op, Op::GetHd { .. }) { 0 } else { 8 };
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let c = self.has_tag(v, TAG_LIST);
                self.guard(c, slow);
                let da = self.dst_addr(*dst, slow);
                let a = self.addr(v);
                let w = self.b.ins().load(I64, flags(), a, off);
                self.store(da, w);
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
                let da = self.dst_addr(*dst, slow);
                let a = self.addr(v);
                let w = self.b.ins().load(I64, flags(), a, 8 * (1 + idx as i32));
                self.store(da, w);
                self.jump_to(ip + 1);
            }
            Op::PutList { head, tail, dst } => {
                let slow = self.slow_block(ip);
                let h = self.load_src(*head, slow);
                let t = self.load_src(*tail, slow);
                let da = self.dst_addr(*dst, slow);
                let p = self.alloc(2, slow);
                self.b.ins().store(flags(), h, p, 0);
                self.b.ins().store(flags(), t, p, 8);
                let w = self.b.ins().bor_imm_s(p, (TAG_LIST << 48) as i64);
                self.store(da, w);
                self.jump_to(ip + 1);
            }
            Op::PutTuple { elems, dst } => {
                let slow = self.slow_block(ip);
                let mut vals = Vec::with_capacity(elems.len());
                for e in elems {
                    vals.push(self.load_src(*e, slow));
                }
                let da = self.dst_addr(*dst, slow);
                let p = self.alloc(1 + elems.len() as u32, slow);
                let hdr =
                    (TAG_HEADER_MIN << 48) | (KIND_TUPLE << HEADER_KIND_SHIFT) | elems.len() as u64;
                let hv = self.b.ins().iconst(I64, hdr as i64);
                self.b.ins().store(flags(), hv, p, 0);
                for (i, v) in vals.into_iter().enumerate() {
                    self.b.ins().store(flags(), v, p, 8 * (1 + i as i32));
                }
                let w = self.b.ins().bor_imm_s(p, (TAG_BOXED << 48) as i64);
                self.store(da, w);
                self.jump_to(ip + 1);
            }
            Op::Arith { op, a, b, dst } => self.arith(ip, *op, *a, *b, *dst),
            Op::FMoveIn { src, fr } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let isf = self.is_float(v);
                let z = self.b.ins().iconst(I64, 0);
                let w = self.b.ins().select(isf, v, z);
                self.b.ins().store(flags(), w, self.fb, 8 * *fr as i32);
                self.jump_to(ip + 1);
            }
            Op::FMoveOut { fr, dst } => {
                let slow = self.slow_block(ip);
                let da = self.dst_addr(*dst, slow);
                let w = self.b.ins().load(I64, flags(), self.fb, 8 * *fr as i32);
                self.store(da, w);
                self.jump_to(ip + 1);
            }
            Op::FMove { from, to } => {
                let w = self.b.ins().load(I64, flags(), self.fb, 8 * *from as i32);
                self.b.ins().store(flags(), w, self.fb, 8 * *to as i32);
                self.jump_to(ip + 1);
            }
            Op::FConv { src, fr } => {
                let slow = self.slow_block(ip);
                let v = self.load_src(*src, slow);
                let isf = self.is_float(v);
                let fl = self.b.create_block();
                let notf = self.b.create_block();
                let done = self.b.create_block();
                self.b.append_block_param(done, types::F64);
                self.b.ins().brif(isf, fl, &[], notf, &[]);
                self.b.switch_to_block(fl);
                let f = self.b.ins().bitcast(types::F64, MemFlagsData::new(), v);
                self.b.ins().jump(done, &args(&[f]));
                self.b.switch_to_block(notf);
                let iss = self.is_small(v);
                self.guard(iss, slow);
                let i = self.untag(v);
                let f = self.b.ins().fcvt_from_sint(types::F64, i);
                self.b.ins().jump(done, &args(&[f]));
                self.b.switch_to_block(done);
                let f = self.b.block_params(done)[0];
                self.b.ins().store(flags(), f, self.fb, 8 * *fr as i32);
                self.jump_to(ip + 1);
            }
            Op::FArith { op, a, b, dst } => {
                let slow = self.slow_block(ip);
                let fa = self
                    .b
                    .ins()
                    .load(types::F64, flags(), self.fb, 8 * *a as i32);
                let fbv = self
                    .b
                    .ins()
                    .load(types::F64, flags(), self.fb, 8 * *b as i32);
                let r = match op {
                    FloatOp::Add => self.b.ins().fadd(fa, fbv),
                    FloatOp::Sub => self.b.ins().fsub(fa, fbv),
                    FloatOp::Mul => self.b.ins().fmul(fa, fbv),
                    FloatOp::Div => self.b.ins().fdiv(fa, fbv),
                };
                // finite: the exponent bits are not all ones
                let bits = self.b.ins().bitcast(I64, MemFlagsData::new(), r);
                let e = self.b.ins().band_imm_s(bits, 0x7FF0_0000_0000_0000);
                let fin = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::NotEqual, e, 0x7FF0_0000_0000_0000);
                self.guard(fin, slow);
                self.b.ins().store(flags(), r, self.fb, 8 * *dst as i32);
                self.jump_to(ip + 1);
            }
            Op::FNegate { a, dst } => {
                let fa = self
                    .b
                    .ins()
                    .load(types::F64, flags(), self.fb, 8 * *a as i32);
                let r = self.b.ins().fneg(fa);
                self.b.ins().store(flags(), r, self.fb, 8 * *dst as i32);
                self.jump_to(ip + 1);
            }
            Op::TestHeap { need } => {
                let slow = self.slow_block(ip);
                let w = self.wants_gc(*need);
                let ok = self.b.ins().bxor_imm_s(w, 1);
                self.guard(ok, slow);
                self.jump_to(ip + 1);
            }
            Op::Allocate { stack, heap } => {
                let slow = self.slow_block(ip);
                let w = self.wants_gc(*heap);
                let ok = self.b.ins().bxor_imm_s(w, 1);
                self.guard(ok, slow);
                let len = self.stack_len();
                let sp = self.sp;
                let cap = self.load_field(sp, self.lay.stack_cap);
                let nl = self.b.ins().iadd_imm_s(len, *stack as i64);
                let fits = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, nl, cap);
                self.guard(fits, slow);
                let ctx = self.ctxv();
                let lim = self.b.ins().load(I64, flags(), ctx, CTX_STACK_LIMIT);
                let under = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, len, lim);
                self.guard(under, slow);
                let ptr = self.load_field(sp, self.lay.stack_ptr);
                let off = self.b.ins().ishl_imm_s(len, 3);
                let base = self.b.ins().iadd(ptr, off);
                let nil = self.b.ins().iconst(I64, NIL as i64);
                for k in 0..*stack {
                    self.b.ins().store(flags(), nil, base, 8 * k as i32);
                }
                self.set_stack_len(nl);
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
                    self.store(a, nil);
                }
                self.jump_to(ip + 1);
            }
            Op::Call { arity, target } => {
                let slow = self.slow_block(ip);
                let len = self.stack_len();
                let ctx = self.ctxv();
                let lim = self.b.ins().load(I64, flags(), ctx, CTX_STACK_LIMIT);
                let under = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, len, lim);
                self.guard(under, slow);
                let w = self.wants_gc(0);
                let ok = self.b.ins().bxor_imm_s(w, 1);
                self.guard(ok, slow);
                let sp = self.sp;
                let cap = self.load_field(sp, self.lay.stack_cap);
                let room = self.b.ins().icmp(IntCC::UnsignedLessThan, len, cap);
                self.guard(room, slow);
                let ptr = self.load_field(sp, self.lay.stack_ptr);
                let off = self.b.ins().ishl_imm_s(len, 3);
                let slot = self.b.ins().iadd(ptr, off);
                let cp = (TAG_CP << 48) | ((self.f.module as u64) << 32) | (ip + 1) as u64;
                let cpv = self.b.ins().iconst(I64, cp as i64);
                self.store(slot, cpv);
                let nl = self.b.ins().iadd_imm_s(len, 1);
                self.set_stack_len(nl);
                self.reduction(self.loc(*target), *arity);
                self.jump_to(*target);
            }
            Op::CallLast {
                arity,
                target,
                dealloc,
            } => {
                let slow = self.slow_block(ip);
                let w = self.wants_gc(0);
                let ok = self.b.ins().bxor_imm_s(w, 1);
                self.guard(ok, slow);
                self.pop_frame(*dealloc);
                self.reduction(self.loc(*target), *arity);
                self.jump_to(*target);
            }
            Op::CallOnly { arity, target } => {
                let slow = self.slow_block(ip);
                let w = self.wants_gc(0);
                let ok = self.b.ins().bxor_imm_s(w, 1);
                self.guard(ok, slow);
                self.reduction(self.loc(*target), *arity);
                self.jump_to(*target);
            }
            Op::Return => self.ret(ip),
        }
    }

    fn loc(&self, ip: u32) -> u64 {
        ((self.f.module as u64) << 32) | ip as u64
    }

    fn ret(&mut self, ip: u32) {
        let slow = self.slow_block(ip);
        let len = self.stack_len();
        let ne = self.b.ins().icmp_imm_s(IntCC::NotEqual, len, 0);
        self.guard(ne, slow);
        let sp = self.sp;
        let ptr = self.load_field(sp, self.lay.stack_ptr);
        let off = self.b.ins().ishl_imm_s(len, 3);
        let top = self.b.ins().iadd(ptr, off);
        let cp = self.b.ins().load(I64, flags(), top, -8);
        let iscp = self.has_tag(cp, TAG_CP);
        self.guard(iscp, slow);
        let notexit = self.b.ins().icmp_imm_s(IntCC::NotEqual, cp, EXIT_CP as i64);
        self.guard(notexit, slow);
        let nl = self.b.ins().iadd_imm_s(len, -1);
        self.set_stack_len(nl);
        let next = self.b.ins().band_imm_s(cp, PAYLOAD_MASK as i64);
        // out of reductions: yield with the return value live
        let ctx = self.ctxv();
        let r = self.b.ins().load(I64, flags(), ctx, CTX_REDS);
        let out = self.b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, r, 0);
        let y = self.b.create_block();
        let cont = self.b.create_block();
        self.b.ins().brif(out, y, &[], cont, &[]);
        self.b.switch_to_block(y);
        let one = self.b.ins().iconst(I64, 1);
        self.call_helper(self.helpers.yield_at, next, one);
        self.b.ins().jump(self.leave, &[]);
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
        self.b.ins().jump(self.local, &args(&[rip]));
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
                let unsure = self.b.ins().bor(pa, pb);
                let unsure = if exact {
                    let fa = self.is_float(a);
                    let fb = self.is_float(b);
                    let ff = self.b.ins().band(fa, fb);
                    self.b.ins().bor(unsure, ff)
                } else {
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
                self.guard(sure, slow);
                if want_eq {
                    self.jump_to(fail)
                } else {
                    self.jump_to(ip + 1)
                }
            }
            Cmp::Lt | Cmp::Ge => {
                if let Some(c) = self.both_small(a, b, sa, sb) {
                    self.guard(c, slow);
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

    fn arith(&mut self, ip: u32, op: Arith, sa: Src, sb: Src, dst: Dst) {
        let slow = self.slow_block(ip);
        let a = self.load_src(sa, slow);
        let b = self.load_src(sb, slow);
        if let Some(c) = self.both_small(a, b, sa, sb) {
            self.guard(c, slow);
        }
        let da = self.dst_addr(dst, slow);
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
                        self.guard(nof, slow);
                        r
                    }
                    Arith::IntDiv | Arith::Rem => {
                        let nz = self.b.ins().icmp_imm_s(IntCC::NotEqual, y, 0);
                        self.guard(nz, slow);
                        if op == Arith::IntDiv {
                            self.b.ins().sdiv(x, y)
                        } else {
                            self.b.ins().srem(x, y)
                        }
                    }
                    Arith::Bsl => {
                        let inr = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, y, 64);
                        self.guard(inr, slow);
                        let r = self.b.ins().ishl(x, y);
                        let back = self.b.ins().sshr(r, y);
                        let same = self.b.ins().icmp(IntCC::Equal, back, x);
                        self.guard(same, slow);
                        r
                    }
                    Arith::Bsr => {
                        let nonneg = self
                            .b
                            .ins()
                            .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, y, 0);
                        self.guard(nonneg, slow);
                        let c63 = self.b.ins().iconst(I64, 63);
                        let s = self.b.ins().umin(y, c63);
                        self.b.ins().sshr(x, s)
                    }
                    _ => unreachable!("handled above"),
                };
                let fits = self.fits_small(r);
                self.guard(fits, slow);
                self.tag_small(r)
            }
        };
        self.store(da, word);
        self.jump_to(ip + 1);
    }
}
