//! Loading `.beam` files: parse (`chunks`, `compact`) into the generic form
//! (`generic`), then `transform` into the internal instruction stream,
//! `verify` it and install the module (`code`).

pub mod chunks;
pub mod compact;
pub mod error;
pub mod generic;
pub mod transform;
pub mod verify;

use crate::code;
use std::fmt;
use std::path::Path;

/// Why a module could not be loaded.
#[derive(Debug)]
pub enum Error {
    Io(String, std::io::Error),
    Parse(error::LoadError),
    Transform(transform::TransformError),
    Verify(verify::VerifyError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(path, e) => write!(f, "cannot read {path}: {e}"),
            Error::Parse(e) => write!(f, "{e}"),
            Error::Transform(e) => write!(f, "{e}"),
            Error::Verify(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

/// Parse, transform and verify a module without installing it (tests,
/// fuzzing). Every module runs through here: only verified code is
/// interpreted or compiled.
pub fn prepare(bytes: &[u8]) -> Result<code::Module, Error> {
    let file = chunks::parse(bytes).map_err(Error::Parse)?;
    let idx =
        code::next_index().ok_or(Error::Transform(transform::TransformError::TooManyModules))?;
    let m = transform::transform(file, idx).map_err(Error::Transform)?;
    verify::verify(&m).map_err(Error::Verify)?;
    code::note_x_registers(verify::x_registers_named(&m));
    Ok(m)
}

/// Load a module from bytes and install it. Returns its index.
pub fn load_bytes(bytes: &[u8]) -> Result<u16, Error> {
    let m = prepare(bytes)?;
    Ok(code::install(m))
}

/// Load a `.beam` file (read through a memory map) and install it.
pub fn load_file(path: &Path) -> Result<u16, Error> {
    let f = std::fs::File::open(path).map_err(|e| Error::Io(path.display().to_string(), e))?;
    // SAFETY: the map is read-only and only read while `load_bytes` runs;
    // the parser copies everything it keeps. A concurrent truncation of the
    // file by another program could fault the read, the accepted risk of
    // every memory-mapped reader (OTP reads files into memory instead).
    let map =
        unsafe { memmap2::Mmap::map(&f) }.map_err(|e| Error::Io(path.display().to_string(), e))?;
    load_bytes(&map)
}
