'use strict'

// Cancellation of async calls by an `AbortSignal`. Aborting rejects the call's promise at once
// with an `AbortError` and sets the native cancellation flag, so that the core starts no further
// attempt and leaves its back-off; an attempt already on the wire is abandoned (the core shuts its
// socket down), its I/O thread freed, and its outcome dropped (the native promise always has a
// handler: no unhandled rejection).

const binding = require('./native')
const { CognitoError } = require('./errors')
const { fail } = require('./arguments')

/** The rejection of an aborted call: `name` is `AbortError`, `cause` the signal's reason. */
class CognitoAbortError extends CognitoError {
  constructor(reason) {
    super('The operation was aborted')
    for (const [key, value] of [
      ['name', 'AbortError'],
      ['cause', reason],
    ]) {
      Object.defineProperty(this, key, { value, enumerable: false, writable: true, configurable: true })
    }
    this.code = 'ABORT_ERR'
  }
}

function isAbortSignal(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof value.aborted === 'boolean' &&
    typeof value.addEventListener === 'function'
  )
}

/**
 * Runs `start(cancellation)` (which returns the native call's promise) under `signal`, named
 * `argument` in errors. Without a signal the call runs as is.
 */
function withAbortSignal(argument, signal, start) {
  if (signal === undefined || signal === null) return start(undefined)
  if (!isAbortSignal(signal)) return Promise.reject(fail(argument, 'an AbortSignal', signal))
  if (signal.aborted) return Promise.reject(new CognitoAbortError(signal.reason))
  const cancellation = new binding.NativeCancellation()
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancellation.cancel()
      reject(new CognitoAbortError(signal.reason))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    let pending
    try {
      pending = start(cancellation)
    } catch (error) {
      pending = Promise.reject(error)
    }
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

module.exports = { CognitoAbortError, withAbortSignal }
