// Electing the committee: each candidate must pass the ordinary double majority
// of those who took part; passers rank by agreeing heads, then area; a tie for
// the last seat is reported, not broken. Expected values are worked by hand.
import { refusal } from '../support/refusal'
import { tallyElection, type ElectionBallot } from '../../src/domain/voting/election'

const HUNDRED = 10000 // 100.00 m²
const ballot = (voterKey: string, approve: string[], area = HUNDRED, oppose?: string[]): ElectionBallot => ({ voterKey, area, approve, oppose })

/** Ten owners of 100.00 m² (o1 may hold more), two seats: A–D approved as in the cases below. */
const tenOwners = (o1Area = HUNDRED): ElectionBallot[] => [
  ballot('o1', ['A', 'B'], o1Area),
  ballot('o2', ['A', 'B']),
  ballot('o3', ['A', 'B']),
  ballot('o4', ['A', 'C']),
  ballot('o5', ['A', 'C']),
  ballot('o6', ['A', 'C']),
  ballot('o7', ['B', 'C']),
  ballot('o8', ['B', 'C']),
  ballot('o9', ['B', 'C']),
  ballot('o10', ['A', 'D']),
]


test('a tie at the last seat is reported, with the seat it is for', () => {
  // 10 owners × 100.00 m², all vote, 2 seats. P = 1000.00 m², 10 heads; more than half = 6 heads and > 500.00 m².
  // A: o1–o6, o10 = 7 heads, 700.00. B: o1–o3, o7–o9 = 6 heads, 600.00. C: o4–o9 = 6 heads, 600.00. D: o10 = 1.
  const ballots = tenOwners()
  const r = tallyElection({ seats: 2, candidates: ['A', 'B', 'C', 'D'], total: { area: 100000, heads: 10 }, ballots })
  expect(r.quorumMet).toBe(true)
  expect(r.participating).toEqual({ area: 100000, heads: 10 })
  expect(r.candidates.map((c) => [c.candidate, c.tally.agree.heads, c.tally.agree.area, c.tally.passed, c.rank])).toEqual([
    ['A', 7, 70000, true, 1],
    ['B', 6, 60000, true, 2],
    ['C', 6, 60000, true, 2],
    ['D', 1, 10000, false, null],
  ])
  // Not approving a candidate on a cast ballot is an abstention on that candidate: A has 3 (o7–o9).
  expect(r.candidates[0].tally).toMatchObject({ participating: { area: 100000, heads: 10 }, oppose: { area: 0, heads: 0 }, abstain: { area: 30000, heads: 3 } })
  expect(r.elected).toEqual(['A'])
  expect(r.tie).toEqual({ candidates: ['B', 'C'], seats: 1 })
  expect(r.vacantSeats).toBe(0)
})

test('a three-way tie for both seats elects nobody yet', () => {
  // 9 owners × 100.00 m², 2 seats; each pair of A, B, C gets 3 ballots, so each has 6 of 9 heads, 600.00 of 900.00 m².
  const ballots = [
    ...['o1', 'o2', 'o3'].map((k) => ballot(k, ['A', 'B'])),
    ...['o4', 'o5', 'o6'].map((k) => ballot(k, ['A', 'C'])),
    ...['o7', 'o8', 'o9'].map((k) => ballot(k, ['B', 'C'])),
  ]
  const r = tallyElection({ seats: 2, candidates: ['A', 'B', 'C'], total: { area: 90000, heads: 9 }, ballots })
  expect(r.ranking).toEqual(['A', 'B', 'C'])
  expect(r.candidates.map((c) => c.rank)).toEqual([1, 1, 1])
  expect(r.elected).toEqual([])
  expect(r.tie).toEqual({ candidates: ['A', 'B', 'C'], seats: 2 })
})

test('level on heads, the larger agreeing area wins the last seat (no tie)', () => {
  // As the first case but o1 holds 200.00 m²: T = P = 1100.00 m², 10 heads.
  // A: 7 heads, 800.00. B: 6 heads, 700.00 (o1 is a B voter). C: 6 heads, 600.00 — 2 × 600 = 1200 > 1100, still passes.
  const ballots = tenOwners(20000)
  const r = tallyElection({ seats: 2, candidates: ['A', 'B', 'C', 'D'], total: { area: 110000, heads: 10 }, ballots })
  expect(r.candidates.map((c) => [c.candidate, c.tally.agree.area, c.tally.passed, c.rank])).toEqual([
    ['A', 80000, true, 1],
    ['B', 70000, true, 2],
    ['C', 60000, true, 3],
    ['D', 10000, false, null],
  ])
  expect(r.elected).toEqual(['A', 'B'])
  expect(r.tie).toBeNull()
})

test('heads rank before area; the double majority needs both', () => {
  // o1 holds 500.00 m², o2–o10 100.00 each: T = P = 1400.00 m², 10 heads. 2 seats.
  // X: o1–o6 = 6 heads, 1000.00. Y: o2–o10 = 9 heads, 900.00. Z: o1, o7–o10 = 5 heads, 900.00:
  // Z has more than half the area (1800 > 1400) but exactly half the heads (10, not > 10): not elected.
  const ballots = [
    ballot('o1', ['X', 'Z'], 50000),
    ...['o2', 'o3', 'o4', 'o5', 'o6'].map((k) => ballot(k, ['X', 'Y'])),
    ...['o7', 'o8', 'o9', 'o10'].map((k) => ballot(k, ['Y', 'Z'])),
  ]
  const r = tallyElection({ seats: 2, candidates: ['X', 'Y', 'Z'], total: { area: 140000, heads: 10 }, ballots })
  expect(r.candidates.map((c) => [c.candidate, c.tally.agree.heads, c.tally.agree.area, c.tally.passed])).toEqual([
    ['X', 6, 100000, true],
    ['Y', 9, 90000, true],
    ['Z', 5, 90000, false],
  ])
  expect(r.ranking).toEqual(['Y', 'X'])
  expect(r.elected).toEqual(['Y', 'X'])
})

test('seats nobody passed for stay vacant; explicit opposition is counted apart from abstention', () => {
  // 4 owners × 100.00 m², 3 seats. A: 3 of 4 heads, passes. B: 2 of 4 (exactly half) fails. C: nobody.
  const ballots = [
    ballot('o1', ['A', 'B'], HUNDRED, ['C']),
    ballot('o2', ['A', 'B']),
    ballot('o3', ['A'], HUNDRED, ['B', 'C']),
    ballot('o4', []),
  ]
  const r = tallyElection({ seats: 3, candidates: ['A', 'B', 'C'], total: { area: 40000, heads: 4 }, ballots })
  expect(r.elected).toEqual(['A'])
  expect(r.tie).toBeNull()
  expect(r.vacantSeats).toBe(2)
  // C: opposed by o1, o3; o2 and o4 took part without marking C.
  expect(r.candidates[2].tally).toMatchObject({
    agree: { area: 0, heads: 0 },
    oppose: { area: 20000, heads: 2 },
    abstain: { area: 20000, heads: 2 },
    participating: { area: 40000, heads: 4 },
  })
})

test('without a quorum nobody is elected, even with every ballot approving', () => {
  // 9 owners, 5 vote (5 × 3 = 15 < 18).
  const ballots = ['o1', 'o2', 'o3', 'o4', 'o5'].map((k) => ballot(k, ['A']))
  const r = tallyElection({ seats: 1, candidates: ['A'], total: { area: 90000, heads: 9 }, ballots })
  expect(r.quorumMet).toBe(false)
  expect(r.candidates[0].tally.agree).toEqual({ area: 50000, heads: 5 })
  expect(r.elected).toEqual([])
  expect(r.vacantSeats).toBe(1)
})

test('approving more candidates than seats is refused', () => {
  const e = refusal(() =>
    tallyElection({ seats: 2, candidates: ['A', 'B', 'C'], total: { area: 30000, heads: 3 }, ballots: [ballot('o1', ['A', 'B', 'C'])] }),
  )
  expect(e.code).toBe('VOTE.TOO_MANY_CANDIDATES')
  expect(e.message).toContain('o1')
  expect(e.details).toMatchObject({ voterKey: 'o1', approved: 3, seats: 2 })
})

test('other bad ballots and bad elections are refused', () => {
  const base = { seats: 2, candidates: ['A', 'B'], total: { area: 30000, heads: 3 } }
  expect(refusal(() => tallyElection({ ...base, ballots: [ballot('o1', ['Q'])] })).code).toBe('VOTE.UNKNOWN_CANDIDATE')
  expect(refusal(() => tallyElection({ ...base, ballots: [ballot('o1', ['A', 'A'])] })).code).toBe('VOTE.BAD_BALLOT')
  expect(refusal(() => tallyElection({ ...base, ballots: [ballot('o1', ['A'], HUNDRED, ['A'])] })).code).toBe('VOTE.BAD_BALLOT')
  expect(refusal(() => tallyElection({ ...base, ballots: [ballot('o1', ['A']), ballot('o1', ['B'])] })).code).toBe('VOTE.DUPLICATE_BALLOT')
  expect(refusal(() => tallyElection({ ...base, seats: 0, ballots: [] })).code).toBe('VOTE.BAD_SEATS')
  expect(refusal(() => tallyElection({ ...base, candidates: ['A', 'A'], ballots: [] })).code).toBe('VOTE.DUPLICATE_CANDIDATE')
  expect(refusal(() => tallyElection({ ...base, candidates: [], ballots: [] })).code).toBe('VOTE.NO_CANDIDATES')
})
