// Every message names the option as a JavaScript caller wrote it, and says what to do.
import './helpers/env.mjs'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import * as lib from 'cognito-attr-code'
import { TOKEN } from './helpers/server.mjs'

const INPUT = { accessToken: TOKEN, attributeName: 'email' }

test('core messages use camelCase names', async () => {
  assert.throws(
    () => new lib.Client({ endpointUrl: 'http://example.com' }),
    (error) => {
      assert.equal(error.setting, 'endpointUrl')
      assert.match(error.message, /^endpointUrl: /)
      assert.match(error.message, /set allowInsecureHttp to permit it/)
      assert.doesNotMatch(error.message, /allow_insecure_http|endpoint_url/)
      return true
    },
  )
  const client = new lib.Client({ region: 'us-east-1', endpointUrl: 'http://127.0.0.1:9' })
  await assert.rejects(client.getAttrCode({ accessToken: TOKEN, attributeName: 'x'.repeat(33) }), (error) => {
    assert.equal(error.argument, 'attributeName')
    assert.match(error.message, /^attributeName: /)
    return true
  })
})

test('retryMode lists every accepted mode and readTimeoutMs shows the number', () => {
  assert.throws(
    () => new lib.Client({ region: 'us-east-1', retryMode: 'bogus' }),
    (error) => {
      assert.equal(error.setting, 'retryMode')
      assert.match(error.message, /"standard", "adaptive", "legacy"/)
      return true
    },
  )
  assert.throws(() => new lib.Client({ readTimeoutMs: -1 }), {
    message: 'settings.readTimeoutMs must be an integer from 0 to 4294967295 (received -1)',
  })
})

test('Missing Region says how to set it in Node', async () => {
  await assert.rejects(lib.getAttrCode(INPUT), (error) => {
    assert.ok(error instanceof lib.CognitoConfigurationError)
    assert.match(error.message, /Missing Region/)
    assert.match(error.message, /\{ region: 'eu-west-1' \}/)
    assert.match(error.message, /AWS_REGION/)
    assert.match(error.message, /issuer names a region/)
    return true
  })
})

test("every setting of the core's table is typed in index.d.ts and accepted", () => {
  const require = createRequire(import.meta.url)
  const root = path.dirname(require.resolve('cognito-attr-code/package.json'))
  const table = require(path.join(root, 'lib', 'native.js')).settingTable()
  const dts = readFileSync(path.join(root, 'index.d.ts'), 'utf8')
  const block = dts.slice(dts.indexOf('export interface Settings {'))
  const typed = [...block.slice(0, block.indexOf('\n}')).matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1])
  assert.deepEqual(
    typed,
    table.map((row) => row.name),
  )
  const valid = { text: 'x', path: '/nonexistent/x', retryMode: 'standard', duration: 1000, attempts: 2, switch: false }
  for (const { name, kind } of table) {
    assert.throws(() => new lib.Client({ [name]: Symbol('wrong') }), { argument: `settings.${name}` }, name)
    try {
      new lib.Client({ region: 'us-east-1', [name]: valid[kind] })
    } catch (error) {
      // A valid value of the right kind may still fail as configuration (no such profile or
      // file), never as an unknown or wrongly typed setting.
      assert.ok(error instanceof lib.CognitoConfigurationError, `${name}: ${error}`)
    }
  }
})
