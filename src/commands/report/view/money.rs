//! The financing of the bilan: totals, the Caf's share, and the tables by
//! axis and by financer. Said in one line when no amount is known (left
//! out with `--compact`).

use crate::analysis::money::euros;
use crate::analysis::report::Report;
use crate::commands::report::words::BilanMsg;
use crate::i18n::{Lang, Msg};
use crate::render::document::Document;
use crate::render::table::{Cell, Table};

pub fn section(report: &Report, lang: Lang, compact: bool, out: &mut Document) {
    let financing = &report.financing;
    if financing.is_empty() {
        if !compact {
            out.heading(2, lang.text(BilanMsg::Financing));
            let year = report.period.years().1;
            out.paragraph(lang.fill(BilanMsg::NoMoney, &[&year]));
        }
        return;
    }
    out.heading(2, lang.text(BilanMsg::Financing));
    let money = |amount: f64| euros(amount, lang);
    out.paragraph(lang.fill(
        BilanMsg::MoneyFigures,
        &[
            &money(financing.planned),
            &money(financing.spent_in_period),
            &money(financing.financed),
        ],
    ));
    // The Caf by its name, as the élus know it.
    let caf_name = financing.caf.as_ref().map(|caf| {
        let named = financing.by_financer.iter().find(|f| &f.actor == caf);
        named.map_or(caf.clone(), |f| f.name.clone())
    });
    match &caf_name {
        Some(caf) => out.paragraph(
            lang.fill(
                BilanMsg::CafShare,
                &[
                    caf,
                    &money(financing.caf_amount),
                    &financing
                        .caf_share
                        .map_or("—".to_string(), |share| lang.percent(share)),
                ],
            ),
        ),
        None => out.paragraph(lang.text(BilanMsg::NoCaf)),
    };
    out.heading(3, lang.text(BilanMsg::ByAxis));
    out.table(by_axis(report, lang));
    out.heading(3, lang.text(BilanMsg::ByFinancer));
    out.table(by_financer(report, lang));
}

/// Planned, spent in the period, financed, and the Caf's part, by axis.
pub fn by_axis(report: &Report, lang: Lang) -> Table {
    let financing = &report.financing;
    let header = vec![
        lang.text(Msg::ColAxis).to_string(),
        lang.text(BilanMsg::ColPlanned).to_string(),
        lang.text(BilanMsg::ColSpent).to_string(),
        lang.text(BilanMsg::ColFinanced).to_string(),
        lang.text(BilanMsg::ColCaf).to_string(),
    ];
    let mut table = Table::with_row_headers(header);
    for axis in &financing.by_axis {
        table.row(vec![
            format!("{} · {}", axis.axis, axis.label).into(),
            Cell::Euros(axis.planned),
            Cell::Euros(axis.spent_in_period),
            Cell::Euros(axis.financed),
            Cell::Euros(axis.caf_amount),
        ]);
    }
    table.row(vec![
        lang.text(BilanMsg::ColTotal).into(),
        Cell::Euros(financing.planned),
        Cell::Euros(financing.spent_in_period),
        Cell::Euros(financing.financed),
        Cell::Euros(financing.caf_amount),
    ]);
    table
}

/// Each financer: its amount, its share of all financing, its actions.
pub fn by_financer(report: &Report, lang: Lang) -> Table {
    let header = vec![
        lang.text(BilanMsg::ColFinancer).to_string(),
        lang.text(BilanMsg::ColAmount).to_string(),
        lang.text(BilanMsg::ColShare).to_string(),
        lang.text(BilanMsg::ColActions).to_string(),
    ];
    let mut table = Table::with_row_headers(header);
    for financer in &report.financing.by_financer {
        let name = if financer.name.is_empty() || financer.name == financer.actor {
            financer.actor.clone()
        } else {
            format!("{} ({})", financer.actor, financer.name)
        };
        table.row(vec![
            name.into(),
            Cell::Euros(financer.amount),
            Cell::Share(financer.share),
            financer.actions.into(),
        ]);
    }
    table
}
