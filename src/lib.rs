//! beamz: a BEAM-compatible virtual machine.
//!
//! Data flows one way: `loader` (bytes → generic ops → internal code) →
//! `code` (immutable modules, export table) → `interp` (threaded
//! interpreter over a `process`) with `bif`s beside it; `term` and `heap`
//! define values and where they live; `gc` collects a process heap.

// `x % 8 == 0` reads as bit arithmetic in this code base (bit sizes,
// alignment); `is_multiple_of` hides that.
#![allow(clippy::manual_is_multiple_of)]

pub mod bif;
pub mod boot;
pub mod code;
pub mod embed;
pub mod etf;
pub mod gc;
pub mod heap;
pub mod interp;
pub mod loader;
pub mod otp;
pub mod process;
pub mod runq;
pub mod sched;
pub mod term;
pub mod tier;
pub mod vm;
