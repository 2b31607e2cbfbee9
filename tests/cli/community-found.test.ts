// The operator's CLI for founding a community on the host, run as the operator
// runs it: a child process over a DATA_DIR, after the first committee member
// has registered through the app's own function.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { findFunction } from '../../src/cloud/registry'
import { snapshotOf } from '../support/harness'

jest.setTimeout(60_000)
const ROOT = resolve(__dirname, '../..')

test('founds a community in DATA_DIR naming a registered person its committee; refuses a second founding and bad arguments, writing nothing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gj-found-'))
  const file = join(dataDir, 'gongjian.db')
  const found = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'src/cli/community-found.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } })
    return { code: r.status, out: r.stdout, err: r.stderr }
  }
  const open = () => sqlitePorts(file)
  try {
    let ports = open()
    const registered = await findFunction('person-register')!({ name: '周主任' }, { principal: { openid: 'wx-openid-zhou' }, ports, devMode: false })
    if (!registered.ok) throw new Error(registered.message)
    const zhou = (registered.data as { person: { id: string } }).person.id
    ports.close()

    const done = found('--id', 'c-huajing', '--name', '华景园', '--committee', zhou)
    expect(done).toMatchObject({ code: 0, err: '' })
    expect(done.out).toContain('已创建小区「华景园」（编号 c-huajing）')
    expect(done.out).toContain(`首位业委会成员：${zhou}`)

    ports = open()
    expect(await ports.identity.membershipsOf(zhou)).toEqual([{ communityId: 'c-huajing', communityName: '华景园', personId: zhou, role: 'committee', buildings: [] }])
    expect((await ports.audit.all('c-huajing')).map((e) => [e.seq, e.action, e.subject])).toEqual([[1, 'community.found', `person:${zhou}`]])
    const before = snapshotOf(ports.db)
    ports.close()

    const again = found('--id', 'c-huajing', '--name', '华景园二期', '--committee', zhou)
    expect(again.code).toBe(1)
    expect(again.err).toBe('未能创建小区：小区编号 c-huajing 已被使用，请换一个编号（COMMUNITY.EXISTS）\n')
    const badId = found('--id', 'huajing', '--name', '华景园', '--committee', zhou)
    expect(badId.code).toBe(1)
    expect(badId.err).toContain('c- 开头')
    const missing = found('--id', 'c-other', '--name', '别处')
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('用法：npm run community:found')

    ports = open()
    expect(snapshotOf(ports.db)).toBe(before)
    ports.close()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})
