//! Documents for people: one layout written once against the `Markup`
//! trait, rendered as Markdown or as a self-contained HTML page. Every
//! piece of text goes through the renderer's escaping, so plan text can
//! never become markup.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::render::progress_bar;

pub trait Markup {
    fn heading(&mut self, level: u8, text: &str);
    fn paragraph(&mut self, text: &str);
    fn list(&mut self, items: &[String]);
    /// A table whose first column names each row.
    fn table(&mut self, header: &[String], rows: &[Vec<String>]);
    /// Shares between 0 and 1, one bar per label.
    fn bar_chart(&mut self, title: &str, bars: &[(String, f64)]);
    fn finish(self) -> String;
}

/// Markdown readable as-is and in a git forge.
pub struct Markdown {
    out: String,
    lang: Lang,
}

impl Markdown {
    pub fn new(lang: Lang) -> Markdown {
        Markdown {
            out: String::new(),
            lang,
        }
    }
}

/// Text for inline Markdown: the characters that would start emphasis,
/// links, code, HTML or a table cell are escaped, and so is what would start
/// a heading or a list at the beginning of a line; line breaks become spaces.
pub fn md_inline(text: &str) -> String {
    let flat = text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

impl Markup for Markdown {
    fn heading(&mut self, level: u8, text: &str) {
        let _ = write!(
            self.out,
            "{} {}\n\n",
            "#".repeat(level.into()),
            md_inline(text)
        );
    }

    fn paragraph(&mut self, text: &str) {
        let _ = write!(self.out, "{}\n\n", md_inline(text));
    }

    fn list(&mut self, items: &[String]) {
        for item in items {
            let _ = writeln!(self.out, "- {}", md_inline(item));
        }
        self.out.push('\n');
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let line = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|cell| md_inline(cell)).collect();
            format!("| {} |\n", cells.join(" | "))
        };
        self.out.push_str(&line(header));
        let _ = writeln!(self.out, "|{}", "---|".repeat(header.len()));
        for row in rows {
            self.out.push_str(&line(row));
        }
        self.out.push('\n');
    }

    fn bar_chart(&mut self, _title: &str, bars: &[(String, f64)]) {
        for (label, share) in bars {
            let _ = writeln!(
                self.out,
                "- `{}` {} — {}",
                progress_bar(*share, 20),
                self.lang.percent(*share),
                md_inline(label)
            );
        }
        self.out.push('\n');
    }

    fn finish(self) -> String {
        let mut out = self.out;
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }
}

/// One printable HTML page: embedded CSS, no external resource, the
/// language declared, table headers scoped for screen readers.
pub struct Html {
    out: String,
    lang: Lang,
}

/// Text safe inside HTML elements and attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2433;max-width:60rem;margin:2rem auto;padding:0 1.5rem;line-height:1.45}
h1{font-size:1.7rem;border-bottom:3px solid #1f5f99;padding-bottom:.4rem}
h2{font-size:1.35rem;color:#1f5f99;margin-top:2.2rem;border-bottom:1px solid #c9d6e3}
h3{font-size:1.1rem;margin-top:1.6rem}
h4{font-size:.95rem;margin:1rem 0 .3rem;color:#3b4a5e}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #c9d6e3;padding:.3rem .6rem;text-align:left;vertical-align:top}
thead th{background:#eaf1f8}
tbody th{font-weight:600}
ul{margin:.3rem 0 .8rem}
svg{max-width:100%;height:auto}
figure{margin:.6rem 0 1rem}
figcaption{font-size:.85rem;color:#3b4a5e}
.chart-label{font-size:13px;fill:#1d2433}
.chart-value{font-size:13px;fill:#1d2433;font-weight:600}
@media print{body{margin:0;max-width:none}h2{break-before:auto}table,svg,h3{break-inside:avoid}}
";

impl Html {
    pub fn new(lang: Lang, title: &str) -> Html {
        let code = match lang {
            Lang::Fr => "fr",
            Lang::En => "en",
        };
        let mut out = String::new();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
            html_escape(title)
        );
        Html { out, lang }
    }
}

impl Markup for Html {
    fn heading(&mut self, level: u8, text: &str) {
        let _ = writeln!(self.out, "<h{level}>{}</h{level}>", html_escape(text));
    }

    fn paragraph(&mut self, text: &str) {
        let _ = writeln!(self.out, "<p>{}</p>", html_escape(text));
    }

    fn list(&mut self, items: &[String]) {
        self.out.push_str("<ul>\n");
        for item in items {
            let _ = writeln!(self.out, "<li>{}</li>", html_escape(item));
        }
        self.out.push_str("</ul>\n");
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        self.out.push_str("<table>\n<thead><tr>");
        for cell in header {
            let _ = write!(self.out, "<th scope=\"col\">{}</th>", html_escape(cell));
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.out.push_str("<tr>");
            for (index, cell) in row.iter().enumerate() {
                if index == 0 {
                    let _ = write!(self.out, "<th scope=\"row\">{}</th>", html_escape(cell));
                } else {
                    let _ = write!(self.out, "<td>{}</td>", html_escape(cell));
                }
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
    }

    fn bar_chart(&mut self, title: &str, bars: &[(String, f64)]) {
        const ROW: usize = 30;
        const LABEL: usize = 260;
        const BAR: f64 = 300.0;
        let height = ROW * bars.len() + 10;
        let _ = writeln!(
            self.out,
            "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 640 {height}\" \
             width=\"640\" height=\"{height}\" aria-label=\"{}\">\n<title>{}</title>",
            html_escape(title),
            html_escape(title)
        );
        for (index, (label, share)) in bars.iter().enumerate() {
            let y = index * ROW + 5;
            let width = (share.clamp(0.0, 1.0) * BAR).round();
            let shown: String = label.chars().take(38).collect();
            let shown = if shown.chars().count() < label.chars().count() {
                format!("{shown}…")
            } else {
                shown
            };
            let _ = writeln!(
                self.out,
                "<text class=\"chart-label\" x=\"0\" y=\"{}\">{}</text>\
                 <rect x=\"{LABEL}\" y=\"{y}\" width=\"{BAR}\" height=\"20\" fill=\"#e3ebf3\"/>\
                 <rect x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" height=\"20\" fill=\"#1f5f99\"/>\
                 <text class=\"chart-value\" x=\"{}\" y=\"{}\">{}</text>",
                y + 15,
                html_escape(&shown),
                LABEL as f64 + BAR + 8.0,
                y + 15,
                html_escape(&self.lang.percent(*share))
            );
        }
        let _ = writeln!(
            self.out,
            "</svg>\n<figcaption>{}</figcaption>\n</figure>",
            html_escape(title)
        );
    }

    fn finish(mut self) -> String {
        self.out.push_str("</main>\n</body>\n</html>\n");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(
            html_escape("<b>\"R&D\"</b>'"),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;&#39;"
        );
        assert_eq!(md_inline("a | *b* <i>\n# c"), "a \\| \\*b\\* \\<i\\> # c");
        assert_eq!(md_inline("# titre"), "\\# titre");
        assert_eq!(md_inline("=SOMME(A1)"), "\\=SOMME(A1)");
    }
}
