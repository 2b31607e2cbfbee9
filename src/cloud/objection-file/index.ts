// 询异: during the objection window an owner disputes their own recorded
// ballot, found by its tracking code. Audited.
import { AppError } from '../../domain/errors'
import { objectionFileInput, type ObjectionFileOutput } from '../../contracts/voting'
import { loadAssembly, newId } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { requirePublished } from '../kit/published'

export const main = defineFunction({
  name: 'objection-file',
  input: objectionFileInput,
  access: { kind: 'community', roles: ['owner'] },
  run: async ({ input, caller, ports, now }): Promise<ObjectionFileOutput> => {
    const me = requireCaller(caller)
    const a = await loadAssembly(ports, input.communityId, input.assemblyId)
    const [preliminary, certified] = await requirePublished(ports, a)
    if (certified || (preliminary.objectionUntil !== null && now >= preliminary.objectionUntil)) throw new AppError('VOTE.OBJECTION_CLOSED', '询异期已结束，不能再提出异议')
    const own = await ports.voting.votersOf(a.id, a.communityId, me.person.id)
    const code = input.trackingCode.toUpperCase()
    const mine = (await ports.voting.castBy(a.id, own.map((v) => v.voterKey))).find((c) => c.trackingCode === code)
    if (!mine) throw new AppError('VOTE.NOT_YOUR_BALLOT', '只能对自己名下的选票提出异议：请核对查验码')
    const objectionId = newId('obj')
    const auditSeq = await ports.voting.fileObjection(
      { id: objectionId, assemblyId: a.id, voterKey: mine.voterKey, filedBy: me.person.id, trackingCode: code, text: input.text, filedAt: now, resolution: null, reason: null, resolvedBy: null, resolvedAt: null },
      { communityId: a.communityId, actorId: me.person.id, action: 'objection.file', subject: `assembly:${a.id}`, data: { objectionId, trackingCode: code, text: input.text } },
    )
    return { objectionId, auditSeq }
  },
})
