// The export package recounted by the independent command, `npm run tally --
// DIR`, compared with a published count: per motion (and per candidate of an
// election) participation, agree, oppose, quorum and decision; and the audit
// chain in the package verifies.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { formatHundredths } from '../../src/domain/measure'
import type { AssemblyCount } from '../../src/domain/voting/result'

const ROOT = resolve(__dirname, '../..')
export function expectSameRecount(files: Record<string, string | Uint8Array>, count: AssemblyCount) {
  const dir = mkdtempSync(join(tmpdir(), 'gj-export-'))
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'src/cli/tally.ts', dir], { cwd: ROOT, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const recount = JSON.parse(r.stdout) as { motions: Array<{ motion_id: string; participating: { area: string; heads: number }; agree: { area: string; heads: number }; oppose: { area: string; heads: number }; quorum_met: boolean; passed: boolean }> }
    const expected = count.motions.flatMap((m) => {
      const tallies = m.kind === 'motion' ? [{ id: m.motionId, t: m.result.asCast }] : m.election.candidates.map((c) => ({ id: `${m.motionId}:${c.candidate}`, t: c.tally }))
      return tallies.map(({ id, t }) => ({
        motion_id: id,
        participating: { area: formatHundredths(t.participating.area), heads: t.participating.heads },
        agree: { area: formatHundredths(t.agree.area), heads: t.agree.heads },
        oppose: { area: formatHundredths(t.oppose.area), heads: t.oppose.heads },
        quorum_met: t.quorumMet,
        passed: t.passed,
      }))
    })
    expect(recount.motions.map(({ motion_id, participating, agree, oppose, quorum_met, passed }) => ({ motion_id, participating, agree, oppose, quorum_met, passed }))).toEqual(expected)
    const audit = JSON.parse(Buffer.from(files['audit.json']).toString('utf8')) as { verdict: { valid: boolean } }
    expect(audit.verdict.valid).toBe(true)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
