// The board of items, newest first, a page at a time (keyset paging):
//   mine      my household's items (any member)
//   building  one building's items (its captain; its owners see units masked)
//   assigned  the open tasks of my organisation (property or committee)
//   all       the whole community (committee, property, supervisors)
import { holds } from '../../domain/captains/actor'
import { AppError } from '../../domain/errors'
import { ROLES } from '../../domain/roles'
import { rectBoardInput, type BoardOutput } from '../../contracts/captains'
import type { BoardQuery } from '../kit/captains-port'
import { actorOf, viewItem } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'rect-board',
  input: rectBoardInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<BoardOutput> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const q: Omit<BoardQuery, 'cursor' | 'limit'> = { communityId: input.communityId, buildings: input.building ? [input.building] : null }
    switch (input.scope) {
      case 'mine':
        q.household = { personId: actor.personId, units: [...actor.units] }
        break
      case 'building':
        if (!input.building) throw new AppError('INVALID_INPUT', 'building：请选择楼栋', { field: 'building' })
        if (!holds(actor, 'committee', 'property', 'supervisor') && !actor.captainOf.includes(input.building) && !actor.units.some((u) => u.building === input.building)) {
          throw new AppError('CAPTAIN.NOT_MY_BUILDING', `您不住在${input.building}，也不是这栋楼的楼长`)
        }
        break
      case 'assigned':
        if (holds(actor, 'property')) q.assignee = 'property'
        else if (holds(actor, 'committee')) q.assignee = 'committee'
        else throw new AppError('FORBIDDEN', '只有物业和业委会有整改任务')
        break
      case 'all':
        if (!holds(actor, 'committee', 'property', 'supervisor')) throw new AppError('FORBIDDEN', '只有业委会、物业和监督可以查看全部事项')
        break
    }
    if (input.overdueOnly) q.overdueAt = now
    const statuses = input.status ? [input.status] : input.scope === 'assigned' ? ['assigned', 'in_progress', 'reopened'] as const : undefined
    const [pageOf, counts] = await Promise.all([
      ports.captains.board({ ...q, statuses: statuses ? [...statuses] : undefined, cursor: input.cursor, limit: input.limit }),
      ports.captains.counts(q),
    ])
    return { items: pageOf.items.map((it) => viewItem(it, actor)).filter((v) => v !== null), nextCursor: pageOf.nextCursor, counts }
  },
})
