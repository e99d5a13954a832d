// `err.diagnosis`: each cause of core's table against the local server sending the service's real
// messages, through the function API, Client, the sync calls and the SDK-compatible client; the
// ID token refused with nothing sent; no cause for unknown messages; the error's keys stay the
// SDK's; hints never carry the token or the code; `Cause` in index.d.ts is core's table.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as lib from 'cognito-attr-code'
import { startServer, serviceError, TOKEN } from './helpers/server.mjs'
import { jsonEscaped, leaksAny } from './helpers/echo-forms.mjs'

const CODE = '493817'
const require = createRequire(import.meta.url)
const packageDir = path.dirname(require.resolve('cognito-attr-code'))
const causes = require(path.join(packageDir, 'lib', 'native.js')).diagnosisCauses()

let server
before(async () => {
  server = await startServer()
})
after(() => server.close())

const settings = (extra) => ({ endpointUrl: server.url, region: 'eu-west-1', maxAttempts: 1, ...extra })
const tokenWith = (claims) =>
  `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`

async function errorFor(code, message, token = TOKEN) {
  await server.setReply(serviceError(code, message))
  const error = await lib.getAttrCode({ accessToken: token, attributeName: 'email' }, settings()).then(
    () => assert.fail('the call succeeded'),
    (e) => e,
  )
  assert.equal(error.name, code, 'a diagnosis never changes the class')
  assert.ok(error instanceof lib[code])
  if (error.diagnosis) assert.ok(!leaksAny(error.diagnosis.hint, [token, CODE]), error.diagnosis.hint)
  return error
}

test('index.d.ts declares Cause as core table, in order', () => {
  assert.equal(causes.length, 12)
  const block = readFileSync(path.join(packageDir, 'index.d.ts'), 'utf8').match(/export type Cause =([\s\S]*?)\n\n/)
  assert.ok(block, 'index.d.ts declares Cause')
  assert.deepEqual(
    [...block[1].matchAll(/'(\w+)'/g)].map((m) => m[1]),
    causes,
  )
})

const ROWS = [
  [
    'LimitExceededException',
    'Attempt limit exceeded, please try after some time.',
    'per_user_limit',
    'per user per hour',
  ],
  [
    'LimitExceededException',
    'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
    'daily_email_limit',
    'Amazon SES',
  ],
  ['NotAuthorizedException', 'Access Token has expired', 'token_expired', 'refresh it'],
  ['NotAuthorizedException', 'Access Token has been revoked', 'token_revoked', 'sign the user in again'],
  [
    'NotAuthorizedException',
    'Access Token does not have required scopes',
    'missing_scope',
    'aws.cognito.signin.user.admin',
  ],
  ['NotAuthorizedException', 'Invalid Access Token', 'invalid_token', 'access token'],
  [
    'UserLambdaValidationException',
    'CustomMessage failed with error Forbidden domain.',
    'lambda_trigger',
    'CustomMessage Lambda trigger failed with error "Forbidden domain."',
  ],
  ['UnexpectedLambdaException', 'CustomEmailSender failed with error timeout.', 'lambda_trigger', 'CustomEmailSender'],
  ['InvalidLambdaResponseException', 'PreSignUp failed with error bad output.', 'lambda_trigger', 'PreSignUp'],
  [
    'CodeDeliveryFailureException',
    'Unable to deliver message to the provided email address.',
    'delivery_failed',
    'SES or SNS',
  ],
  ['TooManyRequestsException', 'Too many requests', 'rate_limited', 'request rate'],
]

for (const [code, message, cause, says] of ROWS) {
  test(`${code} "${message.slice(0, 30)}…" is ${cause}`, async () => {
    const error = await errorFor(code, message)
    assert.equal(error.message, message, 'nor the message')
    assert.equal(error.diagnosis?.cause, cause)
    assert.ok(error.diagnosis.hint.includes(says), error.diagnosis.hint)
    assert.ok(!Object.keys(error).includes('diagnosis'), 'not enumerable: the keys stay the SDK’s')
  })
}

test('unknown messages get no diagnosis', async () => {
  assert.equal((await errorFor('NotAuthorizedException', 'User is disabled.')).diagnosis, undefined)
  assert.equal((await errorFor('LimitExceededException', 'Something new')).diagnosis, undefined)
  assert.equal((await errorFor('UnexpectedLambdaException', 'Unrecognizable lambda output')).diagnosis, undefined)
})

test('an expired token says when, in UTC, and how long ago', async () => {
  const exp = Math.floor(Date.now() / 1000) - 3600 - 10
  const error = await errorFor(
    'NotAuthorizedException',
    'Access Token has expired',
    tokenWith({ token_use: 'access', exp }),
  )
  const when = new Date(exp * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
  assert.ok(error.diagnosis.hint.includes(`${when} (1 h 0 min ago)`), error.diagnosis.hint)
})

test('an invalid token of another region names both regions', async () => {
  const token = tokenWith({ token_use: 'access', iss: 'https://cognito-idp.ap-south-1.amazonaws.com/ap-south-1_Abc' })
  const error = await errorFor('NotAuthorizedException', 'Invalid Access Token', token)
  assert.match(error.diagnosis.hint, /ap-south-1.*eu-west-1/)
})

test('an ID token is refused before any request, in every call shape', async () => {
  const idToken = tokenWith({ token_use: 'id' })
  await server.takeRequests()
  const client = new lib.Client(settings())
  const sdkClient = new lib.CognitoIdentityProviderClient({ region: 'eu-west-1', endpoint: server.url })
  const refusals = [
    () => lib.getAttrCode({ accessToken: idToken, attributeName: 'email' }, settings()),
    () => client.verifyAttr({ accessToken: idToken, attributeName: 'email', code: CODE }),
    async () => client.getAttrCodeSync({ accessToken: idToken, attributeName: 'email' }),
    () =>
      sdkClient.send(new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: idToken, AttributeName: 'email' })),
  ]
  for (const call of refusals) {
    await assert.rejects(call(), (error) => {
      assert.equal(error.code, 'ERR_COGNITO_INVALID_ARGUMENT')
      assert.equal(error.diagnosis?.cause, 'id_token_given')
      assert.ok(!leaksAny(error.diagnosis.hint, [idToken]))
      return true
    })
  }
  assert.deepEqual(await server.takeRequests(), [], 'nothing reached the server')
})

test('the SDK-compatible client carries the diagnosis; the per-user limit is still not retried', async () => {
  await server.takeRequests()
  await server.setReply(serviceError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'))
  const sdkClient = new lib.CognitoIdentityProviderClient({ region: 'eu-west-1', endpoint: server.url, maxAttempts: 3 })
  await assert.rejects(
    sdkClient.send(new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })),
    (error) => {
      assert.ok(error instanceof lib.LimitExceededException)
      assert.equal(error.diagnosis?.cause, 'per_user_limit')
      assert.equal(error.$metadata.attempts, 1)
      return true
    },
  )
  assert.equal((await server.takeRequests()).length, 1)
})

test('wrong and expired codes', async () => {
  const client = new lib.Client(settings())
  await server.setReply(serviceError('CodeMismatchException', 'Invalid verification code provided, please try again.'))
  await assert.rejects(client.verifyAttr({ accessToken: TOKEN, attributeName: 'email', code: CODE }), (error) => {
    assert.equal(error.diagnosis?.cause, 'wrong_code')
    assert.ok(!error.diagnosis.hint.includes(CODE))
    return true
  })
  await server.setReply(serviceError('ExpiredCodeException', 'Invalid code provided, please request a code again.'))
  assert.throws(
    () => client.verifyAttrSync({ accessToken: TOKEN, attributeName: 'email', code: CODE }),
    (error) => {
      assert.equal(error.diagnosis?.cause, 'code_expired')
      assert.match(error.diagnosis.hint, /24 hours/)
      return true
    },
  )
})

test('a Lambda message echoing the token is scrubbed in the hint', async () => {
  await server.setReply({
    status: 400,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: `{"__type":"UserLambdaValidationException","message":"CustomMessage failed with error ${jsonEscaped(TOKEN)}"}`,
  })
  const error = await lib.getAttrCode({ accessToken: TOKEN, attributeName: 'email' }, settings()).catch((e) => e)
  assert.equal(error.diagnosis?.cause, 'lambda_trigger')
  assert.ok(error.diagnosis.hint.includes('with error "***"'), error.diagnosis.hint)
  assert.ok(!leaksAny(JSON.stringify(error.diagnosis), [TOKEN]))
})
