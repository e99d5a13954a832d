// Calls run on the libuv pool: while 16 of them wait on a slow server, the event loop keeps
// running timers on time.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Client, getAttrCode } from 'cognito-attr-code'
import { startServer, TOKEN } from './helpers/server.mjs'

let server
before(async () => {
  server = await startServer({ echoAttributeName: true, delayMs: 200 })
})
after(() => server.close())

async function measureLag(work) {
  let maxLag = 0
  let ticks = 0
  let last = performance.now()
  const interval = setInterval(() => {
    const now = performance.now()
    maxLag = Math.max(maxLag, now - last - 10)
    last = now
    ticks++
  }, 10)
  try {
    const result = await work()
    return { result, maxLag, ticks }
  } finally {
    clearInterval(interval)
  }
}

for (const [label, call] of [
  ['a shared Client', (client, attributeName) => client.getAttrCode({ accessToken: TOKEN, attributeName })],
  ['the function API', (_, attributeName) => getAttrCode({ accessToken: TOKEN, attributeName }, { endpointUrl: server.url })],
]) {
  test(`16 concurrent calls through ${label} keep the event loop responsive`, async () => {
    const client = new Client({ endpointUrl: server.url })
    const names = Array.from({ length: 16 }, (_, i) => `attribute_${i}`)
    const started = performance.now()
    const { result, maxLag, ticks } = await measureLag(() =>
      Promise.all(names.map((name) => call(client, name))),
    )
    const elapsed = performance.now() - started
    assert.deepStrictEqual(result, names.map((attributeName) => ({ attributeName })))
    assert.ok(maxLag < 100, `max event-loop lag ${maxLag.toFixed(1)} ms`)
    assert.ok(ticks >= elapsed / 10 / 3, `${ticks} ticks in ${elapsed.toFixed(0)} ms`)
    // Four pool threads by default: four rounds of 200 ms, not sixteen.
    assert.ok(elapsed < 16 * 200, `took ${elapsed.toFixed(0)} ms`)
  })
}
