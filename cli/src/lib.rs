//! The command line's modules as a library: `main.rs` is the binary, and the fuzz targets
//! (`fuzz/`) reach the parameter parsers through [`parameters`] and [`shorthand`].

// clap turns doc comments on arguments and values into `--help` text, which must stay as it is.
#[allow(missing_docs)]
pub mod args;
pub mod command;
pub mod failure;
pub mod fake_cognito;
pub mod nesting;
pub mod output;
pub mod param_file;
pub mod parameters;
pub mod prompt;
pub mod query;
pub mod shorthand;
pub mod skeleton;
pub mod spelling;
pub mod wire_log;
