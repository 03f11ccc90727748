//! The generic form of a parsed `.beam` file: what `chunks` + `compact`
//! produce and `transform` consumes. Pure data: no VM state, no terms except
//! the literal pool (which lives in its own immortal literal heap).

use crate::heap::Heap;
use crate::term::Term;
use num_bigint::BigInt;

/// One decoded compact-term operand.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// `u`: an untagged unsigned value (arities, sizes, indices).
    U(u64),
    /// `i`: an integer literal that fits in i64.
    Int(i64),
    /// `i`: an integer literal too large for i64.
    BigInt(BigInt),
    /// `a`: an atom, as an index into `BeamFile::atoms` (index 0 never
    /// appears here: it is decoded as `Nil`).
    Atom(u32),
    /// `a 0`: the empty list.
    Nil,
    X(u32),
    Y(u32),
    /// `f`: a label; 0 means "no fail label".
    Label(u32),
    /// `h`: a character (obsolete but decodable).
    Char(u32),
    /// `z 2`: float register.
    FloatReg(u32),
    /// `z 1`: a list of operands (select lists, put_tuple2 elements, ...).
    List(Vec<Operand>),
    /// `z 3`: allocation list, pairs of (kind, count); kinds 0 words,
    /// 1 floats, 2 funs.
    AllocList(Vec<(u64, u64)>),
    /// `z 4`: index into the literal pool.
    Literal(u32),
    /// `z 5`: a typed register (OTP 25+): the register plus an index into
    /// the Type chunk. Transform treats it as the plain register.
    Typed(Box<Operand>, u32),
}

#[derive(Clone, Debug)]
pub struct GenericOp {
    pub opcode: u8,
    pub args: Vec<Operand>,
    /// Byte offset of the opcode in the file (for error messages).
    pub offset: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    /// Atom indices into `BeamFile::atoms`.
    pub module: u32,
    pub function: u32,
    pub arity: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportEntry {
    pub function: u32,
    pub arity: u32,
    pub label: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaEntry {
    pub function: u32,
    /// Total arity: free variables + arguments.
    pub arity: u32,
    pub label: u32,
    pub index: u32,
    pub num_free: u32,
    pub old_uniq: u32,
}

/// The Line chunk, decoded.
#[derive(Clone, Debug, Default)]
pub struct LineTable {
    /// Item 0 is "no location". Each item: (file index, line number).
    pub items: Vec<(u32, u32)>,
    /// File names; index 0 is the module's own `<module>.erl` (the chunk
    /// stores names for indices 1..), filled in by the parser.
    pub files: Vec<String>,
}

pub struct BeamFile {
    /// Atom texts; index 0 is unused (an empty string), index 1 is the
    /// module name, as in the AtU8 chunk.
    pub atoms: Vec<String>,
    /// Instructions of the Code chunk in order, including `label`,
    /// `func_info`, `line`, and the final `int_code_end`.
    pub code: Vec<GenericOp>,
    pub label_count: u32,
    pub function_count: u32,
    pub imports: Vec<Import>,
    pub exports: Vec<ExportEntry>,
    pub locals: Vec<ExportEntry>,
    pub lambdas: Vec<LambdaEntry>,
    /// The literal pool; the terms live in `literal_heap`.
    pub literals: Vec<Term>,
    pub literal_heap: Heap,
    /// The StrT chunk.
    pub strings: Vec<u8>,
    pub lines: LineTable,
    /// Raw external-term-format bytes of the Attr and CInf chunks, if any.
    pub attributes: Option<Vec<u8>>,
    pub compile_info: Option<Vec<u8>>,
}
