'use strict'

// The function API and the reusable `Client`. Async calls run on the addon's own I/O threads
// (never libuv's pool, which the application's fs, dns and crypto need), at most
// `maxConcurrentCalls` of a client at once, the rest in order; the `...Sync` variants block the
// calling thread.

const { inspect } = require('node:util')
const binding = require('./native')
const { fromNative } = require('./errors')
const { requestFromInput, verifyRequestFromInput, nativeSettings, signalOption } = require('./arguments')
const { withAbortSignal } = require('./abort')

// Known only inside this package: the way the SDK-compatible client passes its User-Agent.
const USER_AGENT_SUFFIX = Symbol('userAgentSuffix')

/** The output or the error of a native outcome: `{ output }` or `{ error }`. */
function unwrap(outcome) {
  if (outcome.error) throw fromNative(outcome.error)
  return outcome.output
}

/** `CodeDeliveryDetails` with only the fields the service sent, or `null`. */
function details(output) {
  const native = output.members.CodeDeliveryDetails
  if (!native) return null
  const result = {}
  if (native.Destination !== undefined) result.destination = native.Destination
  if (native.DeliveryMedium !== undefined) result.deliveryMedium = native.DeliveryMedium
  if (native.AttributeName !== undefined) result.attributeName = native.AttributeName
  return result
}

// Every operation of the function API and the `Client`, as data: its service-model name, the
// check of its input (into the native request) and the shape of its result. Each entry gives
// `name`, `nameSync`, `Client#name` and `Client#nameSync`.
const OPERATIONS = {
  getAttrCode: { operation: 'GetUserAttributeVerificationCode', toRequest: requestFromInput, shape: details },
  // `VerifyUserAttribute` returns nothing: the attribute is verified.
  verifyAttr: { operation: 'VerifyUserAttribute', toRequest: verifyRequestFromInput, shape: () => undefined },
}

/** The native request of operation `op` for `input` (throws on a bad argument). */
function nativeRequest(op, input) {
  return { operation: op.operation, ...op.toRequest(input) }
}

/**
 * Runs `call(request, cancellation)` with the request of `op` for `input`, under the `signal` of
 * `options`, and shapes its output; argument errors reject instead of throwing.
 */
async function callAsync(op, call, input, options) {
  const request = nativeRequest(op, input)
  const signal = signalOption(options)
  return op.shape(
    unwrap(await withAbortSignal('options.signal', signal, (cancellation) => call(request, cancellation))),
  )
}

function newNativeClient(settings, userAgentSuffix) {
  const native = new binding.NativeClient(nativeSettings(settings, userAgentSuffix, true))
  if (native.error) throw fromNative(native.error)
  return native
}

/**
 * A reusable client: one connection pool and one retry quota for every call made through it,
 * including concurrent ones; `settings.maxConcurrentCalls` of its async calls run at once.
 */
class Client {
  #native

  constructor(settings, internal) {
    this.#native = newNativeClient(settings, internal?.[USER_AGENT_SUFFIX])
  }

  /** For the SDK-compatible client, which names the front end (and `customUserAgent`) itself. */
  static _withUserAgentSuffix(settings, userAgentSuffix) {
    return new Client(settings, { [USER_AGENT_SUFFIX]: userAgentSuffix })
  }

  /** The endpoint requests are sent to; throws `CognitoConfigurationError` when unresolvable. */
  get endpointUrl() {
    const { url, error } = this.#native.endpointUrl()
    if (error) throw fromNative(error)
    return url
  }

  /** The `User-Agent` sent with every request. */
  get userAgent() {
    return this.#native.userAgent()
  }

  /** Resolves a raw native outcome of `request` (which names its operation); used by the
   * SDK-compatible client. */
  _call(request, cancellation) {
    return this.#native.call(request, cancellation).then(unwrap)
  }

  /** `options.signal`: an `AbortSignal` that cancels the call. */
  _callAsync(op, input, options) {
    return callAsync(op, (request, cancellation) => this.#native.call(request, cancellation), input, options)
  }

  _callSync(op, input) {
    return op.shape(unwrap(this.#native.callSync(nativeRequest(op, input))))
  }

  [inspect.custom]() {
    let endpoint
    try {
      endpoint = this.endpointUrl
    } catch {
      endpoint = '(resolved per call from the access token)'
    }
    return `Client { endpointUrl: ${inspect(endpoint)} }`
  }
}

/**
 * One call with the process-wide client of `settings` (shared by consecutive one-shot calls);
 * `options.signal`: an `AbortSignal` that cancels the call.
 */
function oneShotAsync(op, input, settings, options) {
  let native
  try {
    native = nativeSettings(settings)
  } catch (error) {
    return Promise.reject(error)
  }
  return callAsync(op, (request, cancellation) => binding.call(request, native, cancellation), input, options)
}

/** One blocking call with the process-wide client of `settings`. */
function oneShotSync(op, input, settings) {
  const native = nativeSettings(settings)
  return op.shape(unwrap(binding.callSync(nativeRequest(op, input), native)))
}

const functions = {}
for (const [name, op] of Object.entries(OPERATIONS)) {
  Object.defineProperty(Client.prototype, name, {
    value: function (input, options) {
      return this._callAsync(op, input, options)
    },
    writable: true,
    configurable: true,
  })
  Object.defineProperty(Client.prototype, `${name}Sync`, {
    value: function (input) {
      return this._callSync(op, input)
    },
    writable: true,
    configurable: true,
  })
  functions[name] = (input, settings, options) => oneShotAsync(op, input, settings, options)
  functions[`${name}Sync`] = (input, settings) => oneShotSync(op, input, settings)
}

module.exports = { Client, ...functions }
