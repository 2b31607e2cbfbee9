// `npm run build:cloud`: bundles every cloud function (each folder of
// src/cloud except kit) with the domain code it uses into its own folder under
// the project's cloudfunctionRoot (dist/cloudfunctions/<name>/):
//   index.js      exports.main = async (event, context) => …  (esbuild, minified)
//   package.json  pins wx-server-sdk, installed in the cloud by WeChat DevTools
//   config.json   timeout and the open API the function may call
// A function folder may hold cloudbase.json ({ "timeout": 60 }) to change its
// config. Each bundle must stay ≤ 500 KB; the build fails otherwise.
// Options: function names to build only those; --out=DIR; --quiet.
import { build } from 'esbuild'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const WX_SERVER_SDK = '4.0.2'
export const MAX_BUNDLE_BYTES = 500 * 1024
/** Seconds: a few database round trips fit easily; the platform's default of 3 s leaves no margin under load. */
const DEFAULT_TIMEOUT = 10

const root = resolve(import.meta.dirname, '..')
const outArg = process.argv.find((a) => a.startsWith('--out='))
const outRoot = outArg ? resolve(outArg.slice('--out='.length)) : join(root, JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')).cloudfunctionRoot ?? 'dist/cloudfunctions/')
const names = readdirSync(join(root, 'src/cloud'))
  .filter((n) => n !== 'kit' && statSync(join(root, 'src/cloud', n)).isDirectory() && existsSync(join(root, 'src/cloud', n, 'index.ts')))
  .sort()
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const chosen = only.length ? names.filter((n) => only.includes(n)) : names
const quiet = process.argv.includes('--quiet')

const started = Date.now()
const results = []
for (const name of chosen) {
  const dir = join(outRoot, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  // The SDK is initialised once per instance; the entry reads OPENID per call.
  const entry = `
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const { main } = require('./src/cloud/${name}/index.ts')
    const { cloudbaseEntry } = require('./src/cloud/kit/cloudbase/entry.ts')
    exports.main = cloudbaseEntry(main, cloud)
  `
  await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: `cloudbase-${name}.js`, loader: 'js' },
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    // CloudBase offers Node.js 16 and newer runtimes.
    target: 'node16',
    format: 'cjs',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  })
  const overrides = existsSync(join(root, 'src/cloud', name, 'cloudbase.json')) ? JSON.parse(readFileSync(join(root, 'src/cloud', name, 'cloudbase.json'), 'utf8')) : {}
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': WX_SERVER_SDK } }, null, 2)}\n`)
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify({ permissions: { openapi: ['subscribeMessage.send'] }, timeout: DEFAULT_TIMEOUT, ...overrides }, null, 2)}\n`)
  results.push({ name, bytes: statSync(join(dir, 'index.js')).size })
}

const tooBig = results.filter((r) => r.bytes > MAX_BUNDLE_BYTES)
if (!quiet || tooBig.length) {
  for (const r of results) console.log(`${r.bytes > MAX_BUNDLE_BYTES ? '✗' : '✓'} ${r.name.padEnd(24)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KB`)
}
if (tooBig.length) {
  console.error(`云函数包超过 ${MAX_BUNDLE_BYTES / 1024} KB：${tooBig.map((r) => r.name).join('、')}`)
  process.exit(1)
}
if (!quiet) console.log(`已打包 ${results.length} 个云函数到 ${outRoot}（${Date.now() - started} ms，最大 ${(Math.max(...results.map((r) => r.bytes)) / 1024).toFixed(1)} KB）`)
