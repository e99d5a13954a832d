// Public types of `cognito-attr-code`. The native layer's generated types are in binding.d.ts.

/** Version of the native library. */
export declare const VERSION: string

/** Input of the function API and of `Client`. */
export interface GetAttrCodeInput {
  /** The user's access token (a JWT). Never printed or included in errors. */
  accessToken: string
  /** The attribute to verify, e.g. `"email"` or `"phone_number"`. */
  attributeName: string
  /** Passed to the pool's custom-message Lambda trigger. */
  clientMetadata?: Record<string, string>
}

/** Where the code was sent. Every field is optional in the service model. */
export interface CodeDeliveryDetails {
  /** Masked destination, e.g. `"a***@e***.com"`. */
  destination?: string
  /** `"EMAIL"`, `"SMS"`, or any other value the service sends. */
  deliveryMedium?: 'EMAIL' | 'SMS' | (string & {})
  attributeName?: string
}

/**
 * Client settings. Anything unset comes from the environment (`AWS_REGION`,
 * `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`, `AWS_CA_BUNDLE`, `AWS_MAX_ATTEMPTS`, ...), then
 * defaults. Unknown keys are rejected.
 */
export interface Settings {
  region?: string
  /** Custom endpoint, e.g. `"http://127.0.0.1:9229"`; its path is kept. */
  endpointUrl?: string | URL
  /** Connect timeout in ms; 0 means none. Default 60000. */
  connectTimeoutMs?: number
  /** Read timeout in ms; 0 means none. Default 60000. */
  readTimeoutMs?: number
  /**
   * Deadline of one attempt in ms (connect, send, the whole response); 0 means none.
   * Default: connect timeout + read timeout.
   */
  attemptTimeoutMs?: number
  /** Deadline of a whole call in ms, every attempt and back-off included; 0 means none. Default none. */
  operationTimeoutMs?: number
  /** Attempts per call including the first (≥ 1). Default 3. */
  maxAttempts?: number
  retryMode?: 'standard' | 'adaptive' | 'legacy'
  /** PEM file of CA certificates trusted instead of the system store. */
  caBundle?: string
  /** `false` disables TLS certificate verification. Default `true`. */
  verify?: boolean
  /** Allow plain `http://` to a non-loopback host. Default `false`. */
  allowInsecureHttp?: boolean
  useFipsEndpoint?: boolean
  useDualstackEndpoint?: boolean
  /** Retry after a read timeout (may send a second code). Default `false`. */
  retryReadTimeouts?: boolean
  /** Profile of the shared config file (`AWS_PROFILE`, else `default`). */
  profile?: string
  /** Proxy URL `http://[user:password@]host:port`; default `HTTPS_PROXY` / `HTTP_PROXY`. */
  proxy?: string
  /** Check the token locally first: a JWT, `token_use` access, the admin scope, not expired. */
  validateToken?: boolean
}

/**
 * Settings of a `Client`: the `Settings` of every call, and Node's own bound on the client's
 * async calls.
 */
export interface ClientSettings extends Settings {
  /**
   * Async calls of this client that run at once, each on one of the addon's own I/O threads with
   * at most one connection; further calls wait, in the order they were made (an aborted one
   * leaves the line at once). An integer ≥ 1. Default 64 (also the bound of each process-wide
   * client of the one-shot functions, which do not take this setting).
   */
  maxConcurrentCalls?: number
}

/** Options of an async call. */
export interface CallOptions {
  /**
   * Cancels the call: the promise rejects at once with a `CognitoAbortError` (`name`
   * `"AbortError"`) and no further attempt starts.
   */
  signal?: AbortSignal
}

/** Sends a verification code; resolves to where it went, or `null` if the service did not say. */
export declare function getAttrCode(
  input: GetAttrCodeInput,
  settings?: Settings,
  options?: CallOptions,
): Promise<CodeDeliveryDetails | null>

/** As `getAttrCode`, blocking the calling thread. */
export declare function getAttrCodeSync(input: GetAttrCodeInput, settings?: Settings): CodeDeliveryDetails | null

/** Input of `verifyAttr`: the code the user received for `attributeName`. */
export interface VerifyAttrInput {
  accessToken: string
  attributeName: string
  /** 1-2048 characters, no whitespace; never logged or printed. */
  code: string
}

/** Submits the code the user received; resolves once the attribute is verified. */
export declare function verifyAttr(input: VerifyAttrInput, settings?: Settings, options?: CallOptions): Promise<void>

/** As `verifyAttr`, blocking the calling thread. */
export declare function verifyAttrSync(input: VerifyAttrInput, settings?: Settings): void

/**
 * A reusable client (one connection pool and retry quota); safe for concurrent calls, of which
 * `maxConcurrentCalls` run at once.
 */
export declare class Client {
  constructor(settings?: ClientSettings)
  /** The endpoint; throws `CognitoConfigurationError` when it cannot be resolved. */
  readonly endpointUrl: string
  readonly userAgent: string
  getAttrCode(input: GetAttrCodeInput, options?: CallOptions): Promise<CodeDeliveryDetails | null>
  getAttrCodeSync(input: GetAttrCodeInput): CodeDeliveryDetails | null
  verifyAttr(input: VerifyAttrInput, options?: CallOptions): Promise<void>
  verifyAttrSync(input: VerifyAttrInput): void
}

// ---- AWS SDK v3-compatible surface ----

type Provider<T> = T | (() => T | Promise<T>)

/** An endpoint as the AWS SDK v3 describes one (`endpoint` of the SDK-compatible client). */
export interface EndpointV2Like {
  protocol?: string
  hostname: string
  port?: number | string
  path?: string
}

/** The SDK's logger interface; this client writes `debug` lines (the token is never in them). */
export interface Logger {
  debug(...content: any[]): void
  info?(...content: any[]): void
  warn?(...content: any[]): void
  error?(...content: any[]): void
}

/** The options of `CognitoIdentityProviderClient`, those of the AWS SDK v3 client it replaces. */
export interface CognitoIdentityProviderClientConfig {
  region?: Provider<string>
  endpoint?: Provider<string | URL | EndpointV2Like>
  maxAttempts?: Provider<number>
  retryMode?: Provider<string>
  useFipsEndpoint?: Provider<boolean>
  useDualstackEndpoint?: Provider<boolean>
  profile?: string
  /** Appended to the `User-Agent`: a string or `[name, version]` pairs. */
  customUserAgent?: string | [string, string?][]
  logger?: Logger
  /**
   * A `NodeHttpHandler` or its options: `connectionTimeout` (connect timeout, ms),
   * `requestTimeout` (read timeout, ms) and the `maxSockets` of `httpsAgent` (else `httpAgent`),
   * the bound on calls in flight (`maxConcurrentCalls`, default 64), are honoured.
   */
  requestHandler?: unknown
  /** Accepted for drop-in compatibility and ignored: the operation is unsigned. */
  credentials?: unknown
  /** Any other option is ignored with a warning (once per process). */
  [option: string]: unknown
}

/** `$metadata` of a response or a service error, as in the AWS SDK v3. */
export interface ResponseMetadata {
  httpStatusCode?: number
  requestId?: string
  extendedRequestId?: string
  cfId?: string
  attempts?: number
  totalRetryDelay?: number
}

/** The input of `GetUserAttributeVerificationCodeCommand` (the SDK's shape). */
export interface GetUserAttributeVerificationCodeCommandInput {
  AccessToken: string | undefined
  AttributeName: string | undefined
  ClientMetadata?: Record<string, string> | undefined
}

/** Where the code was sent, in the SDK's shape (`CodeDeliveryDetails`). */
export interface SdkCodeDeliveryDetails {
  Destination?: string
  DeliveryMedium?: 'EMAIL' | 'SMS' | (string & {})
  AttributeName?: string
}

/** What `send(new GetUserAttributeVerificationCodeCommand(...))` resolves to. */
export interface GetUserAttributeVerificationCodeCommandOutput {
  CodeDeliveryDetails?: SdkCodeDeliveryDetails
  $metadata: ResponseMetadata
}

/** Requests a verification code, sent with `CognitoIdentityProviderClient.send`. */
export declare class GetUserAttributeVerificationCodeCommand {
  constructor(input: GetUserAttributeVerificationCodeCommandInput)
  readonly input: GetUserAttributeVerificationCodeCommandInput
}

/** The input of `VerifyUserAttributeCommand` (the SDK's shape). */
export interface VerifyUserAttributeCommandInput {
  AccessToken: string | undefined
  AttributeName: string | undefined
  Code: string | undefined
}

/** What `send(new VerifyUserAttributeCommand(...))` resolves to (only `$metadata`). */
export interface VerifyUserAttributeCommandOutput {
  $metadata: ResponseMetadata
}

/** Submits the code the user received, sent with `CognitoIdentityProviderClient.send`. */
export declare class VerifyUserAttributeCommand {
  constructor(input: VerifyUserAttributeCommandInput)
  readonly input: VerifyUserAttributeCommandInput
}

/** The commands `CognitoIdentityProviderClient` sends. */
type Command = GetUserAttributeVerificationCodeCommand | VerifyUserAttributeCommand

/** The output of command `C`. */
type OutputOf<C extends Command> = C extends VerifyUserAttributeCommand
  ? VerifyUserAttributeCommandOutput
  : GetUserAttributeVerificationCodeCommandOutput

/** A drop-in for the AWS SDK v3 client of the same name, for this package's two commands. */
export declare class CognitoIdentityProviderClient {
  constructor(config?: CognitoIdentityProviderClientConfig)
  send<C extends Command>(command: C, options?: { abortSignal?: AbortSignal }): Promise<OutputOf<C>>
  send<C extends Command>(command: C, callback: (error: unknown, output?: OutputOf<C>) => void): void
  destroy(): void
}

// ---- Errors ----

/** Why an error happened: a stable identifier (core's table, in its order). */
export type Cause =
  | 'per_user_limit'
  | 'daily_email_limit'
  | 'token_expired'
  | 'token_revoked'
  | 'missing_scope'
  | 'invalid_token'
  | 'id_token_given'
  | 'lambda_trigger'
  | 'delivery_failed'
  | 'wrong_code'
  | 'code_expired'
  | 'rate_limited'

/** What went wrong and what to do; never contains the access token or the code. */
export interface Diagnosis {
  readonly cause: Cause
  /** One sentence saying what to do. */
  readonly hint: string
}

/** Base of every operational error (service and local). */
export declare class CognitoError extends Error {
  /** Set when the library recognises the error (non-enumerable); it never changes the error's class or message. */
  readonly diagnosis?: Diagnosis
}

/** An error answered by the service; `name` is its error code. */
export declare class CognitoIdentityProviderServiceException extends CognitoError {
  constructor(options: {
    name: string
    $fault: 'client' | 'server'
    $metadata: ResponseMetadata
    message: string
  })
  $fault: 'client' | 'server'
  $metadata: ResponseMetadata
}

/** One class per modeled service error code (generated from core's error table). */
export * from './lib/service-errors.generated'

/** Every modeled error code of both operations, in the order of core's error table. */
export declare const MODELED_ERROR_CODES: readonly string[]

/** A local failure (no usable answer from the service). */
export declare class CognitoLocalError extends CognitoError {
  readonly code:
    | 'ERR_COGNITO_CONFIGURATION'
    | 'ERR_COGNITO_NETWORK'
    | 'ERR_COGNITO_TIMEOUT'
    | 'ERR_COGNITO_TLS'
    | 'ERR_COGNITO_PROTOCOL'
  $metadata?: ResponseMetadata
}

/** A setting, environment variable or config file entry is wrong; `setting` names it. */
export declare class CognitoConfigurationError extends CognitoLocalError {
  readonly code: 'ERR_COGNITO_CONFIGURATION'
  /** The setting at fault, e.g. `"region"` or `"AWS_MAX_ATTEMPTS"`. */
  readonly setting?: string
}
/** DNS, connection or I/O failure; the message names the host and port. */
export declare class CognitoNetworkError extends CognitoLocalError {
  readonly code: 'ERR_COGNITO_NETWORK'
}
/** A timeout ran out; `phase` says which, the message names the setting and its value. */
export declare class CognitoTimeoutError extends CognitoLocalError {
  readonly code: 'ERR_COGNITO_TIMEOUT'
  readonly phase: 'connect' | 'read' | 'attempt' | 'operation'
}
/** The TLS handshake or certificate verification failed. */
export declare class CognitoTlsError extends CognitoLocalError {
  readonly code: 'ERR_COGNITO_TLS'
}
/** The response could not be understood (not the AWS JSON protocol, too large, ...). */
export declare class CognitoProtocolError extends CognitoLocalError {
  readonly code: 'ERR_COGNITO_PROTOCOL'
  /** The start of the unparseable response body. */
  readonly bodyExcerpt?: string
}

/** The rejection of an aborted call (`name` is `"AbortError"`, `cause` the signal's reason). */
export declare class CognitoAbortError extends CognitoError {
  readonly name: 'AbortError'
  readonly code: 'ABORT_ERR'
}

/** A bad argument, found before any I/O (a `TypeError`, like Node's `ERR_INVALID_ARG_TYPE`). */
export declare class CognitoInvalidArgumentError extends TypeError {
  readonly code: 'ERR_COGNITO_INVALID_ARGUMENT'
  /** The argument at fault, e.g. `"accessToken"` or `"settings.region"`. */
  readonly argument: string
  /** `{ cause: 'id_token_given', ... }` when an ID token was passed instead of the access token. */
  readonly diagnosis?: Diagnosis
}
