// VerifyUserAttribute through every surface: VerifyUserAttributeCommand against the AWS SDK on the
// same local server (output, request, errors), Client.verifyAttr / verifyAttr and their sync
// variants, the typed errors (a wrong code is never retried), local validation, and the secrecy
// of the code in echoes, errors, util.inspect and JSON of the command.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import util from 'node:util'
import * as sdk from '@aws-sdk/client-cognito-identity-provider'
import * as lib from 'cognito-attr-code'
import { startServer, serviceError, TOKEN } from './helpers/server.mjs'
import { jsonEscaped, leaksAny, percentEncoded } from './helpers/echo-forms.mjs'

const CODE = '493817'
const LONG_CODE = 'verification-code-that-must-never-leak-0123456789'

let server
before(async () => {
  server = await startServer()
})
after(() => server.close())

const settings = (extra) => ({ endpointUrl: server.url, maxAttempts: 1, ...extra })

async function send(module, code = CODE, maxAttempts = 1) {
  const client = new module.CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: server.url, maxAttempts })
  try {
    return {
      output: await client.send(
        new module.VerifyUserAttributeCommand({ AccessToken: TOKEN, AttributeName: 'email', Code: code }),
      ),
    }
  } catch (error) {
    return { error }
  }
}

test('VerifyUserAttributeCommand: same output and request as the AWS SDK', async () => {
  await server.setReply({ status: 200, headers: { 'x-amzn-requestid': 'req-ok' }, body: {} })
  await server.takeRequests()
  const theirs = await send(sdk)
  const mine = await send(lib)
  assert.ifError(theirs.error)
  assert.ifError(mine.error)
  assert.deepStrictEqual(mine.output, theirs.output)
  assert.deepStrictEqual(Object.keys(mine.output), ['$metadata'])
  const [theirRequest, myRequest] = await server.takeRequests()
  assert.deepStrictEqual(myRequest.body, theirRequest.body)
  assert.deepStrictEqual(myRequest.body, { AccessToken: TOKEN, AttributeName: 'email', Code: CODE })
  assert.equal(myRequest.headers['x-amz-target'], 'AWSCognitoIdentityProviderService.VerifyUserAttribute')
  assert.equal(myRequest.headers['x-amz-target'], theirRequest.headers['x-amz-target'])
})

test('a wrong code: the SDK-named error, never retried', async () => {
  const message = 'Invalid verification code provided, please try again.'
  await server.setReply(serviceError('CodeMismatchException', message))
  const theirs = await send(sdk, '000000')
  await server.takeRequests()
  const mine = await send(lib, '000000', 3)
  assert.equal((await server.takeRequests()).length, 1)
  assert.ok(mine.error instanceof lib.CodeMismatchException)
  assert.ok(mine.error instanceof lib.CognitoIdentityProviderServiceException)
  assert.equal(mine.error.name, theirs.error.name)
  assert.equal(mine.error.message, theirs.error.message)
  assert.equal(mine.error.$fault, theirs.error.$fault)
  assert.equal(mine.error.$metadata.requestId, theirs.error.$metadata.requestId)
  assert.equal(mine.error.$metadata.attempts, 1)
})

for (const code of [
  'ExpiredCodeException',
  'LimitExceededException',
  'AliasExistsException',
  'OperationNotEnabledException',
]) {
  test(`${code} is typed in the function API, async and sync`, async () => {
    await server.setReply(serviceError(code, 'm'))
    const input = { accessToken: TOKEN, attributeName: 'email', code: CODE }
    await assert.rejects(lib.verifyAttr(input, settings()), lib[code])
    assert.throws(() => lib.verifyAttrSync(input, settings()), lib[code])
    const client = new lib.Client(settings())
    await assert.rejects(client.verifyAttr(input), lib[code])
    assert.throws(() => client.verifyAttrSync(input), lib[code])
  })
}

test('OperationNotEnabledException is typed for getAttrCode too', async () => {
  await server.setReply(serviceError('OperationNotEnabledException', 'replica Region'))
  await assert.rejects(
    lib.getAttrCode({ accessToken: TOKEN, attributeName: 'email' }, settings()),
    lib.OperationNotEnabledException,
  )
})

test('success resolves to undefined in every form', async () => {
  await server.setReply({ status: 200, body: {} })
  const input = { accessToken: TOKEN, attributeName: 'email', code: CODE }
  const client = new lib.Client(settings())
  assert.equal(await lib.verifyAttr(input, settings()), undefined)
  assert.equal(lib.verifyAttrSync(input, settings()), undefined)
  assert.equal(await client.verifyAttr(input), undefined)
  assert.equal(client.verifyAttrSync(input), undefined)
})

test('bad codes are refused before any I/O, naming the argument', async () => {
  await server.takeRequests()
  const client = new lib.Client(settings())
  for (const code of ['', 42, undefined]) {
    await assert.rejects(client.verifyAttr({ accessToken: TOKEN, attributeName: 'email', code }), (error) => {
      assert.ok(error instanceof lib.CognitoInvalidArgumentError)
      assert.equal(error.argument, 'code')
      return true
    })
  }
  for (const code of ['12 34', 'x'.repeat(2049)]) {
    assert.throws(
      () => client.verifyAttrSync({ accessToken: TOKEN, attributeName: 'email', code }),
      (error) => {
        assert.ok(error instanceof lib.CognitoInvalidArgumentError)
        assert.equal(error.argument, 'code')
        assert.ok(!error.message.includes(code), error.message)
        return true
      },
    )
  }
  const compat = new lib.CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: server.url })
  await assert.rejects(
    compat.send(new lib.VerifyUserAttributeCommand({ AccessToken: TOKEN, AttributeName: 'email' })),
    (error) => error.argument === 'Code',
  )
  assert.deepEqual(await server.takeRequests(), [])
})

function assertClean(value, secret) {
  const texts = [util.inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? '']
  if (value instanceof Error) texts.push(String(value), value.message, value.stack ?? '')
  assert.deepEqual(
    texts.filter((text) => leaksAny(text, [secret])),
    [],
    `${secret} leaked`,
  )
}

for (const secret of [CODE, LONG_CODE]) {
  test(`an echoed code (${secret.length} characters) never leaves a call`, async () => {
    const headers = { 'x-amzn-requestid': secret, 'x-echo': percentEncoded(secret), 'x-upper': secret.toUpperCase() }
    const command = new lib.VerifyUserAttributeCommand({ AccessToken: TOKEN, AttributeName: 'email', Code: secret })
    assertClean(command, secret)
    assertClean(command, TOKEN)
    const compat = new lib.CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: server.url, maxAttempts: 1 })
    await server.setReply({
      status: 400,
      headers,
      body: `{"__type":"CodeMismatchException","message":"wrong ${jsonEscaped(secret)}"}`,
    })
    const error = await compat.send(command).catch((e) => e)
    assert.ok(error instanceof lib.CodeMismatchException)
    assert.equal(error.message, 'wrong ***')
    assertClean(error, secret)
    await server.setReply({ status: 200, headers, body: {} })
    const output = await compat.send(command)
    assert.equal(output.$metadata.requestId, '***')
    assertClean(output, secret)
    const input = { accessToken: TOKEN, attributeName: 'email', code: secret }
    await server.setReply({
      status: 400,
      headers,
      body: `{"__type":"CodeMismatchException","message":"${percentEncoded(secret)}"}`,
    })
    assertClean(await lib.verifyAttr(input, settings()).catch((e) => e), secret)
  })
}
