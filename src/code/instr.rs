//! The internal instruction set (placeholder until the transform lands).
#[derive(Clone, Debug)]
pub enum Instr {
    IntCodeEnd,
}
