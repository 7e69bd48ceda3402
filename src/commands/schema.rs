//! `ctg schema KIND`: a JSON Schema of one kind of plan file, its title
//! and descriptions in the language of `--lang`.

use crate::Context;
use crate::cli::{SchemaArgs, SchemaKind};
use crate::error::Error;
use crate::output::Output;
use crate::render;
use crate::source::FileKind;

pub fn run(context: &Context, args: &SchemaArgs) -> Result<Output, Error> {
    let kind = match args.kind {
        SchemaKind::Convention => FileKind::Convention,
        SchemaKind::Axis => FileKind::Axis,
        SchemaKind::Action => FileKind::Action,
        SchemaKind::Meeting => FileKind::Meeting,
    };
    render::json(&crate::schema::json_schema(kind, context.lang)).map(Output::answer)
}
