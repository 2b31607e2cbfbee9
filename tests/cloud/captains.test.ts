// The captains' functions against a real SQLite file with the demo community:
// reception days, the rectification flow end to end, refusals that write
// nothing, masking, escalation jobs with `now`, paging, figures, claim board.
import { createHarness, expectOk, type Harness } from '../support/harness'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import type { BoardOutput, ItemView } from '../../src/contracts/captains'

const H = 3_600_000
const D = 24 * H
let h: Harness
beforeEach(() => { h = createHarness() })
afterEach(() => h.close())

const NOW = Date.UTC(2026, 10, 28, 2) // harness default: 2026-11-28 10:00 Shanghai
const sh = (m: number, d: number, hr = 12) => Date.UTC(2026, m - 1, d, hr - 8)
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

async function refused(call: () => Promise<{ ok: boolean; code?: string }>, code: string) {
  const before = h.snapshot()
  const r = await call()
  expect(r).toMatchObject({ ok: false, code })
  expect(h.snapshot()).toBe(before)
}

const outbox = (kind: string) => h.ports.db.prepare('SELECT recipient_id FROM outbox WHERE kind = ? ORDER BY recipient_id').pluck().all(kind)
const lastAudit = (n: number) => (h.ports.db.prepare('SELECT action, actor_id, at, subject FROM audit_log ORDER BY seq DESC LIMIT ?').all(n) as Array<{ action: string; actor_id: string; at: number; subject: string }>).reverse()

async function logItem(unitNo = '0202', building = '1栋'): Promise<ItemView> {
  const photo = expectOk(await h.call('file-upload', { communityId: C, purpose: 'photo', name: '纸箱.png', bytes: png }, 'p-wang-xiuying'))
  return expectOk(await h.call('rect-raise', { communityId: C, building, unitNo, category: 'environment', description: '二楼楼道堆放纸箱', photos: [photo.fileId] }, 'p-wang-xiuying'))
}

describe('reception days', () => {
  const plan = { communityId: C, building: '1栋', startsAt: sh(12, 5, 9), durationMinutes: 60, weeks: 2, place: '1栋大堂', slotMinutes: 15 }

  test('a captain plans two weekly days; owners of 1栋 see them, an owner of 4栋 does not', async () => {
    const { days } = expectOk(await h.call('reception-schedule', plan, 'p-wang-xiuying'))
    expect(days.map((d) => [d.startsAt, d.slots])).toEqual([[sh(12, 5, 9), 4], [sh(12, 12, 9), 4]])
    expect(lastAudit(1)[0]).toMatchObject({ action: 'reception.schedule', actor_id: 'p-wang-xiuying', at: NOW })
    const seen = expectOk(await h.call('reception-upcoming', { communityId: C, building: '1栋', limit: 50 }, 'p-liu-yang'))
    expect(seen.map((d) => d.id)).toEqual(expect.arrayContaining(days.map((d) => d.id)))
    expect(seen.every((d) => d.building === '1栋')).toBe(true)
    const chen = expectOk(await h.call('reception-upcoming', { communityId: C, limit: 50 }, 'p-chen-jing'))
    expect(chen.filter((d) => d.building !== '4栋')).toEqual([])
    await refused(() => h.call('reception-upcoming', { communityId: C, building: '1栋' }, 'p-chen-jing'), 'CAPTAIN.NOT_MY_BUILDING')
  })

  test('refusals write nothing: another building, an owner, the past, no reason', async () => {
    await refused(() => h.call('reception-schedule', { ...plan, building: '4栋' }, 'p-wang-xiuying'), 'CAPTAIN.NOT_MY_BUILDING')
    await refused(() => h.call('reception-schedule', plan, 'p-zhang-wei'), 'FORBIDDEN')
    await refused(() => h.call('reception-schedule', { ...plan, startsAt: NOW - 1 }, 'p-wang-xiuying'), 'RECEPTION.IN_PAST')
    const { days } = expectOk(await h.call('reception-schedule', plan, 'p-wang-xiuying'))
    await refused(() => h.call('reception-cancel', { communityId: C, dayId: days[0].id, reason: '  ' }, 'p-wang-xiuying'), 'RECEPTION.REASON_REQUIRED')
    await refused(() => h.call('reception-move', { communityId: C, dayId: days[0].id, startsAt: NOW - H, reason: '停电' }, 'p-wang-xiuying'), 'RECEPTION.IN_PAST')
  })

  test('cancel and move with a reason: audited, and the households of 1栋 are told', async () => {
    const { days } = expectOk(await h.call('reception-schedule', plan, 'p-wang-xiuying'))
    const moved = expectOk(await h.call('reception-move', { communityId: C, dayId: days[0].id, startsAt: sh(12, 6, 14), reason: '周六停电' }, 'p-wang-xiuying'))
    expect(moved).toMatchObject({ startsAt: sh(12, 6, 14), endsAt: sh(12, 6, 15), movedFrom: sh(12, 5, 9), changeReason: '周六停电' })
    const cancelled = expectOk(await h.call('reception-cancel', { communityId: C, dayId: days[1].id, reason: '楼长出差' }, 'p-wang-xiuying'))
    expect(cancelled.status).toBe('cancelled')
    expect(lastAudit(2).map((a) => a.action)).toEqual(['reception.move', 'reception.cancel'])
    // 1栋 households among the demo people: 李建国 0101, 张伟 0202/0203, 王秀英 0302, and 刘洋 who rents 0203.
    expect(outbox('reception.cancelled')).toEqual(['p-li-jianguo', 'p-liu-yang', 'p-wang-xiuying', 'p-zhang-wei'])
  })

  test('booking: one person per slot and one slot per person, by the database', async () => {
    const { days } = expectOk(await h.call('reception-schedule', plan, 'p-wang-xiuying'))
    const b = expectOk(await h.call('reception-book', { communityId: C, dayId: days[0].id, slot: 2, note: '电梯的事' }, 'p-zhang-wei'))
    expect(b.startsAt).toBe(sh(12, 5, 9) + 30 * 60_000)
    await refused(() => h.call('reception-book', { communityId: C, dayId: days[0].id, slot: 2 }, 'p-liu-yang'), 'RECEPTION.SLOT_TAKEN')
    await refused(() => h.call('reception-book', { communityId: C, dayId: days[0].id, slot: 3 }, 'p-zhang-wei'), 'RECEPTION.ALREADY_BOOKED')
    await refused(() => h.call('reception-book', { communityId: C, dayId: days[0].id, slot: 4 }, 'p-liu-yang'), 'RECEPTION.NO_SUCH_SLOT')
    await refused(() => h.call('reception-book', { communityId: C, dayId: days[0].id, slot: 1 }, 'p-chen-jing'), 'RECEPTION.NOT_YOUR_BUILDING')
    // The captain sees who booked; the owner sees only that slot 2 is theirs.
    const [capDay] = expectOk(await h.call('reception-upcoming', { communityId: C, building: '1栋', limit: 50 }, 'p-wang-xiuying')).filter((d) => d.id === days[0].id)
    expect(capDay.bookings).toEqual([{ slot: 2, building: '1栋', unitNo: '0202', note: '电梯的事' }])
    const [ownDay] = expectOk(await h.call('reception-upcoming', { communityId: C, building: '1栋', limit: 50 }, 'p-liu-yang')).filter((d) => d.id === days[0].id)
    expect(ownDay).toMatchObject({ booked: [2], mySlot: null })
    expect(ownDay.bookings).toBeUndefined()
  })

  test('reminders go out the day before, to the building\'s households, once', async () => {
    const { days } = expectOk(await h.call('reception-schedule', { ...plan, weeks: 1 }, 'p-wang-xiuying'))
    h.ports.db.prepare('DELETE FROM outbox').run()
    // On 3 Dec nothing starts tomorrow in 1栋 from this plan (the demo's own days are on other dates).
    h.setNow(sh(12, 4, 8)) // 4 Dec 08:00: tomorrow is the 5th
    const r = expectOk(await h.call('reception-reminders', { communityId: C }, 'p-li-jianguo'))
    const ours = h.ports.db.prepare("SELECT recipient_id FROM outbox WHERE kind = 'reception.reminder' AND dedupe_key LIKE ? ORDER BY recipient_id").pluck().all(`reception-reminder:${days[0].id}:%`)
    expect(ours).toEqual(['p-li-jianguo', 'p-liu-yang', 'p-wang-xiuying', 'p-zhang-wei'])
    expect(r.notices).toBeGreaterThanOrEqual(4)
    const again = expectOk(await h.call('reception-reminders', { communityId: C }, 'p-li-jianguo'))
    expect(again.notices).toBe(0)
  })
})

describe('rectification, end to end', () => {
  test('captain logs, assigns to the property; property completes with a photo; the owner confirms: every step timed and audited', async () => {
    const item = await logItem()
    expect(item).toMatchObject({ status: 'raised', building: '1栋', unitNo: '0202', raisedVia: 'captain', canAct: ['assign'] })
    h.setNow(NOW + H)
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'assign', assignee: 'property', deadline: NOW + 3 * D } }, 'p-wang-xiuying'))
    expect(outbox('rect.assign')).toEqual(['p-zhao-lei'])
    h.setNow(NOW + D)
    const photo = expectOk(await h.call('file-upload', { communityId: C, purpose: 'photo', name: '清理后.png', bytes: png }, 'p-zhao-lei'))
    const done = expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'complete', note: '纸箱已清走', photos: [photo.fileId] } }, 'p-zhao-lei'))
    expect(done).toMatchObject({ status: 'completed', completedAt: NOW + D })
    expect(outbox('rect.complete')).toEqual(['p-wang-xiuying'])
    h.setNow(NOW + 2 * D)
    const zhangView = expectOk(await h.call('rect-item', { communityId: C, itemId: item.id }, 'p-zhang-wei'))
    expect(zhangView.item.canAct).toEqual(['confirm', 'reopen'])
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'confirm' } }, 'p-zhang-wei'))
    const detail = expectOk(await h.call('rect-item', { communityId: C, itemId: item.id }, 'p-li-jianguo'))
    expect(detail.item).toMatchObject({ status: 'confirmed', confirmedAt: NOW + 2 * D })
    expect(detail.steps.map((s) => [s.action, s.at, s.actorName])).toEqual([
      ['raise', NOW, '王秀英'], ['assign', NOW + H, '王秀英'], ['complete', NOW + D, '赵磊'], ['confirm', NOW + 2 * D, '张伟'],
    ])
    expect(detail.steps[2].photos).toEqual([photo.fileId])
    expect(lastAudit(4).map((a) => [a.action, a.actor_id, a.at, a.subject])).toEqual([
      ['rect.raise', 'p-wang-xiuying', NOW, `rect:${item.id}`],
      ['rect.assign', 'p-wang-xiuying', NOW + H, `rect:${item.id}`],
      ['rect.complete', 'p-zhao-lei', NOW + D, `rect:${item.id}`],
      ['rect.confirm', 'p-zhang-wei', NOW + 2 * D, `rect:${item.id}`],
    ])
    const chain = expectOk(await h.call('audit-log', { communityId: C, afterSeq: 0, limit: 1 }, 'p-sun-li'))
    expect(chain.verdict.valid).toBe(true)
  })

  test('an owner raises for their own unit, and reopens with a reason', async () => {
    const item = expectOk(await h.call('rect-raise', { communityId: C, building: '1栋', unitNo: '0203', category: 'noise', description: '隔壁空调外机噪音大' }, 'p-liu-yang'))
    expect(item.raisedVia).toBe('owner')
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'assign', assignee: 'committee', deadline: NOW + D } }, 'p-li-jianguo'))
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'complete', note: '已协调邻居加装减震垫' } }, 'p-huang-meiling'))
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'reopen', reason: '' } }, 'p-zhang-wei'), 'RECT.REASON_REQUIRED')
    const reopened = expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'reopen', reason: '晚上还是响' } }, 'p-zhang-wei'))
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1 })
    expect(outbox('rect.reopen')).toEqual(['p-huang-meiling', 'p-li-jianguo'])
  })

  test('refused with their codes and nothing written', async () => {
    const item = await logItem()
    // A captain acting on another building.
    await refused(() => h.call('rect-raise', { communityId: C, building: '4栋', unitNo: '0302', category: 'other', description: '路灯坏了' }, 'p-wang-xiuying'), 'CAPTAIN.NOT_MY_BUILDING')
    // An owner raising for someone else's unit; a unit that is not on the roll.
    await refused(() => h.call('rect-raise', { communityId: C, building: '1栋', unitNo: '0101', category: 'other', description: '路灯坏了' }, 'p-zhang-wei'), 'RECT.NOT_YOUR_UNIT')
    await refused(() => h.call('rect-raise', { communityId: C, building: '1栋', unitNo: '9999', category: 'other', description: '路灯坏了' }, 'p-wang-xiuying'), 'RECT.NO_SUCH_UNIT')
    // A deadline in the past.
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'assign', assignee: 'property', deadline: NOW - 1 } }, 'p-wang-xiuying'), 'RECT.DEADLINE_PAST')
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'assign', assignee: 'property', deadline: NOW + D } }, 'p-wang-xiuying'))
    // A completion without a note; by someone who is not the assignee; a supervisor changes nothing.
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'complete', photos: [] } }, 'p-zhao-lei'), 'RECT.NOTE_REQUIRED')
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'complete', note: '好了' } }, 'p-li-jianguo'), 'RECT.NOT_ASSIGNEE')
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'complete', note: '好了' } }, 'p-sun-li'), 'FORBIDDEN')
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'complete', note: '好了', photos: ['f_000000000000000000000000'] } }, 'p-zhao-lei'), 'RECT.BAD_PHOTO')
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'complete', note: '好了' } }, 'p-zhao-lei'))
    // An owner confirming someone else's item (李建国 lives in 1栋 0101, the item is 0202's).
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'confirm' } }, 'p-li-jianguo'), 'RECT.NOT_RAISER')
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'confirm' } }, 'p-chen-jing'), 'RECT.NOT_RAISER')
    // Confirming twice is an illegal transition.
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'confirm' } }, 'p-zhang-wei'))
    await refused(() => h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'confirm' } }, 'p-zhang-wei'), 'RECT.ILLEGAL_TRANSITION')
  })

  test('a stale write loses: the version guard refuses it with CONFLICT', async () => {
    const item = await logItem()
    const stored = (await h.ports.captains.item(item.id))!
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'assign', assignee: 'property', deadline: NOW + D } }, 'p-wang-xiuying'))
    const before = h.snapshot()
    await expect(h.ports.captains.saveStep({ ...stored, status: 'assigned', version: 2 }, stored.version, { action: 'assign', at: NOW, actorId: 'x', note: '', photos: [], data: {} },
      { communityId: C, actorId: 'x', action: 'rect.assign', subject: 'x', data: {} })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(h.snapshot()).toBe(before)
  })
})

describe('who sees what', () => {
  test('owners of the building see the item with the unit and names masked; other buildings do not see it', async () => {
    const item = await logItem()
    // 刘洋 rents 1栋 0203: same building, different unit.
    const liu = expectOk(await h.call('rect-item', { communityId: C, itemId: item.id }, 'p-liu-yang'))
    expect(liu.item).toMatchObject({ unitNo: '****', masked: true, canAct: [] })
    expect(liu.steps[0].actorName).toBe('王*英')
    const board = expectOk(await h.call('rect-board', { communityId: C, scope: 'building', building: '1栋' }, 'p-liu-yang'))
    expect(board.items.find((i) => i.id === item.id)!.unitNo).toBe('****')
    expect(expectOk(await h.call('rect-item', { communityId: C, itemId: item.id }, 'p-zhang-wei')).item.unitNo).toBe('0202')
    await refused(() => h.call('rect-item', { communityId: C, itemId: item.id }, 'p-chen-jing'), 'RECT.NOT_VISIBLE')
    await refused(() => h.call('rect-board', { communityId: C, scope: 'building', building: '1栋' }, 'p-chen-jing'), 'CAPTAIN.NOT_MY_BUILDING')
    await refused(() => h.call('rect-board', { communityId: C, scope: 'all' }, 'p-zhang-wei'), 'FORBIDDEN')
  })
})

describe('escalation with now passed in', () => {
  test('past the deadline: the committee is told; a week later the supervisors; each audited once', async () => {
    const item = await logItem()
    const deadline = NOW + 2 * D
    expectOk(await h.call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'assign', assignee: 'property', deadline } }, 'p-wang-xiuying'))
    const level = async () => (await h.ports.captains.item(item.id))!.escalation
    h.setNow(deadline - 1)
    expectOk(await h.call('rect-escalate', { communityId: C }, 'p-li-jianguo'))
    expect(await level()).toBe(0)
    h.setNow(deadline + H)
    expectOk(await h.call('rect-escalate', { communityId: C }, 'p-li-jianguo'))
    expect(await level()).toBe(1)
    expect(h.ports.db.prepare("SELECT recipient_id FROM outbox WHERE kind = 'rect.escalated' AND dedupe_key LIKE ? ORDER BY recipient_id").pluck().all(`rect-escalated:${item.id}:1:%`)).toEqual(['p-huang-meiling', 'p-li-jianguo'])
    h.setNow(deadline + H + 7 * D - 1)
    expectOk(await h.call('rect-escalate', { communityId: C }, 'p-li-jianguo'))
    expect(await level()).toBe(1)
    h.setNow(deadline + H + 7 * D)
    expectOk(await h.call('rect-escalate', { communityId: C }, 'p-li-jianguo'))
    expect(await level()).toBe(2)
    expect(h.ports.db.prepare('SELECT recipient_id FROM outbox WHERE dedupe_key LIKE ?').pluck().all(`rect-escalated:${item.id}:2:%`)).toEqual(['p-sun-li'])
    const escalations = h.ports.db.prepare("SELECT at, actor_id FROM audit_log WHERE action = 'rect.escalate' AND subject = ? ORDER BY seq").all(`rect:${item.id}`)
    expect(escalations).toEqual([{ at: deadline + H, actor_id: null }, { at: deadline + H + 7 * D, actor_id: null }])
    await refused(() => h.call('rect-escalate', { communityId: C }, 'p-zhang-wei'), 'FORBIDDEN')
  })
})

describe('the board pages', () => {
  test('25 new items in 1栋: pages of 10 never repeat or skip, newest first', async () => {
    const before = expectOk(await h.call('rect-board', { communityId: C, scope: 'all' }, 'p-li-jianguo')).counts.raised
    for (let i = 0; i < 25; i++) {
      h.setNow(NOW + i * 1000)
      await logItem(['0101', '0202', '0302'][i % 3])
    }
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const r: BoardOutput = expectOk(await h.call('rect-board', { communityId: C, scope: 'building', building: '1栋', limit: 10, cursor }, 'p-wang-xiuying'))
      seen.push(...r.items.map((i) => i.id))
      cursor = r.nextCursor
      pages++
      expect(r.items.map((i) => i.raisedAt)).toEqual([...r.items.map((i) => i.raisedAt)].sort((a, b) => b - a))
    } while (cursor)
    // 1栋 also holds four demo items; 29 in all: pages of 10, 10, 9.
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBe(29)
    expect(expectOk(await h.call('rect-board', { communityId: C, scope: 'all' }, 'p-li-jianguo')).counts.raised).toBe(before + 25)
  })

  test('the property company\'s tasks are its open assigned items', async () => {
    const r = expectOk(await h.call('rect-board', { communityId: C, scope: 'assigned' }, 'p-zhao-lei'))
    // Demo: the elevator (in progress) and the blocked fire lane (assigned, escalated) are the property's open work.
    expect(r.items.map((i) => i.description).sort()).toEqual(['1栋电梯 8 楼按键失灵', '3栋东侧消防通道长期被私家车占用'].sort())
    const overdue = expectOk(await h.call('rect-board', { communityId: C, scope: 'assigned', overdueOnly: true }, 'p-zhao-lei'))
    expect(overdue.items.map((i) => i.description)).toEqual(['3栋东侧消防通道长期被私家车占用'])
  })
})

describe('monthly figures', () => {
  test('December, by hand: ours plus the demo items that fall due in December', async () => {
    // Ours, both in 1栋 and raised on 1 December.
    h.setNow(sh(12, 1, 9))
    const a = await logItem('0202')
    const b = await logItem('0101')
    h.setNow(sh(12, 1, 10))
    for (const it of [a, b]) expectOk(await h.call('rect-act', { communityId: C, itemId: it.id, command: { kind: 'assign', assignee: 'property', deadline: sh(12, 10) } }, 'p-wang-xiuying'))
    h.setNow(sh(12, 4))
    expectOk(await h.call('rect-act', { communityId: C, itemId: a.id, command: { kind: 'complete', note: '已清' } }, 'p-zhao-lei'))
    h.setNow(sh(12, 5))
    expectOk(await h.call('rect-act', { communityId: C, itemId: a.id, command: { kind: 'confirm' } }, 'p-zhang-wei'))
    h.setNow(sh(12, 20))
    const m = expectOk(await h.call('captain-month', { communityId: C, month: '2026-12' }, 'p-zhang-wei'))
    // 1栋: received 2 (a, b); closed 1 (a: raised the 1st, confirmed the 5th = 4 days).
    // Due in December: a, b, and two demo items (the lift, due 2 Dec; the night guard, reopened, due 3 Dec) = 4.
    // Overdue by the 20th: b and both demo items = 3. Confirmed of those due: a = 1, so the rate is 1/4.
    // 2栋 and 3栋 have open November items but nothing that counts in December.
    const zero = { received: 0, closed: 0, due: 0, overdue: 0, reopened: 0, confirmedDue: 0, rate: null, medianDaysToClose: null }
    expect(m.buildings).toEqual([
      { building: '1栋', received: 2, closed: 1, due: 4, overdue: 3, reopened: 0, confirmedDue: 1, rate: { num: 1, den: 4 }, medianDaysToClose: { num: 4, den: 1 } },
      { building: '2栋', ...zero },
      { building: '3栋', ...zero },
    ])
    expect(m.communityName).toBe('长城二花园')
    await refused(() => h.call('captain-month', { communityId: C, month: '2026-13' }, 'p-zhang-wei'), 'INVALID_INPUT')
  })
})

describe('claim board', () => {
  test('published by the committee, claimed by a volunteer, done; the public list names them (masked for owners)', async () => {
    const t = expectOk(await h.call('claim-publish', { communityId: C, title: '周六帮忙搬运旧健身器材', detail: '需两人' }, 'p-li-jianguo'))
    await refused(() => h.call('claim-publish', { communityId: C, title: '我也发一个' }, 'p-zhang-wei'), 'FORBIDDEN')
    h.setNow(NOW + H)
    expectOk(await h.call('claim-act', { communityId: C, taskId: t.id, command: { kind: 'claim' } }, 'p-zhang-wei'))
    await refused(() => h.call('claim-act', { communityId: C, taskId: t.id, command: { kind: 'claim' } }, 'p-chen-jing'), 'CLAIM.ILLEGAL_TRANSITION')
    await refused(() => h.call('claim-act', { communityId: C, taskId: t.id, command: { kind: 'done', note: '搬完了' } }, 'p-chen-jing'), 'CLAIM.NOT_TAKER')
    h.setNow(NOW + 2 * H)
    expectOk(await h.call('claim-act', { communityId: C, taskId: t.id, command: { kind: 'done', note: '搬完了' } }, 'p-zhang-wei'))
    const forOwner = expectOk(await h.call('claim-list', { communityId: C }, 'p-chen-jing')).tasks.find((x) => x.id === t.id)!
    expect(forOwner).toMatchObject({ status: 'done', takerName: '张*', takenHow: 'claimed', takenAt: NOW + H, doneAt: NOW + 2 * H, doneNote: '搬完了' })
    const forSupervisor = expectOk(await h.call('claim-list', { communityId: C }, 'p-sun-li')).tasks.find((x) => x.id === t.id)!
    expect(forSupervisor.takerName).toBe('张伟')
  })

  test('dispatch: the committee sends an unclaimed need to a member, who is told', async () => {
    const t = expectOk(await h.call('claim-publish', { communityId: C, title: '核对 5 栋消防器材' }, 'p-li-jianguo'))
    await refused(() => h.call('claim-act', { communityId: C, taskId: t.id, command: { kind: 'dispatch', to: 'p-chen-jing' } }, 'p-zhang-wei'), 'CLAIM.COMMITTEE_ONLY')
    await refused(() => h.call('claim-act', { communityId: C, taskId: t.id, command: { kind: 'dispatch', to: 'p-nobody' } }, 'p-li-jianguo'), 'CLAIM.NOT_A_MEMBER')
    const d = expectOk(await h.call('claim-act', { communityId: C, taskId: t.id, command: { kind: 'dispatch', to: 'p-chen-jing' } }, 'p-li-jianguo'))
    expect(d).toMatchObject({ status: 'taken', takenHow: 'dispatched', takerName: '陈静' })
    expect(outbox('claim.dispatched')).toEqual(['p-chen-jing'])
    expect(lastAudit(1)[0]).toMatchObject({ action: 'claim.dispatch', actor_id: 'p-li-jianguo' })
  })
})
