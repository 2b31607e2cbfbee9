// A fresh SQLite file with the demo community, and a way to call any cloud
// function as one of its people, exactly as the host does (no mocks).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Ports } from '../../src/cloud/kit/ports'
import { sqlitePorts, type SqlitePorts } from '../../src/cloud/kit/sqlite'
import { findFunction } from '../../src/cloud/registry'
import type { Api, FunctionName } from '../../src/contracts/api'
import type { Result } from '../../src/contracts/result'
import { DEMO_PEOPLE } from '../../src/seed/demo-community'
import { seedDemo } from '../../src/seed/seed-sqlite'

export const DEMO = Object.fromEntries(DEMO_PEOPLE.map((p) => [p.id, p])) as Record<string, (typeof DEMO_PEOPLE)[number]>

export interface FunctionCaller {
  /** Calls a function as the demo person with this id (null: nobody signed in). */
  call<K extends FunctionName>(name: K, input: Api[K]['input'] | unknown, as: string | null): Promise<Result<Api[K]['output']>>
  callRaw(name: string, input: unknown, openid: string | null): Promise<Result<unknown>>
}

/** Calls the real functions from the registry over any ports (SQLite, PostgreSQL), exactly as the host does. */
export function functionCaller(ports: Ports): FunctionCaller {
  const callRaw = async (name: string, input: unknown, openid: string | null) => {
    const fn = findFunction(name)
    if (!fn) return { ok: false as const, code: 'NOT_FOUND', message: name }
    return fn(input, { principal: openid ? { openid } : null, ports, devMode: true })
  }
  return {
    callRaw,
    call: (name, input, as) => callRaw(name, input, as ? DEMO[as]?.openid ?? `unknown:${as}` : null) as never,
  }
}

/** Every row of every table of a SQLite database, to prove a refused call wrote nothing. */
export function snapshotOf(db: SqlitePorts['db']): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`).join('\n')
}

export interface Harness extends FunctionCaller {
  ports: SqlitePorts
  dir: string
  /** Every row of every table, to prove a refused call wrote nothing. */
  snapshot(): string
  setNow(ms: number): void
  close(): void
}

export function createHarness(opts: { seed?: boolean; now?: number } = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'gj-test-'))
  let now = opts.now ?? Date.UTC(2026, 10, 28, 2, 0, 0)
  const ports = sqlitePorts(join(dir, 'test.db'), () => now)
  if (opts.seed !== false) seedDemo(ports.db, now)
  return {
    ports,
    dir,
    ...functionCaller(ports),
    snapshot: () => snapshotOf(ports.db),
    setNow(ms) { now = ms },
    close() {
      ports.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function expectOk<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`)
  return r.data
}
