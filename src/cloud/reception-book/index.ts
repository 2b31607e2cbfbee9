// An owner or resident books a slot on a reception day of their building.
// One slot per person per day, one person per slot: the database's keys decide.
import { livesInBuilding } from '../../domain/captains/actor'
import { checkBooking, slotStart } from '../../domain/captains/reception'
import { AppError } from '../../domain/errors'
import { receptionBookInput, type BookingOutput } from '../../contracts/captains'
import { actorOf, requireDay } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'reception-book',
  input: receptionBookInput,
  access: { kind: 'community', roles: ['owner', 'resident'] },
  run: async ({ input, caller, ports, now }): Promise<BookingOutput> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const day = await requireDay(ports, input.communityId, input.dayId)
    if (!livesInBuilding(actor, day.building)) throw new AppError('RECEPTION.NOT_YOUR_BUILDING', `您不住在${day.building}，不能预约这栋楼的接待日`)
    checkBooking(day, input.slot, now)
    const unit = actor.units.find((u) => u.building === day.building)!
    await ports.captains.book(
      { dayId: day.id, slot: input.slot, personId: actor.personId, building: unit.building, unitNo: unit.unitNo, note: input.note.trim(), bookedAt: now },
      { communityId: input.communityId, actorId: actor.personId, action: 'reception.book', subject: `reception:${day.id}`, data: { slot: input.slot } },
    )
    return { dayId: day.id, slot: input.slot, startsAt: slotStart(day, input.slot) }
  },
})
