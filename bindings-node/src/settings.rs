//! Client settings as JavaScript passes them (camelCase names, durations in milliseconds),
//! converted row by row of the core's settings table: a setting added to the table needs nothing
//! here. The JavaScript wrapper has already checked every name, type and range.

use std::collections::HashMap;
use std::time::Duration;

use cognito_attr_code::{FrontEnd, SettingKind, SettingValue, Settings, SETTINGS};
use napi::bindgen_prelude::Either3;
use napi_derive::napi;

use crate::outcome::NativeError;

/// Settings of a client by their JavaScript names, plus `userAgentSuffix` (names the front end
/// in the `User-Agent`). Unset values come from the environment, then defaults. (Spelled out in
/// the exported signatures: napi-rs writes no TypeScript for an alias.)
pub type NativeSettings = HashMap<String, Either3<String, f64, bool>>;

/// Names the front end in the `User-Agent`; not a row of the table.
const USER_AGENT_SUFFIX: &str = "userAgentSuffix";

/// One row of the settings table as JavaScript sees it.
#[napi(object)]
pub struct NativeSettingSpec {
    /// The option's name, e.g. `readTimeoutMs`.
    pub name: String,
    /// `text`, `path`, `duration` (ms), `attempts`, `retryMode` or `switch`.
    pub kind: String,
}

/// Every setting, in table order.
#[napi]
pub fn setting_table() -> Vec<NativeSettingSpec> {
    SETTINGS
        .iter()
        .map(|spec| NativeSettingSpec {
            name: spec.spelled(FrontEnd::Node),
            kind: match spec.kind {
                SettingKind::Text => "text",
                SettingKind::Path => "path",
                SettingKind::Duration => "duration",
                SettingKind::Attempts => "attempts",
                SettingKind::RetryMode => "retryMode",
                SettingKind::Switch => "switch",
            }
            .into(),
        })
        .collect()
}

/// The core settings, or a configuration error naming the option as JavaScript spells it.
pub fn into_core(settings: Option<NativeSettings>) -> Result<Settings, Box<NativeError>> {
    let mut core = Settings::new().front_end(FrontEnd::Node);
    for (name, value) in settings.unwrap_or_default() {
        if name == USER_AGENT_SUFFIX {
            if let Either3::A(suffix) = value {
                core = core.user_agent_suffix(suffix);
            }
            continue;
        }
        let spec = SETTINGS
            .iter()
            .find(|spec| spec.spelled(FrontEnd::Node) == name)
            .ok_or_else(|| invalid(&name, "is not a known setting".into()))?;
        let converted = match (spec.kind, value) {
            (SettingKind::Text, Either3::A(text)) => SettingValue::Text(text),
            (SettingKind::Path, Either3::A(path)) => SettingValue::Path(path.into()),
            (SettingKind::RetryMode, Either3::A(mode)) => SettingValue::RetryMode(mode),
            (SettingKind::Switch, Either3::C(on)) => SettingValue::Switch(on),
            (SettingKind::Duration, Either3::B(ms)) if ms >= 0.0 && ms.fract() == 0.0 => {
                SettingValue::Duration(Duration::from_millis(ms as u64))
            }
            (SettingKind::Attempts, Either3::B(count)) if count.fract() == 0.0 => {
                SettingValue::Attempts(count as i64)
            }
            _ => return Err(invalid(&name, "has the wrong type".into())),
        };
        core = core
            .set(spec.name, converted)
            .map_err(|why| invalid(&name, why.to_string()))?;
    }
    Ok(core)
}

fn invalid(setting: &str, why: String) -> Box<NativeError> {
    Box::new(NativeError::configuration(setting, why))
}
