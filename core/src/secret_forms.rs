//! The recognisable forms of one long secret (the access token), prepared once per secret and
//! reused by every call a client makes with it.
//!
//! A secret of at least [`SECRET_FRAGMENT_LEN`] bytes is recognised by any window of that many
//! bytes of one of its forms (itself, its hexadecimal encoding, its Base64 encoding at each
//! alignment), case and Base64 alphabet folded (see [`fold`]). Preparing them costs about a
//! hundred instructions per byte of secret; a client keeps the forms of the last token it sent
//! ([`RecentForms`]), so a caller reusing its token (an access token lives an hour) pays that once.
//!
//! Every window of 16 bytes holds a whole 8-byte block that starts at a multiple of 8, so text
//! that holds a window holds such a block that is an 8-byte piece of some form: looking up each
//! aligned block of the text in a table of those pieces ([`SecretForms::may_hold_window`]) clears
//! innocent text at a few instructions per byte; only text holding a piece pays for the exact
//! match. Everything is zeroized on drop.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use zeroize::{Zeroize, Zeroizing};

use crate::secret::SecretBytes;

/// Shortest run of a secret's characters that is recognized and replaced (secrets shorter than
/// this are recognized whole).
pub const SECRET_FRAGMENT_LEN: usize = 16;

/// Length of the pieces the screen looks up: half a window, so every window holds an aligned one.
pub(crate) const PIECE: usize = SECRET_FRAGMENT_LEN / 2;

/// The forms of one secret of at least [`SECRET_FRAGMENT_LEN`] bytes.
pub(crate) struct SecretForms {
    /// The secret as given: what a cache compares.
    secret: Zeroizing<Vec<u8>>,
    pieces: Pieces,
    /// Every window of every form, packed and sorted, for the exact match: built when some text
    /// first holds a piece (an echo), never for innocent responses.
    windows: OnceLock<Zeroizing<Vec<u128>>>,
    /// The secret passed the access-token checks: a client sending it again skips them.
    checked_as_token: AtomicBool,
}

impl SecretForms {
    /// `None` for a secret shorter than [`SECRET_FRAGMENT_LEN`] (recognized whole, in no encoding).
    pub(crate) fn new(secret: &[u8]) -> Option<Self> {
        if secret.len() < SECRET_FRAGMENT_LEN {
            return None;
        }
        let forms = encoded_forms(secret);
        let count = forms.iter().map(|form| form.len()).sum();
        let mut pieces = Pieces::with_room_for(count);
        for form in forms
            .iter()
            .filter(|form| form.len() >= SECRET_FRAGMENT_LEN)
        {
            for window in form.windows(PIECE) {
                pieces.insert(piece(window));
            }
        }
        Some(Self {
            secret: Zeroizing::new(secret.to_vec()),
            pieces,
            windows: OnceLock::new(),
            checked_as_token: AtomicBool::new(false),
        })
    }

    /// Whether the secret passed the access-token checks before.
    pub(crate) fn checked_as_token(&self) -> bool {
        self.checked_as_token.load(Ordering::Relaxed)
    }

    /// Records that the secret passed the access-token checks (they depend on its bytes only).
    pub(crate) fn mark_checked_as_token(&self) {
        self.checked_as_token.store(true, Ordering::Relaxed);
    }

    pub(crate) fn secret(&self) -> &[u8] {
        &self.secret
    }

    /// `false` when the folded `text` certainly holds no window of any form.
    pub(crate) fn may_hold_window(&self, folded: &[u8]) -> bool {
        folded.len() >= SECRET_FRAGMENT_LEN
            && folded
                .chunks_exact(PIECE)
                .any(|block| self.pieces.contains(piece(block)))
    }

    /// Whether the folded 8-byte `block` (first byte lowest) is a piece of some form.
    pub(crate) fn has_piece(&self, block: u64) -> bool {
        self.pieces.contains(block)
    }

    /// Whether the folded window (packed with [`pack`]) is a window of some form.
    pub(crate) fn has_window(&self, packed: u128) -> bool {
        self.windows
            .get_or_init(|| {
                let mut windows = Zeroizing::new(Vec::new());
                for form in &encoded_forms(&self.secret) {
                    if form.len() >= SECRET_FRAGMENT_LEN {
                        windows.extend(form.windows(SECRET_FRAGMENT_LEN).map(pack));
                    }
                }
                windows.sort_unstable();
                windows.dedup();
                windows
            })
            .binary_search(&packed)
            .is_ok()
    }
}

/// A set of 8-byte pieces: open addressing, linear probing, in one allocation wiped on drop.
struct Pieces {
    slots: Vec<u64>,
    shift: u32,
    /// Whether the piece 0 (the empty-slot mark) is in the set.
    has_zero: bool,
}

impl Drop for Pieces {
    fn drop(&mut self) {
        // As a slice: zeroize's bulk fill (its `Vec` impl wipes element by element).
        self.slots.as_mut_slice().zeroize();
    }
}

impl Pieces {
    /// An empty set for up to `count` pieces, at most half full: a miss, the common case, ends
    /// after a probe or two (two-thirds full made a response's screening 12 % dearer).
    fn with_room_for(count: usize) -> Self {
        let capacity = (count * 2).next_power_of_two().max(16);
        Self {
            slots: vec![0; capacity],
            shift: 64 - capacity.trailing_zeros(),
            has_zero: false,
        }
    }

    #[cfg(test)]
    fn new(pieces: &[u64]) -> Self {
        let mut set = Self::with_room_for(pieces.len());
        for &piece in pieces {
            set.insert(piece);
        }
        set
    }

    fn slot(&self, piece: u64) -> usize {
        // Fibonacci hashing: the top bits of the product mix every byte of the piece.
        usize::try_from(piece.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift).unwrap_or(0)
    }

    fn insert(&mut self, piece: u64) {
        if piece == 0 {
            self.has_zero = true;
            return;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.slot(piece);
        while self.slots[at] != 0 && self.slots[at] != piece {
            at = (at + 1) & mask;
        }
        self.slots[at] = piece;
    }

    fn contains(&self, piece: u64) -> bool {
        if piece == 0 {
            return self.has_zero;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.slot(piece);
        loop {
            match self.slots[at] {
                0 => return false,
                slot if slot == piece => return true,
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// What a client remembers: the forms of the last long secret it was asked to recognise. Never
/// waits: a lock another thread holds (or held when this process was forked) means building
/// the forms for this call only.
#[derive(Default)]
pub(crate) struct RecentForms {
    last: Mutex<Option<Arc<SecretForms>>>,
}

impl RecentForms {
    /// The forms of `secret` (a long one), remembered or built.
    pub(crate) fn get(&self, secret: &[u8]) -> Option<Arc<SecretForms>> {
        if let Ok(last) = self.last.try_lock() {
            if let Some(forms) = last.as_ref().filter(|f| f.secret() == secret) {
                return Some(Arc::clone(forms));
            }
        }
        let forms = Arc::new(SecretForms::new(secret)?);
        if let Ok(mut last) = self.last.try_lock() {
            *last = Some(Arc::clone(&forms));
        }
        Some(forms)
    }
}

/// The secret itself, its hexadecimal encoding, and the part of its Base64 encoding that does
/// not depend on the surrounding bytes, for each of the three alignments; folded.
fn encoded_forms(secret: &[u8]) -> Vec<SecretBytes> {
    let mut plain = SecretBytes::with_capacity(secret.len());
    plain.extend_from_slice(secret);
    let mut forms = vec![plain];
    let mut hex = SecretBytes::with_capacity(secret.len() * 2);
    for byte in secret {
        hex.extend_from_slice(&[
            HEX_DIGITS[usize::from(byte >> 4)],
            HEX_DIGITS[usize::from(byte & 15)],
        ]);
    }
    forms.push(hex);
    // One copy of the secret behind two zero bytes: its last `alignment + len` bytes are the
    // secret preceded by `alignment` other bytes.
    let mut shifted = SecretBytes::with_capacity(secret.len() + 2);
    shifted.extend_from_slice(&[0, 0]);
    shifted.extend_from_slice(secret);
    for alignment in 0..3usize {
        let input = &shifted[2 - alignment..];
        let encoded_len = input.len().div_ceil(3) * 4;
        let mut encoded = SecretBytes::with_capacity(encoded_len);
        encoded.resize(encoded_len, 0);
        let written = STANDARD_NO_PAD
            .encode_slice(input, &mut encoded[..])
            .unwrap_or(0);
        encoded.truncate(written);
        // The first group mixes in the bytes before the secret, the last one those after it.
        let start = if alignment == 0 { 0 } else { 4 };
        let end = encoded.len().saturating_sub(4);
        if end > start {
            // In place: the bytes moved or cut off stay in the capacity that drop wipes.
            encoded.truncate(end);
            encoded.drain(..start);
            forms.push(encoded);
        }
    }
    for form in &mut forms {
        form.iter_mut().for_each(|byte| *byte = fold(*byte));
    }
    forms
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Case, and the two Base64 alphabets, do not matter.
pub(crate) const fn fold(byte: u8) -> u8 {
    match byte {
        b'+' => b'-',
        b'/' => b'_',
        _ => byte.to_ascii_lowercase(),
    }
}

/// A window of up to 16 bytes as one number, first byte highest.
pub(crate) fn pack(window: &[u8]) -> u128 {
    window
        .iter()
        .fold(0u128, |packed, &byte| (packed << 8) | u128::from(byte))
}

/// An 8-byte piece as one number, first byte lowest (one unaligned load).
fn piece(block: &[u8]) -> u64 {
    let mut bytes = [0u8; PIECE];
    bytes.copy_from_slice(&block[..PIECE]);
    u64::from_le_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &[u8] =
        b"eyJraWQiOiJrMSJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJlLWJ5dGVzLXNlY3JldA";

    #[test]
    fn every_aligned_block_of_a_window_is_a_piece() {
        let forms = SecretForms::new(TOKEN).unwrap();
        let folded: Vec<u8> = TOKEN.iter().map(|&b| fold(b)).collect();
        for start in 0..folded.len() - SECRET_FRAGMENT_LEN {
            let text = [b"{\"m\":\"".as_slice(), &folded[start..start + 16], b"\"}"].concat();
            for shift in 0..PIECE {
                let shifted = [&b"xxxxxxx"[..shift], &text[..]].concat();
                assert!(forms.may_hold_window(&shifted));
            }
        }
        assert!(!forms.may_hold_window(b"{\"codedeliverydetails\":{\"attributename\":\"email\"}}"));
        assert!(!forms.may_hold_window(b"application/x-amz-json-1.1"));
    }

    #[test]
    fn a_client_reuses_the_forms_of_its_last_secret() {
        let recent = RecentForms::default();
        let first = recent.get(TOKEN).unwrap();
        assert!(Arc::ptr_eq(&first, &recent.get(TOKEN).unwrap()));
        let other = recent.get(&TOKEN[1..]).unwrap();
        assert!(!Arc::ptr_eq(&first, &other));
        assert!(recent.get(b"123456").is_none());
    }

    #[test]
    fn pieces_hold_what_was_inserted_and_the_zero_piece() {
        let set = Pieces::new(&[1, 2, 3, 0]);
        assert!([0, 1, 2, 3].iter().all(|&p| set.contains(p)));
        assert!(!set.contains(4));
        assert!(!Pieces::new(&[1]).contains(0));
    }
}
