// Demo data for the building captains: weekly reception days for 1–3栋 (one
// of them cancelled), a one-off evening day, items in every state, and two
// tasks on the claim board. Built through the domain rules, so the demo
// cannot hold a state the app itself could not reach; every step is audited.
import { applyCommand, raiseItem, type Command, type RectificationItem } from '../domain/captains/rectification'
import { cancelDay, planDays } from '../domain/captains/reception'
import { applyClaim, publishClaim } from '../domain/captains/claims'
import type { Actor } from '../domain/captains/actor'
import type { Category } from '../domain/captains/categories'
import { DAY, HOUR, dayStart, shanghaiDay } from '../domain/captains/time'
import type { Db } from '../cloud/kit/sqlite/db'
import { writeClaimChange, writeDayChange, writeDays, writeItemStep, writeNewClaim, writeNewItem } from '../cloud/kit/sqlite/captains'
import { DEMO_COMMUNITY_ID as C } from './demo-community'

const CAPTAIN: Actor = { personId: 'p-wang-xiuying', roles: ['owner', 'captain'], captainOf: ['1栋', '2栋', '3栋'], units: [{ building: '1栋', unitNo: '0302' }] }
const PROPERTY: Actor = { personId: 'p-zhao-lei', roles: ['property'], captainOf: [], units: [] }
const COMMITTEE: Actor = { personId: 'p-li-jianguo', roles: ['owner', 'committee'], captainOf: [], units: [{ building: '1栋', unitNo: '0101' }] }
const ZHANG: Actor = { personId: 'p-zhang-wei', roles: ['owner'], captainOf: [], units: [{ building: '1栋', unitNo: '0202' }, { building: '1栋', unitNo: '0203' }] }
const HUANG: Actor = { personId: 'p-huang-meiling', roles: ['owner', 'committee'], captainOf: [], units: [{ building: '2栋', unitNo: '0302' }] }
const CHEN: Actor = { personId: 'p-chen-jing', roles: ['owner'], captainOf: [], units: [{ building: '4栋', unitNo: '0302' }] }
const SYSTEM: Actor = { personId: 'system', roles: [], captainOf: [], units: [] }

export function seedCaptains(db: Db, now: number): void {
  // Reception days start on the coming Saturday (1970-01-01 was a Thursday).
  const today = shanghaiDay(now)
  const saturday = today + ((6 - ((today + 4) % 7) + 7) % 7 || 7)
  const plans = [
    { building: '1栋', day: saturday, hour: 9, place: '1栋一楼大堂' },
    { building: '2栋', day: saturday, hour: 14, place: '2栋架空层' },
    { building: '3栋', day: saturday + 1, hour: 9, place: '3栋门口凉亭' },
  ]
  const schedule = (building: string, startsAt: number, weeks: number, place: string, series: string, note = '') => {
    const days = planDays({ building, startsAt, durationMinutes: 120, weeks, place, note, slotMinutes: 15 }, { series, day: (i) => `${series}-${i + 1}` }, C, CAPTAIN, now)
    writeDays(db, days, { communityId: C, actorId: CAPTAIN.personId, action: 'reception.schedule', subject: `reception:${series}`, data: { building, startsAt: days.map((d) => d.startsAt), minutes: 120, place, source: 'demo' } }, now)
    return days
  }
  for (const p of plans) {
    const days = schedule(p.building, dayStart(p.day) + p.hour * HOUR, 4, p.place, `rs-demo-${p.building}`)
    if (p.building === '2栋') {
      const cancelled = cancelDay(days[1], CAPTAIN, '楼长外出参加街道培训，顺延一周', now)
      writeDayChange(db, cancelled, days[1].version, { communityId: C, actorId: CAPTAIN.personId, action: 'reception.cancel', subject: `reception:${days[1].id}`, data: { reason: cancelled.changeReason, startsAt: days[1].startsAt, source: 'demo' } }, now)
    }
  }
  schedule('1栋', dayStart(today + 3) + 19 * HOUR, 1, '1栋一楼大堂', 'rs-demo-evening', '晚间加开一场，方便上班的业主')

  const N = now
  let n = 0
  const item = (raiser: Actor, building: string, unitNo: string, category: Category, description: string, raisedAt: number, steps: Array<[Command, Actor, number]>): RectificationItem => {
    n++
    const raised = raiseItem({ id: `ri-demo-${n}`, communityId: C, building, unitNo, category, description }, raiser, raisedAt)
    writeNewItem(db, raised.item, raised.step, { communityId: C, actorId: raiser.personId, action: 'rect.raise', subject: `rect:${raised.item.id}`, data: { building, unitNo, category, via: raised.item.raisedVia, photos: 0, source: 'demo' } })
    let it = raised.item
    for (const [cmd, actor, at] of steps) {
      const next = applyCommand(it, cmd, actor, at)
      writeItemStep(db, next.item, it.version, next.step, { communityId: C, actorId: actor === SYSTEM ? null : actor.personId, action: `rect.${next.step.action}`, subject: `rect:${it.id}`, data: { from: it.status, to: next.item.status, ...next.step.data, source: 'demo' } })
      it = next.item
    }
    return it
  }
  item(CAPTAIN, '1栋', '0202', 'environment', '三楼楼道堆放纸箱和旧家具，影响通行', N - 20 * DAY, [
    [{ kind: 'assign', assignee: 'property', deadline: N - 13 * DAY }, CAPTAIN, N - 20 * DAY + HOUR],
    [{ kind: 'complete', note: '已通知住户并清运，楼道已畅通', photos: [] }, PROPERTY, N - 15 * DAY],
    [{ kind: 'confirm' }, ZHANG, N - 14 * DAY],
  ])
  item(CAPTAIN, '1栋', '0101', 'facilities', '1栋电梯 8 楼按键失灵', N - 6 * DAY, [
    [{ kind: 'assign', assignee: 'property', deadline: N + 4 * DAY }, CAPTAIN, N - 6 * DAY + HOUR],
    [{ kind: 'progress', note: '已报电梯维保公司，配件预计三天到货' }, PROPERTY, N - 4 * DAY],
  ])
  item(HUANG, '2栋', '0302', 'noise', '楼上夜里十一点后还在装修', N - 3 * DAY, [])
  item(CAPTAIN, '3栋', '0401', 'parking', '3栋东侧消防通道长期被私家车占用', N - 12 * DAY, [
    [{ kind: 'assign', assignee: 'property', deadline: N - 5 * DAY }, CAPTAIN, N - 12 * DAY + HOUR],
    [{ kind: 'escalate' }, SYSTEM, N - 5 * DAY],
  ])
  item(CAPTAIN, '1栋', '0302', 'safety', '5 楼消防栓旁灭火器已过期', N - 9 * DAY, [
    [{ kind: 'assign', assignee: 'property', deadline: N - 2 * DAY }, CAPTAIN, N - 9 * DAY + HOUR],
    [{ kind: 'complete', note: '已更换 2 具灭火器', photos: [] }, PROPERTY, N - 3 * DAY],
  ])
  item(ZHANG, '1栋', '0203', 'service', '夜班保安经常不在岗', N - 10 * DAY, [
    [{ kind: 'assign', assignee: 'committee', deadline: N + 5 * DAY }, COMMITTEE, N - 10 * DAY + HOUR],
    [{ kind: 'complete', note: '已约谈物业，要求增加夜间巡查', photos: [] }, COMMITTEE, N - 6 * DAY],
    [{ kind: 'reopen', reason: '这周还是有两晚不在岗' }, ZHANG, N - 5 * DAY],
  ])

  const roof = publishClaim({ id: 'ct-demo-1', communityId: C, title: '清理3栋天台杂物', detail: '约两小时，需两到三人' }, COMMITTEE, N - 2 * DAY)
  writeNewClaim(db, roof, { communityId: C, actorId: COMMITTEE.personId, action: 'claim.publish', subject: `claim:${roof.id}`, data: { title: roof.title, source: 'demo' } })
  const parking = publishClaim({ id: 'ct-demo-2', communityId: C, title: '协助统计地面车位使用情况', detail: '周末两天，按楼栋记录' }, COMMITTEE, N - 8 * DAY)
  writeNewClaim(db, parking, { communityId: C, actorId: COMMITTEE.personId, action: 'claim.publish', subject: `claim:${parking.id}`, data: { title: parking.title, source: 'demo' } })
  const claimed = applyClaim(parking, { kind: 'claim' }, CHEN, N - 7 * DAY, () => true)
  writeClaimChange(db, claimed, parking.version, { communityId: C, actorId: CHEN.personId, action: 'claim.claim', subject: `claim:${parking.id}`, data: { from: 'open', to: 'taken', taker: CHEN.personId, source: 'demo' } }, N - 7 * DAY)
  const done = applyClaim(claimed, { kind: 'done', note: '共统计 212 个车位，表格已交业委会' }, CHEN, N - 5 * DAY, () => true)
  writeClaimChange(db, done, claimed.version, { communityId: C, actorId: CHEN.personId, action: 'claim.done', subject: `claim:${parking.id}`, data: { from: 'taken', to: 'done', taker: CHEN.personId, source: 'demo' } }, N - 5 * DAY)
}
