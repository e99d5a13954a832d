//! HTTP proxies: an explicit setting, else `HTTPS_PROXY` / `HTTP_PROXY` (either case, by the
//! endpoint's scheme), with `NO_PROXY` exceptions. Requests go through the proxy with CONNECT, so
//! the proxy sees the target host and port, never the request.
//!
//! As in Go's `net/http`, a loopback endpoint never goes through a proxy. And a plain `http://`
//! request through a plain `http://` proxy that is not on loopback is a cleartext hop, refused
//! unless insecure HTTP is allowed.

use ureq::Proxy;

use crate::config::endpoint::is_loopback_host;
use crate::config::environment::Environment;
use crate::config::source::{Source, Sourced};
use crate::error::phrase::{Part, Phrase};
use crate::error::setting_id::SettingId;
use crate::error::{Error, Result};

/// The proxy settings of a client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxyConfig {
    /// Proxy for `https://` endpoints.
    pub https: Option<Sourced<String>>,
    /// Proxy for `http://` endpoints.
    pub http: Option<Sourced<String>>,
    /// Comma-separated hosts that bypass the proxy (`example.com`, `.example.com`, `*`).
    pub no_proxy: Option<String>,
}

impl ProxyConfig {
    pub(crate) fn resolve(explicit: Option<&str>, env: &dyn Environment) -> Self {
        let from_env = |names: [&'static str; 2]| {
            names.into_iter().find_map(|name| {
                env.var(name).map(|v| Sourced {
                    value: v,
                    source: Source::Environment(name),
                })
            })
        };
        let explicit = explicit.map(|url| Sourced {
            value: url.to_owned(),
            source: Source::Explicit,
        });
        Self {
            https: explicit
                .clone()
                .or_else(|| from_env(["HTTPS_PROXY", "https_proxy"])),
            http: explicit.or_else(|| from_env(["HTTP_PROXY", "http_proxy"])),
            no_proxy: env.var("NO_PROXY").or_else(|| env.var("no_proxy")),
        }
    }

    /// The ureq proxy for requests to `endpoint` (`None`: an AWS endpoint, `https://`), if any.
    pub(crate) fn for_endpoint(
        &self,
        endpoint: Option<&ureq::http::Uri>,
        allow_insecure_http: bool,
    ) -> Result<Option<Proxy>> {
        let https = endpoint.is_none_or(|uri| uri.scheme_str() == Some("https"));
        if endpoint
            .and_then(|uri| uri.host())
            .is_some_and(is_loopback_host)
        {
            return Ok(None);
        }
        let Some(proxy) = self.for_scheme(https)? else {
            return Ok(None);
        };
        let cleartext_hop = !https
            && proxy.protocol() == ureq::ProxyProtocol::Http
            && !is_loopback_host(proxy.host());
        if cleartext_hop && !allow_insecure_http {
            return Err(self.error(
                https,
                Phrase::from(vec![
                    Part::Text(format!(
                        "the proxy {}:{} is reached over plain HTTP off loopback, and so is the endpoint: the access token would cross the network unencrypted (set ",
                        proxy.host(),
                        proxy.port()
                    )),
                    Part::Setting(SettingId::AllowInsecureHttp),
                    Part::Text(" to permit it)".into()),
                ]),
            ));
        }
        Ok(Some(proxy))
    }

    /// A configuration error naming where the proxy came from: its environment variable or
    /// the `proxy` setting.
    fn error(&self, https: bool, why: impl Into<Phrase>) -> Error {
        let why = why.into();
        match (if https { &self.https } else { &self.http })
            .as_ref()
            .map(|url| &url.source)
        {
            Some(Source::Environment(name)) => Error::configuration_phrase(*name, why),
            _ => Error::setting(SettingId::Proxy, why),
        }
    }

    /// The ureq proxy for an endpoint of the given scheme, if any.
    fn for_scheme(&self, https: bool) -> Result<Option<Proxy>> {
        let Some(url) = (if https { &self.https } else { &self.http }) else {
            return Ok(None);
        };
        let invalid = |why: &str| {
            self.error(
                https,
                format!("{why} (expected http://[user:password@]host:port)"),
            )
        };
        let uri: ureq::http::Uri = if url.value.contains("://") {
            url.value.parse()
        } else {
            format!("http://{}", url.value).parse()
        }
        .map_err(|_| invalid("not a valid URL"))?;
        let protocol = match uri.scheme_str() {
            Some("http") => ureq::ProxyProtocol::Http,
            Some("https") => ureq::ProxyProtocol::Https,
            _ => return Err(invalid("unsupported proxy scheme")),
        };
        let authority = uri.authority().ok_or_else(|| invalid("no host"))?;
        let mut builder = Proxy::builder(protocol).host(authority.host());
        if let Some(port) = authority.port_u16() {
            builder = builder.port(port);
        }
        if let Some((userinfo, _)) = authority.as_str().rsplit_once('@') {
            let decode = |text: &str| {
                percent_encoding::percent_decode_str(text)
                    .decode_utf8_lossy()
                    .into_owned()
            };
            let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
            builder = builder.username(&decode(user));
            if !password.is_empty() {
                builder = builder.password(&decode(password));
            }
        }
        for entry in self.no_proxy.iter().flat_map(|list| list.split(',')) {
            let entry = entry.trim();
            if !entry.is_empty() {
                builder = builder.no_proxy(entry);
            }
        }
        builder
            .build()
            .map(Some)
            .map_err(|_| invalid("not a valid proxy"))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn explicit_then_either_case_of_the_variables() {
        let env = HashMap::from([
            ("https_proxy", "http://proxy:3128"),
            ("HTTP_PROXY", "http://plain:80"),
            ("no_proxy", "localhost"),
        ]);
        let config = ProxyConfig::resolve(None, &env);
        assert_eq!(config.https.as_ref().unwrap().value, "http://proxy:3128");
        assert_eq!(
            config.http.as_ref().unwrap().source,
            Source::Environment("HTTP_PROXY")
        );
        assert_eq!(config.no_proxy.as_deref(), Some("localhost"));
        let config = ProxyConfig::resolve(Some("http://mine:1"), &env);
        assert_eq!(config.https.unwrap().source, Source::Explicit);
    }

    #[test]
    fn invalid_proxy_names_the_variable() {
        let env = HashMap::from([("HTTPS_PROXY", "ftp://proxy:21")]);
        let err = ProxyConfig::resolve(None, &env)
            .for_scheme(true)
            .unwrap_err();
        assert!(
            err.message()
                .starts_with("HTTPS_PROXY: unsupported proxy scheme"),
            "{err}"
        );
        assert!(ProxyConfig::resolve(None, &env)
            .for_scheme(false)
            .unwrap()
            .is_none());
    }

    fn uri(text: &str) -> ureq::http::Uri {
        text.parse().unwrap()
    }

    #[test]
    fn loopback_endpoints_never_use_a_proxy() {
        let env = HashMap::from([
            ("HTTPS_PROXY", "http://proxy.example:3128"),
            ("HTTP_PROXY", "http://proxy.example:3128"),
        ]);
        let config = ProxyConfig::resolve(None, &env);
        for endpoint in [
            "http://127.0.0.1:9229",
            "https://127.9.9.9",
            "http://[::1]:80",
            "https://localhost:8443",
        ] {
            assert!(
                config
                    .for_endpoint(Some(&uri(endpoint)), false)
                    .unwrap()
                    .is_none(),
                "{endpoint}"
            );
        }
        let proxy = config
            .for_endpoint(Some(&uri("https://cognito.example")), false)
            .unwrap()
            .unwrap();
        assert_eq!(proxy.host(), "proxy.example");
        assert!(config.for_endpoint(None, false).unwrap().is_some());
    }

    #[test]
    fn plain_request_through_a_remote_plain_proxy_is_a_cleartext_hop() {
        let env = HashMap::from([("HTTP_PROXY", "http://proxy.example:3128")]);
        let config = ProxyConfig::resolve(None, &env);
        let endpoint = uri("http://cognito.example");
        let err = config.for_endpoint(Some(&endpoint), false).unwrap_err();
        assert!(
            err.message().starts_with(
                "HTTP_PROXY: the proxy proxy.example:3128 is reached over plain HTTP off loopback"
            ),
            "{err}"
        );
        assert!(config
            .for_endpoint(Some(&endpoint), true)
            .unwrap()
            .is_some());
        let local = ProxyConfig::resolve(Some("http://127.0.0.1:3128"), &env);
        assert!(local
            .for_endpoint(Some(&endpoint), false)
            .unwrap()
            .is_some());
        let tls = ProxyConfig::resolve(Some("https://proxy.example:3129"), &env);
        assert!(tls.for_endpoint(Some(&endpoint), false).unwrap().is_some());
    }

    #[test]
    fn no_proxy_entries_reach_the_proxy_settings() {
        let env = HashMap::from([
            ("HTTPS_PROXY", "http://proxy.example:3128"),
            ("NO_PROXY", "example.com, .internal"),
        ]);
        let proxy = ProxyConfig::resolve(None, &env)
            .for_endpoint(None, false)
            .unwrap()
            .unwrap();
        assert!(proxy.is_no_proxy(&uri("https://example.com/")));
        assert!(proxy.is_no_proxy(&uri("https://cognito.internal/")));
        assert!(!proxy.is_no_proxy(&uri("https://cognito-idp.us-east-1.amazonaws.com/")));
    }
}
