// Owner verification on CloudBase, answering as sqlite/ownership.ts does.
//
// Every limit and every "only once" is a document the decision reads and
// writes inside one transaction, so concurrent callers conflict on it and
// the platform runs them one after the other:
//   - a person's daily bind attempts and proof uploads: bind_attempts /
//     proof_uploads under person|day;
//   - one pending request per person and unit: verification_pending under
//     community|person|building|unit, added with the request (its _id refuses
//     a second) and removed by the decision;
//   - open requests per person and community: verification_open's count;
//   - a request decided once: the request document itself;
//   - an invite redeemed once: the invite document itself;
//   - the resident role dropped with the last link: resident_counts.
// Each audited write appends its entry in the same transaction.
import type { Role } from '../../../domain/roles'
import type { OwnershipPort, ResidentInvite, VerificationRequest } from '../roll-ports'
import { appendAudit, chainTransaction, CHAIN_ATTEMPTS } from './audit'
import {
  COLLECTIONS, ids,
  type CommunityDoc, type DailyCountDoc, type MembershipDoc, type OwnerBindingDoc, type PersonDoc, type ResidentCountDoc, type ResidentInviteDoc, type ResidentLinkDoc,
  type RollUnitDoc, type VerificationOpenDoc, type VerificationPendingDoc, type VerificationRequestDoc,
} from './collections'
import { addUnique, getOrNull, isDuplicateWrite } from './errors'
import { docsByIds, fetchAll, fetchFirst } from './paging'
import { newestVersion } from './roll'
import type { Database, Transaction } from './sdk'

const toRequest = (r: VerificationRequestDoc, person: PersonDoc | null | undefined): VerificationRequest => ({
  id: r._id, communityId: r.communityId, personId: r.personId, personName: person?.name ?? '', personPhone: person?.phone ?? null, building: r.building, unitNo: r.unitNo,
  claimedName: r.claimedName, fileId: r.fileId, note: r.note, status: r.status, reason: r.reason, createdAt: r.createdAt, decidedBy: r.decidedBy, decidedAt: r.decidedAt,
})
const toInvite = (d: ResidentInviteDoc): ResidentInvite => ({
  code: d._id, communityId: d.communityId, building: d.building, unitNo: d.unitNo, createdBy: d.createdBy, createdAt: d.createdAt, expiresAt: d.expiresAt, usedBy: d.usedBy,
})
/** Text as a regular expression that matches exactly that text. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Gives the person the role unless they have it (INSERT OR IGNORE). */
async function addMember(t: Transaction, communityId: string, personId: string, role: Role, at: number): Promise<void> {
  const ref = t.collection<MembershipDoc>(COLLECTIONS.memberships).doc(ids.membership(communityId, personId, role))
  if (!(await getOrNull(ref))) await ref.set({ data: { communityId, personId, role, buildings: [], grantedAt: at } })
}

/** Binds an owner key and makes the person an owner member; false when the binding existed. */
async function bindOwner(t: Transaction, communityId: string, personId: string, ownerKey: string, at: number): Promise<boolean> {
  const ref = t.collection<OwnerBindingDoc>(COLLECTIONS.ownerBindings).doc(ids.ownerBinding(communityId, personId, ownerKey))
  const created = !(await getOrNull(ref))
  if (created) await ref.set({ data: { communityId, personId, ownerKey, boundAt: at } })
  await addMember(t, communityId, personId, 'owner', at)
  return created
}

/** A per-person daily counter: one transaction reads it and moves it, so concurrent takers cannot pass the limit. */
function dailyCounter(db: Database, collection: string) {
  const counts = (t: Transaction) => t.collection<DailyCountDoc>(collection)
  // Twenty taps at once all write this one document: each conflict costs a retry.
  const run = <R>(fn: (t: Transaction) => Promise<R>) => db.runTransaction(fn, CHAIN_ATTEMPTS)
  return {
    take: (personId: string, day: string, limit: number): Promise<number | null> =>
      run(async (t) => {
        const ref = counts(t).doc(ids.daily(personId, day))
        const used = (await getOrNull(ref))?.count ?? 0
        if (used >= limit) return null
        await ref.set({ data: { personId, day, count: used + 1 } })
        return used + 1
      }),
    giveBack: (personId: string, day: string): Promise<void> =>
      run(async (t) => {
        const ref = counts(t).doc(ids.daily(personId, day))
        const used = (await getOrNull(ref))?.count ?? 0
        if (used > 0) await ref.set({ data: { personId, day, count: used - 1 } })
      }),
  }
}

/** Thrown inside a transaction to abandon it when the open-request limit is reached. */
class TooManyOpen extends Error {}
/** Thrown inside a transaction when the person already has this unit pending. */
class AlreadyPending extends Error {}

export function cloudbaseOwnership(db: Database): OwnershipPort {
  const attempts = dailyCounter(db, COLLECTIONS.bindAttempts)
  const uploads = dailyCounter(db, COLLECTIONS.proofUploads)
  const requests = () => db.collection<VerificationRequestDoc>(COLLECTIONS.verificationRequests)
  const _ = db.command

  /** Requests with their person's name and phone (as the SQL adapters join people). */
  async function withPeople(docs: VerificationRequestDoc[]): Promise<VerificationRequest[]> {
    const people = new Map((await docsByIds<PersonDoc>(db, COLLECTIONS.people, docs.map((d) => d.personId))).map((p) => [p._id, p]))
    return docs.filter((d) => people.has(d.personId)).map((d) => toRequest(d, people.get(d.personId)))
  }

  /** Moves a person's count of pending requests by one, inside the caller's transaction; false when taking would pass `limit`. */
  async function moveOpen(t: Transaction, communityId: string, personId: string, by: 1 | -1, limit = Infinity): Promise<boolean> {
    const ref = t.collection<VerificationOpenDoc>(COLLECTIONS.verificationOpen).doc(ids.communityPerson(communityId, personId))
    const pending = (await getOrNull(ref))?.pending ?? 0
    if (by === 1 && pending >= limit) return false
    if (by === -1 && pending === 0) return true
    await ref.set({ data: { communityId, personId, pending: pending + by } })
    return true
  }

  return {
    reserveAttempt: attempts.take,
    refundAttempt: attempts.giveBack,
    reserveProofUpload: uploads.take,
    refundProofUpload: uploads.giveBack,

    bindOwner: (input, audit) =>
      chainTransaction(db, async (t) => {
        if (!(await bindOwner(t, input.communityId, input.personId, input.ownerKey, input.at))) return { created: false, auditSeq: null }
        return { created: true, auditSeq: (await appendAudit(t, audit, input.at)).seq }
      }),

    async submitProof(input, audit) {
      try {
        const request = await chainTransaction(db, async (t) => {
          // The unit's pending key first, so a second request for it is named as such even when the places are used up.
          try {
            await t.collection<VerificationPendingDoc>(COLLECTIONS.verificationPending)
              .add({ data: { _id: ids.verificationPending(input.communityId, input.personId, input.building, input.unitNo), requestId: input.id } })
          } catch (e) {
            if (isDuplicateWrite(e)) throw new AlreadyPending()
            throw e
          }
          if (!(await moveOpen(t, input.communityId, input.personId, 1, input.openLimit))) throw new TooManyOpen()
          const doc: VerificationRequestDoc = {
            _id: input.id, communityId: input.communityId, personId: input.personId, building: input.building, unitNo: input.unitNo, claimedName: input.claimedName,
            fileId: input.fileId, note: input.note, status: 'pending', reason: null, createdAt: input.at, decidedBy: null, decidedAt: null,
          }
          try {
            await t.collection<VerificationRequestDoc>(COLLECTIONS.verificationRequests).add({ data: doc })
          } catch (e) {
            // A request id used twice is refused as SQLite's primary key refuses it.
            if (isDuplicateWrite(e)) throw new AlreadyPending()
            throw e
          }
          await appendAudit(t, audit, input.at)
          return toRequest(doc, await getOrNull(t.collection<PersonDoc>(COLLECTIONS.people).doc(input.personId)))
        })
        return { ok: true, request }
      } catch (e) {
        if (e instanceof AlreadyPending) return { ok: false, why: 'already-pending' }
        if (e instanceof TooManyOpen) return { ok: false, why: 'too-many-open' }
        throw e
      }
    },

    async request(id) {
      const d = await getOrNull(requests().doc(id))
      return d ? (await withPeople([d]))[0] ?? null : null
    },

    async requests(communityId, limit) {
      // Pending first, then the decided ones; newest first within each.
      const pending = await fetchFirst(() => requests().where({ communityId, status: 'pending' }).orderBy('createdAt', 'desc'), limit)
      const decided = pending.length < limit
        ? await fetchFirst(() => requests().where({ communityId, status: _.in(['approved', 'rejected']) }).orderBy('createdAt', 'desc'), limit - pending.length)
        : []
      return withPeople([...pending, ...decided])
    },

    async requestsOf(personId, communityId) {
      return withPeople(await fetchAll(() => requests().where({ personId, communityId }).orderBy('createdAt', 'desc')))
    },

    decide: (input, audit) =>
      chainTransaction(db, async (t) => {
        const ref = t.collection<VerificationRequestDoc>(COLLECTIONS.verificationRequests).doc(input.id)
        const r = await getOrNull(ref)
        if (!r || r.status !== 'pending') return null
        const decided: VerificationRequestDoc = { ...r, status: input.approve ? 'approved' : 'rejected', reason: input.reason, decidedBy: input.by, decidedAt: input.at }
        const { _id: _unused, ...fields } = decided
        await ref.set({ data: fields })
        await t.collection<VerificationPendingDoc>(COLLECTIONS.verificationPending).doc(ids.verificationPending(r.communityId, r.personId, r.building, r.unitNo)).remove()
        await moveOpen(t, r.communityId, r.personId, -1)
        if (input.approve && input.ownerKey) await bindOwner(t, r.communityId, r.personId, input.ownerKey, input.at)
        await appendAudit(t, audit, input.at)
        return toRequest(decided, await getOrNull(t.collection<PersonDoc>(COLLECTIONS.people).doc(r.personId)))
      }),

    async createInvite(i) {
      return addUnique(db.collection<ResidentInviteDoc>(COLLECTIONS.residentInvites), {
        _id: i.code, communityId: i.communityId, building: i.building, unitNo: i.unitNo, createdBy: i.createdBy, createdAt: i.createdAt, expiresAt: i.expiresAt, usedBy: null, usedAt: null,
      })
    },

    async redeemInvite(input, audit) {
      // Which community, and so which roll, before the transaction (which cannot query); the invite is read again inside.
      const first = await getOrNull(db.collection<ResidentInviteDoc>(COLLECTIONS.residentInvites).doc(input.code))
      if (!first) return { ok: false, why: 'unknown' }
      const roll = await newestVersion(db, first.communityId)
      return chainTransaction(db, async (t) => {
        const ref = t.collection<ResidentInviteDoc>(COLLECTIONS.residentInvites).doc(input.code)
        const d = await getOrNull(ref)
        if (!d) return { ok: false as const, why: 'unknown' as const }
        const invite = toInvite(d)
        if (invite.usedBy) return { ok: false as const, why: 'used' as const }
        if (invite.expiresAt <= input.at) return { ok: false as const, why: 'expired' as const }
        // Their own unit: the unit's owner key (newest roll) is bound to them.
        const unit = roll ? await getOrNull(t.collection<RollUnitDoc>(COLLECTIONS.rollUnits).doc(ids.rollUnit(d.communityId, roll.version, d.building, d.unitNo))) : null
        if (unit && (await getOrNull(t.collection<OwnerBindingDoc>(COLLECTIONS.ownerBindings).doc(ids.ownerBinding(d.communityId, input.personId, unit.ownerKey))))) {
          return { ok: false as const, why: 'own-unit' as const }
        }
        await ref.update({ data: { usedBy: input.personId, usedAt: input.at } })
        const link = t.collection<ResidentLinkDoc>(COLLECTIONS.residentLinks).doc(ids.residentLink(d.communityId, input.personId, d.building, d.unitNo))
        if (!(await getOrNull(link))) {
          await link.set({ data: { communityId: d.communityId, personId: input.personId, building: d.building, unitNo: d.unitNo, linkedBy: d.createdBy, linkedAt: input.at } })
          const count = t.collection<ResidentCountDoc>(COLLECTIONS.residentCounts).doc(ids.communityPerson(d.communityId, input.personId))
          await count.set({ data: { communityId: d.communityId, personId: input.personId, links: ((await getOrNull(count))?.links ?? 0) + 1 } })
        }
        await addMember(t, d.communityId, input.personId, 'resident', input.at)
        return { ok: true as const, invite, auditSeq: (await appendAudit(t, audit(invite), input.at)).seq }
      })
    },

    async residentsOf(communityId, units) {
      // One query per unit, in the order asked (an owner's few units).
      const links = (await Promise.all(units.map((u) => fetchAll(() => db.collection<ResidentLinkDoc>(COLLECTIONS.residentLinks)
        .where({ communityId, building: u.building, unitNo: u.unitNo }).orderBy('linkedAt', 'asc').orderBy('personId', 'asc'))))).flat()
      const people = new Map((await docsByIds<PersonDoc>(db, COLLECTIONS.people, links.map((l) => l.personId))).map((p) => [p._id, p]))
      return links.flatMap((l) => {
        const p = people.get(l.personId)
        return p ? [{ personId: l.personId, name: p.name, phone: p.phone, building: l.building, unitNo: l.unitNo, linkedBy: l.linkedBy, linkedAt: l.linkedAt }] : []
      })
    },

    async communitiesNamed(text, limit) {
      const found = await fetchFirst(() => db.collection<CommunityDoc>(COLLECTIONS.communities).where({ name: db.RegExp({ regexp: literally(text), options: '' }) }).orderBy('name', 'asc'), limit)
      return found.map((c) => ({ id: c._id, name: c.name }))
    },

    unlinkResident: (input, audit, at) =>
      chainTransaction(db, async (t) => {
        const link = t.collection<ResidentLinkDoc>(COLLECTIONS.residentLinks).doc(ids.residentLink(input.communityId, input.personId, input.building, input.unitNo))
        if (!(await getOrNull(link))) return null
        await link.remove()
        const count = t.collection<ResidentCountDoc>(COLLECTIONS.residentCounts).doc(ids.communityPerson(input.communityId, input.personId))
        const left = ((await getOrNull(count))?.links ?? 1) - 1
        if (left > 0) await count.set({ data: { communityId: input.communityId, personId: input.personId, links: left } })
        else {
          await count.remove()
          await t.collection<MembershipDoc>(COLLECTIONS.memberships).doc(ids.membership(input.communityId, input.personId, 'resident')).remove()
        }
        return (await appendAudit(t, audit, at)).seq
      }),
  }
}
