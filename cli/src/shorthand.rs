//! The AWS CLI shorthand syntax for a map of strings: `KeyName1=string,KeyName2=string`.
//!
//! Values may be quoted with `"` or `'` to contain `,` or `=`; a backslash escapes the next
//! character inside quotes. No crate implements this syntax, so it is parsed here.

use std::collections::BTreeMap;

/// Parses `k=v,k2=v2`. The error names the position and what was expected.
pub fn parse_map(input: &str) -> Result<BTreeMap<String, String>, String> {
    let mut parser = Parser {
        chars: input.chars().collect(),
        pos: 0,
    };
    let mut map = BTreeMap::new();
    loop {
        let key = parser.word(&['='])?;
        if key.is_empty() {
            return Err(parser.expected("a key name"));
        }
        parser.expect('=')?;
        let value = parser.value()?;
        map.insert(key.trim().to_owned(), value);
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

    fn word(&mut self, stops: &[char]) -> Result<String, String> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == ',' || stops.contains(&c) {
                break;
            }
            self.pos += 1;
        }
        Ok(self.chars[start..self.pos].iter().collect())
    }

    fn value(&mut self) -> Result<String, String> {
        match self.peek() {
            Some(quote @ ('"' | '\'')) => {
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
            _ => Ok(self.word(&[])?.trim().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_quotes_and_errors() {
        let map = parse_map("a=1, b = two ,c=\"x,y=z\"").unwrap();
        assert_eq!(map["a"], "1");
        assert_eq!(map["b"], "two");
        assert_eq!(map["c"], "x,y=z");
        assert_eq!(parse_map("a=").unwrap()["a"], "");
        assert!(parse_map("a").unwrap_err().contains("Expected: '='"));
        assert!(parse_map("=1").unwrap_err().contains("a key name"));
        assert!(parse_map("a='x").unwrap_err().contains("closing '"));
        assert!(parse_map("a='x'y").unwrap_err().contains("','"));
    }
}
