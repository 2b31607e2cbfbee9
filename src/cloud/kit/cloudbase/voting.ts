// Owners' assemblies on CloudBase, answering exactly as the SQLite adapter
// (sqlite/voting.ts) does: same refusals, same ordering, same shapes.
//
// Ballots. One document per owner per motion, added under the _id
// community|assembly|voter key|motion (ids.ballot), so the database itself
// refuses a second ballot on a motion whichever channel (online, paper,
// proxy) it comes through. A multi-motion ballot is one transaction that
// adds every motion's document with its audit entry: all stand or none. One
// document per owner per assembly would not do: an owner may vote some
// motions now and others later (or through a proxy named for chosen
// motions), and that document's _id would then refuse the legitimate second
// part, or have to be updated, which is no longer the database refusing a
// duplicate. Ballots are only ever added, never set or updated.
//
// Transactions: only where writes must stand or fall together — each write
// with its audit entry (the chain head is read and moved in the same
// transaction, see audit.ts). A transaction may only read and write single
// documents by _id (no where, no aggregate), so every check it needs is a
// document: the voter's assembly_voters document (voted? standing proxy?)
// and the proxy holder's counter. Concurrent writers of one such document
// conflict and the platform retries one of them, which is what keeps a
// revoked proxy from voting, a proxy from being granted after the owner
// voted, and a holder under the cap.
//
// The electorate is the fixed roll version's units (immutable, see
// RollUnitDoc); opening only records the version and its totals. Sums
// (participation, the count's sums per motion and choice) are computed by the
// database's aggregation; lists are read in pages of 100.
import { DEVELOPER_HEAD, voterKeyOf } from '../../../domain/roll'
import type { BallotSums } from '../../../domain/voting/result'
import type { Choice } from '../../../domain/voting/tally'
import type { AuditDraft } from '../ports'
import type { AssemblyRecord, BallotMarks, CastOutcome, Participation, ProxyRecord, ResolveOutcome, StoredBallot, Voter, VotingPort } from '../voting-port'
import { appendAudit, chainTransaction } from './audit'
import {
  COLLECTIONS, ids,
  type AssemblyDoc, type AssemblyVoterDoc, type BallotDoc, type CommunityDoc, type CorrectionDoc, type ElectorateSummary, type MarksFields, type MotionDoc, type ObjectionDoc,
  type OwnerBindingDoc, type ProxyDoc, type ProxyHolderDoc, type ResultDoc, type RollUnitDoc, type RollVersionDoc,
} from './collections'
import { getOrNull, isDuplicateWrite } from './errors'
import { chunks, fetchAll, fetchKnown, MAX_PAGE } from './paging'
import type { Database, DocRef } from './sdk'

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const byBuilding = (a: string, b: string): number => a.localeCompare(b, 'zh-Hans-CN', { numeric: true })

/** What never changes once voting opened: where the electorate is and its totals. */
interface Fixed { communityId: string; rollVersion: number; electorate: ElectorateSummary }

const copyMotions = (motions: AssemblyDoc['motions']): AssemblyDoc['motions'] =>
  motions.map((m) => ({ id: m.id, matter: m.matter, title: m.title, body: m.body, seats: m.seats, candidates: m.candidates.map((c) => ({ id: c.id, name: c.name, statement: c.statement })) }))
const toRecord = (d: AssemblyDoc): AssemblyRecord => ({
  id: d._id, communityId: d.communityId, title: d.title, notice: d.notice, attachments: d.attachments, noticeAt: d.noticeAt, opensAt: d.opensAt, closesAt: d.closesAt,
  shortNoticeReason: d.shortNoticeReason, createdBy: d.createdBy, createdAt: d.createdAt, rollVersion: d.rollVersion, openedAt: d.openedAt, stage: d.stage,
  motions: copyMotions(d.motions),
})
const toProxy = (d: ProxyDoc): ProxyRecord => ({
  id: d._id, assemblyId: d.assemblyId, voterKey: d.voterKey, proxyPersonId: d.proxyPersonId, motions: d.motions, letterPhoto: d.letterPhoto, grantedBy: d.grantedBy, grantedAt: d.grantedAt, revokedAt: d.revokedAt,
})
const marksOf = (d: MarksFields): BallotMarks => (d.choice !== null ? { choice: d.choice } : { approve: d.approve ?? [], oppose: d.oppose ?? [] })
const marksFields = (m: BallotMarks): MarksFields => ('choice' in m ? { choice: m.choice, approve: null, oppose: null } : { choice: null, approve: [...m.approve], oppose: [...m.oppose] })
const unitOrder = (a: { building: string; unitNo: string }, b: { building: string; unitNo: string }) => byText(a.building, b.building) || byText(a.unitNo, b.unitNo)
/** A document written back whole: `set` replaces it, so nested fields never merge with stale ones. */
const replace = <T extends { _id: string }>(ref: DocRef<T>, current: T, changes: Partial<Omit<T, '_id'>>) => {
  const { _id: _unused, ...rest } = current
  return ref.set({ data: { ...rest, ...changes } as Omit<T, '_id'> })
}

export function cloudbaseVoting(db: Database): VotingPort {
  const _ = db.command
  const $ = db.command.aggregate
  const col = <T>(name: string) => db.collection<T>(name)

  // Immutable once voting opened, so kept for the life of a warm instance:
  // spares a ballot the reads its voter check already made.
  const fixedCache = new Map<string, Fixed>()
  const voterCache = new Map<string, Voter | null>()

  async function fixed(assemblyId: string): Promise<Fixed | null> {
    const hit = fixedCache.get(assemblyId)
    if (hit) return hit
    const a = await getOrNull(col<AssemblyDoc>(COLLECTIONS.assemblies).doc(assemblyId))
    if (!a || a.rollVersion === null || !a.electorate) return null
    const f = { communityId: a.communityId, rollVersion: a.rollVersion, electorate: a.electorate }
    fixedCache.set(assemblyId, f)
    return f
  }

  // One where() per query, with every condition in it.
  const unitsOfVersion = (f: Fixed, more: Record<string, unknown> = {}) => col<RollUnitDoc>(COLLECTIONS.rollUnits).where({ communityId: f.communityId, version: f.rollVersion, ...more })
  const allUnits = (f: Fixed) => fetchKnown(() => unitsOfVersion(f).orderBy('building', 'asc').orderBy('unitNo', 'asc'), f.electorate.units)

  async function voter(assemblyId: string, voterKey: string): Promise<Voter | null> {
    const key = `${assemblyId}\u0000${voterKey}`
    if (voterCache.has(key)) return voterCache.get(key)!
    const f = await fixed(assemblyId)
    if (!f) return null
    // All developer-unsold units vote as one head, whatever their owner key (第九条).
    const where = voterKey === DEVELOPER_HEAD ? { developerUnsold: true } : { ownerKey: voterKey, developerUnsold: false }
    const units = (await fetchAll(() => unitsOfVersion(f, where)))
      .map((u) => ({ building: u.building, unitNo: u.unitNo, area: u.area }))
      .sort(unitOrder)
    const v = units.length ? { voterKey, area: units.reduce((sum, u) => sum + u.area, 0), units } : null
    if (voterCache.size >= 5000) voterCache.clear()
    voterCache.set(key, v)
    return v
  }

  /** Which ballot was there first, read after the database refused the new one. */
  async function firstBallot(communityId: string, s: { assemblyId: string; voterKey: string; rows: Array<{ motionId: string }> }): Promise<CastOutcome | null> {
    for (const r of s.rows) {
      const first = await getOrNull(col<BallotDoc>(COLLECTIONS.ballots).doc(ids.ballot(communityId, s.assemblyId, s.voterKey, r.motionId)))
      if (first) return { stored: false, reason: 'duplicate', first: { motionId: first.motionId, channel: first.channel, castAt: first.castAt } }
    }
    return null
  }

  return {
    async communitySettings(communityId) {
      const c = await getOrNull(col<CommunityDoc>(COLLECTIONS.communities).doc(communityId))
      return c?.settings ? JSON.parse(c.settings) : {}
    },

    callAssembly: (a, audit) =>
      chainTransaction(db, async (t) => {
        const doc: AssemblyDoc = {
          _id: a.id, communityId: a.communityId, title: a.title, notice: a.notice, attachments: [...a.attachments], noticeAt: a.noticeAt, opensAt: a.opensAt, closesAt: a.closesAt,
          shortNoticeReason: a.shortNoticeReason, createdBy: a.createdBy, createdAt: a.noticeAt, motions: copyMotions(a.motions),
          rollVersion: null, openedAt: null, electorate: null, stage: null,
        }
        await t.collection<AssemblyDoc>(COLLECTIONS.assemblies).add({ data: doc })
        for (const [i, m] of a.motions.entries()) {
          await t.collection<MotionDoc>(COLLECTIONS.motions).add({ data: { _id: m.id, assemblyId: a.id, communityId: a.communityId, position: i + 1 } })
        }
        return (await appendAudit(t, audit, a.noticeAt)).seq
      }),

    async assemblies(communityId) {
      const docs = await fetchAll(() => col<AssemblyDoc>(COLLECTIONS.assemblies).where({ communityId }).orderBy('opensAt', 'desc').orderBy('_id', 'asc'))
      return docs.sort((x, y) => y.opensAt - x.opensAt || byText(x._id, y._id)).map(toRecord)
    },

    async assembly(communityId, assemblyId) {
      const d = await getOrNull(col<AssemblyDoc>(COLLECTIONS.assemblies).doc(assemblyId))
      return d && d.communityId === communityId ? toRecord(d) : null
    },

    async unclosed(now) {
      const docs = await fetchAll(() => col<AssemblyDoc>(COLLECTIONS.assemblies).where({ closesAt: _.gt(now) }).orderBy('opensAt', 'asc').orderBy('_id', 'asc'))
      return docs.sort((x, y) => x.opensAt - y.opensAt || byText(x._id, y._id)).map(toRecord)
    },

    async motionsElsewhere(communityId, assemblyId, motionIds) {
      const found = new Set<string>()
      for (const part of chunks([...new Set(motionIds)])) {
        const { data } = await col<MotionDoc>(COLLECTIONS.motions).where({ _id: _.in(part), communityId }).limit(MAX_PAGE).get()
        for (const m of data) if (m.assemblyId !== assemblyId) found.add(m._id)
      }
      return found
    },

    async openVoting(assemblyId, at, audit) {
      const a = await getOrNull(col<AssemblyDoc>(COLLECTIONS.assemblies).doc(assemblyId))
      if (!a || a.rollVersion !== null) return false
      // The newest version is read before the transaction (no queries inside
      // one); versions only ever get added, and the transaction re-reads the
      // assembly, so the first opener alone fixes one.
      const { data } = await col<RollVersionDoc>(COLLECTIONS.rollVersions).where({ communityId: a.communityId }).orderBy('version', 'desc').limit(1).get()
      const v = data[0]
      if (!v) return false
      const electorate: ElectorateSummary = { units: v.units, area: v.area, heads: v.heads, buildings: v.buildings.map((b) => ({ building: b.building, area: b.area, heads: b.heads })) }
      return chainTransaction(db, async (t) => {
        const ref = t.collection<AssemblyDoc>(COLLECTIONS.assemblies).doc(assemblyId)
        const current = await getOrNull(ref)
        if (!current || current.rollVersion !== null) return false
        await replace(ref, current, { rollVersion: v.version, openedAt: at, electorate })
        await appendAudit(t, audit(v.version, { area: v.area, heads: v.heads }), at)
        return true
      })
    },

    async votersOf(assemblyId, communityId, personId) {
      const f = await fixed(assemblyId)
      if (!f) return []
      const ownerKeys = [...new Set((await fetchAll(() => col<OwnerBindingDoc>(COLLECTIONS.ownerBindings).where({ communityId, personId }))).map((b) => b.ownerKey))]
      const keys = new Set<string>()
      for (const part of chunks(ownerKeys)) {
        for (const u of await fetchAll(() => unitsOfVersion(f, { ownerKey: _.in(part) }))) keys.add(voterKeyOf(u))
      }
      const voters = await Promise.all([...keys].sort(byText).map((k) => voter(assemblyId, k)))
      return voters.filter((v): v is Voter => v !== null)
    },

    voter,

    async voterOfUnit(assemblyId, building, unitNo) {
      const f = await fixed(assemblyId)
      if (!f) return null
      const u = await getOrNull(col<RollUnitDoc>(COLLECTIONS.rollUnits).doc(ids.rollUnit(f.communityId, f.rollVersion, building, unitNo)))
      return u ? voterKeyOf(u) : null
    },

    async cast(s, audit) {
      const f = await fixed(s.assemblyId)
      if (!f) throw new Error(`assembly ${s.assemblyId} has not opened`)
      // The voter's area by building, for participation per building.
      const perBuilding = new Map<string, number>()
      for (const u of (await voter(s.assemblyId, s.voterKey))?.units ?? []) perBuilding.set(u.building, (perBuilding.get(u.building) ?? 0) + u.area)
      const buildings = [...perBuilding].map(([building, area]) => ({ building, area }))
      const docs = s.rows.map((r): BallotDoc => ({
        _id: ids.ballot(f.communityId, s.assemblyId, s.voterKey, r.motionId), communityId: f.communityId, assemblyId: s.assemblyId, motionId: r.motionId, voterKey: s.voterKey,
        ...marksFields(r.marks), area: s.area, channel: s.channel, castBy: s.castBy, castAt: s.castAt, trackingCode: s.trackingCode, photo: s.photo, proxyId: s.proxyId,
      }))
      try {
        return await chainTransaction(db, async (t): Promise<CastOutcome> => {
          const voters = t.collection<AssemblyVoterDoc>(COLLECTIONS.assemblyVoters)
          const ref = voters.doc(ids.assemblyVoter(s.assemblyId, s.voterKey))
          const state = await getOrNull(ref)
          // Read inside the write: a revocation commits before or after, never between.
          if (s.proxyId !== null && state?.proxyId !== s.proxyId) return { stored: false, reason: 'proxy-revoked' }
          for (const data of docs) await t.collection<BallotDoc>(COLLECTIONS.ballots).add({ data })
          if (!state) await voters.add({ data: { _id: ids.assemblyVoter(s.assemblyId, s.voterKey), assemblyId: s.assemblyId, voterKey: s.voterKey, voted: true, area: s.area, buildings, proxyId: null } })
          else if (!state.voted) await ref.update({ data: { voted: true, area: s.area, buildings } })
          return { stored: true, auditSeq: (await appendAudit(t, audit, s.castAt)).seq }
        })
      } catch (e) {
        // The database refused an _id that exists: the transaction wrote
        // nothing, and now the first ballot is read to say when and how.
        if (!isDuplicateWrite(e)) throw e
        const first = await firstBallot(f.communityId, s)
        if (first) return first
        throw e
      }
    },

    async castBy(assemblyId, voterKeys) {
      const rows: Array<{ voterKey: string; motionId: string; channel: StoredBallot['channel']; castAt: number; trackingCode: string }> = []
      for (const part of chunks([...new Set(voterKeys)])) {
        for (const b of await fetchAll(() => col<BallotDoc>(COLLECTIONS.ballots).where({ assemblyId, voterKey: _.in(part) }))) {
          rows.push({ voterKey: b.voterKey, motionId: b.motionId, channel: b.channel, castAt: b.castAt, trackingCode: b.trackingCode })
        }
      }
      return rows.sort((x, y) => x.castAt - y.castAt || byText(x.motionId, y.motionId) || byText(x.voterKey, y.voterKey))
    },

    async participation(assemblyId) {
      const f = await fixed(assemblyId)
      if (!f) return null
      // Sums by the database: who has voted (any motion), overall and per building.
      const voted = () => col<AssemblyVoterDoc>(COLLECTIONS.assemblyVoters).aggregate().match({ assemblyId, voted: true })
      const [overall, perBuilding] = await Promise.all([
        voted().group({ _id: null, area: $.sum('$area'), heads: $.sum(1) }).limit(1).end(),
        voted().unwind('$buildings').group({ _id: '$buildings.building', area: $.sum('$buildings.area'), heads: $.sum(1) }).limit(1000).end(),
      ])
      const p = overall.list[0] as { area: number; heads: number } | undefined
      const byB = new Map(perBuilding.list.map((r) => [r._id as string, { area: r.area as number, heads: r.heads as number }]))
      const out: Participation = {
        total: { area: f.electorate.area, heads: f.electorate.heads },
        participating: { area: p?.area ?? 0, heads: p?.heads ?? 0 },
        buildings: [...f.electorate.buildings]
          .sort((x, y) => byBuilding(x.building, y.building))
          .map((b) => ({ building: b.building, total: { area: b.area, heads: b.heads }, participating: byB.get(b.building) ?? { area: 0, heads: 0 } })),
      }
      return out
    },

    async electorate(assemblyId) {
      const f = await fixed(assemblyId)
      if (!f) return []
      const areas = new Map<string, number>()
      for (const u of await allUnits(f)) areas.set(voterKeyOf(u), (areas.get(voterKeyOf(u)) ?? 0) + u.area)
      return [...areas].map(([voterKey, area]) => ({ voterKey, area })).sort((x, y) => byText(x.voterKey, y.voterKey))
    },

    async electorateUnits(assemblyId) {
      const f = await fixed(assemblyId)
      if (!f) return []
      return (await allUnits(f)).map((u) => ({ voterKey: voterKeyOf(u), building: u.building, unitNo: u.unitNo, area: u.area })).sort(unitOrder)
    },

    async ballots(assemblyId) {
      const query = () => col<BallotDoc>(COLLECTIONS.ballots).where({ assemblyId })
      const { total } = await query().count()
      const docs = await fetchKnown(() => query().orderBy('_id', 'asc'), total)
      return docs
        .map((d): StoredBallot => ({ motionId: d.motionId, voterKey: d.voterKey, marks: marksOf(d), area: d.area, channel: d.channel, castAt: d.castAt, trackingCode: d.trackingCode }))
        .sort((x, y) => x.castAt - y.castAt || byText(x.trackingCode, y.trackingCode) || byText(x.motionId, y.motionId))
    },

    async ballotSums(assemblyId) {
      const a = await getOrNull(col<AssemblyDoc>(COLLECTIONS.assemblies).doc(assemblyId))
      const total = a?.electorate ? { area: a.electorate.area, heads: a.electorate.heads } : { area: 0, heads: 0 }
      const ballots = (more: Record<string, unknown> = {}) => col<BallotDoc>(COLLECTIONS.ballots).aggregate().match({ assemblyId, ...more })
      // Sums by the database. Per motion and choice: at most 30 motions × 4 groups.
      const choices = await ballots().group({ _id: { motionId: '$motionId', choice: '$choice' }, area: $.sum('$area'), heads: $.sum(1) }).limit(1000).end()
      const byChoice = choices.list.map((r) => {
        const key = r._id as { motionId: string; choice: Choice | null }
        return { motionId: key.motionId, choice: key.choice ?? null, area: r.area as number, heads: r.heads as number }
      })
      // Per candidate, one election and one mark at a time (at most 50 candidates each).
      const byCandidate: BallotSums['byCandidate'][number][] = []
      for (const m of (a?.motions ?? []).filter((x) => x.seats !== null)) {
        for (const mark of ['approve', 'oppose'] as const) {
          const { list } = await ballots({ motionId: m.id }).unwind(`$${mark}`).group({ _id: `$${mark}`, area: $.sum('$area'), heads: $.sum(1) }).limit(100).end()
          for (const r of list) byCandidate.push({ motionId: m.id, candidate: r._id as string, mark, area: r.area as number, heads: r.heads as number })
        }
      }
      return { total, byChoice, byCandidate }
    },

    grantProxy: (p, cap, audit) =>
      chainTransaction(db, async (t) => {
        const voters = t.collection<AssemblyVoterDoc>(COLLECTIONS.assemblyVoters)
        const ref = voters.doc(ids.assemblyVoter(p.assemblyId, p.voterKey))
        const state = await getOrNull(ref)
        if (state?.voted) return { ok: false as const, reason: 'voted' as const }
        const holders = t.collection<ProxyHolderDoc>(COLLECTIONS.proxyHolders)
        const holderRef = holders.doc(ids.proxyHolder(p.assemblyId, p.proxyPersonId))
        const holder = await getOrNull(holderRef)
        if ((holder?.standing ?? 0) >= cap) return { ok: false as const, reason: 'cap' as const }
        // One standing proxy per owner per assembly: two grants at once both
        // write this voter's document, so the platform lets one through and
        // retries the other, which then reads the first.
        if (state?.proxyId) return { ok: false as const, reason: 'exists' as const }
        await t.collection<ProxyDoc>(COLLECTIONS.proxies).add({
          data: { _id: p.id, assemblyId: p.assemblyId, voterKey: p.voterKey, proxyPersonId: p.proxyPersonId, motions: p.motions === null ? null : [...p.motions], letterPhoto: p.letterPhoto, grantedBy: p.grantedBy, grantedAt: p.grantedAt, revokedAt: null, revokedBy: null },
        })
        if (state) await ref.update({ data: { proxyId: p.id } })
        else await voters.add({ data: { _id: ids.assemblyVoter(p.assemblyId, p.voterKey), assemblyId: p.assemblyId, voterKey: p.voterKey, voted: false, area: 0, buildings: [], proxyId: p.id } })
        if (holder) await holderRef.update({ data: { standing: holder.standing + 1 } })
        else await holders.add({ data: { _id: ids.proxyHolder(p.assemblyId, p.proxyPersonId), assemblyId: p.assemblyId, proxyPersonId: p.proxyPersonId, standing: 1 } })
        return { ok: true as const, auditSeq: (await appendAudit(t, audit, p.grantedAt)).seq }
      }),

    revokeProxy: (assemblyId, voterKey, by, at, audit) =>
      chainTransaction(db, async (t) => {
        const ref = t.collection<AssemblyVoterDoc>(COLLECTIONS.assemblyVoters).doc(ids.assemblyVoter(assemblyId, voterKey))
        const state = await getOrNull(ref)
        if (state?.voted) return { ok: false as const, reason: 'voted' as const }
        if (!state?.proxyId) return { ok: false as const, reason: 'none' as const }
        const proxyRef = t.collection<ProxyDoc>(COLLECTIONS.proxies).doc(state.proxyId)
        const proxy = await getOrNull(proxyRef)
        if (!proxy) throw new Error(`standing proxy ${state.proxyId} is missing`)
        await proxyRef.update({ data: { revokedAt: at, revokedBy: by } })
        await ref.update({ data: { proxyId: null } })
        const holderRef = t.collection<ProxyHolderDoc>(COLLECTIONS.proxyHolders).doc(ids.proxyHolder(assemblyId, proxy.proxyPersonId))
        const holder = await getOrNull(holderRef)
        if (holder) await holderRef.update({ data: { standing: holder.standing - 1 } })
        return { ok: true as const, auditSeq: (await appendAudit(t, audit, at)).seq }
      }),

    async ownersOfUnit(communityId, building, unitNo) {
      const { data } = await col<RollVersionDoc>(COLLECTIONS.rollVersions).where({ communityId }).orderBy('version', 'desc').limit(1).get()
      const unit = data[0] ? await getOrNull(col<RollUnitDoc>(COLLECTIONS.rollUnits).doc(ids.rollUnit(communityId, data[0].version, building, unitNo))) : null
      if (!unit) return []
      const bindings = await fetchAll(() => col<OwnerBindingDoc>(COLLECTIONS.ownerBindings).where({ communityId, ownerKey: unit.ownerKey }))
      return [...new Set(bindings.map((b) => b.personId))].sort(byText)
    },

    async proxyFrom(assemblyId, voterKey, proxyPersonId) {
      const docs = await fetchAll(() => col<ProxyDoc>(COLLECTIONS.proxies).where({ assemblyId, voterKey, proxyPersonId }))
      // The standing one if any, else the newest.
      docs.sort((x, y) => Number(x.revokedAt !== null) - Number(y.revokedAt !== null) || y.grantedAt - x.grantedAt)
      return docs[0] ? toProxy(docs[0]) : null
    },

    async proxiesOf(assemblyId, filter) {
      const holder = filter.proxyPersonId ? { proxyPersonId: filter.proxyPersonId } : {}
      const docs: ProxyDoc[] = []
      if (filter.voterKeys) {
        for (const part of chunks([...new Set(filter.voterKeys)])) docs.push(...(await fetchAll(() => col<ProxyDoc>(COLLECTIONS.proxies).where({ assemblyId, voterKey: _.in(part), ...holder }))))
      } else {
        docs.push(...(await fetchAll(() => col<ProxyDoc>(COLLECTIONS.proxies).where({ assemblyId, ...holder }))))
      }
      return docs.sort((x, y) => x.grantedAt - y.grantedAt || byText(x._id, y._id)).map(toProxy)
    },

    async publishResult(assemblyId, r, audit) {
      try {
        return await chainTransaction(db, async (t) => {
          const auditSeq = (await appendAudit(t, audit, r.publishedAt)).seq
          // The (assembly, stage) _id refuses a second publication of a stage.
          await t.collection<ResultDoc>(COLLECTIONS.results).add({
            data: { _id: ids.result(assemblyId, r.stage), assemblyId, stage: r.stage, result: JSON.stringify(r.result), publishedAt: r.publishedAt, publishedBy: r.publishedBy, objectionUntil: r.objectionUntil, auditSeq },
          })
          const ref = t.collection<AssemblyDoc>(COLLECTIONS.assemblies).doc(assemblyId)
          const a = await getOrNull(ref)
          if (a && (r.stage === 'certified' || a.stage === null)) await replace(ref, a, { stage: r.stage })
          return { ok: true as const, auditSeq }
        })
      } catch (e) {
        // Two committee members closing at once: the first publication stands.
        if (isDuplicateWrite(e)) return { ok: false }
        throw e
      }
    },

    async results(assemblyId) {
      const docs = await fetchAll(() => col<ResultDoc>(COLLECTIONS.results).where({ assemblyId }))
      return docs
        .sort((x, y) => Number(x.stage === 'certified') - Number(y.stage === 'certified'))
        .map((d) => ({ stage: d.stage, result: JSON.parse(d.result), publishedAt: d.publishedAt, objectionUntil: d.objectionUntil, auditSeq: d.auditSeq }))
    },

    fileObjection: (o, audit: AuditDraft) =>
      chainTransaction(db, async (t) => {
        await t.collection<ObjectionDoc>(COLLECTIONS.objections).add({
          data: { _id: o.id, assemblyId: o.assemblyId, voterKey: o.voterKey, filedBy: o.filedBy, trackingCode: o.trackingCode, text: o.text, filedAt: o.filedAt, resolution: null, reason: null, resolvedBy: null, resolvedAt: null },
        })
        return (await appendAudit(t, audit, o.filedAt)).seq
      }),

    async resolveObjection(id, r, audit) {
      // Which assembly (and so which ballots) the objection is about never changes: read first.
      const filed = await getOrNull(col<ObjectionDoc>(COLLECTIONS.objections).doc(id))
      if (!filed) return { ok: false, reason: 'resolved' }
      const communityId = (await getOrNull(col<AssemblyDoc>(COLLECTIONS.assemblies).doc(filed.assemblyId)))?.communityId ?? ''
      try {
        return await chainTransaction(db, async (t): Promise<ResolveOutcome> => {
          const ref = t.collection<ObjectionDoc>(COLLECTIONS.objections).doc(id)
          const o = await getOrNull(ref)
          if (!o || o.resolution !== null) return { ok: false, reason: 'resolved' }
          await ref.update({ data: { resolution: r.resolution, reason: r.reason, resolvedBy: r.by, resolvedAt: r.at } })
          for (const c of r.corrections) {
            const ballotId = ids.ballot(communityId, o.assemblyId, c.voterKey, c.motionId)
            // A correction is of a stored ballot (what SQL's foreign key checks).
            if (!(await getOrNull(t.collection<BallotDoc>(COLLECTIONS.ballots).doc(ballotId)))) throw new Error(`no ballot ${ballotId} to correct`)
            await t.collection<CorrectionDoc>(COLLECTIONS.ballotCorrections).add({
              data: { _id: ballotId, assemblyId: o.assemblyId, motionId: c.motionId, voterKey: c.voterKey, objectionId: id, ...marksFields(c.marks), correctedBy: r.by, correctedAt: r.at },
            })
          }
          return { ok: true, auditSeq: (await appendAudit(t, audit, r.at)).seq }
        })
      } catch (e) {
        // The ballot's _id refused a second correction: nothing of this resolution stands.
        if (isDuplicateWrite(e)) return { ok: false, reason: 'corrected' }
        throw e
      }
    },

    async objections(assemblyId) {
      const docs = await fetchAll(() => col<ObjectionDoc>(COLLECTIONS.objections).where({ assemblyId }).orderBy('filedAt', 'asc').orderBy('_id', 'asc'))
      return docs
        .sort((x, y) => x.filedAt - y.filedAt || byText(x._id, y._id))
        .map((d) => ({
          id: d._id, assemblyId: d.assemblyId, voterKey: d.voterKey, filedBy: d.filedBy, trackingCode: d.trackingCode, text: d.text, filedAt: d.filedAt,
          resolution: d.resolution, reason: d.reason, resolvedBy: d.resolvedBy, resolvedAt: d.resolvedAt,
        }))
    },

    async corrections(assemblyId) {
      const docs = await fetchAll(() => col<CorrectionDoc>(COLLECTIONS.ballotCorrections).where({ assemblyId }))
      return docs
        .sort((x, y) => x.correctedAt - y.correctedAt || byText(x.motionId, y.motionId) || byText(x.voterKey, y.voterKey))
        .map((d) => ({ motionId: d.motionId, voterKey: d.voterKey, objectionId: d.objectionId, marks: marksOf(d), correctedBy: d.correctedBy, correctedAt: d.correctedAt }))
    },
  }
}
