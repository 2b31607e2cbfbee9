// A captain moves one reception day of their building to a new time, with a
// reason; bookings keep their slots and the households are told.
import { moveDay } from '../../domain/captains/reception'
import { receptionMoveInput, type ReceptionDayView } from '../../contracts/captains'
import { actorOf, DAYS_PAGE, requireDay, viewDay } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'reception-move',
  input: receptionMoveInput,
  access: { kind: 'community', roles: ['captain'] },
  run: async ({ input, caller, ports, now }): Promise<ReceptionDayView> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const day = await requireDay(ports, input.communityId, input.dayId)
    const next = moveDay(day, actor, input.startsAt, input.reason, now)
    await ports.captains.saveDay(next, day.version, { communityId: input.communityId, actorId: actor.personId, action: 'reception.move', subject: `reception:${day.id}`, data: { reason: next.changeReason, from: day.startsAt, to: next.startsAt } }, now)
    await ports.notifications.send({
      communityId: input.communityId, recipientIds: await ports.captains.householdsOf(input.communityId, day.building), kind: 'reception.moved',
      title: `${day.building}楼长接待日改期`, body: `原因：${next.changeReason}`, page: DAYS_PAGE, dedupeKey: `reception-moved:${day.id}:${next.startsAt}`, at: now,
    })
    return viewDay(next, await ports.captains.bookings([day.id]), actor.personId, true)
  },
})
