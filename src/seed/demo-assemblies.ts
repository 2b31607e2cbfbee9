// Two demo assemblies of 长城二花园, written the way the functions would
// write them (same tables, same audit entries): one open now with some
// ballots in, one closed, counted and certified. Deterministic: the same
// ballots and tracking codes on every machine. The demo people have not voted
// in the open one, so anyone trying the app can.
import { appendAudit } from '../cloud/kit/sqlite/audit'
import type { Db } from '../cloud/kit/sqlite/db'
import { insertAssembly, insertBallots, insertResult, snapshotElectorate } from '../cloud/kit/sqlite/voting'
import type { NewAssembly, Submission } from '../cloud/kit/voting-port'
import { DAY_MS, objectionDeadline, votingSettings, type MotionSpec } from '../domain/voting/assembly'
import { countAssembly, type CountedBallot } from '../domain/voting/result'
import type { Choice } from '../domain/voting/tally'
import { DEMO_COMMUNITY_ID, DEMO_PEOPLE } from './demo-community'

export const DEMO_OPEN_ASSEMBLY = 'asm-demo-2026-property'
export const DEMO_CLOSED_ASSEMBLY = 'asm-demo-2026-committee'
const COMMITTEE = 'p-li-jianguo'

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
function codes(seed: number): () => string {
  let a = seed >>> 0
  const next = () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0
    return a
  }
  return () => {
    let s = ''
    for (let i = 0; i < 10; i++) s += CODE_ALPHABET[next() >>> 27]
    return `${s.slice(0, 5)}-${s.slice(5)}`
  }
}

function assembly(id: string, title: string, notice: string, noticeAt: number, opensAt: number, closesAt: number, motions: NewAssembly['motions']): NewAssembly {
  return { id, communityId: DEMO_COMMUNITY_ID, title, notice, attachments: [], noticeAt, opensAt, closesAt, shortNoticeReason: null, createdBy: COMMITTEE, motions }
}

const motion = (id: string, matter: number, title: string, body: string): NewAssembly['motions'][number] => ({ id, matter, title, body, seats: null, candidates: [] })

function call(db: Db, a: NewAssembly): void {
  insertAssembly(db, a)
  appendAudit(db, {
    communityId: a.communityId, actorId: COMMITTEE, action: 'assembly.call', subject: `assembly:${a.id}`,
    data: { title: a.title, noticeAt: a.noticeAt, opensAt: a.opensAt, closesAt: a.closesAt, shortNoticeReason: null, motions: a.motions.map(({ id, matter, title, seats, candidates }) => ({ id, matter, title, seats, candidates: candidates.map((c) => c.name) })), source: 'demo' },
  }, a.noticeAt)
  const opened = snapshotElectorate(db, a.id, a.opensAt)!
  appendAudit(db, { communityId: a.communityId, actorId: null, action: 'assembly.open', subject: `assembly:${a.id}`, data: { rollVersion: opened.rollVersion, total: opened.total, opensAt: a.opensAt, closesAt: a.closesAt } }, a.opensAt)
}

/**
 * Casts `count` owners' ballots, the demo people excluded, spread over the
 * window. The generated owners have no accounts, so their ballots are paper
 * ballots the committee entered, each with its photo reference.
 */
function castMany(db: Db, a: NewAssembly, count: number, until: number, choose: (i: number, m: NewAssembly['motions'][number]) => Submission['rows'][number]['marks']): void {
  const demoKeys = new Set(DEMO_PEOPLE.map((p) => p.ownerKey).filter(Boolean))
  const all = (db.prepare('SELECT voter_key, area FROM electorate WHERE assembly_id = ? ORDER BY voter_key').all(a.id) as Array<{ voter_key: string; area: number }>)
  const voters = all.filter((v) => !demoKeys.has(v.voter_key))
  // A fixed stride over the roll, so participation is spread across every building.
  const order = voters.map((v, i) => ({ v, k: (i * 7919) % voters.length })).sort((x, y) => x.k - y.k).map((x) => x.v).slice(0, count)
  const code = codes(a.id.length * 7919 + count)
  order.forEach((v, i) => {
    const castAt = a.opensAt + Math.floor(((until - a.opensAt) * (i + 1)) / (order.length + 1))
    const s: Submission = {
      assemblyId: a.id, voterKey: v.voter_key, area: v.area, channel: 'paper', castBy: COMMITTEE,
      castAt, trackingCode: code(), photo: `demo/paper/${a.id}/${v.voter_key}.jpg`, proxyId: null,
      rows: a.motions.map((m) => ({ motionId: m.id, marks: choose(i, m) })),
    }
    insertBallots(db, s)
    appendAudit(db, {
      communityId: a.communityId, actorId: COMMITTEE, action: 'ballot.cast', subject: `assembly:${a.id}`,
      data: { voterKey: s.voterKey, area: s.area, channel: s.channel, trackingCode: s.trackingCode, photo: s.photo, proxyId: null, votes: s.rows, source: 'demo' },
    }, castAt)
  })
}

const pick = (i: number, agreeOutOf10: number): Choice => (i % 10 < agreeOutOf10 ? 'agree' : i % 10 === 9 ? 'abstain' : 'oppose')

export function seedDemoAssemblies(db: Db, now: number): void {
  // The closed one: committee election and a repair-fund motion, counted and certified.
  const closed = assembly(
    DEMO_CLOSED_ASSEMBLY, '2026 年第一次业主大会：换届选举', '根据业主大会议事规则，本届业主委员会任期届满，现召开业主大会进行换届选举，并表决外墙维修方案。',
    now - 70 * DAY_MS, now - 50 * DAY_MS, now - 40 * DAY_MS,
    [
      { id: `${DEMO_CLOSED_ASSEMBLY}-m1`, matter: 3, title: '选举第三届业主委员会委员（应选 3 名）', body: '每位业主最多可同意 3 名候选人。', seats: 3,
        candidates: [
          { id: 'c1', name: '李建国', statement: '现任主任，退休工程师' },
          { id: 'c2', name: '黄美玲', statement: '现任委员，会计师' },
          { id: 'c3', name: '周文博', statement: '律师' },
          { id: 'c4', name: '吴晓红', statement: '社区志愿者' },
        ] },
      motion(`${DEMO_CLOSED_ASSEMBLY}-m2`, 5, '使用维修资金维修 3、4 栋外墙', '预算 48.6 万元，由专项维修资金列支。'),
    ],
  )
  call(db, closed)
  castMany(db, closed, 540, closed.closesAt - 1, (i, m) => (m.seats === null ? { choice: pick(i, 8) } : { approve: i % 10 < 7 ? ['c1', 'c2', 'c3'] : ['c1', 'c4'], oppose: [] }))
  const settings = votingSettings(JSON.parse((db.prepare('SELECT settings FROM communities WHERE id = ?').pluck().get(DEMO_COMMUNITY_ID) as string) ?? '{}'))
  const specs: MotionSpec[] = closed.motions.map((m) => ({ id: m.id, matter: m.matter, election: m.seats === null ? null : { seats: m.seats, candidates: m.candidates.map((c) => c.id) } }))
  const electorate = (db.prepare('SELECT voter_key, area FROM electorate WHERE assembly_id = ?').all(closed.id) as Array<{ voter_key: string; area: number }>).map((r) => ({ voterKey: r.voter_key, area: r.area }))
  const ballots: CountedBallot[] = (db.prepare('SELECT motion_id, voter_key, choice, marks FROM ballots WHERE assembly_id = ?').all(closed.id) as Array<{ motion_id: string; voter_key: string; choice: Choice | null; marks: string | null }>)
    .map((b) => ({ motionId: b.motion_id, voterKey: b.voter_key, marks: b.choice ? { choice: b.choice } : JSON.parse(b.marks!) }))
  const count = countAssembly(specs, electorate, ballots, { nonVoters: settings.nonVoters })
  const countedAt = closed.closesAt + 60 * 60 * 1000
  const objectionUntil = objectionDeadline(countedAt, settings)
  const pSeq = appendAudit(db, { communityId: DEMO_COMMUNITY_ID, actorId: COMMITTEE, action: 'result.preliminary', subject: `assembly:${closed.id}`, data: { rollVersion: 1, objectionUntil, count } }, countedAt).seq
  insertResult(db, closed.id, { stage: 'preliminary', result: count, publishedAt: countedAt, publishedBy: COMMITTEE, objectionUntil }, pSeq)
  const certifiedAt = objectionUntil + DAY_MS
  const cSeq = appendAudit(db, { communityId: DEMO_COMMUNITY_ID, actorId: COMMITTEE, action: 'result.certify', subject: `assembly:${closed.id}`, data: { preliminarySeq: pSeq, objections: { filed: 0, open: 0, upheld: 0 } } }, certifiedAt).seq
  insertResult(db, closed.id, { stage: 'certified', result: count, publishedAt: certifiedAt, publishedBy: COMMITTEE, objectionUntil: null }, cSeq)

  // The open one: participation climbing toward the 2/3 lines.
  const open = assembly(
    DEMO_OPEN_ASSEMBLY, '2026 年第二次业主大会：物业服务与公共收益', '本次大会表决是否续聘现物业服务企业、使用维修资金更换 7 栋电梯，以及在公共区域设置电梯广告。请各位业主在投票期内投票。',
    now - 20 * DAY_MS, now - 2 * DAY_MS, now + 5 * DAY_MS,
    [
      motion(`${DEMO_OPEN_ASSEMBLY}-m1`, 4, '续聘长城物业服务有限公司（三年）', '物业费标准不变：2.80 元/m²·月。'),
      motion(`${DEMO_OPEN_ASSEMBLY}-m2`, 5, '使用维修资金更换 7 栋两部电梯', '预算 62 万元。'),
      motion(`${DEMO_OPEN_ASSEMBLY}-m3`, 8, '在电梯轿厢内设置广告，收益归全体业主', '预计年收益 4.2 万元，计入公共收益账户。'),
    ],
  )
  call(db, open)
  castMany(db, open, 240, now - 60 * 60 * 1000, (i) => ({ choice: pick(i, 7) }))
}
