//! The tokens the fake mints: Cognito's claims, and the real NotAuthorizedException messages for
//! a token it did not mint, an expired, revoked, ID or scope-less one.

mod support;

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cognito_attr_code::{Client, GetAttrCodeRequest, Settings};
use cognito_attr_code_fake::{FakeCognito, Options};
use serde_json::{json, Value};
use support::*;

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

fn mint(fake: &FakeCognito, args: Value) -> String {
    fake.control("mint_token", &args).unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn an_access_token_carries_cognitos_claims() {
    let fake = FakeCognito::start(Options {
        region: "eu-west-2".into(),
        user_pool_id: Some("eu-west-2_Example1".into()),
        ..Options::default()
    })
    .unwrap();
    let token = add_user(&fake, json!({"username": "jane", "email": EMAIL}));
    assert_eq!(token.split('.').count(), 3);
    let claims = claims(&token);
    let user = fake.control("user", &json!({"username": "jane"})).unwrap();
    assert_eq!(claims["sub"], user["attributes"]["sub"]);
    assert_eq!(claims["username"], json!("jane"));
    assert_eq!(claims["token_use"], json!("access"));
    assert!(claims["scope"]
        .as_str()
        .unwrap()
        .split(' ')
        .any(|scope| scope == "aws.cognito.signin.user.admin"));
    assert_eq!(
        claims["iss"],
        json!("https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Example1")
    );
    assert!(claims["client_id"]
        .as_str()
        .is_some_and(|id| !id.is_empty()));
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        3600
    );
    assert!(claims["jti"].is_string() && claims["origin_jti"].is_string());

    let id = claims_of_id(&fake);
    assert_eq!(
        (id["token_use"].clone(), id["cognito:username"].clone()),
        (json!("id"), json!("jane"))
    );
    assert_eq!(id["email"], json!(EMAIL));
}

fn claims_of_id(fake: &FakeCognito) -> Value {
    claims(&mint(fake, json!({"username": "jane", "token_use": "id"})))
}

#[test]
fn a_client_with_only_the_endpoint_set_works() {
    let (fake, token) = fake_with_jane();
    let env: HashMap<&str, &str> = HashMap::new();
    let client =
        Client::with_environment(&Settings::new().endpoint_url(fake.endpoint_url()), &env).unwrap();
    client
        .get_attr_code(&GetAttrCodeRequest::new(token.as_str(), "email"))
        .unwrap();
}

#[test]
fn refused_tokens_get_the_real_messages() {
    let (fake, token) = fake_with_jane();
    let expired = mint(&fake, json!({"username": "jane", "expired": true}));
    assert!(claims(&expired)["exp"].as_i64().unwrap() < advance(&fake, 0));
    let scopeless = mint(&fake, json!({"username": "jane", "admin_scope": false}));
    assert!(!claims(&scopeless)["scope"]
        .as_str()
        .unwrap()
        .contains("aws.cognito.signin.user.admin"));
    let mut forged = token.clone();
    forged.pop();
    forged.push(if token.ends_with('A') { 'B' } else { 'A' });
    let cases = [
        (expired.as_str(), "Access Token has expired"),
        (
            scopeless.as_str(),
            "Access Token does not have required scopes",
        ),
        (forged.as_str(), "Invalid Access Token"),
        ("not-a-jwt", "Invalid Access Token"),
    ];
    for (bad, message) in cases {
        let error = send_code(&fake, bad, "email").unwrap_err();
        assert_eq!(
            service_error(&error),
            ("NotAuthorizedException".into(), message.into()),
            "{message}"
        );
        let error = verify(&fake, bad, "email", "123456").unwrap_err();
        assert_eq!(error.message(), message);
    }
    send_code(&fake, &token, "email").unwrap();
}

#[test]
fn an_id_token_is_not_an_access_token() {
    let (fake, _) = fake_with_jane();
    let id = mint(&fake, json!({"username": "jane", "token_use": "id"}));
    // Raw HTTP: the project's client refuses an ID token before sending it.
    let body = json!({"AccessToken": id, "AttributeName": "email"}).to_string();
    let response = raw_call(fake.port(), "GetUserAttributeVerificationCode", &body);
    assert_eq!(response.status, 400);
    assert_eq!(
        response.json(),
        json!({"__type": "NotAuthorizedException", "message": "Invalid Access Token"})
    );
}

#[test]
fn revoking_revokes_every_token_minted_so_far() {
    let (fake, token) = fake_with_jane();
    let second = mint(&fake, json!({"username": "jane"}));
    fake.control("revoke_tokens", &json!({"username": "jane"}))
        .unwrap();
    for revoked in [&token, &second] {
        let error = send_code(&fake, revoked, "email").unwrap_err();
        assert_eq!(
            service_error(&error),
            (
                "NotAuthorizedException".into(),
                "Access Token has been revoked".into()
            )
        );
    }
    send_code(&fake, &fresh_token(&fake), "email").unwrap();
}
