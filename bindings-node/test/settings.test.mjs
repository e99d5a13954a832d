// Settings from the shared config file, the proxy and token pre-check settings, adaptive mode,
// and the error members the SDK has (reasonCode, totalRetryDelay).
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as lib from 'cognito-attr-code'
import { startServer, serviceError, TOKEN } from './helpers/server.mjs'

let server
before(async () => {
  server = await startServer()
})
after(() => server.close())

const INPUT = { accessToken: TOKEN, attributeName: 'email' }

test('a profile supplies the endpoint; an unknown profile is a configuration error', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cac-node-'))
  const config = path.join(dir, 'config')
  fs.writeFileSync(config, `[profile dev]\nregion = eu-west-1\nendpoint_url = ${server.url}\n`)
  process.env.AWS_CONFIG_FILE = config
  try {
    await server.setReply({ status: 200, body: {} })
    const client = new lib.Client({ profile: 'dev', maxAttempts: 1 })
    assert.equal(client.endpointUrl, `${server.url}/`)
    assert.equal(await client.getAttrCode(INPUT), null)
    assert.throws(
      () => new lib.Client({ profile: 'nobody' }),
      (error) => {
        assert.ok(error instanceof lib.CognitoConfigurationError)
        assert.match(error.message, /nobody/)
        return true
      },
    )
  } finally {
    delete process.env.AWS_CONFIG_FILE
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('an invalid proxy is a configuration error naming it', () => {
  assert.throws(() => new lib.Client({ region: 'us-east-1', proxy: 'ftp://proxy.example:21' }), /proxy/)
})

test('validateToken refuses an ID token before sending anything', async () => {
  const payload = Buffer.from(JSON.stringify({ token_use: 'id' })).toString('base64url')
  const idToken = `eyJhbGciOiJub25lIn0.${payload}.c2ln`
  await assert.rejects(
    lib.getAttrCode({ accessToken: idToken, attributeName: 'email' }, { endpointUrl: server.url, validateToken: true }),
    (error) => {
      assert.equal(error.code, 'ERR_COGNITO_INVALID_ARGUMENT')
      assert.match(error.message, /ID token/)
      assert.ok(!error.message.includes(idToken))
      return true
    },
  )
})

test('adaptive retry mode is accepted', () => {
  new lib.Client({ region: 'us-east-1', retryMode: 'adaptive' })
})

test('InvalidParameterException carries reasonCode; retries report totalRetryDelay', async () => {
  await server.setReply({
    status: 400,
    body: { __type: 'InvalidParameterException', message: 'bad', reasonCode: 'INVALID_PARAMETER' },
  })
  await assert.rejects(lib.getAttrCode(INPUT, { endpointUrl: server.url, maxAttempts: 1 }), (error) => {
    assert.equal(error.reasonCode, 'INVALID_PARAMETER')
    assert.equal(error.$metadata.totalRetryDelay, 0)
    return true
  })
  await server.setReply(serviceError('InternalErrorException', 'down', { status: 500 }))
  await assert.rejects(lib.getAttrCode(INPUT, { endpointUrl: server.url, maxAttempts: 2 }), (error) => {
    assert.equal(error.$metadata.attempts, 2)
    assert.ok(error.$metadata.totalRetryDelay >= 0 && error.$metadata.totalRetryDelay <= 1000)
    return true
  })
})
