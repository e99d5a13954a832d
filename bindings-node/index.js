'use strict'

const binding = require('./lib/native')
const errors = require('./lib/errors')
const { CognitoAbortError } = require('./lib/abort')
const { Client, getAttrCode, getAttrCodeSync, verifyAttr, verifyAttrSync } = require('./lib/client')
const {
  CognitoIdentityProviderClient,
  GetUserAttributeVerificationCodeCommand,
  VerifyUserAttributeCommand,
} = require('./lib/sdk')

module.exports = {
  VERSION: binding.VERSION,
  getAttrCode,
  getAttrCodeSync,
  verifyAttr,
  verifyAttrSync,
  Client,
  CognitoIdentityProviderClient,
  GetUserAttributeVerificationCodeCommand,
  VerifyUserAttributeCommand,
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
