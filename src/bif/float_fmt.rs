//! Float text conversion exactly as OTP 25 does it, as pure functions on
//! `f64` / bytes (no terms): the layouts behind `float_to_list/1,2` and
//! `float_to_binary/1,2` (`short`, `{decimals, N}` with `compact`,
//! `{scientific, N}`, the 20-digit default) and the syntax check and
//! conversion behind `list_to_float/1` and `binary_to_float/1`.
//!
//! Every formatter returns `None` where OTP raises `badarg`. OTP formats
//! into a 256-byte C buffer, so any text longer than 255 bytes (before
//! `compact` strips zeros) is `badarg`; that is where the documented
//! limits (`decimals` ≤ 253, `scientific` ≤ 249) come from.

/// Longest text OTP's 256-byte buffer holds (one byte is the NUL).
const MAX_LEN: usize = 255;

/// The shortest round-trip decimal digits of a finite, non-negative `f`:
/// `(digits, exponent)` with `f == digits * 10^exponent`, `digits` free of
/// trailing zeros (0.0 gives `(0, 0)`). These are Ryu's `d2d` digits:
/// shortest, and the closest to `f` among the shortest; Rust's `{:e}`
/// produces the same.
fn shortest_digits(f: f64) -> (u64, i32) {
    let s = format!("{:e}", f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: u64 = 0;
    let mut frac = 0;
    let mut seen_dot = false;
    for c in mant.bytes() {
        match c {
            b'.' => seen_dot = true,
            b'0'..=b'9' => {
                digits = digits * 10 + u64::from(c - b'0');
                if seen_dot {
                    frac += 1;
                }
            }
            _ => {}
        }
    }
    let (d, e) = (digits, exp - frac);
    if d % 2 == 1 && is_halfway(f, e) {
        // Rust rounds an exact tie between two shortest candidates up;
        // Ryu (hence OTP) rounds it to the even one.
        let down = d - 1;
        if format!("{}e{}", down, e).parse::<f64>().ok() == Some(f) {
            return (down, e);
        }
    }
    (d, e)
}

/// Whether finite `f > 0` lies exactly halfway between two multiples of
/// `10^e`, i.e. `f = N × 10^(e−1)` with `N ≡ 5 (mod 10)`.
fn is_halfway(f: f64, e: i32) -> bool {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut k) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    k += tz as i32;
    // f = m × 2^k with m odd.
    if k < 0 {
        // Exactly −k decimal places, the last one a 5.
        e == 1 + k
    } else {
        // An integer: N = m × 2^(k−e+1) / 5^(e−1) must be an odd
        // multiple of 5.
        e >= 1 && k == e - 1 && 5u64.checked_pow(e as u32).is_some_and(|p| m % p == 0)
    }
}

fn decimal_len(mut v: u64) -> i32 {
    let mut n = 1;
    while v >= 10 {
        v /= 10;
        n += 1;
    }
    n
}

/// `float_to_list(F, [short])`: the shortest text that reads back as `f`,
/// laid out the way OTP 25's modified Ryu `to_chars` does.
///
/// With `D` the shortest digits (`n` of them) and `E` the exponent such
/// that `f = D × 10^E`, and `S = n − 1 + E` the scientific exponent, the
/// plain layout (`"123.0"`, `"0.001"`) is used when `lower ≤ E ≤ upper`:
///
/// * `n == 1`: `lower = −4`, `upper = 2` (1.0e-4 → `"0.0001"`, 100.0 →
///   `"100.0"`, 1000.0 → `"1.0e3"`, 1.0e-5 → `"1.0e-5"`);
/// * `n > 1` and `S ≥ 10`: `lower = −(n + 2)`, `upper = 2`;
/// * otherwise: `lower = −(n + 2)`, `upper = 1`;
///
/// except that values from 2^53 up stay scientific: `D ≥ 2^53` with
/// `E = 0`, `D > ⌊2^52/5⌋` with `E = 1`, `D > ⌊2^51/25⌋` with `E = 2`.
/// These bounds pick whichever layout is shorter, plain on a tie.
/// Otherwise it is `d.ddd` (at least `d.0`) then `e`, a `-` for negative
/// exponents (never `+`) and the exponent's digits without padding.
pub fn short(f: f64) -> String {
    let neg = f.is_sign_negative();
    let (out, e) = shortest_digits(f.abs());
    let n = decimal_len(out);
    let sci = e + n - 1;
    let (lower, upper) = if n == 1 {
        (-4, 2)
    } else if sci >= 10 {
        (-(n + 2), 2)
    } else {
        (-(n + 2), 1)
    };
    let fixed = lower <= e
        && e <= upper
        && !((out >= 1 << 53 && e == 0)
            || (out > (1u64 << 52) / 5 && e == 1)
            || (out > (1u64 << 51) / 25 && e == 2));
    let digits = out.to_string();
    let mut s = String::with_capacity(32);
    if neg {
        s.push('-');
    }
    if fixed {
        let whole = n + e;
        if e >= 0 {
            s.push_str(&digits);
            s.extend(std::iter::repeat_n('0', e as usize));
            s.push_str(".0");
        } else if whole > 0 {
            let (a, b) = digits.split_at(whole as usize);
            s.push_str(a);
            s.push('.');
            s.push_str(b);
        } else {
            s.push_str("0.");
            s.extend(std::iter::repeat_n('0', (-whole) as usize));
            s.push_str(&digits);
        }
    } else {
        let (first, rest) = digits.split_at(1);
        s.push_str(first);
        s.push('.');
        s.push_str(if rest.is_empty() { "0" } else { rest });
        s.push('e');
        s.push_str(&sci.to_string());
    }
    s
}

/// C's `"%.*e"` (as `float_to_list(F, [{scientific, P}])` and, with
/// `P = 20`, `float_to_list/1`): exact digits rounded half-to-even, an
/// exponent with a sign and at least two digits. A negative precision is
/// C's default of 6. `None` when the text exceeds OTP's buffer.
pub fn scientific(f: f64, precision: i32) -> Option<String> {
    let p = if precision < 0 { 6 } else { precision as usize };
    if p > MAX_LEN {
        return None;
    }
    let r = format!("{:.*e}", p, f);
    let (mant, exp) = r.split_once('e')?;
    let (esign, edigits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    let mut s = String::with_capacity(r.len() + 3);
    s.push_str(mant);
    s.push('e');
    s.push(esign);
    if edigits.len() < 2 {
        s.push('0');
    }
    s.push_str(edigits);
    (s.len() <= MAX_LEN).then_some(s)
}

/// OTP's `find_first_trailing_zero`: drop trailing `'0'`s, but keep one
/// right after a `'.'`. Like OTP it also strips a text without a point
/// (`float_to_list(1.0e20, [{decimals, 0}, compact])` is `"1"`).
fn strip_trailing_zeros(s: &mut String) {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 1 && b[end - 1] == b'0' {
        end -= 1;
    }
    if end > 0 && end < b.len() && b[end - 1] == b'.' {
        end += 1;
    }
    s.truncate(end);
}

/// `float_to_list(F, [{decimals, D}])`, plus `compact`: OTP's
/// `sys_double_to_chars_fast`, quirks included.
///
/// * `D < 0` is `badarg`.
/// * When `|f| > 2^53` or `D ≥ 19`, it is C's `"%.*f"` (exact, ties to
///   even); `compact` then strips trailing zeros even when there is no
///   decimal point.
/// * Otherwise the integer part is `floor(|f|)` and the fraction is
///   `round((|f| − floor(|f|)) × 10^D)` computed in doubles, rounding
///   half away from zero (0.125 with 2 decimals is `"0.13"`, which `%f`
///   would print as `"0.12"`); `D = 0` is `lround(|f|)`. `compact` strips
///   trailing fraction zeros (keeping one) only when `D > 0`.
///
/// The sign is the float's sign bit (−0.0 prints as `"-0.00"`).
pub fn fixed(f: f64, decimals: i32, compact: bool) -> Option<String> {
    const POW10: [f64; 19] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18,
    ];
    if decimals < 0 {
        return None;
    }
    let d = decimals as usize;
    let af = f.abs();
    if af > 9007199254740992.0 || d >= POW10.len() {
        if d > MAX_LEN {
            return None;
        }
        let mut s = format!("{:.*}", d, f);
        if s.len() > MAX_LEN {
            return None;
        }
        if compact {
            strip_trailing_zeros(&mut s);
        }
        return Some(s);
    }
    let mut s = String::with_capacity(40);
    if f.is_sign_negative() {
        s.push('-');
    }
    if d > 0 {
        let int_f = af.floor();
        let frac_f = ((af - int_f) * POW10[d]).round();
        let mut int_part = int_f as u64;
        let mut frac_part = frac_f as u64;
        if frac_f >= POW10[d] {
            int_part += 1;
            frac_part = 0;
        }
        s.push_str(&int_part.to_string());
        s.push('.');
        s.push_str(&format!("{:0width$}", frac_part, width = d));
        if compact {
            strip_trailing_zeros(&mut s);
        }
    } else {
        s.push_str(&(af.round() as u64).to_string());
    }
    Some(s)
}

/// `list_to_float` / `binary_to_float` on the text's bytes: OTP's
/// `sys_chars_to_double`. The text (up to its first NUL byte, as in C)
/// must be `[+-]digits(.|,)digits` optionally followed by
/// `(e|E)[+-]digits`; a `,` works as the decimal point. Overflow to
/// infinity is `None`; underflow gives (signed) zero.
pub fn parse(bytes: &[u8]) -> Option<f64> {
    let text = match bytes.iter().position(|&b| b == 0) {
        Some(i) => &bytes[..i],
        None => bytes,
    };
    let mut i = 0;
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let digits = |mut i: usize| {
        while at(i).is_ascii_digit() {
            i += 1;
        }
        i
    };
    if at(i) == b'+' || at(i) == b'-' {
        i += 1;
    }
    if !at(i).is_ascii_digit() {
        return None;
    }
    i = digits(i);
    if at(i) != b'.' && at(i) != b',' {
        return None;
    }
    i += 1;
    if !at(i).is_ascii_digit() {
        return None;
    }
    i = digits(i);
    if at(i) == b'e' || at(i) == b'E' {
        i += 1;
        if at(i) == b'+' || at(i) == b'-' {
            i += 1;
        }
        if !at(i).is_ascii_digit() {
            return None;
        }
        i = digits(i);
    }
    if i != text.len() {
        return None;
    }
    let s: String = text
        .iter()
        .map(|&b| if b == b',' { '.' } else { b as char })
        .collect();
    let v: f64 = s.parse().ok()?;
    v.is_finite().then_some(v)
}

#[cfg(test)]
// Tables hold OTP's own outputs verbatim, digits and all.
#[allow(clippy::approx_constant, clippy::excessive_precision)]
mod tests {
    use super::*;

    /// `float_to_list(F, [short])` in OTP 25. Expectations printed by:
    /// erl -noshell -eval 'L = [0.1, 1.0e10, ...],
    ///   io:format("~s~n", [[io_lib:format("(~w, \"~s\"),~n",
    ///     [F, float_to_list(F,[short])]) || F <- L]]), halt().'
    /// (the floats are exactly this table's first column).
    #[test]
    fn short_matches_otp() {
        #[rustfmt::skip]
        let cases: &[(f64, &str)] = &[
(0.1, "0.1"),
        (1.0e10, "1.0e10"),
        (1.0e-10, "1.0e-10"),
        (123.0, "123.0"),
        (1.0e16, "1.0e16"),
        (2.5e-5, "2.5e-5"),
        (1.2345678901234567e19, "1.2345678901234567e19"),
        (-0.0, "-0.0"),
        (0.0, "0.0"),
        (1.0, "1.0"),
        (-1.0, "-1.0"),
        (100.0, "100.0"),
        (1.0e3, "1.0e3"),
        (0.0001, "0.0001"),
        (1.0e-5, "1.0e-5"),
        (0.001234, "0.001234"),
        (1.234e-4, "1.234e-4"),
        (1.234e-5, "1.234e-5"),
        (1234.0, "1234.0"),
        (12340.0, "12340.0"),
        (1.234e5, "1.234e5"),
        (1.5, "1.5"),
        (12.5, "12.5"),
        (1234567.0, "1234567.0"),
        (123456789.0, "123456789.0"),
        (1234567890.0, "1234567890.0"),
        (12345678900.0, "12345678900.0"),
        (1.23456789e11, "1.23456789e11"),
        (1.23456789e15, "1.23456789e15"),
        (9007199254740991.0, "9007199254740991.0"),
        (9.007199254740992e15, "9.007199254740992e15"),
        (9.007199254740994e15, "9.007199254740994e15"),
        (1.8014398509481984e16, "1.8014398509481984e16"),
        (4503599627370496.0, "4503599627370496.0"),
        (4.503599627470496e16, "4.503599627470496e16"),
        (9007199254740990.0, "9007199254740990.0"),
        (9.00719925474099e16, "9.00719925474099e16"),
        (9.00719925474099e16, "9.00719925474099e16"),
        (900719925474099.0, "900719925474099.0"),
        (9.00719925474099e16, "9.00719925474099e16"),
        (1.7976931348623157e308, "1.7976931348623157e308"),
        (-1.7976931348623157e308, "-1.7976931348623157e308"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (2.225073858507201e-308, "2.225073858507201e-308"),
        (5.0e-324, "5.0e-324"),
        (-5.0e-324, "-5.0e-324"),
        (1.0e-320, "1.0e-320"),
        (1.23e-315, "1.23e-315"),
        (5.0e-324, "5.0e-324"),
        (1.0e-300, "1.0e-300"),
        (1.0e-100, "1.0e-100"),
        (1.0e-50, "1.0e-50"),
        (1.0e-20, "1.0e-20"),
        (1.0e-5, "1.0e-5"),
        (1.0e5, "1.0e5"),
        (1.0e20, "1.0e20"),
        (1.0e50, "1.0e50"),
        (1.0e100, "1.0e100"),
        (1.0e200, "1.0e200"),
        (1.0e300, "1.0e300"),
        (1.0e308, "1.0e308"),
        (1.0e23, "1.0e23"),
        (3.141592653589793, "3.141592653589793"),
        (-2.718281828459045, "-2.718281828459045"),
        (0.3, "0.3"),
        (0.6666666666666666, "0.6666666666666666"),
        (-0.3333333333333333, "-0.3333333333333333"),
        (1059438285926254.2, "1059438285926254.2"),
        (123456.789, "123456.789"),
        (-98765.4321, "-98765.4321"),
        (0.5, "0.5"),
        (0.25, "0.25"),
        (0.125, "0.125"),
        (1.0e15, "1.0e15"),
        (1.0e3, "1.0e3"),
        (100.0, "100.0"),
        (12.0, "12.0"),
        (120.0, "120.0"),
        (1.2e3, "1.2e3"),
        (1.2e4, "1.2e4"),
        (1.2e-4, "1.2e-4"),
        (1.2e-5, "1.2e-5"),
        (0.0012, "0.0012"),
        (1.0e9, "1.0e9"),
        (1.0e11, "1.0e11"),
        (1.5e9, "1.5e9"),
        (1.5e10, "1.5e10"),
        (1.5e11, "1.5e11"),
        (123456789012.0, "123456789012.0"),
        (1.0e23, "1.0e23"),
        (5.0e-5, "5.0e-5"),
        (-6.02214076e23, "-6.02214076e23"),
        (6.62607015e-34, "6.62607015e-34"),

        ];
        assert!(cases.len() >= 60);
        for (f, want) in cases {
            assert_eq!(short(*f), *want, "{:e}", f);
        }
    }

    /// Exact ties between two shortest candidates go to the even digit
    /// (Ryu), where Rust's own shortest formatting rounds up.
    #[test]
    fn short_ties_to_even() {
        assert_eq!(short(1059438285926254.25), "1059438285926254.2");
        assert_eq!(short(-1059438285926254.25), "-1059438285926254.2");
    }

    /// `list_to_float/1` in OTP 25 (bytes → `Some(value)` or `None` for
    /// badarg). Expectations printed by:
    /// erl -noshell -eval 'L = ["1.0", "-1.5e3", ...],
    ///   [io:format("(b\"~s\", ~p)~n", [S, catch list_to_float(S)])
    ///     || S <- L], halt().'
    #[test]
    fn parse_matches_otp() {
        #[rustfmt::skip]
        let cases: &[(&[u8], Option<f64>)] = &[
            (b"1.0", Some(1.0)),
            (b"-1.5e3", Some(-1.5e3)),
            (b"1.0E-3", Some(0.001)),
            (b"1", None),
            (b"1e3", None),
            (b".5", None),
            (b"1.", None),
            (b"1,5", Some(1.5)),
            (b"+1.5", Some(1.5)),
            (b"+-1.5", None),
            (b"1.5e", None),
            (b"1.5e+", None),
            (b"1.5e+3", Some(1.5e3)),
            (b"1.5e-0003", Some(0.0015)),
            (b"1.0e309", None),
            (b"1.0e308", Some(1.0e308)),
            (b"1.0e-400", Some(0.0)),
            (b"1.0e-320", Some(1.0e-320)),
            (b"-1.0e-400", Some(-0.0)),
            (b" 1.0", None),
            (b"1.0 ", None),
            (b"1.0\0x", Some(1.0)),
            (b"01.50", Some(1.5)),
            (b"1.5x", None),
            (b"", None),
            (b"-", None),
            (b"1.5ee3", None),
            (b"1.5e3.0", None),
            (b"-0.0", Some(-0.0)),
            (b"1.0e2147483648", None),
            (b"1.0e-99999999999999999999", Some(0.0)),
            (b"0.0000000000000000000000000000000000000000000000000000000000000000000001e400", None),
            (b"2.4703282292062327e-324", Some(0.0)),
            (b"2.4703282292062328e-324", Some(5.0e-324)),
            (b"1.7976931348623158e308", Some(1.7976931348623157e308)),
            (b"1.7976931348623159e308", None),
            (b"0.1e1", Some(1.0)),
            (b"00.00", Some(0.0)),
            (b"1.5E+2", Some(150.0)),
            (b"1,5e2", Some(150.0)),
            (b"1.5,5", None),
            (b"\0", None),
        ];
        for (text, want) in cases {
            let got = parse(text);
            assert_eq!(
                got.map(f64::to_bits),
                want.map(f64::to_bits),
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn strip_zeros_like_otp() {
        for (s, want) in [
            ("1.000", "1.0"),
            ("1.250", "1.25"),
            ("100", "1"),
            ("-0.00", "-0.0"),
        ] {
            let mut s = s.to_string();
            strip_trailing_zeros(&mut s);
            assert_eq!(s, want);
        }
    }

    #[test]
    fn huge_precision_is_rejected_cheaply() {
        assert_eq!(scientific(1.0, i32::MAX), None);
        assert_eq!(fixed(1.0, i32::MAX, false), None);
        assert_eq!(fixed(1.0, i32::MIN, true), None);
        assert_eq!(scientific(1.0, i32::MIN).as_deref(), Some("1.000000e+00"));
    }
}
