// A captain cancels one reception day of their building, with a reason; the
// households of the building are told.
import { cancelDay } from '../../domain/captains/reception'
import { receptionCancelInput, type ReceptionDayView } from '../../contracts/captains'
import { actorOf, DAYS_PAGE, requireDay, viewDay } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'reception-cancel',
  input: receptionCancelInput,
  access: { kind: 'community', roles: ['captain'] },
  run: async ({ input, caller, ports, now }): Promise<ReceptionDayView> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const day = await requireDay(ports, input.communityId, input.dayId)
    const next = cancelDay(day, actor, input.reason, now)
    await ports.captains.saveDay(next, day.version, { communityId: input.communityId, actorId: actor.personId, action: 'reception.cancel', subject: `reception:${day.id}`, data: { reason: next.changeReason, startsAt: day.startsAt } }, now)
    await ports.notifications.send({
      communityId: input.communityId, recipientIds: await ports.captains.householdsOf(input.communityId, day.building), kind: 'reception.cancelled',
      title: `${day.building}楼长接待日取消`, body: `原因：${next.changeReason}`, page: DAYS_PAGE, dedupeKey: `reception-cancelled:${day.id}`, at: now,
    })
    return viewDay(next, await ports.captains.bookings([day.id]), actor.personId, true)
  },
})
