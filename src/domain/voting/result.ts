// Counting a closed assembly: the stored ballots, merged across channels by
// the store's one-per-owner key, through the same tally every recount uses.
import { tallyElection, type ElectionResult } from './election'
import type { MotionSpec } from './assembly'
import { buildElectorate, tallyMotion, type Choice, type Count, type MotionResult, type TallyOptions } from './tally'

export interface CountedBallot {
  motionId: string
  voterKey: string
  marks: { choice: Choice } | { approve: readonly string[]; oppose: readonly string[] }
}

export type MotionOutcome =
  | { motionId: string; kind: 'motion'; matter: number; result: MotionResult }
  | { motionId: string; kind: 'election'; matter: number; election: ElectionResult }

export interface AssemblyCount {
  total: Count
  nonVoters: NonNullable<TallyOptions['nonVoters']>
  motions: MotionOutcome[]
}

/**
 * Areas come from the electorate fixed when voting opened, never from the
 * ballot row, so a voter's weight is the roll's, whoever cast the ballot.
 */
export function countAssembly(
  motions: readonly MotionSpec[],
  electorate: ReadonlyArray<{ voterKey: string; area: number }>,
  ballots: readonly CountedBallot[],
  options: TallyOptions = {},
): AssemblyCount {
  const e = buildElectorate(electorate)
  const areaOf = (voterKey: string): number => {
    const i = e.indexOf.get(voterKey)
    if (i === undefined) throw new Error(`ballot from ${voterKey}, who is not in the electorate`)
    return e.area[i]
  }
  const byMotion = new Map<string, CountedBallot[]>(motions.map((m) => [m.id, []]))
  for (const b of ballots) byMotion.get(b.motionId)?.push(b)
  const outcomes = motions.map((m): MotionOutcome => {
    const cast = byMotion.get(m.id) ?? []
    if (m.election) {
      return {
        motionId: m.id,
        kind: 'election',
        matter: m.matter,
        election: tallyElection({
          seats: m.election.seats,
          candidates: m.election.candidates,
          total: e.total,
          ballots: cast.map((b) => ('approve' in b.marks ? { voterKey: b.voterKey, area: areaOf(b.voterKey), approve: b.marks.approve, oppose: b.marks.oppose } : { voterKey: b.voterKey, area: areaOf(b.voterKey), approve: [] })),
        }),
      }
    }
    return {
      motionId: m.id,
      kind: 'motion',
      matter: m.matter,
      result: tallyMotion(
        { matter: m.matter, total: e.total, ballots: cast.map((b) => ({ voterKey: b.voterKey, area: areaOf(b.voterKey), choice: 'choice' in b.marks ? b.marks.choice : 'abstain' })) },
        options,
      ),
    }
  })
  return { total: e.total, nonVoters: options.nonVoters ?? 'not-counted', motions: outcomes }
}
