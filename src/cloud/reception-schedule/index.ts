// A captain plans a one-off or weekly reception day for a building they serve.
import { planDays } from '../../domain/captains/reception'
import { receptionScheduleInput, type ScheduleOutput } from '../../contracts/captains'
import { actorOf, newId, viewDay } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'reception-schedule',
  input: receptionScheduleInput,
  access: { kind: 'community', roles: ['captain'] },
  run: async ({ input, caller, ports, now }): Promise<ScheduleOutput> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const series = newId('rs')
    const { communityId, ...plan } = input
    const days = planDays(plan, { series, day: (i) => `${series}-${i + 1}` }, communityId, actor, now)
    await ports.captains.insertDays(days, {
      communityId, actorId: actor.personId, action: 'reception.schedule', subject: `reception:${series}`,
      data: { building: plan.building, startsAt: days.map((d) => d.startsAt), minutes: plan.durationMinutes, place: days[0].place },
    }, now)
    return { days: days.map((d) => viewDay(d, [], actor.personId, true)) }
  },
})
