//! The C ABI of cognito-attr-code. See `include/cognito_attr_code.h` (generated from this crate
//! by cbindgen) and the README's "API conventions" section.

extern crate cognito_attr_code_core as cac;

mod boundary;
mod client;
mod config;
mod details;
mod error;
mod log_callback;
mod output;
mod status;
mod version;

pub use client::*;
pub use config::*;
pub use details::*;
pub use error::*;
pub use log_callback::*;
pub use output::*;
pub use status::*;
pub use version::*;
