'use strict'

// npm "install" script: keeps the prebuilt binary when one matches this platform, otherwise
// builds the addon from the Rust sources bundled in native/ (needs cargo). Also runnable by hand:
//   node node_modules/cognito-attr-code/scripts/install.js [--force]
// (npm 11 asks before running install scripts of dependencies; running it by hand needs no
// approval). --force rebuilds even when a prebuilt binary is present.

const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')

function binaryName() {
  let abi = ''
  if (process.platform === 'linux') {
    const glibc = process.report?.getReport?.().header?.glibcVersionRuntime
    abi = glibc ? '-gnu' : '-musl'
  } else if (process.platform === 'win32') {
    abi = '-msvc'
  }
  return `cognito-attr-code.${process.platform}-${process.arch}${abi}.node`
}

function builtLibrary(targetDir) {
  const file = {
    linux: 'libcognito_attr_code_node.so',
    darwin: 'libcognito_attr_code_node.dylib',
    win32: 'cognito_attr_code_node.dll',
  }[process.platform]
  return path.join(targetDir, 'release', file ?? 'libcognito_attr_code_node.so')
}

function main() {
  const destination = path.join(root, binaryName())
  if (fs.existsSync(destination) && !process.argv.includes('--force')) return
  const manifest = path.join(root, 'native', 'Cargo.toml')
  if (!fs.existsSync(manifest) && fs.existsSync(path.join(root, '..', 'core', 'Cargo.toml'))) {
    // The repository itself (npm ci in bindings-node): `npm run build` makes the binary.
    return
  }
  if (!fs.existsSync(manifest)) {
    throw new Error(`no prebuilt ${path.basename(destination)} and no bundled sources to build it from`)
  }
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'native', 'target')
  console.log(`cognito-attr-code: building ${path.basename(destination)} from source with cargo...`)
  try {
    execFileSync('cargo', ['build', '--release', '--manifest-path', manifest, '-p', 'cognito-attr-code-node'], {
      stdio: 'inherit',
      env: { ...process.env, CARGO_TARGET_DIR: targetDir },
    })
  } catch (error) {
    throw new Error(
      `cognito-attr-code: building from source failed (is Rust installed? https://rustup.rs): ${error.message}`,
    )
  }
  fs.copyFileSync(builtLibrary(targetDir), destination)
  console.log(`cognito-attr-code: built ${destination}`)
}

try {
  main()
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
