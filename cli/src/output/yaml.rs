//! `--output yaml` and `yaml-stream` as the AWS CLI v2 prints them (ruamel.yaml, safe dumper,
//! block style): mapping keys sorted, nothing for `{}`, and for yaml-stream each response
//! as an item of a top-level list.

use serde_json::{Map, Value};

pub fn render(value: &Value) -> String {
    if value.as_object().is_some_and(|map| map.is_empty()) {
        return String::new();
    }
    dump(&sorted(value))
}

pub fn render_stream(value: &Value) -> String {
    dump(&Value::Array(vec![sorted(value)]))
}

fn dump(value: &Value) -> String {
    let mut text = serde_yaml_ng::to_string(value).expect("a JSON value always serializes");
    // A plain scalar as the whole document gets an explicit document end, as ruamel writes it.
    let plain_scalar = match value {
        Value::Null | Value::Bool(_) | Value::Number(_) => true,
        Value::String(_) => !text.starts_with(['\'', '"', '|', '>']),
        _ => false,
    };
    if plain_scalar {
        text.push_str("...\n");
    }
    text
}

fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.clone(), sorted(v)))
                    .collect::<Map<_, _>>(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}
