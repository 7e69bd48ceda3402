//! The level of a rule for one run: `--deny CODE` makes its diagnostics
//! errors, `--warn CODE` warnings, `--allow CODE` silences them. A rule of
//! the file format can be raised but never lowered: a plan that breaks one
//! is not read as meant, whatever the verdict says.

use crate::diag::{Diagnostic, Rule, Severity};
use crate::error::Error;

/// The changes of level asked for on the command line, checked.
#[derive(Debug, Default)]
pub struct Levels {
    /// Each rule changed, with its level for this run (None: silenced).
    changes: Vec<(&'static Rule, Option<Severity>)>,
}

impl Levels {
    /// The levels from the codes given to `--deny`, `--warn` and `--allow`.
    /// An unknown code, a rule of the format lowered, or one rule given to
    /// two options is a usage error.
    pub fn new(deny: &[String], warn: &[String], allow: &[String]) -> Result<Levels, Error> {
        let asked = [
            ("--deny", deny, Some(Severity::Error)),
            ("--warn", warn, Some(Severity::Warning)),
            ("--allow", allow, None),
        ];
        let mut given: Vec<(&'static Rule, &str, Option<Severity>)> = Vec::new();
        for (option, codes, level) in asked {
            for code in codes {
                let rule = lookup(code)?;
                if rule.format && level != Some(Severity::Error) {
                    return Err(Error::RuleLocked {
                        code: rule.code,
                        option,
                    });
                }
                let other = given
                    .iter()
                    .find(|(earlier, earlier_option, _)| {
                        earlier.code == rule.code && *earlier_option != option
                    })
                    .map(|(_, earlier_option, _)| *earlier_option);
                if let Some(other) = other {
                    return Err(Error::RuleTwoLevels {
                        code: rule.code,
                        first: other,
                        second: option,
                    });
                }
                given.push((rule, option, level));
            }
        }
        let changes = given
            .into_iter()
            .map(|(rule, _, level)| (rule, level))
            .collect();
        Ok(Levels { changes })
    }

    /// Gives each diagnostic the level of its rule for this run, and drops
    /// the silenced ones.
    pub fn apply(&self, diags: &mut Vec<Diagnostic>) {
        if self.changes.is_empty() {
            return;
        }
        diags.retain_mut(|diag| {
            let change = self
                .changes
                .iter()
                .find(|(rule, _)| rule.code == diag.rule.code);
            match change {
                None => true,
                Some((_, None)) => false,
                Some((_, Some(severity))) => {
                    diag.severity = *severity;
                    true
                }
            }
        });
    }
}

/// The rule of a code, or a usage error that carries the nearest code and
/// every code, for the edge to name.
pub fn lookup(code: &str) -> Result<&'static Rule, Error> {
    super::find(code).ok_or_else(|| Error::UnknownRule {
        code: code.to_string(),
        near: super::nearest(code),
        known: super::rules().map(|rule| rule.code).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{dates, journal};
    use crate::reader::rules as format;
    use crate::source::rules as files;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|code| code.to_string()).collect()
    }

    #[test]
    fn levels_change_silence_and_leave_alone() {
        let levels = Levels::new(
            &codes(&["journal-order"]),
            &codes(&["future-date"]),
            &codes(&["outside-period", "not-a-file"]),
        )
        .unwrap();
        let mut diags = vec![
            Diagnostic::new(&journal::JOURNAL_ORDER, "a"),
            Diagnostic::new(&dates::FUTURE_DATE, "b"),
            Diagnostic::new(&dates::OUTSIDE_PERIOD, "c"),
            Diagnostic::new(&format::WRONG_TYPE, "d"),
            Diagnostic::new(&files::NOT_A_FILE, "e"),
        ];
        levels.apply(&mut diags);
        let left: Vec<(&str, Severity)> = diags.iter().map(|d| (d.code(), d.severity)).collect();
        assert_eq!(
            left,
            [
                ("journal-order", Severity::Error),
                ("future-date", Severity::Warning),
                ("wrong-type", Severity::Error),
            ]
        );
    }

    #[test]
    fn format_rules_are_never_lowered_but_may_be_denied() {
        let lowered = Levels::new(&[], &[], &codes(&["toml-syntax"])).unwrap_err();
        assert!(
            matches!(
                lowered,
                Error::RuleLocked {
                    code: "toml-syntax",
                    option: "--allow"
                }
            ),
            "{lowered:?}"
        );
        assert!(Levels::new(&codes(&["toml-syntax"]), &[], &[]).is_ok());
    }

    #[test]
    fn one_rule_given_two_levels_is_refused() {
        let both = Levels::new(&codes(&["no-pilot"]), &[], &codes(&["no-pilot"]));
        assert!(matches!(
            both.unwrap_err(),
            Error::RuleTwoLevels {
                code: "no-pilot",
                first: "--deny",
                second: "--allow"
            }
        ));
        let twice = Levels::new(&codes(&["no-pilot", "no-pilot"]), &[], &[]);
        assert!(twice.is_ok());
    }
}
