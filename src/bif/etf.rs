//! External term format BIFs: `erlang:term_to_binary/1,2`,
//! `term_to_iovec/1,2`, `binary_to_term/1,2` and `external_size/1,2`,
//! over `etf::encode` and `etf::decode`.
//!
//! Option handling follows OTP 25 exactly:
//! - `term_to_binary/2`, `term_to_iovec/2`: a proper list of `compressed`
//!   (level 6), `{compressed, 0..9}`, `{minor_version, 0..2}` and
//!   `deterministic`; later options win; anything else (including OTP
//!   26's `local`) is `badarg`;
//! - `external_size/2`: only `{minor_version, 0|1}`;
//! - `binary_to_term/2`: `safe` and `used`. OTP 25 ignores bytes after
//!   the term (`binary_to_term(<<131,106,0>>)` is `[]`); `used` reports
//!   how many bytes the term took.
//!
//! `term_to_iovec` returns a list holding one binary (OTP may split large
//! binaries out into further elements; `iolist_to_binary` of both is the
//! same). Closures are written with the calling process as their pid.

use super::types::fixed;
use super::{Bif, BifResult, Exc};
use crate::etf::decode::decode_with;
use crate::etf::encode::{encode, encoded_size, EncodeError, EncodeOpts};
use crate::process::Process;
use crate::term::{atom, binary, Term};

fn enc_error(e: EncodeError) -> Exc {
    match e {
        EncodeError::BadTerm => Exc::badarg(),
        EncodeError::TooLarge => Exc::system_limit(),
    }
}

/// A small integer in `lo..=hi`.
fn small_in(t: Term, lo: i64, hi: i64) -> Option<i64> {
    (t.is_small() && (lo..=hi).contains(&t.small_value())).then(|| t.small_value())
}

/// The elements of a proper list, else `badarg`.
fn proper_list(l: Term) -> Result<Vec<Term>, Exc> {
    let mut it = l.iter_list();
    let items: Vec<Term> = it.by_ref().collect();
    if it.rest().is_nil() {
        Ok(items)
    } else {
        Err(Exc::badarg())
    }
}

/// A `{Name, Value}` option: `(Name, Value)`.
fn pair(t: Term) -> Option<(atom::Atom, Term)> {
    if t.is_tuple() && t.tuple_arity() == 2 && t.element(0).is_atom() {
        Some((t.element(0).atom_value(), t.element(1)))
    } else {
        None
    }
}

fn is_atom(t: Term, name: &str) -> bool {
    t.is_atom() && atom::with_name(t.atom_value(), |s| s == name)
}

fn atom_is(a: atom::Atom, name: &str) -> bool {
    atom::with_name(a, |s| s == name)
}

fn encode_opts(p: &Process, opts: Term) -> Result<EncodeOpts, Exc> {
    let mut o = EncodeOpts {
        fun_pid: p.pid,
        ..EncodeOpts::default()
    };
    for opt in proper_list(opts)? {
        if is_atom(opt, "compressed") {
            o.compression = 6;
        } else if is_atom(opt, "deterministic") {
            o.deterministic = true;
        } else if let Some((name, v)) = pair(opt) {
            if atom_is(name, "compressed") {
                o.compression = small_in(v, 0, 9).ok_or_else(Exc::badarg)? as u32;
            } else if atom_is(name, "minor_version") {
                o.minor_version = small_in(v, 0, 2).ok_or_else(Exc::badarg)? as u8;
            } else {
                return Err(Exc::badarg());
            }
        } else {
            return Err(Exc::badarg());
        }
    }
    Ok(o)
}

fn to_binary(p: &mut Process, t: Term, o: &EncodeOpts) -> BifResult {
    let bytes = encode(t, o).map_err(enc_error)?;
    Ok(p.heap.binary(&bytes))
}

fn term_to_binary_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [t] = fixed(args)?;
    let o = EncodeOpts {
        fun_pid: p.pid,
        ..EncodeOpts::default()
    };
    to_binary(p, t, &o)
}

fn term_to_binary_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [t, opts] = fixed(args)?;
    let o = encode_opts(p, opts)?;
    to_binary(p, t, &o)
}

fn term_to_iovec_1(p: &mut Process, args: &[Term]) -> BifResult {
    let b = term_to_binary_1(p, args)?;
    Ok(p.heap.list(&[b]))
}

fn term_to_iovec_2(p: &mut Process, args: &[Term]) -> BifResult {
    let b = term_to_binary_2(p, args)?;
    Ok(p.heap.list(&[b]))
}

fn external_size_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [t] = fixed(args)?;
    let o = EncodeOpts {
        fun_pid: p.pid,
        ..EncodeOpts::default()
    };
    let n = encoded_size(t, &o).map_err(enc_error)?;
    Ok(p.heap.int(n as i64))
}

fn external_size_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [t, opts] = fixed(args)?;
    let mut o = EncodeOpts {
        fun_pid: p.pid,
        ..EncodeOpts::default()
    };
    for opt in proper_list(opts)? {
        match pair(opt) {
            Some((name, v)) if atom_is(name, "minor_version") => {
                o.minor_version = small_in(v, 0, 1).ok_or_else(Exc::badarg)? as u8;
            }
            _ => return Err(Exc::badarg()),
        }
    }
    let n = encoded_size(t, &o).map_err(enc_error)?;
    Ok(p.heap.int(n as i64))
}

/// Decode the binary `b`: the term and the bytes it took.
fn decode_arg(p: &mut Process, b: Term, safe: bool) -> Result<(Term, usize), Exc> {
    let bytes = match binary::view(b) {
        Some(v) if v.is_binary() => v.to_bytes().into_owned(),
        _ => return Err(Exc::badarg()),
    };
    decode_with(&bytes, &mut p.heap, safe).map_err(|_| Exc::badarg())
}

fn binary_to_term_1(p: &mut Process, args: &[Term]) -> BifResult {
    let [b] = fixed(args)?;
    Ok(decode_arg(p, b, false)?.0)
}

fn binary_to_term_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [b, opts] = fixed(args)?;
    let (mut safe, mut used) = (false, false);
    for opt in proper_list(opts)? {
        if opt == Term::atom(atom::SAFE) {
            safe = true;
        } else if is_atom(opt, "used") {
            used = true;
        } else {
            return Err(Exc::badarg());
        }
    }
    let (t, n) = decode_arg(p, b, safe)?;
    if used {
        let n = p.heap.int(n as i64);
        Ok(p.heap.tuple(&[t, n]))
    } else {
        Ok(t)
    }
}

const fn e(name: &'static str, arity: u32, f: super::BifFn) -> Bif {
    Bif {
        module: "erlang",
        name,
        arity,
        f,
    }
}

pub const TABLE: &[Bif] = &[
    e("term_to_binary", 1, term_to_binary_1),
    e("term_to_binary", 2, term_to_binary_2),
    e("term_to_iovec", 1, term_to_iovec_1),
    e("term_to_iovec", 2, term_to_iovec_2),
    e("binary_to_term", 1, binary_to_term_1),
    e("binary_to_term", 2, binary_to_term_2),
    e("external_size", 1, external_size_1),
    e("external_size", 2, external_size_2),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::order;
    use std::cmp::Ordering;

    fn proc() -> Process {
        Process::new(1, Term::NIL)
    }

    fn at(s: &str) -> Term {
        Term::atom(atom::intern(s).unwrap())
    }

    fn bytes_of(t: Term) -> Vec<u8> {
        binary::view(t).unwrap().to_bytes().into_owned()
    }

    fn call(p: &mut Process, f: super::super::BifFn, args: &[Term]) -> BifResult {
        f(p, args)
    }

    fn is_badarg(r: BifResult) -> bool {
        matches!(r, Err(e) if e.reason == Term::atom(atom::BADARG))
    }

    #[test]
    fn options_as_otp25() {
        let mut p = proc();
        let a = at("a");
        let opts = |p: &mut Process, items: &[Term]| p.heap.list(items);
        // erl: term_to_binary(a, [compressed]) =:= <<131,100,0,1,97>>
        let o = opts(&mut p, &[at("compressed")]);
        let r = call(&mut p, term_to_binary_2, &[a, o]).unwrap();
        assert_eq!(bytes_of(r), [131, 100, 0, 1, 97]);
        // {compressed, 10}, {minor_version, 3}, local, bad: badarg.
        for bad in [
            ("compressed", Term::small(10)),
            ("compressed", Term::small(-1)),
            ("minor_version", Term::small(3)),
        ] {
            let t = p.heap.tuple(&[at(bad.0), bad.1]);
            let o = opts(&mut p, &[t]);
            assert!(is_badarg(call(&mut p, term_to_binary_2, &[a, o])));
        }
        for bad in ["local", "bad"] {
            let o = opts(&mut p, &[at(bad)]);
            assert!(is_badarg(call(&mut p, term_to_binary_2, &[a, o])));
        }
        let improper = p.heap.cons(at("compressed"), at("bad"));
        assert!(is_badarg(call(&mut p, term_to_binary_2, &[a, improper])));
        assert!(is_badarg(call(&mut p, term_to_binary_2, &[a, at("bad")])));
        // Later options win: [compressed, {compressed, 0}] is uncompressed.
        let hundred: Vec<Term> = vec![Term::small(0); 100];
        let l = p.heap.list(&hundred);
        let z0 = p.heap.tuple(&[at("compressed"), Term::small(0)]);
        let o = opts(&mut p, &[at("compressed"), z0]);
        let r = call(&mut p, term_to_binary_2, &[l, o]).unwrap();
        assert_eq!(bytes_of(r)[1], 107);
        // erl: term_to_binary(lists:duplicate(100, 0), [compressed])
        let o = opts(&mut p, &[z0, at("compressed"), at("deterministic")]);
        let r = call(&mut p, term_to_binary_2, &[l, o]).unwrap();
        assert_eq!(
            bytes_of(r),
            [131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208]
        );
        // term_to_iovec: one binary in a list.
        let r = call(&mut p, term_to_iovec_1, &[a]).unwrap();
        assert_eq!(bytes_of(r.head()), [131, 100, 0, 1, 97]);
        assert!(r.tail().is_nil());
    }

    #[test]
    fn external_size_as_otp25() {
        let mut p = proc();
        let f = Term::float(1.5);
        // erl: external_size(1.5) =:= 10, [{minor_version, 0}] =:= 33
        assert_eq!(
            call(&mut p, external_size_1, &[f]).unwrap(),
            Term::small(10)
        );
        let mv0 = p.heap.tuple(&[at("minor_version"), Term::small(0)]);
        let o = p.heap.list(&[mv0]);
        assert_eq!(
            call(&mut p, external_size_2, &[f, o]).unwrap(),
            Term::small(33)
        );
        let e = p.heap.list(&[]);
        assert_eq!(
            call(&mut p, external_size_2, &[f, e]).unwrap(),
            Term::small(10)
        );
        // {minor_version, 2}, compressed, deterministic: badarg in OTP 25.
        let mv2 = p.heap.tuple(&[at("minor_version"), Term::small(2)]);
        for bad in [mv2, at("compressed"), at("deterministic")] {
            let o = p.heap.list(&[bad]);
            assert!(is_badarg(call(&mut p, external_size_2, &[f, o])));
        }
    }

    #[test]
    fn binary_to_term_as_otp25() {
        let mut p = proc();
        let abc = at("abc");
        // Trailing bytes are ignored; `used` counts the term's bytes.
        let b = p.heap.binary(&[131, 100, 0, 3, 97, 98, 99, 0]);
        assert_eq!(call(&mut p, binary_to_term_1, &[b]).unwrap(), abc);
        let o = p.heap.list(&[at("used")]);
        let r = call(&mut p, binary_to_term_2, &[b, o]).unwrap();
        assert_eq!(r.element(0), abc);
        assert_eq!(r.element(1), Term::small(7));
        // Compressed with a trailing byte: {[0, ...], 20}.
        let z = p.heap.binary(&[
            131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208, 7,
        ]);
        let r = call(&mut p, binary_to_term_2, &[z, o]).unwrap();
        assert_eq!(r.element(0).iter_list().count(), 100);
        assert_eq!(r.element(1), Term::small(20));
        // safe: existing atoms only.
        let safe = p.heap.list(&[at("safe")]);
        assert_eq!(call(&mut p, binary_to_term_2, &[b, safe]).unwrap(), abc);
        let name = b"bif_etf_safe_never_made";
        let mut raw = vec![131, 100, 0, name.len() as u8];
        raw.extend_from_slice(name);
        let nb = p.heap.binary(&raw);
        assert!(is_badarg(call(&mut p, binary_to_term_2, &[nb, safe])));
        // Bad options, non-binaries, bitstrings, bad data: badarg.
        let bad = p.heap.list(&[at("bad")]);
        assert!(is_badarg(call(&mut p, binary_to_term_2, &[b, bad])));
        let improper = p.heap.cons(at("safe"), at("x"));
        assert!(is_badarg(call(&mut p, binary_to_term_2, &[b, improper])));
        assert!(is_badarg(call(&mut p, binary_to_term_1, &[abc])));
        let bits = p.heap.bitstring(&[131, 106, 128], 17);
        assert!(is_badarg(call(&mut p, binary_to_term_1, &[bits])));
        for raw in [
            &[][..],
            &[131],
            &[131, 100, 0, 3, 97],
            &[130, 106],
            &[131, 77, 0, 0, 0, 1, 0, 255],
        ] {
            let x = p.heap.binary(raw);
            assert!(is_badarg(call(&mut p, binary_to_term_1, &[x])));
        }
    }

    #[test]
    fn round_trip_through_the_bifs() {
        let mut p = proc();
        let big = crate::term::bignum::from_big(&mut p.heap, &(num_bigint::BigInt::from(1) << 200));
        let m = p.heap.map_sorted(&[(Term::small(1), Term::float(-0.0))]);
        let s = p.heap.string("héllo");
        let bin = p.heap.binary(&[1, 2, 3]);
        let t = p
            .heap
            .tuple(&[big, m, s, bin, p.self_term(), at("ünïcödé"), Term::NIL]);
        for level in [0, 6] {
            let c = p.heap.tuple(&[at("compressed"), Term::small(level)]);
            let o = p.heap.list(&[c]);
            let b = call(&mut p, term_to_binary_2, &[t, o]).unwrap();
            let back = call(&mut p, binary_to_term_1, &[b]).unwrap();
            assert_eq!(order::compare(t, back, true), Ordering::Equal);
        }
    }
}
