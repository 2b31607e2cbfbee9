// The periodic jobs on CloudBase, with WeChat's cloud SIMULATED (the in-memory
// fake of wx-server-sdk): the scheduled-jobs function, as its timer trigger
// calls it (no OPENID), opens an assembly at its start time and tells the
// owners once; a call with a person behind it is refused and changes nothing.
import { cloudbaseEntry } from '../../src/cloud/kit/cloudbase/entry'
import type { JobsPass } from '../../src/contracts/jobs'
import type { AssemblyCallOutput } from '../../src/contracts/voting'
import { main as scheduledJobs } from '../../src/cloud/scheduled-jobs'
import { DAY_MS } from '../../src/domain/voting/assembly'
import { DEMO_COMMUNITY_ID, DEMO_PEOPLE } from '../../src/seed/demo-community'
import { cloudbasePlatform, data } from '../support/platforms'

const C = DEMO_COMMUNITY_ID
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0)
const OPENS = T0 + 16 * DAY_MS
const CLOSES = T0 + 23 * DAY_MS
const TEMPLATES = { 'vote.opened': { id: 'tmpl-vote-opened', titleField: 'thing1', bodyField: 'thing2' } }
/** What a timer trigger sends (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/functions/triggers.html). */
const TIMER_EVENT = { Type: 'Timer', TriggerName: 'everyFiveMinutes', Time: '2026-12-14T02:00:00Z' }
const openidOf = (personId: string) => DEMO_PEOPLE.find((p) => p.id === personId)!.openid

describe('WeChat cloud simulated: the scheduled-jobs timer trigger', () => {
  test('opens an assembly at its start time, not a millisecond before, and sends the owners one notice each however often it runs', async () => {
    const p = await cloudbasePlatform(T0, { templates: TEMPLATES })
    /** As the timer trigger calls it: no principal at all. */
    const tick = () => scheduledJobs(TIMER_EVENT, { principal: null, ports: p.ports, devMode: false })
    const called: AssemblyCallOutput = data(await p.call('assembly-call', {
      communityId: C, title: '2027 年业主大会', notice: '请全体业主参加表决', opensAt: OPENS, closesAt: CLOSES, motions: [{ title: '续聘物业', matter: 4 }],
    }, 'p-li-jianguo'))
    const opened = () => p.ports.voting.assembly(C, called.assemblyId).then((a) => a!.rollVersion !== null)
    const openedNotices = () => p.cloud.sent.filter((m) => m.templateId === 'tmpl-vote-opened')

    p.setNow(OPENS - 1)
    const early = data(await tick()) as JobsPass
    // Every job has its CloudBase adapter: all four run, none fails.
    expect(early).toEqual({ done: ['reception-reminders', 'rectification-escalation', 'repairs', 'voting-timers'], failed: [] })
    expect(await opened()).toBe(false)
    expect(openedNotices()).toEqual([])

    p.setNow(OPENS)
    data(await tick())
    expect(await opened()).toBe(true)
    // Every owner of the demo with a WeChat account, once: the people whose roles include owner.
    const owners = (await p.ports.identity.communityPeople(C)).filter((x) => x.roles.includes('owner')).map((x) => x.person.openid).sort()
    expect(owners.length).toBeGreaterThan(0)
    expect(openedNotices().map((m) => m.touser).sort()).toEqual(owners)

    p.setNow(OPENS + 5 * 60_000)
    data(await tick())
    data(await tick())
    expect(openedNotices()).toHaveLength(owners.length)
    const log = await p.ports.audit.all(C)
    expect(log.filter((e) => e.action === 'assembly.open')).toHaveLength(1)
  })

  test('through the CloudBase entry: a call with an OPENID (a person in the mini-program) is refused and writes nothing; the timer\'s call runs', async () => {
    const p = await cloudbasePlatform(T0)
    const { cloud } = p
    const main = cloudbaseEntry(scheduledJobs, cloud, { SUBSCRIBE_TEMPLATES: JSON.stringify({ templates: TEMPLATES }) })
    const before = p.snapshot()

    cloud.as(openidOf('p-li-jianguo'))
    const r = await main(TIMER_EVENT, {})
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('定时') })
    expect(p.snapshot()).toBe(before)

    cloud.as(null)
    const ran = await main(TIMER_EVENT, {})
    expect(ran).toMatchObject({ ok: true, data: { failed: [] } })
  })
})
