// Demo disclosure for 长城二花园 (综合制): the last four quarters published,
// each opening on the previous closing; the assembly decisions that
// authorised the repair-fund withdrawals (and one emergency repair that none
// did, shown as 未经表决); owners' questions, one of them overdue; and the
// property company's draft of the current quarter with one typing error in it
// for the committee to catch.
import type { Db } from '../cloud/kit/sqlite/db'
import { appendAudit } from '../cloud/kit/sqlite/audit'
import { sha256 } from '../cloud/kit/sha256'
import { nextQuarter, previousQuarter, quarterOf, quarterStart } from '../domain/disclosure/quarter'
import { collectionRate, quarterFlows, sum, type Line, type Meter, type QuarterlyReport, type SpendingLine, type Withdrawal } from '../domain/disclosure/report'
import { DEMO_COMMUNITY_ID } from './demo-community'

const DAY = 24 * 3600 * 1000
const COMMITTEE = 'p-li-jianguo'
const PROPERTY = 'p-zhao-lei'

/** The demo's assembly decisions; a view from the voting capability replaces this table when it exists. */
export const DEMO_MOTIONS = [
  { motionId: 'm-2025-03', communityId: DEMO_COMMUNITY_ID, matter: 5, passed: true, title: '使用维修资金更换3栋两部电梯', decidedAt: Date.UTC(2025, 8, 20) },
  { motionId: 'm-2026-02', communityId: DEMO_COMMUNITY_ID, matter: 5, passed: true, title: '使用维修资金维修1–4栋外墙渗漏', decidedAt: Date.UTC(2026, 4, 18) },
  { motionId: 'm-2026-04', communityId: DEMO_COMMUNITY_ID, matter: 5, passed: false, title: '使用维修资金改造全小区监控系统', decidedAt: Date.UTC(2026, 7, 30) },
  { motionId: 'm-2026-05', communityId: DEMO_COMMUNITY_ID, matter: 8, passed: true, title: '利用架空层开设快递驿站', decidedAt: Date.UTC(2026, 8, 10) },
  { motionId: 'm-hj-2026-01', communityId: 'c-huajing', matter: 5, passed: true, title: '（华景园）使用维修资金更换水泵', decidedAt: Date.UTC(2026, 2, 2) },
] as const

interface QuarterFigures {
  collectedPerMille: number
  arrearsRecovered: number
  spending: Array<[SpendingLine['category'], string, number]>
  parking: number
  advertising: number
  venue: number
  uses: Line[]
  contributions: Line[]
  withdrawals: Withdrawal[]
  usage: [number, number, number]
}

const yuan = (y: number): number => Math.round(y * 100)
const RESIDENTIAL_BILLED = 67_996_723 // 80,948.48 m² × ¥2.80 × 3 months
const PARKING_BILLED = yuan(420 * 150 * 3) // 420 spaces × ¥150 × 3 months
const LUMP_SUM = yuan(120_000)

const FIGURES: QuarterFigures[] = [
  { collectedPerMille: 931, arrearsRecovered: yuan(18_200), spending: [['staff', '客服与工程人员工资', 218_400], ['cleaning', '保洁外包服务', 96_000], ['security', '秩序维护外包服务', 152_600], ['greening', '绿化养护', 31_800], ['repairs', '公共设施日常维修', 47_350.6], ['utilities', '公共区域水电', 53_120.4], ['management', '物业公司酬金', 60_000], ['other', '办公及保险', 8_640]],
    parking: 74_380, advertising: 12_000, venue: 2_400, uses: [{ label: '收益记账及税费', amount: yuan(5_330.4) }, { label: '年度结余转入维修资金', amount: yuan(200_000) }], contributions: [{ label: '新购房首期缴存', amount: yuan(26_880) }, { label: '公共收益结余转入', amount: yuan(200_000) }, { label: '专户利息', amount: yuan(41_260.35) }], withdrawals: [], usage: [21_460, 30_980, 2_410] },
  { collectedPerMille: 954, arrearsRecovered: yuan(23_400), spending: [['staff', '客服与工程人员工资', 218_400], ['cleaning', '保洁外包服务', 96_000], ['security', '秩序维护外包服务', 152_600], ['greening', '绿化养护', 22_600], ['repairs', '公共设施日常维修', 38_912], ['utilities', '公共区域水电', 49_870.2], ['management', '物业公司酬金', 60_000], ['other', '春节慰问及办公', 12_300]],
    parking: 81_260, advertising: 12_000, venue: 1_800, uses: [{ label: '收益记账及税费', amount: yuan(5_703.6) }], contributions: [{ label: '新购房首期缴存', amount: yuan(18_420) }, { label: '专户利息', amount: yuan(40_112.08) }], withdrawals: [{ label: '3栋两部电梯更换', amount: yuan(368_000), motionId: 'm-2025-03' }], usage: [19_870, 31_440, 2_280] },
  { collectedPerMille: 942, arrearsRecovered: yuan(15_600), spending: [['staff', '客服与工程人员工资', 224_900], ['cleaning', '保洁外包服务', 96_000], ['security', '秩序维护外包服务', 152_600], ['greening', '绿化养护及补种', 44_150], ['repairs', '公共设施日常维修', 51_204.5], ['utilities', '公共区域水电', 51_966], ['management', '物业公司酬金', 60_000], ['other', '办公及保险', 7_980]],
    parking: 77_940, advertising: 13_500, venue: 3_200, uses: [{ label: '收益记账及税费', amount: yuan(5_678.4) }, { label: '儿童游乐设施更换', amount: yuan(18_600) }], contributions: [{ label: '新购房首期缴存', amount: yuan(9_210) }, { label: '专户利息', amount: yuan(38_904.61) }], withdrawals: [{ label: '消防水泵应急维修', amount: yuan(26_500), motionId: null }], usage: [18_950, 32_870, 2_650] },
  { collectedPerMille: 963, arrearsRecovered: yuan(31_900), spending: [['staff', '客服与工程人员工资', 224_900], ['cleaning', '保洁外包服务', 96_000], ['security', '秩序维护外包服务', 152_600], ['greening', '绿化养护', 29_400], ['repairs', '公共设施日常维修', 42_688.3], ['utilities', '公共区域水电', 58_302.7], ['management', '物业公司酬金', 60_000], ['other', '办公及保险', 8_115]],
    parking: 79_120, advertising: 13_500, venue: 2_600, uses: [{ label: '收益记账及税费', amount: yuan(5_713.2) }], contributions: [{ label: '新购房首期缴存', amount: yuan(12_960) }, { label: '专户利息', amount: yuan(37_518.44) }], withdrawals: [{ label: '1–4栋外墙渗漏维修', amount: yuan(412_300), motionId: 'm-2026-02' }], usage: [20_340, 34_120, 2_730] },
]

const METERS: Array<Pick<Meter, 'label' | 'kind' | 'unitPrice'>> = [
  { label: '公共照明电表', kind: 'electricity', unitPrice: 68 },
  { label: '电梯及水泵电表', kind: 'electricity', unitPrice: 68 },
  { label: '公共用水水表', kind: 'water', unitPrice: 430 },
]

/** One quarter whose openings are `prev`'s closings and whose every section balances. */
export function demoQuarter(prev: QuarterlyReport | null, f: QuarterFigures, households: number): QuarterlyReport {
  const billed = RESIDENTIAL_BILLED + PARKING_BILLED
  // Collected this quarter, old arrears recovered included.
  const residentialCollected = Math.floor((RESIDENTIAL_BILLED * f.collectedPerMille) / 1000) - yuan(30_000) + f.arrearsRecovered
  const parkingCollected = PARKING_BILLED - yuan(1_350)
  const collected = residentialCollected + parkingCollected
  const arrearsOpening = prev?.fees.arrearsClosing ?? yuan(215_340)
  const spendingItems = f.spending.map(([category, label, y]): SpendingLine => ({ category, label, amount: yuan(y) }))
  const spendingTotal = sum(spendingItems)
  const fundOpening = prev?.serviceFund?.closing ?? yuan(186_420.55)
  const income = [{ source: 'parking' as const, label: '地面临时停车费', amount: yuan(f.parking) }, { source: 'advertising' as const, label: '电梯轿厢广告', amount: yuan(f.advertising) }, { source: 'venue' as const, label: '快递柜及活动场地租金', amount: yuan(f.venue) }]
  const incomeOpening = prev?.commonIncome.closing ?? yuan(412_806.3)
  const readings = prev?.utilities.meters.map((m) => m.current) ?? [1_284_300, 2_016_750, 318_420]
  const meters = METERS.map((m, i): Meter => ({ ...m, previous: readings[i], current: readings[i] + f.usage[i], amount: f.usage[i] * m.unitPrice }))
  const fundOpeningRepair = prev?.repairFund.closing ?? yuan(12_836_400)
  return {
    fees: {
      items: [
        { label: '住宅物业服务费', rate: '2.80 元/m²·月', billed: RESIDENTIAL_BILLED, collected: residentialCollected },
        { label: '车位管理费', rate: '150 元/位·月', billed: PARKING_BILLED, collected: parkingCollected },
      ],
      billed, collected, arrearsOpening, arrearsClosing: arrearsOpening + billed - collected,
    },
    spending: { items: spendingItems, total: spendingTotal },
    serviceFund: { opening: fundOpening, lumpSum: LUMP_SUM, closing: fundOpening + collected - LUMP_SUM - spendingTotal },
    commonIncome: { opening: incomeOpening, income, uses: f.uses, closing: incomeOpening + sum(income) - sum(f.uses) },
    utilities: { meters, total: sum(meters), basis: 'unit', divisor: households },
    repairFund: { opening: fundOpeningRepair, contributions: f.contributions, withdrawals: f.withdrawals, closing: fundOpeningRepair + sum(f.contributions) - sum(f.withdrawals) },
    attachments: [],
    note: '',
  }
}

/** The four quarters before the one `now` falls in, oldest first. */
export function demoQuarters(now: number, households: number): Array<{ quarter: string; report: QuarterlyReport }> {
  const quarters: string[] = []
  let q = previousQuarter(quarterOf(now))
  for (let i = 0; i < 4; i++, q = previousQuarter(q)) quarters.unshift(q)
  let prev: QuarterlyReport | null = null
  return quarters.map((quarter, i) => {
    prev = demoQuarter(prev, FIGURES[i], households)
    return { quarter, report: prev }
  })
}

export function seedDisclosure(db: Db, now: number): void {
  const c = DEMO_COMMUNITY_ID
  const households = db.prepare('SELECT units FROM roll_versions WHERE community_id = ? ORDER BY version DESC LIMIT 1').pluck().get(c) as number
  db.prepare('INSERT INTO disclosure_settings (community_id, fee_model, set_by, set_at) VALUES (?, ?, ?, ?)').run(c, 'hybrid', COMMITTEE, now - 400 * DAY)
  appendAudit(db, { communityId: c, actorId: COMMITTEE, action: 'disclosure.fee-model', subject: `community:${c}`, data: { feeModel: 'hybrid', label: '综合制', source: 'demo' } }, now)

  // Only a table, not the voting capability's view, takes the demo's decisions.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'motion_decisions'").get()) {
    const motion = db.prepare('INSERT OR IGNORE INTO motion_decisions (motion_id, community_id, matter, passed, title, decided_at) VALUES (?, ?, ?, ?, ?, ?)')
    for (const m of DEMO_MOTIONS) motion.run(m.motionId, m.communityId, m.matter, m.passed ? 1 : 0, m.title, m.decidedAt)
  }

  const version = db.prepare('INSERT INTO report_versions (community_id, quarter, version, fee_model, body, reason, published_by, published_at, audit_seq) VALUES (?, ?, 1, ?, ?, NULL, ?, ?, ?)')
  const quarters = demoQuarters(now, households)
  for (const { quarter, report } of quarters) {
    // Published in the third week after the quarter ends (never after `now`).
    const at = Math.min(now, quarterStart(nextQuarter(quarter)) + 18 * DAY)
    const flows = quarterFlows(report)
    const entry = appendAudit(db, {
      communityId: c, actorId: COMMITTEE, action: 'report.publish', subject: `report:${quarter}:v1`,
      data: { quarter, version: 1, feeModel: 'hybrid', reason: null, sha256: sha256(JSON.stringify(report)), income: flows.income, spending: flows.spending, collected: collectionRate(report).numerator, billed: collectionRate(report).denominator, commonIncomeClosing: report.commonIncome.closing, repairFundClosing: report.repairFund.closing, source: 'demo' },
    }, now)
    version.run(c, quarter, 'hybrid', JSON.stringify(report), COMMITTEE, at, entry.seq)
  }

  // Questions: one answered, one left waiting long enough to be overdue.
  const [, , q3, q4] = quarters
  const ask = db.prepare('INSERT INTO report_questions (community_id, quarter, version, line_key, line_label, asked_by, text, asked_at, answer, answered_by, answered_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)')
  ask.run(c, q3.quarter, 'repairFund/支取·消防水泵应急维修', '支取·消防水泵应急维修', 'p-chen-jing', '这笔维修资金没有经过业主大会表决，为什么可以支取？', now - 60 * DAY,
    '水泵在夜间爆裂，属于危及安全的紧急情况，按应急程序先行维修；业委会将在下次业主大会上提请追认。', COMMITTEE, now - 57 * DAY)
  appendAudit(db, { communityId: c, actorId: COMMITTEE, action: 'report.answer', subject: 'question:1', data: { questionId: 1, source: 'demo' } }, now)
  ask.run(c, q4.quarter, 'spending/维修养护·公共设施日常维修', '维修养护·公共设施日常维修', 'p-zhang-wei', '日常维修四万多元，能否列出主要维修了哪些地方？', now - 12 * DAY, null, null, null)

  // The property company's draft of the current quarter: the repair-fund closing is mistyped by ¥1,000.
  const draft = demoQuarter(q4.report, FIGURES[3], households)
  draft.repairFund.withdrawals = []
  draft.repairFund.closing = draft.repairFund.opening + sum(draft.repairFund.contributions) + yuan(1_000)
  db.prepare('INSERT INTO report_drafts (community_id, quarter, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)').run(c, quarterOf(now), JSON.stringify(draft), PROPERTY, now - 2 * DAY)
}
