//! Text measured in terminal columns, wrapped between words. Width is
//! counted with `unicode-width` (an accented letter is one column, a CJK
//! character two), and a cut never falls between a character and the
//! accents that follow it.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns the widest line of `text` takes.
pub fn columns(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
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
        if unit.width() > width {
            unit.split(' ').collect()
        } else {
            vec![unit.as_str()]
        }
    });
    for word in words {
        let mut word = word;
        while word.width() > width {
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            let (head, tail) = cut_word(word, width);
            lines.push(head.to_string());
            word = tail;
        }
        let needed = word.width();
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
    if let Some(at) = after.filter(|&at| head[..at].width() * 2 >= width) {
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
/// a short unit after a number ("+91 j)", "12 €").
fn units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
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
                previous.push(' ');
                previous.push_str(word);
            }
            _ => units.push(word.to_string()),
        }
    }
    units
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
}
