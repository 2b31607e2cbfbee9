// The local host's start-up time and per-call overhead, measured on the
// bundled process as people run it. Prints `bench host_ready`,
// `bench host_noop_call_p50` and `bench host_noop_call_p99` (targets: ready
// ≤ 1000 ms, p50 ≤ 2 ms).
import { spawn, spawnSync } from 'node:child_process'
import { Agent, request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const STARTS = 5
const WARMUP_CALLS = 1_000
const CALLS = 10_000

const children = new Set()
const dataDir = mkdtempSync(join(tmpdir(), 'gj-bench-host-'))
// However the script ends, no host is left running and no temp folder stays.
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130))

/** Spawns the host and resolves once it has printed its URL and answered a ping. */
function startHost() {
  const started = process.hrtime.bigint()
  const { HOST_MODE: _m, PORT: _p, DATA_DIR: _d, ...env } = process.env
  const child = spawn(process.execPath, ['dist/host/main.js'], { env: { ...env, PORT: '0', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  child.on('exit', () => children.delete(child))
  let out = ''
  let err = ''
  child.stderr.setEncoding('utf8').on('data', (c) => { err += c })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`主机 10 秒内未就绪：\n${out}${err}`)), 10_000)
    const onExit = (code) => { clearTimeout(timer); reject(new Error(`主机启动失败（退出码 ${code}）：\n${out}${err}`)) }
    child.once('exit', onExit)
    child.stdout.setEncoding('utf8').on('data', async function look(c) {
      out += c
      const m = /(http:\/\/127\.0\.0\.1:(\d+))\//.exec(out)
      if (!m) return
      child.stdout.off('data', look)
      child.stdout.resume()
      try {
        const agent = new Agent({ keepAlive: false })
        await post(agent, Number(m[2]), '/api/fn/ping')
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        clearTimeout(timer)
        child.off('exit', onExit)
        resolve({ child, port: Number(m[2]), ms })
      } catch (e) {
        clearTimeout(timer)
        reject(e)
      }
    })
  })
}

async function stopHost(child) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGINT')
  const code = await exited
  if (code !== 0) throw new Error(`主机未正常停止（退出码 ${code}）`)
}

const BODY = '{}'
function post(agent, port, path) {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': BODY.length } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => { text += c })
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${path} 返回 ${res.statusCode}：${text}`))))
    })
    req.on('error', reject)
    req.end(BODY)
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

const build = spawnSync(process.execPath, ['scripts/build-host.mjs', '--quiet'], { stdio: 'inherit' })
if (build.status !== 0) throw new Error('打包本地主机失败')

// The first start creates the database and seeds the demo; ready is measured
// on the starts after it, the way a developer restarts the host day to day.
await stopHost((await startHost()).child)
const readies = []
for (let i = 0; i < STARTS; i++) {
  const { child, ms } = await startHost()
  readies.push(ms)
  await stopHost(child)
}
console.log(`bench host_ready ${median(readies).toFixed(0)} ms`)

const { child, port } = await startHost()
try {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  for (let i = 0; i < WARMUP_CALLS; i++) await post(agent, port, '/api/fn/ping')
  const times = new Float64Array(CALLS)
  for (let i = 0; i < CALLS; i++) {
    const t = process.hrtime.bigint()
    await post(agent, port, '/api/fn/ping')
    times[i] = Number(process.hrtime.bigint() - t) / 1e6
  }
  agent.destroy()
  times.sort()
  console.log(`bench host_noop_call_p50 ${percentile(times, 50).toFixed(3)} ms`)
  console.log(`bench host_noop_call_p99 ${percentile(times, 99).toFixed(3)} ms`)
} finally {
  await stopHost(child)
}
