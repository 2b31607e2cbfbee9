// Periodic jobs of the local host (CloudBase runs the same functions on a
// timer trigger): reception-day reminders and deadline escalation. Both are
// idempotent, so running them often or after a restart is harmless.
import { escalateOverdue, sendReceptionReminders } from '../cloud/kit/captains'
import type { Ports } from '../cloud/kit/ports'

export const JOB_INTERVAL_MS = 10 * 60_000

export async function runJobs(ports: Ports, now = ports.now()): Promise<void> {
  try {
    await sendReceptionReminders(ports, now)
    await escalateOverdue(ports, now)
  } catch (e) {
    console.error('[jobs]', e)
  }
}

/** Runs the jobs now and every interval; returns a function that stops them. */
export function startJobs(ports: Ports, every = JOB_INTERVAL_MS): () => void {
  void runJobs(ports)
  const timer = setInterval(() => void runJobs(ports), every)
  timer.unref()
  return () => clearInterval(timer)
}
