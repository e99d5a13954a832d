//! The request as JavaScript passes it.

use std::collections::{BTreeMap, HashMap};

use cognito_attr_code::{AccessToken, GetAttrCodeRequest, VerificationCode, VerifyAttrRequest};
use napi_derive::napi;

/// Input of one call. The token moves into a zeroizing `AccessToken` at once.
#[napi(object)]
pub struct NativeRequest {
    pub access_token: String,
    pub attribute_name: String,
    pub client_metadata: Option<HashMap<String, String>>,
}

impl NativeRequest {
    /// The core request (validated by the core when it is sent).
    pub fn into_core(self) -> GetAttrCodeRequest {
        let request =
            GetAttrCodeRequest::new(AccessToken::from(self.access_token), self.attribute_name);
        match self.client_metadata {
            Some(metadata) => {
                request.client_metadata(metadata.into_iter().collect::<BTreeMap<_, _>>())
            }
            None => request,
        }
    }
}

/// Input of one `VerifyUserAttribute` call. The token and the code move into zeroizing secrets
/// at once.
#[napi(object)]
pub struct NativeVerifyRequest {
    pub access_token: String,
    pub attribute_name: String,
    pub code: String,
}

impl NativeVerifyRequest {
    /// The core request (validated by the core when it is sent).
    pub fn into_core(self) -> VerifyAttrRequest {
        VerifyAttrRequest::new(
            AccessToken::from(self.access_token),
            self.attribute_name,
            VerificationCode::from(self.code),
        )
    }
}
