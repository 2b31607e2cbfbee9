// The PostgreSQL host serves roll import, owner binding and disclosure: the
// real functions (through the registry, as the host calls them) over the
// PostgreSQL ports, in a fresh schema with the demo foundation each. Run by
// postgres.test.ts when it has a database.
import type { PostgresPorts } from '../../src/cloud/kit/postgres'
import { expectOk } from '../support/harness'
import { handReport } from '../support/disclosure-reports'
import { C, SMALL, csvOf, uploadAs, utf8 } from '../support/roll'
import { usePostgresFunctions } from './targets/postgres'

export function postgresFunctions(url: string): void {
  describe('PostgreSQL host: roll, binding and disclosure functions', () => {
    const { call, ports } = usePostgresFunctions(url)

    test('roll versions, preview and commit count by the legal rule; the same file again is a no-op', async () => {
      const versions = expectOk(await call('roll-versions', { communityId: C }, 'p-huang-meiling'))
      expect(versions.map((v) => [v.version, v.units, v.heads, v.source])).toEqual([[1, 798, 777, 'demo']])

      const fileId = await uploadAs({ call }, 'p-li-jianguo', '名册.csv', utf8(csvOf(SMALL)))
      // 89.36 + 102.18 + 95.50 + 120.00 + 80.01 + 76.05 + 88.00 = 651.10 m²; heads A1, A2, A3 and the developer = 4.
      const preview = expectOk(await call('roll-preview', { communityId: C, fileId }, 'p-li-jianguo'))
      expect(preview).toMatchObject({ committable: true, problemCount: 0, latestVersion: 1, summary: { units: 7, area: 65110, heads: 4 } })
      const committed = expectOk(await call('roll-commit', { communityId: C, fileId }, 'p-li-jianguo'))
      expect(committed).toMatchObject({ created: true, version: 2, auditSeq: 13, message: '已导入第 2 版名册：7 套房屋，651.10 m²，4 人' })
      expect(expectOk(await call('roll-commit', { communityId: C, fileId }, 'p-li-jianguo'))).toMatchObject({ created: false, version: 2 })
      expect(expectOk(await call('roll-versions', { communityId: C }, 'p-chen-jing')).map((v) => [v.version, v.units, v.area, v.heads])).toEqual([[2, 7, 65110, 4], [1, 798, versions[0].area, 777]])
    })

    test('bind-unit binds on a match; 20 wrong tries at once give 5 misses and 15 refusals', async () => {
      expect(expectOk(await call('bind-unit', { communityId: C, building: '5栋', unitNo: '0302', name: '周敏', phoneLast4: '8009' }, 'p-zhou-min')))
        .toEqual({ alreadyBound: false, units: [{ building: '5栋', unitNo: '0302', area: expect.any(Number) }] })
      // 陈静 tries her own 4栋0302 with a wrong phone, twenty times at once.
      const tries = await Promise.all(Array.from({ length: 20 }, () => call('bind-unit', { communityId: C, building: '4栋', unitNo: '0302', name: '陈静', phoneLast4: '0000' }, 'p-chen-jing')))
      const codes = tries.map((r) => (r.ok ? 'OK' : r.code))
      expect(codes.filter((c) => c === 'BIND.NO_MATCH')).toHaveLength(5)
      expect(codes.filter((c) => c === 'BIND.TOO_MANY_ATTEMPTS')).toHaveLength(15)
    })

    test('a quarter is drafted, published, corrected only with a reason, listed, and asked about', async () => {
      const Q = '2026-Q3'
      expectOk(await call('disclosure-settings-set', { communityId: C, feeModel: 'hybrid' }, 'p-li-jianguo'))
      // No motion named: published, and shown as 未经表决.
      const report = handReport('hybrid', null)
      expect(expectOk(await call('report-draft-save', { communityId: C, quarter: Q, report }, 'p-zhao-lei')).check).toEqual({ balanced: true, problems: [] })
      // Owners in the demo: 李建国, 黄美玲, 王秀英, 张伟, 陈静.
      expect(expectOk(await call('report-publish', { communityId: C, quarter: Q }, 'p-li-jianguo'))).toMatchObject({ quarter: Q, version: 1, notified: 5 })

      const corrected = { ...report, note: '补充说明：电梯维修为紧急维修' }
      expectOk(await call('report-draft-save', { communityId: C, quarter: Q, report: corrected }, 'p-li-jianguo'))
      expect(await call('report-publish', { communityId: C, quarter: Q }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'REPORT.CORRECTION_REASON_REQUIRED' })
      expect(expectOk(await call('report-publish', { communityId: C, quarter: Q, reason: '补充说明' }, 'p-li-jianguo'))).toMatchObject({ version: 2 })

      const quarters = expectOk(await call('report-quarters', { communityId: C }, 'p-liu-yang'))
      expect(quarters).toEqual([expect.objectContaining({ quarter: Q, version: 2, income: 9_200_000 + 750_000 + 200_000, unvotedWithdrawals: 1, openQuestions: 0 })])

      const lineKey = 'repairFund/支取·电梯维修'
      const asked = expectOk(await call('report-ask', { communityId: C, quarter: Q, lineKey, text: '电梯维修有发票吗？' }, 'p-zhang-wei'))
      expect(asked).toMatchObject({ version: 2, askerName: '张*', answer: null })
      expect(expectOk(await call('report-answer', { communityId: C, questionId: asked.id, answer: '发票已附在报告中。' }, 'p-huang-meiling'))).toMatchObject({ answererName: '黄美玲' })
      expect(await call('report-answer', { communityId: C, questionId: asked.id, answer: '再答一次' }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'REPORT.ALREADY_ANSWERED' })

      const detail = expectOk(await call('report-detail', { communityId: C, quarter: Q }, 'p-liu-yang'))
      expect(detail).toMatchObject({ version: 2, latestVersion: 2, reason: '补充说明', report: { note: '补充说明：电梯维修为紧急维修' } })
      expect(detail.versions.map((v) => [v.version, v.reason])).toEqual([[2, '补充说明'], [1, null]])
      expect(detail.questions.map((q) => q.answer)).toEqual(['发票已附在报告中。'])
      expect(expectOk(await call('disclosure-watch', { communityId: C }, 'p-sun-li')).unvoted).toEqual([{ quarter: Q, version: 2, label: '电梯维修', amount: 3_000_000 }])
    })

    test('a withdrawal names a decision recorded from a paper assembly: a failed one is refused, a passed one authorises it', async () => {
      const { pool } = ports() as PostgresPorts
      await pool.query(`INSERT INTO motion_decisions (motion_id, community_id, matter, passed, title, decided_at) VALUES
        ('m-paper-1', $1, 5, TRUE, '使用维修资金维修电梯', 0), ('m-paper-2', $1, 5, FALSE, '使用维修资金改造监控', 0)`, [C])
      expectOk(await call('disclosure-settings-set', { communityId: C, feeModel: 'hybrid' }, 'p-li-jianguo'))
      expect(await call('report-draft-save', { communityId: C, quarter: '2026-Q2', report: handReport('hybrid', 'm-paper-2') }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'REPORT.MOTION_NOT_PASSED' })
      expectOk(await call('report-draft-save', { communityId: C, quarter: '2026-Q2', report: handReport('hybrid', 'm-paper-1') }, 'p-li-jianguo'))
      expectOk(await call('report-publish', { communityId: C, quarter: '2026-Q2' }, 'p-li-jianguo'))
      expect(expectOk(await call('report-detail', { communityId: C, quarter: '2026-Q2' }, 'p-chen-jing')).withdrawals)
        .toEqual([{ state: 'authorised', motionId: 'm-paper-1', matter: 5, title: '使用维修资金维修电梯' }])
    })
  })
}
