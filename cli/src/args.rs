//! The command line, as the AWS CLI spells it for `aws cognito-idp get-user-attribute-verification-code`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The subcommand name, the seed's command.
pub const SUBCOMMAND: &str = "get-user-attribute-verification-code";
/// The subcommand that submits the code the user received.
pub const VERIFY_SUBCOMMAND: &str = "verify-user-attribute";
/// The subcommand that serves a local fake of Cognito for tests.
pub const FAKE_SUBCOMMAND: &str = "fake-cognito";

#[derive(Debug, Parser)]
#[command(
    name = "cognito-attr-code",
    version = cognito_attr_code::VERSION,
    about = "Send an Amazon Cognito user-attribute verification code, with the AWS CLI's command line and output",
    propagate_version = true,
    subcommand_required = true,
    arg_required_else_help = true,
    args_override_self = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generates a user attribute verification code for the specified attribute name and sends it
    /// to the user (GetUserAttributeVerificationCode). Unsigned: only the access token authorizes it.
    #[command(name = SUBCOMMAND, args_override_self = true)]
    GetUserAttributeVerificationCode(GetAttrCodeArgs),
    /// Verifies the specified user attribute in the user pool with the code the user received
    /// (VerifyUserAttribute). Unsigned: only the access token authorizes it.
    #[command(name = VERIFY_SUBCOMMAND, args_override_self = true)]
    VerifyUserAttribute(VerifyAttrArgs),
    /// Serves a local fake of Cognito's two operations on 127.0.0.1 for your tests, until
    /// SIGINT/SIGTERM. Prints `endpoint_url=URL`, `region=R`, `user_pool_id=ID`, one
    /// `token.NAME=TOKEN` per --user, then `ready`. Control it with `POST /_fake/<action>` (JSON;
    /// see docs/testing.md). The global --region sets the tokens' region (default us-east-1).
    #[command(name = FAKE_SUBCOMMAND)]
    FakeCognito(FakeArgs),
}

#[derive(Debug, Args)]
pub struct FakeArgs {
    /// The port on 127.0.0.1; 0 picks a free one (read it from the endpoint_url line).
    #[arg(long, value_name = "integer", default_value_t = 0)]
    pub port: u16,
    /// Seeds the codes: the same seed and the same calls give the same codes.
    #[arg(long, value_name = "integer", default_value_t = 0)]
    pub seed: u64,
    /// A user to create: NAME or NAME:key=value,key=value (email, phone_number, email_verified,
    /// phone_number_verified, or any other attribute). Repeat for more users.
    #[arg(long, value_name = "NAME:key=value,...")]
    pub user: Vec<String>,
    /// E-mails the pool may send per 24 hours (the default sender's quota is 50); none by default.
    #[arg(long, value_name = "integer")]
    pub daily_email_quota: Option<u32>,
    /// The user pool id the tokens' issuer names (default: made from the region and the seed).
    #[arg(long, value_name = "string")]
    pub user_pool_id: Option<String>,
}

/// `--access-token`, first option of every operation.
#[derive(Debug, Args)]
pub struct TokenArg {
    /// A valid access token that Amazon Cognito issued to the signed-in user (scope
    /// aws.cognito.signin.user.admin). Also file://path. Never printed.
    #[arg(long, value_name = "string")]
    pub access_token: Option<String>,
}

/// `--cli-input-json` / `--cli-input-yaml`, which every operation takes.
#[derive(Debug, Args)]
pub struct InputDocumentArgs {
    /// Parameters as a JSON document (a string or file://path); command-line values override it.
    #[arg(long, value_name = "string", conflicts_with = "cli_input_yaml")]
    pub cli_input_json: Option<String>,
    /// Parameters as a YAML document (a string or file://path); command-line values override it.
    #[arg(long, value_name = "string")]
    pub cli_input_yaml: Option<String>,
}

#[derive(Debug, Args)]
pub struct VerifyAttrArgs {
    #[command(flatten)]
    pub token: TokenArg,
    /// The name of the attribute to verify, for example email.
    #[arg(long, value_name = "string")]
    pub attribute_name: Option<String>,
    /// The verification code the user received. Also file://path. Never printed.
    #[arg(long, value_name = "string")]
    pub code: Option<String>,
    #[command(flatten)]
    pub input: InputDocumentArgs,
    /// Print a skeleton without sending a request: input (JSON, default) or yaml-input. As in the
    /// AWS CLI, `output` prints nothing (the output has no members) and the command runs as usual.
    #[arg(long, value_name = "string", num_args = 0..=1, default_missing_value = "input")]
    pub generate_cli_skeleton: Option<SkeletonKind>,
}

#[derive(Debug, Args)]
pub struct GetAttrCodeArgs {
    #[command(flatten)]
    pub token: TokenArg,
    /// The name of the attribute the user wants to verify, for example email.
    #[arg(long, value_name = "string")]
    pub attribute_name: Option<String>,
    /// Key-value pairs for the pool's Lambda triggers: KeyName1=string,KeyName2=string, JSON, or file://path.
    #[arg(long, value_name = "map")]
    pub client_metadata: Option<String>,
    #[command(flatten)]
    pub input: InputDocumentArgs,
    /// Print a skeleton without sending a request: input (JSON, default), output, or yaml-input.
    #[arg(long, value_name = "string", num_args = 0..=1, default_missing_value = "input")]
    pub generate_cli_skeleton: Option<SkeletonKind>,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Turn on debug logging (a wire log on stderr; the access token is shown as ***).
    #[arg(long, global = true)]
    pub debug: bool,
    /// Override the command's default URL with the given URL.
    #[arg(long, global = true, value_name = "string")]
    pub endpoint_url: Option<String>,
    /// Do not verify TLS certificates (the access token can then be intercepted).
    #[arg(long, global = true)]
    pub no_verify_ssl: bool,
    /// Accepted for compatibility: this operation is never paginated.
    #[arg(long, global = true)]
    pub no_paginate: bool,
    /// The formatting style for command output.
    #[arg(long, global = true, value_enum, value_name = "string")]
    pub output: Option<OutputFormat>,
    /// A JMESPath query to use in filtering the response data.
    #[arg(long, global = true, value_name = "string")]
    pub query: Option<String>,
    /// Use a specific profile from your credential file.
    #[arg(long, global = true, value_name = "string")]
    pub profile: Option<String>,
    /// The region to use. Overrides config/env settings.
    #[arg(long, global = true, value_name = "string")]
    pub region: Option<String>,
    /// Turn on/off color output (table output only).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "string"
    )]
    pub color: ColorMode,
    /// Accepted for compatibility: this operation is unsigned, credentials are never loaded.
    #[arg(long, global = true)]
    pub no_sign_request: bool,
    /// The CA certificate bundle to use when verifying TLS certificates.
    #[arg(long, global = true, value_name = "string")]
    pub ca_bundle: Option<PathBuf>,
    /// The maximum socket read time in seconds; 0 means none. Default 60.
    #[arg(long, global = true, value_name = "int")]
    pub cli_read_timeout: Option<u64>,
    /// The maximum socket connect time in seconds; 0 means none. Default 60.
    #[arg(long, global = true, value_name = "int")]
    pub cli_connect_timeout: Option<u64>,
    /// The maximum time in seconds for one attempt (connect, send, whole response); 0 means
    /// none. Default: connect timeout + read timeout.
    #[arg(long, global = true, value_name = "int")]
    pub cli_attempt_timeout: Option<u64>,
    /// The maximum time in seconds for the whole call, retries and their waits included; 0 means
    /// none. Default none.
    #[arg(long, global = true, value_name = "int")]
    pub cli_operation_timeout: Option<u64>,
    /// Accepted for compatibility: this operation has no blob parameters.
    #[arg(long, global = true, value_enum, value_name = "string")]
    pub cli_binary_format: Option<BinaryFormat>,
    /// Accepted for compatibility: no pager is ever started.
    #[arg(long, global = true)]
    pub no_cli_pager: bool,
    /// On a terminal, prompt for missing required parameters (the token is not echoed).
    #[arg(long, global = true, overrides_with = "no_cli_auto_prompt")]
    pub cli_auto_prompt: bool,
    /// Disable automatic prompting (the default).
    #[arg(long, global = true, overrides_with = "cli_auto_prompt")]
    pub no_cli_auto_prompt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Text,
    Table,
    Yaml,
    YamlStream,
}

impl OutputFormat {
    /// Parses a configured value (`AWS_DEFAULT_OUTPUT`).
    pub fn parse(value: &str) -> Option<Self> {
        <Self as ValueEnum>::from_str(value, false).ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorMode {
    On,
    Off,
    Auto,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SkeletonKind {
    Input,
    Output,
    YamlInput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BinaryFormat {
    Base64,
    RawInBase64Out,
}
