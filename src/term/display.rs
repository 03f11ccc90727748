//! A plain text rendering of terms for `erlang:display/1` and VM
//! diagnostics (crash fallbacks, `BEAMZ_DEBUG`). Not the `~p`/`~w` of
//! io_lib: output that users compare with erl goes through OTP's own
//! Erlang formatting code.

use super::{atom, bignum, binary, Kind, Term};
use std::fmt::Write;

pub fn format(t: Term) -> String {
    let mut s = String::new();
    write_term(&mut s, t, 0);
    s
}

/// An atom as Erlang writes it (quoted when needed).
pub fn write_atom_quoted(s: &mut String, a: atom::Atom) {
    write_atom(s, a)
}

fn write_atom(s: &mut String, a: atom::Atom) {
    atom::with_name(a, |n| {
        let plain = n.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@');
        if plain {
            s.push_str(n);
        } else {
            s.push('\'');
            for c in n.chars() {
                if c == '\'' || c == '\\' {
                    s.push('\\');
                }
                s.push(c);
            }
            s.push('\'');
        }
    });
}

fn write_term(s: &mut String, t: Term, depth: usize) {
    if depth > 200 {
        s.push_str("...");
        return;
    }
    if t.is_small() {
        let _ = write!(s, "{}", t.small_value());
    } else if t.is_float() {
        let _ = write!(s, "{:?}", t.float_value());
    } else if t.is_atom() {
        write_atom(s, t.atom_value());
    } else if t.is_nil() {
        s.push_str("[]");
    } else if t.is_pid() {
        let _ = write!(s, "<0.{}.0>", t.pid_value());
    } else if t.is_port() {
        let _ = write!(s, "#Port<0.{}>", t.pid_value());
    } else if t.is_cons() {
        s.push('[');
        let mut cur = t;
        let mut first = true;
        while cur.is_cons() {
            if !first {
                s.push(',');
            }
            first = false;
            let (h, tl) = cur.cons_parts();
            write_term(s, h, depth + 1);
            cur = tl;
        }
        if !cur.is_nil() {
            s.push('|');
            write_term(s, cur, depth + 1);
        }
        s.push(']');
    } else if t.is_boxed() {
        match t.header().kind() {
            Kind::Tuple => {
                s.push('{');
                for (i, e) in t.tuple_elements().iter().enumerate() {
                    if i > 0 {
                        s.push(',');
                    }
                    write_term(s, *e, depth + 1);
                }
                s.push('}');
            }
            Kind::PosBig | Kind::NegBig => {
                let _ = write!(s, "{}", bignum::to_big(t));
            }
            Kind::Map => {
                let n = t.header().size() / 2;
                s.push_str("#{");
                for i in 0..n {
                    if i > 0 {
                        s.push(',');
                    }
                    write_term(s, Term(t.word(1 + i)), depth + 1);
                    s.push_str("=>");
                    write_term(s, Term(t.word(1 + n + i)), depth + 1);
                }
                s.push('}');
            }
            Kind::HashMap | Kind::HashNode => {
                // The trie itself, as OTP's display shows it:
                // `#<Bitmap>{Children}` for the head, `<Bitmap>{...}` for
                // inner nodes, leaves as their `[Key|Value]` cells.
                let head = if t.header().kind() == Kind::HashMap {
                    "#"
                } else {
                    ""
                };
                let _ = write!(s, "{head}<{:x}>{{", super::hamt::node_bitmap(t));
                for (i, c) in super::hamt::node_children(t).iter().enumerate() {
                    if i > 0 {
                        s.push(',');
                    }
                    write_term(s, *c, depth + 1);
                }
                s.push('}');
            }
            Kind::HeapBin | Kind::SubBin | Kind::ProcBin => {
                s.push_str("<<");
                if let Some(b) = binary::view(t) {
                    let bytes = b.to_bytes();
                    for (i, x) in bytes.iter().enumerate() {
                        if i > 0 {
                            s.push(',');
                        }
                        let _ = write!(s, "{x}");
                    }
                }
                s.push_str(">>");
            }
            Kind::Ref => {
                let _ = write!(s, "#Ref<0.0.0.{}>", t.word(1));
            }
            Kind::Closure | Kind::ExportFun => s.push_str("#Fun<>"),
            Kind::MatchCtx => s.push_str("#MatchState<>"),
        }
    } else {
        let _ = write!(s, "{t:?}");
    }
}
