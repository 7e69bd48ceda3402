//! One action in full, as `ctg show` gives it: every field of the file,
//! and what derives from it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::round4;
use crate::model::{Action, Indicator, Plan};

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
    /// Euros spent by year.
    pub spent: serde_json::Map<String, serde_json::Value>,
    /// Euros by financer (actor id).
    pub financers: serde_json::Map<String, serde_json::Value>,
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
    /// Targets of given years, beside the convention's `target`.
    pub targets: serde_json::Map<String, serde_json::Value>,
    /// The value of the latest year.
    pub latest: Option<f64>,
    /// How far from baseline to target the latest value is (1 = reached).
    pub to_target: Option<f64>,
}

#[derive(Serialize)]
pub struct LogDetail {
    /// Its number in the file (1 for the first), as `ctg log --entry N` names it.
    pub number: usize,
    pub date: NaiveDate,
    pub note: String,
    pub status: Option<&'static str>,
    /// The actor who reported it, when the entry says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl IndicatorDetail {
    fn of(indicator: &Indicator) -> IndicatorDetail {
        let newest = indicator.latest(None);
        let latest = newest.map(|(_, value)| value);
        let year = newest.map(|(year, _)| year);
        let by_year = |list: &[(crate::span::Located<i32>, f64)]| {
            list.iter()
                .map(|(year, value)| (year.value.to_string(), serde_json::Value::from(*value)))
                .collect()
        };
        IndicatorDetail {
            name: indicator.name.clone(),
            unit: indicator.unit.clone(),
            baseline: indicator.baseline,
            target: indicator.target,
            values: by_year(&indicator.values),
            targets: by_year(&indicator.targets),
            latest,
            to_target: latest
                .and_then(|v| indicator.to_target(v, year))
                .map(round4),
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
            .enumerate()
            .map(|(index, entry)| LogDetail {
                number: index + 1,
                date: entry.date.value,
                note: entry.note.clone(),
                status: entry.status.map(|s| s.keyword()),
                by: entry.by.as_ref().map(|by| by.value.clone()),
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
            budget: action.planned(),
            spent: action
                .spent
                .iter()
                .map(|(y, a)| (y.value.to_string(), (*a).into()))
                .collect(),
            financers: action
                .financers
                .iter()
                .map(|(f, a)| (f.value.clone(), (*a).into()))
                .collect(),
            progress: round4(action.progress()),
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
