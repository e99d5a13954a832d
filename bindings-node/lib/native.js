'use strict'

// The compiled addon: the prebuilt binary shipped for this platform, or one that
// scripts/install.js built from the bundled Rust sources.

const path = require('node:path')

try {
  module.exports = require('../binding.js')
} catch (error) {
  const installer = path.join(__dirname, '..', 'scripts', 'install.js')
  throw new Error(
    `cognito-attr-code has no native binary for ${process.platform}-${process.arch}. ` +
      `Build it from the bundled sources (needs Rust and cargo): node ${installer}`,
    { cause: error },
  )
}
