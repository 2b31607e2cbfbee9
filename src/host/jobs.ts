// Periodic jobs of the local host (CloudBase runs the same functions on timer
// triggers): reception-day reminders, rectification escalation, repair
// auto-confirmation and repair escalation, and the assemblies' opening and
// day-before-close reminders. Each is idempotent and takes the ports' `now`,
// so running them often or after a restart is harmless. They use the ports
// only, so they run the same on SQLite and on PostgreSQL.
import { isAppError } from '../domain/errors'
import { runAssemblyTimers } from '../cloud/kit/assembly'
import { escalateOverdue, sendReceptionReminders } from '../cloud/kit/captains'
import type { Ports } from '../cloud/kit/ports'
import { autoConfirmJob, escalationJob } from '../cloud/repair-jobs'

export const JOB_INTERVAL_MS = 5 * 60_000

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
export async function runJobs(ports: Ports, now = ports.now()): Promise<void> {
  const jobs: Array<[string, () => Promise<unknown>]> = [
    ['reception-reminders', () => sendReceptionReminders(ports, now)],
    ['rectification-escalation', () => escalateOverdue(ports, now)],
    ['repairs', () => runRepairJobs(ports, now)],
    ['voting-timers', () => runAssemblyTimers(ports, now)],
  ]
  for (const [name, job] of jobs) {
    try {
      await job()
    } catch (e) {
      // A capability whose adapter this platform does not have yet has nothing to run here.
      if (isAppError(e) && e.code === 'SYSTEM.NOT_AVAILABLE') continue
      console.error(`[jobs:${name}]`, e)
    }
  }
}

/** Runs the jobs now and every interval; returns a function that stops them. */
export function startJobs(ports: Ports, every = JOB_INTERVAL_MS): () => void {
  void runJobs(ports)
  const timer = setInterval(() => void runJobs(ports), every)
  timer.unref()
  return () => clearInterval(timer)
}
