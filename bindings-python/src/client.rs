//! The compiled client: one connection pool and retry quota, shared by every Python thread.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::{errors, output, request, settings};

/// Wraps the core client. `frozen` keeps pyo3 from taking a borrow flag, so any number of
/// threads can be inside `get_attr_code` at once.
#[pyclass(frozen, module = "cognito_attr_code._native")]
pub struct Client {
    inner: cognito_attr_code::Client,
}

#[pymethods]
impl Client {
    /// `settings`: the keyword arguments given to `caller` (the function the user called, named
    /// in errors), Python spellings of the core's settings table.
    #[new]
    #[pyo3(signature = (settings = None, caller = "Client"))]
    fn new(py: Python<'_>, settings: Option<&Bound<'_, PyDict>>, caller: &str) -> PyResult<Self> {
        let settings = settings::from_python(py, settings, caller)?;
        // Reads the CA bundle or the system trust store: file I/O, so without the GIL.
        let inner = py
            .detach(|| cognito_attr_code::Client::new(&settings))
            .map_err(|e| errors::from_core(py, &e))?;
        Ok(Self { inner })
    }

    /// Sends the request with the GIL released; returns boto3's response dict.
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
        let request = request::from_python(access_token, attribute_name, client_metadata)?;
        let client = &self.inner;
        let max_attempts = client.config().max_attempts.value;
        let cancellation = cancellation.map(|c| &c.inner);
        match py.detach(|| client.get_attr_code_cancellable(&request, cancellation)) {
            Ok(out) => output::to_response(py, &out, max_attempts),
            Err(e) => Err(errors::from_call(py, &e, Some(max_attempts))),
        }
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
