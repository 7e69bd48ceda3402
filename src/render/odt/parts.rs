//! The parts of an OpenDocument text package around its body.

use chrono::NaiveDate;

pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

pub const MANIFEST: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"##;

const NAMESPACES: &str = r##"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3""##;

/// The title and the day the document was made (`--today`), never the clock.
pub fn meta(title: &str, created: NaiveDate) -> String {
    let day = created.format("%Y-%m-%dT00:00:00");
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NAMESPACES}><office:meta><dc:title>{title}</dc:title><meta:generator>ctg</meta:generator><meta:creation-date>{day}</meta:creation-date><dc:date>{day}</dc:date></office:meta></office:document-meta>"##
    )
}

/// The body, with the styles of its tables' cells.
pub fn content(columns: &str, body: &str) -> String {
    let border = "0.5pt solid #c9d6e3";
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}><office:automatic-styles><style:style style:name="Grid" style:family="table"><style:table-properties style:width="17cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/></style:style><style:style style:name="Head" style:family="table-cell"><style:table-cell-properties fo:background-color="#eaf1f8" fo:border="{border}" fo:padding="0.05cm"/></style:style><style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="{border}" fo:padding="0.05cm"/></style:style>{columns}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"##
    )
}

/// A paragraph style: its name, and its paragraph and text properties.
fn style(name: &str, display: &str, paragraph: &str, text: &str) -> String {
    format!(
        r##"<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties {paragraph}/><style:text-properties {text}/></style:style>"##
    )
}

/// The styles of the document, A4 pages, in the document's language.
pub fn styles(language: &str, country: &str) -> String {
    let heading = |level: u8, size: &str, color: &str| {
        format!(
            r##"<style:style style:name="Heading_20_{level}" style:display-name="Heading {level}" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="{level}"><style:paragraph-properties fo:margin-top="{}" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="{size}" fo:font-weight="bold" fo:color="{color}"/></style:style>"##,
            if level == 1 { "0.5cm" } else { "0.3cm" }
        )
    };
    let styles = [
        style("Title", "Title", r##"fo:margin-bottom="0.3cm" fo:border-bottom="1.5pt solid #1f5f99" fo:padding-bottom="0.1cm""##, r##"fo:font-size="18pt" fo:font-weight="bold""##),
        heading(1, "14pt", "#1f5f99"),
        heading(2, "11.5pt", "#1d2433"),
        heading(3, "10pt", "#3b4a5e"),
        style("Text_20_body", "Text body", r##"fo:margin-bottom="0.15cm""##, ""),
        style("Bullet", "List Bullet", r##"fo:margin-left="0.6cm" fo:text-indent="-0.4cm" fo:margin-bottom="0.03cm""##, ""),
        style("TableContents", "Table Contents", r##"fo:margin-bottom="0cm""##, r##"fo:font-size="8.5pt""##),
        style("TableHeading", "Table Heading", r##"fo:margin-bottom="0cm""##, r##"fo:font-size="8.5pt" fo:font-weight="bold""##),
        style("Caption", "Caption", r##"fo:margin-bottom="0.3cm""##, r##"fo:font-size="8.5pt" fo:font-style="italic" fo:color="#3b4a5e""##),
        style("ContentsTitle", "Contents Heading", r##"fo:margin-top="0.3cm" fo:keep-with-next="always""##, r##"fo:font-weight="bold""##),
        style("Contents", "Contents 1", r##"fo:margin-left="0.4cm" fo:margin-bottom="0cm""##, ""),
        r##"<style:style style:name="Bar" style:display-name="Bar" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0cm"><style:tab-stops><style:tab-stop style:position="6.5cm"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="8.5pt"/></style:style>"##.to_string(),
        style("Break", "Page Break", r##"fo:break-before="page""##, ""),
    ];
    let spans = [
        ("Strong", r##"fo:font-weight="bold""##),
        ("Alert", r##"fo:font-weight="bold" fo:color="#c0392b""##),
        ("Filled", r##"fo:color="#1f5f99""##),
        ("Empty", r##"fo:color="#c9d6e3""##),
    ]
    .map(|(name, text)| {
        format!(r##"<style:style style:name="{name}" style:family="text"><style:text-properties {text}/></style:style>"##)
    });
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}><office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Carlito, Calibri, sans-serif" fo:font-size="10pt" fo:language="{language}" fo:country="{country}"/></style:default-style><style:style style:name="Standard" style:family="paragraph"/>{}{}</office:styles><office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles></office:document-styles>"##,
        styles.concat(),
        spans.concat()
    )
}
