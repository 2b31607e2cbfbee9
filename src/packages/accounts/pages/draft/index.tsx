// 编制季度报告 (property staff, committee): enter the figures on a phone or a
// desktop, or import the spreadsheet; attach statements; save and see every
// difference that keeps the report from balancing; the committee publishes.
import { View, Text, Input, Picker, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { createElement, useEffect, useState, type ReactNode } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { go, PAGES } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { pageParams } from '../../../../components/page-params'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import type { ReportDraftView } from '../../../../contracts/disclosure'
import { formatHundredths, parseYuanToFen } from '../../../../domain/measure'
import { previousQuarter, quarterLabel, quarterOf } from '../../../../domain/disclosure/quarter'
import { FEE_MODEL_LABELS, INCOME_LABELS, INCOME_SOURCES, SPENDING_CATEGORIES, SPENDING_LABELS, type QuarterlyReport, type SectionKey } from '../../../../domain/disclosure/report'
import type { Problem } from '../../../../domain/disclosure/validate'
import { attachFile, draftResource, importSpreadsheet, publishQuarter, reportTemplate, saveReportDraft } from '../../../../stores/disclosure'
import { hasRole } from '../../../../stores/session'
import './index.scss'

type Path = Array<string | number>
const getAt = (o: unknown, path: Path): unknown => path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)?.[k], o)
function setAt<T>(o: T, path: Path, value: unknown): T {
  const copy = JSON.parse(JSON.stringify(o)) as T
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>
  parent[path[path.length - 1]] = value
  return copy
}

interface FormApi {
  report: QuarterlyReport
  texts: Record<string, string>
  errors: Record<string, string>
  setMoney(path: Path, text: string): void
  setCount(path: Path, text: string): void
  setText(path: Path, text: string): void
  update(next: QuarterlyReport): void
}

function Money({ f, path, label }: { f: FormApi; path: Path; label: string }) {
  const key = path.join('.')
  return (
    <View className='draft-field'>
      <Text className='draft-field__label'>{label}</Text>
      <Input className={`draft-input${f.errors[key] ? ' draft-input--bad' : ''}`} type='digit' data-path={key} value={f.texts[key] ?? formatHundredths(getAt(f.report, path) as number)} onInput={(e) => f.setMoney(path, e.detail.value)} />
      {f.errors[key] && <Text className='draft-error'>{f.errors[key]}</Text>}
    </View>
  )
}

function Words({ f, path, placeholder }: { f: FormApi; path: Path; placeholder: string }) {
  return <Input className='draft-input draft-input--text' placeholder={placeholder} value={String(getAt(f.report, path) ?? '')} onInput={(e) => f.setText(path, e.detail.value)} />
}

function Count({ f, path, label }: { f: FormApi; path: Path; label: string }) {
  const key = path.join('.')
  return (
    <View className='draft-field'>
      <Text className='draft-field__label'>{label}</Text>
      <Input className='draft-input' type='number' value={f.texts[key] ?? String(getAt(f.report, path))} onInput={(e) => f.setCount(path, e.detail.value)} />
      {f.errors[key] && <Text className='draft-error'>{f.errors[key]}</Text>}
    </View>
  )
}

function Choice<T extends string>({ f, path, options, labels }: { f: FormApi; path: Path; options: readonly T[]; labels: Record<T, string> }) {
  const current = getAt(f.report, path) as T
  return (
    <Picker mode='selector' range={options.map((o) => labels[o])} value={Math.max(0, options.indexOf(current))} onChange={(e) => f.update(setAt(f.report, path, options[Number(e.detail.value)]))}>
      <View className='draft-choice'>{labels[current]} ▾</View>
    </Picker>
  )
}

/** A list of rows (fee items, spending lines, withdrawals…) with add and remove. */
function Rows({ f, path, title, blank, children }: { f: FormApi; path: Path; title: string; blank: object; children: (i: number) => JSX.Element }) {
  const rows = (getAt(f.report, path) as unknown[]) ?? []
  return (
    <View className='draft-rows'>
      <Text className='draft-rows__title'>{title}（{rows.length}）</Text>
      {rows.map((_, i) => (
        <View key={i} className='draft-row'>
          {children(i)}
          <Text className='draft-remove' onClick={() => f.update(setAt(f.report, path, rows.filter((__, j) => j !== i)))}>删除这一行</Text>
        </View>
      ))}
      <Button size='small' onClick={() => f.update(setAt(f.report, path, [...rows, blank]))}>＋ 添加一行</Button>
    </View>
  )
}

/** A section of the form; on a phone only the sections that need attention start open. */
function Section({ title, section, problems, children }: { title: string; section: SectionKey; problems: Problem[]; children: ReactNode }) {
  const count = problems.filter((p) => p.section === section).length
  const [open, setOpen] = useState(count > 0)
  return (
    <View className='gj-card' data-testid={`edit-${section}`}>
      <View className='draft-section__head' onClick={() => setOpen(!open)}>
        <Text className='gj-card__head'>{title}</Text>
        <Text className={count ? 'draft-error draft-section__state' : 'gj-muted draft-section__state'}>{count ? `${count} 处不平衡` : '已平衡'} {open ? '收起 ▴' : '展开 ▾'}</Text>
      </View>
      {open && children}
    </View>
  )
}

function Problems({ problems, title }: { problems: Problem[]; title: string }) {
  if (problems.length === 0) return <View className='gj-card draft-ok' data-testid='balanced'><Text>各部分均已平衡，可以发布。</Text></View>
  return (
    <View className='gj-card draft-problems' data-testid='problems'>
      <View className='gj-card__head'>{title}（{problems.length} 处）</View>
      {problems.map((p, i) => <Text key={i} className='draft-problem'>{i + 1}. {p.message}</Text>)}
    </View>
  )
}

function pickFile(accept: string, onFile: (file: { path: string; name: string }) => void) {
  if (process.env.TARO_ENV === 'h5') {
    return createElement('input', {
      type: 'file', accept, className: 'draft-file', 'data-testid': accept.includes('pdf') ? 'attach-file' : 'import-file',
      onChange: (e: { target: HTMLInputElement }) => {
        const file = e.target.files?.[0]
        if (file) onFile({ path: URL.createObjectURL(file), name: file.name })
        e.target.value = ''
      },
    })
  }
  const extension = accept.includes('pdf') ? ['pdf', 'jpg', 'jpeg', 'png'] : ['csv', 'xlsx']
  return <Button size='small' onClick={() => void Taro.chooseMessageFile({ count: 1, type: 'file', extension }).then((r) => onFile({ path: r.tempFiles[0].path, name: r.tempFiles[0].name }))}>从聊天记录选择文件</Button>
}

function Editor({ view, communityId, canPublish }: { view: ReportDraftView; communityId: string; canPublish: boolean }) {
  const [report, setReport] = useState(view.report)
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<{ message: string; problems: Problem[] } | null>(null)
  const [importRows, setImportRows] = useState<Array<{ row: number; message: string }> | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  useEffect(() => { setReport(view.report); setTexts({}); setErrors({}) }, [view])

  const typed = (path: Path, text: string, parse: (t: string) => number | null, message: string) => {
    const key = path.join('.')
    setTexts({ ...texts, [key]: text })
    const value = parse(text.trim() === '' ? '0' : text)
    if (value === null) setErrors({ ...errors, [key]: message })
    else {
      const { [key]: _gone, ...rest } = errors
      setErrors(rest)
      setReport(setAt(report, path, value))
    }
  }
  const f: FormApi = {
    report, texts, errors,
    setMoney: (path, text) => typed(path, text, (t) => parseYuanToFen(t.replace(/,/g, '')), '请填写元，最多两位小数，不能为负数'),
    setCount: (path, text) => typed(path, text, (t) => (/^\d{1,12}$/.test(t.trim()) ? Number(t) : null), '读数须为不带小数的整数'),
    setText: (path, text) => setReport(setAt(report, path, text)),
    update: setReport,
  }
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setStatus(null)
    try {
      await action()
    } catch {
      // The failure is shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }
  const save = () => run(async () => {
    if (Object.keys(errors).length) {
      setStatus(`有 ${Object.keys(errors).length} 个数字格式不正确，请先改正`)
      return
    }
    setRefusal(null)
    const saved = await saveReportDraft(communityId, view.quarter, report)
    setStatus(saved.check.balanced ? '已保存，各部分均已平衡' : `已保存；还有 ${saved.check.problems.length} 处不平衡`)
  })
  const publish = () => run(async () => {
    const r = await publishQuarter(communityId, view.quarter, reason.trim() || undefined)
    if (r.ok) setStatus(`已发布第 ${r.version} 版，已通知全体业主`)
    else setRefusal(r)
  })
  const downloadTemplate = () => run(async () => {
    const t = await reportTemplate(communityId)
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
      const a = document.createElement('a')
      a.href = URL.createObjectURL(new Blob([t.csv], { type: 'text/csv;charset=utf-8' }))
      a.download = t.fileName
      a.click()
    } else setStatus('请在电脑上打开本页下载模板')
  })
  const rf = report.repairFund
  const shown = refusal?.problems.length ? refusal.problems : view.check.problems

  return (
    <>
      <View className='gj-card draft-meta'>
        <Text>{quarterLabel(view.quarter)} · {view.feeModel ? FEE_MODEL_LABELS[view.feeModel] : '尚未设定收费方式'}</Text>
        <Text className='gj-muted'>
          {view.source === 'draft' ? `草稿${view.updatedByName ? `，最后由${view.updatedByName}保存` : ''}`
            : view.source === 'correction' ? `已发布第 ${view.publishedVersion} 版；在此修改后作为更正版本发布`
              : view.source === 'carried-forward' ? '新草稿：期初余额已按上季度公布的期末余额填入' : '新草稿'}
        </Text>
      </View>
      {refusal ? <Problems problems={refusal.problems} title={refusal.problems.length ? '不能发布：以下各处不平衡' : refusal.message} /> : <Problems problems={view.check.problems} title='还不平衡' />}
      {refusal && refusal.problems.length === 0 && <View className='gj-card draft-problems'><Text className='draft-problem'>{refusal.message}</Text></View>}

      <View className='gj-card'>
        <View className='gj-card__head'>从表格导入</View>
        <Text className='gj-muted'>支持 Excel（.xlsx）和 CSV（包括 WPS/Excel 默认的 GBK 编码）。导入会替换本季度草稿中的数字。</Text>
        <Button size='small' onClick={() => void downloadTemplate()}>下载模板</Button>
        {pickFile('.csv,.xlsx', (file) => void run(async () => {
          const r = await importSpreadsheet(communityId, view.quarter, file)
          if (r.ok) { setImportRows(null); setStatus(`已导入 ${r.rows} 行`) } else setImportRows(r.rows.length ? r.rows : [{ row: 0, message: r.message }])
        }))}
        {importRows && (
          <View className='draft-problems' data-testid='import-problems'>
            {importRows.map((p, i) => <Text key={i} className='draft-problem'>{p.row ? `第 ${p.row} 行：` : ''}{p.message}</Text>)}
          </View>
        )}
      </View>

      <Section title='物业服务费' section='fees' problems={shown}>
        <Rows f={f} path={['fees', 'items']} title='收费项目' blank={{ label: '', rate: '', billed: 0, collected: 0 }}>
          {(i) => <><Words f={f} path={['fees', 'items', i, 'label']} placeholder='项目，如 住宅物业服务费' /><Words f={f} path={['fees', 'items', i, 'rate']} placeholder='收费标准，如 2.80 元/m²·月' /><Money f={f} path={['fees', 'items', i, 'billed']} label='应收（元）' /><Money f={f} path={['fees', 'items', i, 'collected']} label='实收（元）' /></>}
        </Rows>
        <Money f={f} path={['fees', 'billed']} label='应收合计' />
        <Money f={f} path={['fees', 'collected']} label='实收合计' />
        <Money f={f} path={['fees', 'arrearsOpening']} label='期初欠费' />
        <Money f={f} path={['fees', 'arrearsClosing']} label='期末欠费' />
      </Section>

      {report.spending && (
        <Section title='支出明细' section='spending' problems={shown}>
          <Rows f={f} path={['spending', 'items']} title='支出' blank={{ category: 'other', label: '', amount: 0 }}>
            {(i) => <><Choice f={f} path={['spending', 'items', i, 'category']} options={SPENDING_CATEGORIES} labels={SPENDING_LABELS} /><Words f={f} path={['spending', 'items', i, 'label']} placeholder='项目' /><Money f={f} path={['spending', 'items', i, 'amount']} label='金额（元）' /></>}
          </Rows>
          <Money f={f} path={['spending', 'total']} label='支出合计' />
        </Section>
      )}

      {report.serviceFund && (
        <Section title='物业服务资金（业主所有）' section='serviceFund' problems={shown}>
          <Money f={f} path={['serviceFund', 'opening']} label='期初结余' />
          <Money f={f} path={['serviceFund', 'lumpSum']} label='包干部分（归物业公司）' />
          <Money f={f} path={['serviceFund', 'closing']} label='期末结余' />
        </Section>
      )}

      <Section title='公共收益' section='commonIncome' problems={shown}>
        <Money f={f} path={['commonIncome', 'opening']} label='账户期初余额' />
        <Rows f={f} path={['commonIncome', 'income']} title='收入' blank={{ source: 'parking', label: '', amount: 0 }}>
          {(i) => <><Choice f={f} path={['commonIncome', 'income', i, 'source']} options={INCOME_SOURCES} labels={INCOME_LABELS} /><Words f={f} path={['commonIncome', 'income', i, 'label']} placeholder='项目' /><Money f={f} path={['commonIncome', 'income', i, 'amount']} label='金额（元）' /></>}
        </Rows>
        <Rows f={f} path={['commonIncome', 'uses']} title='使用' blank={{ label: '', amount: 0 }}>
          {(i) => <><Words f={f} path={['commonIncome', 'uses', i, 'label']} placeholder='用途' /><Money f={f} path={['commonIncome', 'uses', i, 'amount']} label='金额（元）' /></>}
        </Rows>
        <Money f={f} path={['commonIncome', 'closing']} label='账户期末余额' />
      </Section>

      <Section title='水电公摊' section='utilities' problems={shown}>
        <Choice f={f} path={['utilities', 'basis']} options={['unit', 'area'] as const} labels={{ unit: '按户分摊', area: '按面积分摊' }} />
        <Rows f={f} path={['utilities', 'meters']} title='公共水电表' blank={{ label: '', kind: 'electricity', previous: 0, current: 0, unitPrice: 0, amount: 0 }}>
          {(i) => <><Choice f={f} path={['utilities', 'meters', i, 'kind']} options={['electricity', 'water'] as const} labels={{ electricity: '电表（kWh）', water: '水表（m³）' }} /><Words f={f} path={['utilities', 'meters', i, 'label']} placeholder='表名' /><Count f={f} path={['utilities', 'meters', i, 'previous']} label='上期读数' /><Count f={f} path={['utilities', 'meters', i, 'current']} label='本期读数' /><Money f={f} path={['utilities', 'meters', i, 'unitPrice']} label='单价（元）' /><Money f={f} path={['utilities', 'meters', i, 'amount']} label='金额（元）' /></>}
        </Rows>
        <Money f={f} path={['utilities', 'total']} label='公摊合计' />
      </Section>

      <Section title='维修资金' section='repairFund' problems={shown}>
        <Money f={f} path={['repairFund', 'opening']} label='期初余额' />
        <Rows f={f} path={['repairFund', 'contributions']} title='缴存' blank={{ label: '', amount: 0 }}>
          {(i) => <><Words f={f} path={['repairFund', 'contributions', i, 'label']} placeholder='项目' /><Money f={f} path={['repairFund', 'contributions', i, 'amount']} label='金额（元）' /></>}
        </Rows>
        <Rows f={f} path={['repairFund', 'withdrawals']} title='支取（须注明业主大会表决编号）' blank={{ label: '', amount: 0, motionId: null }}>
          {(i) => <><Words f={f} path={['repairFund', 'withdrawals', i, 'label']} placeholder='项目' /><Money f={f} path={['repairFund', 'withdrawals', i, 'amount']} label='金额（元）' /><Words f={f} path={['repairFund', 'withdrawals', i, 'motionId']} placeholder='表决编号；没有则留空（将公示为未经表决）' /></>}
        </Rows>
        <Money f={f} path={['repairFund', 'closing']} label='期末余额' />
        <Text className='gj-muted'>当前期末余额：{formatHundredths(rf.closing)} 元</Text>
      </Section>

      <View className='gj-card'>
        <View className='gj-card__head'>附件（对账单、发票的照片或 PDF）</View>
        {report.attachments.map((a) => <Text key={a.fileId} className='draft-attachment'>{a.name}</Text>)}
        {pickFile('image/*,.pdf', (file) => void run(async () => { await attachFile(communityId, view.quarter, file); setStatus(`已添加附件：${file.name}`) }))}
      </View>

      <View className='gj-card draft-actions'>
        <Button type='primary' block disabled={busy} onClick={() => void save()}>保存并核对</Button>
        {canPublish && (
          <>
            {view.publishedVersion > 0 && <Textarea className='draft-reason' placeholder={`更正原因（必填）：第 ${view.publishedVersion} 版哪里错了`} value={reason} onInput={(e) => setReason(e.detail.value)} />}
            <Button type='success' block disabled={busy} onClick={() => void publish()}>{view.publishedVersion > 0 ? `发布更正（第 ${view.publishedVersion + 1} 版）` : '发布'}</Button>
          </>
        )}
        {status && <View className='draft-status' role='status'>{status}</View>}
        {status?.startsWith('已发布') && <Button size='small' onClick={go(`${PAGES.accountsReport}?quarter=${view.quarter}`)}>查看报告</Button>}
      </View>
    </>
  )
}

export default function DraftPage() {
  const { communityId, membership } = useCommunity()
  const current = quarterOf(Date.now())
  const choices: string[] = [current, previousQuarter(current), previousQuarter(previousQuarter(current)), previousQuarter(previousQuarter(previousQuarter(current)))]
  const [quarter, setQuarter] = useState(pageParams().quarter ?? current)
  const allowed = hasRole(membership, 'committee', 'property')
  const draft = draftResource.store(draftResource.select(communityId ?? '', quarter))
  useEffect(() => {
    if (communityId && allowed) void draftResource.store.getState().load(communityId, quarter)
  }, [communityId, quarter, allowed])
  if (membership && !allowed) return <PageShell title='编制季度报告'><View className='gj-card'><Text>只有业委会和物业可以编制报告。</Text></View></PageShell>
  return (
    <PageShell title='编制季度报告'>
      <Picker mode='selector' range={choices.map(quarterLabel)} value={Math.max(0, choices.indexOf(quarter))} onChange={(e) => setQuarter(choices[Number(e.detail.value)])}>
        <View className='gj-card draft-choice'>季度：{quarterLabel(quarter)} ▾</View>
      </Picker>
      <AsyncView resource={draft} onRetry={() => communityId && void draftResource.store.getState().reload(communityId, quarter)}>
        {(view) => <Editor view={view} communityId={communityId ?? ''} canPublish={hasRole(membership, 'committee')} />}
      </AsyncView>
    </PageShell>
  )
}
