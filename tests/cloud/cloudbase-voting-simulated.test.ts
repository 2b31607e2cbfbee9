// The CloudBase voting adapter (src/cloud/kit/cloudbase/voting.ts) with
// WeChat's cloud SIMULATED by the in-memory fake of wx-server-sdk
// (tests/support/fake-wx-cloud.ts): the same assembly, run through the real
// cloud functions, answers exactly as on SQLite; ballots are refused by
// their _id (either form of the duplicate error) and the first ballot is
// named; the queries it builds (aggregation for sums, pages of 100 for lists).
import { COLLECTIONS, ids } from '../../src/cloud/kit/cloudbase/collections'
import { sha256 } from '../../src/cloud/kit/sha256'
import type { Submission } from '../../src/cloud/kit/voting-port'
import type { Result } from '../../src/contracts/result'
import { verifyChain } from '../../src/domain/audit-chain'
import { DEVELOPER_HEAD } from '../../src/domain/roll'
import { DAY_MS } from '../../src/domain/voting/assembly'
import { DEMO_COMMUNITY_ID, demoRoll } from '../../src/seed/demo-community'
import { fakeWxCloud } from '../support/fake-wx-cloud'
import { cloudbasePlatform, data, expectSameLogs, numberTokens, recorder, sqlitePlatform, type Platform } from '../support/platforms'

jest.setTimeout(60_000)
const C = DEMO_COMMUNITY_ID
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0)
const OPENS = T0 + 16 * DAY_MS
const CLOSES = T0 + 23 * DAY_MS
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3])
/** The port stores a proxy's letter as given (the function checks the photo first). */
const LETTER = `f_${'ab'.repeat(12)}`

/**
 * One assembly from call to certification, with the refusals along the way;
 * every answer is logged. Everything random (ids, tracking codes) is
 * replaced by its order of appearance before two logs are compared.
 */
async function scenario(p: Platform): Promise<unknown[]> {
  const { log, run } = recorder(p)
  const called = data(await run('assembly-call', {
    communityId: C, title: '2026 年业主大会', notice: '请全体业主参加表决', opensAt: OPENS, closesAt: CLOSES,
    motions: [{ title: '续聘物业', matter: 4 }, { title: '改建车库', matter: 7 }, { title: '增补委员', matter: 3, seats: 2, candidates: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] }],
  }, 'p-li-jianguo'))
  const ref = { communityId: C, assemblyId: called.assemblyId as string }
  const [m1, m2, m3] = called.motionIds as string[]
  // Photos (委托书, paper ballots) are the uploader's own files in this community, as the phone sends them.
  const photo = async (who: string) => data(await p.call('file-upload', { communityId: C, purpose: 'photo', name: `${who}.jpg`, bytes: JPEG }, who)).fileId as string
  const all = (choice: 'agree' | 'oppose') => [{ motionId: m1, choice }, { motionId: m2, choice }, { motionId: m3, approve: ['c1', 'c2'], oppose: ['c3'] }]
  await run('assembly-list', { communityId: C }, 'p-zhang-wei')
  await run('ballot-cast', { ...ref, votes: all('agree') }, 'p-zhang-wei') // not open yet

  p.setNow(OPENS + 3_600_000)
  await run('assembly-get', ref, 'p-zhang-wei') // opens voting
  const letter = await photo('p-chen-jing')
  await run('proxy-grant', { ...ref, proxyPersonId: 'p-wang-xiuying', letterPhoto: letter }, 'p-chen-jing')
  await run('proxy-grant', { ...ref, proxyPersonId: 'p-wang-xiuying', letterPhoto: letter }, 'p-chen-jing') // one standing proxy per owner
  // A minute between ballots: the published list is in casting order (tracking codes are random).
  let minute = 120
  const tick = () => p.setNow(OPENS + minute++ * 60_000)
  const paper = await photo('p-li-jianguo')
  tick()
  const mine = data(await run('ballot-cast', { ...ref, votes: all('agree') }, 'p-zhang-wei'))
  await run('ballot-cast', { ...ref, votes: all('oppose') }, 'p-zhang-wei') // 已投票
  await run('ballot-paper', { ...ref, building: '1栋', unitNo: '0203', votes: all('oppose'), photo: paper }, 'p-li-jianguo') // his other unit: same owner
  tick()
  await run('ballot-paper', { ...ref, building: '1栋', unitNo: '0101', votes: all('oppose'), photo: paper }, 'p-li-jianguo')
  await run('ballot-cast', { ...ref, votes: all('agree') }, 'p-li-jianguo') // his paper ballot came first
  tick()
  await run('ballot-cast', { ...ref, ownerKey: 'O0250', votes: all('agree') }, 'p-wang-xiuying') // as proxy
  await run('proxy-revoke', { ...ref }, 'p-chen-jing') // too late: the proxy voted
  tick()
  await run('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'abstain' }] }, 'p-huang-meiling') // one motion now…
  tick()
  await run('ballot-cast', { ...ref, votes: [{ motionId: m2, choice: 'oppose' }, { motionId: m3, approve: ['c3'], oppose: [] }] }, 'p-huang-meiling') // …the rest later
  await run('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'agree' }] }, 'p-huang-meiling') // but never m1 twice
  await run('assembly-get', ref, 'p-sun-li')
  await run('assembly-close', ref, 'p-li-jianguo') // still open

  p.setNow(CLOSES + 1)
  await run('ballot-cast', { ...ref, votes: all('agree') }, 'p-wang-xiuying') // late
  const closed = data(await run('assembly-close', ref, 'p-li-jianguo'))
  await run('assembly-close', ref, 'p-huang-meiling') // counted already
  await run('ballot-list', ref, 'p-sun-li')
  const filed = data(await run('objection-file', { ...ref, trackingCode: mine.trackingCode, text: '续聘物业我投的是反对' }, 'p-zhang-wei'))
  p.setNow(CLOSES + 60_000) // objections list in filing order (their ids are random)
  const again = data(await run('objection-file', { ...ref, trackingCode: mine.trackingCode, text: '再次申请更正续聘物业' }, 'p-zhang-wei'))
  await run('assembly-certify', ref, 'p-li-jianguo') // objection window
  await run('objection-resolve', { ...ref, objectionId: filed.objectionId, resolution: 'upheld', reason: '核对录音，确为反对', corrections: [{ motionId: m1, choice: 'oppose' }] }, 'p-li-jianguo')
  await run('objection-resolve', { ...ref, objectionId: filed.objectionId, resolution: 'dismissed', reason: '重复处理' }, 'p-li-jianguo') // resolved already
  await run('objection-resolve', { ...ref, objectionId: again.objectionId, resolution: 'upheld', reason: '再更正一次', corrections: [{ motionId: m1, choice: 'abstain' }] }, 'p-li-jianguo') // one correction per ballot
  await run('objection-resolve', { ...ref, objectionId: again.objectionId, resolution: 'dismissed', reason: '已更正过' }, 'p-li-jianguo')
  await run('assembly-get', ref, 'p-sun-li') // the count with the correction applied, before certification
  p.setNow((closed.objectionUntil as number) + 1)
  await run('assembly-certify', ref, 'p-li-jianguo')
  await run('assembly-get', ref, 'p-zhang-wei')
  await run('assembly-list', { communityId: C }, 'p-sun-li')
  const exported = data(await p.call('assembly-export', ref, 'p-sun-li'))
  const { 'audit.json': audit, ...files } = exported.files
  log.push(['assembly-export', files, JSON.parse(audit).verdict.valid])
  return log
}

const normalise = (log: unknown): string =>
  numberTokens(JSON.stringify(log), /(asm|px|obj)-[0-9a-f]{16}(?![0-9a-f])|f_[0-9a-f]{24}|\b[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}\b/g, (m) => (m.length === 11 ? 'code' : m.split(/[-_]/)[0]))

// Notices without a subscription template are logged and skipped; not what these tests check.
beforeEach(() => { jest.spyOn(console, 'warn').mockImplementation(() => undefined) })
afterEach(() => jest.restoreAllMocks())

describe('WeChat cloud simulated: voting answers as on SQLite', () => {
  test('an assembly from call to certification: every answer, refusal, count and export is the same', async () => {
    const sqlite = sqlitePlatform(T0)
    const cloudbase = await cloudbasePlatform(T0)
    try {
      const [expected, actual] = [await scenario(sqlite), await scenario(cloudbase)]
      expectSameLogs(actual, expected, normalise)
      // The log really holds what a person would check.
      const codes = (actual as Array<[string, string, Result<unknown>]>).filter((e) => e[2] && typeof e[2] === 'object' && 'ok' in e[2] && !e[2].ok).map((e) => (e[2] as { code: string }).code)
      expect(codes).toEqual([
        'VOTE.NOT_OPEN', 'VOTE.PROXY_EXISTS', 'VOTE.ALREADY_CAST', 'VOTE.ALREADY_CAST', 'VOTE.ALREADY_CAST', 'VOTE.ALREADY_CAST', 'VOTE.ALREADY_CAST',
        'VOTE.STILL_OPEN', 'VOTE.CLOSED', 'VOTE.ALREADY_COUNTED', 'VOTE.OBJECTION_WINDOW', 'VOTE.OBJECTION_RESOLVED', 'VOTE.ALREADY_CORRECTED',
      ])
      // Nothing about a vote is ever rewritten: every ballot document is the one first added.
      expect([...cloudbase.cloud.collections.get(COLLECTIONS.ballots)!.values()].every((r) => r.version === 1)).toBe(true)
      expect(verifyChain(sha256, await cloudbase.ports.audit.all(C)).valid).toBe(true)
    } finally {
      sqlite.close()
    }
  })
})

describe('WeChat cloud simulated: what the timers and the proxy finder ask, as on SQLite', () => {
  test('assemblies not yet closed, in every community, soonest to open first; the people bound to a unit\'s owner', async () => {
    const sqlite = sqlitePlatform(T0)
    const cloudbase = await cloudbasePlatform(T0)
    try {
      const answers = []
      for (const p of [sqlite, cloudbase]) {
        for (const [title, opens, closes] of [['三号', 20, 27], ['一号', 16, 23], ['二号', 18, 19]] as const) {
          data(await p.call('assembly-call', { communityId: C, title, notice: '公告', opensAt: T0 + opens * DAY_MS, closesAt: T0 + closes * DAY_MS, motions: [{ title: '续聘', matter: 4 }] }, 'p-li-jianguo'))
        }
        const titles = async (at: number) => (await p.ports.voting.unclosed(at)).map((a) => [a.title, a.opensAt])
        const dev = demoRoll().find((u) => u.developerUnsold)!
        answers.push({
          now: await titles(T0),
          afterSecond: await titles(T0 + 19 * DAY_MS),
          zhang: await p.ports.voting.ownersOfUnit(C, '1栋', '0203'),
          developer: await p.ports.voting.ownersOfUnit(C, dev.building, dev.unitNo),
          nobody: await p.ports.voting.ownersOfUnit(C, '99栋', '0101'),
        })
      }
      expect(answers[0]).toEqual({
        now: [['一号', T0 + 16 * DAY_MS], ['二号', T0 + 18 * DAY_MS], ['三号', T0 + 20 * DAY_MS]],
        afterSecond: [['一号', T0 + 16 * DAY_MS], ['三号', T0 + 20 * DAY_MS]],
        zhang: ['p-zhang-wei'], developer: [], nobody: [],
      })
      expect(answers[1]).toEqual(answers[0])
    } finally {
      sqlite.close()
    }
  })
})

/** An assembly called and opened through the real functions, on the simulated cloud. */
async function openedAssembly() {
  const p = await cloudbasePlatform(T0)
  const called = data(await p.call('assembly-call', {
    communityId: C, title: '测试大会', notice: '公告', opensAt: OPENS, closesAt: CLOSES,
    motions: [{ title: '续聘物业', matter: 4 }, { title: '改建车库', matter: 7 }],
  }, 'p-li-jianguo'))
  p.setNow(OPENS + 60_000)
  data(await p.call('assembly-get', { communityId: C, assemblyId: called.assemblyId }, 'p-sun-li'))
  const assemblyId = called.assemblyId as string
  const [m1, m2] = called.motionIds as string[]
  const ref = { communityId: C, assemblyId }
  const units = demoRoll()
  const areaOf = (ownerKey: string) => units.filter((u) => u.ownerKey === ownerKey && !u.developerUnsold).reduce((sum, u) => sum + u.area, 0)
  const submission = (voterKey: string, over: Partial<Submission> = {}): Submission => ({
    assemblyId, voterKey, area: areaOf(voterKey), channel: 'online', castBy: 'p-li-jianguo', castAt: OPENS + 120_000, trackingCode: 'ABCDE-FGHJK', photo: null, proxyId: null,
    rows: [{ motionId: m1, marks: { choice: 'agree' } }], ...over,
  })
  const draft = { communityId: C, actorId: 'p-li-jianguo', action: 'ballot.cast', subject: `assembly:${assemblyId}`, data: {} }
  const photo = async (who: string) => data(await p.call('file-upload', { communityId: C, purpose: 'photo', name: `${who}.jpg`, bytes: JPEG }, who)).fileId as string
  return { ...p, ref, assemblyId, m1, m2, units, areaOf, submission, draft, photo }
}

describe('WeChat cloud simulated: one ballot per owner per motion, refused by the database', () => {
  test.each(['E11000', 'DATABASE_DUPLICATE_WRITE'] as const)('a later ballot on a motion already voted (%s) is refused whole, writes nothing, and names the first ballot', async (style) => {
    const a = await openedAssembly()
    a.cloud.duplicateStyle = style
    a.setNow(OPENS + 3_600_000)
    data(await a.call('ballot-cast', { ...a.ref, votes: [{ motionId: a.m1, choice: 'agree' }] }, 'p-zhang-wei'))
    // One document per motion, under community|assembly|owner key|motion.
    const stored = a.cloud.collections.get(COLLECTIONS.ballots)!
    expect([...stored.keys()]).toEqual([ids.ballot(C, a.assemblyId, 'O0006', a.m1)])
    expect(stored.get(ids.ballot(C, a.assemblyId, 'O0006', a.m1))!.doc).toMatchObject({ choice: 'agree', channel: 'online', castAt: OPENS + 3_600_000, area: a.areaOf('O0006') })
    // The uniqueness check is the add itself: casting read no ballots first.
    expect(a.cloud.queries.filter((q) => q.collection === COLLECTIONS.ballots)).toEqual([])

    a.setNow(OPENS + 7_200_000)
    const PHOTO = await a.photo('p-li-jianguo')
    const before = a.snapshot()
    // A paper ballot for his other unit, covering a new motion and the one he voted: all or nothing.
    const refused = await a.call('ballot-paper', { ...a.ref, building: '1栋', unitNo: '0202', votes: [{ motionId: a.m2, choice: 'oppose' }, { motionId: a.m1, choice: 'oppose' }], photo: PHOTO }, 'p-li-jianguo')
    expect(refused).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST', message: expect.stringContaining('网上投票'), details: { motionId: a.m1, channel: 'online', castAt: OPENS + 3_600_000 } })
    expect(a.snapshot()).toBe(before)
  })

  test('1,000 submissions at once for one owner and motion: one stored, 999 answered 已投票 with its time, one audit entry', async () => {
    const a = await openedAssembly()
    a.setNow(OPENS + 3_600_000)
    const answers = await Promise.all(Array.from({ length: 1000 }, () => a.call('ballot-cast', { ...a.ref, votes: [{ motionId: a.m1, choice: 'agree' }] }, 'p-zhang-wei')))
    expect(answers.filter((r) => r.ok)).toHaveLength(1)
    const refusals = answers.filter((r) => !r.ok)
    expect(refusals).toHaveLength(999)
    for (const r of refusals) expect(r).toMatchObject({ code: 'VOTE.ALREADY_CAST', details: { castAt: OPENS + 3_600_000, channel: 'online' } })
    expect(a.cloud.collections.get(COLLECTIONS.ballots)!.size).toBe(1)
    const chain = await a.ports.audit.all(C)
    expect(chain.filter((e) => e.action === 'ballot.cast')).toHaveLength(1)
    expect(verifyChain(sha256, chain).valid).toBe(true)
  })

  test('a database error that is not a duplicate stays an error: not 已投票, nothing stored, no detail leaked', async () => {
    const a = await openedAssembly()
    const db = a.cloud.database()
    const real = db.runTransaction
    // -502001 alone is any failed request (here a timeout); only with E11000 is it a duplicate.
    db.runTransaction = () => Promise.reject(Object.assign(new Error('errCode: -502001 database request fail | network timeout'), { errCode: -502001 }))
    const r = await a.call('ballot-cast', { ...a.ref, votes: [{ motionId: a.m1, choice: 'agree' }] }, 'p-zhang-wei')
    db.runTransaction = real
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(JSON.stringify(r)).not.toMatch(/502001|timeout/)
    expect(a.cloud.collections.get(COLLECTIONS.ballots)?.size ?? 0).toBe(0)
  })
})

describe('WeChat cloud simulated: proxies and ballots that race', () => {
  test('a proxy voting while the owner revokes: exactly one of them stands', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await openedAssembly()
      const grant = await a.ports.voting.grantProxy({ id: `px-${round}`, assemblyId: a.assemblyId, voterKey: 'O0250', proxyPersonId: 'p-wang-xiuying', motions: null, letterPhoto: LETTER, grantedBy: 'p-chen-jing', grantedAt: OPENS, revokedAt: null }, 3, a.draft)
      expect(grant.ok).toBe(true)
      const [cast, revoke] = await Promise.all([
        a.ports.voting.cast(a.submission('O0250', { channel: 'proxy', castBy: 'p-wang-xiuying', proxyId: `px-${round}` }), a.draft),
        a.ports.voting.revokeProxy(a.assemblyId, 'O0250', 'p-chen-jing', OPENS + 120_000, a.draft),
      ])
      if (cast.stored) expect(revoke).toEqual({ ok: false, reason: 'voted' })
      else expect([cast, revoke.ok]).toEqual([{ stored: false, reason: 'proxy-revoked' }, true])
      expect(a.cloud.collections.get(COLLECTIONS.ballots)?.size ?? 0).toBe(cast.stored ? 1 : 0)
    }
  })

  test('five owners naming one proxy at once, cap 3: three stand, two are refused, and the holder counts three', async () => {
    const a = await openedAssembly()
    const owners = ['O0001', 'O0006', 'O0010', 'O0090', 'O0250']
    const results = await Promise.all(owners.map((voterKey, i) => a.ports.voting.grantProxy(
      { id: `px-${i}`, assemblyId: a.assemblyId, voterKey, proxyPersonId: 'p-sun-li', motions: null, letterPhoto: LETTER, grantedBy: 'p-li-jianguo', grantedAt: OPENS, revokedAt: null }, 3, a.draft,
    )))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'cap' }, { ok: false, reason: 'cap' }])
    expect(a.cloud.collections.get(COLLECTIONS.proxyHolders)!.get(ids.proxyHolder(a.assemblyId, 'p-sun-li'))!.doc).toMatchObject({ standing: 3 })
    expect(await a.ports.voting.proxiesOf(a.assemblyId, { proxyPersonId: 'p-sun-li' })).toHaveLength(3)
  })

  test('an owner voting while naming a proxy: never both a ballot and a proxy granted after it', async () => {
    const a = await openedAssembly()
    const [cast, grant] = await Promise.all([
      a.ports.voting.cast(a.submission('O0006'), a.draft),
      a.ports.voting.grantProxy({ id: 'px-late', assemblyId: a.assemblyId, voterKey: 'O0006', proxyPersonId: 'p-sun-li', motions: null, letterPhoto: LETTER, grantedBy: 'p-zhang-wei', grantedAt: OPENS, revokedAt: null }, 3, a.draft),
    ])
    expect(cast.stored).toBe(true)
    // Whichever committed second saw the first: the proxy stands only if it came before the ballot.
    const standing = a.cloud.collections.get(COLLECTIONS.assemblyVoters)!.get(ids.assemblyVoter(a.assemblyId, 'O0006'))!.doc
    expect(standing).toMatchObject({ voted: true, proxyId: grant.ok ? 'px-late' : null })
  })

  test('opening at once from twenty calls fixes the roll version once, with one audit entry', async () => {
    const p = await cloudbasePlatform(T0)
    const { assemblyId } = data(await p.call('assembly-call', { communityId: C, title: '大会', notice: '公告', opensAt: OPENS, closesAt: CLOSES, motions: [{ title: '续聘', matter: 4 }] }, 'p-li-jianguo'))
    const opened = await Promise.all(Array.from({ length: 20 }, () => p.ports.voting.openVoting(assemblyId, OPENS, (rollVersion, total) => ({ communityId: C, actorId: null, action: 'assembly.open', subject: `assembly:${assemblyId}`, data: { rollVersion, total } }))))
    expect(opened.filter(Boolean)).toHaveLength(1)
    const entries = (await p.ports.audit.all(C)).filter((e) => e.action === 'assembly.open')
    expect(entries.map((e) => e.data)).toEqual([{ rollVersion: 1, total: { area: demoRoll().reduce((s, u) => s + u.area, 0), heads: 777 } }])
  })
})

describe('WeChat cloud simulated: the queries the adapter builds', () => {
  test('participation is summed by the database (aggregation over who voted), never by reading ballots', async () => {
    const a = await openedAssembly()
    const developer = a.units.filter((u) => u.developerUnsold)
    const dev = developer[0]
    data(await a.call('ballot-cast', { ...a.ref, votes: [{ motionId: a.m1, choice: 'agree' }] }, 'p-zhang-wei'))
    data(await a.call('ballot-cast', { ...a.ref, votes: [{ motionId: a.m2, choice: 'oppose' }] }, 'p-chen-jing'))
    data(await a.call('ballot-paper', { ...a.ref, building: dev.building, unitNo: dev.unitNo, votes: [{ motionId: a.m1, choice: 'abstain' }], photo: await a.photo('p-li-jianguo') }, 'p-li-jianguo'))
    a.cloud.queries.length = 0
    a.cloud.aggregations.length = 0
    const p = await a.ports.voting.participation(a.assemblyId)

    // By hand: 张伟's two units, 陈静's one, and every developer-unsold unit as one head (第九条).
    const zhang = a.units.filter((u) => u.ownerKey === 'O0006')
    const chen = a.units.filter((u) => u.ownerKey === 'O0250')
    const sum = (us: typeof zhang) => us.reduce((s, u) => s + u.area, 0)
    expect(p!.participating).toEqual({ area: sum(zhang) + sum(chen) + sum(developer), heads: 3 })
    const byBuilding = (b: string) => p!.buildings.find((x) => x.building === b)!.participating
    const expectIn = (b: string) => ({
      area: sum([...zhang, ...chen, ...developer].filter((u) => u.building === b)),
      heads: [zhang, chen, developer].filter((us) => us.some((u) => u.building === b)).length,
    })
    for (const b of ['1栋', '4栋', dev.building]) expect(byBuilding(b)).toEqual(expectIn(b))
    expect(p!.buildings.map((b) => b.building)).toEqual(['1栋', '2栋', '3栋', '4栋', '5栋', '6栋', '7栋', '8栋', '9栋', '10栋'])

    expect(a.cloud.queries).toEqual([])
    const $ = a.cloud.database().command.aggregate
    expect(a.cloud.aggregations).toEqual([
      { collection: COLLECTIONS.assemblyVoters, stages: [{ match: { assemblyId: a.assemblyId, voted: true } }, { group: { _id: null, area: $.sum('$area'), heads: $.sum(1) } }, { limit: 1 }] },
      { collection: COLLECTIONS.assemblyVoters, stages: [{ match: { assemblyId: a.assemblyId, voted: true } }, { unwind: '$buildings' }, { group: { _id: '$buildings.building', area: $.sum('$buildings.area'), heads: $.sum(1) } }, { limit: 1000 }] },
    ])
  })

  test('closing counts from the database\'s sums: per motion and choice, per candidate of the election; no ballot is read', async () => {
    const p = await cloudbasePlatform(T0)
    const called = data(await p.call('assembly-call', {
      communityId: C, title: '大会', notice: '公告', opensAt: OPENS, closesAt: CLOSES,
      motions: [{ title: '续聘物业', matter: 4 }, { title: '增补委员', matter: 3, seats: 1, candidates: [{ name: '甲' }, { name: '乙' }] }],
    }, 'p-li-jianguo'))
    const ref = { communityId: C, assemblyId: called.assemblyId as string }
    const [m1, m2] = called.motionIds as string[]
    p.setNow(OPENS + 60_000)
    data(await p.call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'agree' }, { motionId: m2, approve: ['c1'], oppose: ['c2'] }] }, 'p-zhang-wei'))
    data(await p.call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'oppose' }, { motionId: m2, approve: ['c1'] }] }, 'p-chen-jing'))
    data(await p.call('ballot-cast', { ...ref, votes: [{ motionId: m1, choice: 'agree' }] }, 'p-huang-meiling'))
    p.setNow(CLOSES)
    p.cloud.queries.length = 0
    p.cloud.aggregations.length = 0
    const { count } = data(await p.call('assembly-close', ref, 'p-li-jianguo'))

    // By hand, from the roll: 张伟 (two units) and 黄美玲 agree on m1, 陈静 opposes; on m2 甲 has 张伟 and 陈静, 乙 is opposed by 张伟.
    const area = (ownerKey: string) => demoRoll().filter((u) => u.ownerKey === ownerKey).reduce((s, u) => s + u.area, 0)
    const [zhang, chen, huang] = [area('O0006'), area('O0250'), area('O0090')]
    expect(count.motions[0].result.asCast).toMatchObject({ participating: { area: zhang + chen + huang, heads: 3 }, agree: { area: zhang + huang, heads: 2 }, oppose: { area: chen, heads: 1 } })
    expect(count.motions[1].election.candidates.map((c: any) => [c.candidate, c.tally.agree, c.tally.oppose, c.tally.abstain])).toEqual([
      ['c1', { area: zhang + chen, heads: 2 }, { area: 0, heads: 0 }, { area: 0, heads: 0 }],
      ['c2', { area: 0, heads: 0 }, { area: zhang, heads: 1 }, { area: chen, heads: 1 }],
    ])

    expect(p.cloud.queries.filter((q) => q.collection === COLLECTIONS.ballots)).toEqual([])
    const $ = p.cloud.database().command.aggregate
    const sum = { area: $.sum('$area'), heads: $.sum(1) }
    expect(p.cloud.aggregations.filter((x) => x.collection === COLLECTIONS.ballots)).toEqual([
      { collection: COLLECTIONS.ballots, stages: [{ match: { assemblyId: ref.assemblyId } }, { group: { _id: { motionId: '$motionId', choice: '$choice' }, ...sum } }, { limit: 1000 }] },
      { collection: COLLECTIONS.ballots, stages: [{ match: { assemblyId: ref.assemblyId, motionId: m2 } }, { unwind: '$approve' }, { group: { _id: '$approve', ...sum } }, { limit: 100 }] },
      { collection: COLLECTIONS.ballots, stages: [{ match: { assemblyId: ref.assemblyId, motionId: m2 } }, { unwind: '$oppose' }, { group: { _id: '$oppose', ...sum } }, { limit: 100 }] },
    ])
  })

  test('the ballot list past 100 documents: counted, then read 100 at a time, in casting order', async () => {
    const a = await openedAssembly()
    const owners = [...new Set(a.units.filter((u) => !u.developerUnsold).map((u) => u.ownerKey))].slice(0, 130)
    for (const [i, voterKey] of owners.entries()) {
      const r = await a.ports.voting.cast(a.submission(voterKey, { castAt: OPENS + (130 - i) * 1000, trackingCode: `T${String(i).padStart(4, '0')}` }), a.draft)
      expect(r.stored).toBe(true)
    }
    a.cloud.queries.length = 0
    a.cloud.counts.length = 0
    const ballots = await a.ports.voting.ballots(a.assemblyId)
    expect(ballots).toHaveLength(130)
    // Cast last-first above, so the list runs from the 130th owner back to the first.
    expect(ballots.map((b) => b.voterKey)).toEqual([...owners].reverse())
    expect(ballots[0]).toEqual({ motionId: a.m1, voterKey: owners[129], marks: { choice: 'agree' }, area: a.areaOf(owners[129]), channel: 'online', castAt: OPENS + 1000, trackingCode: 'T0129' })
    expect(a.cloud.counts).toEqual([{ collection: COLLECTIONS.ballots, where: { assemblyId: a.assemblyId } }])
    expect(a.cloud.queries.map((q) => [q.collection, q.where, q.orderBy, q.skip, q.limit])).toEqual([
      [COLLECTIONS.ballots, { assemblyId: a.assemblyId }, [['_id', 'asc']], 0, 100],
      [COLLECTIONS.ballots, { assemblyId: a.assemblyId }, [['_id', 'asc']], 100, 100],
      [COLLECTIONS.ballots, { assemblyId: a.assemblyId }, [['_id', 'asc']], 200, 100],
    ])

    // What each owner cast, for 130 owners: the owner keys go 100 to a query.
    a.cloud.queries.length = 0
    expect(await a.ports.voting.castBy(a.assemblyId, owners)).toHaveLength(130)
    expect(a.cloud.queries.map((q) => ((q.where.voterKey as { v: string[] }).v.length))).toEqual([100, 100, 30])
  })

  test('the electorate is the fixed roll version, read in pages of 100: 798 units, 777 voters, developer units as one', async () => {
    const a = await openedAssembly()
    a.cloud.queries.length = 0
    const units = await a.ports.voting.electorateUnits(a.assemblyId)
    expect(units).toHaveLength(798)
    expect(a.cloud.queries.map((q) => q.skip)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800])
    const expected = a.units.map((u) => ({ voterKey: u.developerUnsold ? DEVELOPER_HEAD : u.ownerKey, building: u.building, unitNo: u.unitNo, area: u.area }))
      .sort((x, y) => (x.building < y.building ? -1 : x.building > y.building ? 1 : x.unitNo < y.unitNo ? -1 : x.unitNo > y.unitNo ? 1 : 0))
    expect(units).toEqual(expected)
    const voters = await a.ports.voting.electorate(a.assemblyId)
    expect(voters).toHaveLength(777)
    expect(voters.find((v) => v.voterKey === DEVELOPER_HEAD)!.area).toBe(a.units.filter((u) => u.developerUnsold).reduce((s, u) => s + u.area, 0))
    expect(voters.reduce((s, v) => s + v.area, 0)).toBe(a.units.reduce((s, u) => s + u.area, 0))
  })
})

describe('the simulated aggregation follows the documented examples', () => {
  test('unwind splits on each element and drops empty, null or missing arrays; sum counts a constant per record', async () => {
    const cloud = fakeWxCloud()
    const db = cloud.database()
    const $ = db.command.aggregate
    // Aggregate.unwind's example: products with sizes.
    for (const d of [
      { _id: '1', product: 'tshirt', size: ['S', 'M', 'L'] }, { _id: '2', product: 'pants', size: [] }, { _id: '3', product: 'socks', size: null },
      { _id: '4', product: 'trousers', size: ['S'] }, { _id: '5', product: 'sweater', size: ['M', 'L'] },
    ]) await db.collection('products').add({ data: d })
    const { list } = await db.collection('products').aggregate().unwind('$size').limit(100).end()
    expect(list).toEqual([
      { _id: '1', product: 'tshirt', size: 'S' }, { _id: '1', product: 'tshirt', size: 'M' }, { _id: '1', product: 'tshirt', size: 'L' },
      { _id: '4', product: 'trousers', size: 'S' }, { _id: '5', product: 'sweater', size: 'M' }, { _id: '5', product: 'sweater', size: 'L' },
    ])
    const bySize = await db.collection('products').aggregate().unwind('$size').group({ _id: '$size', n: $.sum(1) }).limit(10).end()
    expect(bySize.list).toEqual([{ _id: 'S', n: 2 }, { _id: 'M', n: 2 }, { _id: 'L', n: 2 }])
  })

  test('without a limit stage a cloud function gets 20 results', async () => {
    const cloud = fakeWxCloud()
    const db = cloud.database()
    for (let i = 0; i < 30; i++) await db.collection('n').add({ data: { _id: `n${i}`, k: i } })
    expect((await db.collection('n').aggregate().group({ _id: '$k' }).end()).list).toHaveLength(20)
    expect((await db.collection('n').aggregate().group({ _id: '$k' }).limit(30).end()).list).toHaveLength(30)
  })
})
