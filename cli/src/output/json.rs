//! `--output json`: Python's `json.dump(indent=4, ensure_ascii=False)`, nothing for `{}`.

use serde::Serialize;
use serde_json::ser::{PrettyFormatter, Serializer};
use serde_json::Value;

pub fn render(value: &Value) -> String {
    if value.as_object().is_some_and(serde_json::Map::is_empty) {
        return String::new();
    }
    let mut bytes = Vec::new();
    let mut serializer =
        Serializer::with_formatter(&mut bytes, PrettyFormatter::with_indent(b"    "));
    value
        .serialize(&mut serializer)
        .expect("a JSON value always serializes");
    let mut text = String::from_utf8(bytes).expect("serde_json writes UTF-8");
    text.push('\n');
    text
}
