//! The compiled half of the `cognito_attr_code` Python package (`cognito_attr_code._native`).
//!
//! It converts Python arguments into a core request, runs the call with the GIL released, and
//! hands back plain dicts; the Pythonic and boto3-shaped API is built on top in pure Python.

mod client;
mod errors;
mod fake;
mod interruptible;
mod log_bridge;
mod output;
mod request;
mod settings;
mod spelling;

use pyo3::prelude::*;
use pyo3::types::PyTuple;

#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    log_bridge::install();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", cognito_attr_code::VERSION)?;
    let codes = cognito_attr_code::ServiceErrorCode::ALL
        .iter()
        .map(|code| code.as_str());
    m.add("SERVICE_ERROR_CODES", PyTuple::new(py, codes)?)?;
    let causes = cognito_attr_code::Cause::ALL
        .iter()
        .map(|cause| cause.as_str());
    m.add("DIAGNOSIS_CAUSES", PyTuple::new(py, causes)?)?;
    m.add_class::<client::Client>()?;
    m.add_class::<client::Cancellation>()?;
    m.add_class::<fake::FakeCognito>()?;
    m.add("FakeControlError", py.get_type::<fake::FakeControlError>())?;
    m.add("SETTING_NAMES", PyTuple::new(py, settings::names())?)?;
    Ok(())
}
