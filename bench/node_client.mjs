// The Node loops of `make bench`: CALLS calls with CONCURRENCY in flight, configured from the
// environment (AWS_ENDPOINT_URL, AWS_CA_BUNDLE / NODE_EXTRA_CA_CERTS), token BENCH_ACCESS_TOKEN. Prints {"calls",
// "wall_s", "cpu_s", "import_s"} as JSON.
// "http" is the floor of the runtime: node:http with a keep-alive agent sending the same request
// and parsing the JSON answer.
// usage: node node_client.mjs ours-sync|ours-async|ours-oneshot|sdk|http client|cold CALLS CONCURRENCY
import { createRequire } from 'node:module'

const require = createRequire(process.env.BENCH_NODE_MODULES + '/')
const [library, mode, callsText, concurrencyText] = process.argv.slice(2)
const TOKEN = process.env.BENCH_ACCESS_TOKEN
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

function bareSender() {
  const http = require('node:http')
  const url = new URL(process.env.AWS_ENDPOINT_URL)
  const agent = new http.Agent({ keepAlive: true })
  const body = JSON.stringify({ AccessToken: TOKEN, AttributeName: 'email' })
  const options = {
    host: url.hostname,
    port: url.port,
    path: '/',
    method: 'POST',
    agent,
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode',
      'Content-Length': Buffer.byteLength(body)
    }
  }
  return () =>
    new Promise((resolve, reject) => {
      const request = http.request(options, (response) => {
        const chunks = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks))))
        response.on('error', reject)
      })
      request.on('error', reject)
      request.end(body)
    })
}

function sender() {
  if (library === 'http') return bareSender()
  if (library === 'sdk') {
    const sdk = require('@aws-sdk/client-cognito-identity-provider')
    const client = new sdk.CognitoIdentityProviderClient({ endpoint: process.env.AWS_ENDPOINT_URL, maxAttempts: 1 })
    const command = () => new sdk.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' })
    return () => client.send(command())
  }
  const ours = require(process.env.BENCH_OURS_NODE)
  const input = { accessToken: TOKEN, attributeName: 'email' }
  if (library === 'ours-oneshot') return () => ours.getAttrCode(input)
  const client = new ours.Client()
  return library === 'ours-sync' ? () => client.getAttrCodeSync(input) : () => client.getAttrCode(input)
}

const started = performance.now()
const send = sender()
const importSeconds = (performance.now() - started) / 1000
await send()
if (mode === 'cold') {
  console.log(JSON.stringify({ calls: 1, wall_s: (performance.now() - started) / 1000, cpu_s: cpuSeconds(), import_s: importSeconds }))
} else {
  const calls = Number(callsText)
  const concurrency = Number(concurrencyText)
  let next = 0
  const worker = async () => {
    while (next < calls) {
      next++
      await send()
    }
  }
  const wall = performance.now()
  const cpu = cpuSeconds()
  await Promise.all(Array.from({ length: concurrency }, worker))
  console.log(JSON.stringify({ calls, wall_s: (performance.now() - wall) / 1000, cpu_s: cpuSeconds() - cpu, import_s: importSeconds }))
}
