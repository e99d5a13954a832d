//! `file://path` values: the AWS CLI reads a parameter's value from a file when it starts so.

use std::path::PathBuf;

use crate::failure::Failure;

const PREFIX: &str = "file://";

/// The value itself, or the text of the file it names (verbatim, as the AWS CLI reads it).
pub fn resolve(option: &str, value: &str) -> Result<String, Failure> {
    let Some(path) = value.strip_prefix(PREFIX) else {
        return Ok(value.to_owned());
    };
    let path = expand_home(path);
    std::fs::read_to_string(&path).map_err(|e| {
        Failure::parameter(
            option,
            format_args!(
                "Unable to load paramfile {value}: {e}: '{}'",
                path.display()
            ),
        )
    })
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
