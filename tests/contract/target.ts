// What a contract needs from an adapter: fresh ports over an empty database,
// a way to write the demo's foundation records (the same demoFoundation() data
// every adapter seeds from), and a backdoor attempt the database must refuse.
import type { HostPorts } from '../../src/cloud/kit/hosting'
import type { Ports } from '../../src/cloud/kit/ports'
import { demoFoundation, type FoundationSeed } from '../../src/seed/demo-foundation'

export interface OpenTarget {
  ports: HostPorts
  seed(s: FoundationSeed): Promise<void>
  /** Tries to edit, then delete, an audit entry with plain SQL; 'refused' when the database stops both. */
  tamperAudit(communityId: string, seq: number): Promise<'refused' | 'changed'>
  /** Tries to edit, then delete, a published report version with plain SQL; 'refused' when the database stops both. */
  tamperReport(communityId: string, quarter: string, version: number): Promise<'refused' | 'changed'>
  setNow(ms: number): void
  close(): Promise<void>
}

export interface ContractTarget {
  name: string
  /** Contract clauses this platform cannot meet, each with the reason shown in the skipped test's name. */
  limits?: { tamper?: string; outbox?: string; references?: string }
  /** Ports this platform's adapters do not implement yet, each with the reason shown in the skipped test's name. */
  pending?: Partial<Record<keyof Ports, string>>
  open(now: number): Promise<OpenTarget>
}

export const CONTRACT_NOW = Date.UTC(2026, 10, 28, 2, 0, 0)

/** A test, or where the platform cannot meet this clause a skipped test whose name says why. */
export function clause(target: ContractTarget, limit: keyof NonNullable<ContractTarget['limits']>): jest.It {
  const reason = target.limits?.[limit]
  return reason ? (((name: string, fn?: jest.ProvidesCallback) => test.skip(`${name} — not applicable: ${reason}`, fn)) as jest.It) : test
}

/** A fresh database per test, seeded with the demo community unless `seed: false`. */
export function useTarget(target: ContractTarget, opts: { seed?: boolean } = {}): () => OpenTarget {
  let current: OpenTarget | null = null
  beforeEach(async () => {
    current = await target.open(CONTRACT_NOW)
    if (opts.seed !== false) await current.seed(demoFoundation(CONTRACT_NOW))
  })
  afterEach(async () => {
    await current?.close()
    current = null
  })
  return () => {
    if (!current) throw new Error('target not open')
    return current
  }
}

/**
 * One port's contract, or, where the platform's adapter for that port is not
 * built yet, one skipped test that says so by name (never a silent pass).
 */
export function describePort(target: ContractTarget, port: keyof Ports, body: () => void): void {
  const reason = target.pending?.[port]
  if (reason) test.skip(`${target.name}: ${port} — not run: ${reason}`, () => undefined)
  else describe(`${target.name}: ${port}`, body)
}
