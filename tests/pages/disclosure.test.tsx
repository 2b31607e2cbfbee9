import { screen, fireEvent, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AccountsPage from '../../src/pages/accounts/index'
import ReportPage from '../../src/packages/accounts/pages/report/index'
import DraftPage from '../../src/packages/accounts/pages/draft/index'
import PrintPage from '../../src/packages/accounts/pages/print/index'
import WatchPage from '../../src/packages/accounts/pages/watch/index'
import { BarChart, barWidth } from '../../src/components/bar-chart'
import { render } from '@testing-library/react'
import { renderAs, resetStores, typeInto } from '../support/pages'
import { createHarness, expectOk, type Harness } from '../support/harness'

// The draft form renders a few hundred inputs; jsdom takes seconds for that.
jest.setTimeout(20_000)

let harness: Harness | undefined
const route = (params: Record<string, string>) => {
  const inst = Taro.getCurrentInstance() as { router?: unknown }
  inst.router = { params, path: '' }
}
beforeEach(() => {
  resetStores()
  route({})
})
afterEach(() => harness?.close())


test('公开: quarters newest first, with collection rate and what needs attention', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <AccountsPage />))
  await screen.findByText('2026年第三季度')
  const titles = screen.getAllByText(/^\d{4}年第.季度/).map((e) => e.textContent)
  expect(titles).toEqual(['2026年第三季度', '2026年第二季度', '2026年第一季度', '2025年第四季度'])
  expect(screen.getByText(/1 笔支取未经表决/)).toBeTruthy()
  // An owner is not offered the committee's tools.
  expect(screen.queryByText('编制季度报告')).toBeNull()
})

test('报告: charts, key figures against last quarter, 未经表决 in red, and an owner asks about a line', async () => {
  route({ quarter: '2026-Q2' })
  ;({ harness } = renderAs('p-chen-jing', <ReportPage />))
  await screen.findByTestId('key-figures')
  const figures = screen.getByTestId('key-figures')
  // Q2: residential 67,996,723 × 94.2% − ¥30,000 + ¥15,600 recovered, plus parking ¥187,650, over ¥868,967.23 billed.
  const collected = Math.floor((67_996_723 * 942) / 1000) - 3_000_000 + 1_560_000 + 18_765_000
  const tenths = Math.floor((2 * collected * 1000 + 86_896_723) / (2 * 86_896_723))
  expect(within(figures).getByText(`${Math.floor(tenths / 10)}.${tenths % 10}%`)).toBeTruthy()
  expect(screen.getByTestId('chart-flows').textContent).toContain('本季')
  expect(screen.getByTestId('chart-flows').textContent).toContain('上季')
  // Spending by category, largest first: staff ¥224,900.00.
  const spending = screen.getByTestId('chart-spending')
  expect(spending.querySelector('.gj-chart__label')!.textContent).toBe('人员')
  expect(spending.textContent).toContain('¥224,900.00')
  await waitFor(() => expect(screen.getByTestId('chart-rate').querySelectorAll('.gj-chart__row').length).toBe(3))
  // The emergency pump repair had no assembly vote.
  const unvoted = within(screen.getByTestId('section-repairFund')).getByText('未经表决')
  expect(unvoted.className).toContain('report-unvoted')
  expect(screen.getByTestId('share-formula').textContent).toMatch(/÷ 798 户/)

  // Ask about the parking income.
  const parking = within(screen.getByTestId('section-commonIncome')).getByText('停车收入·地面临时停车费').closest('.report-line')!
  fireEvent.click(within(parking as HTMLElement).getByText('对此提问'))
  await screen.findByText(/提问：停车收入·地面临时停车费/)
  typeInto(screen.getByTestId('ask-form').querySelector('textarea, taro-textarea-core')!, '停车费是怎么收的？')
  fireEvent.click(screen.getByText('提交问题'))
  await screen.findByText('停车费是怎么收的？')
  expect(screen.getByText('今天提出，等待答复')).toBeTruthy()
})

test('报告: a withdrawal shows the repair requests it paid for, once the committee has linked them', async () => {
  route({ quarter: '2026-Q3' })
  const h = createHarness()
  expectOk(await h.call('repair-link-fund', { communityId: 'c-changcheng2', id: 'r-demo-2', withdrawalId: '2026-Q3#1' }, 'p-li-jianguo'))
  ;({ harness } = renderAs('p-chen-jing', <ReportPage />, h))
  const section = await screen.findByTestId('section-repairFund')
  const line = within(section).getByText('支取·1–4栋外墙渗漏维修').closest('.report-line') as HTMLElement
  expect(within(line).getByTestId('withdrawal-repairs').textContent).toBe('用于报修单 #2')
})

test('报告: the committee answers a question and the answer shows to everyone', async () => {
  route({ quarter: '2026-Q3' })
  ;({ harness } = renderAs('p-li-jianguo', <ReportPage />))
  await screen.findByText('日常维修四万多元，能否列出主要维修了哪些地方？')
  expect(screen.getByText('已等待 12 天，已超期')).toBeTruthy()
  typeInto(screen.getByTestId('questions').querySelector('textarea, taro-textarea-core')!, '主要是 2 栋水管更换和路灯维修，明细见附件。')
  fireEvent.click(screen.getByText('答复'))
  await screen.findByText('业委会（李建国）答复：主要是 2 栋水管更换和路灯维修，明细见附件。')
})

test('编制: the committee sees the ¥1,000 difference, is refused on publish, fixes the closing and publishes', async () => {
  ;({ harness } = renderAs('p-li-jianguo', <DraftPage />))
  const problems = await screen.findByTestId('problems')
  expect(problems.textContent).toContain('维修资金：期末余额')
  expect(problems.textContent).toContain('多了 ¥1,000.00')
  fireEvent.click(screen.getByText('发布'))
  await screen.findByText(/不能发布：以下各处不平衡（1 处）/)
  expect(harness.ports.db.prepare("SELECT COUNT(*) FROM report_versions WHERE quarter = '2026-Q4'").pluck().get()).toBe(0)

  const closing = document.querySelector('[data-path="repairFund.closing"]')!
  const typed = (closing as HTMLInputElement).value ?? closing.getAttribute('value')
  const [yuan, cents] = String(typed).split('.')
  typeInto(closing, `${Number(yuan) - 1000}.${cents}`)
  fireEvent.click(screen.getByText('保存并核对'))
  await screen.findByText('已保存，各部分均已平衡')
  fireEvent.click(screen.getByText('发布'))
  await screen.findByText('已发布第 1 版，已通知全体业主')
  expect(harness.ports.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'report.published'").pluck().get()).toBe(5)
})

test('编制: a fraction of a fen is caught in the form before anything is sent', async () => {
  ;({ harness } = renderAs('p-zhao-lei', <DraftPage />))
  await screen.findByTestId('problems')
  const before = harness.snapshot()
  // Balanced sections start folded on a phone; 物业服务费 opens with a tap.
  expect(document.querySelector('[data-path="fees.billed"]')).toBeNull()
  fireEvent.click(within(screen.getByTestId('edit-fees')).getByText(/已平衡/))
  typeInto(document.querySelector('[data-path="fees.billed"]')!, '868967.235')
  await screen.findByText('请填写元，最多两位小数，不能为负数')
  fireEvent.click(screen.getByText('保存并核对'))
  await screen.findByText('有 1 个数字格式不正确，请先改正')
  expect(harness.snapshot()).toBe(before)
  // Property staff draft; only the committee publishes.
  expect(screen.queryByText('发布')).toBeNull()
})

test('编制: the committee sets the fee model; under 酬金制 the demo\'s lump sum is listed as a problem', async () => {
  ;({ harness } = renderAs('p-li-jianguo', <DraftPage />))
  await screen.findByTestId('problems')
  expect(screen.getByText(/包干部分归物业公司/)).toBeTruthy()
  const picker = screen.getByTestId('fee-model').closest('taro-picker-core')!
  fireEvent(picker, new CustomEvent('change', { detail: { value: 1 } }))
  await screen.findByText('收费方式已设为酬金制')
  await waitFor(() => expect(screen.getByTestId('problems').textContent).toContain('酬金制没有包干部分，却填了 ¥120,000.00'))
  expect(harness.ports.db.prepare('SELECT fee_model FROM disclosure_settings').pluck().get()).toBe('commission')
})

test('编制: an owner is told the page is for the committee and property staff', async () => {
  ;({ harness } = renderAs('p-zhang-wei', <DraftPage />))
  await screen.findByText('只有业委会和物业可以编制报告。')
})

test('公示栏: the printable notice carries version, publication date and the 未经表决 mark', async () => {
  route({ quarter: '2026-Q2', version: '1' })
  ;({ harness } = renderAs('p-sun-li', <PrintPage />))
  const notice = await screen.findByTestId('notice')
  expect(notice.textContent).toContain('长城二花园 2026年第二季度财务公开')
  expect(notice.textContent).toMatch(/第 1 版 · 2026年7月\d+日发布 · 综合制/)
  expect(notice.textContent).toContain('支取·消防水泵应急维修（未经表决）')
})

test('监督提醒: a supervisor sees the overdue question with its age and the unvoted withdrawal', async () => {
  ;({ harness } = renderAs('p-sun-li', <WatchPage />))
  const overdue = await screen.findByTestId('overdue')
  expect(overdue.textContent).toContain('已等待 12 天')
  expect(screen.getByTestId('unvoted').textContent).toContain('消防水泵应急维修¥26,500.00')
})

describe('bar chart component', () => {
  test('bars are proportional to their values, and every bar states its figure', () => {
    render(<BarChart title='支出' rows={[{ label: '人员', bars: [{ value: 200, text: '¥2.00', tone: 'out' }] }, { label: '保洁', bars: [{ value: 50, text: '¥0.50', tone: 'out' }] }, { label: '其他', bars: [{ value: 0, text: '¥0.00', tone: 'out' }] }]} />)
    const bars = Array.from(document.querySelectorAll<HTMLElement>('.gj-chart__bar'))
    expect(bars.map((b) => b.style.width)).toEqual(['100%', '25%', '0%'])
    expect(screen.getByLabelText('保洁 ¥0.50')).toBeTruthy()
  })
  test('a tiny but non-zero value still shows a sliver; a fixed maximum caps the scale', () => {
    expect(barWidth(1, 1_000_000)).toBe(8)
    expect(barWidth(931, 1000)).toBe(931)
  })
})
