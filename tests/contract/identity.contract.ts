// Who is who: people by the OPENID the platform vouches for, their
// communities and roles, the units they own or live in.
import { DEMO_COMMUNITY_ID, demoRoll } from '../../src/seed/demo-community'
import { useTarget, type ContractTarget } from './target'

const C = DEMO_COMMUNITY_ID

export function identityContract(target: ContractTarget) {
  describe(`${target.name}: identity`, () => {
    const t = useTarget(target)
    const areaOf = (building: string, unitNo: string) => demoRoll().find((u) => u.building === building && u.unitNo === unitNo)!.area

    test('finds a person by the OPENID WeChat vouches for, and nobody for an unknown one', async () => {
      expect(await t().ports.identity.personByOpenid('dev:p-li-jianguo')).toEqual({ id: 'p-li-jianguo', openid: 'dev:p-li-jianguo', name: '李建国', phone: '13800138001' })
      expect(await t().ports.identity.personByOpenid('dev:nobody')).toBeNull()
    })

    test('a captain has both memberships, the captaincy naming her three buildings', async () => {
      const ms = await t().ports.identity.membershipsOf('p-wang-xiuying')
      expect(ms.map((m) => [m.communityName, m.role, m.buildings])).toEqual([
        ['长城二花园', 'captain', ['1栋', '2栋', '3栋']],
        ['长城二花园', 'owner', []],
      ])
      expect(await t().ports.identity.membershipsOf('p-nobody')).toEqual([])
    })

    test('the caller by OPENID is that person with exactly their memberships, in the same order; nobody for an unknown OPENID', async () => {
      const identity = t().ports.identity
      for (const id of ['p-wang-xiuying', 'p-li-jianguo', 'p-liu-yang']) {
        const person = await identity.personByOpenid(`dev:${id}`)
        expect(await identity.callerByOpenid(`dev:${id}`)).toEqual({ person, memberships: await identity.membershipsOf(id) })
      }
      expect((await identity.callerByOpenid('dev:p-wang-xiuying'))!.memberships.map((m) => m.role)).toEqual(['captain', 'owner'])
      expect(await identity.callerByOpenid('dev:nobody')).toBeNull()
      // Without any role left, still the same person, with no memberships.
      await t().ports.roles.revoke({ communityId: C, personId: 'p-sun-li', role: 'supervisor', at: 0 }, { communityId: C, actorId: null, action: 'role.revoke', subject: 'person:p-sun-li', data: {} })
      expect(await identity.callerByOpenid('dev:p-sun-li')).toEqual({ person: await identity.personByOpenid('dev:p-sun-li'), memberships: [] })
    })

    test('an owner of two flats sees both; his tenant sees the one she lives in, with its registered area', async () => {
      const owner = await t().ports.identity.unitsOf('p-zhang-wei')
      expect(owner.map((u) => [u.relation, u.building, u.unitNo])).toEqual([['owner', '1栋', '0202'], ['owner', '1栋', '0203']])
      expect(owner.map((u) => u.area)).toEqual([areaOf('1栋', '0202'), areaOf('1栋', '0203')])
      const tenant = await t().ports.identity.unitsOf('p-liu-yang')
      expect(tenant).toEqual([{ communityId: C, building: '1栋', unitNo: '0203', area: areaOf('1栋', '0203'), relation: 'resident' }])
    })

    test('the community lists its eight demo people once each, with every role they hold', async () => {
      const people = await t().ports.identity.communityPeople(C)
      expect(people).toHaveLength(8)
      const li = people.find((p) => p.person.id === 'p-li-jianguo')!
      expect([...li.roles].sort()).toEqual(['committee', 'owner'])
      expect(people.find((p) => p.person.id === 'p-wang-xiuying')!.buildings).toEqual(['1栋', '2栋', '3栋'])
      expect(await t().ports.identity.communityPeople('c-none')).toEqual([])
    })

    test('knows which communities exist', async () => {
      expect(await t().ports.identity.communityExists(C)).toBe(true)
      expect(await t().ports.identity.communityExists('c-none')).toBe(false)
    })
  })
}
