// The two scheduled jobs, each taking `now`: requests completed 7 days ago
// without an answer confirm themselves; requests past a deadline escalate to
// the committee (once per missed deadline). A timer trigger runs them on
// CloudBase; property staff or the committee may also run them by hand.
import { applyRepair, AUTO_CONFIRM_AFTER } from '../../domain/repairs/request'
import { isAppError } from '../../domain/errors'
import { repairJobsInput, type RepairJobsOutput } from '../../contracts/repairs'
import { defineFunction } from '../kit/handler'
import type { Ports } from '../kit/ports'
import { runCommand } from '../kit/repair-use-cases'

/** Runs a job's command; false when someone changed the request meanwhile (another host's run, the reporter). */
async function unlessChanged(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write()
    return true
  } catch (e) {
    // Several hosts over one PostgreSQL database run these jobs at once: the first write wins, the rest skip.
    if (isAppError(e) && e.code === 'CONFLICT') return false
    throw e
  }
}

export async function autoConfirmJob(ports: Ports, communityId: string, now: number): Promise<number> {
  let n = 0
  for (const r of await ports.repairs.completedBefore(communityId, now - AUTO_CONFIRM_AFTER)) {
    if (await unlessChanged(() => runCommand(ports, r, { kind: 'auto_confirm' }, null, now))) n++
  }
  return n
}

export async function escalationJob(ports: Ports, communityId: string, now: number): Promise<number> {
  let n = 0
  for (const r of await ports.repairs.overdue(communityId, now)) {
    // Already escalated for this deadline: the domain says so; skip without writing.
    try {
      applyRepair(r, { kind: 'escalate' }, now)
    } catch (e) {
      if (isAppError(e)) continue
      throw e
    }
    if (await unlessChanged(() => runCommand(ports, r, { kind: 'escalate' }, null, now))) n++
  }
  return n
}

export const main = defineFunction({
  name: 'repair-jobs',
  input: repairJobsInput,
  access: { kind: 'community', roles: ['property', 'committee'] },
  run: async ({ input, ports, now }): Promise<RepairJobsOutput> => ({
    autoConfirmed: await autoConfirmJob(ports, input.communityId, now),
    escalated: await escalationJob(ports, input.communityId, now),
  }),
})
