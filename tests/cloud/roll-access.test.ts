// Who may do what with the roll, verification and roles; and what owners,
// residents and captains receive of other people (masked only).
import { formatHundredths } from '../../src/domain/measure'
import { DEMO_PEOPLE, demoRoll } from '../../src/seed/demo-community'
import { createHarness, expectOk, type Harness } from '../support/harness'
import { C, PNG, csvOf, uploadAs, utf8 } from '../support/roll'

let h: Harness
beforeEach(() => { h = createHarness() })
afterEach(() => h.close())

const ROLL = csvOf(['楼栋,房号,面积,面积依据,业主编号,业主姓名,手机号,开发商未售', '1栋,0101,89.36,登记,A1,张三明,13912345678,否'])
const COMMITTEE = ['p-li-jianguo', 'p-huang-meiling']
const everyone = DEMO_PEOPLE.map((p) => p.id)

test('role matrix: only the committee may import, decide verifications and appoint; every refusal writes nothing', async () => {
  const fileId = await uploadAs(h, 'p-li-jianguo', 'r.csv', utf8(ROLL))
  const proof = await uploadAs(h, 'p-zhou-min', 'p.png', PNG, 'document')
  const request = expectOk(await h.call('verification-submit', { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', fileId: proof }, 'p-zhou-min'))
  const writes = {
    'roll-preview': { communityId: C, fileId },
    'roll-commit': { communityId: C, fileId },
    'verification-decide': { communityId: C, requestId: request.id, decision: 'reject', reason: '测试驳回' },
    'role-grant': { communityId: C, personId: 'p-chen-jing', role: 'captain', buildings: ['4栋'] },
  } as const
  const before = h.snapshot()
  for (const person of everyone.filter((p) => !COMMITTEE.includes(p))) {
    for (const [fn, input] of Object.entries(writes)) {
      const r = await h.call(fn as keyof typeof writes, input, person)
      expect([person, fn, r.ok ? 'ok' : r.code]).toEqual([person, fn, 'FORBIDDEN'])
    }
  }
  expect(h.snapshot()).toBe(before)
  // Each committee member may.
  expect(expectOk(await h.call('roll-preview', writes['roll-preview'], 'p-huang-meiling')).committable).toBe(true)
  expect(expectOk(await h.call('roll-commit', writes['roll-commit'], 'p-li-jianguo')).created).toBe(true)
  expect(expectOk(await h.call('verification-decide', writes['verification-decide'], 'p-huang-meiling')).status).toBe('rejected')
  expect(expectOk(await h.call('role-grant', writes['role-grant'], 'p-li-jianguo')).role).toBe('captain')
})

test('reading: members see roll versions; the committee and supervisors see the verification queue and the template', async () => {
  const reads: Record<string, string[]> = {
    'roll-versions': everyone.filter((p) => p !== 'p-zhou-min'),
    'verification-list': [...COMMITTEE, 'p-sun-li'],
    'roll-template': [...COMMITTEE, 'p-sun-li'],
    'community-people': [...COMMITTEE, 'p-sun-li'],
  }
  for (const [fn, allowed] of Object.entries(reads)) {
    for (const person of everyone) {
      const r = await h.call(fn as 'roll-versions', { communityId: C }, person)
      expect([fn, person, r.ok ? 'ok' : r.code]).toEqual([fn, person, allowed.includes(person) ? 'ok' : 'FORBIDDEN'])
    }
  }
})

test('an owner, a resident and a captain never receive another person\'s full name or phone', async () => {
  // Data that names other people: a committee import (the demo roll with one phone changed), residents on 张伟's units, proof requests.
  const BASIS = { registered: '登记', surveyed: '实测', contract: '合同' }
  const demo = demoRoll().map((u) => [u.building, u.unitNo, formatHundredths(u.area), BASIS[u.basis], u.ownerKey, u.ownerNames, u.phones.replace('13800138005', '13900000005'), u.developerUnsold ? '是' : '否'].join(','))
  const fileId = await uploadAs(h, 'p-li-jianguo', 'r.csv', utf8(csvOf(['楼栋,房号,面积,面积依据,业主编号,业主姓名,手机号,开发商未售', ...demo])))
  expect(expectOk(await h.call('roll-commit', { communityId: C, fileId }, 'p-li-jianguo'))).toMatchObject({ created: true, version: 2 })
  const code = expectOk(await h.call('resident-invite', { communityId: C, building: '1栋', unitNo: '0202' }, 'p-zhang-wei')).code
  expectOk(await h.call('resident-redeem', { code }, 'p-sun-li'))
  const proof = await uploadAs(h, 'p-zhang-wei', 'p.png', PNG, 'document')
  expectOk(await h.call('verification-submit', { communityId: C, building: '4栋', unitNo: '0301', name: '张伟', fileId: proof }, 'p-zhang-wei'))

  const people = h.ports.db.prepare('SELECT id, name, phone FROM people').all() as Array<{ id: string; name: string; phone: string }>
  const rollNames = (h.ports.db.prepare('SELECT DISTINCT owner_names FROM roll_units').pluck().all() as string[]).flatMap((n) => n.split('、'))
  const rollPhones = (h.ports.db.prepare("SELECT DISTINCT phones FROM roll_units WHERE phones <> ''").pluck().all() as string[]).flatMap((n) => n.split('、'))

  for (const viewer of ['p-zhang-wei', 'p-liu-yang', 'p-wang-xiuying']) {
    const self = people.find((p) => p.id === viewer)!
    const responses: Array<[string, unknown]> = []
    const read = async (fn: string, input: unknown) => responses.push([fn, await h.callRaw(fn, input, `dev:${viewer}`)])
    await read('me', {})
    await read('community-overview', { communityId: C })
    await read('roll-versions', { communityId: C })
    await read('resident-list', { communityId: C })
    await read('verification-mine', { communityId: C })
    await read('community-search', { name: '长城' })
    await read('bind-unit', { communityId: C, building: '1栋', unitNo: '0202', name: '张伟', phoneLast4: '8004' })
    await read('resident-invite', { communityId: C, building: '1栋', unitNo: '0202' })
    const json = JSON.stringify(responses)
    for (const name of new Set([...people.map((p) => p.name), ...rollNames])) {
      // A roll name inside the viewer's own (王秀 in 王秀英) is not someone else's name showing.
      if (self.name.includes(name) || name.length < 2) continue
      expect([viewer, json.includes(name) ? name : null]).toEqual([viewer, null])
    }
    for (const phone of new Set([...people.map((p) => p.phone), ...rollPhones])) {
      if (phone === self.phone) continue
      expect([viewer, json.includes(phone) ? phone : null]).toEqual([viewer, null])
    }
    // …while the masked forms do arrive where the owner needs them.
    if (viewer === 'p-zhang-wei') expect(json).toContain('孙*')
    expect(json).toContain('李*国')
  }

  // The committee and supervisors see the same records in full.
  expect(expectOk(await h.call('roll-versions', { communityId: C }, 'p-sun-li'))[0].createdByName).toBe('李建国')
  expect(expectOk(await h.call('verification-list', { communityId: C }, 'p-li-jianguo'))[0]).toMatchObject({ personName: '张伟', personPhone: '13800138004' })
})
