//! A reusable client: one connection pool and retry quota shared by every call, including
//! concurrent ones (the core client is `Send + Sync` and cheap to clone into each call), and one
//! bound on the calls it runs at once.

use cognito_attr_code::Client;
use std::sync::Arc;

use napi::bindgen_prelude::Object;
use napi::Env;

use napi_derive::napi;

use crate::call::{self, NativeCancellation, Sender};
use crate::call_queue::CallQueue;
use crate::outcome::{NativeError, Outcome};
use crate::request::NativeRequest;
use crate::settings::{self, NativeSettings};

/// A client and its bound, or the configuration error that prevented building it.
/// Construction never throws: the wrapper reads `error` and throws the matching class.
#[napi]
pub struct NativeClient {
    client: Result<(Client, Arc<CallQueue>), Box<NativeError>>,
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
    pub fn new(settings: Option<NativeSettings>) -> Self {
        let bound = settings::max_concurrent_calls(settings.as_ref());
        let client = settings::into_core(settings).and_then(|settings| {
            let client = Client::new(&settings).map_err(|e| Box::new(NativeError::from(&e)))?;
            Ok((client, CallQueue::new(bound)))
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
        match self
            .client
            .as_ref()
            .map(|(client, _)| client.endpoint_url())
        {
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
        self.client
            .as_ref()
            .ok()
            .map(|(c, _)| c.user_agent().to_owned())
    }

    /// One call of `request.operation` on the addon's I/O threads, in turn within the client's
    /// bound; `cancellation` stops it before its next attempt.
    #[napi(ts_return_type = "Promise<Outcome>")]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        request: NativeRequest,
        cancellation: Option<&NativeCancellation>,
    ) -> napi::Result<Object<'env>> {
        call::start(env, &self.client, request.into_core()?, cancellation)
    }

    /// One blocking call.
    #[napi]
    pub fn call_sync(&self, request: NativeRequest) -> napi::Result<Outcome> {
        Ok(self.sender().send(&request.into_core()?))
    }
}

impl NativeClient {
    fn sender(&self) -> Sender {
        match &self.client {
            Ok((client, _)) => Sender::Shared(client.clone()),
            Err(error) => Sender::OneShot(Err(error.clone())),
        }
    }
}
