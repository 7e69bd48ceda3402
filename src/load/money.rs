//! An action's financing: who pays and how much (`financers`). The planned
//! `budget` is a plain number, and `spent` is read as numbers by year, like
//! an indicator's values.

use crate::reader::{FieldType, FileContext, TableReader, read_number};
use crate::span::Located;

/// `financers = { Caf = 5000, CCVA = 7500 }`: amounts by actor id, in file
/// order. Whether each actor is declared is a rule of the whole plan.
pub(super) fn read_financers(
    table: &mut TableReader,
    ctx: &mut FileContext,
) -> Vec<(Located<String>, f64)> {
    table
        .entries(ctx, "financers", &FieldType::Amount)
        .into_iter()
        .filter_map(|(actor, value)| {
            let amount = read_number(ctx, actor.value, value)?;
            Some((actor.owned(), amount))
        })
        .collect()
}
