// Claim (领单) by any member, dispatch (派单) or withdraw by the committee,
// done by the one who took it. Audited; the public list shows who and when.
import { applyClaim } from '../../domain/captains/claims'
import { AppError } from '../../domain/errors'
import { ROLES } from '../../domain/roles'
import { claimActInput, type ClaimView } from '../../contracts/captains'
import { actorOf, viewClaim } from '../kit/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'claim-act',
  input: claimActInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<ClaimView> => {
    const c = requireCaller(caller)
    const actor = await actorOf(c, ports)
    const task = await ports.captains.claim(input.taskId)
    if (!task || task.communityId !== input.communityId) throw new AppError('CLAIM.NOT_FOUND', '找不到这个需求')
    const people = await ports.identity.communityPeople(input.communityId)
    const members = new Set(people.map((p) => p.person.id))
    const next = applyClaim(task, input.command, actor, now, (id) => members.has(id))
    await ports.captains.saveClaim(next, task.version, {
      communityId: input.communityId, actorId: actor.personId, action: `claim.${input.command.kind}`, subject: `claim:${task.id}`,
      data: { from: task.status, to: next.status, taker: next.takerId, ...(next.doneNote && input.command.kind === 'done' ? { note: next.doneNote } : {}) },
    }, now)
    if (input.command.kind === 'dispatch') {
      await ports.notifications.send({ communityId: input.communityId, recipientIds: [input.command.to], kind: 'claim.dispatched', title: '业委会给您派了一项任务', body: next.title, page: '/packages/captain/pages/claims/index', at: now })
    }
    return viewClaim(next, new Map(people.map((p) => [p.person.id, p.person.name])), c.person.id, c.community!.roles.some((r) => r === 'committee' || r === 'supervisor'))
  },
})
