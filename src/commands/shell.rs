//! `ctg completions` and `ctg man`: the command line described for shells
//! and for `man`, generated from the same definition clap parses with.

use clap::CommandFactory;

use crate::Failure;
use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ctg", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

pub fn man() -> Result<String, Failure> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|err| Failure::content(err.to_string()))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
