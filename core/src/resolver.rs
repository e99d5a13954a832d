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

use crate::transport::POOL_IDLE_TIMEOUT;

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
