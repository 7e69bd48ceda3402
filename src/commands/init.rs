//! `ctg init DIR`: a new plan that `ctg check` accepts, whose comments teach
//! the format in the language of `--lang`, with one example axis and action
//! to replace. The values are the same in both languages: they are plan
//! content (a French plan's words), not the tool's.

use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::Context;
use crate::cli::InitArgs;
use crate::diag::Text;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::output::Output;
use crate::source::CONVENTION_FILE;

pub fn run(context: &Context, args: &InitArgs) -> Result<Output, Error> {
    let lang = context.lang;
    if args.dir.join(CONVENTION_FILE).exists() {
        return Err(Error::PlanExists {
            dir: args.dir.clone(),
        });
    }
    if let (Some(start), Some(end)) = (args.start, args.end)
        && end < start
    {
        return Err(Error::PeriodInverted { start, end });
    }
    let files = [
        (CONVENTION_FILE, convention(args, lang)),
        ("axes/1-exemple.toml", AXIS.get(lang).to_string()),
        ("actions/01-exemple.toml", ACTION.get(lang).to_string()),
    ];
    // A failed init leaves nothing behind: what it created is removed.
    let mut created = Vec::new();
    if let Err(err) = create(&args.dir, &files, &mut created) {
        for path in created.iter().rev() {
            let _ = fs::remove_file(path).or_else(|_| fs::remove_dir(path));
        }
        return Err(err);
    }
    Ok(Output::confirmation(format!(
        "{}\n",
        lang.fill(Msg::InitDone, &[&args.dir.display()])
    )))
}

/// The plan's folders and files, each path created pushed on `created`.
fn create(dir: &Path, files: &[(&str, String)], created: &mut Vec<PathBuf>) -> Result<(), Error> {
    let fail = |path: &Path, err: std::io::Error| Error::write(path, err);
    for folder in ["axes", "actions", "meetings"] {
        let path = dir.join(folder);
        let missing: Vec<PathBuf> = path
            .ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(&path).map_err(|err| fail(&path, err))?;
        created.extend(missing.into_iter().rev());
    }
    // Each file is created new: an existing file is never overwritten.
    for (name, text) in files {
        let path = dir.join(name);
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|err| fail(&path, err))?;
        created.push(path.clone());
        fs::write(&path, text.as_bytes()).map_err(|err| fail(&path, err))?;
    }
    Ok(())
}

/// A TOML string, quoted and escaped.
fn quoted(text: &str) -> String {
    toml_edit::Value::from(text).to_string().trim().to_string()
}

/// `key = date`, or, without a date, the line commented out with `example`.
fn date_line(key: &str, date: Option<NaiveDate>, example: &str) -> String {
    match date {
        Some(date) => format!("{key} = {}\n", date.format("%Y-%m-%d")),
        None => format!("# {key} = {example}\n"),
    }
}

fn convention(args: &InitArgs, lang: Lang) -> String {
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| format!("Convention territoriale globale — {}", args.territory));
    let caf = match &args.caf {
        Some(caf) => format!("caf = {}\n", quoted(caf)),
        None => "# caf = \"Caf de …\"\n".to_string(),
    };
    let start = date_line("start", args.start, START_EXAMPLE.get(lang));
    let end = date_line("end", args.end, END_EXAMPLE.get(lang));
    let territory = quoted(&args.territory);
    // One pass: a placeholder typed in the territory's name stays as typed.
    CONVENTION.fill(lang, &[&quoted(&name), &territory, &caf, &start, &end])
}

const START_EXAMPLE: Text = Text::new(
    "2025-01-01   # début de la convention",
    "2025-01-01   # start of the convention",
);

const END_EXAMPLE: Text = Text::new(
    "2028-12-31     # fin de la convention",
    "2028-12-31     # end of the convention",
);

/// ctg.toml: {0} the name, {1} the territory (both quoted), {2} the `caf`
/// line, {3} and {4} the `start` and `end` lines.
const CONVENTION: Text = Text::new(
    r#"# Le fichier principal du plan : la convention, ses acteurs et sa gouvernance.
# Les clés sont en anglais, les valeurs dans vos mots. Une clé inconnue est
# une erreur : « ctg check » vérifie tout le plan et dit quoi corriger.
schema = 1
name = {0}
territory = {1}
{2}{3}{4}
# Les acteurs : toute structure pilote ou partenaire d'une action. On écrit
# dans les actions l'identifiant entre crochets (ici EPCI, Communes).
[actors.EPCI]
name = {1}

[actors.Communes]
name = "Communes membres"
# members = ["…", "…"]   # les communes membres, une fois connues

# Les instances de gouvernance et le nombre de réunions attendues par an.
# Chaque réunion tenue est un fichier de meetings/ (AAAA-MM-JJ-instance.toml) :
#   body = "copil"
#   date = 2025-11-30
#   title = "Comité de pilotage annuel"
[bodies.copil]
name = "Comité de pilotage CTG"
per_year = 1
purpose = "Pilotage et arbitrage concernant le plan d'action"

[bodies.cotech]
name = "Comité technique CTG"
per_year = 2
purpose = "Suivi du plan d'action et préparation des comités de pilotage"
"#,
    r#"# The main file of the plan: the convention, its actors and its governance.
# Keys are English words, values are in your own words. An unknown key is
# an error: `ctg check` checks the whole plan and says what to fix.
schema = 1
name = {0}
territory = {1}
{2}{3}{4}
# The actors: any organisation that is a pilot or a partner of an action.
# Actions name an actor by the identifier in its brackets (here EPCI, Communes).
[actors.EPCI]
name = {1}

[actors.Communes]
name = "Communes membres"
# members = ["…", "…"]   # the member communes, once known

# The governance bodies and the number of meetings expected per year.
# Each meeting held is a file in meetings/ (YYYY-MM-DD-body.toml):
#   body = "copil"
#   date = 2025-11-30
#   title = "Comité de pilotage annuel"
[bodies.copil]
name = "Comité de pilotage CTG"
per_year = 1
purpose = "Pilotage et arbitrage concernant le plan d'action"

[bodies.cotech]
name = "Comité technique CTG"
per_year = 2
purpose = "Suivi du plan d'action et préparation des comités de pilotage"
"#,
);

const AXIS: Text = Text::new(
    r#"# Un axe (orientation) par fichier ; le numéro du nom reprend l'identifiant.
# EXEMPLE À REMPLACER par les orientations de votre convention.
id = 1
title = "Axe d'exemple — à remplacer"
theme = "Parentalité"   # facultatif : l'étiquette courte de l'axe
"#,
    r#"# One axis (orientation) per file; the number in its name repeats the id.
# EXAMPLE TO REPLACE with the orientations of your convention.
id = 1
title = "Axe d'exemple — à remplacer"
theme = "Parentalité"   # optional: the short label of the axis
"#,
);

const ACTION: Text = Text::new(
    r#"# Une fiche-action par fichier ; le numéro du nom reprend l'identifiant.
# EXEMPLE À REMPLACER. « ctg new --axis 1 --title "…" » crée les suivantes.
id = 1
axis = 1                                 # l'axe de rattachement
title = "Action d'exemple — à remplacer" # l'intitulé long
short_title = "Exemple"                  # facultatif : l'intitulé court
status = "planned"                       # planned, in-progress, blocked, postponed, done, abandoned
pilots = ["EPCI"]                        # identifiants déclarés dans ctg.toml ; [] tant que rien n'est décidé
partners = []
# roles = { EPCI = "coordination" }     # le rôle de chaque pilote ou partenaire
# pilot_note = "À définir"               # quand le pilote n'est pas décidé
# due = 2026-06-30                       # l'échéance

[[modalities]]
text = "Première modalité — à remplacer"
# status = "done"                        # une modalité a le même statut qu'une action
# done = 2025-05-02                      # et la date où elle a été réalisée

# Le journal de suivi, que « ctg log » et « ctg set --status » complètent :
# [[log]]
# date = 2025-03-12
# note = "Présentation en comité technique"
# status = "in-progress"                 # le statut atteint ce jour-là, s'il a changé
"#,
    r#"# One action sheet per file; the number in its name repeats the id.
# EXAMPLE TO REPLACE. `ctg new --axis 1 --title "…"` creates the next ones.
id = 1
axis = 1                                 # the axis it belongs to
title = "Action d'exemple — à remplacer" # the long title
short_title = "Exemple"                  # optional: the short title
status = "planned"                       # planned, in-progress, blocked, postponed, done, abandoned
pilots = ["EPCI"]                        # identifiers declared in ctg.toml; [] until it is decided
partners = []
# roles = { EPCI = "coordination" }     # the role of each pilot or partner
# pilot_note = "À définir"               # when no pilot is decided
# due = 2026-06-30                       # the due date

[[modalities]]
text = "Première modalité — à remplacer"
# status = "done"                        # a modality takes the same statuses as an action
# done = 2025-05-02                      # and the date it was done

# The follow-up log, which `ctg log` and `ctg set --status` add to:
# [[log]]
# date = 2025-03-12
# note = "Présentation en comité technique"
# status = "in-progress"                 # the status reached that day, if it changed
"#,
);
