//! Response header strings a client found to hold no form of its current token. A service sends
//! the same names (`x-amzn-requestid`) and content type on every response: screening them again,
//! call after call, was a third of the scrubbing of an innocent call. Remembering a string never
//! changes what is replaced: a remembered string is one the full screen found clean for this
//! token.

use std::sync::OnceLock;

/// How many strings are remembered; they are never evicted (a header whose value changes on
/// every response, such as a request id, is not offered: see `Secrets::scrub_headers`).
const REMEMBERED: usize = 8;

/// The remembered strings: filled in order, read without a lock.
#[derive(Default)]
pub(crate) struct CleanHeaders {
    slots: [OnceLock<Box<str>>; REMEMBERED],
}

impl CleanHeaders {
    /// Whether `text` was found clean before.
    #[inline]
    pub(crate) fn contains(&self, text: &str) -> bool {
        self.slots
            .iter()
            .map_while(OnceLock::get)
            .any(|clean| **clean == *text)
    }

    /// Remembers `text`, found clean, while there is room. Two threads racing for one slot:
    /// one of them does not remember its string, which costs one more screening.
    pub(crate) fn remember(&self, text: &str) {
        for slot in &self.slots {
            match slot.get() {
                Some(clean) if **clean == *text => return,
                Some(_) => {}
                None => {
                    let _ = slot.set(text.into());
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_in_order_until_full() {
        let clean = CleanHeaders::default();
        assert!(!clean.contains("x-amzn-requestid"));
        clean.remember("x-amzn-requestid");
        clean.remember("x-amzn-requestid");
        assert!(clean.contains("x-amzn-requestid"));
        assert!(!clean.contains("x-amzn-requesti"));
        for n in 0..REMEMBERED + 3 {
            clean.remember(&format!("header-{n}"));
        }
        assert!(clean.contains("header-0"));
        assert!(clean.contains(&format!("header-{}", REMEMBERED - 2)));
        assert!(!clean.contains(&format!("header-{}", REMEMBERED - 1)));
    }
}
