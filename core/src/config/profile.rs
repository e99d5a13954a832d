//! The shared AWS config file (`~/.aws/config`): the selected profile's keys and its
//! `[services NAME]` section for Cognito user pools.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ini::{Ini, ParseOption};

use crate::config::environment::Environment;
use crate::config::local_file::{read_capped_text, CONFIG_FILE_MAX};
use crate::error::{Error, Result};

/// Key of Cognito user pools in a `[services NAME]` section.
const SERVICE_KEY: &str = "cognito_identity_provider";

/// The selected profile's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Profile {
    pub name: String,
    pub path: PathBuf,
    values: HashMap<String, String>,
    service_values: HashMap<String, String>,
}

impl Profile {
    /// A key of the profile section, e.g. `region`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A sub-key of `cognito_identity_provider` in the profile's `services` section.
    pub fn service_get(&self, key: &str) -> Option<&str> {
        self.service_values
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A configuration error about a value of this profile.
    pub fn error(&self, key: &str, value: &str, why: &str) -> Error {
        Error::configuration(
            format!(
                "profile '{}' in {}: {key}={value}",
                self.name,
                self.path.display()
            ),
            why,
        )
    }

    /// Loads the profile named by `explicit`, else `AWS_PROFILE`, else `default`, from
    /// `AWS_CONFIG_FILE`, else `~/.aws/config`. A missing file is no error (an empty profile),
    /// unless a profile was named explicitly; a malformed file is.
    pub fn load(explicit: Option<&str>, env: &dyn Environment) -> Result<Self> {
        let (name, named) = match (explicit, env.var("AWS_PROFILE")) {
            (Some(name), _) => (name.to_owned(), true),
            (None, Some(name)) => (name, true),
            (None, None) => ("default".to_owned(), false),
        };
        let path = match env.var("AWS_CONFIG_FILE") {
            Some(path) => PathBuf::from(path),
            None => match env.var("HOME") {
                Some(home) => Path::new(&home).join(".aws").join("config"),
                None => {
                    return Ok(Self {
                        name,
                        ..Self::default()
                    })
                }
            },
        };
        let text = match read_capped_text(&path, CONFIG_FILE_MAX, "config file") {
            Ok(text) => text,
            Err(e) if e.is_not_found() && !named => {
                return Ok(Self {
                    name,
                    path,
                    ..Self::default()
                })
            }
            Err(e) => return Err(Error::configuration(format!("profile '{name}'"), e)),
        };
        Self::parse(name, named, path, &text)
    }

    /// The profile `name` of the config file text read from `path`.
    pub(crate) fn parse(name: String, named: bool, path: PathBuf, text: &str) -> Result<Self> {
        let options = ParseOption {
            enabled_quote: false,
            enabled_escape: false,
            enabled_indented_mutiline_value: true,
            enabled_preserve_key_leading_whitespace: false,
        };
        let ini = Ini::load_from_str_opt(text, options).map_err(|e| {
            Error::configuration(
                format!("config file {}", path.display()),
                format_args!("line {}: {}", e.line, e.msg),
            )
        })?;
        let section = if name == "default" {
            ini.section(Some("default"))
                .or_else(|| ini.section(Some("profile default")))
        } else {
            ini.section(Some(format!("profile {name}")))
        };
        let Some(section) = section else {
            if named {
                return Err(Error::configuration(
                    format!("profile '{name}'"),
                    format_args!("not found in {}", path.display()),
                ));
            }
            return Ok(Self {
                name,
                path,
                ..Self::default()
            });
        };
        let values: HashMap<String, String> = section
            .iter()
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        let service_values = values
            .get("services")
            .and_then(|services| ini.section(Some(format!("services {services}"))))
            .and_then(|services| services.get(SERVICE_KEY))
            .map(parse_sub_keys)
            .unwrap_or_default();
        Ok(Self {
            name,
            path,
            values,
            service_values,
        })
    }
}

/// The indented `key = value` lines nested under a key.
fn parse_sub_keys(block: &str) -> HashMap<String, String> {
    block
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str, profile: Option<&str>, aws_profile: Option<&str>) -> Result<Profile> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        std::fs::write(&path, text).unwrap();
        let mut env = HashMap::from([(
            "AWS_CONFIG_FILE".to_owned(),
            path.to_string_lossy().into_owned(),
        )]);
        if let Some(name) = aws_profile {
            env.insert("AWS_PROFILE".to_owned(), name.to_owned());
        }
        Profile::load(profile, &env)
    }

    const CONFIG: &str = "[default]\nregion = eu-west-1\n\n[profile dev]\nregion = us-west-2\nservices = local\nmax_attempts = 7\n\n[services local]\ncognito_identity_provider =\n  endpoint_url = http://127.0.0.1:9229\n  other = x\ns3 =\n  endpoint_url = http://127.0.0.1:1\n";

    #[test]
    fn default_named_and_services_sections() {
        assert_eq!(
            load(CONFIG, None, None).unwrap().get("region"),
            Some("eu-west-1")
        );
        let dev = load(CONFIG, None, Some("dev")).unwrap();
        assert_eq!(dev.get("region"), Some("us-west-2"));
        assert_eq!(dev.get("max_attempts"), Some("7"));
        assert_eq!(
            dev.service_get("endpoint_url"),
            Some("http://127.0.0.1:9229")
        );
        assert_eq!(load(CONFIG, Some("dev"), Some("nope")).unwrap().name, "dev");
    }

    #[test]
    fn missing_profile_and_file() {
        let err = load(CONFIG, Some("nope"), None).unwrap_err();
        assert!(err.message().contains("profile 'nope'"), "{err}");
        let env = HashMap::from([("AWS_CONFIG_FILE", "/nonexistent/config")]);
        assert_eq!(Profile::load(None, &env).unwrap().get("region"), None);
        assert!(Profile::load(Some("dev"), &env).is_err());
    }

    #[test]
    fn malformed_file_names_the_line() {
        let err = load("[default]\nregion = x\n[broken\n", None, None).unwrap_err();
        assert!(err.message().contains("config: line "), "{err}");
    }
}
