// Demo repair data: the community's service-time commitments for every
// category and urgency, its common areas, and a few requests in each state,
// written through the domain's own transitions so their history is real.
import { MINUTE, commitmentFor, type Commitment, type RepairCategory, type Urgency } from '../domain/repairs/commitments'
import { applyRepair, reportRepair, type RepairCommand, type RepairLocation, type RepairRequest } from '../domain/repairs/request'
import { appendAudit } from '../cloud/kit/sqlite/audit'
import type { Db } from '../cloud/kit/sqlite/db'
import { insertCommitments, insertRepairHistory } from '../cloud/kit/sqlite/repairs'
import type { RepairEvent } from '../cloud/kit/repairs-port'

/** Response / completion minutes per category: [urgent, normal]. */
const TIMES: Record<RepairCategory, [[number, number], [number, number]]> = {
  water: [[30, 240], [120, 2880]],
  electric: [[30, 240], [120, 2880]],
  lift: [[15, 120], [120, 1440]],
  fire: [[30, 480], [240, 4320]],
  door: [[60, 480], [240, 4320]],
  public: [[60, 480], [480, 7200]],
  other: [[60, 720], [480, 7200]],
}

export const DEMO_COMMITMENTS: Commitment[] = (Object.keys(TIMES) as RepairCategory[]).flatMap((category) =>
  (['urgent', 'normal'] as Urgency[]).map((urgency, i) => ({ category, urgency, responseMinutes: TIMES[category][i][0], completionMinutes: TIMES[category][i][1] })),
)

export const DEMO_COMMON_AREAS = ['小区大门', '地下车库', '中心花园', '儿童游乐区', '垃圾分类点', '消防通道', '外墙与屋面', ...Array.from({ length: 10 }, (_, i) => `${i + 1}栋电梯`), ...Array.from({ length: 10 }, (_, i) => `${i + 1}栋大堂`)]

const STAFF = 'p-zhao-lei'

interface DemoRepair {
  reporter: string
  location: RepairLocation
  category: RepairCategory
  urgency: Urgency
  description: string
  /** Minutes before the seed's `now` it was reported. */
  ago: number
  /** Commands with the minutes after the report they happened. */
  steps: Array<[number, RepairCommand]>
}

const handled = (accept: number, done: number, note: string): Array<[number, RepairCommand]> => [
  [accept, { kind: 'accept' }],
  [accept + 5, { kind: 'assign', worker: '王师傅' }],
  [accept + 30, { kind: 'start' }],
  [done, { kind: 'complete', note, photos: [] }],
]

const DEMO_REPAIRS: DemoRepair[] = [
  { reporter: 'p-liu-yang', location: { kind: 'unit', building: '1栋', unitNo: '0203' }, category: 'door', urgency: 'normal', description: '入户门锁芯卡住，钥匙拧不动', ago: 12 * 24 * 60, steps: [...handled(90, 600, '更换锁芯'), [1440, { kind: 'confirm', rating: 5, comment: '师傅很快，谢谢' }]] },
  { reporter: 'p-huang-meiling', location: { kind: 'common', area: '小区大门' }, category: 'door', urgency: 'normal', description: '大门道闸抬杆很慢，高峰期排队', ago: 15 * 24 * 60, steps: [...handled(200, 3000, '调整道闸电机'), [3600, { kind: 'confirm', rating: 3, comment: '修得慢了点' }]] },
  { reporter: 'p-li-jianguo', location: { kind: 'unit', building: '1栋', unitNo: '0101' }, category: 'electric', urgency: 'normal', description: '客厅插座没电', ago: 2 * 24 * 60, steps: [...handled(60, 300, '更换插座'), [1500, { kind: 'reopen', reason: '换了之后还是没电' }], [1560, { kind: 'accept' }]] },
  { reporter: 'p-chen-jing', location: { kind: 'common', area: '4栋电梯' }, category: 'lift', urgency: 'normal', description: '4栋电梯按钮 12 楼不亮', ago: 2 * 24 * 60, steps: handled(45, 1440, '更换 12 楼按钮面板') },
  { reporter: 'p-zhang-wei', location: { kind: 'unit', building: '1栋', unitNo: '0202' }, category: 'water', urgency: 'urgent', description: '卫生间天花板渗水', ago: 3 * 60, steps: [[20, { kind: 'accept' }], [25, { kind: 'assign', worker: '李师傅' }], [60, { kind: 'start' }]] },
  { reporter: 'p-wang-xiuying', location: { kind: 'common', area: '地下车库' }, category: 'public', urgency: 'normal', description: 'B2 车库 3 号通道灯不亮', ago: 10 * 60, steps: [] },
]

export function seedRepairs(db: Db, communityId: string, now: number): void {
  insertCommitments(db, communityId, DEMO_COMMITMENTS, DEMO_COMMON_AREAS)
  DEMO_REPAIRS.forEach((d, i) => {
    const reportedAt = now - d.ago * MINUTE
    const id = `r-demo-${i + 1}`
    let r: RepairRequest = { no: i + 1, ...reportRepair({ id, communityId, reporterId: d.reporter, location: d.location, category: d.category, urgency: d.urgency, description: d.description, photos: [], preferredTime: null }, commitmentFor(DEMO_COMMITMENTS, d.category, d.urgency), reportedAt) }
    const events: Array<Omit<RepairEvent, 'seq'>> = [{ at: reportedAt, actorId: d.reporter, kind: 'report', status: 'reported', data: { photos: 0 } }]
    const audits: Array<[number, Parameters<typeof appendAudit>[1]]> = [[reportedAt, { communityId, actorId: d.reporter, action: 'repair.report', subject: `repair:${id}`, data: { no: r.no, category: r.category, urgency: r.urgency, location: r.location, photos: 0 } }]]
    for (const [after, cmd] of d.steps) {
      const at = reportedAt + after * MINUTE
      const actorId = cmd.kind === 'confirm' || cmd.kind === 'reopen' ? d.reporter : STAFF
      const { next, data } = applyRepair(r, cmd, at)
      events.push({ at, actorId, kind: cmd.kind, status: next.status, data })
      audits.push([at, { communityId, actorId, action: `repair.${cmd.kind}`, subject: `repair:${id}`, data: { no: r.no, from: r.status, to: next.status, ...data } }])
      r = next
    }
    insertRepairHistory(db, r, events)
    // The audit chain is appended in seed order; entries carry the times the steps happened.
    for (const [at, draft] of audits) appendAudit(db, draft, at)
  })
}

