// Writes the demo community into a CloudBase database: the same records as
// seed-sqlite.ts, from the same demoFoundation(), each under its natural-key _id.
import { appendAudit, chainTransaction } from '../cloud/kit/cloudbase/audit'
import { COLLECTIONS, ids, type CommunityDoc, type MembershipDoc, type OwnerBindingDoc, type PersonDoc, type ResidentCountDoc, type ResidentLinkDoc, type RollVersionDoc } from '../cloud/kit/cloudbase/collections'
import { addRollUnits } from '../cloud/kit/cloudbase/roll-admin'
import type { Database } from '../cloud/kit/cloudbase/sdk'
import type { FoundationSeed } from './demo-foundation'

export async function writeFoundationCloudbase(db: Database, s: FoundationSeed): Promise<void> {
  const c = s.community.id
  const v = s.rollVersion
  const add = <T>(name: string, data: T) => db.collection<T>(name).add({ data })
  await add<CommunityDoc>(COLLECTIONS.communities, { _id: c, name: s.community.name, settings: s.community.settings, createdAt: s.at })
  // The units first and the version document last, as an import writes them (cloudbase/roll-admin.ts).
  await addRollUnits(db, c, v.version, s.units)
  await add<RollVersionDoc>(COLLECTIONS.rollVersions, {
    _id: ids.rollVersion(c, v.version), communityId: c, version: v.version, createdAt: s.at, units: v.units, area: v.area, heads: v.heads, buildings: JSON.parse(v.buildings),
    createdBy: null, sourceSha256: null, sourceFile: null,
  })
  for (const p of s.people) await add<PersonDoc>(COLLECTIONS.people, { _id: p.id, openid: p.openid, name: p.name, phone: p.phone, createdAt: s.at })
  for (const b of s.ownerBindings) await add<OwnerBindingDoc>(COLLECTIONS.ownerBindings, { _id: ids.ownerBinding(c, b.personId, b.ownerKey), communityId: c, personId: b.personId, ownerKey: b.ownerKey, boundAt: s.at })
  const linksOf = new Map<string, number>()
  for (const l of s.residentLinks) {
    await add<ResidentLinkDoc>(COLLECTIONS.residentLinks, { _id: ids.residentLink(c, l.personId, l.building, l.unitNo), communityId: c, personId: l.personId, building: l.building, unitNo: l.unitNo, linkedBy: l.linkedBy, linkedAt: s.at })
    linksOf.set(l.personId, (linksOf.get(l.personId) ?? 0) + 1)
  }
  // Every writer of resident links keeps the person's count (see ResidentCountDoc).
  for (const [personId, links] of linksOf) await add<ResidentCountDoc>(COLLECTIONS.residentCounts, { _id: ids.communityPerson(c, personId), communityId: c, personId, links })
  for (const m of s.memberships) {
    await add<MembershipDoc>(COLLECTIONS.memberships, { _id: ids.membership(c, m.personId, m.role), communityId: c, personId: m.personId, role: m.role, buildings: JSON.parse(m.buildings), grantedAt: s.at })
  }
  for (const a of s.audit) await chainTransaction(db, (t) => appendAudit(t, a, s.at))
}
