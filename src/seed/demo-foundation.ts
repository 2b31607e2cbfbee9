// The demo community's foundation records (community, roll, people, roles,
// bindings and the audit entries they imply), as plain data. Each adapter
// writes the same records its own way (seed-sqlite.ts, seed-postgres.ts), so
// the host, the tests and the contract suite see one demo on every database.
import { summariseRoll } from '../domain/roll'
import type { Role } from '../domain/roles'
import type { AuditDraft } from '../cloud/kit/ports'
import { DEMO_COMMUNITY_ID, DEMO_COMMUNITY_NAME, DEMO_PEOPLE, demoRoll, type DemoUnit } from './demo-community'

export interface FoundationSeed {
  at: number
  community: { id: string; name: string; settings: string }
  rollVersion: { version: number; units: number; area: number; heads: number; buildings: string }
  units: DemoUnit[]
  people: Array<{ id: string; openid: string; name: string; phone: string }>
  memberships: Array<{ personId: string; role: Role; buildings: string }>
  ownerBindings: Array<{ personId: string; ownerKey: string }>
  residentLinks: Array<{ personId: string; building: string; unitNo: string; linkedBy: string }>
  /** In chain order; each is appended at `at`. */
  audit: AuditDraft[]
}

export function demoFoundation(now: number): FoundationSeed {
  const c = DEMO_COMMUNITY_ID
  const roll = demoRoll()
  const totals = summariseRoll(roll)
  const seed: FoundationSeed = {
    at: now,
    community: { id: c, name: DEMO_COMMUNITY_NAME, settings: '{}' },
    rollVersion: { version: 1, units: totals.units, area: totals.area, heads: totals.heads, buildings: JSON.stringify(totals.buildings) },
    units: roll,
    people: [],
    memberships: [],
    ownerBindings: [],
    residentLinks: [],
    audit: [{ communityId: c, actorId: null, action: 'roll.import', subject: 'roll:1', data: { version: 1, units: totals.units, area: totals.area, heads: totals.heads, source: 'demo' } }],
  }
  for (const p of DEMO_PEOPLE) {
    seed.people.push({ id: p.id, openid: p.openid, name: p.name, phone: p.phone })
    if (p.ownerKey) seed.ownerBindings.push({ personId: p.id, ownerKey: p.ownerKey })
    if (p.residentOf) {
      const { building, unitNo } = p.residentOf
      const owner = DEMO_PEOPLE.find((o) => o.ownerKey && roll.some((u) => u.ownerKey === o.ownerKey && u.building === building && u.unitNo === unitNo))
      seed.residentLinks.push({ personId: p.id, building, unitNo, linkedBy: owner?.id ?? 'system' })
    }
    for (const r of p.roles) {
      seed.memberships.push({ personId: p.id, role: r.role, buildings: JSON.stringify(r.buildings ?? []) })
      seed.audit.push({ communityId: c, actorId: null, action: 'role.grant', subject: `person:${p.id}`, data: { role: r.role, buildings: r.buildings ?? [], source: 'demo' } })
    }
  }
  return seed
}
