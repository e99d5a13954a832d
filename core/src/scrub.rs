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
use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use zeroize::{Zeroize, Zeroizing};

use crate::error::Error;
use crate::operation::{DeliveryMedium, GetAttrCodeOutput, VerifyAttrOutput};
use crate::protocol::RawResponse;

/// What every recognized occurrence of a secret is replaced with.
pub const REDACTED: &str = "***";

/// Shortest run of a secret's characters that is recognized and replaced (secrets shorter than
/// this are recognized whole).
pub const SECRET_FRAGMENT_LEN: usize = 16;

/// Nested encodings decoded at most this deep: enough for an escape inside an escape inside a
/// percent-encoding, and a bound on the work a hostile response can cause.
const MAX_DECODING_ROUNDS: usize = 4;

/// The secrets of one call, ready to be recognized in response data.
///
/// Creating it only copies the secrets: the work of recognizing them is done when some scrubbed
/// text needs it, and grows with that text, not with the secrets. A cheap screen (see
/// [`Screen`]) proves most text free of every form; only text it cannot clear builds the
/// encoded forms (about seven times the secret's size) and matches them exactly. Everything is
/// zeroized on drop; `Debug` does not print it.
pub struct Secrets {
    secrets: Vec<Zeroizing<Vec<u8>>>,
    /// Length of the shortest window any form is matched by.
    shortest_window: usize,
    /// The secrets shorter than [`SECRET_FRAGMENT_LEN`], folded: recognized whole and in no
    /// encoding, so looked for directly.
    short: Vec<Zeroizing<Vec<u8>>>,
    /// Whether some secret is long enough to be recognized in fragments and encodings.
    has_long: bool,
    screen: OnceLock<Screen>,
    /// One entry per window length, each a sorted list of packed windows; built on first need.
    windows: OnceLock<Vec<Windows>>,
}

struct Windows {
    len: usize,
    packed: Zeroizing<Vec<u128>>,
}

/// Which pairs of consecutive bytes occur in some secret of at least [`SECRET_FRAGMENT_LEN`]
/// bytes, folded (see [`fold`]): a necessary condition for each of its forms, checked without
/// building them.
/// - The secret itself: every window of it is a run of bytes whose adjacent pairs all occur.
/// - Base64: every window holds three consecutive complete 4-character groups, each the encoding
///   of three consecutive bytes of the secret; a group is decoded under every case it may have
///   had before folding, and some decoding must consist of occurring pairs.
/// - Hex: every window is a run of [`SECRET_FRAGMENT_LEN`] hex digits; rare enough in innocent
///   text that it goes straight to the exact match.
struct Screen {
    pairs: Zeroizing<Vec<u64>>,
}

impl Screen {
    fn new(secrets: &[Zeroizing<Vec<u8>>]) -> Self {
        let mut pairs = Zeroizing::new(vec![0u64; (1 << 16) / 64]);
        for secret in secrets.iter().filter(|s| s.len() >= SECRET_FRAGMENT_LEN) {
            let mut previous = None;
            for &byte in secret.iter() {
                let byte = fold(byte);
                if let Some(first) = previous {
                    let bit = pair_bit(first, byte);
                    pairs[bit / 64] |= 1 << (bit % 64);
                }
                previous = Some(byte);
            }
        }
        Self { pairs }
    }

    /// Whether the folded pair `first`, `second` occurs in some secret.
    fn has_pair(&self, first: u8, second: u8) -> bool {
        let bit = pair_bit(fold(first), fold(second));
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// A run of [`SECRET_FRAGMENT_LEN`] folded bytes whose adjacent pairs all occur.
    fn may_hold_plain(&self, folded: &[u8]) -> bool {
        let mut run = 0;
        for pair in folded.windows(2) {
            run = if self.has_pair(pair[0], pair[1]) {
                run + 1
            } else {
                0
            };
            if run + 1 >= SECRET_FRAGMENT_LEN {
                return true;
            }
        }
        false
    }

    /// Three consecutive 4-character groups at some offset that may each encode three bytes of
    /// a secret.
    fn may_hold_base64(&self, folded: &[u8]) -> bool {
        (0..4).any(|phase| {
            let mut run = 0;
            for group in folded.get(phase..).unwrap_or_default().chunks_exact(4) {
                run = if self.may_encode_secret_bytes(group) {
                    run + 1
                } else {
                    0
                };
                if run >= 3 {
                    return true;
                }
            }
            false
        })
    }

    /// Whether some case of the folded Base64 `group` decodes to three bytes whose pairs occur.
    /// Cases are tried first for the first pair, so most groups are cleared after a few looks.
    fn may_encode_secret_bytes(&self, group: &[u8]) -> bool {
        let [Some(first), Some(second), Some(third), Some(fourth)] =
            [0, 1, 2, 3].map(|k| base64_values(group[k]))
        else {
            return false;
        };
        for &a in first.as_slice() {
            for &b in second.as_slice() {
                let byte0 = a << 2 | b >> 4;
                for &c in third.as_slice() {
                    let byte1 = (b & 15) << 4 | c >> 2;
                    if !self.has_pair(byte0, byte1) {
                        continue;
                    }
                    if fourth
                        .as_slice()
                        .iter()
                        .any(|&d| self.has_pair(byte1, (c & 3) << 6 | d))
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    fn may_hold_hex(folded: &[u8]) -> bool {
        let mut run = 0;
        for &byte in folded {
            run = if byte.is_ascii_hexdigit() { run + 1 } else { 0 };
            if run >= SECRET_FRAGMENT_LEN {
                return true;
            }
        }
        false
    }
}

/// The values a folded Base64 character may have had: both cases of a letter, either alphabet.
fn base64_values(folded: u8) -> Option<Base64Values> {
    let (values, len) = match folded {
        b'a'..=b'z' => ([folded - b'a' + 26, folded - b'a'], 2),
        b'0'..=b'9' => ([folded - b'0' + 52, 0], 1),
        b'-' => ([62, 0], 1),
        b'_' => ([63, 0], 1),
        _ => return None,
    };
    Some(Base64Values { values, len })
}

#[derive(Clone, Copy)]
struct Base64Values {
    values: [u8; 2],
    len: usize,
}

impl Base64Values {
    fn as_slice(&self) -> &[u8] {
        &self.values[..self.len]
    }
}

fn pair_bit(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

impl Secrets {
    /// The secrets to recognize; empty strings are ignored.
    pub fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> Self {
        let secrets: Vec<Zeroizing<Vec<u8>>> = secrets
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(|s| Zeroizing::new(s.as_bytes().to_vec()))
            .collect();
        let shortest_window = secrets
            .iter()
            .map(|s| s.len().min(SECRET_FRAGMENT_LEN))
            .min()
            .unwrap_or(0);
        let short = secrets
            .iter()
            .filter(|s| s.len() < SECRET_FRAGMENT_LEN)
            .map(|s| Zeroizing::new(s.iter().map(|&byte| fold(byte)).collect()))
            .collect();
        let has_long = secrets.iter().any(|s| s.len() >= SECRET_FRAGMENT_LEN);
        Self {
            secrets,
            shortest_window,
            short,
            has_long,
            screen: OnceLock::new(),
            windows: OnceLock::new(),
        }
    }

    /// No secrets at all: nothing is ever replaced.
    pub fn is_empty(&self) -> bool {
        self.secrets.is_empty()
    }

    fn windows(&self) -> &[Windows] {
        self.windows.get_or_init(|| {
            let mut windows: Vec<Windows> = Vec::new();
            for (len, form) in self.secrets.iter().flat_map(|secret| forms(secret)) {
                let slot = match windows.iter().position(|w| w.len == len) {
                    Some(at) => at,
                    None => {
                        windows.push(Windows {
                            len,
                            packed: Zeroizing::new(Vec::new()),
                        });
                        windows.len() - 1
                    }
                };
                windows[slot].packed.extend(form.windows(len).map(pack));
            }
            for set in &mut windows {
                set.packed.sort_unstable();
                set.packed.dedup();
            }
            windows
        })
    }

    /// `false` when the folded `bytes` certainly hold no window of any form (see [`Screen`]).
    fn may_contain(&self, folded: &[u8]) -> bool {
        if folded.len() < self.shortest_window {
            return false;
        }
        if self
            .short
            .iter()
            .any(|secret| folded.windows(secret.len()).any(|w| w == &secret[..]))
        {
            return true;
        }
        if !self.has_long {
            return false;
        }
        let screen = self.screen.get_or_init(|| Screen::new(&self.secrets));
        screen.may_hold_plain(folded)
            || Screen::may_hold_hex(folded)
            || screen.may_hold_base64(folded)
    }

    /// `text` with every recognized occurrence replaced by [`REDACTED`].
    pub fn scrub(&self, text: &str) -> String {
        let mut owned = text.to_owned();
        self.scrub_in_place(&mut owned);
        owned
    }

    /// Replaces every recognized occurrence in `text`; the old contents are zeroized.
    pub fn scrub_in_place(&self, text: &mut String) {
        let ranges = self.occurrences(text.as_bytes());
        if ranges.is_empty() {
            return;
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
    pub fn scrub_error(&self, error: Error) -> Error {
        if self.is_empty() {
            return error;
        }
        error.map_strings(|text| self.scrub_in_place(text))
    }

    /// Every string of a success: the delivery details, request id and headers.
    pub fn scrub_output(&self, mut output: GetAttrCodeOutput) -> GetAttrCodeOutput {
        if let Some(details) = &mut output.code_delivery_details {
            for text in [&mut details.destination, &mut details.attribute_name]
                .into_iter()
                .flatten()
            {
                self.scrub_in_place(text);
            }
            if let Some(DeliveryMedium::Other(medium)) = &mut details.delivery_medium {
                self.scrub_in_place(medium);
            }
        }
        if let Some(id) = &mut output.request_id {
            self.scrub_in_place(id);
        }
        self.scrub_headers(&mut output.http_headers);
        output
    }

    /// Every string of a `VerifyUserAttribute` success: the request id and headers.
    pub fn scrub_verify_output(&self, mut output: VerifyAttrOutput) -> VerifyAttrOutput {
        if let Some(id) = &mut output.request_id {
            self.scrub_in_place(id);
        }
        self.scrub_headers(&mut output.http_headers);
        output
    }

    /// Header names and values, and the body, as received.
    pub(crate) fn scrub_response(&self, response: &mut RawResponse) {
        self.scrub_headers(&mut response.headers);
        self.scrub_bytes(&mut response.body);
    }

    fn scrub_headers(&self, headers: &mut [(String, String)]) {
        for (name, value) in headers {
            self.scrub_in_place(name);
            self.scrub_in_place(value);
        }
    }

    /// Sorted, disjoint byte ranges of `text` that carry a secret, in any recognized form.
    fn occurrences(&self, text: &[u8]) -> Vec<(usize, usize)> {
        if self.is_empty() || text.is_empty() {
            return Vec::new();
        }
        // Without a byte that starts an escape or a non-ASCII character, decoding only folds
        // and drops whitespace: when even that text holds no window, the rounds below find
        // nothing, and their views (two allocations per byte of text) are skipped.
        if !text.iter().any(|&byte| starts_encoding(byte)) {
            let folded: Zeroizing<Vec<u8>> = Zeroizing::new(
                text.iter()
                    .filter(|byte| !byte.is_ascii_whitespace())
                    .map(|&byte| fold(byte))
                    .collect(),
            );
            if !self.may_contain(&folded) {
                return Vec::new();
            }
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
        for set in self.windows() {
            let mask = if set.len >= 16 {
                u128::MAX
            } else {
                (1u128 << (8 * set.len)) - 1
            };
            let mut rolling: u128 = 0;
            for (i, &byte) in view.bytes.iter().enumerate() {
                rolling = ((rolling << 8) | u128::from(byte)) & mask;
                if i + 1 >= set.len && set.packed.binary_search(&rolling).is_ok() {
                    let first = i + 1 - set.len;
                    found.push((view.spans[first].0 as usize, view.spans[i].1 as usize));
                }
            }
            rolling.zeroize();
        }
    }
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secrets(***)")
    }
}

/// Every form of `secret`, folded, with the window length it is matched by.
fn forms(secret: &[u8]) -> Vec<(usize, Zeroizing<Vec<u8>>)> {
    let len = secret.len().min(SECRET_FRAGMENT_LEN);
    let encoded = if secret.len() >= SECRET_FRAGMENT_LEN {
        encoded_forms(secret)
    } else {
        // The encodings of a short secret are too short to be told from chance.
        vec![Zeroizing::new(secret.to_vec())]
    };
    encoded
        .into_iter()
        .map(|mut form| {
            form.iter_mut().for_each(|byte| *byte = fold(*byte));
            (len, form)
        })
        .collect()
}

/// The secret itself, its hexadecimal encoding, and the part of its Base64 encoding that does
/// not depend on the surrounding bytes, for each of the three alignments.
fn encoded_forms(secret: &[u8]) -> Vec<Zeroizing<Vec<u8>>> {
    let mut forms = vec![Zeroizing::new(secret.to_vec())];
    let mut hex = Zeroizing::new(Vec::with_capacity(secret.len() * 2));
    for byte in secret {
        hex.extend_from_slice(&[
            HEX_DIGITS[usize::from(byte >> 4)],
            HEX_DIGITS[usize::from(byte & 15)],
        ]);
    }
    forms.push(hex);
    // One copy of the secret behind two zero bytes: its last `alignment + len` bytes are the
    // secret preceded by `alignment` other bytes.
    let mut shifted = Zeroizing::new(Vec::with_capacity(secret.len() + 2));
    shifted.extend_from_slice(&[0, 0]);
    shifted.extend_from_slice(secret);
    for alignment in 0..3usize {
        let mut encoded = Zeroizing::new(
            STANDARD_NO_PAD
                .encode(&shifted[2 - alignment..])
                .into_bytes(),
        );
        // The first group mixes in the bytes before the secret, the last one those after it.
        let start = if alignment == 0 { 0 } else { 4 };
        let end = encoded.len().saturating_sub(4);
        if end > start {
            // In place: the bytes moved or cut off stay in the capacity that drop zeroizes.
            encoded.truncate(end);
            encoded.drain(..start);
            forms.push(encoded);
        }
    }
    forms
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Case, and the two Base64 alphabets, do not matter.
fn fold(byte: u8) -> u8 {
    match byte {
        b'+' => b'-',
        b'/' => b'_',
        _ => byte.to_ascii_lowercase(),
    }
}

fn pack(window: &[u8]) -> u128 {
    window
        .iter()
        .fold(0u128, |packed, &byte| (packed << 8) | u128::from(byte))
}

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
fn starts_encoding(byte: u8) -> bool {
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
    if input[0].is_ascii_whitespace() {
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
        assert!(secrets.windows.get().is_none(), "the screen let it through");
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
        for echo in echoes {
            let secrets = Secrets::new([TOKEN]);
            let body = format!(
                "{{\"CodeDeliveryDetails\":{{\"AttributeName\":\"email\",\
                 \"DeliveryMedium\":\"EMAIL\",\"Destination\":\"{echo}\"}}}}"
            );
            let out = secrets.scrub(&body);
            assert!(out.contains(REDACTED), "{echo} kept in {out}");
            assert!(secrets.windows.get().is_some(), "{echo}: forms never built");
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
        }
        assert!(secrets.windows.get().is_none(), "the screen let it through");
    }

    #[test]
    fn hostile_input_is_linear() {
        let big = "%5c%75".repeat(200_000);
        let started = std::time::Instant::now();
        assert_eq!(scrubbed(&big), big);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}
