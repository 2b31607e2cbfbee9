// Binding WeChat users to units: the roll match, the daily attempt limit by
// Shanghai day, proof approved or rejected by the committee, resident invites.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createHarness, expectOk, type Harness } from '../support/harness'
import { C, PNG, uploadAs } from '../support/roll'

let h: Harness
beforeEach(() => { h = createHarness() })
afterEach(() => h.close())

// 周敏 is on the roll for 5栋0302 with phone 13800138009, and not bound yet.
const RIGHT = { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', phoneLast4: '8009' }
const roles = (person: string) => h.ports.db.prepare('SELECT role FROM memberships WHERE community_id = ? AND person_id = ? ORDER BY role').pluck().all(C, person)

test('a match on the roll binds at once: owner bindings, owner membership, audit; binding again changes nothing', async () => {
  const r = expectOk(await h.call('bind-unit', { ...RIGHT, building: '５栋 ', unitNo: '0302' }, 'p-zhou-min'))
  expect(r).toEqual({ alreadyBound: false, units: [{ building: '5栋', unitNo: '0302', area: expect.any(Number) }] })
  expect(roles('p-zhou-min')).toEqual(['owner'])
  const audit = h.ports.db.prepare("SELECT actor_id, data FROM audit_log WHERE action = 'owner.bind'").get() as { actor_id: string; data: string }
  expect(audit.actor_id).toBe('p-zhou-min')
  expect(JSON.parse(audit.data)).toMatchObject({ ownerKey: 'O0330', building: '5栋', unitNo: '0302', via: 'roll-match' })
  const me = expectOk(await h.call('me', {}, 'p-zhou-min'))
  expect(me.units).toEqual([expect.objectContaining({ building: '5栋', unitNo: '0302', relation: 'owner' })])

  const before = h.snapshot()
  expect(expectOk(await h.call('bind-unit', RIGHT, 'p-zhou-min')).alreadyBound).toBe(true)
  expect(h.snapshot()).toBe(before)
})

test('a multi-unit owner binding one unit gets all of theirs', async () => {
  // 张伟 owns 1栋0202 and 0203 under one key; unbind him first to bind afresh.
  h.ports.db.prepare("DELETE FROM owner_bindings WHERE person_id = 'p-zhang-wei'").run()
  const r = expectOk(await h.call('bind-unit', { communityId: C, building: '1栋', unitNo: '0203', name: '张伟', phoneLast4: '8004' }, 'p-zhang-wei'))
  expect(r.units.map((u) => `${u.building}${u.unitNo}`)).toEqual(['1栋0202', '1栋0203'])
})

test('20 wrong tries at once cannot slip past the limit: 5 count as misses, 15 are refused', async () => {
  const tries = await Promise.all(Array.from({ length: 20 }, () => h.call('bind-unit', { ...RIGHT, phoneLast4: '0000' }, 'p-zhou-min')))
  const codes = tries.map((r) => (r.ok ? 'OK' : r.code))
  expect(codes.filter((c) => c === 'BIND.NO_MATCH')).toHaveLength(5)
  expect(codes.filter((c) => c === 'BIND.TOO_MANY_ATTEMPTS')).toHaveLength(15)
  expect(h.ports.db.prepare('SELECT failures FROM bind_attempts WHERE person_id = ?').pluck().get('p-zhou-min')).toBe(5)
  expect(roles('p-zhou-min')).toEqual([])
})

test('5 failures a day, then even the right answer is refused (nothing written); the next Shanghai day it works', async () => {
  // 10:00 in Shanghai on 2026-11-28.
  h.setNow(Date.UTC(2026, 10, 28, 2, 0))
  const wrong = [
    { ...RIGHT, name: '周明' }, // wrong name
    { ...RIGHT, phoneLast4: '1234' }, // wrong phone
    { ...RIGHT, unitNo: '0303' }, // someone else's unit
    { ...RIGHT, unitNo: '9999' }, // no such unit
    { ...RIGHT, building: '99栋' }, // no such building
  ]
  const messages: string[] = []
  for (const [i, attempt] of wrong.entries()) {
    const r = await h.call('bind-unit', attempt, 'p-zhou-min')
    expect(r).toMatchObject({ ok: false, code: 'BIND.NO_MATCH', details: { remaining: 4 - i } })
    if (!r.ok) messages.push(r.message.replace(/今天(还可以再试 \d 次|不能再试了)/, '…'))
  }
  // The same words whatever was wrong: the roll cannot be probed field by field.
  expect(new Set(messages).size).toBe(1)
  expect(messages[0]).not.toMatch(/姓名不|手机号不|没有这|不存在/)
  expect(h.ports.db.prepare('SELECT failures FROM bind_attempts WHERE person_id = ?').pluck().get('p-zhou-min')).toBe(5)

  // 23:59:59 the same Shanghai day: refused, even though everything is right, and nothing is written.
  h.setNow(Date.UTC(2026, 10, 28, 15, 59, 59))
  const before = h.snapshot()
  const sixth = await h.call('bind-unit', RIGHT, 'p-zhou-min')
  expect(sixth).toMatchObject({ ok: false, code: 'BIND.TOO_MANY_ATTEMPTS' })
  expect(h.snapshot()).toBe(before)
  expect(roles('p-zhou-min')).toEqual([])

  // Midnight in Shanghai (16:00 UTC): a new day, a new count.
  h.setNow(Date.UTC(2026, 10, 28, 16, 0, 0))
  expect(expectOk(await h.call('bind-unit', RIGHT, 'p-zhou-min')).alreadyBound).toBe(false)
  expect(roles('p-zhou-min')).toEqual(['owner'])
})

test('the limit is per person: another person is not blocked by 周敏\'s failures', async () => {
  for (let i = 0; i < 5; i++) await h.call('bind-unit', { ...RIGHT, phoneLast4: '0000' }, 'p-zhou-min')
  h.ports.db.prepare("DELETE FROM owner_bindings WHERE person_id = 'p-chen-jing'").run()
  expect(expectOk(await h.call('bind-unit', { communityId: C, building: '4栋', unitNo: '0302', name: '陈静', phoneLast4: '8005' }, 'p-chen-jing')).alreadyBound).toBe(false)
})

test('developer-unsold units never bind; bad input is refused by field and writes nothing', async () => {
  const before = h.snapshot()
  // 1栋2001 is one of the developer's unsold units (names 长城地产, no phone).
  expect(await h.call('bind-unit', { communityId: C, building: '1栋', unitNo: '2001', name: '长城地产（开发商未售）', phoneLast4: '0000' }, 'p-zhou-min')).toMatchObject({ code: 'BIND.NO_MATCH' })
  h.ports.db.prepare('DELETE FROM bind_attempts').run()
  expect(h.snapshot()).toBe(before)
  for (const [input, message] of [
    [{ ...RIGHT, phoneLast4: '12a4' }, 'phoneLast4：请填写名册上手机号的后 4 位数字'],
    [{ ...RIGHT, name: '  ' }, 'name：请填写姓名'],
    [{ ...RIGHT, communityId: 'c-none' }, '找不到这个小区，请重新选择'],
  ] as const) {
    const r = await h.call('bind-unit', input, 'p-zhou-min')
    expect(!r.ok && r.message).toBe(message)
  }
  expect(await h.call('bind-unit', RIGHT, null)).toMatchObject({ code: 'UNAUTHENTICATED' })
  expect(h.snapshot()).toBe(before)
})

test('proof route: upload a photo, the committee sees the full request, rejects with a reason, then approves a new one', async () => {
  // A newcomer may upload a document to a community they do not belong to yet — but nothing else.
  expect(await h.call('file-upload', { communityId: C, purpose: 'photo', name: 'a.png', bytes: PNG }, 'p-zhou-min')).toMatchObject({ code: 'FORBIDDEN' })
  const fileId = await uploadAs(h, 'p-zhou-min', '房产证.png', PNG, 'document')
  const submitted = expectOk(await h.call('verification-submit', { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', fileId, note: '手机号换过了' }, 'p-zhou-min'))
  expect(submitted).toMatchObject({ status: 'pending', building: '5栋', unitNo: '0302' })
  // The committee was told.
  expect(h.ports.db.prepare("SELECT recipient_id FROM outbox WHERE kind = 'verification.submitted' ORDER BY recipient_id").pluck().all()).toEqual(['p-huang-meiling', 'p-li-jianguo'])
  // A second open request for the same unit is refused by the key.
  let before = h.snapshot()
  expect(await h.call('verification-submit', { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', fileId }, 'p-zhou-min')).toMatchObject({ code: 'VERIFY.ALREADY_PENDING' })
  expect(h.snapshot()).toBe(before)

  const queue = expectOk(await h.call('verification-list', { communityId: C }, 'p-huang-meiling'))
  expect(queue[0]).toMatchObject({ personName: '周敏', personPhone: '13800138009', claimedName: '周敏', fileId, note: '手机号换过了', rollOwnerNames: '周敏', status: 'pending' })
  expect(expectOk(await h.call('verification-list', { communityId: C }, 'p-sun-li'))[0].personName).toBe('周敏')

  before = h.snapshot()
  expect(await h.call('verification-decide', { communityId: C, requestId: submitted.id, decision: 'reject' }, 'p-li-jianguo')).toMatchObject({ code: 'VERIFY.REASON_REQUIRED' })
  expect(h.snapshot()).toBe(before)
  expect(expectOk(await h.call('verification-decide', { communityId: C, requestId: submitted.id, decision: 'reject', reason: '照片看不清，请重拍' }, 'p-li-jianguo')).status).toBe('rejected')
  expect(await h.call('verification-decide', { communityId: C, requestId: submitted.id, decision: 'approve' }, 'p-li-jianguo')).toMatchObject({ code: 'VERIFY.ALREADY_DECIDED' })
  expect(expectOk(await h.call('verification-mine', { communityId: C }, 'p-zhou-min'))).toEqual([expect.objectContaining({ status: 'rejected', reason: '照片看不清，请重拍' })])
  expect(roles('p-zhou-min')).toEqual([])

  const again = expectOk(await h.call('verification-submit', { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', fileId }, 'p-zhou-min'))
  expect(expectOk(await h.call('verification-decide', { communityId: C, requestId: again.id, decision: 'approve' }, 'p-huang-meiling')).status).toBe('approved')
  expect(roles('p-zhou-min')).toEqual(['owner'])
  const actions = h.ports.db.prepare("SELECT action, actor_id FROM audit_log WHERE action LIKE 'verification.%' ORDER BY seq").all()
  expect(actions).toEqual([
    { action: 'verification.submit', actor_id: 'p-zhou-min' },
    { action: 'verification.reject', actor_id: 'p-li-jianguo' },
    { action: 'verification.submit', actor_id: 'p-zhou-min' },
    { action: 'verification.approve', actor_id: 'p-huang-meiling' },
  ])
  expect(h.ports.db.prepare("SELECT title FROM outbox WHERE recipient_id = 'p-zhou-min' ORDER BY id").pluck().all()).toEqual(['业主身份核验未通过', '业主身份核验已通过'])
})

test('proof for a unit not on the roll, or with someone else\'s file, is refused and writes nothing', async () => {
  const mine = await uploadAs(h, 'p-zhou-min', '房产证.png', PNG, 'document')
  const theirs = await uploadAs(h, 'p-chen-jing', '房产证.png', PNG, 'document')
  const before = h.snapshot()
  expect(await h.call('verification-submit', { communityId: C, building: '5栋', unitNo: '9901', name: '周敏', fileId: mine }, 'p-zhou-min')).toMatchObject({ code: 'VERIFY.UNIT_NOT_ON_ROLL' })
  expect(await h.call('verification-submit', { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', fileId: theirs }, 'p-zhou-min')).toMatchObject({ code: 'VERIFY.FILE_NOT_FOUND' })
  expect(await h.call('verification-submit', { communityId: C, building: '4栋', unitNo: '0302', name: '陈静', fileId: theirs }, 'p-chen-jing')).toMatchObject({ code: 'VERIFY.ALREADY_OWNER' })
  expect(h.snapshot()).toBe(before)
})

describe('limits on newcomers\' proof, so nobody can flood the committee\'s queue or the disk', () => {
  const filesOnDisk = (): number => {
    const root = join(h.dir, 'files')
    return existsSync(root) ? readdirSync(root).flatMap((d) => readdirSync(join(root, d))).length : 0
  }
  const proof = (unitNo: string, fileId: string) => h.call('verification-submit', { communityId: C, building: '5栋', unitNo, name: '周敏', fileId }, 'p-zhou-min')

  test('6 proof files a day (Shanghai): the 7th is refused and leaves no row and no file; the next day works; members are not counted', async () => {
    h.setNow(Date.UTC(2026, 10, 28, 15, 0)) // 23:00 in Shanghai
    for (let i = 0; i < 6; i++) await uploadAs(h, 'p-zhou-min', `房产证-${i + 1}.png`, PNG, 'document')
    expect(filesOnDisk()).toBe(6)
    const before = h.snapshot()
    const r = await h.call('file-upload', { communityId: C, purpose: 'document', name: '房产证-7.png', bytes: PNG }, 'p-zhou-min')
    expect(r).toMatchObject({ ok: false, code: 'VERIFY.UPLOAD_LIMIT', message: '今天已上传 6 份证明材料，每人每天最多 6 份，请明天再试' })
    expect(h.snapshot()).toBe(before)
    expect(filesOnDisk()).toBe(6)
    // A file that is not a photo or PDF is refused for what it is and does not use up a place.
    h.setNow(Date.UTC(2026, 10, 28, 16, 0)) // 00:00 on the 29th in Shanghai
    expect(await h.call('file-upload', { communityId: C, purpose: 'document', name: 'a.txt', bytes: new TextEncoder().encode('hello') }, 'p-zhou-min')).toMatchObject({ code: 'FILE.WRONG_TYPE' })
    await uploadAs(h, 'p-zhou-min', '房产证-8.png', PNG, 'document')
    expect(h.ports.db.prepare('SELECT day, files FROM proof_uploads WHERE person_id = ? ORDER BY day').all('p-zhou-min')).toEqual([{ day: '2026-11-28', files: 6 }, { day: '2026-11-29', files: 1 }])
    // A member's uploads (the committee's attachments, an owner's repair photos) are not proof and are not counted.
    for (let i = 0; i < 8; i++) await uploadAs(h, 'p-li-jianguo', `对账单-${i + 1}.png`, PNG, 'document')
    expect(h.ports.db.prepare('SELECT COUNT(*) FROM proof_uploads WHERE person_id = ?').pluck().get('p-li-jianguo')).toBe(0)
  })

  test('20 uploads at once cannot slip past the limit: 6 stored, 14 refused', async () => {
    const tries = await Promise.all(Array.from({ length: 20 }, (_, i) => h.call('file-upload', { communityId: C, purpose: 'document', name: `p${i}.png`, bytes: PNG }, 'p-zhou-min')))
    const codes = tries.map((r) => (r.ok ? 'OK' : r.code))
    expect(codes.filter((c) => c === 'OK')).toHaveLength(6)
    expect(codes.filter((c) => c === 'VERIFY.UPLOAD_LIMIT')).toHaveLength(14)
    expect(filesOnDisk()).toBe(6)
    expect(h.ports.db.prepare('SELECT COUNT(*) FROM files WHERE owner_id = ?').pluck().get('p-zhou-min')).toBe(6)
  })

  test('3 open requests per person in a community: the 4th is refused and writes nothing; a decision frees a place', async () => {
    const fileId = await uploadAs(h, 'p-zhou-min', '房产证.png', PNG, 'document')
    const first = expectOk(await proof('0101', fileId))
    expectOk(await proof('0102', fileId))
    expectOk(await proof('0103', fileId))
    const before = h.snapshot()
    expect(await proof('0104', fileId)).toMatchObject({ ok: false, code: 'VERIFY.TOO_MANY_OPEN', message: '您在本小区已有 3 份核验申请等待业委会审核，每人最多同时 3 份；请等审核后再提交' })
    // A second request for a unit already waiting is still named as such.
    expect(await proof('0102', fileId)).toMatchObject({ ok: false, code: 'VERIFY.ALREADY_PENDING' })
    expect(h.snapshot()).toBe(before)
    expect(h.ports.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'verification.submitted'").pluck().get()).toBe(6) // 3 requests × 2 committee members

    expectOk(await h.call('verification-decide', { communityId: C, requestId: first.id, decision: 'reject', reason: '不是本人房产' }, 'p-li-jianguo'))
    expectOk(await proof('0104', fileId))
    expect(h.ports.db.prepare('SELECT pending FROM verification_open WHERE community_id = ? AND person_id = ?').pluck().get(C, 'p-zhou-min')).toBe(3)
    expect(await proof('0201', fileId)).toMatchObject({ code: 'VERIFY.TOO_MANY_OPEN' })
  })

  test('5 requests at once for 5 units: 3 are filed, 2 refused, and the queue holds 3', async () => {
    const fileId = await uploadAs(h, 'p-zhou-min', '房产证.png', PNG, 'document')
    const tries = await Promise.all(['0101', '0102', '0103', '0104', '0201'].map((u) => proof(u, fileId)))
    expect(tries.filter((r) => r.ok)).toHaveLength(3)
    expect(tries.filter((r) => !r.ok && r.code === 'VERIFY.TOO_MANY_OPEN')).toHaveLength(2)
    expect(h.ports.db.prepare("SELECT COUNT(*) FROM verification_requests WHERE person_id = ? AND status = 'pending'").pluck().get('p-zhou-min')).toBe(3)
    expect(h.ports.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'verification.submit'").pluck().get()).toBe(3)
  })
})

test('residents: an owner invites, the resident redeems once, the owner sees them masked and can unlink; residents never vote', async () => {
  const invite = expectOk(await h.call('resident-invite', { communityId: C, building: '1栋', unitNo: '0202' }, 'p-zhang-wei'))
  expect(invite.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
  expect(invite.expiresAt - Date.UTC(2026, 10, 28, 2, 0)).toBe(7 * 24 * 3600 * 1000)
  // Typed in lower case with a space, as an elderly person might.
  const linked = expectOk(await h.call('resident-redeem', { code: `${invite.code.slice(0, 4).toLowerCase()} ${invite.code.slice(4)}` }, 'p-zhou-min'))
  expect(linked).toEqual({ communityId: C, building: '1栋', unitNo: '0202' })
  expect(roles('p-zhou-min')).toEqual(['resident'])
  expect(await h.call('resident-redeem', { code: invite.code }, 'p-sun-li')).toMatchObject({ code: 'RESIDENT.CODE_USED' })

  const list = expectOk(await h.call('resident-list', { communityId: C }, 'p-zhang-wei'))
  expect(list.map((r) => [r.building, r.unitNo, r.name, r.phone])).toEqual([
    ['1栋', '0202', '周*', '138****8009'],
    ['1栋', '0203', '刘*', '138****8006'],
  ])

  // Residents are not owners: no binding, so no ballot.
  expect(h.ports.db.prepare("SELECT COUNT(*) FROM owner_bindings WHERE person_id = 'p-zhou-min'").pluck().get()).toBe(0)

  const seq = expectOk(await h.call('resident-unlink', { communityId: C, building: '1栋', unitNo: '0202', personId: 'p-zhou-min' }, 'p-zhang-wei')).auditSeq
  expect(h.ports.db.prepare('SELECT action, actor_id FROM audit_log WHERE community_id = ? AND seq = ?').get(C, seq)).toEqual({ action: 'resident.unlink', actor_id: 'p-zhang-wei' })
  expect(roles('p-zhou-min')).toEqual([])
  const before = h.snapshot()
  expect(await h.call('resident-unlink', { communityId: C, building: '1栋', unitNo: '0202', personId: 'p-zhou-min' }, 'p-zhang-wei')).toMatchObject({ code: 'RESIDENT.NOT_LINKED' })
  // Only for one's own units.
  expect(await h.call('resident-invite', { communityId: C, building: '4栋', unitNo: '0302' }, 'p-zhang-wei')).toMatchObject({ code: 'RESIDENT.NOT_YOUR_UNIT' })
  expect(await h.call('resident-unlink', { communityId: C, building: '1栋', unitNo: '0203', personId: 'p-liu-yang' }, 'p-chen-jing')).toMatchObject({ code: 'RESIDENT.NOT_YOUR_UNIT' })
  // Residents cannot invite others.
  expect(await h.call('resident-invite', { communityId: C, building: '1栋', unitNo: '0203' }, 'p-liu-yang')).toMatchObject({ code: 'FORBIDDEN' })
  expect(h.snapshot()).toBe(before)
})

test('invite codes expire after 7 days, and an owner cannot join their own unit as a resident', async () => {
  const invite = expectOk(await h.call('resident-invite', { communityId: C, building: '1栋', unitNo: '0202' }, 'p-zhang-wei'))
  expect(await h.call('resident-redeem', { code: invite.code }, 'p-zhang-wei')).toMatchObject({ code: 'RESIDENT.OWN_UNIT' })
  expect(await h.call('resident-redeem', { code: 'ABCDEFGH' }, 'p-zhou-min')).toMatchObject({ code: 'RESIDENT.CODE_UNKNOWN' })
  h.setNow(invite.expiresAt)
  const before = h.snapshot()
  expect(await h.call('resident-redeem', { code: invite.code }, 'p-zhou-min')).toMatchObject({ code: 'RESIDENT.CODE_EXPIRED' })
  expect(h.snapshot()).toBe(before)
})

test('a newcomer finds the community by part of its name', async () => {
  expect(expectOk(await h.call('community-search', { name: '长城' }, 'p-zhou-min'))).toEqual([{ id: C, name: '长城二花园' }])
  expect(await h.call('community-search', { name: '长' }, 'p-zhou-min')).toMatchObject({ code: 'INVALID_INPUT' })
})
