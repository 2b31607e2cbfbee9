// The periodic jobs: reception-day reminders, rectification escalation,
// repair auto-confirmation and repair escalation, and the assemblies' opening
// and day-before-close reminders. The local host runs them on a timer
// (src/host/jobs.ts), CloudBase through the scheduled-jobs function's timer
// trigger. Each is idempotent and takes `now`, so running them often, after a
// restart or from two places at once is harmless. They use the ports only, so
// they run the same on every adapter.
import { runAssemblyTimers } from './assembly'
import { escalateOverdue, sendReceptionReminders } from './captains'
import type { JobsPass } from '../../contracts/jobs'
import type { Ports } from './ports'
import { autoConfirmJob, escalationJob } from './repair-use-cases'

/** One pass of the repair jobs over every community with requests pending; how many requests each changed. */
export async function runRepairJobs(ports: Ports, now = ports.now()): Promise<{ autoConfirmed: number; escalated: number }> {
  const communities = await ports.repairs.communitiesWithPending()
  const total = { autoConfirmed: 0, escalated: 0 }
  for (const id of communities) {
    total.autoConfirmed += await autoConfirmJob(ports, id, now)
    total.escalated += await escalationJob(ports, id, now)
  }
  return total
}

/** Every job once; a failing job is logged and does not stop the others. */
export async function runJobs(ports: Ports, now = ports.now()): Promise<JobsPass> {
  const jobs: Array<[string, () => Promise<unknown>]> = [
    ['reception-reminders', () => sendReceptionReminders(ports, now)],
    ['rectification-escalation', () => escalateOverdue(ports, now)],
    ['repairs', () => runRepairJobs(ports, now)],
    ['voting-timers', () => runAssemblyTimers(ports, now)],
  ]
  const pass: JobsPass = { done: [], failed: [] }
  for (const [name, job] of jobs) {
    try {
      await job()
      pass.done.push(name)
    } catch (e) {
      pass.failed.push(name)
      console.error(`[jobs:${name}]`, e)
    }
  }
  return pass
}
