//! `ctg show ID`: one fiche-action in full.

use chrono::NaiveDate;
use serde::Serialize;

use crate::Context;
use crate::cli::{ShowArgs, ShowFormat};
use crate::commands::list::{due_text, pilots_text};
use crate::commands::load_valid_plan;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Action, Indicator, Plan};
use crate::output::Output;
use crate::render::{self, md_cell};

pub fn run(context: &Context, args: &ShowArgs) -> Result<Output, Error> {
    let plan = load_valid_plan(context)?;
    let lang = context.lang;
    let Some(action) = plan.actions.iter().find(|a| a.id.value == args.id) else {
        return Err(Error::NoSuchAction {
            id: args.id,
            known: plan.actions.iter().map(|a| a.id.value).collect(),
        });
    };
    let detail = ActionDetail::of(&plan, action, context.today);
    Ok(Output::answer(match args.format {
        ShowFormat::Json => render::json(&detail)?,
        ShowFormat::Table => text(&detail, action, context.today, lang, false),
        ShowFormat::Md => text(&detail, action, context.today, lang, true),
    }))
}

/// The whole fiche as data: every field of the file, and what derives from it.
#[derive(Serialize)]
pub struct ActionDetail {
    pub id: u32,
    pub axis: Option<u32>,
    pub axis_title: Option<String>,
    pub axis_theme: Option<String>,
    pub title: String,
    pub short_title: Option<String>,
    pub status: &'static str,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub overdue_days: Option<i64>,
    pub pilots: Vec<PilotDetail>,
    pub partners: Vec<String>,
    pub pilot_note: Option<String>,
    pub coordination: bool,
    pub within_competences: bool,
    pub publics: Vec<String>,
    pub communes: Vec<String>,
    pub budget: Option<f64>,
    pub progress: f64,
    pub modalities_done: usize,
    pub modalities_total: usize,
    pub modalities: Vec<ModalityDetail>,
    pub indicators: Vec<IndicatorDetail>,
    /// Newest first.
    pub log: Vec<LogDetail>,
}

#[derive(Serialize)]
pub struct PilotDetail {
    pub id: String,
    pub role: Option<String>,
}

#[derive(Serialize)]
pub struct ModalityDetail {
    /// 1-based, as in `ctg set 4.2`.
    pub number: usize,
    pub text: String,
    pub status: &'static str,
    pub done: Option<NaiveDate>,
    pub commune: Option<String>,
    pub pilots: Vec<String>,
}

#[derive(Serialize)]
pub struct IndicatorDetail {
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub values: serde_json::Map<String, serde_json::Value>,
    /// The value of the latest year.
    pub latest: Option<f64>,
    /// How far from baseline to target the latest value is (1 = reached).
    pub to_target: Option<f64>,
}

#[derive(Serialize)]
pub struct LogDetail {
    pub date: NaiveDate,
    pub note: String,
    pub status: Option<&'static str>,
}

impl IndicatorDetail {
    fn of(indicator: &Indicator) -> IndicatorDetail {
        let latest = indicator
            .values
            .iter()
            .max_by_key(|(year, _)| year.value)
            .map(|(_, value)| *value);
        let to_target = match (latest, indicator.target) {
            (Some(value), Some(target)) => {
                let baseline = indicator.baseline.unwrap_or(0.0);
                (target != baseline)
                    .then(|| render::round4((value - baseline) / (target - baseline)))
            }
            _ => None,
        };
        IndicatorDetail {
            name: indicator.name.clone(),
            unit: indicator.unit.clone(),
            baseline: indicator.baseline,
            target: indicator.target,
            values: indicator
                .values
                .iter()
                .map(|(year, value)| (year.value.to_string(), serde_json::Value::from(*value)))
                .collect(),
            latest,
            to_target,
        }
    }
}

impl ActionDetail {
    pub fn of(plan: &Plan, action: &Action, today: NaiveDate) -> ActionDetail {
        let axis_id = action.axis.as_ref().map(|a| a.value);
        let axis = plan.axes.iter().find(|a| Some(a.id.value) == axis_id);
        let mut log: Vec<LogDetail> = action
            .log
            .iter()
            .map(|entry| LogDetail {
                date: entry.date.value,
                note: entry.note.clone(),
                status: entry.status.map(|s| s.keyword()),
            })
            .collect();
        // Newest first; entries of the same day keep their written order reversed.
        log.reverse();
        log.sort_by_key(|entry| std::cmp::Reverse(entry.date));
        ActionDetail {
            id: action.id.value,
            axis: axis_id,
            axis_title: axis.map(|a| a.title.clone()),
            axis_theme: axis.and_then(|a| a.theme.clone()),
            title: action.title.clone(),
            short_title: action.short_title.clone(),
            status: action.status.keyword(),
            start: action.start.as_ref().map(|d| d.value),
            due: action.due.as_ref().map(|d| d.value),
            overdue_days: action.days_late(today),
            pilots: action
                .pilots
                .iter()
                .map(|pilot| PilotDetail {
                    id: pilot.value.clone(),
                    role: action
                        .roles
                        .iter()
                        .find(|(actor, _)| actor.value == pilot.value)
                        .map(|(_, role)| role.clone()),
                })
                .collect(),
            partners: action.partners.iter().map(|p| p.value.clone()).collect(),
            pilot_note: action.pilot_note.clone(),
            coordination: action.coordination,
            within_competences: action.within_competences,
            publics: action.publics.clone(),
            communes: action.communes.iter().map(|c| c.value.clone()).collect(),
            budget: action.budget,
            progress: render::round4(action.progress()),
            modalities_done: action.modalities_done(),
            modalities_total: action.modalities_counted(),
            modalities: action
                .modalities
                .iter()
                .enumerate()
                .map(|(index, m)| ModalityDetail {
                    number: index + 1,
                    text: m.text.clone(),
                    status: m.status.keyword(),
                    done: m.done.as_ref().map(|d| d.value),
                    commune: m.commune.as_ref().map(|c| c.value.clone()),
                    pilots: m.pilots.iter().map(|p| p.value.clone()).collect(),
                })
                .collect(),
            indicators: action.indicators.iter().map(IndicatorDetail::of).collect(),
            log,
        }
    }
}

/// The fiche for people: plain text for the terminal, or markdown.
fn text(
    detail: &ActionDetail,
    action: &Action,
    today: NaiveDate,
    lang: Lang,
    markdown: bool,
) -> String {
    let esc = |text: &str| {
        if markdown {
            md_cell(text)
        } else {
            text.to_string()
        }
    };
    let number = |value: f64| {
        let text = format!("{value}");
        if lang == Lang::Fr {
            text.replace('.', ",")
        } else {
            text
        }
    };
    let mut out = String::new();
    let heading = format!(
        "{} {} — {}",
        lang.text(Msg::ColAction),
        detail.id,
        action.display_title()
    );
    if markdown {
        out.push_str(&format!("# {}\n\n", esc(&heading)));
    } else {
        out.push_str(&format!("{BOLD}{heading}{BOLD:#}\n\n"));
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut field = |msg: Msg, value: String| fields.push((lang.text(msg).to_string(), value));
    if let Some(axis) = detail.axis {
        let label = match (&detail.axis_theme, &detail.axis_title) {
            (Some(theme), _) => format!("{axis} · {theme}"),
            (None, Some(title)) => format!("{axis} · {title}"),
            (None, None) => axis.to_string(),
        };
        field(Msg::ColAxis, label);
    }
    if detail.short_title.is_some() {
        field(Msg::ShowLongTitle, detail.title.clone());
    }
    field(Msg::ShowStatus, action.status.label(lang).to_string());
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
    field(Msg::ShowDates, dates);
    let pilots = if detail.pilots.is_empty() {
        pilots_text(action, lang)
    } else {
        detail
            .pilots
            .iter()
            .map(|p| match &p.role {
                Some(role) => format!("{} ({role})", p.id),
                None => p.id.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    field(Msg::ShowPilots, pilots);
    let none = lang.text(Msg::ShowNone).to_string();
    let list = |items: &[String]| {
        if items.is_empty() {
            none.clone()
        } else {
            items.join(", ")
        }
    };
    field(Msg::ShowPartners, list(&detail.partners));
    if let Some(note) = &detail.pilot_note {
        field(Msg::ShowPilotNote, note.clone());
    }
    let mut flags = Vec::new();
    if detail.coordination {
        flags.push(lang.text(Msg::FlagCoordination).to_string());
    }
    if detail.within_competences {
        flags.push(lang.text(Msg::FlagCompetences).to_string());
    }
    if !flags.is_empty() {
        field(Msg::ShowFlags, flags.join(" ; "));
    }
    if !detail.publics.is_empty() {
        field(Msg::ShowPublics, detail.publics.join(", "));
    }
    if !detail.communes.is_empty() {
        field(Msg::ShowCommunes, detail.communes.join(", "));
    }
    if let Some(budget) = detail.budget {
        field(Msg::ShowBudget, format!("{} €", number(budget)));
    }
    field(
        Msg::ShowProgress,
        render::progress_cell(action.progress(), lang, !markdown),
    );
    let width = fields
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in &fields {
        if markdown {
            out.push_str(&format!("- **{}** : {}\n", esc(label), esc(value)));
        } else {
            let pad = width - label.chars().count();
            out.push_str(&format!("{label}{} : {value}\n", " ".repeat(pad)));
        }
    }

    let section = |out: &mut String, title: String| {
        if markdown {
            out.push_str(&format!("\n## {}\n\n", esc(&title)));
        } else {
            out.push_str(&format!("\n{BOLD}{title}{BOLD:#}\n"));
        }
    };
    let item = |out: &mut String, text: String| {
        if markdown {
            out.push_str(&format!("- {}\n", esc(&text)));
        } else {
            out.push_str(&format!("  {text}\n"));
        }
    };

    section(
        &mut out,
        lang.fill(
            Msg::ShowModalities,
            &[&detail.modalities_done, &detail.modalities_total],
        ),
    );
    if detail.modalities.is_empty() {
        item(&mut out, lang.text(Msg::ShowNoModality).to_string());
    }
    for (modality, source) in detail.modalities.iter().zip(&action.modalities) {
        let mut line = format!(
            "{}. [{}] {}",
            modality.number,
            source.status.label(lang),
            modality.text
        );
        if let Some(done) = modality.done {
            line.push_str(&format!(
                " — {}",
                lang.fill(Msg::ShowDoneOn, &[&lang.short_date(done)])
            ));
        }
        item(&mut out, line);
    }

    section(&mut out, lang.text(Msg::ShowIndicators).to_string());
    if detail.indicators.is_empty() {
        item(&mut out, lang.text(Msg::ShowNoIndicator).to_string());
    }
    for indicator in &detail.indicators {
        let unit = indicator
            .unit
            .as_deref()
            .map(|u| format!(" ({u})"))
            .unwrap_or_default();
        let mut parts = Vec::new();
        if let Some(baseline) = indicator.baseline {
            parts.push(format!(
                "{} {}",
                lang.text(Msg::ShowBaseline),
                number(baseline)
            ));
        }
        if let Some(target) = indicator.target {
            parts.push(format!("{} {}", lang.text(Msg::ShowTarget), number(target)));
        }
        for (year, value) in &indicator.values {
            parts.push(format!(
                "{year} : {}",
                number(value.as_f64().unwrap_or_default())
            ));
        }
        let mut line = format!("{}{unit} — {}", indicator.name, parts.join(", "));
        if let Some(share) = indicator.to_target {
            line.push_str(&format!(
                " — {}",
                lang.fill(Msg::ShowToTarget, &[&lang.percent(share)])
            ));
        }
        item(&mut out, line);
    }

    section(&mut out, lang.text(Msg::ShowJournal).to_string());
    if detail.log.is_empty() {
        item(&mut out, lang.text(Msg::ShowNoJournal).to_string());
    }
    for entry in &detail.log {
        let status = entry
            .status
            .and_then(crate::model::Status::from_keyword)
            .map(|s| format!(" [{}]", s.label(lang)))
            .unwrap_or_default();
        item(
            &mut out,
            format!("{}{status} — {}", lang.short_date(entry.date), entry.note),
        );
    }
    out
}

const BOLD: anstyle::Style = anstyle::Style::new().bold();
