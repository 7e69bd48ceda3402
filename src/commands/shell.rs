//! `ctg completions` and `ctg man`: the command line described for shells
//! and for `man`, generated from the same definition clap parses with.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;
use crate::output::Output;

pub fn completions(shell: clap_complete::Shell) -> Output {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ctg", &mut out);
    Output::answer(String::from_utf8_lossy(&out).into_owned())
}

pub fn man() -> Result<Output, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(Error::internal)?;
    Ok(Output::answer(String::from_utf8_lossy(&out).into_owned()))
}
