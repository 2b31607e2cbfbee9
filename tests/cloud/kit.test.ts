// The handler wrapper as every function sees it: who the caller is, what they
// may do, what a refusal looks like, and that a refusal writes nothing.
import { createHarness, expectOk, type Harness } from '../support/harness'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'

let h: Harness
beforeEach(() => { h = createHarness() })
afterEach(() => h.close())

const C = DEMO_COMMUNITY_ID

test('ping answers anyone, signed in or not', async () => {
  expect(await h.call('ping', {}, null)).toEqual({ ok: true, data: { pong: true, at: expect.any(Number) } })
})

test('me returns the caller decided by the platform, with roles and units', async () => {
  const me = expectOk(await h.call('me', {}, 'p-zhang-wei'))
  expect(me.person).toEqual({ id: 'p-zhang-wei', name: '张伟' })
  expect(me.memberships).toEqual([{ communityId: C, communityName: '长城二花园', roles: ['owner'], buildings: [] }])
  expect(me.units.map((u) => `${u.building}${u.unitNo}`)).toEqual(['1栋0202', '1栋0203'])
  expect(me.units.every((u) => u.relation === 'owner')).toBe(true)
})

test('a resident sees the unit they live in, as a resident', async () => {
  const me = expectOk(await h.call('me', {}, 'p-liu-yang'))
  expect(me.units).toEqual([expect.objectContaining({ building: '1栋', unitNo: '0203', relation: 'resident' })])
})

test('identity in the payload is ignored: an unknown field is refused and nobody is impersonated', async () => {
  const r = await h.call('me', { openid: 'dev:p-li-jianguo' }, 'p-zhang-wei')
  expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(r.ok ? '' : r.message).toContain('openid')
})

test('no session is UNAUTHENTICATED; an identified caller with no person yet is NOT_REGISTERED (register, not sign in)', async () => {
  expect(await h.call('me', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' })
  expect(await h.callRaw('me', {}, 'unknown-openid')).toEqual({ ok: false, code: 'NOT_REGISTERED', message: '请先填写称呼完成注册' })
})

test('roles the function does not allow are FORBIDDEN, and nothing is written', async () => {
  const before = h.snapshot()
  for (const who of ['p-zhang-wei', 'p-liu-yang', 'p-zhao-lei', 'p-sun-li', 'p-wang-xiuying']) {
    const r = await h.call('role-grant', { communityId: C, personId: 'p-chen-jing', role: 'captain', buildings: ['4栋'] }, who)
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
  expect(h.snapshot()).toBe(before)
})

test('schema failures name the field and write nothing', async () => {
  const before = h.snapshot()
  const r = await h.call('role-grant', { communityId: C, personId: 'p-chen-jing', role: 'king' }, 'p-li-jianguo')
  expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(r.ok ? '' : r.message).toMatch(/^role：/)
  const r2 = await h.call('audit-log', { communityId: C, afterSeq: 1.5 }, 'p-sun-li')
  expect(r2).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'afterSeq' } })
  expect(h.snapshot()).toBe(before)
})

test('the committee appoints and revokes a captain; both land in a chain that verifies', async () => {
  const granted = expectOk(await h.call('role-grant', { communityId: C, personId: 'p-chen-jing', role: 'captain', buildings: ['5栋', '4栋', '4栋'] }, 'p-li-jianguo'))
  expect(granted.buildings).toEqual(['4栋', '5栋'])
  const me = expectOk(await h.call('me', {}, 'p-chen-jing'))
  expect(me.memberships[0].roles.sort()).toEqual(['captain', 'owner'])
  const revoked = expectOk(await h.call('role-revoke', { communityId: C, personId: 'p-chen-jing', role: 'captain' }, 'p-li-jianguo'))
  expect(revoked.auditSeq).toBe(granted.auditSeq + 1)

  const log = expectOk(await h.call('audit-log', { communityId: C, afterSeq: granted.auditSeq - 1, limit: 10 }, 'p-sun-li'))
  expect(log.entries.map((e) => [e.action, e.actorName, e.subject])).toEqual([
    ['role.grant', '李建国', 'person:p-chen-jing'],
    ['role.revoke', '李建国', 'person:p-chen-jing'],
  ])
  expect(log.verdict).toMatchObject({ valid: true, length: revoked.auditSeq })
})

test('revoking a role the person does not hold is refused and writes nothing', async () => {
  const before = h.snapshot()
  expect(await h.call('role-revoke', { communityId: C, personId: 'p-chen-jing', role: 'supervisor' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'ROLE.NOT_HELD' })
  expect(h.snapshot()).toBe(before)
})

test('a captain must be given buildings; a stranger cannot be appointed', async () => {
  expect(await h.call('role-grant', { communityId: C, personId: 'p-chen-jing', role: 'captain' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'ROLE.BUILDINGS_REQUIRED' })
  expect(await h.call('role-grant', { communityId: C, personId: 'p-nobody', role: 'property' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'ROLE.NOT_A_MEMBER' })
})

test('tampering with a stored audit entry is detected by verification', async () => {
  h.ports.db.exec('DROP TRIGGER audit_log_no_update')
  h.ports.db.prepare("UPDATE audit_log SET data = '{\"role\":\"committee\"}' WHERE community_id = ? AND seq = 3").run(C)
  const log = expectOk(await h.call('audit-log', { communityId: C }, 'p-sun-li'))
  expect(log.verdict).toMatchObject({ valid: false, brokenAtSeq: 3 })
})

test('the audit log refuses updates and deletes at the database', () => {
  expect(() => h.ports.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  expect(() => h.ports.db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/)
})

test('an unexpected failure answers INTERNAL without leaking SQL', async () => {
  h.ports.db.exec('DROP TABLE resident_links')
  const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
  const r = await h.call('me', {}, 'p-zhang-wei')
  spy.mockRestore()
  expect(r).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时出错，请稍后重试' })
})
