// The committee's verification queue (supervisors may read it): pending
// first, with the applicant's full details and the roll's names for the unit.
import { verificationListInput, type VerificationQueueItem } from '../../contracts/roll'
import { defineFunction } from '../kit/handler'
import { toVerificationView } from '../kit/verification-view'

export const main = defineFunction({
  name: 'verification-list',
  input: verificationListInput,
  access: { kind: 'community', roles: ['committee', 'supervisor'] },
  run: async ({ input, ports }): Promise<VerificationQueueItem[]> => {
    const requests = await ports.ownership.requests(input.communityId, 200)
    return Promise.all(requests.map(async (r) => ({
      ...toVerificationView(r),
      personId: r.personId,
      personName: r.personName,
      personPhone: r.personPhone,
      claimedName: r.claimedName,
      fileId: r.fileId,
      note: r.note,
      rollOwnerNames: (await ports.rollAdmin.unit(input.communityId, r.building, r.unitNo))?.ownerNames ?? null,
    })))
  },
})
