// The owner roll's newest version, with totals a committee can check by hand
// against its spreadsheet.
import { DEMO_COMMUNITY_ID, demoRoll } from '../../src/seed/demo-community'
import { CONTRACT_NOW, useTarget, type ContractTarget } from './target'

export function rollContract(target: ContractTarget) {
  describe(`${target.name}: roll`, () => {
    const t = useTarget(target)

    test('the latest version counts 798 units, 777 heads and the sum of every unit area', async () => {
      const roll = demoRoll()
      const latest = await t().ports.roll.latest(DEMO_COMMUNITY_ID)
      expect(latest).toMatchObject({ version: 1, createdAt: CONTRACT_NOW, units: 798, heads: 777 })
      expect(latest!.area).toBe(roll.reduce((sum, u) => sum + u.area, 0))
      expect(latest!.buildings.map((b) => b.units)).toEqual([80, 80, 80, 80, 80, 80, 80, 80, 79, 79])
      expect(latest!.buildings.reduce((sum, b) => sum + b.area, 0)).toBe(latest!.area)
    })

    test('a community without an import has no roll', async () => {
      expect(await t().ports.roll.latest('c-none')).toBeNull()
    })
  })
}
