// An owner or resident reports a repair in their own unit or a common area,
// with up to 9 photos they uploaded. Audited; property staff are notified.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../domain/errors'
import { commitmentFor } from '../../domain/repairs/commitments'
import { reportRepair } from '../../domain/repairs/request'
import { repairReportInput, type RepairChangeOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { REPAIR_PAGE, checkPhotos, detailOf, viewerOf } from '../kit/repair-use-cases'

export const main = defineFunction({
  name: 'repair-report',
  input: repairReportInput,
  access: { kind: 'community', roles: ['owner', 'resident'] },
  run: async ({ input, caller, ports, now }): Promise<RepairChangeOutput> => {
    const me = requireCaller(caller)
    const { communityId, location } = input
    const settings = await ports.repairs.settings(communityId)
    if (location.kind === 'unit') {
      const units = await ports.identity.unitsOf(me.person.id)
      if (!units.some((u) => u.communityId === communityId && u.building === location.building && u.unitNo === location.unitNo)) {
        throw new AppError('REPAIR.NOT_YOUR_UNIT', '只能为自己的房屋报修；公共区域请选择「公共区域」')
      }
    } else if (!settings.commonAreas.includes(location.area)) {
      throw new AppError('REPAIR.UNKNOWN_AREA', '请从列表中选择公共区域')
    }
    const draft = reportRepair(
      { id: `r_${randomUUID().replace(/-/g, '').slice(0, 20)}`, communityId, reporterId: me.person.id, location, category: input.category, urgency: input.urgency, description: input.description, photos: input.photos, preferredTime: input.preferredTime?.trim() || null },
      commitmentFor(settings.commitments, input.category, input.urgency),
      now,
    )
    await checkPhotos(ports, communityId, me.person.id, draft.photos)
    const request = await ports.repairs.create(
      draft,
      { at: now, actorId: me.person.id, kind: 'report', status: draft.status, data: { photos: draft.photos.length } },
      (no) => ({ communityId, actorId: me.person.id, action: 'repair.report', subject: `repair:${draft.id}`, data: { no, category: draft.category, urgency: draft.urgency, location: draft.location, photos: draft.photos.length } }),
    )
    const staff = (await ports.identity.communityPeople(communityId)).filter((p) => p.roles.includes('property')).map((p) => p.person.id)
    if (staff.length) {
      await ports.notifications.send({ communityId, recipientIds: staff, kind: 'repair.report', title: `新报修 #${request.no}${request.urgency === 'urgent' ? '（紧急）' : ''}`, body: request.description.slice(0, 60), page: `${REPAIR_PAGE}?id=${request.id}`, dedupeKey: `repair:${request.id}:1`, at: now })
    }
    return detailOf(ports, request, await viewerOf(ports, me, communityId), now)
  },
})
