// A server that echoes the access token back in other forms than raw body bytes (JSON-escaped, in
// the error type, the request id, any header, a redirect, a success field) never gets it into a
// result or an error (message, stack, name, util.inspect, JSON), through every API surface.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import util from 'node:util'
import * as lib from 'cognito-attr-code'
import { startServer, TOKEN } from './helpers/server.mjs'
import { jsonEscaped, leaksAny, percentEncoded } from './helpers/echo-forms.mjs'

const SIGNATURE = TOKEN.split('.').at(-1)
// A distinctive piece short enough to fit, JSON-escaped, in a 256-byte body excerpt.
const FRAGMENT = SIGNATURE.slice(0, 24)

/** The token, its signature or a fragment of it, in any echo form. */
const leaks = (text) => leaksAny(text, [TOKEN, SIGNATURE, FRAGMENT])

function views(value) {
  const texts = [util.inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? '']
  if (value instanceof Error) texts.push(String(value), value.message, value.name, value.stack ?? '')
  return texts
}

function assertClean(value) {
  const leaked = views(value).filter(leaks)
  assert.deepEqual(leaked, [], 'the token leaked')
}

let server
before(async () => {
  server = await startServer()
})
after(() => server.close())

const INPUT = { accessToken: TOKEN, attributeName: 'email' }

/** Every outcome of one scripted reply: the function API (async and sync) and the SDK surface. */
async function outcomes(reply) {
  await server.setReply(reply)
  const settings = { endpointUrl: server.url, maxAttempts: 1 }
  const settle = async (run) => {
    try {
      return { output: await run() }
    } catch (error) {
      return { error }
    }
  }
  const sdk = new lib.CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: server.url, maxAttempts: 1 })
  const results = [
    await settle(() => lib.getAttrCode(INPUT, settings)),
    await settle(() => lib.getAttrCodeSync(INPUT, settings)),
    await settle(() =>
      sdk.send(new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })),
    ),
  ]
  for (const result of results) assertClean(result.error ?? result.output)
  return results
}

test('a JSON-escaped echo in the message', async () => {
  const body = `{"__type":"NotAuthorizedException","message":"Invalid token ${jsonEscaped(TOKEN)}"}`
  for (const { error } of await outcomes({ status: 400, body })) {
    assert.ok(error instanceof lib.NotAuthorizedException)
    assert.equal(error.message, 'Invalid token ***')
  }
})

test('an error type carrying the token', async () => {
  const reply = { status: 400, headers: { 'x-amzn-errortype': `Bad${TOKEN}` }, body: {} }
  for (const { error } of await outcomes(reply)) {
    assert.ok(error instanceof lib.CognitoIdentityProviderServiceException)
    assert.equal(error.name, 'Bad***')
  }
})

test('a request id carrying the token, on an error and on a success', async () => {
  const error = { status: 400, headers: { 'x-amzn-requestid': TOKEN }, body: { __type: 'NotAuthorizedException' } }
  for (const outcome of await outcomes(error)) assert.equal(outcome.error.$metadata.requestId, '***')
  const success = {
    status: 200,
    headers: { 'x-amzn-requestid': SIGNATURE, 'x-amz-id-2': TOKEN, 'x-amz-cf-id': SIGNATURE },
    body: {},
  }
  const [, , { output }] = await outcomes(success)
  assert.equal(output.$metadata.requestId, '***')
  assert.equal(output.$metadata.extendedRequestId, '***')
  assert.equal(output.$metadata.cfId, '***')
})

test('other headers carrying the token in any encoding', async () => {
  const headers = {
    [`x-echo-${TOKEN}`]: '1',
    'x-percent': percentEncoded(TOKEN),
    'x-base64': Buffer.from(TOKEN).toString('base64'),
    'x-signature': SIGNATURE,
    // The two headers the SDK surface exposes, besides the request id.
    'x-amz-id-2': percentEncoded(TOKEN),
    'x-amz-cf-id': Buffer.from(TOKEN).toString('base64'),
  }
  for (const { error } of await outcomes({ status: 400, headers, body: { __type: 'NotAuthorizedException' } })) {
    assert.ok(error instanceof lib.NotAuthorizedException)
  }
  const [, , { output }] = await outcomes({ status: 200, headers, body: {} })
  assert.equal(output.$metadata.extendedRequestId, '***')
  assert.match(output.$metadata.cfId, /\*\*\*/)
})

test('a redirect carrying the token', async () => {
  for (const location of [`https://evil.example/cb?t=${TOKEN}`, `https://evil.example/cb?t=${percentEncoded(TOKEN)}`]) {
    for (const { error } of await outcomes({ status: 302, headers: { location }, body: '' })) {
      assert.ok(error instanceof lib.CognitoProtocolError)
      assert.match(error.message, /cb\?t=\*\*\*/)
    }
  }
})

test('a JSON-escaped echo in every field of a success', async () => {
  const escaped = jsonEscaped(TOKEN)
  const body = `{"CodeDeliveryDetails":{"Destination":"${escaped}","DeliveryMedium":"${escaped}","AttributeName":"${escaped}"}}`
  const [{ output: details }, { output: sync }, { output: sdk }] = await outcomes({ status: 200, body })
  assert.deepEqual({ ...details }, { destination: '***', deliveryMedium: '***', attributeName: '***' })
  assert.deepEqual({ ...sync }, { ...details })
  assert.deepEqual(sdk.CodeDeliveryDetails, { Destination: '***', DeliveryMedium: '***', AttributeName: '***' })
})

test('an unparsable body with an escaped echo', async () => {
  // The excerpt is short: a fragment of the signature comes first so that it falls inside.
  const body = `{"echo":"${jsonEscaped(FRAGMENT)}","token":"${jsonEscaped(TOKEN)}"}`
  for (const { error } of await outcomes({ status: 400, body })) {
    assert.ok(error instanceof lib.CognitoProtocolError)
    assert.ok(error.bodyExcerpt.startsWith('{"echo":"***"'), error.bodyExcerpt)
  }
})
