// What several assembly functions share: finding the assembly, opening it on
// the first call after its start time, turning stored rows into views, and
// storing one owner's submission whatever the channel.
import { randomBytes } from 'node:crypto'
import { AppError } from '../../domain/errors'
import { checkVotes, checkVotingOpen, DAY_MS, phaseOf, type MotionSpec, type Vote } from '../../domain/voting/assembly'
import { matterOf } from '../../domain/voting/matters'
import { formatDateTime } from '../../domain/time'
import type { AssemblySummary, BallotReceipt, MotionView, ParticipationView } from '../../contracts/voting'
import type { Ports } from './ports'
import type { AssemblyRecord, Participation, Submission, Voter } from './voting-port'

export async function loadAssembly(ports: Ports, communityId: string, assemblyId: string): Promise<AssemblyRecord> {
  const a = await ports.voting.assembly(communityId, assemblyId)
  if (!a) throw new AppError('VOTE.NOT_FOUND', '找不到这次业主大会', { assemblyId })
  return a
}

/**
 * Voting opens by server time; the first call after the start (or the host's
 * timer, whichever comes first) fixes the roll version and the electorate
 * (and audits it), so a roll change during the vote cannot move the base.
 * Owners are told once when it opens and once a day before it closes.
 */
export async function openIfDue(ports: Ports, a: AssemblyRecord, now: number): Promise<AssemblyRecord> {
  let current = a
  if (a.rollVersion === null && now >= a.opensAt) {
    const opened = await ports.voting.openVoting(a.id, now, (rollVersion, total) => ({
      communityId: a.communityId, actorId: null, action: 'assembly.open', subject: `assembly:${a.id}`, data: { rollVersion, total, opensAt: a.opensAt, closesAt: a.closesAt },
    }))
    if (opened) {
      await notifyOwners(ports, a, now, 'vote.opened', `「${a.title}」开始投票`, `投票时间：${formatDateTime(a.opensAt)} 至 ${formatDateTime(a.closesAt)}，请在「投票」页参加表决。`)
    }
    current = await loadAssembly(ports, a.communityId, a.id)
  }
  await remindBeforeClose(ports, current, now)
  return current
}

/**
 * The timers of every assembly still to close, in every community, for the
 * host's jobs (or a timer trigger): opening at the start time and the
 * reminder a day before the end go out on time, not only when someone next
 * looks. Idempotent: opening is once by the store, each notice once by its
 * dedupe key.
 */
export async function runAssemblyTimers(ports: Ports, now: number): Promise<void> {
  for (const a of await ports.voting.unclosed(now)) await openIfDue(ports, a, now)
}

export const assemblyPage = (id: string): string => `/packages/vote/pages/assembly/index?id=${encodeURIComponent(id)}`

async function notifyOwners(ports: Ports, a: AssemblyRecord, now: number, kind: string, title: string, body: string): Promise<void> {
  const owners = (await ports.identity.communityPeople(a.communityId)).filter((p) => p.roles.includes('owner')).map((p) => p.person.id)
  // The dedupe key makes each reminder go out once, however many calls race to send it.
  await ports.notifications.send({ communityId: a.communityId, recipientIds: owners, kind, title, body, page: assemblyPage(a.id), dedupeKey: `${kind}:${a.id}`, at: now })
}

// Which closing reminders this process has already queued: the dedupe key is
// the guarantee, this only spares the deadline rush a write per request.
const closingSent = new Set<string>()

/** A day before the end, owners are reminded once; sent by the first call in that last day. */
async function remindBeforeClose(ports: Ports, a: AssemblyRecord, now: number): Promise<void> {
  if (now < a.closesAt - DAY_MS || now >= a.closesAt || a.rollVersion === null) return
  const key = `${a.communityId}:${a.id}`
  if (closingSent.has(key)) return
  closingSent.add(key)
  await notifyOwners(ports, a, now, 'vote.closing', `「${a.title}」明天截止`, `投票将于 ${formatDateTime(a.closesAt)} 截止，尚未投票的业主请尽快投票；已投票的无需理会。`)
}

export const specsOf = (a: AssemblyRecord): MotionSpec[] =>
  a.motions.map((m) => ({ id: m.id, matter: m.matter, election: m.seats === null ? null : { seats: m.seats, candidates: m.candidates.map((c) => c.id) } }))

export const motionViews = (a: AssemblyRecord): MotionView[] =>
  a.motions.map((m, i) => {
    const matter = matterOf(m.matter)
    return {
      id: m.id, position: i + 1, matter: m.matter, matterText: matter.text, threshold: matter.threshold, title: m.title, body: m.body,
      election: m.seats === null ? null : { seats: m.seats, candidates: m.candidates },
    }
  })

export function participationView(p: Participation | null): ParticipationView | null {
  if (!p) return null
  return {
    ...p,
    // The 2/3 lines of 第二百七十八条, by cross-multiplication.
    areaQuorumMet: 3 * p.participating.area >= 2 * p.total.area,
    headsQuorumMet: 3 * p.participating.heads >= 2 * p.total.heads,
  }
}

export async function summaryOf(ports: Ports, a: AssemblyRecord, now: number): Promise<AssemblySummary> {
  return {
    id: a.id, title: a.title, phase: phaseOf(a, now), noticeAt: a.noticeAt, opensAt: a.opensAt, closesAt: a.closesAt, motionCount: a.motions.length,
    participation: participationView(a.rollVersion === null ? null : await ports.voting.participation(a.id)),
  }
}

// Crockford-style alphabet without I, L, O, U: easy to read aloud and to type.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** A short random code an owner can find in the published list; random, so it reveals nothing about the owner. */
export function newTrackingCode(): string {
  const bytes = randomBytes(10)
  let s = ''
  for (const b of bytes) s += CODE_ALPHABET[b & 31]
  return `${s.slice(0, 5)}-${s.slice(5)}`
}

export const newId = (prefix: string): string => `${prefix}-${randomBytes(8).toString('hex')}`

const CHANNEL_LABEL = { online: '网上投票', paper: '纸质选票', proxy: '代理人投票' } as const

/** Checks and stores one owner's ballot on the motions given, in one write with its audit entry. */
export async function submitBallot(
  ports: Ports,
  args: { a: AssemblyRecord; voter: Voter; votes: readonly Vote[]; channel: Submission['channel']; castBy: string; photo: string | null; proxyId: string | null; now: number },
): Promise<BallotReceipt> {
  const { a, voter, channel, now } = args
  checkVotingOpen(a, now)
  // Only ids this assembly does not have need a look elsewhere (for the clearer refusal).
  const foreign = args.votes.map((v) => v.motionId).filter((id) => !a.motions.some((m) => m.id === id))
  const elsewhere = foreign.length ? await ports.voting.motionsElsewhere(a.communityId, a.id, foreign) : new Set<string>()
  const checked = checkVotes(specsOf(a), args.votes, elsewhere)
  const trackingCode = newTrackingCode()
  const rows = checked.map((v) => ({ motionId: v.motionId, marks: v.kind === 'motion' ? { choice: v.choice } : { approve: v.approve, oppose: v.oppose } }))
  const outcome = await ports.voting.cast(
    { assemblyId: a.id, voterKey: voter.voterKey, area: voter.area, channel, castBy: args.castBy, castAt: now, trackingCode, photo: args.photo, proxyId: args.proxyId, rows },
    {
      communityId: a.communityId, actorId: args.castBy, action: 'ballot.cast', subject: `assembly:${a.id}`,
      data: { voterKey: voter.voterKey, area: voter.area, channel, trackingCode, photo: args.photo, proxyId: args.proxyId, votes: rows },
    },
  )
  if (outcome.stored) return { trackingCode, castAt: now, channel, ownerKey: voter.voterKey, motionIds: rows.map((r) => r.motionId), auditSeq: outcome.auditSeq }
  if (outcome.reason === 'proxy-revoked') throw new AppError('VOTE.PROXY_REVOKED', '委托已被业主撤销，不能再代为投票')
  const { first } = outcome
  throw new AppError('VOTE.ALREADY_CAST', `已投票：该业主已于 ${formatDateTime(first.castAt)} 通过${CHANNEL_LABEL[first.channel]}投过票，选票一经投出不能更改`, {
    motionId: first.motionId, channel: first.channel, castAt: first.castAt,
  })
}
