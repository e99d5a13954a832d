'use strict'

// Checks of everything a caller passes, before it reaches the native layer. Messages name the
// argument and the type received, never the value (it may be the access token).

const binding = require('./native')
const { CognitoInvalidArgumentError } = require('./errors')

function describe(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string'
  return `type ${typeof value}`
}

/** A setting's value is not a secret: a number or boolean is shown as it is. */
function describeSetting(value) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return describe(value)
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function fail(argument, expected, value, shown = describe) {
  return new CognitoInvalidArgumentError(`${argument} must be ${expected} (received ${shown(value)})`, argument)
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

// The check of each kind of the core's settings table; the table names every setting.
const KIND_CHECKS = {
  text: requireSettingString,
  path: requireSettingString,
  retryMode: requireSettingString,
  duration: (name, v) => integer(name, v, 0),
  attempts: (name, v) => integer(name, v, 1),
  switch: boolean,
}
// Where JavaScript takes more than the kind: a `URL` object as well as a string.
const SETTING_OVERRIDES = {
  endpointUrl: (name, v) => (v instanceof URL ? v.href : requireSettingString(name, v)),
}

const SETTING_CHECKS = Object.fromEntries(
  binding.settingTable().map(({ name, kind }) => [name, SETTING_OVERRIDES[name] ?? KIND_CHECKS[kind]]),
)
// Node's own settings of a `Client`, not rows of the core's table: how many of its async calls
// run at once (the rest wait in order). The one-shot functions share the bound of their
// process-wide client instead.
const CLIENT_SETTING_CHECKS = {
  maxConcurrentCalls: (name, v) => integer(name, v, 1),
}

function requireSettingString(name, value) {
  if (typeof value !== 'string' || value === '') throw fail(name, 'a non-empty string', value, describeSetting)
  return value
}

function integer(name, value, min) {
  if (!Number.isInteger(value) || value < min || value > U32_MAX) {
    throw fail(name, `an integer from ${min} to ${U32_MAX}`, value, describeSetting)
  }
  return value
}

function boolean(name, value) {
  if (typeof value !== 'boolean') throw fail(name, 'a boolean', value, describeSetting)
  return value
}

const USER_AGENT_SUFFIX = `lang/js md/nodejs#${process.versions.node}`

/** The `{ signal }` of an async call's options. */
function signalOption(options) {
  if (options === undefined || options === null) return undefined
  requireObject('options', options)
  return options.signal
}

/**
 * The native settings from the caller's. Unknown keys are rejected so that a typo
 * (`endpointURL`) is not silently ignored; `undefined` and `null` values mean "not set".
 * `forClient`: a `Client`'s settings, which also take `maxConcurrentCalls`.
 */
function nativeSettings(settings, userAgentSuffix = USER_AGENT_SUFFIX, forClient = false) {
  if (settings === undefined || settings === null) return { userAgentSuffix }
  requireObject('settings', settings)
  const native = {}
  for (const [key, value] of Object.entries(settings)) {
    const check = SETTING_CHECKS[key] ?? (forClient ? CLIENT_SETTING_CHECKS[key] : undefined)
    if (!check && CLIENT_SETTING_CHECKS[key]) {
      throw new CognitoInvalidArgumentError(
        `settings.${key} is a setting of a Client: the one-shot functions share the bound of their ` +
          `process-wide client (${binding.DEFAULT_MAX_CONCURRENT_CALLS} calls at once)`,
        `settings.${key}`,
      )
    }
    if (!check) {
      throw new CognitoInvalidArgumentError(
        `settings.${key} is not a known setting (known: ${[
          ...Object.keys(SETTING_CHECKS),
          ...(forClient ? Object.keys(CLIENT_SETTING_CHECKS) : []),
        ].join(', ')})`,
        `settings.${key}`,
      )
    }
    if (value !== undefined && value !== null) native[key] = check(`settings.${key}`, value)
  }
  native.userAgentSuffix = userAgentSuffix
  return native
}

module.exports = {
  requestFromInput,
  requestFromCommandInput,
  verifyRequestFromInput,
  verifyRequestFromCommandInput,
  nativeSettings,
  signalOption,
  fail,
  SETTING_NAMES: Object.keys(SETTING_CHECKS),
  CLIENT_SETTING_NAMES: Object.keys(CLIENT_SETTING_CHECKS),
  USER_AGENT_SUFFIX,
}
