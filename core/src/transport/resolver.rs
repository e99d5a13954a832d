//! Name resolution without a thread per call.
//!
//! ureq resolves the host before every request, pooled connection or not, and with a resolve
//! timeout set its default resolver runs each lookup on a new thread. An IP-literal host needs
//! no lookup at all; a host name is looked up (on a thread, so that the connect timeout bounds
//! it) at most once per [`RESOLVED_ADDRESS_LIFETIME`]: a call on a pooled connection does not use
//! the addresses anyway, and a new connection within that time connects to the same ones.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

use crate::transport::connection_reuse::POOL_IDLE_TIMEOUT;

/// How long the addresses of a host name are reused for new connections.
pub(crate) const RESOLVED_ADDRESS_LIFETIME: Duration = POOL_IDLE_TIMEOUT;

/// Host names remembered at once; more are looked up every time.
const MAX_REMEMBERED_HOSTS: usize = 16;

#[derive(Debug, Default)]
pub(crate) struct CachingResolver {
    lookup: DefaultResolver,
    remembered: Mutex<HashMap<String, (Instant, ResolvedSocketAddrs)>>,
}

impl Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let (Some(scheme), Some(authority)) = (uri.scheme(), uri.authority()) else {
            return self.lookup.resolve(uri, config, timeout);
        };
        let host = authority.host();
        let literal = host.trim_start_matches('[').trim_end_matches(']');
        let port = authority.port_u16().or(match scheme.as_str() {
            "http" => Some(80),
            "https" => Some(443),
            _ => None,
        });
        if let (Ok(ip), Some(port)) = (literal.parse::<IpAddr>(), port) {
            let mut addrs = self.empty();
            addrs.push(SocketAddr::new(ip, port));
            return Ok(addrs);
        }
        let key = format!("{scheme}://{authority}");
        let now = Instant::now();
        let mut remembered = self
            .remembered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((at, addrs)) = remembered.get(&key) {
            if now.duration_since(*at) < RESOLVED_ADDRESS_LIFETIME {
                return Ok(addrs.clone());
            }
        }
        drop(remembered);
        let addrs = self.lookup.resolve(uri, config, timeout)?;
        remembered = self
            .remembered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        remembered.retain(|_, (at, _)| now.duration_since(*at) < RESOLVED_ADDRESS_LIFETIME);
        if remembered.len() < MAX_REMEMBERED_HOSTS {
            remembered.insert(key, (now, addrs.clone()));
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use ureq::unversioned::transport::time::Duration;
    use ureq::Timeout;

    use super::*;

    /// A budget already spent: a lookup on a thread (ureq's resolver with a timeout) could only
    /// time out, so an answer proves that none was made.
    fn expired() -> NextTimeout {
        NextTimeout {
            after: Duration::Exact(std::time::Duration::ZERO),
            reason: Timeout::Resolve,
            per_read: None,
            per_write: None,
        }
    }

    fn resolve(resolver: &CachingResolver, url: &str) -> Result<Vec<SocketAddr>, ureq::Error> {
        let uri: Uri = url.parse().unwrap();
        let addrs = resolver.resolve(&uri, &Config::default(), expired())?;
        Ok(addrs.iter().copied().collect())
    }

    #[test]
    fn ip_literals_need_no_lookup() {
        let resolver = CachingResolver::default();
        assert_eq!(
            resolve(&resolver, "http://127.0.0.1:8080/").unwrap(),
            ["127.0.0.1:8080".parse().unwrap()]
        );
        assert_eq!(
            resolve(&resolver, "https://[::1]/").unwrap(),
            ["[::1]:443".parse().unwrap()]
        );
    }

    #[test]
    fn a_resolved_name_is_reused_without_a_new_lookup() {
        let resolver = CachingResolver::default();
        let uri: Uri = "http://localhost:8080/".parse().unwrap();
        let unbounded = NextTimeout::default();
        let first = resolver
            .resolve(&uri, &Config::default(), unbounded)
            .unwrap();
        let again = resolve(&resolver, "http://localhost:8080/").unwrap();
        assert_eq!(again, first.iter().copied().collect::<Vec<_>>());
    }
}
