// The same real cloud functions over two platforms, for tests that compare
// their answers: WeChat's cloud SIMULATED (the CloudBase adapters over the
// in-memory fake of wx-server-sdk) and SQLite in a temporary file, each
// seeded with the demo foundation and driven by a settable clock.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbasePorts, type CloudbaseSettings } from '../../src/cloud/kit/cloudbase'
import { COLLECTIONS, type CommunityDoc, type MotionDecisionDoc } from '../../src/cloud/kit/cloudbase/collections'
import type { NoticeTemplate, NotificationSettings } from '../../src/cloud/kit/cloudbase/notifications'
import type { Ports } from '../../src/cloud/kit/ports'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { findFunction } from '../../src/cloud/registry'
import type { Result } from '../../src/contracts/result'
import { DEMO_PEOPLE } from '../../src/seed/demo-community'
import { demoFoundation } from '../../src/seed/demo-foundation'
import { writeFoundationCloudbase } from '../../src/seed/seed-cloudbase'
import { DEMO_MOTIONS } from '../../src/seed/seed-disclosure'
import { writeFoundationSqlite } from '../../src/seed/seed-sqlite'
import { fakeWxCloud, type FakeWxCloud } from './fake-wx-cloud'
import { snapshotOf } from './harness'

export interface Platform {
  ports: Ports
  call(name: string, input: unknown, as: string): Promise<Result<any>>
  /** Decisions of assemblies held on paper before the app (DEMO_MOTIONS), as the committee recorded them. */
  recordPaperDecisions(): Promise<void>
  /** Another community beside the demo's, with no roll or people: for data that must stay its own. */
  addCommunity(id: string, name: string): Promise<void>
  /** Everything stored, to prove a refused call wrote nothing. */
  snapshot(): string
  setNow(ms: number): void
  close(): void
}

/** Owners are told of each published quarterly report by this subscription template (SQLite's outbox needs none). */
export const REPORT_PUBLISHED = { 'report.published': { id: 'tmpl-report-published', titleField: 'thing1', bodyField: 'thing2' } }

export interface CloudbaseOptions extends Omit<CloudbaseSettings, 'notifications'> {
  /** Subscription templates by notice kind; kinds without one are logged and not sent. */
  templates?: NotificationSettings['templates']
}

const openid = (personId: string) => DEMO_PEOPLE.find((p) => p.id === personId)!.openid
const caller = (ports: Ports) => (name: string, input: unknown, as: string) => findFunction(name)!(input, { principal: { openid: openid(as) }, ports, devMode: false })

export async function cloudbasePlatform(start: number, options: CloudbaseOptions = {}): Promise<Platform & { cloud: FakeWxCloud }> {
  const cloud = fakeWxCloud()
  let now = start
  await writeFoundationCloudbase(cloud.database(), demoFoundation(start))
  const { templates = {}, ...settings } = options
  const ports = cloudbasePorts(cloud, { ...settings, notifications: { templates } }, () => now)
  return {
    cloud,
    ports,
    call: caller(ports),
    async recordPaperDecisions() {
      const decisions = cloud.database().collection<MotionDecisionDoc>(COLLECTIONS.motionDecisions)
      for (const m of DEMO_MOTIONS) await decisions.add({ data: { _id: m.motionId, communityId: m.communityId, matter: m.matter, passed: m.passed, title: m.title, decidedAt: m.decidedAt } })
    },
    async addCommunity(id, name) {
      await cloud.database().collection<CommunityDoc>(COLLECTIONS.communities).add({ data: { _id: id, name, settings: '{}', createdAt: now } })
    },
    snapshot: () => JSON.stringify([...cloud.collections.entries()].map(([name, docs]) => [name, [...docs.entries()]])),
    setNow(ms) { now = ms },
    close() {},
  }
}

export function sqlitePlatform(start: number): Platform {
  const dir = mkdtempSync(join(tmpdir(), 'gj-platform-'))
  let now = start
  const ports = sqlitePorts(join(dir, 'test.db'), () => now)
  ports.db.transaction(() => writeFoundationSqlite(ports.db, demoFoundation(start)))()
  return {
    ports,
    call: caller(ports),
    async recordPaperDecisions() {
      const insert = ports.db.prepare('INSERT INTO motion_decisions (motion_id, community_id, matter, passed, title, decided_at) VALUES (?, ?, ?, ?, ?, ?)')
      for (const m of DEMO_MOTIONS) insert.run(m.motionId, m.communityId, m.matter, m.passed ? 1 : 0, m.title, m.decidedAt)
    },
    async addCommunity(id, name) {
      ports.db.prepare("INSERT INTO communities (id, name, settings, created_at) VALUES (?, ?, '{}', ?)").run(id, name, now)
    },
    snapshot: () => snapshotOf(ports.db),
    setNow(ms) { now = ms },
    close() {
      ports.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Calls on one platform, each answer logged as [name, caller, answer] for comparing with another platform's log. */
export function recorder(p: Platform): { log: unknown[]; run(name: string, input: unknown, as: string): Promise<Result<any>> } {
  const log: unknown[] = []
  return {
    log,
    async run(name, input, as) {
      const r = await p.call(name, input, as)
      log.push([name, as, r])
      return r
    },
  }
}

/**
 * Two platforms' logs hold the same answers, compared entry by entry so a
 * difference names the step; `normalise` first replaces what is random (ids, hashes).
 */
export function expectSameLogs(actual: unknown[], expected: unknown[], normalise: (log: unknown) => string = JSON.stringify): void {
  const [a, e] = [JSON.parse(normalise(actual)) as unknown[], JSON.parse(normalise(expected)) as unknown[]]
  a.forEach((entry, i) => expect([i, entry]).toEqual([i, e[i]]))
  expect(a).toHaveLength(e.length)
}

/** The data of an answer expected to be ok. */
export const data = <T = any>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`)
  return r.data
}

/** A subscription template for every kind of notice, so each one is sent (and counted) as the SQLite outbox counts it. */
export const EVERY_TEMPLATE: Record<string, NoticeTemplate> = new Proxy({}, {
  get: (_t, kind) => (typeof kind === 'string' ? { id: `tmpl-${kind}`, titleField: 'thing1', bodyField: 'thing2' } : undefined),
})

/**
 * A log with what is random on each platform (generated ids, tracking codes,
 * hashes) replaced by its order of first appearance, `<label N>`, so two
 * platforms' logs compare equal exactly when the same thing recurs in the same
 * places. `seen` may hold tokens already labelled (found some other way).
 */
export function numberTokens(json: string, pattern: RegExp, label: (token: string) => string, seen = new Map<string, string>()): string {
  return json.replace(pattern, (m) => {
    if (!seen.has(m)) seen.set(m, `<${label(m)}${seen.size}>`)
    return seen.get(m)!
  })
}
