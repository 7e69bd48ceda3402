//! `ctg show ID`: one fiche-action in full. The data is
//! `analysis::fiche`; this module lays it out as a document.

use chrono::NaiveDate;

use crate::Context;
use crate::analysis::fiche::{ActionDetail, IndicatorDetail};
use crate::analysis::money::{MoneyMsg, euros};
use crate::cli::{ShowArgs, ShowFormat};
use crate::commands::words::{due_text, pilots_text};
use crate::commands::{left_to_exit, load_valid_plan};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, Status};
use crate::output::Output;
use crate::render::document::{Block, Document};
use crate::render::{self, markdown, terminal};

pub fn run(context: &Context, args: &ShowArgs) -> Result<Output, Error> {
    let plan = load_valid_plan(context)?;
    let lang = context.lang;
    let Some(action) = plan.action(args.id) else {
        return Err(Error::NoSuchAction {
            id: args.id,
            known: plan.actions.iter().map(|a| a.id.value).collect(),
        });
    };
    let detail = ActionDetail::of(&plan, action, context.today);
    let answer = match args.format {
        ShowFormat::Json => render::json(&detail)?,
        ShowFormat::Table => {
            let view = view(&detail, action, context.today, lang, true);
            terminal::document(&view, lang, context.width)
        }
        ShowFormat::Md => {
            markdown::document(&view(&detail, action, context.today, lang, false), lang)
        }
    };
    left_to_exit(plan);
    Ok(Output::answer(answer))
}

/// The fiche for people: its fields, then its modalities, indicators and journal.
fn view(
    detail: &ActionDetail,
    action: &Action,
    today: NaiveDate,
    lang: Lang,
    terminal: bool,
) -> Document {
    let mut doc = Document::new();
    doc.title_line(format!(
        "{} {} — {}",
        lang.text(Msg::ColAction),
        detail.id,
        action.display_title()
    ));
    doc.push(Block::Fields(fields(detail, action, today, lang, terminal)));
    let section = |doc: &mut Document, title: String, items: Vec<String>, none: Msg| {
        doc.heading(2, title);
        let items = if items.is_empty() {
            vec![lang.text(none).to_string()]
        } else {
            items
        };
        doc.list(items);
    };
    let modalities = detail.modalities.iter().map(|modality| {
        let status = Status::from_keyword(modality.status).unwrap_or(Status::Planned);
        let mut line = format!(
            "{}. [{}] {}",
            modality.number,
            status.label(lang),
            modality.text
        );
        if let Some(done) = modality.done {
            let on = lang.fill(Msg::ShowDoneOn, &[&lang.short_date(done)]);
            line.push_str(&format!(" — {on}"));
        }
        line
    });
    let title = lang.fill(
        Msg::ShowModalities,
        &[&detail.modalities_done, &detail.modalities_total],
    );
    section(&mut doc, title, modalities.collect(), Msg::ShowNoModality);
    let indicators = detail.indicators.iter().map(|i| indicator_line(i, lang));
    let title = lang.text(Msg::ShowIndicators).to_string();
    section(&mut doc, title, indicators.collect(), Msg::ShowNoIndicator);
    let journal = detail.log.iter().map(|entry| {
        let status = entry
            .status
            .and_then(Status::from_keyword)
            .map(|s| format!(" [{}]", s.label(lang)))
            .unwrap_or_default();
        let day = lang.short_date(entry.date);
        let by = entry
            .by
            .as_deref()
            .map(|by| format!(" ({by})"))
            .unwrap_or_default();
        format!("{}. {day}{status}{by} — {}", entry.number, entry.note)
    });
    let title = lang.text(Msg::ShowJournal).to_string();
    section(&mut doc, title, journal.collect(), Msg::ShowNoJournal);
    doc
}

fn fields(
    detail: &ActionDetail,
    action: &Action,
    today: NaiveDate,
    lang: Lang,
    terminal: bool,
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut field = |label: &str, value: String| fields.push((label.to_string(), value));
    if let Some(axis) = detail.axis {
        let label = match (&detail.axis_theme, &detail.axis_title) {
            (Some(theme), _) => format!("{axis} · {theme}"),
            (None, Some(title)) => format!("{axis} · {title}"),
            (None, None) => axis.to_string(),
        };
        field(lang.text(Msg::ColAxis), label);
    }
    if detail.short_title.is_some() {
        field(lang.text(Msg::ShowLongTitle), detail.title.clone());
    }
    field(
        lang.text(Msg::ShowStatus),
        action.status.label(lang).to_string(),
    );
    let start = detail.start.map_or("—".to_string(), |d| lang.short_date(d));
    let mut dates = format!(
        "{} {start} → {} {}",
        lang.text(Msg::ColStart),
        lang.text(Msg::ColDue),
        due_text(action, today, lang)
    );
    if let Some(days) = detail.overdue_days {
        dates.push_str(&format!(" — {}", lang.fill(Msg::ShowLate, &[&days])));
    }
    field(lang.text(Msg::ShowDates), dates);
    let (pilots, partners) = people(detail, action, lang);
    field(lang.text(Msg::ShowPilots), pilots);
    field(lang.text(Msg::ShowPartners), partners);
    if let Some(note) = &detail.pilot_note {
        field(lang.text(Msg::ShowPilotNote), note.clone());
    }
    let flags = [
        (detail.coordination, Msg::FlagCoordination),
        (detail.within_competences, Msg::FlagCompetences),
    ];
    let flags: Vec<&str> = flags
        .iter()
        .filter(|f| f.0)
        .map(|f| lang.text(f.1))
        .collect();
    if !flags.is_empty() {
        field(lang.text(Msg::ShowFlags), flags.join(" ; "));
    }
    if !detail.publics.is_empty() {
        field(lang.text(Msg::ShowPublics), detail.publics.join(", "));
    }
    if !detail.communes.is_empty() {
        field(lang.text(Msg::ShowCommunes), detail.communes.join(", "));
    }
    for (label, value) in money_fields(detail, lang) {
        field(&label, value);
    }
    let progress = lang.percent(action.progress());
    let progress = if terminal {
        format!("{} {progress}", render::progress_bar(action.progress(), 10))
    } else {
        progress
    };
    field(lang.text(Msg::ShowProgress), progress);
    fields
}

/// The pilots (with their roles) and the partners, as the fiche reads them.
fn people(detail: &ActionDetail, action: &Action, lang: Lang) -> (String, String) {
    let pilots = if detail.pilots.is_empty() {
        pilots_text(action, lang)
    } else {
        let named = detail.pilots.iter().map(|p| match &p.role {
            Some(role) => format!("{} ({role})", p.id),
            None => p.id.clone(),
        });
        named.collect::<Vec<_>>().join(", ")
    };
    let partners = if detail.partners.is_empty() {
        lang.text(Msg::ShowNone).to_string()
    } else {
        detail.partners.join(", ")
    };
    (pilots, partners)
}

/// The budget, financers and spending of an action, when it has any.
fn money_fields(detail: &ActionDetail, lang: Lang) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    if let Some(budget) = detail.budget {
        fields.push((lang.text(Msg::ShowBudget).to_string(), euros(budget, lang)));
    }
    for (label, amounts) in [
        (MoneyMsg::FieldFinancers, &detail.financers),
        (MoneyMsg::FieldSpent, &detail.spent),
    ] {
        if !amounts.is_empty() {
            let shown = amounts.iter().map(|(key, amount)| {
                let amount = amount.as_f64().map_or("—".to_string(), |a| euros(a, lang));
                match lang {
                    Lang::Fr => format!("{key}\u{a0}: {amount}"),
                    Lang::En => format!("{key}: {amount}"),
                }
            });
            fields.push((
                lang.text(label).to_string(),
                shown.collect::<Vec<_>>().join(" ; "),
            ));
        }
    }
    fields
}

fn indicator_line(indicator: &IndicatorDetail, lang: Lang) -> String {
    let unit = indicator
        .unit
        .as_deref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    let mut parts = Vec::new();
    if let Some(baseline) = indicator.baseline {
        let words = lang.text(Msg::ShowBaseline);
        parts.push(format!("{words} {}", lang.number(baseline)));
    }
    if let Some(target) = indicator.target {
        let words = lang.text(Msg::ShowTarget);
        parts.push(format!("{words} {}", lang.number(target)));
    }
    for (year, value) in &indicator.values {
        let value = lang.number(value.as_f64().unwrap_or_default());
        parts.push(format!("{year} : {value}"));
    }
    for (year, target) in &indicator.targets {
        let target = lang.number(target.as_f64().unwrap_or_default());
        parts.push(lang.fill(Msg::ShowYearTarget, &[year, &target]));
    }
    let mut line = format!("{}{unit} — {}", indicator.name, parts.join(", "));
    if let Some(share) = indicator.to_target {
        let reached = lang.fill(Msg::ShowToTarget, &[&lang.percent(share)]);
        line.push_str(&format!(" — {reached}"));
    }
    line
}
