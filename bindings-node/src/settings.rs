//! Client settings as JavaScript passes them (camelCase names, durations in milliseconds),
//! converted row by row of the core's settings table: a setting added to the table needs nothing
//! here. The JavaScript wrapper has already checked every name, type and range.

use std::collections::HashMap;
use std::time::Duration;

use cognito_attr_code::{FrontEnd, SettingKind, SettingValue, Settings, SETTINGS};
use napi::bindgen_prelude::Either3;
use napi_derive::napi;

use crate::call_queue::DEFAULT_MAX_CONCURRENT_CALLS;
use crate::outcome::NativeError;

/// Settings of a client by their JavaScript names, plus `userAgentSuffix` (names the front end
/// in the `User-Agent`). Unset values come from the environment, then defaults. (Spelled out in
/// the exported signatures: napi-rs writes no TypeScript for an alias.)
pub type NativeSettings = HashMap<String, Either3<String, f64, bool>>;

/// Names the front end in the `User-Agent`; not a row of the table.
const USER_AGENT_SUFFIX: &str = "userAgentSuffix";

/// Node's own setting of a `Client` (not a row of the core's table): how many of its calls run
/// at once. The one-shot functions do not take it (the JavaScript wrapper says so).
pub const MAX_CONCURRENT_CALLS: &str = "maxConcurrentCalls";

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

/// A client's settings without `maxConcurrentCalls`, and its value (the default when unset).
pub fn split_client_only(
    settings: Option<NativeSettings>,
) -> Result<(Option<NativeSettings>, u32), Box<NativeError>> {
    let Some(mut settings) = settings else {
        return Ok((None, DEFAULT_MAX_CONCURRENT_CALLS));
    };
    let bound = match settings.remove(MAX_CONCURRENT_CALLS) {
        None => DEFAULT_MAX_CONCURRENT_CALLS,
        Some(Either3::B(count))
            if count >= 1.0 && count <= u32::MAX as f64 && count.fract() == 0.0 =>
        {
            count as u32
        }
        Some(_) => {
            return Err(invalid(
                MAX_CONCURRENT_CALLS,
                format!("must be an integer from 1 to {}", u32::MAX),
            ))
        }
    };
    Ok((Some(settings), bound))
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
