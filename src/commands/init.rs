//! `ctg init DIR`: a new plan that `ctg check` accepts, whose comments teach
//! the format, with one example axis and action to replace.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::Context;
use crate::cli::InitArgs;
use crate::error::Error;
use crate::i18n::Msg;
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
        (CONVENTION_FILE, convention(args)),
        ("axes/1-exemple.toml", AXIS.to_string()),
        ("actions/01-exemple.toml", ACTION.to_string()),
    ];
    let fail = |path: &Path, err: std::io::Error| Error::write(path, err);
    for folder in ["axes", "actions", "meetings"] {
        let path = args.dir.join(folder);
        fs::create_dir_all(&path).map_err(|err| fail(&path, err))?;
    }
    // Each file is created new: an existing file is never overwritten.
    for (name, text) in files {
        let path = args.dir.join(name);
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| file.write_all(text.as_bytes()))
            .map_err(|err| fail(&path, err))?;
    }
    Ok(Output::confirmation(format!(
        "{}\n",
        lang.fill(Msg::InitDone, &[&args.dir.display()])
    )))
}

/// A TOML string, quoted and escaped.
fn quoted(text: &str) -> String {
    toml_edit::Value::from(text).to_string().trim().to_string()
}

fn date_line(key: &str, date: Option<NaiveDate>, example: &str) -> String {
    match date {
        Some(date) => format!("{key} = {}\n", date.format("%Y-%m-%d")),
        None => format!("# {key} = {example}\n"),
    }
}

fn convention(args: &InitArgs) -> String {
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| format!("Convention territoriale globale — {}", args.territory));
    let caf = match &args.caf {
        Some(caf) => format!("caf = {}\n", quoted(caf)),
        None => "# caf = \"Caf de …\"\n".to_string(),
    };
    format!(
        "# Le fichier principal du plan : la convention, ses acteurs et sa gouvernance.
# Les clés sont en anglais, les valeurs dans vos mots. Une clé inconnue est
# une erreur : « ctg check » vérifie tout le plan et dit quoi corriger.
schema = 1
name = {name}
territory = {territory}
{caf}{start}{end}
# Les acteurs : toute structure pilote ou partenaire d'une action. On écrit
# dans les actions l'identifiant entre crochets (ici EPCI, Communes).
[actors.EPCI]
name = {territory}

[actors.Communes]
name = \"Communes membres\"
# members = [\"…\", \"…\"]   # les communes membres, une fois connues

# Les instances de gouvernance et le nombre de réunions attendues par an.
# Chaque réunion tenue est un fichier de meetings/ (AAAA-MM-JJ-instance.toml) :
#   body = \"copil\"
#   date = 2025-11-30
#   title = \"Comité de pilotage annuel\"
[bodies.copil]
name = \"Comité de pilotage CTG\"
per_year = 1
purpose = \"Pilotage et arbitrage concernant le plan d'action\"

[bodies.cotech]
name = \"Comité technique CTG\"
per_year = 2
purpose = \"Suivi du plan d'action et préparation des comités de pilotage\"
",
        name = quoted(&name),
        territory = quoted(&args.territory),
        start = date_line("start", args.start, "2025-01-01   # début de la convention"),
        end = date_line("end", args.end, "2028-12-31     # fin de la convention"),
    )
}

const AXIS: &str = "# Un axe (orientation) par fichier ; le numéro du nom reprend l'identifiant.
# EXEMPLE À REMPLACER par les orientations de votre convention.
id = 1
title = \"Axe d'exemple — à remplacer\"
theme = \"Parentalité\"   # facultatif : l'étiquette courte de l'axe
";

const ACTION: &str = "# Une fiche-action par fichier ; le numéro du nom reprend l'identifiant.
# EXEMPLE À REMPLACER. « ctg new --axis 1 --title \"…\" » crée les suivantes.
id = 1
axis = 1                                 # l'axe de rattachement
title = \"Action d'exemple — à remplacer\" # l'intitulé long
short_title = \"Exemple\"                  # facultatif : l'intitulé court
status = \"planned\"                       # planned, in-progress, blocked, postponed, done, abandoned
pilots = [\"EPCI\"]                        # identifiants déclarés dans ctg.toml ; [] tant que rien n'est décidé
partners = []
# roles = { EPCI = \"coordination\" }     # le rôle de chaque pilote ou partenaire
# pilot_note = \"À définir\"               # quand le pilote n'est pas décidé
# due = 2026-06-30                       # l'échéance

[[modalities]]
text = \"Première modalité — à remplacer\"
# status = \"done\"                        # une modalité a le même statut qu'une action
# done = 2025-05-02                      # et la date où elle a été réalisée

# Le journal de suivi, que « ctg log » et « ctg set --status » complètent :
# [[log]]
# date = 2025-03-12
# note = \"Présentation en comité technique\"
# status = \"in-progress\"                 # le statut atteint ce jour-là, s'il a changé
";
