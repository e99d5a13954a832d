//! What must never leave a call: the secrets' types, the forms they may take in text, the
//! scrubber that removes them, and the response it cleans.

pub(crate) mod clean_headers;
pub(crate) mod raw_response;
// Parts of the scrubber serve only the front ends (feature `front-end`), whose builds still
// report dead code here.
#[cfg_attr(not(feature = "front-end"), allow(dead_code))]
pub(crate) mod scrub;
pub(crate) mod secret;
#[cfg_attr(not(feature = "front-end"), allow(dead_code))]
pub(crate) mod secret_forms;
pub(crate) mod token_claims;
