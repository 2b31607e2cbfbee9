// Counting a closed assembly: the stored ballots, merged across channels by
// the store's one-per-owner key, through the same tally every recount uses;
// and the corrections an upheld objection records, which the count applies
// on top of the ballots without ever changing them.
import { AppError } from '../errors'
import { tallyElection, type ElectionResult } from './election'
import { checkVotes, type MotionSpec } from './assembly'
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

/** The choice the committee recorded for one owner's motion when it upheld their objection. */
export interface Correction {
  motionId: string
  voterKey: string
  marks: CountedBallot['marks']
}

const sameMarks = (a: CountedBallot['marks'], b: CountedBallot['marks']): boolean => {
  if ('choice' in a || 'choice' in b) return 'choice' in a && 'choice' in b && a.choice === b.choice
  const set = (xs: readonly string[]) => [...xs].sort().join('\u0000')
  return set(a.approve) === set(b.approve) && set(a.oppose) === set(b.oppose)
}

/**
 * The ballots as they count: each corrected (motion, owner) takes the
 * correction's marks; everything else stands as cast. A correction without
 * its ballot is a broken record, never silently dropped.
 */
export function correctedBallots(ballots: readonly CountedBallot[], corrections: readonly Correction[]): CountedBallot[] {
  const byKey = new Map(corrections.map((c) => [`${c.motionId}\u0000${c.voterKey}`, c]))
  let applied = 0
  const out = ballots.map((b) => {
    const c = byKey.get(`${b.motionId}\u0000${b.voterKey}`)
    if (!c) return b
    applied++
    return { ...b, marks: c.marks }
  })
  if (applied !== byKey.size) throw new Error('a ballot correction refers to a ballot that does not exist')
  return out
}

/**
 * Checks the corrections proposed for one disputed submission (the rows
 * sharing its tracking code): each names a motion of that submission once,
 * with marks valid for the motion, different from what was recorded.
 */
export function checkCorrections(
  motions: readonly MotionSpec[],
  recorded: ReadonlyArray<{ motionId: string; marks: CountedBallot['marks'] }>,
  proposed: ReadonlyArray<{ motionId: string } & ({ choice: Choice } | { approve: readonly string[]; oppose?: readonly string[] })>,
): Array<{ motionId: string; from: CountedBallot['marks']; to: { choice: Choice } | { approve: string[]; oppose: string[] } }> {
  const outside = proposed.find((p) => !recorded.some((r) => r.motionId === p.motionId))
  if (outside) throw new AppError('VOTE.CORRECTION_NOT_IN_BALLOT', `这张选票上没有议案 ${outside.motionId} 的选择，不能更正`, { motionId: outside.motionId })
  const checked = checkVotes(motions, proposed.map((p) => ({ ...p })))
  return checked.map((v) => {
    const from = recorded.find((r) => r.motionId === v.motionId)!.marks
    const to = v.kind === 'motion' ? { choice: v.choice } : { approve: v.approve, oppose: v.oppose }
    if (sameMarks(from, to)) throw new AppError('VOTE.CORRECTION_SAME', `议案 ${v.motionId} 更正后的选择与原记录相同`, { motionId: v.motionId })
    return { motionId: v.motionId, from, to }
  })
}
