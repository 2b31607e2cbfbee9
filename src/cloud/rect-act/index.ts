// One step on an item: assign (committee or the building's captain), progress
// and complete (the assignee), confirm or reopen (the raiser's household).
// The step, the item and the audit entry are written together or not at all.
import { applyCommand, ASSIGNEE_LABELS } from '../../domain/captains/rectification'
import { rectActInput, type ItemView } from '../../contracts/captains'
import { actorOf, checkPhotoIds, ITEM_PAGE, requireItem, viewItem } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'rect-act',
  input: rectActInput,
  access: { kind: 'community', roles: ['owner', 'resident', 'captain', 'committee', 'property'] },
  run: async ({ input, caller, ports, now }): Promise<ItemView> => {
    const actor = await actorOf(requireCaller(caller), ports)
    const item = await requireItem(ports, input.communityId, input.itemId)
    const { item: next, step } = applyCommand(item, input.command, actor, now)
    await checkPhotoIds(ports, input.communityId, step.photos)
    await ports.captains.saveStep(next, item.version, step, {
      communityId: input.communityId, actorId: actor.personId, action: `rect.${step.action}`, subject: `rect:${item.id}`,
      data: { from: item.status, to: next.status, ...step.data, ...(step.note ? { note: step.note } : {}), ...(step.photos.length ? { photos: step.photos.length } : {}) },
    })
    // Tell the next person in line.
    const people = await ports.identity.communityPeople(input.communityId)
    const notice = (recipientIds: string[], title: string) => ports.notifications.send({
      communityId: input.communityId, recipientIds, kind: `rect.${step.action}`, title, body: `${item.building}：${item.description.slice(0, 40)}`, page: ITEM_PAGE(item.id), at: now,
    })
    if (step.action === 'assign' && next.assignee) await notice(people.filter((p) => p.roles.includes(next.assignee!)).map((p) => p.person.id), `新的整改任务（${ASSIGNEE_LABELS[next.assignee]}）`)
    if (step.action === 'complete') await notice([item.raisedBy], '您反映的问题已整改完成，请确认')
    if (step.action === 'reopen' && next.assignee) await notice(people.filter((p) => p.roles.includes(next.assignee!)).map((p) => p.person.id), '整改事项被重新打开')
    return viewItem(next, actor)!
  },
})
