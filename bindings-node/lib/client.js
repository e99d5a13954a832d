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
  const native = output.codeDeliveryDetails
  if (!native) return null
  const result = {}
  if (native.destination !== undefined) result.destination = native.destination
  if (native.deliveryMedium !== undefined) result.deliveryMedium = native.deliveryMedium
  if (native.attributeName !== undefined) result.attributeName = native.attributeName
  return result
}

/** `VerifyUserAttribute` returns nothing: the attribute is verified. */
function verified() {
  return undefined
}

/**
 * Runs `call(request, cancellation)` with the request `toRequest` checks, under the `signal` of
 * `options`, and shapes its output with `shape`; argument errors reject instead of throwing.
 */
async function callAsync(call, input, options, toRequest = requestFromInput, shape = details) {
  const request = toRequest(input)
  const signal = signalOption(options)
  return shape(unwrap(await withAbortSignal('options.signal', signal, (cancellation) => call(request, cancellation))))
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

  /** `options.signal`: an `AbortSignal` that cancels the call. */
  getAttrCode(input, options) {
    return callAsync((request, cancellation) => this.#native.getAttrCode(request, cancellation), input, options)
  }

  getAttrCodeSync(input) {
    return details(unwrap(this.#native.getAttrCodeSync(requestFromInput(input))))
  }

  /** Submits the code the user received (`{ accessToken, attributeName, code }`); resolves to
   * `undefined` once the attribute is verified. */
  verifyAttr(input, options) {
    return callAsync(
      (request, cancellation) => this.#native.verifyAttr(request, cancellation),
      input,
      options,
      verifyRequestFromInput,
      verified,
    )
  }

  verifyAttrSync(input) {
    return verified(unwrap(this.#native.verifyAttrSync(verifyRequestFromInput(input))))
  }

  /** Resolves a raw native outcome; used by the SDK-compatible client. */
  _send(request, cancellation) {
    return this.#native.getAttrCode(request, cancellation).then(unwrap)
  }

  /** Resolves a raw `VerifyUserAttribute` outcome; used by the SDK-compatible client. */
  _sendVerify(request, cancellation) {
    return this.#native.verifyAttr(request, cancellation).then(unwrap)
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
function getAttrCode(input, settings, options) {
  let native
  try {
    native = nativeSettings(settings)
  } catch (error) {
    return Promise.reject(error)
  }
  return callAsync((request, cancellation) => binding.getAttrCode(request, native, cancellation), input, options)
}

/** One blocking call with the process-wide client of `settings`. */
function getAttrCodeSync(input, settings) {
  const native = nativeSettings(settings)
  return details(unwrap(binding.getAttrCodeSync(requestFromInput(input), native)))
}

/** One `VerifyUserAttribute` call with the process-wide client of `settings`; `options` as for
 * `getAttrCode`. */
function verifyAttr(input, settings, options) {
  let native
  try {
    native = nativeSettings(settings)
  } catch (error) {
    return Promise.reject(error)
  }
  return callAsync(
    (request, cancellation) => binding.verifyAttr(request, native, cancellation),
    input,
    options,
    verifyRequestFromInput,
    verified,
  )
}

/** One blocking `VerifyUserAttribute` call with the process-wide client of `settings`. */
function verifyAttrSync(input, settings) {
  const native = nativeSettings(settings)
  return verified(unwrap(binding.verifyAttrSync(verifyRequestFromInput(input), native)))
}

module.exports = { Client, getAttrCode, getAttrCodeSync, verifyAttr, verifyAttrSync }
