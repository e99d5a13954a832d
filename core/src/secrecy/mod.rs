//! What must never leave a call: the secrets' types, the forms they may take in text, and the
//! scrubber that removes them.

pub(crate) mod clean_headers;
pub(crate) mod scrub;
pub(crate) mod secret;
pub(crate) mod secret_forms;
pub(crate) mod token_claims;
