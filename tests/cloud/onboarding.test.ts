// How anyone gets in: a newcomer identified by WeChat (or the host's session)
// registers the name they want to be called by, the operator founds a
// community naming them its first committee member, and from then on they run
// it. The same flow on SQLite (the harness) and on WeChat's cloud SIMULATED
// answers the same, and every refusal writes nothing.
import { createHash } from 'node:crypto'
import type { Ports } from '../../src/cloud/kit/ports'
import { findFunction } from '../../src/cloud/registry'
import type { Result } from '../../src/contracts/result'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import { DEMO, createHarness } from '../support/harness'
import { cloudbasePlatform, expectSameLogs } from '../support/platforms'

const T0 = Date.UTC(2026, 10, 28, 2, 0, 0)
const ZHOU = 'wx-openid-zhou'
const WU = 'wx-openid-wu'
/** p-wx- and the first 20 hex digits of the OPENID's SHA-256, worked out here. */
const wxId = (openid: string) => `p-wx-${createHash('sha256').update(openid, 'utf8').digest('hex').slice(0, 20)}`

interface Platform {
  ports: Ports
  snapshot(): string
}

/** The flow, every answer logged as [function, caller, answer]; `refused` also proves the call wrote nothing. */
async function onboarding(p: Platform): Promise<unknown[]> {
  const log: unknown[] = []
  const run = async (name: string, input: unknown, openid: string | null): Promise<Result<any>> => {
    const r = await findFunction(name)!(input, { principal: openid ? { openid } : null, ports: p.ports, devMode: false })
    log.push([name, openid, r])
    return r
  }
  const ok = async (name: string, input: unknown, openid: string | null) => {
    const r = await run(name, input, openid)
    if (!r.ok) throw new Error(`${name}: expected ok, got ${r.code} ${r.message}`)
    return r.data
  }
  const refused = async (code: string, name: string, input: unknown, openid: string | null) => {
    const before = p.snapshot()
    const r = await run(name, input, openid)
    expect(r).toMatchObject({ ok: false, code })
    expect(p.snapshot()).toBe(before)
    return r.ok ? '' : r.message
  }

  // A newcomer: WeChat knows them, the app does not yet.
  expect(await refused('NOT_REGISTERED', 'me', {}, ZHOU)).toBe('请先填写称呼完成注册')
  await refused('NOT_REGISTERED', 'role-grant', { communityId: DEMO_COMMUNITY_ID, personId: 'p-chen-jing', role: 'property' }, ZHOU)
  expect(await refused('INVALID_INPUT', 'person-register', { name: '   ' }, ZHOU)).toBe('name：请填写您的称呼')
  expect(await refused('INVALID_INPUT', 'person-register', { name: '周'.repeat(21) }, ZHOU)).toBe('name：称呼最多 20 个字')
  expect(await refused('INVALID_INPUT', 'person-register', {}, ZHOU)).toMatch(/^name：/)
  await refused('UNAUTHENTICATED', 'person-register', { name: '周主任' }, null)

  const zhou = { id: wxId(ZHOU), name: '周主任' }
  expect(await ok('person-register', { name: '  周主任 ' }, ZHOU)).toEqual({ person: zhou })
  // Again (a double tap, a reinstall): the same person, the name unchanged, nothing written.
  const before = p.snapshot()
  expect(await ok('person-register', { name: '老周' }, ZHOU)).toEqual({ person: zhou })
  expect(p.snapshot()).toBe(before)
  expect(await ok('me', {}, ZHOU)).toEqual({ person: zhou, memberships: [], units: [], devMode: false })

  // Founding is the operator's: a person's call (with an OPENID) is refused.
  const huajing = { communityId: 'c-huajing', name: '华景园', committeeId: zhou.id }
  await refused('FORBIDDEN', 'community-found', huajing, ZHOU)
  await refused('FORBIDDEN', 'community-found', huajing, DEMO['p-li-jianguo'].openid)
  expect(await refused('INVALID_INPUT', 'community-found', { ...huajing, communityId: 'C|huajing' }, null)).toContain('c- 开头')
  expect(await refused('INVALID_INPUT', 'community-found', { ...huajing, name: ' ' }, null)).toBe('name：缺少小区名称')
  await refused('COMMUNITY.NO_PERSON', 'community-found', { ...huajing, committeeId: wxId(WU) }, null)
  await refused('COMMUNITY.EXISTS', 'community-found', { ...huajing, communityId: DEMO_COMMUNITY_ID }, null)
  expect(await ok('community-found', { ...huajing, name: ' 华景园 ' }, null)).toEqual({ ...huajing, auditSeq: 1 })
  await refused('COMMUNITY.EXISTS', 'community-found', huajing, null)

  // The first committee member runs the new community; nobody else does.
  expect(await ok('me', {}, ZHOU)).toEqual({ person: zhou, memberships: [{ communityId: 'c-huajing', communityName: '华景园', roles: ['committee'], buildings: [] }], units: [], devMode: false })
  expect((await ok('roll-template', { communityId: 'c-huajing' }, ZHOU)).csv).toContain('楼栋')
  await refused('FORBIDDEN', 'roll-template', { communityId: 'c-huajing' }, DEMO['p-li-jianguo'].openid)
  expect(await ok('person-register', { name: '小吴' }, WU)).toEqual({ person: { id: wxId(WU), name: '小吴' } })
  await refused('FORBIDDEN', 'roll-template', { communityId: 'c-huajing' }, WU)
  // Someone not yet in the community cannot be appointed (they join by binding a unit of the roll).
  await refused('ROLE.NOT_A_MEMBER', 'role-grant', { communityId: 'c-huajing', personId: wxId(WU), role: 'property' }, ZHOU)
  expect(await ok('role-grant', { communityId: 'c-huajing', personId: zhou.id, role: 'captain', buildings: ['1栋'] }, ZHOU)).toEqual({ personId: zhou.id, role: 'captain', buildings: ['1栋'], auditSeq: 2 })
  const audit = await ok('audit-log', { communityId: 'c-huajing' }, ZHOU)
  expect(audit.entries.map((e: { seq: number; action: string; actorName: string | null; subjectName: string | null }) => [e.seq, e.action, e.actorName, e.subjectName])).toEqual([
    [1, 'community.found', null, '周主任'],
    [2, 'role.grant', '周主任', '周主任'],
  ])
  expect(audit.verdict).toMatchObject({ valid: true, length: 2 })
  return log
}

let sqliteLog: unknown[] = []

test('on SQLite: register, NOT_REGISTERED before, found a community, its first committee member runs it', async () => {
  const h = createHarness({ now: T0 })
  try {
    sqliteLog = await onboarding({ ports: h.ports, snapshot: h.snapshot })
  } finally {
    h.close()
  }
})

test('WeChat cloud simulated: the same flow answers exactly as on SQLite, refusals writing nothing', async () => {
  const p = await cloudbasePlatform(T0)
  expectSameLogs(await onboarding(p), sqliteLog)
})

test('twenty registrations of one OPENID at once through the function make one person (WeChat cloud simulated)', async () => {
  const p = await cloudbasePlatform(T0)
  const register = findFunction('person-register')!
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => register({ name: `称呼${i}` }, { principal: { openid: ZHOU }, ports: p.ports, devMode: false })))
  const ids = new Set(answers.map((r) => (r.ok ? (r.data as { person: { id: string } }).person.id : r.code)))
  expect([...ids]).toEqual([wxId(ZHOU)])
  expect([...p.cloud.collections.get('people')!.values()].filter((d) => d.doc.openid === ZHOU)).toHaveLength(1)
})
