// Upcoming reception days the caller can attend: those of the buildings they
// live in or captain (the committee and supervisors see every building).
import { holds } from '../../domain/captains/actor'
import { AppError } from '../../domain/errors'
import { ROLES } from '../../domain/roles'
import { receptionUpcomingInput, type ReceptionDayView } from '../../contracts/captains'
import { actorOf, viewDay } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'reception-upcoming',
  input: receptionUpcomingInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<ReceptionDayView[]> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const everyBuilding = holds(actor, 'committee', 'supervisor')
    const mine = [...new Set([...actor.captainOf, ...actor.units.map((u) => u.building)])]
    if (input.building && !everyBuilding && !mine.includes(input.building)) throw new AppError('CAPTAIN.NOT_MY_BUILDING', `您不住在${input.building}，看不到这栋楼的接待日`)
    const buildings = input.building ? [input.building] : everyBuilding ? null : mine
    const days = await ports.captains.upcoming(input.communityId, buildings, now, input.limit)
    const bookings = await ports.captains.bookings(days.map((d) => d.id))
    return days.map((d) => viewDay(d, bookings, actor.personId, actor.captainOf.includes(d.building)))
  },
})
