//! The recognisable forms of one long secret (the access token), prepared once per secret and
//! reused by every call a client makes with it.
//!
//! A secret of at least [`SECRET_FRAGMENT_LEN`] bytes is recognised by any window of that many
//! bytes of one of its forms (itself, its hexadecimal encoding, its Base64 encoding at each
//! alignment), case and Base64 alphabet folded (see [`fold`]). A client keeps the forms of the
//! last token it sent ([`RecentForms`]); a server calling for many users sends a new token nearly
//! every call, so preparing a token's forms must be cheap too.
//!
//! Preparing them writes no form out: the pieces of [`PIECE`] bytes at every [`SAMPLE`]-th offset
//! of each form are computed from the secret's bytes (about 780 for a 1,231-byte token) into a
//! small table of fingerprints, which the client's next token reuses. Any [`SAMPLE`] consecutive
//! offsets hold a multiple of [`SAMPLE`], so every window of a form holds a whole sampled piece:
//! looking up the [`PIECE`] bytes ending at each byte of the text
//! ([`SecretForms::may_hold_window`]) clears innocent text at a few instructions per byte; only
//! text holding a piece pays for the exact match, whose table of every window is built then.
//! Everything is zeroized on drop.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use zeroize::{Zeroize, Zeroizing};

use crate::secrecy::clean_headers::CleanHeaders;
use crate::secrecy::secret::SecretBytes;

/// Shortest run of a secret's characters that is recognized and replaced (secrets shorter than
/// this are recognized whole).
pub const SECRET_FRAGMENT_LEN: usize = 16;

/// Length of the pieces the screen looks up (6 folded characters: text matches one of a token's
/// pieces by chance about once in a million responses).
pub(crate) const PIECE: usize = 6;

/// Pieces are taken every `SAMPLE` bytes of each form: any 11 consecutive offsets hold a
/// multiple of 11, so every window (16 bytes) of a form holds a whole sampled piece. Preparing a
/// new token's pieces costs an eleventh of taking every one; text is screened at every offset.
const SAMPLE: usize = SECRET_FRAGMENT_LEN - PIECE + 1;

/// The forms of one secret of at least [`SECRET_FRAGMENT_LEN`] bytes.
pub(crate) struct SecretForms {
    /// The secret as given: what a cache compares.
    secret: SecretBytes,
    pieces: Pieces,
    /// Every window of every form, packed and sorted, for the exact match: built when some text
    /// first holds a piece (an echo), never for innocent responses.
    windows: OnceLock<Zeroizing<Vec<u128>>>,
    /// The secret passed the access-token checks: a client sending it again skips them.
    checked_as_token: AtomicBool,
    clean_headers: CleanHeaders,
}

impl SecretForms {
    /// `None` for a secret shorter than [`SECRET_FRAGMENT_LEN`] (recognized whole, in no encoding).
    pub(crate) fn new(secret: &[u8]) -> Option<Self> {
        Self::with_spare_table(secret, None)
    }

    /// As [`SecretForms::new`], wiping and reusing `spare` (another secret's table) when it has
    /// the room: a client meeting a new token of the usual length allocates nothing for it.
    fn with_spare_table(secret: &[u8], spare: Option<Pieces>) -> Option<Self> {
        if secret.len() < SECRET_FRAGMENT_LEN {
            return None;
        }
        let pieces = sampled_pieces(secret, spare);
        let mut copy = SecretBytes::with_capacity(secret.len());
        copy.extend_from_slice(secret);
        Some(Self {
            secret: copy,
            pieces,
            windows: OnceLock::new(),
            checked_as_token: AtomicBool::new(false),
            clean_headers: CleanHeaders::default(),
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

    /// The response header strings found clean for this secret.
    pub(crate) fn clean_headers(&self) -> &CleanHeaders {
        &self.clean_headers
    }

    pub(crate) fn secret(&self) -> &[u8] {
        &self.secret
    }

    /// The table of pieces, to be wiped and reused; the rest is wiped now.
    fn into_table(self) -> Pieces {
        self.pieces
    }

    /// `false` when the folded `text` certainly holds no window of any form.
    pub(crate) fn may_hold_window(&self, folded: &[u8]) -> bool {
        folded.len() >= SECRET_FRAGMENT_LEN
            && folded
                .windows(PIECE)
                .any(|block| self.pieces.contains(piece(block)))
    }

    /// Whether the folded `block` of [`PIECE`] bytes (first byte lowest) is a sampled piece of
    /// some form: text holds a window only if one of its blocks, at any offset, is.
    #[inline]
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

/// A set of pieces, kept as 32-bit fingerprints (two pieces sharing one make a false
/// "may hold", which the exact match settles): open addressing, linear probing, in one allocation
/// wiped on drop. A token's sampled pieces fit in 8 KB.
struct Pieces {
    slots: Vec<u32>,
    shift: u32,
    /// One bit per value of a piece's hash's top [`SCREEN_BITS`] bits: a clear bit settles a
    /// miss, the common case, in a load and a bit test (a fixed size, so the index needs no
    /// bounds check); a set bit (a piece's, or another's sharing its bit)
    /// goes on to `slots`.
    screen: Box<[u64; SCREEN_WORDS]>,
}

/// The screen's index width: 2^14 bits (2 KB, once per secret: about 1 in 20 other pieces
/// passes for a 1,231-byte token's 780).
const SCREEN_BITS: u32 = 14;
const SCREEN_WORDS: usize = (1 << SCREEN_BITS) / 64;

impl Drop for Pieces {
    fn drop(&mut self) {
        // As slices: zeroize's bulk fill (its `Vec` impl wipes element by element).
        self.slots.as_mut_slice().zeroize();
        self.screen.as_mut_slice().zeroize();
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
            screen: Box::new([0; SCREEN_WORDS]),
        }
    }

    /// `spare` wiped, if it has the room `with_room_for(count)` would make; else a new table.
    fn reuse_or_new(spare: Option<Pieces>, count: usize) -> Self {
        let capacity = (count * 2).next_power_of_two().max(16);
        match spare {
            Some(mut table) if table.slots.len() == capacity => {
                table.slots.as_mut_slice().zeroize();
                table.screen.as_mut_slice().zeroize();
                table
            }
            _ => Self::with_room_for(count),
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

    /// Fibonacci hashing: the top bits of the product mix every byte of the piece.
    #[inline(always)]
    fn hash(piece: u64) -> u64 {
        piece.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The hash's bit of the screen: its word and the bit's mask in it.
    #[inline(always)]
    fn screen_bit(hash: u64) -> (usize, u64) {
        let bit = hash >> (64 - SCREEN_BITS);
        (usize::try_from(bit >> 6).unwrap_or(0), 1 << (bit & 63))
    }

    /// The hash's first slot, and its fingerprint (never 0, the empty-slot mark): the 32 bits
    /// below the ones that pick the slot.
    #[inline]
    fn place(&self, hash: u64) -> (usize, u32) {
        let slot = usize::try_from(hash >> self.shift).unwrap_or(0);
        #[allow(clippy::cast_possible_truncation)] // the low 32 bits, on purpose
        let fingerprint = (hash >> (self.shift - 32)) as u32 | 1;
        (slot, fingerprint)
    }

    #[inline]
    fn insert(&mut self, piece: u64) {
        let hash = Self::hash(piece);
        let (word, bit) = Self::screen_bit(hash);
        self.screen[word] |= bit;
        let (mut at, fingerprint) = self.place(hash);
        let mask = self.slots.len() - 1;
        while self.slots[at] != 0 && self.slots[at] != fingerprint {
            at = (at + 1) & mask;
        }
        self.slots[at] = fingerprint;
    }

    #[inline(always)]
    fn contains(&self, piece: u64) -> bool {
        let hash = Self::hash(piece);
        let (word, bit) = Self::screen_bit(hash);
        if self.screen[word] & bit == 0 {
            return false;
        }
        self.probe(hash)
    }

    /// The slower half of [`Pieces::contains`], for a hash whose screen bit is set.
    #[inline(never)]
    fn probe(&self, hash: u64) -> bool {
        let (mut at, fingerprint) = self.place(hash);
        let mask = self.slots.len() - 1;
        loop {
            match self.slots[at] {
                0 => return false,
                slot if slot == fingerprint => return true,
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// The sampled pieces of every form of `secret` (at least [`SECRET_FRAGMENT_LEN`] bytes long),
/// folded: the pieces at the multiples of [`SAMPLE`] of the forms [`encoded_forms`] makes,
/// computed straight from the secret's bytes, no form being written out.
fn sampled_pieces(secret: &[u8], spare: Option<Pieces>) -> Pieces {
    let len = secret.len();
    // Form lengths: the secret, its hexadecimal encoding, and the Base64 forms (encoded length
    // without padding, less the first group for alignments 1 and 2, less the last 4 characters).
    let base64_forms: [(usize, usize); 3] = std::array::from_fn(|alignment| {
        let encoded = ((alignment + len) * 4).div_ceil(3);
        let start = if alignment == 0 { 0 } else { 4 };
        (start, encoded.saturating_sub(4).saturating_sub(start))
    });
    let count =
        (len + 2 * len + base64_forms.iter().map(|form| form.1).sum::<usize>()) / SAMPLE + 5;
    let mut pieces = Pieces::reuse_or_new(spare, count);
    // The sampled offsets of a form of `form_len` bytes (none when it is shorter than a window).
    let offsets = |form_len: usize| {
        let end = if form_len >= SECRET_FRAGMENT_LEN {
            form_len - PIECE + 1
        } else {
            0
        };
        (0..end.div_ceil(SAMPLE)).map(|index| index * SAMPLE)
    };
    // Stack copies of the secret's bytes are wiped once, at the end.
    let mut block = [0u8; PIECE];
    for at in offsets(len) {
        for (folded, &byte) in block.iter_mut().zip(&secret[at..at + PIECE]) {
            *folded = FOLD[usize::from(byte)];
        }
        pieces.insert(piece(&block));
    }
    // Hexadecimal: the characters at `at` are those of the bytes from `at / 2` (4 bytes' worth,
    // 8 characters, hold the 6 from `at`).
    let mut wide = 0u64;
    for at in offsets(2 * len) {
        wide = 0;
        for (index, &byte) in secret[at / 2..].iter().take(4).enumerate() {
            wide |= u64::from(HEX_PAIRS[usize::from(byte)]) << (16 * index);
        }
        pieces.insert((wide >> (8 * (at % 2))) & PIECE_MASK);
    }
    // Base64: the input is the secret behind `alignment` zero bytes; character `c` of its
    // encoding holds bits 6c to 6c + 5, so a piece's characters come from the 8 bytes from
    // 6c / 8, two characters (12 bits) at a time.
    let mut word = [0u8; 8];
    let mut bits = 0u64;
    let mut encoded = 0u64;
    for (alignment, &(start, form_len)) in base64_forms.iter().enumerate() {
        for at in offsets(form_len) {
            let bit = 6 * (start + at);
            // Input byte `i` is the secret's byte `i - alignment` (0 outside the secret).
            match (bit / 8).checked_sub(alignment) {
                Some(first) if first + 8 <= len => {
                    word.copy_from_slice(&secret[first..first + 8]);
                }
                _ => {
                    for (index, byte) in word.iter_mut().enumerate() {
                        *byte = (bit / 8 + index)
                            .checked_sub(alignment)
                            .and_then(|at| secret.get(at))
                            .copied()
                            .unwrap_or(0);
                    }
                }
            }
            bits = u64::from_be_bytes(word) << (bit % 8);
            encoded = 0;
            for pair in 0..PIECE / 2 {
                let index = usize::try_from(bits >> 52).unwrap_or(0);
                encoded |= u64::from(BASE64_PAIRS[index]) << (16 * pair);
                bits <<= 12;
            }
            pieces.insert(encoded);
        }
    }
    block.zeroize();
    word.zeroize();
    wide.zeroize();
    bits.zeroize();
    encoded.zeroize();
    pieces
}

/// Each byte's two hexadecimal digits, the first in the low byte.
const HEX_PAIRS: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut at = 0;
    while at < 256 {
        table[at] = HEX_DIGITS[at >> 4] as u16 | (HEX_DIGITS[at & 15] as u16) << 8;
        at += 1;
    }
    table
};

/// Two characters of the standard Base64 alphabet, folded, for each 12 bits (the first
/// character, from the high 6 bits, in the low byte).
const BASE64_PAIRS: [u16; 4096] = {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut table = [0u16; 4096];
    let mut at = 0;
    while at < 4096 {
        table[at] = fold(alphabet[at >> 6]) as u16 | (fold(alphabet[at & 63]) as u16) << 8;
        at += 1;
    }
    table
};

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
        let mut spare = None;
        if let Ok(mut last) = self.last.try_lock() {
            if let Some(forms) = last.as_ref().filter(|f| f.secret() == secret) {
                return Some(Arc::clone(forms));
            }
            // The last forms, when no call holds them any more, give their table to the new
            // ones (wiped): replacing them drops them anyway.
            if secret.len() >= SECRET_FRAGMENT_LEN {
                spare = last
                    .take()
                    .and_then(|old| Arc::try_unwrap(old).ok())
                    .map(SecretForms::into_table);
            }
        }
        let forms = Arc::new(SecretForms::with_spare_table(secret, spare)?);
        if let Ok(mut last) = self.last.try_lock() {
            *last = Some(Arc::clone(&forms));
        }
        Some(forms)
    }
}

/// The secret itself, its hexadecimal encoding, and the part of its Base64 encoding that does
/// not depend on the surrounding bytes, for each of the three alignments; folded.
fn encoded_forms(secret: &[u8]) -> Vec<SecretBytes> {
    let mut forms = unfolded_forms(secret);
    for form in &mut forms {
        form.iter_mut()
            .for_each(|byte| *byte = FOLD[usize::from(*byte)]);
    }
    forms
}

/// [`encoded_forms`], not folded.
fn unfolded_forms(secret: &[u8]) -> Vec<SecretBytes> {
    let mut plain = SecretBytes::with_capacity(secret.len());
    plain.extend_from_slice(secret);
    let mut forms = Vec::with_capacity(5);
    forms.push(plain);
    let mut hex = SecretBytes::with_capacity(secret.len() * 2);
    hex.resize(secret.len() * 2, 0);
    for (pair, &byte) in hex.chunks_exact_mut(2).zip(secret) {
        pair[0] = HEX_DIGITS[usize::from(byte >> 4)];
        pair[1] = HEX_DIGITS[usize::from(byte & 15)];
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

/// [`fold`] as a table.
const FOLD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut at = 0;
    while at < 256 {
        table[at] = fold(at as u8);
        at += 1;
    }
    table
};

/// A window of up to 16 bytes as one number, first byte highest.
pub(crate) fn pack(window: &[u8]) -> u128 {
    window
        .iter()
        .fold(0u128, |packed, &byte| (packed << 8) | u128::from(byte))
}

/// A piece as one number, first byte lowest.
fn piece(block: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    bytes[..PIECE].copy_from_slice(&block[..PIECE]);
    u64::from_le_bytes(bytes)
}

/// The bits of a piece in a `u64`.
const PIECE_MASK: u64 = (1 << (8 * PIECE)) - 1;

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &[u8] =
        b"eyJraWQiOiJrMSJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJlLWJ5dGVzLXNlY3JldA";

    #[test]
    fn every_window_holds_a_sampled_piece() {
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

    /// The pieces computed from the secret's bytes are exactly those of the written-out forms.
    #[test]
    fn sampled_pieces_are_those_of_the_forms() {
        for len in [16, 17, 18, 19, 20, 31, 32, 33, 64, 100, 101, 102] {
            let secret: Vec<u8> = (0..len)
                .map(|i| b"aZ+/09-_.x~Q"[(i * 7 + len) % 12])
                .collect();
            let mut expected = Vec::new();
            for form in encoded_forms(&secret) {
                if form.len() >= SECRET_FRAGMENT_LEN {
                    for at in (0..=form.len() - PIECE).step_by(SAMPLE) {
                        expected.push(piece(&form[at..at + PIECE]));
                    }
                }
            }
            let set = sampled_pieces(&secret, Some(Pieces::new(&[1, 2, 3])));
            let stored = set.slots.iter().filter(|&&slot| slot != 0).count();
            for &piece in &expected {
                assert!(set.contains(piece), "len {len}");
            }
            let mut distinct = expected.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(stored, distinct.len(), "len {len}: pieces not of the forms");
        }
    }

    #[test]
    fn pieces_hold_what_was_inserted_and_the_zero_piece() {
        let set = Pieces::new(&[1, 2, 3, 0]);
        assert!([0, 1, 2, 3].iter().all(|&p| set.contains(p)));
        assert!(!set.contains(4));
        assert!(!Pieces::new(&[1]).contains(0));
    }
}
