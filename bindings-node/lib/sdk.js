'use strict'

// Drop-in counterparts of `CognitoIdentityProviderClient`, `GetUserAttributeVerificationCodeCommand`
// and `VerifyUserAttributeCommand` from `@aws-sdk/client-cognito-identity-provider`: the same
// constructor options (the subset that matters for these calls), outputs and errors.

const { inspect } = require('node:util')
const { Client } = require('./client')
const { requestFromCommandInput, verifyRequestFromCommandInput, fail } = require('./arguments')

const REDACTED = '***'

/**
 * A command class named `name` whose `input` is a copy with the `secrets` members not
 * enumerable, so that logging or serializing the command (or its input) never prints them.
 */
function commandClass(name, secrets) {
  const redacted = (input) => {
    if (input === null || typeof input !== 'object') return input
    const copy = { ...input }
    for (const key of secrets) copy[key] = input[key] === undefined ? undefined : REDACTED
    return copy
  }
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
        return { input: redacted(this.input) }
      }

      [inspect.custom](depth, options) {
        return `${name} ${inspect({ input: redacted(this.input) }, options)}`
      }
    },
  }[name]
}

/** `GetUserAttributeVerificationCodeCommand`: asks Cognito to send a code. */
const GetUserAttributeVerificationCodeCommand = commandClass('GetUserAttributeVerificationCodeCommand', [
  'AccessToken',
])

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

/**
 * The client. Accepts `region`, `endpoint`, `maxAttempts` and `retryMode` (values or provider
 * functions); other SDK options (`credentials`, `logger`, ...) are accepted and ignored — this
 * operation is unsigned.
 */
class CognitoIdentityProviderClient {
  #config
  #client

  constructor(config = {}) {
    this.#config = config ?? {}
  }

  #resolve() {
    if (!this.#client) {
      this.#client = (async () => {
        const config = this.#config
        const [region, endpoint, maxAttempts, retryMode] = await Promise.all([
          provided(config.region),
          provided(config.endpoint),
          provided(config.maxAttempts),
          provided(config.retryMode),
        ])
        return new Client({ region, endpointUrl: endpointUrl(endpoint), maxAttempts, retryMode })
      })()
      // A configuration error is reported by every `send`, and is not cached as unhandled.
      this.#client.catch(() => {})
    }
    return this.#client
  }

  /** Sends `command`; `callback(error, output)` is the SDK's legacy form. */
  send(command, optionsOrCallback, callback) {
    const cb = typeof optionsOrCallback === 'function' ? optionsOrCallback : callback
    const promise = this.#send(command)
    if (typeof cb !== 'function') return promise
    promise.then(
      (output) => cb(null, output),
      (error) => cb(error),
    )
    return undefined
  }

  async #send(command) {
    if (command instanceof VerifyUserAttributeCommand) {
      const request = verifyRequestFromCommandInput(command.input)
      const client = await this.#resolve()
      return { $metadata: sdkMetadata(await client._sendVerify(request)) }
    }
    if (!(command instanceof GetUserAttributeVerificationCodeCommand)) {
      throw fail('command', 'a GetUserAttributeVerificationCodeCommand or VerifyUserAttributeCommand', command)
    }
    const request = requestFromCommandInput(command.input)
    const client = await this.#resolve()
    return sdkOutput(await client._send(request))
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

function sdkOutput(native) {
  const output = { $metadata: sdkMetadata(native) }
  const details = native.codeDeliveryDetails
  if (details) {
    const sdk = {}
    if (details.destination !== undefined) sdk.Destination = details.destination
    if (details.deliveryMedium !== undefined) sdk.DeliveryMedium = details.deliveryMedium
    if (details.attributeName !== undefined) sdk.AttributeName = details.attributeName
    output.CodeDeliveryDetails = sdk
  }
  return output
}

module.exports = {
  CognitoIdentityProviderClient,
  GetUserAttributeVerificationCodeCommand,
  VerifyUserAttributeCommand,
}
