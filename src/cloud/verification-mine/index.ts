// The caller's own verification requests in a community, with the committee's reason.
import { verificationMineInput, type VerificationView } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { toVerificationView } from '../kit/verification-view'

export const main = defineFunction({
  name: 'verification-mine',
  input: verificationMineInput,
  access: { kind: 'person' },
  run: async ({ input, caller, ports }): Promise<VerificationView[]> =>
    (await ports.ownership.requestsOf(requireCaller(caller).person.id, input.communityId)).map(toVerificationView),
})
