//! What a command produces, and the one place where it reaches the user:
//! `-o FILE` (written atomically, without colours), `--quiet`, the standard
//! output and error, and a failure told in words or as JSON.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::edit::{OUTPUT_TEMP_PREFIX, write_atomically};
use crate::error::Error;
use crate::failure::{self, Shape};
use crate::i18n::{Lang, Msg};
use crate::text::any_byte;

/// A command's output: text, or the bytes of a file format (a workbook).
#[derive(Debug, PartialEq, Eq)]
pub enum Body {
    Text(String),
    /// Text in pieces, the same as their concatenation without the copy:
    /// a large bilan, its pieces written on every core.
    Pieces(Vec<String>),
    Bytes(Vec<u8>),
    /// Several files, by name, for `-o FOLDER` (the tables of a bilan as CSV).
    Files(Vec<(String, Vec<u8>)>),
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

    pub fn answer_in_pieces(pieces: Vec<String>) -> Output {
        Output::new(Body::Pieces(pieces), Kind::Answer)
    }

    pub fn bytes(bytes: Vec<u8>) -> Output {
        Output::new(Body::Bytes(bytes), Kind::Answer)
    }

    /// Files to write into the folder `-o` names.
    pub fn files(files: Vec<(String, Vec<u8>)>) -> Output {
        Output::new(Body::Files(files), Kind::Answer)
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
            Body::Pieces(pieces) => pieces.iter().all(String::is_empty),
            Body::Bytes(bytes) => bytes.is_empty(),
            Body::Files(files) => files.is_empty(),
        }
    }
}

/// How output is delivered: the global options, and the command's format.
pub struct Delivery {
    pub lang: Lang,
    /// `-o FILE`.
    pub file: Option<PathBuf>,
    /// The plan folder the command works on, whose files `-o` never replaces.
    pub plan: Option<PathBuf>,
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
    match output.body {
        Body::Text(text) => {
            let text = without_colours(&text);
            write_output(path, text.as_bytes(), delivery.plan.as_deref())?;
        }
        Body::Pieces(pieces) => {
            let text = pieces.concat();
            let text = without_colours(&text);
            write_output(path, text.as_bytes(), delivery.plan.as_deref())?;
        }
        Body::Bytes(bytes) => write_output(path, &bytes, delivery.plan.as_deref())?,
        // Each file is written as `-o FILE` would be, one after the other.
        Body::Files(files) => {
            for (name, bytes) in &files {
                write_output(&path.join(name), bytes, delivery.plan.as_deref())?;
            }
        }
    }
    let line = delivery.lang.fill(output.written, &[&path.display()]);
    Ok(Output {
        body: Body::Text(format!("{line}\n")),
        kind: Kind::Confirmation,
        ..output
    })
}

/// Writes `-o FILE` as a shell's `>` would, but never half: a new or
/// regular file is replaced atomically; a named pipe or a device is written
/// through (a full disk is reported, `/dev/null` stays a device); a
/// symbolic link is followed and stays a link. The folder must exist, and a
/// file of the plan is never overwritten.
fn write_output(path: &Path, bytes: &[u8], plan: Option<&Path>) -> Result<(), Error> {
    let failed = |err| Error::write(path, err);
    let target = match fs::metadata(path) {
        // The system follows the links (even /dev/stdout's): write there.
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            return write_through(path, bytes).map_err(failed);
        }
        Ok(meta) if meta.is_file() => path.canonicalize().map_err(failed)?,
        // A new file, or one a dangling link names.
        _ => follow_links(path),
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // A folder that is not there (a file in the way is a failure to write).
    if fs::metadata(dir).is_err_and(|err| err.kind() == io::ErrorKind::NotFound) {
        return Err(Error::OutputFolderMissing {
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
        });
    }
    if plan.is_some_and(|root| is_plan_file(root, dir, &target)) {
        return Err(Error::OutputIsPlanFile {
            path: path.to_path_buf(),
        });
    }
    write_atomically(&target, bytes, OUTPUT_TEMP_PREFIX).map_err(failed)
}

/// Where a chain of symbolic links ends, even at a file that does not exist yet.
fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // As many links as the system itself follows before giving up.
    for _ in 0..40 {
        let Ok(link) = fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(dir) => dir.join(link),
            None => link,
        };
    }
    current
}

/// Whether `target` (in folder `dir`) is one of the plan's own files.
fn is_plan_file(root: &Path, dir: &Path, target: &Path) -> bool {
    let (Ok(root), Ok(dir), Some(name)) =
        (root.canonicalize(), dir.canonicalize(), target.file_name())
    else {
        return false;
    };
    dir.join(name)
        .strip_prefix(&root)
        .ok()
        .and_then(Path::to_str)
        .is_some_and(|relative| crate::source::kind_of(&relative.replace('\\', "/")).is_some())
}

/// Writes into a named pipe or a device in place. A pipe nobody reads is
/// an error at once rather than a wait without end.
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = File::options();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let mut file = options.open(path)?;
    let mut rest = bytes;
    while !rest.is_empty() {
        match file.write(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => rest = &rest[written..],
            // A pipe whose reader is slower than us: let it catch up.
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    file.flush()
}

/// The text without its terminal escapes. Most text has none (a bilan of
/// 15 MB, JSON): it is lent as it is after one look at each byte, where
/// stripping would copy it whole.
fn without_colours(text: &str) -> Cow<'_, str> {
    match has_escapes(text) {
        true => Cow::Owned(anstream::adapter::strip_str(text).to_string()),
        false => Cow::Borrowed(text),
    }
}

/// Whether the stripper would change `text`: an escape, another control
/// than whitespace, or DEL.
fn has_escapes(text: &str) -> bool {
    any_byte(text.as_bytes(), |b| {
        (b < 0x20 && !b.is_ascii_whitespace()) || b == 0x7f
    })
}

/// Writes to a stream: text without its colours where the stream does not
/// take them (a pipe, `NO_COLOR`, `--color never`), bytes as they are.
pub fn emit<S: anstream::stream::RawStream + std::io::IsTerminal>(
    stream: S,
    body: &Body,
    choice: anstream::ColorChoice,
) {
    let styled = anstream::AutoStream::new(stream, choice);
    let plain = styled.current_choice() == anstream::ColorChoice::Never;
    let pieces = match body {
        Body::Text(text) => std::slice::from_ref(text),
        Body::Pieces(pieces) => pieces.as_slice(),
        // Files are only ever written to a folder (`-o`).
        Body::Files(_) => return,
        Body::Bytes(bytes) => return write_all(styled.into_inner(), &[bytes]),
    };
    let mut raw = styled.into_inner();
    if plain && pieces.iter().any(|piece| has_escapes(piece)) {
        // Stripped whole: a sequence may straddle two pieces.
        let text = anstream::adapter::strip_str(&pieces.concat()).to_string();
        write_all(raw, &[text.as_bytes()]);
    } else {
        let bytes: Vec<&[u8]> = pieces.iter().map(|piece| piece.as_bytes()).collect();
        write_all(&mut raw, &bytes);
    }
}

/// Writes the pieces one after the other, nothing when all are empty.
fn write_all(mut stream: impl Write, pieces: &[&[u8]]) {
    if pieces.iter().all(|piece| piece.is_empty()) {
        return;
    }
    // A closed pipe (`ctg status | head`) is the reader's choice, not an
    // error: what is left is not written.
    for piece in pieces {
        if stream.write_all(piece).is_err() {
            return;
        }
    }
    let _ = stream.flush();
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Seek};

    use super::{Body, emit, without_colours};

    /// Every string of up to three characters from an alphabet of escapes,
    /// controls, C1 codes and wide or accented letters: the fast path
    /// answers what the stripper answers.
    #[test]
    fn without_colours_agrees_with_the_stripper() {
        let alphabet = [
            "a", " ", "\t", "\n", "\r", "\x0c", "\x1b", "[", "3", "m", "\x07", "\x00", "\x7f",
            "\u{9b}", "\u{85}", "é", "😀", "—",
        ];
        let mut strings = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        for text in &strings {
            let stripped = anstream::adapter::strip_str(text).to_string();
            assert_eq!(without_colours(text), stripped, "{text:?}");
        }
    }

    /// Text in pieces reaches a stream that takes no colours as the same
    /// text in one piece would: the pieces as they are, or stripped whole
    /// when an escape straddles two of them.
    #[test]
    fn pieces_are_written_as_their_concatenation() {
        let cases: [&[&str]; 3] = [
            &["# Bilan\n", "", "- une ligne\n", "fin\n"],
            &["avant \x1b[3", "1mrouge\x1b[0m après\n"],
            &["\x1b", "]8;;lien\x07texte\n", ""],
        ];
        for pieces in cases {
            let mut file = tempfile::tempfile().unwrap();
            let body = Body::Pieces(pieces.iter().map(|p| p.to_string()).collect());
            emit(
                file.try_clone().unwrap(),
                &body,
                anstream::ColorChoice::Never,
            );
            let mut written = String::new();
            file.rewind().unwrap();
            file.read_to_string(&mut written).unwrap();
            let whole = anstream::adapter::strip_str(&pieces.concat()).to_string();
            assert_eq!(written, whole, "{pieces:?}");
        }
    }
}
