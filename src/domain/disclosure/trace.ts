// Traceability of repair-fund withdrawals (民法典 第二百七十八条: using the
// fund is matter 5, raising it matter 6): each withdrawal names the assembly
// motion that authorised it. A named motion must exist in this community,
// have passed and be matter 5 or 6, or the report is refused; a withdrawal
// naming none is published but shown as 未经表决 and flagged to supervisors.
import { AppError } from '../errors'
import type { QuarterlyReport } from './report'

export interface MotionDecision { communityId: string; motionId: string; matter: number; passed: boolean; title: string }

export type WithdrawalStatus =
  | { state: 'authorised'; motionId: string; matter: number; title: string }
  | { state: 'unvoted' }

export const AUTHORISING_MATTERS = [5, 6] as const

/** Refuses a withdrawal that names a motion which cannot authorise it. */
export function checkAuthorisingMotion(communityId: string, motionId: string, decision: MotionDecision | null, withdrawal: string): void {
  const where = `维修资金支取「${withdrawal}」`
  if (!decision) throw new AppError('REPORT.MOTION_UNKNOWN', `${where}所引用的表决事项 ${motionId} 不存在`, { motionId })
  if (decision.communityId !== communityId) throw new AppError('REPORT.MOTION_OTHER_COMMUNITY', `${where}所引用的表决事项 ${motionId} 属于其他小区，不能作为本小区的授权`, { motionId })
  if (!(AUTHORISING_MATTERS as readonly number[]).includes(decision.matter)) {
    throw new AppError('REPORT.MOTION_WRONG_MATTER', `${where}所引用的「${decision.title}」不是使用或筹集维修资金的表决（第五、六项），不能授权支取`, { motionId, matter: decision.matter })
  }
  if (!decision.passed) throw new AppError('REPORT.MOTION_NOT_PASSED', `${where}所引用的「${decision.title}」未获业主大会通过，不能授权支取`, { motionId })
}

/** Status of each withdrawal, in order, given the decisions already checked. */
export function withdrawalStatuses(r: QuarterlyReport, decisions: ReadonlyMap<string, MotionDecision>): WithdrawalStatus[] {
  return r.repairFund.withdrawals.map((w) => {
    const d = w.motionId ? decisions.get(w.motionId) : undefined
    return d && d.passed && (AUTHORISING_MATTERS as readonly number[]).includes(d.matter) ? { state: 'authorised', motionId: d.motionId, matter: d.matter, title: d.title } : { state: 'unvoted' }
  })
}
