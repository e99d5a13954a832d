//! `cognito-attr-code fake-cognito`: the local Cognito fake for tests in any language. Prints
//! one `key=value` line per fact, then `ready`, and serves until SIGINT or SIGTERM (exit 0).
//!
//! ```text
//! endpoint_url=http://127.0.0.1:PORT
//! region=us-east-1
//! user_pool_id=us-east-1_Fake12345
//! token.jane=eyJ...
//! ready
//! ```

use std::io::Write;

use cognito_attr_code_fake::{FakeCognito, Options};
use serde_json::{Map, Value};

use crate::args::{FakeArgs, GlobalArgs};
use crate::failure::Failure;

/// Starts the fake, prints its lines, serves until a signal.
pub fn run(args: &FakeArgs, global: &GlobalArgs) -> Result<(), Failure> {
    let users = args
        .user
        .iter()
        .map(|spec| parse_user(spec))
        .collect::<Result<Vec<_>, _>>()?;
    let mut options = Options {
        port: args.port,
        seed: args.seed,
        daily_email_quota: args.daily_email_quota,
        user_pool_id: args.user_pool_id.clone(),
        ..Options::default()
    };
    if let Some(region) = &global.region {
        options.region.clone_from(region);
    }
    // Signals are caught before the first line is printed: a caller that reads `ready` and then
    // signals always gets a clean exit.
    let stop = StopSignal::install()?;
    let fake = FakeCognito::start(options)
        .map_err(|error| Failure::usage(format!("fake-cognito: {error}")))?;
    let mut lines = format!(
        "endpoint_url={}\nregion={}\nuser_pool_id={}\n",
        fake.endpoint_url(),
        fake.region(),
        fake.user_pool_id()
    );
    for (name, fields) in users {
        let mut user = fields;
        user.insert("username".into(), Value::String(name.clone()));
        let added = fake
            .control("add_user", &Value::Object(user))
            .map_err(|error| Failure::usage(format!("fake-cognito: --user {name}: {error}")))?;
        let token = added["access_token"].as_str().unwrap_or_default();
        lines.push_str(&format!("token.{name}={token}\n"));
    }
    lines.push_str("ready\n");
    let mut stdout = std::io::stdout().lock();
    // A closed stdout only means nobody reads the lines; the fake still serves.
    let _ = stdout.write_all(lines.as_bytes());
    let _ = stdout.flush();
    drop(stdout);
    stop.wait();
    fake.stop();
    Ok(())
}

/// `NAME` or `NAME:key=value,key=value` → the name and `add_user`'s fields.
fn parse_user(spec: &str) -> Result<(String, Map<String, Value>), Failure> {
    let usage = |what: &str| {
        Failure::usage(format!(
            "fake-cognito: --user {spec:?}: {what} (expected NAME or NAME:email=...,phone_number=...)"
        ))
    };
    let (name, pairs) = spec.split_once(':').unwrap_or((spec, ""));
    if name.is_empty() {
        return Err(usage("the name is empty"));
    }
    let mut fields = Map::new();
    let mut attributes = Map::new();
    for pair in pairs.split(',').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| usage("a pair has no '='"))?;
        match key {
            "email" | "phone_number" => {
                fields.insert(key.into(), Value::String(value.into()));
            }
            "email_verified" | "phone_number_verified" => {
                let flag = match value {
                    "true" => true,
                    "false" => false,
                    _ => return Err(usage(&format!("{key} must be true or false"))),
                };
                fields.insert(key.into(), Value::Bool(flag));
            }
            _ if key.is_empty() => return Err(usage("an attribute name is empty")),
            _ => {
                attributes.insert(key.into(), Value::String(value.into()));
            }
        }
    }
    if !attributes.is_empty() {
        fields.insert("attributes".into(), Value::Object(attributes));
    }
    Ok((name.to_owned(), fields))
}

/// SIGINT and SIGTERM, caught instead of ending the process.
struct StopSignal {
    #[cfg(unix)]
    signals: signal_hook::iterator::Signals,
    #[cfg(not(unix))]
    received: std::sync::mpsc::Receiver<()>,
}

impl StopSignal {
    #[cfg(unix)]
    fn install() -> Result<Self, Failure> {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]).map_err(|error| {
            Failure::usage(format!("fake-cognito: cannot catch signals: {error}"))
        })?;
        Ok(Self { signals })
    }

    #[cfg(not(unix))]
    fn install() -> Result<Self, Failure> {
        let (sender, received) = std::sync::mpsc::channel();
        ctrlc::set_handler(move || {
            let _ = sender.send(());
        })
        .map_err(|error| Failure::usage(format!("fake-cognito: cannot catch Ctrl-C: {error}")))?;
        Ok(Self { received })
    }

    #[cfg(unix)]
    fn wait(mut self) {
        let _ = self.signals.forever().next();
    }

    #[cfg(not(unix))]
    fn wait(self) {
        let _ = self.received.recv();
    }
}

#[cfg(test)]
mod tests {
    use super::parse_user;
    use serde_json::json;

    #[test]
    fn parses_a_user_spec() {
        let (name, fields) = parse_user(
            "jane:email=jane@example.com,phone_number=+15555551234,email_verified=true,name=Jane",
        )
        .unwrap();
        assert_eq!(name, "jane");
        assert_eq!(
            serde_json::Value::Object(fields),
            json!({"email": "jane@example.com", "phone_number": "+15555551234",
                   "email_verified": true, "attributes": {"name": "Jane"}})
        );
        assert_eq!(parse_user("bob").unwrap().1.len(), 0);
        for bad in [
            ":email=x",
            "jane:email",
            "jane:email_verified=yes",
            "jane:=x",
        ] {
            assert!(parse_user(bad).is_err(), "{bad}");
        }
    }
}
