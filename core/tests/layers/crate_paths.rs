//! The paths into this crate that one file names: `use crate::a::b`, `use crate::{a::b, c}`,
//! inline `crate::a::f(..)`, `$crate::…` in macros, `super::…`, `self::…`, and paths that start
//! with a child module of the file (`child::f`). Each becomes an absolute module path.

/// One path into the crate, as written and as an absolute path (`["transport", "resolver", "X"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CratePath {
    pub line: usize,
    pub written: String,
    pub absolute: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Star,
    Other(char),
}

/// `code`: the file's text with comments and literals blanked. `module`: the file's module path
/// (`[]` for the crate root). `children`: its child modules that are files.
pub fn crate_paths(code: &str, module: &[String], children: &[String]) -> Vec<CratePath> {
    let tokens = tokenize(code);
    let mut found = Vec::new();
    // Inline modules (`mod tests { … }`) the current token is in, with the brace depth they opened at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let (line, token) = &tokens[i];
        match token {
            Token::Open => depth += 1,
            Token::Close => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, at)| *at == depth) {
                    inline.pop();
                }
            }
            Token::Ident(word) if word == "mod" => {
                if let (Some((_, Token::Ident(name))), Some((_, Token::Open))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    inline.push((name.clone(), depth));
                }
            }
            Token::Ident(word) => {
                let follows_path = i > 0 && tokens[i - 1].1 == Token::PathSep;
                let starts_path = tokens.get(i + 1).is_some_and(|(_, t)| *t == Token::PathSep);
                if !follows_path && starts_path {
                    let here: Vec<String> = module
                        .iter()
                        .cloned()
                        .chain(inline.iter().map(|(name, _)| name.clone()))
                        .collect();
                    let base = match word.as_str() {
                        "crate" => Some(Vec::new()),
                        "super" => Some(here[..here.len().saturating_sub(1)].to_vec()),
                        "self" => Some(here),
                        child if inline.is_empty() && children.iter().any(|c| c == child) => {
                            Some(module.to_vec())
                        }
                        _ => None,
                    };
                    if let Some(base) = base {
                        let mut trees = Vec::new();
                        let skip =
                            usize::from(word == "crate" || word == "super" || word == "self");
                        let end = path_tree(&tokens, i + 2 * skip, &mut Vec::new(), &mut trees);
                        for relative in trees {
                            let mut absolute = base.clone();
                            absolute.extend(relative.iter().filter(|s| *s != "self").cloned());
                            let written = format!("{word}::{}", relative.join("::"));
                            found.push(CratePath {
                                line: *line,
                                written: if skip == 0 {
                                    relative.join("::")
                                } else {
                                    written
                                },
                                absolute,
                            });
                        }
                        i = end;
                        continue;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Reads `a::b::{c, d::{e, self}, *}` from `at`, pushing each leaf path (prefix included) to
/// `out`; returns the index after the tree.
fn path_tree(
    tokens: &[(usize, Token)],
    mut at: usize,
    prefix: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    let depth_in = prefix.len();
    loop {
        match tokens.get(at).map(|(_, t)| t) {
            Some(Token::Ident(segment)) => {
                prefix.push(segment.clone());
                at += 1;
                if tokens.get(at).map(|(_, t)| t) == Some(&Token::PathSep) {
                    at += 1;
                    continue;
                }
                out.push(prefix.clone());
                break;
            }
            Some(Token::Open) => {
                at += 1;
                loop {
                    match tokens.get(at).map(|(_, t)| t) {
                        Some(Token::Close) => {
                            at += 1;
                            break;
                        }
                        Some(Token::Comma) => at += 1,
                        // `as alias` after an item
                        Some(Token::Ident(word)) if word == "as" => at += 2,
                        None => break,
                        _ => at = path_tree(tokens, at, prefix, out),
                    }
                }
                break;
            }
            Some(Token::Star) => {
                out.push(prefix.clone());
                at += 1;
                break;
            }
            _ => {
                if !prefix.is_empty() {
                    out.push(prefix.clone());
                }
                break;
            }
        }
    }
    prefix.truncate(depth_in);
    at
}

fn tokenize(code: &str) -> Vec<(usize, Token)> {
    let mut tokens = Vec::new();
    let mut chars = code.chars().peekable();
    let mut line = 1;
    while let Some(c) = chars.next() {
        let token = match c {
            '\n' => {
                line += 1;
                continue;
            }
            c if c.is_whitespace() => continue,
            c if c.is_alphabetic() || c == '_' => {
                let mut word = c.to_string();
                while let Some(&next) = chars.peek() {
                    if !(next.is_alphanumeric() || next == '_') {
                        break;
                    }
                    word.push(next);
                    chars.next();
                }
                Token::Ident(word)
            }
            ':' if chars.peek() == Some(&':') => {
                chars.next();
                Token::PathSep
            }
            '{' => Token::Open,
            '}' => Token::Close,
            ',' => Token::Comma,
            '*' => Token::Star,
            other => Token::Other(other),
        };
        tokens.push((line, token));
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::crate_paths;

    fn strings(module: &[&str], children: &[&str], code: &str) -> Vec<(usize, String)> {
        let module: Vec<String> = module.iter().map(|s| (*s).to_owned()).collect();
        let children: Vec<String> = children.iter().map(|s| (*s).to_owned()).collect();
        crate_paths(code, &module, &children)
            .into_iter()
            .map(|p| (p.line, p.absolute.join("::")))
            .collect()
    }

    #[test]
    fn every_form_of_path_becomes_absolute() {
        let code = "use crate::a::b::X;\nuse crate::{c::Y, d::{self, e::Z as W}};\nfn f() { crate::g::h(1); $crate::m::N }\nuse super::S;\nuse kid::K;\nuse std::io;\nmod tests {\n    use super::*;\n}\n";
        assert_eq!(
            strings(&["p", "q"], &["kid"], code),
            [
                (1, "a::b::X".to_owned()),
                (2, "c::Y".to_owned()),
                (2, "d".to_owned()),
                (2, "d::e::Z".to_owned()),
                (3, "g::h".to_owned()),
                (3, "m::N".to_owned()),
                (4, "p::S".to_owned()),
                (5, "p::q::kid::K".to_owned()),
                (8, "p::q".to_owned()),
            ]
        );
    }
}
