// The loader's platform table (lib/platform.js): this process's platform name, the libc found at
// run time, and one published package per row, each named for its platform.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const packageDir = path.dirname(require.resolve('cognito-attr-code'))
const platform = require(path.join(packageDir, 'lib', 'platform.js'))

test('the platform of this process names its OS, CPU and, on Linux, its libc', () => {
  const expected =
    process.platform === 'linux'
      ? `linux-${process.arch}-${process.report.getReport().header.glibcVersionRuntime ? 'gnu' : 'musl'}`
      : `${process.platform}-${process.arch}`
  assert.equal(platform.currentPlatform(), expected)
})

test('musl is told from glibc by the report header', () => {
  assert.equal(platform.linuxLibc({ glibcVersionRuntime: '2.36' }), 'gnu')
  assert.equal(platform.linuxLibc({}), 'musl')
  assert.equal(platform.linuxLibc(undefined), 'musl')
})

test('every row is a platform package with its npm os, cpu and libc', () => {
  for (const row of platform.PLATFORMS) {
    const [os, cpu, abi] = row.platform.split('-')
    assert.deepEqual([row.os, row.cpu], [os, cpu])
    assert.equal(row.libc, { gnu: 'glibc', musl: 'musl', undefined }[abi], row.platform)
    assert.equal(platform.platformPackage(row.platform), `cognito-attr-code-${row.platform}`)
  }
  assert.ok(platform.publishedPlatforms().includes('linux-x64-gnu'))
  assert.ok(platform.publishedPlatforms().includes('linux-arm64-gnu'))
})
