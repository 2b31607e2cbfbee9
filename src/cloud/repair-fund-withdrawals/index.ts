// The committee's list of repair-fund withdrawals in the community's published
// quarterly reports, to link a repair to the one that paid for it.
import { repairFundWithdrawalsInput, type FundWithdrawalView } from '../../contracts/repairs'
import { defineFunction } from '../kit/handler'
import { fundWithdrawals } from '../kit/repair-fund'

export const main = defineFunction({
  name: 'repair-fund-withdrawals',
  input: repairFundWithdrawalsInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, ports }): Promise<FundWithdrawalView[]> => fundWithdrawals(ports, input.communityId),
})
