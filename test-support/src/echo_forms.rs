//! The forms in which a hostile server echoes a secret, and the check that a text carries the
//! secret in none of them.

/// `\u0065\u0079...`: what a JSON encoder that escapes everything would send.
pub fn json_escaped(text: &str) -> String {
    text.chars()
        .map(|c| format!("\\u{:04x}", c as u32))
        .collect()
}

/// `%65%79...`
pub fn percent_encoded(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// The last dot-separated segment: a JWT's signature, the distinctive part of a token.
pub fn signature(token: &str) -> &str {
    token.rsplit('.').next().unwrap_or(token)
}

/// Undoes `\uXXXX` escapes (also when printed with doubled backslashes), so that an escaped echo
/// that slipped through is seen too.
pub fn json_unescaped(text: &str) -> String {
    // `Debug` doubles backslashes: undo that first.
    let text = text.replace("\\\\", "\\");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("\\u") {
        out.push_str(&rest[..at]);
        let code = rest
            .get(at + 2..at + 6)
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &rest[at + 6..];
            }
            None => {
                out.push_str("\\u");
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` as UTF-16LE: a NUL byte after each ASCII character.
pub fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// `text` as UTF-16BE: a NUL byte before each ASCII character.
pub fn utf16be(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

/// Whether `text` carries `token` or its signature, in any ASCII case, as is, percent-decoded,
/// JSON-unescaped, or with the NUL characters of UTF-16 (raw or printed as `\u{0}`) removed.
pub fn leaks(text: &str, token: &str) -> bool {
    let percent_decoded = percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned();
    let without_nuls = text.replace('\0', "").replace("\\u{0}", "");
    [
        text.to_owned(),
        percent_decoded,
        json_unescaped(text),
        without_nuls,
    ]
    .iter()
    .map(|form| form.to_ascii_lowercase())
    .any(|form| {
        [token, signature(token)]
            .iter()
            .any(|secret| form.contains(&secret.to_ascii_lowercase()))
    })
}
