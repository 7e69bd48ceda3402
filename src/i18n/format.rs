//! Dates, numbers and shares as people of each language write them.

use chrono::{Datelike, NaiveDate};

use super::Lang;

/// A date as people type it: 2026-12-31 (as TOML and ISO write it) or
/// 31/12/2026 (as French people do, and as `ctg` prints dates in French).
/// Years have four digits, so that every date read can be written in TOML.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()?;
    (1000..=9999).contains(&date.year()).then_some(date)
}

impl Lang {
    /// A date as people of this language write it in a table: 30/11/2023 or 2023-11-30.
    pub fn short_date(self, date: NaiveDate) -> String {
        let mut out = String::with_capacity(10);
        self.push_short_date(&mut out, date);
        out
    }

    /// `short_date`, written at the end of `out`.
    pub fn push_short_date(self, out: &mut String, date: NaiveDate) {
        let (year, month, day) = (date.year(), date.month(), date.day());
        // Digit by digit: chrono reads its format string on every call, and
        // the formatting machinery costs ten times as much, for some 100,000
        // dates in a large bilan. Its `%Y` signs the years outside 0–9999:
        // those are left to it.
        if !(0..=9999).contains(&year) {
            out.push_str(&self.short_date_by_chrono(date));
            return;
        }
        let year = year as u32;
        // Day first in French, year first in English; the month between.
        let (first, separator, last) = match self {
            Lang::Fr => ((day, 2), '/', (year, 4)),
            Lang::En => ((year, 4), '-', (day, 2)),
        };
        push_digits(out, first.0, first.1);
        out.push(separator);
        push_digits(out, month, 2);
        out.push(separator);
        push_digits(out, last.0, last.1);
    }

    fn short_date_by_chrono(self, date: NaiveDate) -> String {
        match self {
            Lang::Fr => date.format("%d/%m/%Y").to_string(),
            Lang::En => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// A date written out in words: "30 novembre 2023" or "30 November 2023".
    pub fn long_date(self, date: NaiveDate) -> String {
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        match self {
            Lang::Fr => {
                let day = date.day();
                let day = if day == 1 {
                    "1er".to_string()
                } else {
                    day.to_string()
                };
                format!("{day} {} {}", FR[date.month0() as usize], date.year())
            }
            Lang::En => date.format("%-d %B %Y").to_string(),
        }
    }

    /// A number as people of the language write it: 12,5 or 12.5.
    pub fn number(self, value: f64) -> String {
        decimal(value, self == Lang::Fr)
    }

    /// An amount of euros as people read it: "12 500 €" in French (a narrow
    /// space between thousands), "€12,500" in English; cents only when there
    /// are some.
    pub fn euros(self, amount: f64) -> String {
        let cents = (amount * 100.0).round() as i64;
        let (whole, fraction) = (cents.unsigned_abs() / 100, cents.unsigned_abs() % 100);
        let (separator, comma) = match self {
            Lang::Fr => ("\u{202f}", ','),
            Lang::En => (",", '.'),
        };
        let mut out = String::with_capacity(24);
        if cents < 0 {
            out.push('-');
        }
        if self == Lang::En {
            out.push('€');
        }
        let mut digits = itoa::Buffer::new();
        let digits = digits.format(whole);
        for (index, digit) in digits.char_indices() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(digit);
        }
        if fraction != 0 {
            out.push(comma);
            push_digits(&mut out, fraction as u32, 2);
        }
        if self == Lang::Fr {
            out.push_str("\u{a0}€");
        }
        out
    }

    /// A share between 0 and 1 as a whole percentage: "42 %" in French, "42%" in English.
    pub fn percent(self, share: f64) -> String {
        let value = (share * 100.0).round() as i64;
        let mut out = String::with_capacity(8);
        out.push_str(itoa::Buffer::new().format(value));
        if self == Lang::Fr {
            out.push('\u{a0}');
        }
        out.push('%');
        out
    }
}

/// The last `width` decimal digits of `value`, zeros in front.
fn push_digits(out: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = value / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// A number with at most four decimals, with a decimal comma or point:
/// the one way every output writes a number that is not whole.
pub fn decimal(value: f64, comma: bool) -> String {
    let rounded = (value * 10_000.0).round() / 10_000.0;
    // A whole number, as most figures of a plan are, is written as an
    // integer, for a tenth of the cost; -0 and numbers past 2^53 are left
    // to the float's own writing.
    let negative_zero = rounded == 0.0 && rounded.is_sign_negative();
    if rounded.fract() == 0.0 && rounded.abs() < 9.0e15 && !negative_zero {
        return itoa::Buffer::new().format(rounded as i64).to_string();
    }
    let mut text = rounded.to_string();
    if let (true, Some(point)) = (comma, text.find('.')) {
        text.replace_range(point..=point, ",");
    }
    text
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::i18n::Lang;

    /// Numbers of every kind read as the float's own writing, rounded to
    /// four decimals, with a comma in French.
    #[test]
    fn numbers_read_as_the_float_writes_them() {
        let by_float = |value: f64, comma: bool| {
            let text = format!("{}", (value * 10_000.0).round() / 10_000.0);
            if comma { text.replace('.', ",") } else { text }
        };
        let mut values = vec![
            0.0,
            -0.0,
            -0.00001,
            0.00004,
            0.00005,
            1.5,
            -2.25,
            1e15,
            9.0e15,
            1e16,
            -1e17,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        values.extend((-3000..3000).map(|n| f64::from(n) * 0.37));
        values.extend((-3000..3000).map(f64::from));
        for value in values {
            for comma in [true, false] {
                assert_eq!(
                    super::decimal(value, comma),
                    by_float(value, comma),
                    "{value:?}"
                );
            }
        }
    }

    /// Every day of a few years, and the ends of chrono's calendar: the
    /// date written directly reads as chrono writes it.
    #[test]
    fn short_dates_read_as_chrono_writes_them() {
        let days = (-1..3)
            .chain(1999..2002)
            .chain(9998..10_001)
            .flat_map(|year| {
                NaiveDate::from_ymd_opt(year, 1, 1)
                    .unwrap()
                    .iter_days()
                    .take(366)
            });
        let ends = [NaiveDate::MIN, NaiveDate::MAX];
        for date in days.chain(ends) {
            for lang in [Lang::Fr, Lang::En] {
                assert_eq!(
                    lang.short_date(date),
                    lang.short_date_by_chrono(date),
                    "{date:?}"
                );
            }
        }
    }

    /// Amounts and shares written digit by digit read as the formatting
    /// machinery writes them: sign, groups of three, cents, symbol.
    #[test]
    fn amounts_and_shares_read_as_format_writes_them() {
        let by_format = |amount: f64, lang: Lang| {
            let cents = (amount * 100.0).round() as i64;
            let sign = if cents < 0 { "-" } else { "" };
            let (whole, fraction) = (cents.abs() / 100, cents.abs() % 100);
            let digits = whole.to_string();
            let separator = if lang == Lang::Fr { "\u{202f}" } else { "," };
            let mut grouped = String::new();
            for (index, digit) in digits.chars().enumerate() {
                if index > 0 && (digits.len() - index).is_multiple_of(3) {
                    grouped.push_str(separator);
                }
                grouped.push(digit);
            }
            match (lang, fraction) {
                (Lang::Fr, 0) => format!("{sign}{grouped}\u{a0}€"),
                (Lang::Fr, f) => format!("{sign}{grouped},{f:02}\u{a0}€"),
                (Lang::En, 0) => format!("{sign}€{grouped}"),
                (Lang::En, f) => format!("{sign}€{grouped}.{f:02}"),
            }
        };
        let mut amounts = vec![
            0.0,
            -0.0,
            0.004,
            0.005,
            -0.01,
            999.99,
            1000.0,
            -1234567.891,
            1e15,
        ];
        amounts.extend((-2000..2000).map(|n| f64::from(n) * 123.457));
        for amount in amounts {
            for lang in [Lang::Fr, Lang::En] {
                assert_eq!(lang.euros(amount), by_format(amount, lang), "{amount:?}");
            }
        }
        for share in (-20..220).map(|n| f64::from(n) / 100.0 + 0.004) {
            assert_eq!(
                Lang::Fr.percent(share),
                format!("{}\u{a0}%", (share * 100.0).round() as i64)
            );
            assert_eq!(
                Lang::En.percent(share),
                format!("{}%", (share * 100.0).round() as i64)
            );
        }
    }
}
