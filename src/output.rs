//! What a command produces, and the one place where it reaches the user:
//! `-o FILE` (written atomically, without colours), `--quiet`, the standard
//! output and error, and a failure told in words or as JSON.

use std::path::PathBuf;

use crate::error::Error;
use crate::failure::{self, Shape};
use crate::i18n::{Lang, Msg};

/// A command's output: text, or the bytes of a file format (a workbook).
#[derive(Debug, PartialEq, Eq)]
pub enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

/// What a command's standard output is to the person who ran it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// What was asked for: a dashboard, a list, a bilan, a diff.
    Answer,
    /// Lines that only confirm what was done, which `--quiet` silences.
    Confirmation,
}

/// What a command produced. A command can answer and still fail: `ctg check
/// --format json` lists the errors and exits 1.
#[derive(Debug)]
pub struct Output {
    pub body: Body,
    pub kind: Kind,
    /// Text for the standard error whatever happens (the warnings of `ctg check`).
    pub notes: String,
    /// The exit code: 0, or 1 when the answer itself reports a failure.
    pub code: u8,
    /// The line printed once the body is written to `-o FILE`.
    pub written: Msg,
}

impl Output {
    fn new(body: Body, kind: Kind) -> Output {
        Output {
            body,
            kind,
            notes: String::new(),
            code: 0,
            written: Msg::Written,
        }
    }

    pub fn answer(text: String) -> Output {
        Output::new(Body::Text(text), Kind::Answer)
    }

    pub fn bytes(bytes: Vec<u8>) -> Output {
        Output::new(Body::Bytes(bytes), Kind::Answer)
    }

    pub fn confirmation(text: String) -> Output {
        Output::new(Body::Text(text), Kind::Confirmation)
    }

    pub fn with_notes(mut self, notes: String) -> Output {
        self.notes = notes;
        self
    }

    pub fn with_code(mut self, code: u8) -> Output {
        self.code = code;
        self
    }

    /// Says "… written to FILE" with this message rather than the plain one.
    pub fn written_as(mut self, written: Msg) -> Output {
        self.written = written;
        self
    }

    fn is_empty(&self) -> bool {
        match &self.body {
            Body::Text(text) => text.is_empty(),
            Body::Bytes(bytes) => bytes.is_empty(),
        }
    }
}

/// How output is delivered: the global options, and the command's format.
pub struct Delivery {
    pub lang: Lang,
    /// `-o FILE`.
    pub file: Option<PathBuf>,
    pub quiet: bool,
    /// The JSON a failure takes when the command was asked for JSON.
    pub json: Option<Shape>,
}

/// What reaches the process's streams, and its exit code.
pub struct Printed {
    pub stdout: Body,
    pub stderr: String,
    pub code: u8,
}

/// Delivers a command's result: its body to `-o FILE` or the standard
/// output, `--quiet` applied, a failure in words on stderr or, for a
/// command asked for JSON, as JSON on stdout. A failure never writes to
/// `-o FILE`: the file holds an answer or stays as it was.
pub fn deliver(result: Result<Output, Error>, delivery: &Delivery) -> Printed {
    match result.and_then(|output| to_file(output, delivery)) {
        Ok(mut output) => {
            if delivery.quiet && output.code == 0 && output.kind == Kind::Confirmation {
                output.body = Body::Text(String::new());
            }
            Printed {
                stdout: output.body,
                stderr: output.notes,
                code: output.code,
            }
        }
        Err(error) => {
            let lang = delivery.lang;
            let (stdout, stderr) = match delivery.json {
                Some(shape) => (failure::json(&error, lang, shape), String::new()),
                None => (String::new(), failure::human(&error, lang)),
            };
            Printed {
                stdout: Body::Text(stdout),
                stderr,
                code: error.exit_code(),
            }
        }
    }
}

/// With `-o FILE`, writes the body there (an answer always, even empty, so
/// that no stale file is left; confirmations when there are some) and
/// leaves in its place the line saying so, a confirmation.
fn to_file(output: Output, delivery: &Delivery) -> Result<Output, Error> {
    let Some(path) = &delivery.file else {
        return Ok(output);
    };
    if output.kind == Kind::Confirmation && output.is_empty() {
        return Ok(output);
    }
    let bytes = match output.body {
        Body::Text(text) => anstream::adapter::strip_str(&text).to_string().into_bytes(),
        Body::Bytes(bytes) => bytes,
    };
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|err| Error::write(path, err))?;
    }
    crate::edit::write_atomically(path, &bytes, crate::edit::OUTPUT_TEMP_PREFIX)
        .map_err(|err| Error::write(path, err))?;
    let line = delivery.lang.fill(output.written, &[&path.display()]);
    Ok(Output {
        body: Body::Text(format!("{line}\n")),
        kind: Kind::Confirmation,
        ..output
    })
}

/// Writes to a stream in one piece: text without its colours where the
/// stream does not take them (a pipe, `NO_COLOR`, `--color never`), bytes
/// as they are.
pub fn emit<S: anstream::stream::RawStream + std::io::IsTerminal>(
    stream: S,
    body: &Body,
    choice: anstream::ColorChoice,
) {
    let styled = anstream::AutoStream::new(stream, choice);
    let plain;
    let bytes = match body {
        Body::Text(text) if text.is_empty() => return,
        Body::Bytes(bytes) if bytes.is_empty() => return,
        Body::Text(text) if styled.current_choice() == anstream::ColorChoice::Never => {
            plain = anstream::adapter::strip_str(text).to_string();
            plain.as_bytes()
        }
        Body::Text(text) => text.as_bytes(),
        Body::Bytes(bytes) => bytes.as_slice(),
    };
    let mut raw = styled.into_inner();
    // A closed pipe (`ctg status | head`) is the reader's choice, not an error.
    let _ = raw.write_all(bytes);
    let _ = raw.flush();
}
