//! The compiled client: one connection pool and retry quota, shared by every Python thread.

use std::path::PathBuf;

use cognito_attr_code::CommonSettings;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::settings::SettingsArgs;
use crate::{errors, output, request};

/// Wraps the core client. `frozen` keeps pyo3 from taking a borrow flag, so any number of
/// threads can be inside `get_attr_code` at once.
#[pyclass(frozen, module = "cognito_attr_code._native")]
pub struct Client {
    inner: cognito_attr_code::Client,
}

impl Client {
    /// Runs `send` with the GIL released, then shapes its output as boto3 does or raises the
    /// exception of its error.
    fn call<'py, T: Send>(
        &self,
        py: Python<'py>,
        send: impl FnOnce(&cognito_attr_code::Client) -> cognito_attr_code::Result<T> + Send,
        shape: impl FnOnce(Python<'py>, &T, u32) -> PyResult<Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let client = &self.inner;
        let max_attempts = client.config().max_attempts.value;
        match py.detach(|| send(client)) {
            Ok(out) => shape(py, &out, max_attempts),
            Err(e) => Err(errors::from_call(py, &e, Some(max_attempts))),
        }
    }
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (
        *,
        region = None,
        endpoint_url = None,
        connect_timeout = None,
        read_timeout = None,
        attempt_timeout = None,
        operation_timeout = None,
        max_attempts = None,
        retry_mode = None,
        ca_bundle = None,
        verify = None,
        allow_insecure_http = None,
        use_fips_endpoint = None,
        use_dualstack_endpoint = None,
        retry_read_timeouts = None,
        profile = None,
        proxy = None,
        validate_token = None,
        shared = false,
    ))]
    // One parameter per setting: pyo3 then rejects unknown keywords with a TypeError.
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        region: Option<String>,
        endpoint_url: Option<String>,
        connect_timeout: Option<f64>,
        read_timeout: Option<f64>,
        attempt_timeout: Option<f64>,
        operation_timeout: Option<f64>,
        max_attempts: Option<i64>,
        retry_mode: Option<String>,
        ca_bundle: Option<PathBuf>,
        verify: Option<Bound<'_, PyAny>>,
        allow_insecure_http: Option<bool>,
        use_fips_endpoint: Option<bool>,
        use_dualstack_endpoint: Option<bool>,
        retry_read_timeouts: Option<bool>,
        profile: Option<String>,
        proxy: Option<String>,
        validate_token: Option<bool>,
        shared: bool,
    ) -> PyResult<Self> {
        let settings = SettingsArgs {
            common: CommonSettings {
                region,
                endpoint_url,
                allow_insecure_http,
                use_fips_endpoint,
                use_dualstack_endpoint,
                retry_read_timeouts,
                profile,
                proxy,
                validate_token,
            },
            connect_timeout,
            read_timeout,
            attempt_timeout,
            operation_timeout,
            max_attempts,
            retry_mode,
            ca_bundle,
            verify,
        }
        .into_settings(py)?;
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

    /// Sends the request with the GIL released; returns boto3's response dict.
    #[pyo3(signature = (access_token, attribute_name, client_metadata = None))]
    fn get_attr_code<'py>(
        &self,
        py: Python<'py>,
        access_token: &Bound<'py, PyAny>,
        attribute_name: &Bound<'py, PyAny>,
        client_metadata: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let request = request::from_python(access_token, attribute_name, client_metadata)?;
        self.call(
            py,
            |client| client.get_attr_code(&request),
            output::to_response,
        )
    }

    /// Submits the verification code with the GIL released; returns boto3's response dict.
    fn verify_attr<'py>(
        &self,
        py: Python<'py>,
        access_token: &Bound<'py, PyAny>,
        attribute_name: &Bound<'py, PyAny>,
        code: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let request = request::verify_from_python(access_token, attribute_name, code)?;
        self.call(
            py,
            |client| client.verify_attr(&request),
            output::to_verify_response,
        )
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
