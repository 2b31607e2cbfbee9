// The operator founds a community and names its first committee member, who
// can then import the roll and appoint everyone else. Never from the
// mini-program: on CloudBase it is run from the console's 云端测试 (a call
// with no OPENID), on the host from `npm run community:found`. Audited.
import { AppError } from '../../domain/errors'
import { communityFoundInput, type CommunityFoundOutput } from '../../contracts/identity'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'community-found',
  input: communityFoundInput,
  access: { kind: 'platform' },
  run: async ({ input, ports, now }): Promise<CommunityFoundOutput> => {
    const founded = await ports.identity.foundCommunity(
      { communityId: input.communityId, name: input.name, committeeId: input.committeeId, at: now },
      { communityId: input.communityId, actorId: null, action: 'community.found', subject: `person:${input.committeeId}`, data: { name: input.name, role: 'committee' } },
    )
    if (!founded.ok && founded.why === 'no-person') {
      throw new AppError('COMMUNITY.NO_PERSON', `找不到人员 ${input.committeeId}：请他先在小程序中填写称呼完成注册，再从「我的」页面抄下人员编号`, { field: 'committeeId' })
    }
    if (!founded.ok) throw new AppError('COMMUNITY.EXISTS', `小区编号 ${input.communityId} 已被使用，请换一个编号`, { field: 'communityId' })
    return { communityId: input.communityId, name: input.name, committeeId: input.committeeId, auditSeq: founded.auditSeq }
  },
})
