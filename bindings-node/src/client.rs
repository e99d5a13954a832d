//! A reusable client: one connection pool and retry quota shared by every call, including
//! concurrent ones (the core client is `Send + Sync` and cheap to clone into each task).

use cognito_attr_code::Client;
use std::collections::HashMap;

use napi::bindgen_prelude::{AsyncTask, Either3};

use napi_derive::napi;

use crate::outcome::{NativeError, Outcome};
use crate::request::{NativeRequest, NativeVerifyRequest};
use crate::settings;
use crate::task::{CallTask, NativeCancellation, Sender};

/// A client, or the configuration error that prevented building it. Construction never throws:
/// the wrapper reads `error` and throws the matching class.
#[napi]
pub struct NativeClient {
    client: Result<Client, Box<NativeError>>,
}

/// The endpoint, or why it cannot be resolved.
#[napi(object)]
pub struct EndpointOutcome {
    pub url: Option<String>,
    pub error: Option<NativeError>,
}

#[napi]
impl NativeClient {
    #[napi(constructor)]
    pub fn new(settings: Option<HashMap<String, Either3<String, f64, bool>>>) -> Self {
        let client = settings::into_core(settings).and_then(|settings| {
            Client::new(&settings).map_err(|e| Box::new(NativeError::from(&e)))
        });
        Self { client }
    }

    /// The error that prevented building the client, if any.
    #[napi(getter)]
    pub fn error(&self) -> Option<NativeError> {
        self.client.as_ref().err().map(|e| NativeError::clone(e))
    }

    /// The endpoint requests go to (resolved when the client was built).
    #[napi]
    pub fn endpoint_url(&self) -> EndpointOutcome {
        match self.client.as_ref().map(Client::endpoint_url) {
            Ok(Ok(url)) => EndpointOutcome {
                url: Some(url.to_owned()),
                error: None,
            },
            Ok(Err(error)) => EndpointOutcome {
                url: None,
                error: Some(NativeError::from(&error)),
            },
            Err(error) => EndpointOutcome {
                url: None,
                error: Some(NativeError::clone(error)),
            },
        }
    }

    /// The `User-Agent` sent with every request.
    #[napi]
    pub fn user_agent(&self) -> Option<String> {
        self.client.as_ref().ok().map(|c| c.user_agent().to_owned())
    }

    /// One call on the libuv pool; `cancellation` stops it before its next attempt.
    #[napi]
    pub fn get_attr_code(
        &self,
        request: NativeRequest,
        cancellation: Option<&NativeCancellation>,
    ) -> AsyncTask<CallTask> {
        AsyncTask::new(CallTask::new(
            self.sender(),
            request.into_core(),
            cancellation,
        ))
    }

    /// One blocking call.
    #[napi]
    pub fn get_attr_code_sync(&self, request: NativeRequest) -> Outcome {
        self.sender().send(&request.into_core(), None)
    }

    /// One `VerifyUserAttribute` call on the libuv pool; `cancellation` as for `get_attr_code`.
    #[napi]
    pub fn verify_attr(
        &self,
        request: NativeVerifyRequest,
        cancellation: Option<&NativeCancellation>,
    ) -> AsyncTask<CallTask> {
        AsyncTask::new(CallTask::new(
            self.sender(),
            request.into_core(),
            cancellation,
        ))
    }

    /// One blocking `VerifyUserAttribute` call.
    #[napi]
    pub fn verify_attr_sync(&self, request: NativeVerifyRequest) -> Outcome {
        self.sender().send_verify(&request.into_core(), None)
    }
}

impl NativeClient {
    fn sender(&self) -> Sender {
        match &self.client {
            Ok(client) => Sender::Shared(client.clone()),
            Err(error) => Sender::OneShot(Err(error.clone())),
        }
    }
}
