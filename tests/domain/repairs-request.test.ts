import { refusal } from '../support/refusal'
import { HOUR, MINUTE, DAY, dueState, validateCommitments, REPAIR_CATEGORIES, URGENCIES, type Commitment } from '../../src/domain/repairs/commitments'
import { applyRepair, reportRepair, REPAIR_STATUSES, TRANSITIONS, type RepairCommand, type RepairRequest, type RepairStatus } from '../../src/domain/repairs/request'

const T0 = Date.UTC(2026, 10, 2, 1, 0) // 2026-11-02 09:00 in Shanghai
const leak: Commitment = { category: 'water', urgency: 'urgent', responseMinutes: 30, completionMinutes: 240 }

function reported(at = T0): RepairRequest {
  return {
    no: 1,
    ...reportRepair({ id: 'r1', communityId: 'c', reporterId: 'p-owner', location: { kind: 'unit', building: '1栋', unitNo: '0202' }, category: 'water', urgency: 'urgent', description: ' 厨房水管漏水 ', photos: ['f1'], preferredTime: null }, leak, at),
  }
}

/** The code a command is refused with, or 'OK' when it is allowed. */
const codeOf = (f: () => unknown): string => (canRun(f) ? 'OK' : refusal(f).code)

function canRun(f: () => unknown): boolean {
  try {
    f()
    return true
  } catch {
    return false
  }
}

const SAMPLE: Record<RepairCommand['kind'], RepairCommand> = {
  accept: { kind: 'accept' },
  assign: { kind: 'assign', worker: '王师傅' },
  start: { kind: 'start' },
  complete: { kind: 'complete', note: '更换三通', photos: [] },
  confirm: { kind: 'confirm', rating: 5, comment: '' },
  reopen: { kind: 'reopen', reason: '还在滴水' },
  urge: { kind: 'urge' },
  auto_confirm: { kind: 'auto_confirm' },
  escalate: { kind: 'escalate' },
}

// The expected machine, written out by hand from the issue (not derived from TRANSITIONS).
const LEGAL: Record<RepairStatus, string[]> = {
  reported: ['accept', 'urge', 'escalate'],
  reopened: ['accept', 'urge', 'escalate'],
  accepted: ['assign', 'urge', 'escalate'],
  assigned: ['assign', 'start', 'urge', 'escalate'],
  in_progress: ['complete', 'urge', 'escalate'],
  completed: ['confirm', 'reopen', 'auto_confirm'],
  confirmed: [],
}

describe('state machine', () => {
  test('every status × command pair is either the legal move the issue describes or refused as illegal', () => {
    for (const status of REPAIR_STATUSES) {
      for (const kind of Object.keys(SAMPLE) as Array<RepairCommand['kind']>) {
        // Far in the future, so time guards (overdue, 7 days) are met and only legality decides.
        const r = { ...reported(), status, completedAt: T0 }
        const code = codeOf(() => applyRepair(r, SAMPLE[kind], T0 + 30 * DAY))
        expect([status, kind, code]).toEqual([status, kind, LEGAL[status].includes(kind) ? 'OK' : 'REPAIR.ILLEGAL_TRANSITION'])
      }
    }
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...REPAIR_STATUSES].sort())
  })

  test('the happy path: report → accept → assign → start → complete → confirm with 4 stars', () => {
    let r = reported()
    expect(r.description).toBe('厨房水管漏水')
    const steps: Array<[RepairCommand, number, RepairStatus]> = [
      [{ kind: 'accept' }, T0 + 20 * MINUTE, 'accepted'],
      [{ kind: 'assign', worker: '王师傅' }, T0 + 25 * MINUTE, 'assigned'],
      [{ kind: 'start' }, T0 + HOUR, 'in_progress'],
      [{ kind: 'complete', note: '更换三通', photos: ['f2'] }, T0 + 3 * HOUR, 'completed'],
      [{ kind: 'confirm', rating: 4, comment: '及时' }, T0 + 5 * HOUR, 'confirmed'],
    ]
    for (const [cmd, at, status] of steps) {
      r = applyRepair(r, cmd, at).next
      expect(r.status).toBe(status)
    }
    expect(r).toMatchObject({ firstAcceptedAt: T0 + 20 * MINUTE, firstCompletedAt: T0 + 3 * HOUR, worker: '王师傅', completionNote: '更换三通', completionPhotos: ['f2'], rating: 4, comment: '及时', version: 6 })
  })

  test('guards: completing needs a note, a rating is 1–5 whole stars, reopening needs a reason, at most 9 photos', () => {
    const inProgress = { ...reported(), status: 'in_progress' as const }
    expect(codeOf(() => applyRepair(inProgress, { kind: 'complete', note: '  ', photos: [] }, T0))).toBe('REPAIR.NOTE_REQUIRED')
    expect(codeOf(() => applyRepair(inProgress, { kind: 'complete', note: '修好', photos: Array.from({ length: 10 }, (_, i) => `f${i}`) }, T0))).toBe('REPAIR.TOO_MANY_PHOTOS')
    const completed = { ...reported(), status: 'completed' as const, completedAt: T0 }
    for (const rating of [0, 6, 3.5]) expect(codeOf(() => applyRepair(completed, { kind: 'confirm', rating, comment: '' }, T0))).toBe('REPAIR.RATING_RANGE')
    expect(codeOf(() => applyRepair(completed, { kind: 'confirm', rating: 1, comment: '' }, T0))).toBe('OK')
    expect(codeOf(() => applyRepair(completed, { kind: 'reopen', reason: '' }, T0))).toBe('REPAIR.REASON_REQUIRED')
    expect(codeOf(() => applyRepair({ ...reported(), status: 'accepted' }, { kind: 'assign', worker: ' ' }, T0))).toBe('REPAIR.WORKER_REQUIRED')
    expect(codeOf(() => reportRepair({ ...reported(), photos: Array.from({ length: 10 }, (_, i) => `f${i}`) }, leak, T0))).toBe('REPAIR.TOO_MANY_PHOTOS')
    expect(codeOf(() => reportRepair({ ...reported(), photos: Array.from({ length: 9 }, (_, i) => `f${i}`) }, leak, T0))).toBe('OK')
    expect(codeOf(() => reportRepair({ ...reported() }, null, T0))).toBe('REPAIR.NO_COMMITMENT')
  })

  test('reopening restarts the commitment clock and clears urges; the first acceptance and completion stay for the numbers', () => {
    let r = reported()
    for (const [cmd, at] of [[{ kind: 'accept' }, T0 + 10 * MINUTE], [{ kind: 'assign', worker: '李师傅' }, T0 + 11 * MINUTE], [{ kind: 'start' }, T0 + 12 * MINUTE]] as Array<[RepairCommand, number]>) r = applyRepair(r, cmd, at).next
    r = applyRepair(r, { kind: 'urge' }, T0 + 241 * MINUTE).next
    r = applyRepair(r, { kind: 'complete', note: '紧固接头', photos: [] }, T0 + 5 * HOUR).next
    const reopenAt = T0 + DAY
    r = applyRepair(r, { kind: 'reopen', reason: '还在滴水' }, reopenAt).next
    expect(r).toMatchObject({ status: 'reopened', cycleStartedAt: reopenAt, reopenCount: 1, urged: [], completedAt: null, firstAcceptedAt: T0 + 10 * MINUTE, firstCompletedAt: T0 + 5 * HOUR })
    expect(dueState(r, r, reopenAt)).toEqual({ phase: 'response', dueAt: reopenAt + 30 * MINUTE, overdue: false })
    r = applyRepair(r, { kind: 'accept' }, reopenAt + 5 * MINUTE).next
    expect(r.firstAcceptedAt).toBe(T0 + 10 * MINUTE)
  })
})

describe('commitments, urging and escalation with now', () => {
  test('the response deadline is kept at the exact minute and missed one ms later', () => {
    const r = reported()
    expect(dueState(r, r, T0 + 30 * MINUTE)).toEqual({ phase: 'response', dueAt: T0 + 30 * MINUTE, overdue: false })
    expect(dueState(r, r, T0 + 30 * MINUTE + 1)!.overdue).toBe(true)
    const accepted = applyRepair(r, { kind: 'accept' }, T0 + 10 * MINUTE).next
    expect(dueState(accepted, accepted, T0 + 10 * MINUTE)).toEqual({ phase: 'completion', dueAt: T0 + 4 * HOUR, overdue: false })
    expect(dueState({ ...accepted, status: 'completed' }, accepted, T0)).toBeNull()
  })

  test('urging: refused before a commitment is missed, allowed once per missed deadline', () => {
    const r = reported()
    expect(codeOf(() => applyRepair(r, { kind: 'urge' }, T0 + 30 * MINUTE))).toBe('REPAIR.NOT_OVERDUE')
    const urged = applyRepair(r, { kind: 'urge' }, T0 + 31 * MINUTE)
    expect(urged.data).toEqual({ phase: 'response', dueAt: T0 + 30 * MINUTE })
    expect(codeOf(() => applyRepair(urged.next, { kind: 'urge' }, T0 + 2 * HOUR))).toBe('REPAIR.ALREADY_URGED')
    // Accepted late, then the 4-hour completion promise is missed too: one more urge.
    const accepted = applyRepair(urged.next, { kind: 'accept' }, T0 + 2 * HOUR).next
    expect(codeOf(() => applyRepair(accepted, { kind: 'urge' }, T0 + 4 * HOUR))).toBe('REPAIR.NOT_OVERDUE')
    expect(applyRepair(accepted, { kind: 'urge' }, T0 + 4 * HOUR + 1).next.urged).toEqual(['response', 'completion'])
  })

  test('escalation to the committee happens once per missed deadline', () => {
    const r = reported()
    expect(codeOf(() => applyRepair(r, { kind: 'escalate' }, T0 + 29 * MINUTE))).toBe('REPAIR.NOT_OVERDUE')
    const once = applyRepair(r, { kind: 'escalate' }, T0 + HOUR).next
    expect(codeOf(() => applyRepair(once, { kind: 'escalate' }, T0 + 2 * HOUR))).toBe('REPAIR.ALREADY_ESCALATED')
  })

  test('auto-confirmation: not before 7 full days after completion, then confirmed without a rating', () => {
    const done = { ...reported(), status: 'completed' as const, completedAt: T0 + 3 * HOUR }
    expect(codeOf(() => applyRepair(done, { kind: 'auto_confirm' }, T0 + 3 * HOUR + 7 * DAY - 1))).toBe('REPAIR.NOT_YET_AUTO')
    const auto = applyRepair(done, { kind: 'auto_confirm' }, T0 + 3 * HOUR + 7 * DAY).next
    expect(auto).toMatchObject({ status: 'confirmed', autoConfirmed: true, rating: null, confirmedAt: T0 + 3 * HOUR + 7 * DAY })
  })

  test('a community table must cover every category and urgency with response no longer than completion', () => {
    const full: Commitment[] = REPAIR_CATEGORIES.flatMap((category) => URGENCIES.map((urgency) => ({ category, urgency, responseMinutes: 30, completionMinutes: 240 })))
    expect(validateCommitments(full)).toEqual([])
    const broken = full.filter((c) => !(c.category === 'lift' && c.urgency === 'urgent')).map((c) => (c.category === 'door' && c.urgency === 'normal' ? { ...c, responseMinutes: 300 } : c))
    expect(validateCommitments(broken)).toEqual(['电梯（紧急）缺少服务时限', '门窗、门禁（一般）的响应时限不能长于完成时限'])
  })
})
