// The SDK-compatible client honours the options SDK users set for this call, and warns once
// about those it does not support.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import * as lib from 'cognito-attr-code'
import { startServer, TOKEN } from './helpers/server.mjs'
import { startConnectRecorder } from './helpers/connect-recorder.mjs'

let server
before(async () => {
  server = await startServer({ status: 200, body: {} })
})
after(() => server.close())

const command = () => new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })

const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
]

test('useFipsEndpoint and useDualstackEndpoint pick the endpoint', async () => {
  const proxy = await startConnectRecorder()
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]))
  for (const name of PROXY_VARIABLES) delete process.env[name]
  process.env.HTTPS_PROXY = proxy.url
  try {
    for (const config of [
      { useFipsEndpoint: true },
      { useFipsEndpoint: async () => true, useDualstackEndpoint: () => true },
    ]) {
      const client = new lib.CognitoIdentityProviderClient({ region: 'eu-west-1', maxAttempts: 1, ...config })
      await assert.rejects(client.send(command()))
    }
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    await proxy.close()
  }
  assert.deepEqual(proxy.targets, [
    'cognito-idp-fips.eu-west-1.amazonaws.com:443',
    'cognito-idp-fips.eu-west-1.api.aws:443',
  ])
})

test('customUserAgent is appended to the User-Agent', async () => {
  await server.takeRequests()
  for (const [customUserAgent, expected] of [
    ['my-app/1.2', / my-app\/1\.2( |$)/],
    [[['my-app', '1.2'], ['feature']], / my-app\/1\.2 feature( |$)/],
  ]) {
    const client = new lib.CognitoIdentityProviderClient({ endpoint: server.url, region: 'us-east-1', customUserAgent })
    await client.send(command())
    const [request] = await server.takeRequests()
    assert.match(request.headers['user-agent'], /lang\/js md\/nodejs#/)
    assert.match(request.headers['user-agent'], expected)
  }
})

test('the logger gets debug lines without the token', async () => {
  const lines = []
  const logger = { debug: (entry) => lines.push(entry), info() {}, warn() {}, error() {} }
  const client = new lib.CognitoIdentityProviderClient({ endpoint: server.url, region: 'us-east-1', logger })
  await client.send(command())
  await server.setReply({ status: 400, body: { __type: 'NotAuthorizedException', message: `bad ${TOKEN}` } })
  await assert.rejects(client.send(command()), { name: 'NotAuthorizedException' })
  await server.setReply({ status: 200, body: {} })
  assert.equal(lines.length, 4)
  assert.deepEqual(lines[0], {
    clientName: 'CognitoIdentityProviderClient',
    commandName: 'GetUserAttributeVerificationCodeCommand',
    input: { AccessToken: '***', AttributeName: 'email' },
  })
  assert.equal(lines[1].metadata.httpStatusCode, 200)
  assert.equal(lines[3].error.name, 'NotAuthorizedException')
  assert.ok(!JSON.stringify(lines).includes(TOKEN))
})

test("the request handler's requestTimeout is the read timeout", async () => {
  await server.setReply({ hang: true })
  try {
    const client = new lib.CognitoIdentityProviderClient({
      endpoint: server.url,
      region: 'us-east-1',
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 5000, requestTimeout: 200 },
    })
    await assert.rejects(client.send(command()), (error) => {
      assert.ok(error instanceof lib.CognitoTimeoutError)
      assert.equal(error.phase, 'read')
      return true
    })
    // The `NodeHttpHandler` form: options behind a `configProvider` promise.
    const handler = { configProvider: Promise.resolve({ requestTimeout: 200 }), handle() {} }
    const viaHandler = new lib.CognitoIdentityProviderClient({
      endpoint: server.url,
      maxAttempts: 1,
      requestHandler: handler,
    })
    await assert.rejects(viaHandler.send(command()), { name: 'CognitoTimeoutError', phase: 'read' })
  } finally {
    await server.setReply({ status: 200, body: {} })
  }
})

test('options that would change behaviour and are not supported are warned about once', async () => {
  const warnings = []
  const listener = (warning) => warnings.push(warning)
  process.on('warning', listener)
  try {
    new lib.CognitoIdentityProviderClient({ endpoint: server.url, retryStrategy: {}, credentials: {}, signer: {} })
    new lib.CognitoIdentityProviderClient({ endpoint: server.url, retryStrategy: {} })
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve))
  } finally {
    process.off('warning', listener)
  }
  assert.equal(warnings.length, 1)
  assert.equal(warnings[0].code, 'COGNITO_ATTR_CODE_UNSUPPORTED_OPTION')
  assert.match(warnings[0].message, /"retryStrategy"/)
})

test('the logger names VerifyUserAttributeCommand and never shows its code', async () => {
  const CODE = 'C0DE-5ECRET-0042'
  const lines = []
  const logger = { debug: (entry) => lines.push(entry), info() {}, warn() {}, error() {} }
  const client = new lib.CognitoIdentityProviderClient({ endpoint: server.url, region: 'us-east-1', logger })
  const verify = () => new lib.VerifyUserAttributeCommand({ AccessToken: TOKEN, AttributeName: 'email', Code: CODE })
  await client.send(verify())
  await server.setReply({ status: 400, body: { __type: 'CodeMismatchException', message: `wrong ${CODE}` } })
  await assert.rejects(client.send(verify()), { name: 'CodeMismatchException' })
  await server.setReply({ status: 200, body: {} })
  assert.equal(lines.length, 4)
  assert.deepEqual(lines[0], {
    clientName: 'CognitoIdentityProviderClient',
    commandName: 'VerifyUserAttributeCommand',
    input: { AccessToken: '***', AttributeName: 'email', Code: '***' },
  })
  assert.equal(lines[3].error.name, 'CodeMismatchException')
  const logged = JSON.stringify(lines)
  assert.ok(!logged.includes(TOKEN) && !logged.includes(CODE))
})
