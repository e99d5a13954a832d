// The installed package's native layer, for the diagnostics the public API does not offer
// (`callsInFlight()`, `ioThreadCount()`).
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const root = path.dirname(require.resolve('cognito-attr-code/package.json'))

export const native = require(path.join(root, 'lib', 'native.js'))

/** Resolves once `predicate()` holds, checking every 20 ms; rejects after `limit` checks. */
export async function eventually(what, predicate, limit = 1500) {
  for (let i = 0; i < limit; i++) {
    if (predicate()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`never happened: ${what}`)
}
