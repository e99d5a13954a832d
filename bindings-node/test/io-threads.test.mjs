// Async calls run on the addon's own I/O threads, not libuv's pool: the application's fs and
// crypto are not stuck behind them; nothing keeps the process alive once they settle; a client
// runs at most `maxConcurrentCalls` at once, the others in order. No timings: every wait is for
// an event, with a generous bound only against a hang.
import './helpers/env.mjs'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import * as lib from 'cognito-attr-code'
import { startServer, TOKEN } from './helpers/server.mjs'
import { native, eventually } from './helpers/native.mjs'

const run = promisify(execFile)
const helper = (name) => fileURLToPath(new URL(`./helpers/${name}`, import.meta.url))
const input = (attributeName) => ({ accessToken: TOKEN, attributeName })

test('with UV_THREADPOOL_SIZE=1, fs and crypto finish while 16 calls are held open', async () => {
  const { stdout } = await run(process.execPath, [helper('pool-free.mjs')], {
    env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
    timeout: 60_000,
  })
  const { fileRead, keyLength, settledBeforeRelease, results, names } = JSON.parse(stdout)
  assert.equal(fileRead, true)
  assert.equal(keyLength, 32)
  assert.equal(settledBeforeRelease, 0, 'the server held every call while fs and crypto ran')
  assert.deepEqual(results, names)
})

test('the process exits on its own once its calls have settled', async () => {
  const child = spawn(process.execPath, [helper('calls-then-exit.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  // Generous: the script itself takes well under a second.
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  const [code, signal] = await once(child, 'exit')
  clearTimeout(killer)
  assert.equal(signal, null, 'killed after 20 s: something kept the process alive')
  assert.equal(code, 0)
  const { abortName, ioThreads } = JSON.parse(stdout)
  assert.equal(abortName, 'AbortError')
  assert.ok(ioThreads >= 1, 'the aborted call was still on its I/O thread after its promise rejected')
})

test('maxConcurrentCalls: 2 sends two calls at a time, in the order they were made', async () => {
  const server = await startServer({ echoAttributeName: true, hold: true })
  try {
    const client = new lib.Client({ endpointUrl: server.url, maxConcurrentCalls: 2 })
    const names = ['a0', 'a1', 'a2', 'a3', 'a4']
    const finished = []
    const calls = names.map((name) =>
      client.getAttrCode(input(name)).then((details) => finished.push(details.attributeName)),
    )
    // Should an assertion below fail, the calls the server still holds fail when it closes.
    for (const call of calls) call.catch(() => {})
    const arrived = async (count) => {
      await server.arrivals(count)
      return (await server.takeRequests()).map((r) => r.body.AttributeName).sort()
    }
    // Held: the first two. A call made now on another client arrives after them; by then a
    // third call of the bounded client would have been sent too, were it not queued.
    assert.deepEqual(await arrived(2), ['a0', 'a1'])
    const other = new lib.Client({ endpointUrl: server.url })
    const probe = other.getAttrCode(input('probe'))
    assert.deepEqual(await arrived(3), ['probe'])
    assert.deepEqual(finished, [])
    await server.release()
    await Promise.all([probe, ...calls.slice(0, 2)])
    assert.deepEqual(finished.slice().sort(), ['a0', 'a1'])
    assert.deepEqual(await arrived(5), ['a2', 'a3'])
    await server.release()
    assert.deepEqual(await arrived(6), ['a4'])
    await Promise.all(calls.slice(2, 4))
    assert.deepEqual(finished.slice(2).sort(), ['a2', 'a3'])
    await server.release()
    await Promise.all(calls)
    assert.deepEqual(finished.slice(4), ['a4'])
  } finally {
    await server.close()
  }
})

test('a call aborted while it waits for its turn rejects at once and is never sent', async () => {
  const server = await startServer({ echoAttributeName: true, hold: true })
  try {
    const client = new lib.Client({ endpointUrl: server.url, maxConcurrentCalls: 1 })
    const first = client.getAttrCode(input('first'))
    const controller = new AbortController()
    const queued = client.getAttrCode(input('queued'), { signal: controller.signal })
    await server.arrivals(1)
    controller.abort(new Error('changed my mind'))
    await assert.rejects(queued, (error) => {
      assert.ok(error instanceof lib.CognitoAbortError)
      assert.equal(error.name, 'AbortError')
      assert.equal(String(error.cause), 'Error: changed my mind')
      return true
    })
    await server.release()
    assert.deepEqual(await first, { attributeName: 'first' })
    await eventually('the queued call ended', () => native.callsInFlight() === 0)
    assert.deepEqual(
      (await server.takeRequests()).map((r) => r.body.AttributeName),
      ['first'],
    )
  } finally {
    await server.close()
  }
})

test('an aborted call in flight rejects with the AbortError, and its thread is freed while the server still holds it', async () => {
  const server = await startServer({ echoAttributeName: true, hold: true })
  try {
    const client = new lib.Client({ endpointUrl: server.url })
    const controller = new AbortController()
    const pending = client.getAttrCode(input('held'), { signal: controller.signal })
    await server.arrivals(1)
    controller.abort()
    await assert.rejects(pending, { name: 'AbortError', code: 'ABORT_ERR' })
    // The core shuts the attempt's socket down: its native work ends without an answer.
    await eventually('the aborted call ended', () => native.callsInFlight() === 0)
    await server.release()
  } finally {
    await server.close()
  }
})

test('maxConcurrentCalls is validated, and belongs to a Client', async () => {
  assert.equal(native.DEFAULT_MAX_CONCURRENT_CALLS, 64)
  for (const wrong of [0, -1, 1.5, '2', true, Number.NaN, 2 ** 32]) {
    assert.throws(
      () => new lib.Client({ region: 'us-east-1', maxConcurrentCalls: wrong }),
      (error) => {
        assert.ok(error instanceof lib.CognitoInvalidArgumentError)
        assert.equal(error.argument, 'settings.maxConcurrentCalls')
        assert.match(error.message, /settings\.maxConcurrentCalls must be an integer from 1 to 4294967295/)
        return true
      },
      String(wrong),
    )
  }
  new lib.Client({ region: 'us-east-1', maxConcurrentCalls: 1 })
  new lib.Client({ region: 'us-east-1', maxConcurrentCalls: 4294967295 })
  await assert.rejects(lib.getAttrCode(input('email'), { region: 'us-east-1', maxConcurrentCalls: 2 }), (error) => {
    assert.ok(error instanceof lib.CognitoInvalidArgumentError)
    assert.equal(error.argument, 'settings.maxConcurrentCalls')
    assert.match(error.message, /setting of a Client.*process-wide client \(64 calls at once\)/)
    return true
  })
  assert.throws(() => lib.verifyAttrSync({ ...input('email'), code: '1' }, { maxConcurrentCalls: 2 }), {
    argument: 'settings.maxConcurrentCalls',
  })
})

test("the SDK-compatible client takes its bound from the request handler's agent (maxSockets)", async () => {
  const server = await startServer({ echoAttributeName: true, hold: true })
  try {
    const sdk = new lib.CognitoIdentityProviderClient({
      endpoint: server.url,
      region: 'us-east-1',
      requestHandler: { httpsAgent: { maxSockets: 1 } },
    })
    const send = (name) =>
      sdk.send(new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: name }))
    const calls = [send('s0'), send('s1')]
    await server.arrivals(1)
    const other = new lib.Client({ endpointUrl: server.url }).getAttrCode(input('probe'))
    await server.arrivals(2)
    assert.deepEqual(
      (await server.takeRequests()).map((r) => r.body.AttributeName),
      ['s0', 'probe'],
    )
    await server.release()
    await other
    await server.arrivals(3)
    await server.release()
    const outputs = await Promise.all(calls)
    assert.deepEqual(
      outputs.map((o) => o.CodeDeliveryDetails.AttributeName),
      ['s0', 's1'],
    )
  } finally {
    await server.close()
  }
})

test('the I/O threads end once idle', async () => {
  const server = await startServer({ echoAttributeName: true, hold: true })
  try {
    const client = new lib.Client({ endpointUrl: server.url })
    const calls = Promise.all(Array.from({ length: 8 }, (_, i) => client.getAttrCode(input(`t${i}`))))
    await server.arrivals(8)
    assert.ok(native.ioThreadCount() >= 8, 'one thread per call held open')
    await server.release()
    await calls
  } finally {
    await server.close()
  }
  // Idle threads end after a few seconds; bounded at 60 s against a hang.
  await eventually('every I/O thread ended', () => native.ioThreadCount() === 0, 3000)
})

test('worker threads call at once, and one terminated with a call pending harms nothing', async () => {
  const { Worker } = await import('node:worker_threads')
  const server = await startServer({ echoAttributeName: true })
  try {
    const worker = (names, hold = false) =>
      new Worker(new URL('./helpers/calls-in-worker.mjs', import.meta.url), {
        workerData: { url: server.url, names, hold, token: TOKEN },
      })
    await server.setReply({ echoAttributeName: true, hold: true })
    const survivor = worker(['survivor'])
    // Listened to from the start: its message may come before the release below returns.
    const survived = once(survivor, 'message')
    const doomed = worker(['doomed'], true)
    const [sent] = await once(doomed, 'message')
    assert.equal(sent, 'sent')
    await server.arrivals(2)
    await doomed.terminate()
    await server.release()
    assert.deepEqual((await survived)[0], ['survivor'])
    await survivor.terminate()
    await server.setReply({ echoAttributeName: true })
    const names = (w) => Array.from({ length: 6 }, (_, i) => `w${w}_${i}`)
    const workers = [0, 1, 2].map((w) => worker(names(w)))
    const results = await Promise.all(workers.map((w) => once(w, 'message').then(([value]) => value)))
    assert.deepEqual(results, [0, 1, 2].map(names))
    await Promise.all(workers.map((w) => w.terminate()))
    // The terminated worker's call ended too; a call of the main thread still works.
    await eventually('every call ended', () => native.callsInFlight() === 0)
    assert.deepEqual(await new lib.Client({ endpointUrl: server.url }).getAttrCode(input('main')), {
      attributeName: 'main',
    })
  } finally {
    await server.close()
  }
})
