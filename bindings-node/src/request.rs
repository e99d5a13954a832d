//! The request as JavaScript passes it, and the one list of the operations the addon sends.

use std::collections::{BTreeMap, HashMap};

use cognito_attr_code::{
    AccessToken, Cancellation, Client, GetAttrCodeRequest, Operation, VerificationCode,
    VerifyAttrRequest,
};
use napi_derive::napi;

use crate::outcome::Outcome;

/// Input of one call of `operation` (its service-model name). The token and the code move into
/// zeroizing secrets at once.
#[napi(object)]
pub struct NativeRequest {
    /// `GetUserAttributeVerificationCode` or `VerifyUserAttribute`.
    pub operation: String,
    pub access_token: String,
    pub attribute_name: String,
    /// `GetUserAttributeVerificationCode` only.
    pub client_metadata: Option<HashMap<String, String>>,
    /// `VerifyUserAttribute` only (required there).
    pub code: Option<String>,
}

/// The core request of one call, of any operation.
pub(crate) enum Request {
    GetAttrCode(GetAttrCodeRequest),
    VerifyAttr(VerifyAttrRequest),
}

impl NativeRequest {
    /// The core request (validated by the core when it is sent).
    /// An unknown `operation` is a bug of this package's JavaScript: it throws.
    pub(crate) fn into_core(self) -> napi::Result<Request> {
        let token = AccessToken::from(self.access_token);
        match self.operation.as_str() {
            "GetUserAttributeVerificationCode" => {
                let request = GetAttrCodeRequest::new(token, self.attribute_name);
                Ok(Request::GetAttrCode(match self.client_metadata {
                    Some(metadata) => {
                        request.client_metadata(metadata.into_iter().collect::<BTreeMap<_, _>>())
                    }
                    None => request,
                }))
            }
            "VerifyUserAttribute" => Ok(Request::VerifyAttr(VerifyAttrRequest::new(
                token,
                self.attribute_name,
                VerificationCode::from(self.code.unwrap_or_default()),
            ))),
            other => Err(napi::Error::from_reason(format!(
                "cognito-attr-code: {other:?} is not an operation of this addon"
            ))),
        }
    }
}

impl Request {
    /// Sends it with `client`, blocking; every failure becomes an `Outcome`.
    pub(crate) fn send(&self, client: &Client, cancellation: Option<&Cancellation>) -> Outcome {
        fn call<O: Operation>(client: &Client, request: &O, c: Option<&Cancellation>) -> Outcome {
            client.call_cancellable(request, c).into()
        }
        match self {
            Request::GetAttrCode(request) => call(client, request, cancellation),
            Request::VerifyAttr(request) => call(client, request, cancellation),
        }
    }
}
