//! The key hash of OTP 25's hash tables (`set`, `bag`, `duplicate_bag`):
//! ERTS `MAKE_HASH(Key)`, which is the atom's cached text hash (hashpjw)
//! for an atom key and `make_internal_hash(Key, 0)` (`term::hamt`) for
//! anything else. That reproduces OTP's slot order (which `tab2list/1`,
//! `first/1`/`next/2` and `select/2` on a `set` expose) for keys built
//! from integers, floats, binaries, lists, tuples, maps and top-level
//! atoms. Not exact (but stable within a run) where OTP hashes a value this
//! VM cannot know: atoms *inside* compound keys (OTP mixes its atom-table
//! index), pids, ports, references and funs.

use crate::term::Term;

/// `MAKE_HASH(Key)` of erl_db_hash.c.
pub fn key_hash(key: Term) -> u32 {
    if key.is_atom() {
        super::super::hash::atom_hash(key.atom_value())
    } else {
        crate::term::hamt::internal_hash(key, 0)
    }
}

/// An atom's name hash without going through the hash module (tests).
#[cfg(test)]
pub fn atom_key_hash(name: &str) -> u32 {
    key_hash(Term::atom(crate::term::atom::intern_static(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Slot order (of 256) for integer keys matches OTP 25's first/next:
    /// `[K || K <- keys(T)]` after inserting {1}..{20} into a new set.
    #[test]
    fn small_int_slot_order() {
        let mut ks: Vec<i64> = (1..=20).collect();
        ks.sort_by_key(|&k| key_hash(Term::small(k)) & 255);
        assert_eq!(
            ks,
            vec![16, 3, 7, 4, 8, 2, 9, 1, 10, 13, 6, 14, 18, 17, 11, 12, 19, 15, 5, 20]
        );
    }

    #[test]
    fn atom_keys_use_pjw() {
        assert_eq!(atom_key_hash("a"), 97);
        assert_eq!(atom_key_hash("bar") & 255, 130);
    }
}
