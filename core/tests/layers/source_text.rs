//! Rust source with comments and literals blanked out, so that a `crate::` in a doc comment or a
//! string is not read as an import. Every byte keeps its line: line numbers stay true.

/// `source` with the contents of comments, strings and character literals replaced by spaces
/// (line breaks kept). Lifetimes (`'a`) are code and stay.
pub fn code_only(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let end = match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') => line_comment_end(bytes, at),
            b'/' if bytes.get(at + 1) == Some(&b'*') => block_comment_end(bytes, at),
            b'"' => string_end(bytes, at + 1),
            b'r' | b'b' if starts_literal(bytes, at) => literal_end(bytes, at),
            b'\'' => char_literal_end(bytes, at),
            _ => None,
        };
        match end {
            Some(end) => {
                out.extend(bytes[at..end].iter().map(|&b| blank(b)));
                at = end;
            }
            None => {
                out.push(bytes[at]);
                at += 1;
            }
        }
    }
    String::from_utf8(out).expect("only ASCII bytes were replaced")
}

fn blank(byte: u8) -> u8 {
    if byte == b'\n' {
        b'\n'
    } else if byte.is_ascii() {
        b' '
    } else {
        // Keep the UTF-8 sequence whole; it is inside a comment or literal and never read.
        byte
    }
}

fn line_comment_end(bytes: &[u8], at: usize) -> Option<usize> {
    Some(
        bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |n| at + n),
    )
}

fn block_comment_end(bytes: &[u8], at: usize) -> Option<usize> {
    let (mut depth, mut i) = (0usize, at);
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    Some(bytes.len())
}

/// The end of a `"..."` whose opening quote is just before `from`.
fn string_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    Some(bytes.len())
}

/// `r"`, `r#"`, `b"`, `br"`, `b'`, not inside an identifier such as `bar"`.
fn starts_literal(bytes: &[u8], at: usize) -> bool {
    if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
        return false;
    }
    let rest = &bytes[at..];
    rest.starts_with(b"r\"")
        || rest.starts_with(b"r#")
        || rest.starts_with(b"b\"")
        || rest.starts_with(b"b'")
        || rest.starts_with(b"br\"")
        || rest.starts_with(b"br#")
}

fn literal_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    if bytes[i] == b'b' {
        i += 1;
        match bytes.get(i) {
            Some(b'"') => return string_end(bytes, i + 1),
            Some(b'\'') => return char_literal_end(bytes, i),
            _ => {}
        }
    }
    // A raw string: r, hashes, quote ... quote, the same hashes.
    i += 1;
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    i += hashes;
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let mut closing = vec![b'"'];
    closing.extend(std::iter::repeat_n(b'#', hashes));
    let body = i + 1;
    Some(
        bytes[body..]
            .windows(closing.len())
            .position(|w| w == closing.as_slice())
            .map_or(bytes.len(), |n| body + n + closing.len()),
    )
}

/// `'x'`, `'\n'`, `'\u{1F600}'`, `'é'`; `None` for a lifetime such as `'a` or `'static`.
fn char_literal_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at + 1)? {
        b'\\' => {
            let close = bytes[at + 2..].iter().position(|&b| b == b'\'')?;
            Some(at + 2 + close + 1)
        }
        _ => {
            let width = std::str::from_utf8(&bytes[at + 1..(at + 5).min(bytes.len())])
                .or_else(|e| std::str::from_utf8(&bytes[at + 1..at + 1 + e.valid_up_to()]))
                .ok()?
                .chars()
                .next()?
                .len_utf8();
            (bytes.get(at + 1 + width) == Some(&b'\'')).then_some(at + 2 + width)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::code_only;

    #[test]
    fn comments_and_literals_are_blanked_and_lines_kept() {
        let source = "use a; // crate::x\n/* crate::y /* nested */ */ let s = \"crate::z\";\nlet r = r#\"crate::w\"#; let c = '\"'; fn f<'a>(x: &'a str) {}\n";
        let code = code_only(source);
        assert_eq!(code.lines().count(), 3);
        assert!(!code.contains("crate::"), "{code}");
        assert!(code.contains("fn f<'a>(x: &'a str)"), "{code}");
        assert!(code.starts_with("use a;"));
    }
}
