//! One test binary that drives the real `ctg` executable.

mod check;
mod docs;
mod edit;
mod errors;
mod french;
mod guide;
mod hardening;
mod history;
mod hook;
mod injection;
mod journal;
mod layout;
mod load;
mod meetings;
mod one_history;
mod output;
mod past;
mod portfolio;
mod property;
mod query;
mod report;
mod robustness;
mod status;
mod support;
mod tooling;
mod widths;
