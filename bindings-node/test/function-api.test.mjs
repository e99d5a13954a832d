// The function API and the reusable Client against a local server.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  getAttrCode,
  getAttrCodeSync,
  Client,
  NotAuthorizedException,
  CognitoConfigurationError,
} from 'cognito-attr-code'
import { startServer, serviceError, FULL_DETAILS, TOKEN } from './helpers/server.mjs'

let server
before(async () => {
  server = await startServer()
})
after(() => server.close())

const INPUT = { accessToken: TOKEN, attributeName: 'email' }
const DETAILS = { destination: 'a***@e***.com', deliveryMedium: 'EMAIL', attributeName: 'email' }

test('getAttrCode resolves to the delivery details', async () => {
  await server.setReply({ status: 200, body: FULL_DETAILS })
  assert.deepStrictEqual(await getAttrCode(INPUT, { endpointUrl: server.url }), DETAILS)
})

test('getAttrCode resolves to null when the service answers {}', async () => {
  await server.setReply({ status: 200, body: {} })
  assert.equal(await getAttrCode(INPUT, { endpointUrl: server.url }), null)
})

test('getAttrCodeSync returns the same', async () => {
  await server.setReply({ status: 200, body: FULL_DETAILS })
  assert.deepStrictEqual(getAttrCodeSync(INPUT, { endpointUrl: server.url }), DETAILS)
  await server.setReply({ status: 200, body: { CodeDeliveryDetails: { DeliveryMedium: 'SMS' } } })
  assert.deepStrictEqual(getAttrCodeSync(INPUT, { endpointUrl: server.url }), { deliveryMedium: 'SMS' })
})

test('consecutive one-shot calls with the same settings share one connection', async () => {
  await server.setReply({ status: 200, body: FULL_DETAILS })
  // Settings no other test uses: a client, and so a connection, of their own.
  const settings = { endpointUrl: server.url, readTimeoutMs: 4321 }
  const before = await server.connections()
  for (let i = 0; i < 10; i++) assert.deepStrictEqual(await getAttrCode(INPUT, settings), DETAILS)
  for (let i = 0; i < 10; i++) assert.deepStrictEqual(getAttrCodeSync(INPUT, settings), DETAILS)
  assert.equal((await server.connections()) - before, 1)
})

test('the request carries the token, attribute, metadata and headers', async () => {
  await server.setReply({ status: 200, body: {} })
  await server.takeRequests()
  await getAttrCode(
    { accessToken: TOKEN, attributeName: 'phone_number', clientMetadata: { source: 'signup' } },
    { endpointUrl: new URL(server.url) },
  )
  const [request] = await server.takeRequests()
  assert.equal(request.method, 'POST')
  assert.deepStrictEqual(request.body, {
    AccessToken: TOKEN,
    AttributeName: 'phone_number',
    ClientMetadata: { source: 'signup' },
  })
  assert.equal(request.headers['x-amz-target'], 'AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode')
  assert.equal(request.headers['content-type'], 'application/x-amz-json-1.1')
  assert.ok(request.headers['user-agent'].includes(`lang/js md/nodejs#${process.versions.node}`))
})

test('a Client is reusable and safe for concurrent calls', async () => {
  await server.setReply({ echoAttributeName: true, delayMs: 20 })
  const client = new Client({ endpointUrl: server.url, readTimeoutMs: 5000, connectTimeoutMs: 5000 })
  assert.equal(client.endpointUrl, `${server.url}/`)
  const names = Array.from({ length: 12 }, (_, i) => `attr_${i}`)
  const results = await Promise.all(
    names.map((attributeName) => client.getAttrCode({ accessToken: TOKEN, attributeName })),
  )
  assert.deepStrictEqual(
    results,
    names.map((attributeName) => ({ attributeName })),
  )
  assert.deepStrictEqual(client.getAttrCodeSync({ accessToken: TOKEN, attributeName: 'email' }), {
    attributeName: 'email',
  })
})

test('service errors from the function API and the Client are the SDK-shaped classes', async () => {
  await server.setReply(serviceError('NotAuthorizedException', 'Access Token has expired'))
  const client = new Client({ endpointUrl: server.url })
  for (const attempt of [
    () => getAttrCode(INPUT, { endpointUrl: server.url }),
    () => client.getAttrCode(INPUT),
    async () => client.getAttrCodeSync(INPUT),
    async () => getAttrCodeSync(INPUT, { endpointUrl: server.url }),
  ]) {
    await assert.rejects(attempt(), (error) => {
      assert.ok(error instanceof NotAuthorizedException)
      assert.equal(error.name, 'NotAuthorizedException')
      assert.equal(error.$fault, 'client')
      assert.equal(error.message, 'Access Token has expired')
      assert.equal(error.$metadata.httpStatusCode, 400)
      assert.equal(error.$metadata.requestId, 'req-NotAuthorizedException')
      return true
    })
  }
})

test('endpointUrl throws a typed configuration error when no region is known', () => {
  const client = new Client()
  assert.throws(
    () => client.endpointUrl,
    (error) => {
      assert.ok(error instanceof CognitoConfigurationError)
      assert.equal(error.code, 'ERR_COGNITO_CONFIGURATION')
      assert.match(error.message, /Missing Region/)
      return true
    },
  )
  assert.equal(new Client({ region: 'eu-west-1' }).endpointUrl, 'https://cognito-idp.eu-west-1.amazonaws.com/')
  assert.equal(
    new Client({ region: 'eu-west-1', useFipsEndpoint: true }).endpointUrl,
    'https://cognito-idp-fips.eu-west-1.amazonaws.com/',
  )
})
