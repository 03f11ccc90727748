//! Fuzz target: arbitrary bytes through the whole loader short of
//! installing (`loader::prepare`: chunk parsing, compact terms, literal
//! decoding, transform with its operand checks). Any input must give `Ok`
//! or a typed error — never a panic, abort, hang or unbounded allocation.
//! Seeds: real `.beam` files (fuzz/seed.sh).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = beamz::loader::prepare(data);
});
