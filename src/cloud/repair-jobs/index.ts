// The two scheduled jobs, each taking `now`: requests completed 7 days ago
// without an answer confirm themselves; requests past a deadline escalate to
// the committee (once per missed deadline). A timer trigger runs them on
// CloudBase; property staff or the committee may also run them by hand.
import { repairJobsInput, type RepairJobsOutput } from '../../contracts/repairs'
import { defineFunction } from '../kit/handler'
import { autoConfirmJob, escalationJob } from '../kit/repair-use-cases'

export const main = defineFunction({
  name: 'repair-jobs',
  input: repairJobsInput,
  access: { kind: 'community', roles: ['property', 'committee'] },
  run: async ({ input, ports, now }): Promise<RepairJobsOutput> => ({
    autoConfirmed: await autoConfirmJob(ports, input.communityId, now),
    escalated: await escalationJob(ports, input.communityId, now),
  }),
})
