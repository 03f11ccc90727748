//! System BIFs: calendar time (`date`, `time`, `localtime`, `universaltime`
//! and conversions; the VM runs in UTC: local time equals universal time),
//! `now`, perf counters, atomics and counters, and small introspection
//! functions (`is_record`, `cmp_term`, `term_type`, `loaded`, ...).

use super::{Bif, Exc};
use crate::process::Process;
use crate::term::{atom, bignum, order, Term};
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

type R = Result<Term, Exc>;

fn unix_now() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

/// Days since 1970-01-01 to (year, month, day) — proleptic Gregorian.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn datetime(p: &mut Process, secs: i64) -> Term {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let date = p
        .heap
        .tuple(&[Term::small(y), Term::small(m), Term::small(d)]);
    let time = p.heap.tuple(&[
        Term::small(rem / 3600),
        Term::small(rem % 3600 / 60),
        Term::small(rem % 60),
    ]);
    p.heap.tuple(&[date, time])
}

/// `{{Y,M,D},{H,Mi,S}}` to seconds since the epoch, validated.
fn from_datetime(t: Term) -> Option<i64> {
    if !t.is_tuple() || t.tuple_arity() != 2 {
        return None;
    }
    let (d, tm) = (t.element(0), t.element(1));
    let three = |x: Term| -> Option<(i64, i64, i64)> {
        if x.is_tuple() && x.tuple_arity() == 3 {
            let v: Vec<i64> = x
                .tuple_elements()
                .iter()
                .filter_map(|e| bignum::to_i64(*e))
                .collect();
            if v.len() == 3 {
                return Some((v[0], v[1], v[2]));
            }
        }
        None
    };
    let (y, m, dd) = three(d)?;
    let (h, mi, s) = three(tm)?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let mdays = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || dd < 1 || dd > mdays[(m - 1) as usize] || y < 0 {
        return None;
    }
    if !(0..24).contains(&h) || !(0..60).contains(&mi) || !(0..60).contains(&s) {
        return None;
    }
    Some(days_from_civil(y, m, dd) * 86_400 + h * 3600 + mi * 60 + s)
}

fn universaltime0(p: &mut Process, _a: &[Term]) -> R {
    Ok(datetime(p, unix_now().as_secs() as i64))
}

fn date0(p: &mut Process, a: &[Term]) -> R {
    let dt = universaltime0(p, a)?;
    Ok(dt.element(0))
}

fn time0(p: &mut Process, a: &[Term]) -> R {
    let dt = universaltime0(p, a)?;
    Ok(dt.element(1))
}

fn convert_dt1(p: &mut Process, a: &[Term]) -> R {
    let s = from_datetime(a[0]).ok_or_else(Exc::badarg)?;
    Ok(datetime(p, s))
}

fn local_to_universal2(p: &mut Process, a: &[Term]) -> R {
    convert_dt1(p, &a[..1])
}

fn universal_to_posix1(p: &mut Process, a: &[Term]) -> R {
    let s = from_datetime(a[0]).ok_or_else(Exc::badarg)?;
    Ok(p.heap.int(s))
}

fn posix_to_universal1(p: &mut Process, a: &[Term]) -> R {
    let s = bignum::to_i64(a[0]).ok_or_else(Exc::badarg)?;
    Ok(datetime(p, s))
}

fn now0(p: &mut Process, _a: &[Term]) -> R {
    // strictly increasing, as OTP guarantees
    static LAST: Mutex<u128> = Mutex::new(0);
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    let mut us = unix_now().as_micros();
    if us <= *last {
        us = *last + 1;
    }
    *last = us;
    let us = us as i64;
    Ok(p.heap.tuple(&[
        Term::small(us / 1_000_000_000_000),
        Term::small(us / 1_000_000 % 1_000_000),
        Term::small(us % 1_000_000),
    ]))
}

fn perf_counter0(p: &mut Process, _a: &[Term]) -> R {
    let ns = crate::vm::vm().start.elapsed().as_nanos() as i64;
    Ok(p.heap.int(ns))
}

fn time_unit0(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::small(1_000_000_000))
}

fn native_name_encoding0(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::atom(atom::UTF8))
}

fn bin_is_7bit1(_p: &mut Process, a: &[Term]) -> R {
    let b = crate::term::binary::view(a[0]).ok_or_else(Exc::badarg)?;
    Ok(Term::bool(b.to_bytes().iter().all(|&c| c < 128)))
}

fn is_record2(_p: &mut Process, a: &[Term]) -> R {
    if !a[1].is_atom() {
        return Err(Exc::badarg());
    }
    Ok(Term::bool(
        a[0].is_tuple() && a[0].tuple_arity() >= 1 && a[0].element(0) == a[1],
    ))
}

fn is_record3(_p: &mut Process, a: &[Term]) -> R {
    if !a[1].is_atom() || !a[2].is_small() {
        return Err(Exc::badarg());
    }
    let n = a[2].small_value();
    Ok(Term::bool(
        a[0].is_tuple() && a[0].tuple_arity() as i64 == n && n >= 1 && a[0].element(0) == a[1],
    ))
}

fn cmp_term2(_p: &mut Process, a: &[Term]) -> R {
    Ok(Term::small(match order::compare(a[0], a[1], true) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

fn term_type1(_p: &mut Process, a: &[Term]) -> R {
    let t = a[0];
    let name = if t.is_float() {
        "flonum"
    } else if t.is_small() {
        "fixnum"
    } else if t.is_bignum() {
        if bignum::is_negative(t) {
            "negative-bignum"
        } else {
            "positive-bignum"
        }
    } else if t.is_atom() {
        "atom"
    } else if t.is_nil() {
        "nil"
    } else if t.is_cons() {
        "list"
    } else if t.is_tuple() {
        "tuple"
    } else if t.is_map() {
        "flatmap"
    } else if t.is_pid() {
        "pid"
    } else if t.is_port() {
        "port"
    } else if t.is_ref() {
        "reference"
    } else if t.is_fun() {
        "fun"
    } else if t.is_bitstring() {
        "refc-binary"
    } else {
        "unknown"
    };
    Ok(Term::atom(atom::intern_static(name)))
}

fn loaded0(p: &mut Process, _a: &[Term]) -> R {
    let ms: Vec<Term> = crate::code::loaded_names()
        .into_iter()
        .map(Term::atom)
        .collect();
    Ok(p.heap.list(&ms))
}

fn pre_loaded0(p: &mut Process, _a: &[Term]) -> R {
    let names = [
        "erts_code_purger",
        "erl_init",
        "init",
        "prim_buffer",
        "prim_eval",
        "prim_inet",
        "prim_file",
        "zlib",
        "socket_registry",
        "prim_socket",
        "prim_net",
        "prim_zip",
        "erl_prim_loader",
        "erlang",
        "erts_internal",
        "erl_tracer",
        "erts_literal_area_collector",
        "erts_dirty_process_signal_handler",
        "atomics",
        "counters",
        "persistent_term",
    ];
    let ts: Vec<Term> = names
        .iter()
        .map(|n| Term::atom(atom::intern_static(n)))
        .collect();
    Ok(p.heap.list(&ts))
}

fn is_builtin3(_p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() || !a[1].is_atom() || !a[2].is_small() {
        return Err(Exc::badarg());
    }
    Ok(Term::bool(
        super::lookup(
            a[0].atom_value(),
            a[1].atom_value(),
            a[2].small_value() as u32,
        )
        .is_some(),
    ))
}

fn true_any(_p: &mut Process, _a: &[Term]) -> R {
    Ok(Term::bool(true))
}

fn system_flag2(_p: &mut Process, a: &[Term]) -> R {
    if !a[0].is_atom() {
        return Err(Exc::badarg());
    }
    Ok(match atom::name(a[0].atom_value()).as_str() {
        "backtrace_depth" => Term::small(8),
        "fullsweep_after" => Term::small(65535),
        "min_heap_size" => Term::small(233),
        "min_bin_vheap_size" => Term::small(46422),
        "schedulers_online" => Term::small(1),
        _ => Term::atom(atom::UNDEFINED),
    })
}

fn display_string1(_p: &mut Process, a: &[Term]) -> R {
    let mut s = String::new();
    for c in a[0].iter_list() {
        if let Some(ch) = c
            .is_small()
            .then(|| char::from_u32(c.small_value() as u32))
            .flatten()
        {
            s.push(ch);
        }
    }
    crate::vm::flush_stdout();
    eprint!("{s}");
    Ok(Term::bool(true))
}

// ---- atomics and counters ---------------------------------------------------------

/// Arrays behind `atomics:new/2` and `counters:new/2` handles (references).
fn arrays() -> &'static Mutex<HashMap<u64, Arc<Array>>> {
    static A: OnceLock<Mutex<HashMap<u64, Arc<Array>>>> = OnceLock::new();
    A.get_or_init(|| Mutex::new(HashMap::new()))
}

struct Array {
    cells: Box<[AtomicI64]>,
    signed: bool,
}

fn array_of(t: Term) -> Result<Arc<Array>, Exc> {
    if !t.is_ref() {
        return Err(Exc::badarg());
    }
    arrays()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&t.word(1))
        .cloned()
        .ok_or_else(Exc::badarg)
}

fn new_array(p: &mut Process, n: Term, signed: bool) -> R {
    let n = bignum::to_i64(n)
        .filter(|n| (1..(1 << 28)).contains(n))
        .ok_or_else(Exc::badarg)?;
    let cells: Box<[AtomicI64]> = (0..n).map(|_| AtomicI64::new(0)).collect();
    let id = crate::vm::new_ref_id();
    arrays()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, Arc::new(Array { cells, signed }));
    Ok(p.heap.reference(id))
}

/// `erts_internal:atomics_new(Arity, EncodedOpts)`: bit 0 of the options
/// word is `signed` (default true).
fn atomics_new2(p: &mut Process, a: &[Term]) -> R {
    let signed = !(a[1].is_small() && a[1].small_value() & 1 == 0 && a[1].small_value() != 0);
    new_array(p, a[0], signed)
}

fn counters_new1(p: &mut Process, a: &[Term]) -> R {
    new_array(p, a[0], true)
}

fn cell(arr: &Array, ix: Term) -> Result<&AtomicI64, Exc> {
    let i = bignum::to_i64(ix).ok_or_else(Exc::badarg)?;
    if i < 1 || i as usize > arr.cells.len() {
        return Err(Exc::badarg());
    }
    Ok(&arr.cells[i as usize - 1])
}

fn value_in(arr: &Array, v: Term) -> Result<i64, Exc> {
    if arr.signed {
        bignum::to_i64(v).ok_or_else(Exc::badarg)
    } else {
        let b = bignum::to_big(v);
        if !v.is_integer()
            || b < num_bigint::BigInt::from(0)
            || b > num_bigint::BigInt::from(u64::MAX)
        {
            return Err(Exc::badarg());
        }
        Ok(num_traits::ToPrimitive::to_u64(&b).unwrap_or(0) as i64)
    }
}

fn value_out(p: &mut Process, arr: &Array, v: i64) -> Term {
    if arr.signed {
        p.heap.int(v)
    } else {
        bignum::from_i128(&mut p.heap, v as u64 as i128)
    }
}

fn a_get(p: &mut Process, a: &[Term]) -> R {
    let arr = array_of(a[0])?;
    let v = cell(&arr, a[1])?.load(Ordering::SeqCst);
    Ok(value_out(p, &arr, v))
}
fn a_put(_p: &mut Process, a: &[Term]) -> R {
    let arr = array_of(a[0])?;
    let v = value_in(&arr, a[2])?;
    cell(&arr, a[1])?.store(v, Ordering::SeqCst);
    Ok(Term::atom(atom::OK))
}
fn a_add(_p: &mut Process, a: &[Term]) -> R {
    let arr = array_of(a[0])?;
    let v = bignum::to_i64(a[2]).ok_or_else(Exc::badarg)?;
    cell(&arr, a[1])?.fetch_add(v, Ordering::SeqCst);
    Ok(Term::atom(atom::OK))
}
fn a_add_get(p: &mut Process, a: &[Term]) -> R {
    let arr = array_of(a[0])?;
    let v = bignum::to_i64(a[2]).ok_or_else(Exc::badarg)?;
    let r = cell(&arr, a[1])?
        .fetch_add(v, Ordering::SeqCst)
        .wrapping_add(v);
    Ok(value_out(p, &arr, r))
}
fn a_exchange(p: &mut Process, a: &[Term]) -> R {
    let arr = array_of(a[0])?;
    let v = value_in(&arr, a[2])?;
    let old = cell(&arr, a[1])?.swap(v, Ordering::SeqCst);
    Ok(value_out(p, &arr, old))
}
fn a_cmpxchg(p: &mut Process, a: &[Term]) -> R {
    let arr = array_of(a[0])?;
    let expected = value_in(&arr, a[2])?;
    let desired = value_in(&arr, a[3])?;
    match cell(&arr, a[1])?.compare_exchange(expected, desired, Ordering::SeqCst, Ordering::SeqCst)
    {
        Ok(_) => Ok(Term::atom(atom::OK)),
        Err(actual) => Ok(value_out(p, &arr, actual)),
    }
}
fn a_info(p: &mut Process, a: &[Term]) -> R {
    let arr = array_of(a[0])?;
    let n = arr.cells.len() as i64;
    let (min, max) = if arr.signed {
        (p.heap.int(i64::MIN), p.heap.int(i64::MAX))
    } else {
        (
            Term::small(0),
            bignum::from_i128(&mut p.heap, u64::MAX as i128),
        )
    };
    let pairs = [
        (Term::atom(atom::intern_static("max")), max),
        (
            Term::atom(atom::intern_static("memory")),
            Term::small(n * 8 + 40),
        ),
        (Term::atom(atom::intern_static("min")), min),
        (Term::atom(atom::intern_static("size")), Term::small(n)),
    ];
    Ok(crate::interp::maps::from_pairs(p, &pairs))
}
fn c_get(p: &mut Process, a: &[Term]) -> R {
    a_get(p, a)
}
fn c_add(p: &mut Process, a: &[Term]) -> R {
    a_add(p, a)
}
fn c_put(p: &mut Process, a: &[Term]) -> R {
    a_put(p, a)
}
fn c_info(p: &mut Process, a: &[Term]) -> R {
    let arr = array_of(a[0])?;
    let n = arr.cells.len() as i64;
    let pairs = [
        (
            Term::atom(atom::intern_static("memory")),
            Term::small(n * 8 + 40),
        ),
        (Term::atom(atom::intern_static("size")), Term::small(n)),
    ];
    Ok(crate::interp::maps::from_pairs(p, &pairs))
}

/// `erlang:dt_spread_tag/1`: no dynamic-trace tags here (as an emulator
/// built without them), so the saved state is always `false`.
fn dt_spread_tag1(_p: &mut Process, _a: &[Term]) -> Result<Term, Exc> {
    Ok(Term::bool(false))
}

/// `erlang:dt_restore_tag/1`.
fn dt_restore_tag1(_p: &mut Process, _a: &[Term]) -> Result<Term, Exc> {
    Ok(Term::bool(true))
}

pub const TABLE: &[Bif] = &[
    Bif {
        module: "erlang",
        name: "dt_spread_tag",
        arity: 1,
        f: dt_spread_tag1,
    },
    Bif {
        module: "erlang",
        name: "dt_restore_tag",
        arity: 1,
        f: dt_restore_tag1,
    },
    Bif {
        module: "erlang",
        name: "date",
        arity: 0,
        f: date0,
    },
    Bif {
        module: "erlang",
        name: "time",
        arity: 0,
        f: time0,
    },
    Bif {
        module: "erlang",
        name: "localtime",
        arity: 0,
        f: universaltime0,
    },
    Bif {
        module: "erlang",
        name: "universaltime",
        arity: 0,
        f: universaltime0,
    },
    Bif {
        module: "erlang",
        name: "localtime_to_universaltime",
        arity: 2,
        f: local_to_universal2,
    },
    Bif {
        module: "erlang",
        name: "universaltime_to_localtime",
        arity: 1,
        f: convert_dt1,
    },
    Bif {
        module: "erlang",
        name: "universaltime_to_posixtime",
        arity: 1,
        f: universal_to_posix1,
    },
    Bif {
        module: "erlang",
        name: "posixtime_to_universaltime",
        arity: 1,
        f: posix_to_universal1,
    },
    Bif {
        module: "erlang",
        name: "now",
        arity: 0,
        f: now0,
    },
    Bif {
        module: "os",
        name: "perf_counter",
        arity: 0,
        f: perf_counter0,
    },
    Bif {
        module: "erts_internal",
        name: "time_unit",
        arity: 0,
        f: time_unit0,
    },
    Bif {
        module: "erts_internal",
        name: "perf_counter_unit",
        arity: 0,
        f: time_unit0,
    },
    Bif {
        module: "file",
        name: "native_name_encoding",
        arity: 0,
        f: native_name_encoding0,
    },
    Bif {
        module: "unicode",
        name: "bin_is_7bit",
        arity: 1,
        f: bin_is_7bit1,
    },
    Bif {
        module: "erlang",
        name: "is_record",
        arity: 2,
        f: is_record2,
    },
    Bif {
        module: "erlang",
        name: "is_record",
        arity: 3,
        f: is_record3,
    },
    Bif {
        module: "erts_internal",
        name: "cmp_term",
        arity: 2,
        f: cmp_term2,
    },
    Bif {
        module: "erts_internal",
        name: "term_type",
        arity: 1,
        f: term_type1,
    },
    Bif {
        module: "erlang",
        name: "loaded",
        arity: 0,
        f: loaded0,
    },
    Bif {
        module: "erlang",
        name: "pre_loaded",
        arity: 0,
        f: pre_loaded0,
    },
    Bif {
        module: "erlang",
        name: "is_builtin",
        arity: 3,
        f: is_builtin3,
    },
    Bif {
        module: "erlang",
        name: "bump_reductions",
        arity: 1,
        f: true_any,
    },
    Bif {
        module: "erts_internal",
        name: "garbage_collect",
        arity: 1,
        f: true_any,
    },
    Bif {
        module: "erlang",
        name: "system_flag",
        arity: 2,
        f: system_flag2,
    },
    Bif {
        module: "erlang",
        name: "display_string",
        arity: 1,
        f: display_string1,
    },
    Bif {
        module: "erts_internal",
        name: "atomics_new",
        arity: 2,
        f: atomics_new2,
    },
    Bif {
        module: "atomics",
        name: "get",
        arity: 2,
        f: a_get,
    },
    Bif {
        module: "atomics",
        name: "put",
        arity: 3,
        f: a_put,
    },
    Bif {
        module: "atomics",
        name: "add",
        arity: 3,
        f: a_add,
    },
    Bif {
        module: "atomics",
        name: "add_get",
        arity: 3,
        f: a_add_get,
    },
    Bif {
        module: "atomics",
        name: "exchange",
        arity: 3,
        f: a_exchange,
    },
    Bif {
        module: "atomics",
        name: "compare_exchange",
        arity: 4,
        f: a_cmpxchg,
    },
    Bif {
        module: "atomics",
        name: "info",
        arity: 1,
        f: a_info,
    },
    Bif {
        module: "erts_internal",
        name: "counters_new",
        arity: 1,
        f: counters_new1,
    },
    Bif {
        module: "erts_internal",
        name: "counters_get",
        arity: 2,
        f: c_get,
    },
    Bif {
        module: "erts_internal",
        name: "counters_add",
        arity: 3,
        f: c_add,
    },
    Bif {
        module: "erts_internal",
        name: "counters_put",
        arity: 3,
        f: c_put,
    },
    Bif {
        module: "erts_internal",
        name: "counters_info",
        arity: 1,
        f: c_info,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_roundtrip() {
        for days in [-719_468, -1, 0, 1, 10957, 20000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11016), (2000, 2, 29));
    }
}
