// The property staff's queue: every open request, soonest deadline first,
// a page at a time (keyset paging on the deadline and the number).
import { repairQueueInput, type RepairQueueOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { namesOf, summarize, viewerOf } from '../kit/repair-use-cases'

export const main = defineFunction({
  name: 'repair-queue',
  input: repairQueueInput,
  access: { kind: 'community', roles: ['property', 'committee', 'supervisor'] },
  run: async ({ input, caller, ports, now }): Promise<RepairQueueOutput> => {
    const viewer = await viewerOf(ports, requireCaller(caller), input.communityId)
    // One more than asked tells whether another page exists.
    const rows = await ports.repairs.queue(input.communityId, input.after, input.limit + 1)
    const page = rows.slice(0, input.limit)
    const names = await namesOf(ports, input.communityId)
    const items = page.map((r) => summarize(r, viewer, names, now))
    const last = items[items.length - 1]
    return { items, next: rows.length > input.limit && last?.due ? { dueAt: last.due.dueAt, no: last.no } : null }
  },
})
