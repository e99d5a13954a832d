//! Running the operation: options to settings, parameters to a request, one call, the output.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use cognito_attr_code::{
    Client, GetAttrCodeRequest, Operation, OperationName, OperationOutput, ResolvedConfig,
    ResponseMetadata, SettingId, Settings, VerifyAttrRequest,
};
use serde_json::Value;

use crate::args::{
    Cli, ColorMode, Command, GetAttrCodeArgs, GlobalArgs, OutputFormat, VerifyAttrArgs,
};
use crate::failure::Failure;
use crate::output::{self, TableStyle};
use crate::parameters::Parameters;
use crate::query::Query;
use crate::wire_log::TARGET;
use crate::{prompt, skeleton, wire_log};

/// Table width when stdout is not a terminal, as the AWS CLI assumes.
const DEFAULT_TERMINAL_WIDTH: usize = 80;

/// Runs one parsed command line: gathers the parameters, calls the service, prints the result.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let global = cli.global;
    if global.debug {
        wire_log::install();
        log::debug!(target: TARGET, "cognito-attr-code {} {}", cognito_attr_code::VERSION, std::env::consts::OS);
    }
    match cli.command {
        Command::GetUserAttributeVerificationCode(operation) => run_get(&operation, &global),
        Command::VerifyUserAttribute(operation) => run_verify(&operation, &global),
        Command::FakeCognito(fake) => crate::fake_cognito::run(&fake, &global),
    }
}

fn run_get(operation: &GetAttrCodeArgs, global: &GlobalArgs) -> Result<(), Failure> {
    if let Some(kind) = operation.generate_cli_skeleton {
        write_stdout(skeleton::render(kind));
        return Ok(());
    }
    let query = global.query.as_deref().map(Query::compile).transpose()?;
    let mut params = Parameters::gather_get_attr_code(operation)?;
    require_all(&mut params, global)?;
    let token = params.access_token.take().expect("checked above");
    if global.debug {
        wire_log::redact(&[&token]);
    }
    let mut request = GetAttrCodeRequest::new(
        token.as_str(),
        params.attribute_name.take().expect("checked above"),
    );
    if let Some(metadata) = params.client_metadata.take() {
        request = request.client_metadata(metadata);
    }
    drop(token);
    call(&request, query.as_ref(), global)
}

/// `verify-user-attribute`: like the AWS CLI, prints nothing on success (the output has no
/// members).
fn run_verify(operation: &VerifyAttrArgs, global: &GlobalArgs) -> Result<(), Failure> {
    if let Some(skeleton) = operation
        .generate_cli_skeleton
        .and_then(skeleton::render_verify)
    {
        write_stdout(skeleton);
        return Ok(());
    }
    let query = global.query.as_deref().map(Query::compile).transpose()?;
    let mut params = Parameters::gather_verify_attr(operation)?;
    require_all(&mut params, global)?;
    let token = params.access_token.take().expect("checked above");
    let code = params.code.take().expect("checked above");
    if global.debug {
        wire_log::redact(&[&token, &code]);
    }
    let request = VerifyAttrRequest::new(
        token.as_str(),
        params.attribute_name.take().expect("checked above"),
        code.as_str(),
    );
    drop((token, code));
    call(&request, query.as_ref(), global)
}

/// The one path of every operation once its request is built: the client, the call, the
/// output's members printed as the AWS CLI prints them.
fn call<O: Operation>(
    request: &O,
    query: Option<&Query>,
    global: &GlobalArgs,
) -> Result<(), Failure> {
    let operation = O::NAME.as_str();
    let (client, format, endpoint) = connect(global)?;
    if global.debug {
        log_settings(client.config(), &endpoint);
        log_request(&endpoint, client.user_agent(), O::NAME, request);
    }
    let max_attempts = client.config().max_attempts.value;
    let response = client
        .call(request)
        .map_err(|e| call_failure(operation, &e, global, max_attempts, &endpoint))?;
    let document = output::response_document(&response);
    if global.debug {
        log_response(response.metadata(), &document);
    }
    print(operation, format, document, query, global)
}

/// Prompts for missing required parameters when asked to, else fails naming them.
fn require_all(params: &mut Parameters, global: &GlobalArgs) -> Result<(), Failure> {
    if params.missing().is_empty() {
        return Ok(());
    }
    if auto_prompt(global) {
        return prompt::fill_missing(params);
    }
    Err(Failure::usage(format!(
        "the following arguments are required: {}",
        params.missing().join(", ")
    )))
}

/// The client, the output format and the endpoint (for messages).
fn connect(global: &GlobalArgs) -> Result<(Client, OutputFormat, String), Failure> {
    let client = Client::new(&settings(global)).map_err(|e| Failure::from_call(&e, 1, ""))?;
    let format = output_format(global, client.config())?;
    let endpoint = client.endpoint_url().map_or_else(
        |_| "(region from the access token)".to_owned(),
        str::to_owned,
    );
    Ok((client, format, endpoint))
}

fn call_failure(
    operation: &str,
    e: &cognito_attr_code::Error,
    global: &GlobalArgs,
    max_attempts: u32,
    endpoint: &str,
) -> Failure {
    if global.debug {
        log::debug!(
            target: TARGET,
            "error after {} attempt(s): code={} http_status={} request_id={} message={:?}",
            e.attempts(),
            e.code(),
            e.http_status().map_or("-".to_owned(), |s| s.to_string()),
            e.request_id().unwrap_or("-"),
            e.message_in(&crate::spelling::CliSpelling)
        );
        for (name, value) in e.http_headers() {
            log::debug!(target: TARGET, "response header {name}: {value}");
        }
        if let Some(excerpt) = e.body_excerpt() {
            log::debug!(target: TARGET, "response body excerpt: {excerpt}");
        }
        match e.diagnosis() {
            Some(found) => log::debug!(
                target: TARGET,
                "diagnosis: cause={} hint={}",
                found.cause(),
                found.hint()
            ),
            None => log::debug!(target: TARGET, "diagnosis: none"),
        }
    }
    Failure::from_operation_call(operation, e, max_attempts, endpoint)
}

fn log_response(metadata: &ResponseMetadata, document: &Value) {
    log::debug!(
        target: TARGET,
        "response: HTTP {} after {} attempt(s), {} ms waiting between attempts",
        metadata.http_status,
        metadata.attempts,
        metadata.total_retry_delay.as_millis()
    );
    for (name, value) in &metadata.http_headers {
        log::debug!(target: TARGET, "response header {name}: {value}");
    }
    log::debug!(target: TARGET, "response body (parsed): {document}");
}

fn print(
    operation: &str,
    format: OutputFormat,
    document: Value,
    query: Option<&Query>,
    global: &GlobalArgs,
) -> Result<(), Failure> {
    let value = match query {
        Some(query) => query.apply(&document)?,
        None => document,
    };
    write_stdout(&output::render_for(
        operation,
        format,
        &value,
        &table_style(global.color),
    ));
    Ok(())
}

/// `--output`, else `AWS_DEFAULT_OUTPUT`, else the profile's `output`, else json.
fn output_format(global: &GlobalArgs, config: &ResolvedConfig) -> Result<OutputFormat, Failure> {
    if let Some(format) = global.output {
        return Ok(format);
    }
    let (value, source) = match std::env::var("AWS_DEFAULT_OUTPUT") {
        Ok(value) if !value.is_empty() => (value, "AWS_DEFAULT_OUTPUT".to_owned()),
        _ => match config.profile_value("output") {
            Some(value) => (
                value.to_owned(),
                format!("profile '{}'", config.profile_name()),
            ),
            None => return Ok(OutputFormat::Json),
        },
    };
    OutputFormat::parse(&value).ok_or_else(|| {
        Failure::configuration(format!(
            "Unknown output type: {value} (from {source}; valid: json, text, table, yaml, yaml-stream)"
        ))
    })
}

fn auto_prompt(global: &GlobalArgs) -> bool {
    if global.cli_auto_prompt {
        return true;
    }
    if global.no_cli_auto_prompt {
        return false;
    }
    matches!(
        std::env::var("AWS_CLI_AUTO_PROMPT").as_deref(),
        Ok("on" | "on-partial")
    )
}

fn settings(global: &GlobalArgs) -> Settings {
    let mut settings = Settings::new().user_agent_suffix("app/cli");
    if let Some(region) = &global.region {
        settings = settings.region(region);
    }
    if let Some(url) = &global.endpoint_url {
        settings = settings.endpoint_url(url);
    }
    if let Some(profile) = &global.profile {
        settings = settings.profile(profile);
    }
    if let Some(bundle) = &global.ca_bundle {
        settings = settings.ca_bundle(bundle);
    }
    if global.no_verify_ssl {
        settings = settings.verify_tls(false);
    }
    if let Some(seconds) = global.cli_connect_timeout {
        settings = settings.connect_timeout(Duration::from_secs(seconds));
    }
    if let Some(seconds) = global.cli_read_timeout {
        settings = settings.read_timeout(Duration::from_secs(seconds));
    }
    if let Some(seconds) = global.cli_attempt_timeout {
        settings = settings.attempt_timeout(Duration::from_secs(seconds));
    }
    if let Some(seconds) = global.cli_operation_timeout {
        settings = settings.operation_timeout(Duration::from_secs(seconds));
    }
    settings
}

fn table_style(color: ColorMode) -> TableStyle {
    let stdout = std::io::stdout();
    let is_tty = stdout.is_terminal();
    let terminal_width = terminal_size::terminal_size_of(&stdout)
        .map_or(DEFAULT_TERMINAL_WIDTH, |(width, _)| usize::from(width.0));
    TableStyle {
        color: match color {
            ColorMode::On => true,
            ColorMode::Off => false,
            ColorMode::Auto => is_tty,
        },
        terminal_width,
    }
}

fn write_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A reader that went away (`| head`) is not an error, as in the AWS CLI.
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// Every setting of the core's table as resolved, with its source (the proxy, which may
/// carry a password, is left out by the core).
fn log_settings(config: &ResolvedConfig, endpoint: &str) {
    for &setting in SettingId::ALL {
        if let Some(shown) = config.shown(setting) {
            log::debug!(
                target: TARGET,
                "setting {setting} = {} (from {})",
                shown.value,
                shown.source
            );
        }
    }
    log::debug!(target: TARGET, "endpoint: {endpoint}");
}

/// The request as sent, its secrets shown as `***`.
fn log_request(
    endpoint: &str,
    user_agent: &str,
    operation: OperationName,
    request: &impl Operation,
) {
    let body = output::members_document(request.redacted_members());
    log::debug!(target: TARGET, "request: POST {endpoint}");
    log::debug!(target: TARGET, "request header content-type: application/x-amz-json-1.1");
    log::debug!(target: TARGET, "request header x-amz-target: {}", operation.target());
    log::debug!(target: TARGET, "request header user-agent: {user_agent}");
    log::debug!(target: TARGET, "request body: {body}");
}
