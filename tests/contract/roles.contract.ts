// Role changes and their audit entries stand or fall together.
import { verifyChain } from '../../src/domain/audit-chain'
import { sha256 } from '../../src/cloud/kit/sha256'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import { CONTRACT_NOW, useTarget, type ContractTarget } from './target'

const C = DEMO_COMMUNITY_ID
/** The demo's chain: one roll import and one entry per demo role (2+2+2+1+1+1+1+1). */
const SEEDED = 1 + 11
// Rejections are checked by their message, not with toThrow(): better-sqlite3's
// native module keeps the SqliteError class of the first test file in a
// worker, and in later files it is not an Error of their realm.
const draft = (personId: string, action: string, data: unknown): AuditDraft => ({ communityId: C, actorId: 'p-li-jianguo', action, subject: `person:${personId}`, data })

export function rolesContract(target: ContractTarget) {
  describe(`${target.name}: roles`, () => {
    const t = useTarget(target)
    const rolesOf = async (personId: string) => (await t().ports.identity.membershipsOf(personId)).map((m) => [m.role, m.buildings])

    test('granting a captaincy records it and appends the audit entry whose seq it returns', async () => {
      const at = CONTRACT_NOW + 1000
      const seq = await t().ports.roles.grant({ communityId: C, personId: 'p-chen-jing', role: 'captain', buildings: ['4栋'], at }, draft('p-chen-jing', 'role.grant', { role: 'captain', buildings: ['4栋'] }))
      expect(seq).toBe(SEEDED + 1)
      expect(await rolesOf('p-chen-jing')).toEqual([['captain', ['4栋']], ['owner', []]])
      const chain = await t().ports.audit.all(C)
      expect(chain.at(-1)).toMatchObject({ seq, at, action: 'role.grant', subject: 'person:p-chen-jing', actorId: 'p-li-jianguo', data: { role: 'captain', buildings: ['4栋'] } })
      expect(verifyChain(sha256, chain).valid).toBe(true)
    })

    test('granting again changes the buildings without a second membership, and is audited again', async () => {
      const grant = (buildings: string[], at: number) =>
        t().ports.roles.grant({ communityId: C, personId: 'p-wang-xiuying', role: 'captain', buildings, at }, draft('p-wang-xiuying', 'role.grant', { role: 'captain', buildings }))
      expect(await grant(['1栋', '2栋', '3栋', '5栋'], CONTRACT_NOW + 1)).toBe(SEEDED + 1)
      expect(await rolesOf('p-wang-xiuying')).toEqual([['captain', ['1栋', '2栋', '3栋', '5栋']], ['owner', []]])
    })

    test('revoking a held role removes it and is audited; revoking one not held changes nothing', async () => {
      const revoke = (role: 'committee' | 'supervisor') =>
        t().ports.roles.revoke({ communityId: C, personId: 'p-huang-meiling', role, at: CONTRACT_NOW + 5 }, draft('p-huang-meiling', 'role.revoke', { role }))
      expect(await revoke('committee')).toBe(SEEDED + 1)
      expect(await rolesOf('p-huang-meiling')).toEqual([['owner', []]])
      expect(await revoke('supervisor')).toBeNull()
      expect((await t().ports.audit.all(C)).length).toBe(SEEDED + 1)
    })

    test('a grant whose audit entry cannot be written leaves no role behind', async () => {
      const unstorable = { amount: BigInt(1) }
      await expect(t().ports.roles.grant({ communityId: C, personId: 'p-chen-jing', role: 'property', buildings: [], at: CONTRACT_NOW }, draft('p-chen-jing', 'role.grant', unstorable))).rejects.toHaveProperty('message')
      expect(await rolesOf('p-chen-jing')).toEqual([['owner', []]])
      expect((await t().ports.audit.all(C)).length).toBe(SEEDED)
    })

    test('a grant the database refuses (no such person) leaves no audit entry behind', async () => {
      await expect(t().ports.roles.grant({ communityId: C, personId: 'p-nobody', role: 'property', buildings: [], at: CONTRACT_NOW }, draft('p-nobody', 'role.grant', { role: 'property' }))).rejects.toHaveProperty('message')
      expect((await t().ports.audit.all(C)).length).toBe(SEEDED)
    })
  })
}
