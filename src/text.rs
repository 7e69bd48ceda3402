//! Text helpers shared by parsing and searching.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case without accents, so that "Réalisée", "realisee" and
/// "RÉALISÉE" compare equal: staff type on keyboards that lack capitals
/// with accents.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Réalisée"), "realisee");
        assert_eq!(fold("ÉCOUTE"), "ecoute");
        assert_eq!(fold("Val'Aïgo"), "val'aigo");
    }
}
