// Reliability: the bundled host killed with SIGKILL in the middle of a ballot
// surge. After a restart on the same data folder every ballot the host had
// acknowledged is there with its tracking code, nothing half-written exists,
// and the audit chain verifies.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { verifyChain, type AuditEntry } from '../../src/domain/audit-chain'
import { sha256 } from '../../src/cloud/kit/sha256'
import { setUpBigAssembly } from '../support/big-assembly'

jest.setTimeout(120_000)
const ROOT = resolve(__dirname, '../..')
const OWNERS = 1500
const KILL_AFTER = 300
const running = new Set<ChildProcess>()
let dataDir: string
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-host.mjs', '--quiet'], { cwd: ROOT, stdio: 'pipe' })
  dataDir = mkdtempSync(join(tmpdir(), 'gj-crash-'))
}, 60_000)
afterAll(() => {
  for (const p of running) p.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

async function start(): Promise<{ proc: ChildProcess; url: string }> {
  const { HOST_MODE: _m, PORT: _p, DATA_DIR: _d, ...env } = process.env
  const proc = spawn(process.execPath, ['dist/host/main.js'], {
    cwd: ROOT, env: { ...env, PORT: '0', DATA_DIR: dataDir, HOST_MODE: 'production', STATIC_DIR: join(dataDir, 'no-static') }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(proc)
  proc.on('exit', () => running.delete(proc))
  let out = ''
  const url = await new Promise<string>((done, fail) => {
    proc.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
      if (m) done(m[1])
    })
    proc.once('exit', (code) => fail(new Error(`host exited (${code}): ${out}`)))
  })
  return { proc, url }
}

const castAs = (url: string, cookie: string, body: unknown) =>
  fetch(`${url}api/fn/ballot-cast`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) })
    .then((r) => r.json() as Promise<{ ok: boolean; code?: string; data?: { trackingCode: string; castAt: number } }>)

test('SIGKILL mid-surge: every acknowledged ballot survives the restart and the chain verifies', async () => {
  const setup = setUpBigAssembly(dataDir, OWNERS, 5)
  const body = (i: number) => ({ communityId: setup.communityId, assemblyId: setup.assemblyId, votes: setup.motionIds.map((motionId, k) => ({ motionId, choice: ['agree', 'oppose', 'abstain'][(i + k) % 3] })) })
  const first = await start()
  const firstExit = once(first.proc, 'exit')
  const acknowledged = new Map<number, string>()
  let next = 0
  let killed = false
  await Promise.all(Array.from({ length: 64 }, async () => {
    for (let i = next++; i < OWNERS && !killed; i = next++) {
      try {
        const r = await castAs(first.url, setup.cookies[i], body(i))
        if (r.ok && r.data) acknowledged.set(i, r.data.trackingCode)
      } catch {
        // Connections cut by the kill: not acknowledged, so not promised.
      }
      if (!killed && acknowledged.size >= KILL_AFTER) {
        killed = true
        first.proc.kill('SIGKILL')
      }
    }
  }))
  const [, signal] = await firstExit
  expect(signal).toBe('SIGKILL')
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER)
  expect(acknowledged.size).toBeLessThan(OWNERS)

  const second = await start()
  try {
    const db = new Database(join(dataDir, 'gongjian.db'), { readonly: true })
    const stored = new Map((db.prepare('SELECT voter_key, tracking_code, COUNT(*) AS n FROM ballots WHERE assembly_id = ? GROUP BY voter_key').all(setup.assemblyId) as Array<{ voter_key: string; tracking_code: string; n: number }>).map((r) => [r.voter_key, r]))
    for (const [i, code] of acknowledged) expect(stored.get(`B${i}`)).toEqual({ voter_key: `B${i}`, tracking_code: code, n: 5 })
    // Nothing half-written: every stored ballot has all five motions and one audit entry.
    for (const r of stored.values()) expect(r.n).toBe(5)
    const chain = (db.prepare('SELECT * FROM audit_log WHERE community_id = ? ORDER BY seq').all(setup.communityId) as Array<Record<string, unknown>>).map((r): AuditEntry => ({
      communityId: r.community_id as string, seq: r.seq as number, at: r.at as number, actorId: r.actor_id as string | null, action: r.action as string,
      subject: r.subject as string, data: JSON.parse(r.data as string), prevHash: r.prev_hash as string, hash: r.hash as string,
    }))
    db.close()
    expect(verifyChain(sha256, chain).valid).toBe(true)
    expect(chain.filter((e) => e.action === 'ballot.cast')).toHaveLength(stored.size)

    // The restarted host keeps serving: an acknowledged owner is told 已投票, a new one can vote.
    const [i] = acknowledged.keys()
    expect(await castAs(second.url, setup.cookies[i], body(i))).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST' })
    const fresh = [...Array(OWNERS).keys()].find((k) => !stored.has(`B${k}`))!
    expect(await castAs(second.url, setup.cookies[fresh], body(fresh))).toMatchObject({ ok: true })
  } finally {
    const exited = once(second.proc, 'exit')
    second.proc.kill('SIGINT')
    await exited
  }
})
