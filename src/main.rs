use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    ctg::run(ctg::cli::Cli::parse())
}
