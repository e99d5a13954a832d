// Calls run on the addon's I/O threads, never blocking the event loop: the server answers only once the
// event loop has run while all the calls wait (it has to learn that every request arrived and
// release the replies), so the calls succeed only if the loop kept running. No timings.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Client, getAttrCode } from 'cognito-attr-code'
import { startServer, TOKEN } from './helpers/server.mjs'

let server
before(async () => {
  server = await startServer({ echoAttributeName: true, hold: true })
})
after(() => server.close())

// Four calls waiting on the server at once (io-threads.test.mjs holds sixteen with a one-thread
// libuv pool).
const CONCURRENT = 4
let arrived = 0

for (const [label, call] of [
  ['a shared Client', (client, attributeName) => client.getAttrCode({ accessToken: TOKEN, attributeName })],
  [
    'the function API',
    (_, attributeName) => getAttrCode({ accessToken: TOKEN, attributeName }, { endpointUrl: server.url }),
  ],
]) {
  test(`${CONCURRENT} concurrent calls through ${label} wait on I/O threads while the event loop runs`, async () => {
    const client = new Client({ endpointUrl: server.url })
    const names = Array.from({ length: CONCURRENT }, (_, i) => `attribute_${i}`)
    const calls = Promise.all(names.map((name) => call(client, name)))
    // Runs on the event loop while the calls wait; the replies are held until it does.
    arrived += CONCURRENT
    await server.arrivals(arrived)
    await server.release()
    assert.deepStrictEqual(
      await calls,
      names.map((attributeName) => ({ attributeName })),
    )
  })
}
