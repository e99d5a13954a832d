//! `--output text`: the AWS CLI's tab-separated format (awscli/text.py): scalars of a dict on
//! one line in key order, nested values on following lines prefixed by their upper-cased key.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::python_str::python_str;

pub fn render(value: &Value) -> String {
    let mut out = String::new();
    format_value(value, None, None, &mut out);
    out
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

fn format_value(
    value: &Value,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) {
    match value {
        Value::Object(map) => format_dict(map, identifier, scalar_keys, out),
        Value::Array(items) => format_list(items, identifier, out),
        scalar => {
            out.push_str(&python_str(scalar));
            out.push('\n');
        }
    }
}

fn format_list(items: &[Value], identifier: Option<&str>, out: &mut String) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        let keys: BTreeSet<String> = items
            .iter()
            .filter_map(Value::as_object)
            .flat_map(|m| {
                m.iter()
                    .filter(|(_, v)| is_scalar(v))
                    .map(|(k, _)| k.clone())
            })
            .collect();
        let keys: Vec<String> = keys.into_iter().collect();
        for item in items {
            format_value(item, identifier, Some(&keys), out);
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, nested): (Vec<&Value>, Vec<&Value>) =
            items.iter().partition(|v| is_scalar(v));
        if !scalars.is_empty() {
            format_scalar_list(&scalars, identifier, out);
        }
        for item in nested {
            format_value(item, identifier, None, out);
        }
    } else {
        format_scalar_list(&items.iter().collect::<Vec<_>>(), identifier, out);
    }
}

fn format_scalar_list(items: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(id) => {
            for item in items {
                out.push_str(&format!("{}\t{}\n", id.to_uppercase(), python_str(item)));
            }
        }
        None => {
            let line: Vec<String> = items.iter().map(|v| python_str(v)).collect();
            out.push_str(&line.join("\t"));
            out.push('\n');
        }
    }
}

fn format_dict(
    map: &Map<String, Value>,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) {
    let mut scalars: Vec<String> = Vec::new();
    let mut nested: Vec<(&String, &Value)> = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (key, value) in entries {
                if is_scalar(value) {
                    scalars.push(python_str(value));
                } else {
                    nested.push((key, value));
                }
            }
        }
        Some(keys) => {
            for key in keys {
                scalars.push(map.get(key).map(python_str).unwrap_or_default());
            }
            let mut rest: Vec<(&String, &Value)> =
                map.iter().filter(|(k, _)| !keys.contains(k)).collect();
            rest.sort_by(|a, b| a.0.cmp(b.0));
            nested = rest;
        }
    }
    if !scalars.is_empty() {
        if let Some(id) = identifier {
            scalars.insert(0, id.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (key, value) in nested {
        format_value(value, Some(key), None, out);
    }
}
