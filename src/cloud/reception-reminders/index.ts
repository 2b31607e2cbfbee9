// Sends tomorrow's reception-day reminders now (the host also runs this on a
// timer). Safe to repeat: each day's reminder goes out once.
import { receptionRemindersInput, type RemindersOutput } from '../../contracts/captains'
import { sendReceptionReminders } from '../kit/captains'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'reception-reminders',
  input: receptionRemindersInput,
  access: { kind: 'community', roles: ['committee', 'captain'] },
  run: async ({ input, ports, now }): Promise<RemindersOutput> => sendReceptionReminders(ports, now, input.communityId),
})
