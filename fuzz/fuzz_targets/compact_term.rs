//! Fuzz target: the compact-term operand decoder (`loader::compact`) on
//! its own. The first 6 bytes choose the table sizes operands are checked
//! against (atoms, literals, labels); the rest is decoded as a sequence of
//! operands until the bytes end or one is refused. Every operand must
//! consume at least one byte, and an error must point inside the input.
#![no_main]

use beamz::loader::compact::{read_operand, Cursor, Limits};
use libfuzzer_sys::fuzz_target;

/// Absolute offset of the slice's first byte (errors carry absolute
/// offsets; a non-zero base checks they are offset, not relative).
const BASE: usize = 1000;

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let n = |i: usize| u16::from_le_bytes([data[i], data[i + 1]]) as u32;
    let lim = Limits {
        atoms: n(0),
        literals: n(2),
        labels: n(4),
    };
    let body = &data[6..];
    let mut cur = Cursor::new(body, BASE);
    while !cur.is_empty() {
        let before = cur.offset();
        match read_operand(&mut cur, &lim) {
            Ok(_) => assert!(cur.offset() > before, "an operand consumed nothing"),
            Err(e) => {
                let msg = e.to_string();
                assert!(!msg.is_empty());
                break;
            }
        }
    }
    assert!(cur.offset() <= BASE + body.len());
});
