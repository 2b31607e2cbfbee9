// The life of an owners' assembly as pure rules: the community's voting
// settings, the notice period, the phase a moment in time falls in, and the
// checks a ballot must pass before it is stored. Time always comes in as `now`.
import { AppError } from '../errors'
import { ELECTION_MATTER, matterOf } from './matters'
import { isChoice, type Choice, type NonVoterRule } from './tally'

export const DAY_MS = 24 * 60 * 60 * 1000

/** The community's own rules for assemblies ([project choice] settings, shown to owners). */
export interface VotingSettings {
  /** Days between publishing the notice and the start of voting. */
  minNoticeDays: number
  /** 询异: days after the preliminary result in which owners may dispute their ballot. */
  objectionDays: number
  /** How many owners one person may represent as proxy in one assembly. */
  proxyCap: number
  /** Whether the published ballot list shows the unit beside each tracking code. */
  publishUnits: boolean
  nonVoters: NonVoterRule
}

export const DEFAULT_VOTING_SETTINGS: Readonly<VotingSettings> = Object.freeze({
  minNoticeDays: 15,
  objectionDays: 7,
  proxyCap: 3,
  publishUnits: false,
  nonVoters: 'not-counted',
})

const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

/** The community's stored settings over the defaults; anything malformed falls back to the default. */
export function votingSettings(stored: unknown): VotingSettings {
  const s = (stored && typeof stored === 'object' ? (stored as Record<string, unknown>).voting ?? stored : {}) as Record<string, unknown>
  const d = DEFAULT_VOTING_SETTINGS
  return {
    minNoticeDays: positiveInt(s.minNoticeDays) ? s.minNoticeDays : d.minNoticeDays,
    objectionDays: positiveInt(s.objectionDays) ? s.objectionDays : d.objectionDays,
    proxyCap: positiveInt(s.proxyCap) ? s.proxyCap : d.proxyCap,
    publishUnits: typeof s.publishUnits === 'boolean' ? s.publishUnits : d.publishUnits,
    nonVoters: s.nonVoters === 'deemed-agree' ? 'deemed-agree' : d.nonVoters,
  }
}

/** Refuses a window that is empty, or a notice shorter than the setting without a reason owners will read. */
export function checkSchedule(input: { noticeAt: number; opensAt: number; closesAt: number; shortNoticeReason: string | null }, settings: VotingSettings): void {
  const { noticeAt, opensAt, closesAt } = input
  if (closesAt <= opensAt) throw new AppError('VOTE.BAD_WINDOW', '投票截止时间必须晚于开始时间', { opensAt, closesAt })
  if (opensAt < noticeAt) throw new AppError('VOTE.BAD_WINDOW', '投票开始时间不能早于公告发布时间', { opensAt, noticeAt })
  const short = opensAt - noticeAt < settings.minNoticeDays * DAY_MS
  if (short && !input.shortNoticeReason?.trim()) {
    throw new AppError('VOTE.NOTICE_TOO_SHORT', `公告期不足 ${settings.minNoticeDays} 天：须填写缩短公告期的理由，理由会向全体业主公示`, {
      minNoticeDays: settings.minNoticeDays,
    })
  }
}

export type AssemblyPhase = 'noticed' | 'open' | 'counting' | 'objection' | 'certified'

export const PHASE_LABEL: Readonly<Record<AssemblyPhase, string>> = Object.freeze({
  noticed: '公告期',
  open: '投票中',
  counting: '已截止，待计票',
  objection: '初步结果公示（询异期）',
  certified: '结果已确认',
})

/** The phase by server time and what has been published; the window alone decides open or closed. */
export function phaseOf(a: { opensAt: number; closesAt: number; stage: 'preliminary' | 'certified' | null }, now: number): AssemblyPhase {
  if (a.stage === 'certified') return 'certified'
  if (a.stage === 'preliminary') return 'objection'
  if (now < a.opensAt) return 'noticed'
  if (now < a.closesAt) return 'open'
  return 'counting'
}

/** Refuses a ballot outside the window, by the server's clock. */
export function checkVotingOpen(a: { opensAt: number; closesAt: number }, now: number): void {
  if (now < a.opensAt) throw new AppError('VOTE.NOT_OPEN', '投票尚未开始', { opensAt: a.opensAt })
  if (now >= a.closesAt) throw new AppError('VOTE.CLOSED', '投票已截止，不能再投票', { closesAt: a.closesAt })
}

/**
 * A proxy may be named (or revoked) from the moment the notice is published
 * until voting closes: owners arrange their 委托书 during the notice period,
 * which is what the notice period is for.
 */
export function checkProxyWindow(a: { closesAt: number }, now: number): void {
  if (now >= a.closesAt) throw new AppError('VOTE.CLOSED', '投票已截止，不能再委托或撤销代理人', { closesAt: a.closesAt })
}

export interface MotionSpec {
  id: string
  matter: number
  /** Present for an election (matter 3): seats and candidate ids. */
  election: { seats: number; candidates: readonly string[] } | null
}

/** What an owner marked on one motion: a choice, or for an election the candidates approved and opposed. */
export type Vote = { motionId: string; choice: Choice } | { motionId: string; approve: readonly string[]; oppose?: readonly string[] }

export type CheckedVote =
  | { motionId: string; kind: 'motion'; choice: Choice }
  | { motionId: string; kind: 'election'; approve: string[]; oppose: string[] }

/** Motions as an assembly defines them: each with a valid matter, elections only under matter 3 with candidates and seats. */
export function checkMotionSpecs(motions: readonly MotionSpec[]): void {
  if (motions.length === 0) throw new AppError('VOTE.NO_MOTIONS', '业主大会至少要有一个表决议案')
  for (const m of motions) {
    matterOf(m.matter)
    if (!m.election) continue
    if (m.matter !== ELECTION_MATTER) throw new AppError('VOTE.BAD_MATTER', '选举只能属于第 3 项「选举业主委员会或者更换业主委员会成员」', { motionId: m.id })
    const { seats, candidates } = m.election
    if (candidates.length === 0) throw new AppError('VOTE.NO_CANDIDATES', '选举没有候选人', { motionId: m.id })
    if (!Number.isSafeInteger(seats) || seats < 1 || seats > candidates.length) {
      throw new AppError('VOTE.BAD_SEATS', `应选名额须在 1 到候选人数 ${candidates.length} 之间`, { motionId: m.id, seats })
    }
  }
}

/**
 * Checks one submission against the assembly's motions: every motion named
 * belongs to this assembly (`otherAssembly` says which ids exist elsewhere),
 * is named once, and carries a choice of its kind.
 */
export function checkVotes(motions: readonly MotionSpec[], votes: readonly Vote[], otherAssembly: ReadonlySet<string> = new Set()): CheckedVote[] {
  if (votes.length === 0) throw new AppError('VOTE.EMPTY_BALLOT', '选票上没有任何议案的选择')
  const byId = new Map(motions.map((m) => [m.id, m]))
  const seen = new Set<string>()
  return votes.map((v): CheckedVote => {
    const m = byId.get(v.motionId)
    if (!m) {
      if (otherAssembly.has(v.motionId)) throw new AppError('VOTE.WRONG_ASSEMBLY', `议案 ${v.motionId} 不属于本次业主大会`, { motionId: v.motionId })
      throw new AppError('VOTE.UNKNOWN_MOTION', `没有编号为 ${v.motionId} 的议案`, { motionId: v.motionId })
    }
    if (seen.has(m.id)) throw new AppError('VOTE.DUPLICATE_MOTION', `同一张选票上议案 ${m.id} 出现了两次`, { motionId: m.id })
    seen.add(m.id)
    if (!m.election) {
      if (!('choice' in v) || !isChoice(v.choice)) throw new AppError('VOTE.BAD_CHOICE', `议案 ${m.id} 须选择同意、反对或弃权`, { motionId: m.id })
      return { motionId: m.id, kind: 'motion', choice: v.choice }
    }
    if (!('approve' in v)) throw new AppError('VOTE.BAD_CHOICE', `议案 ${m.id} 是选举，须选择候选人`, { motionId: m.id })
    const approve = [...v.approve]
    const oppose = [...(v.oppose ?? [])]
    const known = new Set(m.election.candidates)
    const marked = new Set<string>()
    for (const c of [...approve, ...oppose]) {
      if (!known.has(c)) throw new AppError('VOTE.UNKNOWN_CANDIDATE', `候选人 ${c} 不在议案 ${m.id} 的候选人名单中`, { motionId: m.id, candidate: c })
      if (marked.has(c)) throw new AppError('VOTE.BAD_CHOICE', `候选人 ${c} 被标记了不止一次`, { motionId: m.id, candidate: c })
      marked.add(c)
    }
    if (approve.length > m.election.seats) {
      throw new AppError('VOTE.TOO_MANY_CANDIDATES', `最多只能同意 ${m.election.seats} 名候选人，您选了 ${approve.length} 名`, { motionId: m.id, seats: m.election.seats })
    }
    return { motionId: m.id, kind: 'election', approve, oppose }
  })
}

/** The window for disputes after the preliminary result. */
export const objectionDeadline = (countedAt: number, settings: VotingSettings): number => countedAt + settings.objectionDays * DAY_MS
