// The CloudBase roll-import and owner-verification adapters
// (src/cloud/kit/cloudbase/roll-admin.ts, ownership.ts) with WeChat's cloud
// SIMULATED by the in-memory fake of wx-server-sdk (tests/support/fake-wx-cloud.ts):
// binding, proof, residents and a roll import through the real cloud
// functions answer exactly as on SQLite; an import of 50,000 units is
// written in bounded parallel batches with its version document last; an
// import that dies midway leaves no visible version and its number is taken
// over once its claim's lease has run out; and the queries the adapters build.
import { COLLECTIONS, ids } from '../../src/cloud/kit/cloudbase/collections'
import { ROLL_CLAIM_LEASE_MS, UNIT_WRITES_AT_ONCE } from '../../src/cloud/kit/cloudbase/roll-admin'
import type { Collection, Transaction, TxCollection } from '../../src/cloud/kit/cloudbase/sdk'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import type { RollUnitRecord } from '../../src/cloud/kit/roll-ports'
import { sha256 } from '../../src/cloud/kit/sha256'
import type { Result } from '../../src/contracts/result'
import { verifyChain } from '../../src/domain/audit-chain'
import { summariseRoll } from '../../src/domain/roll'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import type { FakeWxCloud } from '../support/fake-wx-cloud'
import { cloudbasePlatform, data, numberTokens, sqlitePlatform, type Platform } from '../support/platforms'
import { PNG, SMALL, csvOf, utf8 } from '../support/roll'

jest.setTimeout(120_000)
const C = DEMO_COMMUNITY_ID
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0)
const CHAIR = 'p-li-jianguo'

/** The simulated cloud; `clock` is the wall clock roll-import claims are timed by. */
const cloudbase = (clock: () => number = Date.now) => cloudbasePlatform(T0, { rollImport: { clock, pollMs: 5, waitMs: 300 } })

/**
 * Owner verification and a roll import as people do them, every answer
 * logged; random ids (files, requests, invite codes) are replaced by their
 * order of appearance before two logs are compared.
 */
async function scenario(p: Platform): Promise<{ log: unknown[]; codes: string[] }> {
  const log: unknown[] = []
  const randoms: string[] = []
  const run = async (name: string, input: unknown, as: string) => {
    const r = await p.call(name, input, as)
    log.push([name, as, r])
    return r
  }
  const RIGHT = { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', phoneLast4: '8009' }
  await run('community-search', { name: '长城' }, 'p-zhou-min')
  await run('bind-unit', { ...RIGHT, phoneLast4: '0000' }, 'p-zhou-min') // wrong phone
  await run('bind-unit', { ...RIGHT, name: '周明' }, 'p-zhou-min') // wrong name
  await run('bind-unit', RIGHT, 'p-zhou-min')
  await run('bind-unit', RIGHT, 'p-zhou-min') // bound already
  await run('me', {}, 'p-zhou-min')

  // Proof for a unit the roll does not match her for.
  const proof = data(await run('file-upload', { communityId: C, purpose: 'document', name: '房产证.png', bytes: PNG }, 'p-zhou-min'))
  const submitted = data(await run('verification-submit', { communityId: C, building: '5栋', unitNo: '0303', name: '周敏', fileId: proof.fileId, note: '刚买的二手房' }, 'p-zhou-min'))
  await run('verification-submit', { communityId: C, building: '5栋', unitNo: '0303', name: '周敏', fileId: proof.fileId }, 'p-zhou-min') // one pending per unit
  await run('verification-list', { communityId: C }, 'p-huang-meiling')
  await run('verification-decide', { communityId: C, requestId: submitted.id, decision: 'reject' }, CHAIR) // a reason is needed
  await run('verification-decide', { communityId: C, requestId: submitted.id, decision: 'reject', reason: '照片看不清' }, CHAIR)
  await run('verification-decide', { communityId: C, requestId: submitted.id, decision: 'approve' }, CHAIR) // decided already
  p.setNow(T0 + 60_000)
  const again = data(await run('verification-submit', { communityId: C, building: '5栋', unitNo: '0303', name: '周敏', fileId: proof.fileId }, 'p-zhou-min'))
  await run('verification-decide', { communityId: C, requestId: again.id, decision: 'approve' }, 'p-huang-meiling')
  await run('verification-mine', { communityId: C }, 'p-zhou-min')
  await run('verification-list', { communityId: C }, CHAIR)

  // 张伟 invites a family member to 1栋0202; the code works once.
  const invite = data(await run('resident-invite', { communityId: C, building: '1栋', unitNo: '0202' }, 'p-zhang-wei'))
  randoms.push(invite.code)
  await run('resident-redeem', { code: invite.code }, 'p-sun-li')
  await run('resident-redeem', { code: invite.code }, 'p-chen-jing') // used
  await run('resident-list', { communityId: C }, 'p-zhang-wei')
  await run('resident-unlink', { communityId: C, building: '1栋', unitNo: '0202', personId: 'p-sun-li' }, 'p-zhang-wei')
  await run('resident-unlink', { communityId: C, building: '1栋', unitNo: '0202', personId: 'p-sun-li' }, 'p-zhang-wei') // not linked any more
  await run('me', {}, 'p-sun-li')

  // The committee imports a new roll; the same file again changes nothing.
  p.setNow(T0 + 120_000)
  const sheet = data(await run('file-upload', { communityId: C, purpose: 'spreadsheet', name: '名册.csv', bytes: utf8(csvOf(SMALL)) }, CHAIR))
  await run('roll-preview', { communityId: C, fileId: sheet.fileId }, CHAIR)
  await run('roll-commit', { communityId: C, fileId: sheet.fileId }, CHAIR)
  await run('roll-commit', { communityId: C, fileId: sheet.fileId }, 'p-huang-meiling')
  await run('roll-preview', { communityId: C, fileId: sheet.fileId }, CHAIR)
  await run('roll-versions', { communityId: C }, 'p-sun-li')
  await run('community-overview', { communityId: C }, 'p-chen-jing')
  // On the new roll 5栋 is gone: 周敏's units went with it.
  await run('me', {}, 'p-zhou-min')

  const seen = new Map<string, string>()
  for (const r of randoms) seen.set(r, `<code${seen.size}>`)
  let json = numberTokens(JSON.stringify(log), /vr_[0-9a-f]{20}|f_[0-9a-f]{24}/g, (m) => m.split('_')[0], seen)
  for (const [r, label] of seen) json = json.split(r).join(label)
  const normalised = JSON.parse(json) as Array<[string, string, Result<unknown>]>
  return { log: normalised, codes: normalised.filter((e) => !e[2].ok).map((e) => (e[2] as { code: string }).code) }
}

// Notices without a subscription template are logged and skipped; not what these tests check.
beforeEach(() => { jest.spyOn(console, 'warn').mockImplementation(() => undefined) })
afterEach(() => jest.restoreAllMocks())

describe('WeChat cloud simulated: owner verification and roll import answer as on SQLite', () => {
  test('binding, proof, residents and an import through the real functions: every answer and refusal is the same', async () => {
    const sqlite = sqlitePlatform(T0)
    const cb = await cloudbase()
    try {
      const expected = await scenario(sqlite)
      const actual = await scenario(cb)
      actual.log.forEach((entry, i) => expect([i, entry]).toEqual([i, expected.log[i]]))
      expect(actual.log).toHaveLength(expected.log.length)
      expect(actual.codes).toEqual([
        'BIND.NO_MATCH', 'BIND.NO_MATCH', 'VERIFY.ALREADY_PENDING', 'VERIFY.REASON_REQUIRED', 'VERIFY.ALREADY_DECIDED', 'RESIDENT.CODE_USED', 'RESIDENT.NOT_LINKED',
      ])
      // The import: SMALL's 7 units under version 2 (by hand: 651.10 m², 4 heads), its version document last.
      expect(await cb.ports.roll.latest(C)).toMatchObject({ version: 2, units: 7, area: 65110, heads: 4 })
      const units = [...cb.cloud.collections.get(COLLECTIONS.rollUnits)!.values()].filter((r) => r.doc.version === 2)
      expect(units.map((r) => `${r.doc.building}${r.doc.unitNo}`).sort()).toEqual(['1栋0101', '1栋0102', '1栋0201', '2栋0101', '2栋0102', '2栋0201', '2栋0202'])
      expect(cb.cloud.collections.get(COLLECTIONS.rollImports)!.get(ids.rollVersion(C, 2))!.doc).toMatchObject({ version: 2, finishedAt: expect.any(Number) })
      expect(verifyChain(sha256, await cb.ports.audit.all(C)).valid).toBe(true)
    } finally {
      sqlite.close()
    }
  })
})

/** n units in `buildings` buildings, every fourth owner holding two flats. */
function bigRoll(n: number, buildings = 50): RollUnitRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const owner = i % 4 === 1 ? i - 1 : i
    return {
      building: `${(i % buildings) + 1}栋`, unitNo: String(Math.floor(i / buildings) + 1).padStart(4, '0'), area: 8000 + (i % 100), basis: 'registered' as const,
      ownerKey: `K${owner}`, ownerNames: `业主${owner}`, phones: `139${String(owner).padStart(8, '0')}`, developerUnsold: false,
    }
  })
}
const rollAudit = (version: number): AuditDraft => ({ communityId: C, actorId: CHAIR, action: 'roll.import', subject: `roll:${version}`, data: { version } })
const commitInput = (units: RollUnitRecord[], sourceSha256: string) => ({ communityId: C, createdBy: CHAIR, sourceSha256, sourceFile: `f-${sourceSha256}`, summary: summariseRoll(units), units, at: T0 + 1000 })

/** Wraps the fake's add() of one collection to watch it (the fake hands out one database object). */
function watchAdds(cloud: FakeWxCloud, name: string, before: (n: number) => void) {
  const db = cloud.database()
  const collection = db.collection.bind(db)
  const watch = { started: 0, inFlight: 0, maxInFlight: 0 }
  db.collection = (<T>(n: string): Collection<T> => {
    const c = collection<T>(n)
    if (n !== name) return c
    return {
      ...c,
      async add(opts) {
        before(++watch.started)
        watch.inFlight++
        watch.maxInFlight = Math.max(watch.maxInFlight, watch.inFlight)
        try {
          return await c.add(opts)
        } finally {
          watch.inFlight--
        }
      },
    }
  }) as typeof db.collection
  return watch
}

describe('WeChat cloud simulated: a roll import of 50,000 units', () => {
  test('written in parallel batches of at most 100, the version document only after every unit, read back by the other adapters', async () => {
    const p = await cloudbase()
    const roll = bigRoll(50_000)
    let versionAddedAfter = -1
    const units = watchAdds(p.cloud, COLLECTIONS.rollUnits, () => undefined)
    const db = p.cloud.database()
    const inner = db.runTransaction.bind(db)
    // The version document is added by the last transaction: note how many units had been added by then.
    db.runTransaction = (fn, times) => inner((t) => fn({
      collection: (<T>(n: string): TxCollection<T> => {
        const c = t.collection<T>(n)
        if (n !== COLLECTIONS.rollVersions) return c
        return { ...c, add: (o: { data: T }) => { versionAddedAfter = units.started - units.inFlight; return c.add(o) } }
      }) as Transaction['collection'],
    }), times)
    const outcome = await p.ports.rollAdmin.commit(commitInput(roll, 'sha-big'), rollAudit)

    expect(outcome).toMatchObject({ created: true, version: 2 })
    expect(units.started).toBe(50_000)
    expect(units.maxInFlight).toBe(UNIT_WRITES_AT_ONCE)
    expect(versionAddedAfter).toBe(50_000)
    // 50 buildings of 1,000 units; every fourth owner has two flats: 50,000 − 12,500 heads.
    const latest = (await p.ports.roll.latest(C))!
    expect(latest).toMatchObject({ version: 2, units: 50_000, heads: 37_500, area: roll.reduce((s, u) => s + u.area, 0) })
    expect(await p.ports.rollAdmin.unit(C, '50栋', '1000')).toEqual({ version: 2, ...roll[49_999] })
    // An owner of two flats binds once and owns both, as identity reads them.
    await p.ports.ownership.bindOwner({ communityId: C, personId: 'p-zhou-min', ownerKey: 'K4', at: T0 }, { communityId: C, actorId: 'p-zhou-min', action: 'owner.bind', subject: 'person:p-zhou-min', data: {} })
    expect((await p.ports.identity.unitsOf('p-zhou-min')).map((u) => `${u.building}${u.unitNo}`)).toEqual(['5栋0001', '6栋0001'])
  })
})

describe('WeChat cloud simulated: an import that dies midway', () => {
  const SMALL_ROLL = bigRoll(8, 2)

  test('a failure the import sees: its units and its claim are removed, and the next import takes the same number', async () => {
    const p = await cloudbase()
    const watch = watchAdds(p.cloud, COLLECTIONS.rollUnits, (n) => {
      if (n === 150) throw Object.assign(new Error('errCode: -502001 database request fail | network timeout'), { errCode: -502001 })
    })
    await expect(p.ports.rollAdmin.commit(commitInput(bigRoll(300), 'sha-broken'), rollAudit)).rejects.toThrow('network timeout')
    expect(watch.started).toBeGreaterThanOrEqual(150)
    const left = [...p.cloud.collections.get(COLLECTIONS.rollUnits)!.values()].filter((r) => r.doc.version === 2)
    expect(left).toEqual([])
    expect(p.cloud.collections.get(COLLECTIONS.rollImports)!.size).toBe(0)
    expect((await p.ports.rollAdmin.versions(C)).map((v) => v.version)).toEqual([1])

    expect(await p.ports.rollAdmin.commit(commitInput(SMALL_ROLL, 'sha-small'), rollAudit)).toMatchObject({ created: true, version: 2 })
    expect((await p.ports.roll.latest(C))!.units).toBe(8)
  })

  test('an import the platform stops: nothing visible; others are told to wait; after the lease the number is taken over and the leftovers cleared', async () => {
    // The wall clock, moved on by hand past the lease below.
    let skipped = 0
    const p = await cloudbase(() => Date.now() + skipped)
    const db = p.cloud.database()
    // From the 200th unit on the function is gone: every further request fails, its own clean-up too.
    let added = 0
    let dead = false
    const gone = () => Promise.reject(new Error('function stopped'))
    const alive = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => (...a: A): Promise<R> => (dead ? gone() : f(...a))
    const collection = db.collection.bind(db)
    db.collection = (<T>(n: string): Collection<T> => {
      const c = collection<T>(n)
      return {
        ...c,
        add: alive(async (o: { data: T }) => {
          const r = await c.add(o)
          if (n === COLLECTIONS.rollUnits && ++added >= 200) dead = true
          return r
        }),
        doc: (id: string) => {
          const d = c.doc(id)
          return { get: alive(d.get), set: alive(d.set), update: alive(d.update), remove: alive(d.remove) }
        },
      }
    }) as typeof db.collection
    const runTransaction = db.runTransaction
    db.runTransaction = alive(runTransaction) as typeof runTransaction
    await expect(p.ports.rollAdmin.commit(commitInput(bigRoll(1000), 'sha-dies'), rollAudit)).rejects.toThrow()
    db.collection = collection
    db.runTransaction = runTransaction
    const leftovers = [...p.cloud.collections.get(COLLECTIONS.rollUnits)!.values()].filter((r) => r.doc.version === 2)
    expect(leftovers.length).toBeGreaterThanOrEqual(200)
    expect(leftovers.length).toBeLessThan(1000)

    // Nobody sees the half-written version.
    expect((await p.ports.roll.latest(C))!.version).toBe(1)
    expect(await p.ports.rollAdmin.unit(C, '1栋', '0001')).toBeNull()
    expect((await p.ports.rollAdmin.versions(C)).map((v) => v.version)).toEqual([1])

    // Within the lease another import waits, then is told to try later, writing nothing.
    const before = p.cloud.collections.get(COLLECTIONS.rollUnits)!.size
    await expect(p.ports.rollAdmin.commit(commitInput(SMALL_ROLL, 'sha-small'), rollAudit)).rejects.toMatchObject({ code: 'ROLL.BUSY' })
    expect(p.cloud.collections.get(COLLECTIONS.rollUnits)!.size).toBe(before)

    // Once the lease has run out the number is taken over: version 2 holds exactly the new roll.
    skipped += ROLL_CLAIM_LEASE_MS + 1
    expect(await p.ports.rollAdmin.commit(commitInput(SMALL_ROLL, 'sha-small'), rollAudit)).toMatchObject({ created: true, version: 2 })
    const v2 = [...p.cloud.collections.get(COLLECTIONS.rollUnits)!.values()].filter((r) => r.doc.version === 2).map((r) => `${r.doc.building}${r.doc.unitNo}`)
    expect(v2.sort()).toEqual(SMALL_ROLL.map((u) => `${u.building}${u.unitNo}`).sort())
    expect(await p.ports.rollAdmin.versions(C)).toMatchObject([{ version: 2, units: 8, sourceSha256: 'sha-small' }, { version: 1 }])
    expect((await p.ports.audit.all(C)).filter((e) => e.action === 'roll.import').map((e) => e.subject)).toEqual(['roll:1', 'roll:2'])
  })
})

describe('WeChat cloud simulated: the queries the adapters build', () => {
  test('versions are read in pages of 100, newest first, with who imported each', async () => {
    const p = await cloudbase()
    for (let i = 0; i < 104; i++) await p.ports.rollAdmin.commit(commitInput(SMALL_ROLL_OF(i), `sha-${i}`), rollAudit)
    p.cloud.queries.length = 0
    const versions = await p.ports.rollAdmin.versions(C)
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 105 }, (_, i) => 105 - i))
    expect(versions[0]).toMatchObject({ createdBy: CHAIR, createdByName: '李建国', sourceFile: 'f-sha-103' })
    expect(versions[104]).toMatchObject({ createdBy: null, createdByName: null })
    const pages = p.cloud.queries.filter((q) => q.collection === COLLECTIONS.rollVersions)
    expect(pages.map((q) => [q.where, q.orderBy, q.skip, q.limit])).toEqual([
      [{ communityId: C }, [['version', 'desc']], 0, 100],
      [{ communityId: C }, [['version', 'desc']], 100, 100],
    ])
  })

  test('the committee queue: pending first then decided, newest first, past one page of 100', async () => {
    const p = await cloudbase()
    const submit = (i: number) => p.ports.ownership.submitProof(
      { id: `v-${String(i).padStart(3, '0')}`, communityId: C, personId: 'p-zhou-min', building: '9栋', unitNo: String(i).padStart(4, '0'), claimedName: '周敏', fileId: 'f-1', note: '', openLimit: 1000, at: T0 + i },
      { communityId: C, actorId: 'p-zhou-min', action: 'verification.submit', subject: `verification:v-${i}`, data: {} },
    )
    for (let i = 0; i < 130; i++) await submit(i)
    // Decide the five oldest: they go to the end.
    for (let i = 0; i < 5; i++) {
      await p.ports.ownership.decide({ id: `v-00${i}`, approve: false, ownerKey: null, reason: '不符', by: CHAIR, at: T0 + 1000 }, { communityId: C, actorId: CHAIR, action: 'verification.reject', subject: `verification:v-${i}`, data: {} })
    }
    p.cloud.queries.length = 0
    const queue = await p.ports.ownership.requests(C, 128)
    expect(queue).toHaveLength(128)
    expect(queue.slice(0, 3).map((r) => r.id)).toEqual(['v-129', 'v-128', 'v-127'])
    expect(queue.slice(123).map((r) => [r.id, r.status])).toEqual([['v-006', 'pending'], ['v-005', 'pending'], ['v-004', 'rejected'], ['v-003', 'rejected'], ['v-002', 'rejected']])
    const asked = p.cloud.queries.filter((q) => q.collection === COLLECTIONS.verificationRequests).map((q) => [q.where, q.skip, q.limit])
    const _ = p.cloud.database().command
    expect(asked).toEqual([
      [{ communityId: C, status: 'pending' }, 0, 100],
      [{ communityId: C, status: 'pending' }, 100, 28],
      [{ communityId: C, status: _.in(['approved', 'rejected']) }, 0, 3],
    ])
    expect((await p.ports.ownership.request('v-129'))!.personName).toBe('周敏')
  })

  test('communities by part of their name: the text is matched literally, never as a pattern', async () => {
    const p = await cloudbase()
    const communities = p.cloud.database().collection(COLLECTIONS.communities)
    await communities.add({ data: { _id: 'c-a', name: '华景(东)区', settings: '{}', createdAt: T0 } })
    await communities.add({ data: { _id: 'c-b', name: '华景东区', settings: '{}', createdAt: T0 } })
    p.cloud.queries.length = 0
    expect(await p.ports.ownership.communitiesNamed('(东)', 10)).toEqual([{ id: 'c-a', name: '华景(东)区' }])
    expect(await p.ports.ownership.communitiesNamed('华景', 10)).toEqual([{ id: 'c-a', name: '华景(东)区' }, { id: 'c-b', name: '华景东区' }])
    expect(await p.ports.ownership.communitiesNamed('华景', 1)).toEqual([{ id: 'c-a', name: '华景(东)区' }])
    const db = p.cloud.database()
    expect(p.cloud.queries[0]).toEqual({ collection: COLLECTIONS.communities, where: { name: db.RegExp({ regexp: '\\(东\\)', options: '' }) }, orderBy: [['name', 'asc']], skip: 0, limit: 10 })
  })

  test('20 bind attempts at once: one counter document per person and day, moved in transactions that conflicted and were retried', async () => {
    const p = await cloudbase()
    const taken = await Promise.all(Array.from({ length: 20 }, () => p.ports.ownership.reserveAttempt('p-zhou-min', '2026-11-28', 5)))
    expect(taken.filter((n) => n !== null).sort()).toEqual([1, 2, 3, 4, 5])
    expect([...p.cloud.collections.get(COLLECTIONS.bindAttempts)!.values()].map((r) => r.doc)).toEqual([{ _id: 'p-zhou-min|2026-11-28', personId: 'p-zhou-min', day: '2026-11-28', count: 5 }])
    expect(p.cloud.transactionRetries).toBeGreaterThan(0)
  })

  test.each(['E11000', 'DATABASE_DUPLICATE_WRITE'] as const)('a second request for a pending unit (%s) is named as such and writes nothing; a used invite code is refused', async (style) => {
    const p = await cloudbase()
    p.cloud.duplicateStyle = style
    const submit = (id: string) => p.ports.ownership.submitProof(
      { id, communityId: C, personId: 'p-zhou-min', building: '5栋', unitNo: '0302', claimedName: '周敏', fileId: 'f-1', note: '', openLimit: 3, at: T0 },
      { communityId: C, actorId: 'p-zhou-min', action: 'verification.submit', subject: `verification:${id}`, data: {} },
    )
    expect(await submit('v-1')).toMatchObject({ ok: true })
    const everything = () => JSON.stringify([...p.cloud.collections.entries()].map(([name, docs]) => [name, [...docs.entries()]]))
    const before = everything()
    expect(await submit('v-2')).toEqual({ ok: false, why: 'already-pending' })
    expect(everything()).toBe(before)
    const invite = { code: 'ABCD2345', communityId: C, building: '1栋', unitNo: '0202', createdBy: 'p-zhang-wei', createdAt: T0, expiresAt: T0 + 1000 }
    expect(await p.ports.ownership.createInvite(invite)).toBe(true)
    expect(await p.ports.ownership.createInvite({ ...invite, unitNo: '0203' })).toBe(false)
  })
})

/** A one-unit roll that differs each time. */
function SMALL_ROLL_OF(i: number): RollUnitRecord[] {
  return [{ building: 'A栋', unitNo: String(i).padStart(4, '0'), area: 5000, basis: 'registered', ownerKey: `K${i}`, ownerNames: '张三', phones: '', developerUnsold: false }]
}
