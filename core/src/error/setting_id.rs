//! The settings table: one typed identifier per setting a caller can set, with the kind of its
//! value. Core names each setting only in its own (Rust) spelling; every front end spells the
//! identifiers itself, by an exhaustive `match`, so a new row does not compile until each front
//! end has a name for it.

/// What a setting's value is, which decides how each front end converts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    /// A string.
    Text,
    /// A file path.
    Path,
    /// A duration; zero means none.
    Duration,
    /// A whole number of attempts, at least 1.
    Attempts,
    /// `standard`, `adaptive` or `legacy`.
    RetryMode,
    /// `true` or `false`.
    Switch,
}

macro_rules! settings_table {
    ($($variant:ident => $name:literal, $kind:ident;)+) => {
        /// A setting of [`crate::Settings`], as errors name it and front ends spell it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum SettingId {
            $( #[doc = concat!("[`crate::Settings::", $name, "`]")] $variant, )+
        }

        impl SettingId {
            /// Every setting, in table order.
            pub const ALL: &'static [SettingId] = &[$(SettingId::$variant),+];

            /// The Rust name: the builder method of [`crate::Settings`], e.g. `read_timeout`.
            pub fn name(self) -> &'static str {
                match self { $( SettingId::$variant => $name, )+ }
            }

            /// The kind of the setting's value.
            pub fn kind(self) -> SettingKind {
                match self { $( SettingId::$variant => SettingKind::$kind, )+ }
            }
        }
    };
}

settings_table! {
    Region => "region", Text;
    EndpointUrl => "endpoint_url", Text;
    ConnectTimeout => "connect_timeout", Duration;
    ReadTimeout => "read_timeout", Duration;
    AttemptTimeout => "attempt_timeout", Duration;
    OperationTimeout => "operation_timeout", Duration;
    MaxAttempts => "max_attempts", Attempts;
    RetryMode => "retry_mode", RetryMode;
    CaBundle => "ca_bundle", Path;
    VerifyTls => "verify_tls", Switch;
    AllowInsecureHttp => "allow_insecure_http", Switch;
    UseFipsEndpoint => "use_fips_endpoint", Switch;
    UseDualstackEndpoint => "use_dualstack_endpoint", Switch;
    RetryReadTimeouts => "retry_read_timeouts", Switch;
    Profile => "profile", Text;
    Proxy => "proxy", Text;
    ValidateToken => "validate_token", Switch;
}

impl std::fmt::Display for SettingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case() {
        let mut names: Vec<&str> = SettingId::ALL.iter().map(|s| s.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SettingId::ALL.len());
        for name in names {
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
    }
}
