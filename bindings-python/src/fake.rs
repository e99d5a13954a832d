//! `_native.FakeCognito`: the Rust Cognito fake (`cognito-attr-code-fake`) for
//! `cognito_attr_code.testing`. Control arguments and results cross as JSON text; the Pythonic API,
//! its keywords and its exception classes are in the pure-Python module.

use std::sync::Mutex;

use cognito_attr_code_fake::{FakeCognito as Fake, FakeError, Options};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    _native,
    FakeControlError,
    PyException,
    "A refused fake action: args are (kind, message), kind one of InvalidArgument, UnknownUser, UnknownAction, Io, Stopped."
);

/// A running fake on 127.0.0.1. `frozen`: every method takes `&self`, so a test's threads can
/// drive it while a client call is in flight.
#[pyclass(frozen, module = "cognito_attr_code._native")]
pub struct FakeCognito {
    fake: Mutex<Option<Fake>>,
    endpoint_url: String,
    region: String,
    port: u16,
}

#[pymethods]
impl FakeCognito {
    /// Starts the fake with the fields of the Rust `Options`.
    #[new]
    #[pyo3(signature = (region, user_pool_id, port, seed, daily_email_quota))]
    fn new(
        py: Python<'_>,
        region: String,
        user_pool_id: Option<String>,
        port: u16,
        seed: u64,
        daily_email_quota: Option<u32>,
    ) -> PyResult<Self> {
        let options = Options {
            region,
            user_pool_id,
            port,
            seed,
            daily_email_quota,
        };
        let fake = py.detach(|| Fake::start(options)).map_err(to_python)?;
        Ok(Self {
            endpoint_url: fake.endpoint_url(),
            region: fake.region().to_owned(),
            port: fake.port(),
            fake: Mutex::new(Some(fake)),
        })
    }

    #[getter]
    fn endpoint_url(&self) -> &str {
        &self.endpoint_url
    }

    #[getter]
    fn region(&self) -> &str {
        &self.region
    }

    #[getter]
    fn port(&self) -> u16 {
        self.port
    }

    /// Whether `stop` has not been called.
    #[getter]
    fn running(&self) -> bool {
        self.lock().is_some()
    }

    /// One control action (`add_user`, `codes`, ...) with its JSON arguments; returns its JSON
    /// result. Runs without the GIL: the fake's lock may be held by a request being served.
    fn control(&self, py: Python<'_>, action: &str, args: &str) -> PyResult<String> {
        let args: serde_json::Value = serde_json::from_str(args)
            .map_err(|e| FakeControlError::new_err(("InvalidArgument", e.to_string())))?;
        py.detach(|| match self.lock().as_ref() {
            Some(fake) => fake
                .control(action, &args)
                .map(|value| value.to_string())
                .map_err(to_python),
            None => Err(FakeControlError::new_err((
                "Stopped",
                "the fake has been stopped",
            ))),
        })
    }

    /// Stops the server and waits for its threads, without the GIL (a request being served may
    /// need it to finish). Calling it again does nothing.
    fn stop(&self, py: Python<'_>) {
        let fake = self.lock().take();
        py.detach(move || drop(fake));
    }
}

impl FakeCognito {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Fake>> {
        // A panic while locked left no half-updated state here: the Option is swapped whole.
        self.fake
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn to_python(error: FakeError) -> PyErr {
    let kind = error.kind.as_str();
    FakeControlError::new_err((kind, error.message))
}
