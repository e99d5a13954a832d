//! `--output yaml` and `yaml-stream` as the AWS CLI v2 prints them (ruamel.yaml, safe dumper,
//! block style): mapping keys sorted, nothing for `{}`, a scalar `--query` result as JSON, and for
//! yaml-stream each response as an item of a top-level list. Checked against AWS CLI v2.

use serde_json::{Map, Value};

pub fn render(value: &Value) -> String {
    if is_empty_object(value) {
        return String::new();
    }
    dump(&sorted(value))
}

pub fn render_stream(value: &Value) -> String {
    if is_empty_object(value) {
        return String::new();
    }
    dump(&Value::Array(vec![sorted(value)]))
}

fn is_empty_object(value: &Value) -> bool {
    value.as_object().is_some_and(serde_json::Map::is_empty)
}

fn dump(value: &Value) -> String {
    match value {
        // The AWS CLI v2 writes a scalar result (from --query) as JSON, not as a YAML document.
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => format!("{value}\n"),
        _ => serde_yaml_ng::to_string(value).expect("a JSON value always serializes"),
    }
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
