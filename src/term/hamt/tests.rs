//! HAMT tests against orders recorded from OTP 25 (`erl`): for each key
//! set, the position in the key list of every key in iteration order
//! (`lists:reverse(maps:to_list(maps:from_list(...)))`).

use super::*;
use crate::interp::maps;
use crate::term::{atom, bignum, display};

const INTS40: &[usize] = &[
    15, 17, 4, 18, 26, 34, 9, 23, 35, 3, 20, 21, 16, 2, 7, 0, 6, 1, 13, 14, 19, 39, 12, 37, 5, 27,
    24, 33, 31, 8, 36, 10, 30, 25, 38, 29, 28, 22, 11, 32,
];
const NEG50: &[usize] = &[
    45, 3, 18, 21, 10, 23, 7, 8, 6, 35, 15, 0, 30, 49, 36, 29, 20, 2, 48, 46, 44, 16, 43, 11, 5,
    27, 40, 24, 13, 33, 22, 31, 19, 17, 4, 42, 28, 1, 34, 37, 47, 14, 12, 38, 26, 41, 25, 9, 39,
    32,
];
const MID50: &[usize] = &[
    14, 35, 43, 49, 12, 3, 41, 1, 24, 33, 0, 8, 39, 32, 37, 29, 31, 18, 22, 40, 10, 28, 30, 45, 48,
    44, 2, 4, 5, 16, 26, 34, 6, 9, 23, 36, 27, 21, 38, 42, 13, 46, 15, 11, 47, 20, 19, 25, 7, 17,
];
const BIG50: &[usize] = &[
    33, 39, 0, 22, 25, 23, 24, 35, 36, 20, 1, 48, 8, 37, 5, 29, 31, 42, 40, 17, 19, 18, 12, 26, 4,
    15, 9, 3, 2, 43, 47, 49, 14, 30, 34, 28, 16, 38, 21, 27, 44, 32, 7, 13, 41, 10, 11, 45, 46, 6,
];
const STRINGS40: &[usize] = &[
    37, 30, 31, 6, 22, 26, 10, 33, 18, 29, 4, 15, 0, 23, 11, 27, 28, 16, 36, 25, 5, 9, 7, 13, 32,
    19, 34, 3, 12, 24, 38, 20, 17, 1, 8, 35, 2, 39, 21, 14,
];
const BINARIES50: &[usize] = &[
    18, 0, 8, 15, 12, 3, 36, 47, 41, 23, 21, 1, 29, 48, 28, 27, 31, 34, 45, 37, 40, 49, 38, 17, 39,
    9, 16, 10, 11, 44, 22, 14, 20, 25, 33, 32, 2, 5, 43, 4, 30, 19, 35, 7, 13, 24, 42, 26, 6, 46,
];
const TUPLES50: &[usize] = &[
    29, 38, 17, 32, 31, 33, 14, 11, 47, 6, 5, 36, 21, 7, 27, 20, 37, 15, 26, 19, 16, 48, 41, 12, 9,
    40, 8, 4, 24, 25, 10, 45, 30, 49, 39, 3, 34, 1, 43, 2, 23, 13, 46, 0, 42, 22, 28, 35, 44, 18,
];
const FLOATS50: &[usize] = &[
    5, 30, 36, 46, 37, 41, 40, 31, 23, 16, 28, 3, 39, 9, 4, 48, 8, 26, 42, 0, 12, 34, 6, 2, 7, 45,
    44, 17, 1, 33, 11, 29, 35, 49, 38, 47, 18, 13, 20, 19, 27, 15, 10, 25, 24, 22, 14, 32, 43, 21,
];
const MIXED: &[usize] = &[
    1, 20, 32, 21, 25, 14, 31, 24, 23, 22, 9, 5, 4, 16, 18, 19, 29, 17, 8, 27, 10, 26, 2, 13, 30,
    0, 11, 7, 3, 12, 6, 28, 15,
];
const SMALLMAPS40: &[usize] = &[
    21, 10, 33, 14, 32, 1, 36, 11, 6, 35, 38, 15, 5, 28, 4, 22, 16, 13, 27, 30, 9, 8, 31, 24, 17,
    20, 2, 19, 18, 3, 26, 0, 23, 12, 25, 34, 7, 37, 39, 29,
];
const COLLIDE: &[usize] = &[
    17, 19, 6, 20, 28, 11, 25, 5, 22, 23, 18, 4, 9, 2, 8, 3, 15, 16, 21, 14, 7, 29, 26, 10, 12, 32,
    1, 0, 27, 31, 30, 24, 13,
];
const SCOLLIDE: &[usize] = &[
    17, 19, 6, 1, 0, 20, 28, 11, 25, 5, 22, 23, 18, 4, 9, 2, 8, 3, 15, 16, 21, 14, 7, 29, 26, 10,
    12, 32, 27, 31, 30, 24, 13,
];
const INTS1000_CHECK: u64 = 311599663;
const INTS100K_CHECK: u64 = 499871055;
const REMOVED_CHECK: u64 = 226969271;

/// `erlang:display(maps:from_list([{X,X} || X <- lists:seq(1,40)]))` on OTP 25:
/// the trie itself (bitmaps in hex, leaves as `[K|V]`).
const DISPLAY40: &str = "#<fffb>{<1201>{[16|16],[18|18],[5|5]},<4400>{[19|19],[27|27]},<1084>{[35|35],<4080>{[10|10],[24|24]},[36|36]},<14>{[4|4],[21|21]},<240>{[22|22],[17|17]},<2a>{[3|3],[8|8],[1|1]},<8512>{[7|7],[2|2],[14|14],[15|15],[20|20]},<c0>{[40|40],<1001>{[13|13],[38|38]}},[6|6],<9400>{[28|28],[25|25],[34|34]},<312>{[32|32],[9|9],[37|37],[11|11]},[31|31],[26|26],<2060>{[39|39],[30|30],<8020>{[29|29],[23|23]}},<8200>{[12|12],[33|33]}}";

fn int(h: &mut Heap, i: i128) -> Term {
    bignum::from_i128(h, i)
}

fn map_of(h: &mut Heap, keys: &[Term]) -> Term {
    let pairs: Vec<(Term, Term)> = keys.iter().map(|&k| (k, k)).collect();
    maps::build(h, &pairs)
}

/// Positions in `keys` of the keys of `m` in iteration order.
fn order_of(m: Term, keys: &[Term]) -> Vec<usize> {
    iteration_order(m)
        .iter()
        .map(|(k, _)| {
            keys.iter()
                .position(|x| order::exact_eq(*x, *k))
                .expect("key")
        })
        .collect()
}

/// The same polynomial checksum the recorder computed in Erlang over the
/// keys in iteration order.
fn check(keys: impl Iterator<Item = i64>) -> u64 {
    keys.fold(0u64, |a, k| (a * 31 + k as u64) % 1_000_000_007)
}

fn int_keys(h: &mut Heap, r: impl Iterator<Item = i128>) -> Vec<Term> {
    r.map(|i| int(h, i)).collect()
}

fn assert_order(name: &str, m: Term, keys: &[Term], want: &[usize]) {
    assert!(is_hashmap(m), "{name}: not a hashmap");
    assert_eq!(size(m), keys.len(), "{name}: size");
    assert_eq!(order_of(m, keys), want, "{name}: iteration order");
    // Every key is found, with its value.
    for &k in keys {
        assert!(
            get(m, k).is_some_and(|v| order::exact_eq(v, k)),
            "{name}: get"
        );
    }
}

#[test]
fn integers_1_to_40_match_otp() {
    let mut h = Heap::new(0);
    let keys = int_keys(&mut h, 1..=40);
    let m = map_of(&mut h, &keys);
    assert_order("ints40", m, &keys, INTS40);
    assert_eq!(display::format(m), DISPLAY40);
    // maps:keys/1 and maps:to_list/1 are the reverse of iteration order.
    let ks: Vec<i64> = maps::entries(m)
        .iter()
        .map(|(k, _)| k.small_value())
        .collect();
    let mut rev: Vec<i64> = INTS40.iter().map(|&i| i as i64 + 1).collect();
    rev.reverse();
    assert_eq!(ks, rev);
}

#[test]
fn integer_sets_match_otp() {
    let mut h = Heap::new(0);
    let neg = int_keys(&mut h, (1..=50).map(|i| -i));
    let m = map_of(&mut h, &neg);
    assert_order("neg50", m, &neg, NEG50);
    // Our bignums, OTP's 60-bit smalls: hashed as OTP's immediates.
    let mid = int_keys(&mut h, (1..=50).map(|i| i * 1_000_000_000_000_000));
    let m = map_of(&mut h, &mid);
    assert_order("mid50", m, &mid, MID50);
    let big = int_keys(&mut h, (1..=50).map(|i| i * 100_000_000_000_000_000_000));
    let m = map_of(&mut h, &big);
    assert_order("big50", m, &big, BIG50);
}

#[test]
fn large_integer_maps_match_otp() {
    let mut h = Heap::new(0);
    for (n, want) in [(1000i128, INTS1000_CHECK), (100_000, INTS100K_CHECK)] {
        let keys = int_keys(&mut h, 1..=n);
        let m = map_of(&mut h, &keys);
        let got = check(iteration_order(m).iter().map(|(k, _)| k.small_value()));
        assert_eq!(got, want, "1..{n}");
    }
}

#[test]
fn compound_keys_match_otp() {
    let mut h = Heap::new(0);
    let strings: Vec<Term> = (1..=40).map(|i| h.string(&format!("k{i}"))).collect();
    let m = map_of(&mut h, &strings);
    assert_order("strings40", m, &strings, STRINGS40);

    let bins: Vec<Term> = (1..=50)
        .map(|i| h.binary(i.to_string().as_bytes()))
        .collect();
    let m = map_of(&mut h, &bins);
    assert_order("binaries50", m, &bins, BINARIES50);

    let tuples: Vec<Term> = (1..=50)
        .map(|i| h.tuple(&[Term::small(i), Term::small(i * 2)]))
        .collect();
    let m = map_of(&mut h, &tuples);
    assert_order("tuples50", m, &tuples, TUPLES50);

    let floats: Vec<Term> = (1..=50).map(|i| Term::float(i as f64 / 3.0)).collect();
    let m = map_of(&mut h, &floats);
    assert_order("floats50", m, &floats, FLOATS50);

    let maps40: Vec<Term> = (1..=40)
        .map(|i| h.map_sorted(&[(Term::small(i), Term::small(i))]))
        .collect();
    let m = map_of(&mut h, &maps40);
    assert_order("smallmaps40", m, &maps40, SMALLMAPS40);
}

#[test]
fn mixed_keys_match_otp() {
    let mut h = Heap::new(0);
    let mut keys: Vec<Term> = (1..=20)
        .map(|i| h.cons(Term::small(i), Term::small(i)))
        .collect();
    let nine: Vec<Term> = (1..=9).map(Term::small).collect();
    let t3 = h.tuple(&[Term::small(3)]);
    let t23 = h.tuple(&[Term::small(2), t3]);
    let one = h.list(&[Term::small(1)]);
    let two = h.list(&[Term::small(2)]);
    let extra = [
        h.tuple(&[]),
        Term::NIL,
        h.binary(b""),
        h.bitstring(&[0b0010_0000], 3),
        Term::float(1.0),
        Term::float(0.0),
        h.list(&nine),
        h.tuple(&[Term::small(1), t23]),
        h.list(&[one, two]),
        Term::float(-0.5),
        int(&mut h, (1 << 59) - 1),
        int(&mut h, -(1 << 59)),
        int(&mut h, 1 << 59),
    ];
    keys.extend_from_slice(&extra);
    let m = map_of(&mut h, &keys);
    assert_order("mixed", m, &keys, MIXED);
}

#[test]
fn full_hash_collisions_rehash_like_otp() {
    // 40660 and 59671 collide in all 32 bits of generation 0 (so do the
    // strings), and OTP separates them at level 8 with generation 1.
    let mut h = Heap::new(0);
    assert_eq!(
        generation_hash(Term::small(40660), 0),
        generation_hash(Term::small(59671), 0)
    );
    assert_ne!(
        generation_hash(Term::small(40660), 1),
        generation_hash(Term::small(59671), 1)
    );
    let mut keys = int_keys(&mut h, [40660, 59671].into_iter());
    keys.extend(int_keys(&mut h, 1..=31));
    let m = map_of(&mut h, &keys);
    assert_order("collide", m, &keys, COLLIDE);

    let mut skeys = vec![h.string("s16687"), h.string("s104589")];
    skeys.extend(int_keys(&mut h, 1..=31));
    let m = map_of(&mut h, &skeys);
    assert_order("scollide", m, &skeys, SCOLLIDE);

    // Removing one of the pair collapses the chain of single-child nodes:
    // the result is the trie built without it (then 32 keys: flat).
    let big = int_keys(&mut h, 100..=110);
    let all: Vec<Term> = keys.iter().chain(big.iter()).copied().collect();
    let m = map_of(&mut h, &all);
    let (m2, v) = remove(&mut h, m, Term::small(40660)).expect("present");
    assert_eq!(v, Term::small(40660));
    let rest: Vec<Term> = all
        .iter()
        .copied()
        .filter(|&k| k != Term::small(40660))
        .collect();
    let fresh = map_of(&mut h, &rest);
    assert_eq!(display::format(m2), display::format(fresh));
    // And inserting it back gives the original trie.
    let m3 = insert(&mut h, m2, Term::small(40660), Term::small(40660), false).unwrap();
    assert_eq!(display::format(m3), display::format(m));
}

#[test]
fn removals_match_otp_and_shrink_to_flat() {
    let mut h = Heap::new(0);
    let keys = int_keys(&mut h, 1..=1000);
    let mut m = map_of(&mut h, &keys);
    for i in (1..=1000).step_by(3) {
        m = maps::remove(&mut h, m, Term::small(i)).expect("present").0;
    }
    let got = check(iteration_order(m).iter().map(|(k, _)| k.small_value()));
    assert_eq!(got, REMOVED_CHECK);
    // Same trie as building the survivors directly.
    let rest: Vec<Term> = keys
        .iter()
        .copied()
        .filter(|k| k.small_value() % 3 != 1)
        .collect();
    assert_eq!(display::format(m), display::format(map_of(&mut h, &rest)));
    // Absent keys leave the map alone.
    assert!(maps::remove(&mut h, m, Term::small(1)).is_none());
    // Down to 33 keys a hashmap, at 32 flat (sorted), as OTP.
    let mut m = map_of(&mut h, &keys);
    for i in 1..=967 {
        m = maps::remove(&mut h, m, Term::small(i)).unwrap().0;
    }
    assert!(is_hashmap(m) && maps::size(m) == 33);
    let m = maps::remove(&mut h, m, Term::small(968)).unwrap().0;
    assert!(!is_hashmap(m) && m.is_map() && maps::size(m) == 32);
    let ks: Vec<i64> = maps::entries(m)
        .iter()
        .map(|(k, _)| k.small_value())
        .collect();
    assert_eq!(ks, (969..=1000).collect::<Vec<_>>());
}

#[test]
fn insertion_order_does_not_matter() {
    let mut h = Heap::new(0);
    let keys = int_keys(&mut h, 1..=3000);
    let bulk = map_of(&mut h, &keys);
    // A scrambled insertion order, one key at a time from the empty map.
    let mut m = h.map_sorted(&[]);
    let mut i = 0usize;
    for _ in 0..3000 {
        i = (i + 1237) % 3000;
        m = maps::put(&mut h, m, keys[i], keys[i], false).unwrap();
    }
    assert!(is_hashmap(m));
    assert_eq!(maps::size(m), 3000);
    assert_eq!(display::format(m), display::format(bulk));
    assert_eq!(order::compare(m, bulk, true), std::cmp::Ordering::Equal);
}

#[test]
fn updates_replace_and_exact_updates_need_the_key() {
    let mut h = Heap::new(0);
    let keys = int_keys(&mut h, 1..=100);
    let m = map_of(&mut h, &keys);
    let m2 = insert(&mut h, m, Term::small(50), Term::NIL, true).unwrap();
    assert_eq!(get(m2, Term::small(50)), Some(Term::NIL));
    assert_eq!(get(m, Term::small(50)), Some(Term::small(50)));
    assert_eq!(size(m2), 100);
    assert!(insert(&mut h, m, Term::small(500), Term::NIL, true).is_none());
    let m3 = insert(&mut h, m, Term::small(500), Term::NIL, false).unwrap();
    assert_eq!(size(m3), 101);
    // Keys compare exactly: 50.0 is another key.
    assert_eq!(get(m, Term::float(50.0)), None);
    // A bignum equal to an OTP small is found whatever its representation.
    let b = int(&mut h, 1 << 50);
    let m4 = insert(&mut h, m, b, Term::NIL, false).unwrap();
    let b2 = int(&mut h, 1 << 50);
    assert_eq!(get(m4, b2), Some(Term::NIL));
}

#[test]
fn atom_keys_work_in_this_vms_order() {
    // OTP hashes atoms by atom-table index, which differs between VMs: the
    // order is not checked, only consistency.
    let mut h = Heap::new(0);
    let keys: Vec<Term> = (0..200)
        .map(|i| Term::atom(atom::intern(&format!("hamt_test_atom_{i}")).unwrap()))
        .collect();
    let m = map_of(&mut h, &keys);
    assert_eq!(size(m), 200);
    for &k in &keys {
        assert_eq!(get(m, k), Some(k));
    }
    let mut seen = order_of(m, &keys);
    seen.sort_unstable();
    assert_eq!(seen, (0..200).collect::<Vec<_>>());
}

#[test]
fn duplicate_keys_last_wins() {
    let mut h = Heap::new(0);
    let mut pairs: Vec<(Term, Term)> = (1..=40).map(|i| (Term::small(i), Term::small(i))).collect();
    pairs.extend((1..=40).map(|i| (Term::small(i), Term::NIL)));
    let m = maps::build(&mut h, &pairs);
    assert_eq!(maps::size(m), 40);
    assert!(maps::entries(m).iter().all(|&(_, v)| v == Term::NIL));
    // 33 pairs with a duplicate are 32 keys: a flat map.
    let pairs: Vec<(Term, Term)> = (1..=33)
        .map(|i| (Term::small(i.min(32)), Term::small(i)))
        .collect();
    let m = maps::build(&mut h, &pairs);
    assert!(!is_hashmap(m));
    assert_eq!(maps::get(m, Term::small(32)), Some(Term::small(33)));
}

#[test]
fn map_next_chunks_like_otp() {
    // maps:next(maps:iterator(M)) on the 40-key map: the first call returns
    // 32 pairs then [11 | M] (child 11 of the head, 16#B).
    let mut h = Heap::new(0);
    let keys = int_keys(&mut h, 1..=40);
    let m = map_of(&mut h, &keys);
    let (first, next) = next_from_path(m, &[0], 32).unwrap();
    assert_eq!(first.len(), 32);
    assert_eq!(next, Some(vec![11]));
    let (rest, end) = next_from_path(m, &[11], 1000).unwrap();
    assert_eq!(end, None);
    let walked: Vec<(Term, Term)> = first.into_iter().chain(rest).collect();
    assert_eq!(walked, iteration_order(m));
    // One pair at a time gives the same walk.
    let mut path = vec![0u64];
    let mut one_by_one = Vec::new();
    loop {
        let (p, next) = next_from_path(m, &path, 1).unwrap();
        one_by_one.extend(p);
        match next {
            Some(n) => path = n,
            None => break,
        }
    }
    assert_eq!(one_by_one, walked);
    // A path to a missing child is badarg.
    assert!(next_from_path(m, &[0xF], 1).is_none());
}

#[test]
fn merge_and_compare() {
    let mut h = Heap::new(0);
    let a_pairs: Vec<(Term, Term)> = (1..=30).map(|i| (Term::small(i), Term::small(0))).collect();
    let b_pairs: Vec<(Term, Term)> = (20..=60)
        .map(|i| (Term::small(i), Term::small(1)))
        .collect();
    let a = maps::build(&mut h, &a_pairs);
    let b = maps::build(&mut h, &b_pairs);
    let ab = maps::merge(&mut h, a, b);
    let ba = maps::merge(&mut h, b, a);
    assert_eq!(maps::size(ab), 60);
    assert_eq!(maps::get(ab, Term::small(25)), Some(Term::small(1)));
    assert_eq!(maps::get(ba, Term::small(25)), Some(Term::small(0)));
    assert_eq!(
        display::format(maps::merge(&mut h, ab, ba)),
        display::format(ba)
    );
    // Size first, then keys in term order, then values.
    assert_eq!(order::compare(a, ab, false), std::cmp::Ordering::Less);
    assert_eq!(order::compare(ab, ba, false), std::cmp::Ordering::Greater);
    assert!(!order::exact_eq(ab, ba));
}
