// The Node side of the concurrency bench: N calls at once against the delay stub
// (AWS_ENDPOINT_URL), and one `fs.readFile` of a small file issued right after they start.
// One warm-up round opens the connections, then ROUNDS measured rounds on the same client.
// Prints {"all_done_ms": [...], "read_file_ms": [...]} as JSON.
// usage: node node_concurrency.mjs ours|ours-oneshot|sdk N ROUNDS
import { readFile } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(process.env.BENCH_NODE_MODULES + '/')
const [library, callsText, roundsText] = process.argv.slice(2)
const calls = Number(callsText)
const rounds = Number(roundsText)
const TOKEN = process.env.BENCH_ACCESS_TOKEN
const smallFile = fileURLToPath(import.meta.url)

function sender() {
  if (library === 'sdk') {
    const sdk = require('@aws-sdk/client-cognito-identity-provider')
    const client = new sdk.CognitoIdentityProviderClient({ endpoint: process.env.AWS_ENDPOINT_URL, maxAttempts: 1 })
    return () => client.send(new sdk.GetUserAttributeVerificationCodeCommand({ AccessToken: TOKEN, AttributeName: 'email' }))
  }
  const ours = require(process.env.BENCH_OURS_NODE)
  const input = { accessToken: TOKEN, attributeName: 'email' }
  if (library === 'ours-oneshot') return () => ours.getAttrCode(input)
  const client = new ours.Client()
  return () => client.getAttrCode(input)
}

function timedReadFile() {
  const started = performance.now()
  return new Promise((resolve, reject) =>
    readFile(smallFile, (error) => (error ? reject(error) : resolve(performance.now() - started))),
  )
}

const send = sender()
const allDone = []
const readFileTimes = []
for (let round = 0; round <= rounds; round++) {
  const started = performance.now()
  const pending = Array.from({ length: calls }, send)
  const read = timedReadFile()
  await Promise.all(pending)
  const done = performance.now() - started
  const readMs = await read
  if (round > 0) {
    allDone.push(done)
    readFileTimes.push(readMs)
  }
}
console.log(JSON.stringify({ all_done_ms: allDone, read_file_ms: readFileTimes }))
