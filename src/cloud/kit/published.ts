// After the count: the latest published result, refused with VOTE.SEALED while
// the vote is still open or uncounted, so no choice leaks early to anyone.
import { AppError } from '../../domain/errors'
import type { Ports } from './ports'
import type { AssemblyRecord, PublishedResult } from './voting-port'

export async function requirePublished(ports: Ports, a: AssemblyRecord): Promise<PublishedResult[]> {
  const results = await ports.voting.results(a.id)
  if (results.length === 0) throw new AppError('VOTE.SEALED', '投票结束并计票后才公布选票和结果')
  return results
}
