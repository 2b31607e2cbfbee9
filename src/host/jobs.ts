// The local host's timer for the periodic jobs (src/cloud/kit/jobs.ts); on
// CloudBase the scheduled-jobs function's timer trigger runs the same pass.
import { runJobs } from '../cloud/kit/jobs'
import type { Ports } from '../cloud/kit/ports'

export const JOB_INTERVAL_MS = 5 * 60_000

/** Runs the jobs now and every interval; returns a function that stops them. */
export function startJobs(ports: Ports, every = JOB_INTERVAL_MS): () => void {
  void runJobs(ports)
  const timer = setInterval(() => void runJobs(ports), every)
  timer.unref()
  return () => clearInterval(timer)
}
