// Who is who: people by the OPENID the platform vouches for, their
// communities and roles, the units they own or live in.
import { createHash } from 'node:crypto'
import { DEMO_COMMUNITY_ID, demoRoll } from '../../src/seed/demo-community'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import { CONTRACT_NOW, useTarget, type ContractTarget } from './target'

const C = DEMO_COMMUNITY_ID
/** p-wx- and the first 20 hex digits of the OPENID's SHA-256, worked out here rather than by the code under test. */
const wxId = (openid: string) => `p-wx-${createHash('sha256').update(openid, 'utf8').digest('hex').slice(0, 20)}`
const founding = (communityId: string, committeeId: string): AuditDraft => ({ communityId, actorId: null, action: 'community.found', subject: `person:${committeeId}`, data: { role: 'committee' } })

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

    test('a newcomer registers once, under the id derived from the OPENID; again, it answers the same person unchanged', async () => {
      const identity = t().ports.identity
      const openid = 'wx-openid-newcomer-1'
      expect(await identity.callerByOpenid(openid)).toBeNull()
      const person = await identity.register(openid, '老周', CONTRACT_NOW)
      expect(person).toEqual({ id: wxId(openid), openid, name: '老周', phone: null })
      expect(person.id).toMatch(/^p-wx-[0-9a-f]{20}$/)
      expect(await identity.register(openid, '周师傅', CONTRACT_NOW + 1000)).toEqual(person)
      expect(await identity.callerByOpenid(openid)).toEqual({ person, memberships: [] })
      // A person written before registration (the demo's) keeps their own id and name.
      expect(await identity.register('dev:p-chen-jing', '别人', CONTRACT_NOW)).toEqual(await identity.personByOpenid('dev:p-chen-jing'))
    })

    test('twenty registrations of one OPENID at once make one person, and every call answers that person', async () => {
      const identity = t().ports.identity
      const openid = 'wx-openid-double-tap'
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => identity.register(openid, `称呼${i}`, CONTRACT_NOW)))
      const ids = new Set(answers.map((p) => p.id))
      expect([...ids]).toEqual([wxId(openid)])
      const stored = await identity.personByOpenid(openid)
      expect(answers.every((p) => p.name === stored!.name)).toBe(true)
      // Another OPENID is another person.
      expect((await identity.register('wx-openid-other', '小吴', CONTRACT_NOW)).id).toBe(wxId('wx-openid-other'))
    })

    test('founding a community names its first committee member, audited as entry 1 of its own chain', async () => {
      const identity = t().ports.identity
      const founder = await identity.register('wx-openid-founder', '周主任', CONTRACT_NOW)
      expect(await identity.foundCommunity({ communityId: 'c-huajing', name: '华景园', committeeId: founder.id, at: CONTRACT_NOW }, founding('c-huajing', founder.id))).toEqual({ ok: true, auditSeq: 1 })
      expect(await identity.communityExists('c-huajing')).toBe(true)
      expect(await identity.membershipsOf(founder.id)).toEqual([{ communityId: 'c-huajing', communityName: '华景园', personId: founder.id, role: 'committee', buildings: [] }])
      expect(await identity.communityPeople('c-huajing')).toEqual([{ person: founder, roles: ['committee'], buildings: [] }])
      const chain = await t().ports.audit.all('c-huajing')
      expect(chain).toHaveLength(1)
      expect(chain[0]).toMatchObject({ seq: 1, at: CONTRACT_NOW, actorId: null, action: 'community.found', subject: `person:${founder.id}` })
      // The demo community's chain is untouched.
      expect((await t().ports.audit.all(C)).some((e) => e.action === 'community.found')).toBe(false)
    })

    test('founding refuses a taken id or an unknown person, and writes nothing', async () => {
      const identity = t().ports.identity
      const founder = await identity.register('wx-openid-founder', '周主任', CONTRACT_NOW)
      const demoChain = await t().ports.audit.all(C)
      expect(await identity.foundCommunity({ communityId: C, name: '另一个', committeeId: founder.id, at: CONTRACT_NOW }, founding(C, founder.id))).toEqual({ ok: false, why: 'exists' })
      expect(await identity.membershipsOf(founder.id)).toEqual([])
      expect((await identity.membershipsOf('p-li-jianguo'))[0].communityName).toBe('长城二花园')
      expect(await t().ports.audit.all(C)).toEqual(demoChain)

      expect(await identity.foundCommunity({ communityId: 'c-new', name: '新小区', committeeId: 'p-nobody', at: CONTRACT_NOW }, founding('c-new', 'p-nobody'))).toEqual({ ok: false, why: 'no-person' })
      expect(await identity.communityExists('c-new')).toBe(false)
      expect(await t().ports.audit.all('c-new')).toEqual([])
    })

    test('two foundings of one id at once: exactly one founds it, the other is told it exists', async () => {
      const identity = t().ports.identity
      const a = await identity.register('wx-openid-a', '甲', CONTRACT_NOW)
      const b = await identity.register('wx-openid-b', '乙', CONTRACT_NOW)
      const answers = await Promise.all([a, b].map((p) => identity.foundCommunity({ communityId: 'c-race', name: '赛跑园', committeeId: p.id, at: CONTRACT_NOW }, founding('c-race', p.id))))
      expect(answers.filter((r) => r.ok)).toEqual([{ ok: true, auditSeq: 1 }])
      expect(answers.filter((r) => !r.ok)).toEqual([{ ok: false, why: 'exists' }])
      expect((await identity.communityPeople('c-race')).map((m) => m.roles)).toEqual([['committee']])
      expect(await t().ports.audit.all('c-race')).toHaveLength(1)
    })
  })
}
