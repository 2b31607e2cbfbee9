// Owners' assemblies through the real functions on a real SQLite file: who may
// do what, the window by server time, one ballot per owner per motion under
// concurrency, proxies, sealed tallies, and the count, objections and export.
import { verifyChain } from '../../src/domain/audit-chain'
import { DAY_MS } from '../../src/domain/voting/assembly'
import { sha256 } from '../../src/cloud/kit/sha256'
import { DEMO_CLOSED_ASSEMBLY, DEMO_OPEN_ASSEMBLY } from '../../src/seed/demo-assemblies'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import type { AssemblyCount } from '../../src/domain/voting/result'
import { createHarness, expectOk, type Harness } from '../support/harness'
import { expectSameRecount } from '../support/recount'

jest.setTimeout(60_000)
const C = DEMO_COMMUNITY_ID
const OPEN = DEMO_OPEN_ASSEMBLY
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0)
let h: Harness
beforeEach(() => { h = createHarness({ now: T0 }) })
afterEach(() => h.close())

const ref = (assemblyId = OPEN) => ({ communityId: C, assemblyId })
const get = async (who = 'p-sun-li', assemblyId = OPEN) => expectOk(await h.call('assembly-get', ref(assemblyId), who))
const allAgree = async (assemblyId = OPEN) => (await get('p-sun-li', assemblyId)).motions.map((m) => ({ motionId: m.id, choice: 'agree' as const }))
const ballotCount = () => h.ports.db.prepare('SELECT COUNT(*) FROM ballots').pluck().get() as number
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3])
const PDF = new TextEncoder().encode('%PDF-1.4 委托书')
/** A file this person uploaded through the files port, as the phone would. */
const uploadAs = async (who: string, purpose: 'photo' | 'document' = 'photo', bytes = purpose === 'photo' ? JPEG : PDF) =>
  expectOk(await h.call('file-upload', { communityId: C, purpose, name: `${who}.${purpose === 'photo' ? 'jpg' : 'pdf'}`, bytes }, who)).fileId

function newAssembly(over: Record<string, unknown> = {}) {
  return {
    communityId: C, title: '测试大会', notice: '公告正文',
    opensAt: T0 + 16 * DAY_MS, closesAt: T0 + 23 * DAY_MS,
    motions: [{ title: '续聘物业', matter: 4 }, { title: '改建车库', matter: 7 }, { title: '选举委员', matter: 3, seats: 2, candidates: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] }],
    ...over,
  }
}

describe('calling an assembly', () => {
  test('only the committee may call one; every other role is FORBIDDEN and nothing is written', async () => {
    const before = h.snapshot()
    for (const who of ['p-zhang-wei', 'p-liu-yang', 'p-wang-xiuying', 'p-zhao-lei', 'p-sun-li']) {
      expect(await h.call('assembly-call', newAssembly(), who)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(await h.call('assembly-call', newAssembly(), null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(h.snapshot()).toBe(before)
  })

  test('the threshold follows the matter and cannot be sent; matter outside 1–9 is refused', async () => {
    const before = h.snapshot()
    expect(await h.call('assembly-call', newAssembly({ motions: [{ title: 'x', matter: 10 }] }), 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.BAD_MATTER' })
    expect(await h.call('assembly-call', newAssembly({ motions: [{ title: 'x', matter: 4, threshold: 'ordinary' }] }), 'p-li-jianguo')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.call('assembly-call', newAssembly({ motions: [{ title: 'x', matter: 4, seats: 1, candidates: [{ name: '甲' }] }] }), 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.BAD_MATTER' })
    expect(await h.call('assembly-call', newAssembly({ motions: [{ title: 'x', matter: 3, seats: 3, candidates: [{ name: '甲' }] }] }), 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.BAD_SEATS' })
    expect(h.snapshot()).toBe(before)

    const { assemblyId } = expectOk(await h.call('assembly-call', newAssembly(), 'p-li-jianguo'))
    const a = await get('p-zhang-wei', assemblyId)
    expect(a.phase).toBe('noticed')
    expect(a.motions.map((m) => [m.matter, m.threshold])).toEqual([[4, 'ordinary'], [7, 'special'], [3, 'ordinary']])
    expect(a.motions[2].election).toMatchObject({ seats: 2, candidates: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] })
    expect(a.rollVersion).toBeNull()
    expect(a.participation).toBeNull()
  })

  test('a notice shorter than the community minimum (15 days) needs a reason, which owners then see', async () => {
    const short = newAssembly({ opensAt: T0 + 15 * DAY_MS - 1 })
    const before = h.snapshot()
    expect(await h.call('assembly-call', short, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.NOTICE_TOO_SHORT' })
    expect(await h.call('assembly-call', { ...short, shortNoticeReason: '  ' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.NOTICE_TOO_SHORT' })
    expect(h.snapshot()).toBe(before)
    expectOk(await h.call('assembly-call', newAssembly({ opensAt: T0 + 15 * DAY_MS }), 'p-li-jianguo'))
    const { assemblyId } = expectOk(await h.call('assembly-call', { ...short, shortNoticeReason: '电梯停运，需尽快决定' }, 'p-li-jianguo'))
    expect((await get('p-zhang-wei', assemblyId)).shortNoticeReason).toBe('电梯停运，需尽快决定')
  })

  test('calling audits the call; owners are notified once when voting opens and once a day before it closes', async () => {
    const { assemblyId, auditSeq } = expectOk(await h.call('assembly-call', newAssembly(), 'p-li-jianguo'))
    const entry = (await h.ports.audit.all(C)).find((e) => e.seq === auditSeq)!
    expect(entry).toMatchObject({ action: 'assembly.call', subject: `assembly:${assemblyId}`, actorId: 'p-li-jianguo' })
    const sent = (kind: string) => h.ports.db.prepare('SELECT recipient_id FROM outbox WHERE kind = ? AND page LIKE ? ORDER BY recipient_id').pluck().all(kind, `%${assemblyId}`) as string[]
    expect(sent('vote.opened')).toEqual([])
    h.setNow(T0 + 16 * DAY_MS)
    await get('p-zhang-wei', assemblyId)
    await get('p-chen-jing', assemblyId)
    const owners = ['p-chen-jing', 'p-huang-meiling', 'p-li-jianguo', 'p-wang-xiuying', 'p-zhang-wei']
    expect(sent('vote.opened')).toEqual(owners)
    expect(sent('vote.closing')).toEqual([])
    h.setNow(T0 + 22 * DAY_MS)
    await get('p-zhang-wei', assemblyId)
    await get('p-zhang-wei', assemblyId)
    expect(sent('vote.closing')).toEqual(owners)
  })

  test('voting opens by server time: the roll version is fixed then, once, and audited', async () => {
    const { assemblyId } = expectOk(await h.call('assembly-call', newAssembly(), 'p-li-jianguo'))
    expect(await h.call('ballot-cast', { ...ref(assemblyId), votes: [{ motionId: `${assemblyId}-m1`, choice: 'agree' }] }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.NOT_OPEN' })
    h.setNow(T0 + 16 * DAY_MS)
    const a = await get('p-zhang-wei', assemblyId)
    expect(a).toMatchObject({ phase: 'open', rollVersion: 1, canVote: true })
    await get('p-zhang-wei', assemblyId)
    const opens = (await h.ports.audit.all(C)).filter((e) => e.action === 'assembly.open' && e.subject === `assembly:${assemblyId}`)
    expect(opens).toHaveLength(1)
    expect(opens[0].data).toMatchObject({ rollVersion: 1, total: { heads: 777 } })
  })
})

describe('timers: the host\'s jobs open voting and remind owners on time, with nobody calling', () => {
  test('opening at the start time and the reminder a day before the end go out once each, at the job\'s `now`', async () => {
    const { runJobs } = await import('../../src/cloud/kit/jobs')
    const { assemblyId } = expectOk(await h.call('assembly-call', newAssembly(), 'p-li-jianguo'))
    const opensAt = T0 + 16 * DAY_MS
    const closesAt = T0 + 23 * DAY_MS
    const sent = (kind: string) => h.ports.db.prepare('SELECT recipient_id, created_at FROM outbox WHERE kind = ? AND page LIKE ? ORDER BY recipient_id').all(kind, `%${assemblyId}`) as Array<{ recipient_id: string; created_at: number }>
    const opens = async () => (await h.ports.audit.all(C)).filter((e) => e.action === 'assembly.open' && e.subject === `assembly:${assemblyId}`)
    const owners = ['p-chen-jing', 'p-huang-meiling', 'p-li-jianguo', 'p-wang-xiuying', 'p-zhang-wei']

    await runJobs(h.ports, opensAt - 1)
    expect(sent('vote.opened')).toEqual([])
    expect(await opens()).toEqual([])
    await runJobs(h.ports, opensAt)
    await runJobs(h.ports, opensAt + 5 * 60_000)
    expect(sent('vote.opened')).toEqual(owners.map((recipient_id) => ({ recipient_id, created_at: opensAt })))
    expect((await opens()).map((e) => [e.at, e.data])).toEqual([[opensAt, expect.objectContaining({ rollVersion: 1, total: { area: 8094848, heads: 777 } })]])

    await runJobs(h.ports, closesAt - DAY_MS - 1)
    expect(sent('vote.closing')).toEqual([])
    await runJobs(h.ports, closesAt - DAY_MS)
    await runJobs(h.ports, closesAt - 60_000)
    expect(sent('vote.closing')).toEqual(owners.map((recipient_id) => ({ recipient_id, created_at: closesAt - DAY_MS })))
    const total = h.ports.db.prepare('SELECT COUNT(*) FROM outbox WHERE page LIKE ?').pluck().get(`%${assemblyId}`)
    await runJobs(h.ports, closesAt + DAY_MS)
    expect(h.ports.db.prepare('SELECT COUNT(*) FROM outbox WHERE page LIKE ?').pluck().get(`%${assemblyId}`)).toBe(total)
  })
})

describe('casting', () => {
  test('a multi-unit owner casts one ballot covering both units: one head, summed area, a receipt with a tracking code', async () => {
    const before = (await get()).participation!
    const receipt = expectOk(await h.call('ballot-cast', { ...ref(), votes: await allAgree() }, 'p-zhang-wei'))
    expect(receipt).toMatchObject({ channel: 'online', ownerKey: 'O0006', castAt: T0 })
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
    const after = (await get()).participation!
    const mine = (await get('p-zhang-wei')).mine[0]
    expect(mine.units.map((u) => u.unitNo)).toEqual(['0202', '0203'])
    expect(mine.area).toBe(mine.units[0].area + mine.units[1].area)
    expect(after.participating.heads - before.participating.heads).toBe(1)
    expect(after.participating.area - before.participating.area).toBe(mine.area)
    expect(mine.openMotionIds).toEqual([])
    expect(mine.cast.every((c) => c.trackingCode === receipt.trackingCode)).toBe(true)
    const entry = (await h.ports.audit.all(C)).find((e) => e.seq === receipt.auditSeq)!
    expect(entry).toMatchObject({ action: 'ballot.cast', actorId: 'p-zhang-wei', data: { voterKey: 'O0006', trackingCode: receipt.trackingCode, channel: 'online' } })
  })

  test('1,000 concurrent submissions for the same owner and motion: exactly one stored, the rest 已投票 with the first ballot’s time', async () => {
    const motionId = `${OPEN}-m1`
    const stored = ballotCount()
    let tick = T0
    // Every call gets its own server time, so "the first ballot's time" is a real claim.
    ;(h.ports as { now: () => number }).now = () => ++tick
    const results = await Promise.all(Array.from({ length: 1000 }, () => h.call('ballot-cast', { ...ref(), votes: [{ motionId, choice: 'agree' }] }, 'p-zhang-wei')))
    const ok = results.filter((r) => r.ok)
    expect(ok).toHaveLength(1)
    expect(ballotCount()).toBe(stored + 1)
    const row = h.ports.db.prepare('SELECT cast_at, channel FROM ballots WHERE motion_id = ? AND voter_key = ?').get(motionId, 'O0006') as { cast_at: number; channel: string }
    expect(ok[0].ok && ok[0].data.castAt).toBe(row.cast_at)
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST', details: { castAt: row.cast_at, channel: 'online' } })
      expect(r.ok ? '' : r.message).toMatch(/^已投票/)
    }
    expect(verifyChain(sha256, await h.ports.audit.all(C)).valid).toBe(true)
  })

  test('a ballot at the end time or later is refused by server time, whatever the client says; one millisecond before is taken', async () => {
    const a = await get()
    h.setNow(a.closesAt)
    const before = h.snapshot()
    const late = await h.call('ballot-cast', { ...ref(), votes: await allAgree() }, 'p-zhang-wei')
    expect(late).toMatchObject({ ok: false, code: 'VOTE.CLOSED' })
    expect(await h.call('ballot-cast', { ...ref(), votes: await allAgree(), castAt: a.closesAt - 1000 }, 'p-chen-jing')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(h.snapshot()).toBe(before)
    h.setNow(a.closesAt - 1)
    expect(expectOk(await h.call('ballot-cast', { ...ref(), votes: await allAgree() }, 'p-zhang-wei')).castAt).toBe(a.closesAt - 1)
  })

  test('a motion of another assembly is refused (VOTE.WRONG_ASSEMBLY), an unknown one too, nothing written', async () => {
    const other = (await get('p-sun-li', DEMO_CLOSED_ASSEMBLY)).motions[1].id
    const before = h.snapshot()
    const r = await h.call('ballot-cast', { ...ref(), votes: [{ motionId: `${OPEN}-m1`, choice: 'agree' }, { motionId: other, choice: 'agree' }] }, 'p-zhang-wei')
    expect(r).toMatchObject({ ok: false, code: 'VOTE.WRONG_ASSEMBLY' })
    expect(await h.call('ballot-cast', { ...ref(), votes: [{ motionId: 'nope', choice: 'agree' }] }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.UNKNOWN_MOTION' })
    expect(h.snapshot()).toBe(before)
  })

  test('a resident, property staff and a supervisor cannot vote, each told why; nothing written', async () => {
    await get()
    const before = h.snapshot()
    const votes = await allAgree()
    expect(await h.call('ballot-cast', { ...ref(), votes }, 'p-liu-yang')).toMatchObject({ ok: false, code: 'VOTE.RESIDENT' })
    expect(await h.call('ballot-cast', { ...ref(), votes }, 'p-zhao-lei')).toMatchObject({ ok: false, code: 'VOTE.NOT_OWNER' })
    expect(await h.call('ballot-cast', { ...ref(), votes }, 'p-sun-li')).toMatchObject({ ok: false, code: 'VOTE.NOT_OWNER' })
    // Naming someone else's owner key without a proxy is refused too.
    expect(await h.call('ballot-cast', { ...ref(), ownerKey: 'O0006', votes }, 'p-chen-jing')).toMatchObject({ ok: false, code: 'VOTE.NOT_PROXY' })
    expect(h.snapshot()).toBe(before)
  })

  test('an election ballot approves at most the number of seats', async () => {
    h.setNow(T0)
    const { assemblyId } = expectOk(await h.call('assembly-call', newAssembly({ opensAt: T0 + 15 * DAY_MS }), 'p-li-jianguo'))
    h.setNow(T0 + 15 * DAY_MS)
    const m3 = `${assemblyId}-m3`
    const before = (await get('p-sun-li', assemblyId), h.snapshot())
    expect(await h.call('ballot-cast', { ...ref(assemblyId), votes: [{ motionId: m3, approve: ['c1', 'c2', 'c3'] }] }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.TOO_MANY_CANDIDATES' })
    expect(await h.call('ballot-cast', { ...ref(assemblyId), votes: [{ motionId: m3, approve: ['c9'] }] }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.UNKNOWN_CANDIDATE' })
    expect(await h.call('ballot-cast', { ...ref(assemblyId), votes: [{ motionId: m3, choice: 'agree' }] }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.BAD_CHOICE' })
    expect(h.snapshot()).toBe(before)
    expectOk(await h.call('ballot-cast', { ...ref(assemblyId), votes: [{ motionId: m3, approve: ['c1', 'c3'], oppose: ['c2'] }] }, 'p-zhang-wei'))
  })
})

describe('paper ballots', () => {
  test('only the committee enters them; the same one-per-owner key applies across channels, naming the first', async () => {
    const votes = await allAgree()
    const paper = { ...ref(), building: '1栋', unitNo: '0203', votes, photo: await uploadAs('p-li-jianguo') }
    for (const who of ['p-zhang-wei', 'p-sun-li', 'p-zhao-lei']) expect(await h.call('ballot-paper', paper, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const receipt = expectOk(await h.call('ballot-paper', paper, 'p-li-jianguo'))
    // 1栋0203 is 张伟's second unit: the paper ballot is his, for both units.
    expect(receipt).toMatchObject({ channel: 'paper', ownerKey: 'O0006' })
    const row = h.ports.db.prepare('SELECT photo FROM ballots WHERE voter_key = ? LIMIT 1').get('O0006') as { photo: string }
    expect(row.photo).toBe(paper.photo)
    h.setNow(T0 + 60_000)
    const before = h.snapshot()
    const online = await h.call('ballot-cast', { ...ref(), votes }, 'p-zhang-wei')
    expect(online).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST', details: { channel: 'paper', castAt: T0 } })
    expect(online.ok ? '' : online.message).toContain('纸质选票')
    expect(await h.call('ballot-paper', { ...paper, unitNo: '0202' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST' })
    expect(await h.call('ballot-paper', { ...paper, unitNo: '9999' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.UNKNOWN_UNIT' })
    expect(h.snapshot()).toBe(before)
  })

  test('the ballot photo must be a photo the member entering it uploaded here; anything else is refused, nothing written', async () => {
    const votes = await allAgree()
    const paper = { ...ref(), building: '4栋', unitNo: '0302', votes }
    const others = await uploadAs('p-huang-meiling')
    const pdf = await uploadAs('p-li-jianguo', 'document')
    const before = h.snapshot()
    expect(await h.call('ballot-paper', { ...paper, photo: 'paper/4-0302.jpg' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.PHOTO_NOT_FOUND' })
    // Another committee member's upload is theirs to attach, not this member's.
    expect(await h.call('ballot-paper', { ...paper, photo: others }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.PHOTO_NOT_FOUND' })
    expect(await h.call('ballot-paper', { ...paper, photo: pdf }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.PHOTO_WRONG_TYPE' })
    expect(h.snapshot()).toBe(before)
    expectOk(await h.call('ballot-paper', { ...paper, photo: others }, 'p-huang-meiling'))
  })
})

describe('proxies', () => {
  let letter = ''
  beforeEach(async () => { letter = await uploadAs('p-zhang-wei') })
  const grant = (over: Record<string, unknown> = {}) => ({ ...ref(), proxyPersonId: 'p-chen-jing', letterPhoto: letter, ...over })

  test('an owner names a proxy who votes for them (channel proxy, the 委托书 photo on the ballot); the owner cannot then revoke', async () => {
    const { auditSeq } = expectOk(await h.call('proxy-grant', grant(), 'p-zhang-wei'))
    expect((await h.ports.audit.all(C)).find((e) => e.seq === auditSeq)).toMatchObject({ action: 'proxy.grant', actorId: 'p-zhang-wei', data: { voterKey: 'O0006', proxyPersonId: 'p-chen-jing', letterPhoto: letter } })
    const chen = await get('p-chen-jing')
    expect(chen.mine.map((m) => [m.ownerKey, m.as])).toEqual([['O0250', 'owner'], ['O0006', 'proxy']])
    expect(chen.mine[1].proxy).toMatchObject({ grantedByName: '张*', motionIds: null })
    expect((await get('p-zhang-wei')).mine[0].proxy).toMatchObject({ proxyPersonId: 'p-chen-jing', proxyName: '陈*', revokedAt: null })
    const r = expectOk(await h.call('ballot-cast', { ...ref(), ownerKey: 'O0006', votes: await allAgree() }, 'p-chen-jing'))
    expect(r).toMatchObject({ channel: 'proxy', ownerKey: 'O0006' })
    const row = h.ports.db.prepare('SELECT cast_by, photo FROM ballots WHERE voter_key = ? LIMIT 1').get('O0006')
    expect(row).toEqual({ cast_by: 'p-chen-jing', photo: letter })
    expect(await h.call('proxy-revoke', ref(), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST' })
    // And the owner's own attempt is the duplicate it is.
    expect(await h.call('ballot-cast', { ...ref(), votes: await allAgree() }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST', details: { channel: 'proxy' } })
  })

  test('a proxy can be named once the notice is published, before voting opens; it is revocable then, and the proxy votes once it opens', async () => {
    const { assemblyId } = expectOk(await h.call('assembly-call', newAssembly(), 'p-li-jianguo'))
    const at = ref(assemblyId)
    const first = expectOk(await h.call('proxy-grant', { ...at, proxyPersonId: 'p-chen-jing', letterPhoto: letter }, 'p-zhang-wei'))
    // During the notice period the owner and the proxy both see it, and nobody can vote yet.
    const owner = await get('p-zhang-wei', assemblyId)
    expect(owner).toMatchObject({ phase: 'noticed', canVote: false, rollVersion: null })
    expect(owner.mine).toEqual([expect.objectContaining({ ownerKey: 'O0006', as: 'owner', proxy: expect.objectContaining({ proxyName: '陈*' }) })])
    expect(owner.mine[0].units.map((u) => u.unitNo)).toEqual(['0202', '0203'])
    const proxyView = await get('p-chen-jing', assemblyId)
    expect(proxyView.mine.map((m) => [m.ownerKey, m.as, m.units.length])).toEqual([['O0250', 'owner', 1], ['O0006', 'proxy', 2]])
    expect(await h.call('ballot-cast', { ...at, ownerKey: 'O0006', votes: [{ motionId: `${assemblyId}-m1`, choice: 'agree' }] }, 'p-chen-jing')).toMatchObject({ ok: false, code: 'VOTE.NOT_OPEN' })
    // Changing one's mind during the notice: revoke, name another.
    expectOk(await h.call('proxy-revoke', at, 'p-zhang-wei'))
    expect(await h.call('proxy-revoke', at, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.NO_PROXY' })
    expectOk(await h.call('proxy-grant', { ...at, proxyPersonId: 'p-liu-yang', letterPhoto: letter }, 'p-zhang-wei'))
    const grants = (await h.ports.audit.all(C)).filter((e) => e.subject === `assembly:${assemblyId}` && e.action.startsWith('proxy.')).map((e) => e.action)
    expect(grants).toEqual(['proxy.grant', 'proxy.revoke', 'proxy.grant'])
    expect(first.auditSeq).toBeGreaterThan(0)

    h.setNow(T0 + 16 * DAY_MS)
    expect((await get('p-chen-jing', assemblyId)).mine.map((m) => m.ownerKey)).toEqual(['O0250'])
    // His tenant, named as proxy, votes for him once voting opens: one head, both units' area.
    const liu = await get('p-liu-yang', assemblyId)
    expect(liu.mine).toEqual([expect.objectContaining({ ownerKey: 'O0006', as: 'proxy' })])
    expect(liu.canVote).toBe(true)
    const r = expectOk(await h.call('ballot-cast', { ...at, ownerKey: 'O0006', votes: [{ motionId: `${assemblyId}-m1`, choice: 'agree' }] }, 'p-liu-yang'))
    expect(r.channel).toBe('proxy')
    expect((await get('p-sun-li', assemblyId)).participation!.participating).toEqual({ heads: 1, area: owner.mine[0].area })
  })

  test('after voting closes a proxy can no longer be named or revoked (VOTE.CLOSED)', async () => {
    expectOk(await h.call('proxy-grant', grant(), 'p-zhang-wei'))
    const chens = await uploadAs('p-chen-jing')
    h.setNow((await get()).closesAt)
    const before = h.snapshot()
    expect(await h.call('proxy-revoke', ref(), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.CLOSED' })
    expect(await h.call('proxy-grant', grant({ proxyPersonId: 'p-wang-xiuying', letterPhoto: chens }), 'p-chen-jing')).toMatchObject({ ok: false, code: 'VOTE.CLOSED' })
    expect(h.snapshot()).toBe(before)
  })

  test('the 委托书 must be a photo the owner uploaded here; the proxy must be bound to a unit here; each refusal writes nothing', async () => {
    const pdf = await uploadAs('p-zhang-wei', 'document')
    const chens = await uploadAs('p-chen-jing')
    const before = h.snapshot()
    expect(await h.call('proxy-grant', grant({ letterPhoto: 'f_000000000000000000000000' }), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.PHOTO_NOT_FOUND' })
    expect(await h.call('proxy-grant', grant({ letterPhoto: chens }), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.PHOTO_NOT_FOUND' })
    expect(await h.call('proxy-grant', grant({ letterPhoto: pdf }), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.PHOTO_WRONG_TYPE' })
    // Property staff and supervisors hold no unit here.
    for (const p of ['p-zhao-lei', 'p-sun-li', 'p-nobody']) expect(await h.call('proxy-grant', grant({ proxyPersonId: p }), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.PROXY_NOT_MEMBER' })
    expect(h.snapshot()).toBe(before)
  })

  test('a revoked proxy cannot vote: VOTE.PROXY_REVOKED, nothing written', async () => {
    expectOk(await h.call('proxy-grant', grant(), 'p-zhang-wei'))
    expectOk(await h.call('proxy-revoke', ref(), 'p-zhang-wei'))
    const before = h.snapshot()
    expect(await h.call('ballot-cast', { ...ref(), ownerKey: 'O0006', votes: await allAgree() }, 'p-chen-jing')).toMatchObject({ ok: false, code: 'VOTE.PROXY_REVOKED' })
    expect(h.snapshot()).toBe(before)
  })

  test('a proxy for chosen motions may vote only on those', async () => {
    expectOk(await h.call('proxy-grant', grant({ motionIds: [`${OPEN}-m1`] }), 'p-zhang-wei'))
    const before = h.snapshot()
    expect(await h.call('ballot-cast', { ...ref(), ownerKey: 'O0006', votes: await allAgree() }, 'p-chen-jing')).toMatchObject({ ok: false, code: 'VOTE.PROXY_SCOPE' })
    expect(h.snapshot()).toBe(before)
    expectOk(await h.call('ballot-cast', { ...ref(), ownerKey: 'O0006', votes: [{ motionId: `${OPEN}-m1`, choice: 'oppose' }] }, 'p-chen-jing'))
    // The owner still votes the rest himself.
    const mine = (await get('p-zhang-wei')).mine[0]
    expect(mine.openMotionIds).toEqual([`${OPEN}-m2`, `${OPEN}-m3`])
  })

  test('a proxy over the community cap is refused (VOTE.PROXY_CAP) with the cap in the message, nothing written', async () => {
    h.ports.db.prepare('UPDATE communities SET settings = ? WHERE id = ?').run(JSON.stringify({ voting: { proxyCap: 1 } }), C)
    expectOk(await h.call('proxy-grant', grant({ proxyPersonId: 'p-huang-meiling' }), 'p-zhang-wei'))
    const chens = await uploadAs('p-chen-jing')
    const before = h.snapshot()
    const capped = await h.call('proxy-grant', grant({ proxyPersonId: 'p-huang-meiling', letterPhoto: chens }), 'p-chen-jing')
    expect(capped).toMatchObject({ ok: false, code: 'VOTE.PROXY_CAP', details: { cap: 1 } })
    expect(capped.ok ? '' : capped.message).toContain('每人最多代理 1 位')
    expect(await h.call('proxy-grant', grant({ proxyPersonId: 'p-zhang-wei' }), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.PROXY_SELF' })
    expect(await h.call('proxy-grant', grant(), 'p-liu-yang')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(h.snapshot()).toBe(before)
  })

  test('finding a proxy: everyone bound to a unit, or exactly this full name; names masked, a name search shows only the building', async () => {
    const byUnit = expectOk(await h.call('proxy-find', { communityId: C, building: '1栋', unitNo: '0203' }, 'p-chen-jing'))
    expect(byUnit).toEqual([
      { personId: 'p-zhang-wei', name: '张*', relation: 'owner', where: '1栋0203' },
      { personId: 'p-liu-yang', name: '刘*', relation: 'resident', where: '1栋0203' },
    ])
    expect(expectOk(await h.call('proxy-find', { communityId: C, name: '王秀英' }, 'p-zhang-wei'))).toEqual([{ personId: 'p-wang-xiuying', name: '王*英', relation: 'owner', where: '1栋' }])
    // Part of a name finds nobody, and nobody finds themselves.
    expect(expectOk(await h.call('proxy-find', { communityId: C, name: '王' }, 'p-zhang-wei'))).toEqual([])
    expect(expectOk(await h.call('proxy-find', { communityId: C, name: '张伟' }, 'p-zhang-wei'))).toEqual([])
    // Staff hold no unit: not offered as proxies.
    expect(expectOk(await h.call('proxy-find', { communityId: C, name: '赵磊' }, 'p-zhang-wei'))).toEqual([])
    expect(await h.call('proxy-find', { communityId: C, building: '1栋' }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.call('proxy-find', { communityId: C, name: '王秀英' }, 'p-liu-yang')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('sealed until counted, then the result, objections and certification', () => {
  test('while open nobody — committee included — sees choices; counting before the end is refused', async () => {
    for (const who of ['p-li-jianguo', 'p-sun-li', 'p-zhang-wei']) {
      expect(await h.call('ballot-list', ref(), who)).toMatchObject({ ok: false, code: 'VOTE.SEALED' })
      expect(await h.call('assembly-export', ref(), who)).toMatchObject({ ok: false, code: 'VOTE.SEALED' })
      const a = await get(who)
      expect(a.result).toBeNull()
      expect(JSON.stringify(a)).not.toMatch(/"agree"|"oppose"|"abstain"/)
    }
    expect(await h.call('assembly-close', ref(), 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.STILL_OPEN' })
  })

  test('close → preliminary result from the domain tally; objection window; committee resolves; certified; export recounts the same', async () => {
    const votes = await allAgree()
    const receipt = expectOk(await h.call('ballot-cast', { ...ref(), votes }, 'p-zhang-wei'))
    expectOk(await h.call('ballot-cast', { ...ref(), votes: votes.map((v) => ({ ...v, choice: 'oppose' as const })) }, 'p-chen-jing'))
    const a = await get()
    h.setNow(a.closesAt)
    expect(await h.call('assembly-close', ref(), 'p-zhang-wei')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const prelim = expectOk(await h.call('assembly-close', ref(), 'p-li-jianguo'))
    expect(prelim.stage).toBe('preliminary')
    expect(prelim.objectionUntil).toBe(a.closesAt + 7 * DAY_MS)
    expect(await h.call('assembly-close', ref(), 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.ALREADY_COUNTED' })
    const m1 = prelim.count.motions[0]
    expect(m1.kind).toBe('motion')
    if (m1.kind !== 'motion') throw new Error('motion expected')
    // 240 demo paper ballots + 张伟 + 陈静; 242 of 777 heads is short of the 2/3 line.
    expect(m1.result.published.participating.heads).toBe(242)
    expect(m1.result.published.quorumMet).toBe(false)
    expect(m1.result.published.passed).toBe(false)

    // The published list shows the receipt's code with its choices, no unit by default.
    const list = expectOk(await h.call('ballot-list', ref(), 'p-zhang-wei'))
    const mine = list.find((b) => b.trackingCode === receipt.trackingCode)!
    expect(mine).toMatchObject({ units: null, channel: 'online' })
    expect(mine.choices.map((c) => c.choice)).toEqual(['agree', 'agree', 'agree'])

    // 询异: only one's own ballot.
    const other = list.find((b) => b.trackingCode !== receipt.trackingCode)!.trackingCode
    const before = h.snapshot()
    expect(await h.call('objection-file', { ...ref(), trackingCode: other, text: '不是我的票' }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.NOT_YOUR_BALLOT' })
    expect(h.snapshot()).toBe(before)
    const { objectionId } = expectOk(await h.call('objection-file', { ...ref(), trackingCode: receipt.trackingCode.toLowerCase(), text: '我投的是反对' }, 'p-zhang-wei'))
    expect(await h.call('assembly-certify', ref(), 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.OBJECTION_WINDOW' })
    h.setNow(a.closesAt + 7 * DAY_MS)
    expect(await h.call('objection-file', { ...ref(), trackingCode: receipt.trackingCode, text: '再提一次' }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'VOTE.OBJECTION_CLOSED' })
    expect(await h.call('assembly-certify', ref(), 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.OBJECTIONS_OPEN' })
    expect(await h.call('objection-resolve', { ...ref(), objectionId, resolution: 'dismissed', reason: '核对审计记录与选票，与本人提交一致' }, 'p-zhang-wei')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expectOk(await h.call('objection-resolve', { ...ref(), objectionId, resolution: 'dismissed', reason: '核对审计记录与选票，与本人提交一致' }, 'p-li-jianguo'))
    expect(await h.call('objection-resolve', { ...ref(), objectionId, resolution: 'upheld', reason: '改判' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.OBJECTION_RESOLVED' })
    const certified = expectOk(await h.call('assembly-certify', ref(), 'p-li-jianguo'))
    expect(certified).toMatchObject({ stage: 'certified', objections: { filed: 1, open: 0, upheld: 0 } })
    const seen = await get('p-zhang-wei')
    expect(seen.phase).toBe('certified')
    expect(seen.objections).toEqual([expect.objectContaining({ resolution: 'dismissed', reason: '核对审计记录与选票，与本人提交一致' })])
    expect((await get('p-chen-jing')).objections).toEqual([])

    const chain = await h.ports.audit.all(C)
    expect(verifyChain(sha256, chain).valid).toBe(true)
    expect(chain.filter((e) => e.subject === `assembly:${OPEN}`).map((e) => e.action).slice(-5)).toEqual(['ballot.cast', 'result.preliminary', 'objection.file', 'objection.resolve', 'result.certify'])
    expectSameRecount(expectOk(await h.call('assembly-export', ref(), 'p-sun-li')).files, certified.count)
  })

  test('the demo election exports and recounts to the published per-candidate tallies', async () => {
    const a = await get('p-zhang-wei', DEMO_CLOSED_ASSEMBLY)
    expect(a.phase).toBe('certified')
    const election = a.result!.count.motions[0]
    if (election.kind !== 'election') throw new Error('election expected')
    expect(election.election.elected).toEqual(['c1', 'c2', 'c3'])
    expectSameRecount(expectOk(await h.call('assembly-export', ref(DEMO_CLOSED_ASSEMBLY), 'p-zhang-wei')).files, a.result!.count)
  })
})

describe('an upheld objection corrects the count, never the ballot', () => {
  // Three owners vote on a new assembly; areas from the demo roll:
  // 张伟 O0006 = 1栋0202 102.06 + 1栋0203 118.91 = 220.97 m²; 陈静 O0250 = 102.38 m²; 李建国 O0001 = 89.10 m².
  const ZHANG = 22097
  const CHEN = 10238
  const LI = 8910
  const motionTally = (count: AssemblyCount, i: number) => {
    const o = count.motions[i]
    if (o.kind !== 'motion') throw new Error('motion expected')
    return o.result.published
  }

  test('the committee records the corrected choice; the preliminary count is recomputed, the list shows it, certification and export use it', async () => {
    const { assemblyId } = expectOk(await h.call('assembly-call', newAssembly(), 'p-li-jianguo'))
    const at = ref(assemblyId)
    const [m1, m2, m3] = [1, 2, 3].map((i) => `${assemblyId}-m${i}`)
    h.setNow(T0 + 16 * DAY_MS)
    const zhang = expectOk(await h.call('ballot-cast', { ...at, votes: [{ motionId: m1, choice: 'agree' }, { motionId: m2, choice: 'agree' }] }, 'p-zhang-wei'))
    expectOk(await h.call('ballot-cast', { ...at, votes: [{ motionId: m1, choice: 'oppose' }, { motionId: m2, choice: 'agree' }] }, 'p-chen-jing'))
    expectOk(await h.call('ballot-cast', { ...at, votes: [{ motionId: m1, choice: 'agree' }, { motionId: m2, choice: 'abstain' }] }, 'p-li-jianguo'))
    h.setNow(T0 + 23 * DAY_MS)
    const prelim = expectOk(await h.call('assembly-close', at, 'p-li-jianguo'))
    // Before: agree 张伟 + 李建国, oppose 陈静.
    expect(motionTally(prelim.count, 0)).toMatchObject({ participating: { heads: 3, area: ZHANG + CHEN + LI }, agree: { heads: 2, area: ZHANG + LI }, oppose: { heads: 1, area: CHEN }, abstain: { heads: 0, area: 0 } })

    const { objectionId } = expectOk(await h.call('objection-file', { ...at, trackingCode: zhang.trackingCode, text: '议案 1 我投的是反对，纸质底稿上有我的签名' }, 'p-zhang-wei'))
    const second = expectOk(await h.call('objection-file', { ...at, trackingCode: zhang.trackingCode, text: '再说一遍：议案 1 是反对' }, 'p-zhang-wei')).objectionId
    const resolve = (over: Record<string, unknown>) => h.call('objection-resolve', { ...at, objectionId, resolution: 'upheld', reason: '核对签名底稿，业主所述属实', ...over }, 'p-li-jianguo')
    const before = h.snapshot()
    expect(await resolve({ resolution: 'dismissed', corrections: [{ motionId: m1, choice: 'oppose' }] })).toMatchObject({ ok: false, code: 'VOTE.CORRECTION_NOT_UPHELD' })
    expect(await resolve({ corrections: [{ motionId: m3, approve: ['c1'] }] })).toMatchObject({ ok: false, code: 'VOTE.CORRECTION_NOT_IN_BALLOT' })
    expect(await resolve({ corrections: [{ motionId: m1, choice: 'agree' }] })).toMatchObject({ ok: false, code: 'VOTE.CORRECTION_SAME' })
    expect(await resolve({ corrections: [{ motionId: m1, choice: 'maybe' }] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(h.snapshot()).toBe(before)

    const { auditSeq } = expectOk(await resolve({ corrections: [{ motionId: m1, choice: 'oppose' }] }))
    expect((await h.ports.audit.all(C)).find((e) => e.seq === auditSeq)).toMatchObject({
      action: 'objection.resolve', actorId: 'p-li-jianguo',
      data: { objectionId, trackingCode: zhang.trackingCode, resolution: 'upheld', corrections: [{ motionId: m1, from: { choice: 'agree' }, to: { choice: 'oppose' } }] },
    })
    // The ballot as cast is still there, unchanged, and can be neither changed nor deleted; nor can the correction.
    expect(h.ports.db.prepare('SELECT choice FROM ballots WHERE motion_id = ? AND voter_key = ?').pluck().get(m1, 'O0006')).toBe('agree')
    expect(() => h.ports.db.prepare("UPDATE ballot_corrections SET choice = 'agree'").run()).toThrow('cannot be changed')
    expect(() => h.ports.db.prepare('DELETE FROM ballot_corrections').run()).toThrow('cannot be deleted')
    // A second upheld objection cannot correct the same motion of the same ballot again.
    const again = h.snapshot()
    expect(await h.call('objection-resolve', { ...at, objectionId: second, resolution: 'upheld', reason: '同上', corrections: [{ motionId: m1, choice: 'abstain' }] }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CORRECTED' })
    expect(h.snapshot()).toBe(again)
    expectOk(await h.call('objection-resolve', { ...at, objectionId: second, resolution: 'dismissed', reason: '与前一条异议相同，已更正' }, 'p-li-jianguo'))

    // After: 张伟 moves from agree to oppose; participation is unchanged; motion 2 untouched.
    const seen = (await get('p-chen-jing', assemblyId)).result!
    expect(seen.stage).toBe('preliminary')
    expect(motionTally(seen.count, 0)).toMatchObject({ participating: { heads: 3, area: ZHANG + CHEN + LI }, agree: { heads: 1, area: LI }, oppose: { heads: 2, area: ZHANG + CHEN } })
    expect(motionTally(seen.preliminary!, 0)).toEqual(motionTally(prelim.count, 0))
    expect(motionTally(seen.count, 1)).toEqual(motionTally(prelim.count, 1))
    expect(seen.corrections).toEqual([{ objectionId, trackingCode: zhang.trackingCode, motionId: m1, from: { choice: 'agree' }, to: { choice: 'oppose' }, reason: '核对签名底稿，业主所述属实', correctedAt: T0 + 23 * DAY_MS }])
    const listed = expectOk(await h.call('ballot-list', at, 'p-chen-jing')).find((b) => b.trackingCode === zhang.trackingCode)!
    expect(listed.choices).toEqual([
      { motionId: m1, choice: 'agree', corrected: { to: { choice: 'oppose' }, correctedAt: T0 + 23 * DAY_MS } },
      { motionId: m2, choice: 'agree' },
    ])

    h.setNow(T0 + 30 * DAY_MS)
    const certified = expectOk(await h.call('assembly-certify', at, 'p-li-jianguo'))
    expect(certified).toMatchObject({ stage: 'certified', objections: { filed: 2, open: 0, upheld: 1 } })
    expect(motionTally(certified.count, 0)).toEqual(motionTally(seen.count, 0))
    const certify = (await h.ports.audit.all(C)).filter((e) => e.action === 'result.certify').pop()!
    expect(certify.data).toMatchObject({ corrections: 1, count: certified.count })
    const files = expectOk(await h.call('assembly-export', at, 'p-zhang-wei')).files
    expect(files['corrections.csv']).toBe(`unit_id,motion_id,recorded,corrected,objection_id\n1栋-0202,${m1},agree,oppose,${objectionId}\n`)
    expectSameRecount(files, certified.count)
    expect(JSON.parse(files['result.json']).current.count).toEqual(certified.count)
  })
})
