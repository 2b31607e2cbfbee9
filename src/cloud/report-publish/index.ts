// The committee publishes a quarter's draft. Refused, with nothing written,
// unless every section balances (the refusal lists each difference and its
// amount). A quarter already published is never changed: a correction is a
// new version with its reason. Publication goes into the audit chain, with
// the hash of the figures, and every owner is notified.
import { AppError } from '../../domain/errors'
import { formatFen } from '../../domain/measure'
import { diffReports } from '../../domain/disclosure/lines'
import { quarterLabel } from '../../domain/disclosure/quarter'
import { collectionRate, quarterFlows } from '../../domain/disclosure/report'
import { validateReport } from '../../domain/disclosure/validate'
import { reportPublishInput, type ReportPublished } from '../../contracts/disclosure'
import { defineFunction, requireCaller } from '../kit/handler'
import { checkedDecisions, previousPublished, requireFeeModel } from '../kit/disclosure-service'
import { sha256 } from '../kit/sha256'

export const main = defineFunction({
  name: 'report-publish',
  input: reportPublishInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<ReportPublished> => {
    const actor = requireCaller(caller)
    const { communityId, quarter } = input
    const label = quarterLabel(quarter)
    const feeModel = await requireFeeModel(ports, communityId)
    const draft = await ports.disclosure.draft(communityId, quarter)
    if (!draft) throw new AppError('REPORT.NO_DRAFT', `${label}还没有草稿，请先填写或导入数据`)
    const versions = await ports.disclosure.versions(communityId, quarter)
    const latest = versions[versions.length - 1]
    const reason = input.reason?.trim() || null
    if (latest && !reason) {
      throw new AppError('REPORT.CORRECTION_REASON_REQUIRED', `${label}的报告已发布（第 ${latest.version} 版），发布后不能修改；如需更正，请写明更正原因，作为第 ${latest.version + 1} 版发布`, { version: latest.version })
    }
    if (latest && diffReports(latest.report, draft.report).length === 0) throw new AppError('REPORT.NO_CHANGES', `草稿与已发布的第 ${latest.version} 版完全相同，无需更正`)

    await checkedDecisions(ports, communityId, draft.report)
    const check = validateReport(draft.report, feeModel, await previousPublished(ports, communityId, quarter))
    if (!check.balanced) {
      throw new AppError('REPORT.UNBALANCED', `报告有 ${check.problems.length} 处不平衡，不能发布：${check.problems.map((p) => p.message).join('；')}`, { problems: check.problems })
    }

    const version = (latest?.version ?? 0) + 1
    const r = draft.report
    const flows = quarterFlows(r)
    const published = await ports.disclosure.publish(
      { communityId, quarter, version, feeModel, report: r, reason: latest ? reason : null, by: actor.person.id, at: now },
      {
        communityId, actorId: actor.person.id, action: 'report.publish', subject: `report:${quarter}:v${version}`,
        data: { quarter, version, feeModel, reason: latest ? reason : null, sha256: sha256(JSON.stringify(r)), income: flows.income, spending: flows.spending, collected: collectionRate(r).numerator, billed: collectionRate(r).denominator, commonIncomeClosing: r.commonIncome.closing, repairFundClosing: r.repairFund.closing },
      },
    )
    const owners = (await ports.identity.communityPeople(communityId)).filter((m) => m.roles.includes('owner')).map((m) => m.person.id)
    const notified = await ports.notifications.send({
      communityId,
      recipientIds: owners,
      kind: 'report.published',
      title: version === 1 ? `${label}财务公开报告已发布` : `${label}财务公开报告已更正（第 ${version} 版）`,
      body: version === 1
        ? `物业费实收 ${formatFen(r.fees.collected)}，公共收益账户余额 ${formatFen(r.commonIncome.closing)}，维修资金余额 ${formatFen(r.repairFund.closing)}。有疑问可在报告中直接提问。`
        : `更正原因：${reason}`,
      page: `/packages/accounts/pages/report/index?quarter=${quarter}`,
      dedupeKey: `report:${communityId}:${quarter}:v${version}`,
      at: now,
    })
    return { quarter, version, auditSeq: published.auditSeq, notified }
  },
})
