//! The control actions every front end uses: one function, an action name and JSON arguments.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::arguments::Arguments;
use crate::error::{FakeError, FakeErrorKind};
use crate::faults::Fault;
use crate::pool::{Pool, User};
use crate::token::TokenUse;
use crate::window::SlidingWindow;

/// Every action's name, for the "unknown action" message.
const ACTIONS: &[&str] = &[
    "add_user",
    "mint_token",
    "revoke_tokens",
    "codes",
    "last_code",
    "user",
    "advance",
    "fail_next",
    "requests",
];

/// Runs `action` on `pool`.
pub(crate) fn run(pool: &mut Pool, action: &str, args: &Value) -> Result<Value, FakeError> {
    match action {
        "add_user" => add_user(pool, args),
        "mint_token" => mint_token(pool, args),
        "revoke_tokens" => revoke_tokens(pool, args),
        "codes" => codes(pool, args),
        "last_code" => last_code(pool, args),
        "user" => user(pool, args),
        "advance" => advance(pool, args),
        "fail_next" => fail_next(pool, args),
        "requests" => requests(pool, args),
        _ => Err(FakeError {
            kind: FakeErrorKind::UnknownAction,
            message: format!(
                "no action {action:?} (expected one of: {})",
                ACTIONS.join(", ")
            ),
        }),
    }
}

/// The attributes `add_user` sets from their own fields, which `attributes` must not repeat.
const OWN_FIELDS: &[&str] = &[
    "sub",
    "email",
    "phone_number",
    "email_verified",
    "phone_number_verified",
];

fn add_user(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    let args = Arguments::new(
        args,
        &[
            "username",
            "email",
            "phone_number",
            "email_verified",
            "phone_number_verified",
            "attributes",
        ],
    )?;
    let username = args.required_string("username")?;
    if pool.users.contains_key(username) {
        return Err(FakeError::invalid(format!(
            "username: a user {username:?} already exists"
        )));
    }
    let sub = pool.new_sub();
    let mut attributes = BTreeMap::from([("sub".to_owned(), sub.clone())]);
    for (name, value) in args.string_map("attributes")? {
        if OWN_FIELDS.contains(&name) {
            return Err(FakeError::invalid(format!(
                "attributes.{name}: set by the fake or by its own field, not in attributes"
            )));
        }
        attributes.insert(name.to_owned(), value.to_owned());
    }
    for attribute in ["email", "phone_number"] {
        let verified_field = format!("{attribute}_verified");
        let verified = args.bool_or(&verified_field, false)?;
        if let Some(value) = args.string(attribute)? {
            attributes.insert(attribute.to_owned(), value.to_owned());
            attributes.insert(verified_field, verified.to_string());
        } else if verified {
            return Err(FakeError::invalid(format!(
                "{verified_field}: needs {attribute}"
            )));
        }
    }
    pool.users.insert(
        username.to_owned(),
        User {
            sub,
            attributes,
            code_requests: SlidingWindow::default(),
            verifications: SlidingWindow::default(),
            codes: Vec::new(),
        },
    );
    let token = pool.mint(username, TokenUse::Access, true, false);
    Ok(json!({ "access_token": token }))
}

fn existing_user<'a>(
    pool: &'a Pool,
    args: &Arguments<'_>,
) -> Result<(&'a str, &'a User), FakeError> {
    let username = args.required_string("username")?;
    pool.users
        .get_key_value(username)
        .map(|(name, user)| (name.as_str(), user))
        .ok_or_else(|| FakeError::unknown_user(username))
}

fn mint_token(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    let args = Arguments::new(args, &["username", "token_use", "admin_scope", "expired"])?;
    let username = existing_user(pool, &args)?.0.to_owned();
    let token_use = match args.string("token_use")? {
        None | Some("access") => TokenUse::Access,
        Some("id") => TokenUse::Id,
        Some(_) => {
            return Err(FakeError::invalid(
                "token_use: must be \"access\" or \"id\"",
            ))
        }
    };
    let admin_scope = args.bool_or("admin_scope", true)?;
    let expired = args.bool_or("expired", false)?;
    let token = pool.mint(&username, token_use, admin_scope, expired);
    Ok(json!({ "token": token }))
}

fn revoke_tokens(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    let args = Arguments::new(args, &["username"])?;
    let username = existing_user(pool, &args)?.0.to_owned();
    for token in pool.tokens.values_mut() {
        if token.username == username {
            token.revoked = true;
        }
    }
    Ok(json!({}))
}

fn codes(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    let args = Arguments::new(args, &["username"])?;
    let (_, user) = existing_user(pool, &args)?;
    let codes: Vec<Value> = user
        .codes
        .iter()
        .map(|sent| {
            json!({
                "attribute": sent.attribute,
                "code": sent.code,
                "destination": sent.destination,
                "delivery_medium": sent.delivery_medium,
                "sent_at": sent.sent_at,
            })
        })
        .collect();
    Ok(json!({ "codes": codes }))
}

fn last_code(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    let args = Arguments::new(args, &["username", "attribute"])?;
    let (_, user) = existing_user(pool, &args)?;
    let attribute = args.required_string("attribute")?;
    let code = user
        .codes
        .iter()
        .rev()
        .find(|sent| sent.attribute == attribute)
        .map(|sent| sent.code.clone());
    Ok(json!({ "code": code }))
}

fn user(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    let args = Arguments::new(args, &["username"])?;
    let (username, user) = existing_user(pool, &args)?;
    let attributes: Map<String, Value> = user
        .attributes
        .iter()
        .map(|(name, value)| (name.clone(), Value::String(value.clone())))
        .collect();
    Ok(json!({
        "username": username,
        "attributes": attributes,
        "email_verified": user.is_verified("email"),
        "phone_number_verified": user.is_verified("phone_number"),
    }))
}

fn advance(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    let args = Arguments::new(args, &["seconds"])?;
    let seconds = args
        .seconds("seconds")?
        .ok_or_else(|| FakeError::invalid("seconds: required, a number of seconds"))?;
    pool.clock.advance(seconds);
    Ok(json!({ "now": pool.clock.now() }))
}

fn fail_next(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    let args = Arguments::new(args, Fault::FIELDS)?;
    let fault = Fault::from_arguments(&args)?;
    pool.faults.push(fault);
    Ok(json!({}))
}

fn requests(pool: &mut Pool, args: &Value) -> Result<Value, FakeError> {
    Arguments::new(args, &[])?;
    let requests: Vec<Value> = pool
        .requests
        .iter()
        .map(|record| {
            json!({
                "operation": record.operation,
                "username": record.username,
                "attribute": record.attribute,
                "outcome": record.outcome,
            })
        })
        .collect();
    Ok(json!({ "requests": requests }))
}
