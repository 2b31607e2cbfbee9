// The community's audit chain, a page at a time, with the verdict of a full
// verification. Supervisors and the committee read it.
import { verifyChain } from '../../domain/audit-chain'
import { auditLogInput, type AuditLogOutput } from '../../contracts/identity'
import { defineFunction } from '../kit/handler'
import { sha256 } from '../kit/sha256'

export const main = defineFunction({
  name: 'audit-log',
  input: auditLogInput,
  access: { kind: 'community', roles: ['committee', 'supervisor'] },
  run: async ({ input, ports }): Promise<AuditLogOutput> => {
    const [page, all, people] = await Promise.all([
      ports.audit.list(input.communityId, input.afterSeq, input.limit + 1),
      ports.audit.all(input.communityId),
      ports.identity.communityPeople(input.communityId),
    ])
    const names = new Map(people.map((p) => [p.person.id, p.person.name]))
    const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null)
    const entries = page.slice(0, input.limit).map(({ communityId: _c, ...e }) => ({
      ...e,
      actorName: nameOf(e.actorId),
      subjectName: e.subject.startsWith('person:') ? nameOf(e.subject.slice('person:'.length)) : null,
    }))
    return {
      entries,
      nextAfterSeq: page.length > input.limit ? entries[entries.length - 1].seq : null,
      verdict: verifyChain(sha256, all),
    }
  },
})
