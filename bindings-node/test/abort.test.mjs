// AbortSignal on every async call: the promise rejects at once with an AbortError, no further
// attempt starts, and the native work finishing later leaves no dangling promise or crash.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import * as lib from 'cognito-attr-code'
import { startServer, TOKEN } from './helpers/server.mjs'

const run = promisify(execFile)
let server
before(async () => {
  server = await startServer({ status: 200, body: {} })
})
after(() => server.close())

const INPUT = { accessToken: TOKEN, attributeName: 'email' }

for (const surface of ['client', 'function', 'sdk']) {
  test(`aborting a ${surface} call in flight rejects at once and starts no further attempt`, async () => {
    const script = fileURLToPath(new URL('./helpers/abort-in-flight.mjs', import.meta.url))
    const { stdout } = await run(process.execPath, [script, surface], {
      env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
      timeout: 60_000,
    })
    const { outcome, requests, unhandled } = JSON.parse(stdout)
    assert.deepEqual(outcome, {
      settled: 'rejected',
      name: 'AbortError',
      code: 'ABORT_ERR',
      cause: 'Error: user went away',
    })
    assert.deepEqual(requests, ['email', 'after'], 'one attempt of the aborted call, then the next call')
    assert.deepEqual(unhandled, [])
  })
}

test('an already aborted signal rejects before anything is sent', async () => {
  await server.takeRequests()
  const signal = AbortSignal.abort()
  const client = new lib.Client({ endpointUrl: server.url })
  const sdk = new lib.CognitoIdentityProviderClient({ endpoint: server.url, region: 'us-east-1' })
  const command = new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })
  for (const pending of [
    client.getAttrCode(INPUT, { signal }),
    lib.getAttrCode(INPUT, { endpointUrl: server.url }, { signal }),
    sdk.send(command, { abortSignal: signal }),
  ]) {
    await assert.rejects(pending, (error) => {
      assert.ok(error instanceof lib.CognitoAbortError)
      assert.ok(error instanceof lib.CognitoError)
      assert.equal(error.name, 'AbortError')
      assert.ok(!String(error.stack).includes(TOKEN))
      return true
    })
  }
  assert.deepEqual(await server.takeRequests(), [])
})

test('a signal that never aborts changes nothing, and a non-signal is refused', async () => {
  const client = new lib.Client({ endpointUrl: server.url })
  const controller = new AbortController()
  assert.equal(await client.getAttrCode(INPUT, { signal: controller.signal }), null)
  controller.abort()
  await assert.rejects(client.getAttrCode(INPUT, { signal: 'soon' }), {
    name: 'CognitoInvalidArgumentError',
    argument: 'options.signal',
  })
})

test('VerifyUserAttribute takes the same signal in every surface', async () => {
  await server.takeRequests()
  const client = new lib.Client({ endpointUrl: server.url })
  const sdk = new lib.CognitoIdentityProviderClient({ endpoint: server.url, region: 'us-east-1' })
  const input = { ...INPUT, code: '123456' }
  const command = new lib.VerifyUserAttributeCommand({ AccessToken: TOKEN, AttributeName: 'email', Code: '123456' })
  const signal = AbortSignal.abort()
  for (const pending of [
    client.verifyAttr(input, { signal }),
    lib.verifyAttr(input, { endpointUrl: server.url }, { signal }),
    sdk.send(command, { abortSignal: signal }),
  ]) {
    await assert.rejects(pending, (error) => error instanceof lib.CognitoAbortError && error.name === 'AbortError')
  }
  assert.deepEqual(await server.takeRequests(), [])
  const live = new AbortController().signal
  assert.equal(await client.verifyAttr(input, { signal: live }), undefined)
  assert.equal(await lib.verifyAttr(input, { endpointUrl: server.url }, { signal: live }), undefined)
  assert.deepEqual(await sdk.send(command, { abortSignal: live }).then((out) => Object.keys(out)), ['$metadata'])
  assert.equal((await server.takeRequests()).length, 3)
})
