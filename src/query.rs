//! Selecting and ordering actions: `ctg list`'s filters and sorts.
//!
//! Options combine with AND; the values of one repeated option with OR.
//! Names typed by people (actors, themes, communes, words) are compared
//! without case or accents.

use chrono::NaiveDate;

use crate::cli::{ListArgs, SortKey};
use crate::error::Error;
use crate::model::{Action, Plan, Status};
use crate::text::fold;

pub struct Filter {
    axes: Vec<u32>,
    statuses: Vec<Status>,
    pilots: Vec<String>,
    partners: Vec<String>,
    actors: Vec<String>,
    /// Axes whose theme was asked for, resolved once.
    theme_axes: Option<Vec<u32>>,
    communes: Vec<String>,
    coordination: bool,
    within_competences: bool,
    no_pilot: bool,
    overdue: bool,
    due_before: Option<NaiveDate>,
    due_after: Option<NaiveDate>,
    words: Vec<String>,
    today: NaiveDate,
}

impl Filter {
    /// The filter the arguments ask for. An actor or theme the plan does not
    /// know is a usage error that lists the known ones: a typo must not
    /// quietly answer "nothing matches".
    pub fn from_args(args: &ListArgs, plan: &Plan, today: NaiveDate) -> Result<Filter, Error> {
        let declared: Vec<&str> = plan
            .convention
            .actors
            .iter()
            .map(|actor| actor.id.value.as_str())
            .collect();
        let resolve_actors = |names: &[String]| -> Result<Vec<String>, Error> {
            names
                .iter()
                .map(|name| {
                    declared
                        .iter()
                        .find(|id| fold(id) == fold(name))
                        .map(|id| id.to_string())
                        .ok_or_else(|| Error::UnknownActor {
                            name: name.clone(),
                            known: declared.iter().map(|id| id.to_string()).collect(),
                        })
                })
                .collect()
        };
        let theme_axes = if args.theme.is_empty() {
            None
        } else {
            let mut axes = Vec::new();
            for theme in &args.theme {
                let matching: Vec<u32> = plan
                    .axes
                    .iter()
                    .filter(|axis| {
                        axis.theme
                            .as_deref()
                            .is_some_and(|t| fold(t) == fold(theme))
                    })
                    .map(|axis| axis.id.value)
                    .collect();
                if matching.is_empty() {
                    return Err(Error::UnknownTheme {
                        name: theme.clone(),
                        known: plan.axes.iter().filter_map(|a| a.theme.clone()).collect(),
                    });
                }
                axes.extend(matching);
            }
            Some(axes)
        };
        Ok(Filter {
            axes: args.axis.clone(),
            statuses: args.status.clone(),
            pilots: resolve_actors(&args.pilot)?,
            partners: resolve_actors(&args.partner)?,
            actors: resolve_actors(&args.actor)?,
            theme_axes,
            communes: resolve_communes(&args.commune, plan)?,
            coordination: args.coordination,
            within_competences: args.within_competences,
            no_pilot: args.no_pilot,
            overdue: args.overdue,
            due_before: args.due_before,
            due_after: args.due_after,
            words: args
                .text
                .as_deref()
                .map(|text| text.split_whitespace().map(fold).collect())
                .unwrap_or_default(),
            today,
        })
    }

    pub fn matches(&self, action: &Action) -> bool {
        let axis = action.axis.as_ref().map(|a| a.value);
        let named = |list: &[crate::span::Located<String>], wanted: &[String]| {
            wanted.is_empty() || list.iter().any(|actor| wanted.contains(&actor.value))
        };
        let due = action.due.as_ref().map(|d| d.value);
        (self.axes.is_empty() || axis.is_some_and(|a| self.axes.contains(&a)))
            && (self.statuses.is_empty() || self.statuses.contains(&action.status))
            && named(&action.pilots, &self.pilots)
            && named(&action.partners, &self.partners)
            && (self.actors.is_empty()
                || named(&action.pilots, &self.actors)
                || named(&action.partners, &self.actors))
            && self
                .theme_axes
                .as_ref()
                .is_none_or(|axes| axis.is_some_and(|a| axes.contains(&a)))
            && (self.communes.is_empty() || self.names_a_commune(action))
            && (!self.coordination || action.coordination)
            && (!self.within_competences || action.within_competences)
            && (!self.no_pilot || action.needs_pilot())
            && (!self.overdue || action.days_late(self.today).is_some())
            && self
                .due_before
                .is_none_or(|limit| due.is_some_and(|d| d <= limit))
            && self
                .due_after
                .is_none_or(|limit| due.is_some_and(|d| d >= limit))
            && (self.words.is_empty() || self.holds_words(action))
    }

    fn names_a_commune(&self, action: &Action) -> bool {
        action
            .communes
            .iter()
            .map(|c| &c.value)
            .chain(
                action
                    .modalities
                    .iter()
                    .filter_map(|m| m.commune.as_ref().map(|c| &c.value)),
            )
            .any(|commune| self.communes.contains(&fold(commune)))
    }

    /// Every word somewhere in the titles, modalities or journal notes.
    fn holds_words(&self, action: &Action) -> bool {
        let mut haystack = fold(&action.title);
        for text in action
            .short_title
            .iter()
            .chain(action.modalities.iter().map(|m| &m.text))
            .chain(action.log.iter().map(|entry| &entry.note))
        {
            haystack.push('\n');
            haystack.push_str(&fold(text));
        }
        self.words
            .iter()
            .all(|word| haystack.contains(word.as_str()))
    }
}

/// The communes of the plan that each name typed designates, folded: the
/// commune of that name, or those it begins ("villemur" for
/// "Villemur-sur-Tarn") or whose word it is ("tarn"). A name that
/// designates none is a usage error that lists them.
fn resolve_communes(names: &[String], plan: &Plan) -> Result<Vec<String>, Error> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let mut known: Vec<&str> = plan
        .convention
        .actors
        .iter()
        .flat_map(|actor| actor.members.iter().map(String::as_str))
        .chain(plan.actions.iter().flat_map(|action| {
            let modalities = action
                .modalities
                .iter()
                .filter_map(|m| m.commune.as_deref());
            action
                .communes
                .iter()
                .chain(modalities)
                .map(|c| c.value.as_str())
        }))
        .collect();
    known.sort_unstable();
    known.dedup();
    let mut resolved = Vec::new();
    for name in names {
        let typed = fold(name.trim());
        let matching: Vec<String> = known
            .iter()
            .map(|commune| fold(commune))
            .filter(|folded| {
                !typed.is_empty()
                    && (folded.starts_with(&typed)
                        || folded
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|word| word == typed))
            })
            .collect();
        if matching.is_empty() {
            return Err(Error::UnknownCommune {
                name: name.clone(),
                known: known.iter().map(|c| c.to_string()).collect(),
            });
        }
        resolved.extend(matching);
    }
    Ok(resolved)
}

/// Orders actions; ties always fall back to the id, so output is stable.
pub fn sort(actions: &mut [&Action], key: SortKey) {
    let id = |action: &Action| action.id.value;
    match key {
        SortKey::Id => actions.sort_by_key(|a| id(a)),
        SortKey::Axis => actions.sort_by_key(|a| (a.axis.as_ref().map(|x| x.value), id(a))),
        SortKey::Due => actions.sort_by_key(|a| {
            let due = a.due.as_ref().map(|d| d.value);
            (due.is_none(), due, id(a))
        }),
        SortKey::Status => actions.sort_by_key(|a| (a.status, id(a))),
        SortKey::Progress => actions.sort_by(|a, b| {
            a.progress()
                .total_cmp(&b.progress())
                .then(id(a).cmp(&id(b)))
        }),
    }
}

/// The ids as people read a range: "1–5, 7, 9–20".
pub fn id_ranges(ids: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < ids.len() {
        let start = ids[index];
        let mut end = start;
        while index + 1 < ids.len() && ids[index + 1] == end + 1 {
            index += 1;
            end = ids[index];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        index += 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_compact() {
        assert_eq!(id_ranges(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7–8");
        assert_eq!(id_ranges(&[]), "");
    }
}
