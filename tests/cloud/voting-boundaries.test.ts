// The rules' 2/3 line through the functions, on a three-owner community whose
// areas sit one hundredth of a m² apart: the same two heads (exactly 2/3) meet
// the quorum or miss it by that hundredth, and exactly half is not 过半数.
import { DAY_MS } from '../../src/domain/voting/assembly'
import { createHarness, expectOk, type Harness } from '../support/harness'

const T0 = Date.UTC(2026, 10, 28, 2, 0, 0)
const C = 'c-tiny'
let h: Harness
beforeEach(() => {
  h = createHarness({ now: T0, seed: false })
  const db = h.ports.db
  db.prepare("INSERT INTO communities (id, name, settings, created_at) VALUES (?, '三户小区', '{}', ?)").run(C, T0)
  // a and b hold 100.00 m², c holds 100.01 m²: T = 300.01 m², 3 heads.
  const units = [['a', 10000], ['b', 10000], ['c', 10001]] as const
  db.prepare('INSERT INTO roll_versions (community_id, version, created_at, units, total_area, total_heads) VALUES (?, 1, ?, 3, 30001, 3)').run(C, T0)
  for (const [k, area] of units) {
    db.prepare("INSERT INTO roll_units (community_id, version, building, unit_no, area, area_basis, owner_key, owner_names, phones) VALUES (?, 1, '1栋', ?, ?, 'registered', ?, ?, '')").run(C, `010${k}`, area, k, k)
    db.prepare('INSERT INTO people (id, openid, name, phone, created_at) VALUES (?, ?, ?, NULL, ?)').run(`p-${k}`, `tiny:${k}`, k, T0)
    db.prepare("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, ?, 'owner', '[]', ?)").run(C, `p-${k}`, T0)
    db.prepare('INSERT INTO owner_bindings (community_id, person_id, owner_key, bound_at) VALUES (?, ?, ?, ?)').run(C, `p-${k}`, k, T0)
  }
  db.prepare("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES (?, 'p-a', 'committee', '[]', ?)").run(C, T0)
})
afterEach(() => h.close())

const as = async <T,>(who: string, name: Parameters<Harness['callRaw']>[0], input: unknown) => expectOk(await h.callRaw(name, input, `tiny:${who}`)) as T

async function run(votes: Array<[string, 'agree' | 'oppose' | 'abstain']>) {
  h.setNow(T0)
  const { assemblyId, motionIds } = await as<{ assemblyId: string; motionIds: string[] }>('a', 'assembly-call', {
    communityId: C, title: '边界', notice: '边界测试', opensAt: T0 + DAY_MS, closesAt: T0 + 2 * DAY_MS, shortNoticeReason: '测试',
    motions: [{ title: '一般事项', matter: 4 }],
  })
  h.setNow(T0 + DAY_MS)
  for (const [who, choice] of votes) await as(who, 'ballot-cast', { communityId: C, assemblyId, votes: [{ motionId: motionIds[0], choice }] })
  h.setNow(T0 + 2 * DAY_MS)
  const r = await as<{ count: { motions: Array<{ kind: string; result: { published: { quorumMet: boolean; passed: boolean; participating: { area: number; heads: number } } } }> } }>('a', 'assembly-close', { communityId: C, assemblyId })
  return r.count.motions[0].result.published
}

test('exactly 2/3 of heads but area 200.00 of 300.01 m² (one hundredth short): no quorum', async () => {
  const t = await run([['a', 'agree'], ['b', 'agree']])
  expect(t.participating).toEqual({ area: 20000, heads: 2 })
  expect(t.quorumMet).toBe(false)
  expect(t.passed).toBe(false)
})

test('exactly 2/3 of heads and 200.01 of 300.01 m²: quorum met; agree by the larger area but exactly half the heads is not 过半数', async () => {
  const t = await run([['a', 'oppose'], ['c', 'agree']])
  expect(t.participating).toEqual({ area: 20001, heads: 2 })
  expect(t.quorumMet).toBe(true)
  expect(t.passed).toBe(false)
})

test('both agreeing at the quorum line passes', async () => {
  const t = await run([['a', 'agree'], ['c', 'agree']])
  expect(t).toMatchObject({ quorumMet: true, passed: true })
})
