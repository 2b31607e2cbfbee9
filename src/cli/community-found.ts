// `npm run community:found -- --id c-huajing --name 华景园 --committee p-wx-…`:
// the operator founds a community on the local host's database (DATA_DIR, or
// DATABASE_URL as the host uses), naming its first committee member, who must
// have registered in the app first. It runs the same community-found function
// CloudBase runs from the console's 云端测试, with no principal. Exits 0 when
// founded, 1 when refused, 2 for wrong arguments.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { FUNCTIONS } from '../cloud/registry'
import { checkDataDir, openPorts } from '../host/data'

const USAGE = '用法：npm run community:found -- --id c-小区编号 --name 小区名称 --committee 首位业委会成员的人员编号'

function readArgs(): { communityId: string; name: string; committeeId: string } | null {
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { id: { type: 'string' }, name: { type: 'string' }, committee: { type: 'string' } }, strict: true })
    if (!values.id || !values.name || !values.committee) return null
    return { communityId: values.id, name: values.name, committeeId: values.committee }
  } catch {
    return null
  }
}

async function main(): Promise<number> {
  const input = readArgs()
  if (!input) {
    console.error(USAGE)
    return 2
  }
  const dataDir = resolve(process.env.DATA_DIR || '.data')
  if (!process.env.DATABASE_URL) checkDataDir(dataDir)
  // Never the demo seed: this is a real community on a real database.
  const { ports, where } = await openPorts(dataDir, false)
  try {
    const r = await FUNCTIONS['community-found'](input, { principal: null, ports, devMode: false })
    if (!r.ok) {
      console.error(`未能创建小区：${r.message}（${r.code}）`)
      return 1
    }
    const d = r.data as { communityId: string; name: string; committeeId: string; auditSeq: number }
    console.log(`已创建小区「${d.name}」（编号 ${d.communityId}），${where}`)
    console.log(`首位业委会成员：${d.committeeId}（已记入审计记录第 ${d.auditSeq} 条）。请他重新打开小程序，即可导入业主名册、任命其他成员。`)
    return 0
  } finally {
    await ports.close()
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`运行失败：${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  },
)
