// Periodic jobs of the local host (CloudBase runs the same functions on timer
// triggers): reception-day reminders, rectification escalation, repair
// auto-confirmation and repair escalation, and the assemblies' opening and
// closing reminders. Each is idempotent and takes the ports' `now`, so
// running them often or after a restart is harmless.
import { runAssemblyTimers } from '../cloud/kit/assembly'
import { escalateOverdue, sendReceptionReminders } from '../cloud/kit/captains'
import { autoConfirmJob, escalationJob } from '../cloud/repair-jobs'
import type { SqlitePorts } from '../cloud/kit/sqlite'

export const JOB_INTERVAL_MS = 5 * 60_000

const communityIds = (ports: SqlitePorts): string[] => ports.db.prepare('SELECT id FROM communities ORDER BY id').pluck().all() as string[]

/** One pass of the repair jobs over every community; how many requests each changed. */
export async function runRepairJobs(ports: SqlitePorts, now = ports.now()): Promise<{ autoConfirmed: number; escalated: number }> {
  const total = { autoConfirmed: 0, escalated: 0 }
  for (const id of communityIds(ports)) {
    total.autoConfirmed += await autoConfirmJob(ports, id, now)
    total.escalated += await escalationJob(ports, id, now)
  }
  return total
}

/** Opens every assembly due to open and sends the reminders due, in every community. */
export async function runVotingTimers(ports: SqlitePorts, now = ports.now()): Promise<void> {
  for (const id of communityIds(ports)) await runAssemblyTimers(ports, id, now)
}

/** Every job once; a failing job is logged and does not stop the others. */
export async function runJobs(ports: SqlitePorts, now = ports.now()): Promise<void> {
  const jobs: Array<[string, () => Promise<unknown>]> = [
    ['reception-reminders', () => sendReceptionReminders(ports, now)],
    ['rectification-escalation', () => escalateOverdue(ports, now)],
    ['repairs', () => runRepairJobs(ports, now)],
    ['voting-timers', () => runVotingTimers(ports, now)],
  ]
  for (const [name, job] of jobs) {
    try {
      await job()
    } catch (e) {
      console.error(`[jobs:${name}]`, e)
    }
  }
}

/** Runs the jobs now and every interval; returns a function that stops them. */
export function startJobs(ports: SqlitePorts, every = JOB_INTERVAL_MS): () => void {
  void runJobs(ports)
  const timer = setInterval(() => void runJobs(ports), every)
  timer.unref()
  return () => clearInterval(timer)
}
