'use strict'

// The npm release packages in napi-rs's layout (what `napi create-npm-dirs` + `napi pre-publish`
// produce), for the platforms of bindings-node/lib/platform.js:
//   node scripts/dist/npm-packages.js main STAGE_DIR OUT_DIR
//     the main package `cognito-attr-code`, without a binary, whose optionalDependencies name one
//     platform package per row of the table;
//   node scripts/dist/npm-packages.js platform PLATFORM ADDON STAGE_DIR OUT_DIR
//     the platform package `cognito-attr-code-<PLATFORM>` holding only ADDON (the built cdylib)
//     and the licences; os/cpu/libc let npm skip it elsewhere.

const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const repo = path.join(__dirname, '..', '..')
const bindings = path.join(repo, 'bindings-node')
const { publishedPlatforms, platformRow, platformPackage, binaryFile } = require(path.join(bindings, 'lib', 'platform.js'))
const manifest = JSON.parse(fs.readFileSync(path.join(bindings, 'package.json'), 'utf8'))
const run = (cwd, ...args) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)
const pack = (dir, out) => console.log(run(dir, 'pack', '--ignore-scripts', '--pack-destination', out).trim())

// What `npm pack` makes in bindings-node (prepack vendors the Rust sources and the licences),
// minus the development build's binary, plus the optionalDependencies.
function mainPackage(stage, out) {
  fs.rmSync(stage, { recursive: true, force: true })
  fs.mkdirSync(stage, { recursive: true })
  run(bindings, 'pack', '--silent', '--pack-destination', stage)
  const devTarball = fs.readdirSync(stage).find((name) => name.endsWith('.tgz'))
  execFileSync('tar', ['-xzf', devTarball], { cwd: stage })
  const main = path.join(stage, 'package')
  for (const name of fs.readdirSync(main)) if (name.endsWith('.node')) fs.rmSync(path.join(main, name))
  const packed = JSON.parse(fs.readFileSync(path.join(main, 'package.json'), 'utf8'))
  packed.optionalDependencies = Object.fromEntries(publishedPlatforms().map((p) => [platformPackage(p), packed.version]))
  writeJson(path.join(main, 'package.json'), packed)
  fs.mkdirSync(out, { recursive: true })
  pack(main, out)
}

function platformPackageOf(platform, addon, stage, out) {
  const row = platformRow(platform)
  if (!row) throw new Error(`${platform} is not in bindings-node/lib/platform.js`)
  const dir = path.join(stage, platform)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  fs.copyFileSync(addon, path.join(dir, binaryFile(platform)))
  for (const file of ['LICENSE', 'THIRD-PARTY-NOTICES.txt']) fs.copyFileSync(path.join(repo, file), path.join(dir, file))
  const builtFor = row.libc === 'glibc' ? ' (built against glibc 2.17)' : ''
  fs.writeFileSync(
    path.join(dir, 'README.md'),
    `# \`${platformPackage(platform)}\`\n\nThe prebuilt ${platform} addon of \`${manifest.name}\`${builtFor}. ` +
      'Install `' + manifest.name + '`, which depends on this package.\n',
  )
  writeJson(path.join(dir, 'package.json'), {
    name: platformPackage(platform),
    version: manifest.version,
    description: `The ${platform} addon of ${manifest.name}`,
    license: manifest.license,
    main: binaryFile(platform),
    files: [binaryFile(platform), 'LICENSE', 'THIRD-PARTY-NOTICES.txt'],
    os: [row.os],
    cpu: [row.cpu],
    ...(row.libc ? { libc: [row.libc] } : {}),
    engines: manifest.engines,
  })
  fs.mkdirSync(out, { recursive: true })
  pack(dir, out)
}

const [mode, ...args] = process.argv.slice(2)
if (mode === 'main' && args.length === 2) {
  mainPackage(...args.map((arg) => path.resolve(arg)))
} else if (mode === 'platform' && args.length === 4) {
  platformPackageOf(args[0], ...args.slice(1).map((arg) => path.resolve(arg)))
} else {
  throw new Error('usage: npm-packages.js main STAGE OUT | platform PLATFORM ADDON STAGE OUT')
}
