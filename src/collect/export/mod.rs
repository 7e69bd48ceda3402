//! `ctg collect export`: one workbook per actor, a form to fill in. The
//! pilot sees their actions, modalities and indicators as the plan has
//! them, in locked cells, and answers in the yellow ones: drop-downs of
//! statuses, real dates, numbers. A hidden sheet says what was exported,
//! for the import to check the workbook against the plan.

mod sheet;

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use super::layout::{ExportedRow, FORMAT_TAG, ItemKey, META_SHEET, SheetKind, fingerprint};
use super::words::CollectMsg;
use crate::i18n::Lang;
use crate::model::{Action, Actor, Plan};
use sheet::{Formats, Row, answer_cells, header};

/// An actor's workbook, ready to write.
pub struct Export {
    pub bytes: Vec<u8>,
    pub actions: usize,
    pub modalities: usize,
    pub indicators: usize,
}

/// How an actor takes part in an action.
#[derive(Clone, Copy)]
enum Role {
    Pilot,
    Partner,
    ModalityPilot,
}

/// The workbook asks for.
struct Request<'a> {
    plan: &'a Plan,
    actor: &'a Actor,
    today: NaiveDate,
    year: i32,
    lang: Lang,
}

/// The workbook of `actor`, or `None` when the plan gives it nothing to
/// follow.
pub fn workbook(
    plan: &Plan,
    actor: &Actor,
    today: NaiveDate,
    year: i32,
    lang: Lang,
) -> Result<Option<Export>, XlsxError> {
    let request = Request {
        plan,
        actor,
        today,
        year,
        lang,
    };
    let items = Items::of(plan, &actor.id.value);
    if items.actions.is_empty() {
        return Ok(None);
    }
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    // The fastest deflate: compressing is most of the time a workbook
    // takes, and a form sent to a pilot gains little from a smaller file.
    workbook.set_zip_compression_level(1);
    let created = today.and_hms_opt(0, 0, 0).unwrap_or_default();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(lang.fill(CollectMsg::GuideTitle, &[&actor.name]))
            .set_creation_datetime(&created),
    );
    guide_sheet(workbook.add_worksheet(), &request, &formats)?;
    let mut rows = Vec::new();
    actions_sheet(
        workbook.add_worksheet(),
        &request,
        &items,
        &formats,
        &mut rows,
    )?;
    modalities_sheet(
        workbook.add_worksheet(),
        &request,
        &items,
        &formats,
        &mut rows,
    )?;
    indicators_sheet(
        workbook.add_worksheet(),
        &request,
        &items,
        &formats,
        &mut rows,
    )?;
    meta_sheet(workbook.add_worksheet(), &request, &rows)?;
    let count = |kind| {
        rows.iter()
            .filter(|r: &&ExportedRow| r.sheet == kind)
            .count()
    };
    Ok(Some(Export {
        actions: count(SheetKind::Actions),
        modalities: count(SheetKind::Modalities),
        indicators: count(SheetKind::Indicators),
        bytes: workbook.save_to_buffer()?,
    }))
}

/// Whether the plan gives `actor` anything to follow: a workbook.
pub fn follows(plan: &Plan, actor: &str) -> bool {
    !Items::of(plan, actor).actions.is_empty()
}

/// What an actor follows: the actions it pilots or partners, the
/// modalities of the actions it pilots and those it pilots itself, the
/// indicators of the actions it pilots.
struct Items<'p> {
    actions: Vec<(&'p Action, Role)>,
}

impl<'p> Items<'p> {
    fn of(plan: &'p Plan, actor: &str) -> Items<'p> {
        let named = |list: &[crate::span::Located<String>]| list.iter().any(|a| a.value == actor);
        let mut actions: Vec<(&Action, Role)> = plan
            .actions
            .iter()
            .filter_map(|action| {
                let role = if named(&action.pilots) {
                    Role::Pilot
                } else if action.modalities.iter().any(|m| named(&m.pilots)) {
                    Role::ModalityPilot
                } else if named(&action.partners) {
                    Role::Partner
                } else {
                    return None;
                };
                Some((action, role))
            })
            .collect();
        actions.sort_by_key(|(action, _)| action.id.value);
        Items { actions }
    }

    fn modalities(&self, actor: &str) -> impl Iterator<Item = (&'p Action, usize)> + '_ {
        let actor = actor.to_string();
        self.actions.iter().flat_map(move |(action, role)| {
            let actor = actor.clone();
            let role = *role;
            action
                .modalities
                .iter()
                .enumerate()
                .filter(move |(_, m)| match role {
                    Role::Pilot => true,
                    Role::ModalityPilot => m.pilots.iter().any(|p| p.value == actor),
                    Role::Partner => false,
                })
                .map(move |(index, _)| (*action, index + 1))
        })
    }

    fn indicators(&self) -> impl Iterator<Item = (&'p Action, usize)> + '_ {
        self.actions
            .iter()
            .filter(|(_, role)| matches!(role, Role::Pilot))
            .flat_map(|(action, _)| (1..=action.indicators.len()).map(move |n| (*action, n)))
    }
}

fn guide_sheet(
    sheet: &mut Worksheet,
    request: &Request,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = request.lang;
    sheet.set_name(lang.text(CollectMsg::SheetGuide))?;
    const WIDTH: f64 = 80.0;
    sheet.set_column_width(0, WIDTH)?;
    sheet.set_paper_size(9).set_print_fit_to_pages(1, 1);
    let title = lang.fill(CollectMsg::GuideTitle, &[&request.actor.name]);
    sheet.write_string_with_format(0, 0, title, &formats.title)?;
    let convention = &request.plan.convention.name;
    sheet.write_string(1, 0, lang.fill(CollectMsg::GuideConvention, &[convention]))?;
    let sent = lang.fill(
        CollectMsg::GuideSent,
        &[&lang.short_date(request.today), &request.actor.id.value],
    );
    sheet.write_string(2, 0, sent)?;
    for (row, step) in [
        CollectMsg::GuideStep1,
        CollectMsg::GuideStep2,
        CollectMsg::GuideStep3,
    ]
    .into_iter()
    .enumerate()
    {
        let mut cells = Row::new(sheet, formats, &[WIDTH], 4 + row as u32, 1);
        cells.text(0, lang.text(step))?;
        cells.finish()?;
    }
    sheet.protect();
    sheet.set_active(true);
    Ok(())
}

/// A sheet of rows, one per item: its columns (header and width), the
/// lines a row takes at least, and what a row shows of its item.
struct SheetSpec<'a> {
    kind: SheetKind,
    columns: Vec<(String, f64)>,
    min_lines: usize,
    request: &'a Request<'a>,
    formats: &'a Formats,
}

impl SheetSpec<'_> {
    /// Writes the header, a row per item (`show` fills its locked cells),
    /// the answer cells, and lists each row for the hidden sheet.
    fn write<'p>(
        &self,
        sheet: &mut Worksheet,
        items: impl Iterator<Item = (&'p Action, ItemKey)>,
        rows: &mut Vec<ExportedRow>,
        mut show: impl FnMut(&mut Row, &'p Action, ItemKey) -> Result<(), XlsxError>,
    ) -> Result<(), XlsxError> {
        let lang = self.request.lang;
        sheet.set_name(self.kind.name(lang))?;
        header(sheet, &self.columns, self.formats)?;
        let widths: Vec<f64> = self.columns.iter().map(|(_, width)| *width).collect();
        let mut row = 0;
        for (action, key) in items {
            row += 1;
            let mut cells = Row::new(sheet, self.formats, &widths, row, self.min_lines);
            cells.text(0, &key.shown())?;
            show(&mut cells, action, key)?;
            cells.finish()?;
            let fingerprint = fingerprint(action, key, self.request.year).unwrap_or_default();
            rows.push(ExportedRow {
                sheet: self.kind,
                row,
                key,
                fingerprint,
            });
        }
        answer_cells(sheet, self.kind, row, lang, self.formats)
    }
}

fn actions_sheet(
    sheet: &mut Worksheet,
    request: &Request,
    items: &Items,
    formats: &Formats,
    rows: &mut Vec<ExportedRow>,
) -> Result<(), XlsxError> {
    let lang = request.lang;
    let col = |msg| lang.text(msg).to_string();
    let spec = SheetSpec {
        kind: SheetKind::Actions,
        columns: vec![
            (col(CollectMsg::ColId), 6.0),
            (col(CollectMsg::ColAction), 45.0),
            (col(CollectMsg::ColRole), 12.0),
            (col(CollectMsg::ColStatus), 12.0),
            (col(CollectMsg::ColDue), 11.0),
            (col(CollectMsg::ColLastEntry), 40.0),
            (col(CollectMsg::ColNewStatus), 14.0),
            (col(CollectMsg::ColNote), 50.0),
            (col(CollectMsg::ColNewDue), 12.0),
        ],
        // Room to write the highlights.
        min_lines: 3,
        request,
        formats,
    };
    let roles: std::collections::HashMap<u32, Role> = items
        .actions
        .iter()
        .map(|(action, role)| (action.id.value, *role))
        .collect();
    let listed = items
        .actions
        .iter()
        .map(|(action, _)| (*action, ItemKey::Action(action.id.value)));
    spec.write(sheet, listed, rows, |cells, action, _| {
        cells.text(1, &action.title)?;
        let role = match roles.get(&action.id.value) {
            Some(Role::Pilot) => CollectMsg::RolePilot,
            Some(Role::ModalityPilot) => CollectMsg::RoleModalityPilot,
            _ => CollectMsg::RolePartner,
        };
        cells.text(2, lang.text(role))?;
        cells.text(3, action.status.label(lang))?;
        if let Some(due) = &action.due {
            cells.date(4, due.value)?;
        }
        if let Some(entry) = action.log.iter().max_by_key(|e| e.date.value) {
            let last = format!("{} — {}", lang.short_date(entry.date.value), entry.note);
            cells.text(5, &last)?;
        }
        Ok(())
    })
}

fn modalities_sheet(
    sheet: &mut Worksheet,
    request: &Request,
    items: &Items,
    formats: &Formats,
    rows: &mut Vec<ExportedRow>,
) -> Result<(), XlsxError> {
    let lang = request.lang;
    let col = |msg| lang.text(msg).to_string();
    let spec = SheetSpec {
        kind: SheetKind::Modalities,
        columns: vec![
            (col(CollectMsg::ColId), 6.0),
            (col(CollectMsg::ColAction), 30.0),
            (col(CollectMsg::ColModality), 55.0),
            (col(CollectMsg::ColStatus), 12.0),
            (col(CollectMsg::ColNewStatus), 14.0),
            (col(CollectMsg::ColDoneOn), 12.0),
        ],
        min_lines: 1,
        request,
        formats,
    };
    let listed = items
        .modalities(&request.actor.id.value)
        .map(|(action, number)| (action, ItemKey::Modality(action.id.value, number)));
    spec.write(sheet, listed, rows, |cells, action, key| {
        let ItemKey::Modality(_, number) = key else {
            return Ok(());
        };
        let modality = &action.modalities[number - 1];
        cells.text(1, action.display_title())?;
        cells.text(2, &modality.text)?;
        cells.text(3, modality.status.label(lang))
    })
}

fn indicators_sheet(
    sheet: &mut Worksheet,
    request: &Request,
    items: &Items,
    formats: &Formats,
    rows: &mut Vec<ExportedRow>,
) -> Result<(), XlsxError> {
    let (lang, year) = (request.lang, request.year);
    let col = |msg| lang.text(msg).to_string();
    let spec = SheetSpec {
        kind: SheetKind::Indicators,
        columns: vec![
            (col(CollectMsg::ColId), 6.0),
            (col(CollectMsg::ColId), 6.0),
            (col(CollectMsg::ColIndicator), 45.0),
            (col(CollectMsg::ColUnit), 12.0),
            (col(CollectMsg::ColLatest), 14.0),
            (lang.fill(CollectMsg::ColTarget, &[&year]), 12.0),
            (lang.fill(CollectMsg::ColValue, &[&year]), 12.0),
        ],
        min_lines: 1,
        request,
        formats,
    };
    let listed = items
        .indicators()
        .map(|(action, number)| (action, ItemKey::Indicator(action.id.value, number)));
    spec.write(sheet, listed, rows, |cells, action, key| {
        let ItemKey::Indicator(_, number) = key else {
            return Ok(());
        };
        let indicator = &action.indicators[number - 1];
        cells.text(1, &number.to_string())?;
        cells.text(2, &indicator.name)?;
        cells.text(3, indicator.unit.as_deref().unwrap_or_default())?;
        if let Some((latest_year, value)) = indicator.latest(None) {
            cells.text(4, &format!("{} ({latest_year})", lang.number(value)))?;
        }
        if let Some(target) = indicator.target_for(Some(year)) {
            cells.number(5, target)?;
        }
        Ok(())
    })
}

/// The hidden sheet: every cell text, so that no spreadsheet turns an id
/// into a number or a date on saving.
fn meta_sheet(
    sheet: &mut Worksheet,
    request: &Request,
    rows: &[ExportedRow],
) -> Result<(), XlsxError> {
    sheet.set_name(META_SHEET)?;
    let lang = match request.lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let head = [
        vec![FORMAT_TAG.to_string()],
        vec!["plan".into(), request.plan.convention.name.clone()],
        vec!["actor".into(), request.actor.id.value.clone()],
        vec!["exported".into(), request.today.to_string()],
        vec!["lang".into(), lang.into()],
        vec!["year".into(), request.year.to_string()],
        vec![
            "sheet".into(),
            "row".into(),
            "item".into(),
            "fingerprint".into(),
        ],
    ];
    let listed = rows.iter().map(|row| {
        vec![
            row.sheet.key().to_string(),
            row.row.to_string(),
            row.key.to_string(),
            row.fingerprint.clone(),
        ]
    });
    for (index, cells) in head.into_iter().chain(listed).enumerate() {
        for (col, cell) in cells.iter().enumerate() {
            sheet.write_string(index as u32, col as u16, cell)?;
        }
    }
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}
