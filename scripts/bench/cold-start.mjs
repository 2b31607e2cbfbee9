// Cold start of each bundled cloud function: in a fresh Node process, the time
// to require its index.js (with a stub wx-server-sdk on the require path, as
// the platform provides the real one), median of 3 processes per function.
// Prints `bench cloud_cold_start_<fn> <ms> ms` and the max over functions;
// target ≤ 150 ms.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const TARGET_MS = 150
const root = resolve(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'gj-cold-start-'))
try {
  const out = join(work, 'cloudfunctions')
  execFileSync(process.execPath, ['scripts/build-cloud.mjs', `--out=${out}`, '--quiet'], { cwd: root, stdio: 'inherit' })
  const stub = join(work, 'node_modules', 'wx-server-sdk')
  mkdirSync(stub, { recursive: true })
  writeFileSync(join(stub, 'index.js'), `
    const reject = () => Promise.reject(new Error('stub: no cloud'))
    const query = new Proxy({}, { get: () => () => query })
    module.exports = {
      DYNAMIC_CURRENT_ENV: 'stub', init() {}, getWXContext: () => ({}),
      database: () => ({ command: query, collection: () => query, runTransaction: reject }),
      uploadFile: reject, downloadFile: reject, getTempFileURL: reject,
      openapi: { subscribeMessage: { send: reject } },
    }
  `)
  const probe = `
    const t = process.hrtime.bigint()
    const m = require(process.argv[1])
    const ms = Number(process.hrtime.bigint() - t) / 1e6
    if (typeof m.main !== 'function') throw new Error('no exports.main')
    process.stdout.write(String(ms))
  `
  const results = []
  for (const fn of readdirSync(out).sort()) {
    const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['-e', probe, join(out, fn, 'index.js')], { env: { ...process.env, NODE_PATH: join(work, 'node_modules') }, encoding: 'utf8' })))
    const median = runs.sort((a, b) => a - b)[1]
    results.push(median)
    console.log(`bench cloud_cold_start_${fn.replace(/-/g, '_')} ${median.toFixed(1)} ms`)
  }
  const max = Math.max(...results)
  console.log(`bench cloud_cold_start_max ${max.toFixed(1)} ms`)
  if (max > TARGET_MS) {
    console.error(`冷启动超过目标 ${TARGET_MS} ms`)
    process.exitCode = 1
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
