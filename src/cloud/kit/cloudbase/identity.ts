// People, memberships and roles on CloudBase. A membership is a state keyed
// by community|person|role: granting again updates its buildings, so it is
// written with set inside the same transaction as its audit entry.
import type { Role } from '../../../domain/roles'
import type { AuditDraft, IdentityPort, Membership, Person, RolePort, UnitLink } from '../ports'
import { appendAudit, chainTransaction } from './audit'
import { COLLECTIONS, ids, type CommunityDoc, type MembershipDoc, type OwnerBindingDoc, type PersonDoc, type ResidentLinkDoc, type RollUnitDoc } from './collections'
import { addUnique, getOrNull } from './errors'
import { docsByIds as docsByIdsIn, fetchAll } from './paging'
import { newestVersion } from './roll'
import type { Database, Transaction } from './sdk'
import { withCallerInTwoSteps } from '../caller-lookup'
import { personIdFor } from '../person-id'

type Grant = Parameters<RolePort['grant']>[0]

/** Writes a membership (or a captain's new buildings) and its audit entry inside the caller's transaction. */
async function writeMembership(t: Transaction, g: Grant, audit: AuditDraft): Promise<number> {
  await t.collection<MembershipDoc>(COLLECTIONS.memberships).doc(ids.membership(g.communityId, g.personId, g.role))
    .set({ data: { communityId: g.communityId, personId: g.personId, role: g.role, buildings: g.buildings, grantedAt: g.at } })
  return (await appendAudit(t, audit, g.at)).seq
}

/** The database has no foreign keys: a person is checked inside the transaction that refers to them. */
const personExists = async (t: Transaction, personId: string) => (await getOrNull(t.collection<PersonDoc>(COLLECTIONS.people).doc(personId))) !== null

const toPerson = (d: PersonDoc): Person => ({ id: d._id, openid: d.openid, name: d.name, phone: d.phone })
const byText = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)

export function cloudbaseIdentity(db: Database): IdentityPort {
  const col = <T>(name: string) => db.collection<T>(name)

  const latestVersion = async (communityId: string) => (await newestVersion(db, communityId))?.version ?? null
  const docsByIds = <T>(name: string, wanted: string[]) => docsByIdsIn<T>(db, name, wanted)

  const personByOpenid = async (openid: string) => {
    const { data } = await col<PersonDoc>(COLLECTIONS.people).where({ openid }).limit(1).get()
    return data[0] ? toPerson(data[0]) : null
  }

  return withCallerInTwoSteps({
    personByOpenid,
    async membershipsOf(personId) {
      const ms = await fetchAll(() => col<MembershipDoc>(COLLECTIONS.memberships).where({ personId }))
      const names = new Map((await docsByIds<CommunityDoc>(COLLECTIONS.communities, [...new Set(ms.map((m) => m.communityId))])).map((c) => [c._id, c.name]))
      return ms
        .map((m): Membership => ({ communityId: m.communityId, communityName: names.get(m.communityId) ?? '', personId: m.personId, role: m.role, buildings: m.buildings }))
        .sort(byText((m) => `${m.communityId}\u0000${m.role}`))
    },
    async unitsOf(personId) {
      const links: UnitLink[] = []
      const latest = new Map<string, number | null>()
      const versionOf = async (c: string) => {
        if (!latest.has(c)) latest.set(c, await latestVersion(c))
        return latest.get(c) ?? null
      }
      const bindings = await fetchAll(() => col<OwnerBindingDoc>(COLLECTIONS.ownerBindings).where({ personId }))
      for (const b of bindings) {
        const version = await versionOf(b.communityId)
        if (version === null) continue
        const units = await fetchAll(() => col<RollUnitDoc>(COLLECTIONS.rollUnits).where({ communityId: b.communityId, version, ownerKey: b.ownerKey }))
        links.push(...units.map((u): UnitLink => ({ communityId: u.communityId, building: u.building, unitNo: u.unitNo, area: u.area, relation: 'owner' })))
      }
      const owned = links.sort(byText((l) => `${l.communityId}\u0000${l.building}\u0000${l.unitNo}`))
      const resident: UnitLink[] = []
      for (const l of await fetchAll(() => col<ResidentLinkDoc>(COLLECTIONS.residentLinks).where({ personId }))) {
        const version = await versionOf(l.communityId)
        const unit = version === null ? null : await getOrNull(col<RollUnitDoc>(COLLECTIONS.rollUnits).doc(ids.rollUnit(l.communityId, version, l.building, l.unitNo)))
        resident.push({ communityId: l.communityId, building: l.building, unitNo: l.unitNo, area: unit?.area ?? 0, relation: 'resident' })
      }
      return [...owned, ...resident.sort(byText((l) => `${l.communityId}\u0000${l.building}\u0000${l.unitNo}`))]
    },
    async communityPeople(communityId) {
      const ms = (await fetchAll(() => col<MembershipDoc>(COLLECTIONS.memberships).where({ communityId }))).sort(byText((m) => `${m.personId}\u0000${m.role}`))
      const people = new Map((await docsByIds<PersonDoc>(COLLECTIONS.people, [...new Set(ms.map((m) => m.personId))])).map((p) => [p._id, toPerson(p)]))
      const byId = new Map<string, { person: Person; roles: Role[]; buildings: string[] }>()
      for (const m of ms) {
        const person = people.get(m.personId)
        if (!person) continue
        const entry = byId.get(m.personId) ?? { person, roles: [], buildings: [] }
        entry.roles.push(m.role)
        entry.buildings.push(...m.buildings)
        byId.set(m.personId, entry)
      }
      return [...byId.values()]
    },
    async communityExists(communityId) {
      return (await getOrNull(col<CommunityDoc>(COLLECTIONS.communities).doc(communityId))) !== null
    },
    async register(openid, name, at) {
      // A person written before self-registration (a seed) keeps their own id.
      const known = await personByOpenid(openid)
      if (known) return known
      // The _id derived from the OPENID refuses every copy after the first.
      const id = personIdFor(openid)
      await addUnique(col<PersonDoc>(COLLECTIONS.people), { _id: id, openid, name, phone: null, createdAt: at })
      return toPerson({ ...(await getOrNull(col<PersonDoc>(COLLECTIONS.people).doc(id)))!, _id: id })
    },
    foundCommunity: (f, audit) =>
      chainTransaction(db, async (t) => {
        if (!(await personExists(t, f.committeeId))) return { ok: false as const, why: 'no-person' as const }
        // Read in the transaction: a concurrent founding of the same id conflicts with this one at commit and is run again, then sees it.
        const communities = t.collection<CommunityDoc>(COLLECTIONS.communities)
        if (await getOrNull(communities.doc(f.communityId))) return { ok: false as const, why: 'exists' as const }
        await communities.doc(f.communityId).set({ data: { name: f.name, settings: '{}', createdAt: f.at } })
        return { ok: true as const, auditSeq: await writeMembership(t, { communityId: f.communityId, personId: f.committeeId, role: 'committee', buildings: [], at: f.at }, audit) }
      }),
  })
}

export function cloudbaseRoles(db: Database): RolePort {
  return {
    grant: (g, audit) =>
      chainTransaction(db, async (t) => {
        if (!(await personExists(t, g.personId))) throw new Error(`no person ${g.personId}`)
        return writeMembership(t, g, audit)
      }),
    revoke: (r, audit) =>
      chainTransaction(db, async (t) => {
        const ref = t.collection<MembershipDoc>(COLLECTIONS.memberships).doc(ids.membership(r.communityId, r.personId, r.role))
        if (!(await getOrNull(ref))) return null
        await ref.remove()
        return (await appendAudit(t, audit, r.at)).seq
      }),
  }
}
