//! The compiled client: one connection pool and retry quota, shared by every Python thread.

use cognito_attr_code::{GetAttrCodeRequest, Operation, VerifyAttrRequest};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::{errors, interruptible, output, request, settings};

/// Wraps the core client. `frozen` keeps pyo3 from taking a borrow flag, so any number of
/// threads can be inside `get_attr_code` at once.
#[pyclass(frozen, module = "cognito_attr_code._native")]
pub struct Client {
    inner: cognito_attr_code::Client,
}

impl Client {
    /// Sends `request` with the GIL released, interruptible by signal handlers on the main thread
    /// (see `interruptible`), then shapes its output as boto3 does or raises the exception of
    /// its error: the one path of every operation. `cancellation`: the caller's flag; the call
    /// gets its own when there is none, so that an interrupted call can always be told to start
    /// no further attempt.
    fn call<'py, O: Operation + Send + 'static>(
        &self,
        py: Python<'py>,
        request: O,
        cancellation: Option<&Cancellation>,
    ) -> PyResult<Bound<'py, PyDict>>
    where
        O::Output: Send,
    {
        let client = self.inner.clone();
        let max_attempts = client.config().max_attempts.value;
        let cancellation =
            cancellation.map_or_else(cognito_attr_code::Cancellation::new, |c| c.inner.clone());
        match interruptible::run(py, cancellation, move |cancellation| {
            client.call_cancellable(&request, Some(cancellation))
        })? {
            Ok(out) => output::to_response(py, &out, max_attempts),
            Err(e) => Err(errors::from_call(py, &e, Some(max_attempts))),
        }
    }
}

#[pymethods]
impl Client {
    /// `settings`: the keyword arguments given to `caller` (the function the user called, named
    /// in errors), Python spellings of the core's settings table.
    #[new]
    #[pyo3(signature = (settings = None, caller = "Client", shared = false))]
    fn new(
        py: Python<'_>,
        settings: Option<&Bound<'_, PyDict>>,
        caller: &str,
        shared: bool,
    ) -> PyResult<Self> {
        let settings = settings::from_python(py, settings, caller)?;
        // Reads the CA bundle or the system trust store: file I/O, so without the GIL.
        // `shared`: the process-wide client of these settings (the one-shot functions' client).
        let inner = py
            .detach(|| {
                if shared {
                    cognito_attr_code::shared_client(&settings)
                } else {
                    cognito_attr_code::Client::new(&settings)
                }
            })
            .map_err(|e| errors::from_core(py, &e))?;
        Ok(Self { inner })
    }

    /// Sends the request with the GIL released; returns boto3's response dict. On the main
    /// thread a signal handler that raises (Ctrl-C) interrupts the call within about 50 ms.
    /// `cancellation`: once cancelled, no further attempt starts and a back-off wait ends.
    #[pyo3(signature = (access_token, attribute_name, client_metadata = None, cancellation = None))]
    fn get_attr_code<'py>(
        &self,
        py: Python<'py>,
        access_token: &Bound<'py, PyAny>,
        attribute_name: &Bound<'py, PyAny>,
        client_metadata: Option<&Bound<'py, PyAny>>,
        cancellation: Option<&Cancellation>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let request = GetAttrCodeRequest::new(
            request::text(access_token, "access_token")?,
            request::text(attribute_name, "attribute_name")?,
        );
        let request = match request::metadata(client_metadata)? {
            Some(metadata) => request.client_metadata(metadata),
            None => request,
        };
        self.call(py, request, cancellation)
    }

    /// Submits the verification code with the GIL released; returns boto3's response dict.
    /// `cancellation`: as for `get_attr_code`.
    #[pyo3(signature = (access_token, attribute_name, code, cancellation = None))]
    fn verify_attr<'py>(
        &self,
        py: Python<'py>,
        access_token: &Bound<'py, PyAny>,
        attribute_name: &Bound<'py, PyAny>,
        code: &Bound<'py, PyAny>,
        cancellation: Option<&Cancellation>,
    ) -> PyResult<Bound<'py, PyDict>> {
        // Like the token, the code is copied once, into a zeroizing secret.
        let request = VerifyAttrRequest::new(
            request::text(access_token, "access_token")?,
            request::text(attribute_name, "attribute_name")?,
            request::text(code, "code")?,
        );
        self.call(py, request, cancellation)
    }

    /// The URL requests go to; `ConfigurationError` when it depends on each call's token.
    #[getter]
    fn endpoint_url(&self, py: Python<'_>) -> PyResult<String> {
        self.inner
            .endpoint_url()
            .map(str::to_owned)
            .map_err(|e| errors::from_core(py, &e))
    }

    /// The `User-Agent` header sent with every request.
    #[getter]
    fn user_agent(&self) -> &str {
        self.inner.user_agent()
    }

    fn __repr__(&self) -> String {
        match self.inner.endpoint_url() {
            Ok(url) => format!("<cognito_attr_code._native.Client endpoint_url={url:?}>"),
            Err(_) => "<cognito_attr_code._native.Client region from the access token>".to_owned(),
        }
    }
}

/// A cancellation flag for one call, set from another thread (an asyncio task's cancellation).
#[pyclass(frozen, module = "cognito_attr_code._native")]
pub struct Cancellation {
    inner: cognito_attr_code::Cancellation,
}

#[pymethods]
impl Cancellation {
    #[new]
    fn new() -> Self {
        Self {
            inner: cognito_attr_code::Cancellation::new(),
        }
    }

    /// Stops the call before its next attempt (or during its back-off).
    fn cancel(&self) {
        self.inner.cancel();
    }

    #[getter]
    fn cancelled(&self) -> bool {
        self.inner.is_cancelled()
    }
}
