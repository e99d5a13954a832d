//! A nesting cap on `--cli-input-json`/`--cli-input-yaml` documents, checked before they are
//! parsed. The YAML parser (libyaml) does work proportional to the flow nesting depth for every
//! token, so a document of 100 000 `[` took 26 s; and it holds an event for every level of
//! `- - - …` before its own recursion limit applies (600 MB for a 4 MiB file). Counting the depth
//! first keeps every input linear in time and memory.
//!
//! The scan knows just enough YAML to find where collections open: it skips comments and quoted
//! scalars, counts flow collections (`[`, `{`) where a node may start, and block collections by
//! their indentation (`key:`, `- `, `? `). It may overcount in odd corners (brackets at the start
//! of block scalar lines), never undercount flow nesting. JSON is flow YAML: one scan serves both.

/// Deepest nesting of collections accepted in an input document (the operation's own input
/// is two levels deep).
pub const MAX_NESTING_DEPTH: usize = 64;

/// `Err` with a message when collections nest deeper than [`MAX_NESTING_DEPTH`].
pub fn check_depth(text: &str) -> Result<(), String> {
    let mut scan = Scan {
        chars: text.chars().peekable(),
        column: 0,
        flow_depth: 0,
        block_columns: Vec::new(),
        node_start: true,
        node_column: 0,
        after_space: true,
        line_start: true,
    };
    scan.run()
}

struct Scan<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    /// Column of the next character.
    column: usize,
    /// Open flow collections.
    flow_depth: usize,
    /// Indentation columns of the open block collections, increasing.
    block_columns: Vec<usize>,
    /// The next character may begin a node (a quoted scalar or a flow collection).
    node_start: bool,
    /// Column where the current node began (a mapping opens there when a key ends with `:`).
    node_column: usize,
    /// The previous character was white space or a line start (a `#` there is a comment).
    after_space: bool,
    /// No content yet on this line.
    line_start: bool,
}

impl Scan<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.column = if c == '\n' { 0 } else { self.column + 1 };
        Some(c)
    }

    fn next_if(&mut self, accept: impl Fn(char) -> bool) -> Option<char> {
        match self.chars.peek() {
            Some(&c) if accept(c) => self.next(),
            _ => None,
        }
    }

    fn run(&mut self) -> Result<(), String> {
        loop {
            let column = self.column;
            let Some(c) = self.next() else {
                return Ok(());
            };
            if matches!(c, '\n' | '\r' | ' ' | '\t') {
                self.after_space = true;
                if c == '\n' {
                    self.node_start = true;
                    self.line_start = true;
                }
                continue;
            }
            let in_flow = self.flow_depth > 0;
            if self.line_start && !in_flow && c != '#' {
                // A line's indentation closes the block collections indented deeper.
                while self.block_columns.last().is_some_and(|&open| open > column) {
                    self.block_columns.pop();
                }
            }
            self.line_start = false;
            if self.node_start {
                self.node_column = column;
            }
            let spaced = matches!(self.chars.peek(), None | Some(' ' | '\t' | '\n' | '\r'));
            match c {
                '#' if self.after_space => self.skip_line(),
                '"' if self.node_start => self.skip_double_quoted(),
                '\'' if self.node_start => self.skip_single_quoted(),
                '[' | '{' if self.node_start || in_flow => {
                    self.flow_depth += 1;
                    self.check()?;
                    self.node_start = true;
                }
                ']' | '}' if in_flow => {
                    self.flow_depth -= 1;
                    self.node_start = false;
                }
                ',' if in_flow => self.node_start = true,
                ':' if in_flow => self.node_start = true,
                ':' if spaced => {
                    self.open_block(self.node_column)?;
                    self.node_start = true;
                }
                '-' | '?' if spaced && self.node_start && !in_flow => {
                    self.open_block(column)?;
                    self.node_start = true;
                }
                // A tag or an anchor leaves the node still to come.
                '!' | '&' if self.node_start => self.skip_word(),
                _ => self.node_start = false,
            }
            self.after_space = false;
        }
    }

    fn open_block(&mut self, column: usize) -> Result<(), String> {
        if self.block_columns.last() != Some(&column) {
            self.block_columns.push(column);
        }
        self.check()
    }

    fn check(&self) -> Result<(), String> {
        if self.flow_depth + self.block_columns.len() > MAX_NESTING_DEPTH {
            return Err(format!(
                "the document nests collections deeper than {MAX_NESTING_DEPTH} levels"
            ));
        }
        Ok(())
    }

    fn skip_line(&mut self) {
        while self.next_if(|c| c != '\n').is_some() {}
    }

    fn skip_word(&mut self) {
        while self
            .next_if(|c| !matches!(c, ' ' | '\t' | '\n' | '\r'))
            .is_some()
        {}
    }

    fn skip_double_quoted(&mut self) {
        while let Some(c) = self.next() {
            match c {
                '\\' => {
                    self.next();
                }
                '"' => break,
                _ => {}
            }
        }
        self.node_start = false;
    }

    fn skip_single_quoted(&mut self) {
        while let Some(c) = self.next() {
            // `''` is an escaped quote inside the scalar.
            if c == '\'' && self.next_if(|c| c == '\'').is_none() {
                break;
            }
        }
        self.node_start = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!("{}{}", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn flow_nesting_up_to_the_cap_passes_one_more_fails() {
        for (open, close) in [("[", "]"), ("{\"a\":", "}"), ("{a: ", "}")] {
            assert_eq!(check_depth(&nested(open, close, MAX_NESTING_DEPTH)), Ok(()));
            let err = check_depth(&nested(open, close, MAX_NESTING_DEPTH + 1)).unwrap_err();
            assert!(err.contains("deeper than 64 levels"), "{err}");
        }
        assert!(check_depth(&format!("key: {}", "[".repeat(100_000))).is_err());
        assert!(check_depth(&format!("- !!seq {}", "[".repeat(100))).is_err());
    }

    #[test]
    fn block_nesting_is_counted_by_indentation() {
        let compact = |depth: usize| format!("{}x\n", "- ".repeat(depth));
        assert_eq!(check_depth(&compact(MAX_NESTING_DEPTH)), Ok(()));
        assert!(check_depth(&compact(MAX_NESTING_DEPTH + 1)).is_err());
        let indented = |depth: usize| {
            (0..depth)
                .map(|level| format!("{}k{level}:\n", " ".repeat(level)))
                .collect::<String>()
        };
        assert_eq!(check_depth(&indented(MAX_NESTING_DEPTH)), Ok(()));
        assert!(check_depth(&indented(MAX_NESTING_DEPTH + 1)).is_err());
        // Siblings and dedented keys do not add levels.
        let wide = "a:\n  b: 1\n  c: 2\nd:\n- e\n- f: [1, {g: h}]\n".repeat(1000);
        assert_eq!(check_depth(&wide), Ok(()));
        let mixed = format!("a:\n{}", "  - ".repeat(40) + &"[".repeat(30));
        assert!(check_depth(&mixed).is_err());
    }

    #[test]
    fn brackets_in_scalars_and_comments_are_not_nesting() {
        let deep = "[".repeat(100);
        for text in [
            format!("AccessToken: \"{deep}\""),
            format!("AccessToken: '{deep}'"),
            format!("AccessToken: 'it''s {deep}'"),
            format!("{{\"AccessToken\": \"a\\\"{deep}\"}}"),
            format!("AccessToken: x{deep}"),
            format!("AttributeName: email # {deep}"),
            format!("# {deep}\nAttributeName: email"),
            format!("AccessToken: it's{deep}"),
        ] {
            assert_eq!(check_depth(&text), Ok(()), "{text}");
        }
    }

    #[test]
    fn the_real_input_shapes_pass() {
        let json = r#"{"AccessToken": "eyJ.a.b", "AttributeName": "email", "ClientMetadata": {"k": "v[1]"}}"#;
        assert_eq!(check_depth(json), Ok(()));
        let yaml = "AccessToken: eyJ.a.b\nAttributeName: email\nClientMetadata:\n  k: '[v]'\n  l: {m: [1, 2]}\n";
        assert_eq!(check_depth(yaml), Ok(()));
    }
}
