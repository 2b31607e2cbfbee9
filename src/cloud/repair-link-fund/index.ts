// The committee links a repair paid from the repair fund (维修资金) to its
// withdrawal in a published quarterly report of this community, so the
// disclosure can show what the money fixed.
import { AppError } from '../../domain/errors'
import { repairLinkFundInput, type RepairChangeOutput } from '../../contracts/repairs'
import { defineFunction, requireCaller } from '../kit/handler'
import { publishedWithdrawal } from '../kit/repair-fund'
import { detailOf, loadVisible, viewerOf } from '../kit/repair-use-cases'

export const main = defineFunction({
  name: 'repair-link-fund',
  input: repairLinkFundInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<RepairChangeOutput> => {
    const me = requireCaller(caller)
    const viewer = await viewerOf(ports, me, input.communityId)
    const r = await loadVisible(ports, viewer, input.communityId, input.id)
    const w = await publishedWithdrawal(ports, input.communityId, input.withdrawalId)
    if (!w) throw new AppError('REPAIR.NO_SUCH_WITHDRAWAL', '本小区已公布的季度报告中没有这笔维修资金支出，请从列表中选择', { withdrawalId: input.withdrawalId })
    const next = { ...r, fundWithdrawalId: w.ref, version: r.version + 1 }
    // The label and amount as linked stay in the timeline and the audit log, should a later correction change the report.
    const linked = { withdrawalId: w.ref, label: w.label, amount: w.amount }
    await ports.repairs.linkFund(
      next,
      w.ref,
      { at: now, actorId: me.person.id, kind: 'fund_link', status: r.status, data: linked },
      { communityId: input.communityId, actorId: me.person.id, action: 'repair.fund_link', subject: `repair:${r.id}`, data: { no: r.no, ...linked } },
    )
    return detailOf(ports, next, viewer, now)
  },
})
