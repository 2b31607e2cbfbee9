// The nine matters owners decide together (民法典 第二百七十八条 第一款). A
// motion carries its matter number and the threshold follows from it; there is
// deliberately no way to set a threshold per motion.
import { AppError } from '../errors'

export type ThresholdClass = 'ordinary' | 'special'
export type MatterNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9

export interface Matter {
  number: MatterNumber
  /** Short Chinese text of the item in 第二百七十八条 第一款. */
  text: string
  threshold: ThresholdClass
}

export const MATTERS: readonly Matter[] = Object.freeze([
  { number: 1, text: '制定和修改业主大会议事规则', threshold: 'ordinary' },
  { number: 2, text: '制定和修改管理规约', threshold: 'ordinary' },
  { number: 3, text: '选举业主委员会或者更换业主委员会成员', threshold: 'ordinary' },
  { number: 4, text: '选聘和解聘物业服务企业或者其他管理人', threshold: 'ordinary' },
  { number: 5, text: '使用建筑物及其附属设施的维修资金', threshold: 'ordinary' },
  // 6–8 need three quarters (第二百七十八条 第二款): money raised from owners,
  // rebuilding, and turning common parts to other uses.
  { number: 6, text: '筹集建筑物及其附属设施的维修资金', threshold: 'special' },
  { number: 7, text: '改建、重建建筑物及其附属设施', threshold: 'special' },
  { number: 8, text: '改变共有部分的用途或者利用共有部分从事经营活动', threshold: 'special' },
  { number: 9, text: '有关共有和共同管理权利的其他重大事项', threshold: 'ordinary' },
].map((m) => Object.freeze(m as Matter)))

/** The matter number elections (选举业主委员会) are held under. */
export const ELECTION_MATTER: MatterNumber = 3

export const isMatterNumber = (n: unknown): n is MatterNumber => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 9

/** The matter with this number; anything but an integer 1–9 is VOTE.BAD_MATTER. */
export function matterOf(n: number): Matter {
  if (!isMatterNumber(n)) {
    throw new AppError('VOTE.BAD_MATTER', `表决事项编号 ${String(n)} 无效：只能是民法典第二百七十八条列出的 1–9`, { matter: n })
  }
  return MATTERS[n - 1]
}

export const thresholdOf = (n: number): ThresholdClass => matterOf(n).threshold
