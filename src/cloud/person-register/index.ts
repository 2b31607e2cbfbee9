// A newcomer's first step: the platform has identified them (OPENID on
// WeChat, the session on the host) and they give the name to be called by.
// Their person is written once; calling again answers the person already there.
import { personRegisterInput, type PersonRegisterOutput } from '../../contracts/identity'
import { defineFunction, requirePrincipal } from '../kit/handler'

export const main = defineFunction({
  name: 'person-register',
  input: personRegisterInput,
  access: { kind: 'principal' },
  run: async ({ input, principal, ports, now }): Promise<PersonRegisterOutput> => {
    const person = await ports.identity.register(requirePrincipal(principal).openid, input.name, now)
    return { person: { id: person.id, name: person.name } }
  },
})
