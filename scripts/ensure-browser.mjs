// Before the tests: the browser tests need Debian's Chromium and Chinese fonts.
// On a fresh machine (as root, with apt) they are installed here; otherwise
// the message says what to install. Never downloads a browser of its own.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { CHROMIUM } from './chromium.mjs'

const hasFonts = () => spawnSync('dpkg', ['-s', 'fonts-noto-cjk'], { stdio: 'ignore' }).status === 0
const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(hasFonts() ? [] : ['fonts-noto-cjk'])]
if (missing.length === 0) process.exit(0)

const isRoot = process.getuid?.() === 0
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
if (!isRoot || !hasApt) {
  console.error(`浏览器测试需要 ${missing.join(' ')}：请运行 sudo apt-get install -y ${missing.join(' ')}（或设置 CHROMIUM_PATH）`)
  process.exit(1)
}
console.log(`正在安装浏览器测试所需的系统软件包：${missing.join(' ')} …`)
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
