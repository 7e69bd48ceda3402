//! Text helpers shared by parsing, searching and writing.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case without accents or ligatures, so that "Réalisée", "realisee"
/// and "RÉALISÉE" compare equal, and "cœur" is found by "coeur": staff type
/// on keyboards that lack capitals with accents and the œ. Compatibility
/// forms are unfolded too (ﬁ, non-breaking spaces), and typographic
/// apostrophes become the plain one, as word processors write "Val’Aïgo".
///
/// Plan text is mostly ASCII, which folding only lowers: runs of ASCII are
/// copied and lowered at once, and only the other runs are decomposed. Both
/// give the same as decomposing everything, because an ASCII character is
/// never decomposed nor moved past by the marks decomposition reorders.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // A byte below 128 is a whole character in UTF-8: these are char boundaries.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        fold_unicode(&rest[..other], &mut out);
        rest = &rest[other..];
    }
    out
}

/// Folds any text, character by character after a compatibility decomposition.
fn fold_unicode(text: &str, out: &mut String) {
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            '’' | '‘' | 'ʼ' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The longest slug: file names stay short enough to read in a listing.
const SLUG_MAX: usize = 40;

/// A file name from a title: accents folded, lower case, words joined by
/// hyphens, at most six words and forty characters; `fallback` when no
/// letter or digit is left.
pub fn slug(title: &str, fallback: &str) -> String {
    let folded = fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(6)
        .collect();
    let mut slug = String::new();
    for word in words {
        // Words are ASCII here; one longer than the limit is cut to it.
        let word = &word[..word.len().min(SLUG_MAX)];
        if !slug.is_empty() && slug.len() + word.len() + 1 > SLUG_MAX {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// Whether any byte of `bytes` is one `wanted`: looked at 64 bytes at a
/// time, without stopping early, so that the look is vectorised (a bilan
/// of 15 to 30 MB is looked over before it is written).
pub fn any_byte(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> bool {
    bytes
        .chunks(64)
        .any(|block| block.iter().fold(false, |any, &b| any | wanted(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_case_and_ligatures() {
        assert_eq!(fold("Réalisée"), "realisee");
        assert_eq!(fold("ÉCOUTE"), "ecoute");
        assert_eq!(fold("Val’Aïgo"), "val'aigo");
        assert_eq!(fold("Œuvrer au cœur"), "oeuvrer au coeur");
        assert_eq!(fold("ex æquo"), "ex aequo");
        assert_eq!(fold("ﬁn\u{a0}2025"), "fin 2025");
    }

    #[test]
    fn folding_by_runs_gives_what_folding_everything_gives() {
        let samples = [
            "",
            "Plain ASCII, Mixed Case 42",
            "cafe\u{301} CRE\u{300}CHE",
            "\u{301}leading mark",
            "Ünïcödé only",
            "a\u{308}\u{323}b\u{323}\u{308}",
            "ﬁ ﬂ ½ ² ㎏ Ⅻ",
            "İstanbul ΣΊΣΥΦΟΣ",
            "l’ŒUVRE ‘ʼ ß Æ",
        ];
        for sample in samples {
            let mut whole = String::new();
            fold_unicode(sample, &mut whole);
            assert_eq!(fold(sample), whole, "{sample:?}");
        }
    }

    #[test]
    fn slugs_are_short_ascii_words() {
        assert_eq!(
            slug("Créer un lieu d'accueil enfants-parents", "action"),
            "creer-un-lieu-d-accueil-enfants"
        );
        assert_eq!(slug("Été", "action"), "ete");
        assert_eq!(
            slug("Œuvrer au cœur des bourgs", "action"),
            "oeuvrer-au-coeur-des-bourgs"
        );
        assert_eq!(slug("!!!", "action"), "action");
        assert_eq!(slug(&"a".repeat(300), "action"), "a".repeat(40));
    }
}
