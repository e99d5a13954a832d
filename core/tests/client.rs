//! The client against scripted loopback servers: success shapes, every error path, the exact
//! request bytes, timeouts, redirects, oversized and broken responses, and the token's secrecy.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cognito_attr_code::{
    Client, DeliveryMedium, Error, ErrorKind, GetAttrCodeRequest, ServiceErrorCode, Settings,
    TimeoutPhase,
};
use test_support::{captured_logs, RecordingClock, Reply, TestServer};

const TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTEifQ.SECRET-signature_x";

fn no_env() -> HashMap<&'static str, &'static str> {
    HashMap::new()
}

fn client_for(server: &TestServer, settings: Settings) -> Client {
    Client::with_environment(&settings.endpoint_url(server.url()), &no_env())
        .unwrap()
        .with_retry_clock(Arc::new(RecordingClock::new(1.0)))
}

fn call(server: &TestServer) -> Result<cognito_attr_code::GetAttrCodeOutput, Error> {
    client_for(server, Settings::new().max_attempts(1)).get_attr_code(&request())
}

fn request() -> GetAttrCodeRequest {
    GetAttrCodeRequest::new(TOKEN, "email")
}

fn assert_secret_absent(text: &str) {
    assert!(!text.contains("SECRET"), "token leaked into: {text}");
}

fn assert_error_hides_token(err: &Error) {
    assert_secret_absent(&format!("{err:?}"));
    assert_secret_absent(&err.to_string());
}

#[test]
fn success_with_full_details() {
    let server = TestServer::start(vec![Reply::json(
        200,
        r#"{"CodeDeliveryDetails":{"Destination":"a***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#,
    )]);
    let output = call(&server).unwrap();
    let details = output.code_delivery_details.unwrap();
    assert_eq!(details.destination.as_deref(), Some("a***@e***.com"));
    assert_eq!(details.delivery_medium, Some(DeliveryMedium::Email));
    assert_eq!(details.attribute_name.as_deref(), Some("email"));
    assert_eq!(output.metadata.request_id.as_deref(), Some("req-0001"));
    assert_eq!(output.metadata.http_status, 200);
    assert_eq!(output.metadata.attempts, 1);
}

#[test]
fn success_without_details() {
    for body in ["{}", "", r#"{"CodeDeliveryDetails":null,"Unknown":[1,2]}"#] {
        let server = TestServer::start(vec![Reply::json(200, body)]);
        assert_eq!(
            call(&server).unwrap().code_delivery_details,
            None,
            "{body:?}"
        );
    }
    let server = TestServer::start(vec![Reply::json(
        200,
        r#"{"CodeDeliveryDetails":{"DeliveryMedium":"SMS","Destination":null,"Foo":{}}}"#,
    )]);
    let details = call(&server).unwrap().code_delivery_details.unwrap();
    assert_eq!(details.delivery_medium, Some(DeliveryMedium::Sms));
    assert_eq!(details.destination, None);
}

#[test]
fn exact_request_bytes() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let client = client_for(&server, Settings::new().user_agent_suffix("lang/test#1"));
    let request = request().client_metadata(BTreeMap::from([("source".into(), "signup".into())]));
    client.get_attr_code(&request).unwrap();
    let recorded = &server.requests()[0];
    assert_eq!(recorded.method, "POST");
    assert_eq!(recorded.path, "/");
    assert_eq!(
        recorded.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(
        recorded.header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode")
    );
    let ua = recorded.header("user-agent").unwrap();
    assert!(
        ua.starts_with(&format!(
            "cognito-attr-code/{} lang/test#1",
            cognito_attr_code::VERSION
        )),
        "{ua}"
    );
    let id = recorded.header("amz-sdk-invocation-id").unwrap();
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 4);
    assert_eq!(recorded.header("amz-sdk-request"), Some("attempt=1; max=3"));
    assert_eq!(
        recorded.header("content-length"),
        Some(recorded.body.len().to_string().as_str())
    );
    assert_eq!(
        std::str::from_utf8(&recorded.body).unwrap(),
        format!(
            r#"{{"AccessToken":"{TOKEN}","AttributeName":"email","ClientMetadata":{{"source":"signup"}}}}"#
        )
    );
    assert!(
        recorded.header("authorization").is_none(),
        "the operation is unsigned"
    );
}

#[test]
fn custom_endpoint_path_is_kept() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let settings = Settings::new().endpoint_url(format!("{}/custom/base", server.url()));
    Client::with_environment(&settings, &no_env())
        .unwrap()
        .get_attr_code(&request())
        .unwrap();
    assert_eq!(server.requests()[0].path, "/custom/base/");
}

#[test]
fn every_modeled_error_is_typed() {
    for code in ServiceErrorCode::ALL {
        let status = if code.is_server_fault() { 500 } else { 400 };
        let server = TestServer::start(vec![Reply::service_error(
            status,
            code.as_str(),
            "the message",
        )]);
        let err = call(&server).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Service(*code));
        assert_eq!(err.code(), code.as_str());
        assert_eq!(err.message(), "the message");
        assert_eq!(err.request_id(), Some("req-0001"));
        assert_eq!(err.http_status(), Some(status));
        assert_error_hides_token(&err);
    }
}

#[test]
fn unknown_code_is_kept_verbatim() {
    let server = TestServer::start(vec![Reply::service_error(400, "BrandNewException", "new")]);
    let err = call(&server).unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::UnknownService("BrandNewException".into())
    );
}

#[test]
fn every_code_source_and_form() {
    let cases = [
        (
            Reply::json(400, r#"{"message":"m"}"#).with_header(
                "X-Amzn-ErrorType",
                "NotAuthorizedException:http://internal.amazon.com/x",
            ),
            "NotAuthorizedException",
        ),
        (
            Reply::json(400, r#"{"code":"UserNotFoundException"}"#),
            "UserNotFoundException",
        ),
        (
            Reply::json(
                400,
                r#"{"__type":"com.amazonaws.cognito#ForbiddenException"}"#,
            ),
            "ForbiddenException",
        ),
        (
            Reply::json(400, r#"{"code":"LimitExceededException","__type":"Other"}"#),
            "LimitExceededException",
        ),
    ];
    for (reply, code) in cases {
        let server = TestServer::start(vec![reply]);
        assert_eq!(call(&server).unwrap_err().code(), code);
    }
    let server = TestServer::start(vec![Reply::json(400, r#"{"Error":{"__type":"Nested"}}"#)]);
    assert_eq!(call(&server).unwrap_err().kind(), &ErrorKind::Protocol);
}

#[test]
fn html_500_is_a_protocol_error_with_an_excerpt() {
    let page = format!("<html><body>{}</body></html>", "Bad gateway ".repeat(100));
    let server = TestServer::start(vec![Reply::Http {
        status: 500,
        headers: vec![
            ("Content-Type".into(), "text/html".into()),
            ("x-amz-request-id".into(), "html-1".into()),
        ],
        body: page.into_bytes(),
    }]);
    let err = call(&server).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Protocol);
    assert_eq!(err.http_status(), Some(500));
    assert_eq!(err.request_id(), Some("html-1"));
    let excerpt = err.body_excerpt().unwrap();
    assert!(excerpt.starts_with("<html><body>Bad gateway"));
    assert!(excerpt.len() <= cognito_attr_code::BODY_EXCERPT_MAX);
}

#[test]
fn redirects_are_never_followed() {
    let target = TestServer::start(vec![Reply::json(200, "{}")]);
    let server = TestServer::start(vec![Reply::Http {
        status: 302,
        headers: vec![("Location".into(), format!("{}/stolen", target.url()))],
        body: Vec::new(),
    }]);
    let err = call(&server).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Protocol);
    assert_eq!(err.http_status(), Some(302));
    assert!(err.message().contains("redirect"));
    // A followed redirect would have had its answer before the call returned, and the server
    // records each request (and each accept) before it answers: no waiting needed.
    assert!(target.requests().is_empty(), "the redirect was followed");
    assert_eq!(target.accepts(), 0, "the redirect target was contacted");
}

#[test]
fn oversized_body_is_refused() {
    let server = TestServer::start(vec![Reply::json(
        200,
        &format!(r#"{{"x":"{}"}}"#, "a".repeat(2 << 20)),
    )]);
    let err = call(&server).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Protocol);
    assert!(err.message().contains("larger than"), "{err}");
}

#[test]
fn broken_connections_are_network_errors() {
    for reply in [Reply::CloseMidBody, Reply::Reset, Reply::Raw(Vec::new())] {
        let server = TestServer::start(vec![reply.clone()]);
        let err = call(&server).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Network | ErrorKind::Protocol),
            "{reply:?}: {err:?}"
        );
        assert_error_hides_token(&err);
    }
    let garbage = TestServer::start(vec![Reply::Raw(b"NOT HTTP AT ALL\r\n\r\n".to_vec())]);
    assert!(matches!(
        call(&garbage).unwrap_err().kind(),
        ErrorKind::Protocol | ErrorKind::Network
    ));
}

#[test]
fn a_silent_server_times_out_within_the_bound() {
    let server = TestServer::start(vec![Reply::Silence(Duration::from_secs(5))]);
    let client = client_for(
        &server,
        Settings::new().read_timeout(Duration::from_millis(300)),
    );
    let started = Instant::now();
    let err = client.get_attr_code(&request()).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Timeout(TimeoutPhase::Read));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        server.requests().len(),
        1,
        "a read timeout is not retried by default"
    );
}

#[test]
fn refused_connection_is_a_network_error() {
    let settings = Settings::new()
        .endpoint_url(closed_port_url())
        .max_attempts(1);
    let err = Client::with_environment(&settings, &no_env())
        .unwrap()
        .get_attr_code(&request())
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Network);
}

#[test]
fn invalid_input_fails_before_any_io() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let client = client_for(&server, Settings::new());
    for request in [
        GetAttrCodeRequest::new("", "email"),
        GetAttrCodeRequest::new("bad token SECRET", "email"),
        GetAttrCodeRequest::new(TOKEN, ""),
    ] {
        let err = client.get_attr_code(&request).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidArgument { .. }));
        assert_error_hides_token(&err);
    }
    assert_eq!(server.accepts(), 0);
}

#[test]
fn plain_http_is_refused_off_loopback() {
    let err = Client::with_environment(
        &Settings::new().endpoint_url("http://cognito.example.com"),
        &no_env(),
    )
    .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Configuration { .. }),
        "{err:?}"
    );
    Client::with_environment(
        &Settings::new()
            .endpoint_url("http://cognito.example.com")
            .allow_insecure_http(true),
        &no_env(),
    )
    .unwrap();
    for ok in [
        "http://localhost:1",
        "http://127.8.9.10:1",
        "http://[::1]:1",
        "https://cognito.example.com",
    ] {
        Client::with_environment(&Settings::new().endpoint_url(ok), &no_env()).unwrap();
    }
}

#[test]
fn echoed_token_is_scrubbed_and_logs_never_show_it() {
    let logs = captured_logs();
    let echo = format!(r#"{{"__type":"InvalidParameterException","message":"bad token {TOKEN}"}}"#);
    let echoing_headers = |status: u16, body: &str, request_id: &str| Reply::Http {
        status,
        headers: vec![
            ("Content-Type".into(), "application/x-amz-json-1.1".into()),
            ("x-amzn-RequestId".into(), request_id.into()),
        ],
        body: body.as_bytes().to_vec(),
    };
    let server = TestServer::start(vec![echoing_headers(400, &echo, TOKEN)]);
    let err = call(&server).unwrap_err();
    assert_eq!(err.message(), "bad token ***");
    assert_eq!(err.request_id(), Some("***"));
    assert_error_hides_token(&err);
    let html = TestServer::start(vec![Reply::json(502, &format!("<p>{TOKEN}</p>"))]);
    let err = call(&html).unwrap_err();
    assert_error_hides_token(&err);
    assert_secret_absent(err.body_excerpt().unwrap());
    let ok = TestServer::start(vec![echoing_headers(200, "{}", &format!("id-{TOKEN}"))]);
    let output = call(&ok).unwrap();
    assert_eq!(output.metadata.request_id.as_deref(), Some("id-***"));
    assert_secret_absent(&format!("{output:?} {:?}", request()));
    let logs = logs.lock().unwrap();
    assert!(
        logs.iter().any(|line| line.contains("attempt 1/1")),
        "no attempt was logged: {logs:?}"
    );
    for line in logs.iter() {
        assert_secret_absent(line);
    }
}

#[test]
fn client_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Client>();
}

#[test]
fn token_prechecks_are_off_by_default_and_stop_bad_tokens_when_on() {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    // A scope-less access token: sent by default (the server decides), refused when checking.
    let scopeless = format!(
        "eyJhbGciOiJub25lIn0.{}.SECRET",
        URL_SAFE_NO_PAD.encode(r#"{"token_use":"access","scope":"openid"}"#)
    );
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    client_for(&server, Settings::new())
        .get_attr_code(&GetAttrCodeRequest::new(scopeless.as_str(), "email"))
        .unwrap();
    assert_eq!(server.requests().len(), 1);
    let err = client_for(&server, Settings::new().validate_token(true))
        .get_attr_code(&GetAttrCodeRequest::new(scopeless.as_str(), "email"))
        .unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::InvalidArgument {
            argument: "access_token".into()
        }
    );
    assert!(err.message().contains("scope"), "{err}");
    assert_error_hides_token(&err);
    assert_eq!(
        server.requests().len(),
        1,
        "a failed pre-check sends nothing"
    );
}

#[test]
fn a_request_that_never_reached_the_server_is_retried() {
    let settings = Settings::new().endpoint_url(closed_port_url());
    let client = Client::with_environment(&settings, &no_env())
        .unwrap()
        .with_retry_clock(Arc::new(RecordingClock::new(1.0)));
    let err = client.get_attr_code(&request()).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Network);
    assert_eq!(
        err.attempts(),
        3,
        "connection refused: nothing was sent, so every attempt is used"
    );
}

/// A loopback URL on which nothing listens (the port was bound, then released).
fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    format!("http://{}", listener.local_addr().unwrap())
}
