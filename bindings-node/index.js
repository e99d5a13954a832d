'use strict'

const binding = require('./lib/native')
const errors = require('./lib/errors')
const { CognitoAbortError } = require('./lib/abort')
const { Client, getAttrCode, getAttrCodeSync, verifyAttr, verifyAttrSync } = require('./lib/client')

module.exports = {
  VERSION: binding.VERSION,
  getAttrCode,
  getAttrCodeSync,
  verifyAttr,
  verifyAttrSync,
  Client,
  CognitoError: errors.CognitoError,
  CognitoIdentityProviderServiceException: errors.CognitoIdentityProviderServiceException,
  CognitoLocalError: errors.CognitoLocalError,
  CognitoInvalidArgumentError: errors.CognitoInvalidArgumentError,
  CognitoConfigurationError: errors.CognitoConfigurationError,
  CognitoNetworkError: errors.CognitoNetworkError,
  CognitoTimeoutError: errors.CognitoTimeoutError,
  CognitoTlsError: errors.CognitoTlsError,
  CognitoProtocolError: errors.CognitoProtocolError,
  CognitoAbortError,
  MODELED_ERROR_CODES: errors.MODELED_ERROR_CODES,
  ...errors.modeledErrors,
}

// The AWS SDK v3-shaped client is loaded on first use: most callers use the functions or
// `Client`, and `require('cognito-attr-code')` is cheaper without it.
for (const name of [
  'CognitoIdentityProviderClient',
  'GetUserAttributeVerificationCodeCommand',
  'VerifyUserAttributeCommand',
]) {
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => require('./lib/sdk')[name] })
}
