// Counting from the sums a database computes (GROUP BY, aggregation) instead of
// from every ballot: the same result, by the same arithmetic, as counting the
// ballots themselves.
import type { MotionSpec } from '../../src/domain/voting/assembly'
import { countAssembly, countFromSums, type BallotSums, type CountedBallot } from '../../src/domain/voting/result'
import type { Choice } from '../../src/domain/voting/tally'
import { refusal } from '../support/refusal'

const MOTIONS: MotionSpec[] = [
  { id: 'm1', matter: 4, election: null },
  { id: 'm2', matter: 7, election: null },
  { id: 'm3', matter: 3, election: { seats: 2, candidates: ['A', 'B', 'C', 'D'] } },
]

/** A seeded generator, so every run draws the same ballots. */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0
  return (n) => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    return Math.floor((s / 2 ** 32) * n)
  }
}

/** The test's own GROUP BY over the ballots, each weighted by its owner's area on the electorate. */
function groupBy(electorate: Array<{ voterKey: string; area: number }>, ballots: CountedBallot[]): BallotSums {
  const area = new Map(electorate.map((e) => [e.voterKey, e.area]))
  const byChoice = new Map<string, { motionId: string; choice: Choice | null; area: number; heads: number }>()
  const byCandidate = new Map<string, { motionId: string; candidate: string; mark: 'approve' | 'oppose'; area: number; heads: number }>()
  for (const b of ballots) {
    const a = area.get(b.voterKey)!
    const choice = 'choice' in b.marks ? b.marks.choice : null
    const row = byChoice.get(`${b.motionId}|${choice}`) ?? { motionId: b.motionId, choice, area: 0, heads: 0 }
    byChoice.set(`${b.motionId}|${choice}`, { ...row, area: row.area + a, heads: row.heads + 1 })
    if ('approve' in b.marks) {
      for (const [mark, list] of [['approve', b.marks.approve], ['oppose', b.marks.oppose]] as const) {
        for (const candidate of list) {
          const k = `${b.motionId}|${candidate}|${mark}`
          const r = byCandidate.get(k) ?? { motionId: b.motionId, candidate, mark, area: 0, heads: 0 }
          byCandidate.set(k, { ...r, area: r.area + a, heads: r.heads + 1 })
        }
      }
    }
  }
  return {
    total: { area: electorate.reduce((s, e) => s + e.area, 0), heads: electorate.length },
    byChoice: [...byChoice.values()],
    byCandidate: [...byCandidate.values()],
  }
}

test('300 owners voting at random (some on only some motions): the count from the sums is the count from the ballots', () => {
  const draw = rng(20261128)
  const electorate = Array.from({ length: 300 }, (_, i) => ({ voterKey: `O${String(i).padStart(4, '0')}`, area: 5_000 + draw(20_000) }))
  const ballots: CountedBallot[] = []
  const choices: Choice[] = ['agree', 'agree', 'oppose', 'abstain']
  for (const { voterKey } of electorate.slice(0, 240)) {
    if (draw(10) < 8) ballots.push({ motionId: 'm1', voterKey, marks: { choice: choices[draw(4)] } })
    if (draw(10) < 7) ballots.push({ motionId: 'm2', voterKey, marks: { choice: choices[draw(4)] } })
    if (draw(10) < 9) {
      const order = ['A', 'B', 'C', 'D'].sort(() => draw(3) - 1)
      ballots.push({ motionId: 'm3', voterKey, marks: { approve: order.slice(0, draw(3)), oppose: order.slice(2, 2 + draw(2)) } })
    }
  }
  const sums = groupBy(electorate, ballots)
  for (const nonVoters of ['not-counted', 'deemed-agree'] as const) {
    expect(countFromSums(MOTIONS, sums, { nonVoters })).toEqual(countAssembly(MOTIONS, electorate, ballots, { nonVoters }))
  }
})

test('worked by hand: four owners of 100.00 m², 2 seats; B and C level for the last seat is reported as a tie', () => {
  // P = 4 heads, 400.00 m². A is approved by all 4, B and C by 3 each, D by nobody (opposed by 1).
  // More than half is 3 heads and over 200.00 m²: A, B and C pass. A ranks first; B and C are level
  // (3 heads, 300.00 m²) for the one seat left: a tie, not broken by ballot order.
  const H = 10_000
  const sums: BallotSums = {
    total: { area: 4 * H, heads: 4 },
    byChoice: [{ motionId: 'm3', choice: null, area: 4 * H, heads: 4 }],
    byCandidate: [
      { motionId: 'm3', candidate: 'A', mark: 'approve', area: 4 * H, heads: 4 },
      { motionId: 'm3', candidate: 'B', mark: 'approve', area: 3 * H, heads: 3 },
      { motionId: 'm3', candidate: 'C', mark: 'approve', area: 3 * H, heads: 3 },
      { motionId: 'm3', candidate: 'D', mark: 'oppose', area: H, heads: 1 },
    ],
  }
  const [outcome] = countFromSums([MOTIONS[2]], sums).motions
  if (outcome.kind !== 'election') throw new Error('expected an election')
  expect(outcome.election.elected).toEqual(['A'])
  expect(outcome.election.tie).toEqual({ candidates: ['B', 'C'], seats: 1 })
  expect(outcome.election.candidates[3].tally).toMatchObject({ agree: { area: 0, heads: 0 }, oppose: { area: H, heads: 1 }, abstain: { area: 3 * H, heads: 3 }, passed: false })
})

test('sums naming a candidate not on the list, or a choice that is none of the three, are refused', () => {
  const total = { area: 10_000, heads: 1 }
  expect(refusal(() => countFromSums([MOTIONS[2]], { total, byChoice: [], byCandidate: [{ motionId: 'm3', candidate: 'Z', mark: 'approve', area: 1, heads: 1 }] }))).toMatchObject({ code: 'VOTE.UNKNOWN_CANDIDATE' })
  expect(refusal(() => countFromSums([MOTIONS[0]], { total, byChoice: [{ motionId: 'm1', choice: 'maybe' as Choice, area: 1, heads: 1 }], byCandidate: [] }))).toMatchObject({ code: 'VOTE.BAD_TALLY_INPUT' })
})
