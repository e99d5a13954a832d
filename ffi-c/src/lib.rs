//! The C ABI of cognito-attr-code. See `include/cognito_attr_code.h` (generated from this crate
//! by cbindgen) and docs/c-api.md ("API conventions").

mod boundary;
mod c_string;
mod call;
mod client;
mod client_handle;
mod config;
mod details;
mod error;
mod log_callback;
mod no_unwind;
mod output;
mod spelling;
mod status;
mod status_name;
mod verify;
mod version;

pub use client::*;
pub use client_handle::*;
pub use config::*;
pub use details::*;
pub use error::*;
pub use log_callback::*;
pub use output::*;
pub use status::*;
pub use status_name::*;
pub use verify::*;
pub use version::*;
