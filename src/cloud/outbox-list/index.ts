// What the notification port would send (on the local host nothing is sent):
// the committee and supervisors can see every reminder and when it is due.
import { outboxInput, type OutboxView } from '../../contracts/voting'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'outbox-list',
  input: outboxInput,
  access: { kind: 'community', roles: ['committee', 'supervisor'] },
  run: async ({ input, ports, now }): Promise<OutboxView[]> => {
    const rows = await ports.notifications.outbox(input.communityId, 200)
    return rows.map((m) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, audience: m.audience, dueAt: m.dueAt, due: m.dueAt <= now }))
  },
})
