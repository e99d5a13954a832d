//! Printing a response in the format `--output` names, as the AWS CLI prints it.

mod east_asian_width;
mod json;
mod python_str;
mod table;
mod text;
mod yaml;

use serde_json::{Map, Value};

use cognito_attr_code::GetAttrCodeOutput;

use crate::args::OutputFormat;

/// The response as the AWS CLI sees it after removing `ResponseMetadata`: members in the
/// service model's order, absent members left out.
pub fn response_document(output: &GetAttrCodeOutput) -> Value {
    let mut document = Map::new();
    if let Some(details) = &output.code_delivery_details {
        let mut fields = Map::new();
        if let Some(destination) = &details.destination {
            fields.insert("Destination".into(), destination.clone().into());
        }
        if let Some(medium) = &details.delivery_medium {
            fields.insert("DeliveryMedium".into(), medium.as_str().into());
        }
        if let Some(name) = &details.attribute_name {
            fields.insert("AttributeName".into(), name.clone().into());
        }
        document.insert("CodeDeliveryDetails".into(), Value::Object(fields));
    }
    Value::Object(document)
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
