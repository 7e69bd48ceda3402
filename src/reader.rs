//! Typed reading of a parsed TOML table, where every problem becomes a
//! diagnostic with its exact span instead of stopping the load.
//!
//! serde's derive stops at the first wrong field of a file; a person fixing
//! a plan wants all of them at once. So each table is read key by key: the
//! reader remembers which keys were asked for, and `finish` reports the rest
//! as unknown, with the nearest allowed key as a suggestion.

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub mod rules;
mod suggest;
pub mod syntax;
mod values;

pub use suggest::closest;
pub use values::{example, read_date, read_integer, read_number, toml_key};

use crate::diag::{Diagnostic, Rule};
use crate::i18n::{Lang, Msg, parse_date};
use crate::span::{FileId, Located, Span};
use rules as format;
use values::{integer_type, type_name};

/// What every reader of one file shares: the file, the language of the
/// messages, and the list problems go to.
pub struct FileContext<'d> {
    pub file: FileId,
    pub name: String,
    pub lang: Lang,
    pub diags: &'d mut Vec<Diagnostic>,
    /// When set, every table read records its fields here, by table path:
    /// this is how `ctg schema` learns the format from the loader itself.
    pub fields: Option<std::collections::BTreeMap<&'static str, Vec<Field>>>,
}

/// What a key holds, as the loader reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldType {
    Text,
    /// A text that must not be blank.
    Title,
    /// One of the six status keywords.
    Status,
    Bool,
    Integer {
        min: i64,
        max: i64,
    },
    Number,
    /// A number of euros: never negative.
    Amount,
    Date,
    TextList,
    /// An array of tables, read at the given table path.
    Tables(&'static str),
    /// A table read at the given table path.
    Table(&'static str),
    /// A table whose keys are free; `years` when they are years.
    Entries {
        values: &'static FieldType,
        years: bool,
    },
}

/// One key of a table, as the loader asks for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub ty: FieldType,
    pub required: bool,
}

impl FileContext<'_> {
    pub fn span(&self, range: Range<usize>) -> Span {
        Span::new(self.file, range)
    }

    /// A diagnostic of a rule of the file format (all are errors) at `range`.
    pub fn error(
        &mut self,
        rule: &'static Rule,
        range: Range<usize>,
        message: String,
        help: Option<String>,
    ) {
        let mut diag = Diagnostic::error(rule, message).at(self.span(range), &self.name);
        if let Some(help) = help {
            diag = diag.with_help(help);
        }
        self.diags.push(diag);
    }

    pub fn wrong_type(&mut self, key: &str, expected: Msg, value: &Spanned<DeValue>) {
        let lang = self.lang;
        let found = lang.text(type_name(value.get_ref()));
        let help = if let (Msg::TypeDate, DeValue::String(text)) = (expected, value.get_ref()) {
            match parse_date(text) {
                Some(date) => format::THIS_DATE_WITHOUT_QUOTES.fill(lang, &[&key, &date]),
                None => format::DATE_WITHOUT_QUOTES.fill(lang, &[&key]),
            }
        } else {
            lang.fill(Msg::DiagForExample, &[&example(key, expected)])
        };
        self.error(
            &format::WRONG_TYPE,
            value.span(),
            format::MUST_BE.fill(lang, &[&key, &lang.text(expected), &found]),
            Some(help),
        );
    }
}

/// About the most keys a table of the format is asked for (a modality,
/// a journal entry: a handful; an action: a few more): its list of keys is
/// sized once instead of grown, for each of the tens of thousands of
/// tables of a large plan.
const FIELDS_PER_TABLE: usize = 16;

/// Reads one table. Create it, ask for each key, then call `finish`.
pub struct TableReader<'t, 'i> {
    table: &'t DeTable<'i>,
    /// The table's own span, where "missing key" points.
    span: Range<usize>,
    /// Where the table sits in its file kind: "" for the file itself,
    /// "modalities[]", "actors.*"…
    path: &'static str,
    /// Every key asked for, found or not: the allowed keys of this table.
    fields: Vec<Field>,
    /// The keys asked for as required, when the format is being described.
    required: Vec<&'static str>,
}

impl<'t, 'i> TableReader<'t, 'i> {
    pub fn new(table: &'t DeTable<'i>, span: Range<usize>, path: &'static str) -> Self {
        TableReader {
            table,
            span,
            path,
            fields: Vec::with_capacity(FIELDS_PER_TABLE),
            required: Vec::new(),
        }
    }

    fn get(&mut self, key: &'static str, ty: FieldType) -> Option<&'t Spanned<DeValue<'i>>> {
        self.fields.push(Field {
            key,
            ty,
            required: false,
        });
        self.table.get(key)
    }

    /// Reports a required key as missing, unless a misspelling of it is
    /// there: the unknown-key diagnostic then says "did you mean" already.
    fn missing(&self, ctx: &mut FileContext, key: &'static str) {
        let misspelt = self.table.keys().any(|present| {
            present.get_ref() != key && closest(present.get_ref(), &[key]).is_some()
        });
        if misspelt {
            return;
        }
        let lang = ctx.lang;
        // Point at the table's first key: the top of a file is often a comment.
        let range = self
            .table
            .keys()
            .next()
            .map_or(self.span.start..self.span.start, Spanned::span);
        ctx.error(
            &format::MISSING_KEY,
            range,
            format::REQUIRED_KEY_ABSENT.fill(lang, &[&key]),
            Some(format::ADD_KEY.fill(lang, &[&key])),
        );
    }

    pub fn string(&mut self, ctx: &mut FileContext, key: &'static str) -> Option<Located<String>> {
        self.typed_string(ctx, key, FieldType::Text)
    }

    /// A status keyword, read as text: `load` judges the word.
    pub fn status_word(&mut self, ctx: &mut FileContext) -> Option<Located<String>> {
        self.typed_string(ctx, "status", FieldType::Status)
    }

    fn typed_string(
        &mut self,
        ctx: &mut FileContext,
        key: &'static str,
        ty: FieldType,
    ) -> Option<Located<String>> {
        let value = self.get(key, ty)?;
        match value.get_ref() {
            DeValue::String(text) => Some(Located {
                value: text.to_string(),
                span: ctx.span(value.span()),
            }),
            _ => {
                ctx.wrong_type(key, Msg::TypeString, value);
                None
            }
        }
    }

    /// Reports `key` as missing when the table lacks it; read it afterwards
    /// with the method of its type.
    pub fn require(&mut self, ctx: &mut FileContext, key: &'static str) {
        // Only the description of the format (`ctg schema`) lists them.
        if ctx.fields.is_some() {
            self.required.push(key);
        }
        if !self.table.contains_key(key) {
            self.missing(ctx, key);
        }
    }

    pub fn required_string(
        &mut self,
        ctx: &mut FileContext,
        key: &'static str,
    ) -> Option<Located<String>> {
        self.require(ctx, key);
        self.string(ctx, key)
    }

    /// A title: required, and not blank.
    pub fn title(&mut self, ctx: &mut FileContext, key: &'static str) -> Option<Located<String>> {
        self.require(ctx, key);
        let title = self.typed_string(ctx, key, FieldType::Title)?;
        if title.value.trim().is_empty() {
            let lang = ctx.lang;
            ctx.error(
                &format::EMPTY_TITLE,
                title.span.range(),
                format::TITLE_BLANK.fill(lang, &[&key]),
                Some(format::WRITE_TITLE.get(lang).to_string()),
            );
        }
        Some(title)
    }

    pub fn bool(&mut self, ctx: &mut FileContext, key: &'static str) -> Option<bool> {
        let value = self.get(key, FieldType::Bool)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(*flag),
            _ => {
                ctx.wrong_type(key, Msg::TypeBoolean, value);
                None
            }
        }
    }

    /// An integer within `range`; out of range or not an integer is a diagnostic.
    pub fn integer(
        &mut self,
        ctx: &mut FileContext,
        key: &'static str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<Located<i64>> {
        let value = self.get(key, integer_type(&range))?;
        read_integer(ctx, key, value, range)
    }

    /// An integer meant to lie in `range`, read whatever its value: the
    /// caller judges it with its own words (an id is "positive").
    pub fn integer_any(
        &mut self,
        ctx: &mut FileContext,
        key: &'static str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<Located<i64>> {
        let value = self.get(key, integer_type(&range))?;
        read_integer(ctx, key, value, i64::MIN..=i64::MAX)
    }

    pub fn number(&mut self, ctx: &mut FileContext, key: &'static str) -> Option<f64> {
        let value = self.get(key, FieldType::Number)?;
        read_number(ctx, key, value)
    }

    /// An amount of euros and where it is written (a negative one is a
    /// rule of the plan, `invalid-amount`).
    pub fn amount(&mut self, ctx: &mut FileContext, key: &'static str) -> Option<Located<f64>> {
        let value = self.get(key, FieldType::Amount)?;
        let number = read_number(ctx, key, value)?;
        Some(Located {
            value: number,
            span: ctx.span(value.span()),
        })
    }

    pub fn date(&mut self, ctx: &mut FileContext, key: &'static str) -> Option<Located<NaiveDate>> {
        let value = self.get(key, FieldType::Date)?;
        read_date(ctx, key, value)
    }

    pub fn string_list(
        &mut self,
        ctx: &mut FileContext,
        key: &'static str,
    ) -> Vec<Located<String>> {
        let field = FieldType::TextList;
        let types = (Msg::TypeStringList, Msg::TypeString);
        self.array(ctx, key, field, types, |ctx, item| match item.get_ref() {
            DeValue::String(text) => Some(Located {
                value: text.to_string(),
                span: ctx.span(item.span()),
            }),
            _ => None,
        })
    }

    /// An array of tables (`[[modalities]]`), each to be read with its own reader.
    pub fn tables(
        &mut self,
        ctx: &mut FileContext,
        key: &'static str,
        path: &'static str,
    ) -> Vec<TableReader<'t, 'i>> {
        let field = FieldType::Tables(path);
        let types = (Msg::TypeArray, Msg::TypeTable);
        self.array(ctx, key, field, types, |_, item| match item.get_ref() {
            DeValue::Table(table) => Some(TableReader::new(table, item.span(), path)),
            _ => None,
        })
    }

    /// The items of an array that `read` accepts; the array itself and
    /// each item refused are told with the type expected (`types`: the
    /// array's, an item's).
    fn array<T>(
        &mut self,
        ctx: &mut FileContext,
        key: &'static str,
        field: FieldType,
        types: (Msg, Msg),
        read: impl Fn(&mut FileContext, &'t Spanned<DeValue<'i>>) -> Option<T>,
    ) -> Vec<T> {
        let Some(value) = self.get(key, field) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            ctx.wrong_type(key, types.0, value);
            return Vec::new();
        };
        let mut read_items = Vec::with_capacity(items.len());
        for item in items {
            match read(ctx, item) {
                Some(read_item) => read_items.push(read_item),
                None => ctx.wrong_type(key, types.1, item),
            }
        }
        read_items
    }

    /// The entries of a table whose keys are free (actor ids, body keys,
    /// years); `values` says what each entry holds.
    pub fn entries(
        &mut self,
        ctx: &mut FileContext,
        key: &'static str,
        values: &'static FieldType,
    ) -> Vec<(Located<&'t str>, &'t Spanned<DeValue<'i>>)> {
        let ty = FieldType::Entries {
            years: matches!(key, "values" | "spent"),
            values,
        };
        let Some(value) = self.get(key, ty) else {
            return Vec::new();
        };
        let DeValue::Table(table) = value.get_ref() else {
            ctx.wrong_type(key, Msg::TypeTable, value);
            return Vec::new();
        };
        table
            .iter()
            .map(|(name, value)| {
                (
                    Located {
                        value: name.get_ref().as_ref(),
                        span: ctx.span(name.span()),
                    },
                    value,
                )
            })
            .collect()
    }

    /// Reports every key that was never asked for as unknown.
    pub fn finish(self, ctx: &mut FileContext) {
        // A table has a handful of allowed keys: a scan beats hashing them.
        for key in self.table.keys() {
            let name = key.get_ref().as_ref();
            if self.fields.iter().any(|field| field.key == name) {
                continue;
            }
            let known: Vec<&str> = self.fields.iter().map(|field| field.key).collect();
            let lang = ctx.lang;
            let help = match closest(name, &known) {
                Some(near) => lang.fill(Msg::DiagDidYouMeanKey, &[&near]),
                None => format::KEYS_ALLOWED.fill(lang, &[&known.join(", ")]),
            };
            ctx.error(
                &format::UNKNOWN_KEY,
                key.span(),
                format::KEY_NOT_KNOWN.fill(lang, &[&name]),
                Some(help),
            );
        }
        if let Some(schema) = ctx.fields.as_mut() {
            let required = self.required;
            let fields = self
                .fields
                .into_iter()
                .map(|field| Field {
                    required: required.contains(&field.key),
                    ..field
                })
                .collect();
            schema.entry(self.path).or_insert(fields);
        }
    }
}
