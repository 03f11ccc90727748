//! Fuzz target: arbitrary bytes through the external-term-format decoder
//! (`binary_to_term/1,2`), plain and `safe`. Neither may panic, hang or
//! allocate beyond what the input justifies; a term that decodes must
//! survive `term_to_binary` and decode back to an exactly equal term
//! (`=:=`). Seeds: `term_to_binary` outputs (fuzz/seed.sh).
#![no_main]

use beamz::etf::{self, encode::EncodeOpts};
use beamz::heap::Heap;
use beamz::term::order;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut heap = Heap::new(64);
    // `safe` first: it must not create the atoms the plain decode may.
    let safe = etf::decode::decode_with(data, &mut heap, true);
    let plain = etf::decode::decode_with(data, &mut heap, false);
    if let (Ok((_, a)), Ok((_, b))) = (&safe, &plain) {
        assert_eq!(a, b, "safe and plain decodes used different lengths");
    }
    if safe.is_ok() {
        assert!(plain.is_ok(), "safe decoded what plain refused");
    }
    let Ok((t, _)) = plain else { return };
    let opts = EncodeOpts {
        minor_version: 1,
        compression: 0,
        deterministic: false,
        fun_pid: 0,
    };
    let bytes = etf::encode::encode(t, &opts).expect("a decoded term re-encodes");
    let back = etf::decode::decode_exact(&bytes, &mut heap).expect("an encoded term decodes");
    assert!(
        order::compare(t, back, true).is_eq(),
        "round trip changed the term"
    );
});
