// The CommonJS entry: `require('cognito-attr-code')` gives the same API as the ESM entry.
'use strict'
const { test } = require('node:test')
const assert = require('node:assert/strict')

test('require() exposes the function API, the clients and the error classes', async () => {
  const lib = require('cognito-attr-code')
  const esm = await import('cognito-attr-code')
  for (const name of [
    'getAttrCode',
    'getAttrCodeSync',
    'Client',
    'CognitoIdentityProviderClient',
    'GetUserAttributeVerificationCodeCommand',
    'verifyAttr',
    'verifyAttrSync',
    'VerifyUserAttributeCommand',
    'CognitoError',
    'CognitoInvalidArgumentError',
    ...lib.MODELED_ERROR_CODES,
  ]) {
    assert.equal(typeof lib[name], 'function', name)
    assert.equal(esm[name], lib[name], `${name} is the same object in ESM and CommonJS`)
  }
  assert.ok(lib.MODELED_ERROR_CODES.includes('CodeMismatchException'))
  assert.match(lib.VERSION, /^\d+\.\d+\.\d+/)
  assert.equal(require('cognito-attr-code/package.json').name, 'cognito-attr-code')
})
