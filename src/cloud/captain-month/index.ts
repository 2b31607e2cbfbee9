// The month's figures per building for the captains' meeting (月会). Figures
// are aggregates with no names or units, so every member may read them.
import { monthFigures } from '../../domain/captains/numbers'
import { monthRange } from '../../domain/captains/time'
import { AppError } from '../../domain/errors'
import { ROLES } from '../../domain/roles'
import { captainMonthInput, type MonthOutput } from '../../contracts/captains'
import { defineFunction, requireCaller } from '../kit/handler'

export const main = defineFunction({
  name: 'captain-month',
  input: captainMonthInput,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<MonthOutput> => {
    const c = requireCaller(caller)
    const range = monthRange(input.month)
    if (!range) throw new AppError('INVALID_INPUT', 'month：月份格式应为 2026-11', { field: 'month' })
    const facts = await ports.captains.monthFacts(input.communityId, range.start, range.end)
    const { buildings, total } = monthFigures(facts, range, now)
    const communityName = c.memberships.find((m) => m.communityId === input.communityId)?.communityName ?? ''
    return { month: input.month, communityName, buildings, total, generatedAt: now }
  },
})
