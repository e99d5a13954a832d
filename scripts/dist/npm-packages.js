'use strict'

// The npm release packages in napi-rs's layout (what `napi create-npm-dirs` + `napi pre-publish`
// produce): the main package `cognito-attr-code`, without a binary, whose optionalDependencies name
// one platform package per `napi.targets` entry; and that platform package,
// `cognito-attr-code-linux-x64-gnu`, holding only the addon (os/cpu/libc let npm skip it elsewhere)
// and the licences.
//   node scripts/dist/npm-packages.js ADDON.so STAGE_DIR OUT_DIR
// ADDON.so is the zig-built (glibc 2.17) cdylib of bindings-node; only linux-x64-gnu can be built
// here, so any other target in napi.targets is an error rather than a package without a binary.

const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const [addon, stage, out] = process.argv.slice(2).map((arg) => path.resolve(arg))
const repo = path.join(__dirname, '..', '..')
const bindings = path.join(repo, 'bindings-node')
const run = (cwd, ...args) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)

fs.rmSync(stage, { recursive: true, force: true })
fs.mkdirSync(stage, { recursive: true })

// The main package: what `npm pack` makes in bindings-node (prepack vendors the Rust sources and
// the licences), minus the development build's binary, plus the optionalDependencies.
run(bindings, 'pack', '--silent', '--pack-destination', stage)
const devTarball = fs.readdirSync(stage).find((name) => name.endsWith('.tgz'))
execFileSync('tar', ['-xzf', devTarball], { cwd: stage })
const main = path.join(stage, 'package')
for (const name of fs.readdirSync(main)) if (name.endsWith('.node')) fs.rmSync(path.join(main, name))
const manifest = JSON.parse(fs.readFileSync(path.join(main, 'package.json'), 'utf8'))
const { publishedPlatforms, platformPackage, binaryFile } = require(path.join(main, 'lib', 'platform.js'))
const platforms = publishedPlatforms()
const buildable = ['linux-x64-gnu']
for (const platform of platforms) {
  if (!buildable.includes(platform)) throw new Error(`no addon for ${platform} can be built on this machine`)
}
manifest.optionalDependencies = Object.fromEntries(platforms.map((p) => [platformPackage(p), manifest.version]))
writeJson(path.join(main, 'package.json'), manifest)

// One platform package per target.
const libc = { gnu: ['glibc'], musl: ['musl'] }
for (const platform of platforms) {
  const [os, cpu, abi] = platform.split('-')
  const dir = path.join(stage, platform)
  fs.mkdirSync(dir)
  fs.copyFileSync(addon, path.join(dir, binaryFile(platform)))
  for (const file of ['LICENSE', 'THIRD-PARTY-NOTICES.txt']) fs.copyFileSync(path.join(repo, file), path.join(dir, file))
  fs.writeFileSync(
    path.join(dir, 'README.md'),
    `# \`${platformPackage(platform)}\`\n\nThe prebuilt ${platform} addon of \`${manifest.name}\` ` +
      '(built against glibc 2.17). Install `' + manifest.name + '`, which depends on this package.\n',
  )
  writeJson(path.join(dir, 'package.json'), {
    name: platformPackage(platform),
    version: manifest.version,
    description: `The ${platform} addon of ${manifest.name}`,
    license: manifest.license,
    main: binaryFile(platform),
    files: [binaryFile(platform), 'LICENSE', 'THIRD-PARTY-NOTICES.txt'],
    os: [os],
    cpu: [cpu],
    ...(libc[abi] ? { libc: libc[abi] } : {}),
    engines: manifest.engines,
  })
}

fs.mkdirSync(out, { recursive: true })
for (const dir of [main, ...platforms.map((p) => path.join(stage, p))]) {
  console.log(run(dir, 'pack', '--ignore-scripts', '--pack-destination', out).trim())
}
