// The owner roll's write side and owner verification, through the ports:
// roll versions a committee can check by hand, binding by what the roll says,
// the daily attempt limit under a burst, the proof queue, resident invites.
import { verifyChain } from '../../src/domain/audit-chain'
import { claimMatches } from '../../src/domain/owner-verification'
import { summariseRoll } from '../../src/domain/roll'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import type { RollUnitRecord } from '../../src/cloud/kit/roll-ports'
import { sha256 } from '../../src/cloud/kit/sha256'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import { CONTRACT_NOW, describePort, useTarget, type ContractTarget, type OpenTarget } from './target'

const C = DEMO_COMMUNITY_ID
/** The demo's chain: the roll import and one entry per demo role. */
const SEEDED = 12
const DAY = 24 * 3600 * 1000
const CHAIR = 'p-li-jianguo'

const unit = (building: string, unitNo: string, area: number, ownerKey: string, ownerNames: string, phones: string, developerUnsold = false): RollUnitRecord =>
  ({ building, unitNo, area, basis: 'registered', ownerKey, ownerNames, phones, developerUnsold })

/**
 * Eight units a committee can add up on paper (areas in hundredths of m²):
 *   A栋: 0101 张三 89.50, 0102 张三 60.25, 0201 李四 100.00, 0301 developer 50.00
 *        → 4 units, 299.75 m², 3 heads (张三, 李四, the developer)
 *   B栋: 0101 developer 120.00, 0102 developer 75.75, 0201 王五 88.88, 0202 张三 70.00
 *        → 4 units, 354.63 m², 3 heads (the developer, 王五, 张三)
 *   whole roll: 8 units, 654.38 m², 4 heads — 张三's three flats in two
 *   buildings are one head, and the developer's three unsold units are one head.
 */
const SMALL_ROLL: RollUnitRecord[] = [
  unit('A栋', '0101', 8950, 'K-zhang', '张三', '13911110001'),
  unit('A栋', '0102', 6025, 'K-zhang', '张三', '13911110001'),
  unit('A栋', '0201', 10000, 'K-li', '李四、李小四', '13911110002、13911110022'),
  unit('A栋', '0301', 5000, 'DEV-1', '长城地产', '', true),
  unit('B栋', '0101', 12000, 'DEV-2', '长城地产', '', true),
  unit('B栋', '0102', 7575, 'DEV-3', '长城地产', '', true),
  unit('B栋', '0201', 8888, 'K-wang', '王五', '13911110003'),
  unit('B栋', '0202', 7000, 'K-zhang', '张三', '13911110001'),
]
const SMALL_TOTALS = {
  units: 8, area: 65438, heads: 4,
  buildings: [{ building: 'A栋', units: 4, area: 29975, heads: 3 }, { building: 'B栋', units: 4, area: 35463, heads: 3 }],
}

const rollAudit = (version: number, data: unknown = { version }): AuditDraft => ({ communityId: C, actorId: CHAIR, action: 'roll.import', subject: `roll:${version}`, data })

function commit(t: () => OpenTarget, units: RollUnitRecord[], sourceSha256: string, at = CONTRACT_NOW + 1000, audit = rollAudit) {
  return t().ports.rollAdmin.commit({ communityId: C, createdBy: CHAIR, sourceSha256, sourceFile: `f-${sourceSha256}`, summary: summariseRoll(units), units, at }, audit)
}

export function rollImportContract(target: ContractTarget) {
  describePort(target, 'rollAdmin', () => {
    const t = useTarget(target)

    test('a committed roll reads back with totals checkable by hand; the demo version stays readable beneath it', async () => {
      expect(await commit(t, SMALL_ROLL, 'sha-small')).toEqual({ created: true, version: 2, auditSeq: SEEDED + 1 })
      const [newest, demo] = await t().ports.rollAdmin.versions(C)
      expect(newest).toEqual({
        version: 2, createdAt: CONTRACT_NOW + 1000, createdBy: CHAIR, createdByName: '李建国', sourceSha256: 'sha-small', sourceFile: 'f-sha-small', ...SMALL_TOTALS,
      })
      expect(demo).toMatchObject({ version: 1, units: 798, heads: 777, createdBy: null, createdByName: null, sourceSha256: null, sourceFile: null })
      expect(await t().ports.roll.latest(C)).toMatchObject({ version: 2, units: 8, area: 65438, heads: 4 })
      const entry = (await t().ports.audit.all(C)).at(-1)
      expect(entry).toMatchObject({ seq: SEEDED + 1, action: 'roll.import', subject: 'roll:2', actorId: CHAIR, at: CONTRACT_NOW + 1000 })
    })

    test('a unit is looked up in the newest version only, with every field as committed', async () => {
      expect(await t().ports.rollAdmin.unit(C, '1栋', '0101')).toMatchObject({ version: 1, building: '1栋', unitNo: '0101' })
      await commit(t, SMALL_ROLL, 'sha-small')
      expect(await t().ports.rollAdmin.unit(C, 'A栋', '0201')).toEqual({ version: 2, ...SMALL_ROLL[2] })
      expect(await t().ports.rollAdmin.unit(C, 'B栋', '0102')).toEqual({ version: 2, ...SMALL_ROLL[5] })
      // 1栋 is not on the new roll: gone from lookups, still in version 1's totals.
      expect(await t().ports.rollAdmin.unit(C, '1栋', '0101')).toBeNull()
      expect(await t().ports.rollAdmin.unit('c-none', 'A栋', '0101')).toBeNull()
    })

    test('the same roll again writes nothing; a changed roll is the next version and earlier ones do not change', async () => {
      await commit(t, SMALL_ROLL, 'sha-small')
      const before = await t().ports.rollAdmin.versions(C)
      expect(await commit(t, SMALL_ROLL, 'sha-small', CONTRACT_NOW + 2000)).toEqual({ created: false, version: 2 })
      expect(await t().ports.rollAdmin.versions(C)).toEqual(before)
      expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 1)

      // 王五 sells B栋0201 to 张三: one head fewer, same area.
      const sold = SMALL_ROLL.map((u) => (u.unitNo === '0201' && u.building === 'B栋' ? { ...u, ownerKey: 'K-zhang', ownerNames: '张三', phones: '13911110001' } : u))
      expect(await commit(t, sold, 'sha-sold', CONTRACT_NOW + 3000)).toEqual({ created: true, version: 3, auditSeq: SEEDED + 2 })
      const versions = await t().ports.rollAdmin.versions(C)
      expect(versions.map((v) => [v.version, v.units, v.area, v.heads])).toEqual([[3, 8, 65438, 3], [2, 8, 65438, 4], [1, 798, before[1].area, 777]])
      expect(versions[1]).toEqual(before[0])
      expect(versions[0].buildings).toEqual([{ building: 'A栋', units: 4, area: 29975, heads: 3 }, { building: 'B栋', units: 4, area: 35463, heads: 2 }])
    })

    test('two different rolls committed at once become versions 2 and 3; the same roll twice at once is stored once', async () => {
      const other = SMALL_ROLL.slice(0, 4)
      const outcomes = await Promise.all([commit(t, SMALL_ROLL, 'sha-a'), commit(t, other, 'sha-b')])
      expect(outcomes.map((o) => o.version).sort()).toEqual([2, 3])
      expect((await t().ports.rollAdmin.versions(C)).map((v) => v.version)).toEqual([3, 2, 1])
      const twice = await Promise.all([commit(t, SMALL_ROLL, 'sha-c'), commit(t, SMALL_ROLL, 'sha-c')])
      expect(twice.map((o) => o.created).sort()).toEqual([false, true])
      expect(twice.map((o) => o.version)).toEqual([4, 4])
      const chain = await t().ports.audit.all(C)
      expect(chain.map((e) => e.subject).slice(SEEDED).sort()).toEqual(['roll:2', 'roll:3', 'roll:4'])
      expect(verifyChain(sha256, chain).valid).toBe(true)
    })

    test('a commit whose audit entry cannot be written leaves no version and no units behind', async () => {
      await expect(commit(t, SMALL_ROLL, 'sha-small', CONTRACT_NOW, (v) => rollAudit(v, { amount: BigInt(1) }))).rejects.toHaveProperty('message')
      expect((await t().ports.rollAdmin.versions(C)).map((v) => v.version)).toEqual([1])
      expect(await t().ports.rollAdmin.unit(C, 'A栋', '0101')).toBeNull()
      expect(await t().ports.audit.all(C)).toHaveLength(SEEDED)
    })
  })

  describePort(target, 'ownership', () => {
    const t = useTarget(target)
    const DAY_1 = '2026-11-28'
    const reserve = (personId = 'p-zhou-min', day = DAY_1) => t().ports.ownership.reserveAttempt(personId, day, 5)
    const bindAudit = (personId: string, ownerKey: string): AuditDraft => ({ communityId: C, actorId: personId, action: 'owner.bind', subject: `person:${personId}`, data: { ownerKey } })
    const ownUnits = async (personId: string) => (await t().ports.identity.unitsOf(personId)).map((u) => `${u.relation}:${u.building}${u.unitNo}`)
    const rolesOf = async (personId: string) => (await t().ports.identity.membershipsOf(personId)).map((m) => m.role)

    test('five attempts a day: the sixth is refused; a refund gives one back; another day or person starts afresh', async () => {
      const taken = []
      for (let i = 0; i < 6; i++) taken.push(await reserve())
      expect(taken).toEqual([1, 2, 3, 4, 5, null])
      await t().ports.ownership.refundAttempt('p-zhou-min', DAY_1)
      expect(await reserve()).toBe(5)
      expect(await reserve()).toBeNull()
      expect(await reserve('p-zhou-min', '2026-11-29')).toBe(1)
      expect(await reserve('p-chen-jing')).toBe(1)
      // A refund with nothing taken takes nothing below zero.
      await t().ports.ownership.refundAttempt('p-nobody', DAY_1)
      expect(await reserve('p-nobody')).toBe(1)
    })

    test('20 attempts at once: exactly 5 are taken (numbered 1 to 5) and 15 refused', async () => {
      const taken = await Promise.all(Array.from({ length: 20 }, () => reserve()))
      expect(taken.filter((n) => n === null)).toHaveLength(15)
      expect(taken.filter((n): n is number => n !== null).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5])
      expect(await reserve()).toBeNull()
    })

    test('a claim matching the roll\'s name and phone binds the person as owner, audited; binding again writes nothing', async () => {
      // 周敏 is on the roll for 5栋0302 with phone 13800138009.
      const u = (await t().ports.rollAdmin.unit(C, '5栋', '0302'))!
      expect(claimMatches(u, { name: '周敏', phoneLast4: '8009' })).toBe(true)
      expect(claimMatches(u, { name: '周敏', phoneLast4: '8010' })).toBe(false)
      expect(claimMatches(u, { name: '周明', phoneLast4: '8009' })).toBe(false)
      expect(await ownUnits('p-zhou-min')).toEqual([])

      const at = CONTRACT_NOW + 5000
      expect(await t().ports.ownership.bindOwner({ communityId: C, personId: 'p-zhou-min', ownerKey: u.ownerKey, at }, bindAudit('p-zhou-min', u.ownerKey))).toEqual({ created: true, auditSeq: SEEDED + 1 })
      expect(await ownUnits('p-zhou-min')).toEqual(['owner:5栋0302'])
      expect(await rolesOf('p-zhou-min')).toEqual(['owner'])
      expect((await t().ports.audit.all(C)).at(-1)).toMatchObject({ seq: SEEDED + 1, at, action: 'owner.bind', actorId: 'p-zhou-min', data: { ownerKey: u.ownerKey } })

      expect(await t().ports.ownership.bindOwner({ communityId: C, personId: 'p-zhou-min', ownerKey: u.ownerKey, at }, bindAudit('p-zhou-min', u.ownerKey))).toEqual({ created: false, auditSeq: null })
      expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 1)
    })

    test('binding by one unit of a multi-unit owner gives all their units, in both buildings; developer units never match', async () => {
      await commit(t, SMALL_ROLL, 'sha-small')
      const u = (await t().ports.rollAdmin.unit(C, 'B栋', '0202'))!
      expect(claimMatches(u, { name: '张三', phoneLast4: '0001' })).toBe(true)
      expect(claimMatches((await t().ports.rollAdmin.unit(C, 'A栋', '0201'))!, { name: '李小四', phoneLast4: '0022' })).toBe(true)
      expect(claimMatches((await t().ports.rollAdmin.unit(C, 'B栋', '0101'))!, { name: '长城地产', phoneLast4: '0000' })).toBe(false)
      await t().ports.ownership.bindOwner({ communityId: C, personId: 'p-zhou-min', ownerKey: u.ownerKey, at: CONTRACT_NOW }, bindAudit('p-zhou-min', u.ownerKey))
      expect(await ownUnits('p-zhou-min')).toEqual(['owner:A栋0101', 'owner:A栋0102', 'owner:B栋0202'])
    })

    test('proof route: one open request per unit; the committee sees the requester in full, rejects with a reason, then approves a new one', async () => {
      const submit = (id: string, building: string, unitNo: string, at: number) => t().ports.ownership.submitProof(
        { id, communityId: C, personId: 'p-zhou-min', building, unitNo, claimedName: '周敏', fileId: `f-${id}`, note: '手机号换过了', openLimit: 3, at },
        { communityId: C, actorId: 'p-zhou-min', action: 'verification.submit', subject: `verification:${id}`, data: { building, unitNo } },
      ).then((o) => (o.ok ? o.request : o.why))
      const first = await submit('v-1', '5栋', '0302', CONTRACT_NOW + 1)
      expect(first).toEqual({
        id: 'v-1', communityId: C, personId: 'p-zhou-min', personName: '周敏', personPhone: '13800138009', building: '5栋', unitNo: '0302', claimedName: '周敏',
        fileId: 'f-v-1', note: '手机号换过了', status: 'pending', reason: null, createdAt: CONTRACT_NOW + 1, decidedBy: null, decidedAt: null,
      })
      expect(await submit('v-2', '5栋', '0302', CONTRACT_NOW + 2)).toBe('already-pending')
      expect(await t().ports.ownership.request('v-2')).toBeNull()
      expect(await submit('v-3', '5栋', '0303', CONTRACT_NOW + 3)).toMatchObject({ status: 'pending', unitNo: '0303' })
      expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 2)

      const decide = (id: string, approve: boolean, reason: string | null, at: number) => t().ports.ownership.decide(
        { id, approve, ownerKey: approve ? 'O0330' : null, reason, by: CHAIR, at },
        { communityId: C, actorId: CHAIR, action: approve ? 'verification.approve' : 'verification.reject', subject: `verification:${id}`, data: { reason } },
      )
      expect(await decide('v-1', false, '照片看不清', CONTRACT_NOW + 10)).toMatchObject({ id: 'v-1', status: 'rejected', reason: '照片看不清', decidedBy: CHAIR, decidedAt: CONTRACT_NOW + 10 })
      expect(await decide('v-1', true, null, CONTRACT_NOW + 11)).toBeNull()
      expect(await ownUnits('p-zhou-min')).toEqual([])

      // After a rejection the unit is open again; pending requests come first, then the newest.
      await submit('v-4', '5栋', '0302', CONTRACT_NOW + 20)
      expect((await t().ports.ownership.requests(C, 10)).map((r) => [r.id, r.status])).toEqual([['v-4', 'pending'], ['v-3', 'pending'], ['v-1', 'rejected']])
      expect((await t().ports.ownership.requests(C, 2)).map((r) => r.id)).toEqual(['v-4', 'v-3'])
      expect(await decide('v-4', true, null, CONTRACT_NOW + 30)).toMatchObject({ status: 'approved', decidedBy: CHAIR })
      expect(await ownUnits('p-zhou-min')).toEqual(['owner:5栋0302'])
      expect(await rolesOf('p-zhou-min')).toEqual(['owner'])
      expect((await t().ports.ownership.requestsOf('p-zhou-min', C)).map((r) => r.id)).toEqual(['v-4', 'v-3', 'v-1'])
      expect(await t().ports.ownership.requestsOf('p-zhou-min', 'c-none')).toEqual([])
      const chain = await t().ports.audit.all(C)
      expect(chain.slice(SEEDED).map((e) => e.action)).toEqual(['verification.submit', 'verification.submit', 'verification.reject', 'verification.submit', 'verification.approve'])
      expect(verifyChain(sha256, chain).valid).toBe(true)
    })

    describe('limits on newcomers\' proof', () => {
      const submit = (id: string, unitNo: string, at = CONTRACT_NOW) => t().ports.ownership.submitProof(
        { id, communityId: C, personId: 'p-zhou-min', building: '5栋', unitNo, claimedName: '周敏', fileId: 'f-1', note: '', openLimit: 3, at },
        { communityId: C, actorId: 'p-zhou-min', action: 'verification.submit', subject: `verification:${id}`, data: { unitNo } },
      ).then((o) => (o.ok ? o.request.id : o.why))
      const decide = (id: string) => t().ports.ownership.decide(
        { id, approve: false, ownerKey: null, reason: '不符', by: CHAIR, at: CONTRACT_NOW + 10 },
        { communityId: C, actorId: CHAIR, action: 'verification.reject', subject: `verification:${id}`, data: {} },
      )

      test('three open requests per person and community: a fourth writes nothing; the same unit again is named as such; a decision frees a place', async () => {
        expect([await submit('v-1', '0101'), await submit('v-2', '0102'), await submit('v-3', '0103')]).toEqual(['v-1', 'v-2', 'v-3'])
        expect(await submit('v-4', '0104')).toBe('too-many-open')
        expect(await submit('v-5', '0102')).toBe('already-pending')
        expect(await t().ports.ownership.request('v-4')).toBeNull()
        expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 3)
        expect(await decide('v-2')).toMatchObject({ status: 'rejected' })
        expect(await decide('v-2')).toBeNull()
        expect(await submit('v-6', '0104')).toBe('v-6')
        expect(await submit('v-7', '0201')).toBe('too-many-open')
        expect((await t().ports.ownership.requestsOf('p-zhou-min', C)).map((r) => `${r.id}:${r.status}`).sort()).toEqual(['v-1:pending', 'v-2:rejected', 'v-3:pending', 'v-6:pending'])
      })

      test('five requests at once for five units: three are filed, two refused', async () => {
        const outcomes = await Promise.all(['0101', '0102', '0103', '0104', '0201'].map((u, i) => submit(`v-${i + 1}`, u)))
        expect(outcomes.filter((o) => o === 'too-many-open')).toHaveLength(2)
        expect((await t().ports.ownership.requestsOf('p-zhou-min', C)).filter((r) => r.status === 'pending')).toHaveLength(3)
        expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 3)
      })

      test('proof uploads: six a day, the seventh refused; 20 at once take exactly six; a refund gives one back', async () => {
        const take = (day = DAY_1) => t().ports.ownership.reserveProofUpload('p-zhou-min', day, 6)
        const burst = await Promise.all(Array.from({ length: 20 }, () => take()))
        expect(burst.filter((n): n is number => n !== null).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
        expect(await take()).toBeNull()
        await t().ports.ownership.refundProofUpload('p-zhou-min', DAY_1)
        expect(await take()).toBe(6)
        expect(await take('2026-11-29')).toBe(1)
        // Bind attempts are a separate count.
        expect(await t().ports.ownership.reserveAttempt('p-zhou-min', DAY_1, 5)).toBe(1)
      })
    })

    test('two committee members deciding one request at once: one decision stands, the other finds nothing pending', async () => {
      await t().ports.ownership.submitProof({ id: 'v-1', communityId: C, personId: 'p-zhou-min', building: '5栋', unitNo: '0302', claimedName: '周敏', fileId: 'f-1', note: '', openLimit: 3, at: CONTRACT_NOW },
        { communityId: C, actorId: 'p-zhou-min', action: 'verification.submit', subject: 'verification:v-1', data: {} })
      const decisions = await Promise.all([true, false].map((approve, i) => t().ports.ownership.decide(
        { id: 'v-1', approve, ownerKey: approve ? 'O0330' : null, reason: approve ? null : '不符', by: i ? 'p-huang-meiling' : CHAIR, at: CONTRACT_NOW + 1 },
        { communityId: C, actorId: CHAIR, action: 'verification.decide', subject: 'verification:v-1', data: { approve } },
      )))
      expect(decisions.filter((d) => d === null)).toHaveLength(1)
      const stood = decisions.find((d) => d !== null)!
      expect(await t().ports.ownership.request('v-1')).toMatchObject({ status: stood.status })
      expect(await ownUnits('p-zhou-min')).toEqual(stood.status === 'approved' ? ['owner:5栋0302'] : [])
      expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 2)
    })

    describe('residents by invite', () => {
      const invite = (code: string, building = '1栋', unitNo = '0202', expiresAt = CONTRACT_NOW + 7 * DAY) =>
        t().ports.ownership.createInvite({ code, communityId: C, building, unitNo, createdBy: 'p-zhang-wei', createdAt: CONTRACT_NOW, expiresAt })
      const redeem = (code: string, personId: string, at = CONTRACT_NOW + 1000) => t().ports.ownership.redeemInvite(
        { code, personId, at },
        (i) => ({ communityId: i.communityId, actorId: personId, action: 'resident.link', subject: `person:${personId}`, data: { building: i.building, unitNo: i.unitNo } }),
      )

      test('an owner\'s code links a resident to the unit once; the resident is listed and audited; a code is unique', async () => {
        expect(await invite('ABCD2345')).toBe(true)
        expect(await invite('ABCD2345', '1栋', '0203')).toBe(false)
        const r = await redeem('ABCD2345', 'p-zhou-min')
        expect(r).toEqual({
          ok: true, auditSeq: SEEDED + 1,
          invite: { code: 'ABCD2345', communityId: C, building: '1栋', unitNo: '0202', createdBy: 'p-zhang-wei', createdAt: CONTRACT_NOW, expiresAt: CONTRACT_NOW + 7 * DAY, usedBy: null },
        })
        expect(await ownUnits('p-zhou-min')).toEqual(['resident:1栋0202'])
        expect(await rolesOf('p-zhou-min')).toEqual(['resident'])
        // Units asked in this order; 刘洋 already lives in 0203 (linked by the demo).
        const residents = await t().ports.ownership.residentsOf(C, [{ building: '1栋', unitNo: '0203' }, { building: '1栋', unitNo: '0202' }, { building: '9栋', unitNo: '0101' }])
        expect(residents.map((x) => [x.personId, x.name, x.phone, `${x.building}${x.unitNo}`, x.linkedBy])).toEqual([
          ['p-liu-yang', '刘洋', '13800138006', '1栋0203', 'p-zhang-wei'],
          ['p-zhou-min', '周敏', '13800138009', '1栋0202', 'p-zhang-wei'],
        ])
        expect(residents[1].linkedAt).toBe(CONTRACT_NOW + 1000)
        expect(await t().ports.ownership.residentsOf(C, [])).toEqual([])
        expect((await t().ports.audit.all(C)).at(-1)).toMatchObject({ seq: SEEDED + 1, action: 'resident.link', data: { building: '1栋', unitNo: '0202' } })
      })

      test('a used, expired, unknown or own-unit code links nobody and writes nothing', async () => {
        await invite('USED2345')
        await redeem('USED2345', 'p-zhou-min')
        expect(await redeem('USED2345', 'p-chen-jing')).toEqual({ ok: false, why: 'used' })
        await invite('LATE2345', '1栋', '0202', CONTRACT_NOW + 1000)
        expect(await redeem('LATE2345', 'p-chen-jing', CONTRACT_NOW + 1000)).toEqual({ ok: false, why: 'expired' })
        expect(await redeem('NONE2345', 'p-chen-jing')).toEqual({ ok: false, why: 'unknown' })
        await invite('MINE2345')
        expect(await redeem('MINE2345', 'p-zhang-wei')).toEqual({ ok: false, why: 'own-unit' })
        expect(await ownUnits('p-chen-jing')).toEqual(['owner:4栋0302'])
        expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 1)
        // The refused codes are still unused: the right person can redeem them.
        expect(await redeem('MINE2345', 'p-chen-jing')).toMatchObject({ ok: true })
      })

      test('two people redeeming one code at once: one is linked, the other told it was used', async () => {
        await invite('RACE2345')
        const outcomes = await Promise.all([redeem('RACE2345', 'p-zhou-min'), redeem('RACE2345', 'p-chen-jing')])
        expect(outcomes.map((o) => (o.ok ? 'ok' : o.why)).sort()).toEqual(['ok', 'used'])
        const residents = await t().ports.ownership.residentsOf(C, [{ building: '1栋', unitNo: '0202' }])
        expect(residents).toHaveLength(1)
        expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 1)
      })

      test('unlinking removes the link, and the resident role with the last one; unlinking again finds nothing', async () => {
        await invite('TWO12345', '1栋', '0202')
        await invite('TWO22345', '1栋', '0203')
        await redeem('TWO12345', 'p-zhou-min')
        await redeem('TWO22345', 'p-zhou-min')
        const unlink = (unitNo: string) => t().ports.ownership.unlinkResident({ communityId: C, personId: 'p-zhou-min', building: '1栋', unitNo },
          { communityId: C, actorId: 'p-zhang-wei', action: 'resident.unlink', subject: 'person:p-zhou-min', data: { unitNo } }, CONTRACT_NOW + 2000)
        expect(await unlink('0202')).toBe(SEEDED + 3)
        expect(await rolesOf('p-zhou-min')).toEqual(['resident'])
        expect(await unlink('0203')).toBe(SEEDED + 4)
        expect(await rolesOf('p-zhou-min')).toEqual([])
        expect(await ownUnits('p-zhou-min')).toEqual([])
        expect(await unlink('0203')).toBeNull()
        expect(await t().ports.audit.all(C)).toHaveLength(SEEDED + 4)
      })
    })

    test('communities are found by part of their name', async () => {
      expect(await t().ports.ownership.communitiesNamed('长城', 10)).toEqual([{ id: C, name: '长城二花园' }])
      expect(await t().ports.ownership.communitiesNamed('二花', 10)).toEqual([{ id: C, name: '长城二花园' }])
      expect(await t().ports.ownership.communitiesNamed('华景', 10)).toEqual([])
    })
  })
}
