// The README's first example runs as written against a local server, configured only through
// the environment it documents.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer, serviceError, FULL_DETAILS, TOKEN } from './helpers/server.mjs'

const packageDir = dirname(createRequire(import.meta.url).resolve('cognito-attr-code/package.json'))
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8')
const example = readme.match(/```js\n([\s\S]*?)```/)[1]

let server
let dir
before(async () => {
  server = await startServer()
  // Next to the test folder, so that `import 'cognito-attr-code'` resolves to the installed package.
  dir = mkdtempSync(fileURLToPath(new URL('./readme-example-', import.meta.url)))
  writeFileSync(join(dir, 'example.mjs'), example)
})
after(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

function runExample() {
  return spawnSync(process.execPath, [join(dir, 'example.mjs')], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ACCESS_TOKEN: TOKEN, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: server.url },
  })
}

test('the README example prints where the code went', async () => {
  await server.setReply({ status: 200, body: FULL_DETAILS })
  const { status, stdout, stderr } = runExample()
  assert.equal(status, 0, stderr)
  assert.equal(stdout, 'code sent to a***@e***.com\n')
})

test('the README example handles NotAuthorizedException', async () => {
  await server.setReply(serviceError('NotAuthorizedException', 'Access Token has expired'))
  const { status, stdout, stderr } = runExample()
  assert.equal(status, 0, stderr)
  assert.equal(stdout, 'sign in again: Access Token has expired\n')
})
