//! `--query`: a JMESPath expression applied to the response before formatting.
//!
//! The `jmespath` crate keeps objects in a `BTreeMap`, while the AWS CLI (Python dicts) keeps
//! insertion order, which the JSON output shows. Key order is restored afterwards: keys of
//! multi-select hashes in the order the expression names them, then keys in the order the
//! response had them.

use jmespath::ast::Ast;
use serde_json::{Map, Value};

use crate::failure::Failure;

/// A compiled `--query` JMESPath expression.
pub struct Query {
    expression: jmespath::Expression<'static>,
    key_order: Vec<String>,
}

impl Query {
    /// Compiles `text`, or the AWS CLI's usage error for it.
    pub fn compile(text: &str) -> Result<Self, Failure> {
        let expression = jmespath::compile(text).map_err(|e| {
            Failure::usage(format!(
                "Bad value for --query {text}: Invalid jmespath expression: {e}"
            ))
        })?;
        let mut key_order = Vec::new();
        hash_keys(expression.as_ast(), &mut key_order);
        Ok(Self {
            expression,
            key_order,
        })
    }

    /// The expression evaluated on `data`.
    pub fn apply(&self, data: &Value) -> Result<Value, Failure> {
        let result = self
            .expression
            .search(data)
            .map_err(|e| Failure::usage(format!("Bad value for --query: {e}")))?;
        let value = serde_json::to_value(&*result)
            .map_err(|e| Failure::usage(format!("Bad value for --query: {e}")))?;
        let mut order = self.key_order.clone();
        document_keys(data, &mut order);
        Ok(reorder(value, &order))
    }
}

fn hash_keys(ast: &Ast, keys: &mut Vec<String>) {
    match ast {
        Ast::MultiHash { elements, .. } => {
            for pair in elements {
                push_unique(keys, &pair.key);
                hash_keys(&pair.value, keys);
            }
        }
        Ast::Comparison { lhs, rhs, .. }
        | Ast::Projection { lhs, rhs, .. }
        | Ast::And { lhs, rhs, .. }
        | Ast::Or { lhs, rhs, .. }
        | Ast::Subexpr { lhs, rhs, .. } => {
            hash_keys(lhs, keys);
            hash_keys(rhs, keys);
        }
        Ast::Condition {
            predicate, then, ..
        } => {
            hash_keys(predicate, keys);
            hash_keys(then, keys);
        }
        Ast::Expref { ast, .. } => hash_keys(ast, keys),
        Ast::Flatten { node, .. } | Ast::Not { node, .. } | Ast::ObjectValues { node, .. } => {
            hash_keys(node, keys);
        }
        Ast::Function { args, .. } => args.iter().for_each(|a| hash_keys(a, keys)),
        Ast::MultiList { elements, .. } => elements.iter().for_each(|a| hash_keys(a, keys)),
        Ast::Identity { .. }
        | Ast::Field { .. }
        | Ast::Index { .. }
        | Ast::Literal { .. }
        | Ast::Slice { .. } => {}
    }
}

fn document_keys(value: &Value, keys: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                push_unique(keys, key);
                document_keys(child, keys);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| document_keys(i, keys)),
        _ => {}
    }
}

fn push_unique(keys: &mut Vec<String>, key: &str) {
    if !keys.iter().any(|k| k == key) {
        keys.push(key.to_owned());
    }
}

fn reorder(value: Value, order: &[String]) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            // Stable: keys unknown to both lists keep the crate's (sorted) order at the end.
            entries
                .sort_by_key(|(key, _)| order.iter().position(|k| k == key).unwrap_or(usize::MAX));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, reorder(v, order)))
                    .collect::<Map<_, _>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|v| reorder(v, order)).collect()),
        other => other,
    }
}
