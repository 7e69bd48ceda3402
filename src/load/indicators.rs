//! An action's indicators: name, unit, baseline and target, and the
//! numbers of given years (`values`, `targets`).

use super::{YEARS, text};
use crate::i18n::Msg;
use crate::model::Indicator;
use crate::reader::rules as format;
use crate::reader::{FieldType, FileContext, TableReader, read_number};
use crate::span::Located;

pub(super) fn read_indicator(mut table: TableReader, ctx: &mut FileContext) -> Indicator {
    let name = text(table.title(ctx, "name"));
    let unit = table.string(ctx, "unit").map(|u| u.value);
    let baseline = table.number(ctx, "baseline");
    let target = table.number(ctx, "target");
    let values = read_yearly(&mut table, ctx, "values");
    let targets = read_yearly(&mut table, ctx, "targets");
    let created = table.date(ctx, "created");
    table.finish(ctx);
    Indicator {
        name,
        unit,
        baseline,
        target,
        values: values.into(),
        targets: targets.into(),
        created,
    }
}

/// Numbers by year (`values = { 2024 = 12, 2025 = 25 }`): a key that is
/// not a year is a diagnostic.
pub(super) fn read_yearly(
    table: &mut TableReader,
    ctx: &mut FileContext,
    key: &'static str,
) -> Vec<(Located<i32>, f64)> {
    let values = match key {
        "spent" => &FieldType::Amount,
        _ => &FieldType::Number,
    };
    let entries = table.entries(ctx, key, values);
    let mut yearly = Vec::with_capacity(entries.len());
    yearly.extend(entries.into_iter().filter_map(|(year, value)| {
        let number = year.value.parse::<i32>().ok().filter(|y| YEARS.contains(y));
        let Some(number) = number else {
            let lang = ctx.lang;
            let example = format!("{key} = {{ 2024 = 12, 2025 = 25 }}");
            ctx.error(
                &format::INVALID_YEAR,
                year.span.range(),
                format::NOT_A_YEAR.fill(lang, &[&year.value]),
                Some(lang.fill(Msg::DiagForExample, &[&example])),
            );
            return None;
        };
        let amount = read_number(ctx, year.value, value)?;
        Some((
            Located {
                value: number,
                span: year.span,
            },
            amount,
        ))
    }));
    yearly
}
