//! Loading `.beam` files: parse (`chunks`, `compact`) into the generic form
//! (`generic`), then `transform` into the internal instruction stream.

pub mod chunks;
pub mod compact;
pub mod error;
pub mod generic;
