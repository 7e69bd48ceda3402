//! Hostile plan text through every command and every format. A copy of the
//! demo plan has its titles, notes, names and units replaced by text that
//! would be live anywhere it was pasted raw: HTML and a script, Markdown
//! links, images and emphasis, lines that open a heading or a list, terminal
//! escape sequences, spreadsheet formulas. The plan stays valid (control
//! characters are TOML escapes), and every output is checked for generic
//! properties of its format, not for exact texts: no live markup, no
//! formula, no escape sequence. Each checker is itself checked against a
//! known-bad string, so that a checker that accepts everything fails.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;

use crate::support::{copy_plan, ctg, git_ok, repo};

const TODAY: &str = "2026-01-15";

/// What every hostile text carries inline: HTML, a script and a comment,
/// Markdown links, an image, emphasis, strikethrough, code and an entity;
/// terminal sequences (retitle and bell, clear screen, an 8-bit CSI); a
/// lone carriage return, a CRLF; line breaks followed by a heading, an
/// ordered item, a bullet and a quote.
const BODY: &str = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) \
     ![i](http://evil/x.png) <script>alert(1)</script> **gras** ~~barré~~ `code` \
     &amp; <!-- c --> \u{1b}]0;pwned\u{7}\u{1b}[2J \u{9b}31m a\rb\r\n# titre\n1. liste\n\
     - puce\n> cite";

/// The `n`th hostile text: how it begins (a formula, block markup,
/// leading blanks or a control character, where a line, a list item or a
/// cell begins), a tag to tell texts apart, then the body.
fn hostile(n: usize) -> String {
    let start = match FIELDS.get(n) {
        Some(field) => field.2,
        None => EXTRA_STARTS[n - FIELDS.len()],
    };
    format!("{start} f{n:02} {BODY}")
}

/// An actor id, as written in `pilots`: short, but as hostile as a name.
const ACTOR_ID: &str = "=HYPERLINK(\"http://x\") <b>x</b> [l](javascript:alert(1)) \u{1b}[2J\u{7}";

/// `text` as a TOML basic string, control characters as `\uXXXX` escapes.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Replaces `old` by `new` in a plan file, insisting that `old` is there.
fn substitute(plan: &Path, file: &str, old: &str, new: &str) {
    let path = plan.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(old), "{file} has no {old:?}");
    fs::write(&path, text.replacen(old, new, 1)).unwrap();
}

/// Where the hostile texts go: (file, text replaced, how the hostile text
/// begins), in the order of `hostile(n)`.
const FIELDS: [(&str, &str, &str); 25] = [
    // The convention: its name, territory and caf.
    (
        "ctg.toml",
        "\"Convention territoriale globale de la CC des Trois Rivières (fictive)\"",
        "=HYPERLINK(\"http://x\")",
    ),
    (
        "ctg.toml",
        "\"Communauté de communes des Trois Rivières (fictive)\"",
        "\n- ",
    ),
    ("ctg.toml", "\"Caf de démonstration\"", "+1"),
    // Two actors' names and a governance body's name.
    (
        "ctg.toml",
        "\"Communauté de communes des Trois Rivières\"",
        "@SUM(A1)",
    ),
    ("ctg.toml", "\"Comité de pilotage CTG\"", "     code"),
    ("ctg.toml", "\"Centre social intercommunal\"", "-1"),
    // An axis's title and theme; an axis whose title stands for its theme.
    (
        "axes/1-parentalite.toml",
        "\"Accompagner les familles dans leur rôle de parents\"",
        "\r# ",
    ),
    ("axes/1-parentalite.toml", "\"Parentalité\"", "1. "),
    (
        "axes/3-jeunesse.toml",
        "\"Favoriser l'autonomie des jeunes\"",
        " # ",
    ),
    // Actions: titles, a short title, a role, journal notes, modalities,
    // an indicator's name and unit, a pilot note.
    (
        "actions/01-ateliers-parents.toml",
        "\"Relancer les ateliers parents-enfants dans les trois communes\"",
        "\t=1+1",
    ),
    (
        "actions/01-ateliers-parents.toml",
        "\"Ateliers parents-enfants\"",
        "=HYPERLINK(\"http://x\")",
    ),
    (
        "actions/01-ateliers-parents.toml",
        "\"coordination\"",
        "<img src=x onerror=alert(1)>",
    ),
    (
        "actions/01-ateliers-parents.toml",
        "\"Programme d'ateliers validé\"",
        "![i](http://evil/x.png)",
    ),
    (
        "actions/01-ateliers-parents.toml",
        "\"Ateliers dans chaque commune\"",
        "[x](javascript:alert(1))",
    ),
    (
        "actions/02-lieu-ressource.toml",
        "\"Ouvrir un lieu ressource pour les parents\"",
        "-1",
    ),
    ("actions/02-lieu-ressource.toml", "\"Aménagement\"", "> "),
    (
        "actions/02-lieu-ressource.toml",
        "\"Local retenu à Confluence\"",
        "===",
    ),
    (
        "actions/03-communication-rpe.toml",
        "\"Contacts des familles avec le relais\"",
        "+ ",
    ),
    (
        "actions/03-communication-rpe.toml",
        "\"contacts\"",
        "\u{1b}[2J",
    ),
    (
        "actions/03-communication-rpe.toml",
        "\"Guide des modes d'accueil\"",
        "- ",
    ),
    (
        "actions/04-offre-accueil.toml",
        "\"En attente des arbitrages budgétaires\"",
        "1) ",
    ),
    (
        "actions/05-conseil-jeunes.toml",
        "\"À définir entre la CC et les communes\"",
        "# ",
    ),
    (
        "actions/05-conseil-jeunes.toml",
        "\"Concertation avec les collèges\"",
        "\r=1+1",
    ),
    (
        "actions/05-conseil-jeunes.toml",
        "\"Créer un conseil intercommunal des jeunes\"",
        "@SUM(A1)",
    ),
    // A meeting's title.
    (
        "meetings/2025-03-18-copil.toml",
        "\"Comité de pilotage annuel 2025\"",
        "# ",
    ),
];

/// How the hostile texts added besides `FIELDS` begin: a second meeting's
/// title, an action's publics, the name of the actor with a hostile id.
const EXTRA_STARTS: [&str; 3] = ["1. ", "<script>", "+1"];

fn demo() -> PathBuf {
    repo().join("examples/demo")
}

/// Makes the plan at `plan` (a copy of the demo) hostile, in place.
fn make_hostile(plan: &Path) {
    for (n, (file, old, _)) in FIELDS.iter().enumerate() {
        substitute(plan, file, old, &toml_string(&hostile(n)));
    }
    // An axis without a theme, so that its title shows where themes do.
    substitute(plan, "axes/3-jeunesse.toml", "theme = \"Jeunesse\"\n", "");
    // A meeting in the period with a hostile title, and publics.
    substitute(
        plan,
        "meetings/2025-06-05-cotech.toml",
        "\"Comité technique de printemps\"",
        &toml_string(&hostile(FIELDS.len())),
    );
    substitute(
        plan,
        "actions/05-conseil-jeunes.toml",
        "communes = ",
        &format!(
            "publics = [{}]\ncommunes = ",
            toml_string(&hostile(FIELDS.len() + 1))
        ),
    );
    // An actor whose very id is hostile, leading action 4 beside CC3R.
    let mut convention = fs::read_to_string(plan.join("ctg.toml")).unwrap();
    convention.push_str(&format!(
        "\n[actors.{}]\nname = {}\n",
        toml_string(ACTOR_ID),
        toml_string(&hostile(FIELDS.len() + 2))
    ));
    fs::write(plan.join("ctg.toml"), convention).unwrap();
    substitute(
        plan,
        "actions/04-offre-accueil.toml",
        "pilots = [\"CC3R\"]",
        &format!("pilots = [\"CC3R\", {}]", toml_string(ACTOR_ID)),
    );
}

/// Every hostile text of the plan, in full.
fn hostile_texts() -> Vec<String> {
    let mut texts: Vec<String> = (0..FIELDS.len() + 3).map(hostile).collect();
    texts.push(ACTOR_ID.to_string());
    texts
}

/// A valid copy of the demo plan with hostile texts.
fn hostile_plan() -> tempfile::TempDir {
    let plan = copy_plan(&demo());
    make_hostile(plan.path());
    plan
}

/// The hostile plan with one error: action 6 led by an unknown actor whose
/// id is hostile text number 3.
fn broken_plan() -> tempfile::TempDir {
    broken_plan_with(&hostile(3))
}

/// The hostile plan with action 6 led by an unknown actor, `unknown`.
fn broken_plan_with(unknown: &str) -> tempfile::TempDir {
    let plan = hostile_plan();
    substitute(
        plan.path(),
        "actions/06-chantiers-jeunes.toml",
        "pilots = [\"Communes\"]",
        &format!("pilots = [{}]", toml_string(unknown)),
    );
    plan
}

/// `ctg args` on `plan`, on the fixed day, in French, colours as `color`.
fn run(plan: &Path, color: &str, args: &[&str]) -> Output {
    ctg()
        .arg("--plan")
        .arg(plan)
        .args(["--today", TODAY, "--lang", "fr", "--color", color])
        .args(args)
        .output()
        .unwrap()
}

// ---------------------------------------------------------------------------
// Checkers: each returns what it found wrong, empty when the text is clean.
// ---------------------------------------------------------------------------

/// The control characters of `text` but those `allowed`.
fn control_characters(text: &str, allowed: &[char]) -> Vec<String> {
    text.char_indices()
        .filter(|(_, c)| c.is_control() && !allowed.contains(c))
        .map(|(at, c)| format!("control character {c:?} at byte {at}"))
        .collect()
}

/// Terminal text without colours: no control character but the line feed.
fn terminal_plain_problems(text: &str) -> Vec<String> {
    control_characters(text, &['\n'])
}

/// Terminal text with colours: every ESC opens one of the tool's own SGR
/// sequences (`ESC [ digits and ; m`); no other control character but the
/// line feed, so no OSC (`ESC ]`), no clearing (`ESC [2J`), no bell, no
/// 8-bit CSI, no carriage return.
fn terminal_styled_problems(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\u{1b}' {
            let csi = chars.next_if(|(_, c)| *c == '[').is_some();
            while chars
                .next_if(|(_, c)| c.is_ascii_digit() || *c == ';')
                .is_some()
            {}
            let sgr = csi && chars.next_if(|(_, c)| *c == 'm').is_some();
            if !sgr {
                let rest: String = text[at..].chars().take(8).collect();
                problems.push(format!("escape sequence {rest:?} at byte {at}"));
            }
        } else if c.is_control() && c != '\n' {
            problems.push(format!("control character {c:?} at byte {at}"));
        }
    }
    problems
}

/// One line as (character, escaped by a backslash) pairs, as CommonMark
/// reads them: a backslash escapes the ASCII punctuation after it.
fn unescape(line: &str) -> Vec<(char, bool)> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(next) = chars.next_if(char::is_ascii_punctuation)
        {
            out.push((next, true));
        } else {
            out.push((c, false));
        }
    }
    out
}

/// Markdown: no control character, no raw HTML, entity, link, image,
/// strikethrough or code from plan text, and no line whose text (after the
/// tool's own heading, list or table markup) opens a block of its own.
fn markdown_problems(text: &str) -> Vec<String> {
    let mut problems = terminal_plain_problems(text);
    for hostile in ["**gras**", "`code`"] {
        if text.contains(hostile) {
            problems.push(format!("live {hostile:?}"));
        }
    }
    let mut columns: Option<usize> = None;
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        let chars = unescape(line);
        // A table's rows have as many cell separators as its header.
        let pipes = chars.iter().filter(|c| **c == ('|', false)).count();
        match (line.starts_with('|'), columns) {
            (true, Some(header)) if pipes != header => {
                problems.push(format!("line {number}: {pipes} separators, not {header}"));
            }
            (true, None) => columns = Some(pipes),
            (false, _) => columns = None,
            _ => {}
        }
        let raw = |at: usize, wanted: char| chars.get(at) == Some(&(wanted, false));
        let mut open_bracket = false;
        let mut wrong = Vec::new();
        for at in 0..chars.len() {
            match chars[at] {
                ('<', false) => wrong.push("raw <"),
                ('&', false)
                    if chars
                        .get(at + 1)
                        .is_some_and(|(c, _)| c.is_ascii_alphanumeric() || *c == '#') =>
                {
                    wrong.push("entity");
                }
                ('!', false) if raw(at + 1, '[') => wrong.push("image"),
                ('[', false) => open_bracket = true,
                (']', false) if open_bracket && raw(at + 1, '(') => wrong.push("link"),
                ('~', false) if raw(at + 1, '~') => wrong.push("strikethrough"),
                _ => {}
            }
        }
        wrong.extend(markdown_line_start(line));
        wrong.sort_unstable();
        wrong.dedup();
        for problem in wrong {
            problems.push(format!("line {number}: {problem} in {line:?}"));
        }
    }
    problems
}

/// What a line's own text would open, once the tool's heading (`# `),
/// list (`- `, `- **label** : `) or table (`|`) markup is set aside.
fn markdown_line_start(line: &str) -> Option<&'static str> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    let text = if line.starts_with('|') || line.is_empty() {
        return None;
    } else if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        &line[hashes + 1..]
    } else if let Some(item) = line.strip_prefix("- ") {
        if item.starts_with("**") || item.starts_with('`') {
            // The tool's own bold label or progress bar.
            return None;
        }
        item
    } else {
        line
    };
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after_digits = &text[digits..];
    if text.starts_with([' ', '\t']) {
        Some("leading blank (code block or nested markup)")
    } else if text.starts_with(['#', '>', '-', '+', '*', '=', '_', '<', '~', '`']) {
        Some("block markup")
    } else if digits > 0
        && (after_digits.starts_with(". ")
            || after_digits.starts_with(") ")
            || after_digits == "."
            || after_digits == ")")
    {
        Some("ordered list")
    } else {
        None
    }
}

/// The page's own elements and attributes: nothing else may appear.
const HTML_TAGS: [&str; 31] = [
    "nav",
    "ol",
    "a",
    "div",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "dl",
    "dt",
    "dd",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "svg",
];
const SVG_TAGS: [&str; 2] = ["text", "rect"];
const HTML_ATTRIBUTES: [&str; 17] = [
    "id",
    "href",
    "lang",
    "charset",
    "name",
    "content",
    "scope",
    "xmlns",
    "role",
    "viewBox",
    "width",
    "height",
    "aria-label",
    "class",
    "x",
    "y",
    "fill",
];
const HTML_ENTITIES: [&str; 5] = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

/// HTML: every `<` opens one of the page's own tags with its own
/// attributes (no `<script`, `<img`, event handler or `javascript:` URL);
/// every `&` is one of the escapes; no `>` outside a tag; no control
/// character but the line feed.
fn html_problems(page: &str) -> Vec<String> {
    let mut problems = terminal_plain_problems(page);
    let lower = page.to_ascii_lowercase();
    for hostile in ["<script", "<img", "<b>", "<!--"] {
        if lower.contains(hostile) {
            problems.push(format!("raw {hostile}"));
        }
    }
    let mut rest = page.strip_prefix("<!DOCTYPE html>").unwrap_or_else(|| {
        problems.push("no doctype first".to_string());
        page
    });
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => match html_tag(rest) {
                Ok(length) => {
                    rest = &rest[length..];
                    continue;
                }
                Err(problem) => {
                    let shown: String = rest.chars().take(40).collect();
                    problems.push(format!("{problem} at {shown:?}"));
                }
            },
            '&' if !HTML_ENTITIES.iter().any(|e| rest.starts_with(e)) => {
                let shown: String = rest.chars().take(12).collect();
                problems.push(format!("raw & at {shown:?}"));
            }
            '>' => {
                let shown: String = rest.chars().take(12).collect();
                problems.push(format!("raw > at {shown:?}"));
            }
            _ => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    problems
}

/// The length of the tag that `text` begins with, if it is one of the
/// page's own: a known element, known attributes, quoted values that are
/// no `javascript:` URL.
fn html_tag(text: &str) -> Result<usize, String> {
    let end = text.find('>').ok_or("unclosed tag")?;
    let inside = &text[1..end];
    let inside = inside.strip_prefix('/').unwrap_or(inside);
    let inside = inside.strip_suffix('/').unwrap_or(inside);
    let name_end = inside
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(inside.len());
    let name = &inside[..name_end];
    if !HTML_TAGS.contains(&name) && !SVG_TAGS.contains(&name) {
        return Err(format!("foreign tag <{name}>"));
    }
    let mut attributes = inside[name_end..].trim_start();
    while !attributes.is_empty() {
        let (attribute, after) = attributes
            .split_once("=\"")
            .ok_or("attribute without value")?;
        if !HTML_ATTRIBUTES.contains(&attribute) {
            return Err(format!("foreign attribute {attribute}"));
        }
        let (value, after) = after.split_once('"').ok_or("unclosed attribute")?;
        if value.to_ascii_lowercase().contains("javascript:") || value.contains('<') {
            return Err(format!("hostile attribute value {value:?}"));
        }
        attributes = after.trim_start();
    }
    Ok(end + 1)
}

/// CSV as cells, parsed as a spreadsheet would (byte order mark dropped).
fn csv_cells(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// CSV: no cell that a spreadsheet would run as a formula, and, since CSV
/// is printed on terminals too, no control character but the line breaks
/// and tabs that cells and records hold (no escape sequence, no bell).
fn csv_problems(text: &str, delimiter: u8) -> Vec<String> {
    let mut problems = control_characters(text, &['\n', '\r', '\t']);
    problems.extend(
        csv_cells(text, delimiter)
            .iter()
            .flatten()
            .filter(|cell| cell.starts_with(['=', '+', '-', '@', '\t', '\r']))
            .map(|cell| format!("formula cell {cell:?}")),
    );
    problems
}

/// Every string of a JSON document, keys included.
fn json_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| json_strings(item, out)),
        Value::Object(map) => map.iter().for_each(|(key, item)| {
            out.push(key.clone());
            json_strings(item, out);
        }),
        _ => {}
    }
}

/// JSON: valid, and each of `expected` intact in one of its strings.
fn json_problems(text: &str, expected: &[String]) -> Vec<String> {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => return vec![format!("invalid JSON: {err}")],
    };
    let mut strings = Vec::new();
    json_strings(&value, &mut strings);
    expected
        .iter()
        .filter(|text| !strings.iter().any(|s| s.contains(text.as_str())))
        .map(|text| format!("{text:?} not intact"))
        .collect()
}

#[test]
fn the_checkers_reject_what_they_look_for() {
    let clean_styled = "\u{1b}[1mTitre\u{1b}[0m\n\u{1b}[33m!\u{1b}[0m a\n";
    assert!(terminal_styled_problems(clean_styled).is_empty());
    assert!(terminal_plain_problems("Titre\n  a b\n").is_empty());
    for bad in [
        "a\u{1b}]0;pwned\u{7}b",
        "a\u{1b}[2Jb",
        "a\u{9b}31mb",
        "a\u{7}b",
        "a\r\nb",
        "a\rb",
        "a\u{1b}",
    ] {
        assert!(!terminal_styled_problems(bad).is_empty(), "{bad:?}");
        assert!(!terminal_plain_problems(bad).is_empty(), "{bad:?}");
    }
    assert!(!terminal_plain_problems(clean_styled).is_empty());

    let clean_md = "# Titre \\# x\n\n\\- a \\[x\\](y) !\\[i\\](z) \\<b\\> \\*\\*gras\\*\\* \\&amp;\n\
        - **Statut** : en cours\n- `██░░` 50 % — 1\\. a\n| \\# a | b |\n|---|---|\n";
    assert_eq!(markdown_problems(clean_md), Vec::<String>::new());
    for bad in [
        "a <img src=x>",
        "a [x](javascript:alert(1))",
        "a ![i](http://evil/x.png)",
        "a \\\\[x](y)",
        "# # titre",
        "# x\n1. liste",
        "- - puce",
        "-  # titre",
        "> cite",
        "    code",
        " ===",
        "a **gras**",
        "a ~~barré~~",
        "a &amp;",
        "a\u{1b}[2J",
        "| a | b |\n|---|---|\n| x | y | z |",
    ] {
        assert!(!markdown_problems(bad).is_empty(), "{bad:?}");
    }

    let page = |body: &str| {
        format!(
            "<!DOCTYPE html>\n<html lang=\"fr\">\n<body>\n<p>{body}</p>\n<svg viewBox=\"0 0 1 1\" \
             aria-label=\"a &amp; b\"><rect x=\"1\" fill=\"#fff\"/></svg>\n</body>\n</html>\n"
        )
    };
    assert_eq!(
        html_problems(&page("&lt;img src=x&gt; &amp; [x](javascript:alert(1))")),
        Vec::<String>::new()
    );
    for bad in [
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<p onclick=\"x\">",
        "a > b",
        "&amp",
        "a\u{1b}[2J",
    ] {
        assert!(!html_problems(&page(bad)).is_empty(), "{bad:?}");
    }

    let clean_csv = "\u{feff}a;b\r\n'=1;\"'+1\"\r\n\"x\r\ny\";\"'\t=1\"\r\n";
    assert_eq!(
        csv_cells(clean_csv, b';'),
        [["a", "b"], ["'=1", "'+1"], ["x\r\ny", "'\t=1"]]
    );
    assert_eq!(csv_problems(clean_csv, b';'), Vec::<String>::new());
    for bad in [
        "=HYPERLINK(\"x\")",
        "+1",
        "-1",
        "@SUM(A1)",
        "\"\t=1\"",
        "\"\r=1\"",
        "a\u{1b}[2J",
        "a\u{9b}31m",
        "a\u{7}",
    ] {
        assert!(
            !csv_problems(&format!("a,{bad}\r\n"), b',').is_empty(),
            "{bad:?}"
        );
    }

    let expected = ["a\u{1b}[2J\rb".to_string()];
    assert!(json_problems("{\"t\": \"x a\\u001b[2J\\rb\"}", &expected).is_empty());
    assert!(!json_problems("{\"t\": \"x a[2Jb\"}", &expected).is_empty());
    assert!(!json_problems("{\"t\": ", &expected).is_empty());
}

// ---------------------------------------------------------------------------
// Every command, every format.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Format {
    /// table or human: plain with `--color never`, SGR only with `--color always`.
    Terminal,
    Markdown,
    Html,
    /// With its delimiter.
    Csv(u8),
    Json,
    /// `list --format ids`: one number a line.
    Ids,
}

/// The hostile texts numbered `shown`, and the actor's hostile id if asked.
fn texts(shown: &[usize], actor_id: bool) -> Vec<String> {
    let mut texts: Vec<String> = shown.iter().map(|n| hostile(*n)).collect();
    if actor_id {
        texts.push(ACTOR_ID.to_string());
    }
    texts
}

/// Runs `args` on `plan` with colours off, then forced on (so that nothing
/// but the tool's own styling may reach the output), and returns what is
/// wrong with its output as `format`: an unexpected exit code, a leak, or
/// one of the hostile texts `shown` missing (by its tag `fNN`, on stdout or
/// stderr; in full for JSON, where texts are data and must come back intact).
/// Standard error is checked as terminal text whatever the format.
fn problems(plan: &Path, args: &[&str], format: Format, shown: &[usize], code: i32) -> Vec<String> {
    problems_with(plan, args, format, &texts(shown, false), code)
}

fn problems_with(
    plan: &Path,
    args: &[&str],
    format: Format,
    shown: &[String],
    code: i32,
) -> Vec<String> {
    let mut found = Vec::new();
    for color in ["never", "always"] {
        let output = run(plan, color, args);
        let label = format!("ctg --color {color} {}", args.join(" "));
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(code) {
            found.push(format!(
                "{label}: exit {:?}: {stderr}",
                output.status.code()
            ));
            continue;
        }
        let Ok(stdout) = String::from_utf8(output.stdout) else {
            found.push(format!("{label}: stdout is not UTF-8"));
            continue;
        };
        let terminal = |text: &str| match color {
            "never" => terminal_plain_problems(text),
            _ => terminal_styled_problems(text),
        };
        let mut wrong = terminal(&stderr);
        wrong.extend(match format {
            Format::Terminal => terminal(&stdout),
            Format::Markdown => markdown_problems(&stdout),
            Format::Html => html_problems(&stdout),
            Format::Csv(delimiter) => csv_problems(&stdout, delimiter),
            Format::Json => json_problems(&stdout, shown),
            Format::Ids => stdout
                .lines()
                .filter(|line| line.is_empty() || !line.chars().all(|c| c.is_ascii_digit()))
                .map(|line| format!("not an id: {line:?}"))
                .collect(),
        });
        if format != Format::Json {
            for text in shown {
                let tag = &text[text.find(" f").unwrap() + 1..][..3];
                if !stdout.contains(tag) && !stderr.contains(tag) {
                    wrong.push(format!("{tag} is missing"));
                }
            }
        }
        found.extend(wrong.into_iter().map(|w| format!("{label}: {w}")));
    }
    found
}

fn assert_clean(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_hostile_plan_is_valid_and_every_hostile_text_is_read() {
    let plan = hostile_plan();
    let output = run(plan.path(), "never", &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let diagnostics: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(diagnostics, Value::Array(vec![]), "no error, no warning");
    // Every hostile text comes back whole from one JSON answer or another.
    let mut strings = Vec::new();
    let ids = ["1", "2", "3", "4", "5", "6"];
    let shows = ids.map(|id| vec!["show", id]);
    let mut commands = vec![vec!["status"], vec!["list"], vec!["pilots"], vec!["report"]];
    commands.extend(shows);
    for mut args in commands {
        args.extend(["--format", "json"]);
        let output = run(plan.path(), "always", &args);
        assert!(output.status.success(), "{args:?}");
        json_strings(
            &serde_json::from_slice(&output.stdout).unwrap(),
            &mut strings,
        );
    }
    let lost: Vec<String> = hostile_texts()
        .into_iter()
        .filter(|text| !strings.iter().any(|s| s.contains(text.as_str())))
        .collect();
    assert!(lost.is_empty(), "not read: {lost:?}");
}

#[test]
fn status_in_every_format() {
    let plan = hostile_plan();
    let plan = plan.path();
    let mut found = Vec::new();
    for at in [None, Some("2025-03-31")] {
        // Meetings are due in the year of `--today`, not of `--at`.
        let shown: &[usize] = match at {
            None => &[0, 1, 2, 4, 7, 8, 21, 23],
            Some(_) => &[0, 1, 2, 7, 8, 21, 23],
        };
        let mut args = vec!["status"];
        args.extend(at.map(|at| ["--at", at]).into_iter().flatten());
        let with = |format: &'static str| {
            let mut args = args.clone();
            args.extend(["--format", format]);
            args
        };
        found.extend(problems(plan, &with("table"), Format::Terminal, shown, 0));
        found.extend(problems(plan, &with("md"), Format::Markdown, shown, 0));
        found.extend(problems(
            plan,
            &with("json"),
            Format::Json,
            &[0, 1, 2, 6, 7, 8],
            0,
        ));
    }
    assert_clean(found);
}

#[test]
fn list_in_every_format() {
    let plan = hostile_plan();
    let plan = plan.path();
    let mut found = Vec::new();
    for sort in ["id", "status"] {
        let args = |format: &'static str| vec!["list", "--sort", sort, "--format", format];
        found.extend(problems(
            plan,
            &args("table"),
            Format::Terminal,
            &[10, 21, 23],
            0,
        ));
        found.extend(problems(
            plan,
            &args("md"),
            Format::Markdown,
            &[7, 10, 21, 23],
            0,
        ));
        found.extend(problems_with(
            plan,
            &args("json"),
            Format::Json,
            &texts(&[9, 10, 11, 13, 14, 15, 19, 21, 22, 23], true),
            0,
        ));
        found.extend(problems(plan, &args("ids"), Format::Ids, &[], 0));
        for (dialect, delimiter) in [("fr", b';'), ("rfc", b',')] {
            let mut args = args("csv");
            args.extend(["--csv-dialect", dialect]);
            found.extend(problems(
                plan,
                &args,
                Format::Csv(delimiter),
                &[9, 10, 14, 23],
                0,
            ));
        }
    }
    assert_clean(found);
}

#[test]
fn show_in_every_format() {
    let plan = hostile_plan();
    let plan = plan.path();
    let shown: [(&str, &[usize], bool); 6] = [
        ("1", &[7, 9, 10, 11, 12, 13], false),
        ("2", &[7, 14, 15, 16], false),
        ("3", &[17, 18, 19], false),
        ("4", &[20], true),
        ("5", &[8, 21, 22, 23, 26], false),
        ("6", &[8], false),
    ];
    let mut found = Vec::new();
    for (id, shown, actor_id) in shown {
        let args = |format: &'static str| vec!["show", id, "--format", format];
        found.extend(problems(plan, &args("table"), Format::Terminal, shown, 0));
        found.extend(problems(plan, &args("md"), Format::Markdown, shown, 0));
        let json = texts(shown, actor_id);
        found.extend(problems_with(plan, &args("json"), Format::Json, &json, 0));
    }
    assert_clean(found);
}

#[test]
fn pilots_in_every_format() {
    let plan = hostile_plan();
    let plan = plan.path();
    let args = |format: &'static str| vec!["pilots", "--format", format];
    let mut found = Vec::new();
    found.extend(problems(
        plan,
        &args("table"),
        Format::Terminal,
        &[21, 23],
        0,
    ));
    found.extend(problems(plan, &args("md"), Format::Markdown, &[21, 23], 0));
    let json = texts(&[3, 5, 21, 23, 27], true);
    found.extend(problems_with(plan, &args("json"), Format::Json, &json, 0));
    for (dialect, delimiter) in [("fr", b';'), ("rfc", b',')] {
        let mut args = args("csv");
        args.extend(["--csv-dialect", dialect]);
        found.extend(problems(
            plan,
            &args,
            Format::Csv(delimiter),
            &[3, 5, 27],
            0,
        ));
    }
    assert_clean(found);
}

/// What the bilan of 2025 shows of the hostile texts, in a document.
const REPORT_SHOWS: [usize; 18] = [
    0, 1, 2, 4, 6, 7, 8, 10, 13, 16, 17, 18, 19, 20, 21, 23, 24, 25,
];

#[test]
fn report_in_every_format() {
    let plan = hostile_plan();
    let plan = plan.path();
    let args = |format: &'static str| vec!["report", "--format", format];
    let mut found = Vec::new();
    found.extend(problems(
        plan,
        &args("md"),
        Format::Markdown,
        &REPORT_SHOWS,
        0,
    ));
    found.extend(problems(
        plan,
        &args("html"),
        Format::Html,
        &REPORT_SHOWS,
        0,
    ));
    let mut json = texts(&REPORT_SHOWS, true);
    json.extend(texts(&[9, 14], false));
    found.extend(problems_with(plan, &args("json"), Format::Json, &json, 0));
    for (dialect, delimiter) in [("fr", b';'), ("rfc", b',')] {
        let mut args = args("csv");
        args.extend(["--csv-dialect", dialect]);
        found.extend(problems(
            plan,
            &args,
            Format::Csv(delimiter),
            &[9, 14, 23],
            0,
        ));
    }
    assert_clean(found);
}

#[test]
fn report_workbook_holds_text_never_a_formula() {
    let plan = hostile_plan();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bilan.xlsx");
    let output = ctg()
        .arg("--plan")
        .arg(plan.path())
        .args(["--today", TODAY, "--lang", "fr", "report", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = fs::read(&path).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let mut cells = Vec::new();
    for name in workbook.sheet_names() {
        let formulas = workbook.worksheet_formula(&name).unwrap();
        let written: Vec<&String> = formulas
            .rows()
            .flatten()
            .filter(|f| !f.is_empty())
            .collect();
        assert!(written.is_empty(), "formulas in {name}: {written:?}");
        let range = workbook.worksheet_range(&name).unwrap();
        cells.extend(range.rows().flatten().filter_map(|cell| match cell {
            Data::String(text) => Some(text.clone()),
            _ => None,
        }));
    }
    assert!(cells.len() > 20, "{cells:?}");
    // Titles, the convention, a theme, a body's name: as written in the plan.
    for n in [0, 1, 4, 7, 9, 14, 23] {
        let text = hostile(n);
        assert!(cells.contains(&text), "{text:?} is not intact in {cells:?}");
    }
    let pilots = format!("CC3R, {ACTOR_ID}");
    assert!(cells.contains(&pilots), "{pilots:?} is not intact");
}

#[test]
fn report_word_and_opendocument_files_hold_text_never_markup() {
    let plan = hostile_plan();
    let dir = tempfile::tempdir().unwrap();
    for (extension, part) in [("docx", "word/document.xml"), ("odt", "content.xml")] {
        let path = dir.path().join(format!("bilan.{extension}"));
        let output = ctg()
            .arg("--plan")
            .arg(plan.path())
            .args(["--today", TODAY, "--lang", "fr", "report", "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let bytes = fs::read(&path).unwrap();
        let text = crate::bilan::part_text(&bytes, part);
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(part).unwrap(), &mut xml).unwrap();
        for markup in ["<img", "<script", "<b>", "<!--"] {
            assert!(!xml.contains(markup), "{markup} in the {extension} file");
        }
        let controls: Vec<char> = xml
            .chars()
            .filter(|c| c.is_control() && *c != '\n')
            .collect();
        assert!(controls.is_empty(), "XML forbids {controls:?}");
        // The hostile titles are there, as text: control characters
        // dropped, line breaks as spaces.
        for n in [0, 1, 9] {
            let shown: String = hostile(n)
                .chars()
                .filter_map(|c| match c {
                    '\n' | '\t' => Some(' '),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect();
            assert!(
                text.contains(&shown),
                "{shown:?} not in the {extension}: {text}"
            );
        }
    }
}

#[test]
fn portfolio_in_every_format() {
    // A valid hostile plan and a broken one, whose first error names the
    // unknown actor: the rows carry the territory and that error.
    let dir = tempfile::tempdir().unwrap();
    fs::rename(hostile_plan().keep(), dir.path().join("a")).unwrap();
    fs::rename(broken_plan().keep(), dir.path().join("b")).unwrap();
    let root = dir.path().to_str().unwrap();
    let args = |format: &'static str| vec!["portfolio", root, "--format", format];
    let mut found = Vec::new();
    found.extend(problems(
        dir.path(),
        &args("table"),
        Format::Terminal,
        &[1, 3],
        1,
    ));
    found.extend(problems(
        dir.path(),
        &args("md"),
        Format::Markdown,
        &[1, 3],
        1,
    ));
    found.extend(problems(
        dir.path(),
        &args("json"),
        Format::Json,
        &[1, 3],
        1,
    ));
    for (dialect, delimiter) in [("fr", b';'), ("rfc", b',')] {
        let mut args = args("csv");
        args.extend(["--csv-dialect", dialect]);
        found.extend(problems(
            dir.path(),
            &args,
            Format::Csv(delimiter),
            &[1, 3],
            1,
        ));
    }
    assert_clean(found);
}

/// A repository whose plan (in `plan/`) is the demo at `HEAD~1` and the
/// hostile plan at `HEAD`.
fn history() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    fs::rename(copy_plan(&demo()).keep(), &plan).unwrap();
    git_ok(dir.path(), &["init", "-q"]);
    git_ok(dir.path(), &["add", "."]);
    git_ok(dir.path(), &["commit", "-q", "-m", "plain"]);
    make_hostile(&plan);
    git_ok(dir.path(), &["add", "."]);
    git_ok(dir.path(), &["commit", "-q", "-m", "hostile"]);
    (dir, plan)
}

#[test]
fn diff_and_changes_since_in_every_format() {
    let (_repo, plan) = history();
    // What the diff reports: titles, journal notes, an indicator renamed.
    let shown = [9, 10, 12, 14, 16, 17, 20, 23];
    let mut found = Vec::new();
    for to in [Some("HEAD"), None] {
        let mut args = vec!["diff", "HEAD~1"];
        args.extend(to);
        let with = |format: &'static str| {
            let mut args = args.clone();
            args.extend(["--format", format]);
            args
        };
        found.extend(problems(&plan, &with("table"), Format::Terminal, &shown, 0));
        found.extend(problems(&plan, &with("md"), Format::Markdown, &shown, 0));
        found.extend(problems(&plan, &with("json"), Format::Json, &shown, 0));
    }
    let since = |format: &'static str| vec!["report", "--since", "HEAD~1", "--format", format];
    found.extend(problems(&plan, &since("md"), Format::Markdown, &shown, 0));
    found.extend(problems(&plan, &since("html"), Format::Html, &shown, 0));
    found.extend(problems(&plan, &since("json"), Format::Json, &shown, 0));
    assert_clean(found);
}

/// `ctg check` and every command refusing a broken plan, with an unknown
/// actor named `unknown` (tagged f03): the diagnostics quote it in their
/// message, their help and the source line.
fn diagnostic_problems(unknown: &str) -> Vec<String> {
    let plan = broken_plan_with(unknown);
    let plan = plan.path();
    let shown = [unknown.to_string()];
    let mut found = Vec::new();
    for args in [
        &["check"][..],
        &["check", "--deny-warnings"],
        &["status"],
        &["list"],
        &["show", "1"],
        &["report"],
    ] {
        found.extend(problems_with(plan, args, Format::Terminal, &shown, 1));
    }
    found.extend(problems_with(
        plan,
        &["check", "--format", "json"],
        Format::Json,
        &shown,
        1,
    ));
    found
}

#[test]
fn diagnostics_neutralise_escape_sequences_bells_and_carriage_returns() {
    // The diagnostics' renderer shows C0 control characters as symbols
    // (␛, ␇, ␍); the 8-bit CSI is the case below.
    let unknown = "=HYPERLINK(\"http://x\") f03 <img src=x onerror=alert(1)> [x](javascript:alert(1)) \
         \u{1b}]0;pwned\u{7}\u{1b}[2J a\rb\r\n# titre\n- puce\t\u{8}";
    assert_clean(diagnostic_problems(unknown));
}

#[test]
fn diagnostics_carry_no_control_character() {
    assert_clean(diagnostic_problems(&hostile(3)));
}

#[test]
fn check_does_not_echo_raw_control_bytes_of_a_broken_file() {
    // Not TOML escapes this time: the bytes themselves, which TOML refuses,
    // so that the diagnostic quotes the line that holds them.
    let plan = hostile_plan();
    let line = format!("title = \"{}\"\n", hostile(9));
    fs::write(
        plan.path().join("actions/07-brut.toml"),
        format!("id = 7\naxis = 1\n{line}"),
    )
    .unwrap();
    assert_clean(problems(plan.path(), &["check"], Format::Terminal, &[9], 1));
}

#[test]
fn edit_confirmations_carry_no_control_character() {
    let plan = hostile_plan();
    let plan = plan.path();
    let mut found = Vec::new();
    for edit in [
        &["set", "1", "--short-title", "Nouveau", "--dry-run"][..],
        &["set", "1", "--title", "Nouveau", "--dry-run"],
        &[
            "set",
            "3",
            "--indicator",
            "1",
            "--year",
            "2025",
            "--value",
            "5",
            "--dry-run",
        ],
    ] {
        found.extend(problems(plan, edit, Format::Terminal, &[], 0));
    }
    assert_clean(found);
}

/// The JSON of `show 1` on the hostile plan, where the title holds `title`.
fn show_json(title: &str, color: &str) -> String {
    let plan = hostile_plan();
    substitute(
        plan.path(),
        "actions/01-ateliers-parents.toml",
        &toml_string(&hostile(9)),
        &toml_string(title),
    );
    let output = run(plan.path(), color, &["show", "1", "--format", "json"]);
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn json_escapes_every_control_character() {
    let title = "a\u{9b}31m b\u{7f}c";
    let json = show_json(title, "always");
    assert_clean(json_problems(&json, &[title.to_string()]));
    assert_clean(control_characters(&json, &['\n']));
}

#[test]
fn json_round_trips_when_piped() {
    let title = "a\u{7f}b";
    let json = show_json(title, "never");
    assert_clean(json_problems(&json, &[title.to_string()]));
}
