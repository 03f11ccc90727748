//! `ordered_set` storage: objects in a B-tree ordered by key in Erlang
//! term order. Keys compare with `==` semantics, as OTP's ordered_set
//! does: `1` and `1.0` are the same key (inserting one replaces the other,
//! and the stored key becomes the newer one).
//!
//! Objects (and the keys inside them) live in the owning table's storage
//! heap; a lookup key may live anywhere (it is only compared).

use super::hashtab::Put;
use crate::term::order::{compare, exact_eq};
use crate::term::Term;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::ops::Bound;

/// A key ordered by Erlang term order (`==` for numbers).
#[derive(Copy, Clone, Debug)]
pub struct OKey(pub Term);

impl Ord for OKey {
    fn cmp(&self, o: &OKey) -> Ordering {
        compare(self.0, o.0, false)
    }
}
impl PartialOrd for OKey {
    fn partial_cmp(&self, o: &OKey) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl PartialEq for OKey {
    fn eq(&self, o: &OKey) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for OKey {}

pub struct Tree {
    map: BTreeMap<OKey, Term>,
    keypos: usize,
}

impl Tree {
    pub fn new(keypos: usize) -> Tree {
        Tree {
            map: BTreeMap::new(),
            keypos,
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    #[inline]
    pub fn key_of(&self, obj: Term) -> Term {
        obj.element(self.keypos - 1)
    }

    pub fn lookup(&self, key: Term) -> Option<Term> {
        self.map.get(&OKey(key)).copied()
    }

    pub fn put(&mut self, obj: Term, clash_fail: bool) -> Put {
        use std::collections::btree_map::Entry;
        let k = OKey(self.key_of(obj));
        match self.map.entry(k) {
            Entry::Vacant(v) => {
                v.insert(obj);
                Put::New
            }
            Entry::Occupied(_) if clash_fail => Put::Exists,
            Entry::Occupied(mut o) => {
                if exact_eq(o.key().0, k.0) {
                    // The map key still points into the old object, which
                    // stays in table storage until a compaction, and
                    // compaction rebuilds the keys from the new objects.
                    let old = std::mem::replace(o.get_mut(), obj);
                    return Put::Replaced(old);
                }
                // 1 replaced by 1.0: the stored key must become the new one.
                let (_, old) = o.remove_entry();
                self.map.insert(k, obj);
                Put::Replaced(old)
            }
        }
    }

    /// Replace the object with `obj`'s key; the old one, if any.
    pub fn replace(&mut self, obj: Term) -> Option<Term> {
        match self.put(obj, false) {
            Put::Replaced(old) => Some(old),
            _ => {
                self.map.remove(&OKey(self.key_of(obj)));
                None
            }
        }
    }

    pub fn erase(&mut self, key: Term) -> Option<Term> {
        self.map.remove(&OKey(key))
    }

    pub fn erase_object(&mut self, obj: Term) -> Option<Term> {
        let k = OKey(self.key_of(obj));
        let cur = *self.map.get(&k)?;
        if exact_eq(cur, obj) {
            self.map.remove(&k)
        } else {
            None
        }
    }

    pub fn first(&self) -> Option<Term> {
        self.map.keys().next().map(|k| k.0)
    }

    pub fn last(&self) -> Option<Term> {
        self.map.keys().next_back().map(|k| k.0)
    }

    pub fn next(&self, key: Term) -> Option<Term> {
        self.map
            .range((Bound::Excluded(OKey(key)), Bound::Unbounded))
            .next()
            .map(|(k, _)| k.0)
    }

    pub fn prev(&self, key: Term) -> Option<Term> {
        self.map
            .range((Bound::Unbounded, Bound::Excluded(OKey(key))))
            .next_back()
            .map(|(k, _)| k.0)
    }

    /// Objects with keys after (`reverse`: before) `from` (all when None),
    /// in key order (`reverse`: descending).
    pub fn objects_from(
        &self,
        from: Option<Term>,
        reverse: bool,
    ) -> Box<dyn Iterator<Item = Term> + '_> {
        match (from, reverse) {
            (None, false) => Box::new(self.map.values().copied()),
            (None, true) => Box::new(self.map.values().rev().copied()),
            (Some(k), false) => Box::new(
                self.map
                    .range((Bound::Excluded(OKey(k)), Bound::Unbounded))
                    .map(|(_, v)| *v),
            ),
            (Some(k), true) => Box::new(
                self.map
                    .range((Bound::Unbounded, Bound::Excluded(OKey(k))))
                    .rev()
                    .map(|(_, v)| *v),
            ),
        }
    }

    pub fn nth(&self, i: usize) -> Option<Term> {
        self.map.values().nth(i).copied()
    }

    /// Remove every object; returns them.
    pub fn clear(&mut self) -> Vec<Term> {
        std::mem::take(&mut self.map).into_values().collect()
    }

    /// Rewrite every stored object (storage compaction), keeping order.
    pub fn for_each_stored(&mut self, f: &mut dyn FnMut(&mut Term)) {
        let old = std::mem::take(&mut self.map);
        for (_, mut v) in old {
            f(&mut v);
            self.map.insert(OKey(v.element(self.keypos - 1)), v);
        }
    }
}
