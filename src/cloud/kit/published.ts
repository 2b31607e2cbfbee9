// After the count: the published result stages, refused with VOTE.SEALED while
// the vote is still open or uncounted, so no choice leaks early to anyone; and
// the count as it stands once upheld objections have corrected ballots.
import { AppError } from '../../domain/errors'
import { correctedBallots, countAssembly, type AssemblyCount } from '../../domain/voting/result'
import type { CorrectionView, PublishedResultView } from '../../contracts/voting'
import { specsOf } from './assembly'
import type { Ports } from './ports'
import type { AssemblyRecord, CorrectionRecord, ObjectionRecord, PublishedResult, StoredBallot } from './voting-port'

export async function requirePublished(ports: Ports, a: AssemblyRecord): Promise<PublishedResult[]> {
  const results = await ports.voting.results(a.id)
  if (results.length === 0) throw new AppError('VOTE.SEALED', '投票结束并计票后才公布选票和结果')
  return results
}

/**
 * The ballots with every correction applied, counted exactly as the
 * preliminary count was (same motions, electorate and non-voter rule).
 */
export async function recount(ports: Ports, a: AssemblyRecord, preliminary: PublishedResult, ballots: readonly StoredBallot[], corrections: readonly CorrectionRecord[]): Promise<AssemblyCount> {
  const rule = (preliminary.result as AssemblyCount).nonVoters
  return countAssembly(specsOf(a), await ports.voting.electorate(a.id), correctedBallots(ballots, corrections), { nonVoters: rule })
}

/** The published result as readers see it, or null before the count; `objections` are the assembly's, as the caller already read them. */
export async function publishedView(ports: Ports, a: AssemblyRecord, objections: readonly ObjectionRecord[]): Promise<PublishedResultView | null> {
  const results = await ports.voting.results(a.id)
  if (results.length === 0) return null
  const [preliminary, certified] = results
  const latest = certified ?? preliminary
  const corrections = await ports.voting.corrections(a.id)
  let count = latest.result as AssemblyCount
  let views: CorrectionView[] = []
  if (corrections.length > 0) {
    const ballots = await ports.voting.ballots(a.id)
    // Certified already includes them; before that the count is recomputed so owners see the effect at once.
    if (!certified) count = await recount(ports, a, preliminary, ballots, corrections)
    views = corrections.map((c) => {
      const o = objections.find((x) => x.id === c.objectionId)!
      const cast = ballots.find((b) => b.motionId === c.motionId && b.voterKey === c.voterKey)!
      return { objectionId: c.objectionId, trackingCode: o.trackingCode, motionId: c.motionId, from: cast.marks, to: c.marks, reason: o.reason ?? '', correctedAt: c.correctedAt }
    })
  }
  return {
    stage: latest.stage, publishedAt: latest.publishedAt, objectionUntil: preliminary.objectionUntil, count,
    preliminary: corrections.length > 0 ? (preliminary.result as AssemblyCount) : null, corrections: views,
    objections: { filed: objections.length, open: objections.filter((o) => !o.resolution).length, upheld: objections.filter((o) => o.resolution === 'upheld').length },
  }
}
