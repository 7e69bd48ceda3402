//! The French text of `--help`. clap builds the command line from the
//! English doc comments of `cli.rs`; in French, every about, argument help
//! and example is replaced from here. A test walks the command tree so that
//! nothing is left in English.

use clap::{Arg, ArgAction, Command};

use super::clap_fr;

mod examples;
pub use examples::examples;

/// The command line with French help texts.
pub fn translate(command: Command) -> Command {
    let command = french(command, "");
    command.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        // `ctg meeting add`: the inner commands are named with their parent.
        french(sub, &name).mut_subcommands(move |inner| {
            let full = format!("{name} {}", inner.get_name());
            french(inner, &full)
        })
    })
}

fn french(command: Command, name: &str) -> Command {
    let mut command = command
        .help_template(
            "{before-help}{about-with-newline}\nUtilisation\u{a0}: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading(clap_fr::heading("Commandes"))
        .subcommand_value_name("COMMANDE")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Afficher l'aide"),
        );
    if name.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Afficher la version"),
        );
    }
    if let Some(about) = about(name) {
        command = command.about(clap_fr::typography(about)).long_about(None);
    }
    if let Some(examples) = examples(name) {
        command = command.after_help(examples).after_long_help(None);
    }
    let name = name.to_string();
    command.mut_args(move |arg| {
        let id = arg.get_id().to_string();
        clap_fr::arg(arg, argument(&name, &id)).long_help(None)
    })
}

/// What a command does.
pub fn about(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => "Piloter une Convention Territoriale Globale (CTG) tenue en fichiers TOML dans git",
        "status" => {
            "Tableau de bord : actions de chaque axe par statut, modalités réalisées, avancement, puis alertes"
        }
        "check" => {
            "Vérifier chaque fichier du plan et signaler tous les problèmes, avec fichier:ligne:colonne"
        }
        "list" => {
            "Les actions qui répondent aux filtres (ET entre options, OU dans une option répétée)"
        }
        "show" => "Une fiche-action complète : intitulés, pilotes, modalités, indicateurs, journal",
        "pilots" => {
            "Qui pilote quoi : pour chaque acteur, les actions qu'il pilote et soutient, par statut"
        }
        "set" => {
            "Modifier une action (ID) ou l'une de ses modalités (ID.N), sans toucher à la mise en forme"
        }
        "log" => "Ajouter une entrée datée au journal d'une action, ou en corriger ou retirer une",
        "new" => "Créer une nouvelle fiche-action avec le prochain numéro libre",
        "meeting" => "Les réunions des instances : en enregistrer une tenue, lister celles tenues",
        "indicator" => "Les indicateurs d'une action : en ajouter un",
        "indicator add" => {
            "Ajouter un indicateur à une action ; ses valeurs annuelles se donnent avec ctg set ID --indicator N"
        }
        "modality" => "Les modalités d'une action : en ajouter une",
        "modality add" => {
            "Ajouter une modalité à la fin de la liste d'une action ; la reformuler, lui donner un pilote ou l'abandonner avec ctg set ID.N"
        }
        "convention" => "La convention elle-même : son nom, son territoire, sa Caf, ses dates",
        "convention set" => {
            "Modifier le nom, le territoire, la Caf et les dates de la convention dans ctg.toml"
        }
        "modality remove" => {
            "Retirer une modalité ; si d'autres la suivent, seulement avec --force, car elles sont renumérotées"
        }
        "meeting add" => {
            "Enregistrer une réunion tenue : un nouveau fichier dans meetings/, avec ses décisions"
        }
        "meeting list" => {
            "Les réunions tenues, des plus anciennes aux plus récentes : instance, titre, décisions"
        }
        "collect" => {
            "Les classeurs des pilotes : en préparer un par acteur, les relire remplis, voir qui a répondu"
        }
        "collect export" => {
            "Préparer un classeur par acteur, à envoyer aux pilotes, dans le dossier -o DOSSIER"
        }
        "collect import" => {
            "Relire dans le plan les classeurs renvoyés (xlsx, ods) : chaque réponse devient une modification"
        }
        "collect status" => "Qui a reçu un classeur, qui a répondu, ce qui reste à importer",
        "report" => {
            "Le bilan d'une année ou d'une période : md, html, json, csv, xlsx, docx (Word) ou odt"
        }
        "portfolio" => {
            "Une ligne par plan trouvé sous DOSSIER : avancement, retards, gouvernance, erreurs"
        }
        "diff" => "Ce qui a changé dans le plan entre deux révisions git, champ par champ",
        "init" => "Écrire un nouveau plan pour un autre territoire, prêt à compléter",
        "schema" => {
            "Afficher le schéma JSON d'un type de fichier, pour les éditeurs qui complètent et vérifient pendant la saisie"
        }
        "completions" => "Afficher le script de complétion d'un shell",
        "man" => "Afficher la page de manuel (roff)",
        _ => return None,
    })
}

/// What an argument means, for a command ("" for the global options).
pub fn argument(command: &str, id: &str) -> Option<&'static str> {
    let global = match id {
        "plan" => Some(
            "Le dossier du plan (par défaut : le plus proche dossier parent contenant ctg.toml, sinon ./plan)",
        ),
        "today" => Some(
            "La date du jour à prendre en compte, JJ/MM/AAAA ou AAAA-MM-JJ (par défaut : la date du système)",
        ),
        "lang" => Some(
            "Langue des sorties (par défaut : selon LC_ALL, LC_MESSAGES, LANG ; le français quand elle commence par fr)",
        ),
        "color" => Some("Quand colorer la sortie (NO_COLOR supprime aussi les couleurs)"),
        "output" => Some(
            "Écrire la sortie de la commande dans FICHIER plutôt qu'à l'écran ; son extension choisit le format (.md, .json, .csv…)",
        ),
        "quiet" => Some(
            "N'afficher, en cas de succès, que ce qui est demandé (pas de lignes de confirmation)",
        ),
        "width" => Some(
            "Largeur de la sortie en colonnes, pour les tableaux et le texte (par défaut : COLUMNS, sinon la largeur du terminal, sinon 100 dans un tube ou un fichier)",
        ),
        "help" => Some("Afficher l'aide"),
        "version" => Some("Afficher la version"),
        "csv_dialect" => Some(
            "Variante CSV : fr (« ; », virgule décimale, marque d'ordre des octets) ou rfc (RFC 4180)",
        ),
        // An import prints its changes, as `ctg diff` words them.
        "dry_run" if command == "collect import" => None,
        "dry_run" => Some("Afficher le diff de la modification sans rien écrire"),
        "strict" => Some("Refuser, sans rien écrire, une modification source d'avertissements"),
        _ => None,
    };
    if global.is_some() {
        return global;
    }
    Some(match (command, id) {
        ("status", "format") => "Format de sortie",
        ("status", "stale_days") => {
            "Une action en cours ou bloquée sans entrée de journal depuis ce nombre de jours est signalée"
        }
        ("status", "rev") => {
            "Le tableau de bord du plan tel qu'enregistré à cette révision git (une étiquette, un commit)"
        }
        ("report", "rev") => {
            "Le bilan du plan tel qu'enregistré à cette révision git (une étiquette, un commit)"
        }
        ("status", "force") => {
            "Permettre une date --at hors des dates de la convention (une note le signale)"
        }
        ("report", "force") => {
            "Permettre une période hors des dates de la convention (une note le signale)"
        }
        ("status", "at") => {
            "Le tableau de bord tel qu'il était à cette date, statuts reconstruits d'après le journal"
        }
        ("check", "format") => {
            "Format de sortie : lignes de source annotées pour les personnes, ou tableau JSON de diagnostics"
        }
        ("check", "deny_warnings") => "Échouer (code 1) aussi sur les avertissements",
        ("check", "explain") => {
            "Expliquer une règle : son niveau, ce qu'elle trouve, un exemple de correction (sans plan)"
        }
        ("check", "deny") => {
            "Changer en erreurs les diagnostics d'une règle, le temps de cette exécution (à répéter, ou CODE,CODE)"
        }
        ("check", "warn") => {
            "Changer en avertissements les diagnostics d'une règle, le temps de cette exécution ; les règles du format des fichiers restent des erreurs"
        }
        ("check", "allow") => {
            "Faire taire les diagnostics d'une règle, le temps de cette exécution ; les règles du format des fichiers restent des erreurs"
        }
        ("list", "axis") => "Seulement les actions de cet axe (à répéter pour plusieurs)",
        ("list", "status") => {
            "Seulement les actions de ce statut : mot-clé ou libellé, par ex. in-progress ou « en cours »"
        }
        ("list", "pilot") => "Seulement les actions que cet acteur pilote",
        ("list", "partner") => "Seulement les actions que cet acteur soutient comme partenaire",
        ("list", "actor") => "Seulement les actions que cet acteur pilote ou soutient",
        ("list", "theme") => "Seulement les actions des axes de ce thème, par ex. Jeunesse",
        ("list", "commune") => {
            "Seulement les actions qui nomment cette commune (dans l'action ou une modalité)"
        }
        ("list", "coordination") => {
            "Seulement les actions marquées comme enjeu de coordination entre collectivités"
        }
        ("list", "within_competences") => {
            "Seulement les actions « dans le respect des compétences »"
        }
        ("list", "no_pilot") => "Seulement les actions sans pilote décidé",
        ("list", "overdue") => "Seulement les actions ouvertes dont l'échéance est passée",
        ("list", "due_before") => "Seulement les actions dont l'échéance tombe ce jour ou avant",
        ("list", "due_after") => "Seulement les actions dont l'échéance tombe ce jour ou après",
        ("list", "text") => {
            "Seulement les actions dont les intitulés, modalités ou journal contiennent tous ces mots (casse et accents ignorés)"
        }
        ("list", "sort") => {
            "Ordre : id, axis (axe), due (échéance la plus proche d'abord), status (statut), progress (les moins avancées d'abord)"
        }
        ("list", "format") => "Format de sortie (ids : un numéro par ligne, pour les scripts)",
        ("show", "id") => "Le numéro de l'action",
        ("show", "format")
        | ("pilots", "format")
        | ("meeting list", "format")
        | ("portfolio", "format")
        | ("diff", "format") => "Format de sortie",
        ("collect export", "actor") => {
            "Seulement le classeur de cet acteur (à répéter ; par défaut : chaque acteur)"
        }
        ("collect export", "year") => {
            "L'année dont les classeurs demandent les valeurs des indicateurs (par défaut : l'année en cours)"
        }
        ("collect export", "force") => "Remplacer les classeurs de même nom déjà dans le dossier",
        ("collect import", "files") => "Les classeurs renvoyés (.xlsx ou .ods)",
        ("collect import", "partial") => {
            "Appliquer les lignes sans problème et lister les autres (par défaut : un problème fait tout refuser)"
        }
        ("collect import", "dry_run") => "Afficher ce qui changerait, sans rien écrire",
        ("collect status", "folders") => "Les dossiers des classeurs envoyés et renvoyés",
        ("collect status", "format") => "Format de sortie",
        ("set", "target") => "L'action (4) ou la modalité (4.2) à modifier",
        ("set", "status") => "Nouveau statut : mot-clé ou libellé (« en cours »)",
        ("set", "start") => "Date de début",
        ("set", "due") => "Échéance",
        ("set", "title") => "Intitulé long",
        ("set", "short_title") => "Intitulé court",
        ("set", "add_pilot") => "Ajouter un pilote (un acteur déclaré dans ctg.toml)",
        ("set", "remove_pilot") => "Retirer un pilote",
        ("set", "add_partner") => "Ajouter un partenaire",
        ("set", "remove_partner") => "Retirer un partenaire",
        ("set", "done") => {
            "Pour une modalité : le jour où elle a été réalisée (la passe en réalisée)"
        }
        ("set", "indicator") => {
            "Numéro de l'indicateur (1 pour le premier) dont on donne la valeur annuelle"
        }
        ("set", "year") => "L'année de la valeur de l'indicateur",
        ("set", "value") => "La valeur de l'indicateur",
        ("set", "remove_value") => "Retirer la valeur de cette année",
        ("set", "budget") => "Le budget prévu, en euros",
        ("set", "remove_budget") => "Retirer le budget prévu",
        ("set", "financer") => {
            "Un financeur et son montant (un acteur déclaré dans ctg.toml) : Caf=5000"
        }
        ("set", "remove_financer") => "Retirer un financeur",
        ("set", "spent") => "Les euros dépensés une année : 2025=4200",
        ("set", "remove_spent") => "Retirer les dépenses d'une année",
        ("set", "target_value") => {
            "La cible de l'indicateur pour cette année (à côté de la cible de la convention)"
        }
        ("set", "axis") => "Rattacher l'action à un autre axe",
        ("set", "text") => "Pour une modalité : sa nouvelle formulation",
        ("set", "no_log") => "Ne pas écrire d'entrée de journal pour un changement de statut",
        ("set", "note") => {
            "Le texte d'une entrée de journal : celle du changement de statut, ou du changement fait"
        }
        ("set", "date") => {
            "Le jour de l'entrée de journal : du changement de statut, ou de la note (par défaut : aujourd'hui)"
        }
        ("log", "id") => "L'action",
        ("log", "message") => "Ce qui s'est passé",
        ("log", "date") => "Le jour où c'est arrivé (par défaut : aujourd'hui)",
        ("log", "status") => {
            "Le statut atteint ce jour-là (celui de l'action aussi, sauf si un changement plus récent est au journal)"
        }
        ("log", "entry") => {
            "Corriger l'entrée N du journal (1 pour la première) : son texte, --date, --status"
        }
        ("log", "remove") => "Retirer l'entrée N du journal (1 pour la première)",
        ("set", "by") | ("log", "by") => {
            "Qui l'a rapporté : l'acteur déclaré que l'entrée de journal nomme"
        }
        ("meeting add", "body") => {
            "L'instance réunie : une clé de [bodies] dans ctg.toml (copil, cotech…)"
        }
        ("meeting add", "date") => "Le jour de la réunion",
        ("meeting add", "title") => "Son titre (par défaut : le nom de l'instance)",
        ("meeting add", "decision") => "Une décision prise (à répéter, dans l'ordre)",
        ("meeting add", "attendee") => "Un participant (à répéter)",
        ("meeting add", "note") => "Des notes sur la réunion",
        ("indicator add", "id") => "L'action",
        ("indicator add", "name") => "Ce qui est mesuré",
        ("indicator add", "unit") => "L'unité des valeurs (familles, %, séances…)",
        ("indicator add", "baseline") => "La valeur avant l'action",
        ("indicator add", "target") => "La valeur visée",
        ("indicator add", "target_year") => {
            "L'année que vise --target, quand c'est une cible annuelle"
        }
        ("modality add", "id") => "L'action",
        ("modality remove", "target") => "La modalité (18.4)",
        ("modality remove", "force") => "La retirer même si les suivantes sont renumérotées",
        ("modality add", "text") => "La modalité",
        ("convention set", "name") => "Le nom de la convention",
        ("convention set", "territory") => "Le territoire couvert",
        ("convention set", "caf") => "La Caf signataire",
        ("convention set", "adopted") => "Le jour de son adoption",
        ("convention set", "start") => "Son premier jour",
        ("convention set", "end") => "Son dernier jour",
        ("meeting list", "year") => "Seulement les réunions de cette année",
        ("meeting list", "body") => "Seulement les réunions de cette instance",
        ("new", "axis") => "L'axe de rattachement",
        ("new", "title") => "L'intitulé long",
        ("new", "short_title") => "L'intitulé court",
        ("new", "pilot") => "Un pilote (à répéter pour plusieurs)",
        ("new", "due") => "Échéance",
        ("new", "modality") => "Une modalité (à répéter, dans l'ordre)",
        ("report", "compact") => {
            "Laisser de côté ce qui n'a rien à dire (les rubriques vides d'une action, le financement quand aucun montant n'est connu)"
        }
        ("report", "table") => {
            "CSV : le tableau à écrire (actions, modalities, indicators, journal, financing, governance)"
        }
        ("report", "year") => "L'année civile du bilan (par défaut : la dernière année complète)",
        ("report", "from") => "Premier jour de la période (avec --to)",
        ("report", "to") => "Dernier jour de la période (avec --from)",
        ("report", "format") => "Format de sortie (par défaut : selon l'extension de -o, sinon md)",
        ("report", "since") => {
            "Ajouter ce qui a changé depuis cette révision git, l'étiquette du dernier comité (md, html, json, xlsx)"
        }
        ("portfolio", "dir") => "Le dossier où chercher les plans (dossiers contenant ctg.toml)",
        ("portfolio", "sort") => {
            "Ordre : `territory` (territoire), `progress` (les moins avancés d'abord), `late` (retards), `errors` (erreurs)"
        }
        ("diff", "from") => "La révision de départ : étiquette, branche ou commit",
        ("diff", "to") => "La révision d'arrivée (par défaut : les fichiers tels qu'ils sont)",
        ("init", "dir") => {
            "Le dossier du nouveau plan (créé ; il ne doit pas déjà contenir de plan)"
        }
        ("init", "territory") => {
            "Le territoire, par ex. « Communauté de communes du Pays d'Exemple »"
        }
        ("init", "name") => {
            "Le nom de la convention (par défaut : « Convention territoriale globale — TERRITOIRE »)"
        }
        ("init", "caf") => "La Caf signataire",
        ("init", "start") => "Premier jour de la convention",
        ("init", "end") => "Dernier jour de la convention",
        ("schema", "kind") => {
            "Le type de fichier : convention (ctg.toml), axis (axe), action, meeting (réunion)"
        }
        ("completions", "shell") => "Le shell",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    #[test]
    fn every_command_and_argument_has_its_french_help() {
        let command = Cli::command();
        let mut missing = Vec::new();
        let mut check = |name: &str, cmd: &Command| {
            if about(name).is_none() {
                missing.push(format!("about of `{name}`"));
            }
            if examples(name).is_none() {
                missing.push(format!("examples of `{name}`"));
            }
            for arg in cmd.get_arguments() {
                if argument(name, arg.get_id().as_str()).is_none() {
                    missing.push(format!("`{name} --{}`", arg.get_id()));
                }
            }
        };
        check("", &command);
        for sub in command.get_subcommands() {
            check(sub.get_name(), sub);
            for inner in sub.get_subcommands() {
                check(&format!("{} {}", sub.get_name(), inner.get_name()), inner);
            }
        }
        assert!(missing.is_empty(), "no French help for: {missing:?}");
    }

    #[test]
    fn french_examples_are_the_english_ones() {
        // The commands shown must not drift between the two languages.
        let command = Cli::command();
        let commands = |text: &str| -> Vec<String> {
            text.lines()
                .map(str::trim)
                .filter(|line| line.starts_with("ctg "))
                .map(|line| line.split(" # ").next().unwrap_or(line).trim().to_string())
                .collect()
        };
        let inner = command.get_subcommands().flat_map(|sub| {
            sub.get_subcommands()
                .map(move |inner| (format!("{} {}", sub.get_name(), inner.get_name()), inner))
        });
        let all = command
            .get_subcommands()
            .map(|sub| (sub.get_name().to_string(), sub))
            .chain(inner);
        for (name, sub) in all {
            let english = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            let french = examples(&name).unwrap_or_default();
            assert_eq!(commands(&english), commands(french), "{name}");
        }
    }
}
