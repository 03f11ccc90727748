//! Atom conversion BIFs: `atom_to_list/1`, `list_to_atom/1`,
//! `list_to_existing_atom/1`, `atom_to_binary/1,2`, `binary_to_atom/1,2`,
//! `binary_to_existing_atom/1,2`.
//!
//! Limits follow OTP 25: an atom has at most 255 characters (any code
//! point, so `list_to_atom([300])` is a unicode atom). Creating a longer
//! one is `system_limit`; looking up a longer one with the `*_existing_*`
//! functions is `badarg`. A UTF-8 binary longer than 4 * 255 bytes is
//! rejected as too long before its encoding is checked, as OTP does.

use super::types::fixed;
use super::{Bif, BifResult, Exc};
use crate::process::Process;
use crate::term::atom::{self, AtomError, MAX_ATOM_CHARS};
use crate::term::{binary, Term};

/// Why a text cannot be an atom.
enum TextError {
    /// Not a flat list of code points / not valid in the encoding.
    Bad,
    /// More than 255 characters.
    TooLong,
}

/// The text of a character list, walking it the way OTP's
/// `erts_unicode_list_to_buf` does: a 256th cons cell is "too long" even
/// if its head is not a character, an improper tail after 255 characters
/// is "bad".
fn list_text(list: Term) -> Result<String, TextError> {
    let mut s = String::new();
    let mut n = 0usize;
    let mut cur = list;
    while !cur.is_nil() {
        if !cur.is_cons() {
            return Err(TextError::Bad);
        }
        if n == MAX_ATOM_CHARS {
            return Err(TextError::TooLong);
        }
        let (h, t) = cur.cons_parts();
        let c = char_of(h).ok_or(TextError::Bad)?;
        s.push(c);
        n += 1;
        cur = t;
    }
    Ok(s)
}

/// A small integer that is a Unicode scalar value.
fn char_of(t: Term) -> Option<char> {
    if !t.is_small() {
        return None;
    }
    u32::try_from(t.small_value()).ok().and_then(char::from_u32)
}

/// Atom encodings accepted by the `*_atom*` BIFs.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Enc {
    Latin1,
    Utf8,
}

fn encoding(t: Term) -> Result<Enc, Exc> {
    if t == Term::atom(atom::LATIN1) {
        Ok(Enc::Latin1)
    } else if t == Term::atom(atom::UTF8) || t == Term::atom(atom::UNICODE) {
        Ok(Enc::Utf8)
    } else {
        Err(Exc::badarg())
    }
}

/// The text a binary names in `enc`.
fn binary_text(b: Term, enc: Enc) -> Result<String, TextError> {
    let bits = binary::view(b).ok_or(TextError::Bad)?;
    if !bits.is_binary() {
        return Err(TextError::Bad);
    }
    let bytes = bits.to_bytes();
    match enc {
        Enc::Latin1 => {
            if bytes.len() > MAX_ATOM_CHARS {
                return Err(TextError::TooLong);
            }
            Ok(bytes.iter().map(|&c| char::from(c)).collect())
        }
        Enc::Utf8 => {
            if bytes.len() > 4 * MAX_ATOM_CHARS {
                return Err(TextError::TooLong);
            }
            match std::str::from_utf8(&bytes) {
                Ok(s) if s.chars().count() > MAX_ATOM_CHARS => Err(TextError::TooLong),
                Ok(s) => Ok(s.to_owned()),
                Err(e) => {
                    // OTP stops after 255 good characters with bytes left:
                    // too long, even if the bytes left are not UTF-8.
                    let good = bytes.get(..e.valid_up_to()).unwrap_or(&[]);
                    let n = std::str::from_utf8(good).map_or(0, |s| s.chars().count());
                    if n >= MAX_ATOM_CHARS {
                        Err(TextError::TooLong)
                    } else {
                        Err(TextError::Bad)
                    }
                }
            }
        }
    }
}

/// Create (or find) the atom for `text`.
fn make_atom(text: Result<String, TextError>) -> BifResult {
    match text {
        Ok(s) => match atom::intern(&s) {
            Ok(a) => Ok(Term::atom(a)),
            Err(AtomError::TooLong) | Err(AtomError::TableFull) => Err(Exc::system_limit()),
        },
        Err(TextError::Bad) => Err(Exc::badarg()),
        Err(TextError::TooLong) => Err(Exc::system_limit()),
    }
}

/// The existing atom for `text`; anything else is `badarg`.
fn existing_atom(text: Result<String, TextError>) -> BifResult {
    text.ok()
        .and_then(|s| atom::lookup(&s))
        .map(Term::atom)
        .ok_or_else(Exc::badarg)
}

fn atom_to_list(p: &mut Process, args: &[Term]) -> BifResult {
    let [a] = fixed(args)?;
    if !a.is_atom() {
        return Err(Exc::badarg());
    }
    let name = atom::name(a.atom_value());
    Ok(p.heap.string(&name))
}

fn list_to_atom(_p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    make_atom(list_text(l))
}

fn list_to_existing_atom(_p: &mut Process, args: &[Term]) -> BifResult {
    let [l] = fixed(args)?;
    existing_atom(list_text(l))
}

fn atom_to_binary_enc(p: &mut Process, a: Term, enc: Enc) -> BifResult {
    if !a.is_atom() {
        return Err(Exc::badarg());
    }
    let name = atom::name(a.atom_value());
    match enc {
        Enc::Utf8 => Ok(p.heap.binary(name.as_bytes())),
        Enc::Latin1 => {
            let bytes: Option<Vec<u8>> = name.chars().map(|c| u8::try_from(c).ok()).collect();
            match bytes {
                Some(b) => Ok(p.heap.binary(&b)),
                None => Err(Exc::badarg()),
            }
        }
    }
}

fn atom_to_binary(p: &mut Process, args: &[Term]) -> BifResult {
    let [a] = fixed(args)?;
    atom_to_binary_enc(p, a, Enc::Utf8)
}

fn atom_to_binary_2(p: &mut Process, args: &[Term]) -> BifResult {
    let [a, enc] = fixed(args)?;
    let enc = encoding(enc)?;
    atom_to_binary_enc(p, a, enc)
}

fn binary_to_atom(_p: &mut Process, args: &[Term]) -> BifResult {
    let [b] = fixed(args)?;
    make_atom(binary_text(b, Enc::Utf8))
}

fn binary_to_atom_2(_p: &mut Process, args: &[Term]) -> BifResult {
    let [b, enc] = fixed(args)?;
    let enc = encoding(enc)?;
    make_atom(binary_text(b, enc))
}

fn binary_to_existing_atom(_p: &mut Process, args: &[Term]) -> BifResult {
    let [b] = fixed(args)?;
    existing_atom(binary_text(b, Enc::Utf8))
}

fn binary_to_existing_atom_2(_p: &mut Process, args: &[Term]) -> BifResult {
    let [b, enc] = fixed(args)?;
    let enc = encoding(enc)?;
    existing_atom(binary_text(b, enc))
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
    e("atom_to_list", 1, atom_to_list),
    e("list_to_atom", 1, list_to_atom),
    e("list_to_existing_atom", 1, list_to_existing_atom),
    e("atom_to_binary", 1, atom_to_binary),
    e("atom_to_binary", 2, atom_to_binary_2),
    e("binary_to_atom", 1, binary_to_atom),
    e("binary_to_atom", 2, binary_to_atom_2),
    e("binary_to_existing_atom", 1, binary_to_existing_atom),
    e("binary_to_existing_atom", 2, binary_to_existing_atom_2),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::order;

    fn p() -> Process {
        Process::new(1, Term::NIL)
    }
    fn s(i: i64) -> Term {
        Term::small(i)
    }
    fn a(name: &str) -> Term {
        Term::atom(atom::intern_static(name))
    }
    fn reason(r: BifResult) -> Option<Term> {
        r.err().map(|e| e.reason)
    }
    fn badarg() -> Option<Term> {
        Some(Term::atom(atom::BADARG))
    }
    fn sys() -> Option<Term> {
        Some(Term::atom(atom::SYSTEM_LIMIT))
    }
    fn chars(p: &mut Process, cs: &[i64]) -> Term {
        let items: Vec<Term> = cs.iter().map(|&c| s(c)).collect();
        p.heap.list(&items)
    }
    fn bytes_of(t: Term) -> Vec<u8> {
        binary::view(t).unwrap().to_bytes().into_owned()
    }

    #[test]
    fn atom_to_list_cases() {
        let mut p = p();
        // erl: atom_to_list('aé') -> [97,233]
        let l = atom_to_list(&mut p, &[a("aé")]).unwrap();
        let want = chars(&mut p, &[97, 233]);
        assert!(order::exact_eq(l, want));
        assert_eq!(reason(atom_to_list(&mut p, &[s(1)])), badarg());
        assert_eq!(atom_to_list(&mut p, &[a("")]).unwrap(), Term::NIL);
    }

    #[test]
    fn list_to_atom_cases() {
        let mut p = p();
        // erl: list_to_atom([97,300]) -> 'aĬ'
        let l = chars(&mut p, &[97, 300]);
        assert_eq!(list_to_atom(&mut p, &[l]).unwrap(), a("aĬ"));
        // erl: list_to_atom([]) -> ''; [97,16#FFFF] is fine
        assert_eq!(list_to_atom(&mut p, &[Term::NIL]).unwrap(), a(""));
        let l = chars(&mut p, &[97, 0xFFFF]);
        assert!(list_to_atom(&mut p, &[l]).is_ok());
        // erl: [97|b], [97,-1], [97,16#110000], [97,16#D800], [97,16#DFFF],
        // [97,[98]], <<"a">>, 1.0 -> badarg
        let imp = p.heap.cons(s(97), a("b"));
        assert_eq!(reason(list_to_atom(&mut p, &[imp])), badarg());
        for bad in [-1, 0x110000, 0xD800, 0xDFFF] {
            let l = chars(&mut p, &[97, bad]);
            assert_eq!(reason(list_to_atom(&mut p, &[l])), badarg());
        }
        let inner = chars(&mut p, &[98]);
        let nested = p.heap.list(&[s(97), inner]);
        assert_eq!(reason(list_to_atom(&mut p, &[nested])), badarg());
        let bin = p.heap.binary(b"a");
        assert_eq!(reason(list_to_atom(&mut p, &[bin])), badarg());
        assert_eq!(reason(list_to_atom(&mut p, &[Term::float(1.0)])), badarg());
        // erl: list_to_atom(lists:duplicate(255,300)) -> ok (255 chars)
        let l = chars(&mut p, &[300; 255]);
        let at = list_to_atom(&mut p, &[l]).unwrap();
        assert_eq!(atom::name(at.atom_value()).chars().count(), 255);
        // erl: 256 x $a -> system_limit; 256 x 300 -> system_limit;
        // 256 x -1 -> badarg; [-1 | 256 x $a] -> badarg;
        // 256 x $a ++ [-1] -> system_limit; 255 x $a ++ b -> badarg;
        // [97 | 255 x a] -> badarg
        let l = chars(&mut p, &[97; 256]);
        assert_eq!(reason(list_to_atom(&mut p, &[l])), sys());
        let l = chars(&mut p, &[300; 256]);
        assert_eq!(reason(list_to_atom(&mut p, &[l])), sys());
        let l = chars(&mut p, &[-1; 256]);
        assert_eq!(reason(list_to_atom(&mut p, &[l])), badarg());
        let mut v = vec![-1];
        v.extend([97; 256]);
        let l = chars(&mut p, &v);
        assert_eq!(reason(list_to_atom(&mut p, &[l])), badarg());
        let mut v = vec![97; 256];
        v.push(-1);
        let l = chars(&mut p, &v);
        assert_eq!(reason(list_to_atom(&mut p, &[l])), sys());
        let items: Vec<Term> = vec![s(97); 255];
        let l = p.heap.list_with_tail(&items, a("b"));
        assert_eq!(reason(list_to_atom(&mut p, &[l])), badarg());
        let mut items = vec![s(97)];
        items.extend(vec![a("a"); 255]);
        let l = p.heap.list(&items);
        assert_eq!(reason(list_to_atom(&mut p, &[l])), badarg());
    }

    #[test]
    fn list_to_existing_atom_cases() {
        let mut p = p();
        let l = p.heap.string("ok");
        assert_eq!(
            list_to_existing_atom(&mut p, &[l]).unwrap(),
            Term::atom(atom::OK)
        );
        // erl: "nonexistingatomxyz", 256 x $a, [a] -> badarg
        let l = p.heap.string("beamz_surely_not_an_atom_q9x");
        assert_eq!(reason(list_to_existing_atom(&mut p, &[l])), badarg());
        let l = chars(&mut p, &[97; 256]);
        assert_eq!(reason(list_to_existing_atom(&mut p, &[l])), badarg());
        let l = p.heap.list(&[a("a")]);
        assert_eq!(reason(list_to_existing_atom(&mut p, &[l])), badarg());
    }

    #[test]
    fn atom_to_binary_cases() {
        let mut p = p();
        let ae = a("aé");
        let lat = Term::atom(atom::LATIN1);
        let utf = Term::atom(atom::UTF8);
        let uni = Term::atom(atom::UNICODE);
        // erl: atom_to_binary('aé') -> <<97,195,169>>; (…, latin1) -> <<97,233>>
        assert_eq!(
            bytes_of(atom_to_binary(&mut p, &[ae]).unwrap()),
            vec![97, 195, 169]
        );
        assert_eq!(
            bytes_of(atom_to_binary_2(&mut p, &[ae, lat]).unwrap()),
            vec![97, 233]
        );
        assert_eq!(
            bytes_of(atom_to_binary_2(&mut p, &[ae, uni]).unwrap()),
            vec![97, 195, 169]
        );
        // erl: atom_to_binary(list_to_atom([97,300]), latin1) -> badarg
        let wide = a("aĬ");
        assert_eq!(reason(atom_to_binary_2(&mut p, &[wide, lat])), badarg());
        assert_eq!(
            bytes_of(atom_to_binary_2(&mut p, &[wide, utf]).unwrap()),
            "aĬ".as_bytes()
        );
        // erl: atom_to_binary(a, foo), ("a", utf8), (a, utf16) -> badarg
        let sa = p.heap.string("a");
        assert_eq!(
            reason(atom_to_binary_2(&mut p, &[a("a"), a("foo")])),
            badarg()
        );
        assert_eq!(reason(atom_to_binary_2(&mut p, &[sa, utf])), badarg());
        assert_eq!(
            reason(atom_to_binary_2(&mut p, &[a("a"), a("utf16")])),
            badarg()
        );
        assert_eq!(reason(atom_to_binary(&mut p, &[sa])), badarg());
    }

    #[test]
    fn binary_to_atom_cases() {
        let mut p = p();
        let lat = Term::atom(atom::LATIN1);
        let utf = Term::atom(atom::UTF8);
        let uni = Term::atom(atom::UNICODE);
        let b = p.heap.binary(b"ok");
        assert_eq!(binary_to_atom(&mut p, &[b]).unwrap(), Term::atom(atom::OK));
        // erl: binary_to_atom(<<97,233>>, latin1) -> 'aé'; (…, utf8) -> badarg
        let b = p.heap.binary(&[97, 233]);
        assert_eq!(binary_to_atom_2(&mut p, &[b, lat]).unwrap(), a("aé"));
        assert_eq!(reason(binary_to_atom_2(&mut p, &[b, utf])), badarg());
        let b = p.heap.binary(&[97, 195, 169]);
        assert_eq!(binary_to_atom_2(&mut p, &[b, uni]).unwrap(), a("aé"));
        assert_eq!(reason(binary_to_atom_2(&mut p, &[b, a("foo")])), badarg());
        // erl: binary_to_atom(<<97,195,169:7>>, utf8) -> badarg
        let bits = p.heap.bitstring(&[97, 195, 169 << 1], 23);
        assert_eq!(reason(binary_to_atom_2(&mut p, &[bits, utf])), badarg());
        assert_eq!(reason(binary_to_atom_2(&mut p, &[a("a"), utf])), badarg());
        // erl: surrogate, overlong, > 10FFFF encodings -> badarg
        for bad in [
            &[0xED, 0xA0, 0x80][..],
            &[0xC0, 0x80],
            &[0xF4, 0x90, 0x80, 0x80],
        ] {
            let b = p.heap.binary(bad);
            assert_eq!(reason(binary_to_atom_2(&mut p, &[b, utf])), badarg());
        }
        // erl: binary_to_atom(<<>>, utf8) -> ''
        let e = p.heap.binary(&[]);
        assert_eq!(binary_to_atom_2(&mut p, &[e, utf]).unwrap(), a(""));
        // erl: 256 x "a" (utf8 or latin1) -> system_limit; 255 x "é" -> ok;
        // 256 x "é" -> system_limit; 256 x <<233>> latin1 -> system_limit
        let b = p.heap.binary(&[b'a'; 256]);
        assert_eq!(reason(binary_to_atom_2(&mut p, &[b, utf])), sys());
        assert_eq!(reason(binary_to_atom_2(&mut p, &[b, lat])), sys());
        let e255 = "é".repeat(255);
        let b = p.heap.binary(e255.as_bytes());
        assert!(binary_to_atom_2(&mut p, &[b, utf]).is_ok());
        let e256 = "é".repeat(256);
        let b = p.heap.binary(e256.as_bytes());
        assert_eq!(reason(binary_to_atom_2(&mut p, &[b, utf])), sys());
        let b = p.heap.binary(&[233; 256]);
        assert_eq!(reason(binary_to_atom_2(&mut p, &[b, lat])), sys());
        // erl: <<256 x "a", 255>> utf8 -> system_limit;
        // <<255, 1100 x "a">> utf8 -> system_limit (byte length first)
        let mut v = vec![b'a'; 256];
        v.push(255);
        let b = p.heap.binary(&v);
        assert_eq!(reason(binary_to_atom_2(&mut p, &[b, utf])), sys());
        let mut v = vec![255];
        v.extend([b'a'; 1100]);
        let b = p.heap.binary(&v);
        assert_eq!(reason(binary_to_atom_2(&mut p, &[b, utf])), sys());
        // ... but for the existing-atom lookup both are badarg
        assert_eq!(
            reason(binary_to_existing_atom_2(&mut p, &[b, utf])),
            badarg()
        );
    }

    #[test]
    fn binary_to_existing_atom_cases() {
        let mut p = p();
        let lat = Term::atom(atom::LATIN1);
        let utf = Term::atom(atom::UTF8);
        let b = p.heap.binary(b"ok");
        assert_eq!(
            binary_to_existing_atom(&mut p, &[b]).unwrap(),
            Term::atom(atom::OK)
        );
        assert_eq!(
            binary_to_existing_atom_2(&mut p, &[b, lat]).unwrap(),
            Term::atom(atom::OK)
        );
        // erl: (<<"ok">>, foo), (<<"ok">>, utf16), (<<255>>, utf8),
        // 256 x "a", nonexisting -> badarg
        assert_eq!(
            reason(binary_to_existing_atom_2(&mut p, &[b, a("foo")])),
            badarg()
        );
        assert_eq!(
            reason(binary_to_existing_atom_2(&mut p, &[b, a("utf16")])),
            badarg()
        );
        let b = p.heap.binary(&[255]);
        assert_eq!(
            reason(binary_to_existing_atom_2(&mut p, &[b, utf])),
            badarg()
        );
        let b = p.heap.binary(&[b'a'; 256]);
        assert_eq!(
            reason(binary_to_existing_atom_2(&mut p, &[b, utf])),
            badarg()
        );
        let b = p.heap.binary(b"beamz_surely_not_an_atom_zz7");
        assert_eq!(reason(binary_to_existing_atom(&mut p, &[b])), badarg());
    }
}
