// Service-time commitments (服务时限): per category and urgency the community
// promises a response time and a completion time. What is due, and whether it
// is overdue, is computed from a request's clock and `now`.

export const REPAIR_CATEGORIES = ['water', 'electric', 'lift', 'fire', 'door', 'public', 'other'] as const
export type RepairCategory = (typeof REPAIR_CATEGORIES)[number]

export const CATEGORY_LABELS: Record<RepairCategory, string> = {
  water: '水管漏水、下水',
  electric: '电路、停电',
  lift: '电梯',
  fire: '消防设施',
  door: '门窗、门禁',
  public: '公共设施、路灯',
  other: '其他',
}

export const URGENCIES = ['urgent', 'normal'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_LABELS: Record<Urgency, string> = { urgent: '紧急', normal: '一般' }

/** What people are told counts as 紧急 (shown on the report form and the guide). */
export const URGENT_EXAMPLES = ['漏水', '停电', '电梯困人', '消防设施故障'] as const

export interface Commitment {
  category: RepairCategory
  urgency: Urgency
  /** Minutes from report (or reopening) to acceptance. */
  responseMinutes: number
  /** Minutes from report (or reopening) to completion. */
  completionMinutes: number
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** A request's clock: it starts at the report and restarts when the reporter reopens it. */
export interface RepairClock {
  cycleStartedAt: number
  status: string
}

export type DuePhase = 'response' | 'completion'

export interface DueState {
  phase: DuePhase
  dueAt: number
  overdue: boolean
}

const RESPONSE_PHASE = new Set(['reported', 'reopened'])
const COMPLETION_PHASE = new Set(['accepted', 'assigned', 'in_progress'])

/** The deadline staff are working to now, or null when nothing is due from them (completed, confirmed). */
export function dueState(clock: RepairClock, c: Pick<Commitment, 'responseMinutes' | 'completionMinutes'>, now: number): DueState | null {
  let phase: DuePhase
  if (RESPONSE_PHASE.has(clock.status)) phase = 'response'
  else if (COMPLETION_PHASE.has(clock.status)) phase = 'completion'
  else return null
  const dueAt = clock.cycleStartedAt + (phase === 'response' ? c.responseMinutes : c.completionMinutes) * MINUTE
  // At the deadline minute itself the promise is still kept; one ms later it is missed.
  return { phase, dueAt, overdue: now > dueAt }
}

/** Both deadlines of the current cycle. */
export const deadlines = (cycleStartedAt: number, c: Pick<Commitment, 'responseMinutes' | 'completionMinutes'>) => ({
  responseDueAt: cycleStartedAt + c.responseMinutes * MINUTE,
  completionDueAt: cycleStartedAt + c.completionMinutes * MINUTE,
})

/** Checks a community's table of commitments: every category × urgency, positive minutes, response before completion. */
export function validateCommitments(list: readonly Commitment[]): string[] {
  const problems: string[] = []
  const keys = list.map((c) => `${c.category}:${c.urgency}`)
  if (new Set(keys).size !== keys.length) problems.push('同一类别和紧急程度只能设定一次')
  for (const category of REPAIR_CATEGORIES) {
    for (const urgency of URGENCIES) {
      const c = list.find((x) => x.category === category && x.urgency === urgency)
      const label = `${CATEGORY_LABELS[category]}（${URGENCY_LABELS[urgency]}）`
      if (!c) problems.push(`${label}缺少服务时限`)
      else if (!Number.isInteger(c.responseMinutes) || !Number.isInteger(c.completionMinutes) || c.responseMinutes <= 0 || c.completionMinutes <= 0) problems.push(`${label}的时限须为正整数分钟`)
      else if (c.responseMinutes > c.completionMinutes) problems.push(`${label}的响应时限不能长于完成时限`)
    }
  }
  return problems
}

/** The commitment for a request, or null when the community has not set one. */
export const commitmentFor = (list: readonly Commitment[], category: RepairCategory, urgency: Urgency): Commitment | null =>
  list.find((c) => c.category === category && c.urgency === urgency) ?? null

/** "2 小时" / "30 分钟" / "3 天": how a time limit reads. */
export function formatMinutes(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} 天`
  if (minutes % 60 === 0) return `${minutes / 60} 小时`
  if (minutes > 60) return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟`
  return `${minutes} 分钟`
}

const UNIT_MINUTES: Record<string, number> = { 天: 24 * 60, 日: 24 * 60, d: 24 * 60, 小时: 60, 个小时: 60, 钟头: 60, 个钟头: 60, 时: 60, h: 60, 分钟: 1, 分: 1, min: 1, m: 1 }
const PART = /(\d+)(?:\.(\d+))?(个小时|个钟头|小时|钟头|分钟|min|天|日|时|分|d|h|m)/g

/**
 * A time limit as a person types it — "30分钟", "4 小时", "1.5小时", "1个半小时", "4小时半",
 * "2天", "1天 4小时", and whatever formatMinutes writes — in whole minutes; null
 * when it is not one (no unit, a fraction of a minute, zero).
 */
export function parseDuration(text: string): number | null {
  const s = text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/(\d)(?:个半(?:小时|钟头)|个?(?:小时|钟头)半)$/, '$1.5小时').replace(/^半(?:小时|个小时|个钟头)$/, '30分钟')
  if (!s) return null
  let minutes = 0
  let consumed = 0
  for (const m of s.matchAll(PART)) {
    if (m.index !== consumed) return null
    consumed += m[0].length
    // Exact arithmetic: "1.5" hours is 15 × 60 / 10 minutes, kept only if whole.
    const decimals = m[2] ?? ''
    const scaled = Number(`${m[1]}${decimals}`) * UNIT_MINUTES[m[3]]
    const divisor = 10 ** decimals.length
    if (scaled % divisor !== 0) return null
    minutes += scaled / divisor
  }
  return consumed === s.length && minutes > 0 && Number.isSafeInteger(minutes) ? minutes : null
}
