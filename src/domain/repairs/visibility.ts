// Who may see a repair request. Common-area requests are public to every
// member of the community (the reporter's name masked); a request in a unit
// only to its reporter, that unit's owners, property staff, the committee
// and supervisors.
import { maskName } from '../mask'
import type { Role } from '../roles'
import type { RepairLocation } from './request'

export interface Viewer {
  personId: string
  roles: readonly Role[]
  /** Units the viewer owns in this community. */
  ownedUnits: ReadonlyArray<{ building: string; unitNo: string }>
}

const OVERSEERS: readonly Role[] = ['property', 'committee', 'supervisor']

export const isOverseer = (v: Pick<Viewer, 'roles'>) => v.roles.some((r) => OVERSEERS.includes(r))

export function maySee(v: Viewer, r: { reporterId: string; location: RepairLocation }): boolean {
  if (r.reporterId === v.personId || isOverseer(v)) return true
  if (r.location.kind === 'common') return v.roles.length > 0
  const { building, unitNo } = r.location
  return v.ownedUnits.some((u) => u.building === building && u.unitNo === unitNo)
}

/** The reporter's name as this viewer may read it. */
export function reporterNameFor(v: Viewer, r: { reporterId: string; location: RepairLocation }, name: string): string {
  if (r.reporterId === v.personId || isOverseer(v)) return name
  if (r.location.kind === 'unit' && v.ownedUnits.some((u) => r.location.kind === 'unit' && u.building === r.location.building && u.unitNo === r.location.unitNo)) return name
  return maskName(name)
}

export const locationLabel = (l: RepairLocation): string => (l.kind === 'unit' ? `${l.building} ${l.unitNo}` : l.area)
