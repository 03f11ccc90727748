//! The linear hash table behind `set`, `bag` and `duplicate_bag`, laid
//! out exactly as OTP 25's erl_db_hash.c (coarse-locked tables), so that
//! iteration order (`first/next`, `select`, `match`, `tab2list`) is the
//! one `erl` shows:
//!
//! - 256 slots to start (`szm` = 255); a new object makes the table grow
//!   one slot (splitting one bucket, relative order kept) while
//!   `nitems > nactive`, at most 5 slots per insert, never while fixed;
//! - a new key is appended to its bucket's chain; a new object with an
//!   existing key (`bag`/`duplicate_bag`) goes in front of that key's
//!   group, so chains hold groups newest first;
//! - deleting while the table is fixed (`safe_fixtable/2`) leaves the first
//!   object of the key as a *pseudo-deleted* entry, so `next/2` still
//!   works from it; unfixing purges them;
//! - tables only shrink once they have grown past two extra segments
//!   (`shrink_limit`), joining the top bucket onto its buddy;
//! - `write_concurrency` tables are walked lock stripe by lock stripe
//!   (slots 0, 64, 128, ..., then 1, 65, ...), and with decentralized
//!   counters (`{write_concurrency, auto}`) grow and shrink decisions use
//!   64 times the item count of the key's lock stripe, as OTP does.
//!
//! Entries hold object terms that live in the owning table's storage
//! heap; this module never allocates terms.

use super::ihash::key_hash;
use crate::term::order::exact_eq;
use crate::term::Term;

const FIRST_SEGSZ: usize = 256;
const EXT_SEGSZ: usize = 2048;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Flavor {
    Set,
    Bag,
    DBag,
}

pub struct Entry {
    pub hval: u32,
    pub obj: Term,
    /// Pseudo-deleted (only while the table is fixed).
    pub dead: bool,
}

/// What `put` did with the new object.
pub enum Put {
    /// Linked in as a new entry.
    New,
    /// Took the place of this (now unreferenced) object.
    Replaced(Term),
    /// Not stored: the key exists (insert_new) ...
    Exists,
    /// ... or an identical object is already in the bag.
    Duplicate,
}

pub struct HashTab {
    /// `nactive` buckets.
    buckets: Vec<Vec<Entry>>,
    szm: usize,
    nslots: usize,
    shrink_limit: usize,
    pub nitems: usize,
    pub flavor: Flavor,
    keypos: usize,
    has_dead: bool,
    /// Slot walk stride: 64 (lock stripes) with write_concurrency, else 1.
    stride: usize,
    /// Per-stripe item counts (decentralized counters).
    lock_ctr: Option<Box<[i64; LOCKS]>>,
}

const LOCKS: usize = 64;

impl HashTab {
    pub fn new(flavor: Flavor, keypos: usize, fine: bool, decentral: bool) -> HashTab {
        HashTab {
            stride: if fine { LOCKS } else { 1 },
            lock_ctr: (fine && decentral).then(|| Box::new([0; LOCKS])),
            buckets: (0..FIRST_SEGSZ).map(|_| Vec::new()).collect(),
            szm: FIRST_SEGSZ - 1,
            nslots: FIRST_SEGSZ,
            shrink_limit: 0,
            nitems: 0,
            flavor,
            keypos,
            has_dead: false,
        }
    }

    pub fn nactive(&self) -> usize {
        self.buckets.len()
    }

    /// Slots allocated (for the memory estimate).
    pub fn nslots(&self) -> usize {
        self.nslots
    }

    #[inline]
    pub fn key_of(&self, obj: Term) -> Term {
        obj.element(self.keypos - 1)
    }

    fn ix(&self, hval: u32) -> usize {
        let mut ix = hval as usize & self.szm;
        if ix >= self.nactive() {
            ix &= self.szm >> 1;
        }
        ix
    }

    #[inline]
    fn has_key(&self, e: &Entry, key: Term, hval: u32) -> bool {
        e.hval == hval && exact_eq(key, self.key_of(e.obj))
    }

    pub fn chain(&self, ix: usize) -> &[Entry] {
        &self.buckets[ix]
    }

    pub fn chain_mut(&mut self, ix: usize) -> &mut Vec<Entry> {
        &mut self.buckets[ix]
    }

    /// Bucket index and the position of the first entry (live or
    /// pseudo-deleted) with `key`.
    fn find(&self, key: Term) -> (usize, u32, Option<usize>) {
        let hval = key_hash(key);
        let ix = self.ix(hval);
        let pos = self.buckets[ix]
            .iter()
            .position(|e| self.has_key(e, key, hval));
        (ix, hval, pos)
    }

    /// The live objects with `key`, in chain order (newest first for
    /// bags; OTP builds result lists by consing them, i.e. reversed).
    pub fn lookup(&self, key: Term) -> Vec<Term> {
        let hval = key_hash(key);
        let ix = self.ix(hval);
        let chain = &self.buckets[ix];
        let Some(b) = chain
            .iter()
            .position(|e| !e.dead && self.has_key(e, key, hval))
        else {
            return Vec::new();
        };
        let mut out = vec![chain[b].obj];
        if self.flavor != Flavor::Set {
            for e in &chain[b + 1..] {
                if !self.has_key(e, key, hval) {
                    break;
                }
                if !e.dead {
                    out.push(e.obj);
                }
            }
        }
        out
    }

    /// Call `each` on the live objects with `key` in chain order.
    pub fn lookup_each(&self, key: Term, each: &mut dyn FnMut(Term)) {
        let hval = key_hash(key);
        let ix = self.ix(hval);
        let chain = &self.buckets[ix];
        let Some(b) = chain
            .iter()
            .position(|e| !e.dead && self.has_key(e, key, hval))
        else {
            return;
        };
        each(chain[b].obj);
        if self.flavor != Flavor::Set {
            for e in &chain[b + 1..] {
                if !self.has_key(e, key, hval) {
                    break;
                }
                if !e.dead {
                    each(e.obj);
                }
            }
        }
    }

    /// Every live object (any order).
    pub fn live_objects(&self) -> impl Iterator<Item = Term> + '_ {
        self.buckets
            .iter()
            .flatten()
            .filter(|e| !e.dead)
            .map(|e| e.obj)
    }

    /// The bucket holding a live object with `key`, if any.
    pub fn bucket_with_live_key(&self, key: Term) -> Option<usize> {
        let hval = key_hash(key);
        let ix = self.ix(hval);
        self.buckets[ix]
            .iter()
            .any(|e| !e.dead && self.has_key(e, key, hval))
            .then_some(ix)
    }

    pub fn member(&self, key: Term) -> bool {
        let hval = key_hash(key);
        let ix = self.ix(hval);
        self.buckets[ix]
            .iter()
            .any(|e| !e.dead && self.has_key(e, key, hval))
    }

    /// Insert `obj` (already in table storage).
    pub fn put(&mut self, obj: Term, clash_fail: bool, fixed: bool) -> Put {
        let key = self.key_of(obj);
        let (ix, hval, found) = self.find(key);
        let new = Entry {
            hval,
            obj,
            dead: false,
        };
        let Some(b) = found else {
            self.buckets[ix].push(new);
            self.count(hval, 1);
            self.grow_check(hval, fixed);
            return Put::New;
        };
        if self.flavor == Flavor::Set {
            let e = &mut self.buckets[ix][b];
            if e.dead {
                e.dead = false;
                self.count(hval, 1);
            } else if clash_fail {
                return Put::Exists;
            }
            let e = &mut self.buckets[ix][b];
            let old = std::mem::replace(&mut e.obj, obj);
            return Put::Replaced(old);
        }
        let group_end = {
            let chain = &self.buckets[ix];
            let mut q = b;
            while q < chain.len() && self.has_key(&chain[q], key, hval) {
                q += 1;
            }
            q
        };
        if clash_fail {
            if self.buckets[ix][b..group_end].iter().any(|e| !e.dead) {
                return Put::Exists;
            }
        } else if self.flavor == Flavor::Bag {
            let same = (b..group_end).find(|&q| exact_eq(obj, self.buckets[ix][q].obj));
            if let Some(q) = same {
                if self.buckets[ix][q].dead {
                    self.buckets[ix][q].dead = false;
                    self.count(hval, 1);
                    if q != b {
                        // Keep key insertion order: move to the group front.
                        let e = self.buckets[ix].remove(q);
                        self.buckets[ix].insert(b, e);
                    }
                }
                return Put::Duplicate;
            }
        }
        self.buckets[ix].insert(b, new);
        self.count(hval, 1);
        self.grow_check(hval, fixed);
        Put::New
    }

    /// Replace the live object with the same key as `obj` (a `set`).
    /// Returns the old object, or None when the key is absent.
    pub fn replace(&mut self, obj: Term) -> Option<Term> {
        let key = self.key_of(obj);
        let (ix, _, found) = self.find(key);
        let e = &mut self.buckets[ix][found?];
        if e.dead {
            return None;
        }
        Some(std::mem::replace(&mut e.obj, obj))
    }

    /// Count `d` items in (or out) under `hval`'s lock stripe.
    fn count(&mut self, hval: u32, d: i64) {
        self.nitems = (self.nitems as i64 + d) as usize;
        if let Some(c) = &mut self.lock_ctr {
            c[hval as usize & (LOCKS - 1)] += d;
        }
    }

    /// OTP's `NITEMS_ESTIMATE` after touching `hval`'s stripe.
    fn estimate(&self, hval: u32) -> usize {
        match &self.lock_ctr {
            Some(c) => LOCKS * c[hval as usize & (LOCKS - 1)].max(1) as usize,
            None => self.nitems,
        }
    }

    /// The slot after `ix` in walk order, None at the end.
    pub fn next_slot(&self, ix: usize) -> Option<usize> {
        let n = ix + self.stride;
        if n < self.nactive() {
            return Some(n);
        }
        let n = (n + 1) & (self.stride - 1);
        (n != 0).then_some(n)
    }

    fn grow_check(&mut self, hval: u32, fixed: bool) {
        let est = self.estimate(hval);
        if est > self.nactive() && !fixed {
            self.grow(est);
        }
    }

    fn grow(&mut self, nitems: usize) {
        for _ in 0..5 {
            let nactive = self.nactive();
            if nitems <= nactive {
                return;
            }
            if nactive == self.nslots {
                self.nslots += EXT_SEGSZ;
                self.calc_shrink_limit();
            }
            let mut szm = self.szm;
            let from_ix = if nactive <= szm {
                nactive & (szm >> 1)
            } else {
                szm = (szm << 1) | 1;
                0
            };
            if from_ix == 0 {
                self.szm = szm;
            }
            let old = std::mem::take(&mut self.buckets[from_ix]);
            let (stay, go): (Vec<Entry>, Vec<Entry>) = old
                .into_iter()
                .partition(|e| e.hval as usize & szm == from_ix);
            self.buckets[from_ix] = stay;
            self.buckets.push(go);
        }
    }

    fn calc_shrink_limit(&mut self) {
        let sample_ok = self.lock_ctr.is_none() || self.nslots >= 100 * LOCKS;
        self.shrink_limit = if sample_ok && self.nslots >= FIRST_SEGSZ + 2 * EXT_SEGSZ {
            (self.nslots - EXT_SEGSZ) / 2
        } else {
            0
        };
    }

    fn try_shrink(&mut self, nitems: usize, fixed: bool) -> Vec<Term> {
        let mut freed = Vec::new();
        if fixed {
            return freed;
        }
        for _ in 0..5 {
            if nitems >= self.shrink_limit {
                break;
            }
            let src_ix = self.nactive() - 1;
            let low_szm = self.szm >> 1;
            let dst_ix = src_ix & low_szm;
            let src = self.buckets.pop().unwrap_or_default();
            if dst_ix == 0 {
                self.szm = low_szm;
            }
            if self.nslots - src_ix >= EXT_SEGSZ {
                self.nslots -= EXT_SEGSZ;
                self.calc_shrink_limit();
            }
            if !src.is_empty() {
                let tail = std::mem::take(&mut self.buckets[dst_ix]);
                let mut joined = src;
                joined.retain(|e| {
                    if e.dead {
                        freed.push(e.obj);
                    }
                    !e.dead
                });
                joined.extend(tail);
                self.buckets[dst_ix] = joined;
            }
        }
        freed
    }

    /// `delete(T, Key)`: returns the objects unlinked (to free).
    pub fn erase(&mut self, key: Term, fixed: bool) -> Vec<Term> {
        let hval = key_hash(key);
        let ix = self.ix(hval);
        let mut freed = Vec::new();
        let mut diff = 0usize;
        let mut i = 0;
        while i < self.buckets[ix].len() {
            let e = &self.buckets[ix][i];
            if !e.dead && self.has_key(e, key, hval) {
                diff += 1;
                if diff == 1 && fixed {
                    self.buckets[ix][i].dead = true;
                    self.has_dead = true;
                } else {
                    freed.push(self.buckets[ix].remove(i).obj);
                    continue;
                }
            } else if diff > 0 && !e.dead {
                break;
            }
            i += 1;
        }
        if diff > 0 {
            self.count(hval, -(diff as i64));
            let est = self.estimate(hval);
            freed.extend(self.try_shrink(est, fixed));
        }
        freed
    }

    /// `delete_object(T, Obj)`: returns the objects unlinked.
    pub fn erase_object(&mut self, obj: Term, fixed: bool) -> Vec<Term> {
        let key = self.key_of(obj);
        let hval = key_hash(key);
        let ix = self.ix(hval);
        let mut freed = Vec::new();
        let mut diff = 0usize;
        let mut nkeys = 0usize;
        let mut i = 0;
        while i < self.buckets[ix].len() {
            let e = &self.buckets[ix][i];
            if !e.dead && self.has_key(e, key, hval) {
                nkeys += 1;
                if exact_eq(obj, e.obj) {
                    diff += 1;
                    if nkeys == 1 && fixed {
                        self.buckets[ix][i].dead = true;
                        self.has_dead = true;
                        i += 1;
                    } else {
                        freed.push(self.buckets[ix].remove(i).obj);
                    }
                    if self.flavor == Flavor::DBag {
                        continue;
                    }
                    break;
                }
            } else if diff > 0 && !e.dead {
                break;
            }
            i += 1;
        }
        if diff > 0 {
            self.count(hval, -(diff as i64));
            let est = self.estimate(hval);
            freed.extend(self.try_shrink(est, fixed));
        }
        freed
    }

    /// Remove the live entry at (`ix`, `pos`) as select_delete does:
    /// pseudo-delete while fixed. Returns the object if unlinked.
    pub fn remove_at(&mut self, ix: usize, pos: usize, fixed: bool) -> Option<Term> {
        let hval = self.buckets[ix][pos].hval;
        self.count(hval, -1);
        if fixed {
            self.buckets[ix][pos].dead = true;
            self.has_dead = true;
            None
        } else {
            Some(self.buckets[ix].remove(pos).obj)
        }
    }

    /// After a select_delete pass.
    pub fn after_bulk_delete(&mut self, fixed: bool) -> Vec<Term> {
        self.try_shrink(self.nitems, fixed)
    }

    /// `delete_all_objects`: returns the objects unlinked.
    pub fn clear(&mut self, fixed: bool) -> Vec<Term> {
        self.nitems = 0;
        if let Some(c) = &mut self.lock_ctr {
            **c = [0; LOCKS];
        }
        if fixed {
            for c in &mut self.buckets {
                for e in c {
                    e.dead = true;
                }
            }
            self.has_dead = true;
            return Vec::new();
        }
        let fresh = HashTab::new(
            self.flavor,
            self.keypos,
            self.stride > 1,
            self.lock_ctr.is_some(),
        );
        let old = std::mem::replace(self, fresh);
        old.buckets.into_iter().flatten().map(|e| e.obj).collect()
    }

    /// The table was unfixed: unlink pseudo-deleted entries.
    pub fn purge(&mut self) -> Vec<Term> {
        let mut freed = Vec::new();
        if !self.has_dead {
            return freed;
        }
        for c in &mut self.buckets {
            c.retain(|e| {
                if e.dead {
                    freed.push(e.obj);
                }
                !e.dead
            });
        }
        self.has_dead = false;
        freed
    }

    /// The first live entry at or after (`ix`, `pos`) in slot order.
    pub fn next_live(&self, mut ix: usize, mut pos: usize) -> Option<(usize, usize)> {
        loop {
            let c = &self.buckets[ix];
            while pos < c.len() {
                if !c[pos].dead {
                    return Some((ix, pos));
                }
                pos += 1;
            }
            ix = self.next_slot(ix)?;
            pos = 0;
        }
    }

    pub fn first(&self) -> Option<Term> {
        self.next_live(0, 0)
            .map(|(i, p)| self.key_of(self.buckets[i][p].obj))
    }

    /// `next(T, Key)`: Err when `key` is in no entry (not even a
    /// pseudo-deleted one).
    pub fn next(&self, key: Term) -> Result<Option<Term>, ()> {
        let (ix, hval, found) = self.find(key);
        let b = found.ok_or(())?;
        let mut at = self.next_live(ix, b + 1);
        if self.flavor != Flavor::Set {
            while let Some((i, p)) = at {
                if !self.has_key(&self.buckets[i][p], key, hval) {
                    break;
                }
                at = self.next_live(i, p + 1);
            }
        }
        Ok(at.map(|(i, p)| self.key_of(self.buckets[i][p].obj)))
    }

    /// Every stored object (pseudo-deleted too), for storage compaction.
    pub fn for_each_stored(&mut self, f: &mut dyn FnMut(&mut Term)) {
        for c in &mut self.buckets {
            for e in c {
                f(&mut e.obj);
            }
        }
    }
}
