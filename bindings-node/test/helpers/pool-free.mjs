// Run as a child process with UV_THREADPOOL_SIZE=1 by io-threads.test.mjs: 16 calls (every
// async surface, both operations) are held open by the server while the one libuv pool thread
// reads a file and derives a key. Had the calls taken that thread, only one would reach the
// server and `arrivals(16)` would never resolve (the parent's timeout ends the process).
// Prints a JSON summary.
import './env.mjs'
import { readFile } from 'node:fs/promises'
import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'
import * as lib from 'cognito-attr-code'
import { startServer, TOKEN } from './server.mjs'

const server = await startServer({ echoAttributeName: true, hold: true })
const client = new lib.Client({ endpointUrl: server.url })
const sdk = new lib.CognitoIdentityProviderClient({ endpoint: server.url, region: 'us-east-1' })
const settings = { endpointUrl: server.url }
const input = (attributeName) => ({ accessToken: TOKEN, attributeName })
const verify = (attributeName) => ({ ...input(attributeName), code: '123456' })
const surfaces = [
  (name) => client.getAttrCode(input(name)).then((details) => details.attributeName),
  (name) => client.verifyAttr(verify(name)).then(() => name),
  (name) => lib.getAttrCode(input(name), settings).then((details) => details.attributeName),
  (name) => lib.verifyAttr(verify(name), settings).then(() => name),
  (name) =>
    sdk
      .send(new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: name }))
      .then((output) => output.CodeDeliveryDetails.AttributeName),
  (name) =>
    sdk
      .send(new lib.VerifyUserAttributeCommand({ AccessToken: TOKEN, AttributeName: name, Code: '1' }))
      .then(() => name),
]
const names = Array.from({ length: 16 }, (_, i) => `attribute_${i}`)
let settled = 0
const calls = Promise.all(
  names.map((name, i) =>
    surfaces[i % surfaces.length](name).finally(() => {
      settled++
    }),
  ),
)
await server.arrivals(names.length)
// The pool's one thread is free: both finish while every call is still held.
const file = await readFile(new URL(import.meta.url), 'utf8')
const key = await promisify(pbkdf2)('password', 'salt', 1000, 32, 'sha256')
const settledBeforeRelease = settled
await server.release()
const results = await calls
await server.close()
console.log(
  JSON.stringify({ fileRead: file.includes('pool-free'), keyLength: key.length, settledBeforeRelease, results, names }),
)
