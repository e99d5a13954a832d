// Run as a child process by abort.test.mjs: once the aborted call's native work has ended
// (`callsInFlight()` is 0), the requests the server saw tell whether it started another
// attempt. Prints a JSON summary.
import './env.mjs'
import { native, eventually } from './native.mjs'
import {
  Client,
  getAttrCode,
  CognitoIdentityProviderClient,
  GetUserAttributeVerificationCodeCommand,
} from 'cognito-attr-code'
import { startServer, TOKEN } from './server.mjs'

const [surface] = process.argv.slice(2)
const server = await startServer({ status: 503, body: { __type: 'ServiceUnavailable', message: 'later' }, hold: true })
const settings = { endpointUrl: server.url, maxAttempts: 3 }
const client = new Client(settings)
const sdk = new CognitoIdentityProviderClient({ endpoint: server.url, maxAttempts: 3, region: 'us-east-1' })
const calls = {
  client: (signal) => client.getAttrCode({ accessToken: TOKEN, attributeName: 'email' }, { signal }),
  function: (signal) => getAttrCode({ accessToken: TOKEN, attributeName: 'email' }, settings, { signal }),
  sdk: (abortSignal) =>
    sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' }), {
      abortSignal,
    }),
}
const unhandled = []
process.on('unhandledRejection', (reason) => unhandled.push(String(reason)))

const controller = new AbortController()
const aborted = calls[surface](controller.signal).then(
  () => ({ settled: 'resolved' }),
  (error) => ({ settled: 'rejected', name: error.name, code: error.code, cause: String(error.cause) }),
)
await server.arrivals(1)
controller.abort(new Error('user went away'))
const outcome = await aborted
// The first attempt's 503 is sent only now, after the promise rejected.
await server.setReply({ status: 200, body: {} })
await server.release()
await client.getAttrCode({ accessToken: TOKEN, attributeName: 'after' })
// Every attempt the aborted call made reached the server before its native work ended.
await eventually('the aborted call ended', () => native.callsInFlight() === 0)
const requests = (await server.takeRequests()).map((r) => r.body.AttributeName)
await server.close()
console.log(JSON.stringify({ outcome, requests, unhandled }))
