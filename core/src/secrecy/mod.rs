//! What must never leave a call: the secrets' types, the forms they may take in text, the
//! scrubber that removes them, and the response it cleans.

pub(crate) mod raw_response;
pub(crate) mod scrub;
pub(crate) mod secret;
pub(crate) mod secret_forms;
pub(crate) mod token_claims;
