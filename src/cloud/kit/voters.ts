// Whose ballot a caller may cast: their own owner keys (as bound on the roll)
// and the owners who named them as proxy. Residents and other non-owners get
// a refusal that says why.
import { AppError } from '../../domain/errors'
import type { Caller } from './handler'
import type { Ports } from './ports'
import type { AssemblyRecord, ProxyRecord, Voter } from './voting-port'

export interface Ballotee {
  voter: Voter
  as: 'owner' | 'proxy'
  proxy: ProxyRecord | null
}

/** Everyone the caller may vote for in this assembly (empty before it opens). */
export async function balloteesOf(ports: Ports, a: AssemblyRecord, caller: Caller): Promise<Ballotee[]> {
  const own = await ports.voting.votersOf(a.id, a.communityId, caller.person.id)
  const held = (await ports.voting.proxiesOf(a.id, { proxyPersonId: caller.person.id })).filter((p) => p.revokedAt === null)
  const out: Ballotee[] = own.map((voter) => ({ voter, as: 'owner', proxy: null }))
  for (const p of held) {
    const voter = await ports.voting.voter(a.id, p.voterKey)
    if (voter && !out.some((b) => b.voter.voterKey === voter.voterKey)) out.push({ voter, as: 'proxy', proxy: p })
  }
  return out
}

/** The one owner the caller acts for: named by ownerKey, or their only own key. */
export async function resolveBallotee(ports: Ports, a: AssemblyRecord, caller: Caller, ownerKey: string | undefined): Promise<Ballotee> {
  const own = await ports.voting.votersOf(a.id, a.communityId, caller.person.id)
  if (ownerKey === undefined) {
    if (own.length === 1) return { voter: own[0], as: 'owner', proxy: null }
    if (own.length > 1) throw new AppError('VOTE.OWNER_REQUIRED', '您名下有多个业主身份，请选择以哪一个身份投票')
    throw notAnOwner(caller, a)
  }
  const mine = own.find((v) => v.voterKey === ownerKey)
  if (mine) return { voter: mine, as: 'owner', proxy: null }
  const proxy = await ports.voting.proxyFrom(a.id, ownerKey, caller.person.id)
  if (!proxy) throw new AppError('VOTE.NOT_PROXY', '您不是这位业主的代理人，不能代为投票')
  if (proxy.revokedAt !== null) throw new AppError('VOTE.PROXY_REVOKED', '委托已被业主撤销，不能再代为投票')
  const voter = await ports.voting.voter(a.id, ownerKey)
  if (!voter) throw new AppError('VOTE.NOT_PROXY', '您不是这位业主的代理人，不能代为投票')
  return { voter, as: 'proxy', proxy }
}

function notAnOwner(caller: Caller, a: AssemblyRecord): AppError {
  const roles = caller.memberships.filter((m) => m.communityId === a.communityId).map((m) => m.role)
  if (roles.includes('resident')) return new AppError('VOTE.RESIDENT', '住户（租户或家属）不能参加业主大会表决；请由房屋的业主投票或委托代理人')
  return new AppError('VOTE.NOT_OWNER', '只有业主名册上的业主（或其代理人）可以投票')
}
