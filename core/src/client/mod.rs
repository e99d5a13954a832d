//! The client: built once from settings, reused for every call, shared between threads.

pub(crate) mod deadline;
mod diagnose;
pub(crate) mod per_process;
pub(crate) mod shared_client;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::endpoint::{is_loopback_host, missing_region, resolve_endpoint, EndpointParams};
use crate::config::environment::{Environment, ProcessEnvironment};
use crate::config::resolve::ResolvedConfig;
use crate::config::retry_mode::RetryMode;
use crate::config::settings::Settings;
use crate::config::source::{Source, Sourced};
use crate::error::phrase::{Part, Phrase};
use crate::error::setting_id::SettingId;
use crate::error::{Error, Result};
use crate::operation::{
    validate_access_token, GetAttrCodeOutput, GetAttrCodeRequest, Operation, ResponseMetadata,
    VerifyAttrOutput, VerifyAttrRequest,
};
use crate::retry::rate_limiter::RateLimiter;
use crate::retry::{is_throttling, RetryClock, RetryPolicy, SystemClock};
use crate::secrecy::raw_response::RawResponse;
use crate::secrecy::scrub::Secrets;
use crate::secrecy::secret_forms::{RecentForms, SecretForms};
use crate::secrecy::token_claims;
use crate::transport::cancellation::{self, Cancellation};
use crate::transport::failed_attempt::FailedAttempt;
use crate::transport::protocol;
use crate::transport::{AttemptDeadline, AttemptHeaders, Transport};
use deadline::OperationDeadline;
use per_process::{Owned, PerProcess};

/// Sends `GetUserAttributeVerificationCode` and `VerifyUserAttribute` requests.
///
/// Cloning is cheap and clones share the connection pool and the retry quota; a `Client` is
/// `Send + Sync`, so one instance can serve every thread. A client inherited through `fork`
/// works in the child: its first call there starts with fresh connections, quota and limiter
/// and never touches the parent's (see `per_process.rs`).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: ResolvedConfig,
    endpoint: EndpointPlan,
    user_agent: String,
    clock: Arc<dyn RetryClock>,
    /// The forms of the last access token, for the scrubber: prepared once per token.
    recent_forms: RecentForms,
    /// Remade in a forked child: connections, quota and limiter are never shared by processes.
    sending: PerProcess<Sending>,
}

/// What a client keeps per process.
struct Sending {
    transport: Transport,
    retry: RetryPolicy,
    /// Present in adaptive retry mode.
    rate_limiter: Option<RateLimiter>,
}

impl Sending {
    fn new(config: &ResolvedConfig, transport: Transport, clock: &dyn RetryClock) -> Self {
        Self {
            transport,
            retry: RetryPolicy::new(config.max_attempts.value, config.retry_read_timeouts),
            rate_limiter: (config.retry_mode.value == RetryMode::Adaptive)
                .then(|| RateLimiter::new(clock.now())),
        }
    }
}

/// What one attempt sends.
#[derive(Clone, Copy)]
struct Message<'a> {
    url: &'a str,
    body: &'a [u8],
    headers: &'a AttemptHeaders<'a>,
}

/// The endpoint is known when the client is built, unless no source sets a region: then the
/// region is read from each call's access token.
enum EndpointPlan {
    Fixed(String),
    RegionFromToken,
}

impl Client {
    /// A client configured by `settings`, then the process environment, then defaults.
    pub fn new(settings: &Settings) -> Result<Self> {
        Self::with_environment(settings, &ProcessEnvironment)
    }

    /// As [`Client::new`], with environment variables read from `env` instead of the process.
    #[doc(hidden)]
    pub fn with_environment(settings: &Settings, env: &dyn Environment) -> Result<Self> {
        ResolvedConfig::resolve(settings, env).and_then(Self::from_config)
    }

    /// A client running with an already resolved configuration.
    #[doc(hidden)]
    pub fn from_config(config: ResolvedConfig) -> Result<Self> {
        Self::build(config)
    }

    fn build(config: ResolvedConfig) -> Result<Self> {
        let endpoint = match resolve_endpoint(&endpoint_params(&config, None)) {
            Ok(url) => EndpointPlan::Fixed(check_endpoint_url(&url, &config)?),
            Err(_) if config.region.is_none() && config.endpoint_url.is_none() => {
                EndpointPlan::RegionFromToken
            }
            Err(e) => return Err(e),
        };
        let endpoint_uri = match &endpoint {
            EndpointPlan::Fixed(url) => url.parse::<ureq::http::Uri>().ok(),
            EndpointPlan::RegionFromToken => None,
        };
        let transport = Transport::new(&config, endpoint_uri.as_ref())?;
        let user_agent = transport.user_agent().to_owned();
        let clock: Arc<dyn RetryClock> = Arc::new(SystemClock);
        let sending = PerProcess::new(Sending::new(&config, transport, &*clock));
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                endpoint,
                user_agent,
                clock,
                recent_forms: RecentForms::default(),
                sending,
            }),
        })
    }

    /// This process's connections, quota and limiter: after a fork, fresh ones in the child.
    fn sending(&self) -> Arc<Owned<Sending>> {
        let inner = &*self.inner;
        inner.sending.get(|inherited| {
            Sending::new(
                &inner.config,
                inherited.transport.for_new_process(),
                &*inner.clock,
            )
        })
    }

    /// Replaces the clock and randomness of the retry loop (for deterministic tests).
    /// Call it right after construction: it applies to this handle only if it is not shared yet.
    #[cfg(feature = "testing")]
    #[doc(hidden)]
    pub fn with_retry_clock(mut self, clock: Arc<dyn RetryClock>) -> Self {
        if let Some(inner) = Arc::get_mut(&mut self.inner) {
            let config = &inner.config;
            // The limiter starts at the new clock's now; the transport has no connection yet.
            let remake = |s: &Sending| Sending::new(config, s.transport.for_new_process(), &*clock);
            let sending = remake(&inner.sending.get(remake));
            inner.sending = PerProcess::new(sending);
            inner.clock = clock;
        }
        self
    }

    /// The resolved configuration, with the source of each value.
    #[doc(hidden)]
    pub fn config(&self) -> &ResolvedConfig {
        &self.inner.config
    }

    /// The endpoint requests are sent to, or the configuration error that prevents resolving it
    /// (e.g. `Invalid Configuration: Missing Region` when no region is set; calls may still
    /// succeed then, with the region read from the access token).
    pub fn endpoint_url(&self) -> Result<&str> {
        match &self.inner.endpoint {
            EndpointPlan::Fixed(url) => Ok(url),
            EndpointPlan::RegionFromToken => Err(Self::missing_region()),
        }
    }

    /// "Missing Region", with how to set one (each front end spells it).
    fn missing_region() -> Error {
        missing_region().with_hint(vec![
            Part::Text("set one with ".into()),
            Part::HowToSet(SettingId::Region, "eu-west-1"),
            Part::Text(
                ", the AWS_REGION environment variable or `region` in the profile \
                 (~/.aws/config), or pass an access token whose issuer names a region \
                 (https://cognito-idp.<region>.amazonaws.com/...)"
                    .into(),
            ),
        ])
    }

    /// The `User-Agent` sent with every request.
    pub fn user_agent(&self) -> &str {
        &self.inner.user_agent
    }

    /// Asks Cognito to send a verification code for the request's attribute.
    pub fn get_attr_code(&self, request: &GetAttrCodeRequest) -> Result<GetAttrCodeOutput> {
        self.call(request)
    }

    /// Submits the verification code the user received; on success the attribute is verified.
    /// `CodeMismatchException` and `LimitExceededException` are never retried.
    pub fn verify_attr(&self, request: &VerifyAttrRequest) -> Result<VerifyAttrOutput> {
        self.call(request)
    }

    /// Sends any operation's request ([`Client::get_attr_code`] and [`Client::verify_attr`]
    /// call it): the one path of every call.
    pub fn call<O: Operation>(&self, request: &O) -> Result<O::Output> {
        self.call_cancellable(request, None)
    }

    /// As [`Client::call`]; once `cancellation` is set, no further attempt starts and a wait
    /// between attempts ends at once, with an [`crate::ErrorKind::Cancelled`] error.
    ///
    /// The one exit of every call: nothing derived from a response leaves it unscrubbed.
    pub fn call_cancellable<O: Operation>(
        &self,
        request: &O,
        cancellation: Option<&Cancellation>,
    ) -> Result<O::Output> {
        let secrets = Secrets::with_recent(request.secrets(), &self.inner.recent_forms);
        self.send(request, &secrets, cancellation)
            .map(|mut output| {
                O::scrub_output(&secrets, &mut output);
                output
            })
            .map_err(|error| {
                let error = self.named_timeout(error);
                let error = self.diagnosed(error, request.access_token().expose());
                secrets.scrub_error(error)
            })
    }

    /// A timeout's message with the setting that ran out and its value (each front end spells
    /// it: `readTimeoutMs=200`), instead of "the configured read timeout".
    fn named_timeout(&self, error: Error) -> Error {
        use crate::error::{ErrorKind, TimeoutPhase};
        let config = &self.inner.config;
        let (setting, id, phrase) = match error.kind() {
            ErrorKind::Timeout(TimeoutPhase::Connect) => (
                &config.connect_timeout,
                SettingId::ConnectTimeout,
                "the configured connect timeout",
            ),
            ErrorKind::Timeout(TimeoutPhase::Read) => (
                &config.read_timeout,
                SettingId::ReadTimeout,
                "the configured read timeout",
            ),
            ErrorKind::Timeout(TimeoutPhase::Attempt) => {
                (&config.attempt_timeout, SettingId::AttemptTimeout, "")
            }
            ErrorKind::Timeout(TimeoutPhase::Operation) => {
                (&config.operation_timeout, SettingId::OperationTimeout, "")
            }
            _ => return error,
        };
        // An attempt deadline derived from connect + read names no setting of its own.
        let Some(value) = setting.value else {
            return error;
        };
        let mut shown = vec![Part::SettingDuration(id, value)];
        if setting.source == Source::Default {
            shown.push(Part::Text(", the default".into()));
        }
        error.map_why(|why| {
            if phrase.is_empty() || !why.replace_text(phrase, shown.clone()) {
                why.push_text(" (");
                for part in shown {
                    why.push(part);
                }
                why.push_text(")");
            }
        })
    }

    /// The error with its diagnosis (`diagnose.rs`), from the error, the token's claims and
    /// the region the request went to. Before the scrubber: the hint may quote the service.
    fn diagnosed(&self, error: Error, token: &str) -> Error {
        if error.diagnosis().is_some() {
            return error;
        }
        let claims = token_claims::claims(token);
        let endpoint_region = match &self.inner.endpoint {
            EndpointPlan::Fixed(_) => self.inner.config.region.as_ref(),
            EndpointPlan::RegionFromToken => None,
        };
        let facts = diagnose::Facts {
            claims: claims.as_ref(),
            now_unix: now_unix(),
            endpoint_region: endpoint_region.map(|region| region.value.as_str()),
        };
        match diagnose::diagnose(&error, &facts) {
            Some(found) => error.with_diagnosis(found),
            None => error,
        }
    }

    fn send<O: Operation>(
        &self,
        request: &O,
        secrets: &Secrets,
        interruptible: Option<&Cancellation>,
    ) -> Result<O::Output> {
        let never = Cancellation::new();
        let cancellation = interruptible.unwrap_or(&never);
        let token = request.access_token().expose();
        // A token this client sent before passed the same checks then.
        let remembered = secrets.forms_of(token);
        if !remembered.is_some_and(SecretForms::checked_as_token) {
            validate_access_token(token)?;
            // The one local refusal whatever `validate_token` says: an ID token cannot succeed,
            // and sending it would count toward the user's limits.
            if let Some(refusal) = token_claims::id_token_claims(token)
                .as_ref()
                .and_then(diagnose::local_refusal)
            {
                return Err(refusal);
            }
            if let Some(forms) = remembered {
                forms.mark_checked_as_token();
            }
        }
        request.validate_except_token()?;
        if self.inner.config.validate_token {
            token_claims::precheck(token, now_unix())?;
        }
        let url = self.request_url(token)?;
        let body = request.body();
        let inner = &*self.inner;
        let sending = self.sending();
        // A version-4 UUID from the thread's seeded generator: an `amz-sdk-invocation-id` only
        // has to be unique, and the OS generator costs a system call per call (as would asking
        // for the process id again: `sending` knows it).
        let invocation_id = uuid::Builder::from_random_bytes(
            crate::retry::random::u128(sending.pid()).to_le_bytes(),
        )
        .into_uuid()
        .to_string();
        let max_attempts = sending.retry.max_attempts;
        let operation = OperationDeadline::start(&*inner.clock, &inner.config);
        let mut acquired = 0;
        let mut total_retry_delay = Duration::ZERO;
        let mut attempt = 1;
        loop {
            cancellation
                .check()
                .map_err(|e| e.with_attempts(attempt - 1, total_retry_delay))?;
            let headers = AttemptHeaders {
                target: O::NAME.target(),
                invocation_id: &invocation_id,
                attempt,
                max_attempts,
            };
            if let Some(limiter) = &sending.rate_limiter {
                let wait = limiter.acquire(inner.clock.now());
                if !wait.is_zero() {
                    log::debug!(target: "cognito_attr_code", "adaptive mode: waiting {} ms before sending", wait.as_millis());
                    operation
                        .check_wait(wait, &*inner.clock, None)
                        .map_err(|e| e.with_attempts(attempt - 1, total_retry_delay))?;
                    inner
                        .clock
                        .sleep_unless_cancelled(wait, cancellation)
                        .map_err(|e| e.with_attempts(attempt - 1, total_retry_delay))?;
                }
            }
            let attempt_once = || {
                self.attempt(
                    &sending.transport,
                    &Message {
                        url: &url,
                        body: &body,
                        headers: &headers,
                    },
                    secrets,
                    &operation,
                    cancellation,
                )
            };
            let outcome = match interruptible {
                Some(cancellation) => cancellation.watching(attempt_once),
                None => attempt_once(),
            };
            if outcome.is_err() && cancellation.is_cancelled() {
                return Err(cancellation::abandoned().with_attempts(attempt, total_retry_delay));
            }
            if let Some(limiter) = &sending.rate_limiter {
                let throttled = matches!(&outcome, Err(f) if is_throttling(&f.error));
                limiter.update(throttled, inner.clock.now());
            }
            let failure = match outcome {
                Ok(raw) => {
                    let body = O::parse_body(&raw)
                        .map_err(|e| e.with_attempts(attempt, total_retry_delay))?;
                    sending.retry.quota.release(acquired);
                    let metadata = ResponseMetadata::new(
                        raw.request_id(),
                        raw.status,
                        raw.headers,
                        attempt,
                        total_retry_delay,
                    );
                    return Ok(O::output(body, metadata));
                }
                Err(failure) => failure,
            };
            match sending
                .retry
                .next_delay(attempt, &failure, &mut acquired, &*inner.clock)
            {
                Some(delay) => {
                    log::debug!(
                        target: "cognito_attr_code",
                        "retrying after {} ms: {}", delay.as_millis(), failure.error
                    );
                    operation
                        .check_wait(delay, &*inner.clock, Some(&failure.error))
                        .map_err(|e| e.with_attempts(attempt, total_retry_delay))?;
                    inner
                        .clock
                        .sleep_unless_cancelled(delay, cancellation)
                        .map_err(|e| e.with_attempts(attempt, total_retry_delay))?;
                    total_retry_delay += delay;
                    attempt += 1;
                }
                None => return Err(failure.error.with_attempts(attempt, total_retry_delay)),
            }
        }
    }

    /// One attempt within the attempt and operation deadlines. A request that failed on a pooled
    /// connection the server had closed (no byte of response) never reached it: it is sent again
    /// once, on a new connection, as part of the same attempt.
    fn attempt(
        &self,
        transport: &Transport,
        message: &Message<'_>,
        secrets: &Secrets,
        operation: &OperationDeadline,
        cancellation: &Cancellation,
    ) -> std::result::Result<RawResponse, FailedAttempt> {
        let Message { url, body, headers } = *message;
        let deadline = operation.for_attempt(&*self.inner.clock);
        let started = Instant::now();
        let outcome = match transport.send(url, body, headers, secrets, deadline, false) {
            Err(failure) if failure.stale_connection && !cancellation.is_cancelled() => {
                log::debug!(
                    target: "cognito_attr_code",
                    "attempt {}/{} (invocation {}): the server had closed the pooled connection ({}); sending again on a new connection",
                    headers.attempt, headers.max_attempts, headers.invocation_id, failure.error
                );
                let replay = AttemptDeadline {
                    remaining: deadline
                        .remaining
                        .map(|d| d.saturating_sub(started.elapsed())),
                    ..deadline
                };
                transport.send(url, body, headers, secrets, replay, true)
            }
            other => other,
        };
        match outcome {
            Ok(raw) if (200..300).contains(&raw.status) => Ok(raw),
            Ok(raw) => Err(FailedAttempt {
                // Scrubbed here too: the retry log line prints it.
                error: secrets.scrub_error(protocol::parse_error(&raw)),
                retry_after: retry_after(&raw),
                not_sent: false,
                stale_connection: false,
            }),
            Err(failure) => Err(failure),
        }
    }

    fn request_url(&self, token: &str) -> Result<String> {
        let config = &self.inner.config;
        match &self.inner.endpoint {
            EndpointPlan::Fixed(url) => {
                // Decoding the token's claims only serves this warning: skipped when nobody
                // would see it, or when an endpoint URL makes the region irrelevant.
                let warn = config.endpoint_url.is_none()
                    && log::log_enabled!(target: "cognito_attr_code", log::Level::Warn);
                if let (true, Some(region)) = (warn, &config.region) {
                    let token_region = token_claims::token_region(token).unwrap_or_default();
                    if !token_region.is_empty() && region.value != token_region {
                        log::warn!(
                            target: "cognito_attr_code",
                            "region {} ({}) differs from the region of the access token's issuer ({token_region}); using {}",
                            region.value, region.source, region.value
                        );
                    }
                }
                Ok(url.clone())
            }
            EndpointPlan::RegionFromToken => {
                let Some(region) = token_claims::token_region(token) else {
                    return Err(Self::missing_region());
                };
                let url = resolve_endpoint(&endpoint_params(config, Some(region)))?;
                check_endpoint_url(&url, config)
            }
        }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let endpoint = match &self.inner.endpoint {
            EndpointPlan::Fixed(url) => url.as_str(),
            EndpointPlan::RegionFromToken => "(region from the access token)",
        };
        f.debug_struct("Client")
            .field("endpoint", &endpoint)
            .finish_non_exhaustive()
    }
}

fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn endpoint_params(config: &ResolvedConfig, token_region: Option<String>) -> EndpointParams {
    EndpointParams {
        region: config
            .region
            .as_ref()
            .map(|r| r.value.clone())
            .or(token_region),
        use_fips: config.use_fips_endpoint.value,
        use_dual_stack: config.use_dualstack_endpoint.value,
        endpoint: config.endpoint_url.as_ref().map(|e| e.value.clone()),
    }
}

/// Checks an endpoint URL and returns the URL requests are posted to (its path kept, with a
/// trailing `/`). Plain HTTP is refused off loopback unless explicitly allowed: the body carries
/// the token.
fn check_endpoint_url(url: &str, config: &ResolvedConfig) -> Result<String> {
    let invalid = |why: Phrase| match &config.endpoint_url {
        Some(Sourced {
            source: Source::Environment(name),
            ..
        }) => Error::configuration_phrase(*name, why),
        _ => Error::setting(SettingId::EndpointUrl, why),
    };
    let uri: ureq::http::Uri = url
        .parse()
        .map_err(|e| invalid(format!("{url:?} is not a valid URL: {e}").into()))?;
    let host = uri
        .host()
        .ok_or_else(|| invalid(format!("{url:?} has no host").into()))?;
    if uri.query().is_some() || url.contains('#') {
        return Err(invalid(
            format!("{url:?} must not have a query or fragment").into(),
        ));
    }
    match uri.scheme_str() {
        Some("https") => {}
        Some("http") if is_loopback_host(host) || config.allow_insecure_http.value => {}
        Some("http") => {
            return Err(invalid(Phrase::from(vec![
                Part::Text(format!("{url:?} is plain HTTP to a non-loopback host; the access token would cross the network unencrypted (set ")),
                Part::Setting(SettingId::AllowInsecureHttp),
                Part::Text(" to permit it)".into()),
            ])))
        }
        _ => {
            return Err(invalid(
                format!("{url:?} must start with https:// or http://").into(),
            ))
        }
    }
    Ok(format!("{}/", url.trim_end_matches('/')))
}

fn retry_after(raw: &RawResponse) -> Option<Duration> {
    raw.headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("x-amz-retry-after"))
        .and_then(|(_, value)| value.trim().parse::<u64>().ok())
        .map(Duration::from_millis)
}
