'use strict'

// npm "prepack" script: copies the Rust sources the addon is built from into native/, a
// self-contained Cargo workspace (core, the Cognito fake and this crate, with the repository's
// pinned Cargo.lock),
// so that scripts/install.js can build the addon where no prebuilt binary fits.

const fs = require('node:fs')
const path = require('node:path')

const here = path.join(__dirname, '..')
const repo = path.join(here, '..')
const native = path.join(here, 'native')

function copy(from, to) {
  fs.cpSync(path.join(repo, from), path.join(native, to), { recursive: true })
}

fs.rmSync(native, { recursive: true, force: true })
fs.mkdirSync(native)
const workspace = fs
  .readFileSync(path.join(repo, 'Cargo.toml'), 'utf8')
  .replace(/^members = .*$/m, 'members = ["core", "fake", "bindings-node"]')
  .replace(/^default-members = .*$/m, 'default-members = ["bindings-node"]')
fs.writeFileSync(path.join(native, 'Cargo.toml'), workspace)
copy('Cargo.lock', 'Cargo.lock')
// Only the libraries are built from native/: their dev-dependencies (the workspace's test-support
// crate among them) are left out so that their manifests need not be shipped.
for (const crate of ['core', 'fake']) {
  fs.mkdirSync(path.join(native, crate))
  const manifest = fs
    .readFileSync(path.join(repo, crate, 'Cargo.toml'), 'utf8')
    .replace(/^\[dev-dependencies\]\n(?:(?!\[).*\n?)*/m, '')
  fs.writeFileSync(path.join(native, crate, 'Cargo.toml'), manifest)
  copy(`${crate}/src`, `${crate}/src`)
}
for (const entry of ['Cargo.toml', 'build.rs', 'src']) copy(`bindings-node/${entry}`, `bindings-node/${entry}`)
