// Escalates overdue items now (the host also runs this on a timer): to the
// committee at the deadline, to the supervisors a week later.
import { rectEscalateInput, type EscalateOutput } from '../../contracts/captains'
import { escalateOverdue } from '../kit/captains'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'rect-escalate',
  input: rectEscalateInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, ports, now }): Promise<EscalateOutput> => escalateOverdue(ports, now, input.communityId),
})
