// The periodic jobs on CloudBase: a timer trigger (cloudbase.json, every five
// minutes, UTC+8) calls this function, which runs one pass of the same jobs
// the local host runs on its own timer (src/cloud/kit/jobs.ts). A person can
// never run it: a mini-program's call carries an OPENID, a timer's does not.
import { scheduledJobsInput, type JobsPass } from '../../contracts/jobs'
import { defineFunction } from '../kit/handler'
import { runJobs } from '../kit/jobs'

export const main = defineFunction({
  name: 'scheduled-jobs',
  input: scheduledJobsInput,
  access: { kind: 'platform' },
  run: ({ ports, now }): Promise<JobsPass> => runJobs(ports, now),
})
