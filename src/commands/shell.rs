//! `ctg completions` and `ctg man`: the command line described for shells
//! and for `man`, generated from the same definition clap parses with.

use clap::CommandFactory;

use crate::cli::{self, Cli};
use crate::error::Error;
use crate::i18n::Lang;
use crate::output::Output;

pub fn completions(shell: clap_complete::Shell) -> Output {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ctg", &mut out);
    Output::answer(String::from_utf8_lossy(&out).into_owned())
}

/// The manual page in `lang`. clap_mangen writes its section titles in
/// English; in French they are renamed after rendering.
pub fn man(lang: Lang) -> Result<Output, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cli::command(lang))
        .render(&mut out)
        .map_err(Error::internal)?;
    let mut page = String::from_utf8_lossy(&out).into_owned();
    if lang == Lang::Fr {
        for (english, french) in [
            (".SH NAME", ".SH NOM"),
            (".SH EXTRA", ".SH EXEMPLES"),
            (".SH AUTHORS", ".SH AUTEURS"),
        ] {
            page = page.replace(english, french);
        }
        // Section titles are capitals, without the no-break space that
        // French headings of --help keep before their colon.
        page = page
            .lines()
            .map(|line| match line.strip_prefix(".SH ") {
                Some(title) => format!(
                    ".SH {}\n",
                    title.replace('\u{a0}', "").trim().to_uppercase()
                ),
                None => format!("{line}\n"),
            })
            .collect();
    }
    Ok(Output::answer(page))
}
