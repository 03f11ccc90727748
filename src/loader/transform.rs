//! Transform: the generic ops of a parsed `.beam` file into the internal
//! instruction stream of a [`Module`].
//!
//! Every generic op becomes exactly one instruction, except `label` and
//! `line`, which become none (labels resolve to code indices, lines go to
//! the module's line table). Every operand is checked here: register
//! numbers against the register file, labels against the label table,
//! atoms/literals/imports/lambdas/strings against their tables. A check
//! that fails is a [`TransformError`] naming the op's byte offset; the
//! interpreter can then trust its operands.

use super::generic::{BeamFile, GenericOp, Operand};
use crate::code::instr::*;
use crate::code::{self, FunctionInfo, Lambda, Module};
use crate::heap::Heap;
use crate::term::{atom, bignum, Atom, Term};
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum TransformError {
    /// An operand of the wrong kind or out of range.
    BadOperand {
        opcode: u8,
        offset: usize,
        what: &'static str,
    },
    /// An opcode this VM does not run (obsolete or too new).
    Unsupported {
        opcode: u8,
        offset: usize,
    },
    /// A label used but never defined.
    UndefinedLabel {
        label: u32,
    },
    /// Structure: `func_info` missing, exports pointing nowhere, ...
    Structure(String),
    TooManyModules,
}

impl fmt::Display for TransformError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransformError::BadOperand {
                opcode,
                offset,
                what,
            } => write!(
                f,
                "bad operand for opcode {opcode} at byte offset {offset}: {what}"
            ),
            TransformError::Unsupported { opcode, offset } => write!(
                f,
                "opcode {opcode} at byte offset {offset} is not supported (obsolete or from a newer OTP)"
            ),
            TransformError::UndefinedLabel { label } => write!(f, "label {label} is used but not defined"),
            TransformError::Structure(s) => write!(f, "{s}"),
            TransformError::TooManyModules => write!(f, "too many modules loaded"),
        }
    }
}

impl std::error::Error for TransformError {}

type R<T> = Result<T, TransformError>;

/// Bounds on per-instruction resource requests (words).
const MAX_HEAP_NEED: u32 = 1 << 24;
const MAX_FRAME: u32 = 1 << 16;
/// Catch tags encode code indices in 22 bits.
const MAX_CODE: usize = 1 << 22;

struct Cx<'a> {
    file: &'a BeamFile,
    atoms: Vec<Atom>,
    labels: Vec<u32>,
    lit: Heap,
    imports: Vec<&'static crate::code::Export>,
    lambdas: Vec<&'static Lambda>,
    /// Current op, for error messages.
    opcode: u8,
    offset: usize,
}

impl<'a> Cx<'a> {
    fn bad(&self, what: &'static str) -> TransformError {
        TransformError::BadOperand {
            opcode: self.opcode,
            offset: self.offset,
            what,
        }
    }

    fn arg<'b>(&self, op: &'b GenericOp, i: usize) -> R<&'b Operand> {
        let a = op.args.get(i).ok_or_else(|| self.bad("missing operand"))?;
        Ok(match a {
            Operand::Typed(inner, _) => inner,
            a => a,
        })
    }

    fn u(&self, op: &GenericOp, i: usize) -> R<u64> {
        match self.arg(op, i)? {
            Operand::U(v) => Ok(*v),
            Operand::Int(v) if *v >= 0 => Ok(*v as u64),
            _ => Err(self.bad("expected an unsigned integer")),
        }
    }

    fn u32(&self, op: &GenericOp, i: usize) -> R<u32> {
        u32::try_from(self.u(op, i)?).map_err(|_| self.bad("integer too large"))
    }

    /// A call arity or live-register count: at most 255 (OTP's limit), so
    /// register slices `x[..n]` and `x[n + 1]` stay inside the file.
    fn arity(&self, op: &GenericOp, i: usize) -> R<u32> {
        let a = self.u32(op, i)?;
        if a > 255 {
            return Err(self.bad("arity or live count above 255"));
        }
        Ok(a)
    }

    /// A frame size or heap need, bounded so a hostile file cannot ask for
    /// gigabytes in one instruction.
    fn words(&self, op: &GenericOp, i: usize, max: u32) -> R<u32> {
        let a = self.u32(op, i)?;
        if a > max {
            return Err(self.bad("frame or heap size too large"));
        }
        Ok(a)
    }

    fn atom_term(&self, idx: u32) -> R<Term> {
        self.atoms
            .get(idx as usize)
            .filter(|_| idx != 0)
            .map(|a| Term::atom(*a))
            .ok_or_else(|| self.bad("atom index out of range"))
    }

    fn atom(&self, op: &GenericOp, i: usize) -> R<Term> {
        match self.arg(op, i)? {
            Operand::Atom(a) => self.atom_term(*a),
            Operand::Nil => Ok(Term::NIL),
            _ => Err(self.bad("expected an atom")),
        }
    }

    fn label(&self, op: &GenericOp, i: usize) -> R<Label> {
        match self.arg(op, i)? {
            Operand::Label(0) => Ok(NO_LABEL),
            Operand::Label(l) => self.resolve(*l),
            _ => Err(self.bad("expected a label")),
        }
    }

    fn resolve(&self, l: u32) -> R<Label> {
        match self.labels.get(l as usize) {
            Some(&ip) if ip != u32::MAX => Ok(ip),
            _ => Err(TransformError::UndefinedLabel { label: l }),
        }
    }

    fn operand_src(&mut self, a: &Operand) -> R<Src> {
        Ok(match a {
            Operand::X(n) if (*n as usize) < X_REGS => Src::X(*n as u16),
            Operand::Y(n) if *n < 65536 => Src::Y(*n as u16),
            Operand::Atom(i) => Src::Lit(self.atom_term(*i)?),
            Operand::Nil => Src::Lit(Term::NIL),
            Operand::Int(v) => Src::Lit(match Term::try_small(*v) {
                Some(t) => t,
                None => bignum::from_i128(&mut self.lit, *v as i128),
            }),
            Operand::BigInt(b) => Src::Lit(bignum::from_big(&mut self.lit, b)),
            Operand::Char(c) => Src::Lit(Term::small(*c as i64)),
            Operand::U(v) => Src::Lit(self.lit.int(*v as i64)),
            Operand::Literal(i) => Src::Lit(
                *self
                    .file
                    .literals
                    .get(*i as usize)
                    .ok_or_else(|| self.bad("literal index out of range"))?,
            ),
            Operand::Typed(inner, _) => return self.operand_src(inner),
            _ => return Err(self.bad("expected a source operand")),
        })
    }

    fn src(&mut self, op: &GenericOp, i: usize) -> R<Src> {
        let a = op.args.get(i).ok_or_else(|| self.bad("missing operand"))?;
        self.operand_src(a)
    }

    fn operand_dst(&self, a: &Operand) -> R<Dst> {
        match a {
            Operand::X(n) if (*n as usize) < X_REGS => Ok(Dst::X(*n as u16)),
            Operand::Y(n) if *n < 65536 => Ok(Dst::Y(*n as u16)),
            Operand::Typed(inner, _) => self.operand_dst(inner),
            _ => Err(self.bad("expected a register")),
        }
    }

    fn dst(&self, op: &GenericOp, i: usize) -> R<Dst> {
        let a = op.args.get(i).ok_or_else(|| self.bad("missing operand"))?;
        self.operand_dst(a)
    }

    fn y(&self, op: &GenericOp, i: usize) -> R<u16> {
        match self.arg(op, i)? {
            Operand::Y(n) if *n < 65536 => Ok(*n as u16),
            _ => Err(self.bad("expected a y register")),
        }
    }

    /// A y register holding a catch tag (encoded in 10 bits).
    fn catch_y(&self, op: &GenericOp, i: usize) -> R<u16> {
        let y = self.y(op, i)?;
        if y >= 1024 {
            return Err(self.bad("catch/try slot above y1023"));
        }
        Ok(y)
    }

    fn fr(&self, op: &GenericOp, i: usize) -> R<u16> {
        match self.arg(op, i)? {
            Operand::FloatReg(n) if (*n as usize) < F_REGS => Ok(*n as u16),
            _ => Err(self.bad("expected a float register")),
        }
    }

    fn list<'b>(&self, op: &'b GenericOp, i: usize) -> R<&'b [Operand]> {
        match self.arg(op, i)? {
            Operand::List(l) => Ok(l),
            _ => Err(self.bad("expected a list")),
        }
    }

    /// Heap need: a plain count or an allocation list (floats are unboxed
    /// here, funs take their environment words at make_fun time).
    fn heap_need(&self, op: &GenericOp, i: usize) -> R<u32> {
        match self.arg(op, i)? {
            Operand::U(v) if *v <= MAX_HEAP_NEED as u64 => Ok(*v as u32),
            Operand::AllocList(l) => {
                let mut n = 0u64;
                for &(kind, count) in l {
                    if kind == 0 {
                        n = n.saturating_add(count);
                    }
                }
                if n > MAX_HEAP_NEED as u64 {
                    return Err(self.bad("heap need too large"));
                }
                Ok(n as u32)
            }
            _ => Err(self.bad("expected a heap need")),
        }
    }

    fn import(&self, op: &GenericOp, i: usize) -> R<&'static code::Export> {
        let idx = self.u(op, i)?;
        self.imports
            .get(idx as usize)
            .copied()
            .ok_or_else(|| self.bad("import index out of range"))
    }

    fn bif(&self, op: &GenericOp, i: usize) -> R<BifRef> {
        let e = self.import(op, i)?;
        Ok(BifRef {
            f: e.bif.unwrap_or(crate::bif::missing),
            export: e,
        })
    }
}

const OBSOLETE: &[u8] = &[
    14, 15, 17, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 54, 68, 70, 71, 76, 79, 80, 81, 82,
    83, 84, 85, 86, 87, 88, 93, 94, 95, 103, 110, 116, 122, 123, 126, 127, 128, 130, 150, 151,
];

/// Build a module (to be installed at `index`) from a parsed file.
pub fn transform(mut file: BeamFile, index: u16) -> R<Module> {
    let mut atoms = Vec::with_capacity(file.atoms.len());
    for (i, name) in file.atoms.iter().enumerate() {
        if i == 0 {
            atoms.push(atom::UNDEFINED);
        } else {
            atoms.push(
                atom::intern_system(name)
                    .map_err(|_| TransformError::Structure(format!("bad atom {name:?}")))?,
            );
        }
    }
    let module_name = *atoms
        .get(1)
        .ok_or_else(|| TransformError::Structure("no module name atom".into()))?;

    // Pass 1: label positions.
    let mut labels = vec![u32::MAX; file.label_count as usize + 1];
    // A function's entry label (the label right after `func_info`) gets
    // an `Entry` instruction of its own (the tier hook); pass 2 emits it at
    // the same place.
    let mut ip = 0u32;
    let mut after_func_info = false;
    for op in &file.code {
        match op.opcode {
            1 => {
                if let Some(Operand::U(l)) = op.args.first() {
                    if let Some(slot) = labels.get_mut(*l as usize) {
                        *slot = ip;
                    }
                }
                if after_func_info {
                    ip += 1;
                    after_func_info = false;
                }
            }
            153 => {}
            2 => {
                ip += 1;
                after_func_info = true;
            }
            _ => {
                ip += 1;
                after_func_info = false;
            }
        }
    }

    let mut imports = Vec::with_capacity(file.imports.len());
    for imp in &file.imports {
        let m = atoms.get(imp.module as usize).copied();
        let f = atoms.get(imp.function as usize).copied();
        match (m, f) {
            (Some(m), Some(f)) if imp.module != 0 && imp.function != 0 => {
                imports.push(code::export(m, f, imp.arity))
            }
            _ => return Err(TransformError::Structure("bad import entry".into())),
        }
    }

    let lit = std::mem::replace(&mut file.literal_heap, Heap::literal());
    let mut cx = Cx {
        file: &file,
        atoms,
        labels,
        lit,
        imports,
        lambdas: Vec::new(),
        opcode: 0,
        offset: 0,
    };

    for l in &file.lambdas {
        let f = cx
            .atoms
            .get(l.function as usize)
            .copied()
            .ok_or_else(|| TransformError::Structure("bad lambda name".into()))?;
        let ip = cx.resolve(l.label)?;
        if l.num_free > l.arity {
            return Err(TransformError::Structure(
                "lambda with more free vars than arity".into(),
            ));
        }
        cx.lambdas.push(Box::leak(Box::new(Lambda {
            module: module_name,
            function: f,
            arity: l.arity,
            num_free: l.num_free,
            index: l.index,
            old_uniq: l.old_uniq,
            module_index: index,
            ip,
        })));
    }

    let mut code: Vec<Instr> = Vec::with_capacity(file.code.len());
    let mut functions = Vec::new();
    let mut line_at = Vec::new();
    let mut after_func_info = false;
    for op in &file.code {
        cx.opcode = op.opcode;
        cx.offset = op.offset;
        match op.opcode {
            1 => {
                if after_func_info {
                    after_func_info = false;
                    code.push(Instr::Entry {
                        func: functions.len().saturating_sub(1) as u32,
                    });
                }
                continue;
            }
            153 => {
                let item = cx.u32(op, 0)?;
                if item as usize >= file.lines.items.len().max(1) {
                    return Err(cx.bad("line index out of range"));
                }
                line_at.push((code.len() as u32, item));
                continue;
            }
            _ => {}
        }
        let ins = one(&mut cx, op)?;
        after_func_info = matches!(ins, Instr::FuncInfo { .. });
        if let Instr::FuncInfo {
            function, arity, ..
        } = &ins
        {
            let here = code.len() as u32;
            functions.push(FunctionInfo {
                name: function.atom_value(),
                arity: *arity,
                start: here,
                entry: here + 1,
            });
        }
        code.push(ins);
    }
    if code.len() >= MAX_CODE {
        return Err(TransformError::Structure("module code too large".into()));
    }
    if !matches!(code.last(), Some(Instr::IntCodeEnd)) {
        return Err(TransformError::Structure(
            "code does not end with int_code_end".into(),
        ));
    }

    let mut exports = Vec::with_capacity(file.exports.len());
    for e in &file.exports {
        let f = cx
            .atoms
            .get(e.function as usize)
            .copied()
            .ok_or_else(|| TransformError::Structure("bad export name".into()))?;
        let ip = cx.resolve(e.label)?;
        if !functions
            .iter()
            .any(|fi: &FunctionInfo| fi.name == f && fi.arity == e.arity && fi.entry == ip)
        {
            return Err(TransformError::Structure(format!(
                "export {}/{} does not point at a function entry",
                atom::name(f),
                e.arity
            )));
        }
        exports.push((f, e.arity));
    }

    let attributes = decode_etf_chunk(file.attributes.as_deref(), &mut cx.lit);
    let compile_info = decode_etf_chunk(file.compile_info.as_deref(), &mut cx.lit);

    let Cx {
        imports,
        lambdas,
        lit,
        ..
    } = cx;
    Ok(Module {
        name: module_name,
        index,
        code: code.into_boxed_slice(),
        tier: crate::tier::Slots::new(functions.len()),
        functions,
        line_at,
        line_items: file.lines.items.clone(),
        files: file.lines.files.clone(),
        imports: imports.into_boxed_slice(),
        lambdas: lambdas.into_boxed_slice(),
        exports,
        literal_heap: lit,
        strings: std::mem::take(&mut file.strings),
        attributes,
        compile_info,
    })
}

fn decode_etf_chunk(bytes: Option<&[u8]>, heap: &mut Heap) -> Term {
    match bytes {
        Some(b) => crate::etf::decode(b, heap)
            .map(|(t, _)| t)
            .unwrap_or(Term::NIL),
        None => Term::NIL,
    }
}

fn pairs_src(cx: &mut Cx, l: &[Operand]) -> R<Box<[(Src, Src)]>> {
    if l.len() % 2 != 0 {
        return Err(cx.bad("odd pair list"));
    }
    let mut out = Vec::with_capacity(l.len() / 2);
    for c in l.chunks(2) {
        out.push((cx.operand_src(&c[0])?, cx.operand_src(&c[1])?));
    }
    Ok(out.into_boxed_slice())
}

fn type_test(test: TypeTest, cx: &mut Cx, op: &GenericOp) -> R<Instr> {
    Ok(Instr::Test {
        test,
        fail: cx.label(op, 0)?,
        src: cx.src(op, 1)?,
    })
}

fn compare(cmp: Cmp, cx: &mut Cx, op: &GenericOp) -> R<Instr> {
    Ok(Instr::Compare {
        cmp,
        fail: cx.label(op, 0)?,
        a: cx.src(op, 1)?,
        b: cx.src(op, 2)?,
    })
}

fn call_ext(cx: &Cx, op: &GenericOp, dealloc: Option<u32>, only: bool) -> R<Instr> {
    let arity = cx.arity(op, 0)?;
    let e = cx.import(op, 1)?;
    if e.module == atom::ERLANG && arity == 3 && atom::with_name(e.function, |n| n == "hibernate") {
        return Ok(Instr::Hibernate);
    }
    if e.module == atom::ERLANG && e.function == atom::APPLY && (arity == 2 || arity == 3) {
        let tail = if only { Some(0) } else { dealloc };
        return Ok(Instr::ApplyBif { arity, tail });
    }
    // `process_info/1,2` report the calling function's own frame
    // (`current_function`, `current_stacktrace`) and wait for another
    // process's answer, as `is_process_alive/1` does: they stay
    // `call_ext`s, whose interpreter path records the call's return
    // address and can suspend the call.
    let reads_caller = e.module == atom::ERLANG
        && ((arity == 1 || arity == 2) && atom::with_name(e.function, |n| n == "process_info")
            || arity == 1 && atom::with_name(e.function, |n| n == "is_process_alive"));
    if let Some(f) = e.bif.filter(|_| !reads_caller) {
        let bif = BifRef { f, export: e };
        return Ok(match (dealloc, only) {
            (Some(d), _) => Instr::CallBifLast {
                arity,
                bif,
                dealloc: d,
            },
            (None, true) => Instr::CallBifOnly { arity, bif },
            (None, false) => Instr::CallBif { arity, bif },
        });
    }
    Ok(match (dealloc, only) {
        (Some(d), _) => Instr::CallExtLast {
            arity,
            export: e,
            dealloc: d,
        },
        (None, true) => Instr::CallExtOnly { arity, export: e },
        (None, false) => Instr::CallExt { arity, export: e },
    })
}

fn bif_op(cx: &mut Cx, op: &GenericOp, nargs: usize, gc: bool) -> R<Instr> {
    // bifN:   Fail Bif Args.. Dst        (bif0 has no Fail)
    // gc_bifN: Fail Live Bif Args.. Dst
    let (fail, live, bif_at) = if gc {
        (cx.label(op, 0)?, cx.arity(op, 1)?, 2)
    } else if nargs == 0 {
        (NO_LABEL, 0, 0)
    } else {
        (cx.label(op, 0)?, 0, 1)
    };
    let bif = cx.bif(op, bif_at)?;
    let mut args = Vec::with_capacity(nargs);
    for i in 0..nargs {
        args.push(cx.src(op, bif_at + 1 + i)?);
    }
    let dst = cx.dst(op, bif_at + 1 + nargs)?;
    if nargs == 2 && bif.export.module == atom::ERLANG {
        if let Some(aop) = atom::with_name(bif.export.function, ArithOp::from_name) {
            return Ok(Instr::Arith {
                op: aop,
                fail,
                a: args[0],
                b: args[1],
                dst,
            });
        }
    }
    Ok(Instr::Bif {
        bif,
        fail,
        args: args.into_boxed_slice(),
        dst,
        live,
    })
}

fn match_fail(cx: &Cx, op: &GenericOp, i: usize) -> R<MatchFail> {
    match cx.arg(op, i)? {
        Operand::Atom(_) => Ok(MatchFail::Raise),
        _ => Ok(match cx.label(op, i)? {
            NO_LABEL => MatchFail::Raise,
            l => MatchFail::Jump(l),
        }),
    }
}

fn seg_kind(cx: &Cx, t: Term) -> R<SegKind> {
    if !t.is_atom() {
        return Err(cx.bad("bad segment type"));
    }
    Ok(match atom::name(t.atom_value()).as_str() {
        "integer" => SegKind::Integer,
        "float" => SegKind::Float,
        "binary" => SegKind::Binary,
        "append" => SegKind::Append,
        "private_append" => SegKind::PrivateAppend,
        "utf8" => SegKind::Utf8,
        "utf16" => SegKind::Utf16,
        "utf32" => SegKind::Utf32,
        "string" => SegKind::String,
        _ => return Err(cx.bad("unknown segment type")),
    })
}

/// Bit-syntax flags (0x02 little, 0x04 signed, 0x10 native); `native`
/// also sets `little` on a little-endian host, so the interpreter only
/// looks at one bit.
fn flags_value(cx: &Cx, a: &Operand) -> R<u32> {
    let f = flags_raw(cx, a)?;
    Ok(if f & 0x10 != 0 && cfg!(target_endian = "little") {
        f | 0x02
    } else {
        f
    })
}

fn flags_raw(cx: &Cx, a: &Operand) -> R<u32> {
    match a {
        Operand::U(v) => Ok(*v as u32),
        Operand::Int(v) => Ok(*v as u32),
        Operand::Nil => Ok(0),
        Operand::Literal(i) => {
            let t = *cx
                .file
                .literals
                .get(*i as usize)
                .ok_or_else(|| cx.bad("literal index out of range"))?;
            let mut f = 0;
            for x in t.iter_list() {
                if x.is_atom() {
                    match atom::name(x.atom_value()).as_str() {
                        "little" => f |= 0x02,
                        "signed" => f |= 0x04,
                        "native" => f |= 0x10,
                        _ => {}
                    }
                }
            }
            Ok(f)
        }
        _ => Err(cx.bad("bad flags")),
    }
}

/// An unsigned operand inside a `bs_match` command list.
fn cmd_u(cx: &Cx, a: Option<&Operand>) -> R<u64> {
    match a {
        Some(Operand::U(v)) => Ok(*v),
        Some(Operand::Int(v)) if *v >= 0 => Ok(*v as u64),
        _ => Err(cx.bad("bs_match: expected an unsigned integer")),
    }
}

/// A required operand inside a `bs_match` command list.
fn cmd_arg<'a>(cx: &Cx, a: Option<&'a Operand>) -> R<&'a Operand> {
    a.ok_or_else(|| cx.bad("bs_match: short command"))
}

/// `size * unit` in bits: a small integer, as every bitstring size is
/// (the commands pass it on as one).
fn cmd_bits(cx: &Cx, size: u64, unit: u64) -> R<u64> {
    size.checked_mul(unit.max(1))
        .filter(|&b| b <= crate::term::SMALL_MAX as u64)
        .ok_or_else(|| cx.bad("bs_match: size too large"))
}

/// OTP 26 `bs_match Fail Ctx {commands, [Name Args...]*}`: the command
/// list is flat, each command an atom followed by its fixed operands.
fn bs_match(cx: &mut Cx, op: &GenericOp) -> R<Instr> {
    let fail = cx.label(op, 0)?;
    let ctx = cx.src(op, 1)?;
    let l = cx.list(op, 2)?.to_vec();
    let mut cmds = Vec::new();
    let mut i = 0;
    while i < l.len() {
        let name = match &l[i] {
            Operand::Atom(a) => atom::name(cx.atom_term(*a)?.atom_value()),
            _ => return Err(cx.bad("bs_match: expected a command name")),
        };
        let a = |k: usize| l.get(i + 1 + k);
        let (cmd, n) = match name.as_str() {
            "ensure_at_least" => (
                BsCmd::EnsureAtLeast {
                    bits: cmd_u(cx, a(0))?,
                    unit: cmd_u(cx, a(1))?.max(1),
                },
                2,
            ),
            "ensure_exactly" => (
                BsCmd::EnsureExactly {
                    bits: cmd_u(cx, a(0))?,
                },
                1,
            ),
            "integer" | "binary" => {
                // Live Flags Size Unit Dst
                let flags = flags_value(cx, cmd_arg(cx, a(1))?)?;
                let bits = cmd_bits(cx, cmd_u(cx, a(2))?, cmd_u(cx, a(3))?)?;
                let dst = cx.operand_dst(cmd_arg(cx, a(4))?)?;
                let cmd = if name == "integer" {
                    BsCmd::Integer { bits, flags, dst }
                } else {
                    BsCmd::Binary { bits, dst }
                };
                (cmd, 5)
            }
            "skip" => (
                BsCmd::Skip {
                    bits: cmd_bits(cx, cmd_u(cx, a(0))?, 1)?,
                },
                1,
            ),
            "get_tail" => {
                // Live Unit Dst
                let dst = cx.operand_dst(cmd_arg(cx, a(2))?)?;
                (BsCmd::GetTail { dst }, 3)
            }
            "=:=" => {
                // Live Size Value
                let bits = cmd_bits(cx, cmd_u(cx, a(1))?, 1)?;
                let value = cmd_u(cx, a(2))?;
                (BsCmd::Eq { bits, value }, 3)
            }
            _ => return Err(cx.bad("bs_match: unknown command")),
        };
        cmds.push(cmd);
        i += 1 + n;
    }
    Ok(Instr::BsMatch {
        fail,
        ctx,
        cmds: cmds.into_boxed_slice(),
    })
}

/// OTP 26 `update_record Hint Size Src Dst {list, [Index Value]*}`.
fn update_record(cx: &mut Cx, op: &GenericOp) -> R<Instr> {
    cx.atom(op, 0)?; // copy | reuse | inplace: a hint only
    let arity = cx.u32(op, 1)?;
    if arity == 0 || arity > 1 << 24 {
        return Err(cx.bad("update_record: bad tuple size"));
    }
    let src = cx.src(op, 2)?;
    let dst = cx.dst(op, 3)?;
    let l = cx.list(op, 4)?.to_vec();
    if l.len() % 2 != 0 {
        return Err(cx.bad("update_record: odd update list"));
    }
    let mut updates = Vec::with_capacity(l.len() / 2);
    for c in l.chunks(2) {
        let idx = cmd_u(cx, Some(&c[0]))?;
        if idx == 0 || idx > arity as u64 {
            return Err(cx.bad("update_record: index outside the tuple"));
        }
        updates.push((idx as u32, cx.operand_src(&c[1])?));
    }
    Ok(Instr::UpdateRecord {
        src,
        dst,
        arity,
        updates: updates.into_boxed_slice(),
    })
}

fn create_bin(cx: &mut Cx, op: &GenericOp) -> R<Instr> {
    // Fail Alloc Live Unit Dst {list, [Type Seg Unit Flags Src Size]*}
    let fail = cx.label(op, 0)?;
    let live = cx.arity(op, 2)?;
    let dst = cx.dst(op, 4)?;
    let l = cx.list(op, 5)?.to_vec();
    if l.len() % 6 != 0 {
        return Err(cx.bad("bs_create_bin segment list"));
    }
    let mut segs = Vec::with_capacity(l.len() / 6);
    for s in l.chunks(6) {
        let kind_t = cx.operand_src(&s[0])?;
        let kind = match kind_t {
            Src::Lit(t) => seg_kind(cx, t)?,
            _ => return Err(cx.bad("bad segment type")),
        };
        let seg = match &s[1] {
            Operand::U(u) => *u as u32,
            Operand::Int(u) => *u as u32,
            _ => return Err(cx.bad("bad segment number")),
        };
        let unit = match &s[2] {
            Operand::U(u) => *u as u32,
            Operand::Int(u) => *u as u32,
            _ => return Err(cx.bad("bad segment unit")),
        };
        let flags = flags_value(cx, &s[3])?;
        let (src, size) = if kind == SegKind::String {
            // Src is an offset into StrT, Size the byte count.
            let off = match &s[4] {
                Operand::U(u) => *u,
                Operand::Int(u) if *u >= 0 => *u as u64,
                _ => return Err(cx.bad("bad string segment")),
            };
            let size = cx.operand_src(&s[5])?;
            let len = match size {
                Src::Lit(t) if t.is_small() => t.small_value() as u64,
                _ => return Err(cx.bad("bad string segment size")),
            };
            if off.saturating_add(len) > cx.file.strings.len() as u64 {
                return Err(cx.bad("string segment outside the string table"));
            }
            (Src::Lit(Term::small(off as i64)), size)
        } else {
            (cx.operand_src(&s[4])?, cx.operand_src(&s[5])?)
        };
        segs.push(BinSegment {
            kind,
            seg,
            unit,
            flags,
            src,
            size,
        });
    }
    Ok(Instr::BsCreateBin {
        fail,
        live,
        dst,
        segments: segs.into_boxed_slice(),
    })
}

/// The `{list, [Value, Label, ...]}` operand of `select_val` /
/// `select_tuple_arity`, with each value read by `value`.
fn select_pairs<V>(
    cx: &mut Cx,
    op: &GenericOp,
    mut value: impl FnMut(&mut Cx, &Operand) -> R<V>,
) -> R<Vec<(V, Label)>> {
    let l = cx.list(op, 2)?.to_vec();
    if l.len() % 2 != 0 {
        return Err(cx.bad("odd select list"));
    }
    let mut table = Vec::with_capacity(l.len() / 2);
    for c in l.chunks(2) {
        let v = value(cx, &c[0])?;
        let lab = match &c[1] {
            Operand::Label(x) => cx.resolve(*x)?,
            _ => return Err(cx.bad("select target must be a label")),
        };
        table.push((v, lab));
    }
    Ok(table)
}

fn select_val(cx: &mut Cx, op: &GenericOp) -> R<Instr> {
    let src = cx.src(op, 0)?;
    let fail = cx.label(op, 1)?;
    let mut table = select_pairs(cx, op, |cx, o| match cx.operand_src(o)? {
        Src::Lit(t) => Ok(t),
        _ => Err(cx.bad("select value must be a constant")),
    })?;
    table.sort_by_key(|(t, _)| t.0);
    Ok(Instr::SelectVal {
        src,
        fail,
        table: table.into_boxed_slice(),
    })
}

fn select_arity(cx: &mut Cx, op: &GenericOp) -> R<Instr> {
    let src = cx.src(op, 0)?;
    let fail = cx.label(op, 1)?;
    let mut table = select_pairs(cx, op, |cx, o| match o {
        Operand::U(a) => Ok(*a as u32),
        Operand::Int(a) if *a >= 0 => Ok(*a as u32),
        _ => Err(cx.bad("bad arity")),
    })?;
    table.sort_by_key(|(a, _)| *a);
    Ok(Instr::SelectArity {
        src,
        fail,
        table: table.into_boxed_slice(),
    })
}

fn bs_get(cx: &mut Cx, op: &GenericOp, what: BsGetKind) -> R<Instr> {
    // Fail Ctx Live Size Unit Flags Dst
    Ok(Instr::BsGet {
        what,
        fail: cx.label(op, 0)?,
        ctx: cx.src(op, 1)?,
        size: cx.src(op, 3)?,
        unit: cx.u32(op, 4)?,
        flags: flags_value(cx, cx.arg(op, 5)?)?,
        dst: cx.dst(op, 6)?,
    })
}

fn bs_utf(cx: &mut Cx, op: &GenericOp, width: u8, skip: bool) -> R<Instr> {
    // get:  Fail Ctx Live Flags Dst;  skip: Fail Ctx Live Flags
    let fail = cx.label(op, 0)?;
    let ctx = cx.src(op, 1)?;
    let flags = flags_value(cx, cx.arg(op, 3)?)?;
    let dst = if skip { None } else { Some(cx.dst(op, 4)?) };
    Ok(Instr::BsGetUtf {
        fail,
        ctx,
        width,
        flags,
        dst,
    })
}

/// Translate one generic op.
fn one(cx: &mut Cx, op: &GenericOp) -> R<Instr> {
    if OBSOLETE.contains(&op.opcode) {
        return Err(TransformError::Unsupported {
            opcode: op.opcode,
            offset: op.offset,
        });
    }
    Ok(match op.opcode {
        2 => Instr::FuncInfo {
            module: cx.atom(op, 0)?,
            function: cx.atom(op, 1)?,
            arity: cx.u32(op, 2)?,
        },
        3 => Instr::IntCodeEnd,
        4 => Instr::Call {
            arity: cx.arity(op, 0)?,
            target: cx.label(op, 1)?,
        },
        5 => Instr::CallLast {
            arity: cx.arity(op, 0)?,
            target: cx.label(op, 1)?,
            dealloc: cx.words(op, 2, MAX_FRAME)?,
        },
        6 => Instr::CallOnly {
            arity: cx.arity(op, 0)?,
            target: cx.label(op, 1)?,
        },
        7 => call_ext(cx, op, None, false)?,
        8 => call_ext(cx, op, Some(cx.words(op, 2, MAX_FRAME)?), false)?,
        78 => call_ext(cx, op, None, true)?,
        9 => bif_op(cx, op, 0, false)?,
        10 => bif_op(cx, op, 1, false)?,
        11 => bif_op(cx, op, 2, false)?,
        124 => bif_op(cx, op, 1, true)?,
        125 => bif_op(cx, op, 2, true)?,
        152 => bif_op(cx, op, 3, true)?,
        12 => Instr::Allocate {
            stack: cx.words(op, 0, MAX_FRAME)?,
            heap: 0,
            live: cx.arity(op, 1)?,
        },
        13 => Instr::Allocate {
            stack: cx.words(op, 0, MAX_FRAME)?,
            heap: cx.heap_need(op, 1)?,
            live: cx.arity(op, 2)?,
        },
        16 => Instr::TestHeap {
            heap: cx.heap_need(op, 0)?,
            live: cx.arity(op, 1)?,
        },
        18 => Instr::Deallocate {
            n: cx.words(op, 0, MAX_FRAME)?,
        },
        19 => Instr::Return,
        20 => Instr::Send,
        21 => Instr::RemoveMessage,
        22 => Instr::Timeout,
        23 => Instr::LoopRec {
            fail: cx.label(op, 0)?,
            dst: cx.dst(op, 1)?,
        },
        24 => Instr::LoopRecEnd {
            target: cx.label(op, 0)?,
        },
        25 => Instr::Wait {
            target: cx.label(op, 0)?,
        },
        26 => Instr::WaitTimeout {
            target: cx.label(op, 0)?,
            timeout: cx.src(op, 1)?,
        },
        39 => compare(Cmp::Lt, cx, op)?,
        40 => compare(Cmp::Ge, cx, op)?,
        41 => compare(Cmp::Eq, cx, op)?,
        42 => compare(Cmp::Ne, cx, op)?,
        43 => compare(Cmp::EqExact, cx, op)?,
        44 => compare(Cmp::NeExact, cx, op)?,
        45 => type_test(TypeTest::Integer, cx, op)?,
        46 => type_test(TypeTest::Float, cx, op)?,
        47 => type_test(TypeTest::Number, cx, op)?,
        48 => type_test(TypeTest::Atom, cx, op)?,
        49 => type_test(TypeTest::Pid, cx, op)?,
        50 => type_test(TypeTest::Reference, cx, op)?,
        51 => type_test(TypeTest::Port, cx, op)?,
        52 => type_test(TypeTest::Nil, cx, op)?,
        53 => type_test(TypeTest::Binary, cx, op)?,
        55 => type_test(TypeTest::List, cx, op)?,
        56 => type_test(TypeTest::NonemptyList, cx, op)?,
        57 => type_test(TypeTest::Tuple, cx, op)?,
        58 => Instr::TestArity {
            fail: cx.label(op, 0)?,
            src: cx.src(op, 1)?,
            arity: cx.u32(op, 2)?,
        },
        59 => select_val(cx, op)?,
        60 => select_arity(cx, op)?,
        61 => Instr::Jump {
            target: cx.label(op, 0)?,
        },
        62 => Instr::Catch {
            y: cx.catch_y(op, 0)?,
            handler: cx.label(op, 1)?,
        },
        63 => Instr::CatchEnd { y: cx.y(op, 0)? },
        64 => Instr::Move {
            src: cx.src(op, 0)?,
            dst: cx.dst(op, 1)?,
        },
        65 => Instr::GetList {
            src: cx.src(op, 0)?,
            head: cx.dst(op, 1)?,
            tail: cx.dst(op, 2)?,
        },
        66 => Instr::GetTupleElement {
            src: cx.src(op, 0)?,
            index: cx.u32(op, 1)?,
            dst: cx.dst(op, 2)?,
        },
        67 => Instr::SetTupleElement {
            value: cx.src(op, 0)?,
            tuple: cx.src(op, 1)?,
            index: cx.u32(op, 2)?,
        },
        69 => Instr::PutList {
            head: cx.src(op, 0)?,
            tail: cx.src(op, 1)?,
            dst: cx.dst(op, 2)?,
        },
        72 => Instr::Badmatch {
            src: cx.src(op, 0)?,
        },
        73 => Instr::IfEnd,
        74 => Instr::CaseEnd {
            src: cx.src(op, 0)?,
        },
        75 => Instr::CallFun {
            arity: cx.arity(op, 0)?,
        },
        77 => type_test(TypeTest::Function, cx, op)?,
        96 => {
            // fmove: Src Dst where one side is a float register
            match (cx.arg(op, 0)?.clone(), cx.arg(op, 1)?.clone()) {
                (Operand::FloatReg(_), Operand::FloatReg(_)) => Instr::FMoveF {
                    from: cx.fr(op, 0)?,
                    to: cx.fr(op, 1)?,
                },
                (Operand::FloatReg(_), _) => Instr::FMoveOut {
                    fr: cx.fr(op, 0)?,
                    dst: cx.dst(op, 1)?,
                },
                (_, Operand::FloatReg(_)) => Instr::FMoveIn {
                    src: cx.src(op, 0)?,
                    fr: cx.fr(op, 1)?,
                },
                _ => return Err(cx.bad("fmove without a float register")),
            }
        }
        97 => Instr::FConv {
            src: cx.src(op, 0)?,
            fr: cx.fr(op, 1)?,
        },
        98..=101 => Instr::FArith {
            op: match op.opcode {
                98 => FloatOp::Add,
                99 => FloatOp::Sub,
                100 => FloatOp::Mul,
                _ => FloatOp::Div,
            },
            a: cx.fr(op, 1)?,
            b: cx.fr(op, 2)?,
            dst: cx.fr(op, 3)?,
        },
        102 => Instr::FNegate {
            a: cx.fr(op, 1)?,
            dst: cx.fr(op, 2)?,
        },
        104 => Instr::Try {
            y: cx.catch_y(op, 0)?,
            handler: cx.label(op, 1)?,
        },
        105 => Instr::TryEnd { y: cx.y(op, 0)? },
        106 => Instr::TryCase { y: cx.y(op, 0)? },
        107 => Instr::TryCaseEnd {
            src: cx.src(op, 0)?,
        },
        108 => Instr::Raise {
            trace: cx.src(op, 0)?,
            value: cx.src(op, 1)?,
        },
        112 => Instr::Apply {
            arity: cx.arity(op, 0)?,
        },
        113 => Instr::ApplyLast {
            arity: cx.arity(op, 0)?,
            dealloc: cx.words(op, 1, MAX_FRAME)?,
        },
        114 => type_test(TypeTest::Boolean, cx, op)?,
        115 => Instr::IsFunction2 {
            fail: cx.label(op, 0)?,
            src: cx.src(op, 1)?,
            arity: cx.src(op, 2)?,
        },
        117 => bs_get(cx, op, BsGetKind::Integer)?,
        118 => bs_get(cx, op, BsGetKind::Float)?,
        119 => bs_get(cx, op, BsGetKind::Binary)?,
        120 => Instr::BsSkipBits {
            fail: cx.label(op, 0)?,
            ctx: cx.src(op, 1)?,
            size: cx.src(op, 2)?,
            unit: cx.u32(op, 3)?,
        },
        121 => Instr::BsTestTail {
            fail: cx.label(op, 0)?,
            ctx: cx.src(op, 1)?,
            bits: cx.u(op, 2)?,
        },
        129 => type_test(TypeTest::Bitstr, cx, op)?,
        131 => Instr::BsTestUnit {
            fail: cx.label(op, 0)?,
            ctx: cx.src(op, 1)?,
            unit: cx.u32(op, 2)?,
        },
        132 => {
            let bits = cx.u(op, 2)?;
            let offset = cx.u32(op, 3)?;
            if (offset as u64).saturating_add(bits.div_ceil(8)) > cx.file.strings.len() as u64 {
                return Err(cx.bad("match string outside the string table"));
            }
            Instr::BsMatchString {
                fail: cx.label(op, 0)?,
                ctx: cx.src(op, 1)?,
                bits,
                offset,
            }
        }
        133 => Instr::BsInitWritable,
        136 => Instr::Trim {
            n: cx.words(op, 0, MAX_FRAME)?,
        },
        138 => bs_utf(cx, op, 8, false)?,
        139 => bs_utf(cx, op, 8, true)?,
        140 => bs_utf(cx, op, 16, false)?,
        141 => bs_utf(cx, op, 16, true)?,
        142 => bs_utf(cx, op, 32, false)?,
        143 => bs_utf(cx, op, 32, true)?,
        149 | 179 => Instr::Nop,
        154 | 155 => {
            let fail = cx.label(op, 0)?;
            let src = cx.src(op, 1)?;
            let dst = cx.dst(op, 2)?;
            let live = cx.arity(op, 3)?;
            let l = cx.list(op, 4)?.to_vec();
            let pairs = pairs_src(cx, &l)?;
            if op.opcode == 154 {
                Instr::PutMapAssoc {
                    fail,
                    src,
                    dst,
                    live,
                    pairs,
                }
            } else {
                Instr::PutMapExact {
                    fail,
                    src,
                    dst,
                    live,
                    pairs,
                }
            }
        }
        156 => type_test(TypeTest::Map, cx, op)?,
        157 => {
            let fail = cx.label(op, 0)?;
            let src = cx.src(op, 1)?;
            let l = cx.list(op, 2)?.to_vec();
            let mut keys = Vec::with_capacity(l.len());
            for k in &l {
                keys.push(cx.operand_src(k)?);
            }
            Instr::HasMapFields {
                fail,
                src,
                keys: keys.into_boxed_slice(),
            }
        }
        158 => {
            let fail = cx.label(op, 0)?;
            let src = cx.src(op, 1)?;
            let l = cx.list(op, 2)?.to_vec();
            if l.len() % 2 != 0 {
                return Err(cx.bad("odd get_map_elements list"));
            }
            let mut pairs = Vec::with_capacity(l.len() / 2);
            for c in l.chunks(2) {
                pairs.push((cx.operand_src(&c[0])?, cx.operand_dst(&c[1])?));
            }
            Instr::GetMapElements {
                fail,
                src,
                pairs: pairs.into_boxed_slice(),
            }
        }
        159 => Instr::IsTaggedTuple {
            fail: cx.label(op, 0)?,
            src: cx.src(op, 1)?,
            arity: cx.u32(op, 2)?,
            tag: cx.atom(op, 3)?,
        },
        160 => Instr::BuildStacktrace,
        161 => Instr::RawRaise,
        162 => Instr::GetHd {
            src: cx.src(op, 0)?,
            dst: cx.dst(op, 1)?,
        },
        163 => Instr::GetTl {
            src: cx.src(op, 0)?,
            dst: cx.dst(op, 1)?,
        },
        164 => {
            let dst = cx.dst(op, 0)?;
            let l = cx.list(op, 1)?.to_vec();
            let mut elems = Vec::with_capacity(l.len());
            for e in &l {
                elems.push(cx.operand_src(e)?);
            }
            Instr::PutTuple2 {
                dst,
                elems: elems.into_boxed_slice(),
            }
        }
        165 => Instr::BsGetTail {
            ctx: cx.src(op, 0)?,
            dst: cx.dst(op, 1)?,
            live: cx.u32(op, 2)?,
        },
        166 => Instr::BsStartMatch {
            fail: match_fail(cx, op, 0)?,
            src: cx.src(op, 1)?,
            live: cx.u32(op, 2)?,
            dst: cx.dst(op, 3)?,
        },
        167 => Instr::BsGetPosition {
            ctx: cx.src(op, 0)?,
            dst: cx.dst(op, 1)?,
        },
        168 => Instr::BsSetPosition {
            ctx: cx.src(op, 0)?,
            pos: cx.src(op, 1)?,
        },
        169 => Instr::Swap {
            a: cx.dst(op, 0)?,
            b: cx.dst(op, 1)?,
        },
        170 => Instr::BsStartMatch {
            fail: match_fail(cx, op, 0)?,
            live: cx.u32(op, 1)?,
            src: cx.src(op, 2)?,
            dst: cx.dst(op, 3)?,
        },
        171 => {
            let idx = cx.u(op, 0)?;
            let lambda = *cx
                .lambdas
                .get(idx as usize)
                .ok_or_else(|| cx.bad("lambda index out of range"))?;
            let dst = cx.dst(op, 1)?;
            let l = cx.list(op, 2)?.to_vec();
            if l.len() != lambda.num_free as usize {
                return Err(cx.bad("make_fun3 environment size differs from FunT"));
            }
            let mut env = Vec::with_capacity(l.len());
            for e in &l {
                env.push(cx.operand_src(e)?);
            }
            Instr::MakeFun {
                lambda,
                dst,
                env: env.into_boxed_slice(),
            }
        }
        172 => {
            let l = cx.list(op, 0)?.to_vec();
            let mut regs = Vec::with_capacity(l.len());
            for r in &l {
                match r {
                    Operand::Y(n) if *n < 65536 => regs.push(*n as u16),
                    _ => return Err(cx.bad("init_yregs expects y registers")),
                }
            }
            Instr::InitYregs {
                regs: regs.into_boxed_slice(),
            }
        }
        173 => Instr::RecvMarkerBind {
            marker: cx.src(op, 0)?,
            reference: cx.src(op, 1)?,
        },
        174 => Instr::RecvMarkerClear {
            reference: cx.src(op, 0)?,
        },
        175 => Instr::RecvMarkerReserve {
            dst: cx.dst(op, 0)?,
        },
        176 => Instr::RecvMarkerUse {
            reference: cx.src(op, 0)?,
        },
        177 => create_bin(cx, op)?,
        178 => Instr::CallFun2 {
            arity: cx.arity(op, 1)?,
            fun: cx.src(op, 2)?,
        },
        180 => Instr::Badrecord {
            src: cx.src(op, 0)?,
        },
        181 => update_record(cx, op)?,
        182 => bs_match(cx, op)?,
        // OTP 27 executable_line (native coverage) and OTP 28 debug_line
        // (+beam_debug_info): markers with nothing to run
        183 | 184 => Instr::Nop,
        // pre-OTP-25 binary construction
        109 | 137 => Instr::BsInit {
            fail: cx.label(op, 0)?,
            size: cx.src(op, 1)?,
            bits: op.opcode == 137,
            dst: cx.dst(op, 5)?,
        },
        111 => Instr::BsAdd {
            fail: cx.label(op, 0)?,
            a: cx.src(op, 1)?,
            b: cx.src(op, 2)?,
            unit: cx.u32(op, 3)?,
            dst: cx.dst(op, 4)?,
        },
        134 => Instr::BsAppend {
            fail: cx.label(op, 0)?,
            size: cx.src(op, 1)?,
            unit: cx.u32(op, 4)?,
            bin: cx.src(op, 5)?,
            dst: cx.dst(op, 7)?,
        },
        135 => Instr::BsAppend {
            fail: cx.label(op, 0)?,
            size: cx.src(op, 1)?,
            unit: cx.u32(op, 2)?,
            bin: cx.src(op, 3)?,
            dst: cx.dst(op, 5)?,
        },
        89..=91 => Instr::BsPut {
            fail: cx.label(op, 0)?,
            kind: match op.opcode {
                89 => SegKind::Integer,
                90 => SegKind::Binary,
                _ => SegKind::Float,
            },
            size: cx.src(op, 1)?,
            unit: cx.u32(op, 2)?,
            flags: flags_value(cx, cx.arg(op, 3)?)?,
            src: cx.src(op, 4)?,
        },
        92 => {
            let len = cx.u32(op, 0)?;
            let offset = cx.u32(op, 1)?;
            if offset as usize + len as usize > cx.file.strings.len() {
                return Err(cx.bad("bs_put_string outside the string table"));
            }
            Instr::BsPutString { len, offset }
        }
        144 | 146 => Instr::BsUtfSize {
            fail: cx.label(op, 0)?,
            width: if op.opcode == 144 { 8 } else { 16 },
            src: cx.src(op, 1)?,
            dst: cx.dst(op, 2)?,
        },
        145 | 147 | 148 => Instr::BsPut {
            fail: cx.label(op, 0)?,
            kind: match op.opcode {
                145 => SegKind::Utf8,
                147 => SegKind::Utf16,
                _ => SegKind::Utf32,
            },
            size: Src::Lit(Term::atom(atom::UNDEFINED)),
            unit: 1,
            flags: flags_value(cx, cx.arg(op, 1)?)?,
            src: cx.src(op, 2)?,
        },
        _ => {
            return Err(TransformError::Unsupported {
                opcode: op.opcode,
                offset: op.offset,
            })
        }
    })
}
