//! Large maps: OTP 25's hash array mapped trie ("hashmap").
//!
//! A map of up to 32 keys is flat (`Kind::Map`, keys in term order, see
//! `interp::maps`). Above 32 keys OTP switches to a HAMT, and so do we,
//! node for node, because the HAMT fixes the *iteration order* programs
//! observe (`maps:keys/1`, `maps:fold/3`, `~p`, `term_to_binary/1`...).
//!
//! ## Heap layout (see `term::boxed`)
//!
//! | kind       | words after the header                          | raw prefix |
//! |------------|-------------------------------------------------|------------|
//! | `HashMap`  | bitmap, key count, then the children            | 2          |
//! | `HashNode` | bitmap, then the children                       | 1          |
//!
//! The head (`HashMap`) is the map term; `HashNode`s only occur inside it.
//! A node has up to 16 slots; bit `i` of the bitmap says slot `i` is used,
//! and the children are stored densely in slot order. A child is either a
//! leaf -- a cons cell `[Key | Value]` -- or a `HashNode`. A non-head node
//! never holds exactly one leaf and nothing else (such a node collapses into
//! its parent), so the shape depends only on the set of keys.
//!
//! ## Hashing
//!
//! Level `l` of the trie uses bits `4*(l mod 8) .. 4*(l mod 8)+3` of the
//! 32-bit hash of *generation* `l / 8` of the key ([`level_hash`]). Generation
//! 0 is ERTS `make_internal_hash(Key, 0)`; when two keys collide in all 32
//! bits, generation `g` rehashes with a salt derived from `g` (OTP 25 salts as
//! if hashing the cons `[g | Key]`; verified against erl with colliding
//! integers and strings). [`internal_hash`] reproduces `make_internal_hash`
//! bit for bit for numbers, binaries, lists, tuples and maps, by hashing the
//! 64-bit word OTP would hold for an immediate (`(I bsl 4) bor 16#F` for
//! integers of OTP's 60-bit small range, `16#3B` for `[]`). Atoms, pids,
//! ports, references and funs hash by this VM's own atom index / serials,
//! which are not OTP's (OTP hashes its atom-table index), so maps with such
//! keys iterate in an order that is stable but not OTP's.
//!
//! ## Orders
//!
//! - *Iteration order* ([`for_each`]): depth-first, slots ascending. This is
//!   `maps:iterator/1` + `maps:next/1` (so `maps:fold/3`, `maps:map/2`,
//!   `io_lib`'s map printing).
//! - `maps:keys/1`, `maps:values/1`, `maps:to_list/1` and `term_to_binary/1`
//!   build their result by prepending while iterating, so they are the
//!   *reverse* of the iteration order.

use crate::heap::Heap;
use crate::term::{binary, order, Kind, Term};

/// Maps of more than this many keys are hashmaps (`MAP_SMALL_MAP_LIMIT`).
pub const SMALL_MAP_LIMIT: usize = 32;

// ---- make_internal_hash ----------------------------------------------------

const HC: u32 = 0x9e37_79b9;

/// `HCONST_n`: `n` times the golden-ratio constant.
const fn hc(n: u32) -> u32 {
    HC.wrapping_mul(n)
}

/// OTP's `INTERNAL_HASH_SALT`, xor-ed into every internal hash's seed.
const INTERNAL_HASH_SALT: u32 = 3_432_918_353;

/// OTP 25's 64-bit word for `[]`.
const OTP_NIL: u64 = 0x3B;

/// OTP's small integers are 60-bit: `[-2^59, 2^59)`.
const OTP_SMALL_LIMIT: u64 = 1 << 59;

/// Bob Jenkins' 96-bit mix.
#[inline]
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    *a = a.wrapping_sub(*b).wrapping_sub(*c);
    *a ^= *c >> 13;
    *b = b.wrapping_sub(*c).wrapping_sub(*a);
    *b ^= *a << 8;
    *c = c.wrapping_sub(*a).wrapping_sub(*b);
    *c ^= *b >> 13;
    *a = a.wrapping_sub(*b).wrapping_sub(*c);
    *a ^= *c >> 12;
    *b = b.wrapping_sub(*c).wrapping_sub(*a);
    *b ^= *a << 16;
    *c = c.wrapping_sub(*a).wrapping_sub(*b);
    *c ^= *b >> 5;
    *a = a.wrapping_sub(*b).wrapping_sub(*c);
    *a ^= *c >> 3;
    *b = b.wrapping_sub(*c).wrapping_sub(*a);
    *b ^= *a << 10;
    *c = c.wrapping_sub(*a).wrapping_sub(*b);
    *c ^= *b >> 15;
}

/// `UINT32_HASH_2(x, y, k)`: mix two 32-bit values into `hash`.
#[inline]
fn h2(hash: &mut u32, x: u32, y: u32, k: u32) {
    let mut a = k.wrapping_add(x);
    let mut b = k.wrapping_add(y);
    mix(&mut a, &mut b, hash);
}

/// `UINT32_HASH(x, k)`.
#[inline]
fn h1(hash: &mut u32, x: u32, k: u32) {
    h2(hash, x, 0, k);
}

/// `CONST_HASH(k)`: light mixing of a type constant.
#[inline]
fn const_hash(hash: &mut u32, k: u32) {
    *hash ^= k;
    *hash = hash.rotate_left(17);
}

/// Jenkins' lookup2 over a byte block, chained from `init` (`block_hash`).
fn block_hash(k: &[u8], init: u32) -> u32 {
    let word = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
    let (mut a, mut b, mut c) = (HC, HC, init);
    let mut chunks = k.chunks_exact(12);
    for ch in &mut chunks {
        a = a.wrapping_add(word(&ch[0..4]));
        b = b.wrapping_add(word(&ch[4..8]));
        c = c.wrapping_add(word(&ch[8..12]));
        mix(&mut a, &mut b, &mut c);
    }
    c = c.wrapping_add(k.len() as u32);
    for (i, &byte) in chunks.remainder().iter().enumerate() {
        let v = byte as u32;
        match i {
            0..=3 => a = a.wrapping_add(v << (8 * i)),
            4..=7 => b = b.wrapping_add(v << (8 * (i - 4))),
            _ => c = c.wrapping_add(v << (8 * (i - 7))),
        }
    }
    mix(&mut a, &mut b, &mut c);
    c
}

/// The magnitude limbs of a bignum without high zero limbs, and its sign.
fn big_limbs(t: Term) -> (usize, bool) {
    let mut n = t.header().size();
    while n > 1 && t.word(n) == 0 {
        n -= 1;
    }
    (n, t.header().kind() == Kind::NegBig)
}

/// The word OTP holds for `t` if OTP represents it as an immediate.
fn otp_immediate(t: Term) -> Option<u64> {
    if t.is_small() {
        return Some(((t.small_value() as u64) << 4) | 0xF);
    }
    if t.is_atom() {
        return Some(((t.atom_value().0 as u64) << 6) | 0x0B);
    }
    if t.is_nil() {
        return Some(OTP_NIL);
    }
    if t.is_pid() {
        return Some((t.pid_value() << 4) | 0x3);
    }
    if t.is_port() {
        return Some((t.pid_value() << 4) | 0x7);
    }
    if t.is_bignum() {
        // Integers beyond our 48-bit smalls but inside OTP's 60-bit ones.
        let (n, neg) = big_limbs(t);
        let mag = t.word(1);
        if n == 1 && (mag < OTP_SMALL_LIMIT || (neg && mag == OTP_SMALL_LIMIT)) {
            let v = if neg {
                (mag as i64).wrapping_neg()
            } else {
                mag as i64
            };
            return Some(((v as u64) << 4) | 0xF);
        }
    }
    None
}

fn is_byte(t: Term) -> bool {
    t.is_small() && (0..=255).contains(&t.small_value())
}

enum HWork {
    Term(Term),
    /// The non-list tail of a cons cell is next (`HASH_CDR`).
    Cdr,
}

/// ERTS `make_internal_hash(T, Salt)` of OTP 25 (64-bit emulator).
pub fn internal_hash(t: Term, salt: u32) -> u32 {
    let mut hash = salt ^ INTERNAL_HASH_SALT;
    let mut stack: Vec<HWork> = Vec::new();
    let mut term = t;
    loop {
        // Hash `term`: `continue` to hash a first child right away, else
        // fall through to the next work item.
        if let Some(w) = otp_immediate(term) {
            h2(&mut hash, w as u32, (w >> 32) as u32, HC);
        } else if term.is_cons() {
            // Runs of bytes are hashed four at a time.
            let mut c = 0u32;
            let mut sh: u32 = 0;
            let mut cur = term;
            loop {
                let (h, tl) = cur.cons_parts();
                if !is_byte(h) {
                    break;
                }
                sh = (sh << 8).wrapping_add(h.small_value() as u32);
                if c == 3 {
                    h1(&mut hash, sh, hc(4));
                    c = 0;
                    sh = 0;
                } else {
                    c += 1;
                }
                cur = tl;
                if !cur.is_cons() {
                    break;
                }
            }
            if c > 0 {
                h2(&mut hash, sh, c, hc(22));
            }
            if cur.is_cons() {
                let (h, tl) = cur.cons_parts();
                const_hash(&mut hash, hc(17));
                stack.push(HWork::Term(tl));
                if !tl.is_cons() {
                    stack.push(HWork::Cdr);
                }
                term = h;
            } else {
                term = cur;
            }
            continue;
        } else if term.is_float() {
            let f = term.float_value();
            let bits = if f == 0.0 { 0 } else { f.to_bits() };
            h2(&mut hash, bits as u32, (bits >> 32) as u32, hc(12));
        } else if term.is_boxed() {
            match term.header().kind() {
                Kind::Tuple => {
                    let elems = term.tuple_elements();
                    h1(&mut hash, elems.len() as u32, hc(9));
                    if let Some((&first, rest)) = elems.split_first() {
                        for &e in rest.iter().rev() {
                            stack.push(HWork::Term(e));
                        }
                        term = first;
                        continue;
                    }
                }
                Kind::Map => {
                    let n = term.header().size() / 2;
                    h1(&mut hash, n as u32, hc(16));
                    for i in (0..n).rev() {
                        stack.push(HWork::Term(Term(term.word(1 + n + i))));
                        stack.push(HWork::Term(Term(term.word(1 + i))));
                    }
                }
                Kind::HashMap | Kind::HashNode => {
                    if term.header().kind() == Kind::HashMap {
                        h1(&mut hash, size(term) as u32, hc(16));
                    }
                    // Children are pushed in slot order, so the last slot is
                    // hashed first; a leaf's key before its value.
                    for &c in children(term) {
                        if c.is_cons() {
                            let (k, v) = c.cons_parts();
                            stack.push(HWork::Term(v));
                            stack.push(HWork::Term(k));
                        } else {
                            stack.push(HWork::Term(c));
                        }
                    }
                }
                Kind::PosBig | Kind::NegBig => {
                    let (n, neg) = big_limbs(term);
                    let k = if neg { hc(10) } else { hc(11) };
                    for i in 0..n {
                        let d = term.word(1 + i);
                        h2(&mut hash, d as u32, (d >> 32) as u32, k);
                    }
                }
                Kind::HeapBin | Kind::SubBin | Kind::ProcBin | Kind::MatchCtx => {
                    let con = hc(13).wrapping_add(hash);
                    match binary::view(term) {
                        Some(b) => {
                            let sz = (b.size / 8) as usize;
                            let bitsize = (b.size % 8) as u32;
                            if sz == 0 && bitsize == 0 {
                                hash = con;
                            } else {
                                let bytes = b.to_bytes();
                                hash = block_hash(&bytes[..sz], con);
                                if bitsize > 0 {
                                    let last = (bytes[sz] >> (8 - bitsize)) as u32;
                                    h2(&mut hash, bitsize, last, hc(15));
                                }
                            }
                        }
                        None => hash = con,
                    }
                }
                Kind::Ref => {
                    // OTP's three reference numbers: 18 + 32 + 32 bits.
                    let n = term.word(1);
                    h1(&mut hash, (n & 0x3_FFFF) as u32, hc(7));
                    h2(&mut hash, (n >> 18) as u32, (n >> 50) as u32, hc(8));
                }
                Kind::Closure => {
                    let l = crate::code::lambda_of(term);
                    let nfree = term.header().size() - 1;
                    let module = ((l.module.0 as u64) << 6) | 0x0B;
                    h2(&mut hash, nfree as u32, module as u32, hc(20));
                    h2(&mut hash, l.index, l.old_uniq, hc(21));
                    if nfree > 0 {
                        for i in (1..nfree).rev() {
                            stack.push(HWork::Term(Term(term.word(2 + i))));
                        }
                        term = Term(term.word(2));
                        continue;
                    }
                }
                Kind::ExportFun => {
                    // OTP hashes the export entry's address; so do we (ours
                    // are immortal and unique per M:F/A).
                    let ptr = term.word(1);
                    h2(&mut hash, ptr as u32, (ptr >> 32) as u32, hc(14));
                }
            }
        } else {
            h2(&mut hash, term.0 as u32, (term.0 >> 32) as u32, HC);
        }
        loop {
            match stack.pop() {
                None => return hash,
                Some(HWork::Cdr) => const_hash(&mut hash, hc(18)),
                Some(HWork::Term(t)) => {
                    term = t;
                    break;
                }
            }
        }
    }
}

/// The hash of generation `gen` of `key`: levels `8*gen ..= 8*gen+7`.
pub fn generation_hash(key: Term, gen: usize) -> u32 {
    if gen == 0 {
        internal_hash(key, 0)
    } else {
        // As if hashing `[gen | Key]`: the one-byte string prefix.
        let mut salt = 0;
        h2(&mut salt, gen as u32, 1, hc(22));
        internal_hash(key, salt)
    }
}

/// The hash bits of `key` from level `lvl` on (`hashmap_restore_hash`).
pub fn level_hash(key: Term, lvl: usize) -> u32 {
    generation_hash(key, lvl / 8) >> (4 * (lvl % 8))
}

/// The hash for level `lvl` given `hx`, the hash used at level `lvl - 1`
/// (`hashmap_shift_hash`).
#[inline]
fn shift_hash(hx: u32, lvl: usize, key: Term) -> u32 {
    if lvl % 8 == 0 {
        generation_hash(key, lvl / 8)
    } else {
        hx >> 4
    }
}

// ---- node access -----------------------------------------------------------

#[inline]
pub fn is_hashmap(t: Term) -> bool {
    t.boxed_kind() == Some(Kind::HashMap)
}

/// Number of keys of a hashmap.
#[inline]
pub fn size(m: Term) -> usize {
    m.word(2) as usize
}

#[inline]
fn bitmap(node: Term) -> u32 {
    node.word(1) as u32
}

/// The slot bitmap of a head or inner node.
pub fn node_bitmap(node: Term) -> u32 {
    bitmap(node)
}

/// The children of a head or inner node, in slot order (leaves are
/// `[Key | Value]` cells).
pub fn node_children<'a>(node: Term) -> &'a [Term] {
    children(node)
}

/// The children of a head or inner node, in slot order.
#[inline]
fn children<'a>(node: Term) -> &'a [Term] {
    let h = node.header();
    let raw = h.raw_prefix();
    // SAFETY: a node is a header, `raw` raw words, then `size - raw` term
    // words; the slice lives as long as the heap holding it.
    unsafe { std::slice::from_raw_parts(node.ptr().add(1 + raw) as *const Term, h.size() - raw) }
}

fn alloc_node(heap: &mut Heap, head: Option<usize>, bitmap: u32, kids: &[Term]) -> Term {
    let (kind, raw) = match head {
        Some(_) => (Kind::HashMap, 2),
        None => (Kind::HashNode, 1),
    };
    let (t, body) = heap.boxed(kind, raw + kids.len());
    // SAFETY: `body` has `raw + kids.len()` words.
    unsafe {
        *body = bitmap as u64;
        if let Some(n) = head {
            *body.add(1) = n as u64;
        }
        for (i, k) in kids.iter().enumerate() {
            *body.add(raw + i) = k.0;
        }
    }
    t
}

/// How a rebuilt node differs from `node` at child position `pos`.
#[derive(Clone, Copy)]
enum Edit {
    Insert(Term),
    Replace(Term),
    Delete,
}

/// A copy of `node` with one child edited; `head` is the new key count when
/// `node` is the head.
fn edit_node(
    heap: &mut Heap,
    node: Term,
    head: Option<usize>,
    bit: u32,
    pos: usize,
    e: Edit,
) -> Term {
    let old = children(node);
    let bm = bitmap(node);
    let (nbm, n) = match e {
        Edit::Insert(_) => (bm | bit, old.len() + 1),
        Edit::Replace(_) => (bm, old.len()),
        Edit::Delete => (bm & !bit, old.len() - 1),
    };
    let (kind, raw) = match head {
        Some(_) => (Kind::HashMap, 2),
        None => (Kind::HashNode, 1),
    };
    let (t, body) = heap.boxed(kind, raw + n);
    // SAFETY: `body` has `raw + n` words; `old` stays valid (heap chunks
    // never move).
    unsafe {
        *body = nbm as u64;
        if let Some(sz) = head {
            *body.add(1) = sz as u64;
        }
        let kids = body.add(raw);
        let mut j = 0;
        for (i, c) in old.iter().enumerate() {
            if i == pos {
                match e {
                    Edit::Insert(x) => {
                        *kids.add(j) = x.0;
                        *kids.add(j + 1) = c.0;
                        j += 2;
                    }
                    Edit::Replace(x) => {
                        *kids.add(j) = x.0;
                        j += 1;
                    }
                    Edit::Delete => {}
                }
                continue;
            }
            *kids.add(j) = c.0;
            j += 1;
        }
        if let Edit::Insert(x) = e {
            if pos == old.len() {
                *kids.add(j) = x.0;
            }
        }
    }
    t
}

#[inline]
fn keys_eq(a: Term, b: Term) -> bool {
    a == b || order::exact_eq(a, b)
}

// ---- lookup ----------------------------------------------------------------

/// The value under `key` (`erts_hashmap_get`).
pub fn get(m: Term, key: Term) -> Option<Term> {
    let mut hx = generation_hash(key, 0);
    let mut lvl = 0;
    let mut node = m;
    loop {
        let bm = bitmap(node);
        let bit = 1u32 << (hx & 0xF);
        if bm & bit == 0 {
            return None;
        }
        let pos = (bm & (bit - 1)).count_ones() as usize;
        let c = children(node)[pos];
        if c.is_cons() {
            let (k, v) = c.cons_parts();
            return if keys_eq(k, key) { Some(v) } else { None };
        }
        lvl += 1;
        hx = shift_hash(hx, lvl, key);
        node = c;
    }
}

// ---- insertion -------------------------------------------------------------

/// The subtree holding two leaves whose hashes agree below level `lvl`:
/// single-child nodes down to the first level where they differ.
/// `hx` is the new key's hash at level `lvl`.
fn pair_subtree(
    heap: &mut Heap,
    old_leaf: Term,
    old_key: Term,
    leaf: Term,
    key: Term,
    mut hx: u32,
    mut lvl: usize,
) -> Term {
    let mut chx = level_hash(old_key, lvl);
    let mut chain: Vec<u32> = Vec::new();
    loop {
        let (ix, cix) = (hx & 0xF, chx & 0xF);
        if ix != cix {
            let kids = if ix < cix {
                [leaf, old_leaf]
            } else {
                [old_leaf, leaf]
            };
            let mut t = alloc_node(heap, None, (1 << ix) | (1 << cix), &kids);
            for &c in chain.iter().rev() {
                t = alloc_node(heap, None, 1 << c, &[t]);
            }
            return t;
        }
        chain.push(ix);
        lvl += 1;
        // Two different keys equal in every generation would mean the hash
        // ignores part of what makes keys different: a bug, not data.
        assert!(
            lvl < 8 * 1024,
            "hashmap: keys hash identically at every level"
        );
        hx = shift_hash(hx, lvl, key);
        chx = shift_hash(chx, lvl, old_key);
    }
}

/// `m` with `key => val` (`erts_hashmap_insert`). With `exact` the key
/// must exist (`:=`, `maps:update/3`): `None` when it does not.
pub fn insert(heap: &mut Heap, m: Term, key: Term, val: Term, exact: bool) -> Option<Term> {
    // The path from the head: (node, slot bit, child position).
    let mut path: Vec<(Term, u32, usize)> = Vec::with_capacity(8);
    let mut hx = generation_hash(key, 0);
    let mut lvl = 0;
    let mut node = m;
    let mut added = false;
    let mut edit = loop {
        let bm = bitmap(node);
        let bit = 1u32 << (hx & 0xF);
        let pos = (bm & (bit - 1)).count_ones() as usize;
        path.push((node, bit, pos));
        if bm & bit == 0 {
            if exact {
                return None;
            }
            added = true;
            break Edit::Insert(heap.cons(key, val));
        }
        let c = children(node)[pos];
        if c.is_cons() {
            let (k, v) = c.cons_parts();
            if keys_eq(k, key) {
                if v == val && k == key {
                    return Some(m);
                }
                break Edit::Replace(heap.cons(key, val));
            }
            if exact {
                return None;
            }
            added = true;
            let leaf = heap.cons(key, val);
            let nhx = shift_hash(hx, lvl + 1, key);
            break Edit::Replace(pair_subtree(heap, c, k, leaf, key, nhx, lvl + 1));
        }
        lvl += 1;
        hx = shift_hash(hx, lvl, key);
        node = c;
    };
    let new_size = size(m) + added as usize;
    for (i, &(node, bit, pos)) in path.iter().enumerate().rev() {
        let head = if i == 0 { Some(new_size) } else { None };
        let t = edit_node(heap, node, head, bit, pos, edit);
        edit = Edit::Replace(t);
    }
    match edit {
        Edit::Replace(t) => Some(t),
        _ => unreachable!(),
    }
}

// ---- removal ---------------------------------------------------------------

/// `m` without `key`, and the value it had (`hashmap_delete`); `None` when
/// `key` is absent. A map left with 32 keys or fewer becomes flat, as in OTP.
pub fn remove(heap: &mut Heap, m: Term, key: Term) -> Option<(Term, Term)> {
    let mut path: Vec<(Term, u32, usize)> = Vec::with_capacity(8);
    let mut hx = generation_hash(key, 0);
    let mut lvl = 0;
    let mut node = m;
    let (found_key, value) = loop {
        let bm = bitmap(node);
        let bit = 1u32 << (hx & 0xF);
        if bm & bit == 0 {
            return None;
        }
        let pos = (bm & (bit - 1)).count_ones() as usize;
        path.push((node, bit, pos));
        let c = children(node)[pos];
        if c.is_cons() {
            let (k, v) = c.cons_parts();
            if !keys_eq(k, key) {
                return None;
            }
            break (k, v);
        }
        lvl += 1;
        hx = shift_hash(hx, lvl, key);
        node = c;
    };
    let new_size = size(m) - 1;
    if new_size <= SMALL_MAP_LIMIT {
        let mut pairs: Vec<(Term, Term)> = Vec::with_capacity(new_size);
        for_each(m, |k, v| {
            if k != found_key {
                pairs.push((k, v));
            }
        });
        pairs.sort_by(|a, b| order::compare(a.0, b.0, true));
        return Some((heap.map_sorted(&pairs), value));
    }
    // `sub`: what replaces the child on the way up (None: nothing).
    let mut sub: Option<Term> = None;
    for (i, &(node, bit, pos)) in path.iter().enumerate().rev() {
        let kids = children(node);
        if i == 0 {
            let e = match sub {
                None => Edit::Delete,
                Some(x) => Edit::Replace(x),
            };
            return Some((edit_node(heap, node, Some(new_size), bit, pos, e), value));
        }
        sub = match sub {
            None => match kids.len() {
                0 | 1 => None,
                2 => {
                    let other = kids[1 - pos];
                    if other.is_cons() {
                        // A node left with one leaf collapses into it.
                        Some(other)
                    } else {
                        Some(edit_node(heap, node, None, bit, pos, Edit::Delete))
                    }
                }
                _ => Some(edit_node(heap, node, None, bit, pos, Edit::Delete)),
            },
            Some(x) if x.is_cons() && kids.len() == 1 => Some(x),
            Some(x) => Some(edit_node(heap, node, None, bit, pos, Edit::Replace(x))),
        };
    }
    unreachable!()
}

// ---- bulk construction -----------------------------------------------------

struct Item {
    key: Term,
    val: Term,
    /// The hash of the current generation.
    hx: u32,
}

/// A hashmap of `pairs`, whose keys must be distinct (`exact_eq`) and more
/// than [`SMALL_MAP_LIMIT`] (`hashmap_from_unsorted_array`).
pub fn from_distinct(heap: &mut Heap, pairs: &[(Term, Term)]) -> Term {
    let mut items: Vec<Item> = pairs
        .iter()
        .map(|&(key, val)| Item {
            key,
            val,
            hx: generation_hash(key, 0),
        })
        .collect();
    build(heap, &mut items, 0, true)
}

/// The node for `items`, which agree on every hash nibble before `lvl`.
fn build(heap: &mut Heap, items: &mut [Item], lvl: usize, head: bool) -> Term {
    if lvl % 8 == 0 && lvl > 0 {
        for it in items.iter_mut() {
            it.hx = generation_hash(it.key, lvl / 8);
        }
    }
    assert!(
        lvl < 8 * 1024,
        "hashmap: keys hash identically at every level"
    );
    let shift = 4 * (lvl % 8);
    let nib = |it: &Item| (it.hx >> shift) & 0xF;
    items.sort_by_key(nib);
    let mut kids: Vec<Term> = Vec::with_capacity(16);
    let mut bm = 0u32;
    let mut i = 0;
    while i < items.len() {
        let n = nib(&items[i]);
        let mut j = i + 1;
        while j < items.len() && nib(&items[j]) == n {
            j += 1;
        }
        bm |= 1 << n;
        let c = if j - i == 1 {
            heap.cons(items[i].key, items[i].val)
        } else {
            build(heap, &mut items[i..j], lvl + 1, false)
        };
        kids.push(c);
        i = j;
    }
    let head = if head { Some(items.len()) } else { None };
    alloc_node(heap, head, bm, &kids)
}

/// Distinct keys of `pairs`, the last occurrence of a key winning, in no
/// particular order. Equal keys have equal hashes, so only keys of equal
/// hash are compared.
pub fn dedup_last_wins(pairs: &[(Term, Term)]) -> Vec<(Term, Term)> {
    let mut idx: Vec<(u32, usize)> = pairs
        .iter()
        .enumerate()
        .map(|(i, &(k, _))| (generation_hash(k, 0), i))
        .collect();
    idx.sort_unstable();
    let mut out = Vec::with_capacity(pairs.len());
    let mut i = 0;
    while i < idx.len() {
        let mut j = i + 1;
        while j < idx.len() && idx[j].0 == idx[i].0 {
            j += 1;
        }
        if j - i == 1 {
            out.push(pairs[idx[i].1]);
        } else {
            // A run of equal hashes (duplicates, or a rare collision):
            // keep each distinct key once, with its last value.
            let run = &idx[i..j];
            for (a, &(_, ia)) in run.iter().enumerate() {
                let ka = pairs[ia].0;
                if run[..a].iter().any(|&(_, ib)| keys_eq(pairs[ib].0, ka)) {
                    continue;
                }
                let last = run
                    .iter()
                    .filter(|&&(_, ib)| keys_eq(pairs[ib].0, ka))
                    .map(|&(_, ib)| ib)
                    .max()
                    .unwrap_or(ia);
                out.push(pairs[last]);
            }
        }
        i = j;
    }
    out
}

// ---- iteration -------------------------------------------------------------

/// Call `f` on every pair in iteration order (depth-first, slots
/// ascending: `maps:iterator/1` order).
pub fn for_each(m: Term, mut f: impl FnMut(Term, Term)) {
    let mut stack: Vec<(&[Term], usize)> = vec![(children(m), 0)];
    while let Some(top) = stack.last_mut() {
        let (kids, i) = *top;
        if i == kids.len() {
            stack.pop();
            continue;
        }
        top.1 += 1;
        let c = kids[i];
        if c.is_cons() {
            let (k, v) = c.cons_parts();
            f(k, v);
        } else {
            stack.push((children(c), 0));
        }
    }
}

/// All pairs in iteration order.
pub fn iteration_order(m: Term) -> Vec<(Term, Term)> {
    let mut out = Vec::with_capacity(size(m));
    for_each(m, |k, v| out.push((k, v)));
    out
}

/// The pairs of a map (flat or hash) with keys in exact term order, the
/// order maps compare in.
pub fn sorted_pairs(m: Term) -> Vec<(Term, Term)> {
    if is_hashmap(m) {
        let mut v = iteration_order(m);
        v.sort_by(|a, b| order::compare(a.0, b.0, true));
        v
    } else {
        let n = m.header().size() / 2;
        (0..n)
            .map(|i| (Term(m.word(1 + i)), Term(m.word(1 + n + i))))
            .collect()
    }
}

/// One step of `erts_internal:map_next/3` on a hashmap: up to `elems`
/// pairs in iteration order starting at the leaf `path` leads to, and the
/// path of the pair after them (`None` when the map is exhausted). `path`
/// holds 4 bits per level (the child *position*, root level lowest),
/// as 64-bit digits, least significant first; missing digits are 0. `None`
/// for a path that leads nowhere (badarg).
#[allow(clippy::type_complexity)]
pub fn next_from_path(
    m: Term,
    path: &[u64],
    elems: usize,
) -> Option<(Vec<(Term, Term)>, Option<Vec<u64>>)> {
    struct Level<'a> {
        kids: &'a [Term],
        /// The next unexplored child.
        idx: usize,
    }
    let elem = |level: usize| -> usize {
        let d = path.get(level / 16).copied().unwrap_or(0);
        ((d >> (4 * (level % 16))) & 0xF) as usize
    };
    let mut elems = elems.max(1);
    let mut out: Vec<(Term, Term)> = Vec::with_capacity(elems.min(size(m)));
    let mut stack: Vec<Level> = Vec::new();
    // Follow the path to its leaf (then child 0 once the path runs out).
    let mut node = m;
    loop {
        let kids = children(node);
        let e = elem(stack.len());
        if e >= kids.len() {
            return None;
        }
        stack.push(Level { kids, idx: e + 1 });
        let c = kids[e];
        if c.is_cons() {
            out.push(c.cons_parts());
            elems -= 1;
            break;
        }
        node = c;
    }
    // Continue depth-first for at most `elems` more pairs.
    while let Some(mut top) = stack.pop() {
        while top.idx < top.kids.len() && elems != 0 && top.kids[top.idx].is_cons() {
            out.push(top.kids[top.idx].cons_parts());
            elems -= 1;
            top.idx += 1;
        }
        if elems == 0 {
            if top.idx < top.kids.len() {
                top.idx += 1;
                stack.push(top);
            } else {
                while let Some(mut up) = stack.pop() {
                    if up.idx < up.kids.len() {
                        up.idx += 1;
                        stack.push(up);
                        break;
                    }
                }
            }
            break;
        }
        if top.idx < top.kids.len() {
            let child = top.kids[top.idx];
            top.idx += 1;
            stack.push(top);
            stack.push(Level {
                kids: children(child),
                idx: 0,
            });
        }
    }
    if stack.is_empty() {
        return Some((out, None));
    }
    let mut digits = vec![0u64; stack.len().div_ceil(16)];
    for (level, l) in stack.iter().enumerate() {
        digits[level / 16] |= ((l.idx - 1) as u64) << (4 * (level % 16));
    }
    Some((out, Some(digits)))
}

#[cfg(test)]
mod tests;
