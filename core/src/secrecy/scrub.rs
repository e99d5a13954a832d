//! The secrets of one call (the access token; for `VerifyUserAttribute` also the verification
//! code), and their removal from every string derived from a response.
//!
//! A server, a proxy or an emulator may echo the request. Whatever it sends back passes through
//! [`Secrets`] before it is logged or handed to a caller, and every occurrence of a secret is
//! replaced with `***`. An occurrence is recognized
//! - in any run of at least [`SECRET_FRAGMENT_LEN`] consecutive characters of a secret (the
//!   whole secret when it is shorter), so a JWT's signature or payload segment alone is caught;
//! - regardless of ASCII case (header names arrive lower-cased);
//! - after percent-decoding (`%65`), JSON and C-style escapes (`\u0065`, `\x65`, `\/`), HTML
//!   numeric entities (`&#101;`, `&#x65;`), full-width forms (`ｅ`), and with whitespace,
//!   zero-width characters and soft hyphens removed; these decodings are applied repeatedly, so
//!   nested encodings (`%2565`, `\\u0065` inside a JSON string) are caught too;
//! - in its hexadecimal and Base64 encodings (standard and URL-safe alphabets, any alignment),
//!   for secrets of at least [`SECRET_FRAGMENT_LEN`] characters.
//!
//! Not recognized: fragments shorter than [`SECRET_FRAGMENT_LEN`], other transformations
//! (reversal, encryption, compression, other Unicode look-alikes). The server received the token
//! in the request, so this guards against echoes reaching logs and error reports, not against a
//! server that deliberately smuggles the token out in pieces.

use std::fmt;
use std::sync::Arc;

use zeroize::{Zeroize, Zeroizing};

use crate::error::Error;
use crate::secrecy::raw_response::RawResponse;
use crate::secrecy::secret::is_token_byte;
use crate::secrecy::secret_forms::{fold, RecentForms, SecretForms, PIECE};

/// What every recognized occurrence of a secret is replaced with.
pub const REDACTED: &str = "***";

pub use crate::secrecy::secret_forms::SECRET_FRAGMENT_LEN;

/// Nested encodings decoded at most this deep: enough for an escape inside an escape inside a
/// percent-encoding, and a bound on the work a hostile response can cause.
const MAX_DECODING_ROUNDS: usize = 4;

/// The secrets of one call, ready to be recognized in response data.
///
/// A long secret's forms (`SecretForms` in `secret_forms.rs`) are prepared once per secret: a client reuses
/// those of the last token it sent. Text shorter than the shortest window is skipped; other
/// text is cleared by looking up the `PIECE` bytes ending at each byte in the forms' sampled
/// pieces, and only text holding a piece of some form pays for the exact match. Everything is zeroized on drop; `Debug` does not print
/// it.
pub struct Secrets {
    /// Length of the shortest window any form is matched by (0: no secrets).
    shortest_window: usize,
    /// The secrets shorter than [`SECRET_FRAGMENT_LEN`], folded: recognized whole and in no
    /// encoding, so looked for directly.
    short: Vec<Zeroizing<Vec<u8>>>,
    /// The forms of the longer ones.
    long: Vec<Arc<SecretForms>>,
}

impl Secrets {
    /// The secrets to recognize; empty strings are ignored. Prepares the forms of each long one.
    pub fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> Self {
        Self::build(secrets, |secret| SecretForms::new(secret).map(Arc::new))
    }

    /// As [`Secrets::new`], reusing the forms `recent` remembers (and remembering the last ones).
    pub(crate) fn with_recent<'a>(
        secrets: impl IntoIterator<Item = &'a str>,
        recent: &RecentForms,
    ) -> Self {
        Self::build(secrets, |secret| recent.get(secret))
    }

    fn build<'a>(
        secrets: impl IntoIterator<Item = &'a str>,
        forms: impl Fn(&[u8]) -> Option<Arc<SecretForms>>,
    ) -> Self {
        let mut built = Self {
            shortest_window: 0,
            short: Vec::new(),
            long: Vec::new(),
        };
        for secret in secrets.into_iter().filter(|s| !s.is_empty()) {
            let secret = secret.as_bytes();
            let window = secret.len().min(SECRET_FRAGMENT_LEN);
            if built.shortest_window == 0 || window < built.shortest_window {
                built.shortest_window = window;
            }
            match forms(secret) {
                Some(forms) => built.long.push(forms),
                None => built.short.push(Zeroizing::new(
                    secret.iter().map(|&byte| fold(byte)).collect(),
                )),
            }
        }
        built
    }

    /// The prepared forms of `secret`, if it is one of the long secrets.
    pub(crate) fn forms_of(&self, secret: &str) -> Option<&SecretForms> {
        self.long
            .iter()
            .find(|forms| forms.secret() == secret.as_bytes())
            .map(|forms| &**forms)
    }

    /// No secrets at all: nothing is ever replaced.
    pub fn is_empty(&self) -> bool {
        self.shortest_window == 0
    }

    /// `false` when the folded `bytes` certainly hold no window of any form.
    fn may_contain(&self, folded: &[u8]) -> bool {
        folded.len() >= self.shortest_window
            && (self.short.iter().any(|secret| {
                folded.len() >= secret.len()
                    && folded.windows(secret.len()).any(|w| w == &secret[..])
            }) || self.long.iter().any(|forms| forms.may_hold_window(folded)))
    }

    /// `false` when `text` certainly holds no secret in any form: it has no escape and no
    /// non-ASCII byte (so decoding only folds it and drops ignorable bytes), and folded it holds
    /// no window. One pass over the text, a table look-up and a piece look-up per byte kept.
    fn may_contain_plain(&self, text: &[u8]) -> bool {
        if !self.short.is_empty() {
            if text.iter().any(|&byte| PLAIN[usize::from(byte)] == ESCAPE) {
                return true;
            }
            let folded: Zeroizing<Vec<u8>> = Zeroizing::new(
                text.iter()
                    .filter(|&&byte| PLAIN[usize::from(byte)] != DROP)
                    .map(|&byte| fold(byte))
                    .collect(),
            );
            return self.may_contain(&folded);
        }
        // A token's forms hold only the characters a token may have (hex and Base64 digits are
        // among them): once it passed that check, no piece runs across any other character.
        let tokens_only = self.long.iter().all(|forms| forms.checked_as_token());
        match (self.long.as_slice(), tokens_only) {
            ([forms], true) => may_hold_piece_in_runs(text, |block| forms.has_piece(block)),
            ([forms], false) => may_hold_piece(text, &PLAIN, |block| forms.has_piece(block)),
            (long, _) => may_hold_piece(text, &PLAIN, |block| {
                long.iter().any(|f| f.has_piece(block))
            }),
        }
    }

    /// `text` with every recognized occurrence replaced by [`REDACTED`].
    pub fn scrub(&self, text: &str) -> String {
        let mut owned = text.to_owned();
        self.scrub_in_place(&mut owned);
        owned
    }

    /// Replaces every recognized occurrence in `text`; the old contents are zeroized.
    pub fn scrub_in_place(&self, text: &mut String) {
        self.replace_occurrences(text);
    }

    /// [`Secrets::scrub_in_place`], saying whether `text` held nothing to replace.
    fn replace_occurrences(&self, text: &mut String) -> bool {
        let ranges = self.occurrences(text.as_bytes());
        if ranges.is_empty() {
            return true;
        }
        // A secret with non-ASCII characters may match inside a character: widen to whole ones.
        let ranges = merge(
            ranges
                .into_iter()
                .map(|(start, end)| {
                    (
                        floor_char_boundary(text, start),
                        ceil_char_boundary(text, end),
                    )
                })
                .collect(),
        );
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for (start, end) in ranges {
            out.push_str(&text[copied..start]);
            out.push_str(REDACTED);
            copied = end;
        }
        out.push_str(&text[copied..]);
        drop(Zeroizing::new(std::mem::replace(text, out)));
        false
    }

    /// Replaces every recognized occurrence in raw bytes; the old contents are zeroized.
    pub fn scrub_bytes(&self, bytes: &mut Vec<u8>) {
        let ranges = self.occurrences(bytes);
        if ranges.is_empty() {
            return;
        }
        let mut out = Vec::with_capacity(bytes.len());
        let mut copied = 0;
        for (start, end) in ranges {
            out.extend_from_slice(&bytes[copied..start]);
            out.extend_from_slice(REDACTED.as_bytes());
            copied = end;
        }
        out.extend_from_slice(&bytes[copied..]);
        drop(Zeroizing::new(std::mem::replace(bytes, out)));
    }

    /// Every string of the error: code, message, request id, headers, body excerpt, reason code.
    // Not inlined: the cost guard (scripts/instructions_per_call.py) attributes by function.
    #[inline(never)]
    pub fn scrub_error(&self, error: Error) -> Error {
        if self.is_empty() {
            return error;
        }
        error.map_strings(|text| self.scrub_in_place(text))
    }

    /// Replaces every recognized occurrence in each of `texts` (an output's strings: each
    /// operation's output names its own, see `Operation::scrub_output`).
    // Not inlined: the cost guard (scripts/instructions_per_call.py) attributes by function.
    #[inline(never)]
    pub fn scrub_strings<'a>(&self, texts: impl IntoIterator<Item = &'a mut String>) {
        for text in texts {
            self.scrub_in_place(text);
        }
    }

    /// Header names and values, and the body, as received.
    // Not inlined: the cost guard (scripts/instructions_per_call.py) attributes by function.
    #[inline(never)]
    pub(crate) fn scrub_response(&self, response: &mut RawResponse) {
        self.scrub_headers(&mut response.headers);
        self.scrub_bytes(&mut response.body);
    }

    /// Header names and values. With one token to recognise, the strings its client found
    /// clean before are skipped: names, and the value of `content-type` (values that change on
    /// every response, such as a request id, are not remembered).
    fn scrub_headers(&self, headers: &mut [(String, String)]) {
        let clean = match (self.short.as_slice(), self.long.as_slice()) {
            ([], [forms]) => Some(forms.clean_headers()),
            _ => None,
        };
        for (name, value) in headers {
            let remember_value = name == "content-type";
            for (text, remember) in [(name, true), (value, remember_value)] {
                // Text shorter than a window is cleared at once: it would only take a slot.
                let memo = clean.filter(|_| remember && text.len() >= self.shortest_window);
                match memo {
                    Some(memo) if memo.contains(text) => {}
                    Some(memo) => {
                        if self.replace_occurrences(text) {
                            memo.remember(text);
                        }
                    }
                    None => self.scrub_in_place(text),
                }
            }
        }
    }

    /// Sorted, disjoint byte ranges of `text` that carry a secret, in any recognized form.
    fn occurrences(&self, text: &[u8]) -> Vec<(usize, usize)> {
        // Decoding never lengthens text: shorter text cannot hold a window.
        if self.is_empty() || text.len() < self.shortest_window {
            return Vec::new();
        }
        // Without a byte that starts an escape or a non-ASCII character, decoding only folds
        // and drops ignorable bytes: when even that text holds no window, the rounds below find
        // nothing, and their views (two allocations per byte of text) are skipped.
        if !self.may_contain_plain(text) {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut view = View::identity(text);
        for _ in 0..MAX_DECODING_ROUNDS {
            let (next, decoded_something) = view.decode_once();
            self.find_in(&next, &mut found);
            if !decoded_something {
                break;
            }
            view = next;
        }
        merge(found)
    }

    fn find_in(&self, view: &View, found: &mut Vec<(usize, usize)>) {
        if !self.may_contain(&view.bytes) {
            return;
        }
        let mut span = |first: usize, last: usize| {
            found.push((view.spans[first].0 as usize, view.spans[last].1 as usize));
        };
        for secret in &self.short {
            for (first, window) in view.bytes.windows(secret.len()).enumerate() {
                if window == &secret[..] {
                    span(first, first + secret.len() - 1);
                }
            }
        }
        if self.long.is_empty() {
            return;
        }
        let mut rolling: u128 = 0;
        for (i, &byte) in view.bytes.iter().enumerate() {
            rolling = (rolling << 8) | u128::from(byte);
            if i + 1 >= SECRET_FRAGMENT_LEN && self.long.iter().any(|f| f.has_window(rolling)) {
                span(i + 1 - SECRET_FRAGMENT_LEN, i);
            }
        }
        rolling.zeroize();
    }
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secrets(***)")
    }
}

/// Whether `text` has a byte that starts an encoding, or, folded and with its ignorable bytes
/// dropped, holds a piece (`has_piece`) at some offset: the forms' pieces are sampled, so any
/// run of [`PIECE`] kept bytes may be the sampled piece of a window. `classes` is [`PLAIN`], or
/// [`TOKEN_PLAIN`] when no piece holds a byte it marks [`BREAK`].
#[inline(always)]
fn may_hold_piece(text: &[u8], classes: &[u16; 256], has_piece: impl Fn(u64) -> bool) -> bool {
    let mut block = 0u64;
    let mut kept = 0;
    let mut may = false;
    for &byte in text {
        let class = classes[usize::from(byte)];
        if class >= DROP {
            if class == ESCAPE {
                may = true;
                break;
            }
            if class == BREAK {
                kept = 0;
            }
            continue;
        }
        // The last PIECE bytes kept, the first lowest.
        block = block >> 8 | u64::from(class) << (8 * (PIECE - 1));
        kept += 1;
        if kept >= PIECE && has_piece(block) {
            may = true;
            break;
        }
    }
    block.zeroize();
    may
}

/// [`may_hold_piece`] with [`TOKEN_PLAIN`], looking only at the runs that may hold a window: a
/// window of a token's forms is [`SECRET_FRAGMENT_LEN`] token characters, so a run of fewer kept
/// bytes between two [`BREAK`]s holds none. Most of a response (JSON punctuation, short words)
/// is such runs, cleared at a table look-up per byte.
#[inline(always)]
fn may_hold_piece_in_runs(text: &[u8], has_piece: impl Fn(u64) -> bool + Copy) -> bool {
    let may_hold = |run: &[u8]| {
        run.len() >= SECRET_FRAGMENT_LEN && may_hold_piece(run, &TOKEN_PLAIN, has_piece)
    };
    let mut rest = text;
    while let Some(end) = rest
        .iter()
        .position(|&byte| TOKEN_PLAIN[usize::from(byte)] > DROP)
    {
        if TOKEN_PLAIN[usize::from(rest[end])] == ESCAPE || may_hold(&rest[..end]) {
            return true;
        }
        rest = &rest[end + 1..];
    }
    may_hold(rest)
}

/// Whether decoding drops the byte: whitespace, and the NUL bytes between the characters of
/// UTF-16 text.
const fn is_ignorable(byte: u8) -> bool {
    byte.is_ascii_whitespace() || byte == 0
}

/// Marks in [`PLAIN`]: a byte decoding drops, a byte that may start an encoding; in
/// [`TOKEN_PLAIN`], a byte no piece of a token's forms holds.
const DROP: u16 = 256;
const ESCAPE: u16 = 257;
const BREAK: u16 = 258;

/// [`PLAIN`], with the bytes that fold to no character an access token may have marked
/// [`BREAK`].
const TOKEN_PLAIN: [u16; 256] = {
    let mut table = PLAIN;
    let mut at = 0;
    while at < 256 {
        if table[at] < DROP && !is_token_byte(table[at] as u8) {
            table[at] = BREAK;
        }
        at += 1;
    }
    table
};

/// What the first decoding round makes of each byte on its own: itself folded, [`DROP`] or
/// [`ESCAPE`].
const PLAIN: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut at = 0;
    while at < 256 {
        let byte = at as u8;
        table[at] = if starts_encoding(byte) {
            ESCAPE
        } else if is_ignorable(byte) {
            DROP
        } else {
            fold(byte) as u16
        };
        at += 1;
    }
    table
};

fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Text after some decoding, each byte with the range of the original text it came from.
struct View {
    bytes: Zeroizing<Vec<u8>>,
    spans: Vec<(u32, u32)>,
}

impl View {
    fn identity(text: &[u8]) -> Self {
        // Response data is capped far below 4 GiB; positions beyond are clamped, never wrapped.
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Self {
            bytes: Zeroizing::new(text.to_vec()),
            spans: (0..text.len()).map(|i| (at(i), at(i + 1))).collect(),
        }
    }

    /// One round of decoding and normalization, and whether any escape or look-alike was decoded.
    fn decode_once(&self) -> (View, bool) {
        let input = &self.bytes[..];
        let mut out = View {
            bytes: Zeroizing::new(Vec::with_capacity(input.len())),
            spans: Vec::with_capacity(input.len()),
        };
        let mut decoded_something = false;
        let mut i = 0;
        while i < input.len() {
            let (consumed, produced) = decode_at(&input[i..]);
            let span = (self.spans[i].0, self.spans[i + consumed - 1].1);
            match produced {
                Produced::Byte(byte) if consumed == 1 => out.push(fold(byte), span),
                Produced::Byte(byte) => {
                    decoded_something = true;
                    out.push(fold(byte), span);
                }
                Produced::Char(c) => {
                    decoded_something = true;
                    let mut utf8 = [0u8; 4];
                    for &byte in c.encode_utf8(&mut utf8).as_bytes() {
                        out.push(fold(byte), span);
                    }
                }
                Produced::Nothing => {
                    decoded_something |= consumed > 1 || !input[i].is_ascii_whitespace();
                }
            }
            i += consumed;
        }
        (out, decoded_something)
    }

    fn push(&mut self, byte: u8, span: (u32, u32)) {
        self.bytes.push(byte);
        self.spans.push(span);
    }
}

enum Produced {
    Byte(u8),
    Char(char),
    /// An ignorable character, dropped.
    Nothing,
}

/// Whether `decode_at` may decode more than this one byte: an escape (`%`, `\\`, `&#`) or a
/// non-ASCII character (a look-alike).
const fn starts_encoding(byte: u8) -> bool {
    matches!(byte, b'%' | b'\\' | b'&') || !byte.is_ascii()
}

/// Decodes the encoded character at the start of `input`: how many bytes it takes and what it
/// stands for. A byte that starts no known encoding stands for itself.
fn decode_at(input: &[u8]) -> (usize, Produced) {
    let hex = |digits: &[u8]| -> Option<u32> {
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    let byte_of = |value: Option<u32>| value.and_then(|v| u8::try_from(v).ok());
    match input {
        [b'%', a, b, ..] => {
            if let Some(byte) = byte_of(hex(&[*a, *b])) {
                return (3, Produced::Byte(byte));
            }
        }
        [b'\\', b'u' | b'U', rest @ ..] if rest.len() >= 4 => {
            if let Some(c) = hex(&rest[..4]).and_then(char::from_u32) {
                return (6, Produced::Char(c));
            }
        }
        [b'\\', b'x' | b'X', a, b, ..] => {
            if let Some(byte) = byte_of(hex(&[*a, *b])) {
                return (4, Produced::Byte(byte));
            }
        }
        [b'\\', escaped @ (b'/' | b'\\' | b'"' | b'\''), ..] => {
            return (2, Produced::Byte(*escaped))
        }
        [b'&', b'#', rest @ ..] => {
            if let Some(decoded) = numeric_entity(rest) {
                return decoded;
            }
        }
        _ => {}
    }
    // Every look-alike is a non-ASCII character.
    if !input[0].is_ascii() {
        if let Some(decoded) = look_alike(input) {
            return decoded;
        }
    }
    if is_ignorable(input[0]) {
        return (1, Produced::Nothing);
    }
    (1, Produced::Byte(input[0]))
}

/// `&#101;` or `&#x65;` (after `&#`), at most 7 digits.
fn numeric_entity(rest: &[u8]) -> Option<(usize, Produced)> {
    let (radix, digits_at) = match rest.first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits = rest[digits_at..]
        .iter()
        .take(8)
        .take_while(|b| b.is_ascii_hexdigit())
        .count();
    if digits == 0 || digits > 7 || rest.get(digits_at + digits) != Some(&b';') {
        return None;
    }
    let text = std::str::from_utf8(&rest[digits_at..digits_at + digits]).ok()?;
    let c = char::from_u32(u32::from_str_radix(text, radix).ok()?)?;
    Some((2 + digits_at + digits + 1, Produced::Char(c)))
}

/// Full-width ASCII (U+FF01..U+FF5E) and invisible characters (zero-width space, joiners, word
/// joiner, byte-order mark, soft hyphen).
fn look_alike(input: &[u8]) -> Option<(usize, Produced)> {
    let first_char = std::str::from_utf8(&input[..input.len().min(4)])
        .or_else(|e| std::str::from_utf8(&input[..e.valid_up_to()]))
        .ok()?
        .chars()
        .next()?;
    let len = first_char.len_utf8();
    match first_char {
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = u8::try_from(u32::from(first_char) - 0xFEE0).ok()?;
            Some((len, Produced::Byte(ascii)))
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
            Some((len, Produced::Nothing))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    const TOKEN: &str = "eyJraWQiOiJrMSJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJlLWJ5dGVzLXNlY3JldA";

    fn scrubbed(text: &str) -> String {
        Secrets::new([TOKEN]).scrub(text)
    }

    #[test]
    fn raw_and_case_changed_echoes_are_replaced() {
        assert_eq!(scrubbed(&format!("bad token {TOKEN}!")), "bad token ***!");
        assert_eq!(
            scrubbed(&format!("x-{}", TOKEN.to_ascii_lowercase())),
            "x-***"
        );
        assert_eq!(scrubbed(&format!("{TOKEN},{TOKEN}")), "***,***");
    }

    #[test]
    fn a_distinctive_fragment_is_replaced_and_short_runs_are_kept() {
        let signature = TOKEN.rsplit('.').next().unwrap();
        assert_eq!(scrubbed(&format!("sig={signature}")), "sig=***");
        let short = &signature[..SECRET_FRAGMENT_LEN - 1];
        assert_eq!(scrubbed(short), short);
        assert_eq!(
            scrubbed("InvalidParameterException"),
            "InvalidParameterException"
        );
    }

    #[test]
    fn decoded_forms_are_replaced() {
        let json: String = TOKEN
            .chars()
            .map(|c| format!("\\u{:04x}", c as u32))
            .collect();
        let percent: String = TOKEN.bytes().map(|b| format!("%{b:02X}")).collect();
        let double_percent = percent.replace('%', "%25");
        let entities: String = TOKEN.chars().map(|c| format!("&#{};", c as u32)).collect();
        let wide: String = TOKEN
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
            .collect();
        let invisible = TOKEN
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join("\u{200B}");
        let folded: String = TOKEN
            .as_bytes()
            .chunks(20)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\r\n ");
        for form in [
            json,
            percent,
            double_percent,
            entities,
            wide,
            invisible,
            folded,
        ] {
            assert_eq!(scrubbed(&format!("<{form}>")), "<***>", "{form}");
        }
    }

    #[test]
    fn encodings_are_replaced_at_every_alignment() {
        for prefix in ["", "a", "ab"] {
            let plain = format!("{prefix}{TOKEN}");
            for encoded in [
                base64::engine::general_purpose::STANDARD.encode(&plain),
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&plain),
            ] {
                let out = scrubbed(&encoded);
                assert!(out.contains(REDACTED) && out.len() < 20, "{out}");
            }
        }
        let hex: String = TOKEN.bytes().map(|b| format!("{b:02X}")).collect();
        assert_eq!(scrubbed(&hex), "***");
    }

    #[test]
    fn bytes_and_multibyte_text_stay_well_formed() {
        let mut body = format!("{{\"m\":\"é{TOKEN}é\"}}").into_bytes();
        Secrets::new([TOKEN]).scrub_bytes(&mut body);
        assert_eq!(body, "{\"m\":\"é***é\"}".as_bytes());
        let code = "ééé";
        assert_eq!(Secrets::new([code]).scrub("aééé b"), "a*** b");
        assert_eq!(Secrets::new(["123456"]).scrub("code 123456."), "code ***.");
    }

    #[test]
    fn nothing_to_find_changes_nothing() {
        let none = Secrets::new([""]);
        assert!(none.is_empty());
        assert_eq!(none.scrub(TOKEN), TOKEN);
        assert_eq!(format!("{:?}", Secrets::new([TOKEN])), "Secrets(***)");
        let secrets = Secrets::new([TOKEN]);
        let ordinary = "NotAuthorizedException: Access Token has expired, request id 4f1c-9a2b";
        assert_eq!(secrets.scrub(ordinary), ordinary);
        assert!(
            !secrets.may_contain_plain(ordinary.as_bytes()),
            "the screen let it through"
        );
    }

    /// A response shaped like a success, with one field carrying a fragment of the token in
    /// some encoding: the screen must send each to the exact match, which builds the forms.
    #[test]
    fn an_encoded_echo_in_an_innocent_response_builds_the_forms_and_is_replaced() {
        use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
        let fragment = &TOKEN.as_bytes()[20..50];
        let mut echoes: Vec<String> = Vec::new();
        for prefix in [&b""[..], b"a", b"ab"] {
            let plain = [prefix, fragment].concat();
            for encoded in [STANDARD.encode(&plain), URL_SAFE_NO_PAD.encode(&plain)] {
                echoes.push(encoded.to_ascii_lowercase());
                echoes.push(encoded.to_ascii_uppercase());
                echoes.push(encoded);
            }
        }
        let hex: String = fragment.iter().map(|b| format!("{b:02x}")).collect();
        echoes.push(hex[1..].to_owned());
        echoes.push(hex.to_ascii_uppercase());
        echoes.push(std::str::from_utf8(fragment).unwrap().to_ascii_uppercase());
        for (echo, checked) in echoes.iter().flat_map(|echo| [(echo, false), (echo, true)]) {
            let secrets = Secrets::new([TOKEN]);
            if checked {
                // A client's token passed the access-token checks: the screen breaks runs at
                // characters no token has.
                secrets.forms_of(TOKEN).unwrap().mark_checked_as_token();
            }
            let body = format!(
                "{{\"CodeDeliveryDetails\":{{\"AttributeName\":\"email\",\
                 \"DeliveryMedium\":\"EMAIL\",\"Destination\":\"{echo}\"}}}}"
            );
            let out = secrets.scrub(&body);
            assert!(out.contains(REDACTED), "{echo} kept in {out}");
            assert!(
                secrets.may_contain_plain(body.as_bytes()),
                "{echo}: the screen cleared it"
            );
            assert!(
                !out.contains(&echo[echo.len() / 2 - 8..echo.len() / 2 + 8]),
                "{echo}: its middle kept in {out}"
            );
        }
    }

    #[test]
    fn an_innocent_success_needs_no_forms() {
        let secrets = Secrets::new([TOKEN, "123456"]);
        let body = "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\",\
                    \"DeliveryMedium\":\"EMAIL\",\"Destination\":\"a***@e***.com\"}}";
        for text in [
            body,
            "application/x-amz-json-1.1",
            "x-amzn-RequestId",
            "5f1c2e3a-0b4d-4c7e-9a2b-3d4e5f607182",
        ] {
            assert_eq!(secrets.scrub(text), text);
            assert!(!secrets.may_contain_plain(text.as_bytes()), "{text}");
        }
    }

    /// The secrets of a client's call whose token passed the access-token checks: their screen
    /// looks only at runs of token characters long enough to hold a window.
    fn checked_token_secrets(recent: &RecentForms) -> Secrets {
        let secrets = Secrets::with_recent([TOKEN], recent);
        secrets.forms_of(TOKEN).unwrap().mark_checked_as_token();
        secrets
    }

    #[test]
    fn a_checked_token_is_found_in_every_form_and_run() {
        let recent = RecentForms::default();
        let secrets = checked_token_secrets(&recent);
        let signature = TOKEN.rsplit('.').next().unwrap();
        let window = &signature[..SECRET_FRAGMENT_LEN];
        let spaced: String = TOKEN
            .as_bytes()
            .chunks(5)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" \t");
        let base64 = base64::engine::general_purpose::STANDARD.encode(TOKEN);
        let hex: String = TOKEN.bytes().map(|b| format!("{b:02x}")).collect();
        for echo in [
            TOKEN.to_owned(),
            TOKEN.to_ascii_uppercase(),
            format!("{{\"m\":\"{TOKEN}\"}}"),
            format!("{window}:"),
            format!(":{window}"),
            format!("a:b,{window}"),
            spaced,
            base64,
            hex,
        ] {
            let kept = secrets.scrub(&echo);
            assert!(kept.contains(REDACTED), "{echo} -> {kept}");
            assert!(!kept.contains(window), "{echo} -> {kept}");
        }
        let le: Vec<u8> = TOKEN.bytes().flat_map(|b| [b, 0]).collect();
        let mut body = [&b"{\"message\":\""[..], &le[..], &b"\"}"[..]].concat();
        secrets.scrub_bytes(&mut body);
        assert!(!String::from_utf8_lossy(&body)
            .replace('\0', "")
            .contains(window));
    }

    #[test]
    fn a_checked_token_keeps_runs_too_short_for_a_window() {
        let recent = RecentForms::default();
        let secrets = checked_token_secrets(&recent);
        let signature = TOKEN.rsplit('.').next().unwrap();
        let short = &signature[..SECRET_FRAGMENT_LEN - 1];
        for text in [
            format!("{short}:{short}"),
            format!("{{\"a\":\"{short}\",\"b\":\"{short}\"}}"),
            "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\"}}".to_owned(),
        ] {
            assert_eq!(secrets.scrub(&text), text);
        }
    }

    #[test]
    fn clean_header_strings_are_remembered_and_echoes_still_replaced() {
        let recent = RecentForms::default();
        let response = |content_type: &str, name: &str, id: &str| RawResponse {
            status: 200,
            headers: vec![
                ("content-type".to_owned(), content_type.to_owned()),
                (name.to_owned(), id.to_owned()),
            ],
            body: Vec::new(),
        };
        let mut clean = response(
            "application/x-amz-json-1.1",
            "x-amzn-requestid",
            "4f1c9a2b-7d3e-4c55-9a1f-0e2d3c4b5a69",
        );
        checked_token_secrets(&recent).scrub_response(&mut clean);
        let secrets = checked_token_secrets(&recent);
        let remembered = secrets.forms_of(TOKEN).unwrap().clean_headers();
        assert!(remembered.contains("x-amzn-requestid"));
        assert!(remembered.contains("application/x-amz-json-1.1"));
        assert!(!remembered.contains("4f1c9a2b-7d3e-4c55-9a1f-0e2d3c4b5a69"));

        let signature = TOKEN.rsplit('.').next().unwrap();
        let mut hostile = response(
            &format!("application/{signature}"),
            &format!("x-{signature}"),
            signature,
        );
        secrets.scrub_response(&mut hostile);
        for (name, value) in &hostile.headers {
            for text in [name, value] {
                assert!(!text.contains(&signature[..SECRET_FRAGMENT_LEN]), "{text}");
            }
        }
    }

    #[test]
    fn utf16_echoes_are_replaced() {
        let le: Vec<u8> = TOKEN.bytes().flat_map(|b| [b, 0]).collect();
        let be: Vec<u8> = TOKEN.bytes().flat_map(|b| [0, b]).collect();
        for echo in [le, be] {
            let mut body = [&b"{\"message\":\""[..], &echo[..], &b"\"}"[..]].concat();
            Secrets::new([TOKEN]).scrub_bytes(&mut body);
            let kept = String::from_utf8_lossy(&body).replace('\0', "");
            assert!(kept.contains(REDACTED), "{kept}");
            assert!(!kept.contains(&TOKEN[20..40]), "{kept}");
        }
    }

    #[test]
    fn text_shorter_than_a_window_is_kept_as_it_is() {
        let secrets = Secrets::new([TOKEN]);
        assert!(secrets
            .occurrences(&TOKEN.as_bytes()[..SECRET_FRAGMENT_LEN - 1])
            .is_empty());
        assert_eq!(
            secrets
                .occurrences(&TOKEN.as_bytes()[..SECRET_FRAGMENT_LEN])
                .len(),
            1
        );
    }

    #[test]
    fn hostile_input_is_linear() {
        let big = "%5c%75".repeat(200_000);
        let started = std::time::Instant::now();
        assert_eq!(scrubbed(&big), big);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}
