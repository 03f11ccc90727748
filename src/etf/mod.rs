//! The external term format (ETF): what `term_to_binary/1` writes and the
//! `LitT` literal pool, `Attr`/`CInf` chunks and boot scripts contain.
//!
//! Owns [`EtfError`] and the zlib helper [`inflate`]; decoding lives in
//! [`decode`]. Invariants: decoding never panics on any input, never
//! recurses on the Rust stack in proportion to the input's nesting, and
//! never allocates more than a small constant times the input length
//! (zlib payloads: at most their declared size, itself bounded by the
//! deflate worst-case ratio).
//!
//! Encoding lives in [`encode`]. Not decoded (decode returns
//! [`EtfError::Unsupported`]): `FUN_EXT`, `LOCAL_EXT`, distribution
//! atom-cache references, pids/ports/references of other nodes, and
//! closures whose module is not loaded (see [`decode`]).

pub mod decode;
pub mod encode;

pub use decode::{decode, decode_exact, decode_literals};

use std::fmt;

/// The version byte every top-level external term starts with.
pub const VERSION: u8 = 131;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EtfError {
    /// Input ended (or a length field claims more bytes than are left).
    Truncated { offset: usize },
    /// The first byte is not 131.
    BadVersion { offset: usize },
    /// An unknown tag byte.
    BadTag { tag: u8, offset: usize },
    /// A valid tag this decoder does not handle (funs, pids, ports, refs).
    Unsupported { tag: u8, offset: usize },
    /// Atom text that is not valid UTF-8.
    BadAtom { offset: usize },
    /// Atom text longer than 255 characters.
    AtomTooLong { offset: usize },
    /// The atom table is full.
    TooManyAtoms { offset: usize },
    /// A float that does not parse, or is NaN or infinite.
    BadFloat { offset: usize },
    /// A `BIT_BINARY_EXT` whose trailing bit count is not 1..=8.
    BadBitSize { offset: usize },
    /// An `EXPORT_EXT` whose parts are not atom, atom, small integer.
    BadExport { offset: usize },
    /// A corrupt or wrongly sized compressed term.
    Zlib { offset: usize },
    /// `decode_exact`: bytes left after the term.
    TrailingBytes { offset: usize },
    /// A `MAP_EXT` holding the same key twice.
    DuplicateKey { offset: usize },
}

impl fmt::Display for EtfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use EtfError::*;
        match self {
            Truncated { offset } => write!(f, "external term truncated at byte {offset}"),
            BadVersion { offset } => {
                write!(f, "external term at byte {offset} does not start with version 131")
            }
            BadTag { tag, offset } => write!(f, "unknown external term tag {tag} at byte {offset}"),
            Unsupported { tag, offset } => write!(
                f,
                "external term tag {tag} at byte {offset} (fun, pid, port or reference) is not supported"
            ),
            BadAtom { offset } => write!(f, "atom text at byte {offset} is not valid UTF-8"),
            AtomTooLong { offset } => {
                write!(f, "atom at byte {offset} is longer than 255 characters")
            }
            TooManyAtoms { offset } => {
                write!(f, "atom table full while decoding the atom at byte {offset}")
            }
            BadFloat { offset } => write!(f, "invalid or non-finite float at byte {offset}"),
            BadBitSize { offset } => write!(f, "invalid bit count in bitstring at byte {offset}"),
            BadExport { offset } => write!(f, "malformed external fun at byte {offset}"),
            Zlib { offset } => write!(f, "corrupt compressed term at byte {offset}"),
            TrailingBytes { offset } => write!(f, "unexpected bytes after the term at byte {offset}"),
            DuplicateKey { offset } => write!(f, "map at byte {offset} has a repeated key"),
        }
    }
}

impl std::error::Error for EtfError {}

/// Inflate a zlib stream that must produce exactly `size` bytes. Returns
/// the data and the number of input bytes the stream occupied, or `None`
/// if the stream is corrupt, truncated, or of another size. `size` is
/// rejected up front if no deflate stream of `input.len()` bytes could
/// produce it (ratio above 1032:1), so hostile sizes allocate nothing.
pub fn inflate(input: &[u8], size: usize) -> Option<(Vec<u8>, usize)> {
    let max = input.len().saturating_mul(1032).saturating_add(64);
    if size > max {
        return None;
    }
    let mut out = Vec::with_capacity(size.saturating_add(1));
    let mut z = flate2::Decompress::new(true);
    let status = z
        .decompress_vec(input, &mut out, flate2::FlushDecompress::Finish)
        .ok()?;
    if status != flate2::Status::StreamEnd || out.len() != size {
        return None;
    }
    let used = usize::try_from(z.total_in()).ok()?;
    Some((out, used))
}
