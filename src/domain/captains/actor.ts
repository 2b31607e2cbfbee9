// Who is acting, as the captains' rules need to know it: roles in the
// community, the buildings they captain, and the units they own or live in.
import type { Role } from '../roles'

export interface UnitRef {
  building: string
  unitNo: string
}

export interface Actor {
  personId: string
  roles: readonly Role[]
  /** Buildings this person is captain of (empty for everyone else). */
  captainOf: readonly string[]
  units: readonly UnitRef[]
}

/** The system itself (escalation and reminder jobs). */
export const SYSTEM_ACTOR: Actor = { personId: 'system', roles: [], captainOf: [], units: [] }

export const holds = (a: Actor, ...roles: Role[]): boolean => roles.some((r) => a.roles.includes(r))
export const captains = (a: Actor, building: string): boolean => a.roles.includes('captain') && a.captainOf.includes(building)
export const livesIn = (a: Actor, u: UnitRef): boolean => a.units.some((x) => x.building === u.building && x.unitNo === u.unitNo)
export const livesInBuilding = (a: Actor, building: string): boolean => a.units.some((x) => x.building === building)
export const unitLabel = (u: UnitRef): string => `${u.building} ${u.unitNo}`
