// Corrections from upheld objections: the ballot as cast stays, the count uses
// the corrected choice, and only a real change to a motion of the disputed
// ballot is accepted. Three owners of 100.00 m² each, worked by hand.
import type { MotionSpec } from '../../src/domain/voting/assembly'
import { checkCorrections, correctedBallots, countAssembly, type CountedBallot } from '../../src/domain/voting/result'
import { exportCsv } from '../../src/domain/voting/export'
import type { MotionTally } from '../../src/domain/voting/tally'
import { AppError } from '../../src/domain/errors'

const motions: MotionSpec[] = [
  { id: 'm1', matter: 4, election: null },
  { id: 'm2', matter: 3, election: { seats: 1, candidates: ['c1', 'c2'] } },
]
const electorate = [{ voterKey: 'A', area: 10000 }, { voterKey: 'B', area: 10000 }, { voterKey: 'C', area: 10000 }]
const cast: CountedBallot[] = [
  { motionId: 'm1', voterKey: 'A', marks: { choice: 'agree' } },
  { motionId: 'm1', voterKey: 'B', marks: { choice: 'agree' } },
  { motionId: 'm1', voterKey: 'C', marks: { choice: 'oppose' } },
  { motionId: 'm2', voterKey: 'A', marks: { approve: ['c1'], oppose: [] } },
]
const m1 = (ballots: CountedBallot[]): MotionTally => {
  const o = countAssembly(motions, electorate, ballots).motions[0]
  if (o.kind !== 'motion') throw new Error('motion expected')
  return o.result.published
}
const codeOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return (e as AppError).code
  }
  return 'none'
}

test('correcting B from agree to oppose turns 2 of 3 (passed) into 1 of 3 (not passed); the cast ballots are untouched', () => {
  // As cast: P = 3 heads, 300.00 m²; Y = 2 heads, 200.00 m²: 2·2 > 3 and 2·20000 > 30000, quorum 3·3 ≥ 2·3.
  expect(m1(cast)).toMatchObject({ participating: { heads: 3, area: 30000 }, agree: { heads: 2, area: 20000 }, oppose: { heads: 1, area: 10000 }, quorumMet: true, passed: true })
  const corrected = correctedBallots(cast, [{ motionId: 'm1', voterKey: 'B', marks: { choice: 'oppose' } }])
  // Corrected: Y = 1 head, 100.00 m²: 2·1 > 3 fails. Participation is unchanged: a correction is not a new ballot.
  expect(m1(corrected)).toMatchObject({ participating: { heads: 3, area: 30000 }, agree: { heads: 1, area: 10000 }, oppose: { heads: 2, area: 20000 }, passed: false })
  expect(cast[1].marks).toEqual({ choice: 'agree' })
})

test('a correction without its ballot is a broken record, not silently dropped', () => {
  expect(() => correctedBallots(cast, [{ motionId: 'm1', voterKey: 'Z', marks: { choice: 'oppose' } }])).toThrow('does not exist')
})

test('only motions of the disputed ballot, valid marks, and a real change are accepted', () => {
  const recordedA = cast.filter((b) => b.voterKey === 'A')
  const recordedC = cast.filter((b) => b.voterKey === 'C')
  expect(checkCorrections(motions, recordedA, [{ motionId: 'm1', choice: 'abstain' }])).toEqual([{ motionId: 'm1', from: { choice: 'agree' }, to: { choice: 'abstain' } }])
  expect(codeOf(() => checkCorrections(motions, recordedC, [{ motionId: 'm2', approve: ['c2'] }]))).toBe('VOTE.CORRECTION_NOT_IN_BALLOT')
  expect(codeOf(() => checkCorrections(motions, recordedA, [{ motionId: 'm1', choice: 'agree' }]))).toBe('VOTE.CORRECTION_SAME')
  // The same approvals in another order are the same ballot.
  expect(codeOf(() => checkCorrections(motions, [{ motionId: 'm2', marks: { approve: ['c1'], oppose: ['c2'] } }], [{ motionId: 'm2', oppose: ['c2'], approve: ['c1'] }]))).toBe('VOTE.CORRECTION_SAME')
  expect(codeOf(() => checkCorrections(motions, recordedA, [{ motionId: 'm2', approve: ['c1', 'c2'] }]))).toBe('VOTE.TOO_MANY_CANDIDATES')
  expect(codeOf(() => checkCorrections(motions, recordedA, [{ motionId: 'm1', choice: 'oppose' }, { motionId: 'm1', choice: 'abstain' }]))).toBe('VOTE.DUPLICATE_MOTION')
})

test('the export counts the corrected ballots and lists each change against the ballot as cast', () => {
  const units = [{ voterKey: 'A', building: '1栋', unitNo: '0101', area: 10000 }, { voterKey: 'B', building: '1栋', unitNo: '0102', area: 10000 }, { voterKey: 'C', building: '1栋', unitNo: '0103', area: 10000 }]
  const files = exportCsv(motions, units, cast, [
    { motionId: 'm1', voterKey: 'B', marks: { choice: 'oppose' }, objectionId: 'obj-1' },
    { motionId: 'm2', voterKey: 'A', marks: { approve: ['c2'], oppose: [] }, objectionId: 'obj-2' },
  ])
  expect(files.ballots.split('\n')).toEqual([
    'unit_id,motion_id,choice',
    '1栋-0101,m1,agree', '1栋-0102,m1,oppose', '1栋-0103,m1,oppose',
    '1栋-0101,m2:c1,abstain', '1栋-0101,m2:c2,agree',
    '',
  ])
  expect(files.corrections.split('\n')).toEqual([
    'unit_id,motion_id,recorded,corrected,objection_id',
    '1栋-0102,m1,agree,oppose,obj-1',
    '1栋-0101,m2:c1,agree,abstain,obj-2',
    '1栋-0101,m2:c2,abstain,agree,obj-2',
    '',
  ])
})
