// Every modeled error, unknown errors and every local error kind through the function API.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import * as lib from 'cognito-attr-code'
import { startServer, serviceError, TOKEN } from './helpers/server.mjs'

let server
before(async () => {
  server = await startServer()
})
after(() => server.close())

const INPUT = { accessToken: TOKEN, attributeName: 'email' }
const settings = (extra) => ({ endpointUrl: server.url, maxAttempts: 1, ...extra })

test('every modeled error rejects with its own class', async () => {
  for (const code of lib.MODELED_ERROR_CODES) {
    const status = code === 'InternalErrorException' ? 500 : 400
    await server.setReply(serviceError(code, `because ${code}`, { status }))
    await assert.rejects(lib.getAttrCode(INPUT, settings()), (error) => {
      assert.ok(error instanceof lib[code], code)
      assert.ok(error instanceof lib.CognitoIdentityProviderServiceException)
      assert.ok(error instanceof lib.CognitoError)
      assert.equal(error.name, code)
      assert.equal(error.constructor.name, code)
      assert.equal(error.message, `because ${code}`)
      assert.equal(error.$fault, code === 'InternalErrorException' ? 'server' : 'client')
      assert.equal(error.$metadata.httpStatusCode, status)
      assert.equal(error.$metadata.requestId, `req-${code}`)
      assert.equal(error.$metadata.attempts, 1)
      assert.match(error.stack, new RegExp(`^${code}: because ${code}`))
      return true
    })
  }
})

test('an unknown error code is kept verbatim', async () => {
  await server.setReply(serviceError('BrandNewException', 'new'))
  await assert.rejects(lib.getAttrCode(INPUT, settings()), (error) => {
    assert.equal(error.constructor, lib.CognitoIdentityProviderServiceException)
    assert.equal(error.name, 'BrandNewException')
    assert.equal(error.$fault, 'client')
    return true
  })
})

test('network error: nothing listens on the port (the message names host and port)', async () => {
  const probe = net.createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  await assert.rejects(lib.getAttrCode(INPUT, { endpointUrl: `http://127.0.0.1:${port}`, maxAttempts: 1 }), (error) => {
    assert.ok(error instanceof lib.CognitoNetworkError)
    assert.ok(error instanceof lib.CognitoLocalError)
    assert.equal(error.code, 'ERR_COGNITO_NETWORK')
    assert.equal(error.name, 'CognitoNetworkError')
    assert.ok(error.message.includes(`127.0.0.1:${port}`), error.message)
    return true
  })
})

test('timeout error: the server never answers', async () => {
  await server.setReply({ hang: true })
  const started = Date.now()
  await assert.rejects(lib.getAttrCode(INPUT, settings({ readTimeoutMs: 300 })), (error) => {
    assert.ok(error instanceof lib.CognitoTimeoutError)
    assert.equal(error.code, 'ERR_COGNITO_TIMEOUT')
    assert.equal(error.phase, 'read')
    assert.match(error.message, /did not answer within readTimeoutMs=300$/)
    return true
  })
  assert.ok(Date.now() - started < 5000)
})

test('timeout error: attempt and operation deadlines end a slow answer', async () => {
  await server.setReply({ hang: true })
  for (const [option, phase] of [
    ['attemptTimeoutMs', 'attempt'],
    ['operationTimeoutMs', 'operation'],
  ]) {
    const started = Date.now()
    await assert.rejects(lib.getAttrCode(INPUT, settings({ readTimeoutMs: 30000, [option]: 300 })), (error) => {
      assert.ok(error instanceof lib.CognitoTimeoutError)
      assert.equal(error.phase, phase)
      assert.ok(error.message.includes(`(${option}=300)`), error.message)
      return true
    })
    assert.ok(Date.now() - started < 5000)
  }
})

test('TLS error: https to a plain-HTTP server', async () => {
  await server.setReply({ status: 200, body: {} })
  await assert.rejects(
    lib.getAttrCode(INPUT, { endpointUrl: `https://127.0.0.1:${server.port}`, maxAttempts: 1, readTimeoutMs: 3000 }),
    (error) => {
      assert.ok(error instanceof lib.CognitoLocalError)
      assert.equal(error.code, 'ERR_COGNITO_TLS')
      assert.equal(error.name, 'CognitoTlsError')
      return true
    },
  )
})

test('protocol errors: a 200 that is not JSON, an HTML 502', async () => {
  for (const reply of [
    { status: 200, body: 'not json' },
    { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' },
  ]) {
    await server.setReply(reply)
    await assert.rejects(lib.getAttrCode(INPUT, settings()), (error) => {
      assert.ok(error instanceof lib.CognitoProtocolError)
      assert.equal(error.code, 'ERR_COGNITO_PROTOCOL')
      assert.equal(error.$metadata.httpStatusCode, reply.status)
      return true
    })
  }
})

test('configuration errors name the setting', async () => {
  const cases = [
    [{ region: 'us-east-1.evil.com' }, 'region'],
    [{ endpointUrl: server.url, useFipsEndpoint: true }, undefined],
    [{ endpointUrl: server.url, retryMode: 'bogus' }, 'retryMode'],
    [{ endpointUrl: server.url, caBundle: '/nonexistent/ca.pem' }, undefined],
  ]
  for (const [bad, setting] of cases) {
    assert.throws(
      () => new lib.Client(bad),
      (error) => {
        assert.ok(error instanceof lib.CognitoConfigurationError, JSON.stringify(bad))
        assert.equal(error.code, 'ERR_COGNITO_CONFIGURATION')
        assert.equal(error.name, 'CognitoConfigurationError')
        if (setting) assert.equal(error.setting, setting)
        return true
      },
    )
    await assert.rejects(lib.getAttrCode(INPUT, bad), lib.CognitoConfigurationError)
    assert.throws(() => lib.getAttrCodeSync(INPUT, bad), lib.CognitoConfigurationError)
  }
})

test('a bad environment variable is a configuration error naming it', () => {
  process.env.AWS_MAX_ATTEMPTS = 'many'
  try {
    assert.throws(
      () => new lib.Client({ endpointUrl: server.url }),
      (error) => {
        assert.ok(error instanceof lib.CognitoConfigurationError)
        assert.match(error.setting, /AWS_MAX_ATTEMPTS/)
        return true
      },
    )
  } finally {
    delete process.env.AWS_MAX_ATTEMPTS
  }
})
