// Requests and answers of the owners' assembly functions. Times are UTC
// milliseconds decided or checked by the server; areas are hundredths of m².
import { z } from 'zod'
import type { AssemblyPhase, VotingSettings } from '../domain/voting/assembly'
import type { AssemblyCount } from '../domain/voting/result'
import type { Choice } from '../domain/voting/tally'
import type { ThresholdClass } from '../domain/voting/matters'
import { communityInput, id } from './identity'

const text = (label: string, max: number) => z.string({ required_error: `缺少${label}`, invalid_type_error: `${label}须为文字` }).trim().min(1, `${label}不能为空`).max(max, `${label}最多 ${max} 个字`)
const time = (label: string) => z.number({ required_error: `缺少${label}`, invalid_type_error: `${label}须为时间` }).int(`${label}须为时间`).min(0)
const photo = (label: string) => text(label, 300)

export const assemblyRef = communityInput.extend({ assemblyId: id('业主大会编号') }).strict()

const candidateInput = z.object({ name: text('候选人姓名', 20), statement: z.string().max(500, '候选人简介最多 500 字').default('') }).strict()
const motionInput = z.object({
  title: text('议案标题', 100),
  body: z.string().max(5000, '议案内容最多 5000 字').default(''),
  matter: z.number({ required_error: '缺少表决事项编号', invalid_type_error: '表决事项编号须为 1–9 的整数' }).int('表决事项编号须为 1–9 的整数'),
  /** Elections only: seats, and candidates in ballot order. */
  seats: z.number().int('应选名额须为整数').optional(),
  candidates: z.array(candidateInput).max(50, '候选人最多 50 名').optional(),
}).strict()

export const assemblyCallInput = communityInput.extend({
  title: text('大会名称', 100),
  notice: text('公告内容', 20000),
  attachments: z.array(photo('附件')).max(20, '附件最多 20 个').default([]),
  opensAt: time('投票开始时间'),
  closesAt: time('投票截止时间'),
  shortNoticeReason: z.string().trim().max(500, '理由最多 500 字').optional(),
  motions: z.array(motionInput).min(1, '至少要有一个议案').max(30, '议案最多 30 个'),
}).strict()
export interface AssemblyCallOutput { assemblyId: string; motionIds: string[]; auditSeq: number }

const voteInput = z.union([
  z.object({ motionId: id('议案编号'), choice: z.enum(['agree', 'oppose', 'abstain'], { errorMap: () => ({ message: '只能选择同意、反对或弃权' }) }) }).strict(),
  z.object({ motionId: id('议案编号'), approve: z.array(id('候选人编号')).max(50), oppose: z.array(id('候选人编号')).max(50).default([]) }).strict(),
], { errorMap: () => ({ message: '每个议案须选择同意、反对或弃权（选举须选择候选人）' }) })
const votes = z.array(voteInput).min(1, '选票上至少要有一个议案').max(30)

export const ballotCastInput = assemblyRef.extend({
  /** Whose ballot: omitted for one's own when one owns under one key; a proxy names the owner. */
  ownerKey: id('业主').optional(),
  votes,
}).strict()

export const ballotPaperInput = assemblyRef.extend({
  building: text('楼栋', 20),
  unitNo: text('房号', 20),
  votes,
  photo: photo('纸质选票照片'),
}).strict()

export interface BallotReceipt {
  trackingCode: string
  castAt: number
  channel: 'online' | 'paper' | 'proxy'
  ownerKey: string
  motionIds: string[]
  auditSeq: number
}

export const proxyGrantInput = assemblyRef.extend({
  ownerKey: id('业主').optional(),
  proxyPersonId: id('代理人'),
  /** Omitted: the whole assembly. */
  motionIds: z.array(id('议案编号')).min(1, '至少委托一个议案').max(30).optional(),
  letterPhoto: photo('委托书照片'),
}).strict()
export interface ProxyGrantOutput { proxyId: string; auditSeq: number }

/** Finding a proxy: by the unit they live in (building and number), or by their full name. */
export const proxyFindInput = communityInput.extend({
  building: z.string().trim().max(20, '楼栋最多 20 个字').optional(),
  unitNo: z.string().trim().max(20, '房号最多 20 个字').optional(),
  name: z.string().trim().max(20, '姓名最多 20 个字').optional(),
}).strict().refine((q) => (q.building && q.unitNo) || q.name, { message: '请填写代理人所住的楼栋和房号，或填写代理人的姓名' })

export interface ProxyCandidate {
  personId: string
  /** Masked as owners see other people (王*英). */
  name: string
  relation: 'owner' | 'resident'
  /** Where they live: the unit searched, or (found by name) only their buildings. */
  where: string
}

export const proxyRevokeInput = assemblyRef.extend({ ownerKey: id('业主').optional() }).strict()
export interface AuditedOutput { auditSeq: number }

export const objectionFileInput = assemblyRef.extend({ trackingCode: text('查验码', 20), text: text('异议内容', 2000) }).strict()
export interface ObjectionFileOutput { objectionId: string; auditSeq: number }

export const objectionResolveInput = assemblyRef.extend({
  objectionId: id('异议编号'),
  resolution: z.enum(['upheld', 'dismissed'], { errorMap: () => ({ message: '处理结果只能是「异议成立」或「异议不成立」' }) }),
  reason: text('处理理由', 2000),
  /** Upheld only: the choices as they should have been recorded, for motions of the disputed ballot. */
  corrections: z.array(voteInput).max(30).default([]),
}).strict()

export interface AreaHeads { area: number; heads: number }

export interface MotionView {
  id: string
  position: number
  matter: number
  matterText: string
  threshold: ThresholdClass
  title: string
  body: string
  election: { seats: number; candidates: Array<{ id: string; name: string; statement: string }> } | null
}

export interface ParticipationView {
  total: AreaHeads
  participating: AreaHeads
  /** 3·P ≥ 2·T, by integer arithmetic on the server. */
  areaQuorumMet: boolean
  headsQuorumMet: boolean
  buildings: Array<{ building: string; total: AreaHeads; participating: AreaHeads }>
}

export interface AssemblySummary {
  id: string
  title: string
  phase: AssemblyPhase
  noticeAt: number
  opensAt: number
  closesAt: number
  motionCount: number
  participation: ParticipationView | null
}

/** What an owner marked on a motion: a choice, or an election's approvals and oppositions. */
export type MarksView = { choice: Choice } | { approve: string[]; oppose: string[] }

/** A correction an upheld objection recorded: public, like the ballot list it corrects. */
export interface CorrectionView {
  objectionId: string
  trackingCode: string
  motionId: string
  /** As recorded (the ballot, never changed). */
  from: MarksView
  /** As it counts. */
  to: MarksView
  /** The committee's recorded reason for upholding the objection. */
  reason: string
  correctedAt: number
}

export interface PublishedResultView {
  stage: 'preliminary' | 'certified'
  publishedAt: number
  objectionUntil: number | null
  /**
   * The count as it stands: the certified count; or, while objections are
   * heard, the preliminary count recomputed from the ballots with the
   * corrections recorded so far.
   */
  count: AssemblyCount
  /** The preliminary count as first published, when corrections have been recorded since; else null. */
  preliminary: AssemblyCount | null
  corrections: CorrectionView[]
  objections: { filed: number; open: number; upheld: number }
}

export interface ObjectionView {
  id: string
  trackingCode: string
  text: string
  filedAt: number
  filedByName: string | null
  resolution: 'upheld' | 'dismissed' | null
  reason: string | null
  resolvedAt: number | null
}

export interface MyVoter {
  ownerKey: string
  units: Array<{ building: string; unitNo: string; area: number }>
  area: number
  /** Whose ballot it is for the caller: their own, or held as proxy. */
  as: 'owner' | 'proxy'
  /** Motions the caller may still vote on for this owner. */
  openMotionIds: string[]
  cast: Array<{ motionId: string; channel: 'online' | 'paper' | 'proxy'; castAt: number; trackingCode: string }>
  /** The proxy named for this owner (as 'owner'), or the one the caller holds (as 'proxy'); names as the caller may see them. */
  proxy: { proxyPersonId: string; proxyName: string | null; grantedByName: string | null; motionIds: string[] | null; revokedAt: number | null } | null
}

export interface AssemblyDetail extends AssemblySummary {
  notice: string
  attachments: string[]
  shortNoticeReason: string | null
  rollVersion: number | null
  motions: MotionView[]
  settings: VotingSettings
  /** The caller's own ballots and those they hold as proxy; empty for non-owners. */
  mine: MyVoter[]
  canVote: boolean
  result: PublishedResultView | null
  /** The committee and supervisors see every objection; an owner sees their own. */
  objections: ObjectionView[]
}

export interface PublishedBallot {
  trackingCode: string
  channel: 'online' | 'paper' | 'proxy'
  castAt: number
  /** Only when the community's rules publish units. */
  units: string[] | null
  choices: Array<{ motionId: string; choice?: Choice; approve?: string[]; oppose?: string[]; corrected?: { to: MarksView; correctedAt: number } }>
}

export interface ExportPackage {
  /** ballots.csv holds the ballots as they count (corrections applied); corrections.csv lists each change against the ballot as cast. */
  files: Record<'roll.csv' | 'motions.csv' | 'ballots.csv' | 'corrections.csv' | 'result.json' | 'audit.json', string>
}
