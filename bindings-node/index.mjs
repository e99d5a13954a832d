// ESM entry: the CommonJS module's exports, as named exports.
import cjs from './index.js'

export const {
  VERSION,
  getAttrCode,
  getAttrCodeSync,
  verifyAttr,
  verifyAttrSync,
  Client,
  CognitoIdentityProviderClient,
  GetUserAttributeVerificationCodeCommand,
  VerifyUserAttributeCommand,
  CognitoError,
  CognitoIdentityProviderServiceException,
  CognitoLocalError,
  CognitoInvalidArgumentError,
  CognitoConfigurationError,
  CognitoNetworkError,
  CognitoTimeoutError,
  CognitoTlsError,
  CognitoProtocolError,
  CognitoAbortError,
  MODELED_ERROR_CODES,
} = cjs

// One named export per service error code, generated from core's error table (make generate).
export * from './lib/service-errors.generated.mjs'

export default cjs
