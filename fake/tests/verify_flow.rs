//! The verify flow against the fake over real sockets, with the project's own client: the code
//! goes to the current value, wrong and right codes, the hourly limits, the clock and expiry,
//! the daily e-mail quota, deterministic codes.

mod support;

use cognito_attr_code::DeliveryMedium;
use cognito_attr_code_fake::{FakeCognito, Options};
use serde_json::json;
use support::*;

#[test]
fn a_code_is_sent_to_the_current_email_and_the_right_code_verifies_it() {
    let (fake, token) = fake_with_jane();
    let output = send_code(&fake, &token, "email").unwrap();
    let details = output.code_delivery_details.unwrap();
    assert_eq!(details.destination.as_deref(), Some("j***@e***"));
    assert_eq!(details.delivery_medium, Some(DeliveryMedium::Email));
    assert_eq!(details.attribute_name.as_deref(), Some("email"));
    assert!(output.metadata.request_id.is_some());

    let code = last_code(&fake, "email").unwrap();
    assert_eq!(code.len(), 6);
    assert!(code.bytes().all(|byte| byte.is_ascii_digit()));
    let user = fake.control("user", &json!({"username": "jane"})).unwrap();
    assert_eq!(user["email_verified"], json!(false));
    assert_eq!(user["attributes"]["email_verified"], json!("false"));

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let error = verify(&fake, &token, "email", wrong).unwrap_err();
    assert_eq!(
        service_error(&error),
        (
            "CodeMismatchException".into(),
            "Invalid verification code provided, please try again.".into()
        )
    );
    verify(&fake, &token, "email", &code).unwrap();
    let user = fake.control("user", &json!({"username": "jane"})).unwrap();
    assert_eq!(user["email_verified"], json!(true));
    assert_eq!(user["attributes"]["email_verified"], json!("true"));
    assert_eq!(user["attributes"]["email"], json!(EMAIL));
    assert_eq!(user["phone_number_verified"], json!(false));
    // A used code cannot verify again.
    let error = verify(&fake, &token, "email", &code).unwrap_err();
    assert_eq!(error.code(), "CodeMismatchException");
}

#[test]
fn a_phone_code_goes_by_sms_and_codes_lists_every_code_oldest_first() {
    let (fake, token) = fake_with_jane();
    let details = send_code(&fake, &token, "phone_number")
        .unwrap()
        .code_delivery_details
        .unwrap();
    assert_eq!(details.destination.as_deref(), Some("+*******1234"));
    assert_eq!(details.delivery_medium, Some(DeliveryMedium::Sms));
    send_code(&fake, &token, "email").unwrap();
    let codes = fake.control("codes", &json!({"username": "jane"})).unwrap()["codes"].clone();
    let codes = codes.as_array().unwrap();
    assert_eq!(codes.len(), 2);
    assert_eq!(codes[0]["attribute"], json!("phone_number"));
    assert_eq!(codes[0]["delivery_medium"], json!("SMS"));
    assert_eq!(codes[0]["destination"], json!("+*******1234"));
    assert_eq!(codes[1]["delivery_medium"], json!("EMAIL"));
    assert!(codes[1]["sent_at"].as_i64().unwrap() >= codes[0]["sent_at"].as_i64().unwrap());
    assert_eq!(
        codes[1]["code"].as_str(),
        last_code(&fake, "email").as_deref()
    );
}

#[test]
fn a_new_code_replaces_the_older_one() {
    let (fake, token) = fake_with_jane();
    send_code(&fake, &token, "email").unwrap();
    let first = last_code(&fake, "email").unwrap();
    send_code(&fake, &token, "email").unwrap();
    let second = last_code(&fake, "email").unwrap();
    if first != second {
        let error = verify(&fake, &token, "email", &first).unwrap_err();
        assert_eq!(error.code(), "CodeMismatchException");
    }
    verify(&fake, &token, "email", &second).unwrap();
}

#[test]
fn attributes_that_cannot_be_verified_or_are_missing_get_the_real_messages() {
    let fake = FakeCognito::start(Options::default()).unwrap();
    let token = add_user(
        &fake,
        json!({"username": "nomail", "attributes": {"name": "No Mail"}}),
    );
    let cases = [
        (
            "name",
            "Invalid attribute name. Only phone_number and email can be verified.",
        ),
        (
            "email",
            "User does not have a valid registered email address",
        ),
        (
            "phone_number",
            "User does not have a valid registered phone number",
        ),
    ];
    for (attribute, message) in cases {
        let error = send_code(&fake, &token, attribute).unwrap_err();
        assert_eq!(
            service_error(&error),
            ("InvalidParameterException".into(), message.into()),
            "{attribute}"
        );
    }
    let user = fake
        .control("user", &json!({"username": "nomail"}))
        .unwrap();
    assert_eq!(user["attributes"]["name"], json!("No Mail"));
}

#[test]
fn the_sixth_code_request_in_an_hour_is_refused_until_the_window_slides() {
    let (fake, token) = fake_with_jane();
    for _ in 0..5 {
        send_code(&fake, &token, "email").unwrap();
    }
    let error = send_code(&fake, &token, "phone_number").unwrap_err();
    assert_eq!(
        service_error(&error),
        (
            "LimitExceededException".into(),
            "Attempt limit exceeded, please try after some time.".into()
        )
    );
    assert_eq!(error.attempts(), 1, "not retried");
    advance(&fake, 1800);
    assert_eq!(
        send_code(&fake, &token, "email").unwrap_err().code(),
        "LimitExceededException"
    );
    advance(&fake, 1801);
    // An hour later the token has expired too: the app signs in again.
    send_code(&fake, &fresh_token(&fake), "email").unwrap();
}

#[test]
fn the_sixteenth_verification_in_an_hour_is_refused() {
    let (fake, token) = fake_with_jane();
    send_code(&fake, &token, "email").unwrap();
    let code = last_code(&fake, "email").unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..15 {
        assert_eq!(
            verify(&fake, &token, "email", wrong).unwrap_err().code(),
            "CodeMismatchException"
        );
    }
    let error = verify(&fake, &token, "email", &code).unwrap_err();
    assert_eq!(
        service_error(&error),
        (
            "LimitExceededException".into(),
            "Attempt limit exceeded, please try after some time.".into()
        )
    );
    advance(&fake, 3600);
    verify(&fake, &fresh_token(&fake), "email", &code).unwrap();
}

#[test]
fn a_code_expires_after_24_hours_of_the_fake_clock() {
    let (fake, token) = fake_with_jane();
    let before = advance(&fake, 0);
    send_code(&fake, &token, "email").unwrap();
    let code = last_code(&fake, "email").unwrap();
    let after = advance(&fake, 24 * 3600);
    assert!(after >= before + 24 * 3600);
    // The token expired too (1 hour): mint a fresh one, as the app would after a sign-in.
    let fresh = fresh_token(&fake);
    let error = verify(&fake, &fresh, "email", &code).unwrap_err();
    assert_eq!(
        service_error(&error),
        (
            "ExpiredCodeException".into(),
            "Invalid code provided, please request a code again.".into()
        )
    );
    assert_eq!(
        verify(&fake, &token, "email", &code).unwrap_err().message(),
        "Access Token has expired"
    );
}

#[test]
fn the_daily_email_quota_gives_the_daily_limit_message_and_spares_sms() {
    let fake = FakeCognito::start(Options {
        daily_email_quota: Some(2),
        ..Options::default()
    })
    .unwrap();
    let jane = add_user(
        &fake,
        json!({"username": "jane", "email": EMAIL, "phone_number": PHONE}),
    );
    let john = add_user(
        &fake,
        json!({"username": "john", "email": "john@example.com"}),
    );
    send_code(&fake, &jane, "email").unwrap();
    send_code(&fake, &john, "email").unwrap();
    let error = send_code(&fake, &jane, "email").unwrap_err();
    assert_eq!(error.code(), "LimitExceededException");
    assert!(error
        .message()
        .starts_with("Exceeded daily email limit for the operation or the account."));
    send_code(&fake, &jane, "phone_number").unwrap();
    // The request the quota refused did not count against jane's 5 an hour: 3 remain.
    for _ in 0..3 {
        send_code(&fake, &jane, "phone_number").unwrap();
    }
    assert_eq!(
        send_code(&fake, &jane, "phone_number")
            .unwrap_err()
            .message(),
        "Attempt limit exceeded, please try after some time."
    );
    advance(&fake, 24 * 3600);
    send_code(&fake, &fresh_token(&fake), "email").unwrap();
}

#[test]
fn the_same_seed_gives_the_same_codes() {
    let codes = |seed: u64| {
        let fake = FakeCognito::start(Options {
            seed,
            ..Options::default()
        })
        .unwrap();
        let token = add_user(&fake, json!({"username": "jane", "email": EMAIL}));
        (0..3)
            .map(|_| {
                send_code(&fake, &token, "email").unwrap();
                last_code(&fake, "email").unwrap()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(42), codes(42));
    assert_ne!(codes(42), codes(43));
}
