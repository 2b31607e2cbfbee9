// A captain logs an item for a unit of their building (at or outside a
// reception day), or an owner/resident raises one for their own unit.
import { raiseItem } from '../../domain/captains/rectification'
import { AppError } from '../../domain/errors'
import { rectRaiseInput, type ItemView } from '../../contracts/captains'
import { actorOf, checkPhotoIds, newId, requireDay, viewItem } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'rect-raise',
  input: rectRaiseInput,
  access: { kind: 'community', roles: ['owner', 'resident', 'captain'] },
  run: async ({ input, caller, ports, now }): Promise<ItemView> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const { item, step } = raiseItem({ ...input, id: newId('ri') }, actor, now)
    if (!(await ports.captains.unitExists(input.communityId, input.building, input.unitNo))) throw new AppError('RECT.NO_SUCH_UNIT', `名册上没有${input.building} ${input.unitNo}`, { field: 'unitNo' })
    if (input.receptionDayId) {
      const day = await requireDay(ports, input.communityId, input.receptionDayId)
      if (day.building !== input.building) throw new AppError('RECT.WRONG_DAY', '这个接待日不是这栋楼的', { field: 'receptionDayId' })
    }
    await checkPhotoIds(ports, input.communityId, item.photos)
    await ports.captains.insertItem(item, step, {
      communityId: input.communityId, actorId: actor.personId, action: 'rect.raise', subject: `rect:${item.id}`,
      data: { building: item.building, unitNo: item.unitNo, category: item.category, via: item.raisedVia, photos: item.photos.length },
    })
    return viewItem(item, actor)!
  },
})
