// The export package anyone in the community may download after the count:
// roll.csv, motions.csv and ballots.csv in the recount's format (ballots as
// they count, corrections applied), corrections.csv (each change against the
// ballot as cast), the result (every published stage, and the count the
// ballots give now), and the community's audit chain with its verdict.
import { verifyChain } from '../../domain/audit-chain'
import { ROLES } from '../../domain/roles'
import { exportCsv } from '../../domain/voting/export'
import { assemblyRef, type ExportPackage } from '../../contracts/voting'
import { loadAssembly, specsOf } from '../kit/assembly'
import { defineFunction } from '../kit/handler'
import { recount, requirePublished } from '../kit/published'
import { sha256 } from '../kit/sha256'

export const main = defineFunction({
  name: 'assembly-export',
  input: assemblyRef,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, ports }): Promise<ExportPackage> => {
    const a = await loadAssembly(ports, input.communityId, input.assemblyId)
    const results = await requirePublished(ports, a)
    const ballots = await ports.voting.ballots(a.id)
    const corrections = await ports.voting.corrections(a.id)
    const csv = exportCsv(specsOf(a), await ports.voting.electorateUnits(a.id), ballots, corrections)
    const chain = await ports.audit.all(a.communityId)
    const result = {
      assemblyId: a.id, title: a.title, rollVersion: a.rollVersion, opensAt: a.opensAt, closesAt: a.closesAt,
      motions: a.motions.map((m) => ({ id: m.id, matter: m.matter, title: m.title, seats: m.seats, candidates: m.candidates })),
      published: results.map((r) => ({ stage: r.stage, publishedAt: r.publishedAt, objectionUntil: r.objectionUntil, auditSeq: r.auditSeq, count: r.result })),
      // What ballots.csv recounts to: the last published count, or while objections are heard the preliminary with corrections so far.
      current: { corrections: corrections.length, count: await recount(ports, a, results[0], ballots, corrections) },
    }
    return {
      files: {
        'roll.csv': csv.roll,
        'motions.csv': csv.motions,
        'ballots.csv': csv.ballots,
        'corrections.csv': csv.corrections,
        'result.json': `${JSON.stringify(result, null, 2)}\n`,
        'audit.json': `${JSON.stringify({ verdict: verifyChain(sha256, chain), entries: chain }, null, 2)}\n`,
      },
    }
  },
})
