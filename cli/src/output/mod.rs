//! Printing a response in the format `--output` names, as the AWS CLI prints it.

mod east_asian_width;
mod json;
mod python_str;
mod table;
mod text;
mod yaml;

use serde_json::Value;

use cognito_attr_code::{Member, OperationOutput};

use crate::args::OutputFormat;

/// The output's members as the JSON document the AWS CLI prints (each member present only when
/// the service sent it; `{}` for an output without members).
pub fn response_document(output: &impl OperationOutput) -> Value {
    members_document(output.members())
}

/// Members, as the service model names them, as a JSON object in their order.
pub fn members_document(members: Vec<(&str, Member<'_>)>) -> Value {
    let object = members
        .into_iter()
        .map(|(name, member)| {
            let value = match member {
                Member::Text(text) => Value::from(text),
                Member::Structure(inner) => members_document(inner),
            };
            (name.to_owned(), value)
        })
        .collect();
    Value::Object(object)
}

/// How the table is drawn: colours, and the width it must fit in.
pub struct TableStyle {
    /// Whether to draw with ANSI colours.
    pub color: bool,
    /// Columns available.
    pub terminal_width: usize,
}

/// The bytes to write on stdout for `value` (already filtered by `--query`).
pub fn render(format: OutputFormat, value: &Value, table: &TableStyle) -> String {
    render_for(crate::failure::OPERATION, format, value, table)
}

/// As [`render`], for the output of `operation` (the table's title).
pub fn render_for(
    operation: &str,
    format: OutputFormat,
    value: &Value,
    table: &TableStyle,
) -> String {
    match format {
        OutputFormat::Json => json::render(value),
        OutputFormat::Text => text::render(value),
        OutputFormat::Table => table::render(operation, value, table),
        OutputFormat::Yaml => yaml::render(value),
        OutputFormat::YamlStream => yaml::render_stream(value),
    }
}
