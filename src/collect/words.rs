//! The words of the spreadsheet round trip: what the workbooks say to the
//! pilots, and what the commands say to the coordinator.

use crate::i18n::catalogue;

catalogue! {
    /// Words of `ctg collect`.
    pub enum CollectMsg {
    // The workbook.
    SheetGuide => "Mode d'emploi", "How to";
    SheetActions => "Actions", "Actions";
    SheetModalities => "Modalités", "Modalities";
    SheetIndicators => "Indicateurs", "Indicators";
    GuideTitle => "Suivi du plan d'action — {0}", "Action plan follow-up — {0}";
    GuideConvention => "Convention : {0}", "Convention: {0}";
    GuideSent => "Classeur préparé le {0} pour : {1}", "Workbook prepared on {0} for: {1}";
    GuideStep1 => "1. Dans les feuilles Actions, Modalités et Indicateurs, remplissez seulement les cellules jaunes ; les autres sont verrouillées.", "1. In the Actions, Modalities and Indicators sheets, fill in only the yellow cells; the others are locked.";
    GuideStep2 => "2. Les statuts se choisissent dans la liste, les dates s'écrivent JJ/MM/AAAA, les faits marquants en quelques phrases ; laissez vide ce qui n'a pas changé.", "2. Pick statuses from the list, write dates as DD/MM/YYYY and highlights in a few sentences; leave empty what has not changed.";
    GuideStep3 => "3. Enregistrez le fichier (xlsx ou ods, sans changer son nom) et renvoyez-le à la personne qui vous l'a envoyé.", "3. Save the file (xlsx or ods, keeping its name) and send it back to whoever sent it to you.";
    ColId => "N°", "No.";
    ColAction => "Action", "Action";
    ColRole => "Rôle", "Role";
    ColStatus => "Statut actuel", "Current status";
    ColDue => "Échéance", "Due";
    ColLastEntry => "Dernière entrée du journal", "Last journal entry";
    ColNewStatus => "Nouveau statut", "New status";
    ColNote => "Faits marquants", "Highlights";
    ColNewDue => "Nouvelle échéance", "New due date";
    ColModality => "Modalité", "Modality";
    ColDoneOn => "Réalisée le", "Done on";
    ColIndicator => "Indicateur", "Indicator";
    ColUnit => "Unité", "Unit";
    ColLatest => "Dernière valeur", "Latest value";
    ColTarget => "Cible {0}", "Target {0}";
    ColValue => "Valeur {0}", "Value {0}";
    RolePilot => "pilote", "pilot";
    RolePartner => "partenaire", "partner";
    RoleModalityPilot => "pilote de modalités", "modality pilot";
    ListError => "Choisissez un statut dans la liste.", "Pick a status from the list.";
    DateError => "Écrivez une date, JJ/MM/AAAA.", "Write a date, DD/MM/YYYY.";
    NumberError => "Écrivez un nombre.", "Write a number.";

    // What the commands say.
    NeedsFolder => "ctg collect export écrit un classeur par acteur dans un dossier : indiquez-le avec -o DOSSIER", "ctg collect export writes one workbook per actor into a folder: name it with -o DIR";
    Exported => "{0} : {1} ({2} {2?action|actions}, {3} {3?modalité|modalités}, {4} {4?indicateur|indicateurs})", "{0}: {1} ({2} {2?action|actions}, {3} {3?modality|modalities}, {4} {4?indicator|indicators})";
    NothingFor => "{0} : aucune action, aucun classeur", "{0}: no action, no workbook";
    ImportTitle => "Ce que l'import change ({0} {0?classeur|classeurs})", "What the import changes ({0} {0?workbook|workbooks})";
    ImportNothing => "Rien de nouveau : chaque réponse est déjà dans le plan.", "Nothing new: every answer is already in the plan.";
    ImportSkipped => "Laissé de côté ({0} {0?problème|problèmes}) :", "Left aside ({0} {0?problem|problems}):";
    ImportRefused => "{0} {0?problème|problèmes} dans les classeurs : rien n'a été écrit (--partial applique les lignes sans problème)", "{0} {0?problem|problems} in the workbooks: nothing was written (--partial applies the rows without one)";
    StatusNote => "Statut « {0} » signalé dans le classeur de suivi du {1}", "Status \"{0}\" reported in the follow-up workbook of {1}";
    StatusTitle => "Classeurs de suivi dans {0}", "Follow-up workbooks in {0}";
    StatusNone => "Aucun classeur de suivi dans {0} : ctg collect export -o DOSSIER les prépare.", "No follow-up workbook in {0}: ctg collect export -o DIR prepares them.";
    ColActor => "Acteur", "Actor";
    ColSent => "Envoyé le", "Sent on";
    ColAnswer => "Réponse", "Answer";
    ColState => "État", "State";
    StateWaiting => "en attente", "waiting";
    StateToImport => "{0} {0?changement|changements} à importer", "{0} {0?change|changes} to import";
    StateImported => "importé", "imported";
    StateNeverSent => "jamais envoyé", "never sent";
    StateProblems => "{0} {0?problème|problèmes} : ctg collect import --dry-run", "{0} {0?problem|problems}: ctg collect import --dry-run";

    // Problems, each told with its file and cell.
    ProblemUnreadable => "illisible comme classeur : {0}", "cannot be read as a workbook: {0}";
    ProblemNoMeta => "ce n'est pas un classeur de ctg collect export (la feuille cachée « ctg » manque ou a été modifiée)", "not a workbook of ctg collect export (the hidden sheet `ctg` is missing or was altered)";
    ProblemOtherPlan => "ce classeur a été préparé pour un autre plan (« {0} »)", "this workbook was prepared for another plan (\"{0}\")";
    ProblemUnknownActor => "l'acteur « {0} » n'est plus déclaré dans ctg.toml", "the actor `{0}` is no longer declared in ctg.toml";
    ProblemIdAltered => "le numéro a été modifié : « {1} » au lieu de « {0} » ; ne changez ni l'ordre ni les numéros des lignes", "the number was altered: `{1}` instead of `{0}`; change neither the order nor the numbers of the rows";
    ProblemExtraRow => "une ligne ajoutée au classeur (« {0} ») : seules les lignes exportées sont lues", "a row added to the workbook (`{0}`): only exported rows are read";
    ProblemOutsideList => "« {0} » n'est pas dans la liste ; choisissez parmi : {1}", "`{0}` is not in the list; choose among: {1}";
    ProblemFormula => "une formule (« {0} ») là où une valeur est attendue", "a formula (`{0}`) where a value is expected";
    ProblemNotADate => "« {0} » n'est pas une date : écrivez la date dans la cellule (JJ/MM/AAAA), pas du texte", "`{0}` is not a date: enter a date in the cell (DD/MM/YYYY), not text";
    ProblemNotANumber => "« {0} » n'est pas un nombre", "`{0}` is not a number";
    ProblemNotText => "« {0} » : du texte est attendu", "`{0}`: text is expected";
    ProblemStale => "{0} a changé dans le plan depuis l'envoi du classeur le {1} : exportez un nouveau classeur, ou reportez la réponse à la main", "{0} changed in the plan since the workbook was sent on {1}: export a new workbook, or carry the answer over by hand";
    ProblemConflict => "{0} : deux réponses différentes, ici et dans {1} ; corrigez l'un des deux classeurs", "{0}: two different answers, here and in {1}; correct one of the two workbooks";
    ProblemDoneNotDone => "« Réalisée le » est rempli mais le nouveau statut est « {0} » : choisissez « réalisée », ou videz la date", "\"Done on\" is filled in but the new status is \"{0}\": choose \"done\", or clear the date";
    ProblemGone => "{0} n'existe plus dans le plan", "{0} no longer exists in the plan";
    ItemAction => "l'action {0}", "action {0}";
    ItemModality => "la modalité {0}", "modality {0}";
    ItemIndicator => "l'indicateur {1} de l'action {0}", "indicator {1} of action {0}";
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_exists_in_both_languages() {
        crate::i18n::tests::assert_complete(super::CollectMsg::ALL);
    }
}
