// The published package of a counted assembly in exactly the files the
// independent recount reads (`npm run tally -- DIR`, src/cli/tally.ts): the
// roll as it stood when voting opened, the motions, and one ballot row per
// owner per motion. An election is exported as one matter-3 motion per
// candidate (approve = agree, oppose = oppose, unmarked = abstain), which is
// exactly how the election tally decides each candidate.
import { csvLine } from '../csv'
import { formatHundredths } from '../measure'
import type { MotionSpec } from './assembly'
import { correctedBallots, type Correction, type CountedBallot } from './result'
import type { Choice } from './tally'

export interface ExportUnit {
  voterKey: string
  building: string
  unitNo: string
  area: number
}

export const unitId = (u: { building: string; unitNo: string }): string => `${u.building}-${u.unitNo}`
export const candidateMotionId = (motionId: string, candidateId: string): string => `${motionId}:${candidateId}`

/** One owner's marks on one motion as recount rows: one row, or one per candidate of an election. */
function rowsOf(m: MotionSpec, marks: CountedBallot['marks']): Array<[string, Choice]> {
  if (!m.election) return 'choice' in marks ? [[m.id, marks.choice]] : []
  const e = 'approve' in marks ? marks : { approve: [], oppose: [] }
  return m.election.candidates.map((c): [string, Choice] => [candidateMotionId(m.id, c), e.approve.includes(c) ? 'agree' : e.oppose.includes(c) ? 'oppose' : 'abstain'])
}

/**
 * The recount files. ballots.csv holds the ballots as they count, with the
 * corrections of upheld objections applied, so the recount gives the result
 * that stands; corrections.csv lists every row a correction changed, as cast
 * and as corrected, so nothing is changed out of sight.
 */
export function exportCsv(
  motions: readonly MotionSpec[],
  units: readonly ExportUnit[],
  ballots: readonly CountedBallot[],
  corrections: ReadonlyArray<Correction & { objectionId: string }> = [],
): { roll: string; motions: string; ballots: string; corrections: string } {
  const roll = [csvLine(['unit_id', 'building', 'area', 'owner_key'])]
  const firstUnit = new Map<string, string>()
  for (const u of units) {
    // owner_key is the voter key, so the developer's unsold units share one.
    roll.push(csvLine([unitId(u), u.building, formatHundredths(u.area), u.voterKey]))
    if (!firstUnit.has(u.voterKey)) firstUnit.set(u.voterKey, unitId(u))
  }
  const motionRows = [csvLine(['motion_id', 'matter'])]
  for (const m of motions) {
    if (m.election) for (const c of m.election.candidates) motionRows.push(csvLine([candidateMotionId(m.id, c), m.matter]))
    else motionRows.push(csvLine([m.id, m.matter]))
  }
  const byId = new Map(motions.map((m) => [m.id, m]))
  const ballotRows = [csvLine(['unit_id', 'motion_id', 'choice'])]
  for (const b of correctedBallots(ballots, corrections)) {
    const unit = firstUnit.get(b.voterKey)
    const m = byId.get(b.motionId)
    if (!unit || !m) continue
    for (const [motionId, choice] of rowsOf(m, b.marks)) ballotRows.push(csvLine([unit, motionId, choice]))
  }
  const correctionRows = [csvLine(['unit_id', 'motion_id', 'recorded', 'corrected', 'objection_id'])]
  for (const c of corrections) {
    const unit = firstUnit.get(c.voterKey)
    const m = byId.get(c.motionId)
    const cast = ballots.find((b) => b.motionId === c.motionId && b.voterKey === c.voterKey)
    if (!unit || !m || !cast) continue
    const after = new Map(rowsOf(m, c.marks))
    for (const [motionId, recorded] of rowsOf(m, cast.marks)) {
      const corrected = after.get(motionId)!
      if (corrected !== recorded) correctionRows.push(csvLine([unit, motionId, recorded, corrected, c.objectionId]))
    }
  }
  const text = (lines: string[]) => `${lines.join('\n')}\n`
  return { roll: text(roll), motions: text(motionRows), ballots: text(ballotRows), corrections: text(correctionRows) }
}
