// Who is calling, as the handler needs it: the person behind an OPENID and
// all their memberships. Stores that can answer both in one look-up do (on
// PostgreSQL one round trip fewer for every call); the others compose the two.
import type { IdentityPort } from './ports'

/** An identity port whose callerByOpenid is personByOpenid then membershipsOf. */
export function withCallerInTwoSteps(port: Omit<IdentityPort, 'callerByOpenid'>): IdentityPort {
  return {
    ...port,
    async callerByOpenid(openid) {
      const person = await port.personByOpenid(openid)
      return person ? { person, memberships: await port.membershipsOf(person.id) } : null
    },
  }
}
