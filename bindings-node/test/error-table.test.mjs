// Every JavaScript list of service error codes is core's one error table, names and order: the
// addon's `serviceErrorCodes()` (straight from `ServiceErrorCode::ALL`) against
// MODELED_ERROR_CODES, the classes, the CommonJS exports, the ESM re-exports and the declarations
// (lib/service-errors.generated.mjs and .d.ts, generated from core's table by make generate,
// re-exported by index.mjs and index.d.ts). A code added to or moved in core and not here fails.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as esm from 'cognito-attr-code'

const require = createRequire(import.meta.url)
const packageDir = path.dirname(require.resolve('cognito-attr-code'))
const table = require(path.join(packageDir, 'lib', 'native.js')).serviceErrorCodes()
const lib = require('cognito-attr-code')
const read = (file) => readFileSync(path.join(packageDir, file), 'utf8')
const modeled = (names) =>
  names.filter((name) => /^[A-Z]\w*Exception$/.test(name) && name !== 'CognitoIdentityProviderServiceException')

test('the table reaches JavaScript whole', () => {
  assert.equal(table.length, 21)
  assert.deepEqual(table.slice(-4), [
    'OperationNotEnabledException',
    'CodeMismatchException',
    'ExpiredCodeException',
    'AliasExistsException',
  ])
  assert.deepEqual([...lib.MODELED_ERROR_CODES], table)
})

test('the CommonJS exports are the table, in order, each its own class', () => {
  assert.deepEqual(modeled(Object.keys(lib)), table)
  for (const code of table) {
    assert.equal(lib[code].name, code)
    assert.equal(esm[code], lib[code], code)
  }
})

test('the ESM exports are exactly the table, in order', () => {
  assert.match(read('index.mjs'), /^export \* from '\.\/lib\/service-errors\.generated\.mjs'$/m)
  const block = read('lib/service-errors.generated.mjs').match(/export const \{([^}]*)\} = cjs/)
  assert.ok(block, 'lib/service-errors.generated.mjs has its export block')
  const names = block[1]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  assert.deepEqual(modeled(names), table)
})

test('the declarations are exactly the table, in order', () => {
  assert.match(read('index.d.ts'), /^export \* from '\.\/lib\/service-errors\.generated'$/m)
  const names = [
    ...read('lib/service-errors.generated.d.ts').matchAll(
      /^export declare const (\w+): ModeledErrorConstructor<'(\w+)'>/gm,
    ),
  ]
  assert.deepEqual(
    names.map((m) => m[1]),
    table,
  )
  assert.deepEqual(
    names.map((m) => m[2]),
    table,
  )
})
