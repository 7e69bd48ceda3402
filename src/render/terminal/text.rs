//! Text measured in terminal columns: wrapped between words, or shortened
//! with "…". Width is counted with `unicode-width` (an accented letter is
//! one column, a CJK character two), and a cut never falls between a
//! character and the accents that follow it.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes. Its start in printable ASCII, most of a line
/// even of French, takes one column a byte, counted without looking each
/// character up; the rest is measured by `unicode-width`, with the last
/// ASCII character, which what follows may change ("1" and a keycap).
pub fn width(text: &str) -> usize {
    let ascii = text.bytes().take_while(|byte| (b' '..=b'~').contains(byte));
    let plain = ascii.count().saturating_sub(1);
    plain + UnicodeWidthStr::width(&text[plain..])
}

/// The columns the widest line of `text` takes.
pub fn columns(text: &str) -> usize {
    text.lines().map(width).max().unwrap_or(0)
}

/// The columns the widest word of `text` takes: what a column wrapped
/// between words needs at least.
pub fn widest_word(text: &str) -> usize {
    text.split(' ').map(width).max().unwrap_or(0)
}

/// Lines of at most `width` columns, broken at spaces. A no-break space
/// holds its neighbours together ("42 %"). A line that fits is kept as it
/// is; a single word wider than a line is the only thing ever cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    if columns(text) <= width {
        return vec![text.to_string()];
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let units = units(text);
    // A unit wider than a line is broken between its words after all.
    let words = units.iter().flat_map(|unit| {
        let (whole, words) = if self::width(unit) > width {
            (None, Some(unit.split(' ')))
        } else {
            (Some(unit.as_ref()), None)
        };
        whole.into_iter().chain(words.into_iter().flatten())
    });
    for word in words {
        let mut word = word;
        while self::width(word) > width {
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            let (head, tail) = cut_word(word, width);
            lines.push(head.to_string());
            word = tail;
        }
        let needed = self::width(word);
        if used > 0 && used + 1 + needed > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += needed;
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A word too wide for a line, cut: after a separator of a path or a
/// reference ("actions/", "toml:") when one falls in the second half of the
/// line, else at the width but never between two digits.
fn cut_word(word: &str, width: usize) -> (&str, &str) {
    let (head, tail) = split_at_width(word, width);
    let after = head.rfind(['/', '-', '.', ':', '_']).map(|at| at + 1);
    if let Some(at) = after.filter(|&at| self::width(&head[..at]) * 2 >= width) {
        return word.split_at(at);
    }
    let whole = head.trim_end_matches(|c: char| c.is_ascii_digit());
    if tail.starts_with(|c: char| c.is_ascii_digit()) && !whole.is_empty() {
        return word.split_at(whole.len());
    }
    (head, tail)
}

/// The words of `text`, with what must not begin a line held to the word
/// before it: the French spaced punctuation ("2024 : 20", "« oui »") and
/// a short unit after a number ("+91 j)", "12 €"). Most are one word,
/// borrowed from the text; a word held to the one before makes that one
/// a string of its own.
fn units(text: &str) -> Vec<Cow<'_, str>> {
    let mut units: Vec<Cow<'_, str>> = Vec::new();
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        let glued = match units.last() {
            Some(previous) => {
                let unit = word.trim_end_matches([')', ',', '.', ';']).chars().count() <= 2
                    && previous.ends_with(|c: char| c.is_ascii_digit());
                word.starts_with([':', ';', '!', '?', '»']) || previous.ends_with('«') || unit
            }
            None => false,
        };
        match units.last_mut() {
            Some(previous) if glued => {
                let previous = previous.to_mut();
                previous.push(' ');
                previous.push_str(word);
            }
            _ => units.push(Cow::Borrowed(word)),
        }
    }
    units
}

/// `text` in at most `width` columns: whole, or cut and ended with "…".
/// The cut falls after a word when that keeps most of the room, and never
/// inside a number, a date or a range; a number is not left last either.
pub fn shorten(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let room = width - 1;
    let (head, tail) = split_at_width(text, room);
    let at_space = head.rfind(' ').map(|at| &head[..at]);
    let word_cut = !tail.starts_with(' ') && !head.ends_with(' ');
    let cut_word =
        head.rsplit(' ').next().unwrap_or("").to_string() + tail.split(' ').next().unwrap_or("");
    let keep = match at_space {
        Some(before) if word_cut && is_number(&cut_word) => before,
        Some(before) if word_cut && self::width(before) * 3 >= room * 2 => before,
        _ if tail.starts_with(|c: char| c.is_ascii_digit()) => {
            head.trim_end_matches(|c: char| c.is_ascii_digit())
        }
        _ => head,
    };
    let keep = keep.trim_end_matches([' ', ',', ';', ':', '—', '–', '-', '(', '·', '/']);
    // "Total (4…" would read as a number cut: the number goes too.
    let keep = match keep.rsplit_once(' ') {
        Some((before, last)) if is_number(last) => before,
        _ => keep,
    };
    format!("{keep}…")
}

/// Whether a word is a number, a date, a fraction or a range ("15/67",
/// "31/03/2025", "15–17", "+91"): digits and the signs between them.
fn is_number(word: &str) -> bool {
    word.contains(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || "/.,:–-+%()\u{a0}".contains(c))
}

/// The longest start of `text` that takes at most `width` columns, with the
/// accents of its last letter, and the rest.
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        let needed = c.width().unwrap_or(0);
        if needed > 0 && used + needed > width {
            return text.split_at(at);
        }
        used += needed;
    }
    (text, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_between_words_only() {
        assert_eq!(wrap("un deux trois", 20), ["un deux trois"]);
        assert_eq!(wrap("un deux trois", 8), ["un deux", "trois"]);
        assert_eq!(wrap("1–4, 6–9, 15–17", 9), ["1–4, 6–9,", "15–17"]);
        assert_eq!(
            wrap("avancement 42\u{a0}%", 12),
            ["avancement", "42\u{a0}%"]
        );
        assert_eq!(wrap("anticonstitutionnellement", 10).len(), 3);
        assert_eq!(wrap("offre.toml:3:15:", 13), ["offre.toml:3:", "15:"]);
        assert_eq!(wrap("1234567890", 4), ["1234", "5678", "90"]);
        assert_eq!(wrap("ab12345", 4), ["ab", "1234", "5"]);
        assert_eq!(wrap("valeurs 2024 : 20", 13), ["valeurs", "2024 : 20"]);
        assert_eq!(wrap("échéance (+91 j)", 10), ["échéance", "(+91 j)"]);
    }

    #[test]
    fn shortening_ends_with_an_ellipsis_within_the_width() {
        let title = "Renforcer la collaboration entre la CCVA et les communes";
        assert_eq!(shorten(title, 80), title);
        assert_eq!(shorten(title, 30), "Renforcer la collaboration…");
        assert_eq!(shorten("Parentalité", 8), "Parenta…");
        assert_eq!(shorten("Parentalité", 11), "Parentalité");
        for width in 1..title.len() {
            assert!(self::width(&shorten(title, width)) <= width, "{width}");
        }
    }

    #[test]
    fn a_number_is_never_cut() {
        assert_eq!(
            shorten("Bilan de la période 2025-2028", 26),
            "Bilan de la période…"
        );
        assert_eq!(shorten("Actions 15/67", 11), "Actions…");
        assert_eq!(
            shorten("actions/02-ecoute.toml:4:10: statut", 22),
            "actions/02-ecoute.tom…"
        );
        assert_eq!(shorten("fichier.toml:4:10: statut", 16), "fichier.toml:4…");
        assert_eq!(shorten("Total (4 plans)", 10), "Total…");
    }

    #[test]
    fn width_counts_a_printable_ascii_start_by_bytes_and_the_rest_by_unicode() {
        for text in [
            "",
            "Parentalité",
            "CCVA 2024",
            "a\tb",
            "漢字",
            "\u{7f}x",
            "42\u{a0}%",
            "Val'Aïgo",
            "avancement 1\u{fe0f}\u{20e3}",
            "CCVA\u{301}",
            "2024 漢字 ok",
        ] {
            assert_eq!(width(text), UnicodeWidthStr::width(text), "{text:?}");
        }
        assert_eq!(width("Val'Aïgo"), 8);
        assert_eq!(width("漢字"), 4);
    }

    #[test]
    fn accents_stay_with_their_letter_and_wide_characters_count_double() {
        let decomposed = "Parentalite\u{301} et familles";
        assert!(shorten(decomposed, 12).starts_with("Parentalite\u{301}"));
        assert_eq!(columns("漢字"), 4);
        assert_eq!(shorten("漢字漢字", 5), "漢字…");
    }
}
