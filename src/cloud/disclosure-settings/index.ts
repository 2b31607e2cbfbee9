// Any member reads the community's fee model (包干制/酬金制/综合制).
import { ROLES } from '../../domain/roles'
import { disclosureSettingsInput, type DisclosureSettings } from '../../contracts/disclosure'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'disclosure-settings',
  input: disclosureSettingsInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, ports }): Promise<DisclosureSettings> => ({ feeModel: await ports.disclosure.feeModel(input.communityId) }),
})
