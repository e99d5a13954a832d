// Prints require time, memory and call latency of this package and of
// @aws-sdk/client-cognito-identity-provider against a local server. Figures, not a test.
// Usage: node scripts/bench.mjs [calls]   (after `npx napi build --platform --release`)
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { startServer, FULL_DETAILS, TOKEN } from '../test/helpers/server.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const libraries = {
  'cognito-attr-code': require.resolve(root),
  '@aws-sdk/client-cognito-identity-provider': require.resolve('@aws-sdk/client-cognito-identity-provider'),
}
const calls = Number(process.argv[2] ?? 300)

for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name]
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.floor(values.length * p)]

// Each load is measured in a fresh process, so nothing is cached.
function loadCost(path) {
  const script = `
    global.gc?.(); const before = process.memoryUsage().rss
    const t = process.hrtime.bigint(); require(${JSON.stringify(path)})
    const ms = Number(process.hrtime.bigint() - t) / 1e6
    global.gc?.(); console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss - before }))`
  const runs = Array.from({ length: 7 }, () =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' })),
  )
  return { ms: median(runs.map((r) => r.ms)), rss: median(runs.map((r) => r.rss)) }
}

async function latency(send) {
  for (let i = 0; i < 20; i++) await send() // warm-up: connections, JIT
  const times = []
  for (let i = 0; i < calls; i++) {
    const t = performance.now()
    await send()
    times.push(performance.now() - t)
  }
  return { median: median(times), p90: percentile(times, 0.9) }
}

const server = await startServer({ status: 200, headers: { 'x-amzn-requestid': 'bench' }, body: FULL_DETAILS })
try {
  const ours = require(libraries['cognito-attr-code'])
  const sdk = require(libraries['@aws-sdk/client-cognito-identity-provider'])
  const config = { region: 'us-east-1', endpoint: server.url, maxAttempts: 1 }
  const input = { AccessToken: TOKEN, AttributeName: 'email' }
  const client = new ours.Client({ endpointUrl: server.url, maxAttempts: 1 })
  const senders = {
    'cognito-attr-code Client.getAttrCode': () => client.getAttrCode({ accessToken: TOKEN, attributeName: 'email' }),
    'cognito-attr-code SDK-compatible send': (() => {
      const c = new ours.CognitoIdentityProviderClient(config)
      return () => c.send(new ours.GetUserAttributeVerificationCodeCommand(input))
    })(),
    '@aws-sdk/client-cognito-identity-provider send': (() => {
      const c = new sdk.CognitoIdentityProviderClient(config)
      return () => c.send(new sdk.GetUserAttributeVerificationCodeCommand(input))
    })(),
  }

  console.log(`node ${process.version}, ${calls} sequential calls per client to a local server\n`)
  console.log('require (fresh process, median of 7)')
  for (const [name, path] of Object.entries(libraries)) {
    const { ms, rss } = loadCost(path)
    console.log(`  ${name.padEnd(45)} ${ms.toFixed(1).padStart(7)} ms  +${(rss / 1048576).toFixed(1)} MB RSS`)
  }
  console.log('call latency')
  for (const [name, send] of Object.entries(senders)) {
    const { median: m, p90 } = await latency(send)
    console.log(`  ${name.padEnd(45)} median ${m.toFixed(3)} ms  p90 ${p90.toFixed(3)} ms`)
  }
} finally {
  await server.close()
}
