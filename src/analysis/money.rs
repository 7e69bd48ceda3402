//! The words of the plan's money, and how an amount of euros reads.

use crate::i18n::Lang;

crate::i18n::catalogue! {
    /// The words of budgets, spending and financers.
    pub enum MoneyMsg {
        FieldSpent => "Dépenses", "Spending";
        FieldFinancers => "Financeurs", "Financers";
        EditBudget => "action {0} : budget prévu {1} → {2}", "action {0}: planned budget {1} → {2}";
        EditBudgetRemoved => "action {0} : budget prévu retiré ({1})", "action {0}: planned budget removed ({1})";
        EditNoBudget => "action {0} : pas de budget prévu, rien ne change", "action {0}: no planned budget, nothing changes";
        EditFinancer => "action {0} : financeur {1} {2} → {3}", "action {0}: financer {1} {2} → {3}";
        EditFinancerRemoved => "action {0} : financeur {1} retiré ({2})", "action {0}: financer {1} removed ({2})";
        EditNoFinancer => "action {0} : {1} n'est pas financeur, rien ne change", "action {0}: {1} is not a financer, nothing changes";
        EditSpent => "action {0} : dépensé en {1} {2} → {3}", "action {0}: spent in {1} {2} → {3}";
        EditSpentRemoved => "action {0} : dépenses de {1} retirées ({2})", "action {0}: spending of {1} removed ({2})";
        EditNoSpent => "action {0} : pas de dépenses en {1}, rien ne change", "action {0}: no spending in {1}, nothing changes";
        ParseFinancer => "« {0} » : écrivez ACTEUR=MONTANT, par exemple Caf=5000", "`{0}`: write ACTOR=AMOUNT, for example Caf=5000";
        ParseSpent => "« {0} » : écrivez ANNÉE=MONTANT, par exemple 2025=4200", "`{0}`: write YEAR=AMOUNT, for example 2025=4200";
    }
}

/// An amount of euros as people read it (`Lang::euros`).
pub fn euros(amount: f64, lang: Lang) -> String {
    lang.euros(amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_exists_in_both_languages() {
        crate::i18n::tests::assert_complete(MoneyMsg::ALL);
    }

    #[test]
    fn amounts_read_as_people_write_them() {
        assert_eq!(euros(12500.0, Lang::Fr), "12\u{202f}500\u{a0}€");
        assert_eq!(euros(12500.5, Lang::En), "€12,500.50");
        assert_eq!(euros(0.0, Lang::Fr), "0\u{a0}€");
        assert_eq!(euros(999.0, Lang::En), "€999");
        assert_eq!(euros(1_234_567.0, Lang::En), "€1,234,567");
    }
}
