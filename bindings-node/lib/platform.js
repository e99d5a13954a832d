'use strict'

// napi-rs platform names: the one of this process (`linux-x64-gnu`, ...) and the ones a prebuilt
// addon is published for (a `cognito-attr-code-<platform>` package each, from `napi.targets`).

const manifest = require('../package.json')

// Rust target triple -> napi-rs platform name, for the triples napi-rs publishes.
const PLATFORM_OF_TRIPLE = {
  'x86_64-unknown-linux-gnu': 'linux-x64-gnu',
  'x86_64-unknown-linux-musl': 'linux-x64-musl',
  'aarch64-unknown-linux-gnu': 'linux-arm64-gnu',
  'aarch64-unknown-linux-musl': 'linux-arm64-musl',
  'x86_64-apple-darwin': 'darwin-x64',
  'aarch64-apple-darwin': 'darwin-arm64',
  'x86_64-pc-windows-msvc': 'win32-x64-msvc',
  'aarch64-pc-windows-msvc': 'win32-arm64-msvc',
}

function currentPlatform() {
  let abi = ''
  if (process.platform === 'linux') {
    abi = process.report?.getReport?.().header?.glibcVersionRuntime ? '-gnu' : '-musl'
  } else if (process.platform === 'win32') {
    abi = '-msvc'
  }
  return `${process.platform}-${process.arch}${abi}`
}

function publishedPlatforms() {
  return manifest.napi.targets.map((triple) => {
    const platform = PLATFORM_OF_TRIPLE[triple]
    if (!platform) throw new Error(`package.json napi.targets: no platform name known for ${triple}`)
    return platform
  })
}

const platformPackage = (platform) => `${manifest.napi.binaryName}-${platform}`
const binaryFile = (platform) => `${manifest.napi.binaryName}.${platform}.node`

module.exports = { currentPlatform, publishedPlatforms, platformPackage, binaryFile }
