// Quarterly disclosure through its port: the fee model, drafts with their
// attachments, publishing (a published version never changes: the same
// number again is refused with its code, the database refuses edits behind
// the adapter's back), corrections as new versions, the newest quarters first,
// owners' questions answered once.
import { verifyChain } from '../../src/domain/audit-chain'
import type { FeeModel, QuarterlyReport } from '../../src/domain/disclosure/report'
import type { AuditDraft } from '../../src/cloud/kit/ports'
import { sha256 } from '../../src/cloud/kit/sha256'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import { handReport } from '../support/disclosure-reports'
import { CONTRACT_NOW, clause, describePort, useTarget, type ContractTarget, type OpenTarget } from './target'

const C = DEMO_COMMUNITY_ID
const SEEDED = 12
const CHAIR = 'p-li-jianguo'
const PROPERTY = 'p-zhao-lei'
const Q = '2026-Q3'

/** The hand-checked 综合制 report, with a bank statement and an invoice attached. */
const REPORT: QuarterlyReport = {
  ...handReport('hybrid'),
  attachments: [{ fileId: 'f-statement', name: '维修资金专户对账单.pdf', kind: 'pdf' }, { fileId: 'f-invoice', name: '电梯维修发票.jpg', kind: 'jpeg' }],
  note: '电梯维修经第二次业主大会表决同意',
}

const publishAudit = (quarter: string, version: number, data: unknown = { quarter, version }): AuditDraft =>
  ({ communityId: C, actorId: CHAIR, action: 'report.publish', subject: `report:${quarter}:v${version}`, data })

function publish(t: () => OpenTarget, quarter: string, version: number, opts: { report?: QuarterlyReport; reason?: string | null; at?: number; audit?: AuditDraft } = {}) {
  return t().ports.disclosure.publish(
    { communityId: C, quarter, version, feeModel: 'hybrid', report: opts.report ?? REPORT, reason: opts.reason ?? null, by: CHAIR, at: opts.at ?? CONTRACT_NOW },
    opts.audit ?? publishAudit(quarter, version),
  )
}

export function disclosureContract(target: ContractTarget) {
  describePort(target, 'disclosure', () => {
    const t = useTarget(target)
    const d = () => t().ports.disclosure
    const chainLength = async () => (await t().ports.audit.all(C)).length

    test('the fee model is unset until the committee sets it; each change is audited', async () => {
      expect(await d().feeModel(C)).toBeNull()
      const set = (feeModel: FeeModel, at: number) => d().setFeeModel({ communityId: C, feeModel, by: CHAIR, at },
        { communityId: C, actorId: CHAIR, action: 'disclosure.fee-model', subject: `community:${C}`, data: { feeModel } })
      expect(await set('hybrid', CONTRACT_NOW)).toBe(SEEDED + 1)
      expect(await d().feeModel(C)).toBe('hybrid')
      expect(await set('commission', CONTRACT_NOW + 1)).toBe(SEEDED + 2)
      expect(await d().feeModel(C)).toBe('commission')
      expect(await d().feeModel('c-none')).toBeNull()
      expect((await t().ports.audit.all(C)).at(-1)).toMatchObject({ action: 'disclosure.fee-model', data: { feeModel: 'commission' } })
    })

    test('a draft keeps every figure and attachment as saved; saving again replaces it', async () => {
      expect(await d().draft(C, Q)).toBeNull()
      await d().saveDraft({ communityId: C, quarter: Q, report: handReport('hybrid'), by: PROPERTY, at: CONTRACT_NOW })
      await d().saveDraft({ communityId: C, quarter: Q, report: REPORT, by: CHAIR, at: CONTRACT_NOW + 1 })
      expect(await d().draft(C, Q)).toEqual({ quarter: Q, report: REPORT, updatedBy: CHAIR, updatedAt: CONTRACT_NOW + 1 })
      expect(await d().draft(C, '2026-Q2')).toBeNull()
      // Drafts are not the public record.
      expect(await chainLength()).toBe(SEEDED)
    })

    test('publishing stores the version with its audit entry and clears the draft', async () => {
      await d().saveDraft({ communityId: C, quarter: Q, report: REPORT, by: PROPERTY, at: CONTRACT_NOW })
      const v1 = await publish(t, Q, 1, { at: CONTRACT_NOW + 60_000 })
      expect(v1).toEqual({
        communityId: C, quarter: Q, version: 1, feeModel: 'hybrid', report: REPORT, reason: null,
        publishedBy: CHAIR, publishedByName: '李建国', publishedAt: CONTRACT_NOW + 60_000, auditSeq: SEEDED + 1,
      })
      expect(await d().versions(C, Q)).toEqual([v1])
      expect(await d().draft(C, Q)).toBeNull()
      const chain = await t().ports.audit.all(C)
      expect(chain.at(-1)).toMatchObject({ seq: SEEDED + 1, action: 'report.publish', subject: `report:${Q}:v1`, at: CONTRACT_NOW + 60_000 })
      expect(verifyChain(sha256, chain).valid).toBe(true)
    })

    test('a published version never changes: the same number again is refused (REPORT.VERSION_TAKEN) and writes nothing; a correction is version 2', async () => {
      const v1 = await publish(t, Q, 1)
      const altered: QuarterlyReport = { ...REPORT, repairFund: { ...REPORT.repairFund, closing: REPORT.repairFund.closing - 100_000 } }
      await d().saveDraft({ communityId: C, quarter: Q, report: altered, by: CHAIR, at: CONTRACT_NOW + 1 })
      await expect(publish(t, Q, 1, { report: altered })).rejects.toMatchObject({ code: 'REPORT.VERSION_TAKEN', details: { version: 1 } })
      expect(await d().versions(C, Q)).toEqual([v1])
      expect(await chainLength()).toBe(SEEDED + 1)
      expect(await d().draft(C, Q)).toMatchObject({ report: altered })

      // A later version must say why (the database's own check), then stands beside the first.
      await expect(publish(t, Q, 2, { report: altered, reason: null })).rejects.toHaveProperty('message')
      expect(await chainLength()).toBe(SEEDED + 1)
      const v2 = await publish(t, Q, 2, { report: altered, reason: '维修资金期末余额录入有误，更正为 471,000.00 元', at: CONTRACT_NOW + 2 })
      expect(v2).toMatchObject({ version: 2, reason: '维修资金期末余额录入有误，更正为 471,000.00 元', auditSeq: SEEDED + 2 })
      expect(await d().versions(C, Q)).toEqual([v1, v2])
    })

    clause(target, 'tamper')('the database refuses to edit or delete a published version behind the adapter\'s back', async () => {
      const v1 = await publish(t, Q, 1)
      expect(await t().tamperReport(C, Q, 1)).toBe('refused')
      expect(await d().versions(C, Q)).toEqual([v1])
    })

    test('two publications of the same number at once: one stands, the other is refused, and the chain has one entry for it', async () => {
      const outcomes = await Promise.allSettled([publish(t, Q, 1), publish(t, Q, 1, { report: handReport('hybrid') })])
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected'])
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!
      expect(refused.reason).toMatchObject({ code: 'REPORT.VERSION_TAKEN' })
      const stood = outcomes.find((o): o is PromiseFulfilledResult<Awaited<ReturnType<typeof publish>>> => o.status === 'fulfilled')!
      expect(await d().versions(C, Q)).toEqual([stood.value])
      const chain = await t().ports.audit.all(C)
      expect(chain.filter((e) => e.action === 'report.publish')).toHaveLength(1)
      expect(verifyChain(sha256, chain).valid).toBe(true)
    })

    test('a publication whose audit entry cannot be written leaves no version behind and keeps the draft', async () => {
      await d().saveDraft({ communityId: C, quarter: Q, report: REPORT, by: PROPERTY, at: CONTRACT_NOW })
      await expect(publish(t, Q, 1, { audit: publishAudit(Q, 1, { amount: BigInt(1) }) })).rejects.toHaveProperty('message')
      expect(await d().versions(C, Q)).toEqual([])
      expect(await d().draft(C, Q)).toMatchObject({ report: REPORT })
      expect(await chainLength()).toBe(SEEDED)
    })

    test('the newest version of each published quarter, newest quarter first, as many as asked', async () => {
      const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']
      // Published out of order, as a committee catching up might.
      for (const [i, q] of [...quarters].reverse().entries()) await publish(t, q, 1, { at: CONTRACT_NOW + i })
      await publish(t, '2025-Q4', 2, { reason: '补充附件', report: { ...REPORT, note: '补充附件' }, at: CONTRACT_NOW + 10 })
      const listed = (vs: Array<{ quarter: string; version: number }>) => vs.map((v) => `${v.quarter} v${v.version}`)
      expect(listed(await d().latestVersions(C, 4))).toEqual(['2026-Q2 v1', '2026-Q1 v1', '2025-Q4 v2', '2025-Q3 v1'])
      expect(listed(await d().latestVersions(C, 10))).toEqual(['2026-Q2 v1', '2026-Q1 v1', '2025-Q4 v2', '2025-Q3 v1', '2025-Q2 v1', '2025-Q1 v1'])
      expect((await d().latestVersions(C, 4))[2]).toMatchObject({ reason: '补充附件', report: { note: '补充附件' } })
      expect(listed(await d().versions(C, '2025-Q4'))).toEqual(['2025-Q4 v1', '2025-Q4 v2'])
      expect(await d().latestVersions('c-none', 10)).toEqual([])
    })

    describe('questions', () => {
      const ask = (by: string, lineKey: string, text: string, at: number, quarter = Q, version = 1) =>
        d().ask({ communityId: C, quarter, version, lineKey, lineLabel: lineKey.split('/')[1], by, text, at })
      const answer = (id: number, text: string, at: number, communityId = C) =>
        d().answer({ communityId, id, answer: text, by: CHAIR, at }, { communityId: C, actorId: CHAIR, action: 'report.answer', subject: `question:${id}`, data: { questionId: id } })

      test('owners ask on a line; the committee answers once; open questions are listed oldest first', async () => {
        await publish(t, '2026-Q2', 1)
        await publish(t, Q, 1)
        const lift = await ask('p-chen-jing', 'repairFund/支取·电梯维修', '电梯维修花了三万元，有发票吗？', CONTRACT_NOW + 100)
        expect(lift).toEqual({
          id: lift.id, quarter: Q, version: 1, lineKey: 'repairFund/支取·电梯维修', lineLabel: '支取·电梯维修', askedBy: 'p-chen-jing', askerName: '陈静',
          text: '电梯维修花了三万元，有发票吗？', askedAt: CONTRACT_NOW + 100, answer: null, answeredBy: null, answererName: null, answeredAt: null,
        })
        const older = await ask('p-zhang-wei', 'fees/住宅物业服务费', '收缴率为什么下降了？', CONTRACT_NOW + 50, '2026-Q2')
        const parking = await ask('p-zhang-wei', 'commonIncome/停车·临时停车', '临时停车收入怎么算的？', CONTRACT_NOW + 200)
        expect(new Set([lift.id, older.id, parking.id]).size).toBe(3)
        expect((await d().questions(C, Q)).map((q) => q.id)).toEqual([lift.id, parking.id])
        expect((await d().openQuestions(C)).map((q) => q.id)).toEqual([older.id, lift.id, parking.id])

        const answered = await answer(lift.id, '发票已作为附件公开，见「电梯维修发票」。', CONTRACT_NOW + 300)
        expect(answered).toEqual({ ...lift, answer: '发票已作为附件公开，见「电梯维修发票」。', answeredBy: CHAIR, answererName: '李建国', answeredAt: CONTRACT_NOW + 300 })
        expect((await d().questions(C, Q))[0]).toEqual(answered)
        expect((await d().openQuestions(C)).map((q) => q.id)).toEqual([older.id, parking.id])
        expect((await t().ports.audit.all(C)).at(-1)).toMatchObject({ action: 'report.answer', subject: `question:${lift.id}` })

        // The first answer stands.
        const length = await chainLength()
        await expect(answer(lift.id, '改一下答复', CONTRACT_NOW + 400)).rejects.toMatchObject({ code: 'REPORT.ALREADY_ANSWERED' })
        expect((await d().questions(C, Q))[0]).toEqual(answered)
        expect(await answer(lift.id + parking.id + older.id, '没有这个问题', CONTRACT_NOW)).toBeNull()
        expect(await answer(parking.id, '别的小区', CONTRACT_NOW, 'c-none')).toBeNull()
        expect(await chainLength()).toBe(length)
      })

      test('a question on a version that was never published is refused', async () => {
        await publish(t, Q, 1)
        await expect(ask('p-chen-jing', 'fees/住宅物业服务费', '？', CONTRACT_NOW, Q, 2)).rejects.toHaveProperty('message')
        expect(await d().questions(C, Q)).toEqual([])
      })

      test('two answers to one question at once: one stands, the other is refused', async () => {
        await publish(t, Q, 1)
        const q = await ask('p-chen-jing', 'fees/住宅物业服务费', '物业费怎么算？', CONTRACT_NOW)
        const outcomes = await Promise.allSettled([answer(q.id, '答复甲', CONTRACT_NOW + 1), answer(q.id, '答复乙', CONTRACT_NOW + 2)])
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected'])
        expect(outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason).toMatchObject({ code: 'REPORT.ALREADY_ANSWERED' })
        const [stored] = await d().questions(C, Q)
        expect(['答复甲', '答复乙']).toContain(stored.answer)
        expect((await t().ports.audit.all(C)).filter((e) => e.action === 'report.answer')).toHaveLength(1)
      })
    })

    test('a motion nobody decided authorises nothing', async () => {
      expect(await d().motionDecision(C, 'm-none')).toBeNull()
    })
  })
}
