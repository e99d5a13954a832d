// Every ```js block of docs/testing.md is a `node --test` file that passes as written,
// run in a child process against the installed package. scripts/test.sh copies docs/ next to
// this folder.
import './helpers/env.mjs'
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const doc = fileURLToPath(new URL('../docs/testing.md', import.meta.url))
const snippets = [...readFileSync(doc, 'utf8').matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1])

// Inside this folder, so that `import 'cognito-attr-code'` resolves to the installed package.
const dir = mkdtempSync(fileURLToPath(new URL('./docs-examples-', import.meta.url)))
after(() => rmSync(dir, { recursive: true, force: true }))

test('the docs have Node examples', () => {
  assert.ok(snippets.length >= 2, `${doc}: fewer than 2 \`\`\`js blocks`)
})

for (const [index, snippet] of snippets.entries()) {
  test(`docs example ${index + 1} passes as written`, () => {
    const file = join(dir, `example-${index + 1}.test.mjs`)
    writeFileSync(file, snippet)
    const { status, stdout, stderr } = spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], {
      encoding: 'utf8',
      timeout: 60_000,
      // Without the parent runner's NODE_TEST_CONTEXT, the child reports on its own stdout.
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT')),
    })
    assert.equal(status, 0, stdout + stderr)
    assert.match(stdout, /^# pass [1-9]/m, stdout)
    assert.match(stdout, /^# fail 0$/m, stdout)
  })
}
