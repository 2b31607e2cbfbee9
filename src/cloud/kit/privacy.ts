// What a caller may see of other people: the committee and supervisors see
// full names and phones; owners, residents, captains and property staff see
// other people masked (张*明, 138****1234), and themselves in full.
import { maskName, maskPhone } from '../../domain/mask'
import type { Caller } from './handler'

export const seesFullData = (caller: Caller): boolean =>
  !!caller.community && (caller.community.roles.includes('committee') || caller.community.roles.includes('supervisor'))

/** A name as this caller may see it. */
export function nameFor(caller: Caller, personId: string | null, name: string): string {
  return personId === caller.person.id || seesFullData(caller) ? name : maskName(name)
}

/** A phone as this caller may see it. */
export function phoneFor(caller: Caller, personId: string | null, phone: string | null): string | null {
  if (phone === null) return null
  return personId === caller.person.id || seesFullData(caller) ? phone : maskPhone(phone)
}
