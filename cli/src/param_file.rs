//! `file://path` values: the AWS CLI reads a parameter's value from a file when it starts so.

use std::path::PathBuf;

use cognito_attr_code::local_file::read_capped_text;

use crate::failure::Failure;

const PREFIX: &str = "file://";

/// Largest parameter file read, in bytes: far above any valid input (an access token is at most
/// a few KiB), small enough that `file:///dev/zero` fails at once.
pub const PARAMETER_FILE_MAX: u64 = 1024 * 1024;

/// The value itself, or the text of the file it names (verbatim, as the AWS CLI reads it).
pub fn resolve(option: &str, value: &str) -> Result<String, Failure> {
    let Some(path) = value.strip_prefix(PREFIX) else {
        return Ok(value.to_owned());
    };
    let path = expand_home(path);
    read_capped_text(&path, PARAMETER_FILE_MAX, "parameter file").map_err(|e| {
        Failure::parameter(
            option,
            format_args!("Unable to load paramfile {value}: {e}"),
        )
    })
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
