'use strict'

// Error classes, shaped like the AWS SDK for JavaScript v3: a service error's `name` is the
// service's error code, with `$fault` and `$metadata`. Local failures carry a stable `code`.

const binding = require('./native')

/** Base class of every operational error this package raises (service and local). */
class CognitoError extends Error {
  constructor(message) {
    super(message)
    Object.defineProperty(this, 'name', {
      value: new.target.name,
      enumerable: false,
      writable: true,
      configurable: true,
    })
  }
}

/**
 * An error answered by the service; the counterpart of the SDK's
 * `CognitoIdentityProviderServiceException`. Unmodeled codes are instances of this class with
 * `name` set to the code, as in the SDK.
 */
class CognitoIdentityProviderServiceException extends CognitoError {
  constructor({ name, $fault, $metadata, message }) {
    super(message)
    // Own enumerable fields as on the SDK's exceptions, so that code spreading or logging an
    // error sees the same keys.
    this.$fault = $fault
    this.$retryable = undefined
    this.$metadata = $metadata
    for (const [key, value] of [
      ['name', name],
      ['message', message],
    ]) {
      Object.defineProperty(this, key, { value, enumerable: true, writable: true, configurable: true })
    }
  }
}

// Core's one error table (`ServiceErrorCode::ALL`), straight from the addon: names and order.
// index.mjs and index.d.ts list the classes by name; test/error-table.test.mjs checks them
// against this list.
const MODELED_ERROR_CODES = Object.freeze(binding.serviceErrorCodes())

// One named class per modeled error. Built from the list so that each class's own `name`
// (which stack traces and the SDK's name-based `instanceof` use) is the error code.
const modeledErrors = {}
for (const code of MODELED_ERROR_CODES) {
  const $fault = code === 'InternalErrorException' ? 'server' : 'client'
  modeledErrors[code] = {
    [code]: class extends CognitoIdentityProviderServiceException {
      constructor({ $metadata, message, reasonCode }) {
        super({ name: code, $fault, $metadata, message })
        // The one modeled member besides the message.
        if (code === 'InvalidParameterException') this.reasonCode = reasonCode
      }
    },
  }[code]
}

/** A local failure: no answer from the service, or an answer that could not be understood. */
class CognitoLocalError extends CognitoError {
  constructor(message, code, details) {
    super(message)
    this.code = code
    Object.assign(this, details)
  }
}

class CognitoConfigurationError extends CognitoLocalError {
  constructor(message, details) {
    super(message, 'ERR_COGNITO_CONFIGURATION', details)
  }
}

class CognitoNetworkError extends CognitoLocalError {
  constructor(message, details) {
    super(message, 'ERR_COGNITO_NETWORK', details)
  }
}

class CognitoTimeoutError extends CognitoLocalError {
  constructor(message, details) {
    super(message, 'ERR_COGNITO_TIMEOUT', details)
  }
}

class CognitoTlsError extends CognitoLocalError {
  constructor(message, details) {
    super(message, 'ERR_COGNITO_TLS', details)
  }
}

class CognitoProtocolError extends CognitoLocalError {
  constructor(message, details) {
    super(message, 'ERR_COGNITO_PROTOCOL', details)
  }
}

/**
 * A bad argument, found before any I/O. A `TypeError`, like Node's own `ERR_INVALID_ARG_TYPE`:
 * it is a programming error, not an operational one, so it is not a `CognitoError`.
 */
class CognitoInvalidArgumentError extends TypeError {
  constructor(message, argument) {
    super(message)
    Object.defineProperty(this, 'name', {
      value: 'CognitoInvalidArgumentError',
      enumerable: false,
      writable: true,
      configurable: true,
    })
    this.code = 'ERR_COGNITO_INVALID_ARGUMENT'
    this.argument = argument
  }
}

/** The `$metadata` of a failed call, in the SDK's shape. */
function errorMetadata(native) {
  return {
    httpStatusCode: native.httpStatusCode,
    requestId: native.requestId,
    extendedRequestId: undefined,
    cfId: undefined,
    attempts: native.attempts,
    totalRetryDelay: native.totalRetryDelayMs,
  }
}

/**
 * `err.diagnosis`: `{ cause, hint }` when the core recognised the error, else absent
 * (`undefined`). Non-enumerable, so that an error's keys stay those of the AWS SDK's.
 */
function withDiagnosis(error, native) {
  if (native.cause != null && native.hint != null) {
    const diagnosis = Object.freeze({ cause: native.cause, hint: native.hint })
    Object.defineProperty(error, 'diagnosis', {
      value: diagnosis,
      enumerable: false,
      writable: true,
      configurable: true,
    })
  }
  return error
}

/** Turns the native layer's structured error into an instance of the matching class. */
function fromNative(native) {
  return withDiagnosis(errorFromNative(native), native)
}

function errorFromNative(native) {
  const $metadata = errorMetadata(native)
  switch (native.kind) {
    case 'service':
    case 'unknownService': {
      const Modeled = modeledErrors[native.code]
      if (Modeled)
        return new Modeled({ $metadata, message: native.message, reasonCode: native.reasonCode ?? undefined })
      return new CognitoIdentityProviderServiceException({
        name: native.code,
        $fault: native.serverFault ? 'server' : 'client',
        $metadata,
        message: native.message,
      })
    }
    case 'invalidArgument':
      return new CognitoInvalidArgumentError(native.message, native.argument)
    case 'configuration':
      return new CognitoConfigurationError(native.message, { setting: native.setting })
    case 'network':
      return new CognitoNetworkError(native.message, { $metadata })
    case 'timeout':
      return new CognitoTimeoutError(native.message, { phase: native.timeoutPhase, $metadata })
    case 'tls':
      return new CognitoTlsError(native.message, { $metadata })
    default:
      return new CognitoProtocolError(native.message, {
        $metadata,
        bodyExcerpt: native.bodyExcerpt,
      })
  }
}

module.exports = {
  CognitoError,
  CognitoIdentityProviderServiceException,
  CognitoLocalError,
  CognitoConfigurationError,
  CognitoNetworkError,
  CognitoTimeoutError,
  CognitoTlsError,
  CognitoProtocolError,
  CognitoInvalidArgumentError,
  MODELED_ERROR_CODES,
  modeledErrors,
  fromNative,
}
