// The building captains' storage, as a captain, an owner and the committee
// would check it: reception days in date order and a slot that is one
// person's only, rectification items through their states with every step
// kept, a write from a stale read refused with nothing written, the board a
// page at a time in a stable order, the month's figures against a hand-worked
// month, and the claim board. Everything is written through the port, with
// the domain's own rules building what is written.
import type { Actor } from '../../src/domain/captains/actor'
import { applyClaim, publishClaim, type ClaimTask } from '../../src/domain/captains/claims'
import { monthFigures } from '../../src/domain/captains/numbers'
import { cancelDay, moveDay, planDays, type ReceptionDay } from '../../src/domain/captains/reception'
import { applyCommand, raiseItem, type Command, type RectificationItem } from '../../src/domain/captains/rectification'
import { DAY, HOUR, WEEK, monthRange } from '../../src/domain/captains/time'
import { verifyChain } from '../../src/domain/audit-chain'
import { sha256 } from '../../src/cloud/kit/sha256'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import { CONTRACT_NOW as T, describePort, useTarget, type ContractTarget } from './target'

const CAPTAIN: Actor = { personId: 'p-wang-xiuying', roles: ['owner', 'captain'], captainOf: ['1栋', '2栋', '3栋'], units: [{ building: '1栋', unitNo: '0302' }] }
const PROPERTY: Actor = { personId: 'p-zhao-lei', roles: ['property'], captainOf: [], units: [] }
const COMMITTEE: Actor = { personId: 'p-li-jianguo', roles: ['owner', 'committee'], captainOf: [], units: [{ building: '1栋', unitNo: '0101' }] }
const ZHANG: Actor = { personId: 'p-zhang-wei', roles: ['owner'], captainOf: [], units: [{ building: '1栋', unitNo: '0202' }, { building: '1栋', unitNo: '0203' }] }
const CHEN: Actor = { personId: 'p-chen-jing', roles: ['owner'], captainOf: [], units: [{ building: '4栋', unitNo: '0302' }] }

/** 10:00 (or `hour`) Shanghai time on a day of 2026. */
const sh = (month: number, day: number, hour = 10) => Date.UTC(2026, month - 1, day, hour - 8)
const MINUTE = 60_000
const audit = (actor: Actor | null, action: string, subject: string, data: unknown = {}): AuditDraft => ({ communityId: C, actorId: actor?.personId ?? null, action, subject, data })

export function captainsContract(target: ContractTarget) {
  describePort(target, 'captains', () => {
    const t = useTarget(target)
    const port = () => t().ports.captains
    const chainLength = async () => (await t().ports.audit.all(C)).length

    const schedule = async (building: string, startsAt: number, weeks: number, series: string): Promise<ReceptionDay[]> => {
      const days = planDays({ building, startsAt, durationMinutes: 120, weeks, place: `${building}一楼大堂`, note: '', slotMinutes: 15 }, { series, day: (i) => `${series}-${i + 1}` }, C, CAPTAIN, T)
      await port().insertDays(days, audit(CAPTAIN, 'reception.schedule', `reception:${series}`, { weeks }), T)
      return days
    }
    const raise = async (id: string, raiser: Actor, building: string, unitNo: string, at: number): Promise<RectificationItem> => {
      const { item, step } = raiseItem({ id, communityId: C, building, unitNo, category: 'environment', description: `${building}${unitNo} 楼道堆物` }, raiser, at)
      await port().insertItem(item, step, audit(raiser, 'rect.raise', `rect:${id}`))
      return item
    }
    /** One step as rect-act takes it: the domain's transition, saved against the version it was read at. */
    const act = async (item: RectificationItem, cmd: Command, actor: Actor, at: number): Promise<RectificationItem> => {
      const next = applyCommand(item, cmd, actor, at)
      await port().saveStep(next.item, item.version, next.step, audit(actor, `rect.${next.step.action}`, `rect:${item.id}`, { from: item.status, to: next.item.status }))
      return next.item
    }
    /** Raised by the captain (who, as its raiser, confirms or reopens it), assigned, worked and confirmed at the given times (each optional). */
    const history = async (id: string, building: string, times: { raised: number; deadline?: number; completed?: number; reopened?: number; confirmed?: number }) => {
      let it = await raise(id, CAPTAIN, building, '0101', times.raised)
      if (times.deadline) it = await act(it, { kind: 'assign', assignee: 'property', deadline: times.deadline }, CAPTAIN, times.raised + HOUR)
      if (times.completed) it = await act(it, { kind: 'complete', note: '已处理' }, PROPERTY, times.completed)
      if (times.reopened) it = await act(it, { kind: 'reopen', reason: '没有处理干净' }, CAPTAIN, times.reopened)
      if (times.confirmed) it = await act(it, { kind: 'confirm' }, CAPTAIN, times.confirmed)
      return it
    }

    test('reception days come back in start order, only those not yet over and of the buildings asked; a day reads back as written', async () => {
      const weekly = await schedule('1栋', sh(12, 5, 9), 3, 'rs-1')
      const [once] = await schedule('2栋', sh(12, 6, 14), 1, 'rs-2')
      const ids = (days: ReceptionDay[]) => days.map((d) => d.id)
      expect(ids(await port().upcoming(C, null, T, 10))).toEqual(['rs-1-1', 'rs-2-1', 'rs-1-2', 'rs-1-3'])
      expect(ids(await port().upcoming(C, ['2栋'], T, 10))).toEqual(['rs-2-1'])
      expect(await port().upcoming(C, [], T, 10)).toEqual([])
      expect(ids(await port().upcoming(C, null, T, 2))).toEqual(['rs-1-1', 'rs-2-1'])
      // The first day ends at 11:00; from that moment it is no longer upcoming.
      expect(ids(await port().upcoming(C, null, sh(12, 5, 11), 10))).toEqual(['rs-2-1', 'rs-1-2', 'rs-1-3'])
      expect(ids(await port().upcoming(C, null, sh(12, 5, 11) - 1, 10))[0]).toBe('rs-1-1')
      expect(await port().day('rs-1-2')).toEqual(weekly[1])
      expect(await port().day('rs-2-1')).toEqual(once)
      expect(await port().day('rs-none')).toBeNull()
    })

    test('a cancelled day keeps its reason and gets no reminder; a moved day remembers when it was; a change from a stale read is refused and writes nothing', async () => {
      const [first, second] = await schedule('1栋', sh(12, 5, 9), 2, 'rs-1')
      const cancelled = cancelDay(second, CAPTAIN, '楼长外出培训', T)
      await port().saveDay(cancelled, second.version, audit(CAPTAIN, 'reception.cancel', `reception:${second.id}`), T)
      expect(await port().day(second.id)).toEqual({ ...second, status: 'cancelled', changeReason: '楼长外出培训', version: 2 })

      const moved = moveDay(first, CAPTAIN, sh(12, 5, 15), '上午停电', T)
      await port().saveDay(moved, first.version, audit(CAPTAIN, 'reception.move', `reception:${first.id}`), T)
      expect(await port().day(first.id)).toMatchObject({ startsAt: sh(12, 5, 15), endsAt: sh(12, 5, 17), movedFrom: sh(12, 5, 9), changeReason: '上午停电', version: 2 })

      // Reminders go out for the scheduled days starting in the window, cancelled ones not.
      expect((await port().daysStarting(sh(12, 5, 0), sh(12, 6, 0))).map((d) => d.id)).toEqual([first.id])
      expect(await port().daysStarting(sh(12, 12, 0), sh(12, 13, 0))).toEqual([])

      // A second captain's screen still showed version 1: refused, and nothing changed.
      const before = [await port().day(first.id), await chainLength()]
      const late = cancelDay(first, CAPTAIN, '另有安排', T)
      await expect(port().saveDay(late, first.version, audit(CAPTAIN, 'reception.cancel', `reception:${first.id}`), T)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect([await port().day(first.id), await chainLength()]).toEqual(before)
    })

    test('a slot is one person\'s and a person books once a day: refusals name why and write nothing; of five racing for one slot, one gets it', async () => {
      const [day] = await schedule('1栋', sh(12, 5, 9), 1, 'rs-1')
      const book = (personId: string, slot: number, unitNo = '0101') =>
        port().book({ dayId: day.id, slot, personId, building: '1栋', unitNo, note: '', bookedAt: T }, { communityId: C, actorId: personId, action: 'reception.book', subject: `reception:${day.id}`, data: { slot } })
      const chain = await chainLength()
      await book(ZHANG.personId, 0, '0202')
      await expect(book(COMMITTEE.personId, 0)).rejects.toMatchObject({ code: 'RECEPTION.SLOT_TAKEN' })
      await expect(book(ZHANG.personId, 1, '0202')).rejects.toMatchObject({ code: 'RECEPTION.ALREADY_BOOKED' })
      await book(COMMITTEE.personId, 1)
      expect(await port().bookings([day.id])).toEqual([
        { dayId: day.id, slot: 0, personId: ZHANG.personId, building: '1栋', unitNo: '0202', note: '', bookedAt: T },
        { dayId: day.id, slot: 1, personId: COMMITTEE.personId, building: '1栋', unitNo: '0101', note: '', bookedAt: T },
      ])
      expect(await chainLength()).toBe(chain + 2)

      const racers = ['p-r1', 'p-r2', 'p-r3', 'p-r4', 'p-r5']
      const results = await Promise.allSettled(racers.map((p) => book(p, 5)))
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['RECEPTION.SLOT_TAKEN', 'RECEPTION.SLOT_TAKEN', 'RECEPTION.SLOT_TAKEN', 'RECEPTION.SLOT_TAKEN'])
      expect((await port().bookings([day.id])).map((b) => b.slot)).toEqual([0, 1, 5])
      expect(await chainLength()).toBe(chain + 3)
      expect(verifyChain(sha256, await t().ports.audit.all(C)).valid).toBe(true)
      expect(await port().bookings([])).toEqual([])
    })

    test('units on the roll, and the households of a building to remind: its bound owners and residents, once each', async () => {
      expect(await port().unitExists(C, '1栋', '0202')).toBe(true)
      expect(await port().unitExists(C, '1栋', '9999')).toBe(false)
      expect(await port().unitExists('c-none', '1栋', '0202')).toBe(false)
      // 1栋: 李建国 0101, 王秀英 0302, 张伟 0202 and 0203 (once), his tenant 刘洋 in 0203.
      expect(await port().householdsOf(C, '1栋')).toEqual(['p-li-jianguo', 'p-liu-yang', 'p-wang-xiuying', 'p-zhang-wei'])
      expect(await port().householdsOf(C, '4栋')).toEqual(['p-chen-jing'])
      expect(await port().householdsOf(C, '7栋')).toEqual([])
    })

    test('an item goes raised → assigned → in progress → completed → reopened → completed → confirmed, every step kept in order and audited', async () => {
      const chain = await chainLength()
      let it = await raise('ri-1', CAPTAIN, '1栋', '0202', T)
      expect(await port().item('ri-1')).toEqual(it)
      it = await act(it, { kind: 'assign', assignee: 'property', deadline: T + 7 * DAY, note: '请一周内清理' }, CAPTAIN, T + HOUR)
      it = await act(it, { kind: 'progress', note: '已联系住户' }, PROPERTY, T + DAY)
      it = await act(it, { kind: 'complete', note: '已清运', photos: ['f_photo1'] }, PROPERTY, T + 2 * DAY)
      it = await act(it, { kind: 'reopen', reason: '又堆上了' }, ZHANG, T + 3 * DAY)
      expect(await port().item('ri-1')).toEqual({ ...it, status: 'reopened', completedAt: null, reopenCount: 1, version: 5 })
      it = await act(it, { kind: 'complete', note: '再次清运并张贴告示' }, PROPERTY, T + 4 * DAY)
      it = await act(it, { kind: 'confirm' }, ZHANG, T + 5 * DAY)
      expect(await port().item('ri-1')).toEqual({ ...it, status: 'confirmed', completedAt: T + 4 * DAY, confirmedAt: T + 5 * DAY, version: 7, updatedAt: T + 5 * DAY })
      const steps = await port().steps('ri-1')
      expect(steps.map((s) => [s.action, s.actorId, s.at])).toEqual([
        ['raise', CAPTAIN.personId, T], ['assign', CAPTAIN.personId, T + HOUR], ['progress', PROPERTY.personId, T + DAY], ['complete', PROPERTY.personId, T + 2 * DAY],
        ['reopen', ZHANG.personId, T + 3 * DAY], ['complete', PROPERTY.personId, T + 4 * DAY], ['confirm', ZHANG.personId, T + 5 * DAY],
      ])
      expect(steps[1]).toMatchObject({ note: '请一周内清理', data: { assignee: 'property', deadline: T + 7 * DAY } })
      expect(steps[3]).toMatchObject({ note: '已清运', photos: ['f_photo1'] })
      expect(steps[4].note).toBe('又堆上了')
      const entries = (await t().ports.audit.all(C)).slice(chain)
      expect(entries.map((e) => e.action)).toEqual(['rect.raise', 'rect.assign', 'rect.progress', 'rect.complete', 'rect.reopen', 'rect.complete', 'rect.confirm'])
      expect(entries.every((e) => e.subject === 'rect:ri-1')).toBe(true)
    })

    test('a forbidden transition is refused with its code, and a step from a stale read with CONFLICT: nothing is written either way; of two at once, one wins', async () => {
      let it = await raise('ri-1', CAPTAIN, '1栋', '0202', T)
      const assigned = await act(it, { kind: 'assign', assignee: 'property', deadline: T + 7 * DAY }, CAPTAIN, T + HOUR)
      it = await act(assigned, { kind: 'complete', note: '已清运' }, PROPERTY, T + DAY)
      const written = async () => [await port().item('ri-1'), await port().steps('ri-1'), await chainLength()]
      const before = await written()

      // Completed items wait for the owner: the property company cannot report progress on one.
      await expect(act(it, { kind: 'progress', note: '补充说明' }, PROPERTY, T + DAY + HOUR)).rejects.toMatchObject({ code: 'RECT.ILLEGAL_TRANSITION' })
      // The captain's screen still shows it assigned (version 2): re-assigning from there is refused by the database write.
      await expect(act(assigned, { kind: 'assign', assignee: 'committee', deadline: T + 9 * DAY }, CAPTAIN, T + DAY + HOUR)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await written()).toEqual(before)

      // The owner confirms on two phones at once: one confirmation, one step, one audit entry.
      const results = await Promise.allSettled([act(it, { kind: 'confirm' }, ZHANG, T + 2 * DAY), act(it, { kind: 'reopen', reason: '不满意' }, ZHANG, T + 2 * DAY)])
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('CONFLICT')
      expect((await port().steps('ri-1')).length).toBe((before[1] as unknown[]).length + 1)
      expect(await chainLength()).toBe((before[2] as number) + 1)
      expect((await port().item('ri-1'))!.version).toBe(it.version + 1)
    })

    test('the board reads newest first, a page at a time, ties in time in a fixed order, each item once; its filters and counts agree', async () => {
      // 23 items over three buildings, several raised in the same minute; ids
      // differ in letter case, which a locale-aware sort would order differently.
      const made: RectificationItem[] = []
      for (let i = 0; i < 23; i++) {
        const building = ['1栋', '2栋', '3栋'][i % 3]
        const id = `ri-${i % 2 ? 'a' : 'Z'}${String(i).padStart(2, '0')}`
        made.push(await raise(id, CAPTAIN, building, '0101', T - Math.floor(i / 4) * HOUR))
      }
      const expected = [...made].sort((a, b) => b.raisedAt - a.raisedAt || (a.id < b.id ? 1 : -1)).map((i) => i.id)
      const pages: string[][] = []
      let cursor: string | null = null
      do {
        const p: { items: RectificationItem[]; nextCursor: string | null } = await port().board({ communityId: C, buildings: null, cursor, limit: 10 })
        pages.push(p.items.map((i) => i.id))
        cursor = p.nextCursor
      } while (cursor)
      expect(pages.map((p) => p.length)).toEqual([10, 10, 3])
      expect(pages.flat()).toEqual(expected)
      // Same raised_at, so the tie goes by id, byte order: lower-case after upper-case, read from the top.
      expect(expected.slice(0, 4)).toEqual(['ri-a03', 'ri-a01', 'ri-Z02', 'ri-Z00'])

      expect((await port().board({ communityId: C, buildings: ['2栋'], cursor: null, limit: 50 })).items.map((i) => i.id)).toEqual(expected.filter((id) => made.find((m) => m.id === id)!.building === '2栋'))
      expect((await port().board({ communityId: C, buildings: [], cursor: null, limit: 50 })).items).toEqual([])
      await expect(port().board({ communityId: C, buildings: null, cursor: 'not-a-cursor', limit: 10 })).rejects.toMatchObject({ code: 'INVALID_INPUT' })

      // Two items get work: one assigned to the property company (past its deadline by the end), one to the committee.
      const late = await act(made[0], { kind: 'assign', assignee: 'property', deadline: T + DAY }, CAPTAIN, T + HOUR)
      await act(made[1], { kind: 'assign', assignee: 'committee', deadline: T + 3 * DAY }, COMMITTEE, T + HOUR)
      const openWork = ['assigned', 'in_progress', 'reopened'] as ('assigned' | 'in_progress' | 'reopened')[]
      expect((await port().board({ communityId: C, buildings: null, assignee: 'property', statuses: openWork, cursor: null, limit: 10 })).items.map((i) => i.id)).toEqual([late.id])
      expect((await port().board({ communityId: C, buildings: null, overdueAt: T + 2 * DAY, cursor: null, limit: 10 })).items.map((i) => i.id)).toEqual([late.id])
      expect((await port().board({ communityId: C, buildings: null, overdueAt: T + DAY, cursor: null, limit: 10 })).items).toEqual([])
      expect(await port().counts({ communityId: C, buildings: null })).toEqual({ raised: 21, assigned: 2, in_progress: 0, completed: 0, confirmed: 0, reopened: 0 })
      expect(await port().counts({ communityId: C, buildings: ['1栋'] })).toEqual({ raised: 7, assigned: 1, in_progress: 0, completed: 0, confirmed: 0, reopened: 0 })
    })

    test('an owner\'s household view: items they raised, or raised for their units, and no one else\'s', async () => {
      await raise('ri-mine', ZHANG, '1栋', '0203', T - 3 * HOUR)
      await raise('ri-for-my-flat', CAPTAIN, '1栋', '0202', T - 2 * HOUR)
      await raise('ri-neighbour', CAPTAIN, '1栋', '0101', T - HOUR)
      await raise('ri-other-building', CHEN, '4栋', '0302', T)
      const household = { personId: ZHANG.personId, units: [{ building: '1栋', unitNo: '0202' }] }
      expect((await port().board({ communityId: C, buildings: null, household, cursor: null, limit: 10 })).items.map((i) => i.id)).toEqual(['ri-for-my-flat', 'ri-mine'])
      expect((await port().board({ communityId: C, buildings: null, household: { personId: CHEN.personId, units: [] }, cursor: null, limit: 10 })).items.map((i) => i.id)).toEqual(['ri-other-building'])
      expect(await port().counts({ communityId: C, buildings: null, household })).toMatchObject({ raised: 2 })
    })

    test('October\'s figures per building match the month worked by hand', async () => {
      // 1栋 A: raised 10-02, due 10-10, done 10-08, confirmed 10-09 (7 days).
      await history('ri-A', '1栋', { raised: sh(10, 2), deadline: sh(10, 10), completed: sh(10, 8), confirmed: sh(10, 9) })
      // 1栋 B: raised 10-05, due 10-15, done late on 10-20, confirmed 10-21 (16 days).
      await history('ri-B', '1栋', { raised: sh(10, 5), deadline: sh(10, 15), completed: sh(10, 20), confirmed: sh(10, 21) })
      // 2栋 C: raised in September, due 10-12, done 10-11 but reopened 10-13 and still open.
      await history('ri-C', '2栋', { raised: sh(9, 20), deadline: sh(10, 12), completed: sh(10, 11), reopened: sh(10, 13) })
      // 2栋 D: raised 10-25, not yet assigned.
      await history('ri-D', '2栋', { raised: sh(10, 25) })
      // 3栋 E: raised 09-01, due 09-15, done 09-14, confirmed 10-03 (32 days).
      await history('ri-E', '3栋', { raised: sh(9, 1), deadline: sh(9, 15), completed: sh(9, 14), confirmed: sh(10, 3) })
      // Outside October altogether: closed in September, raised in November.
      await history('ri-F', '3栋', { raised: sh(8, 1), deadline: sh(8, 20), completed: sh(8, 10), confirmed: sh(9, 10) })
      await history('ri-G', '1栋', { raised: sh(11, 2) })

      const range = monthRange('2026-10')!
      const figures = monthFigures(await port().monthFacts(C, range.start, range.end), range, T)
      expect(figures.buildings).toEqual([
        { building: '1栋', received: 2, closed: 2, due: 2, overdue: 1, reopened: 0, confirmedDue: 2, rate: { num: 1, den: 1 }, medianDaysToClose: { num: 23, den: 2 } },
        { building: '2栋', received: 1, closed: 0, due: 1, overdue: 1, reopened: 1, confirmedDue: 0, rate: { num: 0, den: 1 }, medianDaysToClose: null },
        { building: '3栋', received: 0, closed: 1, due: 0, overdue: 0, reopened: 0, confirmedDue: 0, rate: null, medianDaysToClose: { num: 32, den: 1 } },
      ])
      expect(figures.total).toEqual({ building: '全小区', received: 3, closed: 3, due: 3, overdue: 2, reopened: 1, confirmedDue: 2, rate: { num: 2, den: 3 }, medianDaysToClose: { num: 16, den: 1 } })
    })

    test('escalation candidates: open items at their deadline, and a week after going to the committee; nothing done or not yet due', async () => {
      const due = await history('ri-due', '1栋', { raised: T, deadline: T + DAY })
      await history('ri-later', '1栋', { raised: T, deadline: T + 2 * DAY })
      await history('ri-done', '1栋', { raised: T, deadline: T + DAY, completed: T + 2 * HOUR })
      const ids = async (now: number) => (await port().escalationCandidates(now, 10)).map((i) => i.id)
      expect(await ids(T + DAY - 1)).toEqual([])
      expect(await ids(T + DAY)).toEqual(['ri-due'])
      expect(await ids(T + 2 * DAY)).toEqual(['ri-due', 'ri-later'])
      expect((await port().escalationCandidates(T + 2 * DAY, 1)).map((i) => i.id)).toEqual(['ri-due'])

      const system: Actor = { personId: 'system', roles: [], captainOf: [], units: [] }
      await act(due, { kind: 'escalate' }, system, T + DAY + MINUTE)
      expect(await ids(T + DAY + MINUTE)).toEqual([])
      expect(await ids(T + DAY + MINUTE + WEEK - 1)).toEqual(['ri-later'])
      expect(await ids(T + DAY + MINUTE + WEEK)).toEqual(['ri-due', 'ri-later'])
    })

    test('the claim board: published needs newest first a page at a time; claimed, dispatched and done; a stale change refused with nothing written', async () => {
      const tasks: ClaimTask[] = []
      for (let i = 0; i < 12; i++) {
        const task = publishClaim({ id: `ct-${String(i).padStart(2, '0')}`, communityId: C, title: `需求 ${i + 1}`, detail: '' }, COMMITTEE, T - Math.floor(i / 3) * HOUR)
        await port().insertClaim(task, audit(COMMITTEE, 'claim.publish', `claim:${task.id}`))
        tasks.push(task)
      }
      const expected = [...tasks].sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : -1)).map((x) => x.id)
      expect(expected.slice(0, 3)).toEqual(['ct-02', 'ct-01', 'ct-00'])
      const pages: string[][] = []
      let cursor: string | null = null
      do {
        const p: { tasks: ClaimTask[]; nextCursor: string | null } = await port().claims(C, cursor, 5)
        pages.push(p.tasks.map((x) => x.id))
        cursor = p.nextCursor
      } while (cursor)
      expect(pages.map((p) => p.length)).toEqual([5, 5, 2])
      expect(pages.flat()).toEqual(expected)

      const change = async (task: ClaimTask, cmd: Parameters<typeof applyClaim>[1], actor: Actor, at: number) => {
        const next = applyClaim(task, cmd, actor, at, () => true)
        await port().saveClaim(next, task.version, audit(actor, `claim.${cmd.kind}`, `claim:${task.id}`), at)
        return next
      }
      const claimed = await change(tasks[0], { kind: 'claim' }, CHEN, T + HOUR)
      expect(await port().claim('ct-00')).toEqual({ ...tasks[0], status: 'taken', takerId: CHEN.personId, takenHow: 'claimed', takenAt: T + HOUR, version: 2 })
      const before = [await port().claim('ct-00'), await chainLength()]
      await expect(change(tasks[0], { kind: 'dispatch', to: ZHANG.personId }, COMMITTEE, T + 2 * HOUR)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect([await port().claim('ct-00'), await chainLength()]).toEqual(before)
      await change(claimed, { kind: 'done', note: '已修剪' }, CHEN, T + DAY)
      await change(tasks[1], { kind: 'dispatch', to: ZHANG.personId }, COMMITTEE, T + HOUR)
      expect(await port().claim('ct-00')).toMatchObject({ status: 'done', doneNote: '已修剪', doneAt: T + DAY, version: 3 })
      expect(await port().claim('ct-01')).toMatchObject({ status: 'taken', takerId: ZHANG.personId, takenHow: 'dispatched', dispatchedBy: COMMITTEE.personId })
      expect(await port().claim('ct-none')).toBeNull()
    })
  })
}
