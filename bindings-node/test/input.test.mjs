// Bad input is a typed TypeError (thrown by the sync calls, rejected by the async ones), never a
// crash; the access token never shows up in output, errors or stacks.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import * as lib from 'cognito-attr-code'
import { startServer, TOKEN } from './helpers/server.mjs'

let server
before(async () => {
  server = await startServer({ status: 200, body: {} })
})
after(() => server.close())

function isInvalidArgument(argument) {
  return (error) => {
    assert.ok(error instanceof TypeError, `TypeError expected, got ${error}`)
    assert.ok(error instanceof lib.CognitoInvalidArgumentError)
    assert.equal(error.code, 'ERR_COGNITO_INVALID_ARGUMENT')
    assert.equal(error.name, 'CognitoInvalidArgumentError')
    if (argument) assert.equal(error.argument, argument)
    assert.ok(!error.message.includes(TOKEN))
    return true
  }
}

const BAD_INPUTS = [
  [undefined, 'input'],
  [null, 'input'],
  [42, 'input'],
  ['token', 'input'],
  [{}, 'accessToken'],
  [{ accessToken: 42, attributeName: 'email' }, 'accessToken'],
  [{ accessToken: '', attributeName: 'email' }, 'accessToken'],
  [{ accessToken: TOKEN }, 'attributeName'],
  [{ accessToken: TOKEN, attributeName: '' }, 'attributeName'],
  [{ accessToken: TOKEN, attributeName: 7 }, 'attributeName'],
  [{ accessToken: TOKEN, attributeName: 'email', clientMetadata: 'x' }, 'clientMetadata'],
  [{ accessToken: TOKEN, attributeName: 'email', clientMetadata: 5 }, 'clientMetadata'],
  [{ accessToken: TOKEN, attributeName: 'email', clientMetadata: ['a'] }, 'clientMetadata'],
  [{ accessToken: TOKEN, attributeName: 'email', clientMetadata: { a: 1 } }, 'clientMetadata["a"]'],
  // Checked by the core against the service model:
  [{ accessToken: `${TOKEN} with spaces`, attributeName: 'email' }, 'accessToken'],
  [{ accessToken: TOKEN, attributeName: 'x'.repeat(33) }, 'attributeName'],
]

test('bad input to every entry point is a CognitoInvalidArgumentError (a TypeError)', async () => {
  const client = new lib.Client({ endpointUrl: server.url })
  const settings = { endpointUrl: server.url }
  for (const [input, argument] of BAD_INPUTS) {
    const check = isInvalidArgument(argument)
    assert.throws(() => lib.getAttrCodeSync(input, settings), check)
    assert.throws(() => client.getAttrCodeSync(input), check)
    const pending = lib.getAttrCode(input, settings)
    assert.ok(pending instanceof Promise, 'async calls reject, never throw')
    await assert.rejects(pending, check)
    await assert.rejects(client.getAttrCode(input), check)
  }
})

test('the Python shape getAttrCode(token, attribute) says where the strings belong', async () => {
  for (const call of [() => lib.getAttrCode(TOKEN, 'email'), async () => lib.getAttrCodeSync(TOKEN, 'email')]) {
    await assert.rejects(call(), (error) => {
      assert.equal(error.code, 'ERR_COGNITO_INVALID_ARGUMENT')
      assert.match(error.message, /getAttrCode\(\{ accessToken, attributeName \}, settings\)/)
      assert.ok(!error.message.includes(TOKEN))
      return true
    })
  }
  assert.throws(
    () => new lib.Client({ endpointUrl: server.url }).getAttrCodeSync(TOKEN),
    /input must be an object \{ accessToken, attributeName/,
  )
})

test('bad settings are rejected by name', async () => {
  const input = { accessToken: TOKEN, attributeName: 'email' }
  for (const [settings, argument] of [
    [5, 'settings'],
    ['us-east-1', 'settings'],
    [{ region: 5 }, 'settings.region'],
    [{ region: '' }, 'settings.region'],
    [{ endpointURL: server.url }, 'settings.endpointURL'],
    [{ maxAttempts: 0 }, 'settings.maxAttempts'],
    [{ maxAttempts: 1.5 }, 'settings.maxAttempts'],
    [{ readTimeoutMs: -1 }, 'settings.readTimeoutMs'],
    [{ connectTimeoutMs: '100' }, 'settings.connectTimeoutMs'],
    [{ verify: 'no' }, 'settings.verify'],
  ]) {
    assert.throws(() => new lib.Client(settings), isInvalidArgument(argument))
    await assert.rejects(lib.getAttrCode(input, settings), isInvalidArgument(argument))
  }
})

test('the token never appears in inspect, JSON, messages or stacks', async () => {
  const command = new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })
  assert.equal(command.input.AccessToken, TOKEN, 'still readable, as in the SDK')
  const client = new lib.Client({ endpointUrl: server.url })
  const outputs = [
    inspect(command, { depth: Infinity, showHidden: false }),
    JSON.stringify(command),
    JSON.stringify(command.input),
    inspect(command.input),
    inspect(client, { depth: Infinity }),
    inspect(new lib.CognitoIdentityProviderClient({ endpoint: server.url })),
  ]
  // A server that echoes the token in its error message: the core scrubs it.
  await server.setReply({
    status: 400,
    headers: { 'x-amzn-requestid': 'req-echo' },
    body: { __type: 'NotAuthorizedException', message: `Invalid token ${TOKEN}` },
  })
  const failures = await Promise.allSettled([
    client.getAttrCode({ accessToken: TOKEN, attributeName: 'email' }),
    new lib.CognitoIdentityProviderClient({ endpoint: server.url, maxAttempts: 1 }).send(command),
    client.getAttrCode({ accessToken: `${TOKEN}!`, attributeName: 'email' }),
    lib.getAttrCode({ accessToken: TOKEN, attributeName: 'email' }, { region: 'bad.region' }),
  ])
  for (const { status, reason } of failures) {
    assert.equal(status, 'rejected')
    outputs.push(
      reason.message,
      reason.stack,
      inspect(reason, { depth: Infinity }),
      JSON.stringify(reason),
      String(reason),
    )
  }
  try {
    client.getAttrCodeSync({ accessToken: TOKEN, attributeName: 'email' })
    assert.fail('should throw')
  } catch (error) {
    outputs.push(inspect(error), error.stack)
  }
  const secret = TOKEN.split('.')[2]
  for (const text of outputs) {
    assert.equal(typeof text, 'string')
    assert.ok(!text.includes(secret), `token leaked in: ${text.replace(secret, '<TOKEN>')}`)
  }
})
