// Row shapes the SQL adapters (SQLite, PostgreSQL) share, and how a row
// becomes what the ports answer: one mapping, whichever database read it.
import type { AuditEntry } from '../../domain/audit-chain'
import type { Role } from '../../domain/roles'
import type { Person } from './ports'

export interface PersonRow { id: string; openid: string; name: string; phone: string | null }
export const toPerson = (r: PersonRow): Person => ({ id: r.id, openid: r.openid, name: r.name, phone: r.phone })

export type MemberRow = PersonRow & { role: Role; buildings: string }

/** Membership rows ordered by person, folded into one entry per person with all their roles. */
export function groupPeople(rows: readonly MemberRow[]): Array<{ person: Person; roles: Role[]; buildings: string[] }> {
  const byId = new Map<string, { person: Person; roles: Role[]; buildings: string[] }>()
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { person: toPerson(r), roles: [], buildings: [] }
    entry.roles.push(r.role)
    entry.buildings.push(...(JSON.parse(r.buildings) as string[]))
    byId.set(r.id, entry)
  }
  return [...byId.values()]
}

export interface AuditRow {
  community_id: string
  seq: number
  at: number
  actor_id: string | null
  action: string
  subject: string
  data: string
  prev_hash: string
  hash: string
}

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  communityId: r.community_id,
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  subject: r.subject,
  data: JSON.parse(r.data),
  prevHash: r.prev_hash,
  hash: r.hash,
})
