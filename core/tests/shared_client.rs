//! The one-shot functions' process-wide clients: consecutive calls with one configuration share
//! a connection; other configurations get their own client; at most MAX_SHARED_CLIENTS are kept.

use std::collections::HashMap;
use std::sync::Mutex;

use cognito_attr_code::{
    shared_client_with_environment, GetAttrCodeRequest, Settings, MAX_SHARED_CLIENTS,
};
use test_support::{Reply, TestServer};

const DETAILS: &str = r#"{"CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"a***@e***.com"}}"#;

/// The kept clients are process-wide: the tests of this file take turns.
static SERIAL: Mutex<()> = Mutex::new(());

fn environment(endpoint_url: &str) -> HashMap<&'static str, String> {
    HashMap::from([
        ("AWS_ENDPOINT_URL", endpoint_url.to_owned()),
        ("AWS_REGION", "us-east-1".to_owned()),
        ("AWS_MAX_ATTEMPTS", "1".to_owned()),
        // No shared config or credentials file of this machine takes part.
        (
            "AWS_CONFIG_FILE",
            "/nonexistent/cognito-attr-code-test".to_owned(),
        ),
    ])
}

fn one_shot(env: &HashMap<&'static str, String>) {
    let request = GetAttrCodeRequest::new("shared.client.test.token", "email");
    let output = shared_client_with_environment(&Settings::new(), env)
        .expect("client")
        .get_attr_code(&request)
        .expect("call");
    assert!(output.code_delivery_details.is_some());
}

#[test]
fn consecutive_one_shot_calls_share_one_connection() {
    let _turn = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let server = TestServer::start(vec![Reply::json(200, DETAILS)]);
    let env = environment(&server.url());
    for _ in 0..20 {
        one_shot(&env);
    }
    assert_eq!(server.requests().len(), 20);
    assert_eq!(
        server.accepts(),
        1,
        "every one-shot call after the first reuses the connection"
    );

    let other = TestServer::start(vec![Reply::json(200, DETAILS)]);
    let other_env = environment(&other.url());
    one_shot(&other_env);
    one_shot(&env);
    assert_eq!(
        other.accepts(),
        1,
        "another configuration has its own client"
    );
    assert_eq!(
        server.accepts(),
        1,
        "and leaves the first one's connection alone"
    );
}

#[test]
fn the_least_recently_used_configuration_is_dropped_beyond_the_bound() {
    let _turn = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let server = TestServer::start(vec![Reply::json(200, DETAILS)]);
    // One configuration per path: each is a client of its own, with its own connection.
    let envs: Vec<_> = (0..=MAX_SHARED_CLIENTS)
        .map(|i| environment(&format!("{}/configuration-{i}", server.url())))
        .collect();
    for env in &envs {
        one_shot(env);
    }
    assert_eq!(server.accepts(), envs.len());
    one_shot(envs.last().unwrap());
    assert_eq!(
        server.accepts(),
        envs.len(),
        "the most recent client is kept"
    );
    one_shot(&envs[0]);
    assert_eq!(
        server.accepts(),
        envs.len() + 1,
        "the oldest one was dropped"
    );
}
