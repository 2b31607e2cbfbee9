// Starts the local host: `node dist/host/main.js`. Settings: PORT (default
// 3000, 0 picks a free one), DATA_DIR (default .data: the SQLite database and
// the session secret), HOST_MODE (development unless "production"),
// STATIC_DIR (default dist/h5), DATABASE_URL (when set, PostgreSQL instead of
// SQLite: postgres://user:password@host:port/database), DATABASE_POOL_SIZE
// (connections to it, default 10; about twice the database's cores serves a
// deadline rush best: more only adds contention).
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { checkDataDir, openPorts } from './data'
import { startJobs } from './jobs'
import { loadSecret } from './session'
import { startHost } from './server'

async function main() {
  const started = process.hrtime.bigint()
  const dataDir = resolve(process.env.DATA_DIR || '.data')
  const devMode = process.env.HOST_MODE !== 'production'
  const port = Number(process.env.PORT || 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 设置无效：${process.env.PORT}`)
  const staticDir = resolve(process.env.STATIC_DIR || 'dist/h5')

  checkDataDir(dataDir)
  const { ports, seeded, where } = await openPorts(dataDir, devMode)
  if (seeded) console.log('已创建演示小区：长城二花园（798 户）')
  const host = await startHost({ ports, secret: loadSecret(dataDir), devMode, staticDir: existsSync(join(staticDir, 'index.html')) ? staticDir : null, port })
  const stopJobs = startJobs(ports)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  console.log(`共建家园本地主机已启动${devMode ? '（开发模式）' : ''}：${host.url}  ${where}  用时 ${ms.toFixed(0)} ms`)
  if (!existsSync(join(staticDir, 'index.html'))) console.log('提示：尚未构建 H5 页面，运行 npm run build:h5 后刷新。')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`收到 ${signal}，正在停止…`)
    stopJobs()
    await host.close()
    await ports.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((e) => {
  console.error(`启动失败：${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
