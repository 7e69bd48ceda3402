//! One test binary that drives the real `ctg` executable.

mod check;
mod edit;
mod errors;
mod guide;
mod history;
mod hook;
mod load;
mod output;
mod portfolio;
mod property;
mod query;
mod report;
mod robustness;
mod status;
mod support;
mod tooling;
