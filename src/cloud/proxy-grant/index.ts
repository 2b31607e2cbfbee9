// An owner names a proxy (a person bound in this community as owner or
// resident) for the whole assembly or chosen motions, with a photo of the
// signed 委托书 they uploaded. Possible from the notice until voting closes.
// The cap per proxy is the community's setting; the write re-checks it, so two
// owners naming the same person at once cannot exceed it. Audited.
import { AppError } from '../../domain/errors'
import { checkProxyWindow, votingSettings } from '../../domain/voting/assembly'
import { proxyGrantInput, type ProxyGrantOutput } from '../../contracts/voting'
import { loadAssembly, newId, openIfDue } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireOwnPhotos } from '../kit/photos'
import { requireOwnVoter } from '../kit/voters'

export const main = defineFunction({
  name: 'proxy-grant',
  input: proxyGrantInput,
  access: { kind: 'community', roles: ['owner'] },
  run: async ({ input, caller, ports, now }): Promise<ProxyGrantOutput> => {
    const me = requireCaller(caller)
    let a = await loadAssembly(ports, input.communityId, input.assemblyId)
    checkProxyWindow(a, now)
    a = await openIfDue(ports, a, now)
    const voter = await requireOwnVoter(ports, a, me, input.ownerKey, '委托代理人')
    if (input.proxyPersonId === me.person.id) throw new AppError('VOTE.PROXY_SELF', '不能委托自己')
    const members = await ports.identity.communityPeople(input.communityId)
    const proxy = members.find((m) => m.person.id === input.proxyPersonId && (m.roles.includes('owner') || m.roles.includes('resident')))
    if (!proxy) throw new AppError('VOTE.PROXY_NOT_MEMBER', '代理人须是已在本小区绑定房屋的用户（业主或住户）')
    const motionIds = input.motionIds ? [...new Set(input.motionIds)] : null
    const unknown = motionIds?.find((id) => !a.motions.some((m) => m.id === id))
    if (unknown) throw new AppError('VOTE.WRONG_ASSEMBLY', `议案 ${unknown} 不属于本次业主大会`, { motionId: unknown })
    await requireOwnPhotos(ports, 'VOTE', input.communityId, me.person.id, [input.letterPhoto])
    const settings = votingSettings(await ports.voting.communitySettings(input.communityId))
    const proxyId = newId('px')
    const r = await ports.voting.grantProxy(
      { id: proxyId, assemblyId: a.id, voterKey: voter.voterKey, proxyPersonId: input.proxyPersonId, motions: motionIds, letterPhoto: input.letterPhoto, grantedBy: me.person.id, grantedAt: now, revokedAt: null },
      settings.proxyCap,
      { communityId: a.communityId, actorId: me.person.id, action: 'proxy.grant', subject: `assembly:${a.id}`, data: { proxyId, voterKey: voter.voterKey, proxyPersonId: input.proxyPersonId, motions: motionIds, letterPhoto: input.letterPhoto } },
    )
    if (r.ok) return { proxyId, auditSeq: r.auditSeq }
    if (r.reason === 'cap') {
      throw new AppError('VOTE.PROXY_CAP', `${proxy.person.name} 在本次大会已代理 ${settings.proxyCap} 位业主，达到本小区规定的上限（每人最多代理 ${settings.proxyCap} 位），请另选代理人`, { cap: settings.proxyCap })
    }
    if (r.reason === 'exists') throw new AppError('VOTE.PROXY_EXISTS', '您已委托了代理人；如需更换，请先撤销原委托')
    throw new AppError('VOTE.ALREADY_CAST', '已投票：您已经投过票，不能再委托代理人')
  },
})
