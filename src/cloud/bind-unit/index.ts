// A WeChat user binds to a unit by building, unit, name and the last four
// phone digits on the roll. A match binds at once (audited); a miss counts
// toward 5 a day and never says which field was wrong.
import { AppError } from '../../domain/errors'
import { BIND_DAILY_FAILURE_LIMIT, claimMatches, shanghaiDay, unitKeyOf } from '../../domain/owner-verification'
import { bindUnitInput, type BindUnitOutput } from '../../contracts/roll'
import { defineFunction, requireCaller } from '../kit/handler'
import { requireCommunity } from '../kit/community-of'

export const main = defineFunction({
  name: 'bind-unit',
  input: bindUnitInput,
  // Not yet a member: anyone signed in may try, within the daily limit.
  access: { kind: 'person' },
  run: async ({ input, caller, ports, now }): Promise<BindUnitOutput> => {
    const { person } = requireCaller(caller)
    await requireCommunity(ports, input.communityId)
    const day = shanghaiDay(now)
    // An attempt is taken before the roll is read: after 5 misses even the right
    // answer is refused, and concurrent tries cannot slip past the limit.
    const used = await ports.ownership.reserveAttempt(person.id, day, BIND_DAILY_FAILURE_LIMIT)
    if (used === null) {
      throw new AppError('BIND.TOO_MANY_ATTEMPTS', `今天已核对失败 ${BIND_DAILY_FAILURE_LIMIT} 次，请明天再试；也可以上传房产证或购房合同照片，由业委会人工核验`, { limit: BIND_DAILY_FAILURE_LIMIT })
    }
    const key = unitKeyOf(input.building, input.unitNo)
    const unit = await ports.rollAdmin.unit(input.communityId, key.building, key.unitNo)
    if (!unit || !claimMatches(unit, input)) {
      const left = Math.max(0, BIND_DAILY_FAILURE_LIMIT - used)
      throw new AppError(
        'BIND.NO_MATCH',
        `填写的信息与业主名册对不上${left > 0 ? `，今天还可以再试 ${left} 次` : '，今天不能再试了'}。请对照房产证核对楼栋、房号、姓名和手机号后 4 位；确认无误的，可以上传房产证或购房合同照片申请人工核验`,
        { remaining: left },
      )
    }
    await ports.ownership.refundAttempt(person.id, day)
    const { created } = await ports.ownership.bindOwner(
      { communityId: input.communityId, personId: person.id, ownerKey: unit.ownerKey, at: now },
      { communityId: input.communityId, actorId: person.id, action: 'owner.bind', subject: `person:${person.id}`, data: { ownerKey: unit.ownerKey, building: unit.building, unitNo: unit.unitNo, rollVersion: unit.version, via: 'roll-match' } },
    )
    const units = (await ports.identity.unitsOf(person.id))
      .filter((u) => u.communityId === input.communityId && u.relation === 'owner')
      .map(({ building, unitNo, area }) => ({ building, unitNo, area }))
    return { alreadyBound: !created, units }
  },
})
