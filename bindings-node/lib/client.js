'use strict'

// The function API and the reusable `Client`. Async calls run on the libuv pool (napi
// AsyncTask); the `...Sync` variants block the calling thread.

const { inspect } = require('node:util')
const binding = require('./native')
const { fromNative } = require('./errors')
const { requestFromInput, verifyRequestFromInput, nativeSettings } = require('./arguments')

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

/** Runs `call` with the request `toRequest` checks; argument errors reject instead of throwing. */
async function callAsync(call, input, toRequest = requestFromInput, shape = details) {
  const request = toRequest(input)
  return shape(unwrap(await call(request)))
}

function newNativeClient(settings) {
  const native = new binding.NativeClient(nativeSettings(settings))
  if (native.error) throw fromNative(native.error)
  return native
}

/**
 * A reusable client: one connection pool and one retry quota for every call made through it,
 * including concurrent ones.
 */
class Client {
  #native

  constructor(settings) {
    this.#native = newNativeClient(settings)
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

  getAttrCode(input) {
    return callAsync((request) => this.#native.getAttrCode(request), input)
  }

  getAttrCodeSync(input) {
    return details(unwrap(this.#native.getAttrCodeSync(requestFromInput(input))))
  }

  /** Submits the code the user received (`{ accessToken, attributeName, code }`); resolves to
   * `undefined` once the attribute is verified. */
  verifyAttr(input) {
    return callAsync((request) => this.#native.verifyAttr(request), input, verifyRequestFromInput, verified)
  }

  verifyAttrSync(input) {
    return verified(unwrap(this.#native.verifyAttrSync(verifyRequestFromInput(input))))
  }

  /** Resolves a raw native outcome; used by the SDK-compatible client. */
  _send(request) {
    return this.#native.getAttrCode(request).then(unwrap)
  }

  /** Resolves a raw `VerifyUserAttribute` outcome; used by the SDK-compatible client. */
  _sendVerify(request) {
    return this.#native.verifyAttr(request).then(unwrap)
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

/** One call with the process-wide client of `settings` (shared by consecutive one-shot calls). */
function getAttrCode(input, settings) {
  let native
  try {
    native = nativeSettings(settings)
  } catch (error) {
    return Promise.reject(error)
  }
  return callAsync((request) => binding.getAttrCode(request, native), input)
}

/** One blocking call with the process-wide client of `settings`. */
function getAttrCodeSync(input, settings) {
  const native = nativeSettings(settings)
  return details(unwrap(binding.getAttrCodeSync(requestFromInput(input), native)))
}

/** One `VerifyUserAttribute` call with a client built from `settings`. */
function verifyAttr(input, settings) {
  let native
  try {
    native = nativeSettings(settings)
  } catch (error) {
    return Promise.reject(error)
  }
  return callAsync((request) => binding.verifyAttr(request, native), input, verifyRequestFromInput, verified)
}

/** One blocking `VerifyUserAttribute` call with a client built from `settings`. */
function verifyAttrSync(input, settings) {
  const native = nativeSettings(settings)
  return verified(unwrap(binding.verifyAttrSync(verifyRequestFromInput(input), native)))
}

module.exports = { Client, getAttrCode, getAttrCodeSync, verifyAttr, verifyAttrSync }
