//! Every word a person reads, in French and English, kept in one catalogue.
//!
//! A message is a `Msg` variant; its text may hold numbered placeholders
//! (`{0}`, `{1}`…) and plural choices (`{0?réunion|réunions}`) that
//! `Lang::fill` fills in one pass (`template`). The catalogue is one macro
//! call so that a test can walk `Msg::ALL` and prove that both languages are
//! complete and use the same placeholders.

mod format;
mod template;

pub use format::{decimal, parse_date};

/// The language of everything the tool prints for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// The language a locale variable asks for: French where it starts with
    /// `fr`, English otherwise. The first non-empty of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` wins, as in POSIX.
    pub fn from_locale(lookup: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| lookup(var))
            .find(|value| !value.is_empty());
        match locale {
            Some(value) if value.to_ascii_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    pub fn text(self, msg: impl Words) -> &'static str {
        let (fr, en) = msg.texts();
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// The message with its placeholders `{0}`, `{1}`… replaced by `args`
    /// and its words agreed with their numbers, in one pass.
    pub fn fill(self, msg: impl Words, args: &[&dyn std::fmt::Display]) -> String {
        self.fill_text(self.text(msg), args)
    }

    /// Any text of the catalogue's kind, filled as `fill` does.
    pub fn fill_text(self, template: &str, args: &[&dyn std::fmt::Display]) -> String {
        template::fill(template, self, args)
    }
}

/// Declares a catalogue: an enum of messages, each with its French and
/// English text. The shared words are `Msg`, below; a concept with many
/// words of its own (the spreadsheet round trip, say) declares its own
/// catalogue beside its code, and `Lang::text` and `Lang::fill` take any.
macro_rules! catalogue {
    ($(#[$meta:meta])* $vis:vis enum $catalogue:ident { $($name:ident => $fr:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $catalogue { $($name,)* }

        impl $catalogue {
            /// Every message, for the completeness test.
            #[allow(dead_code)]
            pub const ALL: &'static [$catalogue] = &[$($catalogue::$name,)*];
        }

        impl $crate::i18n::Words for $catalogue {
            fn texts(self) -> (&'static str, &'static str) {
                match self { $($catalogue::$name => ($fr, $en),)* }
            }
        }
    };
}
pub(crate) use catalogue;

/// A message of some catalogue: its (French, English) texts.
pub trait Words: Copy + std::fmt::Debug {
    fn texts(self) -> (&'static str, &'static str);
}

catalogue! {
    /// The words several parts of the tool share.
    pub enum Msg {
    // Statuses, as people read them.
    StatusPlanned => "à engager", "planned";
    StatusInProgress => "en cours", "in progress";
    StatusBlocked => "bloquée", "blocked";
    StatusPostponed => "reportée", "postponed";
    StatusDone => "réalisée", "done";
    StatusAbandoned => "abandonnée", "abandoned";

    // Diagnostics. The words of each rule live beside it, under src/check/;
    // here are the words several rules share.
    SeverityError => "erreur", "error";
    SeverityWarning => "avertissement", "warning";
    Help => "aide", "help";
    DiagNoPlan => "aucun plan trouvé depuis {0}", "no plan found from {0}";
    DiagNoPlanHelp => "lancez ctg dans le dossier du plan, ou indiquez-le avec --plan DOSSIER ou CTG_PLAN", "run ctg inside the plan folder, or name it with --plan DIR or CTG_PLAN";
    DiagPlanDirMissing => "le dossier du plan {0} n'existe pas", "the plan folder {0} does not exist";
    DiagUnreadable => "lecture impossible : {0}", "cannot read: {0}";
    DiagForExample => "par exemple : `{0}`", "for example: `{0}`";
    DiagDidYouMean => "vouliez-vous dire « {0} » ?", "did you mean `{0}`?";
    DiagDidYouMeanKey => "vouliez-vous dire `{0}` ?", "did you mean `{0}`?";
    DiagNone => "(aucun)", "(none)";

    // ctg check.
    CheckValid => "plan valide : {0} {0?axe|axes}, {1} {1?action|actions}", "valid plan: {0} {0?axis|axes}, {1} {1?action|actions}";
    CheckValidWarnings => "plan valide : {0} {0?axe|axes}, {1} {1?action|actions}, {2} {2?avertissement|avertissements}", "valid plan: {0} {0?axis|axes}, {1} {1?action|actions}, {2} {2?warning|warnings}";
    CheckInvalid => "{0} {0?erreur|erreurs}, {1} {1?avertissement|avertissements}", "{0} {0?error|errors}, {1} {1?warning|warnings}";
    CheckDenied => "{0} {0?avertissement, refusé|avertissements, refusés} par --deny-warnings", "{0} {0?warning|warnings}, refused by --deny-warnings";
    CheckUnknownRuleNear => "règle inconnue « {0} » : vouliez-vous dire « {1} » ?", "unknown rule `{0}`: did you mean `{1}`?";
    CheckUnknownRule => "règle inconnue « {0} » ; les règles sont : {1}", "unknown rule `{0}`; the rules are: {1}";
    CheckFormatLocked => "{1} {0} refusé : « {0} » est une règle du format des fichiers et reste une erreur, car aucune commande ne peut lire un plan qui l'enfreint", "{1} {0} refused: `{0}` is a rule of the file format and stays an error, since no command can read a plan that breaks it";
    CheckTwoLevels => "la règle « {0} » est donnée à la fois à {1} et à {2} : gardez une seule des deux options", "the rule `{0}` is given to both {1} and {2}: keep only one of them";
    ExplainFormat => "{0} : erreur, règle du format des fichiers", "{0}: error, a rule of the file format";
    ExplainError => "{0} : erreur par défaut", "{0}: error by default";
    ExplainWarning => "{0} : avertissement par défaut", "{0}: warning by default";
    ExplainFix => "Exemple de correction :", "Example of a fix:";
    ExplainLocked => "Son niveau ne peut pas être abaissé (--warn, --allow) : aucune commande ne peut lire un plan qui l'enfreint.", "Its level cannot be lowered (--warn, --allow): no command can read a plan that breaks it.";
    ExplainLowerable => "Le temps d'une exécution, --warn {0} change ses erreurs en avertissements et --allow {0} les fait taire.", "For one run, --warn {0} turns its errors into warnings and --allow {0} silences them.";
    ExplainRaisable => "Le temps d'une exécution, --deny {0} change ses avertissements en erreurs et --allow {0} les fait taire.", "For one run, --deny {0} turns its warnings into errors and --allow {0} silences them.";

    // Type names used in wrong-type diagnostics.
    TypeString => "un texte", "a string";
    TypeInteger => "un entier", "an integer";
    TypeNumber => "un nombre", "a number";
    TypeBoolean => "un booléen (true ou false)", "a boolean (true or false)";
    TypeDate => "une date", "a date";
    TypeArray => "une liste", "an array";
    TypeTable => "un tableau", "a table";
    TypeStringList => "une liste de textes", "a list of strings";
    TypeFloat => "un nombre décimal", "a float";

    // Command failures.
    ErrorPlanInvalid => "le plan contient {0} {0?erreur|erreurs} : rien n'a été fait (ctg check montre aussi les avertissements)", "the plan has {0} {0?error|errors}: nothing was done (ctg check shows warnings too)";

    // Errors of arguments.
    ErrorUnknownActor => "acteur inconnu « {0} » ; acteurs déclarés : {1}", "unknown actor `{0}`; declared actors: {1}";
    ClapNoValue => "« {0} » attend une valeur", "`{0}` needs a value";
    ClapInvalidValue => "valeur « {0} » invalide pour « {1} » ; valeurs possibles : {2}", "invalid value `{0}` for `{1}`; possible values: {2}";
    ClapValueValidation => "valeur « {0} » invalide pour « {1} » : {2}", "invalid value `{0}` for `{1}`: {2}";
    ClapUnknownArgument => "option inattendue « {0} »", "unexpected argument `{0}`";
    ClapUnknownCommand => "commande inconnue « {0} »", "unknown command `{0}`";
    ClapMissing => "{0?argument obligatoire manquant|arguments obligatoires manquants} : {1}", "missing required {0?argument|arguments}: {1}";
    ClapMissingCommand => "il manque la commande", "a command is missing";
    ClapOnce => "« {0} » ne peut être donné qu'une fois", "`{0}` can be given only once";
    ClapConflict => "« {0} » ne peut pas être employé avec « {1} »", "`{0}` cannot be used with `{1}`";
    ClapUtf8 => "un argument n'est pas du texte UTF-8 valide", "an argument is not valid UTF-8 text";
    ClapOther => "ligne de commande invalide près de « {0} »", "invalid command line near `{0}`";
    ClapTipArg => "astuce : une option proche existe : {0}", "tip: a similar argument exists: {0}";
    ClapTipCommand => "astuce : des commandes proches existent : {0}", "tip: similar commands exist: {0}";
    ClapTipValue => "astuce : une valeur proche existe : {0}", "tip: a similar value exists: {0}";
    ClapMore => "Pour en savoir plus : {0} --help", "For more information: {0} --help";
    ClapNotANumber => "ce n'est pas un nombre", "not a number";
    ClapOutOfRange => "nombre hors des valeurs permises", "number out of the allowed range";
    ClapNotAllowed => "valeur non permise ici", "value not allowed here";
    ParseTarget => "« {0} » n'est ni une action ni une modalité : écrivez 4 pour l'action 4, 4.2 pour sa modalité 2", "`{0}` is not an action or a modality: write 4 for action 4, 4.2 for its modality 2";
    ParseStatusUnknown => "« {0} » n'est pas un statut ; écrivez l'un de : {1}", "`{0}` is not a status; write one of: {1}";
    ParseStatusAmbiguous => "« {0} » peut désigner plusieurs statuts : {1} ; écrivez-en un peu plus", "`{0}` could mean several statuses: {1}; write a little more of it";
    ParseNumber => "« {0} » n'est pas un nombre fini : écrivez par exemple 41 ou 41,5", "`{0}` is not a finite number: write for example 41 or 41.5";
    ParseDate => "« {0} » n'est pas une date : écrivez-la JJ/MM/AAAA ou AAAA-MM-JJ, par exemple 30/06/2025", "`{0}` is not a date: write it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2025-06-30";
    ErrorUnknownCommune => "commune inconnue « {0} » ; communes du plan : {1}", "unknown commune `{0}`; communes of the plan: {1}";
    ErrorUnknownBody => "instance inconnue « {0} » ; instances déclarées : {1}", "unknown body `{0}`; declared bodies: {1}";
    ErrorUnknownTheme => "thème inconnu « {0} » ; thèmes des axes : {1}", "unknown theme `{0}`; themes of the axes: {1}";
    ErrorNoAction => "pas d'action {0} ; les actions sont {1}", "no action {0}; actions are {1}";

    // ctg list, show, pilots.
    ColId => "N°", "No.";
    ColAction => "Action", "Action";
    ColTitle => "Titre", "Title";
    ColDate => "Date", "Date";
    ColBody => "Instance", "Body";
    ColDecisions => "Décisions", "Decisions";
    ColName => "Nom", "Name";
    ColShortTitle => "Titre court", "Short title";
    ColStatus => "Statut", "Status";
    ColPilots => "Pilotes", "Pilots";
    ColPartners => "Partenaires", "Partners";
    ColStart => "Début", "Start";
    ColDue => "Échéance", "Due";
    ColLateDays => "Retard (jours)", "Late (days)";
    ColModalitiesDone => "Modalités réalisées", "Modalities done";
    ColActor => "Acteur", "Actor";
    ColLeads => "Pilote", "Leads";
    ColSupports => "Partenaire", "Supports";
    ColLate => "En retard", "Late";
    ListEmpty => "Aucune action ne correspond.", "No action matches.";
    LateBy => "+{0} j", "+{0} d";
    Undecided => "non décidé", "undecided";
    ShowLongTitle => "Intitulé", "Full title";
    ShowStatus => "Statut", "Status";
    ShowDates => "Dates", "Dates";
    ShowLate => "en retard de {0} {0?jour|jours}", "{0} {0?day|days} late";
    ShowPilots => "Pilotes", "Pilots";
    ShowPartners => "Partenaires", "Partners";
    ShowPilotNote => "Pilotage (source)", "Pilots (source)";
    ShowFlags => "Repères", "Flags";
    FlagCoordination => "enjeu de coordination entre collectivités", "coordination between collectivities at stake";
    FlagCompetences => "dans le respect des compétences", "within each collectivity's competences";
    ShowPublics => "Publics", "Publics";
    ShowCommunes => "Communes", "Communes";
    ShowBudget => "Budget", "Budget";
    ShowProgress => "Avancement", "Progress";
    ShowModalities => "Modalités ({0}/{1} réalisées)", "Modalities ({0}/{1} done)";
    ShowIndicators => "Indicateurs", "Indicators";
    ShowBaseline => "référence", "baseline";
    ShowTarget => "cible", "target";
    ShowToTarget => "{0} du chemin vers la cible", "{0} of the way to target";
    ShowJournal => "Journal (du plus récent au plus ancien)", "Journal (newest first)";
    ShowDoneOn => "réalisée le {0}", "done on {0}";
    ShowNone => "aucun", "none";
    ShowNoJournal => "aucune entrée de journal", "no journal entry";
    ShowNoIndicator => "aucun indicateur", "no indicator";
    ShowNoModality => "aucune modalité", "no modality";
    PilotsUndecided => "Actions sans pilote décidé", "Actions without a decided pilot";
    PilotsNoneUndecided => "Toutes les actions ont un pilote.", "Every action has a pilot.";

    // Edits: ctg set, log, new.
    EditStatus => "action {0} : statut {1} → {2}", "action {0}: status {1} → {2}";
    EditStatusRewritten => "action {0} : statut « {1} » réécrit « {2} »", "action {0}: status `{1}` rewritten as `{2}`";
    EditField => "action {0} : {1} {2} → {3}", "action {0}: {1} {2} → {3}";
    FieldStart => "début", "start";
    FieldEnd => "fin", "end";
    FieldAdopted => "adoption", "adoption";
    FieldName => "nom", "name";
    FieldTerritory => "territoire", "territory";
    FieldCaf => "Caf", "Caf";
    FieldAxis => "axe", "axis";
    FieldDue => "échéance", "due";
    FieldTitle => "titre", "title";
    FieldShortTitle => "titre court", "short title";
    EditPilotAdded => "action {0} : {1} ajouté aux pilotes", "action {0}: {1} added to the pilots";
    EditPilotRemoved => "action {0} : {1} retiré des pilotes", "action {0}: {1} removed from the pilots";
    EditPartnerAdded => "action {0} : {1} ajouté aux partenaires", "action {0}: {1} added to the partners";
    EditPartnerRemoved => "action {0} : {1} retiré des partenaires", "action {0}: {1} removed from the partners";
    EditModalityStatus => "action {0}, modalité {1} : statut {2} → {3}", "action {0}, modality {1}: status {2} → {3}";
    EditModalityText => "action {0}, modalité {1} : reformulée « {2} »", "action {0}, modality {1}: reworded `{2}`";
    EditModalityPilotAdded => "action {0}, modalité {1} : {2} ajouté aux pilotes", "action {0}, modality {1}: {2} added to the pilots";
    EditModalityPilotRemoved => "action {0}, modalité {1} : {2} retiré des pilotes", "action {0}, modality {1}: {2} removed from the pilots";
    EditModalityDone => "action {0}, modalité {1} : réalisée le {2}", "action {0}, modality {1}: done on {2}";
    EditIndicatorRemoved => "action {0}, indicateur « {1} » : valeur {2} retirée", "action {0}, indicator `{1}`: value of {2} removed";
    EditIndicatorNoValue => "action {0}, indicateur « {1} » : pas de valeur {2}, rien ne change", "action {0}, indicator `{1}`: no value for {2}, nothing changes";
    ShowYearTarget => "cible {0} : {1}", "target {0}: {1}";
    EditIndicatorTarget => "action {0}, indicateur « {1} » : cible {2} = {3}", "action {0}, indicator `{1}`: target of {2} = {3}";
    EditIndicator => "action {0}, indicateur « {1} » : {2} = {3}", "action {0}, indicator `{1}`: {2} = {3}";
    EditUnchanged => "action {0} : rien ne change", "action {0}: nothing changes";
    EditLogHistory => "action {0} : changement de statut du {1} noté à l'historique ; le statut reste {2}, noté le {3}", "action {0}: status move of {1} recorded as history; the status stays {2}, recorded on {3}";
    EditLogCorrected => "action {0} : entrée de journal {1} corrigée", "action {0}: journal entry {1} corrected";
    EditLogRemoved => "action {0} : entrée de journal {1} du {2} retirée", "action {0}: journal entry {1} of {2} removed";
    EditMeetingAdded => "réunion {0} du {1} enregistrée : {2}", "meeting of {0} on {1} recorded: {2}";
    MeetingNone => "aucune réunion tenue", "no meeting held";
    EditIndicatorAdded => "action {0} : indicateur {1} « {2} » ajouté", "action {0}: indicator {1} `{2}` added";
    HelpAddIndicator => "un indicateur se crée avec : ctg indicator add {0} --name \"…\"", "an indicator is created with: ctg indicator add {0} --name \"…\"";
    EditModalityAdded => "action {0} : modalité {1} « {2} » ajoutée", "action {0}: modality {1} `{2}` added";
    EditConvention => "convention : {0} {1} → {2}", "convention: {0} {1} → {2}";
    EditConventionUnchanged => "convention : rien ne change", "convention: nothing changes";
    EditLogged => "action {0} : entrée de journal du {1} ajoutée", "action {0}: journal entry of {1} added";
    EditCreated => "action {0} créée : {1}", "action {0} created: {1}";
    EditDryRun => "simulation : rien n'a été écrit", "dry run: nothing was written";
    EditWarned => "modification refusée (--strict) : elle ajouterait {0} {0?avertissement|avertissements} au plan ; aucun fichier n'a été touché", "edit refused (--strict): it would add {0} {0?warning|warnings} to the plan; no file was touched";
    EditNewWarning => "nouvel avertissement [{0}] {1} : {2}", "new warning [{0}] {1}: {2}";
    EditRefused => "modification refusée : elle laisserait {0} {0?erreur|erreurs} dans le plan ; aucun fichier n'a été touché", "edit refused: it would leave {0} {0?error|errors} in the plan; no file was touched";
    LogStatusNote => "statut : {0} → {1}", "status: {0} → {1}";
    ErrorWrite => "écriture impossible de {0} : {1}", "cannot write {0}: {1}";
    ErrorOutputFolder => "écriture impossible de {0} : le dossier {1} n'existe pas (créez-le d'abord)", "cannot write {0}: the folder {1} does not exist (create it first)";
    ErrorOutputPlanFile => "{0} est un fichier du plan : -o n'écrit jamais par-dessus le plan, choisissez un autre fichier", "{0} is a file of the plan: -o never writes over the plan, choose another file";
    ErrorNotAFolder => "{0} n'est pas un dossier", "{0} is not a folder";
    ErrorNotPilot => "{0} n'est pas pilote de l'action {1}", "{0} is not a pilot of action {1}";
    ErrorNotPartner => "{0} n'est pas partenaire de l'action {1}", "{0} is not a partner of action {1}";
    ErrorNoModality => "l'action {0} a {1} {1?modalité|modalités} : pas de modalité {2}", "action {0} has {1} {1?modality|modalities}: there is no modality {2}";
    ErrorNoLogEntry => "l'action {0} a {1} {1?entrée|entrées} de journal : pas d'entrée {2}", "action {0} has {1} journal {1?entry|entries}: there is no entry {2}";
    ErrorModalityRenumbers => "retirer la modalité {0}.{1} renumérote les suivantes (l'action en a {2}) : marquez-la abandonnée (ctg set {0}.{1} --status abandoned) ou ajoutez --force", "removing modality {0}.{1} renumbers those after it (the action has {2}): mark it abandoned (ctg set {0}.{1} --status abandoned) or add --force";
    EditModalityRemoved => "action {0} : modalité {1} « {2} » retirée", "action {0}: modality {1} `{2}` removed";
    ErrorJournalLayout => "le journal (log) de l'action n'est ni des tables [[log]] ni une liste de tables en ligne : rien n'a été écrit", "the action's journal (log) is neither [[log]] tables nor a list of inline tables: nothing was written";
    ErrorNoIndicator => "l'action {0} a {1} {1?indicateur|indicateurs} : pas d'indicateur {2}", "action {0} has {1} {1?indicator|indicators}: there is no indicator {2}";
    ErrorModalityOptions => "pour une modalité (ID.N), seules --status, --done, --text, --add-pilot, --remove-pilot et --note s'appliquent", "for a modality (ID.N), only --status, --done, --text, --add-pilot, --remove-pilot and --note apply";
    ErrorDoneNeedsModality => "{1} s'applique à une modalité : ctg set {0}.N {1} …", "{1} applies to a modality: ctg set {0}.N {1} …";
    ErrorNothingToSet => "rien à modifier : donnez au moins une option (--status, --due, --add-pilot…)", "nothing to change: give at least one option (--status, --due, --add-pilot…)";
    ErrorEmptyText => "le texte est vide", "the text is empty";
    ErrorFileExists => "{0} existe déjà", "{0} already exists";
    ErrorUnreadable => "lecture impossible de {0} : {1}", "cannot read {0}: {1}";
    ErrorFileSyntax => "syntaxe TOML invalide dans {0} : {1}", "invalid TOML syntax in {0}: {1}";
    ErrorUnknownFormat => "format inconnu pour {0} : prenez une extension parmi {1}, ou --format", "unknown format for {0}: use one of the extensions {1}, or --format";
    ErrorInternal => "erreur interne (un défaut de ctg) : {0}", "internal error (a bug of ctg): {0}";

    // ctg report.
    ReportTitle => "Bilan {0} de la convention territoriale globale", "{0} review of the Convention Territoriale Globale";
    ReportConventionPeriod => "Période de la convention : {0}", "Convention period: {0}";
    ReportCovered => "Période couverte : du {0} au {1}", "Period covered: {0} to {1}";
    ReportMadeOn => "Bilan établi le {0}", "Report made on {0}";
    ReportSummary => "Synthèse", "Summary";
    ReportDate => "Date du bilan", "Report date";
    ReportStatusHeader => "Statut", "Status";
    ReportAtStart => "Début de période", "Start of period";
    ReportAtEnd => "Fin de période", "End of period";
    ReportFigures => "{0} {0?action|actions} ; avancement {1} en début de période, {2} en fin de période ; {3} {3?modalité réalisée|modalités réalisées} sur {4} en fin de période, dont {5} sur la période ; {6} {6?entrée|entrées} de journal sur la période.", "{0} {0?action|actions}; progress {1} at the start of the period, {2} at its end; {3} of {4} {4?modality|modalities} done at the end of the period, {5} of them in the period; {6} journal {6?entry|entries} in the period.";
    ReportAxis => "Axe {0} — {1}", "Axis {0} — {1}";
    ReportAction => "Action {0} — {1}", "Action {0} — {1}";
    ReportStatusChanged => "Statut : {0} → {1}", "Status: {0} → {1}";
    ReportStatusNew => "Statut : {0} (action entrée dans le plan sur la période)", "Status: {0} (an action that entered the plan in the period)";
    ReportStatusSame => "Statut : {0} (inchangé sur la période)", "Status: {0} (unchanged over the period)";
    ReportProgressLine => "Avancement : {0} ({1}/{2} modalités réalisées)", "Progress: {0} ({1}/{2} modalities done)";
    ReportPilotsLine => "Pilotes : {0}", "Pilots: {0}";
    ReportModalitiesInPeriod => "Modalités réalisées sur la période", "Modalities done in the period";
    ReportHighlights => "Faits marquants", "Highlights";
    ReportIndicators => "Indicateurs", "Indicators";
    ReportIndicatorName => "Indicateur", "Indicator";
    ReportBaseline => "Référence", "Baseline";
    ReportTarget => "Cible", "Target";
    ReportValue => "Valeur", "Value";
    ReportYear => "Année", "Year";
    ReportToTarget => "Vers la cible", "To target";
    ReportNoValue => "aucune valeur sur la période", "no value in the period";
    ReportAlerts => "Alertes", "Alerts";
    ReportAlertLate => "en retard : échéance du {0} dépassée de {1} {1?jour|jours} en fin de période", "late: due {0}, {1} {1?day|days} past at the end of the period";
    ReportAlertNoPilot => "sans pilote décidé ({0})", "no decided pilot ({0})";
    ReportAlertQuiet => "rien n'a été noté sur la période (ni journal, ni modalité réalisée)", "nothing recorded in the period (no journal entry, no modality done)";
    ReportNoActionInAxis => "Aucune action dans cet axe.", "No action in this axis.";
    ReportGovernance => "Gouvernance", "Governance";
    ReportBody => "Instance", "Body";
    ReportRequired => "Attendues", "Required";
    ReportHeld => "Tenues", "Held";
    ReportMeetings => "Réunions", "Meetings";
    ReportMissing => "{0} : il manque {1} {1?réunion|réunions} sur la période", "{0}: {1} {1?meeting|meetings} missing in the period";
    ReportGovernanceOk => "Toutes les réunions attendues ont été tenues.", "Every required meeting was held.";
    ReportNone => "aucune", "none";
    ReportChartTitle => "Avancement par axe en fin de période", "Progress by axis at the end of the period";
    ReportWritten => "bilan écrit dans {0}", "report written to {0}";
    ReportSheetSummary => "Synthèse", "Summary";
    ErrorSinceNotInCsv => "--since n'a pas de place dans le CSV, une seule table d'une ligne par action : demandez le bilan en md, html, json ou xlsx", "--since has no place in CSV, a single table of one row per action: ask for the bilan in md, html, json or xlsx";
    ReportSheetChanges => "Changements", "Changes";
    ReportSheetChange => "Changement", "Change";
    ReportSheetActions => "Actions", "Actions";
    ColStatusStart => "Statut début", "Status at start";
    ColStatusEnd => "Statut fin", "Status at end";
    ColModalitiesInPeriod => "Modalités réalisées sur la période", "Modalities done in the period";
    ColJournalInPeriod => "Entrées de journal sur la période", "Journal entries in the period";
    ColAlerts => "Alertes", "Alerts";
    ErrorYear => "{0} n'est pas une année utilisable", "{0} is not a usable year";
    ErrorOutsideConvention => "{0} tombe hors de la convention ({1} – {2}) : rien n'a été fait ; ajoutez --force pour le demander quand même", "{0} falls outside the convention ({1} – {2}): nothing was done; add --force to ask for it all the same";
    OutsideConventionNote => "Attention : {0} tombe hors de la convention ({1} – {2}) ; demandé avec --force.", "Note: {0} falls outside the convention ({1} – {2}); asked for with --force.";
    ErrorPeriod => "la période est vide : --from ({0}) est après --to ({1})", "the period is empty: --from ({0}) is after --to ({1})";
    ErrorXlsxNeedsFile => "les formats xlsx, docx et odt s'écrivent dans un fichier : ajoutez -o bilan.xlsx (ou bilan.docx, bilan.odt)", "xlsx, docx and odt are written to a file: add -o report.xlsx (or report.docx, report.odt)";

    // ctg portfolio.
    ColTerritory => "Territoire", "Territory";
    ColElapsed => "Période écoulée", "Period elapsed";
    ColNoPilot => "Sans pilote", "No pilot";
    ColMeetingsMissing => "Réunions dues", "Meetings due";
    ColErrors => "Erreurs / avert.", "Errors / warnings";
    ColErrorCount => "Erreurs", "Errors";
    ColWarningCount => "Avertissements", "Warnings";
    ColFirstError => "Première erreur", "First error";
    ColPath => "Dossier", "Folder";
    ColEnd => "Fin", "End";
    PortfolioTotal => "Total ({0} plans)", "Total ({0} plans)";
    PortfolioUnsearched => "avertissement : dossier non parcouru, un plan qu'il contiendrait manque : {0} ({1})", "warning: folder not searched, a plan it holds is missing: {0} ({1})";

    // ctg diff, status --at, report --since.
    DiffActionAdded => "action {0} ajoutée : {1}", "action {0} added: {1}";
    DiffActionRemoved => "action {0} retirée : {1}", "action {0} removed: {1}";
    DiffModalityReworded => "action {0}, modalité {1} reformulée : « {2} » → « {3} »", "action {0}, modality {1} reworded: \"{2}\" → \"{3}\"";
    DiffModalityAdded => "action {0}, modalité {1} ajoutée : {2}", "action {0}, modality {1} added: {2}";
    DiffModalityRemoved => "action {0}, modalité {1} retirée : {2}", "action {0}, modality {1} removed: {2}";
    DiffModalityDone => "action {0}, modalité {1} réalisée : {2}", "action {0}, modality {1} done: {2}";
    DiffModalityDoneOn => "action {0}, modalité {1} réalisée le {2} : {3}", "action {0}, modality {1} done on {2}: {3}";
    DiffModalityReopened => "action {0}, modalité {1} rouverte ({2}) : {3}", "action {0}, modality {1} reopened ({2}): {3}";
    DiffModalityStatus => "action {0}, modalité {1} : {2} → {3} : {4}", "action {0}, modality {1}: {2} → {3}: {4}";
    DiffLater => "{0} j plus tard", "{0} days later";
    DiffEarlier => "{0} j plus tôt", "{0} days earlier";
    DiffJournal => "action {0} : journal du {1} — {2}", "action {0}: journal of {1} — {2}";
    DiffIndicatorChanged => "action {0}, indicateur « {1} » : {2} : {3} → {4}", "action {0}, indicator `{1}`: {2}: {3} → {4}";
    DiffMeeting => "{0} tenu le {1} : {2}", "{0} held on {1}: {2}";
    DiffNone => "Aucun changement.", "No change.";
    DiffTitle => "Changements de {0} à {1}", "Changes from {0} to {1}";
    DiffWorkingTree => "l'état actuel des fichiers", "the files as they are now";
    ColChange => "Changement", "Change";
    ErrorNotARepo => "le plan {0} n'est pas dans un dépôt git : l'historique vient de git", "the plan {0} is not in a git repository: history comes from git";
    ErrorUnknownRevision => "révision inconnue « {0} » : donnez une étiquette (git tag), une branche ou un commit", "unknown revision `{0}`: give a tag, a branch or a commit";
    ErrorPlanNotAtRevision => "le plan n'existait pas encore à la révision {0} (pas de {1}/ctg.toml)", "the plan did not exist yet at revision {0} (no {1}/ctg.toml)";
    ErrorGit => "git a échoué : {0}", "git failed: {0}";
    ErrorPlanAtRevision => "le plan à la révision {0} contient des erreurs :", "the plan at revision {0} has errors:";
    ErrorPlanInvalidAt => "le plan à la révision {0} contient {1} {1?erreur|erreurs} : rien n'a été fait", "the plan at revision {0} has {1} {1?error|errors}: nothing was done";
    StatusAt => "Statuts reconstruits au {0} d'après le journal", "Statuses rebuilt as of {0} from the journal";
    PastFieldsUnknown => "Intitulés, pilotes et échéances sont ceux d'aujourd'hui : git ne garde aucune version du plan à cette date.", "Titles, pilots and due dates are today's: git holds no version of the plan by that date.";
    StatusAtNoHistory => "le journal ne note aucun changement de statut jusqu'au {0} : chaque action garde le statut de son fichier, ou « à engager » si son premier changement est postérieur", "the journal records no status move up to {0}: each action keeps its file's status, or planned if its first move came later";
    ReportChangesSince => "Changements depuis {0}", "Changes since {0}";

    // init, -o.
    Written => "écrit dans {0}", "written to {0}";
    InitDone => "plan créé dans {0} : complétez ctg.toml, puis remplacez l'axe et l'action d'exemple ; « ctg --plan {0} check » le vérifie", "plan created in {0}: complete ctg.toml, then replace the example axis and action; `ctg --plan {0} check` checks it";
    ErrorPlanExists => "{0} contient déjà un plan (ctg.toml) : rien n'a été écrit", "{0} already holds a plan (ctg.toml): nothing was written";
    ErrorInitPeriod => "la fin ({1}) précède le début ({0})", "the end ({1}) comes before the start ({0})";

    // The status dashboard.
    StatusToday => "au {0}", "as of {0}";
    StatusPeriod => "Période : {0} – {1}", "Period: {0} – {1}";
    StatusPeriodUnknown => "Période : non renseignée", "Period: not given";
    ColAxis => "Axe", "Axis";
    ColTheme => "Thème", "Theme";
    ColActions => "Actions", "Actions";
    ColModalities => "Modalités", "Modalities";
    ColProgress => "Avancement", "Progress";
    ColStatuses => "Statuts", "Statuses";
    // Brief headers, where a terminal is narrow.
    ColActionsBrief => "Act.", "Act.";
    ColModalitiesBrief => "Mod.", "Mod.";
    ColProgressBrief => "Avanc.", "Prog.";
    ColSupportsBrief => "Part.", "Supp.";
    ColLateBrief => "Retard", "Late";
    ColElapsedBrief => "Écoulée", "Elapsed";
    ColMeetingsMissingBrief => "Réun.", "Meet.";
    ColErrorsBrief => "Err./av.", "Err./warn.";
    TotalRow => "Total", "Total";
    AlertsHeading => "Alertes", "Alerts";
    AlertsNone => "Aucune alerte.", "No alerts.";
    AlertOverdue => "action {0} en retard de {1} {1?jour|jours} (échéance {2}) : {3}", "action {0} is {1} {1?day|days} late (due {2}): {3}";
    AlertNoPilot => "action {0} sans pilote décidé ({1}) : {2}", "action {0} has no decided pilot ({1}): {2}";
    AlertNoPilotNote => "aucune mention", "no mention";
    AlertStale => "action {0} {1} sans entrée de journal depuis {2} {2?jour|jours} : {3}", "action {0} is {1} with no journal entry for {2} {2?day|days}: {3}";
    AlertStaleNever => "action {0} {1} sans aucune entrée de journal : {2}", "action {0} is {1} with no journal entry at all: {2}";
    AlertMeetingsAhead => "{0} : {1} {1?réunion tenue|réunions tenues} en {2}, la prochaine attendue d'ici le {3}", "{0}: {1} {1?meeting|meetings} held in {2}, the next one due by {3}";
    AlertMeetings => "{0} : {1} {1?réunion tenue|réunions tenues} en {2} sur {3} {3?attendue|attendues}", "{0}: {1} {1?meeting|meetings} held in {2} out of {3} required";
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::template::indices as placeholders;
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        assert_complete(Msg::ALL);
    }

    /// Each catalogue's test: both texts present, with the same placeholders.
    pub fn assert_complete(all: &[impl Words]) {
        for msg in all {
            let (fr, en) = msg.texts();
            assert!(!fr.trim().is_empty(), "{msg:?} has no French text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(
                placeholders(fr),
                placeholders(en),
                "{msg:?} uses different placeholders in French and English"
            );
        }
    }

    #[test]
    fn locale_picks_french_only_for_fr() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |key: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_CA")])),
            Lang::Fr
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn dates_are_written_the_local_way() {
        let date = NaiveDate::from_ymd_opt(2023, 11, 30).unwrap();
        assert_eq!(Lang::Fr.short_date(date), "30/11/2023");
        assert_eq!(Lang::Fr.long_date(date), "30 novembre 2023");
        assert_eq!(Lang::En.long_date(date), "30 November 2023");
        let first = NaiveDate::from_ymd_opt(2024, 8, 1).unwrap();
        assert_eq!(Lang::Fr.long_date(first), "1er août 2024");
    }
}
