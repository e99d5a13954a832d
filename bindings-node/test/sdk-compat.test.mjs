// The SDK-compatible surface, compared with @aws-sdk/client-cognito-identity-provider talking
// to the same local server and receiving the same responses.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import * as sdk from '@aws-sdk/client-cognito-identity-provider'
import * as ours from 'cognito-attr-code'
import { startServer, serviceError, FULL_DETAILS, TOKEN } from './helpers/server.mjs'

let server
before(async () => {
  server = await startServer()
})
after(() => server.close())

async function outcome(lib, input = { AccessToken: TOKEN, AttributeName: 'email' }) {
  const client = new lib.CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: server.url,
    maxAttempts: 1,
  })
  try {
    return { output: await client.send(new lib.GetUserAttributeVerificationCodeCommand(input)) }
  } catch (error) {
    return { error }
  }
}

async function both(reply, input) {
  await server.setReply(reply)
  const theirs = await outcome(sdk, input)
  const mine = await outcome(ours, input)
  return { theirs, mine }
}

for (const [label, body] of [
  ['full details', FULL_DETAILS],
  ['an empty object', {}],
  ['partial details and an unknown medium', { CodeDeliveryDetails: { DeliveryMedium: 'CARRIER_PIGEON' } }],
]) {
  test(`success with ${label}: same output as the AWS SDK`, async () => {
    const { theirs, mine } = await both({
      status: 200,
      headers: { 'x-amzn-requestid': 'req-ok', 'x-amz-id-2': 'ext-1' },
      body,
    })
    assert.ifError(theirs.error)
    assert.ifError(mine.error)
    assert.deepStrictEqual(mine.output, theirs.output)
    assert.deepStrictEqual(Object.keys(mine.output).sort(), Object.keys(theirs.output).sort())
  })
}

test('the request body matches what the AWS SDK sends', async () => {
  const input = { AccessToken: TOKEN, AttributeName: 'phone_number', ClientMetadata: { app: 'web', n: '1' } }
  await server.takeRequests()
  await both({ status: 200, body: {} }, input)
  const [theirs, mine] = await server.takeRequests()
  assert.deepStrictEqual(mine.body, theirs.body)
  assert.equal(mine.headers['x-amz-target'], theirs.headers['x-amz-target'])
  assert.equal(mine.headers['content-type'], theirs.headers['content-type'])
  assert.match(mine.headers['user-agent'], /^cognito-attr-code\/\S+ lang\/js md\/nodejs#/)
})

// `__type` is the raw body member, which the SDK copies only when the body has one; it is not
// part of the modeled error.
function errorShape(error) {
  return {
    keys: Object.keys(error)
      .filter((key) => key !== '__type')
      .sort(),
    name: error.name,
    message: error.message,
    $fault: error.$fault,
    $retryable: error.$retryable,
    httpStatusCode: error.$metadata?.httpStatusCode,
    requestId: error.$metadata?.requestId,
    metadataKeys: Object.keys(error.$metadata ?? {}).sort(),
    isError: error instanceof Error,
  }
}

const CASES = [
  ...ours.MODELED_ERROR_CODES.map((code) => [
    code,
    serviceError(code, `${code} happened`, { status: code === 'InternalErrorException' ? 500 : 400 }),
  ]),
  ['an unknown client error', serviceError('SomeNewException', 'new', { status: 400 })],
  ['an unknown server error', serviceError('SomeOutageException', 'down', { status: 503 })],
  [
    'a namespaced code in the header',
    {
      status: 400,
      headers: {
        'x-amzn-requestid': 'req-h',
        'x-amzn-errortype': 'NotAuthorizedException:http://internal.amazon.com/coral/',
      },
      body: { message: 'Invalid Access Token' },
    },
  ],
]

for (const [label, reply] of CASES) {
  test(`${label}: same error as the AWS SDK`, async () => {
    const { theirs, mine } = await both(reply)
    assert.ok(theirs.error, 'the SDK should fail')
    assert.ok(mine.error, 'we should fail')
    assert.deepStrictEqual(errorShape(mine.error), errorShape(theirs.error))
    assert.ok(mine.error instanceof ours.CognitoIdentityProviderServiceException)
    assert.ok(mine.error instanceof ours.CognitoError)
    // The SDK's own name-based instanceof accepts our errors, so existing catch blocks work.
    assert.ok(mine.error instanceof sdk.CognitoIdentityProviderServiceException)
    const OurClass = ours[mine.error.name]
    if (ours.MODELED_ERROR_CODES.includes(mine.error.name)) {
      assert.ok(mine.error instanceof OurClass, `instance of ${mine.error.name}`)
      assert.ok(mine.error instanceof sdk[mine.error.name])
      assert.equal(OurClass.name, mine.error.name)
    } else {
      assert.equal(mine.error.constructor, ours.CognitoIdentityProviderServiceException)
    }
  })
}

test('an unparseable answer is a typed protocol error (the SDK throws a SyntaxError)', async () => {
  const { mine } = await both({
    status: 502,
    headers: { 'content-type': 'text/html', 'x-amzn-requestid': 'req-html' },
    body: '<html>Bad Gateway</html>',
  })
  assert.ok(mine.error instanceof ours.CognitoProtocolError)
  assert.equal(mine.error.code, 'ERR_COGNITO_PROTOCOL')
  assert.equal(mine.error.$metadata.httpStatusCode, 502)
  assert.equal(mine.error.$metadata.requestId, 'req-html')
  assert.match(mine.error.bodyExcerpt, /Bad Gateway/)
})

test('config values may be providers, and endpoint objects are accepted', async () => {
  await server.setReply({ status: 200, body: FULL_DETAILS })
  const { port } = server
  const client = new ours.CognitoIdentityProviderClient({
    region: async () => 'us-east-1',
    endpoint: () => ({ protocol: 'http:', hostname: '127.0.0.1', port, path: '/' }),
    maxAttempts: () => 1,
    credentials: { accessKeyId: 'ignored', secretAccessKey: 'ignored' },
  })
  const output = await client.send(
    new ours.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' }),
  )
  assert.equal(output.CodeDeliveryDetails.Destination, 'a***@e***.com')
  client.destroy()
})

test('the legacy callback form of send', async () => {
  await server.setReply({ status: 200, body: {} })
  const client = new ours.CognitoIdentityProviderClient({ endpoint: server.url, maxAttempts: 1 })
  const command = new ours.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })
  const output = await new Promise((resolve, reject) =>
    client.send(command, (error, data) => (error ? reject(error) : resolve(data))),
  )
  assert.equal(output.$metadata.httpStatusCode, 200)
})

test('bad config and bad commands reject with typed errors', async () => {
  const bad = new ours.CognitoIdentityProviderClient({ region: 'us-east-1.evil.com' })
  const command = new ours.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })
  await assert.rejects(bad.send(command), { code: 'ERR_COGNITO_CONFIGURATION' })
  const client = new ours.CognitoIdentityProviderClient({ endpoint: server.url })
  await assert.rejects(client.send({ input: {} }), { code: 'ERR_COGNITO_INVALID_ARGUMENT', argument: 'command' })
  await assert.rejects(client.send(new ours.GetUserAttributeVerificationCodeCommand({ AttributeName: 'email' })), {
    name: 'CognitoInvalidArgumentError',
    argument: 'AccessToken',
  })
  await assert.rejects(client.send(new ours.GetUserAttributeVerificationCodeCommand(undefined)), TypeError)
})
