// On the local host the repair jobs (7-day auto-confirmation, escalation of
// missed deadlines) run on a timer for every community, as a CloudBase timer
// trigger runs them in the cloud. Each run takes the ports' `now`.
import { autoConfirmJob, escalationJob } from '../cloud/repair-jobs'
import type { SqlitePorts } from '../cloud/kit/sqlite'

export const REPAIR_JOBS_EVERY_MS = 5 * 60_000

/** One pass over every community; returns how many requests each job changed. */
export async function runRepairJobs(ports: SqlitePorts): Promise<{ autoConfirmed: number; escalated: number }> {
  const communities = ports.db.prepare('SELECT id FROM communities ORDER BY id').pluck().all() as string[]
  const total = { autoConfirmed: 0, escalated: 0 }
  for (const id of communities) {
    total.autoConfirmed += await autoConfirmJob(ports, id, ports.now())
    total.escalated += await escalationJob(ports, id, ports.now())
  }
  return total
}

/** Starts the timer (first pass at once); the returned function stops it. */
export function scheduleRepairJobs(ports: SqlitePorts, every = REPAIR_JOBS_EVERY_MS): () => void {
  const pass = () => runRepairJobs(ports).catch((e) => console.error('[repair-jobs]', e))
  void pass()
  const timer = setInterval(pass, every)
  timer.unref()
  return () => clearInterval(timer)
}
