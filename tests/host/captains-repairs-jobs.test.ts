// The captains' and the repairs' functions, and the host's periodic jobs
// (reception reminders, rectification escalation, repair escalation and
// auto-confirmation), on each database the host can run on, with the demo
// data the host itself seeds there: always on SQLite; on PostgreSQL when
// TEST_DATABASE_URL names one, otherwise a skipped test says so by name.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HostPorts } from '../../src/cloud/kit/hosting'
import { postgresPorts } from '../../src/cloud/kit/postgres'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'
import { seedDemoPostgres } from '../../src/seed/seed-postgres'
import { seedDemo } from '../../src/seed/seed-sqlite'
import { runJobs } from '../../src/cloud/kit/jobs'
import { testDatabaseUrl } from '../contract/targets/postgres'
import { expectOk, functionCaller } from '../support/harness'

jest.setTimeout(60_000)

const T0 = Date.UTC(2026, 10, 28, 2) // Saturday 2026-11-28 10:00 in Shanghai
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const [CAPTAIN, ZHANG, LI, STAFF] = ['p-wang-xiuying', 'p-zhang-wei', 'p-li-jianguo', 'p-zhao-lei']

interface Hosted { ports: HostPorts; setNow(ms: number): void; close(): Promise<void> }

/** The host's SQLite database with the demo it seeds in development mode. */
function onSqlite(): Hosted {
  const dir = mkdtempSync(join(tmpdir(), 'gj-jobs-'))
  let now = T0
  const ports = sqlitePorts(join(dir, 'host.db'), () => now)
  seedDemo(ports.db, now)
  return { ports, setNow: (ms) => { now = ms }, close: async () => { ports.close(); rmSync(dir, { recursive: true, force: true }) } }
}

/** The host's PostgreSQL database (a schema of its own) with the demo it seeds there. */
async function onPostgres(url: string): Promise<Hosted> {
  const schema = `jobs_${process.pid}_${randomBytes(4).toString('hex')}`
  let now = T0
  const ports = await postgresPorts({ connectionString: url, schema }, () => now)
  await seedDemoPostgres(ports.pool, now)
  return {
    ports,
    setNow: (ms) => { now = ms },
    close: async () => {
      await ports.pool.query(`DROP SCHEMA ${schema} CASCADE`)
      await ports.close()
    },
  }
}

function scenario(name: string, open: () => Promise<Hosted>) {
  describe(name, () => {
    let h: Hosted
    beforeEach(async () => { h = await open() })
    afterEach(async () => h.close())

    test('captains\' and repairs\' functions answer (none says NOT_AVAILABLE), and the jobs remind, escalate and auto-confirm', async () => {
      const errors = jest.spyOn(console, 'error')
      const { call } = functionCaller(h.ports)
      try {
        // A reception day tomorrow at 10:00; an owner of 1栋 books the first slot, which is then full.
        const { days } = expectOk(await call('reception-schedule', { communityId: C, building: '1栋', startsAt: T0 + DAY, durationMinutes: 60, place: '1栋大堂' }, CAPTAIN))
        const dayId = days[0].id
        expect(expectOk(await call('reception-upcoming', { communityId: C, building: '1栋' }, ZHANG)).map((d) => d.id)).toContain(dayId)
        expectOk(await call('reception-book', { communityId: C, dayId, slot: 0 }, ZHANG))
        expect(await call('reception-book', { communityId: C, dayId, slot: 0 }, LI)).toMatchObject({ ok: false, code: 'RECEPTION.SLOT_TAKEN' })

        // An item raised by the owner and given to the property company for the next two hours.
        const item = expectOk(await call('rect-raise', { communityId: C, building: '1栋', unitNo: '0202', category: 'facilities', description: '楼道灯不亮' }, ZHANG))
        expectOk(await call('rect-act', { communityId: C, itemId: item.id, command: { kind: 'assign', assignee: 'property', deadline: T0 + 2 * HOUR } }, CAPTAIN))
        expect(expectOk(await call('captain-month', { communityId: C, month: '2026-11' }, LI)).total.received).toBeGreaterThanOrEqual(1)

        // An urgent leak: the promise is an answer within 30 minutes.
        const leak = expectOk(await call('repair-report', { communityId: C, location: { kind: 'unit', building: '1栋', unitNo: '0202' }, category: 'water', urgency: 'urgent', description: '卫生间漏水' }, ZHANG))
        expect(leak.due).toEqual({ phase: 'response', dueAt: T0 + 30 * MINUTE, overdue: false })
        expect(expectOk(await call('repair-queue', { communityId: C, limit: 50 }, STAFF)).items.map((r) => r.id)).toContain(leak.id)

        // Three hours later the jobs run: tomorrow's day is announced, the item and the leak go to the committee.
        h.setNow(T0 + 3 * HOUR)
        await runJobs(h.ports)
        expect((await h.ports.outbox!(500)).filter((n) => n.kind === 'reception.reminder' && n.recipient_id === ZHANG)).toHaveLength(1)
        expect(expectOk(await call('rect-item', { communityId: C, itemId: item.id }, ZHANG)).item.escalation).toBe(1)
        expect(expectOk(await call('repair-detail', { communityId: C, id: leak.id }, ZHANG)).escalated).toBe(true)

        // Staff fix the leak; the owner says nothing for 7 days; a week on, the item also goes to the supervisors.
        // Two hosts over one database run the jobs at the same moment: each change happens once, and neither fails.
        for (const action of [{ kind: 'accept' }, { kind: 'assign', worker: '李师傅' }, { kind: 'start' }, { kind: 'complete', note: '更换了水管接头' }]) {
          expectOk(await call('repair-handle', { communityId: C, id: leak.id, action }, STAFF))
        }
        h.setNow(T0 + 3 * HOUR + 7 * DAY)
        await Promise.all([runJobs(h.ports), runJobs(h.ports)])
        const fixed = expectOk(await call('repair-detail', { communityId: C, id: leak.id }, ZHANG))
        expect(fixed).toMatchObject({ status: 'confirmed', autoConfirmAt: null })
        expect(fixed.timeline.filter((e) => e.kind === 'auto_confirm')).toHaveLength(1)
        const escalated = expectOk(await call('rect-item', { communityId: C, itemId: item.id }, ZHANG))
        expect(escalated.item.escalation).toBe(2)
        expect(escalated.steps.filter((s) => s.action === 'escalate')).toHaveLength(2)
        // Running them again changes nothing and sends no second reminder.
        await runJobs(h.ports)
        expect((await h.ports.outbox!(500)).filter((n) => n.kind === 'reception.reminder' && n.recipient_id === ZHANG)).toHaveLength(1)
        expect(errors).not.toHaveBeenCalled()
      } finally {
        errors.mockRestore()
      }
    })
  })
}

scenario('SQLite host', async () => onSqlite())
const url = testDatabaseUrl()
if (url) scenario('PostgreSQL host (DATABASE_URL)', () => onPostgres(url))
else test.skip('PostgreSQL host (DATABASE_URL): captains, repairs and the jobs — not run: set TEST_DATABASE_URL', () => undefined)
