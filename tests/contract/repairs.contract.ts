// Repair requests' storage, as staff, a reporter and the committee would
// check it: numbers 1, 2, 3… however many report at once, the staff queue in
// the order things fall due and a page at a time, every step of a request in
// its timeline and the audit chain, a change from a stale read refused with
// nothing written, the 7-day self-confirmation at the exact millisecond, the
// lists a person sees, and a month's numbers against a hand-worked month.
// Requests are written through the port, moved by the app's own runCommand.
import { verifyChain } from '../../src/domain/audit-chain'
import { DAY, HOUR, MINUTE, commitmentFor, type Commitment, type RepairCategory, type Urgency } from '../../src/domain/repairs/commitments'
import { reportRepair, type RepairCommand, type RepairLocation, type RepairRequest } from '../../src/domain/repairs/request'
import { monthRange, monthlyStats } from '../../src/domain/repairs/stats'
import { runCommand } from '../../src/cloud/kit/repair-use-cases'
import { sha256 } from '../../src/cloud/kit/sha256'
import { autoConfirmJob } from '../../src/cloud/kit/repair-use-cases'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import { DEMO_COMMITMENTS } from '../../src/seed/seed-repairs'
import { CONTRACT_NOW as T, describePort, useTarget, type ContractTarget } from './target'
import { CHEN, LIU, STAFF, ZHANG, common, unit } from '../support/repair-people'

/** `hour`:`minute` Shanghai time on a day of 2026. */
const sh = (month: number, day: number, hour = 10, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute)
const STAFF_WORK = (worker = '王师傅'): RepairCommand[] => [{ kind: 'accept' }, { kind: 'assign', worker }, { kind: 'start' }]

export function repairsContract(target: ContractTarget) {
  describePort(target, 'repairs', () => {
    const t = useTarget(target)
    const port = () => t().ports.repairs
    const chainLength = async () => (await t().ports.audit.all(C)).length

    const report = (id: string, reporterId: string, location: RepairLocation, category: RepairCategory, urgency: Urgency, at: number): Promise<RepairRequest> => {
      const draft = reportRepair({ id, communityId: C, reporterId, location, category, urgency, description: '坏了', photos: [], preferredTime: null }, commitmentFor(DEMO_COMMITMENTS, category, urgency), at)
      return port().create(draft, { at, actorId: reporterId, kind: 'report', status: 'reported', data: { photos: 0 } },
        (no) => ({ communityId: C, actorId: reporterId, action: 'repair.report', subject: `repair:${id}`, data: { no } }))
    }
    /** Commands one after another, each at `at` by `who` (staff unless said; null: the scheduled jobs). */
    const run = async (r: RepairRequest, steps: Array<[RepairCommand, number, (string | null)?]>): Promise<RepairRequest> => {
      for (const [cmd, at, who] of steps) r = await runCommand(t().ports, r, cmd, who === undefined ? STAFF : who, at)
      return r
    }
    const completeAt = (r: RepairRequest, at: number) => run(r, [...STAFF_WORK().map((c, i): [RepairCommand, number] => [c, at - (3 - i) * MINUTE]), [{ kind: 'complete', note: '已修好', photos: [] }, at]])
    const written = async (id: string) => [await port().get(C, id), await port().timeline(id), await chainLength()]

    test('commitments: none until the committee sets them; the whole table is replaced, read by category and urgency, and audited', async () => {
      expect(await port().settings(C)).toEqual({ commitments: [], commonAreas: [] })
      const chain = await chainLength()
      const set = (list: Commitment[]) => port().setCommitments(C, list, { communityId: C, actorId: 'p-li-jianguo', action: 'repair.commitments', subject: 'repair-commitments', data: { n: list.length } }, T)
      await set(DEMO_COMMITMENTS)
      const stored = (await port().settings(C)).commitments
      expect(stored).toHaveLength(14)
      expect(stored.slice(0, 3)).toEqual([
        { category: 'door', urgency: 'normal', responseMinutes: 240, completionMinutes: 4320 },
        { category: 'door', urgency: 'urgent', responseMinutes: 60, completionMinutes: 480 },
        { category: 'electric', urgency: 'normal', responseMinutes: 120, completionMinutes: 2880 },
      ])
      expect(stored.at(-1)).toEqual({ category: 'water', urgency: 'urgent', responseMinutes: 30, completionMinutes: 240 })
      await set([{ category: 'water', urgency: 'urgent', responseMinutes: 20, completionMinutes: 120 }, { category: 'water', urgency: 'normal', responseMinutes: 60, completionMinutes: 1440 }])
      expect((await port().settings(C)).commitments).toEqual([
        { category: 'water', urgency: 'normal', responseMinutes: 60, completionMinutes: 1440 },
        { category: 'water', urgency: 'urgent', responseMinutes: 20, completionMinutes: 120 },
      ])
      expect((await t().ports.audit.all(C)).slice(chain).map((e) => [e.action, e.data])).toEqual([['repair.commitments', { n: 14 }], ['repair.commitments', { n: 2 }]])
    })

    test('requests are numbered 1, 2, 3 in their community; twenty reported at once get 4 to 23, each once; each reads back with its report', async () => {
      const first = [await report('r-1', ZHANG, unit('1栋', '0202'), 'water', 'urgent', T), await report('r-2', LIU, unit('1栋', '0203'), 'door', 'normal', T), await report('r-3', CHEN, common('中心花园'), 'public', 'normal', T)]
      expect(first.map((r) => r.no)).toEqual([1, 2, 3])
      expect(await port().get(C, 'r-2')).toEqual(first[1])
      expect(await port().timeline('r-2')).toEqual([{ seq: 1, at: T, actorId: LIU, kind: 'report', status: 'reported', data: { photos: 0 } }])
      expect(await port().get(C, 'r-none')).toBeNull()
      expect(await port().get('c-other', 'r-1')).toBeNull()

      const rush = await Promise.all(Array.from({ length: 20 }, (_, i) => report(`r-rush-${i}`, CHEN, common('小区大门'), 'door', 'normal', T + i)))
      expect(rush.map((r) => r.no).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 4))
      for (const r of rush) expect((await port().get(C, r.id))!.no).toBe(r.no)
      const chain = await t().ports.audit.all(C)
      expect(chain.filter((e) => e.action === 'repair.report').map((e) => (e.data as { no: number }).no).sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1))
      expect(verifyChain(sha256, chain).valid).toBe(true)
    })

    test('the staff queue goes by what is due first (ties by number), a page at a time; finished requests leave it; overdue lists what is past due', async () => {
      // Response promises: water/urgent 30 min, door/normal 4 h, lift/urgent 15 min, other/normal and public/normal 8 h.
      await report('q1', ZHANG, unit('1栋', '0202'), 'water', 'urgent', T)
      const q2 = await report('q2', ZHANG, unit('1栋', '0203'), 'door', 'normal', T)
      const q3 = await report('q3', CHEN, common('4栋电梯'), 'lift', 'urgent', T)
      await report('q4', CHEN, unit('4栋', '0302'), 'other', 'normal', T)
      await report('q5', LIU, unit('1栋', '0203'), 'water', 'urgent', T + 10 * MINUTE)
      await report('q6', CHEN, common('地下车库'), 'water', 'urgent', T)
      await report('q7', CHEN, common('中心花园'), 'public', 'normal', T)
      // Accepted, the lift now owes its completion: 2 h from the report. The door is done and owes nothing.
      await run(q3, [[{ kind: 'accept' }, T + 5 * MINUTE]])
      await completeAt(q2, T + 20 * MINUTE)

      const expected = [['q1', T + 30 * MINUTE], ['q6', T + 30 * MINUTE], ['q5', T + 40 * MINUTE], ['q3', T + 2 * HOUR], ['q4', T + 8 * HOUR], ['q7', T + 8 * HOUR]]
      const pages: string[][] = []
      let after: { dueAt: number; no: number } | null = null
      for (;;) {
        const page: RepairRequest[] = await port().queue(C, after, 2)
        if (page.length === 0) break
        pages.push(page.map((r) => r.id))
        const last = page.at(-1)!
        after = { dueAt: expected.find(([id]) => id === last.id)![1] as number, no: last.no }
      }
      expect(pages).toEqual([['q1', 'q6'], ['q5', 'q3'], ['q4', 'q7']])
      expect((await port().queue(C, { dueAt: T + 30 * MINUTE, no: 1 }, 10)).map((r) => r.id)).toEqual(['q6', 'q5', 'q3', 'q4', 'q7'])

      // Past due is strictly after the promised minute.
      expect(await port().overdue(C, T + 30 * MINUTE)).toEqual([])
      expect((await port().overdue(C, T + 30 * MINUTE + 1)).map((r) => r.id)).toEqual(['q1', 'q6'])
      expect((await port().overdue(C, T + DAY)).map((r) => r.id)).toEqual(expected.map(([id]) => id))
    })

    test('a request goes accept → assign → start → complete → reopen → … → confirm with 4 stars; an overdue one is urged and escalated; every step is in its timeline and the audit chain', async () => {
      const chain = await chainLength()
      const r = await report('r-1', ZHANG, unit('1栋', '0202'), 'water', 'urgent', T)
      const done = await run(r, [
        ...STAFF_WORK('李师傅').map((c, i): [RepairCommand, number] => [c, T + (10 + 5 * i) * MINUTE]),
        [{ kind: 'complete', note: '更换了三通', photos: ['f_after'] }, T + 2 * HOUR],
        [{ kind: 'reopen', reason: '还在滴水' }, T + DAY, ZHANG],
        ...STAFF_WORK('李师傅').map((c, i): [RepairCommand, number] => [c, T + DAY + (5 + i) * MINUTE]),
        [{ kind: 'complete', note: '重新密封', photos: [] }, T + DAY + HOUR],
        [{ kind: 'confirm', rating: 4, comment: '第二次修好了' }, T + 2 * DAY, ZHANG],
      ])
      expect(await port().get(C, 'r-1')).toEqual(done)
      expect(done).toMatchObject({ status: 'confirmed', version: 11, reopenCount: 1, rating: 4, comment: '第二次修好了', firstAcceptedAt: T + 10 * MINUTE, firstCompletedAt: T + 2 * HOUR, completedAt: T + DAY + HOUR, confirmedAt: T + 2 * DAY })
      const timeline = await port().timeline('r-1')
      expect(timeline.map((e) => [e.seq, e.kind, e.status])).toEqual([
        [1, 'report', 'reported'], [2, 'accept', 'accepted'], [3, 'assign', 'assigned'], [4, 'start', 'in_progress'], [5, 'complete', 'completed'],
        [6, 'reopen', 'reopened'], [7, 'accept', 'accepted'], [8, 'assign', 'assigned'], [9, 'start', 'in_progress'], [10, 'complete', 'completed'], [11, 'confirm', 'confirmed'],
      ])
      expect(timeline[5]).toMatchObject({ actorId: ZHANG, at: T + DAY, data: { reason: '还在滴水' } })
      expect(timeline[10].data).toEqual({ rating: 4, comment: '第二次修好了' })
      const entries = (await t().ports.audit.all(C)).slice(chain)
      expect(entries.map((e) => e.action)).toEqual(['repair.report', 'repair.accept', 'repair.assign', 'repair.start', 'repair.complete', 'repair.reopen', 'repair.accept', 'repair.assign', 'repair.start', 'repair.complete', 'repair.confirm'])

      // Nobody answered the urgent leak within 30 minutes: the reporter urges, the job escalates.
      const late = await report('r-2', ZHANG, unit('1栋', '0203'), 'water', 'urgent', T)
      const urged = await run(late, [[{ kind: 'urge' }, T + 31 * MINUTE, ZHANG], [{ kind: 'escalate' }, T + 32 * MINUTE, null]])
      expect(await port().get(C, 'r-2')).toMatchObject({ status: 'reported', urged: ['response'], escalated: ['response'], version: 3 })
      expect(urged.version).toBe(3)
      expect((await port().timeline('r-2')).map((e) => [e.kind, e.data])).toEqual([['report', { photos: 0 }], ['urge', { phase: 'response', dueAt: T + 30 * MINUTE }], ['escalate', { phase: 'response', dueAt: T + 30 * MINUTE }]])
    })

    test('a change from a stale read is refused with CONFLICT and writes nothing; of two staff accepting at once, one wins', async () => {
      const r = await report('r-1', ZHANG, unit('1栋', '0202'), 'water', 'urgent', T)
      await run(r, [[{ kind: 'accept' }, T + MINUTE]])
      const before = await written('r-1')
      // A second screen still holds version 1.
      await expect(run(r, [[{ kind: 'accept' }, T + 2 * MINUTE]])).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await written('r-1')).toEqual(before)

      const r2 = await report('r-2', ZHANG, unit('1栋', '0203'), 'water', 'urgent', T)
      const results = await Promise.allSettled([run(r2, [[{ kind: 'accept' }, T + MINUTE]]), run(r2, [[{ kind: 'accept' }, T + MINUTE, 'p-other-staff']])])
      expect(results.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected'])
      expect((results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('CONFLICT')
      expect((await port().timeline('r-2')).map((e) => e.kind)).toEqual(['report', 'accept'])
      expect((await port().get(C, 'r-2'))!.version).toBe(2)
    })

    test('a completed request its reporter leaves alone confirms itself 7 days later, not a millisecond sooner, and only once', async () => {
      const r = await completeAt(await report('r-1', ZHANG, unit('1栋', '0202'), 'door', 'normal', T), T + HOUR)
      const due = T + HOUR + 7 * DAY
      expect(await port().completedBefore(C, T + HOUR - 1)).toEqual([])
      expect(await port().completedBefore(C, T + HOUR)).toEqual([r])
      expect(await autoConfirmJob(t().ports, C, due - 1)).toBe(0)
      expect(await autoConfirmJob(t().ports, C, due)).toBe(1)
      expect(await port().get(C, 'r-1')).toMatchObject({ status: 'confirmed', autoConfirmed: true, confirmedAt: due, rating: null })
      expect((await port().timeline('r-1')).at(-1)).toMatchObject({ kind: 'auto_confirm', status: 'confirmed', actorId: null, at: due })
      expect(await port().completedBefore(C, due)).toEqual([])
      expect(await autoConfirmJob(t().ports, C, due + DAY)).toBe(0)
    })

    test('my requests are those I reported and those in flats I own, newest first, each once; common-area requests are everyone\'s, newest first', async () => {
      await report('a', ZHANG, unit('1栋', '0202'), 'water', 'normal', T - 3 * HOUR)
      await report('b', LIU, unit('1栋', '0203'), 'door', 'normal', T - 2 * HOUR)
      await report('c', ZHANG, common('中心花园'), 'public', 'normal', T - HOUR)
      await report('d', CHEN, unit('4栋', '0302'), 'electric', 'normal', T)
      await report('e', CHEN, common('小区大门'), 'door', 'normal', T)
      await report('f', 'p-li-jianguo', common('1栋大堂'), 'public', 'normal', T)
      const ids = (rs: RepairRequest[]) => rs.map((r) => r.id)
      const zhangsFlats = [{ building: '1栋', unitNo: '0202' }, { building: '1栋', unitNo: '0203' }]
      expect(ids(await port().mine(C, ZHANG, zhangsFlats, 50))).toEqual(['c', 'b', 'a'])
      expect(ids(await port().mine(C, ZHANG, zhangsFlats, 2))).toEqual(['c', 'b'])
      expect(ids(await port().mine(C, LIU, [], 50))).toEqual(['b'])
      // Reported in the same minute: the later number first.
      expect(ids(await port().mine(C, CHEN, [{ building: '4栋', unitNo: '0302' }], 50))).toEqual(['e', 'd'])
      expect(ids(await port().common(C, 50))).toEqual(['f', 'e', 'c'])
      expect(ids(await port().common(C, 1))).toEqual(['f'])
    })

    test('October in numbers, against the month worked by hand', async () => {
      const fix = (r: RepairRequest, accept: number, complete: number | null) =>
        run(r, [...STAFF_WORK().map((c, i): [RepairCommand, number] => [c, r.reportedAt + (accept + i) * MINUTE]).slice(0, complete === null ? 1 : 3),
          ...(complete === null ? [] : [[{ kind: 'complete', note: '已修好', photos: [] }, r.reportedAt + complete * MINUTE] as [RepairCommand, number]])])
      // R7 at the first instant of October: accepted after 60 min, never completed (its 3-day promise long passed).
      await fix(await report('r7', ZHANG, unit('1栋', '0202'), 'door', 'normal', sh(10, 1, 0)), 60, null)
      // R1 urgent leak: accepted in 20 min, done in 3 h (promises 30 min / 4 h kept), 5 stars.
      await run(await fix(await report('r1', ZHANG, unit('1栋', '0202'), 'water', 'urgent', sh(10, 3)), 20, 180), [[{ kind: 'confirm', rating: 5, comment: '' }, sh(10, 4), ZHANG]])
      // R2 door: accepted after 5 h (promised 4 h), done in 2 days (promised 3), 3 stars.
      await run(await fix(await report('r2', LIU, unit('1栋', '0203'), 'door', 'normal', sh(10, 10)), 300, 2880), [[{ kind: 'confirm', rating: 3, comment: '' }, sh(10, 13), LIU]])
      // R3 urgent leak: accepted in 10 min, done in 1 h (kept), reopened, accepted again.
      await run(await fix(await report('r3', ZHANG, unit('1栋', '0203'), 'water', 'urgent', sh(10, 20)), 10, 60), [[{ kind: 'reopen', reason: '又漏了' }, sh(10, 20, 12), ZHANG], [{ kind: 'accept' }, sh(10, 20, 12, 10)]])
      // R4 door on 10-30: nobody came; its 3-day promise ran out on 11-02.
      await report('r4', CHEN, unit('4栋', '0302'), 'door', 'normal', sh(10, 30))
      // Outside October: 09-30 and the first instant of November.
      await fix(await report('r5', CHEN, unit('4栋', '0302'), 'water', 'urgent', sh(9, 30)), 5, null)
      await report('r6', CHEN, unit('4栋', '0302'), 'door', 'normal', sh(11, 1, 0))

      const { from, to } = monthRange('2026-10')
      const october = await port().reportedBetween(C, from, to)
      expect(october.map((r) => r.id)).toEqual(['r7', 'r1', 'r2', 'r3', 'r4'])
      expect(monthlyStats('2026-10', october, T)).toEqual({
        month: '2026-10',
        requests: 5,
        // Responses 60, 20, 300, 10 min: the middle two are 20 and 60.
        medianResponseMs: 40 * MINUTE,
        // First completions 180, 2880, 60 min.
        medianCompletionMs: 180 * MINUTE,
        // Decided: all five (three completed, two past their completion promise); both promises kept: R1 and R3.
        withinCommitment: { num: 2, den: 5 },
        rating: { sum: 8, count: 2 },
        // Completed at least once: R1, R2, R3; reopened: R3.
        reopenRate: { num: 1, den: 3 },
      })
    })

    test('a repair is linked to its repair-fund withdrawal once; a second link is refused and writes nothing', async () => {
      const r = await completeAt(await report('r-1', CHEN, common('外墙与屋面'), 'public', 'normal', T), T + HOUR)
      const link = (from: RepairRequest, withdrawalId: string) =>
        port().linkFund({ ...from, fundWithdrawalId: withdrawalId, version: from.version + 1 }, withdrawalId,
          { at: T + 2 * HOUR, actorId: 'p-li-jianguo', kind: 'fund_link', status: from.status, data: { withdrawalId } },
          { communityId: C, actorId: 'p-li-jianguo', action: 'repair.fund_link', subject: `repair:${from.id}`, data: { withdrawalId } })
      await link(r, '2026-Q3#1')
      const linked = (await port().get(C, 'r-1'))!
      expect(linked).toMatchObject({ fundWithdrawalId: '2026-Q3#1', status: 'completed', version: r.version + 1 })
      expect((await port().timeline('r-1')).at(-1)).toMatchObject({ kind: 'fund_link', data: { withdrawalId: '2026-Q3#1' } })
      const before = await written('r-1')
      await expect(link(linked, '2026-Q2#1')).rejects.toMatchObject({ code: 'REPAIR.ALREADY_LINKED' })
      expect(await written('r-1')).toEqual(before)

      // One withdrawal may pay for several repairs; the community's links come by repair number.
      expect(await port().fundLinks(C)).toEqual([{ withdrawalId: '2026-Q3#1', requestId: 'r-1', no: 1 }])
      const r2 = await report('r-2', ZHANG, common('3栋电梯'), 'lift', 'normal', T)
      const r3 = await report('r-3', CHEN, common('外墙与屋面'), 'public', 'normal', T)
      await link(r3, '2026-Q3#1')
      await link(r2, '2026-Q1#1')
      expect(await port().fundLinks(C)).toEqual([
        { withdrawalId: '2026-Q3#1', requestId: 'r-1', no: 1 },
        { withdrawalId: '2026-Q1#1', requestId: 'r-2', no: 2 },
        { withdrawalId: '2026-Q3#1', requestId: 'r-3', no: 3 },
      ])
      expect(await port().fundLinks('c-none')).toEqual([])
    })

    test('common areas: the whole list is replaced in the committee\'s order, audited; a repeated name is refused and writes nothing', async () => {
      const chain = await chainLength()
      const set = (areas: string[]) => port().setCommonAreas(C, areas, { communityId: C, actorId: 'p-li-jianguo', action: 'repair.areas', subject: 'repair-areas', data: { areas } }, T)
      await set(['小区大门', '地下车库', '中心花园'])
      // Renamed, reordered, one removed, one added.
      await set(['地下车库', '南大门', '快递驿站'])
      expect((await port().settings(C)).commonAreas).toEqual(['地下车库', '南大门', '快递驿站'])
      expect((await t().ports.audit.all(C)).slice(chain).map((e) => e.action)).toEqual(['repair.areas', 'repair.areas'])
      await expect(set(['南大门', '地下车库', '南大门'])).rejects.toMatchObject({ code: 'REPAIR.AREAS_INVALID' })
      expect((await port().settings(C)).commonAreas).toEqual(['地下车库', '南大门', '快递驿站'])
      expect(await chainLength()).toBe(chain + 2)
      await set([])
      expect((await port().settings(C)).commonAreas).toEqual([])
    })

    test('the jobs sweep only communities with a request still owed or awaiting its reporter', async () => {
      expect(await port().communitiesWithPending()).toEqual([])
      const r = await report('r-1', ZHANG, unit('1栋', '0202'), 'water', 'urgent', T)
      expect(await port().communitiesWithPending()).toEqual([C])
      const done = await completeAt(r, T + HOUR)
      expect(await port().communitiesWithPending()).toEqual([C])
      await run(done, [[{ kind: 'confirm', rating: 5, comment: '' }, T + 2 * HOUR, ZHANG]])
      expect(await port().communitiesWithPending()).toEqual([])
    })
  })
}
