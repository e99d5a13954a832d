// The documentation's JavaScript: every ```js block of the repository's READMEs and docs/ parses
// as an ES module, and the README's quick start runs as written against a local server,
// configured only through the environment variables it reads. COGNITO_ATTR_CODE_REPO (set by
// scripts/test.sh) names the repository, since the tests run from a copy beside the package.
import './helpers/env.mjs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer, TOKEN } from './helpers/server.mjs'

const repo = process.env.COGNITO_ATTR_CODE_REPO
const documents = repo
  ? [
      'README.md',
      ...readdirSync(join(repo, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`),
      'bindings-node/README.md',
    ]
  : []
const blocks = documents.flatMap((name) =>
  [...readFileSync(join(repo, name), 'utf8').matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match, index) => ({
    name: `${name} block ${index + 1}`,
    source: match[1],
  })),
)

let server
let dir
before(async () => {
  server = await startServer({ status: 200, body: {} })
  // Next to the test folder, so that `import 'cognito-attr-code'` resolves to the installed package.
  dir = mkdtempSync(fileURLToPath(new URL('./docs-example-', import.meta.url)))
})
after(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

test('the repository is known and its README has a js block', () => {
  assert.ok(repo, 'COGNITO_ATTR_CODE_REPO is not set')
  assert.ok(blocks.some((block) => block.name.startsWith('README.md')))
})

test('every js block of the README and docs/ parses as an ES module', () => {
  for (const [index, block] of blocks.entries()) {
    const file = join(dir, `block-${index}.mjs`)
    writeFileSync(file, block.source)
    const { status, stderr } = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 30_000 })
    assert.equal(status, 0, `${block.name}:\n${stderr}`)
  }
})

test('the README quick start requests a code and verifies it', async () => {
  const quickStart = blocks.find((block) => block.name.startsWith('README.md'))
  const file = join(dir, 'quick-start.mjs')
  writeFileSync(file, quickStart.source)
  await server.takeRequests()
  const { status, stdout, stderr } = spawnSync(process.execPath, [file], {
    encoding: 'utf8',
    input: '493817\n',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_REGION: 'us-east-1',
      ACCESS_TOKEN: TOKEN,
      COGNITO_ENDPOINT: server.url,
    },
  })
  assert.equal(status, 0, stderr)
  assert.equal(stdout, 'email verified\n')
  const targets = (await server.takeRequests()).map((request) => request.headers['x-amz-target'].split('.')[1])
  assert.deepEqual(targets, ['GetUserAttributeVerificationCode', 'VerifyUserAttribute'])
})
