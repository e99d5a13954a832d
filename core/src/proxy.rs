//! HTTP proxies: an explicit setting, else `HTTPS_PROXY` / `HTTP_PROXY` (either case, by the
//! endpoint's scheme), with `NO_PROXY` exceptions. Requests go through the proxy with CONNECT, so
//! the proxy sees the target host and port, never the request.

use ureq::Proxy;

use crate::config::{Source, Sourced};
use crate::environment::Environment;
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

    /// The ureq proxy for an endpoint of the given scheme, if any.
    pub(crate) fn for_scheme(&self, https: bool) -> Result<Option<Proxy>> {
        let Some(url) = (if https { &self.https } else { &self.http }) else {
            return Ok(None);
        };
        let setting = || match &url.source {
            Source::Environment(name) => (*name).to_owned(),
            _ => "proxy".to_owned(),
        };
        let invalid = |why: &str| {
            Error::configuration(
                setting(),
                format_args!("{why} (expected http://[user:password@]host:port)"),
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
}
