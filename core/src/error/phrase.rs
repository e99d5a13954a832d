//! Error messages as data: text with the settings and arguments it names kept as identifiers,
//! so that each front end renders the message in its own spelling ([`Spelling`]) without
//! parsing strings. [`crate::Error::message`] is the Rust spelling.

use std::time::Duration;

use crate::error::setting_id::SettingId;

/// An argument of a call, named as the operation's input (snake_case, e.g. `attribute_name`).
/// Front ends spell it by their own rule (`attributeName`, `--attribute-name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArgumentId(&'static str);

impl ArgumentId {
    /// The argument named `name` (snake_case).
    pub const fn new(name: &'static str) -> Self {
        Self(name)
    }

    /// The snake_case name, e.g. `access_token`.
    pub fn name(self) -> &'static str {
        self.0
    }
}

impl From<&'static str> for ArgumentId {
    fn from(name: &'static str) -> Self {
        Self(name)
    }
}

/// One piece of a [`Phrase`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Part {
    /// Text, the same in every front end.
    Text(String),
    /// A setting's name: `read_timeout`, `readTimeoutMs`, `--cli-read-timeout`.
    Setting(SettingId),
    /// A duration setting with its value: `read_timeout=0.2 s`, `readTimeoutMs=200`.
    SettingDuration(SettingId, Duration),
    /// An argument's name: `attribute_name`, `attributeName`.
    Argument(ArgumentId),
    /// How a caller sets the setting, with an example value: `region="eu-west-1"`.
    HowToSet(SettingId, &'static str),
}

/// Text with typed names in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phrase(Vec<Part>);

/// How a front end writes the names in a [`Phrase`].
pub trait Spelling {
    /// A setting's name.
    fn setting(&self, setting: SettingId) -> String;

    /// A duration setting with its value; by default `name=seconds s`.
    fn setting_duration(&self, setting: SettingId, value: Duration) -> String {
        format!("{}={} s", self.setting(setting), value.as_secs_f64())
    }

    /// An argument's name; by default as the operation names it.
    fn argument(&self, argument: ArgumentId) -> String {
        argument.name().to_owned()
    }

    /// How to set `setting` to `example`.
    fn how_to_set(&self, setting: SettingId, example: &str) -> String;
}

/// The Rust API's spelling: builder methods of [`crate::Settings`].
#[derive(Debug, Clone, Copy, Default)]
pub struct RustSpelling;

impl Spelling for RustSpelling {
    fn setting(&self, setting: SettingId) -> String {
        setting.name().to_owned()
    }

    fn how_to_set(&self, setting: SettingId, _example: &str) -> String {
        format!("Settings::{}(...)", setting.name())
    }
}

impl Phrase {
    /// The pieces, in order.
    pub fn parts(&self) -> &[Part] {
        &self.0
    }

    /// `true` when there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The phrase as `spelling` writes it.
    pub fn render(&self, spelling: &dyn Spelling) -> String {
        let mut out = String::new();
        for part in &self.0 {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Setting(id) => out.push_str(&spelling.setting(*id)),
                Part::SettingDuration(id, value) => {
                    out.push_str(&spelling.setting_duration(*id, *value));
                }
                Part::Argument(id) => out.push_str(&spelling.argument(*id)),
                Part::HowToSet(id, example) => out.push_str(&spelling.how_to_set(*id, example)),
            }
        }
        out
    }

    /// Appends `part`.
    pub(crate) fn push(&mut self, part: Part) {
        self.0.push(part);
    }

    /// Appends text.
    pub(crate) fn push_text(&mut self, text: impl Into<String>) {
        self.0.push(Part::Text(text.into()));
    }

    /// Replaces the first occurrence of `phrase` within a text piece by `with`; `false` when
    /// there is none.
    pub(crate) fn replace_text(&mut self, phrase: &str, with: Vec<Part>) -> bool {
        for (index, part) in self.0.iter().enumerate() {
            let Part::Text(text) = part else { continue };
            let Some(at) = text.find(phrase) else {
                continue;
            };
            let before = Part::Text(text[..at].to_owned());
            let after = Part::Text(text[at + phrase.len()..].to_owned());
            let mut pieces = vec![before];
            pieces.extend(with);
            pieces.push(after);
            self.0.splice(index..=index, pieces);
            return true;
        }
        false
    }

    /// Applies `edit` to every text piece (the names are not text: they hold nothing to scrub).
    pub(crate) fn map_text(&mut self, edit: &mut impl FnMut(&mut String)) {
        for part in &mut self.0 {
            if let Part::Text(text) = part {
                edit(text);
            }
        }
    }
}

impl From<Part> for Phrase {
    fn from(part: Part) -> Self {
        Self(vec![part])
    }
}

impl From<Vec<Part>> for Phrase {
    fn from(parts: Vec<Part>) -> Self {
        Self(parts)
    }
}

impl From<String> for Phrase {
    fn from(text: String) -> Self {
        Self(vec![Part::Text(text)])
    }
}

impl From<&str> for Phrase {
    fn from(text: &str) -> Self {
        Self(vec![Part::Text(text.to_owned())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Camel;
    impl Spelling for Camel {
        fn setting(&self, setting: SettingId) -> String {
            format!("<{}>", setting.name())
        }
        fn how_to_set(&self, setting: SettingId, example: &str) -> String {
            format!("{{{}: {example}}}", setting.name())
        }
    }

    #[test]
    fn renders_names_in_the_given_spelling_and_replaces_only_text() {
        let mut phrase = Phrase::from(vec![
            Part::Setting(SettingId::EndpointUrl),
            Part::Text(": within the configured read timeout, ".into()),
            Part::HowToSet(SettingId::Region, "eu-west-1"),
        ]);
        assert!(phrase.replace_text(
            "the configured read timeout",
            vec![Part::SettingDuration(
                SettingId::ReadTimeout,
                Duration::from_millis(200)
            )]
        ));
        assert!(!phrase.replace_text("endpoint_url", vec![]));
        assert_eq!(
            phrase.render(&Camel),
            "<endpoint_url>: within <read_timeout>=0.2 s, {region: eu-west-1}"
        );
        assert_eq!(
            phrase.render(&RustSpelling),
            "endpoint_url: within read_timeout=0.2 s, Settings::region(...)"
        );
    }
}
