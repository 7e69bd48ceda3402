//! Text helpers shared by parsing and searching.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case without accents or ligatures, so that "Réalisée", "realisee"
/// and "RÉALISÉE" compare equal, and "cœur" is found by "coeur": staff type
/// on keyboards that lack capitals with accents and the œ. Compatibility
/// forms are unfolded too (ﬁ, non-breaking spaces), and typographic
/// apostrophes become the plain one, as word processors write "Val’Aïgo".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            '’' | '‘' | 'ʼ' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
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
}
