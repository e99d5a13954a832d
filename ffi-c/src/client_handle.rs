//! `cognito_client`, the handle every client export takes: its own file, so that the exports
//! (`client.rs`, `verify.rs`) and their one body (`call.rs`) both name it without naming each
//! other.

/// A reusable client: one connection pool and retry quota. Thread-safe: any number of threads
/// may call `cognito_client_get_attr_code` on one client at once.
#[allow(non_camel_case_types)]
pub struct cognito_client {
    pub(crate) client: cognito_core::Client,
}
