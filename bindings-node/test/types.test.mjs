// The published typings: correct usage type-checks, wrong usage does not.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

function typeCheck(file) {
  const result = spawnSync(
    process.execPath,
    [
      tsc,
      ...['--strict', '--noEmit', '--pretty', 'false', '--target', 'es2022'],
      ...['--module', 'nodenext', '--moduleResolution', 'nodenext'],
      fileURLToPath(new URL(`./types/${file}`, import.meta.url)),
    ],
    { encoding: 'utf8', timeout: 120_000 },
  )
  assert.equal(result.error, undefined)
  return result
}

test('correct usage type-checks with tsc --noEmit', () => {
  const { status, stdout, stderr } = typeCheck('good.mts')
  assert.equal(status, 0, stdout + stderr)
})

test('wrong usage fails to type-check, at each wrong line', () => {
  const { status, stdout } = typeCheck('bad.mts')
  assert.notEqual(status, 0)
  for (const line of [5, 6, 7, 9, 10, 11]) {
    assert.match(stdout, new RegExp(`bad\\.mts\\(${line},\\d+\\): error TS`), `line ${line}:\n${stdout}`)
  }
})

test('cognito-attr-code/testing: correct usage type-checks', () => {
  const { status, stdout, stderr } = typeCheck('fake-good.mts')
  assert.equal(status, 0, stdout + stderr)
})

test('cognito-attr-code/testing: wrong usage fails to type-check, at each wrong line', () => {
  const { status, stdout } = typeCheck('fake-bad.mts')
  assert.notEqual(status, 0)
  for (const line of [5, 6, 7, 8, 9]) {
    assert.match(stdout, new RegExp(`fake-bad\\.mts\\(${line},\\d+\\): error TS`), `line ${line}:\n${stdout}`)
  }
})
