// One item with its timeline. Owners of the building who did not raise it see
// it with the unit masked and the people's names masked.
import { AppError } from '../../domain/errors'
import { maskName } from '../../domain/mask'
import { ROLES } from '../../domain/roles'
import { rectItemInput, type ItemDetail } from '../../contracts/captains'
import { actorOf, requireItem, viewItem } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'rect-item',
  input: rectItemInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports }): Promise<ItemDetail> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const item = await requireItem(ports, input.communityId, input.itemId)
    const view = viewItem(item, actor)
    if (!view) throw new AppError('RECT.NOT_VISIBLE', '您看不到其他楼栋的事项')
    const names = new Map((await ports.identity.communityPeople(input.communityId)).map((p) => [p.person.id, p.person.name]))
    const steps = (await ports.captains.steps(item.id)).map((s) => {
      const name = s.actorId === 'system' ? '系统' : names.get(s.actorId) ?? '（已离开本小区）'
      return { action: s.action, at: s.at, actorName: view.masked && s.actorId !== 'system' ? maskName(name) : name, note: s.note, photos: s.photos, data: s.data }
    })
    return { item: view, steps }
  },
})
