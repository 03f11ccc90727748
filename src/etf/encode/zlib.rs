//! zlib compression that produces exactly the bytes zlib 1.2.13 produces
//! (`compress2`: `deflateInit(level)`, window bits 15, memory level 8,
//! default strategy, one `deflate(Z_FINISH)` call), which is what OTP's
//! `term_to_binary(T, [compressed])` embeds.
//!
//! Owns [`compress`]. A faithful port of zlib's `deflate.c` (`fill_window`,
//! `longest_match`, `deflate_fast` for levels 1-3, `deflate_slow` for 4-9)
//! and `trees.c` (Huffman tree construction with zlib's heap order and
//! tie-breaking, the stored/static/dynamic block choice), because other
//! deflate implementations (miniz_oxide, zlib-rs) choose different matches
//! and blocks, so their streams, though valid, are not OTP's bytes. Parts
//! that cannot change the output are simplified: the pending buffer and
//! the 16-bit bit buffer are replaced by an output vector and a 64-bit
//! bit accumulator (the bit stream is the same), and the symbol buffer is
//! a separate vector instead of an overlay on the pending buffer.
//!
//! Invariants: never panics on any input (all indices are bounded by the
//! window and table sizes, as in zlib); memory is bounded by the window,
//! hash tables, one block's symbols and the output.

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const W_BITS: usize = 15;
const W_SIZE: usize = 1 << W_BITS;
const W_MASK: usize = W_SIZE - 1;
const WINDOW_SIZE: usize = 2 * W_SIZE;
const HASH_BITS: usize = 8 + 7; // memLevel 8
const HASH_SIZE: usize = 1 << HASH_BITS;
const HASH_MASK: usize = HASH_SIZE - 1;
const HASH_SHIFT: usize = HASH_BITS.div_ceil(MIN_MATCH);
const MIN_LOOKAHEAD: usize = MAX_MATCH + MIN_MATCH + 1;
const MAX_DIST: usize = W_SIZE - MIN_LOOKAHEAD;
const WIN_INIT: usize = MAX_MATCH;
const LIT_BUFSIZE: usize = 1 << (8 + 6);
/// A block is flushed after this many symbols (`sym_end / 3`).
const SYM_END: usize = LIT_BUFSIZE - 1;
const TOO_FAR: usize = 4096;
const NIL: usize = 0;

const LENGTH_CODES: usize = 29;
const LITERALS: usize = 256;
const L_CODES: usize = LITERALS + 1 + LENGTH_CODES;
const D_CODES: usize = 30;
const BL_CODES: usize = 19;
const HEAP_SIZE: usize = 2 * L_CODES + 1;
const MAX_BITS: usize = 15;
const MAX_BL_BITS: usize = 7;
const END_BLOCK: usize = 256;
const REP_3_6: usize = 16;
const REPZ_3_10: usize = 17;
const REPZ_11_138: usize = 18;
const STORED_BLOCK: u32 = 0;
const STATIC_TREES: u32 = 1;
const DYN_TREES: u32 = 2;

const EXTRA_LBITS: [u8; LENGTH_CODES] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const EXTRA_DBITS: [u8; D_CODES] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const EXTRA_BLBITS: [u8; BL_CODES] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
const BL_ORDER: [usize; BL_CODES] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// `(good_length, max_lazy, nice_length, max_chain)` per level; levels
/// 1-3 use `deflate_fast`, 4-9 `deflate_slow`.
const CONFIG: [(usize, usize, usize, usize); 10] = [
    (0, 0, 0, 0),
    (4, 4, 8, 4),
    (4, 5, 16, 8),
    (4, 6, 32, 32),
    (4, 4, 16, 16),
    (8, 16, 32, 32),
    (8, 16, 128, 128),
    (8, 32, 128, 256),
    (32, 128, 258, 1024),
    (32, 258, 258, 4096),
];

/// The zlib stream for `input` at `level` (1..=9), or `None` if it is
/// longer than `limit` bytes (OTP then keeps the term uncompressed) or
/// `level` is 0.
pub fn compress(input: &[u8], level: u32, limit: usize) -> Option<Vec<u8>> {
    if level == 0 || level > 9 || limit < 8 {
        return None;
    }
    let mut s = Deflate::new(input, level as usize);
    // zlib header: CMF (deflate, 32K window), FLG with the level hint.
    let level_flags: usize = match level {
        0 | 1 => 0,
        2..=5 => 1,
        6 => 2,
        _ => 3,
    };
    let mut header = (8 + ((W_BITS - 8) << 4)) << 8;
    header |= level_flags << 6;
    header += 31 - (header % 31);
    s.out.push((header >> 8) as u8);
    s.out.push(header as u8);
    if level <= 3 {
        s.deflate_fast(limit)?;
    } else {
        s.deflate_slow(limit)?;
    }
    let adler = adler32(input);
    s.out.extend_from_slice(&adler.to_be_bytes());
    if s.out.len() > limit {
        return None;
    }
    Some(s.out)
}

fn adler32(data: &[u8]) -> u32 {
    const BASE: u32 = 65521;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= BASE;
        b %= BASE;
    }
    (b << 16) | a
}

/// The static tables of `trees.c` (`tr_static_init`).
struct Tables {
    length_code: [u8; MAX_MATCH - MIN_MATCH + 1],
    dist_code: [u8; 512],
    base_length: [u16; LENGTH_CODES],
    base_dist: [u16; D_CODES],
    /// (code, len) of the fixed literal/length tree (288 entries).
    static_ltree: [(u16, u16); L_CODES + 2],
    static_dtree: [(u16, u16); D_CODES],
}

fn bi_reverse(mut code: u32, mut len: u32) -> u32 {
    let mut res = 0;
    loop {
        res |= code & 1;
        code >>= 1;
        res <<= 1;
        len -= 1;
        if len == 0 {
            break;
        }
    }
    res >> 1
}

/// `gen_codes`: canonical codes from bit lengths; `lens[n]` for n in
/// `0..=max_code`, codes bit-reversed as deflate sends them.
fn gen_codes(lens: &[u16], codes: &mut [u16], bl_count: &[u16; MAX_BITS + 1]) {
    let mut next_code = [0u16; MAX_BITS + 1];
    let mut code: u32 = 0;
    for bits in 1..=MAX_BITS {
        code = (code + bl_count[bits - 1] as u32) << 1;
        next_code[bits] = code as u16;
    }
    for (n, &len) in lens.iter().enumerate() {
        if len == 0 {
            continue;
        }
        let l = len as usize;
        codes[n] = bi_reverse(next_code[l] as u32, len as u32) as u16;
        next_code[l] = next_code[l].wrapping_add(1);
    }
}

fn tables() -> &'static Tables {
    static T: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            length_code: [0; MAX_MATCH - MIN_MATCH + 1],
            dist_code: [0; 512],
            base_length: [0; LENGTH_CODES],
            base_dist: [0; D_CODES],
            static_ltree: [(0, 0); L_CODES + 2],
            static_dtree: [(0, 0); D_CODES],
        };
        let mut length = 0usize;
        let mut code = 0usize;
        while code < LENGTH_CODES - 1 {
            t.base_length[code] = length as u16;
            for _ in 0..(1usize << EXTRA_LBITS[code]) {
                t.length_code[length] = code as u8;
                length += 1;
            }
            code += 1;
        }
        // Length 258 uses code 285 rather than 284 + 31.
        t.length_code[length - 1] = code as u8;
        let mut dist = 0usize;
        code = 0;
        while code < 16 {
            t.base_dist[code] = dist as u16;
            for _ in 0..(1usize << EXTRA_DBITS[code]) {
                t.dist_code[dist] = code as u8;
                dist += 1;
            }
            code += 1;
        }
        dist >>= 7;
        while code < D_CODES {
            t.base_dist[code] = (dist << 7) as u16;
            for _ in 0..(1usize << (EXTRA_DBITS[code] - 7)) {
                t.dist_code[256 + dist] = code as u8;
                dist += 1;
            }
            code += 1;
        }
        let mut bl_count = [0u16; MAX_BITS + 1];
        let mut lens = [0u16; L_CODES + 2];
        for (n, l) in lens.iter_mut().enumerate() {
            *l = match n {
                0..=143 => 8,
                144..=255 => 9,
                256..=279 => 7,
                _ => 8,
            };
            bl_count[*l as usize] += 1;
        }
        let mut codes = [0u16; L_CODES + 2];
        gen_codes(&lens, &mut codes, &bl_count);
        for n in 0..L_CODES + 2 {
            t.static_ltree[n] = (codes[n], lens[n]);
        }
        for n in 0..D_CODES {
            t.static_dtree[n] = (bi_reverse(n as u32, 5) as u16, 5);
        }
        t
    })
}

/// `d_code`: the distance code of `dist` (match distance - 1).
fn d_code(t: &Tables, dist: usize) -> usize {
    if dist < 256 {
        t.dist_code[dist] as usize
    } else {
        t.dist_code[256 + ((dist >> 7) & 0xFF)] as usize
    }
}

/// One Huffman tree: zlib's `ct_data` array, whose two unions are kept as
/// they are (`fc` = Freq or Code, `dl` = Dad or Len) because the tree
/// construction reads a parent's Len through the same slot that held its
/// Dad.
struct Tree {
    fc: Vec<u16>,
    dl: Vec<u16>,
    max_code: isize,
    /// Static tree (code, len) for `static_len`, if any.
    stree: Option<&'static [(u16, u16)]>,
    extra_bits: &'static [u8],
    extra_base: usize,
    elems: usize,
    max_length: usize,
}

impl Tree {
    fn new(
        size: usize,
        stree: Option<&'static [(u16, u16)]>,
        extra_bits: &'static [u8],
        extra_base: usize,
        elems: usize,
        max_length: usize,
    ) -> Tree {
        Tree {
            fc: vec![0; size],
            dl: vec![0; size],
            max_code: 0,
            stree,
            extra_bits,
            extra_base,
            elems,
            max_length,
        }
    }
}

struct Deflate<'a> {
    input: &'a [u8],
    next_in: usize,
    level: usize,
    window: Vec<u8>,
    prev: Vec<u16>,
    head: Vec<u16>,
    ins_h: usize,
    block_start: isize,
    match_length: usize,
    prev_match: usize,
    match_available: bool,
    strstart: usize,
    match_start: usize,
    lookahead: usize,
    prev_length: usize,
    max_chain_length: usize,
    max_lazy_match: usize,
    good_match: usize,
    nice_match: usize,
    insert: usize,
    high_water: usize,
    /// Symbols of the current block: (dist, lc) with dist 0 = literal.
    syms: Vec<(u16, u8)>,
    ltree: Tree,
    dtree: Tree,
    bltree: Tree,
    heap: [usize; HEAP_SIZE],
    heap_len: usize,
    heap_max: usize,
    depth: [u8; HEAP_SIZE],
    bl_count: [u16; MAX_BITS + 1],
    opt_len: u64,
    static_len: u64,
    out: Vec<u8>,
    bi_buf: u64,
    bi_valid: u32,
    t: &'static Tables,
}

impl<'a> Deflate<'a> {
    fn new(input: &'a [u8], level: usize) -> Deflate<'a> {
        let t = tables();
        let (good, lazy, nice, chain) = CONFIG[level];
        let mut s = Deflate {
            input,
            next_in: 0,
            level,
            window: vec![0; WINDOW_SIZE],
            prev: vec![0; W_SIZE],
            head: vec![0; HASH_SIZE],
            ins_h: 0,
            block_start: 0,
            match_length: MIN_MATCH - 1,
            prev_match: 0,
            match_available: false,
            strstart: 0,
            match_start: 0,
            lookahead: 0,
            prev_length: MIN_MATCH - 1,
            max_chain_length: chain,
            max_lazy_match: lazy,
            good_match: good,
            nice_match: nice,
            insert: 0,
            high_water: 0,
            syms: Vec::with_capacity(SYM_END),
            ltree: Tree::new(
                HEAP_SIZE,
                Some(&t.static_ltree),
                &EXTRA_LBITS,
                LITERALS + 1,
                L_CODES,
                MAX_BITS,
            ),
            dtree: Tree::new(
                2 * D_CODES + 1,
                Some(&t.static_dtree),
                &EXTRA_DBITS,
                0,
                D_CODES,
                MAX_BITS,
            ),
            bltree: Tree::new(
                2 * BL_CODES + 1,
                None,
                &EXTRA_BLBITS,
                0,
                BL_CODES,
                MAX_BL_BITS,
            ),
            heap: [0; HEAP_SIZE],
            heap_len: 0,
            heap_max: 0,
            depth: [0; HEAP_SIZE],
            bl_count: [0; MAX_BITS + 1],
            opt_len: 0,
            static_len: 0,
            out: Vec::with_capacity(input.len() / 2 + 64),
            bi_buf: 0,
            bi_valid: 0,
            t,
        };
        s.init_block();
        s
    }

    // ---- input and the window -------------------------------------------

    #[inline]
    fn update_hash(&mut self, c: u8) {
        self.ins_h = ((self.ins_h << HASH_SHIFT) ^ c as usize) & HASH_MASK;
    }

    /// `INSERT_STRING`: returns the previous head of the chain.
    #[inline]
    fn insert_string(&mut self, s: usize) -> usize {
        let c = self.window[s + (MIN_MATCH - 1)];
        self.update_hash(c);
        let h = self.head[self.ins_h];
        self.prev[s & W_MASK] = h;
        self.head[self.ins_h] = s as u16;
        h as usize
    }

    fn slide_hash(&mut self) {
        for p in self.head.iter_mut().chain(self.prev.iter_mut()) {
            let m = *p as usize;
            *p = if m >= W_SIZE {
                (m - W_SIZE) as u16
            } else {
                NIL as u16
            };
        }
    }

    fn fill_window(&mut self) {
        loop {
            let mut more = WINDOW_SIZE - self.lookahead - self.strstart;
            if self.strstart >= W_SIZE + MAX_DIST {
                self.window.copy_within(W_SIZE..W_SIZE + (W_SIZE - more), 0);
                self.match_start = self.match_start.wrapping_sub(W_SIZE);
                self.strstart -= W_SIZE;
                self.block_start -= W_SIZE as isize;
                if self.insert > self.strstart {
                    self.insert = self.strstart;
                }
                self.slide_hash();
                more += W_SIZE;
            }
            let avail = self.input.len() - self.next_in;
            if avail == 0 {
                break;
            }
            let n = avail.min(more);
            let dst = self.strstart + self.lookahead;
            self.window[dst..dst + n].copy_from_slice(&self.input[self.next_in..self.next_in + n]);
            self.next_in += n;
            self.lookahead += n;
            if self.lookahead + self.insert >= MIN_MATCH {
                let mut str = self.strstart - self.insert;
                self.ins_h = self.window[str] as usize;
                let c = self.window[str + 1];
                self.update_hash(c);
                while self.insert > 0 {
                    let c = self.window[str + MIN_MATCH - 1];
                    self.update_hash(c);
                    self.prev[str & W_MASK] = self.head[self.ins_h];
                    self.head[self.ins_h] = str as u16;
                    str += 1;
                    self.insert -= 1;
                    if self.lookahead + self.insert < MIN_MATCH {
                        break;
                    }
                }
            }
            if !(self.lookahead < MIN_LOOKAHEAD && self.next_in < self.input.len()) {
                break;
            }
        }
        if self.high_water < WINDOW_SIZE {
            let curr = self.strstart + self.lookahead;
            if self.high_water < curr {
                let init = (WINDOW_SIZE - curr).min(WIN_INIT);
                self.window[curr..curr + init].fill(0);
                self.high_water = curr + init;
            } else if self.high_water < curr + WIN_INIT {
                let init = (curr + WIN_INIT - self.high_water).min(WINDOW_SIZE - self.high_water);
                let hw = self.high_water;
                self.window[hw..hw + init].fill(0);
                self.high_water += init;
            }
        }
    }

    /// Byte `i` of the window; zlib may look up to `MAX_MATCH` bytes past
    /// the data (zeroed or old window bytes, never past the window end
    /// in zlib's own bounds), and a read past the end here is 0.
    #[inline]
    fn w(&self, i: usize) -> u8 {
        self.window.get(i).copied().unwrap_or(0)
    }

    fn longest_match(&mut self, mut cur_match: usize) -> usize {
        let mut chain_length = self.max_chain_length;
        let scan0 = self.strstart;
        let mut best_len = self.prev_length;
        let mut nice_match = self.nice_match;
        let limit = if self.strstart > MAX_DIST {
            self.strstart - MAX_DIST
        } else {
            NIL
        };
        let strend = scan0 + MAX_MATCH;
        let mut scan_end1 = self.w(scan0 + best_len - 1);
        let mut scan_end = self.w(scan0 + best_len);
        if self.prev_length >= self.good_match {
            chain_length >>= 2;
        }
        if nice_match > self.lookahead {
            nice_match = self.lookahead;
        }
        loop {
            let m = cur_match;
            let skip = self.w(m + best_len) != scan_end
                || self.w(m + best_len - 1) != scan_end1
                || self.w(m) != self.w(scan0)
                || self.w(m + 1) != self.w(scan0 + 1);
            if !skip {
                // scan[2] == match[2] is implied by the hash; compare from 3
                // in zlib's steps of 8 with the end check after each step.
                let mut scan = scan0 + 2;
                let mut mt = m + 2;
                loop {
                    let mut stop = false;
                    for _ in 0..8 {
                        scan += 1;
                        mt += 1;
                        if self.w(scan) != self.w(mt) {
                            stop = true;
                            break;
                        }
                    }
                    if stop || scan >= strend {
                        break;
                    }
                }
                // The comparisons stop at `strend` at the latest.
                let len = MAX_MATCH - (strend - scan.min(strend));
                if len > best_len {
                    self.match_start = cur_match;
                    best_len = len;
                    if len >= nice_match {
                        break;
                    }
                    scan_end1 = self.w(scan0 + best_len - 1);
                    scan_end = self.w(scan0 + best_len);
                }
            }
            cur_match = self.prev[cur_match & W_MASK] as usize;
            if cur_match <= limit {
                break;
            }
            chain_length -= 1;
            if chain_length == 0 {
                break;
            }
        }
        best_len.min(self.lookahead)
    }

    // ---- block flushing -----------------------------------------------------

    /// `FLUSH_BLOCK_ONLY`; then gives up (`None`) once the output passed
    /// `limit` (OTP's fixed output buffer would have run out).
    fn flush_block(&mut self, last: bool, limit: usize) -> Option<()> {
        let stored_len = (self.strstart as isize - self.block_start) as usize;
        let buf = if self.block_start >= 0 {
            Some(self.block_start as usize)
        } else {
            None
        };
        self.tr_flush_block(buf, stored_len, last);
        self.block_start = self.strstart as isize;
        if self.out.len() > limit {
            return None;
        }
        Some(())
    }

    #[inline]
    fn tally_lit(&mut self, c: u8) -> bool {
        self.syms.push((0, c));
        self.ltree.fc[c as usize] += 1;
        self.syms.len() == SYM_END
    }

    #[inline]
    fn tally_dist(&mut self, dist: usize, len: usize) -> bool {
        self.syms.push((dist as u16, len as u8));
        let d = (dist as u16).wrapping_sub(1) as usize;
        let lc = self.t.length_code[len & 0xFF] as usize;
        self.ltree.fc[lc + LITERALS + 1] += 1;
        let dc = d_code(self.t, d);
        self.dtree.fc[dc] += 1;
        self.syms.len() == SYM_END
    }

    fn deflate_fast(&mut self, limit: usize) -> Option<()> {
        loop {
            if self.lookahead < MIN_LOOKAHEAD {
                self.fill_window();
                if self.lookahead == 0 {
                    break;
                }
            }
            let mut hash_head = NIL;
            if self.lookahead >= MIN_MATCH {
                hash_head = self.insert_string(self.strstart);
            }
            if hash_head != NIL && self.strstart - hash_head <= MAX_DIST {
                self.match_length = self.longest_match(hash_head);
            }
            let bflush;
            if self.match_length >= MIN_MATCH {
                let dist = self.strstart.wrapping_sub(self.match_start);
                bflush = self.tally_dist(dist, self.match_length - MIN_MATCH);
                self.lookahead -= self.match_length;
                if self.match_length <= self.max_lazy_match && self.lookahead >= MIN_MATCH {
                    self.match_length -= 1;
                    loop {
                        self.strstart += 1;
                        self.insert_string(self.strstart);
                        self.match_length -= 1;
                        if self.match_length == 0 {
                            break;
                        }
                    }
                    self.strstart += 1;
                } else {
                    self.strstart += self.match_length;
                    self.match_length = 0;
                    self.ins_h = self.window[self.strstart] as usize;
                    let c = self.w(self.strstart + 1);
                    self.update_hash(c);
                }
            } else {
                let c = self.window[self.strstart];
                bflush = self.tally_lit(c);
                self.lookahead -= 1;
                self.strstart += 1;
            }
            if bflush {
                self.flush_block(false, limit)?;
            }
        }
        self.flush_block(true, limit)
    }

    fn deflate_slow(&mut self, limit: usize) -> Option<()> {
        loop {
            if self.lookahead < MIN_LOOKAHEAD {
                self.fill_window();
                if self.lookahead == 0 {
                    break;
                }
            }
            let mut hash_head = NIL;
            if self.lookahead >= MIN_MATCH {
                hash_head = self.insert_string(self.strstart);
            }
            self.prev_length = self.match_length;
            self.prev_match = self.match_start;
            self.match_length = MIN_MATCH - 1;
            if hash_head != NIL
                && self.prev_length < self.max_lazy_match
                && self.strstart - hash_head <= MAX_DIST
            {
                self.match_length = self.longest_match(hash_head);
                if self.match_length <= 5
                    && self.match_length == MIN_MATCH
                    && self.strstart.wrapping_sub(self.match_start) > TOO_FAR
                {
                    self.match_length = MIN_MATCH - 1;
                }
            }
            if self.prev_length >= MIN_MATCH && self.match_length <= self.prev_length {
                let max_insert = self.strstart + self.lookahead - MIN_MATCH;
                let dist = (self.strstart - 1).wrapping_sub(self.prev_match);
                let bflush = self.tally_dist(dist, self.prev_length - MIN_MATCH);
                self.lookahead -= self.prev_length - 1;
                self.prev_length -= 2;
                loop {
                    self.strstart += 1;
                    if self.strstart <= max_insert {
                        self.insert_string(self.strstart);
                    }
                    self.prev_length -= 1;
                    if self.prev_length == 0 {
                        break;
                    }
                }
                self.match_available = false;
                self.match_length = MIN_MATCH - 1;
                self.strstart += 1;
                if bflush {
                    self.flush_block(false, limit)?;
                }
            } else if self.match_available {
                let c = self.window[self.strstart - 1];
                if self.tally_lit(c) {
                    self.flush_block(false, limit)?;
                }
                self.strstart += 1;
                self.lookahead -= 1;
            } else {
                self.match_available = true;
                self.strstart += 1;
                self.lookahead -= 1;
            }
        }
        if self.match_available {
            let c = self.window[self.strstart - 1];
            self.tally_lit(c);
            self.match_available = false;
        }
        self.flush_block(true, limit)
    }

    // ---- trees.c ----------------------------------------------------------------

    fn init_block(&mut self) {
        self.ltree.fc[..L_CODES].fill(0);
        self.dtree.fc[..D_CODES].fill(0);
        self.bltree.fc[..BL_CODES].fill(0);
        self.ltree.fc[END_BLOCK] = 1;
        self.opt_len = 0;
        self.static_len = 0;
        self.syms.clear();
    }

    #[inline]
    fn send_bits(&mut self, value: u32, length: u32) {
        self.bi_buf |= (value as u64) << self.bi_valid;
        self.bi_valid += length;
        while self.bi_valid >= 8 {
            self.out.push(self.bi_buf as u8);
            self.bi_buf >>= 8;
            self.bi_valid -= 8;
        }
    }

    fn bi_windup(&mut self) {
        if self.bi_valid > 0 {
            self.out.push(self.bi_buf as u8);
        }
        self.bi_buf = 0;
        self.bi_valid = 0;
    }

    /// `smaller(tree, n, m, depth)`.
    #[inline]
    fn smaller(fc: &[u16], depth: &[u8; HEAP_SIZE], n: usize, m: usize) -> bool {
        fc[n] < fc[m] || (fc[n] == fc[m] && depth[n] <= depth[m])
    }

    fn pqdownheap(&mut self, which: usize, mut k: usize) {
        let fc = match which {
            0 => &self.ltree.fc,
            1 => &self.dtree.fc,
            _ => &self.bltree.fc,
        };
        let v = self.heap[k];
        let mut j = k << 1;
        while j <= self.heap_len {
            if j < self.heap_len && Self::smaller(fc, &self.depth, self.heap[j + 1], self.heap[j]) {
                j += 1;
            }
            if Self::smaller(fc, &self.depth, v, self.heap[j]) {
                break;
            }
            self.heap[k] = self.heap[j];
            k = j;
            j <<= 1;
        }
        self.heap[k] = v;
    }

    fn tree_mut(&mut self, which: usize) -> &mut Tree {
        match which {
            0 => &mut self.ltree,
            1 => &mut self.dtree,
            _ => &mut self.bltree,
        }
    }

    fn gen_bitlen(&mut self, which: usize) {
        let mut bl_count = [0u16; MAX_BITS + 1];
        let heap = self.heap;
        let heap_max = self.heap_max;
        let mut opt_len = self.opt_len;
        let mut static_len = self.static_len;
        let tree = self.tree_mut(which);
        let max_code = tree.max_code;
        let max_length = tree.max_length;
        let mut overflow = 0i32;
        tree.dl[heap[heap_max]] = 0;
        let mut h = heap_max + 1;
        while h < HEAP_SIZE {
            let n = heap[h];
            let mut bits = tree.dl[tree.dl[n] as usize] as usize + 1;
            if bits > max_length {
                bits = max_length;
                overflow += 1;
            }
            tree.dl[n] = bits as u16;
            h += 1;
            if n as isize > max_code {
                continue;
            }
            bl_count[bits] += 1;
            let xbits = if n >= tree.extra_base {
                tree.extra_bits
                    .get(n - tree.extra_base)
                    .copied()
                    .unwrap_or(0) as u64
            } else {
                0
            };
            let f = tree.fc[n] as u64;
            opt_len = opt_len.wrapping_add(f * (bits as u64 + xbits));
            if let Some(st) = tree.stree {
                static_len = static_len.wrapping_add(f * (st[n].1 as u64 + xbits));
            }
        }
        if overflow > 0 {
            loop {
                let mut bits = max_length - 1;
                while bl_count[bits] == 0 {
                    bits -= 1;
                }
                bl_count[bits] -= 1;
                bl_count[bits + 1] += 2;
                bl_count[max_length] -= 1;
                overflow -= 2;
                if overflow <= 0 {
                    break;
                }
            }
            let mut h = HEAP_SIZE;
            let mut bits = max_length;
            while bits != 0 {
                let mut n = bl_count[bits];
                while n != 0 {
                    h -= 1;
                    let m = heap[h];
                    if m as isize > max_code {
                        continue;
                    }
                    if tree.dl[m] as usize != bits {
                        let delta = (bits as i64 - tree.dl[m] as i64) * tree.fc[m] as i64;
                        opt_len = opt_len.wrapping_add(delta as u64);
                        tree.dl[m] = bits as u16;
                    }
                    n -= 1;
                }
                bits -= 1;
            }
        }
        self.opt_len = opt_len;
        self.static_len = static_len;
        self.bl_count = bl_count;
    }

    fn build_tree(&mut self, which: usize) {
        let elems = self.tree_mut(which).elems;
        self.heap_len = 0;
        self.heap_max = HEAP_SIZE;
        let mut max_code: isize = -1;
        for n in 0..elems {
            if self.tree_mut(which).fc[n] != 0 {
                self.heap_len += 1;
                self.heap[self.heap_len] = n;
                max_code = n as isize;
                self.depth[n] = 0;
            } else {
                self.tree_mut(which).dl[n] = 0;
            }
        }
        while self.heap_len < 2 {
            let node = if max_code < 2 {
                max_code += 1;
                max_code as usize
            } else {
                0
            };
            self.heap_len += 1;
            self.heap[self.heap_len] = node;
            let tree = self.tree_mut(which);
            tree.fc[node] = 1;
            let slen = tree.stree.map(|st| st[node].1 as u64);
            self.depth[node] = 0;
            self.opt_len = self.opt_len.wrapping_sub(1);
            if let Some(l) = slen {
                self.static_len = self.static_len.wrapping_sub(l);
            }
        }
        self.tree_mut(which).max_code = max_code;
        let mut n = self.heap_len / 2;
        while n >= 1 {
            self.pqdownheap(which, n);
            n -= 1;
        }
        let mut node = elems;
        loop {
            // pqremove
            let n = self.heap[1];
            self.heap[1] = self.heap[self.heap_len];
            self.heap_len -= 1;
            self.pqdownheap(which, 1);
            let m = self.heap[1];
            self.heap_max -= 1;
            self.heap[self.heap_max] = n;
            self.heap_max -= 1;
            self.heap[self.heap_max] = m;
            let d = self.depth[n].max(self.depth[m]).wrapping_add(1);
            let tree = self.tree_mut(which);
            tree.fc[node] = tree.fc[n].wrapping_add(tree.fc[m]);
            tree.dl[n] = node as u16;
            tree.dl[m] = node as u16;
            self.depth[node] = d;
            self.heap[1] = node;
            node += 1;
            self.pqdownheap(which, 1);
            if self.heap_len < 2 {
                break;
            }
        }
        self.heap_max -= 1;
        self.heap[self.heap_max] = self.heap[1];
        self.gen_bitlen(which);
        let bl_count = self.bl_count;
        let tree = self.tree_mut(which);
        let top = (max_code + 1) as usize;
        let lens: Vec<u16> = tree.dl[..top].to_vec();
        gen_codes(&lens, &mut tree.fc[..top], &bl_count);
    }

    fn scan_tree(&mut self, which: usize) {
        let tree = self.tree_mut(which);
        let max_code = tree.max_code;
        let mut prevlen: i32 = -1;
        let mut nextlen = tree.dl[0] as i32;
        let mut count = 0;
        let (mut max_count, mut min_count) = if nextlen == 0 { (138, 3) } else { (7, 4) };
        tree.dl[(max_code + 1) as usize] = 0xFFFF;
        let lens: Vec<i32> = tree.dl[..(max_code + 2) as usize]
            .iter()
            .map(|&l| l as i32)
            .collect();
        let bl = &mut self.bltree.fc;
        for n in 0..=(max_code as usize) {
            let curlen = nextlen;
            nextlen = lens[n + 1];
            count += 1;
            if count < max_count && curlen == nextlen {
                continue;
            } else if count < min_count {
                bl[curlen as usize] += count as u16;
            } else if curlen != 0 {
                if curlen != prevlen {
                    bl[curlen as usize] += 1;
                }
                bl[REP_3_6] += 1;
            } else if count <= 10 {
                bl[REPZ_3_10] += 1;
            } else {
                bl[REPZ_11_138] += 1;
            }
            count = 0;
            prevlen = curlen;
            (max_count, min_count) = if nextlen == 0 {
                (138, 3)
            } else if curlen == nextlen {
                (6, 3)
            } else {
                (7, 4)
            };
        }
    }

    fn send_bl_code(&mut self, c: usize) {
        let (code, len) = (self.bltree.fc[c], self.bltree.dl[c]);
        self.send_bits(code as u32, len as u32);
    }

    fn send_tree(&mut self, which: usize, max_code: usize) {
        let tree = self.tree_mut(which);
        let lens: Vec<i32> = tree.dl[..max_code + 2].iter().map(|&l| l as i32).collect();
        let mut prevlen: i32 = -1;
        let mut nextlen = lens[0];
        let mut count = 0;
        let (mut max_count, mut min_count) = if nextlen == 0 { (138, 3) } else { (7, 4) };
        for n in 0..=max_code {
            let curlen = nextlen;
            nextlen = lens[n + 1];
            count += 1;
            if count < max_count && curlen == nextlen {
                continue;
            } else if count < min_count {
                loop {
                    self.send_bl_code(curlen as usize);
                    count -= 1;
                    if count == 0 {
                        break;
                    }
                }
            } else if curlen != 0 {
                if curlen != prevlen {
                    self.send_bl_code(curlen as usize);
                    count -= 1;
                }
                self.send_bl_code(REP_3_6);
                self.send_bits((count - 3) as u32, 2);
            } else if count <= 10 {
                self.send_bl_code(REPZ_3_10);
                self.send_bits((count - 3) as u32, 3);
            } else {
                self.send_bl_code(REPZ_11_138);
                self.send_bits((count - 11) as u32, 7);
            }
            count = 0;
            prevlen = curlen;
            (max_count, min_count) = if nextlen == 0 {
                (138, 3)
            } else if curlen == nextlen {
                (6, 3)
            } else {
                (7, 4)
            };
        }
    }

    fn build_bl_tree(&mut self) -> usize {
        self.scan_tree(0);
        self.scan_tree(1);
        self.build_tree(2);
        let mut max_blindex = BL_CODES - 1;
        while max_blindex >= 3 {
            if self.bltree.dl[BL_ORDER[max_blindex]] != 0 {
                break;
            }
            max_blindex -= 1;
        }
        self.opt_len = self
            .opt_len
            .wrapping_add(3 * (max_blindex as u64 + 1) + 5 + 5 + 4);
        max_blindex
    }

    fn send_all_trees(&mut self, lcodes: usize, dcodes: usize, blcodes: usize) {
        self.send_bits((lcodes - 257) as u32, 5);
        self.send_bits((dcodes - 1) as u32, 5);
        self.send_bits((blcodes - 4) as u32, 4);
        for &o in BL_ORDER.iter().take(blcodes) {
            let l = self.bltree.dl[o];
            self.send_bits(l as u32, 3);
        }
        self.send_tree(0, lcodes - 1);
        self.send_tree(1, dcodes - 1);
    }

    /// `compress_block` with the static trees (`dynamic == false`) or the
    /// block's own.
    fn compress_block(&mut self, dynamic: bool) {
        let t = self.t;
        let syms = std::mem::take(&mut self.syms);
        let lcode = |s: &Self, c: usize| -> (u32, u32) {
            if dynamic {
                (s.ltree.fc[c] as u32, s.ltree.dl[c] as u32)
            } else {
                (t.static_ltree[c].0 as u32, t.static_ltree[c].1 as u32)
            }
        };
        let dcode = |s: &Self, c: usize| -> (u32, u32) {
            if dynamic {
                (s.dtree.fc[c] as u32, s.dtree.dl[c] as u32)
            } else {
                (t.static_dtree[c].0 as u32, t.static_dtree[c].1 as u32)
            }
        };
        for &(dist, lc) in &syms {
            let lc = lc as usize;
            if dist == 0 {
                let (c, l) = lcode(self, lc);
                self.send_bits(c, l);
            } else {
                let code = t.length_code[lc] as usize;
                let (c, l) = lcode(self, code + LITERALS + 1);
                self.send_bits(c, l);
                let extra = EXTRA_LBITS[code] as u32;
                if extra != 0 {
                    self.send_bits((lc - t.base_length[code] as usize) as u32, extra);
                }
                let d = dist as usize - 1;
                let code = d_code(t, d);
                let (c, l) = dcode(self, code);
                self.send_bits(c, l);
                let extra = EXTRA_DBITS[code] as u32;
                if extra != 0 {
                    self.send_bits((d - t.base_dist[code] as usize) as u32, extra);
                }
            }
        }
        self.syms = syms;
        let (c, l) = lcode(self, END_BLOCK);
        self.send_bits(c, l);
    }

    fn stored_block(&mut self, buf: usize, stored_len: usize, last: bool) {
        self.send_bits((STORED_BLOCK << 1) + last as u32, 3);
        self.bi_windup();
        let len = stored_len as u16;
        self.out.extend_from_slice(&len.to_le_bytes());
        self.out.extend_from_slice(&(!len).to_le_bytes());
        let end = (buf + stored_len).min(self.window.len());
        let start = buf.min(end);
        let data = self.window[start..end].to_vec();
        self.out.extend_from_slice(&data);
    }

    fn tr_flush_block(&mut self, buf: Option<usize>, stored_len: usize, last: bool) {
        let mut max_blindex = 0;
        let (mut opt_lenb, static_lenb);
        if self.level > 0 {
            self.build_tree(0);
            self.build_tree(1);
            max_blindex = self.build_bl_tree();
            opt_lenb = (self.opt_len.wrapping_add(3 + 7)) >> 3;
            static_lenb = (self.static_len.wrapping_add(3 + 7)) >> 3;
            if static_lenb <= opt_lenb {
                opt_lenb = static_lenb;
            }
        } else {
            opt_lenb = stored_len as u64 + 5;
            static_lenb = opt_lenb;
        }
        match buf {
            Some(b) if stored_len as u64 + 4 <= opt_lenb => self.stored_block(b, stored_len, last),
            _ if static_lenb == opt_lenb => {
                self.send_bits((STATIC_TREES << 1) + last as u32, 3);
                self.compress_block(false);
            }
            _ => {
                self.send_bits((DYN_TREES << 1) + last as u32, 3);
                let l = (self.ltree.max_code + 1) as usize;
                let d = (self.dtree.max_code + 1) as usize;
                self.send_all_trees(l, d, max_blindex + 1);
                self.compress_block(true);
            }
        }
        self.init_block();
        if last {
            self.bi_windup();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inflate(z: &[u8], n: usize) -> Vec<u8> {
        crate::etf::inflate(z, n).expect("valid zlib").0
    }

    #[test]
    fn round_trips_at_every_level() {
        let mut data = Vec::new();
        let mut x: u32 = 12345;
        for i in 0..200_000u32 {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            data.push(if i % 7 == 0 {
                (x >> 16) as u8
            } else {
                (i % 13) as u8
            });
        }
        for level in 1..=9 {
            for len in [1, 2, 3, 10, 300, 70_000, 200_000] {
                let z = compress(&data[..len], level, usize::MAX).unwrap();
                assert_eq!(inflate(&z, len), &data[..len], "level {level} len {len}");
            }
        }
    }

    #[test]
    fn limit_and_level_zero() {
        assert!(compress(b"abc", 0, usize::MAX).is_none());
        assert!(compress(&[7u8; 1000], 6, 5).is_none());
        assert!(compress(&[7u8; 1000], 6, 100).is_some());
    }

    /// The LCG data of `round_trips_at_every_level`.
    fn lcg_data(n: usize) -> Vec<u8> {
        let mut x: u32 = 12345;
        (0..n as u32)
            .map(|i| {
                x = x.wrapping_mul(1103515245).wrapping_add(12345);
                if i % 7 == 0 {
                    (x >> 16) as u8
                } else {
                    (i % 13) as u8
                }
            })
            .collect()
    }

    /// `(byte size, crc32)` of zlib 1.2.13's output for levels 1..=9, from
    /// erl (`zlib:deflateInit(Z, L)`, `zlib:deflate(Z, Data, finish)`, on the
    /// same LCG data generated in Erlang):
    /// ```text
    /// gen(N) -> gen(0, 12345, N, []).
    /// gen(I, _, N, Acc) when I >= N -> list_to_binary(lists:reverse(Acc));
    /// gen(I, X0, N, Acc) ->
    ///   X = (X0 * 1103515245 + 12345) band 16#FFFFFFFF,
    ///   B = case I rem 7 of 0 -> (X bsr 16) band 255; _ -> I rem 13 end,
    ///   gen(I+1, X, N, [B|Acc]).
    /// ```
    #[test]
    fn same_bytes_as_zlib_1_2_13() {
        let cases: [(usize, &[(usize, u32)]); 3] = [
            (
                300,
                &[
                    (158, 0x500f06c0),
                    (149, 0xd6b18397),
                    (149, 0xe5ad512d),
                    (149, 0xe5ad512d),
                    (149, 0xe5ad512d),
                    (149, 0xb270532b),
                    (149, 0x9f144ae7),
                    (149, 0x9f144ae7),
                    (149, 0x9f144ae7),
                ],
            ),
            (
                70000,
                &[
                    (22688, 0xb97e6c5c),
                    (23028, 0xa6ee6d92),
                    (22909, 0xcd2a0b7e),
                    (21717, 0x23843788),
                    (21734, 0x42587817),
                    (21389, 0xd03f9163),
                    (20820, 0xa6886b63),
                    (19081, 0x623a15fd),
                    (18805, 0xb6443620),
                ],
            ),
            (
                200000,
                &[
                    (65052, 0x31f0a85b),
                    (65440, 0x54df69bb),
                    (64613, 0x287e7cba),
                    (61419, 0x42716551),
                    (61403, 0x4815a159),
                    (60612, 0x95217bbf),
                    (59138, 0xa23de281),
                    (53194, 0x1a2b74ff),
                    (51913, 0x1c902711),
                ],
            ),
        ];
        for (n, want) in cases {
            let data = lcg_data(n);
            for (i, &(len, crc)) in want.iter().enumerate() {
                let level = i as u32 + 1;
                let z = compress(&data, level, usize::MAX).unwrap();
                let mut c = flate2::Crc::new();
                c.update(&z);
                assert_eq!((z.len(), c.sum()), (len, crc), "n {n} level {level}");
            }
        }
    }
}
