//! What every test of the fake shares: a started fake, the project's own client pointed at it,
//! and raw HTTP for the control endpoints and the wire-level cases.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use cognito_attr_code::{
    Client, Error, GetAttrCodeOutput, GetAttrCodeRequest, Settings, VerifyAttrOutput,
    VerifyAttrRequest,
};
use cognito_attr_code_fake::{FakeCognito, Options};
use serde_json::{json, Value};

pub const EMAIL: &str = "jane@example.com";
pub const PHONE: &str = "+15555551234";

/// A fake with seed 7 and user `jane` (e-mail and phone); returns it and jane's access token.
pub fn fake_with_jane() -> (FakeCognito, String) {
    let fake = FakeCognito::start(Options {
        seed: 7,
        ..Options::default()
    })
    .unwrap();
    let token = add_user(
        &fake,
        json!({"username": "jane", "email": EMAIL, "phone_number": PHONE}),
    );
    (fake, token)
}

pub fn add_user(fake: &FakeCognito, args: Value) -> String {
    fake.control("add_user", &args).unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The project's client, one attempt, no environment: only the endpoint and region are set.
pub fn client(fake: &FakeCognito) -> Client {
    let env: HashMap<&str, &str> = HashMap::new();
    Client::with_environment(
        &Settings::new()
            .endpoint_url(fake.endpoint_url())
            .region(fake.region())
            .max_attempts(1)
            .read_timeout(Duration::from_secs(10)),
        &env,
    )
    .unwrap()
}

pub fn send_code(
    fake: &FakeCognito,
    token: &str,
    attribute: &str,
) -> Result<GetAttrCodeOutput, Error> {
    client(fake).get_attr_code(&GetAttrCodeRequest::new(token, attribute))
}

pub fn verify(
    fake: &FakeCognito,
    token: &str,
    attribute: &str,
    code: &str,
) -> Result<VerifyAttrOutput, Error> {
    client(fake).verify_attr(&VerifyAttrRequest::new(token, attribute, code))
}

pub fn last_code(fake: &FakeCognito, attribute: &str) -> Option<String> {
    fake.control(
        "last_code",
        &json!({"username": "jane", "attribute": attribute}),
    )
    .unwrap()["code"]
        .as_str()
        .map(str::to_owned)
}

pub fn advance(fake: &FakeCognito, seconds: u64) -> i64 {
    fake.control("advance", &json!({ "seconds": seconds }))
        .unwrap()["now"]
        .as_i64()
        .unwrap()
}

/// `(code, message)` of a service error.
pub fn service_error(error: &Error) -> (String, String) {
    (error.code().to_owned(), error.message().to_owned())
}

/// A raw HTTP response: status, lower-case headers, body.
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

/// One `POST` on a fresh connection with `Connection: close`; reads to the end (bounded by a
/// 10 s read timeout).
pub fn raw_post(
    port: u16,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<RawResponse> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8(response).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    Ok(RawResponse {
        status,
        headers,
        body: body.to_owned(),
    })
}

/// A Cognito call over raw HTTP.
pub fn raw_call(port: u16, operation: &str, body: &str) -> RawResponse {
    let target = format!("AWSCognitoIdentityProviderService.{operation}");
    raw_post(
        port,
        "/",
        &[
            ("X-Amz-Target", &target),
            ("Content-Type", "application/x-amz-json-1.1"),
        ],
        body,
    )
    .unwrap()
}

/// A new access token for jane (after `advance` past the hour a token lives).
pub fn fresh_token(fake: &FakeCognito) -> String {
    fake.control("mint_token", &json!({"username": "jane"}))
        .unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned()
}
