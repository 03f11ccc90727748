//! Errors of the parsing half of the loader (`chunks`, `compact`).
//!
//! Owns [`LoadError`]. Invariant: every variant that is about a place in
//! the file carries the absolute byte `offset` in the `.beam` file (for
//! literals inside the compressed pool, the offset of the `LitT` chunk plus
//! the inner ETF error, whose offset is relative to that literal). Display
//! gives one sentence; nothing here panics.

use crate::etf::EtfError;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The data ended before `what` could be read completely.
    Truncated { offset: usize, what: &'static str },
    /// Not an IFF `FOR1 ... BEAM` container.
    BadMagic,
    /// A chunk is malformed (bad header, count or content).
    BadChunk { id: [u8; 4], offset: usize },
    /// A compact-term operand is malformed or of the wrong kind.
    BadOperand { offset: usize },
    /// An opcode outside 1..=MAX_OPCODE.
    UnknownOpcode { opcode: u8, offset: usize },
    /// The Code header announces opcodes newer than this loader knows.
    OpcodeTooNew { max: u32, offset: usize },
    /// The Code chunk format number is not 0.
    BadCodeFormat { format: u32, offset: usize },
    /// A required chunk is absent.
    MissingChunk(&'static str),
    /// The file only has the latin-1 `Atom` chunk (compiled by OTP 20 or
    /// earlier), which OTP 25 refuses as well.
    ObsoleteAtomChunk,
    /// Literal number `index` of the `LitT` chunk (at `offset`) is not
    /// valid external term format.
    BadLiteral {
        index: u32,
        offset: usize,
        error: EtfError,
    },
    /// The `LitT` zlib stream is corrupt or has the wrong size.
    Zlib { offset: usize },
    /// An atom text longer than 255 characters.
    AtomTooLong { offset: usize },
    /// An atom text that is not UTF-8.
    BadAtomText { offset: usize },
    /// An atom count that cannot be right (negative, zero, or beyond the
    /// chunk size or the VM's atom limit).
    TooManyAtoms { offset: usize },
    /// An atom index out of range for the atom table.
    BadAtomIndex { index: u64, offset: usize },
    /// A literal index out of range for the literal pool.
    BadLiteralIndex { index: u64, offset: usize },
    /// A label number not below the Code header's label count.
    BadLabel { label: u64, offset: usize },
    /// The Code chunk ends without `int_code_end`.
    NoCodeEnd { offset: usize },
}

fn chunk_name(id: &[u8; 4]) -> String {
    id.iter()
        .map(|&b| {
            if b.is_ascii_graphic() {
                (b as char).to_string()
            } else {
                format!("\\x{b:02x}")
            }
        })
        .collect()
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use LoadError::*;
        match self {
            Truncated { offset, what } => {
                write!(f, "file truncated at byte {offset} while reading {what}")
            }
            BadMagic => write!(f, "not a BEAM file: expected a FOR1 header with form type BEAM"),
            BadChunk { id, offset } => {
                write!(f, "malformed {} chunk at byte {offset}", chunk_name(id))
            }
            BadOperand { offset } => write!(f, "malformed instruction operand at byte {offset}"),
            UnknownOpcode { opcode, offset } => {
                write!(f, "unknown opcode {opcode} at byte {offset}")
            }
            OpcodeTooNew { max, offset } => write!(
                f,
                "use of opcode {max} (Code header at byte {offset}); this loader supports only up to {}",
                super::chunks::MAX_OPCODE
            ),
            BadCodeFormat { format, offset } => {
                write!(f, "unsupported Code chunk format {format} at byte {offset}")
            }
            MissingChunk(id) => write!(f, "required chunk {id} is missing"),
            ObsoleteAtomChunk => write!(
                f,
                "obsolete latin-1 Atom chunk: please re-compile this module with an Erlang/OTP 25 compiler"
            ),
            BadLiteral {
                index,
                offset,
                error,
            } => write!(
                f,
                "literal {index} of the LitT chunk at byte {offset} is invalid: {error}"
            ),
            Zlib { offset } => write!(f, "corrupt zlib data in the LitT chunk at byte {offset}"),
            AtomTooLong { offset } => {
                write!(f, "atom at byte {offset} is longer than 255 characters")
            }
            BadAtomText { offset } => write!(f, "atom at byte {offset} is not valid UTF-8"),
            TooManyAtoms { offset } => write!(f, "invalid atom count at byte {offset}"),
            BadAtomIndex { index, offset } => {
                write!(f, "atom index {index} at byte {offset} is out of range")
            }
            BadLiteralIndex { index, offset } => {
                write!(f, "literal index {index} at byte {offset} is out of range")
            }
            BadLabel { label, offset } => {
                write!(f, "label {label} at byte {offset} is out of range")
            }
            NoCodeEnd { offset } => write!(
                f,
                "Code chunk ending at byte {offset} has no int_code_end instruction"
            ),
        }
    }
}

impl std::error::Error for LoadError {}
