//! `ctg.toml`: the convention, its actors and its governance bodies.

use toml::Spanned;
use toml::de::DeValue;

use super::{SCHEMA_VERSION, strings, text};
use crate::i18n::Msg;
use crate::model::{Actor, Body, Convention};
use crate::reader::rules as format;
use crate::reader::{FieldType, FileContext, TableReader};
use crate::span::Located;

pub(super) fn read_convention(mut table: TableReader, ctx: &mut FileContext) -> Convention {
    table.require(ctx, "schema");
    let schema = table.integer(ctx, "schema", 0..=i64::MAX);
    match &schema {
        Some(version) if version.value != SCHEMA_VERSION => {
            let lang = ctx.lang;
            ctx.error(
                &format::UNSUPPORTED_SCHEMA,
                version.span.range(),
                format::SCHEMA_NOT_READ.fill(lang, &[&version.value]),
                Some(format::SET_SCHEMA.get(lang).to_string()),
            );
        }
        _ => {}
    }
    let convention = Convention {
        schema,
        name: text(table.title(ctx, "name")),
        territory: text(table.title(ctx, "territory")),
        caf: table.string(ctx, "caf").map(|caf| caf.value),
        adopted: table.date(ctx, "adopted"),
        start: table.date(ctx, "start"),
        end: table.date(ctx, "end"),
        deliberation: table.string(ctx, "deliberation").map(|d| d.value),
        transmitted: table.date(ctx, "transmitted"),
        actors: table
            .entries(ctx, "actors", &FieldType::Table("actors.*"))
            .into_iter()
            .filter_map(|(id, value)| read_actor(id.owned(), value, ctx))
            .collect(),
        bodies: table
            .entries(ctx, "bodies", &FieldType::Table("bodies.*"))
            .into_iter()
            .filter_map(|(key, value)| read_body(key.owned(), value, ctx))
            .collect(),
    };
    table.finish(ctx);
    convention
}

fn sub_table<'t, 'i>(
    key: &str,
    value: &'t Spanned<DeValue<'i>>,
    ctx: &mut FileContext,
    path: &'static str,
) -> Option<TableReader<'t, 'i>> {
    match value.get_ref() {
        DeValue::Table(table) => Some(TableReader::new(table, value.span(), path)),
        _ => {
            ctx.wrong_type(key, Msg::TypeTable, value);
            None
        }
    }
}

fn read_actor(
    id: Located<String>,
    value: &Spanned<DeValue>,
    ctx: &mut FileContext,
) -> Option<Actor> {
    let mut table = sub_table(&id.value, value, ctx, "actors.*")?;
    let actor = Actor {
        name: text(table.title(ctx, "name")),
        members: strings(table.string_list(ctx, "members")),
        caf: table.bool(ctx, "caf").unwrap_or(false),
        id,
    };
    table.finish(ctx);
    Some(actor)
}

fn read_body(
    key: Located<String>,
    value: &Spanned<DeValue>,
    ctx: &mut FileContext,
) -> Option<Body> {
    let mut table = sub_table(&key.value, value, ctx, "bodies.*")?;
    table.require(ctx, "per_year");
    let per_year = table.integer(ctx, "per_year", 0..=366);
    let body = Body {
        name: text(table.title(ctx, "name")),
        per_year: per_year.map_or(0, |n| n.value as u32),
        hosts: strings(table.string_list(ctx, "hosts")),
        members: strings(table.string_list(ctx, "members")),
        purpose: table.string(ctx, "purpose").map(|p| p.value),
        notes: table.string(ctx, "notes").map(|n| n.value),
        key,
    };
    table.finish(ctx);
    Some(body)
}
