'use strict'

// The platforms a prebuilt addon is published for, one `cognito-attr-code-<platform>` package each:
// the single table that the loader's error message, scripts/dist/npm-packages.js (the platform
// packages and the main package's optionalDependencies) and `make dist` follow. Platforms not in it
// (macOS, musl, ...) build the addon from the bundled sources (scripts/install.js).

const fs = require('node:fs')

const manifest = require('../package.json')

// platform: `<process.platform>-<process.arch>[-<libc>]`; os/cpu/libc: the package.json fields that
// let npm skip the package elsewhere; triple: the Rust target it is built for.
const PLATFORMS = [
  { platform: 'linux-x64-gnu', os: 'linux', cpu: 'x64', libc: 'glibc', triple: 'x86_64-unknown-linux-gnu' },
  { platform: 'linux-arm64-gnu', os: 'linux', cpu: 'arm64', libc: 'glibc', triple: 'aarch64-unknown-linux-gnu' },
  // Built with mingw-w64 (GNU ABI); it loads into the official (MSVC-built) Node.
  { platform: 'win32-x64', os: 'win32', cpu: 'x64', triple: 'x86_64-pc-windows-gnu' },
]

// The libc of a Linux process, at run time: Node built against glibc reports its runtime version
// in the diagnostic report's header; on musl the field is absent.
const linuxLibc = (header) => (header?.glibcVersionRuntime ? 'gnu' : 'musl')

// This Node's libc, cheaply: its executable names its dynamic loader (`/ld-linux…` for glibc,
// `/ld-musl-…` for musl) in its first kilobytes. The diagnostic report is exact too, but building
// it costs more than the rest of require('cognito-attr-code'): only when the loader is not named.
function thisProcessLibc() {
  try {
    const head = Buffer.alloc(4096)
    const fd = fs.openSync(process.execPath, 'r')
    try {
      fs.readSync(fd, head, 0, head.length, 0)
    } finally {
      fs.closeSync(fd)
    }
    const text = head.toString('latin1')
    if (text.includes('/ld-musl-')) return 'musl'
    if (text.includes('/ld-linux')) return 'gnu'
  } catch {
    // An unreadable executable: the report below.
  }
  return linuxLibc(process.report?.getReport?.().header)
}

function currentPlatform() {
  const base = `${process.platform}-${process.arch}`
  return process.platform === 'linux' ? `${base}-${thisProcessLibc()}` : base
}

const publishedPlatforms = () => PLATFORMS.map((row) => row.platform)
const platformRow = (platform) => PLATFORMS.find((row) => row.platform === platform)
const platformPackage = (platform) => `${manifest.napi.binaryName}-${platform}`
const binaryFile = (platform) => `${manifest.napi.binaryName}.${platform}.node`

module.exports = { PLATFORMS, linuxLibc, currentPlatform, publishedPlatforms, platformRow, platformPackage, binaryFile }
