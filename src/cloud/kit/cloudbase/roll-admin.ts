// Roll versions on CloudBase, answering as sqlite/roll-admin.ts does.
//
// A version of 50,000 units cannot be one transaction (a transaction writes
// single documents, a few at a time), so a commit is made invisible until it
// is whole instead: every reader finds a version through its version
// document, and that document is added LAST, in one transaction with the
// audit entry. Before it exists the version's units are there but unread.
//
//   1. claim: add roll_imports/<community|version> for the next number. The
//      database refuses a second claim of that _id, so one import at a time
//      writes a version's units; any other waits for it to finish (or takes
//      the number over once the claim has outlived any function, see
//      ROLL_CLAIM_LEASE_MS) and then decides afresh, as SQLite's serial
//      transactions would: the same roll again is "no change", another roll
//      is the version after.
//   2. the units, under the claimed number, many adds at once.
//   3. one transaction: the claim is still ours, add the version document,
//      append the audit entry.
// A commit that fails on the way removes its units and its claim; one the
// platform stops midway leaves a claim whose lease runs out, and whoever
// takes that number over first clears the units left under it.
import { randomBytes } from 'node:crypto'
import { AppError } from '../../../domain/errors'
import type { AuditDraft } from '../ports'
import type { RollAdminPort, RollUnitRecord, RollVersionRecord } from '../roll-ports'
import { appendAudit, chainTransaction } from './audit'
import { COLLECTIONS, ids, type PersonDoc, type RollImportDoc, type RollUnitDoc, type RollVersionDoc } from './collections'
import { addUnique, getOrNull } from './errors'
import { docsByIds, fetchAll, MAX_PAGE } from './paging'
import { newestVersion } from './roll'
import type { Database } from './sdk'

/** Unit documents written at once: quick, without flooding the database (50,000 units ≈ 500 rounds). */
export const UNIT_WRITES_AT_ONCE = 100
/**
 * How old a claim must be before it is taken as abandoned: longer than any
 * roll-commit call can run (its timeout is 60 s, src/cloud/roll-commit/cloudbase.json),
 * so the import holding it has certainly been stopped by the platform.
 */
export const ROLL_CLAIM_LEASE_MS = 120_000

export interface RollAdminTiming {
  /** Wall-clock time for claims (not the app's `now`, which tests may freeze). */
  clock: () => number
  /** How often a commit waiting for another one looks again. */
  pollMs: number
  /** How long a commit waits for another import before answering ROLL.BUSY (inside the function's timeout). */
  waitMs: number
  leaseMs: number
}

const DEFAULT_TIMING: RollAdminTiming = { clock: Date.now, pollMs: 200, waitMs: 40_000, leaseMs: ROLL_CLAIM_LEASE_MS }

/** The document of one unit of one version: the layout the roll, identity and voting adapters read. */
export const rollUnitDoc = (communityId: string, version: number, u: RollUnitRecord): RollUnitDoc => ({
  _id: ids.rollUnit(communityId, version, u.building, u.unitNo), communityId, version, building: u.building, unitNo: u.unitNo,
  area: u.area, basis: u.basis, ownerKey: u.ownerKey, ownerNames: u.ownerNames, phones: u.phones, developerUnsold: u.developerUnsold,
})

/** Runs `work` over every item, `atOnce` requests in flight at a time. */
export async function inParallel<T>(items: readonly T[], atOnce: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker))
}

/** Adds every unit of a version (also used by the demo seed). */
export async function addRollUnits(db: Database, communityId: string, version: number, units: readonly RollUnitRecord[], atOnce = UNIT_WRITES_AT_ONCE): Promise<void> {
  const col = db.collection<RollUnitDoc>(COLLECTIONS.rollUnits)
  await inParallel(units, atOnce, (u) => col.add({ data: rollUnitDoc(communityId, version, u) }))
}

const toRecord = (v: RollVersionDoc, names: Map<string, string>): RollVersionRecord => ({
  version: v.version, createdAt: v.createdAt, createdBy: v.createdBy, createdByName: v.createdBy ? names.get(v.createdBy) ?? null : null,
  sourceSha256: v.sourceSha256, sourceFile: v.sourceFile, units: v.units, area: v.area, heads: v.heads, buildings: v.buildings,
})

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export function cloudbaseRollAdmin(db: Database, timing: Partial<RollAdminTiming> = {}): RollAdminPort {
  const { clock, pollMs, waitMs, leaseMs } = { ...DEFAULT_TIMING, ...timing }
  const claims = () => db.collection<RollImportDoc>(COLLECTIONS.rollImports)
  const units = () => db.collection<RollUnitDoc>(COLLECTIONS.rollUnits)

  /**
   * Takes `version` for this import: 'fresh' when the claim was added,
   * 'taken-over' when an abandoned claim became ours, 'busy' while another
   * import holds it, 'look-again' when that one has just finished or given up.
   */
  async function claim(communityId: string, version: number, token: string, sourceSha256: string): Promise<'fresh' | 'taken-over' | 'busy' | 'look-again'> {
    const id = ids.rollVersion(communityId, version)
    if (await addUnique(claims(), { _id: id, communityId, version, token, sourceSha256, startedAt: clock(), finishedAt: null })) return 'fresh'
    const held = await getOrNull(claims().doc(id))
    if (!held || held.finishedAt !== null) return 'look-again'
    if (held.startedAt + leaseMs > clock()) return 'busy'
    // Abandoned: one taker wins (the claim document is the conflict), and only while no version document appeared.
    return db.runTransaction(async (t) => {
      const now = await getOrNull(t.collection<RollImportDoc>(COLLECTIONS.rollImports).doc(id))
      if (!now || now.token !== held.token || (await getOrNull(t.collection<RollVersionDoc>(COLLECTIONS.rollVersions).doc(id)))) return 'busy' as const
      await t.collection<RollImportDoc>(COLLECTIONS.rollImports).doc(id).update({ data: { token, sourceSha256, startedAt: clock() } })
      return 'taken-over' as const
    })
  }

  /** Removes whatever units an abandoned import left under `version` (none of them was ever visible). */
  async function clearVersion(communityId: string, version: number): Promise<void> {
    for (;;) {
      const { data } = await units().where({ communityId, version }).limit(MAX_PAGE).get()
      if (data.length === 0) return
      await inParallel(data, UNIT_WRITES_AT_ONCE, (u) => units().doc(u._id).remove())
    }
  }

  /**
   * After a failed commit: its units and its claim go, so the number is free
   * again at once. Only while the claim is still ours and no version document
   * exists (a commit whose answer was lost may have stood); units first, so
   * nobody else can be writing under the number meanwhile.
   */
  async function release(communityId: string, version: number, token: string, written: readonly RollUnitRecord[]): Promise<void> {
    const id = ids.rollVersion(communityId, version)
    const held = await getOrNull(claims().doc(id))
    if (!held || held.token !== token || (await getOrNull(db.collection<RollVersionDoc>(COLLECTIONS.rollVersions).doc(id)))) return
    await inParallel(written, UNIT_WRITES_AT_ONCE, (u) => units().doc(ids.rollUnit(communityId, version, u.building, u.unitNo)).remove())
    await db.runTransaction(async (t) => {
      const ref = t.collection<RollImportDoc>(COLLECTIONS.rollImports).doc(id)
      if ((await getOrNull(ref))?.token === token) await ref.remove()
    })
  }

  return {
    async commit(input, audit) {
      const c = input.communityId
      // An entry that cannot be written fails here, before any unit is.
      const draftFor = (version: number): AuditDraft => {
        const draft = audit(version)
        JSON.stringify(draft.data ?? null)
        return draft
      }
      draftFor(0)
      const token = randomBytes(8).toString('hex')
      const giveUpAt = clock() + waitMs
      for (;;) {
        const latest = await newestVersion(db, c)
        if (latest && latest.sourceSha256 === input.sourceSha256) return { created: false as const, version: latest.version }
        const version = (latest?.version ?? 0) + 1
        const got = await claim(c, version, token, input.sourceSha256)
        if (got === 'look-again') continue
        if (got === 'busy') {
          if (clock() >= giveUpAt) throw new AppError('ROLL.BUSY', '另一份名册正在导入，请稍后再试')
          await sleep(pollMs)
          continue
        }
        try {
          if (got === 'taken-over') await clearVersion(c, version)
          await addRollUnits(db, c, version, input.units)
          const s = input.summary
          const id = ids.rollVersion(c, version)
          const auditSeq = await chainTransaction(db, async (t) => {
            const held = await getOrNull(t.collection<RollImportDoc>(COLLECTIONS.rollImports).doc(id))
            if (held?.token !== token) throw new Error(`roll import of ${id} was taken over`)
            await t.collection<RollVersionDoc>(COLLECTIONS.rollVersions).add({
              data: {
                _id: id, communityId: c, version, createdAt: input.at, units: s.units, area: s.area, heads: s.heads, buildings: s.buildings.map((b) => ({ ...b })),
                createdBy: input.createdBy, sourceSha256: input.sourceSha256, sourceFile: input.sourceFile,
              },
            })
            await t.collection<RollImportDoc>(COLLECTIONS.rollImports).doc(id).update({ data: { finishedAt: clock() } })
            return (await appendAudit(t, draftFor(version), input.at)).seq
          })
          return { created: true as const, version, auditSeq }
        } catch (e) {
          await release(c, version, token, input.units).catch(() => undefined)
          throw e
        }
      }
    },

    async versions(communityId) {
      const docs = await fetchAll(() => db.collection<RollVersionDoc>(COLLECTIONS.rollVersions).where({ communityId }).orderBy('version', 'desc'))
      const creators = docs.map((v) => v.createdBy).filter((p): p is string => p !== null)
      const names = new Map((await docsByIds<PersonDoc>(db, COLLECTIONS.people, creators)).map((p) => [p._id, p.name]))
      return docs.map((v) => toRecord(v, names))
    },

    async unit(communityId, building, unitNo) {
      const latest = await newestVersion(db, communityId)
      if (!latest) return null
      const u = await getOrNull(units().doc(ids.rollUnit(communityId, latest.version, building, unitNo)))
      return u ? { version: u.version, building: u.building, unitNo: u.unitNo, area: u.area, basis: u.basis as RollUnitRecord['basis'], ownerKey: u.ownerKey, ownerNames: u.ownerNames, phones: u.phones, developerUnsold: u.developerUnsold } : null
    },
  }
}
