//! `beamz::embed`: one call run to completion in the test's thread, the
//! way the `jit_diff` fuzz target drives the VM. The same calls give the
//! same results interpreted (`Mode::Off`) and compiled (`Mode::Eager`).
//! (The mode is global, so the tiers are checked in one test function.)

use beamz::embed::{self, CallEnd};
use beamz::term::Term;
use beamz::tier::{self, Mode};

/// `term_to_binary` of an argument list built on a scratch heap.
fn args(build: impl FnOnce(&mut beamz::heap::Heap) -> Vec<Term>) -> Vec<u8> {
    let mut h = beamz::heap::Heap::new(64);
    let items = build(&mut h);
    let l = h.list(&items);
    let opts = beamz::etf::encode::EncodeOpts {
        minor_version: 1,
        compression: 0,
        deterministic: false,
        fun_pid: 0,
    };
    beamz::etf::encode::encode(l, &opts).unwrap()
}

#[test]
fn calls_return_raise_and_stop_the_same_in_both_tiers() {
    embed::init(None, &[]).expect("an OTP installation (apt-get install -y erlang-base)");
    let list = args(|h| {
        let l = h.list(&[Term::small(1), Term::small(2), Term::small(3)]);
        vec![l]
    });
    let bad = args(|_| vec![Term::small(1)]);
    let long = args(|_| vec![Term::small(1), Term::small(10_000_000)]);
    for mode in [Mode::Off, Mode::Eager] {
        tier::set_mode(mode, 1);
        assert_eq!(
            embed::call("lists", "reverse", &list, 100_000).unwrap(),
            CallEnd::Return("[3,2,1]".into()),
            "{mode:?}"
        );
        match embed::call("lists", "reverse", &bad, 100_000).unwrap() {
            CallEnd::Raised { reason, .. } => assert_eq!(reason, "function_clause", "{mode:?}"),
            other => panic!("{mode:?}: lists:reverse(1) ended with {other:?}"),
        }
        assert_eq!(
            embed::call("lists", "seq", &long, 10_000).unwrap(),
            CallEnd::OutOfReductions,
            "{mode:?}"
        );
    }
    assert!(embed::call("lists", "reverse", b"\x83junk", 10).is_err());
}
