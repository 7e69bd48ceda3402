//! One test binary that drives the real `ctg` executable.

mod check;
mod edit;
mod guide;
mod history;
mod hook;
mod injection;
mod load;
mod portfolio;
mod property;
mod query;
mod report;
mod robustness;
mod status;
mod support;
mod tooling;
