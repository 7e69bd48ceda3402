//! JSON Schemas of the plan files, made from the loader's own description
//! of each table (`load::fields_of`), with a French description of every
//! key, so that editors complete and check keys as staff type.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::load::fields_of;
use crate::model::Status;
use crate::reader::{Field, FieldType};
use crate::source::FileKind;

/// The schema of one kind of file.
pub fn json_schema(kind: FileKind) -> Value {
    let tables = fields_of(kind);
    let (id, title) = match kind {
        FileKind::Convention => ("convention", "Convention territoriale globale (ctg.toml)"),
        FileKind::Axis => ("axis", "Axe du plan (axes/N-nom.toml)"),
        FileKind::Action => ("action", "Fiche-action (actions/NN-nom.toml)"),
        FileKind::Meeting => (
            "meeting",
            "Réunion d'une instance de gouvernance (meetings/AAAA-MM-JJ-instance.toml)",
        ),
    };
    let mut schema = table_schema(&tables, "");
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
        head.insert("title".into(), json!(title));
        head.append(map);
        return Value::Object(head);
    }
    schema
}

fn table_schema(tables: &BTreeMap<&'static str, Vec<Field>>, path: &str) -> Value {
    let fields = tables.get(path).map(Vec::as_slice).unwrap_or_default();
    let mut properties = Map::new();
    for field in fields {
        let mut property = type_schema(tables, &field.ty);
        if let Value::Object(map) = &mut property {
            map.insert("description".into(), json!(describe(path, field.key)));
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

fn type_schema(tables: &BTreeMap<&'static str, Vec<Field>>, ty: &FieldType) -> Value {
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
        // A TOML local date; editors check it as a date-formatted string.
        FieldType::Date => json!({"type": "string", "format": "date"}),
        FieldType::TextList => json!({"type": "array", "items": {"type": "string"}}),
        FieldType::Tables(path) => json!({"type": "array", "items": table_schema(tables, path)}),
        FieldType::Table(path) => table_schema(tables, path),
        FieldType::Entries { values, years } => {
            let mut schema = json!({
                "type": "object",
                "additionalProperties": type_schema(tables, values),
            });
            if *years {
                schema["propertyNames"] = json!({"pattern": "^[0-9]{4}$"});
            }
            schema
        }
    }
}

/// What each key means, in the words of the staff who fill the files.
fn describe(path: &str, key: &str) -> &'static str {
    match (path, key) {
        ("", "schema") => "Version du format des fichiers : 1.",
        ("", "name") => "Nom de la convention.",
        ("", "territory") => "Le territoire signataire (intercommunalité, commune).",
        ("", "caf") => "La Caf signataire.",
        ("", "adopted") => "Date d'adoption de la convention.",
        ("", "start") => "Premier jour (de la convention, ou de l'action).",
        ("", "end") => "Dernier jour de la convention.",
        ("", "deliberation") => "Référence de la délibération qui a adopté le plan.",
        ("", "transmitted") => "Date de transmission de l'acte en préfecture.",
        ("", "actors") => {
            "Les acteurs, par identifiant : toute structure pilote ou partenaire d'une action."
        }
        ("", "bodies") => "Les instances de gouvernance, par identifiant (copil, cotech…).",
        ("actors.*", "name") => "Nom de l'acteur.",
        ("actors.*", "members") => "Les communes membres.",
        ("bodies.*", "name") => "Nom de l'instance.",
        ("bodies.*", "per_year") => "Nombre de réunions attendues par an.",
        ("bodies.*", "hosts") => "Qui anime l'instance.",
        ("bodies.*", "members") => "Qui compose l'instance.",
        ("bodies.*", "purpose") => "L'objectif de l'instance.",
        ("bodies.*", "notes") => "Précisions (ce que préparent les réunions…).",
        ("", "id") => "Identifiant : un entier positif, repris au début du nom du fichier.",
        ("", "title") => "Intitulé (long, pour une action : celui du synoptique).",
        ("", "theme") => "Étiquette courte de l'axe (Parentalité, Jeunesse…).",
        ("", "axis") => "Numéro de l'axe de rattachement.",
        ("", "short_title") => "Intitulé court (celui des diapositives de l'axe).",
        ("", "status") => {
            "Statut : planned (à engager), in-progress (en cours), blocked (bloquée), postponed (reportée), done (réalisée), abandoned (abandonnée)."
        }
        ("", "pilots") => {
            "Identifiants des acteurs pilotes, déclarés dans ctg.toml ; vide tant que rien n'est décidé."
        }
        ("", "roles") => "Le rôle de chaque pilote ou partenaire, par identifiant.",
        ("", "partners") => "Identifiants des acteurs partenaires.",
        ("", "pilot_note") => {
            "Le pilotage tel que la source l'écrit quand il n'est pas décidé (« À définir… »)."
        }
        ("", "coordination") => {
            "Enjeu de coordination entre collectivités (le pictogramme du plan)."
        }
        ("", "within_competences") => "Action menée « dans le respect des compétences ».",
        ("", "due") => "Échéance.",
        ("", "publics") => "Les publics visés.",
        ("", "communes") => "Les communes concernées (vide : tout le territoire).",
        ("", "budget") => "Budget, en euros.",
        ("", "modalities") => {
            "Les modalités de mise en œuvre, dans l'ordre (la 2e est « 4.2 » pour ctg set)."
        }
        ("", "indicators") => "Les indicateurs d'évaluation.",
        ("", "log") => "Le journal de suivi, daté ; « ctg log » y ajoute des entrées.",
        ("modalities[]", "text") => "Ce que dit la modalité.",
        ("modalities[]", "status") => "Statut de la modalité (mêmes mots-clés que l'action).",
        ("modalities[]", "done") => "Date à laquelle la modalité a été réalisée.",
        ("modalities[]", "commune") => "La commune concernée.",
        ("modalities[]", "pilots") => "Pilotes propres à la modalité.",
        ("indicators[]", "name") => "Nom de l'indicateur.",
        ("indicators[]", "unit") => "Unité (personnes, familles…).",
        ("indicators[]", "baseline") => "Valeur de référence.",
        ("indicators[]", "target") => "Valeur cible.",
        ("indicators[]", "values") => "Valeurs par année : { 2024 = 12, 2025 = 25 }.",
        ("log[]", "date") => "Le jour où c'est arrivé.",
        ("log[]", "note") => "Ce qui s'est passé.",
        ("log[]", "status") => "Le statut atteint ce jour-là, si l'action a changé de statut.",
        ("", "body") => "Identifiant de l'instance (une clé de [bodies] dans ctg.toml).",
        ("", "date") => "Date de la réunion.",
        ("", "agenda") => "L'ordre du jour.",
        ("", "attendees") => "Les participants.",
        ("", "decisions") => "Les décisions prises.",
        ("", "notes") => "Notes libres.",
        _ => "",
    }
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

    #[test]
    fn every_key_of_every_schema_is_described_in_french() {
        for kind in [
            FileKind::Convention,
            FileKind::Axis,
            FileKind::Action,
            FileKind::Meeting,
        ] {
            let schema = json_schema(kind);
            let mut found = Vec::new();
            walk(&schema, String::new(), &mut found);
            assert!(found.len() >= 3, "{kind:?}: {schema:#}");
            for (key, property) in found {
                let text = property["description"].as_str().unwrap_or_default();
                assert!(!text.is_empty(), "{kind:?}: `{key}` has no description");
            }
        }
    }

    #[test]
    fn the_schema_follows_the_loader() {
        let action = json_schema(FileKind::Action);
        assert_eq!(action["required"], json!(["id", "axis", "title"]));
        assert_eq!(action["properties"]["id"]["minimum"], 1);
        assert_eq!(action["properties"]["status"]["enum"][1], "in-progress");
        assert_eq!(
            action["properties"]["log"]["items"]["required"],
            json!(["date", "note"])
        );
        let convention = json_schema(FileKind::Convention);
        assert_eq!(
            convention["properties"]["bodies"]["additionalProperties"]["required"],
            json!(["per_year", "name"])
        );
    }
}
