// The owner revokes their proxy, which is possible from the notice until
// voting closes and only while no ballot of theirs has been cast (by anyone).
// Audited.
import { AppError } from '../../domain/errors'
import { checkProxyWindow } from '../../domain/voting/assembly'
import { proxyRevokeInput, type AuditedOutput } from '../../contracts/voting'
import { loadAssembly, openIfDue } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireOwnVoter } from '../kit/voters'

export const main = defineFunction({
  name: 'proxy-revoke',
  input: proxyRevokeInput,
  access: { kind: 'community', roles: ['owner'] },
  run: async ({ input, caller, ports, now }): Promise<AuditedOutput> => {
    const me = requireCaller(caller)
    let a = await loadAssembly(ports, input.communityId, input.assemblyId)
    checkProxyWindow(a, now)
    a = await openIfDue(ports, a, now)
    const voter = await requireOwnVoter(ports, a, me, input.ownerKey, '撤销委托')
    const r = await ports.voting.revokeProxy(a.id, voter.voterKey, me.person.id, now, {
      communityId: a.communityId, actorId: me.person.id, action: 'proxy.revoke', subject: `assembly:${a.id}`, data: { voterKey: voter.voterKey },
    })
    if (r.ok) return { auditSeq: r.auditSeq }
    if (r.reason === 'voted') throw new AppError('VOTE.ALREADY_CAST', '已投票：选票已经投出，委托不能再撤销')
    throw new AppError('VOTE.NO_PROXY', '您没有委托代理人')
  },
})
