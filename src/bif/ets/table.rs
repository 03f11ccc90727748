//! One ETS table: its options, owner and heir, fixations, and the storage
//! its objects live in.
//!
//! Storage: every stored term (objects, the heir's data) is deep-copied
//! into the table's own [`Heap`] with `copy_term`, so it survives the
//! writer's garbage collections and can be read from any process (readers
//! copy objects out into their own heap, under the table's lock).
//! Replaced or deleted objects become garbage in that heap; once garbage
//! outweighs live words the table compacts (copies the live objects into
//! a fresh heap and drops the old one, which releases ref-counted
//! binaries). Dropping a table drops its heap the same way.

use super::hashtab::{Flavor, HashTab, Put};
use super::tree::Tree;
use crate::heap::Heap;
use crate::process::copy::{copy_term, size_of};
use crate::term::binary;
use crate::term::{Atom, Kind, Term};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Type {
    Set,
    OrderedSet,
    Bag,
    DuplicateBag,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Access {
    Public,
    Protected,
    Private,
}

pub enum Data {
    Hash(HashTab),
    Tree(Tree),
}

/// Options given to `ets:new/2`.
#[derive(Clone, Debug)]
pub struct Opts {
    pub ty: Type,
    pub access: Access,
    pub named: bool,
    pub keypos: usize,
    /// `{heir, Pid, Data}` (Data on the caller's heap) or none.
    pub heir: Option<(u64, Term)>,
    /// `false`, `true` or `auto` (an atom name).
    pub write_conc: &'static str,
    pub read_conc: bool,
    pub dec_counters: Option<bool>,
    pub compressed: bool,
}

pub struct Table {
    pub id: u64,
    pub name: Atom,
    pub named: bool,
    pub ty: Type,
    pub keypos: usize,
    pub access: Access,
    pub owner: u64,
    /// The heir's pid and data (data in `heap`).
    pub heir: Option<(u64, Term)>,
    pub write_conc: &'static str,
    pub read_conc: bool,
    pub dec_counters: bool,
    pub compressed: bool,
    /// `safe_fixtable/2` counts per process, in fixing order.
    pub fixers: Vec<(u64, u64)>,
    /// When the current fixation began: VM monotonic ns, wall-clock µs.
    pub fix_time_ns: i64,
    pub fix_wall_us: i64,
    /// Set once the table is deleted (holders of its lock see it gone).
    pub deleted: bool,
    pub data: Data,
    heap: Heap,
    /// Words of `heap` holding reachable terms, and garbage words.
    live: usize,
    dead: usize,
}

// SAFETY: a Table's terms point only into its own heap (or immortal
// literal areas); it is only ever reached through its registry mutex, so
// moving it between threads moves everything its terms refer to.
unsafe impl Send for Table {}

/// Compaction starts once garbage exceeds this many words and the live
/// words.
const COMPACT_MIN: usize = 1 << 14;

impl Table {
    pub fn new(id: u64, name: Atom, owner: u64, o: &Opts) -> Table {
        let dec_default =
            o.write_conc == "auto" || (o.write_conc == "true" && o.ty == Type::OrderedSet);
        let fine = o.write_conc != "false";
        let dec = o.dec_counters.unwrap_or(dec_default) && fine;
        let hash = |f| Data::Hash(HashTab::new(f, o.keypos, fine, dec));
        let data = match o.ty {
            Type::OrderedSet => Data::Tree(Tree::new(o.keypos)),
            Type::Set => hash(Flavor::Set),
            Type::Bag => hash(Flavor::Bag),
            Type::DuplicateBag => hash(Flavor::DBag),
        };
        let mut t = Table {
            id,
            name,
            named: o.named,
            ty: o.ty,
            keypos: o.keypos,
            access: o.access,
            owner,
            heir: None,
            write_conc: o.write_conc,
            read_conc: o.read_conc,
            dec_counters: o.dec_counters.unwrap_or(dec_default),
            compressed: o.compressed,
            fixers: Vec::new(),
            fix_time_ns: 0,
            fix_wall_us: 0,
            deleted: false,
            data,
            heap: Heap::new(crate::heap::MIN_CHUNK),
            live: 0,
            dead: 0,
        };
        if let Some((pid, d)) = o.heir {
            let d = t.store_raw(d);
            t.heir = Some((pid, d));
        }
        t
    }

    pub fn fixed(&self) -> bool {
        !self.fixers.is_empty()
    }

    pub fn can_read(&self, pid: u64) -> bool {
        self.access != Access::Private || self.owner == pid
    }

    pub fn can_write(&self, pid: u64) -> bool {
        self.access == Access::Public || self.owner == pid
    }

    pub fn key_of(&self, obj: Term) -> Term {
        obj.element(self.keypos - 1)
    }

    pub fn size(&self) -> usize {
        match &self.data {
            Data::Hash(h) => h.nitems,
            Data::Tree(t) => t.len(),
        }
    }

    // ---- storage ----------------------------------------------------------

    fn store_raw(&mut self, t: Term) -> Term {
        let before = self.heap.used();
        let c = copy_term(t, &mut self.heap);
        self.live += self.heap.used() - before;
        c
    }

    /// Copy an object into table storage.
    pub fn store(&mut self, t: Term) -> Term {
        self.store_raw(t)
    }

    /// A stored object is no longer referenced by the table.
    pub fn release(&mut self, t: Term) {
        self.release_raw(t);
    }

    fn release_raw(&mut self, t: Term) {
        let n = size_of(t);
        self.live = self.live.saturating_sub(n);
        self.dead += n;
    }

    pub fn release_all(&mut self, objs: Vec<Term>) {
        for o in objs {
            self.release(o);
        }
    }

    pub fn set_heir(&mut self, heir: Option<(u64, Term)>) {
        if let Some((_, old)) = self.heir.take() {
            self.release_raw(old);
        }
        self.heir = heir.map(|(pid, d)| (pid, self.store_raw(d)));
    }

    /// Copy the live terms into a fresh heap when garbage dominates.
    pub fn maybe_compact(&mut self) {
        if self.dead < COMPACT_MIN || self.dead < self.live {
            return;
        }
        let mut fresh = Heap::new(self.live.max(crate::heap::MIN_CHUNK));
        let mut copy = |t: &mut Term| *t = copy_term(*t, &mut fresh);
        match &mut self.data {
            Data::Hash(h) => h.for_each_stored(&mut copy),
            Data::Tree(t) => t.for_each_stored(&mut copy),
        }
        if let Some((_, d)) = &mut self.heir {
            copy(d);
        }
        self.live = fresh.used();
        self.dead = 0;
        self.heap = fresh;
    }

    /// Drop every object and the storage (the table is being deleted).
    pub fn destroy(&mut self) {
        self.deleted = true;
        self.heir = None;
        self.data = Data::Tree(Tree::new(self.keypos.max(1)));
        self.heap = Heap::new(0);
        self.live = 0;
        self.dead = 0;
    }

    // ---- objects ------------------------------------------------------------

    /// Insert `obj` (a tuple on any heap). False when `clash_fail` and the
    /// key exists.
    pub fn put(&mut self, obj: Term, clash_fail: bool) -> bool {
        let stored = self.store(obj);
        let fixed = self.fixed();
        let r = match &mut self.data {
            Data::Hash(h) => h.put(stored, clash_fail, fixed),
            Data::Tree(t) => t.put(stored, clash_fail),
        };
        match r {
            Put::New => true,
            Put::Replaced(old) => {
                self.release(old);
                true
            }
            Put::Duplicate => {
                self.release(stored);
                true
            }
            Put::Exists => {
                self.release(stored);
                false
            }
        }
    }

    /// Replace the object with `obj`'s key by `obj` (update_element,
    /// update_counter). False when the key is absent.
    pub fn replace(&mut self, obj: Term) -> bool {
        let stored = self.store(obj);
        let old = match &mut self.data {
            Data::Hash(h) => h.replace(stored),
            Data::Tree(t) => t.replace(stored),
        };
        match old {
            Some(o) => {
                self.release(o);
                true
            }
            None => {
                self.release(stored);
                false
            }
        }
    }

    /// Put an already stored object in place of the one with its key
    /// (the old one is the caller's to release). ordered_set only.
    pub fn replace_stored(&mut self, stored: Term) -> Option<Term> {
        match &mut self.data {
            Data::Tree(t) => t.replace(stored),
            Data::Hash(h) => h.replace(stored),
        }
    }

    /// Build the list `lookup/2` returns with `each` (called on each
    /// object in list order from the last element to the first, i.e. in
    /// consing order) without collecting them first.
    pub fn lookup_fold(&self, key: Term, mut each: impl FnMut(Term)) {
        match &self.data {
            Data::Hash(h) => h.lookup_each(key, &mut each),
            Data::Tree(t) => {
                if let Some(o) = t.lookup(key) {
                    each(o)
                }
            }
        }
    }

    /// The live objects with `key`, in the order a lookup returns them.
    pub fn lookup(&self, key: Term) -> Vec<Term> {
        match &self.data {
            Data::Hash(h) => {
                let mut v = h.lookup(key);
                v.reverse();
                v
            }
            Data::Tree(t) => t.lookup(key).into_iter().collect(),
        }
    }

    pub fn member(&self, key: Term) -> bool {
        match &self.data {
            Data::Hash(h) => h.member(key),
            Data::Tree(t) => t.lookup(key).is_some(),
        }
    }

    pub fn erase(&mut self, key: Term) {
        let fixed = self.fixed();
        let freed = match &mut self.data {
            Data::Hash(h) => h.erase(key, fixed),
            Data::Tree(t) => t.erase(key).into_iter().collect(),
        };
        self.release_all(freed);
    }

    pub fn erase_object(&mut self, obj: Term) {
        let fixed = self.fixed();
        let freed = match &mut self.data {
            Data::Hash(h) => h.erase_object(obj, fixed),
            Data::Tree(t) => t.erase_object(obj).into_iter().collect(),
        };
        self.release_all(freed);
    }

    /// Remove every object; returns how many there were.
    pub fn clear(&mut self) -> usize {
        let n = self.size();
        let fixed = self.fixed();
        let freed = match &mut self.data {
            Data::Hash(h) => h.clear(fixed),
            Data::Tree(t) => t.clear(),
        };
        self.release_all(freed);
        n
    }

    /// `safe_fixtable(T, On)` by `pid`.
    pub fn fix(&mut self, pid: u64, on: bool) {
        if on && self.fixers.is_empty() {
            self.fix_time_ns = crate::vm::vm().start.elapsed().as_nanos() as i64;
            self.fix_wall_us = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_micros() as i64)
                .unwrap_or(0);
        }
        match self.fixers.iter().position(|&(p, _)| p == pid) {
            Some(i) if on => self.fixers[i].1 += 1,
            None if on => self.fixers.push((pid, 1)),
            Some(i) => {
                self.fixers[i].1 -= 1;
                if self.fixers[i].1 == 0 {
                    self.fixers.remove(i);
                }
            }
            None => {}
        }
        self.after_unfix();
    }

    /// Drop every fixation by `pid` (it exited).
    pub fn unfix_all(&mut self, pid: u64) {
        self.fixers.retain(|&(p, _)| p != pid);
        self.after_unfix();
    }

    fn after_unfix(&mut self) {
        if self.fixers.is_empty() {
            if let Data::Hash(h) = &mut self.data {
                let freed = h.purge();
                self.release_all(freed);
            }
        }
    }

    /// `info(T, memory)`: words, estimated as OTP 25 counts them.
    pub fn memory_words(&self) -> usize {
        match &self.data {
            Data::Hash(h) => {
                let ext = h.nslots() - 256;
                let segtab = if ext > 0 { 262 + ext / 2048 } else { 0 };
                let objs: usize = h.live_objects().map(|o| otp_words(o) + 4).sum();
                305 + ext + segtab + objs
            }
            Data::Tree(t) => {
                let objs: usize = t.objects_from(None, false).map(|o| otp_words(o) + 5).sum();
                139 + objs
            }
        }
    }
}

/// Words `t` takes in OTP's 64-bit term layout (for `info(T, memory)`).
fn otp_words(t: Term) -> usize {
    let mut n = 0;
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        if t.is_cons() {
            n += 2;
            let (h, tl) = t.cons_parts();
            work.push(h);
            work.push(tl);
        } else if t.is_float() {
            n += 2;
        } else if t.is_boxed() {
            let h = t.header();
            match h.kind() {
                Kind::Tuple => {
                    n += 1 + h.size();
                    work.extend(t.tuple_elements().iter().copied());
                }
                Kind::Map => {
                    let k = h.size() / 2;
                    n += 4 + 2 * k;
                    for i in 0..2 * k {
                        work.push(Term(t.word(1 + i)));
                    }
                }
                Kind::HashMap | Kind::HashNode => {
                    n += 1 + h.size();
                    for i in h.raw_prefix()..h.size() {
                        work.push(Term(t.word(1 + i)));
                    }
                }
                Kind::PosBig | Kind::NegBig => {
                    let v = crate::term::bignum::to_big(t);
                    let small = num_traits::ToPrimitive::to_i64(&v)
                        .is_some_and(|i| (-(1i64 << 59)..(1i64 << 59)).contains(&i));
                    if !small {
                        n += 1 + h.size();
                    }
                }
                Kind::HeapBin | Kind::SubBin | Kind::ProcBin | Kind::MatchCtx => {
                    let bytes = binary::view(t).map(|b| b.byte_size()).unwrap_or(0);
                    n += if bytes <= 64 {
                        2 + bytes.div_ceil(8)
                    } else {
                        6
                    };
                }
                Kind::Ref => n += 4,
                Kind::ExportFun => n += 2,
                Kind::Closure => {
                    let env = h.size() - 1;
                    n += 6 + env;
                    for i in 0..env {
                        work.push(Term(t.word(2 + i)));
                    }
                }
            }
        }
    }
    n
}
