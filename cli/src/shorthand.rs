//! The AWS CLI shorthand syntax for a map: `KeyName1=string,KeyName2=string`.
//!
//! Values may be quoted with `"` or `'` to contain `,` or `=`; a backslash escapes the next
//! character inside quotes. As in the AWS CLI, a value may also be an explicit list `[a,b]` or a
//! hash literal `{k=v}`, nested up to [`MAX_NESTING_DEPTH`] levels; the caller then reports the
//! wrong type. No crate implements this syntax, so it is parsed here.

use serde_json::{Map, Value};

pub use crate::nesting::MAX_NESTING_DEPTH;

/// Parses `k=v,k2=v2`. The error names the position and what was expected.
pub fn parse_map(input: &str) -> Result<Map<String, Value>, String> {
    let mut parser = Parser {
        chars: input.chars().collect(),
        pos: 0,
    };
    let mut map = Map::new();
    loop {
        let (key, value) = parser.key_value(&[], 0)?;
        map.insert(key, value);
        match parser.peek() {
            None => return Ok(map),
            Some(',') => parser.pos += 1,
            Some(_) => return Err(parser.expected("','")),
        }
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn expected(&self, what: &str) -> String {
        let received = match self.peek() {
            Some(c) => format!("'{c}'"),
            None => "'EOF'".to_owned(),
        };
        format!(
            "Expected: {what}, received: {received} at position {} of the shorthand input",
            self.pos
        )
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.expected(&format!("'{c}'")))
        }
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    /// `key=value`; a plain value ends at `,` or at one of `stops`.
    fn key_value(&mut self, stops: &[char], depth: usize) -> Result<(String, Value), String> {
        let key = self.word(&['=']);
        let key = key.trim();
        if key.is_empty() {
            return Err(self.expected("a key name"));
        }
        let key = key.to_owned();
        self.expect('=')?;
        Ok((key, self.value(stops, depth)?))
    }

    fn word(&mut self, stops: &[char]) -> String {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == ',' || stops.contains(&c) {
                break;
            }
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    fn value(&mut self, stops: &[char], depth: usize) -> Result<Value, String> {
        self.skip_spaces();
        match self.peek() {
            Some(quote @ ('"' | '\'')) => {
                let text = self.quoted(quote)?;
                self.skip_spaces();
                Ok(Value::String(text))
            }
            Some(open @ ('[' | '{')) => {
                if depth >= MAX_NESTING_DEPTH {
                    return Err(format!(
                        "the shorthand input nests collections deeper than {MAX_NESTING_DEPTH} levels (at position {})",
                        self.pos
                    ));
                }
                self.pos += 1;
                let value = if open == '[' {
                    self.list(depth + 1)?
                } else {
                    self.hash(depth + 1)?
                };
                self.skip_spaces();
                Ok(value)
            }
            _ => Ok(Value::String(self.word(stops).trim().to_owned())),
        }
    }

    fn quoted(&mut self, quote: char) -> Result<String, String> {
        self.pos += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                None => return Err(self.expected(&format!("closing {quote}"))),
                Some('\\') => {
                    self.pos += 1;
                    if let Some(c) = self.peek() {
                        text.push(c);
                        self.pos += 1;
                    }
                }
                Some(c) if c == quote => {
                    self.pos += 1;
                    return Ok(text);
                }
                Some(c) => {
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    /// `[a, b, [c]]`, after its `[`.
    fn list(&mut self, depth: usize) -> Result<Value, String> {
        let mut items = Vec::new();
        self.skip_spaces();
        while self.peek() != Some(']') {
            items.push(self.value(&[']', '}'], depth)?);
            if self.peek() != Some(']') {
                self.expect(',')?;
                self.skip_spaces();
            }
        }
        self.pos += 1;
        Ok(Value::Array(items))
    }

    /// `{k=v, k2=[a]}`, after its `{`.
    fn hash(&mut self, depth: usize) -> Result<Value, String> {
        let mut map = Map::new();
        self.skip_spaces();
        while self.peek() != Some('}') {
            let (key, value) = self.key_value(&[']', '}'], depth)?;
            map.insert(key, value);
            if self.peek() != Some('}') {
                self.expect(',')?;
                self.skip_spaces();
            }
        }
        self.pos += 1;
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_quotes_and_errors() {
        let map = parse_map("a=1, b = two ,c=\"x,y=z\"").unwrap();
        let map: std::collections::BTreeMap<&str, &str> = map
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap()))
            .collect();
        assert_eq!(map["a"], "1");
        assert_eq!(map["b"], "two");
        assert_eq!(map["c"], "x,y=z");
        assert_eq!(parse_map("a=").unwrap()["a"], "");
        assert_eq!(parse_map("a=x[y").unwrap()["a"], "x[y");
        assert!(parse_map("a").unwrap_err().contains("Expected: '='"));
        assert!(parse_map("=1").unwrap_err().contains("a key name"));
        assert!(parse_map("a='x").unwrap_err().contains("closing '"));
        assert!(parse_map("a='x'y").unwrap_err().contains("','"));
    }

    #[test]
    fn lists_and_hashes_nest_up_to_the_cap() {
        let map = parse_map("a=[1, 'x,y', [2]], b={c=d, e=[f]},g=h").unwrap();
        assert_eq!(
            Value::Object(map),
            serde_json::json!({"a": ["1", "x,y", ["2"]], "b": {"c": "d", "e": ["f"]}, "g": "h"})
        );
        assert_eq!(parse_map("a=[]").unwrap()["a"], serde_json::json!([]));
        let nested = |depth: usize| format!("a={}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse_map(&nested(MAX_NESTING_DEPTH)).is_ok());
        let err = parse_map(&nested(MAX_NESTING_DEPTH + 1)).unwrap_err();
        assert!(err.contains("deeper than 64 levels"), "{err}");
        let err = parse_map(&format!("a={}", "{b=".repeat(100_000))).unwrap_err();
        assert!(err.contains("deeper than 64 levels"), "{err}");
        assert!(parse_map("a=[1").unwrap_err().contains("Expected: ','"));
        assert!(parse_map("a={b}").unwrap_err().contains("Expected: '='"));
    }
}
