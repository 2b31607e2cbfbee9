// The claim board: publish, claim (领单) or dispatch (派单), done; every
// status × command, and who may do what.
import { AppError } from '../../src/domain/errors'
import type { Actor } from '../../src/domain/captains/actor'
import { applyClaim, publishClaim, type ClaimCommand, type ClaimStatus } from '../../src/domain/captains/claims'

const T = Date.UTC(2026, 10, 28, 2)
const committee: Actor = { personId: 'li', roles: ['owner', 'committee'], captainOf: [], units: [] }
const volunteer: Actor = { personId: 'chen', roles: ['owner'], captainOf: [], units: [] }
const other: Actor = { personId: 'zhang', roles: ['owner'], captainOf: [], units: [] }
const members = new Set(['li', 'chen', 'zhang'])
const isMember = (id: string) => members.has(id)

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e.code
    throw e
  }
  return undefined
}

const task = publishClaim({ id: 't1', communityId: 'c', title: ' 清理3栋天台杂物 ', detail: '约两小时' }, committee, T)

test('only the committee publishes, with a title', () => {
  expect(task).toMatchObject({ title: '清理3栋天台杂物', status: 'open', publishedBy: 'li', publishedAt: T })
  expect(codeOf(() => publishClaim({ id: 't', communityId: 'c', title: 'x', detail: '' }, volunteer, T))).toBe('CLAIM.COMMITTEE_ONLY')
  expect(codeOf(() => publishClaim({ id: 't', communityId: 'c', title: ' ', detail: '' }, committee, T))).toBe('CLAIM.TITLE_REQUIRED')
})

test('claimed by a volunteer, then done by that volunteer with a note: who and when are kept', () => {
  const taken = applyClaim(task, { kind: 'claim' }, volunteer, T + 1000, isMember)
  expect(taken).toMatchObject({ status: 'taken', takerId: 'chen', takenHow: 'claimed', takenAt: T + 1000 })
  expect(codeOf(() => applyClaim(taken, { kind: 'done', note: '好了' }, other, T + 2000, isMember))).toBe('CLAIM.NOT_TAKER')
  expect(codeOf(() => applyClaim(taken, { kind: 'done', note: ' ' }, volunteer, T + 2000, isMember))).toBe('CLAIM.NOTE_REQUIRED')
  expect(applyClaim(taken, { kind: 'done', note: '清走三车' }, volunteer, T + 2000, isMember)).toMatchObject({ status: 'done', doneNote: '清走三车', doneAt: T + 2000 })
})

test('dispatch: the committee only, to a member only', () => {
  expect(codeOf(() => applyClaim(task, { kind: 'dispatch', to: 'zhang' }, volunteer, T, isMember))).toBe('CLAIM.COMMITTEE_ONLY')
  expect(codeOf(() => applyClaim(task, { kind: 'dispatch', to: 'nobody' }, committee, T, isMember))).toBe('CLAIM.NOT_A_MEMBER')
  expect(applyClaim(task, { kind: 'dispatch', to: 'zhang' }, committee, T, isMember)).toMatchObject({ takerId: 'zhang', takenHow: 'dispatched', dispatchedBy: 'li' })
})

describe('every status × command', () => {
  const states: Record<ClaimStatus, ReturnType<typeof publishClaim>> = {
    open: task,
    taken: { ...task, status: 'taken', takerId: 'chen' },
    done: { ...task, status: 'done', takerId: 'chen' },
    withdrawn: { ...task, status: 'withdrawn' },
  }
  const commands: Array<[ClaimCommand, Actor]> = [[{ kind: 'claim' }, volunteer], [{ kind: 'dispatch', to: 'zhang' }, committee], [{ kind: 'done', note: '好了' }, volunteer], [{ kind: 'withdraw' }, committee]]
  // By hand: open accepts claim/dispatch/withdraw; taken accepts done; done and withdrawn accept nothing.
  const EXPECTED: Record<ClaimStatus, Record<ClaimCommand['kind'], ClaimStatus | '—'>> = {
    open: { claim: 'taken', dispatch: 'taken', done: '—', withdraw: 'withdrawn' },
    taken: { claim: '—', dispatch: '—', done: 'done', withdraw: '—' },
    done: { claim: '—', dispatch: '—', done: '—', withdraw: '—' },
    withdrawn: { claim: '—', dispatch: '—', done: '—', withdraw: '—' },
  }
  const cases = (Object.keys(states) as ClaimStatus[]).flatMap((s) => commands.map(([c, a]) => [s, c.kind, c, a] as const))
  test.each(cases)('%s + %s', (s, _k, cmd, actor) => {
    const want = EXPECTED[s][cmd.kind]
    if (want === '—') expect(codeOf(() => applyClaim(states[s], cmd, actor, T, isMember))).toBe('CLAIM.ILLEGAL_TRANSITION')
    else expect(applyClaim(states[s], cmd, actor, T, isMember).status).toBe(want)
  })
})
