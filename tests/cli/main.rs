//! One test binary that drives the real `ctg` executable.

mod check;
mod load;
mod robustness;
mod status;
mod support;
