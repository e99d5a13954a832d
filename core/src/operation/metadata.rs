//! What every operation's output carries besides its members: the facts of the HTTP exchange,
//! and a view of the members that front ends shape without knowing the operation.

use std::time::Duration;

/// The HTTP facts of a successful exchange. Front ends shape them once for every operation
/// (boto3's `ResponseMetadata`, the AWS SDK's `$metadata`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseMetadata {
    /// The request id from the response headers, if any.
    pub request_id: Option<String>,
    /// The HTTP status (2xx).
    pub http_status: u16,
    /// The response headers, names in lower case, in the order received.
    pub http_headers: Vec<(String, String)>,
    /// HTTP attempts made (1 when the first attempt succeeded).
    pub attempts: u32,
    /// Time spent waiting between attempts.
    pub total_retry_delay: Duration,
}

impl ResponseMetadata {
    /// The metadata of an exchange (for tests and fuzzing; calls build their own).
    pub fn new(
        request_id: Option<String>,
        http_status: u16,
        http_headers: Vec<(String, String)>,
        attempts: u32,
        total_retry_delay: Duration,
    ) -> Self {
        Self {
            request_id,
            http_status,
            http_headers,
            attempts,
            total_retry_delay,
        }
    }

    /// The first value of header `name` (lower case), if it was received.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.http_headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A member of an operation's input or output, named as the service model names it: front ends
/// turn these into their own shapes (a Python dict, a JSON document) without knowing the
/// operation. Absent members are left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Member<'a> {
    /// A string.
    Text(&'a str),
    /// A structure or a map of string to string: its members in order.
    Structure(Vec<(&'a str, Member<'a>)>),
}

/// An operation's output: its members and the metadata of its exchange.
pub trait OperationOutput {
    /// The metadata of the HTTP exchange.
    fn metadata(&self) -> &ResponseMetadata;
    /// The output's members as the service model names them (e.g. `CodeDeliveryDetails`),
    /// each present only when the service sent it; empty for an output shape without members.
    fn members(&self) -> Vec<(&str, Member<'_>)>;
}
