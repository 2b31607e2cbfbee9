// 季度公开报告 (every member): the quarter at a glance in charts, then every
// line; withdrawals no assembly authorised in red; versions and what changed;
// owners ask about a line, the committee answers, everyone reads both.
import { View, Text, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { BarChart, type BarRow } from '../../../../components/bar-chart'
import { dateText } from '../../../../components/dates'
import { go, PAGES } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { pageParams } from '../../../../components/page-params'
import { Button, Tag } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import type { ReportDetail, ReportSummary } from '../../../../contracts/disclosure'
import { formatFen } from '../../../../domain/measure'
import { lineText, linesBySection, spendingByCategory, type ReportLine } from '../../../../domain/disclosure/lines'
import { quarterLabel, quarterShort } from '../../../../domain/disclosure/quarter'
import { FEE_MODEL_LABELS, collectionRate, percentText, quarterFlows, roundFraction } from '../../../../domain/disclosure/report'
import { answer, ask, quartersResource, reportResource } from '../../../../stores/disclosure'
import { hasRole } from '../../../../stores/session'
import './index.scss'

/** Attachments are served to members by the host at /api/files/<id>; on WeChat they live in cloud storage. */
function openAttachment(fileId: string, kind: string) {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.open(`/api/files/${encodeURIComponent(fileId)}`, '_blank')
  else if (kind === 'pdf') void Taro.cloud.downloadFile({ fileID: fileId }).then((r) => Taro.openDocument({ filePath: r.tempFilePath, fileType: 'pdf' })).catch(() => undefined)
  else void Taro.previewMedia({ sources: [{ url: fileId, type: 'image' }] }).catch(() => undefined)
}

const signed = (fen: number): string => (fen === 0 ? '持平' : fen > 0 ? `+${formatFen(fen)}` : `−${formatFen(-fen)}`)

function KeyFigures({ d }: { d: ReportDetail }) {
  const prev = d.previousQuarter?.report
  const rate = percentText(d.collectionRate)
  return (
    <View className='gj-card report-figures' data-testid='key-figures'>
      <View className='gj-stats'>
        <View className='gj-stat'><Text className='gj-stat__value'>{rate}</Text><Text className='gj-stat__label'>物业费收缴率</Text>{prev && <Text className='report-delta'>上季 {percentText(collectionRate(prev))}</Text>}</View>
        <View className='gj-stat'><Text className='gj-stat__value report-figure--small'>{formatFen(d.report.commonIncome.closing)}</Text><Text className='gj-stat__label'>公共收益账户余额</Text>{prev && <Text className='report-delta'>比上季 {signed(d.report.commonIncome.closing - prev.commonIncome.closing)}</Text>}</View>
      </View>
      <View className='gj-stats'>
        <View className='gj-stat'><Text className='gj-stat__value report-figure--small'>{formatFen(d.report.repairFund.closing)}</Text><Text className='gj-stat__label'>维修资金余额</Text>{prev && <Text className='report-delta'>比上季 {signed(d.report.repairFund.closing - prev.repairFund.closing)}</Text>}</View>
        <View className='gj-stat'><Text className='gj-stat__value report-figure--small'>{formatFen(d.report.fees.arrearsClosing)}</Text><Text className='gj-stat__label'>累计欠费</Text>{prev && <Text className='report-delta'>比上季 {signed(d.report.fees.arrearsClosing - prev.fees.arrearsClosing)}</Text>}</View>
      </View>
    </View>
  )
}

function Charts({ d, history }: { d: ReportDetail; history: ReportSummary[] }) {
  const flowRows: BarRow[] = [{ quarter: d.quarter, report: d.report }, ...(d.previousQuarter ? [d.previousQuarter] : [])].map(({ quarter, report }) => {
    const f = quarterFlows(report)
    return { label: quarter === d.quarter ? '本季' : '上季', bars: [{ value: f.income, text: formatFen(f.income), tone: 'in', name: '收入' }, { value: f.spending, text: formatFen(f.spending), tone: 'out', name: '支出' }] }
  })
  const byCategory = spendingByCategory(d.report)
  const recent = history.filter((h) => h.quarter <= d.quarter).slice(0, 4).reverse()
  return (
    <>
      <BarChart testId='chart-flows' title='收入与支出（与上季对比）' legend={[{ name: '收入', tone: 'in' }, { name: '支出', tone: 'out' }]} rows={flowRows} />
      {byCategory.length > 0 && <BarChart testId='chart-spending' title='钱花在哪里' rows={byCategory.map((c) => ({ label: c.category, bars: [{ value: c.amount, text: formatFen(c.amount), tone: 'out' }] }))} />}
      {recent.length > 1 && (
        <>
          <BarChart testId='chart-rate' title='近几个季度的收缴率' max={1000}
            rows={recent.map((h) => ({ label: quarterShort(h.quarter), bars: [{ value: roundFraction({ numerator: h.collectionRate.numerator * 1000, denominator: Math.max(1, h.collectionRate.denominator) }), text: percentText(h.collectionRate), tone: 'in' }] }))} />
          <BarChart testId='chart-balance' title='近几个季度的公共收益账户余额'
            rows={recent.map((h) => ({ label: quarterShort(h.quarter), bars: [{ value: h.commonIncomeBalance, text: formatFen(h.commonIncomeBalance), tone: 'fund' }] }))} />
        </>
      )}
    </>
  )
}

function Lines({ d, canAsk, onAsk }: { d: ReportDetail; canAsk: boolean; onAsk: (l: ReportLine) => void }) {
  let withdrawal = 0
  const share = roundFraction(d.utilityShare)
  const u = d.report.utilities
  return (
    <>
      {linesBySection(d.lines).map((g) => (
        <View key={g.section} className='gj-card report-section' data-testid={`section-${g.section}`}>
          <View className='gj-card__head'>{g.title}</View>
          {g.lines.map((l) => {
            const isWithdrawal = g.section === 'repairFund' && l.label.startsWith('支取·')
            const status = isWithdrawal ? d.withdrawals[withdrawal] : null
            const repairs = isWithdrawal ? d.withdrawalRepairs[withdrawal++] ?? [] : []
            return (
              <View key={l.key} className='report-line'>
                <View className='report-line__main'>
                  <Text className='report-line__label'>{l.label}</Text>
                  <Text className='report-line__value'>{lineText(l)}</Text>
                </View>
                {status && (status.state === 'unvoted'
                  ? <Text className='report-unvoted'>未经表决</Text>
                  : <Text className='gj-muted'>已经业主大会表决：{status.title}</Text>)}
                {repairs.length > 0 && <Text className='gj-muted' data-testid='withdrawal-repairs'>用于报修单 {repairs.map((no) => `#${no}`).join('、')}</Text>}
                {canAsk && <Text className='report-line__ask' onClick={() => onAsk(l)}>对此提问</Text>}
              </View>
            )
          })}
          {g.section === 'fees' && <Text className='gj-muted'>收缴率 = 实收 ÷ 应收 = {formatFen(d.report.fees.collected)} ÷ {formatFen(d.report.fees.billed)} = {percentText(d.collectionRate)}</Text>}
          {g.section === 'utilities' && u.divisor > 0 && (
            <Text className='gj-muted' data-testid='share-formula'>
              {u.basis === 'unit'
                ? `分摊公式：公摊合计 ÷ 户数 = ${formatFen(u.total)} ÷ ${u.divisor} 户 ≈ 每户 ${formatFen(share)}`
                : `分摊公式：公摊合计 ÷ 总面积 = ${formatFen(u.total)} ÷ ${(u.divisor / 100).toFixed(2)} m² ≈ 每平方米 ${formatFen(share)}`}
            </Text>
          )}
        </View>
      ))}
      {d.report.attachments.length > 0 && (
        <View className='gj-card'>
          <View className='gj-card__head'>附件（对账单、发票）</View>
          {d.report.attachments.map((a) => (
            <View key={a.fileId} className='report-line report-line--tap' onClick={() => openAttachment(a.fileId, a.kind)}>
              <Text className='report-line__ask'>{a.name}（{a.kind === 'pdf' ? 'PDF' : '照片'}）</Text>
            </View>
          ))}
        </View>
      )}
    </>
  )
}

function Questions({ d, communityId, chosen, canAsk, canAnswer }: { d: ReportDetail; communityId: string; chosen: ReportLine | null; canAsk: boolean; canAnswer: boolean }) {
  const [text, setText] = useState('')
  const [replies, setReplies] = useState<Record<number, string>>({})
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const run = async (action: () => Promise<unknown>, message: string, after: () => void) => {
    setBusy(true)
    setDone(null)
    try {
      await action()
      after()
      setDone(message)
    } catch {
      // Shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='gj-card' id='questions' data-testid='questions'>
      <View className='gj-card__head'>业主提问（{d.questions.length}）</View>
      {d.questions.length === 0 && <Text className='gj-muted'>还没有人提问。</Text>}
      {d.questions.map((q) => (
        <View key={q.id} className='report-question'>
          <Text className='report-question__line'>关于「{q.lineLabel}」· {q.askerName}</Text>
          <Text className='report-question__text'>{q.text}</Text>
          {q.answer
            ? <Text className='report-question__answer'>业委会{q.answererName ? `（${q.answererName}）` : ''}答复：{q.answer}</Text>
            : <Text className={q.overdue ? 'report-unvoted' : 'gj-muted'}>{q.ageDays === 0 ? '今天提出，等待答复' : `已等待 ${q.ageDays} 天`}{q.overdue ? '，已超期' : ''}</Text>}
          {!q.answer && canAnswer && (
            <View className='report-form'>
              <Textarea className='report-textarea' placeholder='写下答复，答复后公开且不能修改' value={replies[q.id] ?? ''} onInput={(e) => setReplies({ ...replies, [q.id]: e.detail.value })} />
              <Button type='primary' size='small' disabled={busy} onClick={() => void run(() => answer(communityId, d.quarter, q.id, replies[q.id] ?? ''), '答复已公开', () => setReplies({ ...replies, [q.id]: '' }))}>答复</Button>
            </View>
          )}
        </View>
      ))}
      {canAsk && (
        <View className='report-form' data-testid='ask-form'>
          <Text className='report-form__hint'>{chosen ? `提问：${chosen.label}（${lineText(chosen)}）` : '在上面的明细里点「对此提问」，选择要问的项目'}</Text>
          {chosen && (
            <>
              <Textarea className='report-textarea' placeholder='您想问什么？' value={text} onInput={(e) => setText(e.detail.value)} />
              <Button type='primary' block disabled={busy} onClick={() => void run(() => ask(communityId, d.quarter, chosen.key, text), '问题已提交，业委会答复后所有业主都能看到', () => setText(''))}>提交问题</Button>
            </>
          )}
        </View>
      )}
      {done && <View className='report-done' role='status'>{done}</View>}
    </View>
  )
}

export default function ReportPage() {
  const { communityId, membership } = useCommunity()
  const params = pageParams()
  const history = quartersResource.store(quartersResource.select(communityId ?? ''))
  const quarter = params.quarter ?? history.data?.[0]?.quarter ?? ''
  const [version, setVersion] = useState(Number(params.version ?? 0) || 0)
  const resource = reportResource.store(reportResource.select(communityId ?? '', quarter, version))
  const [chosen, setChosen] = useState<ReportLine | null>(null)
  useEffect(() => {
    if (communityId) void quartersResource.store.getState().load(communityId)
  }, [communityId])
  useEffect(() => {
    if (communityId && quarter) void reportResource.store.getState().load(communityId, quarter, version)
  }, [communityId, quarter, version])

  const canAsk = hasRole(membership, 'owner')
  const canAnswer = hasRole(membership, 'committee')
  return (
    <PageShell title={quarter ? `${quarterLabel(quarter)} 财务公开` : '季度财务公开'}>
      {quarter && <AsyncView resource={resource} onRetry={() => communityId && void reportResource.store.getState().reload(communityId, quarter, version)}>
        {(d) => (
          <>
            <View className='gj-card report-meta' data-testid='report-meta'>
              <View className='gj-tags'>
                <Tag type='primary'>第 {d.version} 版{d.version < d.latestVersion ? '（旧版）' : ''}</Tag>
                <Tag type='success'>{FEE_MODEL_LABELS[d.feeModel]}</Tag>
              </View>
              <Text className='gj-muted'>{dateText(d.publishedAt)}由{d.publishedByName ?? '业委会'}发布</Text>
              {d.reason && <Text className='report-reason'>更正原因：{d.reason}</Text>}
              <Button size='small' onClick={go(`${PAGES.accountsPrint}?quarter=${d.quarter}&version=${d.version}`)}>公示栏打印版</Button>
            </View>
            {d.changes && d.changes.length > 0 && (
              <View className='gj-card' data-testid='changes'>
                <View className='gj-card__head'>第 {d.version} 版改了什么</View>
                {d.changes.map((c) => (
                  <View key={c.key} className='report-line'>
                    <Text className='report-line__label'>{c.label}</Text>
                    <Text className='report-line__value'>{c.before ?? '（新增）'} → {c.after ?? '（删除）'}</Text>
                  </View>
                ))}
              </View>
            )}
            <KeyFigures d={d} />
            <Charts d={d} history={history.data ?? []} />
            <View className='gj-section-title'>明细</View>
            <Lines d={d} canAsk={canAsk} onAsk={setChosen} />
            <Questions d={d} communityId={communityId ?? ''} chosen={chosen} canAsk={canAsk} canAnswer={canAnswer} />
            {d.versions.length > 1 && (
              <View className='gj-card' data-testid='versions'>
                <View className='gj-card__head'>历史版本</View>
                {d.versions.map((v) => (
                  <View key={v.version} className='report-line report-line--tap' onClick={() => setVersion(v.version === d.latestVersion ? 0 : v.version)}>
                    <Text className='report-line__label'>第 {v.version} 版 · {dateText(v.publishedAt)}{v.version === d.version ? '（正在看）' : ''}</Text>
                    <Text className='gj-muted'>{v.reason ? `更正原因：${v.reason}` : '首次发布'}</Text>
                  </View>
                ))}
              </View>
            )}
          </>
        )}
      </AsyncView>}
      {!quarter && history.status === 'ready' && <View className='gj-card'><Text className='gj-muted'>业委会尚未发布季度报告。</Text></View>}
    </PageShell>
  )
}
