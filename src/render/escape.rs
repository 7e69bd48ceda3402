//! Plan text made inert, once per format. Every renderer passes every
//! piece of text it did not write itself through one of these: plan text
//! never becomes markup, a link, a formula or a terminal command.
//!
//! Each copies runs of ordinary characters at once and looks only at the
//! few characters its format cares about: a bilan of thousands of actions
//! escapes megabytes of text.

/// The bytes that may start a character an escape looks at: the ASCII
/// characters it names, every ASCII control, and 0xC2, which starts the
/// C1 controls (U+0080–U+009F). Anything else is copied without a look.
const fn watched(ascii: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    let mut index = 0;
    while index < ascii.len() {
        table[ascii[index] as usize] = true;
        index += 1;
    }
    table
}

const CONTROLS: [bool; 256] = watched(b"");

/// Of the characters a watched byte starts, those an escape names (every
/// ASCII one it watches) and the controls: not the rest of U+0080–U+00BF.
fn is_watched(c: char) -> bool {
    c.is_ascii() || c.is_control()
}

/// Copies `text` to `out`, runs of bytes `watched` does not name at once;
/// each character they start that `special` picks goes to `replace` with
/// its byte index. A watched byte is ASCII or a leading byte, so it always
/// starts a character.
fn copy_runs(
    out: &mut String,
    text: &str,
    watched: &[bool; 256],
    special: impl Fn(char) -> bool,
    mut replace: impl FnMut(&mut String, usize, char),
) {
    let bytes = text.as_bytes();
    let (mut start, mut index) = (0, 0);
    while index < bytes.len() {
        if !watched[usize::from(bytes[index])] {
            index += 1;
            continue;
        }
        let Some(c) = text[index..].chars().next() else {
            break;
        };
        if special(c) {
            out.push_str(&text[start..index]);
            replace(out, index, c);
            start = index + c.len_utf8();
        }
        index += c.len_utf8();
    }
    out.push_str(&text[start..]);
}

/// Text for the terminal: control characters (escape sequences, bell,
/// carriage return…) removed, line breaks and tabs turned into spaces, so
/// that a title can neither restyle, retitle nor clear the terminal.
pub fn terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    copy_runs(&mut out, text, &CONTROLS, char::is_control, |out, _, c| {
        if matches!(c, '\n' | '\t') {
            out.push(' ');
        }
    });
    out
}

/// Text for inline Markdown: the characters that would start emphasis,
/// strikethrough, links, images, code, HTML, entities or a table cell are
/// escaped, and so is what would start a heading, a list or a quote at the
/// beginning of a line; line breaks become spaces, control characters go.
/// Leading blanks go too: Markdown ignores them, except that they would let
/// a `#` or a `-` open a block after all (up to three spaces) or turn the
/// text into code (four).
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_markdown(&mut out, text);
    out
}

/// `markdown`, written at the end of `out`.
pub fn push_markdown(out: &mut String, text: &str) {
    let text = text.trim_start_matches(|c: char| c == ' ' || c.is_control());
    let start = out.len();
    if text.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
    }
    const MARKDOWN: [bool; 256] = watched(b"\\`*_~[]<>|&");
    let bytes = text.as_bytes();
    copy_runs(out, text, &MARKDOWN, is_watched, |out, index, c| match c {
        // "\r\n" is one line break, one space.
        '\n' if index > 0 && bytes[index - 1] == b'\r' => {}
        '\r' | '\n' | '\t' => out.push(' '),
        c if c.is_control() => {}
        c => {
            out.push('\\');
            out.push(c);
        }
    });
    if let Some(digits) = ordinal_digits(&out[start..]) {
        // A backslash escapes punctuation only: "1\." reads "1.", where
        // "\1." would show its backslash.
        out.insert(start + digits, '\\');
    }
}

/// How many digits open the text when they and a "." or ")" would make an
/// ordered list.
fn ordinal_digits(text: &str) -> Option<usize> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && text[digits..].starts_with(['.', ')'])).then_some(digits)
}

/// Text safe inside HTML elements and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    const HTML: [bool; 256] = watched(b"&<>\"'");
    copy_runs(&mut out, text, &HTML, is_watched, |out, _, c| match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        '\n' | '\t' => out.push(' '),
        _ => {}
    });
    out
}

/// Text inside an XML element or attribute (the parts of a Word
/// document): the five markup characters as entities, control characters
/// (which XML 1.0 forbids) dropped, line breaks as spaces.
pub fn xml(text: &str) -> String {
    html(text)
}

/// Text for a spreadsheet cell. Control characters go but for the line
/// breaks and tabs a cell may hold: CSV is printed on terminals too, where
/// an escape sequence in a title would run. Then text that a spreadsheet
/// would read as a formula (=, +, -, @, or a tab or carriage return first)
/// gets a leading apostrophe, which spreadsheets show as plain text.
pub fn spreadsheet(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let control = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    copy_runs(&mut out, text, &CONTROLS, control, |_, _, _| {});
    if out.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.insert(0, '\'');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(
            html("<b>\"R&D\"</b>'"),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;&#39;"
        );
        assert_eq!(markdown("a | *b* <i>\n# c"), "a \\| \\*b\\* \\<i\\> # c");
        assert_eq!(markdown("# titre"), "\\# titre");
        assert_eq!(markdown("=SOMME(A1)"), "\\=SOMME(A1)");
        assert_eq!(markdown("![i](http://x)"), "!\\[i\\](http://x)");
        assert_eq!(markdown("1. un"), "1\\. un");
        assert_eq!(markdown("&lt;"), "\\&lt;");
        assert_eq!(markdown("~~barré~~"), "\\~\\~barré\\~\\~");
    }

    #[test]
    fn leading_blanks_cannot_open_a_block() {
        assert_eq!(markdown(" # titre"), "\\# titre");
        assert_eq!(markdown("\r# titre"), "\\# titre");
        assert_eq!(markdown("\n- puce"), "\\- puce");
        assert_eq!(markdown("\t1. un"), "1\\. un");
        assert_eq!(markdown("     code"), "code");
    }

    #[test]
    fn the_terminal_gets_no_control_character() {
        assert_eq!(terminal("a\u{1b}]0;x\u{7}\u{1b}[2Jb\nc"), "a]0;x[2Jb c");
        assert_eq!(terminal("\u{9b}31m"), "31m");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(spreadsheet("=1+1"), "'=1+1");
        assert_eq!(spreadsheet("-2"), "'-2");
        assert_eq!(spreadsheet("ok"), "ok");
    }

    #[test]
    fn cells_keep_line_breaks_but_no_escape_sequence() {
        assert_eq!(
            spreadsheet("a\u{1b}]0;x\u{7}\u{9b}31m\r\nb\tc"),
            "a]0;x31m\r\nb\tc"
        );
        // A formula behind a control character is a formula once it is gone.
        assert_eq!(spreadsheet("\u{1b}=1+1"), "'=1+1");
        assert_eq!(spreadsheet("\u{7}\t=1"), "'\t=1");
    }

    /// The escapes as first written, one pass per concern: the runs above
    /// must give the same text for every string.
    mod first_written {
        pub fn terminal(text: &str) -> String {
            text.chars()
                .filter_map(|c| match c {
                    '\n' | '\t' => Some(' '),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect()
        }

        pub fn markdown(text: &str) -> String {
            let flat = terminal(&text.replace("\r\n", " ").replace('\r', " "));
            let flat = flat.trim_start_matches(' ');
            let mut out = String::new();
            for c in flat.chars() {
                if matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '|' | '&'
                ) {
                    out.push('\\');
                }
                out.push(c);
            }
            if out.starts_with(['#', '-', '+', '=']) {
                out.insert(0, '\\');
            } else if let Some(digits) = super::super::ordinal_digits(&out) {
                out.insert(digits, '\\');
            }
            out
        }

        pub fn html(text: &str) -> String {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&#39;"),
                    '\n' | '\t' => out.push(' '),
                    c if c.is_control() => {}
                    c => out.push(c),
                }
            }
            out
        }

        pub fn spreadsheet(text: &str) -> String {
            let text: String = text
                .chars()
                .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
                .collect();
            if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{text}")
            } else {
                text
            }
        }
    }

    #[test]
    fn runs_escape_as_one_pass_per_concern_did() {
        let alphabet = [
            'a', 'é', ' ', '\u{a0}', '#', '-', '=', '1', '.', ')', '*', '&', '\'', '"', '<', '\\',
            '\r', '\n', '\t', '\u{1b}', '\u{85}', '\u{7f}',
        ];
        let n = alphabet.len();
        for length in 0..=4u32 {
            for mut code in 0..n.pow(length) {
                let mut text = String::new();
                for _ in 0..length {
                    text.push(alphabet[code % n]);
                    code /= n;
                }
                assert_eq!(terminal(&text), first_written::terminal(&text), "{text:?}");
                assert_eq!(markdown(&text), first_written::markdown(&text), "{text:?}");
                assert_eq!(html(&text), first_written::html(&text), "{text:?}");
                assert_eq!(
                    spreadsheet(&text),
                    first_written::spreadsheet(&text),
                    "{text:?}"
                );
            }
        }
    }
}
