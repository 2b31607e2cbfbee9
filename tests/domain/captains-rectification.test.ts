// The rectification state machine: every status × every command, the people
// allowed to take each step, the inputs each step needs, and escalation timing
// with `now` passed in.
import { AppError } from '../../src/domain/errors'
import type { Actor } from '../../src/domain/captains/actor'
import {
  applyCommand, escalationDue, raiseItem, visibilityOf, STATUSES,
  type Command, type ItemStatus, type ItemStep, type RectificationItem,
} from '../../src/domain/captains/rectification'

const H = 3_600_000
const D = 24 * H
const T0 = Date.UTC(2026, 10, 2, 2, 0) // 2026-11-02 10:00 Shanghai

const captain: Actor = { personId: 'cap', roles: ['owner', 'captain'], captainOf: ['1栋', '2栋'], units: [{ building: '1栋', unitNo: '0302' }] }
const otherCaptain: Actor = { personId: 'cap5', roles: ['captain'], captainOf: ['5栋'], units: [] }
const raiser: Actor = { personId: 'zhang', roles: ['owner'], captainOf: [], units: [{ building: '1栋', unitNo: '0202' }] }
const tenant: Actor = { personId: 'liu', roles: ['resident'], captainOf: [], units: [{ building: '1栋', unitNo: '0202' }] }
const neighbour: Actor = { personId: 'chen', roles: ['owner'], captainOf: [], units: [{ building: '1栋', unitNo: '0401' }] }
const elsewhere: Actor = { personId: 'far', roles: ['owner'], captainOf: [], units: [{ building: '4栋', unitNo: '0302' }] }
const property: Actor = { personId: 'zhao', roles: ['property'], captainOf: [], units: [] }
const committee: Actor = { personId: 'li', roles: ['owner', 'committee'], captainOf: [], units: [{ building: '1栋', unitNo: '0101' }] }
const supervisor: Actor = { personId: 'sun', roles: ['supervisor'], captainOf: [], units: [] }

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e.code
    throw e
  }
  return undefined
}

const item = (over: Partial<RectificationItem> = {}): RectificationItem => ({
  ...raiseItem({ id: 'i1', communityId: 'c', building: '1栋', unitNo: '0202', category: 'environment', description: '楼道堆放杂物' }, raiser, T0).item,
  ...over,
})

// The command each status is tried with, and the one actor entitled to give it.
const COMMANDS: Array<[Command, Actor]> = [
  [{ kind: 'assign', assignee: 'property', deadline: T0 + 10 * D }, committee],
  [{ kind: 'progress', note: '已联系保洁' }, property],
  [{ kind: 'complete', note: '杂物已清走', photos: ['f1'] }, property],
  [{ kind: 'confirm' }, raiser],
  [{ kind: 'reopen', reason: '又堆上了' }, raiser],
  [{ kind: 'escalate' }, { personId: 'system', roles: [], captainOf: [], units: [] }],
]

// Written out by hand from the rules: where each command leads from each status ('—' = refused).
const EXPECTED: Record<ItemStatus, Record<Command['kind'], ItemStatus | '—'>> = {
  raised: { assign: 'assigned', progress: '—', complete: '—', confirm: '—', reopen: '—', escalate: '—' },
  assigned: { assign: 'assigned', progress: 'in_progress', complete: 'completed', confirm: '—', reopen: '—', escalate: 'assigned' },
  in_progress: { assign: '—', progress: 'in_progress', complete: 'completed', confirm: '—', reopen: '—', escalate: 'in_progress' },
  completed: { assign: '—', progress: '—', complete: '—', confirm: 'confirmed', reopen: 'reopened', escalate: '—' },
  confirmed: { assign: '—', progress: '—', complete: '—', confirm: '—', reopen: '—', escalate: '—' },
  reopened: { assign: 'assigned', progress: 'in_progress', complete: 'completed', confirm: '—', reopen: '—', escalate: 'reopened' },
}

describe('every status × every command', () => {
  // Assigned to the property with a deadline that has passed, so escalation is due where it is allowed.
  const cases = STATUSES.flatMap((s) => COMMANDS.map(([cmd, actor]) => [s, cmd.kind, cmd, actor] as const))
  test.each(cases)('%s + %s', (status, _kind, cmd, actor) => {
    const start = item({ status, assignee: status === 'raised' ? null : 'property', deadline: status === 'raised' ? null : T0 + 2 * D })
    const now = T0 + 3 * D
    const cmdNow = cmd.kind === 'assign' ? { ...cmd, deadline: now + 5 * D } : cmd
    const want = EXPECTED[status][cmd.kind]
    if (want === '—') {
      expect(codeOf(() => applyCommand(start, cmdNow, actor, now))).toBe('RECT.ILLEGAL_TRANSITION')
    } else {
      const { item: next, step } = applyCommand(start, cmdNow, actor, now)
      expect(next.status).toBe(want)
      expect(next.version).toBe(start.version + 1)
      expect(step.at).toBe(now)
      expect(step.actorId).toBe(actor.personId)
    }
  })
})

describe('a whole life: raised, assigned, worked, completed, reopened, completed, confirmed', () => {
  test('each step is timestamped and records who and what', () => {
    let it = item()
    const steps: ItemStep[] = []
    const go = (cmd: Command, a: Actor, at: number) => {
      const r = applyCommand(it, cmd, a, at)
      it = r.item
      steps.push(r.step)
    }
    go({ kind: 'assign', assignee: 'property', deadline: T0 + 7 * D }, captain, T0 + H)
    go({ kind: 'progress', note: '已安排保洁', photos: ['p1'] }, property, T0 + D)
    go({ kind: 'complete', note: '已清理', photos: ['p2', 'p3'] }, property, T0 + 2 * D)
    expect(it.completedAt).toBe(T0 + 2 * D)
    go({ kind: 'reopen', reason: '楼梯口还有纸箱' }, tenant, T0 + 3 * D)
    expect(it).toMatchObject({ status: 'reopened', reopenCount: 1, completedAt: null })
    go({ kind: 'complete', note: '纸箱也清走了' }, property, T0 + 4 * D)
    go({ kind: 'confirm' }, raiser, T0 + 5 * D)
    expect(it).toMatchObject({ status: 'confirmed', confirmedAt: T0 + 5 * D, completedAt: T0 + 4 * D, version: 7 })
    expect(steps.map((s) => s.action)).toEqual(['assign', 'progress', 'complete', 'reopen', 'complete', 'confirm'])
  })
})

describe('who may take each step', () => {
  const assigned = item({ status: 'assigned', assignee: 'property', deadline: T0 + 5 * D })
  const completed = item({ status: 'completed', assignee: 'property', deadline: T0 + 5 * D, completedAt: T0 + D })
  const assign: Command = { kind: 'assign', assignee: 'committee', deadline: T0 + 5 * D }
  test.each([
    ['the building\'s captain assigns', captain, undefined],
    ['the committee assigns', committee, undefined],
    ['a captain of another building', otherCaptain, 'CAPTAIN.NOT_MY_BUILDING'],
    ['the property company cannot assign', property, 'RECT.NOT_ALLOWED'],
    ['the raiser cannot assign', raiser, 'RECT.NOT_ALLOWED'],
    ['a supervisor changes nothing', supervisor, 'RECT.NOT_ALLOWED'],
  ])('assign: %s', (_, a, code) => expect(codeOf(() => applyCommand(item(), assign, a, T0))).toBe(code))
  test.each([
    ['the property company (the assignee) completes', property, undefined],
    ['the committee is not the assignee here', committee, 'RECT.NOT_ASSIGNEE'],
    ['the captain is not the assignee', captain, 'RECT.NOT_ASSIGNEE'],
  ])('complete: %s', (_, a, code) => expect(codeOf(() => applyCommand(assigned, { kind: 'complete', note: '修好了' }, a, T0))).toBe(code))
  test.each([
    ['the raiser confirms', raiser, undefined],
    ['a resident of the raiser\'s unit confirms', tenant, undefined],
    ['a neighbour cannot confirm someone else\'s item', neighbour, 'RECT.NOT_RAISER'],
    ['the captain cannot confirm for the owner', captain, 'RECT.NOT_RAISER'],
    ['the property company cannot confirm its own work', property, 'RECT.NOT_RAISER'],
  ])('confirm: %s', (_, a, code) => expect(codeOf(() => applyCommand(completed, { kind: 'confirm' }, a, T0))).toBe(code))
  test('reopen: only the raiser\'s household', () => {
    expect(codeOf(() => applyCommand(completed, { kind: 'reopen', reason: '没修好' }, neighbour, T0))).toBe('RECT.NOT_RAISER')
  })
})

describe('what each step needs', () => {
  const assigned = item({ status: 'assigned', assignee: 'property', deadline: T0 + 5 * D })
  test('a deadline in the past, or right now, is refused; one millisecond later is fine', () => {
    expect(codeOf(() => applyCommand(item(), { kind: 'assign', assignee: 'property', deadline: T0 - 1 }, committee, T0))).toBe('RECT.DEADLINE_PAST')
    expect(codeOf(() => applyCommand(item(), { kind: 'assign', assignee: 'property', deadline: T0 }, committee, T0))).toBe('RECT.DEADLINE_PAST')
    expect(applyCommand(item(), { kind: 'assign', assignee: 'property', deadline: T0 + 1 }, committee, T0).item.deadline).toBe(T0 + 1)
  })
  test('a completion without a note (or only spaces) is refused', () => {
    expect(codeOf(() => applyCommand(assigned, { kind: 'complete', note: '', photos: ['f'] }, property, T0))).toBe('RECT.NOTE_REQUIRED')
    expect(codeOf(() => applyCommand(assigned, { kind: 'complete', note: '   ' }, property, T0))).toBe('RECT.NOTE_REQUIRED')
    expect(codeOf(() => applyCommand(assigned, { kind: 'progress', note: '' }, property, T0))).toBe('RECT.NOTE_REQUIRED')
  })
  test('a reopen without a reason is refused', () => {
    const completed = item({ status: 'completed', assignee: 'property', completedAt: T0 })
    expect(codeOf(() => applyCommand(completed, { kind: 'reopen', reason: ' ' }, raiser, T0))).toBe('RECT.REASON_REQUIRED')
  })
  test('at most nine photos', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `f${i}`)
    expect(codeOf(() => applyCommand(assigned, { kind: 'complete', note: '好了', photos: ten }, property, T0))).toBe('RECT.TOO_MANY_PHOTOS')
    expect(applyCommand(assigned, { kind: 'complete', note: '好了', photos: ten.slice(1) }, property, T0).step.photos).toHaveLength(9)
  })
})

describe('raising an item', () => {
  const input = { id: 'i9', communityId: 'c', building: '2栋', unitNo: '0501', category: 'noise' as const, description: '夜里装修' }
  test('a captain logs it for any unit of a building they serve', () => {
    expect(raiseItem(input, captain, T0).item).toMatchObject({ raisedVia: 'captain', raisedBy: 'cap', status: 'raised', raisedAt: T0 })
  })
  test('a captain of another building is refused; an owner may only raise for their own unit', () => {
    expect(codeOf(() => raiseItem(input, otherCaptain, T0))).toBe('CAPTAIN.NOT_MY_BUILDING')
    expect(codeOf(() => raiseItem(input, raiser, T0))).toBe('RECT.NOT_YOUR_UNIT')
    expect(raiseItem({ ...input, building: '1栋', unitNo: '0202' }, tenant, T0).item.raisedVia).toBe('owner')
  })
  test('a description is required', () => {
    expect(codeOf(() => raiseItem({ ...input, description: '  ' }, captain, T0))).toBe('RECT.DESCRIPTION_REQUIRED')
  })
})

describe('escalation, with now passed in', () => {
  const deadline = T0 + 7 * D
  const open = item({ status: 'in_progress', assignee: 'property', deadline })
  test('nothing before the deadline; the committee at the deadline exactly', () => {
    expect(escalationDue(open, deadline - 1)).toBe(0)
    expect(codeOf(() => applyCommand(open, { kind: 'escalate' }, raiser, deadline - 1))).toBe('RECT.NOT_DUE')
    const up = applyCommand(open, { kind: 'escalate' }, raiser, deadline)
    expect(up.item).toMatchObject({ escalation: 1, escalatedAt: deadline, status: 'in_progress' })
  })
  test('the supervisors one week after it went to the committee, not a millisecond sooner', () => {
    const at = deadline + 3 * H // the job ran three hours after the deadline
    const lvl1 = applyCommand(open, { kind: 'escalate' }, raiser, at).item
    expect(escalationDue(lvl1, at + 7 * D - 1)).toBe(1)
    expect(codeOf(() => applyCommand(lvl1, { kind: 'escalate' }, raiser, at + 7 * D - 1))).toBe('RECT.NOT_DUE')
    const lvl2 = applyCommand(lvl1, { kind: 'escalate' }, raiser, at + 7 * D).item
    expect(lvl2).toMatchObject({ escalation: 2, escalatedAt: at + 7 * D })
    // Nothing above the supervisors.
    expect(escalationDue(lvl2, at + 100 * D)).toBe(2)
  })
  test('completed and confirmed items never escalate; a new deadline starts the clock again', () => {
    expect(escalationDue({ ...open, status: 'completed' }, deadline + 30 * D)).toBe(0)
    const lvl1 = applyCommand(open, { kind: 'escalate' }, raiser, deadline).item
    const reopened = { ...lvl1, status: 'reopened' as const }
    const reassigned = applyCommand(reopened, { kind: 'assign', assignee: 'committee', deadline: deadline + 10 * D }, committee, deadline + D).item
    expect(reassigned).toMatchObject({ escalation: 0, escalatedAt: null, assignee: 'committee' })
  })
})

describe('who sees an item', () => {
  const it = item()
  test.each([
    ['the raiser', raiser, 'full'],
    ['a resident of the same unit', tenant, 'full'],
    ['the building\'s captain', captain, 'full'],
    ['the committee', committee, 'full'],
    ['the property company', property, 'full'],
    ['a supervisor', supervisor, 'full'],
    ['another owner of the building: the unit is masked', neighbour, 'masked'],
    ['an owner of another building', elsewhere, 'none'],
    ['a captain of another building', otherCaptain, 'none'],
  ])('%s', (_, a, want) => expect(visibilityOf(it, a)).toBe(want))
})
