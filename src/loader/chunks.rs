//! Parsing a `.beam` file's bytes into the generic [`BeamFile`].
//!
//! Owns the IFF container walk, every chunk parser (AtU8, Code, ImpT, ExpT,
//! LocT, FunT, LitT, StrT, Line, Attr, CInf) and the opcode arity table.
//! Invariants of a returned `BeamFile`:
//! - `atoms[0]` is `""`, `atoms[1]` the module name; every atom index in
//!   imports, exports, locals, lambdas and operands is in `1..atoms.len()`;
//! - every `f` operand, `label` operand and table entry label is below
//!   `label_count` (`f 0` = no label; `label` operands are >= 1);
//! - every `z 4` literal index is below `literals.len()`;
//! - `code` ends with `int_code_end` (opcode 3) and every opcode is in
//!   `1..=MAX_OPCODE` with exactly `ARITY[opcode]` operands;
//! - `lines.items[0]` is `(0, 0)` and every item's file index is below
//!   `lines.files.len()`; `lines.files[0]` is `"<module>.erl"`.
//!
//! Unknown chunks (Type, Meta, Dbgi, Docs, ...) are skipped; of duplicate
//! chunks the last wins (as in OTP). Nothing panics on any input: all
//! reads go through the bounds-checked [`Cursor`], and every count is
//! checked against the bytes left before anything is allocated for it.

use super::compact::{self, read_operand, Cursor, Limits, Raw, TAG_A, TAG_I};
use super::error::LoadError;
use super::generic::{BeamFile, ExportEntry, GenericOp, Import, LambdaEntry, LineTable, Operand};
use crate::etf;
use crate::heap::Heap;
use crate::term::atom::{MAX_ATOMS, MAX_ATOM_CHARS};

/// The highest opcode this parser knows (OTP 28's `debug_line/4`).
pub const MAX_OPCODE: u8 = 184;

/// Operand count per opcode (index 0 unused), from OTP's genop.tab.
#[rustfmt::skip]
pub const ARITY: [u8; MAX_OPCODE as usize + 1] = [
    0,
    1, 3, 0, 2, 3, 2, 2, 3, 2, 4, 5, 2, 3, 2, 3, 2, 1, 1, 0, 0, // 1-20
    0, 0, 2, 1, 1, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, // 21-40
    3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, // 41-60
    1, 2, 1, 2, 3, 3, 3, 3, 3, 2, 1, 1, 0, 1, 1, 3, 2, 2, 2, 5, // 61-80
    5, 5, 4, 2, 1, 1, 2, 2, 5, 5, 5, 2, 1, 0, 1, 2, 2, 4, 4, 4, // 81-100
    4, 3, 1, 2, 1, 1, 1, 2, 6, 3, 5, 1, 2, 2, 3, 5, 7, 7, 7, 5, // 101-120
    3, 2, 2, 5, 6, 2, 2, 2, 2, 1, 3, 4, 0, 8, 6, 2, 6, 5, 4, 5, // 121-140
    4, 5, 4, 3, 3, 3, 3, 3, 0, 1, 1, 7, 1, 5, 5, 2, 3, 3, 4, 0, // 141-160
    0, 2, 2, 2, 3, 4, 3, 2, 2, 4, 3, 1, 2, 1, 1, 1, 6, 3, 0, 1, // 161-180
    5, 3, 2, 4,                                                 // 181-184
];

pub const OP_LABEL: u8 = 1;
pub const OP_INT_CODE_END: u8 = 3;

/// Largest function arity (OTP's MAX_ARG).
const MAX_ARITY: u32 = 255;

#[derive(Clone, Copy)]
struct Chunk<'a> {
    id: [u8; 4],
    data: &'a [u8],
    /// Absolute file offset of `data[0]`.
    offset: usize,
}

impl<'a> Chunk<'a> {
    fn cursor(&self) -> Cursor<'a> {
        Cursor::new(self.data, self.offset)
    }
    fn bad(&self) -> LoadError {
        LoadError::BadChunk {
            id: self.id,
            offset: self.offset,
        }
    }
}

#[derive(Default)]
struct Chunks<'a> {
    atu8: Option<Chunk<'a>>,
    atom: Option<Chunk<'a>>,
    code: Option<Chunk<'a>>,
    strt: Option<Chunk<'a>>,
    impt: Option<Chunk<'a>>,
    expt: Option<Chunk<'a>>,
    loct: Option<Chunk<'a>>,
    funt: Option<Chunk<'a>>,
    litt: Option<Chunk<'a>>,
    line: Option<Chunk<'a>>,
    attr: Option<Chunk<'a>>,
    cinf: Option<Chunk<'a>>,
}

/// Parse a whole `.beam` file.
pub fn parse(bytes: &[u8]) -> Result<BeamFile, LoadError> {
    let cs = container(bytes)?;
    let atu8 = match (cs.atu8, cs.atom) {
        (Some(c), _) => c,
        (None, Some(_)) => return Err(LoadError::ObsoleteAtomChunk),
        (None, None) => return Err(LoadError::MissingChunk("AtU8")),
    };
    let code = cs.code.ok_or(LoadError::MissingChunk("Code"))?;
    let impt = cs.impt.ok_or(LoadError::MissingChunk("ImpT"))?;
    let expt = cs.expt.ok_or(LoadError::MissingChunk("ExpT"))?;

    let atoms = parse_atoms(atu8)?;
    let (header, mut code_cur) = code_header(code)?;
    let mut literal_heap = Heap::literal();
    let literals = match cs.litt {
        Some(c) => parse_literals(c, &mut literal_heap)?,
        None => Vec::new(),
    };
    let lim = Limits {
        atoms: atoms.len() as u32,
        literals: literals.len() as u32,
        labels: header.label_count,
    };
    let ops = parse_code(&mut code_cur, &lim)?;
    let imports = parse_imports(impt, &lim)?;
    let exports = parse_exports(expt, &lim)?;
    let locals = match cs.loct {
        Some(c) => parse_exports(c, &lim)?,
        None => Vec::new(),
    };
    let lambdas = match cs.funt {
        Some(c) => parse_lambdas(c, &lim)?,
        None => Vec::new(),
    };
    let module_file = format!("{}.erl", atoms.get(1).map_or("", |s| s.as_str()));
    let lines = match cs.line {
        Some(c) => parse_lines(c, module_file)?,
        None => LineTable {
            items: vec![(0, 0)],
            files: vec![module_file],
        },
    };
    Ok(BeamFile {
        atoms,
        code: ops,
        label_count: header.label_count,
        function_count: header.function_count,
        imports,
        exports,
        locals,
        lambdas,
        literals,
        literal_heap,
        strings: cs.strt.map(|c| c.data.to_vec()).unwrap_or_default(),
        lines,
        attributes: cs.attr.map(|c| c.data.to_vec()),
        compile_info: cs.cinf.map(|c| c.data.to_vec()),
    })
}

/// Walk the `FOR1 size BEAM` container and pick out the chunks we read.
fn container(bytes: &[u8]) -> Result<Chunks<'_>, LoadError> {
    let mut cur = Cursor::new(bytes, 0);
    if cur
        .bytes(4, "the file header")
        .map_err(|_| LoadError::BadMagic)?
        != b"FOR1"
    {
        return Err(LoadError::BadMagic);
    }
    let size = cur.u32("the file header")? as usize;
    if size < 4 || size > cur.remaining() {
        return Err(LoadError::Truncated {
            offset: 4,
            what: "the IFF form",
        });
    }
    if cur.bytes(4, "the file header")? != b"BEAM" {
        return Err(LoadError::BadMagic);
    }
    let mut cur = Cursor::new(&bytes[12..8 + size], 12);
    let mut cs = Chunks::default();
    while !cur.is_empty() {
        let hdr_off = cur.offset();
        let id_bytes = cur.bytes(4, "a chunk header")?;
        let id = [id_bytes[0], id_bytes[1], id_bytes[2], id_bytes[3]];
        let len = cur.u32("a chunk header")? as usize;
        let offset = cur.offset();
        let padded = len.checked_add(3).map(|n| n & !3);
        let data = match padded {
            Some(p) if p <= cur.remaining() => {
                let d = cur.bytes(len, "a chunk")?;
                cur.bytes(p - len, "chunk padding")?;
                d
            }
            _ => {
                return Err(LoadError::Truncated {
                    offset: hdr_off,
                    what: "a chunk",
                })
            }
        };
        let c = Some(Chunk { id, data, offset });
        match &id {
            b"AtU8" => cs.atu8 = c,
            b"Atom" => cs.atom = c,
            b"Code" => cs.code = c,
            b"StrT" => cs.strt = c,
            b"ImpT" => cs.impt = c,
            b"ExpT" => cs.expt = c,
            b"LocT" => cs.loct = c,
            b"FunT" => cs.funt = c,
            b"LitT" => cs.litt = c,
            b"Line" => cs.line = c,
            b"Attr" => cs.attr = c,
            b"CInf" => cs.cinf = c,
            _ => {}
        }
    }
    Ok(cs)
}

/// AtU8: i32 count (negative in OTP 28: lengths are compact `u` terms),
/// then length-prefixed UTF-8 texts.
fn parse_atoms(c: Chunk<'_>) -> Result<Vec<String>, LoadError> {
    let mut cur = c.cursor();
    let count_off = cur.offset();
    let raw = cur.u32("the atom count")? as i32;
    let long = raw < 0;
    let count = (raw as i64).unsigned_abs();
    if count == 0 || count > MAX_ATOMS as u64 || count > cur.remaining() as u64 {
        return Err(LoadError::TooManyAtoms { offset: count_off });
    }
    let mut atoms = Vec::with_capacity(count as usize + 1);
    atoms.push(String::new());
    for _ in 0..count {
        let offset = cur.offset();
        let len = if long {
            usize::try_from(compact::read_u(&mut cur)?).map_err(|_| c.bad())?
        } else {
            cur.u8("an atom length")? as usize
        };
        let text = cur.bytes(len, "an atom")?;
        let text = std::str::from_utf8(text).map_err(|_| LoadError::BadAtomText { offset })?;
        if text.chars().count() > MAX_ATOM_CHARS {
            return Err(LoadError::AtomTooLong { offset });
        }
        atoms.push(text.to_owned());
    }
    Ok(atoms)
}

struct CodeHeader {
    label_count: u32,
    function_count: u32,
}

/// The Code chunk header; returns a cursor over the instructions.
fn code_header(c: Chunk<'_>) -> Result<(CodeHeader, Cursor<'_>), LoadError> {
    let mut cur = c.cursor();
    let head_size = cur.u32("the Code header")? as usize;
    let hoff = cur.offset();
    if head_size < 16 {
        return Err(c.bad());
    }
    let mut h = Cursor::new(cur.bytes(head_size, "the Code header")?, hoff);
    let format = h.u32("the Code header")?;
    if format != 0 {
        return Err(LoadError::BadCodeFormat {
            format,
            offset: hoff,
        });
    }
    let max = h.u32("the Code header")?;
    if max > MAX_OPCODE as u32 {
        return Err(LoadError::OpcodeTooNew { max, offset: hoff });
    }
    let label_count = h.u32("the Code header")?;
    let function_count = h.u32("the Code header")?;
    // Every label and function needs instructions of at least 2 bytes, so
    // larger counts are corrupt (and would make callers over-allocate).
    let code_len = cur.remaining() as u64;
    if label_count as u64 > code_len + 1 || function_count as u64 > code_len {
        return Err(c.bad());
    }
    Ok((
        CodeHeader {
            label_count,
            function_count,
        },
        cur,
    ))
}

/// Decode every instruction up to and including `int_code_end`.
fn parse_code(cur: &mut Cursor<'_>, lim: &Limits) -> Result<Vec<GenericOp>, LoadError> {
    let mut ops = Vec::with_capacity(cur.remaining() / 3);
    loop {
        let offset = cur.offset();
        let opcode = cur
            .u8("an opcode")
            .map_err(|_| LoadError::NoCodeEnd { offset })?;
        let arity = match ARITY.get(opcode as usize) {
            Some(&a) if opcode != 0 => a as usize,
            _ => return Err(LoadError::UnknownOpcode { opcode, offset }),
        };
        let mut args = Vec::with_capacity(arity);
        for _ in 0..arity {
            args.push(read_operand(cur, lim)?);
        }
        if opcode == OP_LABEL {
            match args.first() {
                Some(&Operand::U(l)) if l >= 1 && l < lim.labels as u64 => {}
                Some(&Operand::U(l)) => return Err(LoadError::BadLabel { label: l, offset }),
                _ => return Err(LoadError::BadOperand { offset: offset + 1 }),
            }
        }
        ops.push(GenericOp {
            opcode,
            args,
            offset,
        });
        if opcode == OP_INT_CODE_END {
            return Ok(ops);
        }
    }
}

/// A count word followed by `count` entries of `entry_bytes` bytes each.
fn table_count(
    c: &Chunk<'_>,
    cur: &mut Cursor<'_>,
    entry_bytes: usize,
) -> Result<usize, LoadError> {
    let n = cur.u32("a table count")? as usize;
    if n.checked_mul(entry_bytes)
        .is_none_or(|b| b > cur.remaining())
    {
        return Err(c.bad());
    }
    Ok(n)
}

/// An atom index that must name a real atom (not slot 0).
fn atom_index(cur: &mut Cursor<'_>, lim: &Limits) -> Result<u32, LoadError> {
    let offset = cur.offset();
    let i = cur.u32("an atom index")?;
    if i == 0 || i >= lim.atoms {
        return Err(LoadError::BadAtomIndex {
            index: i as u64,
            offset,
        });
    }
    Ok(i)
}

fn arity(c: &Chunk<'_>, cur: &mut Cursor<'_>) -> Result<u32, LoadError> {
    let a = cur.u32("an arity")?;
    if a > MAX_ARITY {
        return Err(c.bad());
    }
    Ok(a)
}

fn label(cur: &mut Cursor<'_>, lim: &Limits) -> Result<u32, LoadError> {
    let offset = cur.offset();
    let l = cur.u32("a label")?;
    if l == 0 || l >= lim.labels {
        return Err(LoadError::BadLabel {
            label: l as u64,
            offset,
        });
    }
    Ok(l)
}

fn parse_imports(c: Chunk<'_>, lim: &Limits) -> Result<Vec<Import>, LoadError> {
    let mut cur = c.cursor();
    let n = table_count(&c, &mut cur, 12)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(Import {
            module: atom_index(&mut cur, lim)?,
            function: atom_index(&mut cur, lim)?,
            arity: arity(&c, &mut cur)?,
        });
    }
    Ok(out)
}

/// ExpT and LocT: (function, arity, label).
fn parse_exports(c: Chunk<'_>, lim: &Limits) -> Result<Vec<ExportEntry>, LoadError> {
    let mut cur = c.cursor();
    let n = table_count(&c, &mut cur, 12)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(ExportEntry {
            function: atom_index(&mut cur, lim)?,
            arity: arity(&c, &mut cur)?,
            label: label(&mut cur, lim)?,
        });
    }
    Ok(out)
}

fn parse_lambdas(c: Chunk<'_>, lim: &Limits) -> Result<Vec<LambdaEntry>, LoadError> {
    let mut cur = c.cursor();
    let n = table_count(&c, &mut cur, 24)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let e = LambdaEntry {
            function: atom_index(&mut cur, lim)?,
            arity: cur.u32("a lambda")?,
            label: label(&mut cur, lim)?,
            index: cur.u32("a lambda")?,
            num_free: cur.u32("a lambda")?,
            old_uniq: cur.u32("a lambda")?,
        };
        if e.num_free > e.arity || e.arity - e.num_free > MAX_ARITY {
            return Err(c.bad());
        }
        out.push(e);
    }
    Ok(out)
}

/// LitT: u32 uncompressed size + zlib stream (size 0: stored as is, OTP
/// 28), holding u32 count then per literal u32 size + external term.
fn parse_literals(c: Chunk<'_>, heap: &mut Heap) -> Result<Vec<crate::term::Term>, LoadError> {
    let mut cur = c.cursor();
    let size = cur.u32("the literal pool size")? as usize;
    let zoff = cur.offset();
    let rest = cur.rest();
    let inflated;
    let pool: &[u8] = if size == 0 {
        rest
    } else {
        inflated = etf::inflate(rest, size)
            .ok_or(LoadError::Zlib { offset: zoff })?
            .0;
        &inflated
    };
    // Offsets inside an inflated pool are not file offsets: report the chunk.
    let mut p = Cursor::new(pool, zoff);
    let n = p.u32("the literal count").map_err(|_| c.bad())? as usize;
    if n.checked_mul(6).is_none_or(|b| b > p.remaining()) {
        return Err(c.bad());
    }
    let mut out = Vec::with_capacity(n);
    for index in 0..n {
        let len = p.u32("a literal").map_err(|_| c.bad())? as usize;
        let ext = p.bytes(len, "a literal").map_err(|_| c.bad())?;
        let (t, _used) =
            etf::decode_literals(ext, heap).map_err(|error| LoadError::BadLiteral {
                index: index as u32,
                offset: c.offset,
                error,
            })?;
        out.push(t);
    }
    Ok(out)
}

/// Line: header words, compact items (`a F` switches file, `i L` adds an
/// item), then file names as u16 length + UTF-8.
fn parse_lines(c: Chunk<'_>, module_file: String) -> Result<LineTable, LoadError> {
    let mut cur = c.cursor();
    let mut t = LineTable {
        items: vec![(0, 0)],
        files: vec![module_file],
    };
    if cur.u32("the Line header")? != 0 {
        return Ok(t); // unknown version: ignored, as OTP does
    }
    let _flags = cur.u32("the Line header")?;
    let _instr_count = cur.u32("the Line header")?;
    let item_count = cur.u32("the Line header")? as usize;
    let name_count = cur.u32("the Line header")? as usize;
    if item_count > cur.remaining() || name_count > cur.remaining() / 2 {
        return Err(c.bad());
    }
    t.items.reserve(item_count);
    let mut file = 0u32;
    while t.items.len() <= item_count {
        let offset = cur.offset();
        match compact::read_tagged(&mut cur)? {
            (TAG_A, raw) => match raw.unsigned() {
                Some(f) if f <= name_count as u64 => file = f as u32,
                _ => return Err(LoadError::BadOperand { offset }),
            },
            (TAG_I, raw) => match Raw::signed(raw) {
                Operand::Int(l) if (0..=u32::MAX as i64).contains(&l) => {
                    t.items.push((file, l as u32))
                }
                _ => return Err(LoadError::BadOperand { offset }),
            },
            _ => return Err(LoadError::BadOperand { offset }),
        }
    }
    for _ in 0..name_count {
        let len = cur.u16("a file name")? as usize;
        let name = cur.bytes(len, "a file name")?;
        let name = std::str::from_utf8(name).map_err(|_| c.bad())?;
        let name = if name.is_empty() {
            t.files[0].clone()
        } else {
            name.to_owned()
        };
        t.files.push(name);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal valid file, assembled by hand.
    fn tiny() -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, id: &[u8; 4], data: &[u8]) {
            out.extend(id);
            out.extend((data.len() as u32).to_be_bytes());
            out.extend(data);
            while !out.len().is_multiple_of(4) {
                out.push(0);
            }
        }
        let mut body = Vec::new();
        chunk(&mut body, b"AtU8", &[0, 0, 0, 2, 1, b'm', 1, b'f']);
        let mut code = vec![0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 1];
        // label 1; func_info a1 a2 u0; label 2; return; int_code_end
        code.extend([1, 0x10, 2, 0x12, 0x22, 0x00, 1, 0x20, 19, 3]);
        chunk(&mut body, b"Code", &code);
        chunk(&mut body, b"ImpT", &[0, 0, 0, 0]);
        chunk(
            &mut body,
            b"ExpT",
            &[0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2],
        );
        let mut f = b"FOR1".to_vec();
        f.extend((body.len() as u32 + 4).to_be_bytes());
        f.extend(b"BEAM");
        f.extend(body);
        f
    }

    #[test]
    fn arity_table_matches_known_ops() {
        assert_eq!(ARITY[1], 1); // label
        assert_eq!(ARITY[64], 2); // move
        assert_eq!(ARITY[134], 8); // bs_append
        assert_eq!(ARITY[177], 6); // bs_create_bin
        assert_eq!(ARITY[180], 1); // badrecord
        assert_eq!(ARITY[184], 4); // debug_line
    }

    #[test]
    fn parses_hand_made_file() {
        let b = parse(&tiny()).unwrap();
        assert_eq!(b.atoms, vec!["", "m", "f"]);
        assert_eq!(b.code.len(), 5);
        assert_eq!(
            b.code[1].args,
            vec![Operand::Atom(1), Operand::Atom(2), Operand::U(0)]
        );
        assert_eq!(b.code.last().map(|o| o.opcode), Some(OP_INT_CODE_END));
        assert_eq!(
            b.exports,
            vec![ExportEntry {
                function: 2,
                arity: 0,
                label: 2
            }]
        );
        assert_eq!(b.lines.files, vec!["m.erl"]);
        assert_eq!(b.lines.items, vec![(0, 0)]);
    }

    #[test]
    fn every_prefix_fails_and_old_atom_chunk_is_refused() {
        let f = tiny();
        for n in 0..f.len() {
            assert!(parse(&f[..n]).is_err());
        }
        let mut old = f.clone();
        old[12..16].copy_from_slice(b"Atom");
        assert_eq!(parse(&old).err(), Some(LoadError::ObsoleteAtomChunk));
    }
}
