// The same real cloud functions over two platforms, for tests that compare
// their answers: WeChat's cloud SIMULATED (the CloudBase adapters over the
// in-memory fake of wx-server-sdk) and SQLite in a temporary file, each
// seeded with the demo foundation and driven by a settable clock.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbasePorts, type CloudbaseSettings } from '../../src/cloud/kit/cloudbase'
import type { Ports } from '../../src/cloud/kit/ports'
import { sqlitePorts } from '../../src/cloud/kit/sqlite'
import { findFunction } from '../../src/cloud/registry'
import type { Result } from '../../src/contracts/result'
import { DEMO_PEOPLE } from '../../src/seed/demo-community'
import { demoFoundation } from '../../src/seed/demo-foundation'
import { writeFoundationCloudbase } from '../../src/seed/seed-cloudbase'
import { writeFoundationSqlite } from '../../src/seed/seed-sqlite'
import { fakeWxCloud, type FakeWxCloud } from './fake-wx-cloud'

export interface Platform {
  ports: Ports
  call(name: string, input: unknown, as: string): Promise<Result<any>>
  setNow(ms: number): void
  close(): void
}

const openid = (personId: string) => DEMO_PEOPLE.find((p) => p.id === personId)!.openid
const caller = (ports: Ports) => (name: string, input: unknown, as: string) => findFunction(name)!(input, { principal: { openid: openid(as) }, ports, devMode: false })

/** `settings`: anything beyond the notices (which go out without templates here). */
export async function cloudbasePlatform(start: number, settings: Omit<CloudbaseSettings, 'notifications'> = {}): Promise<Platform & { cloud: FakeWxCloud }> {
  const cloud = fakeWxCloud()
  let now = start
  await writeFoundationCloudbase(cloud.database(), demoFoundation(start))
  const ports = cloudbasePorts(cloud, { ...settings, notifications: { templates: {} } }, () => now)
  return { cloud, ports, call: caller(ports), setNow(ms) { now = ms }, close() {} }
}

export function sqlitePlatform(start: number): Platform {
  const dir = mkdtempSync(join(tmpdir(), 'gj-platform-'))
  let now = start
  const ports = sqlitePorts(join(dir, 'test.db'), () => now)
  ports.db.transaction(() => writeFoundationSqlite(ports.db, demoFoundation(start)))()
  return {
    ports,
    call: caller(ports),
    setNow(ms) { now = ms },
    close() {
      ports.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The data of an answer expected to be ok. */
export const data = <T = any>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`)
  return r.data
}
