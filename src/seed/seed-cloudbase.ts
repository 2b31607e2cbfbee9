// Writes the demo community into a CloudBase database: the same records as
// seed-sqlite.ts, from the same demoFoundation(), each under its natural-key _id.
import { appendAudit, chainTransaction } from '../cloud/kit/cloudbase/audit'
import { COLLECTIONS, ids, type CommunityDoc, type MembershipDoc, type OwnerBindingDoc, type PersonDoc, type ResidentLinkDoc, type RollUnitDoc, type RollVersionDoc } from '../cloud/kit/cloudbase/collections'
import type { Database } from '../cloud/kit/cloudbase/sdk'
import type { FoundationSeed } from './demo-foundation'

export async function writeFoundationCloudbase(db: Database, s: FoundationSeed): Promise<void> {
  const c = s.community.id
  const v = s.rollVersion
  const add = <T>(name: string, data: T) => db.collection<T>(name).add({ data })
  await add<CommunityDoc>(COLLECTIONS.communities, { _id: c, name: s.community.name, settings: s.community.settings, createdAt: s.at })
  await add<RollVersionDoc>(COLLECTIONS.rollVersions, { _id: ids.rollVersion(c, v.version), communityId: c, version: v.version, createdAt: s.at, units: v.units, area: v.area, heads: v.heads, buildings: JSON.parse(v.buildings) })
  // The roll in batches of 50 at a time: quick, without flooding the service.
  for (let i = 0; i < s.units.length; i += 50) {
    await Promise.all(s.units.slice(i, i + 50).map((u) => add<RollUnitDoc>(COLLECTIONS.rollUnits, {
      _id: ids.rollUnit(c, v.version, u.building, u.unitNo), communityId: c, version: v.version, building: u.building, unitNo: u.unitNo,
      area: u.area, basis: u.basis, ownerKey: u.ownerKey, ownerNames: u.ownerNames, phones: u.phones, developerUnsold: u.developerUnsold,
    })))
  }
  for (const p of s.people) await add<PersonDoc>(COLLECTIONS.people, { _id: p.id, openid: p.openid, name: p.name, phone: p.phone, createdAt: s.at })
  for (const b of s.ownerBindings) await add<OwnerBindingDoc>(COLLECTIONS.ownerBindings, { _id: ids.ownerBinding(c, b.personId, b.ownerKey), communityId: c, personId: b.personId, ownerKey: b.ownerKey, boundAt: s.at })
  for (const l of s.residentLinks) {
    await add<ResidentLinkDoc>(COLLECTIONS.residentLinks, { _id: ids.residentLink(c, l.personId, l.building, l.unitNo), communityId: c, personId: l.personId, building: l.building, unitNo: l.unitNo, linkedBy: l.linkedBy, linkedAt: s.at })
  }
  for (const m of s.memberships) {
    await add<MembershipDoc>(COLLECTIONS.memberships, { _id: ids.membership(c, m.personId, m.role), communityId: c, personId: m.personId, role: m.role, buildings: JSON.parse(m.buildings), grantedAt: s.at })
  }
  for (const a of s.audit) await chainTransaction(db, (t) => appendAudit(t, a, s.at))
}
