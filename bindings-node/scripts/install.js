'use strict'

// npm "install" script, the last resort: does nothing when a prebuilt addon fits this platform
// (the platform package `cognito-attr-code-<platform>` from optionalDependencies, or a binary
// next to the package); otherwise builds the addon from the Rust sources bundled in native/ with
// cargo, in a temporary build directory that it removes afterwards. Runnable by hand too:
//   node node_modules/cognito-attr-code/scripts/install.js [--force]
// --force builds from source even when a prebuilt addon is present.
// npm runs install scripts in the background and shows their output only when they fail;
// `npm install --foreground-scripts` shows the progress lines below.

const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { currentPlatform, platformPackage, binaryFile } = require('../lib/platform')

const root = path.join(__dirname, '..')
const say = (line) => console.log(`cognito-attr-code: ${line}`)

function prebuiltAddon(platform) {
  const local = path.join(root, binaryFile(platform))
  if (fs.existsSync(local)) return local
  try {
    return require.resolve(platformPackage(platform), { paths: [root] })
  } catch {
    return null
  }
}

function builtLibrary(targetDir) {
  const file = {
    linux: 'libcognito_attr_code_node.so',
    darwin: 'libcognito_attr_code_node.dylib',
    win32: 'cognito_attr_code_node.dll',
  }[process.platform]
  return path.join(targetDir, 'release', file ?? 'libcognito_attr_code_node.so')
}

function buildFromSource(manifest, destination) {
  // A build directory of the user's choosing is kept; our own temporary one is removed.
  const ownTargetDir = !process.env.CARGO_TARGET_DIR
  const targetDir = process.env.CARGO_TARGET_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-attr-code-build-'))
  const command = ['build', '--release', '--manifest-path', manifest, '-p', 'cognito-attr-code-node']
  say(`building ${path.basename(destination)} from the bundled Rust sources (about a minute)`)
  say(`running: cargo ${command.join(' ')}  (build directory ${targetDir})`)
  try {
    execFileSync('cargo', command, { stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: targetDir } })
    fs.copyFileSync(builtLibrary(targetDir), destination)
    say(`installed ${destination}`)
  } catch (error) {
    throw new Error(
      `cognito-attr-code: building from source failed (is Rust installed? https://rustup.rs): ${error.message}`,
    )
  } finally {
    if (ownTargetDir) {
      fs.rmSync(targetDir, { recursive: true, force: true })
      say(`removed the build directory ${targetDir}`)
    }
  }
}

function main() {
  const platform = currentPlatform()
  const prebuilt = prebuiltAddon(platform)
  if (prebuilt && !process.argv.includes('--force')) return
  const manifest = path.join(root, 'native', 'Cargo.toml')
  if (!fs.existsSync(manifest) && fs.existsSync(path.join(root, '..', 'core', 'Cargo.toml'))) {
    // The repository itself (npm ci in bindings-node): `npm run build` makes the binary.
    return
  }
  if (!fs.existsSync(manifest)) {
    throw new Error(`cognito-attr-code: no prebuilt addon for ${platform} and no bundled sources to build one from`)
  }
  buildFromSource(manifest, path.join(root, binaryFile(platform)))
}

try {
  main()
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
