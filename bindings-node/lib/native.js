'use strict'

// The compiled addon of this platform (lib/platform.js): a binary next to the package (a source
// build, or the repository's own build), else the platform package `cognito-attr-code-<platform>`
// that npm installed from optionalDependencies.

const fs = require('node:fs')
const path = require('node:path')
const { currentPlatform, publishedPlatforms, platformPackage, binaryFile } = require('./platform')

const platform = currentPlatform()
const local = path.join(__dirname, '..', binaryFile(platform))
try {
  module.exports = fs.existsSync(local) ? require(local) : require(platformPackage(platform))
} catch (error) {
  const published = publishedPlatforms()
  const installer = path.join(__dirname, '..', 'scripts', 'install.js')
  const hint = published.includes(platform)
    ? `npm did not install its prebuilt addon ${platformPackage(platform)} ` +
      '(installed with --omit=optional or --no-optional?): reinstall with optional dependencies. '
    : `Prebuilt addons exist for ${published.join(', ')} only. `
  throw new Error(
    `cognito-attr-code has no native addon for ${platform}. ${hint}` +
      `Build it from the bundled sources (needs Rust and cargo, about a minute): node ${installer}`,
    { cause: error },
  )
}
