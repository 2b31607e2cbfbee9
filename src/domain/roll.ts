// Counting the owner roll by the legal rule (建筑物区分所有权解释 第八、九条):
// area adds up per unit; heads are owners, not units — one buyer with several
// units is one head, and all developer-unsold units together are one head.

export interface RollUnit {
  building: string
  unitNo: string
  area: number // hundredths of m²
  ownerKey: string
  developerUnsold: boolean
}

export interface Totals {
  area: number
  heads: number
}

/** The key a unit votes under: every developer-unsold unit shares one. */
export const DEVELOPER_HEAD = '__developer_unsold__'
export const voterKeyOf = (u: Pick<RollUnit, 'ownerKey' | 'developerUnsold'>): string => (u.developerUnsold ? DEVELOPER_HEAD : u.ownerKey)

export interface RollSummary extends Totals {
  units: number
  buildings: Array<{ building: string; units: number } & Totals>
}

export function summariseRoll(units: readonly RollUnit[]): RollSummary {
  const voters = new Set<string>()
  const byBuilding = new Map<string, { units: number; area: number; voters: Set<string> }>()
  let area = 0
  for (const u of units) {
    const key = voterKeyOf(u)
    voters.add(key)
    area += u.area
    const b = byBuilding.get(u.building) ?? { units: 0, area: 0, voters: new Set<string>() }
    b.units++
    b.area += u.area
    b.voters.add(key)
    byBuilding.set(u.building, b)
  }
  const buildings = [...byBuilding.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true }))
    .map(([building, b]) => ({ building, units: b.units, area: b.area, heads: b.voters.size }))
  return { units: units.length, area, heads: voters.size, buildings }
}
