// Whose ballot a caller may cast: their own owner keys (as bound on the roll)
// and the owners who named them as proxy. Residents and other non-owners get
// a refusal that says why. Before voting opens there is no electorate yet, so
// an owner (naming a proxy during the notice period) is found on the newest
// roll; the electorate fixed at opening is what counts from then on.
import { AppError } from '../../domain/errors'
import { voterKeyOf } from '../../domain/roll'
import type { Caller } from './handler'
import type { Ports } from './ports'
import type { AssemblyRecord, ProxyRecord, Voter } from './voting-port'

export interface Ballotee {
  voter: Voter
  as: 'owner' | 'proxy'
  proxy: ProxyRecord | null
}

/** A person's voters on the newest roll: their bound units grouped by voter key (第九条), as the electorate will group them. */
async function votersOnRoll(ports: Ports, communityId: string, personId: string): Promise<Voter[]> {
  const byKey = new Map<string, Voter>()
  const units = (await ports.identity.unitsOf(personId)).filter((u) => u.communityId === communityId && u.relation === 'owner')
  for (const u of units) {
    const rec = await ports.rollAdmin.unit(communityId, u.building, u.unitNo)
    if (!rec) continue
    const key = voterKeyOf(rec)
    const v = byKey.get(key) ?? { voterKey: key, area: 0, units: [] }
    v.area += u.area
    v.units.push({ building: u.building, unitNo: u.unitNo, area: u.area })
    byKey.set(key, v)
  }
  return [...byKey.values()].sort((x, y) => (x.voterKey < y.voterKey ? -1 : x.voterKey > y.voterKey ? 1 : 0))
}

/** The voters a person owns in this assembly: the fixed electorate once open, the newest roll before. */
export const ownVoters = (ports: Ports, a: AssemblyRecord, personId: string): Promise<Voter[]> =>
  a.rollVersion === null ? votersOnRoll(ports, a.communityId, personId) : ports.voting.votersOf(a.id, a.communityId, personId)

/** The owner behind a proxy: from the electorate once open, else from the grantor's own roll entry. */
async function voterOfProxy(ports: Ports, a: AssemblyRecord, p: ProxyRecord): Promise<Voter | null> {
  if (a.rollVersion !== null) return ports.voting.voter(a.id, p.voterKey)
  return (await votersOnRoll(ports, a.communityId, p.grantedBy)).find((v) => v.voterKey === p.voterKey) ?? null
}

/** Everyone the caller may vote for in this assembly, or name a proxy for. */
export async function balloteesOf(ports: Ports, a: AssemblyRecord, caller: Caller): Promise<Ballotee[]> {
  const own = await ownVoters(ports, a, caller.person.id)
  const held = (await ports.voting.proxiesOf(a.id, { proxyPersonId: caller.person.id })).filter((p) => p.revokedAt === null)
  const out: Ballotee[] = own.map((voter) => ({ voter, as: 'owner', proxy: null }))
  for (const p of held) {
    const voter = await voterOfProxy(ports, a, p)
    if (voter && !out.some((b) => b.voter.voterKey === voter.voterKey)) out.push({ voter, as: 'proxy', proxy: p })
  }
  return out
}

/** The one owner the caller acts for: named by ownerKey, or their only own key. */
export async function resolveBallotee(ports: Ports, a: AssemblyRecord, caller: Caller, ownerKey: string | undefined): Promise<Ballotee> {
  const own = await ownVoters(ports, a, caller.person.id)
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
  const voter = await voterOfProxy(ports, a, proxy)
  if (!voter) throw new AppError('VOTE.NOT_PROXY', '您不是这位业主的代理人，不能代为投票')
  return { voter, as: 'proxy', proxy }
}

/** The caller's own owner identity (never one held as proxy), for naming or revoking a proxy. */
export async function requireOwnVoter(ports: Ports, a: AssemblyRecord, caller: Caller, ownerKey: string | undefined, doing: string): Promise<Voter> {
  const b = await resolveBallotee(ports, a, caller, ownerKey)
  if (b.as !== 'owner') throw new AppError('VOTE.NOT_OWNER', `只有业主本人可以${doing}`)
  return b.voter
}

function notAnOwner(caller: Caller, a: AssemblyRecord): AppError {
  const roles = caller.memberships.filter((m) => m.communityId === a.communityId).map((m) => m.role)
  if (roles.includes('resident')) return new AppError('VOTE.RESIDENT', '住户（租户或家属）不能参加业主大会表决；请由房屋的业主投票或委托代理人')
  return new AppError('VOTE.NOT_OWNER', '只有业主名册上的业主（或其代理人）可以投票')
}
