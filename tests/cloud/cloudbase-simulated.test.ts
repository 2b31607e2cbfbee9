// The CloudBase adapters' own rules, with WeChat's cloud SIMULATED by an
// in-memory fake of wx-server-sdk (tests/support/fake-wx-cloud.ts): how the
// database's duplicate answers are recognised, which queries are built (never
// more than 100 documents per request), who the caller is, and how notices
// are sent. The port contracts run over the same fake in tests/contract.
import { appendAudit, chainTransaction } from '../../src/cloud/kit/cloudbase/audit'
import { cloudbaseEntry } from '../../src/cloud/kit/cloudbase/entry'
import { addOrRefuse, addUnique, isDuplicateWrite } from '../../src/cloud/kit/cloudbase/errors'
import { cloudbasePorts } from '../../src/cloud/kit/cloudbase'
import { COLLECTIONS, ids } from '../../src/cloud/kit/cloudbase/collections'
import { notificationSettingsFromEnv } from '../../src/cloud/kit/cloudbase/notifications'
import type { Transaction } from '../../src/cloud/kit/cloudbase/sdk'
import { AppError } from '../../src/domain/errors'
import { verifyChain } from '../../src/domain/audit-chain'
import { sha256 } from '../../src/cloud/kit/sha256'
import { main as me } from '../../src/cloud/me'
import { main as roleGrant } from '../../src/cloud/role-grant'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import { demoFoundation } from '../../src/seed/demo-foundation'
import { writeFoundationCloudbase } from '../../src/seed/seed-cloudbase'
import { fakeWxCloud, type FakeWxCloud } from '../support/fake-wx-cloud'

const NOW = Date.UTC(2026, 10, 28, 2, 0, 0)
const C = DEMO_COMMUNITY_ID
const TEMPLATES = { 'assembly.opened': { id: 'tmpl-opened', titleField: 'thing1', bodyField: 'thing2' } }

async function seeded(): Promise<FakeWxCloud> {
  const cloud = fakeWxCloud()
  await writeFoundationCloudbase(cloud.database(), demoFoundation(NOW))
  cloud.queries.length = 0
  return cloud
}

describe('WeChat cloud simulated: duplicate writes', () => {
  test('both forms of "this _id exists" are recognised, and nothing else is', () => {
    expect(isDuplicateWrite({ errCode: -502001, errMsg: 'database request fail | errMsg: [FailedOperation] E11000 duplicate key error collection: ballots index: _id_ dup key' })).toBe(true)
    expect(isDuplicateWrite(Object.assign(new Error('[DATABASE_DUPLICATE_WRITE] duplicate write'), { code: 'DATABASE_DUPLICATE_WRITE' }))).toBe(true)
    expect(isDuplicateWrite(new Error('errCode: -502001 database request fail | E11000 duplicate key'))).toBe(true)
    // Same number without E11000 is some other failure of the request; timeouts and conflicts are not duplicates.
    expect(isDuplicateWrite({ errCode: -502001, errMsg: 'database request fail | network timeout' })).toBe(false)
    expect(isDuplicateWrite({ errCode: -502003, errMsg: 'transaction conflict' })).toBe(false)
    expect(isDuplicateWrite(null)).toBe(false)
    expect(isDuplicateWrite('E11000')).toBe(false)
  })

  test.each(['E11000', 'DATABASE_DUPLICATE_WRITE'] as const)('a second add under the same _id (%s) becomes the app\'s duplicate answer and leaves the first intact', async (style) => {
    const cloud = fakeWxCloud()
    cloud.duplicateStyle = style
    const ballots = cloud.database().collection<{ _id: string; choice: string }>('ballots')
    expect(await addUnique(ballots, { _id: 'a1|m1|O0001', choice: 'agree' })).toBe(true)
    await expect(addOrRefuse(ballots, { _id: 'a1|m1|O0001', choice: 'oppose' }, () => new AppError('BALLOT.DUPLICATE', '您已投过票'))).rejects.toMatchObject({ code: 'BALLOT.DUPLICATE' })
    expect((await ballots.doc('a1|m1|O0001').get()).data.choice).toBe('agree')
  })

  test('1,000 concurrent adds of one natural key: exactly one is stored', async () => {
    const cloud = fakeWxCloud()
    const col = cloud.database().collection<{ _id: string; n: number }>('ballots')
    const results = await Promise.all(Array.from({ length: 1000 }, (_, n) => addUnique(col, { _id: 'a1|m1|O0042', n })))
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(cloud.collections.get('ballots')!.size).toBe(1)
  })
})

describe('WeChat cloud simulated: queries', () => {
  test('the audit chain is read 100 at a time with the last seq as cursor, past the 100-document limit', async () => {
    const cloud = await seeded()
    const ports = cloudbasePorts(cloud, { notifications: { templates: {} } }, () => NOW)
    for (let i = 0; i < 238; i++) await ports.audit.append({ communityId: C, actorId: null, action: 'notice.publish', subject: `notice:${i}`, data: { i } })
    cloud.queries.length = 0
    const chain = await ports.audit.all(C)
    expect(chain).toHaveLength(12 + 238)
    expect(verifyChain(sha256, chain).valid).toBe(true)
    expect(cloud.queries.map((q) => [q.collection, q.where.communityId, (q.where.seq as { v: number }).v, q.orderBy, q.limit])).toEqual([
      ['audit_log', C, 0, [['seq', 'asc']], 100],
      ['audit_log', C, 100, [['seq', 'asc']], 100],
      ['audit_log', C, 200, [['seq', 'asc']], 100],
    ])
    cloud.queries.length = 0
    expect((await ports.audit.list(C, 40, 150)).map((e) => e.seq)).toEqual(Array.from({ length: 150 }, (_, i) => 41 + i))
    expect(cloud.queries.map((q) => q.limit)).toEqual([100, 50])
  })

  test('a community of 130 members is read in pages of 100 (skip), and its people looked up 100 ids at a time', async () => {
    const cloud = await seeded()
    const db = cloud.database()
    for (let i = 0; i < 122; i++) {
      const id = `p-extra-${String(i).padStart(3, '0')}`
      await db.collection('people').add({ data: { _id: id, openid: `wx-${id}`, name: `住户${i}`, phone: null, createdAt: NOW } })
      await db.collection('memberships').add({ data: { _id: ids.membership(C, id, 'resident'), communityId: C, personId: id, role: 'resident', buildings: [], grantedAt: NOW } })
    }
    cloud.queries.length = 0
    const people = await cloudbasePorts(cloud, { notifications: { templates: {} } }).identity.communityPeople(C)
    expect(people).toHaveLength(8 + 122)
    expect(cloud.queries.map((q) => [q.collection, q.skip, q.limit])).toEqual([
      ['memberships', 0, 100], ['memberships', 100, 100],
      ['people', 0, 100], ['people', 0, 100],
    ])
  })
})

describe('WeChat cloud simulated: the audit chain under contention', () => {
  test('an append whose seq another append took after it read the head is run again from the new head, not failed', async () => {
    const cloud = await seeded()
    const db = cloud.database()
    const ports = cloudbasePorts(cloud, { notifications: { templates: {} } }, () => NOW)
    const note = (subject: string) => ({ communityId: C, actorId: null, action: 'notice.publish', subject, data: {} })
    let release!: () => void
    const gate = new Promise<void>((r) => { release = r })
    let attempts = 0
    // The first attempt reads the head (seq 12), then waits before adding its entry.
    const slow = chainTransaction(db, (t) => {
      attempts++
      const held: Transaction = attempts > 1 ? t : {
        collection: <T>(name: string) => {
          const c = t.collection<T>(name)
          return name === COLLECTIONS.auditLog ? { ...c, add: async (o: { data: T }) => { await gate; return c.add(o) } } : c
        },
      }
      return appendAudit(held, note('slow'), NOW)
    })
    await new Promise((r) => setTimeout(r, 20))
    expect((await ports.audit.append(note('fast'))).seq).toBe(13)
    release()
    expect((await slow).seq).toBe(14)
    expect(attempts).toBe(2)
    const chain = await ports.audit.all(C)
    expect(chain.slice(-2).map((e) => e.subject)).toEqual(['fast', 'slow'])
    expect(verifyChain(sha256, chain).valid).toBe(true)
  })
})

describe('WeChat cloud simulated: the function entry', () => {
  test('the caller is whoever getWXContext() names at each call; an openid or userInfo in the event is ignored', async () => {
    const cloud = await seeded()
    const main = cloudbaseEntry(me, cloud, {})
    cloud.as('dev:p-chen-jing')
    const first = await main({ userInfo: { appId: 'wx1', openId: 'dev:p-li-jianguo' } }, {})
    expect(first).toMatchObject({ ok: true, data: { person: { id: 'p-chen-jing' } } })
    cloud.as('dev:p-sun-li')
    expect(await main({}, {})).toMatchObject({ ok: true, data: { person: { id: 'p-sun-li' } } })
    cloud.as(null)
    expect(await main({ openid: 'dev:p-li-jianguo' }, {})).toMatchObject({ ok: false })
    expect(await main({ userInfo: { openId: 'dev:p-li-jianguo' } }, {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  test('a role grant through the entry writes the membership and its audit entry together; a refused one writes neither', async () => {
    const cloud = await seeded()
    const main = cloudbaseEntry(roleGrant, cloud, {})
    cloud.as('dev:p-li-jianguo')
    expect(await main({ communityId: C, personId: 'p-chen-jing', role: 'captain', buildings: ['4栋'] }, {})).toMatchObject({ ok: true, data: { auditSeq: 13 } })
    const stored = cloud.collections.get(COLLECTIONS.memberships)!.get(ids.membership(C, 'p-chen-jing', 'captain'))!.doc
    expect(stored).toMatchObject({ buildings: ['4栋'] })
    cloud.as('dev:p-chen-jing')
    const before = JSON.stringify([...cloud.collections.entries()].map(([k, v]) => [k, [...v.entries()]]))
    expect(await main({ communityId: C, personId: 'p-chen-jing', role: 'committee', buildings: [] }, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(JSON.stringify([...cloud.collections.entries()].map(([k, v]) => [k, [...v.entries()]]))).toBe(before)
  })
})

describe('WeChat cloud simulated: subscription messages', () => {
  // Undelivered notices are logged as warnings; these tests check the counts instead.
  beforeEach(() => { jest.spyOn(console, 'warn').mockImplementation(() => undefined) })
  afterEach(() => jest.restoreAllMocks())
  const notice = (recipientIds: string[], dedupeKey?: string) => ({ communityId: C, recipientIds, kind: 'assembly.opened', title: '2026 年第二次业主大会开始投票啦请及时参加', body: '请在 12 月 5 日前投票', page: '/packages/vote/pages/assembly/index?id=a1', dedupeKey, at: NOW })

  test('each recipient gets the configured template at their own OPENID, title clipped to 20 characters', async () => {
    const cloud = await seeded()
    const ports = cloudbasePorts(cloud, { notifications: notificationSettingsFromEnv({ SUBSCRIBE_TEMPLATES: JSON.stringify({ templates: TEMPLATES }) }) })
    expect(await ports.notifications.send(notice(['p-chen-jing', 'p-zhang-wei']))).toBe(2)
    expect(cloud.sent).toEqual([
      { touser: 'dev:p-chen-jing', templateId: 'tmpl-opened', page: '/packages/vote/pages/assembly/index?id=a1', miniprogramState: 'formal', data: { thing1: { value: '2026 年第二次业主大会开始投票啦请…' }, thing2: { value: '请在 12 月 5 日前投票' } } },
      expect.objectContaining({ touser: 'dev:p-zhang-wei' }),
    ])
    expect(Array.from(cloud.sent[0].data.thing1.value)).toHaveLength(20)
  })

  test('a keyed notice is sent once per recipient even when sent twice at once; unsubscribed people and kinds without a template are not counted', async () => {
    const cloud = await seeded()
    const ports = cloudbasePorts(cloud, { notifications: { templates: TEMPLATES } })
    cloud.unsubscribed.add('dev:p-zhang-wei')
    const [a, b] = await Promise.all([ports.notifications.send(notice(['p-chen-jing', 'p-zhang-wei'], 'opened:a1')), ports.notifications.send(notice(['p-chen-jing', 'p-zhang-wei'], 'opened:a1'))])
    expect(a + b).toBe(1)
    expect(cloud.sent.map((m) => m.touser)).toEqual(['dev:p-chen-jing'])
    expect(await ports.notifications.send({ ...notice(['p-chen-jing']), kind: 'repair.done' })).toBe(0)
  })
})
