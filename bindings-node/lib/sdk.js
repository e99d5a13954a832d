'use strict'

// Drop-in counterparts of `CognitoIdentityProviderClient`, `GetUserAttributeVerificationCodeCommand`
// and `VerifyUserAttributeCommand` from `@aws-sdk/client-cognito-identity-provider`: the same
// constructor options (the subset that matters for these calls), outputs and errors.

const { inspect } = require('node:util')
const { Client } = require('./client')
const { requestFromCommandInput, verifyRequestFromCommandInput, fail, USER_AGENT_SUFFIX } = require('./arguments')
const { withAbortSignal } = require('./abort')

const CLIENT_NAME = 'CognitoIdentityProviderClient'
const COMMAND_NAME = 'GetUserAttributeVerificationCodeCommand'

// Options of the SDK's client config that this client honours.
const HONOURED = new Set([
  'region',
  'endpoint',
  'maxAttempts',
  'retryMode',
  'useFipsEndpoint',
  'useDualstackEndpoint',
  'customUserAgent',
  'logger',
  'requestHandler',
  'profile',
])
// Accepted without a word: they change nothing for an unsigned call.
const IRRELEVANT = new Set([
  'credentials',
  'credentialDefaultProvider',
  'signer',
  'signingEscapePath',
  'signingName',
  'signingRegion',
  'systemClockOffset',
  'sha256',
  'apiVersion',
  'serviceId',
  'runtime',
  'defaultUserAgentProvider',
])
// Options already warned about in this process: each is named once, not on every client.
const warned = new Set()

function warnUnsupported(config) {
  for (const key of Object.keys(config)) {
    if (HONOURED.has(key) || IRRELEVANT.has(key) || warned.has(key) || config[key] === undefined) continue
    warned.add(key)
    process.emitWarning(`${CLIENT_NAME} option "${key}" is not supported by cognito-attr-code and is ignored`, {
      code: 'COGNITO_ATTR_CODE_UNSUPPORTED_OPTION',
    })
  }
}

const REDACTED = '***'

// The members of a command's input that are secrets: never printed, serialized or logged.
const SECRET_MEMBERS = ['AccessToken', 'Code']

/** A copy of a command's `input` with its `secrets` members (if present) replaced by `***`. */
function redacted(input, secrets = SECRET_MEMBERS) {
  if (input === null || typeof input !== 'object') return input
  const copy = { ...input }
  for (const key of secrets) if (input[key] !== undefined) copy[key] = REDACTED
  return copy
}

/**
 * A command class named `name` whose `input` is a copy with the `secrets` members not
 * enumerable, so that logging or serializing the command (or its input) never prints them.
 */
function commandClass(name, secrets) {
  return {
    [name]: class {
      constructor(input) {
        if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
          const copy = { ...input }
          for (const key of secrets) {
            Object.defineProperty(copy, key, {
              value: input[key],
              enumerable: false,
              writable: true,
              configurable: true,
            })
          }
          this.input = copy
        } else {
          this.input = input
        }
      }

      toJSON() {
        return { input: redacted(this.input, secrets) }
      }

      [inspect.custom](depth, options) {
        return `${name} ${inspect({ input: redacted(this.input, secrets) }, options)}`
      }
    },
  }[name]
}

/** `GetUserAttributeVerificationCodeCommand`: asks Cognito to send a code. */
const GetUserAttributeVerificationCodeCommand = commandClass('GetUserAttributeVerificationCodeCommand', ['AccessToken'])

/** `VerifyUserAttributeCommand`: submits the code the user received; output `{ $metadata }`. */
const VerifyUserAttributeCommand = commandClass('VerifyUserAttributeCommand', ['AccessToken', 'Code'])

/** A config value or the SDK's provider form: a function returning it or a promise of it. */
async function provided(value) {
  return typeof value === 'function' ? value() : value
}

/** The SDK's `endpoint` forms: a string, a `URL`, or `{ protocol, hostname, port?, path? }`. */
function endpointUrl(endpoint) {
  if (endpoint === undefined || endpoint === null) return undefined
  if (typeof endpoint === 'string') return endpoint
  if (endpoint instanceof URL) return endpoint.href
  if (typeof endpoint === 'object' && typeof endpoint.hostname === 'string') {
    const protocol = String(endpoint.protocol || 'https:').replace(/:?$/, ':')
    const port = endpoint.port ? `:${endpoint.port}` : ''
    return `${protocol}//${endpoint.hostname}${port}${endpoint.path || ''}`
  }
  throw fail('endpoint', 'a URL string, a URL or an endpoint object', endpoint)
}

/** The SDK's `customUserAgent`: a string, or `[name, version?]` pairs. */
function customUserAgent(value) {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (Array.isArray(value)) {
    return value.map((pair) => (Array.isArray(pair) ? pair.filter(Boolean).join('/') : String(pair))).join(' ')
  }
  throw fail('customUserAgent', 'a string or an array of [name, version] pairs', value)
}

/** The SDK's socket limit of an agent or its options (`maxSockets`), when it is a usable bound. */
function maxSockets(agent) {
  const value = agent?.maxSockets
  return Number.isInteger(value) && value >= 1 && value <= 0xffffffff ? value : undefined
}

/**
 * What this client takes from the SDK's `requestHandler`, a `NodeHttpHandler` (its
 * `configProvider`) or its options object: `connectionTimeout` is the connect timeout;
 * `requestTimeout` (formerly `socketTimeout`) the time a socket may stay idle, i.e. the read
 * timeout; the agent's `maxSockets` (`httpsAgent`, else `httpAgent`) bounds the calls in flight.
 */
async function handlerOptions(handler) {
  if (handler === undefined || handler === null) return {}
  let options = handler
  if (handler.configProvider && typeof handler.configProvider.then === 'function') {
    options = await handler.configProvider
  } else if (typeof handler.handle === 'function') {
    warnUnsupported({ requestHandler: handler })
    return {}
  }
  return {
    connectTimeoutMs: options.connectionTimeout || undefined,
    readTimeoutMs: (options.requestTimeout ?? options.socketTimeout) || undefined,
    maxConcurrentCalls: maxSockets(options.httpsAgent) ?? maxSockets(options.httpAgent),
  }
}

/**
 * The client. Honours `region`, `endpoint`, `maxAttempts`, `retryMode`, `useFipsEndpoint`,
 * `useDualstackEndpoint`, `profile` (values or provider functions), `customUserAgent`, `logger`
 * and the request handler's `connectionTimeout` / `requestTimeout` and its agent's `maxSockets`
 * (the bound on calls in flight, `maxConcurrentCalls` of a `Client`). Credentials and signing
 * options are accepted and ignored (the operation is unsigned); any other option is ignored
 * with a warning, once per process.
 */
class CognitoIdentityProviderClient {
  #config
  #client

  constructor(config = {}) {
    this.#config = config ?? {}
    warnUnsupported(this.#config)
  }

  #resolve() {
    if (!this.#client) {
      this.#client = (async () => {
        const config = this.#config
        const [region, endpoint, maxAttempts, retryMode, useFipsEndpoint, useDualstackEndpoint, profile, handler] =
          await Promise.all([
            provided(config.region),
            provided(config.endpoint),
            provided(config.maxAttempts),
            provided(config.retryMode),
            provided(config.useFipsEndpoint),
            provided(config.useDualstackEndpoint),
            provided(config.profile),
            handlerOptions(config.requestHandler),
          ])
        const custom = customUserAgent(config.customUserAgent)
        const settings = {
          region,
          endpointUrl: endpointUrl(endpoint),
          maxAttempts,
          retryMode,
          useFipsEndpoint,
          useDualstackEndpoint,
          profile,
          ...handler,
        }
        return Client._withUserAgentSuffix(settings, custom ? `${USER_AGENT_SUFFIX} ${custom}` : USER_AGENT_SUFFIX)
      })()
      // A configuration error is reported by every `send`, and is not cached as unhandled.
      this.#client.catch(() => {})
    }
    return this.#client
  }

  /**
   * Sends `command`; `options.abortSignal` cancels it (as in the SDK); `callback(error, output)`
   * is the SDK's legacy form.
   */
  send(command, optionsOrCallback, callback) {
    const cb = typeof optionsOrCallback === 'function' ? optionsOrCallback : callback
    const options = typeof optionsOrCallback === 'function' ? undefined : optionsOrCallback
    const promise = this.#logged(command, this.#send(command, options))
    if (typeof cb !== 'function') return promise
    promise.then(
      (output) => cb(null, output),
      (error) => cb(error),
    )
    return undefined
  }

  async #send(command, options) {
    const signal = options === undefined || options === null ? undefined : options.abortSignal
    if (command instanceof VerifyUserAttributeCommand) {
      const request = verifyRequestFromCommandInput(command.input)
      const client = await this.#resolve()
      return sdkOutput(
        await withAbortSignal('options.abortSignal', signal, (cancellation) =>
          client._call({ operation: 'VerifyUserAttribute', ...request }, cancellation),
        ),
      )
    }
    if (!(command instanceof GetUserAttributeVerificationCodeCommand)) {
      throw fail('command', 'a GetUserAttributeVerificationCodeCommand or VerifyUserAttributeCommand', command)
    }
    const request = requestFromCommandInput(command.input)
    const client = await this.#resolve()
    return sdkOutput(
      await withAbortSignal('options.abortSignal', signal, (cancellation) =>
        client._call({ operation: 'GetUserAttributeVerificationCode', ...request }, cancellation),
      ),
    )
  }

  /** Debug lines to the SDK-style `logger`, with the command's input redacted. */
  async #logged(command, pending) {
    const logger = this.#config.logger
    const debug = logger && typeof logger.debug === 'function' ? (entry) => logger.debug(entry) : undefined
    const entry = { clientName: CLIENT_NAME, commandName: command?.constructor?.name ?? COMMAND_NAME }
    debug?.({ ...entry, input: redacted(command?.input) })
    try {
      const output = await pending
      const { $metadata, ...rest } = output
      debug?.({ ...entry, output: rest, metadata: $metadata })
      return output
    } catch (error) {
      debug?.({ ...entry, error: { name: error.name, message: error.message }, metadata: error.$metadata })
      throw error
    }
  }

  /** Nothing to release early: connections close when the client is garbage-collected. */
  destroy() {}
}

/** The SDK's `$metadata` of a successful call. */
function sdkMetadata(native) {
  return {
    httpStatusCode: native.httpStatusCode,
    requestId: native.requestId,
    extendedRequestId: native.extendedRequestId,
    cfId: native.cfId,
    attempts: native.attempts,
    totalRetryDelay: native.totalRetryDelayMs,
  }
}

/** The SDK's output of any operation: its members as the service model names them, and
 * `$metadata`. */
function sdkOutput(native) {
  return { $metadata: sdkMetadata(native), ...native.members }
}

module.exports = {
  CognitoIdentityProviderClient,
  GetUserAttributeVerificationCodeCommand,
  VerifyUserAttributeCommand,
}
