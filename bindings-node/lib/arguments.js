'use strict'

// Checks of everything a caller passes, before it reaches the native layer. Messages name the
// argument and the type received, never the value (it may be the access token).

const { CognitoInvalidArgumentError } = require('./errors')

function describe(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string'
  return `type ${typeof value}`
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function fail(argument, expected, value) {
  return new CognitoInvalidArgumentError(
    `${argument} must be ${expected} (received ${describe(value)})`,
    argument,
  )
}

function requireObject(argument, value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fail(argument, 'an object', value)
  }
  return value
}

function requireString(argument, value) {
  if (typeof value !== 'string' || value === '') {
    throw fail(argument, 'a non-empty string', value)
  }
  return value
}

function optionalMetadata(argument, value) {
  if (value === undefined || value === null) return undefined
  if (!isPlainObject(value)) throw fail(argument, 'an object of strings', value)
  const metadata = {}
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw fail(`${argument}[${JSON.stringify(key)}]`, 'a string', entry)
    metadata[key] = entry
  }
  return metadata
}

/** The native request from `{ accessToken, attributeName, clientMetadata }`. */
function requestFromInput(input) {
  requireObject('input', input)
  return {
    accessToken: requireString('accessToken', input.accessToken),
    attributeName: requireString('attributeName', input.attributeName),
    clientMetadata: optionalMetadata('clientMetadata', input.clientMetadata),
  }
}

/** The native request from the SDK's `{ AccessToken, AttributeName, ClientMetadata }`. */
function requestFromCommandInput(input) {
  requireObject('input', input)
  return {
    accessToken: requireString('AccessToken', input.AccessToken),
    attributeName: requireString('AttributeName', input.AttributeName),
    clientMetadata: optionalMetadata('ClientMetadata', input.ClientMetadata),
  }
}

/** The native `VerifyUserAttribute` request from `{ accessToken, attributeName, code }`. */
function verifyRequestFromInput(input) {
  requireObject('input', input)
  return {
    accessToken: requireString('accessToken', input.accessToken),
    attributeName: requireString('attributeName', input.attributeName),
    code: requireString('code', input.code),
  }
}

/** The native `VerifyUserAttribute` request from the SDK's `{ AccessToken, AttributeName, Code }`. */
function verifyRequestFromCommandInput(input) {
  requireObject('input', input)
  return {
    accessToken: requireString('AccessToken', input.AccessToken),
    attributeName: requireString('AttributeName', input.AttributeName),
    code: requireString('Code', input.Code),
  }
}

const U32_MAX = 0xffffffff

const SETTING_CHECKS = {
  region: (name, v) => requireString(name, v),
  endpointUrl: (name, v) => (v instanceof URL ? v.href : requireString(name, v)),
  connectTimeoutMs: (name, v) => integer(name, v, 0),
  readTimeoutMs: (name, v) => integer(name, v, 0),
  attemptTimeoutMs: (name, v) => integer(name, v, 0),
  operationTimeoutMs: (name, v) => integer(name, v, 0),
  maxAttempts: (name, v) => integer(name, v, 1),
  retryMode: (name, v) => requireString(name, v),
  caBundle: (name, v) => requireString(name, v),
  verify: boolean,
  allowInsecureHttp: boolean,
  useFipsEndpoint: boolean,
  useDualstackEndpoint: boolean,
  retryReadTimeouts: boolean,
  profile: (name, v) => requireString(name, v),
  proxy: (name, v) => requireString(name, v),
  validateToken: boolean,
}

function integer(name, value, min) {
  if (!Number.isInteger(value) || value < min || value > U32_MAX) {
    throw fail(name, `an integer from ${min} to ${U32_MAX}`, value)
  }
  return value
}

function boolean(name, value) {
  if (typeof value !== 'boolean') throw fail(name, 'a boolean', value)
  return value
}

const USER_AGENT_SUFFIX = `lang/js md/nodejs#${process.versions.node}`

/**
 * The native settings from the caller's. Unknown keys are rejected so that a typo
 * (`endpointURL`) is not silently ignored; `undefined` and `null` values mean "not set".
 */
function nativeSettings(settings) {
  if (settings === undefined || settings === null) return { userAgentSuffix: USER_AGENT_SUFFIX }
  requireObject('settings', settings)
  const native = {}
  for (const [key, value] of Object.entries(settings)) {
    const check = SETTING_CHECKS[key]
    if (!check) {
      throw new CognitoInvalidArgumentError(
        `settings.${key} is not a known setting (known: ${Object.keys(SETTING_CHECKS).join(', ')})`,
        `settings.${key}`,
      )
    }
    if (value !== undefined && value !== null) native[key] = check(`settings.${key}`, value)
  }
  native.userAgentSuffix = USER_AGENT_SUFFIX
  return native
}

module.exports = {
  requestFromInput,
  requestFromCommandInput,
  verifyRequestFromInput,
  verifyRequestFromCommandInput,
  nativeSettings,
  fail,
}
