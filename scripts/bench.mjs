// `npm run bench [-- NAME…]`: runs every benchmark in scripts/bench/ (or the
// named ones). Each prints lines `bench NAME VALUE UNIT`.
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const wanted = process.argv.slice(2)
const all = readdirSync('scripts/bench').filter((f) => /\.(ts|mjs)$/.test(f)).sort()
const chosen = wanted.length ? all.filter((f) => wanted.includes(f.replace(/\.(ts|mjs)$/, ''))) : all
if (wanted.length && chosen.length !== wanted.length) {
  console.error(`没有这个基准测试：${wanted.join(' ')}。可选：${all.map((f) => f.replace(/\.(ts|mjs)$/, '')).join(' ')}`)
  process.exit(2)
}
let failed = 0
for (const f of chosen) {
  const path = `scripts/bench/${f}`
  const args = f.endsWith('.ts') ? ['scripts/run-ts.mjs', path] : [path]
  const r = spawnSync(process.execPath, ['--expose-gc', ...args], { stdio: 'inherit' })
  if (r.status !== 0) {
    failed++
    console.error(`基准测试 ${f} 失败（退出码 ${r.status}）`)
  }
}
process.exit(failed ? 1 : 0)
