// cognito-attr-code/testing: FakeCognito driven by a real Client — the whole verify flow,
// Cognito's limits, the clock, every injected fault as the client's typed error, argument errors
// naming the camelCase option, the CommonJS entry, and no token or code in util.inspect.
import './helpers/env.mjs'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import util from 'node:util'
import { createRequire } from 'node:module'
import * as lib from 'cognito-attr-code'
import { FakeCognito, FakeCognitoError, SentCode } from 'cognito-attr-code/testing'

const LIMIT = 'Attempt limit exceeded, please try after some time.'

// A fake for the test, stopped after it.
async function withFake(run, options) {
  const fake = await FakeCognito.start(options)
  try {
    return await run(fake)
  } finally {
    await fake.stop()
  }
}

const clientOf = (fake, settings) => new lib.Client({ endpointUrl: fake.endpointUrl, ...settings })
const wrongFor = (code) => (code === '000000' ? '111111' : '000000')

test('the whole verify flow with a client given only the endpoint', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const client = clientOf(fake)
    const details = await client.getAttrCode({ accessToken, attributeName: 'email' })
    assert.deepEqual(details, { destination: 'j***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' })
    const [sent] = fake.codes('jane')
    assert.ok(sent instanceof SentCode)
    assert.equal(sent.destination, 'j***@e***')
    assert.equal(sent.deliveryMedium, 'EMAIL')
    assert.equal(typeof sent.sentAt, 'number')
    const code = fake.lastCode('jane', 'email')
    assert.equal(code, sent.code)
    assert.match(code, /^\d{6}$/)
    await assert.rejects(
      client.verifyAttr({ accessToken, attributeName: 'email', code: wrongFor(code) }),
      lib.CodeMismatchException,
    )
    assert.equal(fake.user('jane').emailVerified, false)
    await client.verifyAttr({ accessToken, attributeName: 'email', code })
    assert.deepEqual(fake.user('jane'), {
      username: 'jane',
      attributes: fake.user('jane').attributes,
      emailVerified: true,
      phoneNumberVerified: false,
    })
    assert.equal(fake.user('jane').attributes.email, 'jane@example.com')
    assert.deepEqual(fake.requests, [
      { operation: 'GetUserAttributeVerificationCode', username: 'jane', attribute: 'email', outcome: 'ok' },
      { operation: 'VerifyUserAttribute', username: 'jane', attribute: 'email', outcome: 'CodeMismatchException' },
      { operation: 'VerifyUserAttribute', username: 'jane', attribute: 'email', outcome: 'ok' },
    ])
    assert.equal(fake.lastCode('jane', 'phone_number'), null)
  }))

test('the sixth code request in an hour hits the limit; an hour later it is lifted', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const client = clientOf(fake)
    for (let i = 0; i < 5; i++) await client.getAttrCode({ accessToken, attributeName: 'email' })
    await assert.rejects(client.getAttrCode({ accessToken, attributeName: 'email' }), (error) => {
      assert.ok(error instanceof lib.LimitExceededException)
      assert.equal(error.message, LIMIT)
      return true
    })
    fake.advance({ hours: 1 })
    // An access token lives an hour, as Cognito's do by default.
    await assert.rejects(client.getAttrCode({ accessToken, attributeName: 'email' }), lib.NotAuthorizedException)
    await client.getAttrCode({ accessToken: fake.mintToken('jane'), attributeName: 'email' })
    assert.equal(fake.codes('jane').length, 6)
  }))

test('the sixteenth verification in an hour hits the limit', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const client = clientOf(fake, { maxAttempts: 1 })
    await client.getAttrCode({ accessToken, attributeName: 'email' })
    const code = fake.lastCode('jane', 'email')
    const wrong = { accessToken, attributeName: 'email', code: wrongFor(code) }
    for (let i = 0; i < 15; i++) await assert.rejects(client.verifyAttr(wrong), lib.CodeMismatchException)
    await assert.rejects(client.verifyAttr(wrong), lib.LimitExceededException)
    fake.advance({ minutes: 30, seconds: 1800 })
    client.verifyAttrSync({ accessToken: fake.mintToken('jane'), attributeName: 'email', code })
    assert.equal(fake.user('jane').emailVerified, true)
  }))

test('a code expires after 24 hours', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { phoneNumber: '+15555550100' })
    const client = clientOf(fake)
    const details = await client.getAttrCode({ accessToken, attributeName: 'phone_number' })
    assert.equal(details.deliveryMedium, 'SMS')
    const code = fake.lastCode('jane', 'phone_number')
    const before = fake.advance({})
    assert.equal(fake.advance({ hours: 24, seconds: 1 }), before + 24 * 3600 + 1)
    const input = { accessToken: fake.mintToken('jane'), attributeName: 'phone_number', code }
    await assert.rejects(client.verifyAttr(input), lib.ExpiredCodeException)
    assert.equal(fake.user('jane').phoneNumberVerified, false)
  }))

test("Cognito's refusals: attributes and tokens", () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const client = clientOf(fake, { maxAttempts: 1 })
    const refused = (token, attributeName, name, message) =>
      assert.rejects(client.getAttrCode({ accessToken: token, attributeName }), (error) => {
        assert.equal(error.name, name)
        if (message instanceof RegExp) assert.match(error.message, message)
        else assert.equal(error.message, message)
        return true
      })
    await refused(accessToken, 'phone_number', 'InvalidParameterException', /phone number/)
    await refused(
      accessToken,
      'name',
      'InvalidParameterException',
      'Invalid attribute name. Only phone_number and email can be verified.',
    )
    await refused(
      fake.mintToken('jane', { expired: true }),
      'email',
      'NotAuthorizedException',
      'Access Token has expired',
    )
    await refused(
      fake.mintToken('jane', { adminScope: false }),
      'email',
      'NotAuthorizedException',
      'Access Token does not have required scopes',
    )
    fake.revokeTokens('jane')
    await refused(accessToken, 'email', 'NotAuthorizedException', 'Access Token has been revoked')
    await client.getAttrCode({ accessToken: fake.mintToken('jane'), attributeName: 'email' })
    // The client itself refuses an ID token.
    const idToken = fake.mintToken('jane', { tokenUse: 'id' })
    await assert.rejects(
      client.getAttrCode({ accessToken: idToken, attributeName: 'email' }),
      lib.CognitoInvalidArgumentError,
    )
  }))

test('a daily e-mail quota', () =>
  withFake(
    async (fake) => {
      const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
      const client = clientOf(fake)
      await client.getAttrCode({ accessToken, attributeName: 'email' })
      await assert.rejects(client.getAttrCode({ accessToken, attributeName: 'email' }), (error) => {
        assert.ok(error instanceof lib.LimitExceededException)
        assert.match(error.message, /^Exceeded daily email limit/)
        return true
      })
    },
    { dailyEmailQuota: 1, seed: 7 },
  ))

test('codes come from the seed', async () => {
  const firstCode = (seed) =>
    withFake(
      async (fake) => {
        const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
        await clientOf(fake).getAttrCode({ accessToken, attributeName: 'email' })
        return fake.lastCode('jane', 'email')
      },
      { seed },
    )
  assert.equal(await firstCode(42), await firstCode(42))
})

test('an injected modeled error, with its real message or another, for one operation', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const client = clientOf(fake, { maxAttempts: 1 })
    const input = { accessToken, attributeName: 'email' }
    fake.failNext({ operation: 'GetUserAttributeVerificationCode', error: 'CodeDeliveryFailureException' })
    await assert.rejects(client.getAttrCode(input), (error) => {
      assert.ok(error instanceof lib.CodeDeliveryFailureException)
      assert.equal(error.$metadata.httpStatusCode, 400)
      assert.ok(error.message)
      return true
    })
    fake.failNext({ error: 'LimitExceededException' })
    await assert.rejects(client.getAttrCode(input), { name: 'LimitExceededException', message: LIMIT })
    fake.failNext({ error: 'InternalErrorException', message: 'made up', status: 500, count: 2 })
    for (let i = 0; i < 2; i++) {
      await assert.rejects(client.getAttrCode(input), (error) => {
        assert.ok(error instanceof lib.InternalErrorException)
        assert.equal(error.message, 'made up')
        assert.equal(error.$metadata.httpStatusCode, 500)
        return true
      })
    }
    await client.getAttrCode(input)
    fake.failNext({ operation: 'VerifyUserAttribute', error: 'InternalErrorException' })
    await client.getAttrCode(input)
  }))

test('an injected status; a retried one', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const input = { accessToken, attributeName: 'email' }
    fake.failNext({ status: 503 })
    await assert.rejects(clientOf(fake, { maxAttempts: 1 }).getAttrCode(input), (error) => {
      assert.ok(error instanceof lib.CognitoError)
      assert.equal(error.$metadata.httpStatusCode, 503)
      return true
    })
    fake.failNext({ error: 'TooManyRequestsException', status: 429 })
    await clientOf(fake, { maxAttempts: 2 }).getAttrCode(input)
    assert.deepEqual(
      fake.requests.slice(-2).map((r) => r.outcome),
      ['TooManyRequestsException', 'ok'],
    )
  }))

test('an injected delay (milliseconds) and a read timeout', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const input = { accessToken, attributeName: 'email' }
    fake.failNext({ delay: 1000 })
    await assert.rejects(
      clientOf(fake, { maxAttempts: 1, readTimeoutMs: 200 }).getAttrCode(input),
      lib.CognitoTimeoutError,
    )
    fake.failNext({ delay: 300 })
    const started = performance.now()
    await clientOf(fake, { maxAttempts: 1 }).getAttrCode(input)
    assert.ok(performance.now() - started >= 290)
  }))

test('an injected connection reset', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const client = clientOf(fake, { maxAttempts: 1 })
    fake.failNext({ reset: true })
    await assert.rejects(client.getAttrCode({ accessToken, attributeName: 'email' }), (error) => {
      assert.ok(error instanceof lib.CognitoNetworkError || error instanceof lib.CognitoProtocolError, String(error))
      return true
    })
    await client.getAttrCode({ accessToken, attributeName: 'email' })
    // On a kept-alive connection the client replays once on a new one; the fake resets both.
    fake.failNext({ reset: true })
    await assert.rejects(client.getAttrCode({ accessToken, attributeName: 'email' }), lib.CognitoNetworkError)
    await client.getAttrCode({ accessToken, attributeName: 'email' })
    assert.deepEqual(
      fake.requests.map((r) => r.outcome),
      ['reset', 'ok', 'reset', 'reset', 'ok'],
    )
  }))

test('no token or code in util.inspect of the fake, its codes, users or requests', () =>
  withFake(async (fake) => {
    const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
    const client = clientOf(fake)
    await client.getAttrCode({ accessToken, attributeName: 'email' })
    const code = fake.lastCode('jane', 'email')
    await client.verifyAttr({ accessToken, attributeName: 'email', code })
    const shown = [fake, fake.codes('jane'), fake.user('jane'), fake.requests]
      .map((x) => util.inspect(x, { depth: 5 }))
      .join(' ')
    assert.ok(!shown.includes(accessToken) && !shown.includes(code), shown)
    assert.match(shown, /jane/)
    assert.ok(!JSON.stringify(fake.requests).includes(code))
  }))

test('argument errors name the camelCase option', () =>
  withFake(async (fake) => {
    fake.addUser('jane', { email: 'jane@example.com' })
    assert.throws(
      () => fake.codes('john'),
      (error) => {
        assert.ok(error instanceof FakeCognitoError)
        assert.equal(error.code, 'UnknownUser')
        assert.equal(error.username, 'john')
        assert.match(error.message, /john/)
        return true
      },
    )
    const cases = [
      [() => fake.mintToken('jane', { tokenUse: 'refresh' }), 'tokenUse'],
      [() => fake.advance({ hours: -1 }), 'hours'],
      [() => fake.failNext({ delay: -1 }), 'delay'],
      [() => fake.failNext({ count: 1.5 }), 'count'],
      [() => fake.failNext({ retries: 1 }), 'retries'],
      [() => fake.addUser('bob', { emailVerified: 'yes' }), 'emailVerified'],
      [() => fake.addUser('bob', { phone_number: '+15555550100' }), 'phone_number'],
    ]
    for (const [call, option] of cases) {
      assert.throws(call, (error) => {
        assert.ok(error instanceof FakeCognitoError, String(error))
        assert.equal(error.code, 'InvalidArgument')
        assert.equal(error.argument, option)
        assert.match(error.message, new RegExp(`\\b${option}\\b`))
        return true
      })
    }
    await assert.rejects(FakeCognito.start({ port: 70000 }), { name: 'FakeCognitoError', argument: 'port' })
  }))

test('start, stop twice, a stopped fake, and stop leaving the event loop free', async () => {
  const fake = await FakeCognito.start({ region: 'eu-west-1' })
  assert.match(fake.endpointUrl, /^http:\/\/127\.0\.0\.1:\d+$/)
  assert.equal(fake.endpointUrl, `http://127.0.0.1:${fake.port}`)
  assert.equal(fake.region, 'eu-west-1')
  const accessToken = fake.addUser('jane', { email: 'jane@example.com' })
  fake.failNext({ delay: 500 })
  const call = clientOf(fake, { maxAttempts: 1 })
    .getAttrCode({ accessToken, attributeName: 'email' })
    .catch((error) => error)
  await new Promise((resolve) => setTimeout(resolve, 100))
  let ticks = 0
  const timer = setInterval(() => ticks++, 5)
  const started = performance.now()
  await fake.stop()
  const stoppedIn = performance.now() - started
  clearInterval(timer)
  await call
  if (stoppedIn > 50) assert.ok(ticks > 0, `the event loop did not run during the ${stoppedIn} ms of stop()`)
  await fake.stop()
  assert.equal(fake.running, false)
  assert.match(util.inspect(fake), /stopped/)
  assert.throws(() => fake.addUser('bob'), { name: 'FakeCognitoError', code: 'Stopped' })
})

test('the CommonJS entry is the same module', () => {
  const require = createRequire(import.meta.url)
  const cjs = require('cognito-attr-code/testing')
  assert.equal(cjs.FakeCognito, FakeCognito)
  assert.equal(cjs.FakeCognitoError, FakeCognitoError)
})
