//! `NativeFakeCognito`: the Rust Cognito fake (`cognito-attr-code-fake`) for
//! `cognito-attr-code/testing`. Control arguments and results cross as JSON text in the fake's
//! snake_case; `testing.js` gives them their camelCase names and error classes.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use cognito_attr_code_fake::{FakeCognito, FakeError, Options};
use napi::bindgen_prelude::AsyncTask;
use napi::{Env, Task};
use napi_derive::napi;

type Shared = Arc<Mutex<Option<FakeCognito>>>;

/// The fields of the Rust `Options`, each optional (checked by `testing.js`).
#[napi(object)]
pub struct NativeFakeOptions {
    pub region: Option<String>,
    pub user_pool_id: Option<String>,
    pub port: Option<u16>,
    /// A safe integer ≥ 0 (`testing.js` checks it).
    pub seed: Option<i64>,
    pub daily_email_quota: Option<u32>,
}

/// A running fake on 127.0.0.1. A refused action throws an `Error` whose `code` is the kind
/// (`InvalidArgument`, `UnknownUser`, `UnknownAction`, `Io`, `Stopped`) and whose message names
/// the snake_case field.
#[napi]
pub struct NativeFakeCognito {
    fake: Shared,
    endpoint_url: String,
    region: String,
    port: u16,
}

#[napi]
impl NativeFakeCognito {
    /// Binds the port and starts the server's threads (fast: no request is made).
    #[napi(factory)]
    pub fn start(options: NativeFakeOptions) -> napi::Result<Self, String> {
        let defaults = Options::default();
        let options = Options {
            region: options.region.unwrap_or(defaults.region),
            user_pool_id: options.user_pool_id,
            port: options.port.unwrap_or(defaults.port),
            seed: options
                .seed
                .map_or(defaults.seed, |seed| seed.unsigned_abs()),
            daily_email_quota: options.daily_email_quota,
        };
        let fake = FakeCognito::start(options).map_err(to_js)?;
        Ok(Self {
            endpoint_url: fake.endpoint_url(),
            region: fake.region().to_owned(),
            port: fake.port(),
            fake: Arc::new(Mutex::new(Some(fake))),
        })
    }

    #[napi(getter)]
    pub fn endpoint_url(&self) -> String {
        self.endpoint_url.clone()
    }

    #[napi(getter)]
    pub fn region(&self) -> String {
        self.region.clone()
    }

    #[napi(getter)]
    pub fn port(&self) -> u32 {
        u32::from(self.port)
    }

    /// Whether `stop` has not been called.
    #[napi(getter)]
    pub fn running(&self) -> bool {
        lock(&self.fake).is_some()
    }

    /// One control action (`add_user`, `codes`, ...) with its JSON arguments; returns its JSON
    /// result. Only takes the fake's state lock: no I/O.
    #[napi]
    pub fn control(&self, action: String, args: String) -> napi::Result<String, String> {
        let args: serde_json::Value = serde_json::from_str(&args)
            .map_err(|e| napi::Error::new("InvalidArgument".to_owned(), e.to_string()))?;
        match lock(&self.fake).as_ref() {
            Some(fake) => fake
                .control(&action, &args)
                .map(|value| value.to_string())
                .map_err(to_js),
            None => Err(napi::Error::new(
                "Stopped".to_owned(),
                "the fake has been stopped".to_owned(),
            )),
        }
    }

    /// Stops the server and joins its threads on the libuv pool, off the JS thread. A second
    /// call resolves at once.
    #[napi(ts_return_type = "Promise<void>")]
    pub fn stop(&self) -> AsyncTask<StopFake> {
        AsyncTask::new(StopFake(Arc::clone(&self.fake)))
    }
}

/// The work of `stop`.
pub struct StopFake(Shared);

#[napi]
impl Task for StopFake {
    type Output = ();
    type JsValue = ();

    fn compute(&mut self) -> napi::Result<()> {
        // Taken out under the lock, dropped (joined) after it is released.
        let fake = lock(&self.0).take();
        drop(fake);
        Ok(())
    }

    fn resolve(&mut self, _env: Env, _output: ()) -> napi::Result<()> {
        Ok(())
    }
}

fn lock(fake: &Shared) -> MutexGuard<'_, Option<FakeCognito>> {
    // The Option is swapped whole: a panic while locked leaves nothing half-updated.
    fake.lock().unwrap_or_else(PoisonError::into_inner)
}

fn to_js(error: FakeError) -> napi::Error<String> {
    let kind = error.kind.as_str();
    napi::Error::new(kind.to_owned(), error.message)
}
