//! Which x registers each op of a function may read before writing them
//! (live-in sets), over the function's internal control edges.
//!
//! Compiled code keeps x registers in Cranelift variables and writes every
//! change through to memory, so memory is always the truth and a variable
//! is only a copy. Where control enters from outside the native code (the
//! trampoline, the interpreter after a `step`), the landing pad of the op
//! reloads just that op's live-in registers; every other variable read is
//! reached along internal edges from a definition. The edges here must be
//! exactly the ones `codegen` emits: `successors` is the single list.

use crate::ir::{Dst, Function, Op, Src};

/// One bit per x register below [`Liveness::nx`].
#[derive(Clone, PartialEq)]
pub struct RegSet(Vec<u64>);

impl RegSet {
    fn new(nx: usize) -> RegSet {
        RegSet(vec![0; nx.div_ceil(64).max(1)])
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }
    fn union_with(&mut self, o: &RegSet) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= *b;
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            (0..64)
                .filter(move |b| bits >> b & 1 == 1)
                .map(move |b| w * 64 + b)
        })
    }
}

pub struct Liveness {
    /// Registers below this index are cached in variables.
    pub nx: usize,
    /// Live-in set of every op.
    pub live_in: Vec<RegSet>,
    /// Indices of ops a `Return` of this function can land on natively
    /// (the op after each `Call`).
    pub return_points: Vec<usize>,
}

/// The x registers an op reads (through variables) and writes.
pub fn uses_defs(op: &Op) -> (Vec<u16>, Vec<u16>) {
    let mut u = Vec::new();
    let mut d = Vec::new();
    let mut src = |s: &Src| {
        if let Src::X(i) = s {
            u.push(*i)
        }
    };
    let mut dst = |x: &Dst| {
        if let Dst::X(i) = x {
            d.push(*i)
        }
    };
    match op {
        Op::Move { src: s, dst: t } => {
            src(s);
            dst(t);
        }
        Op::Swap { a, b } => {
            for r in [a, b] {
                if let Dst::X(i) = r {
                    u.push(*i);
                    d.push(*i);
                }
            }
        }
        Op::Test { src: s, .. }
        | Op::IsTaggedTuple { src: s, .. }
        | Op::TestArity { src: s, .. }
        | Op::SelectVal { src: s, .. }
        | Op::SelectArity { src: s, .. }
        | Op::FMoveIn { src: s, .. }
        | Op::FConv { src: s, .. } => src(s),
        Op::Cmp { a, b, .. } => {
            src(a);
            src(b);
        }
        Op::GetList { src: s, head, tail } => {
            src(s);
            dst(head);
            dst(tail);
        }
        Op::GetHd { src: s, dst: t }
        | Op::GetTl { src: s, dst: t }
        | Op::GetTupleElement { src: s, dst: t, .. } => {
            src(s);
            dst(t);
        }
        Op::PutList { head, tail, dst: t } => {
            src(head);
            src(tail);
            dst(t);
        }
        Op::PutTuple { elems, dst: t } => {
            elems.iter().for_each(&mut src);
            dst(t);
        }
        Op::Arith { a, b, dst: t, .. } => {
            src(a);
            src(b);
            dst(t);
        }
        Op::FMoveOut { dst: t, .. } => dst(t),
        Op::Bif { args, dst: t, .. } => {
            args.iter().for_each(&mut src);
            dst(t);
        }
        Op::BsPosition { ctx, dst: t } => {
            src(ctx);
            dst(t);
        }
        Op::BsSetPosition { ctx, pos } => {
            src(ctx);
            src(pos);
        }
        Op::BsTestRemaining { ctx, .. } => src(ctx),
        Op::BsGetSmall { ctx, dst: t, .. } => {
            src(ctx);
            dst(t);
        }
        // (the arguments are read from memory by the callee)
        Op::CallFun { fun, .. } => src(fun),
        Op::MakeFun { env, dst: t, .. } => {
            env.iter().for_each(&mut src);
            dst(t);
        }
        Op::IsFunArity { src: s, .. } => src(s),
        // reads its operands from memory; every destination is reloaded
        // after the call, whichever way it went
        Op::Exec { dsts, .. } => dsts.iter().for_each(&mut dst),
        Op::Step
        | Op::Nop
        | Op::CatchSlot { .. }
        | Op::Jump { .. }
        | Op::TestHeap { .. }
        | Op::FMove { .. }
        | Op::FArith { .. }
        | Op::FNegate { .. }
        | Op::Allocate { .. }
        | Op::Deallocate { .. }
        | Op::InitY { .. }
        | Op::Call { .. }
        | Op::CallLast { .. }
        | Op::CallOnly { .. }
        | Op::CallExt { .. }
        | Op::CallBif { .. }
        | Op::Return => {}
    }
    (u, d)
}

/// Absolute ips an op continues at natively (inside or outside `f`;
/// callers keep the ones inside). `Return` is handled by the caller.
pub fn successors(ip: u32, op: &Op) -> Vec<u32> {
    match op {
        // continues through the interpreter and a landing pad
        Op::Step => vec![],
        // continues in the callee (returns come back through reload)
        Op::CallExt { .. } | Op::CallFun { .. } => vec![],
        // after the helper: through reload (or a return, as `Return`)
        Op::CallBif { .. } => vec![],
        Op::Test { fail, .. }
        | Op::Cmp { fail, .. }
        | Op::IsTaggedTuple { fail, .. }
        | Op::TestArity { fail, .. }
        | Op::IsFunArity { fail, .. } => vec![ip + 1, *fail],
        Op::SelectVal { fail, table, .. } => {
            let mut v: Vec<u32> = table.iter().map(|&(_, l)| l).collect();
            v.push(*fail);
            v
        }
        Op::SelectArity { fail, table, .. } => {
            let mut v: Vec<u32> = table.iter().map(|&(_, l)| l).collect();
            v.push(*fail);
            v
        }
        Op::Jump { target } => vec![*target],
        Op::Bif { fail: Some(f), .. } => vec![ip + 1, *f],
        Op::Exec { fail: Some(f), .. } => vec![ip + 1, *f],
        Op::BsTestRemaining { fail, .. } | Op::BsGetSmall { fail, .. } => vec![ip + 1, *fail],
        Op::Call { target, .. } | Op::CallLast { target, .. } | Op::CallOnly { target, .. } => {
            vec![*target]
        }
        Op::Return => vec![],
        _ => vec![ip + 1],
    }
}

/// Highest x register index any op names, plus one (at most `cap`).
fn register_count(f: &Function, cap: usize) -> usize {
    let mut n = 0;
    for op in &f.ops {
        let (u, d) = uses_defs(op);
        for r in u.into_iter().chain(d) {
            n = n.max(r as usize + 1);
        }
    }
    n.min(cap)
}

pub fn analyse(f: &Function, cap: usize) -> Liveness {
    let nx = register_count(f, cap);
    let n = f.ops.len();
    let return_points: Vec<usize> = (0..n)
        .filter(|&i| matches!(f.ops[i], Op::Call { .. }) && i + 1 < n)
        .map(|i| i + 1)
        .collect();
    let succ: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            if matches!(f.ops[i], Op::Return | Op::CallBif { tail: Some(_), .. }) {
                return return_points.clone();
            }
            successors(f.start + i as u32, &f.ops[i])
                .into_iter()
                .filter(|&l| f.contains(l))
                .map(|l| (l - f.start) as usize)
                .collect()
        })
        .collect();
    let gen_kill: Vec<(Vec<usize>, Vec<usize>)> = f
        .ops
        .iter()
        .map(|op| {
            let (u, d) = uses_defs(op);
            let keep = |v: Vec<u16>| {
                v.into_iter()
                    .map(|r| r as usize)
                    .filter(|&r| r < nx)
                    .collect()
            };
            (keep(u), keep(d))
        })
        .collect();
    let mut live_in = vec![RegSet::new(nx); n];
    let mut changed = true;
    while changed {
        changed = false;
        for i in (0..n).rev() {
            let mut s = RegSet::new(nx);
            for &j in &succ[i] {
                s.union_with(&live_in[j]);
            }
            let (u, d) = &gen_kill[i];
            for &r in d {
                s.remove(r);
            }
            for &r in u {
                s.insert(r);
            }
            if s != live_in[i] {
                live_in[i] = s;
                changed = true;
            }
        }
    }
    Liveness {
        nx,
        live_in,
        return_points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Cmp;

    fn f(ops: Vec<Op>) -> Function {
        Function {
            name: "t".into(),
            module: 0,
            start: 10,
            ops,
            callees: vec![],
        }
    }

    #[test]
    fn loop_keeps_a_register_live() {
        // 10: x1 := x0 ; 11: if x1 < x2 goto 13 ; 12: jump 10 ; 13: return
        let func = f(vec![
            Op::Move {
                src: Src::X(0),
                dst: Dst::X(1),
            },
            Op::Cmp {
                cmp: Cmp::Lt,
                a: Src::X(1),
                b: Src::X(2),
                fail: 13,
            },
            Op::Jump { target: 10 },
            Op::Return,
        ]);
        let l = analyse(&func, 64);
        assert_eq!(l.nx, 3);
        let v: Vec<Vec<usize>> = l.live_in.iter().map(|s| s.iter().collect()).collect();
        // x0 is live at the compare too: the path through 12 jumps back
        // to 10, which reads it.
        assert_eq!(v, vec![vec![0, 2], vec![0, 1, 2], vec![0, 2], vec![]]);
    }

    #[test]
    fn return_reaches_the_op_after_each_call() {
        let func = f(vec![
            Op::Call {
                arity: 1,
                target: 10,
            },
            Op::Move {
                src: Src::X(0),
                dst: Dst::Y(0),
            },
            Op::Return,
        ]);
        let l = analyse(&func, 64);
        assert_eq!(l.return_points, vec![1]);
        assert_eq!(l.live_in[2].iter().collect::<Vec<_>>(), vec![0]);
        // the call itself reads nothing through variables
        assert!(l.live_in[0].iter().next().is_none());
    }
}
