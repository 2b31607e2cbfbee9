// The published package of a counted assembly in exactly the files the
// independent recount reads (`npm run tally -- DIR`, src/cli/tally.ts): the
// roll as it stood when voting opened, the motions, and one ballot row per
// owner per motion. An election is exported as one matter-3 motion per
// candidate (approve = agree, oppose = oppose, unmarked = abstain), which is
// exactly how the election tally decides each candidate.
import { csvLine } from '../csv'
import { formatHundredths } from '../measure'
import type { MotionSpec } from './assembly'
import type { CountedBallot } from './result'
import type { Choice } from './tally'

export interface ExportUnit {
  voterKey: string
  building: string
  unitNo: string
  area: number
}

export const unitId = (u: { building: string; unitNo: string }): string => `${u.building}-${u.unitNo}`
export const candidateMotionId = (motionId: string, candidateId: string): string => `${motionId}:${candidateId}`

export function exportCsv(motions: readonly MotionSpec[], units: readonly ExportUnit[], ballots: readonly CountedBallot[]): { roll: string; motions: string; ballots: string } {
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
  for (const b of ballots) {
    const unit = firstUnit.get(b.voterKey)
    const m = byId.get(b.motionId)
    if (!unit || !m) continue
    if (!m.election) {
      if ('choice' in b.marks) ballotRows.push(csvLine([unit, m.id, b.marks.choice]))
      continue
    }
    const marks = 'approve' in b.marks ? b.marks : { approve: [], oppose: [] }
    for (const c of m.election.candidates) {
      const choice: Choice = marks.approve.includes(c) ? 'agree' : marks.oppose.includes(c) ? 'oppose' : 'abstain'
      ballotRows.push(csvLine([unit, candidateMotionId(m.id, c), choice]))
    }
  }
  const text = (lines: string[]) => `${lines.join('\n')}\n`
  return { roll: text(roll), motions: text(motionRows), ballots: text(ballotRows) }
}
