//! The words of the bilan that only `ctg report` uses.

crate::i18n::catalogue! {
    /// The bilan's own words: its overview, its financing, its folded sections.
    pub enum BilanMsg {
        Contents => "Sommaire", "Contents";
        Overview => "Vue d'ensemble des actions", "Overview of the actions";
        ColModalities => "Modalités", "Modalities";
        Missing => "Non renseigné : {0}.", "Not given: {0}.";
        MissingDue => "échéance pour {0} {0?action|actions}", "due date for {0} {0?action|actions}";
        MissingPilot => "pilote pour {0} {0?action|actions}", "pilot for {0} {0?action|actions}";
        MissingBudget => "budget prévu pour {0} {0?action|actions}", "planned budget for {0} {0?action|actions}";
        MissingFinancers => "financeurs pour {0} {0?action|actions}", "financers for {0} {0?action|actions}";
        Financing => "Financement", "Financing";
        NoMoney => "Aucun montant n'est renseigné (budget prévu, dépenses, financeurs) : « ctg set N --budget … --financer Caf=… --spent {0}=… » les inscrit.", "No amount is given (planned budget, spending, financers): \"ctg set N --budget … --financer Caf=… --spent {0}=…\" records them.";
        MoneyFigures => "Budget prévu : {0} ; dépensé sur la période : {1} ; financements inscrits : {2}.", "Planned budget: {0}; spent in the period: {1}; financing recorded: {2}.";
        CafShare => "Part de la Caf ({0}) : {1}, soit {2} des financements inscrits.", "Share of the Caf ({0}): {1}, that is {2} of the financing recorded.";
        NoCaf => "Aucun acteur n'est la Caf (caf = true dans ctg.toml) : sa part ne peut être calculée.", "No actor is the Caf (caf = true in ctg.toml): its share cannot be computed.";
        ByAxis => "Par axe", "By axis";
        ByFinancer => "Par financeur", "By financer";
        ColPlanned => "Prévu", "Planned";
        ColSpent => "Dépensé sur la période", "Spent in the period";
        ColFinanced => "Financements", "Financing";
        ColCaf => "dont Caf", "of which Caf";
        ColFinancer => "Financeur", "Financer";
        ColAmount => "Montant", "Amount";
        ColShare => "Part", "Share";
        ColActions => "Actions", "Actions";
        ColYear => "Année", "Year";
        ColNote => "Fait marquant", "Highlight";
        ColMovedTo => "Nouveau statut", "New status";
        ColModality => "Modalité", "Modality";
        ColDone => "Réalisée le", "Done on";
        ColPrevious => "{0} (N-1)", "{0} (N-1)";
        ColCurrent => "{0} (N)", "{0} (N)";
        ColTargetOfYear => "Cible", "Target";
        ColToTarget => "Vers la cible", "To target";
        ColTotal => "Total", "Total";
        LineTitle => "Intitulé : {0}", "Title: {0}";
        LineDue => "Échéance : {0}", "Due: {0}";
        LinePartners => "Partenaires : {0}", "Partners: {0}";
        LineMoney => "Financement : {0}", "Financing: {0}";
        MoneyPlanned => "prévu {0}", "planned {0}";
        MoneySpent => "dépensé {0}", "spent {0}";
        Quiet => "Sur la période : {0}.", "In the period: {0}.";
        QuietModalities => "aucune modalité réalisée", "no modality done";
        QuietJournal => "aucun fait marquant", "no highlight";
        QuietIndicators => "aucun indicateur", "no indicator";
        QuietAlerts => "aucune alerte", "no alert";
        SheetModalities => "Modalités", "Modalities";
        SheetIndicators => "Indicateurs", "Indicators";
        SheetJournal => "Journal", "Journal";
        SheetFinancing => "Financement", "Financing";
        SheetGovernance => "Gouvernance", "Governance";
        ColBody => "Instance", "Body";
        ColMeetingTitle => "Réunion", "Meeting";
        ColDecisions => "Décisions", "Decisions";
        ColValue => "Valeur", "Value";
        ColUnit => "Unité", "Unit";
        ColBaseline => "Référence", "Baseline";
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_exists_in_both_languages() {
        crate::i18n::tests::assert_complete(super::BilanMsg::ALL);
    }
}
