//! The fixed parts of a Word package, and the ones that wrap the body.

use chrono::NaiveDate;

pub const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

pub const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

pub const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// The document's title and the day it was made (`--today`), never the clock.
pub fn core(title: &str, created: NaiveDate) -> String {
    let day = created.format("%Y-%m-%dT00:00:00Z");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>ctg</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{day}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{day}</dcterms:modified></cp:coreProperties>"#
    )
}

/// The body between the document's opening and its A4 page settings.
pub fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

/// A paragraph style: its id, name, what it is based on, and its properties
/// (in the order the schema sets, which Word checks).
fn style(id: &str, name: &str, paragraph: &str, run: &str) -> String {
    format!(
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{paragraph}</w:pPr><w:rPr>{run}</w:rPr></w:style>"#
    )
}

/// The styles: headings Word and LibreOffice put in their outline, lists,
/// table text, and a grid for tables, in the document's language.
pub fn styles(lang: &str) -> String {
    let heading = |level: u8, size: u8, color: &str| {
        style(
            &format!("Heading{level}"),
            &format!("heading {level}"),
            &format!(
                r#"<w:keepNext/><w:spacing w:before="{}" w:after="80"/><w:outlineLvl w:val="{}"/>"#,
                if level == 1 { 360 } else { 200 },
                level - 1
            ),
            &format!(r#"<w:b/><w:color w:val="{color}"/><w:sz w:val="{size}"/>"#),
        )
    };
    let styles = [
        style(
            "Title",
            "Title",
            r#"<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="1F5F99"/></w:pBdr><w:spacing w:after="160"/>"#,
            r#"<w:b/><w:sz w:val="36"/>"#,
        ),
        heading(1, 28, "1F5F99"),
        heading(2, 23, "1D2433"),
        heading(3, 20, "3B4A5E"),
        style(
            "ListBullet",
            "List Bullet",
            r#"<w:spacing w:after="20"/><w:ind w:left="360" w:hanging="240"/>"#,
            "",
        ),
        style(
            "TableText",
            "Table Text",
            r#"<w:spacing w:after="0"/>"#,
            r#"<w:sz w:val="17"/>"#,
        ),
        style(
            "Caption",
            "caption",
            r#"<w:spacing w:after="160"/>"#,
            r#"<w:i/><w:color w:val="3B4A5E"/><w:sz w:val="17"/>"#,
        ),
        style(
            "ContentsTitle",
            "TOC Heading",
            r#"<w:keepNext/><w:spacing w:before="160" w:after="40"/>"#,
            r#"<w:b/>"#,
        ),
        style(
            "Contents",
            "toc 1",
            r#"<w:spacing w:after="0"/><w:ind w:left="240"/>"#,
            "",
        ),
        style(
            "After",
            "Table After",
            r#"<w:spacing w:after="60"/>"#,
            r#"<w:sz w:val="8"/>"#,
        ),
    ];
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri" w:eastAsia="Calibri"/><w:sz w:val="20"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>{}<w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="C9D6E3"/><w:left w:val="single" w:sz="4" w:space="0" w:color="C9D6E3"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="C9D6E3"/><w:right w:val="single" w:sz="4" w:space="0" w:color="C9D6E3"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="C9D6E3"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="C9D6E3"/></w:tblBorders><w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        styles.concat()
    )
}
