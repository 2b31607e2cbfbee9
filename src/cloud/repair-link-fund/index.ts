// The committee links a repair paid from the repair fund (维修资金) to its
// withdrawal in the accounts, so the disclosure can show what the money fixed.
import { repairLinkFundInput, type RepairChangeOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { detailOf, loadVisible, viewerOf } from '../kit/repair-use-cases'

export const main = defineFunction({
  name: 'repair-link-fund',
  input: repairLinkFundInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<RepairChangeOutput> => {
    const me = requireCaller(caller)
    const viewer = await viewerOf(ports, me, input.communityId)
    const r = await loadVisible(ports, viewer, input.communityId, input.id)
    const next = { ...r, fundWithdrawalId: input.withdrawalId, version: r.version + 1 }
    await ports.repairs.linkFund(
      next,
      input.withdrawalId,
      { at: now, actorId: me.person.id, kind: 'fund_link', status: r.status, data: { withdrawalId: input.withdrawalId } },
      { communityId: input.communityId, actorId: me.person.id, action: 'repair.fund_link', subject: `repair:${r.id}`, data: { no: r.no, withdrawalId: input.withdrawalId } },
    )
    return detailOf(ports, next, viewer, now)
  },
})
