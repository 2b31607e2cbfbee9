// The committee records the fee model of the property contract; it decides
// which sections every later report must contain. Audited.
import { FEE_MODEL_LABELS } from '../../domain/disclosure/report'
import { disclosureSettingsSetInput, type DisclosureSettings } from '../../contracts/disclosure'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'disclosure-settings-set',
  input: disclosureSettingsSetInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<DisclosureSettings> => {
    const actor = requireCaller(caller)
    const auditSeq = await ports.disclosure.setFeeModel(
      { communityId: input.communityId, feeModel: input.feeModel, by: actor.person.id, at: now },
      { communityId: input.communityId, actorId: actor.person.id, action: 'disclosure.fee-model', subject: `community:${input.communityId}`, data: { feeModel: input.feeModel, label: FEE_MODEL_LABELS[input.feeModel] } },
    )
    return { feeModel: input.feeModel, auditSeq }
  },
})
