// Owners' assemblies through the voting port alone: what the committee called
// comes back as called; the electorate is fixed once; one ballot per owner per
// motion across channels, even under 1,000 identical submissions at once, and
// a refused duplicate names the first ballot's channel and time; sums equal
// the test's own arithmetic over what it cast; proxies keep their cap and
// cannot outrun a revocation; objections and results are kept as filed.
// Every record beyond the demo foundation is written through the port.
import { verifyChain } from '../../src/domain/audit-chain'
import { voterKeyOf } from '../../src/domain/roll'
import { countAssembly, countFromSums } from '../../src/domain/voting/result'
import type { Choice } from '../../src/domain/voting/tally'
import { sha256 } from '../../src/cloud/kit/sha256'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import type { CastOutcome, NewAssembly, ProxyRecord, StoredBallot, Submission, VotingPort } from '../../src/cloud/kit/voting-port'
import { DEMO_COMMUNITY_ID, demoRoll } from '../../src/seed/demo-community'
import { CONTRACT_NOW, clause, describePort, useTarget, type ContractTarget } from './target'

const C = DEMO_COMMUNITY_ID
const SEEDED = 12
const HOUR = 3_600_000
const DAY = 24 * HOUR
const COMMITTEE = 'p-li-jianguo'
const CHOICES: readonly Choice[] = ['agree', 'oppose', 'abstain']

const draft = (action: string, subject: string, data: unknown = {}): AuditDraft => ({ communityId: C, actorId: COMMITTEE, action, subject, data })

/** An assembly whose voting opened an hour before the contract's clock. */
function assembly(id: string, over: Partial<NewAssembly> = {}): NewAssembly {
  return {
    id, communityId: C, title: `大会 ${id}`, notice: '请各位业主按时投票。', attachments: ['f_notice', 'f_budget'],
    noticeAt: CONTRACT_NOW - 20 * DAY, opensAt: CONTRACT_NOW - HOUR, closesAt: CONTRACT_NOW + 7 * DAY, shortNoticeReason: null, createdBy: COMMITTEE,
    motions: [
      { id: `${id}-m1`, matter: 4, title: '续聘物业服务企业', body: '续聘三年', seats: null, candidates: [] },
      { id: `${id}-m2`, matter: 7, title: '改建地下车库', body: '', seats: null, candidates: [] },
      {
        id: `${id}-m3`, matter: 3, title: '增补业委会委员', body: '两个席位', seats: 2,
        candidates: [{ id: 'k1', name: '赵一', statement: '退休教师' }, { id: 'k2', name: '钱二', statement: '' }, { id: 'k3', name: '孙三', statement: '会计' }],
      },
    ],
    ...over,
  }
}

/** Each owner's area on the demo roll, summed over their units by the law's head rule (第九条), computed here from the seed data. */
function rollAreas(): Map<string, number> {
  const areas = new Map<string, number>()
  for (const u of demoRoll()) areas.set(voterKeyOf(u), (areas.get(voterKeyOf(u)) ?? 0) + u.area)
  return areas
}

/** A small seeded generator, so every run casts the same "random" ballots. */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0
  return (n) => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    return Math.floor((s / 2 ** 32) * n)
  }
}

let codeSeq = 0
function submission(assemblyId: string, voterKey: string, area: number, rows: Submission['rows'], over: Partial<Submission> = {}): Submission {
  codeSeq++
  return {
    assemblyId, voterKey, area, channel: 'online', castBy: 'p-zhang-wei', castAt: CONTRACT_NOW, trackingCode: `T${String(codeSeq).padStart(4, '0')}-TEST`,
    photo: null, proxyId: null, rows, ...over,
  }
}
const ballotDraft = (s: Submission): AuditDraft => draft('ballot.cast', `assembly:${s.assemblyId}`, { voterKey: s.voterKey, channel: s.channel, trackingCode: s.trackingCode })
/** Byte order (code points), as both databases order text here. */
const byte = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
const choose = (motionId: string, choice: Choice): Submission['rows'][number] => ({ motionId, marks: { choice } })

async function openAssembly(voting: VotingPort, a: NewAssembly): Promise<void> {
  await voting.callAssembly(a, draft('assembly.call', `assembly:${a.id}`))
  await voting.openVoting(a.id, CONTRACT_NOW, (rollVersion, total) => draft('assembly.open', `assembly:${a.id}`, { rollVersion, total }))
}

export function votingContract(target: ContractTarget) {
  describePort(target, 'voting', () => {
    const t = useTarget(target)
    const voting = () => t().ports.voting
    const cast = (s: Submission) => voting().cast(s, ballotDraft(s))

    test('an assembly comes back as called, motions and candidates in order, newest first in the list; its call is audited', async () => {
      const older = assembly('asm-older', { opensAt: CONTRACT_NOW - 10 * DAY, closesAt: CONTRACT_NOW - 3 * DAY, title: '上一次大会' })
      const later = assembly('asm-later', { shortNoticeReason: '电梯停运，需尽快决定' })
      const twin = assembly('asm-twin', { motions: [{ id: 'asm-twin-m1', matter: 1, title: '修改议事规则', body: '', seats: null, candidates: [] }] })
      expect(await voting().callAssembly(older, draft('assembly.call', 'assembly:asm-older'))).toBe(SEEDED + 1)
      expect(await voting().callAssembly(later, draft('assembly.call', 'assembly:asm-later'))).toBe(SEEDED + 2)
      expect(await voting().callAssembly(twin, draft('assembly.call', 'assembly:asm-twin'))).toBe(SEEDED + 3)

      const { motions, ...fields } = later
      const read = await voting().assembly(C, 'asm-later')
      // Recorded when the notice was published; not yet opened, counted or certified.
      expect(read).toEqual({ ...fields, motions, createdAt: later.noticeAt, rollVersion: null, openedAt: null, stage: null })
      expect(read!.motions.map((m) => m.id)).toEqual(['asm-later-m1', 'asm-later-m2', 'asm-later-m3'])
      expect(read!.motions[2].candidates.map((k) => k.name)).toEqual(['赵一', '钱二', '孙三'])
      // Same start: ordered by id, so the list never shuffles between reads.
      expect((await voting().assemblies(C)).map((a) => a.id)).toEqual(['asm-later', 'asm-twin', 'asm-older'])
      expect(await voting().assemblies('c-none')).toEqual([])
      expect(await voting().assembly('c-none', 'asm-later')).toBeNull()
      expect(await voting().assembly(C, 'asm-none')).toBeNull()

      expect(await voting().motionsElsewhere(C, 'asm-later', ['asm-older-m2', 'asm-later-m1', 'asm-none-m1'])).toEqual(new Set(['asm-older-m2']))
      expect(await voting().motionsElsewhere(C, 'asm-later', [])).toEqual(new Set())
      const chain = await t().ports.audit.all(C)
      expect(chain.slice(SEEDED).map((e) => [e.action, e.subject, e.at])).toEqual([
        ['assembly.call', 'assembly:asm-older', older.noticeAt], ['assembly.call', 'assembly:asm-later', later.noticeAt], ['assembly.call', 'assembly:asm-twin', twin.noticeAt],
      ])
      expect(await voting().communitySettings(C)).toEqual({})
      expect(await voting().communitySettings('c-none')).toEqual({})
    })

    clause(target, 'references')('the database refuses a ballot naming a motion of another assembly, a motion that does not exist, or a caster who does not exist, and stores nothing', async () => {
      const a = assembly('asm-refs')
      const other = assembly('asm-other')
      await openAssembly(voting(), a)
      await openAssembly(voting(), other)
      const area = rollAreas().get('O0006')!
      const chain = (await t().ports.audit.all(C)).length
      const bad: Submission[] = [
        submission(a.id, 'O0006', area, [choose('asm-refs-m1', 'agree'), choose('asm-other-m2', 'agree')]),
        submission(a.id, 'O0006', area, [choose('asm-refs-m1', 'agree'), choose('asm-nowhere-m9', 'oppose')]),
        submission(a.id, 'O0006', area, [choose('asm-refs-m1', 'agree')], { castBy: 'p-nobody' }),
      ]
      const answers: string[] = []
      for (const s of bad) answers.push(await cast(s).then((o) => `stored ${JSON.stringify(o)}`, (e: Error) => `refused: ${e.message}`))
      expect(answers).toEqual([expect.stringMatching(/^refused/), expect.stringMatching(/^refused/), expect.stringMatching(/^refused/)])
      expect(await voting().ballots(a.id)).toEqual([])
      expect(await voting().ballots(other.id)).toEqual([])
      expect(await t().ports.audit.all(C)).toHaveLength(chain)
      // The same owner's proper ballot is then taken: nothing of the refusals stood in its way.
      expect(await cast(submission(a.id, 'O0006', area, [choose('asm-refs-m1', 'agree'), choose('asm-refs-m2', 'oppose')]))).toMatchObject({ stored: true })
      expect((await voting().ballots(a.id)).map((b) => b.motionId).sort(byte)).toEqual(['asm-refs-m1', 'asm-refs-m2'])
    })

    test('opening fixes roll version 1 and its 777 voters once, even when five callers open at once', async () => {
      const a = assembly('asm-open')
      await voting().callAssembly(a, draft('assembly.call', 'assembly:asm-open'))
      expect(await voting().participation(a.id)).toBeNull()
      const opened = await Promise.all(Array.from({ length: 5 }, () => voting().openVoting(a.id, CONTRACT_NOW, (rollVersion, total) => draft('assembly.open', 'assembly:asm-open', { rollVersion, total }))))
      expect(opened.filter(Boolean)).toHaveLength(1)
      expect(await voting().openVoting(a.id, CONTRACT_NOW + 1, () => draft('assembly.open', 'again'))).toBe(false)

      const areas = rollAreas()
      const rollArea = [...areas.values()].reduce((s, x) => s + x, 0)
      expect(await voting().assembly(C, a.id)).toMatchObject({ rollVersion: 1, openedAt: CONTRACT_NOW })
      const opens = (await t().ports.audit.all(C)).filter((e) => e.action === 'assembly.open')
      expect(opens.map((e) => e.data)).toEqual([{ rollVersion: 1, total: { area: rollArea, heads: 777 } }])

      const electorate = await voting().electorate(a.id)
      expect(electorate).toHaveLength(777)
      expect(new Map(electorate.map((e) => [e.voterKey, e.area]))).toEqual(areas)
      // Byte order of the keys, as every adapter sorts them.
      expect(electorate.map((e) => e.voterKey)).toEqual([...areas.keys()].sort(byte))
      const units = await voting().electorateUnits(a.id)
      expect(units).toHaveLength(798)
      expect(units.map((u) => [u.building, u.unitNo])).toEqual(units.map((u) => [u.building, u.unitNo]).sort((x, y) => byte(x[0], y[0]) || byte(x[1], y[1])))
      expect(units.find((u) => u.building === '1栋' && u.unitNo === '0203')).toEqual({ voterKey: 'O0006', building: '1栋', unitNo: '0203', area: demoRoll()[6].area })

      const p = await voting().participation(a.id)
      expect(p).toMatchObject({ total: { area: rollArea, heads: 777 }, participating: { area: 0, heads: 0 } })
      // Buildings as people read them: 1栋 … 10栋, with 79 or 80 units' owners each.
      expect(p!.buildings.map((b) => b.building)).toEqual(['1栋', '2栋', '3栋', '4栋', '5栋', '6栋', '7栋', '8栋', '9栋', '10栋'])
      expect(p!.buildings.reduce((s, b) => s + b.total.area, 0)).toBe(rollArea)

      // 张伟 owns 1栋0202 and 1栋0203: one voter, two units, one area.
      const zhang = demoRoll().filter((u) => u.ownerKey === 'O0006')
      expect(await voting().votersOf(a.id, C, 'p-zhang-wei')).toEqual([{
        voterKey: 'O0006', area: zhang[0].area + zhang[1].area,
        units: [{ building: '1栋', unitNo: '0202', area: zhang[0].area }, { building: '1栋', unitNo: '0203', area: zhang[1].area }],
      }])
      expect(await voting().voter(a.id, 'O0006')).toEqual((await voting().votersOf(a.id, C, 'p-zhang-wei'))[0])
      expect(await voting().voterOfUnit(a.id, '1栋', '0203')).toBe('O0006')
      expect(await voting().voterOfUnit(a.id, '1栋', '9999')).toBeNull()
      // A resident, a property clerk: nobody to vote for.
      expect(await voting().votersOf(a.id, C, 'p-liu-yang')).toEqual([])
      expect(await voting().votersOf(a.id, C, 'p-zhao-lei')).toEqual([])
      expect(await voting().voter(a.id, 'O9999')).toBeNull()
    })

    test('a ballot is stored with its marks; a later one for the same owner and motion by paper is refused naming the online ballot and its time', async () => {
      const a = assembly('asm-cast')
      await openAssembly(voting(), a)
      const first = submission(a.id, 'O0006', 1000, [choose('asm-cast-m1', 'agree'), choose('asm-cast-m2', 'abstain'), { motionId: 'asm-cast-m3', marks: { approve: ['k1', 'k3'], oppose: ['k2'] } }],
        { castAt: CONTRACT_NOW + 5 * 60_000 })
      const stored = await cast(first)
      expect(stored).toEqual({ stored: true, auditSeq: SEEDED + 3 })
      const entry = (await t().ports.audit.all(C)).at(-1)!
      expect(entry).toMatchObject({ seq: SEEDED + 3, action: 'ballot.cast', at: first.castAt, data: { voterKey: 'O0006', trackingCode: first.trackingCode } })

      const paper = submission(a.id, 'O0006', 1000, [choose('asm-cast-m2', 'agree')], { channel: 'paper', castBy: COMMITTEE, castAt: CONTRACT_NOW + HOUR, photo: 'f_ballot' })
      expect(await cast(paper)).toEqual({ stored: false, reason: 'duplicate', first: { motionId: 'asm-cast-m2', channel: 'online', castAt: first.castAt } })

      expect(await voting().ballots(a.id)).toEqual(first.rows.map((r): StoredBallot => ({ ...r, voterKey: 'O0006', area: 1000, channel: 'online', castAt: first.castAt, trackingCode: first.trackingCode })))
      expect(await voting().castBy(a.id, ['O0006', 'O0001'])).toEqual(first.rows.map((r) => ({ voterKey: 'O0006', motionId: r.motionId, channel: 'online', castAt: first.castAt, trackingCode: first.trackingCode })))
      expect(await voting().castBy(a.id, [])).toEqual([])
      // The refusal wrote no audit entry either.
      expect((await t().ports.audit.all(C)).length).toBe(SEEDED + 3)
    })

    test('paper first, online second: the online ballot is refused naming the paper ballot; a submission touching one voted motion stores none of its motions', async () => {
      const a = assembly('asm-paper')
      await openAssembly(voting(), a)
      const paper = submission(a.id, 'O0250', 900, [choose('asm-paper-m2', 'oppose')], { channel: 'paper', castBy: COMMITTEE, castAt: CONTRACT_NOW + 10 * 60_000, photo: 'f_ballot' })
      expect(await cast(paper)).toMatchObject({ stored: true })
      const online = submission(a.id, 'O0250', 900, [choose('asm-paper-m1', 'agree'), choose('asm-paper-m2', 'agree')], { castAt: CONTRACT_NOW + 20 * 60_000 })
      expect(await cast(online)).toEqual({ stored: false, reason: 'duplicate', first: { motionId: 'asm-paper-m2', channel: 'paper', castAt: paper.castAt } })
      // m1 was free, but the submission stands or falls whole.
      expect((await voting().ballots(a.id)).map((b) => [b.motionId, b.channel, b.marks])).toEqual([['asm-paper-m2', 'paper', { choice: 'oppose' }]])
      // The owner may still vote on the motion nobody voted on.
      expect(await cast(submission(a.id, 'O0250', 900, [choose('asm-paper-m1', 'agree')], { castAt: CONTRACT_NOW + 30 * 60_000 }))).toMatchObject({ stored: true })
    })

    test('1,000 identical submissions at once for one owner and motion: exactly one is stored, every other is told the first ballot\'s time', async () => {
      const a = assembly('asm-storm')
      await openAssembly(voting(), a)
      const before = (await t().ports.audit.all(C)).length
      // Each attempt carries its own time and code, so the answer can only be the stored one's.
      const attempts = Array.from({ length: 1000 }, (_, i) => submission(a.id, 'O0001', 1000, [choose('asm-storm-m1', CHOICES[i % 3])], { castAt: CONTRACT_NOW + i, channel: i % 2 ? 'paper' : 'online' }))
      const outcomes: CastOutcome[] = await Promise.all(attempts.map(cast))
      const stored = outcomes.flatMap((o, i) => (o.stored ? [attempts[i]] : []))
      expect(stored).toHaveLength(1)
      const [winner] = stored
      const refusals = outcomes.filter((o) => !o.stored)
      expect(refusals).toHaveLength(999)
      for (const o of refusals) expect(o).toEqual({ stored: false, reason: 'duplicate', first: { motionId: 'asm-storm-m1', channel: winner.channel, castAt: winner.castAt } })

      const ballots = await voting().ballots(a.id)
      expect(ballots).toEqual([{ motionId: 'asm-storm-m1', voterKey: 'O0001', area: 1000, marks: winner.rows[0].marks, channel: winner.channel, castAt: winner.castAt, trackingCode: winner.trackingCode }])
      const chain = await t().ports.audit.all(C)
      expect(chain.length).toBe(before + 1)
      expect(chain.at(-1)!.data).toEqual({ voterKey: 'O0001', channel: winner.channel, trackingCode: winner.trackingCode })
      expect(verifyChain(sha256, chain).valid).toBe(true)
    })

    test('tallies from the stored ballots equal the test\'s own sums over 300 owners\' random choices, per motion and choice, in area and heads', async () => {
      const a = assembly('asm-tally')
      await openAssembly(voting(), a)
      const areas = rollAreas()
      const rand = rng(20_261_128)
      const keys = [...areas.keys()]
      for (let i = keys.length - 1; i > 0; i--) {
        const j = rand(i + 1);
        [keys[i], keys[j]] = [keys[j], keys[i]]
      }
      const motionIds = ['asm-tally-m1', 'asm-tally-m2']
      type Sums = Record<Choice, { area: number; heads: number }>
      const reference = new Map<string, Sums>(motionIds.map((m) => [m, { agree: { area: 0, heads: 0 }, oppose: { area: 0, heads: 0 }, abstain: { area: 0, heads: 0 } }]))
      let voters = 0
      let votedArea = 0
      const subs = keys.slice(0, 300).map((voterKey, i) => {
        // About one owner in ten votes on the first motion only.
        const rows = motionIds.filter((_, k) => k === 0 || rand(10) > 0).map((motionId) => choose(motionId, CHOICES[rand(3)]))
        for (const r of rows) {
          const sum = reference.get(r.motionId)![(r.marks as { choice: Choice }).choice]
          sum.area += areas.get(voterKey)!
          sum.heads += 1
        }
        voters++
        votedArea += areas.get(voterKey)!
        return submission(a.id, voterKey, areas.get(voterKey)!, rows, { castAt: CONTRACT_NOW + i * 1000 })
      })
      const outcomes = await Promise.all(subs.map(cast))
      expect(outcomes.every((o) => o.stored)).toBe(true)

      const ballots = await voting().ballots(a.id)
      const fromStore = new Map<string, Sums>(motionIds.map((m) => [m, { agree: { area: 0, heads: 0 }, oppose: { area: 0, heads: 0 }, abstain: { area: 0, heads: 0 } }]))
      for (const b of ballots) {
        const sum = fromStore.get(b.motionId)![(b.marks as { choice: Choice }).choice]
        sum.area += b.area
        sum.heads += 1
      }
      expect(fromStore).toEqual(reference)
      // And through the count every result uses, weighted by the fixed electorate.
      const count = countAssembly(a.motions.slice(0, 2).map((m) => ({ id: m.id, matter: m.matter, election: null })), await voting().electorate(a.id), ballots)
      for (const m of count.motions) {
        if (m.kind !== 'motion') throw new Error('not a motion')
        const ref = reference.get(m.motionId)!
        expect({ agree: m.result.asCast.agree, oppose: m.result.asCast.oppose, abstain: m.result.asCast.abstain }).toEqual(ref)
        expect(m.result.asCast.participating.heads).toBe(ref.agree.heads + ref.oppose.heads + ref.abstain.heads)
      }
      expect((await voting().participation(a.id))!.participating).toEqual({ area: votedArea, heads: voters })
      // The sums the database itself computes for the count (GROUP BY, aggregation) are the same.
      const sums = await voting().ballotSums(a.id)
      expect(sums.total).toEqual({ area: [...areas.values()].reduce((x, y) => x + y, 0), heads: areas.size })
      const bySums = new Map<string, Sums>(motionIds.map((m) => [m, { agree: { area: 0, heads: 0 }, oppose: { area: 0, heads: 0 }, abstain: { area: 0, heads: 0 } }]))
      for (const r of sums.byChoice) bySums.get(r.motionId)![r.choice!] = { area: r.area, heads: r.heads }
      expect(bySums).toEqual(reference)
      expect(sums.byCandidate).toEqual([])
      const chain = await t().ports.audit.all(C)
      expect(chain.filter((e) => e.action === 'ballot.cast')).toHaveLength(300)
      expect(verifyChain(sha256, chain).valid).toBe(true)
    })

    test('an election summed by the database: per candidate, approvals and oppositions in area and heads, as the test adds them up; the count from the sums is the count from the ballots', async () => {
      const a = assembly('asm-sums')
      await openAssembly(voting(), a)
      const areas = rollAreas()
      const [m1, , m3] = a.motions.map((m) => m.id)
      const marks: Array<[string, string[], string[]]> = [['O0001', ['k1', 'k2'], ['k3']], ['O0006', ['k1'], []], ['O0010', ['k2', 'k3'], ['k1']], ['O0090', [], ['k2']], ['O0250', ['k1', 'k3'], []]]
      for (const [voterKey, approve, oppose] of marks) {
        const rows = [{ motionId: m3, marks: { approve, oppose } }, ...(voterKey === 'O0090' ? [] : [choose(m1, 'agree')])]
        expect((await cast(submission(a.id, voterKey, areas.get(voterKey)!, rows))).stored).toBe(true)
      }
      const reference = new Map<string, { area: number; heads: number }>()
      for (const [voterKey, approve, oppose] of marks) {
        for (const [mark, list] of [['approve', approve], ['oppose', oppose]] as const) {
          for (const k of list) {
            const r = reference.get(`${k} ${mark}`) ?? { area: 0, heads: 0 }
            reference.set(`${k} ${mark}`, { area: r.area + areas.get(voterKey)!, heads: r.heads + 1 })
          }
        }
      }
      const sums = await voting().ballotSums(a.id)
      expect(new Map(sums.byCandidate.map((r) => [`${r.candidate} ${r.mark}`, { area: r.area, heads: r.heads }]))).toEqual(reference)
      expect(sums.byCandidate.every((r) => r.motionId === m3)).toBe(true)
      const everyone = (keys: string[]) => ({ area: keys.reduce((x, k) => x + areas.get(k)!, 0), heads: keys.length })
      expect(sums.byChoice.find((r) => r.motionId === m3)).toEqual({ motionId: m3, choice: null, ...everyone(marks.map((x) => x[0])) })
      expect(sums.byChoice.find((r) => r.motionId === m1)).toEqual({ motionId: m1, choice: 'agree', ...everyone(['O0001', 'O0006', 'O0010', 'O0250']) })
      const specs = a.motions.map((m) => ({ id: m.id, matter: m.matter, election: m.seats === null ? null : { seats: m.seats, candidates: m.candidates.map((c) => c.id) } }))
      expect(countFromSums(specs, sums)).toEqual(countAssembly(specs, await voting().electorate(a.id), await voting().ballots(a.id)))
    })

    test('the ballot list, 520 rows (six pages of 100), comes back whole in (time, tracking code, motion) order, the same on every read', async () => {
      const a = assembly('asm-list')
      await openAssembly(voting(), a)
      const electorate = (await voting().electorate(a.id)).slice(0, 260)
      const rand = rng(7)
      const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
      const code = () => Array.from({ length: 10 }, () => alphabet[rand(32)]).join('').replace(/^(.{5})/, '$1-')
      // Only thirteen distinct times: most rows tie on time and are ordered by their code.
      const subs = electorate.map((e) => submission(a.id, e.voterKey, e.area, [choose('asm-list-m2', 'agree'), choose('asm-list-m1', 'oppose')], { castAt: CONTRACT_NOW + rand(13) * 60_000, trackingCode: code() }))
      for (let i = 0; i < subs.length; i += 50) await Promise.all(subs.slice(i, i + 50).map(cast))

      const expected = subs
        .flatMap((s) => s.rows.map((r): StoredBallot => ({ ...r, voterKey: s.voterKey, area: s.area, channel: 'online', castAt: s.castAt, trackingCode: s.trackingCode })))
        .sort((x, y) => x.castAt - y.castAt || byte(x.trackingCode, y.trackingCode) || byte(x.motionId, y.motionId))
      const first = await voting().ballots(a.id)
      expect(first).toHaveLength(520)
      for (let page = 0; page < 6; page++) expect(first.slice(page * 100, page * 100 + 100)).toEqual(expected.slice(page * 100, page * 100 + 100))
      expect(await voting().ballots(a.id)).toEqual(first)
      // Two owners' own view (cast at different times): their rows by time, then motion.
      const some = [subs[3].voterKey, subs.find((s) => s.castAt !== subs[3].castAt)!.voterKey]
      expect(await voting().castBy(a.id, some)).toEqual(
        expected.filter((b) => some.includes(b.voterKey)).sort((x, y) => x.castAt - y.castAt || byte(x.motionId, y.motionId))
          .map((b) => ({ voterKey: b.voterKey, motionId: b.motionId, channel: b.channel, castAt: b.castAt, trackingCode: b.trackingCode })),
      )
    })

    test('proxies: one standing per owner, a cap per proxy person that holds under concurrent grants, revocation until the owner has voted', async () => {
      const a = assembly('asm-proxy')
      await openAssembly(voting(), a)
      const grant = (id: string, voterKey: string, proxyPersonId: string, cap: number, at = CONTRACT_NOW, motions: string[] | null = null) => {
        const p: ProxyRecord = { id, assemblyId: a.id, voterKey, proxyPersonId, motions, letterPhoto: `f_letter_${id}`, grantedBy: COMMITTEE, grantedAt: at, revokedAt: null }
        return voting().grantProxy(p, cap, draft('proxy.grant', `assembly:${a.id}`, { id, voterKey }))
      }
      const revoke = (voterKey: string, at: number) => voting().revokeProxy(a.id, voterKey, COMMITTEE, at, draft('proxy.revoke', `assembly:${a.id}`, { voterKey }))

      expect(await grant('px1', 'O0010', 'p-chen-jing', 3, CONTRACT_NOW, ['asm-proxy-m1'])).toEqual({ ok: true, auditSeq: SEEDED + 3 })
      expect(await grant('px2', 'O0010', 'p-huang-meiling', 3)).toEqual({ ok: false, reason: 'exists' })
      expect(await voting().proxyFrom(a.id, 'O0010', 'p-chen-jing')).toEqual({
        id: 'px1', assemblyId: a.id, voterKey: 'O0010', proxyPersonId: 'p-chen-jing', motions: ['asm-proxy-m1'], letterPhoto: 'f_letter_px1', grantedBy: COMMITTEE, grantedAt: CONTRACT_NOW, revokedAt: null,
      })
      expect(await voting().proxyFrom(a.id, 'O0010', 'p-huang-meiling')).toBeNull()

      // Eight owners name 陈静 at once; the cap is 3 and she already holds one.
      const owners = ['O0020', 'O0021', 'O0022', 'O0023', 'O0024', 'O0025', 'O0026', 'O0027']
      const answers = await Promise.all(owners.map((k, i) => grant(`pc${i}`, k, 'p-chen-jing', 3, CONTRACT_NOW + 1 + i)))
      expect(answers.filter((r) => r.ok)).toHaveLength(2)
      expect(answers.filter((r) => !r.ok)).toEqual(Array(6).fill({ ok: false, reason: 'cap' }))
      const held = await voting().proxiesOf(a.id, { proxyPersonId: 'p-chen-jing' })
      expect(held).toHaveLength(3)
      expect(held.map((p) => p.grantedAt)).toEqual([...held.map((p) => p.grantedAt)].sort((x, y) => x - y))

      // Revoked: the proxy may not vote; the record stays, newest standing one first.
      expect(await revoke('O0010', CONTRACT_NOW + HOUR)).toMatchObject({ ok: true })
      expect(await revoke('O0010', CONTRACT_NOW + HOUR)).toEqual({ ok: false, reason: 'none' })
      expect((await voting().proxyFrom(a.id, 'O0010', 'p-chen-jing'))!.revokedAt).toBe(CONTRACT_NOW + HOUR)
      const late = submission(a.id, 'O0010', 1000, [choose('asm-proxy-m1', 'agree')], { channel: 'proxy', castBy: 'p-chen-jing', proxyId: 'px1', castAt: CONTRACT_NOW + 2 * HOUR })
      expect(await cast(late)).toEqual({ stored: false, reason: 'proxy-revoked' })
      expect(await voting().castBy(a.id, ['O0010'])).toEqual([])
      // The owner may name someone else now.
      expect(await grant('px3', 'O0010', 'p-huang-meiling', 3, CONTRACT_NOW + 3 * HOUR)).toMatchObject({ ok: true })
      expect((await voting().proxiesOf(a.id, { voterKeys: ['O0010'] })).map((p) => [p.id, p.revokedAt])).toEqual([['px1', CONTRACT_NOW + HOUR], ['px3', null]])
      expect(await voting().proxiesOf(a.id, { voterKeys: [] })).toEqual([])

      // Once a ballot is in, the proxy can be neither revoked nor newly granted.
      const standing = held.find((p) => p.voterKey !== 'O0010')!
      expect(await cast(submission(a.id, standing.voterKey, 1000, [choose('asm-proxy-m1', 'agree')], { channel: 'proxy', castBy: 'p-chen-jing', proxyId: standing.id }))).toMatchObject({ stored: true })
      expect(await revoke(standing.voterKey, CONTRACT_NOW + 4 * HOUR)).toEqual({ ok: false, reason: 'voted' })
      expect(await cast(submission(a.id, 'O0030', 1000, [choose('asm-proxy-m2', 'agree')]))).toMatchObject({ stored: true })
      expect(await grant('px4', 'O0030', 'p-huang-meiling', 3)).toEqual({ ok: false, reason: 'voted' })
      expect(await revoke('O0030', CONTRACT_NOW + 4 * HOUR)).toEqual({ ok: false, reason: 'voted' })
    })

    test('a revocation racing its proxy\'s ballot: each owner ends with either the ballot (revocation refused) or the revocation (ballot refused), never both', async () => {
      const a = assembly('asm-race')
      await openAssembly(voting(), a)
      const keys = Array.from({ length: 20 }, (_, i) => `O${String(300 + i).padStart(4, '0')}`)
      for (const [i, voterKey] of keys.entries()) {
        const p: ProxyRecord = { id: `pr${i}`, assemblyId: a.id, voterKey, proxyPersonId: `p-${['chen-jing', 'huang-meiling'][i % 2]}`, motions: null, letterPhoto: 'f_letter', grantedBy: COMMITTEE, grantedAt: CONTRACT_NOW, revokedAt: null }
        expect(await voting().grantProxy(p, 20, draft('proxy.grant', `assembly:${a.id}`, { voterKey }))).toMatchObject({ ok: true })
      }
      const raced = await Promise.all(keys.map(async (voterKey, i) => {
        const s = submission(a.id, voterKey, 1000, [choose('asm-race-m1', 'agree')], { channel: 'proxy', castBy: 'p-chen-jing', proxyId: `pr${i}` })
        const [c, r] = await Promise.all([cast(s), voting().revokeProxy(a.id, voterKey, COMMITTEE, CONTRACT_NOW + 1, draft('proxy.revoke', `assembly:${a.id}`, { voterKey }))])
        return { voterKey, cast: c, revoke: r }
      }))
      const stored = new Set((await voting().ballots(a.id)).map((b) => b.voterKey))
      const standing = new Set((await voting().proxiesOf(a.id, {})).filter((p) => p.revokedAt === null).map((p) => p.voterKey))
      for (const r of raced) {
        if (r.cast.stored) {
          expect(r.revoke).toEqual({ ok: false, reason: 'voted' })
          expect(stored.has(r.voterKey) && standing.has(r.voterKey)).toBe(true)
        } else {
          expect([r.cast, r.revoke.ok]).toEqual([{ stored: false, reason: 'proxy-revoked' }, true])
          expect(stored.has(r.voterKey) || standing.has(r.voterKey)).toBe(false)
        }
      }
    })

    test('objections are kept in filing order and resolved once; an upheld one records corrections (one per owner and motion, all or nothing); results publish once per stage', async () => {
      const a = assembly('asm-count', { opensAt: CONTRACT_NOW - 9 * DAY, closesAt: CONTRACT_NOW - 2 * DAY })
      await openAssembly(voting(), a)
      const [m1, m2] = a.motions.map((m) => m.id)
      expect(await cast(submission(a.id, 'O0006', 1000, [choose(m1, 'agree'), choose(m2, 'oppose')], { castAt: CONTRACT_NOW - 3 * DAY }))).toMatchObject({ stored: true })
      const result = { motions: [{ motionId: m1, passed: true, agree: { area: '52345.67', heads: 402 } }] }
      const publish = (stage: 'preliminary' | 'certified', at: number) =>
        voting().publishResult(a.id, { stage, result, publishedAt: at, publishedBy: COMMITTEE, objectionUntil: stage === 'preliminary' ? at + 7 * DAY : null }, draft(`result.${stage}`, `assembly:${a.id}`))
      const five = await Promise.all(Array.from({ length: 5 }, () => publish('preliminary', CONTRACT_NOW)))
      expect(five.filter((r) => r.ok)).toHaveLength(1)
      expect(five.filter((r) => !r.ok)).toEqual(Array(4).fill({ ok: false }))
      const seq = (five.find((r) => r.ok) as { auditSeq: number }).auditSeq
      expect(await voting().assembly(C, a.id)).toMatchObject({ stage: 'preliminary' })

      const file = (id: string, at: number, text: string) => voting().fileObjection(
        { id, assemblyId: a.id, voterKey: 'O0006', filedBy: 'p-zhang-wei', trackingCode: 'ABCDE-FGHJK', text, filedAt: at, resolution: null, reason: null, resolvedBy: null, resolvedAt: null },
        draft('objection.file', `assembly:${a.id}`, { id }),
      )
      expect(await file('ob-b', CONTRACT_NOW + 2 * HOUR, '我的第二项选择记录有误')).toBe(seq + 1)
      expect(await file('ob-a', CONTRACT_NOW + HOUR, '我投的是同意')).toBe(seq + 2)
      expect(await file('ob-c', CONTRACT_NOW + HOUR, '第一项应为反对')).toBe(seq + 3)
      type Correction = { motionId: string; voterKey: string; marks: { choice: Choice } }
      const resolve = (id: string, at: number, corrections: Correction[] = [], resolution: 'upheld' | 'dismissed' = corrections.length ? 'upheld' : 'dismissed') =>
        voting().resolveObjection(id, { resolution, reason: corrections.length ? '核对纸质选票，确有录入错误' : '核对纸质选票，记录无误', by: COMMITTEE, at, corrections }, draft('objection.resolve', `assembly:${a.id}`, { id }))

      // Two committee members resolve the same objection at once: one resolution stands.
      const both = await Promise.all([resolve('ob-a', CONTRACT_NOW + DAY), resolve('ob-a', CONTRACT_NOW + DAY)])
      expect(both.filter((r) => r.ok)).toEqual([{ ok: true, auditSeq: seq + 4 }])
      expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'resolved' }])
      expect(await resolve('ob-a', CONTRACT_NOW + 2 * DAY)).toEqual({ ok: false, reason: 'resolved' })
      expect(await resolve('ob-none', CONTRACT_NOW + 2 * DAY)).toEqual({ ok: false, reason: 'resolved' })

      const fixM1: Correction = { motionId: m1, voterKey: 'O0006', marks: { choice: 'oppose' } }
      expect(await resolve('ob-c', CONTRACT_NOW + DAY + HOUR, [fixM1])).toEqual({ ok: true, auditSeq: seq + 5 })
      // m1 already carries a correction: ob-b's resolution is refused whole (its m2 correction too) and writes nothing.
      const fixM2: Correction = { motionId: m2, voterKey: 'O0006', marks: { choice: 'abstain' } }
      const entries = (await t().ports.audit.all(C)).length
      expect(await resolve('ob-b', CONTRACT_NOW + 2 * DAY, [fixM2, { ...fixM1, marks: { choice: 'agree' } }])).toEqual({ ok: false, reason: 'corrected' })
      expect((await voting().objections(a.id)).find((o) => o.id === 'ob-b')).toMatchObject({ resolution: null })
      expect((await t().ports.audit.all(C)).length).toBe(entries)
      expect(await resolve('ob-b', CONTRACT_NOW + 2 * DAY, [fixM2])).toEqual({ ok: true, auditSeq: seq + 6 })
      expect(await voting().corrections(a.id)).toEqual([
        { ...fixM1, objectionId: 'ob-c', correctedBy: COMMITTEE, correctedAt: CONTRACT_NOW + DAY + HOUR },
        { ...fixM2, objectionId: 'ob-b', correctedBy: COMMITTEE, correctedAt: CONTRACT_NOW + 2 * DAY },
      ])
      // The ballots themselves are as cast.
      expect((await voting().ballots(a.id)).map((b) => b.marks)).toEqual([{ choice: 'agree' }, { choice: 'oppose' }])
      expect(await voting().corrections('asm-none')).toEqual([])

      const list = await voting().objections(a.id)
      expect(list.map((o) => o.id)).toEqual(['ob-a', 'ob-c', 'ob-b'])
      expect(list[0]).toEqual({
        id: 'ob-a', assemblyId: a.id, voterKey: 'O0006', filedBy: 'p-zhang-wei', trackingCode: 'ABCDE-FGHJK', text: '我投的是同意', filedAt: CONTRACT_NOW + HOUR,
        resolution: 'dismissed', reason: '核对纸质选票，记录无误', resolvedBy: COMMITTEE, resolvedAt: CONTRACT_NOW + DAY,
      })
      expect(list[1]).toMatchObject({ resolution: 'upheld', reason: '核对纸质选票，确有录入错误' })

      expect(await publish('certified', CONTRACT_NOW + 8 * DAY)).toEqual({ ok: true, auditSeq: seq + 7 })
      expect(await publish('certified', CONTRACT_NOW + 9 * DAY)).toEqual({ ok: false })
      expect(await voting().results(a.id)).toEqual([
        { stage: 'preliminary', result, publishedAt: CONTRACT_NOW, objectionUntil: CONTRACT_NOW + 7 * DAY, auditSeq: seq },
        { stage: 'certified', result, publishedAt: CONTRACT_NOW + 8 * DAY, objectionUntil: null, auditSeq: seq + 7 },
      ])
      expect(await voting().assembly(C, a.id)).toMatchObject({ stage: 'certified' })
      expect(await voting().results('asm-none')).toEqual([])
      expect(verifyChain(sha256, await t().ports.audit.all(C)).valid).toBe(true)
    })

    test('the timers see every unclosed assembly of every community, soonest to open first; a unit\'s bound owners are found on the newest roll', async () => {
      const at = (days: number) => CONTRACT_NOW + days * DAY
      await voting().callAssembly(assembly('asm-closed', { opensAt: at(-9), closesAt: at(-2) }), draft('assembly.call', 'assembly:asm-closed'))
      await voting().callAssembly(assembly('asm-later', { opensAt: at(16), closesAt: at(23) }), draft('assembly.call', 'assembly:asm-later'))
      await voting().callAssembly(assembly('asm-now', { opensAt: at(-1), closesAt: at(6) }), draft('assembly.call', 'assembly:asm-now'))
      // Closing exactly now counts as closed.
      await voting().callAssembly(assembly('asm-edge', { opensAt: at(-7), closesAt: CONTRACT_NOW }), draft('assembly.call', 'assembly:asm-edge'))
      expect((await voting().unclosed(CONTRACT_NOW)).map((a) => a.id)).toEqual(['asm-now', 'asm-later'])
      expect((await voting().unclosed(CONTRACT_NOW - 1)).map((a) => a.id)).toEqual(['asm-edge', 'asm-now', 'asm-later'])
      expect((await voting().unclosed(CONTRACT_NOW))[0].motions.map((m) => m.id)).toEqual(['asm-now-m1', 'asm-now-m2', 'asm-now-m3'])

      expect(await voting().ownersOfUnit(C, '1栋', '0203')).toEqual(['p-zhang-wei'])
      expect(await voting().ownersOfUnit(C, '1栋', '9999')).toEqual([])
      expect(await voting().ownersOfUnit('c-none', '1栋', '0203')).toEqual([])
    })
  })
}
