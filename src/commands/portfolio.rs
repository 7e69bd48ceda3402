//! `ctg portfolio DIR`: one row per plan found beneath DIR.
//!
//! Plans are independent, so they are loaded and checked in parallel on
//! every core (scoped threads pulling from a shared counter), each reduced
//! to a small `PlanRow` as soon as it is checked: memory holds one plan per
//! thread, never the whole corpus.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use serde::Serialize;

use crate::Context;
use crate::analysis::{self, round4};
use crate::check::validate;
use crate::cli::{PortfolioArgs, PortfolioFormat, PortfolioSort};
use crate::diag::Severity;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::model::{Plan, Status, StatusCounts};
use crate::output::Output;
use crate::render::table::{Cell, Table};
use crate::render::{self, csv, markdown, terminal};
use crate::source::find_plans;
use crate::text::fold;

pub fn run(context: &Context, args: &PortfolioArgs) -> Result<Output, Error> {
    let lang = context.lang;
    if !args.dir.is_dir() && args.dir.exists() {
        return Err(Error::NotAFolder {
            path: args.dir.clone(),
        });
    }
    if !args.dir.is_dir() {
        return Err(Error::NoSuchFolder {
            dir: args.dir.clone(),
        });
    }
    let (roots, unsearched) = find_plans(&args.dir);
    // A plan in a folder that could not be searched would be missing
    // without a word: say which folders were left, on stderr.
    let notes: String = unsearched
        .iter()
        .map(|(folder, err)| lang.fill(Msg::PortfolioUnsearched, &[&folder.display(), err]) + "\n")
        .collect();
    let mut rows = summarise_all(&args.dir, &roots, context);
    sort(&mut rows, args.sort);
    let totals = Totals::of(&rows);
    let failed = totals.plans_with_errors > 0;
    let portfolio = Portfolio {
        plans: rows,
        totals,
    };
    let stdout = match args.format {
        PortfolioFormat::Json => render::json(&portfolio)?,
        PortfolioFormat::Csv => csv::write(args.csv_dialect, &csv_table(&portfolio.plans, lang))?,
        PortfolioFormat::Table => {
            terminal::table(&grid(&portfolio, lang), lang, context.width) + "\n"
        }
        PortfolioFormat::Md => markdown::table(&grid(&portfolio, lang), lang),
    };
    Ok(Output::answer(stdout)
        .with_notes(notes)
        .with_code(if failed { 1 } else { 0 }))
}

#[derive(Serialize)]
pub struct Portfolio {
    pub plans: Vec<PlanRow>,
    pub totals: Totals,
}

/// One plan's figures. The figures are null for a plan with errors: a
/// partly read plan would give misleading ones.
#[derive(Serialize)]
pub struct PlanRow {
    /// The plan folder, relative to DIR.
    pub path: String,
    pub territory: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Share of the convention period elapsed at `--today` (0..1).
    pub elapsed: Option<f64>,
    pub actions: Option<usize>,
    pub by_status: Option<StatusCounts>,
    pub progress: Option<f64>,
    pub late: Option<usize>,
    pub no_pilot: Option<usize>,
    /// Meetings still due this year, over every governance body.
    pub meetings_missing: Option<usize>,
    pub errors: usize,
    pub warnings: usize,
    /// The first error, as `file:line:col: message`.
    pub first_error: Option<String>,
}

#[derive(Serialize)]
pub struct Totals {
    pub plans: usize,
    pub plans_with_errors: usize,
    pub actions: usize,
    pub by_status: StatusCounts,
    /// Mean of the progress figures of the plans without errors, as shown.
    pub progress: f64,
    pub late: usize,
    pub no_pilot: usize,
    pub meetings_missing: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// Loads, checks and summarises every plan on all cores. Rows come back in
/// the order of `roots`, whatever order the threads finish in.
fn summarise_all(dir: &Path, roots: &[PathBuf], context: &Context) -> Vec<PlanRow> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(roots.len().max(1));
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<PlanRow>>> = roots.iter().map(|_| Mutex::new(None)).collect();
    let progress = Progress::new(roots.len());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(root) = roots.get(index) else { break };
                    let row = summarise(dir, root, context);
                    if let Ok(mut slot) = slots[index].lock() {
                        *slot = Some(row);
                    }
                    progress.tick(done.fetch_add(1, Ordering::Relaxed) + 1);
                }
            });
        }
    });
    progress.finish();
    slots
        .into_iter()
        .filter_map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

fn summarise(dir: &Path, root: &Path, context: &Context) -> PlanRow {
    let (plan, diags) = validate(root, context.today, context.lang);
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let first_error = diags
        .iter()
        .find(|d| d.severity == Severity::Error)
        .map(|diag| {
            let place = match (&diag.file, diag.position(&plan.sources)) {
                (Some(file), Some((line, column))) => format!("{file}:{line}:{column}: "),
                (Some(file), None) => format!("{file}: "),
                _ => String::new(),
            };
            format!("{place}{}", diag.message)
        });
    let path = root
        .strip_prefix(dir)
        .unwrap_or(root)
        .to_string_lossy()
        .replace('\\', "/");
    let path = if path.is_empty() {
        ".".to_string()
    } else {
        path
    };
    let convention = &plan.convention;
    let territory = if convention.territory.is_empty() {
        path.clone()
    } else {
        convention.territory.clone()
    };
    let start = convention.start.as_ref().map(|d| d.value);
    let end = convention.end.as_ref().map(|d| d.value);
    let valid = errors == 0;
    let figures = valid.then(|| Figures::of(&plan, context.today));
    PlanRow {
        path,
        territory,
        start,
        end,
        elapsed: elapsed(start, end, context.today),
        actions: figures.as_ref().map(|f| f.actions),
        by_status: figures.as_ref().map(|f| f.by_status),
        progress: figures.as_ref().map(|f| f.progress),
        late: figures.as_ref().map(|f| f.late),
        no_pilot: figures.as_ref().map(|f| f.no_pilot),
        meetings_missing: figures.as_ref().map(|f| f.meetings_missing),
        errors,
        warnings,
        first_error,
    }
}

struct Figures {
    actions: usize,
    by_status: StatusCounts,
    progress: f64,
    late: usize,
    no_pilot: usize,
    meetings_missing: usize,
}

impl Figures {
    fn of(plan: &Plan, today: NaiveDate) -> Figures {
        let meetings_missing = plan
            .convention
            .bodies
            .iter()
            .map(|body| plan.meetings_this_year(body, today).1)
            .sum();
        Figures {
            actions: plan.actions.len(),
            by_status: StatusCounts::of(&plan.actions),
            progress: analysis::Figures::of(&plan.actions).progress,
            late: plan
                .actions
                .iter()
                .filter(|a| a.days_late(today).is_some())
                .count(),
            no_pilot: plan.actions.iter().filter(|a| a.needs_pilot()).count(),
            meetings_missing,
        }
    }
}

fn elapsed(start: Option<NaiveDate>, end: Option<NaiveDate>, today: NaiveDate) -> Option<f64> {
    let (start, end) = (start?, end?);
    let length = (end - start).num_days();
    (length > 0)
        .then(|| round4(((today - start).num_days() as f64 / length as f64).clamp(0.0, 1.0)))
}

impl Totals {
    fn of(rows: &[PlanRow]) -> Totals {
        let mut by_status = StatusCounts::default();
        for counts in rows.iter().filter_map(|r| r.by_status.as_ref()) {
            by_status.merge(counts);
        }
        let progresses: Vec<f64> = rows.iter().filter_map(|r| r.progress).collect();
        let sum =
            |field: fn(&PlanRow) -> Option<usize>| rows.iter().filter_map(field).sum::<usize>();
        Totals {
            plans: rows.len(),
            plans_with_errors: rows.iter().filter(|r| r.errors > 0).count(),
            actions: sum(|r| r.actions),
            by_status,
            progress: if progresses.is_empty() {
                0.0
            } else {
                round4(progresses.iter().sum::<f64>() / progresses.len() as f64)
            },
            late: sum(|r| r.late),
            no_pilot: sum(|r| r.no_pilot),
            meetings_missing: sum(|r| r.meetings_missing),
            errors: rows.iter().map(|r| r.errors).sum(),
            warnings: rows.iter().map(|r| r.warnings).sum(),
        }
    }
}

/// Territory alphabetically; progress least advanced first; late and
/// errors most first. Ties by path, so the order never depends on threads.
fn sort(rows: &mut [PlanRow], key: PortfolioSort) {
    match key {
        PortfolioSort::Territory => {
            rows.sort_by_cached_key(|r| (fold(&r.territory), r.path.clone()))
        }
        PortfolioSort::Progress => rows.sort_by(|a, b| {
            let p = |r: &PlanRow| r.progress.unwrap_or(f64::INFINITY);
            p(a).total_cmp(&p(b)).then_with(|| a.path.cmp(&b.path))
        }),
        PortfolioSort::Late => {
            rows.sort_by(|a, b| b.late.cmp(&a.late).then_with(|| a.path.cmp(&b.path)))
        }
        PortfolioSort::Errors => rows.sort_by(|a, b| {
            (b.errors, b.warnings)
                .cmp(&(a.errors, a.warnings))
                .then_with(|| a.path.cmp(&b.path))
        }),
    }
}

fn grid(portfolio: &Portfolio, lang: Lang) -> Table {
    let statuses: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| portfolio.totals.by_status.get(*s) > 0)
        .collect();
    let mut header = vec![
        lang.text(Msg::ColTerritory).to_string(),
        lang.text(Msg::ColElapsed).to_string(),
    ];
    header.push(lang.text(Msg::ColActions).to_string());
    header.extend(statuses.iter().map(|s| s.label(lang).to_string()));
    header.extend(
        [
            Msg::ColProgress,
            Msg::ColLate,
            Msg::ColNoPilot,
            Msg::ColMeetingsMissing,
            Msg::ColErrors,
        ]
        .map(|m| lang.text(m).to_string()),
    );
    let number = |n: Option<usize>| n.map_or(Cell::from("—"), Cell::from);
    let mut table = Table::with_row_headers(header);
    narrow(&mut table, &statuses, lang);
    for row in &portfolio.plans {
        let mut cells = vec![
            Cell::Brief {
                full: row.territory.clone(),
                brief: brief_territory(&row.territory),
            },
            row.elapsed
                .map_or(Cell::from("—"), |e| lang.percent(e).into()),
        ];
        cells.push(number(row.actions));
        let counts = row.by_status.as_ref();
        cells.extend(statuses.iter().map(|s| number(counts.map(|c| c.get(*s)))));
        cells.push(row.progress.map_or(Cell::from("—"), Cell::Share));
        cells.push(number(row.late));
        cells.push(number(row.no_pilot));
        cells.push(number(row.meetings_missing));
        let mut errors = format!("{} / {}", row.errors, row.warnings);
        if let Some(first) = &row.first_error {
            errors.push_str(&format!(" — {first}"));
        }
        cells.push(errors.into());
        table.row(cells);
    }
    let totals = &portfolio.totals;
    let mut total = vec![
        lang.fill(Msg::PortfolioTotal, &[&totals.plans]).into(),
        Cell::from(""),
        totals.actions.into(),
    ];
    total.extend(statuses.iter().map(|s| totals.by_status.get(*s).into()));
    total.push(Cell::Share(totals.progress));
    total.push(totals.late.into());
    total.push(totals.no_pilot.into());
    total.push(totals.meetings_missing.into());
    total.push(format!("{} / {}", totals.errors, totals.warnings).into());
    table.row(total);
    table
}

/// How the table of plans gives way on a narrow terminal: the statuses
/// as one column, short headers, then the period elapsed, the meetings,
/// the actions without a pilot and the late ones left out, in that order.
/// A first error is wrapped, never shortened: it is what to act on.
fn narrow(table: &mut Table, statuses: &[Status], lang: Lang) {
    let after = 3 + statuses.len();
    let keys = statuses.iter().map(|s| s.symbol().to_string()).collect();
    table
        .shorten(0, 20)
        .wrap(after + 4)
        .group(3, lang.text(Msg::ColStatuses), keys)
        .brief_header(1, lang.text(Msg::ColElapsedBrief))
        .brief_header(2, lang.text(Msg::ColActionsBrief))
        .brief_header(after, lang.text(Msg::ColProgressBrief))
        .brief_header(after + 1, lang.text(Msg::ColLateBrief))
        .brief_header(after + 3, lang.text(Msg::ColMeetingsMissingBrief))
        .brief_header(after + 4, lang.text(Msg::ColErrorsBrief))
        .optional(1)
        .optional(after + 3)
        .optional(after + 2)
        .optional(after + 1);
}

/// A territory as people abbreviate it: "CC du Val'Aïgo" for
/// "Communauté de communes du Val'Aïgo".
fn brief_territory(territory: &str) -> String {
    const SHORT: [(&str, &str); 3] = [
        ("Communauté de communes ", "CC "),
        ("Communauté d'agglomération ", "CA "),
        ("Communauté urbaine ", "CU "),
    ];
    SHORT
        .iter()
        .find_map(|(long, short)| {
            let rest = territory.strip_prefix(long)?;
            Some(format!("{short}{rest}"))
        })
        .unwrap_or_else(|| territory.to_string())
}

fn csv_table(rows: &[PlanRow], lang: Lang) -> Table {
    let mut header = [
        Msg::ColPath,
        Msg::ColTerritory,
        Msg::ColStart,
        Msg::ColEnd,
        Msg::ColElapsed,
        Msg::ColActions,
    ]
    .map(|m| lang.text(m).to_string())
    .to_vec();
    header.extend(Status::ALL.iter().map(|s| s.label(lang).to_string()));
    header.extend(
        [
            Msg::ColProgress,
            Msg::ColLate,
            Msg::ColNoPilot,
            Msg::ColMeetingsMissing,
            Msg::ColErrorCount,
            Msg::ColWarningCount,
            Msg::ColFirstError,
        ]
        .map(|m| lang.text(m).to_string()),
    );
    let int = |n: Option<usize>| n.map_or(Cell::from(""), Cell::from);
    let share = |x: Option<f64>| x.map_or(Cell::from(""), Cell::Number);
    let mut table = Table::new(header);
    for row in rows {
        let mut cells = vec![
            Cell::from(row.path.as_str()),
            Cell::from(row.territory.as_str()),
            Cell::Date(row.start),
            Cell::Date(row.end),
            share(row.elapsed),
            int(row.actions),
        ];
        let counts = row.by_status.as_ref();
        cells.extend(Status::ALL.iter().map(|s| int(counts.map(|c| c.get(*s)))));
        cells.push(share(row.progress));
        cells.push(int(row.late));
        cells.push(int(row.no_pilot));
        cells.push(int(row.meetings_missing));
        cells.push(row.errors.into());
        cells.push(row.warnings.into());
        cells.push(Cell::from(row.first_error.clone().unwrap_or_default()));
        table.row(cells);
    }
    table
}

/// "412/1000 plans" on a terminal's stderr while plans are checked; nothing
/// when stderr is not a terminal, or for a handful of plans.
struct Progress {
    total: usize,
    shown: bool,
    last: Mutex<std::time::Instant>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            shown: total >= 50 && std::io::stderr().is_terminal(),
            last: Mutex::new(std::time::Instant::now()),
        }
    }

    fn tick(&self, done: usize) {
        if !self.shown {
            return;
        }
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if last.elapsed().as_millis() >= 100 || done == self.total {
            *last = std::time::Instant::now();
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r{done}/{} plans", self.total);
            let _ = stderr.flush();
        }
    }

    fn finish(&self) {
        if self.shown {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[2K");
            let _ = stderr.flush();
        }
    }
}
