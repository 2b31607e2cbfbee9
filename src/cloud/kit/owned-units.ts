// The units the caller owns in a community (by their bindings on the newest roll).
import { AppError } from '../../domain/errors'
import { unitKeyOf } from '../../domain/owner-verification'
import type { Caller } from './handler'
import type { Ports, UnitLink } from './ports'

export async function ownedUnits(ports: Ports, caller: Caller, communityId: string): Promise<UnitLink[]> {
  return (await ports.identity.unitsOf(caller.person.id)).filter((u) => u.communityId === communityId && u.relation === 'owner')
}

/** The caller's own unit with this building and number, or a refusal. */
export async function requireOwnedUnit(ports: Ports, caller: Caller, communityId: string, building: string, unitNo: string): Promise<UnitLink> {
  const key = unitKeyOf(building, unitNo)
  const unit = (await ownedUnits(ports, caller, communityId)).find((u) => u.building === key.building && u.unitNo === key.unitNo)
  if (!unit) throw new AppError('RESIDENT.NOT_YOUR_UNIT', `${key.building} ${key.unitNo} 不是您名下的房屋`, { field: 'unitNo' })
  return unit
}
