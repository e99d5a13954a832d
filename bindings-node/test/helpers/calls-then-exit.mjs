// Run as a child process by io-threads.test.mjs: calls through every async surface, one of them
// aborted while the server holds it, then the script just ends. Nothing of the addon's may keep
// the process alive: the parent expects it to exit on its own. Prints the I/O threads alive
// while the aborted call's native work was still held by the server (that thread then idles
// and must not hold the process either).
import './env.mjs'
import * as lib from 'cognito-attr-code'
import { native } from './native.mjs'
import { startServer, TOKEN } from './server.mjs'

const server = await startServer({ status: 200, body: {} })
const settings = { endpointUrl: server.url }
const client = new lib.Client(settings)
const sdk = new lib.CognitoIdentityProviderClient({ endpoint: server.url, region: 'us-east-1' })
const input = { accessToken: TOKEN, attributeName: 'email' }
await Promise.all([
  client.getAttrCode(input),
  client.verifyAttr({ ...input, code: '1' }),
  lib.getAttrCode(input, settings),
  lib.verifyAttr({ ...input, code: '1' }, settings),
  sdk.send(new lib.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })),
])
// An aborted call: its promise rejects at once, its native work ends when the server answers.
await server.setReply({ status: 200, body: {}, hold: true })
const controller = new AbortController()
const aborted = client.getAttrCode(input, { signal: controller.signal }).catch((error) => error.name)
await server.arrivals(6)
controller.abort()
const abortName = await aborted
const ioThreads = native.ioThreadCount()
await server.release()
await server.close()
console.log(JSON.stringify({ abortName, ioThreads }))
