//! `ctg set ID --budget/--financer/--spent`: an action's money, set or
//! removed in place. Whether a financer is a declared actor and an amount
//! a real sum is the plan's check, run before anything is written.

use crate::analysis::money::{MoneyMsg, euros};
use crate::cli::SetArgs;
use crate::edit::{number_value, set_value};
use crate::i18n::Lang;
use crate::model::Action;
use crate::render::escape;

/// Whether the arguments change the action's money.
pub fn asked(args: &SetArgs) -> bool {
    args.budget.is_some()
        || args.remove_budget
        || !args.financer.is_empty()
        || !args.remove_financer.is_empty()
        || !args.spent.is_empty()
        || !args.remove_spent.is_empty()
}

/// Writes the money changes asked, and says each.
pub fn apply(
    args: &SetArgs,
    action: &Action,
    doc: &mut toml_edit::Table,
    lang: Lang,
) -> Vec<String> {
    let id = action.id.value;
    let shown = |amount: Option<f64>| amount.map_or("—".to_string(), |a| euros(a, lang));
    let mut lines = Vec::new();
    if let Some(budget) = args.budget.filter(|b| Some(*b) != action.planned()) {
        set_value(doc, "budget", number_value(budget));
        let line = lang.fill(
            MoneyMsg::EditBudget,
            &[&id, &shown(action.planned()), &shown(Some(budget))],
        );
        lines.push(line);
    }
    if args.remove_budget {
        lines.push(match doc.remove("budget") {
            Some(_) => lang.fill(
                MoneyMsg::EditBudgetRemoved,
                &[&id, &shown(action.planned())],
            ),
            None => lang.fill(MoneyMsg::EditNoBudget, &[&id]),
        });
    }
    for (actor, amount) in &args.financer {
        let old = action.financed_by(actor);
        if old != Some(*amount) {
            put(doc, "financers", actor, *amount);
            let actor = escape::terminal(actor);
            lines.push(lang.fill(
                MoneyMsg::EditFinancer,
                &[&id, &actor, &shown(old), &shown(Some(*amount))],
            ));
        }
    }
    for actor in &args.remove_financer {
        let old = action.financed_by(actor);
        let removed = take(doc, "financers", actor);
        let actor = escape::terminal(actor);
        lines.push(match removed {
            true => lang.fill(MoneyMsg::EditFinancerRemoved, &[&id, &actor, &shown(old)]),
            false => lang.fill(MoneyMsg::EditNoFinancer, &[&id, &actor]),
        });
    }
    for (year, amount) in &args.spent {
        let old = action.spent_in(*year);
        if old != Some(*amount) {
            put(doc, "spent", &year.to_string(), *amount);
            lines.push(lang.fill(
                MoneyMsg::EditSpent,
                &[&id, year, &shown(old), &shown(Some(*amount))],
            ));
        }
    }
    for year in &args.remove_spent {
        let old = action.spent_in(*year);
        lines.push(match take(doc, "spent", &year.to_string()) {
            true => lang.fill(MoneyMsg::EditSpentRemoved, &[&id, year, &shown(old)]),
            false => lang.fill(MoneyMsg::EditNoSpent, &[&id, year]),
        });
    }
    lines
}

/// Sets `entry` of the table `key` (inline, or a section), creating an
/// inline table when there is none.
fn put(doc: &mut toml_edit::Table, key: &str, entry: &str, amount: f64) {
    if doc.get(key).is_none() {
        doc.insert(key, toml_edit::value(toml_edit::InlineTable::new()));
    }
    let Some(item) = doc.get_mut(key) else { return };
    let inline = item.is_inline_table();
    if let Some(table) = item.as_table_like_mut() {
        set_value(table, entry, number_value(amount));
        if inline {
            table.fmt();
        }
    }
}

/// Removes `entry` of the table `key`, and the table once empty; says
/// whether there was one.
fn take(doc: &mut toml_edit::Table, key: &str, entry: &str) -> bool {
    let Some(item) = doc.get_mut(key) else {
        return false;
    };
    let inline = item.is_inline_table();
    let Some(table) = item.as_table_like_mut() else {
        return false;
    };
    let removed = table.remove(entry).is_some();
    if inline {
        table.fmt();
    }
    if table.is_empty() {
        doc.remove(key);
    }
    removed
}
