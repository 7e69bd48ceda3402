//! JSON Schemas of the plan files, made from the loader's own description
//! of each table (`load::fields_of`), with a description of every key in
//! French or English (`--lang`), so that editors complete and check keys as
//! staff type.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::diag::Text;
use crate::i18n::Lang;
use crate::load::fields_of;
use crate::model::Status;
use crate::reader::{Field, FieldType};
use crate::source::FileKind;

/// The schema of one kind of file, its title and descriptions in `lang`.
pub fn json_schema(kind: FileKind, lang: Lang) -> Value {
    let tables = fields_of(kind);
    let (id, title) = match kind {
        FileKind::Convention => (
            "convention",
            Text::new(
                "Convention territoriale globale (ctg.toml)",
                "Convention Territoriale Globale (ctg.toml)",
            ),
        ),
        FileKind::Axis => (
            "axis",
            Text::new(
                "Axe du plan (axes/N-nom.toml)",
                "Axis of the plan (axes/N-name.toml)",
            ),
        ),
        FileKind::Action => (
            "action",
            Text::new(
                "Fiche-action (actions/NN-nom.toml)",
                "Action sheet (actions/NN-name.toml)",
            ),
        ),
        FileKind::Meeting => (
            "meeting",
            Text::new(
                "Réunion d'une instance de gouvernance (meetings/AAAA-MM-JJ-instance.toml)",
                "Meeting of a governance body (meetings/YYYY-MM-DD-body.toml)",
            ),
        ),
    };
    let mut schema = table_schema(&tables, "", lang);
    if let Value::Object(map) = &mut schema {
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        head.insert(
            "$id".into(),
            json!(format!("https://ctg.invalid/schema/1/{id}.json")),
        );
        head.insert("title".into(), json!(title.get(lang)));
        head.append(map);
        return Value::Object(head);
    }
    schema
}

fn table_schema(tables: &BTreeMap<&'static str, Vec<Field>>, path: &str, lang: Lang) -> Value {
    let fields = tables.get(path).map(Vec::as_slice).unwrap_or_default();
    let mut properties = Map::new();
    for field in fields {
        let mut property = type_schema(tables, &field.ty, lang);
        if let (Value::Object(map), Some(text)) = (&mut property, describe(path, field.key)) {
            map.insert("description".into(), json!(text.get(lang)));
        }
        properties.insert(field.key.to_string(), property);
    }
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

fn type_schema(tables: &BTreeMap<&'static str, Vec<Field>>, ty: &FieldType, lang: Lang) -> Value {
    match ty {
        FieldType::Text => json!({"type": "string"}),
        FieldType::Title => json!({"type": "string", "minLength": 1, "pattern": "\\S"}),
        FieldType::Status => {
            let keywords: Vec<&str> = Status::ALL.iter().map(|s| s.keyword()).collect();
            json!({"type": "string", "enum": keywords})
        }
        FieldType::Bool => json!({"type": "boolean"}),
        FieldType::Integer { min, max } => {
            let mut schema = json!({"type": "integer"});
            if *min > i64::MIN {
                schema["minimum"] = json!(min);
            }
            if *max < i64::MAX {
                schema["maximum"] = json!(max);
            }
            schema
        }
        FieldType::Number => json!({"type": "number"}),
        FieldType::Amount => json!({"type": "number", "minimum": 0}),
        // A TOML local date; editors check it as a date-formatted string.
        FieldType::Date => json!({"type": "string", "format": "date"}),
        FieldType::TextList => json!({"type": "array", "items": {"type": "string"}}),
        FieldType::Tables(path) => {
            json!({"type": "array", "items": table_schema(tables, path, lang)})
        }
        FieldType::Table(path) => table_schema(tables, path, lang),
        FieldType::Entries { values, years } => {
            let mut schema = json!({
                "type": "object",
                "additionalProperties": type_schema(tables, values, lang),
            });
            if *years {
                schema["propertyNames"] = json!({"pattern": "^[0-9]{4}$"});
            }
            schema
        }
    }
}

/// What each key means, in the words of the staff who fill the files: the
/// table path (as `load::fields_of` names it), the key, and the description
/// in French and English. One table, so that a test proves every key of every
/// kind described in both languages and every line used.
#[rustfmt::skip]
static KEYS: &[(&str, &str, Text)] = &[
    ("", "schema", Text::new("Version du format des fichiers : 1.", "Version of the file format: 1.")),
    ("", "name", Text::new("Nom de la convention.", "Name of the convention.")),
    ("", "territory", Text::new("Le territoire signataire (intercommunalité, commune).", "The signatory territory (intercommunality, commune).")),
    ("", "caf", Text::new("La Caf signataire.", "The signatory Caf.")),
    ("", "adopted", Text::new("Date d'adoption de la convention.", "Date the convention was adopted.")),
    ("", "start", Text::new("Premier jour (de la convention, ou de l'action).", "First day (of the convention, or of the action).")),
    ("", "end", Text::new("Dernier jour de la convention.", "Last day of the convention.")),
    ("", "deliberation", Text::new("Référence de la délibération qui a adopté le plan.", "Reference of the council decision (délibération) that adopted the plan.")),
    ("", "transmitted", Text::new("Date de transmission de l'acte en préfecture.", "Date the act was sent to the prefecture.")),
    ("", "actors", Text::new("Les acteurs, par identifiant : toute structure pilote ou partenaire d'une action.", "The actors, by identifier: any organisation that is a pilot or a partner of an action.")),
    ("", "bodies", Text::new("Les instances de gouvernance, par identifiant (copil, cotech…).", "The governance bodies, by identifier (copil, cotech…).")),
    ("actors.*", "name", Text::new("Nom de l'acteur.", "Name of the actor.")),
    ("actors.*", "members", Text::new("Les communes membres.", "The member communes.")),
    ("actors.*", "caf", Text::new("true : cet acteur est la Caf, dont le bilan donne la part du financement (sans elle, l'acteur d'identifiant Caf).", "true: this actor is the Caf, whose share of the financing the bilan gives (without it, the actor whose id is Caf).")),
    ("bodies.*", "name", Text::new("Nom de l'instance.", "Name of the body.")),
    ("bodies.*", "per_year", Text::new("Nombre de réunions attendues par an.", "Number of meetings expected per year.")),
    ("bodies.*", "hosts", Text::new("Qui anime l'instance.", "Who runs the body.")),
    ("bodies.*", "members", Text::new("Qui compose l'instance.", "Who sits on the body.")),
    ("bodies.*", "purpose", Text::new("L'objectif de l'instance.", "The purpose of the body.")),
    ("bodies.*", "notes", Text::new("Précisions (ce que préparent les réunions…).", "Details (what the meetings prepare…).")),
    ("", "id", Text::new("Identifiant : un entier positif, repris au début du nom du fichier.", "Identifier: a positive integer, repeated at the start of the file name.")),
    ("", "title", Text::new("Intitulé (long, pour une action : celui du synoptique).", "Title (for an action, the long one: that of the plan's overview table).")),
    ("", "theme", Text::new("Étiquette courte de l'axe (Parentalité, Jeunesse…).", "Short label of the axis (Parentalité, Jeunesse…).")),
    ("", "axis", Text::new("Numéro de l'axe de rattachement.", "Number of the axis the action belongs to.")),
    ("", "short_title", Text::new("Intitulé court (celui des diapositives de l'axe).", "Short title (the one on the axis's slides).")),
    ("", "status", Text::new("Statut : planned (à engager), in-progress (en cours), blocked (bloquée), postponed (reportée), done (réalisée), abandoned (abandonnée).", "Status: planned, in-progress, blocked, postponed, done or abandoned.")),
    ("", "pilots", Text::new("Identifiants des acteurs pilotes, déclarés dans ctg.toml ; vide tant que rien n'est décidé.", "Identifiers of the pilot actors, declared in ctg.toml; empty until it is decided.")),
    ("", "roles", Text::new("Le rôle de chaque pilote ou partenaire, par identifiant.", "The role of each pilot or partner, by identifier.")),
    ("", "partners", Text::new("Identifiants des acteurs partenaires.", "Identifiers of the partner actors.")),
    ("", "pilot_note", Text::new("Le pilotage tel que la source l'écrit quand il n'est pas décidé (« À définir… »).", "Who pilots, in the source's words, while it is not decided (\"À définir…\").")),
    ("", "coordination", Text::new("Enjeu de coordination entre collectivités (le pictogramme du plan).", "A matter of coordination between local authorities (the plan's pictogram).")),
    ("", "within_competences", Text::new("Action menée « dans le respect des compétences ».", "Action carried out \"within each authority's competences\".")),
    ("", "due", Text::new("Échéance.", "Due date.")),
    ("", "created", Text::new("Le jour où l'action est entrée dans le plan (ctg new l'écrit) ; sans lui, l'action existe depuis l'adoption de la convention.", "The day the action entered the plan (ctg new writes it); without it, the action exists since the convention was adopted.")),
    ("modalities[]", "created", Text::new("Le jour où la modalité a été ajoutée ; sans lui, elle existe depuis l'action.", "The day the modality was added; without it, it exists as long as its action.")),
    ("indicators[]", "created", Text::new("Le jour où l'indicateur a été ajouté ; sans lui, il existe depuis l'action.", "The day the indicator was added; without it, it exists as long as its action.")),
    ("", "publics", Text::new("Les publics visés.", "The target groups.")),
    ("", "communes", Text::new("Les communes concernées (vide : tout le territoire).", "The communes concerned (empty: the whole territory).")),
    ("", "budget", Text::new("Budget prévu, en euros.", "Planned budget, in euros.")),
    ("", "spent", Text::new("Euros dépensés par année : { 2025 = 4200 }.", "Euros spent by year: { 2025 = 4200 }.")),
    ("", "financers", Text::new("Les financeurs et leur montant en euros, par identifiant d'acteur déclaré dans ctg.toml : { Caf = 5000, CCVA = 7500 }.", "The financers and their amount in euros, by identifier of an actor declared in ctg.toml: { Caf = 5000, CCVA = 7500 }.")),
    ("", "modalities", Text::new("Les modalités de mise en œuvre, dans l'ordre (la 2e est « 4.2 » pour ctg set).", "The modalities of implementation, in order (the 2nd is `4.2` for ctg set).")),
    ("", "indicators", Text::new("Les indicateurs d'évaluation.", "The evaluation indicators.")),
    ("", "log", Text::new("Le journal de suivi, daté ; « ctg log » y ajoute des entrées.", "The dated follow-up log; `ctg log` adds entries to it.")),
    ("modalities[]", "text", Text::new("Ce que dit la modalité.", "What the modality says.")),
    ("modalities[]", "status", Text::new("Statut de la modalité (mêmes mots-clés que l'action).", "Status of the modality (the same keywords as an action's).")),
    ("modalities[]", "done", Text::new("Date à laquelle la modalité a été réalisée.", "Date the modality was done.")),
    ("modalities[]", "commune", Text::new("La commune concernée.", "The commune concerned.")),
    ("modalities[]", "pilots", Text::new("Pilotes propres à la modalité.", "Pilots of this modality alone.")),
    ("indicators[]", "name", Text::new("Nom de l'indicateur.", "Name of the indicator.")),
    ("indicators[]", "unit", Text::new("Unité (personnes, familles…).", "Unit (people, families…).")),
    ("indicators[]", "baseline", Text::new("Valeur de référence.", "Baseline value.")),
    ("indicators[]", "target", Text::new("Valeur cible.", "Target value.")),
    ("indicators[]", "values", Text::new("Valeurs par année : { 2024 = 12, 2025 = 25 }.", "Values by year: { 2024 = 12, 2025 = 25 }.")),
    ("indicators[]", "targets", Text::new("Cibles de certaines années : { 2026 = 40, 2027 = 60 } ; sans cible pour une année, target vaut.", "Targets of given years: { 2026 = 40, 2027 = 60 }; a year without one takes target.")),
    ("log[]", "date", Text::new("Le jour où c'est arrivé.", "The day it happened.")),
    ("log[]", "note", Text::new("Ce qui s'est passé.", "What happened.")),
    ("log[]", "by", Text::new("Qui l'a rapporté : un acteur déclaré (une entrée recueillie par ctg collect dit de qui elle vient).", "Who reported it: a declared actor (an entry collected by ctg collect says whom it came from).")),
    ("log[]", "status", Text::new("Le statut atteint ce jour-là, si l'action a changé de statut.", "The status reached that day, if the action changed status.")),
    ("", "body", Text::new("Identifiant de l'instance (une clé de [bodies] dans ctg.toml).", "Identifier of the body (a key of [bodies] in ctg.toml).")),
    ("", "date", Text::new("Date de la réunion.", "Date of the meeting.")),
    ("", "agenda", Text::new("L'ordre du jour.", "The agenda.")),
    ("", "attendees", Text::new("Les participants.", "The attendees.")),
    ("", "decisions", Text::new("Les décisions prises.", "The decisions taken.")),
    ("", "notes", Text::new("Notes libres.", "Free notes.")),
];

/// The description of a key of the table at `path`, if the table has one.
fn describe(path: &str, key: &str) -> Option<Text> {
    KEYS.iter()
        .find(|(p, k, _)| *p == path && *k == key)
        .map(|(_, _, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk<'a>(value: &'a Value, path: String, found: &mut Vec<(String, &'a Value)>) {
        if let Some(properties) = value.get("properties").and_then(Value::as_object) {
            for (key, property) in properties {
                found.push((format!("{path}{key}"), property));
                walk(property, format!("{path}{key}."), found);
                if let Some(items) = property.get("items") {
                    walk(items, format!("{path}{key}[]."), found);
                }
                if let Some(values) = property
                    .get("additionalProperties")
                    .filter(|v| v.is_object())
                {
                    walk(values, format!("{path}{key}.*."), found);
                }
            }
        }
    }

    const KINDS: [FileKind; 4] = [
        FileKind::Convention,
        FileKind::Axis,
        FileKind::Action,
        FileKind::Meeting,
    ];

    #[test]
    fn every_key_of_every_schema_is_described_in_both_languages() {
        for kind in KINDS {
            let french = json_schema(kind, Lang::Fr);
            let english = json_schema(kind, Lang::En);
            let title = |schema: &Value| schema["title"].as_str().unwrap_or_default().to_string();
            assert!(!title(&french).is_empty() && !title(&english).is_empty());
            assert_ne!(title(&french), title(&english), "{kind:?}");
            let (mut in_french, mut in_english) = (Vec::new(), Vec::new());
            walk(&french, String::new(), &mut in_french);
            walk(&english, String::new(), &mut in_english);
            assert!(in_french.len() >= 3, "{kind:?}: {french:#}");
            assert_eq!(in_french.len(), in_english.len());
            for ((key, fr), (_, en)) in in_french.into_iter().zip(in_english) {
                let fr = fr["description"].as_str().unwrap_or_default();
                let en = en["description"].as_str().unwrap_or_default();
                assert!(
                    !fr.is_empty(),
                    "{kind:?}: `{key}` has no French description"
                );
                assert!(
                    !en.is_empty(),
                    "{kind:?}: `{key}` has no English description"
                );
                assert_ne!(fr, en, "{kind:?}: `{key}` is not translated");
            }
        }
    }

    #[test]
    fn only_the_words_change_with_the_language() {
        fn without_words(value: &Value) -> Value {
            match value {
                Value::Object(map) => Value::Object(
                    map.iter()
                        .filter(|(key, _)| *key != "title" && *key != "description")
                        .map(|(key, value)| (key.clone(), without_words(value)))
                        .collect(),
                ),
                Value::Array(items) => Value::Array(items.iter().map(without_words).collect()),
                other => other.clone(),
            }
        }
        for kind in KINDS {
            assert_eq!(
                without_words(&json_schema(kind, Lang::Fr)),
                without_words(&json_schema(kind, Lang::En)),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn every_line_of_the_table_describes_a_key_once() {
        let keys: Vec<(&str, &str)> = KINDS
            .into_iter()
            .flat_map(|kind| fields_of(kind).into_iter())
            .flat_map(|(path, fields)| fields.into_iter().map(move |f| (path, f.key)))
            .collect();
        for (index, (path, key, _)) in KEYS.iter().enumerate() {
            assert!(keys.contains(&(*path, *key)), "`{path}` `{key}` is no key");
            let twice = KEYS[index + 1..]
                .iter()
                .any(|(p, k, _)| p == path && k == key);
            assert!(!twice, "`{path}` `{key}` is described twice");
        }
    }

    #[test]
    fn the_schema_follows_the_loader() {
        let action = json_schema(FileKind::Action, Lang::Fr);
        assert_eq!(action["required"], json!(["id", "axis", "title"]));
        assert_eq!(action["properties"]["id"]["minimum"], 1);
        assert_eq!(action["properties"]["status"]["enum"][1], "in-progress");
        assert_eq!(
            action["properties"]["log"]["items"]["required"],
            json!(["date", "note"])
        );
        let convention = json_schema(FileKind::Convention, Lang::Fr);
        assert_eq!(
            convention["properties"]["bodies"]["additionalProperties"]["required"],
            json!(["per_year", "name"])
        );
    }
}
