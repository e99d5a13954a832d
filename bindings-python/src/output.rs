//! A successful call's output as the dict boto3 returns for the operation, shaped from the
//! output's members and metadata whatever the operation.

use cognito_attr_code::{Member, OperationOutput, ResponseMetadata};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The output's members (e.g. `{"CodeDeliveryDetails": {...}}`, each present only when the
/// service sent it, as botocore does) and `"ResponseMetadata"`. `MaxAttemptsReached` is set, as
/// by botocore's standard retry mode, when the call used all `max_attempts` attempts, even if
/// the last one succeeded.
pub fn to_response<'py>(
    py: Python<'py>,
    output: &impl OperationOutput,
    max_attempts: u32,
) -> PyResult<Bound<'py, PyDict>> {
    let response = structure(py, output.members())?;
    let metadata = response_metadata(py, output.metadata(), max_attempts)?;
    response.set_item("ResponseMetadata", metadata)?;
    Ok(response)
}

fn structure<'py>(
    py: Python<'py>,
    members: Vec<(&str, Member<'_>)>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, member) in members {
        match member {
            Member::Text(text) => dict.set_item(name, text)?,
            Member::Structure(inner) => dict.set_item(name, structure(py, inner)?)?,
        }
    }
    Ok(dict)
}

/// botocore's `ResponseMetadata`.
fn response_metadata<'py>(
    py: Python<'py>,
    metadata: &ResponseMetadata,
    max_attempts: u32,
) -> PyResult<Bound<'py, PyDict>> {
    let shaped = PyDict::new(py);
    if let Some(request_id) = &metadata.request_id {
        shaped.set_item("RequestId", request_id)?;
    }
    shaped.set_item("HTTPStatusCode", metadata.http_status)?;
    shaped.set_item("HTTPHeaders", headers(py, &metadata.http_headers)?)?;
    if metadata.attempts >= max_attempts {
        shaped.set_item("MaxAttemptsReached", true)?;
    }
    shaped.set_item("RetryAttempts", metadata.attempts.saturating_sub(1))?;
    Ok(shaped)
}

/// Header names are already lower case; a repeated header is joined with `", "` as botocore's
/// `HTTPHeaders` (built from urllib3's header dict) does.
pub fn headers<'py>(py: Python<'py>, headers: &[(String, String)]) -> PyResult<Bound<'py, PyDict>> {
    let mut joined: Vec<(&str, String)> = Vec::with_capacity(headers.len());
    for (name, value) in headers {
        match joined.iter_mut().find(|(seen, _)| *seen == name.as_str()) {
            Some((_, existing)) => {
                existing.push_str(", ");
                existing.push_str(value);
            }
            None => joined.push((name, value.clone())),
        }
    }
    let dict = PyDict::new(py);
    for (name, value) in joined {
        dict.set_item(name, value)?;
    }
    Ok(dict)
}
