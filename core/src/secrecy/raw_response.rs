//! An HTTP response as the transport receives it. It stands beside the scrubber because the
//! scrubber cleans it in place (`Secrets::scrub_response`) before anything parses or logs it.

/// An HTTP response as received: lower-case header names, the whole (capped) body.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// HTTP status code.
    pub status: u16,
    /// Header names in lower case, in order.
    pub headers: Vec<(String, String)>,
    /// The body, already scrubbed of the call's secrets (see `Secrets::scrub_response`).
    pub body: Vec<u8>,
}

impl RawResponse {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The request id, from the first of the three headers AWS services use.
    pub fn request_id(&self) -> Option<String> {
        ["x-amzn-requestid", "x-amzn-request-id", "x-amz-request-id"]
            .iter()
            .find_map(|name| self.header(name))
            .map(str::to_owned)
    }
}
