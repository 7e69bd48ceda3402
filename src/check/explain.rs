//! Rules for people: `ctg check --explain CODE`, and the table of
//! `docs/rules.md`, both made from the registry.

use crate::diag::{Rule, Severity};
use crate::i18n::{Lang, Msg};

/// What `--explain` prints: the code and its level, what the rule finds,
/// an example of a fix, and how its level may change for a run.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let heading = match (rule.format, rule.severity) {
        (true, _) => Msg::ExplainFormat,
        (false, Severity::Error) => Msg::ExplainError,
        (false, Severity::Warning) => Msg::ExplainWarning,
    };
    let levels = match (rule.format, rule.severity) {
        (true, _) => lang.text(Msg::ExplainLocked).to_string(),
        (false, Severity::Error) => lang.fill(Msg::ExplainLowerable, &[&rule.code]),
        (false, Severity::Warning) => lang.fill(Msg::ExplainRaisable, &[&rule.code]),
    };
    let fix: Vec<String> = rule
        .fix
        .get(lang)
        .lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("    {line}")
            }
        })
        .collect();
    format!(
        "{}\n\n{}\n\n{}\n{}\n\n{levels}\n",
        lang.fill(heading, &[&rule.code]),
        rule.explanation.get(lang),
        lang.text(Msg::ExplainFix),
        fix.join("\n"),
    )
}

/// The text of `docs/rules.md`: every rule of the registry, in both languages.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Rules of `ctg check` — Règles de `ctg check`\n\n\
         <!-- Made from the registry of src/check.rs by a test: do not edit by hand.\n     \
         CTG_BLESS=1 cargo test --test cli docs_rules rewrites it. -->\n\n\
         Every rule has a stable code. `ctg check --explain CODE` prints its \
         explanation and an example of a fix, in the language of `--lang`. For one \
         run, `--deny CODE` makes its diagnostics errors, `--warn CODE` warnings, and \
         `--allow CODE` silences them; the rules of the file format cannot be lowered, \
         since no command can read a plan that breaks them.\n\n\
         Chaque règle a un code stable. `ctg check --explain CODE` affiche son \
         explication et un exemple de correction, dans la langue de `--lang`. Le temps \
         d'une exécution, `--deny CODE` fait de ses diagnostics des erreurs, \
         `--warn CODE` des avertissements, et `--allow CODE` les fait taire ; les \
         règles du format des fichiers ne peuvent pas être abaissées, car aucune \
         commande ne peut lire un plan qui les enfreint.\n\n\
         | Code | Level — Niveau | Format rule — Règle du format | Explanation | Explication |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    for rule in super::rules() {
        let level = match rule.severity {
            Severity::Error => "error — erreur",
            Severity::Warning => "warning — avertissement",
        };
        let format = if rule.format { "✓" } else { "" };
        out.push_str(&format!(
            "| `{}` | {level} | {format} | {} | {} |\n",
            rule.code,
            cell(rule.explanation.get(Lang::En)),
            cell(rule.explanation.get(Lang::Fr)),
        ));
    }
    out
}

/// Text that a markdown table cell holds as it is.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::journal::JOURNAL_ORDER;

    #[test]
    fn explain_gives_level_explanation_fix_and_options() {
        let text = explain(&JOURNAL_ORDER, Lang::En);
        assert!(
            text.starts_with("journal-order: warning by default\n\n"),
            "{text}"
        );
        assert!(text.contains("\n\nExample of a fix:\n    # move"), "{text}");
        assert!(
            text.ends_with("--allow journal-order silences them.\n"),
            "{text}"
        );
    }

    #[test]
    fn every_rule_has_a_table_row() {
        let table = markdown();
        for rule in crate::check::rules() {
            assert!(table.contains(&format!("| `{}` |", rule.code)));
        }
    }
}
