use std::process::ExitCode;

fn main() -> ExitCode {
    ctg::run(ctg::cli::parse())
}
