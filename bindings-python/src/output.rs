//! A successful call's output as the dict boto3 returns for
//! `get_user_attribute_verification_code`.

use cognito_attr_code::{GetAttrCodeOutput, ResponseFacts, VerifyAttrOutput};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// `{"CodeDeliveryDetails": {...}, "ResponseMetadata": {...}}`, with `CodeDeliveryDetails` and
/// each of its members present only when the service sent them, as botocore does.
/// `MaxAttemptsReached` is set, as by botocore's standard retry mode, when the call used all
/// `max_attempts` attempts, even if the last one succeeded.
pub fn to_response<'py>(
    py: Python<'py>,
    output: &GetAttrCodeOutput,
    max_attempts: u32,
) -> PyResult<Bound<'py, PyDict>> {
    let response = PyDict::new(py);
    if let Some(details) = &output.code_delivery_details {
        let shaped = PyDict::new(py);
        if let Some(destination) = &details.destination {
            shaped.set_item("Destination", destination)?;
        }
        if let Some(medium) = &details.delivery_medium {
            shaped.set_item("DeliveryMedium", medium.as_str())?;
        }
        if let Some(attribute) = &details.attribute_name {
            shaped.set_item("AttributeName", attribute)?;
        }
        response.set_item("CodeDeliveryDetails", shaped)?;
    }
    let metadata = response_metadata(py, output, max_attempts)?;
    response.set_item("ResponseMetadata", metadata)?;
    Ok(response)
}

/// `{"ResponseMetadata": {...}}`: boto3's `verify_user_attribute` response (its output shape
/// has no members).
pub fn to_verify_response<'py>(
    py: Python<'py>,
    output: &VerifyAttrOutput,
    max_attempts: u32,
) -> PyResult<Bound<'py, PyDict>> {
    let response = PyDict::new(py);
    let metadata = response_metadata(py, output, max_attempts)?;
    response.set_item("ResponseMetadata", metadata)?;
    Ok(response)
}

/// botocore's `ResponseMetadata`.
fn response_metadata<'py>(
    py: Python<'py>,
    output: &impl ResponseFacts,
    max_attempts: u32,
) -> PyResult<Bound<'py, PyDict>> {
    let metadata = PyDict::new(py);
    if let Some(request_id) = output.request_id() {
        metadata.set_item("RequestId", request_id)?;
    }
    metadata.set_item("HTTPStatusCode", output.http_status())?;
    metadata.set_item("HTTPHeaders", headers(py, output.http_headers())?)?;
    let attempts = output.attempts();
    if attempts >= max_attempts {
        metadata.set_item("MaxAttemptsReached", true)?;
    }
    metadata.set_item("RetryAttempts", attempts.saturating_sub(1))?;
    Ok(metadata)
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
