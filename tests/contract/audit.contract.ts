// The audit chain: per community, seq 1, 2, 3… with each entry holding the
// previous entry's hash; pages that add up to the whole; no gaps or forks when
// hundreds of writers append at once; no edits or deletions behind its back.
import { GENESIS_HASH, verifyChain, type AuditEntry } from '../../src/domain/audit-chain'
import { sha256 } from '../../src/cloud/kit/sha256'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import { CONTRACT_NOW, clause, useTarget, type ContractTarget } from './target'

const C = DEMO_COMMUNITY_ID
const SEEDED = 12
const note = (communityId: string, i: number): AuditDraft => ({ communityId, actorId: 'p-li-jianguo', action: 'notice.publish', subject: `notice:${i}`, data: { i } })
const seqs = (entries: AuditEntry[]) => entries.map((e) => e.seq)
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

export function auditContract(target: ContractTarget) {
  describe(`${target.name}: audit`, () => {
    const t = useTarget(target)

    test('the seeded chain starts at the genesis hash with the roll import and verifies', async () => {
      const chain = await t().ports.audit.all(C)
      expect(seqs(chain)).toEqual(oneTo(SEEDED))
      expect(chain[0]).toMatchObject({ prevHash: GENESIS_HASH, action: 'roll.import', subject: 'roll:1' })
      expect(verifyChain(sha256, chain)).toEqual({ valid: true, length: SEEDED, headHash: chain[SEEDED - 1].hash })
    })

    test('an append takes the next seq, the clock\'s time, and links to the previous hash; data comes back as given', async () => {
      const before = (await t().ports.audit.all(C)).at(-1)!
      t().setNow(CONTRACT_NOW + 60_000)
      const data = { 标题: '停水通知', nested: { z: 1, a: [1, '二', null] }, fen: 123456 }
      const entry = await t().ports.audit.append({ communityId: C, actorId: null, action: 'notice.publish', subject: 'notice:1', data })
      expect(entry).toMatchObject({ communityId: C, seq: SEEDED + 1, at: CONTRACT_NOW + 60_000, prevHash: before.hash, data })
      expect((await t().ports.audit.all(C)).at(-1)).toEqual(entry)
    })

    test('each community has its own chain from seq 1', async () => {
      for (let i = 0; i < 3; i++) {
        await t().ports.audit.append(note('c-east', i))
        await t().ports.audit.append(note('c-west', i))
      }
      for (const c of ['c-east', 'c-west']) {
        const chain = await t().ports.audit.all(c)
        expect(seqs(chain)).toEqual([1, 2, 3])
        expect(chain.every((e) => e.communityId === c)).toBe(true)
        expect(verifyChain(sha256, chain).valid).toBe(true)
      }
    })

    test('pages of 100 after a seq add up to the whole chain of 250, in order', async () => {
      for (let i = 0; i < 250; i++) await t().ports.audit.append(note('c-paging', i))
      const pages: AuditEntry[][] = []
      let after = 0
      for (;;) {
        const page = await t().ports.audit.list('c-paging', after, 100)
        if (page.length === 0) break
        pages.push(page)
        after = page.at(-1)!.seq
      }
      expect(pages.map((p) => p.length)).toEqual([100, 100, 50])
      expect(pages.flat()).toEqual(await t().ports.audit.all('c-paging'))
      expect(seqs(await t().ports.audit.list('c-paging', 240, 100))).toEqual([241, 242, 243, 244, 245, 246, 247, 248, 249, 250])
    })

    test('240 appends at once to one community (and 60 to another) leave gapless, unforked chains that verify', async () => {
      const writes = [
        ...Array.from({ length: 240 }, (_, i) => t().ports.audit.append(note(C, i))),
        ...Array.from({ length: 60 }, (_, i) => t().ports.audit.append(note('c-other', i))),
      ]
      const entries = await Promise.all(writes)
      const mine = entries.filter((e) => e.communityId === C)
      expect(new Set(mine.map((e) => e.seq)).size).toBe(240)
      const chain = await t().ports.audit.all(C)
      expect(seqs(chain)).toEqual(oneTo(SEEDED + 240))
      expect(new Set(chain.map((e) => e.prevHash)).size).toBe(chain.length)
      expect(verifyChain(sha256, chain).valid).toBe(true)
      // Every write is in the chain exactly once, as its writer was told.
      expect(chain.slice(SEEDED).map((e) => (e.data as { i: number }).i).sort((a, b) => a - b)).toEqual(oneTo(240).map((n) => n - 1))
      expect(verifyChain(sha256, await t().ports.audit.all('c-other'))).toMatchObject({ valid: true, length: 60 })
    })

    clause(target, 'tamper')('the database refuses to edit or delete an entry behind the adapter\'s back', async () => {
      expect(await t().tamperAudit(C, 3)).toBe('refused')
      expect(verifyChain(sha256, await t().ports.audit.all(C))).toMatchObject({ valid: true, length: SEEDED })
    })
  })
}
